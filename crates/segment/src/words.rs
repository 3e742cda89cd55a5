//! Closed-class words that tell the sentence splitter what follows a
//! period.
//!
//! After an ambiguous abbreviation (`Inc.`, `U.S.`, `etc.`) a capital
//! letter proves nothing: `the U.S. Government` goes on, `the U.S. How
//! about you?` does not. What does tell them apart is the next word: the
//! words that open English sentences (determiners, pronouns, conjunctions,
//! prepositions, question words, auxiliaries) are a small closed class, and
//! none of them is a name or a noun that an abbreviation modifies. Words
//! that are also common names (`May`, `Will`, `Bill`) are left out.

use std::collections::HashSet;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

use crate::abbreviations::Fnv;

/// True when `word` (letters only, as written) is a closed-class word that
/// typically begins a sentence when capitalised: `The`, `He`, `However`.
pub(crate) fn is_sentence_starter(word: &str) -> bool {
    if !word.starts_with(|c: char| c.is_ascii_uppercase()) || word.len() > 12 {
        return false;
    }
    let mut buf = [0u8; 12];
    for (d, s) in buf.iter_mut().zip(word.bytes()) {
        *d = s.to_ascii_lowercase();
    }
    let Ok(lower) = std::str::from_utf8(&buf[..word.len()]) else { return false };
    static SET: OnceLock<HashSet<&'static str, BuildHasherDefault<Fnv>>> = OnceLock::new();
    SET.get_or_init(|| STARTERS.iter().copied().collect()).contains(lower)
}

/// Sorted, lower-case.
const STARTERS: &[&str] = &[
    "a",
    "about",
    "according",
    "after",
    "afterwards",
    "again",
    "all",
    "also",
    "although",
    "among",
    "an",
    "and",
    "another",
    "any",
    "anyway",
    "are",
    "as",
    "at",
    "because",
    "before",
    "being",
    "besides",
    "both",
    "but",
    "by",
    "could",
    "dear",
    "did",
    "do",
    "does",
    "during",
    "each",
    "either",
    "even",
    "every",
    "finally",
    "first",
    "for",
    "from",
    "further",
    "furthermore",
    "had",
    "has",
    "have",
    "he",
    "hello",
    "her",
    "here",
    "hers",
    "hey",
    "hi",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "indeed",
    "instead",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "let",
    "many",
    "maybe",
    "meanwhile",
    "more",
    "moreover",
    "most",
    "much",
    "my",
    "neither",
    "never",
    "nevertheless",
    "next",
    "no",
    "none",
    "nor",
    "not",
    "now",
    "of",
    "often",
    "oh",
    "ok",
    "okay",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "over",
    "perhaps",
    "please",
    "rather",
    "second",
    "several",
    "she",
    "should",
    "since",
    "so",
    "some",
    "sorry",
    "still",
    "such",
    "thank",
    "thanks",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "therefore",
    "these",
    "they",
    "this",
    "those",
    "though",
    "thus",
    "to",
    "today",
    "tomorrow",
    "too",
    "under",
    "unless",
    "until",
    "was",
    "we",
    "were",
    "what",
    "whatever",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "why",
    "with",
    "within",
    "without",
    "would",
    "yes",
    "yesterday",
    "yet",
    "you",
    "your",
];

/// Titles that begin a sentence as readily as a pronoun does: `...in the
/// U.S. Mr. Smith said`.
pub(crate) fn is_title_word(word: &str) -> bool {
    matches!(word, "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Sen" | "Gov" | "Gen" | "Rep" | "Rev" | "President")
}

/// Words after a clock time that keep it in its sentence: days, months,
/// `Eastern` (time), and all-capital zones such as `EST` or `GMT`.
pub(crate) fn continues_clock_time(word: &str) -> bool {
    let zone = (2..=4).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase());
    zone || matches!(
        word,
        "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "Eastern"
            | "Central"
            | "Pacific"
            | "Mountain"
            | "Greenwich"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Jan"
            | "Feb"
            | "Mar"
            | "Apr"
            | "Jun"
            | "Jul"
            | "Aug"
            | "Sep"
            | "Sept"
            | "Oct"
            | "Nov"
            | "Dec"
            | "Mon"
            | "Tue"
            | "Wed"
            | "Thu"
            | "Fri"
            | "Sat"
            | "Sun"
    )
}

/// Prepositions that head a time phrase at the start of a sentence:
/// `At 5 a.m.`, `By 6 p.m.`.
pub(crate) fn is_time_preposition(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "at" | "by" | "until" | "till" | "before" | "after" | "from" | "around" | "about" | "since" | "on" | "shortly"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn starters_are_sorted_and_found() {
        assert!(STARTERS.windows(2).all(|w| w[0] < w[1]), "STARTERS must stay sorted");
        for (word, yes) in
            [("The", true), ("the", false), ("THE", true), ("However", true), ("Government", false), ("May", false)]
        {
            assert_eq!(is_sentence_starter(word), yes, "{word}");
        }
    }

    #[test]
    fn clock_time_continuations() {
        for (word, yes) in [("EST", true), ("Monday", true), ("Mr", false), ("He", false)] {
            assert_eq!(continues_clock_time(word), yes, "{word}");
        }
    }
}
