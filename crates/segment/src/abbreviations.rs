//! Abbreviations: which words take a period that does not end a sentence.
//!
//! A period after an abbreviation is the hardest call a splitter makes, and
//! one list cannot make it: `Mr.` never ends a sentence, `No.` does not end
//! one before a number, `e.g.` ends none, while `Inc.`, `etc.` and `U.S.`
//! end a sentence only when the next word starts one. So each entry has a
//! [`AbbreviationKind`] and the splitter asks what follows.
//!
//! The built-in list is English news usage: titles, corporate suffixes,
//! months and days, US states in AP style, units and scholarly shorthand.
//! Users add their own in the stage options. Words written with periods
//! between single letters (`U.S.A.`, `J.R.R.`, `Ph.D.`) are recognised by
//! shape and need no entry.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// How an abbreviation's period behaves.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbreviationKind {
    /// A title before a name (`Mr.`, `Dr.`, `Gen.`): never ends a sentence.
    Title,
    /// Used before numbers (`No. 5`, `p. 55`, `Vol. 3`): ends no sentence
    /// before a number; elsewhere it is an ordinary word.
    BeforeNumber,
    /// Only inside sentences (`e.g.`, `i.e.`, `cf.`, `vs.`): never ends one.
    Inner,
    /// Ends a sentence only when the next word begins one (`Inc.`, `etc.`,
    /// `Jan.`, `Calif.`, `U.S.`).
    Ambiguous,
    /// A time of day (`a.m.`, `p.m.`): like `Ambiguous`, but a clock time at
    /// the head of a sentence (`At 5 a.m. Mr. Smith left.`) continues it.
    Time,
}

/// One entry: its kind and whether a lower-case spelling also counts
/// (`co.` is `Co.`, but `mass.` is not `Mass.`).
#[derive(Clone, Copy, Debug)]
struct Entry {
    kind: AbbreviationKind,
    capital_only: bool,
}

/// FNV-1a: the keys are a few bytes long and the table is built once.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 { 0xcbf2_9ce4_8422_2325 } else { self.0 };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub(crate) type FnvMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// The abbreviations a splitter or tokenizer knows.
#[derive(Clone, Debug)]
pub(crate) struct Abbreviations {
    /// Lower-cased word without its final period → entry.
    entries: FnvMap<String, Entry>,
}

use AbbreviationKind::*;

/// Built-in entries, written as they appear in text without the final
/// period. A capitalised entry only matches capitalised words.
const BUILT_IN: &[(AbbreviationKind, &[&str])] = &[
    (
        Title,
        &[
            "Mr", "Mrs", "Ms", "Messrs", "Mmes", "Mme", "Mlle", "Dr", "Drs", "Prof", "Profs", "Gen", "Lt", "Col",
            "Maj", "Capt", "Cpt", "Cmdr", "Cdr", "Adm", "Brig", "Sgt", "Cpl", "Pvt", "Gov", "Sen", "Sens", "Rep",
            "Reps", "Rev", "Revd", "Hon", "Pres", "Supt", "Insp", "Det", "Fr", "Msgr", "Atty", "Amb", "Gens", "Lieut",
            "Comdr", "Sra", "Srta", "Dra", "Mssrs", "Attn",
        ],
    ),
    (
        BeforeNumber,
        &[
            "No", "Nos", "Nr", "N°", "Nº", "p", "pp", "Vol", "Vols", "Fig", "Figs", "Ch", "Chap", "Sec", "Secs", "Art",
            "Arts", "Para", "Paras", "Op", "Eq", "Eqs", "Tel", "Ext", "Pt", "Pts", "Rt", "Hwy", "Rte", "Ste", "Apt",
            "Bldg", "Rm", "Ed", "Eds", "Ps", "Ver", "Ph", "Fax", "Mob",
        ],
    ),
    (
        Inner,
        &[
            "e.g", "i.e", "eg", "ie", "cf", "vs", "viz", "approx", "appx", "ca", "incl", "esp", "resp", "a.k.a",
            "w.r.t", "v",
        ],
    ),
    (
        Ambiguous,
        &[
            // Companies and people after a name.
            "Inc", "Co", "Cos", "Corp", "Corps", "Ltd", "Plc", "Bros", "Jr", "Sr", "Esq", "Assn", "Assoc", "Dept",
            "Univ", "Intl", "Natl", "Govt", "Mfg", "Pty", "Bhd",
            // Scholarly and general shorthand that can close a sentence.
            "etc", "al", "ibid", "est", "min", "max", "avg", "misc", "div", "ref", "refs", "cit", // Places.
            "St", "Mt", "Ave", "Blvd", "Rd", "Ln", "Hts", "Pl", "Sq", "Pkwy", "Mtn", // Months and days.
            "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Mon", "Tue", "Tues",
            "Wed", "Thu", "Thur", "Thurs", "Fri", "Sat", "Sun", // US states, AP style.
            "Ala", "Ariz", "Ark", "Calif", "Cal", "Colo", "Conn", "Del", "Fla", "Ga", "Ida", "Ill", "Ind", "Kan",
            "Kans", "Ky", "La", "Md", "Mass", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nebr", "Nev", "Okla",
            "Ore", "Pa", "Penn", "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wisc", "Wyo",
            // Units and measures.
            "ft", "yr", "yrs", "mo", "mos", "wk", "wks", "hr", "hrs", "lb", "lbs", "oz", "sq", "cu", "gal", "mi", "mph",
            "tbsp", "tsp", "doz",
        ],
    ),
    (Time, &["a.m", "p.m"]),
];

/// Entries that match only when capitalised, because the lower-case word is
/// common English (`mass.`, `wash.`, `ill.`, `sun.`, `mar.`) or a pronoun.
const CAPITAL_ONLY: &[&str] = &[
    "Mass", "Wash", "Miss", "Ill", "Ind", "Mo", "La", "Pa", "Ga", "Del", "Ore", "Ida", "Cal", "Sun", "Sat", "Wed",
    "Mar", "Jan", "Mon", "Fri", "Tue", "Thu", "Dec", "Gen", "Rep", "Sen", "Gov", "Col", "Hon", "Pres", "Det", "Fr",
    "Pt", "Art", "Arts", "Ch", "Ed", "Eds", "Ps", "Op", "Para", "Sec", "Secs", "Rt", "Rev", "Mont", "Penn", "Tex",
    "Kan", "Ark", "Ala", "Conn", "Mich", "Minn", "Neb", "Nev", "Tenn", "Va", "Vt", "Wis", "Wyo", "Md", "Ky", "Fla",
    "Colo", "Calif", "Okla", "Ariz", "Nebr", "Kans", "Wisc", "Ln", "Pl", "Sq", "Hts", "Rm", "Ste", "Apt", "Nr", "Eq",
    "Eqs", "Pts",
];

impl Default for Abbreviations {
    fn default() -> Abbreviations {
        let mut entries = FnvMap::default();
        for (kind, words) in BUILT_IN {
            for word in *words {
                entries.insert(lower(word), Entry { kind: *kind, capital_only: CAPITAL_ONLY.contains(word) });
            }
        }
        Abbreviations { entries }
    }
}

impl Abbreviations {
    /// Adds user entries (with or without their final period). An entry
    /// written with a capital matches only capitalised words.
    pub(crate) fn add(&mut self, words: &[String], kind: AbbreviationKind) {
        for word in words {
            let word = word.trim().trim_end_matches('.');
            if word.is_empty() {
                continue;
            }
            let capital_only = word.chars().next().is_some_and(char::is_uppercase);
            self.entries.insert(lower(word), Entry { kind, capital_only });
        }
    }

    /// The kind of `word` (without its final period), if it is a known
    /// abbreviation.
    pub(crate) fn kind(&self, word: &str) -> Option<AbbreviationKind> {
        if word.is_empty() || word.len() > 24 {
            return None;
        }
        let mut buf = [0u8; 24];
        let key: &str = if word.is_ascii() {
            for (d, s) in buf.iter_mut().zip(word.bytes()) {
                *d = s.to_ascii_lowercase();
            }
            std::str::from_utf8(&buf[..word.len()]).unwrap_or(word)
        } else {
            return self.kind_slow(word);
        };
        self.check(key, word)
    }

    fn kind_slow(&self, word: &str) -> Option<AbbreviationKind> {
        self.check(&lower(word), word)
    }

    fn check(&self, key: &str, word: &str) -> Option<AbbreviationKind> {
        let entry = self.entries.get(key)?;
        if entry.capital_only && !word.chars().next().is_some_and(char::is_uppercase) {
            return None;
        }
        Some(entry.kind)
    }
}

fn lower(word: &str) -> String {
    word.to_lowercase()
}

/// True for words written as letters separated by periods, each part one or
/// two letters (`U.S`, `a.m`, `J.R.R`, `Ph.D`, `e.g`; the final period not
/// included): abbreviations by their shape.
pub(crate) fn is_dotted_abbreviation(word: &str) -> bool {
    let mut parts = 0;
    for part in word.split('.') {
        let letters = part.chars().count();
        if letters == 0 || letters > 2 || !part.chars().all(char::is_alphabetic) {
            return false;
        }
        parts += 1;
    }
    parts >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_and_case() {
        let a = Abbreviations::default();
        for (word, kind) in [
            ("Mr", Some(Title)),
            ("MR", Some(Title)),
            ("co", Some(Ambiguous)),
            ("Co", Some(Ambiguous)),
            ("Mass", Some(Ambiguous)),
            ("mass", None),
            ("e.g", Some(Inner)),
            ("E.G", Some(Inner)),
            ("No", Some(BeforeNumber)),
            ("N°", Some(BeforeNumber)),
            ("a.m", Some(Time)),
            ("P.M", Some(Time)),
            ("house", None),
            ("", None),
        ] {
            assert_eq!(a.kind(word), kind, "{word}");
        }
    }

    #[test]
    fn user_entries() {
        let mut a = Abbreviations::default();
        a.add(&["Gov.".to_owned(), "approx".to_owned(), " ".to_owned()], Title);
        assert_eq!(a.kind("Gov"), Some(Title));
        assert_eq!(a.kind("gov"), None);
        assert_eq!(a.kind("approx"), Some(Title));
    }

    #[test]
    fn dotted_shape() {
        for (word, yes) in [
            ("U.S", true),
            ("U.S.A", true),
            ("Ph.D", true),
            ("e.g", true),
            ("US", false),
            ("example.com", false),
            ("3.5", false),
            ("U..S", false),
        ] {
            assert_eq!(is_dotted_abbreviation(word), yes, "{word}");
        }
    }
}
