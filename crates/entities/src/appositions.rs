//! Names after a noun that says what kind of organisation they are:
//! `health regulator Anvisa`, `the drugmaker Moderna`, `Swiss bank UBS`.
//!
//! Current news names many organisations the 1996 training data never saw,
//! and introduces them with their kind, right before the name. In CoNLL-2003
//! train and dev and WikiGold, a name right after one of the nouns below (or
//! its plural) is ORG 120 times and LOC once.
//! Nouns that also come before people or things are left out: `rival`
//! (`rival Bob Dole`), `party`, `carrier` (`the carrier Enterprise` is a
//! ship), `insurer`, `broker`, `committee`, `department`.

/// Nouns of a kind of organisation, in their lowercase singular or plural.
const ORGANISATION_NOUNS: &[&str] = &[
    "agency",
    "airline",
    "automaker",
    "bank",
    "broadcaster",
    "carmaker",
    "chipmaker",
    "club",
    "company",
    "conglomerate",
    "daily",
    "drugmaker",
    "exchange",
    "firm",
    "fund",
    "giant",
    "group",
    "lender",
    "maker",
    "manufacturer",
    "miner",
    "network",
    "newspaper",
    "publisher",
    "regulator",
    "retailer",
    "startup",
    "subsidiary",
    "unit",
    "watchdog",
];

/// True when `word` names a kind of organisation (`regulator`,
/// `drugmakers`); a capitalised word is a name or starts a sentence, not
/// such a noun.
pub fn is_organisation_noun(word: &str) -> bool {
    let is = |w: &str| ORGANISATION_NOUNS.contains(&w);
    is(word)
        || word.strip_suffix('s').is_some_and(is)
        || word
            .strip_suffix("ies")
            .is_some_and(|stem| ORGANISATION_NOUNS.iter().any(|n| n.strip_suffix('y') == Some(stem)))
}

/// True for such a noun capitalised at the start of a sentence
/// (`Drugmakers`).
pub fn starts_as_organisation_noun(word: &str) -> bool {
    let mut chars = word.chars();
    chars.next().is_some_and(|c| c.is_ascii_uppercase())
        && chars.as_str().bytes().all(|b| b.is_ascii_lowercase())
        && is_organisation_noun(&word.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::{is_organisation_noun, starts_as_organisation_noun};

    #[test]
    fn kinds_of_organisation() {
        for word in ["regulator", "drugmakers", "company", "companies", "bank", "dailies", "watchdog"] {
            assert!(is_organisation_noun(word), "{word}");
        }
        for word in ["Regulator", "rival", "party", "carrier", "spokesman", "says", "groupie"] {
            assert!(!is_organisation_noun(word), "{word}");
        }
        assert!(starts_as_organisation_noun("Drugmakers") && starts_as_organisation_noun("Regulator"));
        assert!(!starts_as_organisation_noun("GROUP") && !starts_as_organisation_noun("drugmakers"));
    }
}
