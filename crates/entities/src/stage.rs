//! The `entities` and `gazetteer` stages.

use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashSet;

use byline_core::registry::{BuildStage, StageOptions, StageRegistration};
use byline_core::{Document, Entity, Layer, Span, Stage, StageError, require};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::appositions::{is_organisation_noun, starts_as_organisation_noun};
use crate::features::{lower_hash, normalized};
use crate::furniture::{Override, furniture_overrides};
use crate::gazetteer::{Gazetteer, OverlapPolicy, Phrase, merge};
use crate::lists::{BUILTIN, entries};
use crate::model::Model;
use crate::modifiers::{modifier_name, modifier_name_len};
use crate::outlets::outlet_overrides;
use crate::products::{aircraft_models, numbered_list_names, product_names};
use crate::tagger::Scratch;
use crate::teams::{Name, NameLabel, may_be_evidence, team_mentions};

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
    /// Report the name inside a hyphenated modifier (`Texas` LOC in
    /// `Texas-based`, when the story or the phrase lists know its label)
    /// instead of CoNLL's whole-word MISC adjective. A name the tagger
    /// labels PER, ORG or LOC ends at the hyphen either way (`Elon Musk` in
    /// `Elon Musk-led`).
    pub modifier_names: bool,
}

/// Tags named entities with a trained model.
#[derive(Clone, Debug)]
pub struct EntityStage {
    model: Cow<'static, Model>,
    /// Label indices to report.
    report: Vec<bool>,
    /// [`EntityOptions::modifier_names`].
    modifier_names: bool,
}

impl EntityStage {
    /// A stage with the built-in model and default options.
    pub fn builtin() -> Result<EntityStage, String> {
        EntityStage::build(EntityOptions::default(), &StageOptions::empty())
    }

    /// A stage with this model, reporting every label.
    pub fn with_model(model: Model) -> EntityStage {
        let report = vec![true; model.tagset.labels().len()];
        EntityStage { model: Cow::Owned(model), report, modifier_names: false }
    }

    /// The model.
    pub fn model(&self) -> &Model {
        &self.model
    }
}

/// Groups tokens by sentence: tokens starting inside the same sentence, or
/// in the same gap between sentences, form one group.
pub fn group_tokens(tokens: &[Span], sentences: &[Span]) -> Vec<Vec<Span>> {
    group_slices(tokens, sentences).into_iter().map(<[Span]>::to_vec).collect()
}

/// [`group_tokens`] as slices of `tokens`: nothing is copied.
fn group_slices<'t>(tokens: &'t [Span], sentences: &[Span]) -> Vec<&'t [Span]> {
    let mut groups = Vec::new();
    let mut starts = group_starts(tokens, sentences).peekable();
    while let Some(start) = starts.next() {
        let end = starts.peek().copied().unwrap_or(tokens.len());
        groups.push(&tokens[start..end]);
    }
    groups
}

/// The index of each token that starts a group of [`group_tokens`]: the
/// first token inside a sentence, or in a gap between sentences.
fn group_starts<'a>(tokens: &'a [Span], sentences: &'a [Span]) -> impl Iterator<Item = usize> + 'a {
    let (mut k, mut last_group) = (0, usize::MAX);
    tokens.iter().enumerate().filter_map(move |(i, t)| {
        while k < sentences.len() && sentences[k].end <= t.start {
            k += 1;
        }
        let inside = k < sentences.len() && sentences[k].start <= t.start;
        let group = 2 * k + usize::from(inside);
        (std::mem::replace(&mut last_group, group) != group).then_some(i)
    })
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
fn split_at_lines<'t>(text: &str, groups: Vec<&'t [Span]>) -> Vec<&'t [Span]> {
    split_at_line_breaks(text, groups, |_| true)
}

/// Splits groups of tokens at the line breaks between two tokens where
/// `ends_unit` says the line before the break (its tokens) ends a unit of
/// its own. Each token is on one line, so the whole is linear.
fn split_at_line_breaks<'t>(
    text: &str,
    groups: Vec<&'t [Span]>,
    ends_unit: impl Fn(&[Span]) -> bool,
) -> Vec<&'t [Span]> {
    let mut out = Vec::with_capacity(groups.len());
    for group in groups {
        // Where the current piece and the current line start in `group`.
        let (mut start, mut line) = (0, 0);
        for i in 1..group.len() {
            if text.get(group[i - 1].end..group[i].start).is_some_and(|gap| gap.contains('\n')) {
                if ends_unit(&group[line..i]) {
                    out.push(&group[start..i]);
                    start = i;
                }
                line = i;
            }
        }
        if start < group.len() {
            out.push(&group[start..]);
        }
    }
    out
}

/// The tokens of a group with those that have a slash between other
/// characters cut into pieces at it (`REUTERS/Jane` → `REUTERS`, `/`,
/// `Jane`), and `found` moved to the pieces' indices; None when no token has
/// such a slash.
fn split_slashes(text: &str, group: &[Span], found: &mut [(usize, usize, &str)]) -> Option<Vec<Span>> {
    let inner = |t: &Span| {
        let w = t.text(text);
        w.len() > 1 && w.trim_matches('/').contains('/')
    };
    if !group.iter().any(inner) {
        return None;
    }
    let mut pieces = Vec::with_capacity(group.len() + 4);
    // Index of each token's first piece, plus the end.
    let mut first_piece = Vec::with_capacity(group.len() + 1);
    for t in group {
        first_piece.push(pieces.len());
        let mut at = t.start;
        for (i, _) in t.text(text).match_indices('/') {
            let slash = t.start + i;
            if slash > at {
                pieces.push(Span::new(at, slash));
            }
            pieces.push(Span::new(slash, slash + 1));
            at = slash + 1;
        }
        if at < t.end {
            pieces.push(Span::new(at, t.end));
        }
    }
    first_piece.push(pieces.len());
    for f in found.iter_mut() {
        *f = (first_piece[f.0], first_piece[f.1], f.2);
    }
    Some(pieces)
}

/// Splits groups of tokens after a title-case line (`Nvidia Signs Pact
/// With UK Government to Build AI Supercomputer`) that the sentence
/// splitter ran on into the next line: a headline has no final stop, so the
/// splitter may not end it, and read with the story's first sentence it is
/// not recognised as a headline.
fn split_title_lines<'t>(text: &str, groups: Vec<&'t [Span]>) -> Vec<&'t [Span]> {
    split_at_line_breaks(text, groups, |tokens| is_title_line(text, tokens))
}

/// True when tokens form a title-case line: three words or more, at least
/// 70% of them capitalised, no final stop.
fn is_title_line(text: &str, tokens: &[Span]) -> bool {
    let words: Vec<&str> =
        tokens.iter().map(|t| t.text(text)).filter(|w| w.chars().next().is_some_and(char::is_alphabetic)).collect();
    let capitalised = words.iter().filter(|w| w.chars().next().is_some_and(char::is_uppercase)).count();
    let last = tokens.last().map_or("", |t| t.text(text));
    words.len() >= 3 && 10 * capitalised >= 7 * words.len() && !matches!(last, "." | "!" | "?" | ":" | ",")
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

/// Lowercase particles that begin surnames and names (`von der Leyen`,
/// `de Klerk`, `al Qaeda`).
const NAME_PARTICLES: &[&str] = &[
    "al", "bin", "da", "das", "de", "del", "della", "den", "der", "di", "dos", "du", "el", "ibn", "la", "le", "van",
    "von",
];

/// Extends a person's or organisation's name over the lowercase particles
/// right before it (`said von der Leyen`): CoNLL-2003 and WikiGold have them
/// inside the name 8 times of 9, and the tagger, which sees a lowercase
/// word, leaves them out. Not after a capitalised word, where the particle
/// joins a longer name the tagger read (`Tour de France`).
fn name_particles(words: &[&str], found: &mut [(usize, usize, &str)]) {
    // `found` is in order: a name may not grow over the one before it.
    let mut free_from = 0;
    for (a, b, label) in found.iter_mut() {
        let start = *a;
        let mut first = start;
        while first > free_from && start - first < 2 && NAME_PARTICLES.contains(&words[first - 1]) {
            first -= 1;
        }
        let after_capital = first > 0 && words[first - 1].starts_with(|c: char| c.is_uppercase());
        if first < start && !after_capital && matches!(*label, "PER" | "ORG") {
            *a = first;
        }
        free_from = *b;
    }
}

/// Institutions of a country, named after it (`U.S. Senate`).
const INSTITUTIONS: &[&[&str]] = &[
    &["Air", "Force"],
    &["Army"],
    &["Central", "Bank"],
    &["Congress"],
    &["Defense", "Department"],
    &["Embassy"],
    &["Federal", "Reserve"],
    &["Foreign", "Ministry"],
    &["House"],
    &["Justice", "Department"],
    &["Navy"],
    &["Parliament"],
    &["Senate"],
    &["State", "Department"],
    &["Supreme", "Court"],
    &["Treasury"],
];

/// Joins a place and the institution named right after it into one
/// organisation (`U.S.` + `Senate` → `U.S. Senate`): CoNLL-2003 and WikiGold
/// have such names whole 43 times and split once.
fn national_institutions(words: &[&str], found: &mut Vec<(usize, usize, &str)>) {
    // One pass that keeps the names in place (no `remove`, which would make
    // a run of such pairs quadratic).
    let mut kept = 0_usize;
    for k in 0..found.len() {
        let (c, d, second) = found[k];
        if let Some(&(a, b, first)) = kept.checked_sub(1).map(|last| &found[last])
            && first == "LOC"
            && second == "ORG"
            && b == c
            && INSTITUTIONS.iter().any(|i| words.get(c..d) == Some(*i))
        {
            found[kept - 1] = (a, d, second);
            continue;
        }
        found[kept] = found[k];
        kept += 1;
    }
    found.truncate(kept);
}

impl EntityStage {
    /// The entities of a text given its tokens and sentences.
    pub fn entities(&self, text: &str, tokens: &[Span], sentences: &[Span]) -> Vec<Entity> {
        let units = lines_are_units(text, sentences);
        let lines = text.contains('\n');
        let mut out = Vec::new();
        // Read in windows of whole sentences (see `WINDOW_TOKENS`) so memory
        // stays bounded on huge texts; any real story is one window.
        for (tokens, sentences) in windows(tokens, sentences, WINDOW_TOKENS) {
            let mut groups = group_slices(tokens, sentences);
            if units {
                groups = split_at_lines(text, groups);
            } else if lines {
                groups = split_title_lines(text, groups);
            }
            let first = out.len();
            self.tag_groups(text, &groups, &mut out);
            self.trim_modifiers(text, &mut out[first..]);
            self.relabel_teams(text, &groups, &mut out[first..]);
            self.spread_organisations(text, &mut out[first..]);
        }
        out
    }

    /// Tags groups of tokens and applies the rules of each sentence, adding
    /// the entities found to `out`.
    fn tag_groups(&self, text: &str, groups: &[&[Span]], out: &mut Vec<Entity>) {
        let labels = self.model.tagset.labels();
        // Tagged in chunks of whole sentences so memory stays bounded on
        // huge texts (see `CHUNK_TOKENS`); the rules then read each sentence.
        for chunk in chunks(groups, CHUNK_TOKENS) {
            let words: Vec<Vec<&str>> = chunk.iter().map(|g| g.iter().map(|t| t.text(text)).collect()).collect();
            let spans = SCRATCH.with(|s| match s.try_borrow_mut() {
                Ok(mut scratch) => self.model.tag_with(&words, &mut scratch),
                Err(_) => self.model.tag(&words),
            });
            let mut by_group: Vec<Vec<(usize, usize, &str)>> = vec![Vec::new(); chunk.len()];
            for s in &spans {
                if let (Some(found), Some(label)) = (by_group.get_mut(s.sentence), labels.get(s.label)) {
                    found.push((s.first, s.end, label.as_str()));
                }
            }
            for ((&group, words), mut found) in chunk.iter().zip(&words).zip(by_group) {
                // Credits glue names to slashes (`REUTERS/Jane Doe/File Photo`):
                // the rules read such tokens in pieces.
                let pieces = split_slashes(text, group, &mut found);
                let (group, words) = match &pieces {
                    Some(pieces) => (pieces.as_slice(), &pieces.iter().map(|t| t.text(text)).collect::<Vec<_>>()),
                    None => (group, words),
                };
                self.apply_rules(words, &mut found);
                for (first, end, label) in found {
                    let reported = labels.iter().position(|l| l == label).is_some_and(|i| self.report[i]);
                    if let (true, Some(a), Some(b)) =
                        (reported, group.get(first), end.checked_sub(1).and_then(|e| group.get(e)))
                    {
                        out.push(Entity { span: Span::new(a.start, b.end), label: label.to_owned() });
                    }
                }
            }
        }
    }

    /// Relabels ORG every other mention of a name that a noun of its kind
    /// introduced (`health regulator Anvisa` ... `approved by Anvisa`): the
    /// tagger, which never saw the name, reads each mention on its own.
    fn spread_organisations(&self, text: &str, entities: &mut [Entity]) {
        let Some(org) = self.label("ORG") else { return };
        let introduced: HashSet<&str> = entities
            .iter()
            .filter(|e| e.label == org)
            .filter(|e| {
                text[..e.span.start].trim_end().rsplit(char::is_whitespace).next().is_some_and(is_organisation_noun)
            })
            .map(|e| &text[e.span.start..e.span.end])
            .collect();
        if introduced.is_empty() {
            return;
        }
        for e in entities.iter_mut().filter(|e| e.label != org) {
            if introduced.contains(&text[e.span.start..e.span.end]) {
                org.clone_into(&mut e.label);
            }
        }
    }

    /// Relabels ORG the place names that the story shows to be teams
    /// ([`team_mentions`]); countries stay LOC (CoNLL's national teams).
    fn relabel_teams(&self, text: &str, groups: &[&[Span]], entities: &mut [Entity]) {
        let Some(org) = self.model.tagset.labels().iter().position(|l| l == "ORG").filter(|&i| self.report[i]) else {
            return;
        };
        // Most stories give no results: look no further.
        let results = groups.iter().flat_map(|g| g.iter()).any(|t| may_be_evidence(t.text(text)));
        if !results || !entities.iter().any(|e| e.label == "LOC") {
            return;
        }
        let tokens: Vec<Span> = groups.iter().flat_map(|g| g.iter()).copied().collect();
        let words: Vec<&str> = tokens.iter().map(|t| t.text(text)).collect();
        let mut sentences = Vec::with_capacity(groups.len());
        for g in groups {
            let start = sentences.last().map_or(0, |&(_, end)| end);
            sentences.push((start, start + g.len()));
        }
        // Token range of each entity (a trimmed modifier ends inside its token).
        let names: Vec<Name> = entities
            .iter()
            .map(|e| {
                let first = tokens.partition_point(|t| t.end <= e.span.start);
                let end = tokens.partition_point(|t| t.start < e.span.end);
                let label = match e.label.as_str() {
                    "LOC" if !self.is_entry_of("countries", &words[first..end.max(first)]) => NameLabel::Place,
                    "ORG" => NameLabel::Organisation,
                    _ => NameLabel::Other,
                };
                Name { first, end, label }
            })
            .collect();
        let key = |n: &Name| words.get(n.first..n.end).map(|w| w.join(" ").to_lowercase());
        for k in team_mentions(&words, &sentences, &names, key) {
            entities[k].label = self.model.tagset.labels()[org].clone();
        }
    }

    /// The model's own string for `label`, if its tag set has it (the rules
    /// label their names with it).
    fn label(&self, label: &str) -> Option<&str> {
        self.model.tagset.labels().iter().find(|l| *l == label).map(String::as_str)
    }

    /// True when `words` are exactly an entry of the built-in list `list`
    /// (`countries`, `companies`), in any casing.
    fn is_entry_of(&self, list: &str, words: &[&str]) -> bool {
        let Some(id) = self.model.lists.id(list) else { return false };
        let mut buf = String::new();
        let forms: Vec<Cow<'_, str>> = words.iter().map(|w| normalized(w)).collect();
        let lowers: Vec<u64> = forms.iter().map(|f| lower_hash(f, &mut buf)).collect();
        self.model.lists.matches(&lowers, &forms).contains(&(0, words.len(), id))
    }

    /// The rules that override the tagger in one sentence: page furniture
    /// and credit lines, cited outlets, products with version numbers and
    /// aircraft models, names made of date words, makers named alone, name
    /// modifiers the tagger left out.
    /// `found` is `(first, end, label)` in token indices, in order.
    fn apply_rules<'a>(&'a self, words: &[&str], found: &mut Vec<(usize, usize, &'a str)>) {
        let mut rules = furniture_overrides(words);
        rules.extend(outlet_overrides(words));
        // Products and models have a digit in or after their name.
        if words.iter().any(|w| w.bytes().any(|b| b.is_ascii_digit())) {
            let listed = numbered_list_names(words);
            // Aircraft first: `Airbus A320` is the maker and a model, though the
            // `misc` list has it whole.
            rules.extend(aircraft_models(words).into_iter().map(|(first, end, label)| Override {
                first,
                end,
                entities: vec![(first, end, label)],
                owns_overlaps: true,
            }));
            rules.extend(product_names(words, &listed).into_iter().map(|(first, end)| Override {
                first,
                end,
                entities: vec![(first, end, "MISC")],
                owns_overlaps: true,
            }));
        }
        self.drop_dates(words, found);
        self.companies_not_products(words, found);
        self.organisations_by_kind(words, found);
        name_particles(words, found);
        national_institutions(words, found);
        self.name_modifiers(words, found);
        if rules.is_empty() {
            return;
        }
        found.retain(|&(a, b, _)| {
            !rules.iter().any(|r| if r.owns_overlaps { a < r.end && r.first < b } else { r.first <= a && b <= r.end })
        });
        for (a, b, label) in rules.into_iter().flat_map(|r| r.entities) {
            if let Some(label) = self.label(label).filter(|_| !found.iter().any(|&(x, y, _)| x < b && a < y)) {
                found.push((a, b, label));
            }
        }
        found.sort_unstable_by_key(|&(a, _, _)| a);
    }

    /// Drops names other than people's made only of the `dates` list's
    /// words (`Christmas`, `Christmas and New Year`, `Monday`): CoNLL leaves
    /// months, weekdays and holidays outside names, and the tagger, which
    /// saw few holidays, sometimes takes them for events.
    fn drop_dates(&self, words: &[&str], found: &mut Vec<(usize, usize, &str)>) {
        let Some(dates) = self.model.lists.id("dates") else { return };
        let mut buf = String::new();
        found.retain(|&(a, b, label)| {
            // `May` and `June` are people too.
            let Some(span) = words.get(a..b).filter(|_| label != "PER") else { return true };
            let forms: Vec<Cow<'_, str>> = span.iter().map(|w| normalized(w)).collect();
            let lowers: Vec<u64> = forms.iter().map(|f| lower_hash(f, &mut buf)).collect();
            let mut covered = vec![false; span.len()];
            for (x, y, list) in self.model.lists.matches(&lowers, &forms) {
                if list == dates {
                    covered[x..y].fill(true);
                }
            }
            let joiner = |w: &str| matches!(w, "and" | "'s" | "\u{2019}s" | "or");
            !covered.iter().zip(span).all(|(&c, w)| c || joiner(w))
        });
    }

    /// Relabels ORG a MISC name that is exactly a name of the `companies`
    /// list (`Airbus`, `Boeing` alone): the 1996 wire wrote its planes by
    /// the maker's name (`Airbus` is MISC in all 7 of its mentions in
    /// CoNLL-2003 train), today's copy writes the company, and in
    /// CoNLL-2003 train and dev and WikiGold a name of the list standing
    /// alone is ORG 238 times and MISC 3 times. A longer MISC name is left
    /// alone.
    fn companies_not_products<'a>(&'a self, words: &[&str], found: &mut [(usize, usize, &'a str)]) {
        let Some(org) = self.label("ORG") else { return };
        for (a, b, label) in found.iter_mut().filter(|(_, _, l)| *l == "MISC") {
            if words.get(*a..*b).is_some_and(|span| self.is_entry_of("companies", span)) {
                *label = org;
            }
        }
    }

    /// Relabels ORG a name right after a noun of a kind of organisation
    /// (`health regulator Anvisa`): see `appositions`. A sentence that opens
    /// with such a noun (`Drugmakers Pfizer and Moderna`) has it
    /// capitalised: it is left out of the name.
    fn organisations_by_kind<'a>(&'a self, words: &[&str], found: &mut [(usize, usize, &'a str)]) {
        let Some(org) = self.label("ORG") else { return };
        for (a, b, label) in found.iter_mut() {
            if *a > 0 && words.get(*a - 1).is_some_and(|w| is_organisation_noun(w)) {
                *label = org;
            } else if *a == 0 && *b > 1 && words.first().is_some_and(|w| starts_as_organisation_noun(w)) {
                *a = 1;
                *label = org;
            }
        }
    }

    /// Adds as MISC the modifier words made of a name that the tagger left
    /// out (`London-listed`, `COVID-19-driven`, `post-Brexit`): CoNLL's
    /// adjectives, MISC in 91 of the 107 such words of CoNLL-2003 train and
    /// WikiGold; most of the others are made of common words
    /// (`Privately-owned`, `mid-August`), which is why the name must be one
    /// that running text capitalises and not a date word.
    fn name_modifiers<'a>(&'a self, words: &[&str], found: &mut Vec<(usize, usize, &'a str)>) {
        let Some(misc) = self.label("MISC") else { return };
        let dates = self.model.lists.id("dates");
        let mut buf = String::new();
        let mut covered = vec![false; words.len()];
        for &(a, b, _) in found.iter() {
            covered.get_mut(a..b).into_iter().flatten().for_each(|c| *c = true);
        }
        let mut added = false;
        for (i, word) in words.iter().enumerate() {
            let Some(name) = modifier_name(word) else { continue };
            if covered[i] || self.model.lexicon.is_common_word(name, &mut buf) {
                continue;
            }
            let date = dates.is_some_and(|d| self.model.lists.has_word(d, lower_hash(&normalized(name), &mut buf)));
            if !date {
                found.push((i, i + 1, misc));
                added = true;
            }
        }
        if added {
            found.sort_unstable_by_key(|&(a, _, _)| a);
        }
    }

    /// Ends names at the hyphen of a modifier (`Elon Musk-led` → `Elon
    /// Musk`). A MISC modifier is CoNLL's adjective (`U.S.-led`, `Texas-based`:
    /// 89 of the 100 such words of CoNLL-2003 train are MISC), unless
    /// `modifier_names` asks for the name and the name has a label of its
    /// own: in the story (`Texas` LOC elsewhere) or in the phrase lists.
    fn trim_modifiers(&self, text: &str, entities: &mut [Entity]) {
        let mut trimmed = Vec::new();
        for (k, e) in entities.iter().enumerate() {
            let covered = &text[e.span.start..e.span.end];
            let last_word = covered.rsplit(' ').next().unwrap_or(covered);
            let Some(name_len) = modifier_name_len(last_word) else { continue };
            let end = e.span.end - last_word.len() + name_len;
            let name = &text[e.span.start..end];
            let label = match (e.label.as_str(), self.modifier_names) {
                ("MISC", true) => self.label_of(text, entities, name),
                ("MISC", false) => None,
                (label, _) => Some(label.to_owned()),
            };
            let labels = self.model.tagset.labels();
            if let Some(label) = label.filter(|l| labels.iter().position(|x| x == l).is_some_and(|i| self.report[i])) {
                trimmed.push((k, end, label));
            }
        }
        for (k, end, label) in trimmed {
            entities[k].span.end = end;
            entities[k].label = label;
        }
    }

    /// The label of a name (`Texas`) from its other mentions in the story,
    /// else from the phrase lists that have it as a whole entry.
    fn label_of(&self, text: &str, entities: &[Entity], name: &str) -> Option<String> {
        if let Some(e) = entities.iter().find(|e| e.label != "MISC" && &text[e.span.start..e.span.end] == name) {
            return Some(e.label.clone());
        }
        let words: Vec<&str> = name.split(' ').collect();
        let mut buf = String::new();
        let forms: Vec<Cow<'_, str>> = words.iter().map(|w| normalized(w)).collect();
        let lowers: Vec<u64> = forms.iter().map(|f| lower_hash(f, &mut buf)).collect();
        let lists = &self.model.lists;
        let label = lists
            .matches(&lowers, &forms)
            .into_iter()
            .filter(|&(a, b, _)| a == 0 && b == words.len())
            .find_map(|(_, _, list)| lists.label(list))?;
        (label != "MISC").then(|| label.to_owned())
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

/// Tokens of the text read at once, at most, unless one sentence is longer:
/// over a megabyte of news, where the longest CoNLL or WikiGold document
/// has under 2,000 tokens, so a story is always read whole and a hostile
/// document's groups stay small.
const WINDOW_TOKENS: usize = 1 << 18;

/// Cuts the text's tokens into windows of about `max` tokens, between
/// sentence groups (as [`group_tokens`] forms them), each with the
/// sentences from its first token on.
fn windows<'t>(tokens: &'t [Span], sentences: &'t [Span], max: usize) -> Vec<(&'t [Span], &'t [Span])> {
    let mut cuts = vec![0];
    for i in group_starts(tokens, sentences) {
        if cuts.last().is_some_and(|&start| i - start >= max) {
            cuts.push(i);
        }
    }
    cuts.push(tokens.len());
    cuts.windows(2)
        .filter(|w| w[0] < w[1])
        .map(|w| {
            let first = sentences.partition_point(|s| s.end <= tokens[w[0]].start);
            (&tokens[w[0]..w[1]], &sentences[first..])
        })
        .collect()
}

/// Splits sentence groups into runs of at most `max` tokens: whole groups
/// while they fit, and a longer group in pieces of `max`.
fn chunks<'t>(groups: &[&'t [Span]], max: usize) -> Vec<Vec<&'t [Span]>> {
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
            Some(path) => Cow::Owned(Model::from_file(&ctx.resolve_path(path)).map_err(|e| format!("`model`: {e}"))?),
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
        Ok(EntityStage { model, report, modifier_names: options.modifier_names })
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
    let text = byline_core::read_utf8_file(path).map_err(|e| match e {
        byline_core::FileError::Io(reason) => {
            format!("`file`: cannot read {}: {reason}; check the path", path.display())
        }
        not_utf8 => format!("`file` {}: {not_utf8}", path.display()),
    })?;
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
    fn windows_cut_between_sentences_and_bound_their_size() {
        // Tokens 0..8 of one byte each; sentences [0, 3), [3, 4), [5, 8);
        // token 4 is in the gap between the second and third.
        let tokens: Vec<Span> = (0..8).map(|a| Span::new(a, a + 1)).collect();
        let sentences = [Span::new(0, 3), Span::new(3, 4), Span::new(5, 8)];
        let cut = |max| -> Vec<(usize, usize)> {
            windows(&tokens, &sentences, max).iter().map(|(t, s)| (t.len(), s.len())).collect()
        };
        assert_eq!(cut(100), [(8, 3)]);
        // A window ends at the first group boundary after `max` tokens.
        assert_eq!(cut(2), [(3, 3), (2, 2), (3, 1)]);
        assert_eq!(cut(1), [(3, 3), (1, 2), (1, 1), (3, 1)]);
        assert!(windows(&[], &sentences, 1).is_empty());
        // Together the windows' groups are the text's groups.
        let whole = group_tokens(&tokens, &sentences);
        let pieces: Vec<Vec<Span>> =
            windows(&tokens, &sentences, 1).into_iter().flat_map(|(t, s)| group_tokens(t, s)).collect();
        assert_eq!(pieces, whole);
    }

    #[test]
    fn chunks_keep_sentences_whole_and_bound_their_size() {
        let s = |a| Span::new(a, a + 1);
        let tokens: Vec<Span> = (0..9).map(s).collect();
        let groups = vec![&tokens[0..2], &tokens[2..3], &tokens[3..8], &tokens[8..9]];
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
        let tokens = [s(0, 4), s(5, 14)];
        let groups = split_at_lines(text, vec![&tokens[..]]);
        assert_eq!(groups, vec![&[s(0, 4)][..], &[s(5, 14)][..]]);
    }
}
