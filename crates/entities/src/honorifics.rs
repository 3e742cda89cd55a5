//! Honorifics and titles before a name (`Mr. Carson`, `President Biden`),
//! which CoNLL's annotation leaves outside the PER span.
//!
//! The 1996 wire wrote `Mr` rarely and without a full stop, so the tagger
//! learned little about it; 2010s US papers write `Mr.` and `Ms.` before
//! most second mentions, and the tagger put them inside the name now and
//! then (103 times in the PolNeAR training articles, which have about
//! 2,200 of them before a name). The convention is fixed, so it is
//! applied by rule.

use crate::features::normalize;

/// Words that precede a name without being part of it.
const HONORIFICS: &[&str] = &[
    "Dr",
    "Dr.",
    "Gov.",
    "Governor",
    "Judge",
    "Mayor",
    "Messrs",
    "Messrs.",
    "Mme",
    "Mme.",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Pope",
    "President",
    "Prof",
    "Prof.",
    "Rep.",
    "Sen.",
    "Senator",
];

/// How many of a person's name tokens `words` are honorifics at its start;
/// never all of them.
pub fn leading_honorifics<S: AsRef<str>>(words: &[S]) -> usize {
    let mut buf = String::new();
    let n = words
        .iter()
        .take_while(|w| {
            normalize(w.as_ref(), &mut buf);
            HONORIFICS.contains(&buf.as_str())
        })
        .count();
    if n == words.len() { 0 } else { n }
}

#[cfg(test)]
mod tests {
    use super::leading_honorifics;

    #[test]
    fn honorifics_before_names() {
        for (name, expect) in [
            ("Mr. Carson", 1),
            ("Ms. Acosta", 1),
            ("President Joe Biden", 1),
            ("Pope Leo XIV", 1),
            ("Mr", 0),
            ("Carson", 0),
            ("Sen. Dr. Jane Doe", 2),
            ("Mister Rogers", 0),
        ] {
            let words: Vec<&str> = name.split(' ').collect();
            assert_eq!(leading_honorifics(&words), expect, "{name}");
        }
    }
}
