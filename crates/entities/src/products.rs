//! Products, models and events with a number in their name (`GPT-4o`,
//! `Gemini 2.5`, `iPhone 16`, `Llama 3`, `COP28`), MISC in CoNLL's
//! annotation.
//!
//! The 1996 wire names few products, and a version number after a name
//! looks to the tagger like the number of a results table, so it ends the
//! name before it (`Gemini` MISC, `2.5` outside) or reads the name as the
//! company (`Llama` ORG). A name of the `misc` list with a digit in it, and
//! a product line (`lists/product-lines.txt`) followed by a version number,
//! are one MISC name by rule. Other names before a number are left alone:
//! `Olympic 100 metres`, `C$ 1.15 billion`, `London Irish 27`.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::features::normalized;
use crate::lists::entries;

/// A version number after a product's name: `16`, `2.5`, `4o`, `3.1`;
/// not a year, not a count with a unit glued on (`10-year`).
pub fn is_version(word: &str) -> bool {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_lowercase());
    let suffix = word.len() - digits.len();
    !digits.is_empty()
        && digits.len() <= 4
        && suffix <= 2
        && digits.starts_with(|c: char| c.is_ascii_digit())
        && digits.ends_with(|c: char| c.is_ascii_digit())
        && digits.chars().all(|c| c.is_ascii_digit() || c == '.')
        && (digits.len() != 4 || digits.contains('.')) // not a year
}

/// Product lines whose versions follow their name (`lists/product-lines.txt`).
const PRODUCT_LINES: &str = include_str!("../lists/product-lines.txt");

/// The `misc` list's names with a digit in them (`GPT-4o`, `COP28`, `S&P
/// 500`), lowercase, read once.
fn numbered_names() -> &'static HashSet<String> {
    static NAMES: OnceLock<HashSet<String>> = OnceLock::new();
    NAMES.get_or_init(|| {
        entries(include_str!("../lists/misc.txt"))
            .filter(|e| e.bytes().any(|b| b.is_ascii_digit()))
            .map(str::to_lowercase)
            .collect()
    })
}

/// Where the `misc` list's names with a digit stand in a sentence: `(first,
/// end)`, the longest at each start, left to right. Only the few words
/// around a word with a digit are looked at.
pub fn numbered_list_names(words: &[&str]) -> Vec<(usize, usize)> {
    let names = numbered_names();
    let mut out: Vec<(usize, usize)> = Vec::new();
    let mut key = String::new();
    for j in (0..words.len()).filter(|&j| words[j].bytes().any(|b| b.is_ascii_digit())) {
        for first in j.saturating_sub(2)..=j {
            if out.last().is_some_and(|&(_, end)| first < end) {
                continue;
            }
            let starts = words[first].chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
            let longest = (j + 1..=(first + 3).min(words.len())).rev().find(|&end| {
                key.clear();
                for (k, w) in words[first..end].iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    key.push_str(&normalized(w).to_lowercase());
                }
                starts && names.contains(&key)
            });
            if let Some(end) = longest {
                out.push((first, end));
            }
        }
    }
    out
}

/// The product lines, each as its words, read once.
fn product_lines() -> &'static [Vec<&'static str>] {
    static LINES: OnceLock<Vec<Vec<&'static str>>> = OnceLock::new();
    LINES.get_or_init(|| entries(PRODUCT_LINES).map(|line| line.split(' ').collect()).collect())
}

/// The length in words of the product line's name just before `at`, if any.
fn product_line_before<S: AsRef<str>>(words: &[S], at: usize) -> Option<usize> {
    product_lines().iter().find_map(|line| {
        let n = line.len();
        (at >= n && words[at - n..at].iter().map(AsRef::as_ref).eq(line.iter().copied())).then_some(n)
    })
}

/// MISC names `(first, end)` of one sentence: a product line and its
/// version (`Gemini 2.5`), and the `misc` list's matches `(first, end)`
/// with a digit in them (`GPT-4o`, `COP28`) or a version after them.
pub fn product_names<S: AsRef<str>>(words: &[S], list_matches: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let word = |i: usize| words.get(i).map_or("", |w| w.as_ref());
    let mut out = Vec::new();
    for &(first, end) in list_matches {
        let versioned = is_version(word(end)) && product_line_before(words, end).is_some();
        if versioned || (first..end).any(|i| word(i).contains(|c: char| c.is_ascii_digit())) {
            out.push((first, end + usize::from(versioned)));
        }
    }
    for at in 1..words.len() {
        if is_version(word(at)) && !out.iter().any(|&(a, b)| a <= at && at < b) {
            if let Some(n) = product_line_before(words, at) {
                out.push((at - n, at + 1));
            }
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Aircraft makers, whose models are named by codes (`Airbus A350-900`).
const MAKERS: &[&str] = &["Airbus", "ATR", "Boeing", "Bombardier", "Comac", "Embraer"];

/// Nouns a model code names the type of (`787 jets`, `A320neo narrow-body`).
const VEHICLES: &[&str] = &[
    "aircraft",
    "airliner",
    "airliners",
    "freighter",
    "freighters",
    "jet",
    "jetliner",
    "jetliners",
    "jets",
    "narrow-body",
    "narrowbody",
    "plane",
    "planes",
    "single-aisle",
    "wide-body",
    "widebody",
];

/// A model code: a capital letter and three digits (`A350`), or Boeing's
/// `7x7` (a bare three-digit number before `jets` is a count: `100 jets`),
/// then lowercase letters, digits or a dash (`A320neo`, `A220-100`,
/// `A350s`).
pub fn is_model_code(word: &str) -> bool {
    let (letter, rest) = match word.strip_prefix(|c: char| c.is_ascii_uppercase()) {
        Some(rest) => (true, rest),
        None => (false, word),
    };
    let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
    let seven = rest.len() >= 3 && rest.as_bytes()[0] == b'7' && rest.as_bytes()[2] == b'7';
    digits == 3
        && (letter || seven)
        && rest[3..].bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// Aircraft models of one sentence: a model code after a maker (`Airbus
/// A350`: the maker ORG, the model MISC, as current annotation has them) or
/// before a noun of aircraft (`787 jets`). `(first, end, label)`.
pub fn aircraft_models<S: AsRef<str>>(words: &[S]) -> Vec<(usize, usize, &'static str)> {
    let word = |i: usize| words.get(i).map_or("", |w| w.as_ref());
    let mut out = Vec::new();
    for i in 0..words.len() {
        if !is_model_code(word(i)) {
            continue;
        }
        let maker = i > 0 && MAKERS.contains(&word(i - 1));
        if maker {
            out.push((i - 1, i, "ORG"));
        }
        if maker || VEHICLES.contains(&word(i + 1)) {
            out.push((i, i + 1, "MISC"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions() {
        for (w, want) in [
            ("16", true),
            ("2.5", true),
            ("4o", true),
            ("3", true),
            ("2024", false),
            ("10-year", false),
            ("1,000", false),
            ("Pro", false),
            ("2.", false),
        ] {
            assert_eq!(is_version(w), want, "{w}");
        }
    }

    #[test]
    fn aircraft() {
        for (w, want) in [("787", true), ("A350", true), ("A320neo", true), ("A220-100", true), ("A350s", true)] {
            assert_eq!(is_model_code(w), want, "{w}");
        }
        for w in ["2020", "12", "AB350", "100", "1,000", "350km"] {
            assert!(!is_model_code(w), "{w}");
        }
        let words = ["an", "Airbus", "A350-900", "and", "seven", "787", "jets", "and", "room", "101"];
        assert_eq!(aircraft_models(&words), [(1, 2, "ORG"), (2, 3, "MISC"), (5, 6, "MISC")]);
    }

    #[test]
    fn numbered_names_of_the_list() {
        let words = ["the", "FTSE", "100", "and", "GPT-4o", "at", "COP28", "and", "room", "101"];
        assert_eq!(numbered_list_names(&words), [(1, 3), (4, 5), (6, 7)]);
    }

    #[test]
    fn names_with_versions() {
        let words = ["Gemini", "2.5", "beat", "GPT-4o", "and", "Llama", "3", "at", "COP28", "in", "2024"];
        let matches = [(0, 1), (3, 4), (5, 6), (8, 9)];
        assert_eq!(product_names(&words, &matches), [(0, 2), (3, 4), (5, 7), (8, 9)]);
        // A list name without a digit or a version is left to the tagger.
        assert_eq!(product_names(&["Gemini", "said"], &[(0, 1)]), []);
        // A product line needs no list match; other names before numbers
        // are not products.
        assert_eq!(product_names(&["Windows", "11", "ships"], &[]), [(0, 2)]);
        assert_eq!(product_names(&["Olympic", "100", "metres"], &[(0, 1)]), []);
        assert_eq!(product_names(&["C$", "1.15", "billion"], &[]), []);
    }
}
