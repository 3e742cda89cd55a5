//! Phrase lists the tagger consults as features: lists we wrote ourselves
//! (countries, nationalities, US states, world cities, companies, first
//! names, months, ...; `lists/*.txt` in this crate) and the entity names of
//! the training data, one list per label.
//!
//! A match is a run of tokens whose lowercase forms equal an entry's tokens
//! and which starts with a capitalised word or a digit. Membership is a feature, not
//! a decision: the tagger learns how far to trust each list (a month name
//! is evidence against an entity, a first name for a person). The index is
//! a hash table of token-sequence hashes, so matching costs a lookup or two
//! per capitalised token.

use crate::features::normalize;
use crate::hash::{HashedMap, combine, hash_str};

/// A built-in list: its name and entries, one per line (`#` comments).
#[derive(Clone, Copy, Debug)]
pub struct BuiltinList {
    /// Short name, e.g. `countries`.
    pub name: &'static str,
    /// The label an entry of this list usually has (`LOC`, ...), or `-` for
    /// lists of non-entities and cue words.
    pub label: &'static str,
    /// The entries, one per line, tokens separated by spaces.
    pub text: &'static str,
}

/// The lists shipped with the crate.
pub const BUILTIN: &[BuiltinList] = &[
    BuiltinList { name: "countries", label: "LOC", text: include_str!("../lists/countries.txt") },
    BuiltinList { name: "us-states", label: "LOC", text: include_str!("../lists/us-states.txt") },
    BuiltinList { name: "cities", label: "LOC", text: include_str!("../lists/cities.txt") },
    BuiltinList { name: "regions", label: "LOC", text: include_str!("../lists/regions.txt") },
    BuiltinList { name: "nationalities", label: "MISC", text: include_str!("../lists/nationalities.txt") },
    BuiltinList { name: "misc", label: "MISC", text: include_str!("../lists/misc.txt") },
    BuiltinList { name: "organisations", label: "ORG", text: include_str!("../lists/organisations.txt") },
    BuiltinList { name: "companies", label: "ORG", text: include_str!("../lists/companies.txt") },
    BuiltinList { name: "sports-teams", label: "ORG", text: include_str!("../lists/sports-teams.txt") },
    BuiltinList { name: "first-names", label: "PER", text: include_str!("../lists/first-names.txt") },
    BuiltinList { name: "people", label: "PER", text: include_str!("../lists/people.txt") },
    BuiltinList { name: "titles", label: "-", text: include_str!("../lists/titles.txt") },
    BuiltinList { name: "org-words", label: "-", text: include_str!("../lists/org-words.txt") },
    BuiltinList { name: "dates", label: "-", text: include_str!("../lists/dates.txt") },
    BuiltinList { name: "common-caps", label: "-", text: include_str!("../lists/common-caps.txt") },
];

/// The entries of a list text: non-empty lines without `#` comments.
pub fn entries(text: &str) -> impl Iterator<Item = &str> {
    text.lines().map(|l| l.split('#').next().unwrap_or("").trim()).filter(|l| !l.is_empty())
}

/// Bit 63 of a table value: some longer entry starts with this sequence.
const PREFIX: u64 = 1 << 63;
/// Longest entry, in tokens.
const MAX_TOKENS: usize = 8;

/// Token-sequence lookup over up to 63 lists.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ListIndex {
    names: Vec<String>,
    /// The usual label of each list's entries (`-` for cue lists).
    labels: Vec<String>,
    /// Sequence hash → bits of the lists with this exact entry, plus `PREFIX`.
    table: HashedMap<u64>,
}

/// The hash of a token sequence, extended one token at a time.
fn extend(h: u64, lower: u64) -> u64 {
    combine(h, lower)
}

const SEQUENCE_SEED: u64 = 0x6c69_7374_7365_7173;

impl ListIndex {
    /// The built-in lists.
    pub fn builtin() -> ListIndex {
        let mut index = ListIndex::default();
        for list in BUILTIN {
            let id = index.add_labelled_list(list.name, list.label);
            for entry in entries(list.text) {
                index.add(id, entry.split_whitespace());
            }
        }
        index
    }

    /// Adds an empty list of cue words (no label) and returns its number.
    pub fn add_list(&mut self, name: &str) -> u32 {
        self.add_labelled_list(name, "-")
    }

    /// Adds an empty list whose entries usually have `label` (`-` for none)
    /// and returns its number.
    pub fn add_labelled_list(&mut self, name: &str, label: &str) -> u32 {
        self.names.push(name.to_owned());
        self.labels.push(label.to_owned());
        (self.names.len() - 1) as u32
    }

    /// The usual label of list `id`'s entries, if it has one.
    pub fn label(&self, id: u32) -> Option<&str> {
        self.labels.get(id as usize).map(String::as_str).filter(|l| *l != "-")
    }

    /// The list names, in number order.
    pub fn names(&self) -> &[String] {
        &self.names
    }

    /// The number of the list called `name`.
    pub fn id(&self, name: &str) -> Option<u32> {
        self.names.iter().position(|n| n == name).map(|i| i as u32)
    }

    /// True when list `id` has the one-token entry whose lowercase form has
    /// the hash `lower`.
    pub fn has_word(&self, id: u32, lower: u64) -> bool {
        id < 63 && self.table.get(&extend(SEQUENCE_SEED, lower)).is_some_and(|bits| bits & (1 << id) != 0)
    }

    /// Number of distinct token sequences (entries and their prefixes).
    pub fn sequences(&self) -> usize {
        self.table.len()
    }

    /// Adds an entry (its tokens) to list `id`; ignored past 63 lists or 8
    /// tokens.
    pub fn add<'a>(&mut self, id: u32, tokens: impl IntoIterator<Item = &'a str>) {
        if id >= 63 {
            return;
        }
        let mut norm = String::new();
        let lowers: Vec<u64> = tokens
            .into_iter()
            .map(|t| {
                normalize(t, &mut norm);
                hash_str(&norm.to_lowercase())
            })
            .collect();
        if lowers.is_empty() || lowers.len() > MAX_TOKENS {
            return;
        }
        let mut h = SEQUENCE_SEED;
        for (k, &lower) in lowers.iter().enumerate() {
            h = extend(h, lower);
            let slot = self.table.entry(h).or_insert(0);
            if k + 1 == lowers.len() {
                *slot |= 1 << id;
            } else {
                *slot |= PREFIX;
            }
        }
    }

    /// Matches `(first, last + 1, list)` in a sentence given the hashes of
    /// its lowercase words and its (normalised) forms: for each list, the
    /// longest match at each start, left to right without overlaps. A match
    /// starts at a word with a capital letter (`Paris`, `iPhone`) or a
    /// digit first.
    pub fn matches<S: AsRef<str>>(&self, lowers: &[u64], forms: &[S]) -> Vec<(usize, usize, u32)> {
        let mut out = Vec::new();
        if self.table.is_empty() {
            return out;
        }
        // End of the last match taken, per list.
        let mut taken = [0usize; 63];
        for start in 0..lowers.len() {
            // A capital or a digit first, or a capital inside (`iPhone`, `xAI`).
            let form = forms.get(start).map_or("", |f| f.as_ref());
            let first = form.chars().next();
            if !first.is_some_and(|c| c.is_uppercase() || c.is_numeric()) && !form.chars().any(char::is_uppercase) {
                continue;
            }
            let mut h = SEQUENCE_SEED;
            let mut longest = [0usize; 63];
            let mut found = 0u64;
            for (j, &lower) in lowers.iter().enumerate().skip(start).take(MAX_TOKENS) {
                h = extend(h, lower);
                let Some(&bits) = self.table.get(&h) else { break };
                let lists = bits & !PREFIX;
                found |= lists;
                let mut rest = lists;
                while rest != 0 {
                    let id = rest.trailing_zeros() as usize;
                    longest[id] = j + 1;
                    rest &= rest - 1;
                }
                if bits & PREFIX == 0 {
                    break;
                }
            }
            while found != 0 {
                let id = found.trailing_zeros() as usize;
                found &= found - 1;
                if start >= taken[id] {
                    taken[id] = longest[id];
                    out.push((start, longest[id], id as u32));
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matched(index: &ListIndex, words: &[&str]) -> Vec<(usize, usize, String)> {
        let mut norm = String::new();
        let forms: Vec<String> = words
            .iter()
            .map(|w| {
                normalize(w, &mut norm);
                norm.clone()
            })
            .collect();
        let lowers: Vec<u64> = forms.iter().map(|f| hash_str(&f.to_lowercase())).collect();
        index.matches(&lowers, &forms).into_iter().map(|(a, b, l)| (a, b, index.names()[l as usize].clone())).collect()
    }

    #[test]
    fn longest_match_per_list() {
        let mut index = ListIndex::default();
        let cities = index.add_list("cities");
        let states = index.add_list("states");
        for c in ["New York", "York", "Los Angeles"] {
            index.add(cities, c.split(' '));
        }
        index.add(states, ["New", "York"]);
        let got = matched(&index, &["In", "New", "York", "and", "York", "and", "los", "Angeles"]);
        let want = vec![(1, 3, "cities".into()), (1, 3, "states".into()), (4, 5, "cities".into())];
        assert_eq!(got, want, "lowercase `los` does not start a match");
    }

    #[test]
    fn builtin_lists_load() {
        let index = ListIndex::builtin();
        assert_eq!(index.names().len(), BUILTIN.len());
        let got = matched(&index, &["Officials", "in", "Germany", "and", "Texas", "met", "in", "January"]);
        let names: Vec<&str> = got.iter().map(|(_, _, n)| n.as_str()).collect();
        assert!(names.contains(&"countries") && names.contains(&"us-states") && names.contains(&"dates"), "{got:?}");
    }
}
