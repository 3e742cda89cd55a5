//! The phrase-list gazetteer: exact names a newsroom wants found, without
//! retraining (spaCy's EntityRuler, in effect).
//!
//! Phrases come from the pipeline TOML, from a file of `LABEL<TAB>phrase`
//! lines, or from the built-in lists. All phrases go into one aho-corasick
//! automaton per case mode; matches count only when they start and end on
//! token boundaries (`Apple` does not match inside `Applebee's`), and among
//! overlapping matches the leftmost, then the longest, wins. Matching is
//! linear in the text plus the number of matches.
//!
//! How a match meets an entity the tagger already found is the
//! [`OverlapPolicy`]: `skip` never touches the tagger's entities, `fill`
//! lets a match replace only entities it covers completely (the list knows
//! the whole name, the tagger found part of it), `overwrite` lets every
//! match replace whatever it overlaps.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use byline_core::{Entity, Span};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// What happens when a phrase match overlaps an entity already found.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum OverlapPolicy {
    /// The match replaces every entity it overlaps.
    Overwrite,
    /// The match replaces the entities it covers completely; a match that
    /// only partly overlaps an entity is dropped.
    #[default]
    Fill,
    /// The match is added only where it overlaps no entity.
    Skip,
}

/// One phrase and its label.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phrase {
    /// The exact text to find.
    pub text: String,
    /// The label of its entities.
    pub label: String,
    /// Match letter case exactly (else ASCII letters match either case).
    pub case_sensitive: bool,
}

/// Compiled phrase lists.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    /// Automaton over the case-sensitive phrases, and their indices.
    exact: Option<(AhoCorasick, Vec<usize>)>,
    /// Automaton over the others (ASCII case-insensitive), and their indices.
    folded: Option<(AhoCorasick, Vec<usize>)>,
    phrases: Vec<Phrase>,
}

fn automaton(patterns: &[&str], fold: bool) -> Result<AhoCorasick, String> {
    AhoCorasickBuilder::new()
        .match_kind(MatchKind::Standard)
        .ascii_case_insensitive(fold)
        .build(patterns)
        .map_err(|e| format!("cannot compile the phrase lists: {e}"))
}

impl Gazetteer {
    /// Compiles phrases (empty ones are ignored).
    pub fn new(phrases: Vec<Phrase>) -> Result<Gazetteer, String> {
        let phrases: Vec<Phrase> = phrases.into_iter().filter(|p| !p.text.trim().is_empty()).collect();
        let build = |case_sensitive: bool| -> Result<Option<(AhoCorasick, Vec<usize>)>, String> {
            let idx: Vec<usize> = (0..phrases.len()).filter(|&i| phrases[i].case_sensitive == case_sensitive).collect();
            if idx.is_empty() {
                return Ok(None);
            }
            let texts: Vec<&str> = idx.iter().map(|&i| phrases[i].text.as_str()).collect();
            Ok(Some((automaton(&texts, !case_sensitive)?, idx)))
        };
        Ok(Gazetteer { exact: build(true)?, folded: build(false)?, phrases })
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// True when there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// Matches on token boundaries, leftmost-longest, not overlapping.
    pub fn find(&self, text: &str, tokens: &[Span]) -> Vec<Entity> {
        let starts: HashSet<usize> = tokens.iter().map(|t| t.start).collect();
        let ends: HashSet<usize> = tokens.iter().map(|t| t.end).collect();
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for (ac, idx) in [&self.exact, &self.folded].into_iter().flatten() {
            for m in ac.find_overlapping_iter(text) {
                if starts.contains(&m.start()) && ends.contains(&m.end()) {
                    found.push((m.start(), m.end(), idx[m.pattern().as_usize()]));
                }
            }
        }
        // Leftmost, then longest, then the phrase listed first.
        found.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(&b.2)));
        let mut out = Vec::new();
        let mut end = 0;
        for (s, e, i) in found {
            if s >= end {
                out.push(Entity { span: Span::new(s, e), label: self.phrases[i].label.clone() });
                end = e;
            }
        }
        out
    }
}

/// Merges `matches` into `entities` under `policy`. Both must be sorted by
/// start and free of overlaps (as `find` and the tagger give them); so is
/// the result. One sweep over both lists.
pub fn merge(entities: Vec<Entity>, matches: Vec<Entity>, policy: OverlapPolicy) -> Vec<Entity> {
    let mut keep = vec![true; entities.len()];
    let mut added = Vec::new();
    let mut first = 0;
    for m in matches {
        while first < entities.len() && entities[first].span.end <= m.span.start {
            first += 1;
        }
        let mut end = first;
        while end < entities.len() && entities[end].span.start < m.span.end {
            end += 1;
        }
        let overlapping = first..end;
        let take = match policy {
            OverlapPolicy::Overwrite => true,
            OverlapPolicy::Fill => entities[overlapping.clone()].iter().all(|e| m.span.contains(e.span)),
            OverlapPolicy::Skip => overlapping.is_empty(),
        };
        if take {
            for k in &mut keep[overlapping] {
                *k = false;
            }
            added.push(m);
        }
    }
    let mut out: Vec<Entity> = entities.into_iter().zip(keep).filter(|(_, k)| *k).map(|(e, _)| e).collect();
    out.extend(added);
    out.sort_by_key(|e| (e.span.start, e.span.end));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
            let word = c.is_alphanumeric() || c == '\'';
            match (start, word) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    out.push(Span::new(s, i));
                    start = None;
                }
                _ => {}
            }
            if !word && !c.is_whitespace() && i < text.len() {
                out.push(Span::new(i, i + c.len_utf8()));
            }
        }
        out
    }

    fn phrase(text: &str, label: &str, case_sensitive: bool) -> Phrase {
        Phrase { text: text.into(), label: label.into(), case_sensitive }
    }

    fn found(g: &Gazetteer, text: &str) -> Vec<(String, String)> {
        g.find(text, &tokens(text)).into_iter().map(|e| (e.span.text(text).to_owned(), e.label)).collect()
    }

    #[test]
    fn matches_on_token_boundaries_leftmost_longest() {
        let g = Gazetteer::new(vec![
            phrase("Apple", "ORG", true),
            phrase("New York", "LOC", true),
            phrase("New York Times", "ORG", true),
            phrase("openai", "ORG", false),
        ])
        .expect("compiles");
        let check = |text: &str, expect: &[(&str, &str)]| {
            let want: Vec<(String, String)> = expect.iter().map(|(a, b)| ((*a).into(), (*b).into())).collect();
            assert_eq!(found(&g, text), want, "{text}");
        };
        check("Apple and Applebee's", &[("Apple", "ORG")]);
        check("The New York Times said", &[("New York Times", "ORG")]);
        check("in New York.", &[("New York", "LOC")]);
        check("OpenAI and OPENAI", &[("OpenAI", "ORG"), ("OPENAI", "ORG")]);
        check("apple pie", &[]);
    }

    #[test]
    fn overlap_policies() {
        let e = |s: usize, t: usize, l: &str| Entity { span: Span::new(s, t), label: l.into() };
        // Tagger: [0,8) PER, [20,28) LOC. Matches: [0,14) covers the PER; [18,26) overlaps LOC partly.
        let tagged = vec![e(0, 8, "PER"), e(20, 28, "LOC")];
        let matches = vec![e(0, 14, "ORG"), e(18, 26, "ORG"), e(30, 35, "MISC")];
        let cases = [
            (OverlapPolicy::Overwrite, vec![e(0, 14, "ORG"), e(18, 26, "ORG"), e(30, 35, "MISC")]),
            (OverlapPolicy::Fill, vec![e(0, 14, "ORG"), e(20, 28, "LOC"), e(30, 35, "MISC")]),
            (OverlapPolicy::Skip, vec![e(0, 8, "PER"), e(20, 28, "LOC"), e(30, 35, "MISC")]),
        ];
        for (policy, want) in cases {
            assert_eq!(merge(tagged.clone(), matches.clone(), policy), want, "{policy:?}");
        }
    }
}
