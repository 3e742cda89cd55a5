//! Hyphenated modifiers: a name with a participle or noun glued on by a
//! hyphen (`Elon Musk-led`, `Google-backed`, `Texas-based`, `Trump-era`,
//! `Kremlin-linked`).
//!
//! The tokenizer keeps such a word whole, as CoNLL did, so the tagger can
//! only put the whole word in or out of a name: it drew `Musk-led` into a
//! person's span. The name is the part before the hyphen; the rule that
//! finds it is here, the choice of label for a lone modifier in
//! [`crate::EntityStage`].

/// Words that follow a name and a hyphen to make a modifier.
const SUFFIXES: &[&str] = &[
    "affiliated",
    "aligned",
    "allied",
    "backed",
    "based",
    "born",
    "bound",
    "brokered",
    "built",
    "centric",
    "controlled",
    "designed",
    "developed",
    "dominated",
    "driven",
    "era",
    "financed",
    "focused",
    "founded",
    "friendly",
    "funded",
    "headquartered",
    "inspired",
    "led",
    "linked",
    "listed",
    "made",
    "operated",
    "owned",
    "registered",
    "related",
    "run",
    "sponsored",
    "style",
    "supported",
    "trained",
];

/// The length in bytes of the name in a modifier word (`Texas` in
/// `Texas-based`), or None when the word is not a capitalised name with a
/// modifier suffix.
pub fn modifier_name_len(word: &str) -> Option<usize> {
    let (name, suffix) = word.rsplit_once('-')?;
    let name_ok = name.chars().next().is_some_and(char::is_uppercase) && name.chars().any(char::is_alphanumeric);
    (name_ok && SUFFIXES.contains(&suffix)).then_some(name.len())
}

/// Prefixes glued to a name to make an adjective (`post-Brexit`,
/// `pro-Russian`, `anti-Trump`, `neo-Nazi`).
const PREFIXES: &[&str] = &["anti", "neo", "non", "post", "pre", "pro"];

/// The name in a modifier word, before its suffix (`Texas` in
/// `Texas-based`) or after its prefix (`Brexit` in `post-Brexit`), or None
/// when the word is neither.
pub fn modifier_name(word: &str) -> Option<&str> {
    if let Some(len) = modifier_name_len(word) {
        return word.get(..len);
    }
    let (prefix, name) = word.split_once('-')?;
    let name_ok = name.chars().next().is_some_and(char::is_uppercase);
    (name_ok && PREFIXES.contains(&prefix.to_ascii_lowercase().as_str())).then_some(name)
}

#[cfg(test)]
mod tests {
    use super::{modifier_name, modifier_name_len};

    #[test]
    fn names_in_prefixed_and_suffixed_modifiers() {
        for (word, want) in [
            ("London-listed", Some("London")),
            ("post-Brexit", Some("Brexit")),
            ("Pro-Kremlin", Some("Kremlin")),
            ("anti-inflation", None),
            ("ex-wife", None),
            ("Coca-Cola", None),
        ] {
            assert_eq!(modifier_name(word), want, "{word}");
        }
    }

    #[test]
    fn names_in_modifiers() {
        for (word, want) in [
            ("Musk-led", Some(4)),
            ("Google-backed", Some(6)),
            ("U.S.-based", Some(4)),
            ("COVID-19-driven", Some(8)),
            ("Trump-era", Some(5)),
            ("Kremlin-linked", Some(7)),
            ("state-run", None),
            ("Texas-San", None),
            ("Coca-Cola", None),
            ("-led", None),
            ("Texas-Based", None),
        ] {
            assert_eq!(modifier_name_len(word), want, "{word}");
        }
    }
}
