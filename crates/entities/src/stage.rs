//! The `entities` and `gazetteer` stages.

use std::borrow::Cow;
use std::cell::RefCell;

use byline_core::registry::{BuildStage, StageOptions, StageRegistration};
use byline_core::{Document, Entity, Layer, Span, Stage, StageError, require};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::gazetteer::{Gazetteer, OverlapPolicy, Phrase, merge};
use crate::lists::{BUILTIN, entries};
use crate::model::Model;
use crate::tagger::Scratch;

/// Options of the `entities` stage.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct EntityOptions {
    /// A model file written by `byline train entities` to use instead of the
    /// built-in one (trained on CoNLL-2003 English news). Relative paths are
    /// relative to the pipeline file.
    pub model: Option<String>,
    /// Report only these labels (e.g. ["PER", "ORG"]); all when empty.
    pub labels: Vec<String>,
    /// Skip the document pass (label consistency across a story): about a
    /// quarter faster, about 1.7 F1 points less accurate.
    pub single_pass: bool,
}

/// Tags named entities with a trained model.
#[derive(Clone, Debug)]
pub struct EntityStage {
    model: Cow<'static, Model>,
    /// Label indices to report.
    report: Vec<bool>,
}

impl EntityStage {
    /// A stage with the built-in model and default options.
    pub fn builtin() -> Result<EntityStage, String> {
        EntityStage::build(EntityOptions::default(), &StageOptions::empty())
    }

    /// A stage with this model, reporting every label.
    pub fn with_model(model: Model) -> EntityStage {
        let report = vec![true; model.tagset.labels().len()];
        EntityStage { model: Cow::Owned(model), report }
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }
}

/// Groups tokens by sentence: tokens starting inside the same sentence, or
/// in the same gap between sentences, form one group.
pub fn group_tokens(tokens: &[Span], sentences: &[Span]) -> Vec<Vec<Span>> {
    let mut groups: Vec<Vec<Span>> = Vec::new();
    let mut k = 0;
    let mut last_group = usize::MAX;
    for &t in tokens {
        while k < sentences.len() && sentences[k].end <= t.start {
            k += 1;
        }
        let inside = k < sentences.len() && sentences[k].start <= t.start;
        let group = 2 * k + usize::from(inside);
        if group != last_group || groups.is_empty() {
            groups.push(Vec::new());
            last_group = group;
        }
        if let Some(g) = groups.last_mut() {
            g.push(t);
        }
    }
    groups
}

/// True when the text's single line breaks mostly fall between sentences:
/// each line is a sentence, a heading or a table row (wire copy, results
/// tables, one paragraph per line), not hard-wrapped prose. In such text a
/// line break that the sentence splitter let through (`( P. Simmons 4-38 )`
/// rows, a list of names wrapped at a column) still ends what is on the line,
/// and no name runs on into the next line.
pub fn lines_are_units(text: &str, sentences: &[Span]) -> bool {
    let bytes = text.as_bytes();
    let (mut inside, mut between) = (0usize, 0usize);
    let mut k = 0;
    for (i, _) in text.match_indices('\n') {
        // A newline next to another (blank space between) is a paragraph break.
        let space = |b: &&u8| matches!(**b, b' ' | b'\t' | b'\r');
        let before = bytes[..i].iter().rev().find(|b| !space(b));
        let after = bytes[i + 1..].iter().find(|b| !space(b));
        if before.is_none_or(|&b| b == b'\n') || after.is_none_or(|&b| b == b'\n') {
            continue;
        }
        while k < sentences.len() && sentences[k].end <= i {
            k += 1;
        }
        if k < sentences.len() && sentences[k].start < i {
            inside += 1;
        } else {
            between += 1;
        }
    }
    inside > 0 && between >= 3 * inside
}

/// Splits groups of tokens where a line break separates two tokens.
fn split_at_lines(text: &str, groups: Vec<Vec<Span>>) -> Vec<Vec<Span>> {
    let mut out = Vec::with_capacity(groups.len());
    for group in groups {
        let mut cur: Vec<Span> = Vec::with_capacity(group.len());
        for t in group {
            if let Some(last) = cur.last() {
                if text.get(last.end..t.start).is_some_and(|gap| gap.contains('\n')) {
                    out.push(std::mem::take(&mut cur));
                }
            }
            cur.push(t);
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl EntityStage {
    /// The entities of a text given its tokens and sentences.
    pub fn entities(&self, text: &str, tokens: &[Span], sentences: &[Span]) -> Vec<Entity> {
        let mut groups = group_tokens(tokens, sentences);
        if lines_are_units(text, sentences) {
            groups = split_at_lines(text, groups);
        }
        let labels = self.model.tagset.labels();
        let mut out = Vec::new();
        for chunk in chunks(&groups, CHUNK_TOKENS) {
            let words: Vec<Vec<&str>> = chunk.iter().map(|g| g.iter().map(|t| t.text(text)).collect()).collect();
            let spans = SCRATCH.with(|s| match s.try_borrow_mut() {
                Ok(mut scratch) => self.model.tag_with(&words, &mut scratch),
                Err(_) => self.model.tag(&words),
            });
            out.extend(spans.into_iter().filter(|s| self.report.get(s.label).copied().unwrap_or(false)).filter_map(
                |s| {
                    let group = chunk.get(s.sentence)?;
                    let span = Span::new(group.get(s.first)?.start, group.get(s.end.checked_sub(1)?)?.end);
                    Some(Entity { span, label: labels.get(s.label)?.clone() })
                },
            ));
        }
        out
    }
}

/// Most tokens tagged at once. The tagger keeps a few hundred bytes per
/// token it tags (feature keys, scores, the lattice), so a document is
/// tagged in chunks of whole sentences of at most this many tokens: memory
/// stays bounded on a 50 MB text, and every document of ordinary length
/// (this is ~100 kB of news; the longest CoNLL or WikiGold document has
/// under 2,000 tokens) is still one chunk with its document pass over all
/// of it. A longer sentence is cut into pieces of this length.
const CHUNK_TOKENS: usize = 1 << 14;

/// Splits sentence groups into runs of at most `max` tokens: whole groups
/// while they fit, and a longer group in pieces of `max`.
fn chunks(groups: &[Vec<Span>], max: usize) -> Vec<Vec<&[Span]>> {
    let mut out: Vec<Vec<&[Span]>> = Vec::new();
    let mut size = max;
    for group in groups {
        for piece in group.chunks(max.max(1)) {
            if size + piece.len() > max {
                out.push(Vec::new());
                size = 0;
            }
            size += piece.len();
            if let Some(chunk) = out.last_mut() {
                chunk.push(piece);
            }
        }
    }
    out
}

const ENTITY_NEEDS: &[Layer] = &[Layer::TOKENS, Layer::SENTENCES];
const ENTITY_ADDS: &[Layer] = &[Layer::ENTITIES];

impl Stage for EntityStage {
    fn name(&self) -> &str {
        "entities"
    }

    fn needs(&self) -> &[Layer] {
        ENTITY_NEEDS
    }

    fn adds(&self) -> &[Layer] {
        ENTITY_ADDS
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let tokens = require(&doc.layers.tokens, Layer::TOKENS, "entities")?;
        let sentences = require(&doc.layers.sentences, Layer::SENTENCES, "entities")?;
        let entities = self.entities(doc.text(), tokens, sentences);
        doc.layers.entities = Some(entities);
        Ok(())
    }
}

impl BuildStage for EntityStage {
    type Options = EntityOptions;

    fn build(options: EntityOptions, ctx: &StageOptions<'_>) -> Result<Self, String> {
        let mut model = match &options.model {
            Some(path) => Cow::Owned(Model::from_file(&ctx.resolve_path(path)).map_err(|e| e.to_string())?),
            None => Cow::Borrowed(Model::builtin().map_err(|e| format!("the built-in model: {e}"))?),
        };
        if options.single_pass && model.document.is_some() {
            model.to_mut().document = None;
        }
        let labels = model.tagset.labels();
        for wanted in &options.labels {
            if !labels.contains(wanted) {
                return Err(format!(
                    "`labels`: the model has no label `{wanted}`; its labels are {}",
                    labels.join(", ")
                ));
            }
        }
        let report = labels.iter().map(|l| options.labels.is_empty() || options.labels.contains(l)).collect();
        Ok(EntityStage { model, report })
    }
}

inventory::submit! {
    StageRegistration::of::<EntityStage>(
        "entities",
        "Named entities (PER, ORG, LOC, MISC): an averaged-perceptron tagger with a document-consistency pass.",
        ENTITY_NEEDS,
        ENTITY_ADDS,
    )
}

/// A list of phrases with one label, in the pipeline TOML.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct PatternList {
    /// The label of these phrases' entities, e.g. "ORG".
    pub label: String,
    /// The exact phrases, e.g. ["OpenAI", "Anthropic"].
    pub phrases: Vec<String>,
    /// Overrides the stage's `case_sensitive` for these phrases.
    pub case_sensitive: Option<bool>,
}

/// Options of the `gazetteer` stage.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct GazetteerOptions {
    /// Phrase lists: `[[stage.patterns]]` tables with `label` and `phrases`.
    pub patterns: Vec<PatternList>,
    /// A file of phrases, one `LABEL<TAB>phrase` per line (`#` starts a
    /// comment). Relative to the pipeline file.
    pub file: Option<String>,
    /// Built-in lists to add with their usual labels: countries, us-states,
    /// cities, regions (LOC); nationalities, misc (MISC); organisations,
    /// companies, sports-teams (ORG); people (PER).
    pub lists: Vec<String>,
    /// Match letter case exactly; when false, ASCII letters match in either case.
    pub case_sensitive: bool,
    /// When a match overlaps an entity already found: "overwrite" (the match
    /// replaces it), "fill" (the match replaces only entities it covers
    /// completely, else is dropped) or "skip" (the match is added only where
    /// it overlaps nothing).
    pub policy: OverlapPolicy,
}

impl Default for GazetteerOptions {
    fn default() -> GazetteerOptions {
        GazetteerOptions {
            patterns: Vec::new(),
            file: None,
            lists: Vec::new(),
            case_sensitive: true,
            policy: OverlapPolicy::default(),
        }
    }
}

/// Finds phrases from lists and merges them with the entities found so far.
#[derive(Clone, Debug)]
pub struct GazetteerStage {
    gazetteer: Gazetteer,
    policy: OverlapPolicy,
}

impl GazetteerStage {
    /// A stage matching `phrases` with `policy`.
    pub fn new(phrases: Vec<Phrase>, policy: OverlapPolicy) -> Result<GazetteerStage, String> {
        Ok(GazetteerStage { gazetteer: Gazetteer::new(phrases)?, policy })
    }
}

const GAZETTEER_NEEDS: &[Layer] = &[Layer::TOKENS];
const GAZETTEER_ADDS: &[Layer] = &[Layer::ENTITIES];

impl Stage for GazetteerStage {
    fn name(&self) -> &str {
        "gazetteer"
    }

    fn needs(&self) -> &[Layer] {
        GAZETTEER_NEEDS
    }

    fn adds(&self) -> &[Layer] {
        GAZETTEER_ADDS
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let tokens = require(&doc.layers.tokens, Layer::TOKENS, "gazetteer")?;
        let matches = self.gazetteer.find(doc.text(), tokens);
        let existing = doc.layers.entities.take().unwrap_or_default();
        doc.layers.entities = Some(merge(existing, matches, self.policy));
        Ok(())
    }
}

/// Reads `LABEL<TAB>phrase` lines.
fn file_phrases(path: &std::path::Path, case_sensitive: bool) -> Result<Vec<Phrase>, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("`file`: cannot read {}: {e}; check the path", path.display()))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.split('#').next().unwrap_or("").trim_end();
        if line.trim().is_empty() {
            continue;
        }
        let Some((label, phrase)) = line.split_once('\t') else {
            return Err(format!("`file`: {} line {}: expected LABEL<TAB>phrase", path.display(), n + 1));
        };
        out.push(Phrase { text: phrase.trim().to_owned(), label: label.trim().to_owned(), case_sensitive });
    }
    Ok(out)
}

impl BuildStage for GazetteerStage {
    type Options = GazetteerOptions;

    fn build(options: GazetteerOptions, ctx: &StageOptions<'_>) -> Result<Self, String> {
        let mut phrases = Vec::new();
        for (i, list) in options.patterns.iter().enumerate() {
            if list.label.trim().is_empty() {
                return Err(format!("`patterns` #{}: give each list a `label`, e.g. label = \"ORG\"", i + 1));
            }
            let case_sensitive = list.case_sensitive.unwrap_or(options.case_sensitive);
            phrases.extend(list.phrases.iter().map(|p| Phrase {
                text: p.clone(),
                label: list.label.clone(),
                case_sensitive,
            }));
        }
        if let Some(file) = &options.file {
            phrases.extend(file_phrases(&ctx.resolve_path(file), options.case_sensitive)?);
        }
        for name in &options.lists {
            let Some(list) = BUILTIN.iter().find(|l| l.name == name && l.label != "-") else {
                let names: Vec<&str> = BUILTIN.iter().filter(|l| l.label != "-").map(|l| l.name).collect();
                return Err(format!("`lists`: no built-in list `{name}`; the lists are {}", names.join(", ")));
            };
            phrases.extend(entries(list.text).map(|e| Phrase {
                text: e.to_owned(),
                label: list.label.to_owned(),
                case_sensitive: options.case_sensitive,
            }));
        }
        GazetteerStage::new(phrases, options.policy)
    }
}

inventory::submit! {
    StageRegistration::of::<GazetteerStage>(
        "gazetteer",
        "Phrase lists (TOML, a file, or built-in lists) matched on token boundaries and merged with the entities found.",
        GAZETTEER_NEEDS,
        GAZETTEER_ADDS,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunks_keep_sentences_whole_and_bound_their_size() {
        let s = |a| Span::new(a, a + 1);
        let groups = vec![vec![s(0), s(1)], vec![s(2)], vec![s(3), s(4), s(5), s(6), s(7)], vec![s(8)]];
        let sizes: Vec<Vec<usize>> = chunks(&groups, 3).iter().map(|c| c.iter().map(|g| g.len()).collect()).collect();
        // Whole sentences while they fit; the five-token one in pieces of three.
        assert_eq!(sizes, vec![vec![2, 1], vec![3], vec![2, 1]]);
        assert!(chunks(&[], 3).is_empty());
    }

    #[test]
    fn groups_tokens_by_sentence() {
        let s = |a, b| Span::new(a, b);
        let tokens = [s(0, 2), s(3, 5), s(6, 7), s(8, 10), s(20, 22)];
        let sentences = [s(0, 7), s(8, 12)];
        let groups = group_tokens(&tokens, &sentences);
        assert_eq!(groups, vec![vec![s(0, 2), s(3, 5), s(6, 7)], vec![s(8, 10)], vec![s(20, 22)]]);
        assert!(group_tokens(&[], &sentences).is_empty());
        assert_eq!(group_tokens(&tokens[..2], &[]).len(), 1, "no sentences: one group");
    }

    #[test]
    fn lines_are_units_when_line_breaks_fall_between_sentences() {
        // Sentences as (start, end) byte ranges of the text.
        let s = |a, b| Span::new(a, b);
        let cases: &[(&str, &[Span], bool)] = &[
            // Results lines: every break but one between sentences.
            (
                "Alpha 1 Beta 2\nGamma 3 Delta\nEpsilon 4\nZeta 5\nEta 6",
                &[s(0, 14), s(15, 38), s(39, 45), s(46, 51)],
                true,
            ),
            // Hard-wrapped prose: the breaks fall inside sentences.
            ("The storm hit the\ncoast on Monday and\ncut power.", &[s(0, 50)], false),
            // One paragraph per line: nothing to split.
            ("One.\nTwo.\nThree.", &[s(0, 4), s(5, 9), s(10, 16)], false),
            // Blank lines are paragraph breaks, not line breaks.
            ("One two\n\nthree four", &[s(0, 19)], false),
        ];
        for &(text, sentences, expect) in cases {
            assert_eq!(lines_are_units(text, sentences), expect, "{text:?}");
        }
        let text = "Phil\nMickelson";
        let groups = split_at_lines(text, vec![vec![s(0, 4), s(5, 14)]]);
        assert_eq!(groups, vec![vec![s(0, 4)], vec![s(5, 14)]]);
    }
}
