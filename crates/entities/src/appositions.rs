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
    let singular = word
        .strip_suffix("ies")
        .map_or_else(|| word.strip_suffix('s').unwrap_or(word).to_owned(), |stem| format!("{stem}y"));
    ORGANISATION_NOUNS.contains(&word) || ORGANISATION_NOUNS.contains(&singular.as_str())
}

#[cfg(test)]
mod tests {
    use super::is_organisation_noun;

    #[test]
    fn kinds_of_organisation() {
        for word in ["regulator", "drugmakers", "company", "companies", "bank", "dailies", "watchdog"] {
            assert!(is_organisation_noun(word), "{word}");
        }
        for word in ["Regulator", "rival", "party", "carrier", "spokesman", "says", "groupie"] {
            assert!(!is_organisation_noun(word), "{word}");
        }
    }
}
