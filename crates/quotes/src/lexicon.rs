//! The words attribution is made of: cue verbs in all their forms, cue
//! phrases, and the closed classes (determiners, pronouns, auxiliaries,
//! prepositions, time words) that delimit a speaker mention without a
//! part-of-speech tagger.
//!
//! Cue verbs come from `data/lexicon.toml` (mined from PolNeAR train and
//! general English usage) and can be extended from TOML; the closed classes
//! are part of the algorithm and fixed here. Every word of a document is
//! looked up once, in one hash table, so attribution afterwards only tests
//! bits.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use serde::Deserialize;

/// A verb of speaking or writing: a cue of direct and reported speech.
pub(crate) const SPEECH: u32 = 1;
/// A verb of thought or stance: a cue of reported speech only.
pub(crate) const REPORTING: u32 = 1 << 1;
/// The first word of a multi-word cue.
pub(crate) const PHRASE_START: u32 = 1 << 2;
/// Determiners and quantifiers that open a description (`a`, `the`, `one`).
pub(crate) const DET: u32 = 1 << 3;
/// Subject pronouns (`he`, `she`, `they`, `it`, `I`, `we`, `you`).
pub(crate) const PRONOUN: u32 = 1 << 4;
/// Auxiliaries and adverbs that may stand between a speaker and a cue.
pub(crate) const BETWEEN: u32 = 1 << 5;
/// Time words that may follow a cue (`said Monday`, `said today`).
pub(crate) const TIME: u32 = 1 << 6;
/// Function words that never belong to a speaker mention.
pub(crate) const STOP: u32 = 1 << 7;
/// Titles before a name (`Mr.`, `Sen.`, `President`).
pub(crate) const TITLE: u32 = 1 << 8;
/// Pronouns that refer to a person (`he`, `she`, `I`, `we`, `they`).
pub(crate) const PERSONAL: u32 = 1 << 9;
/// Relative pronouns that open a clause about a speaker (`who`, `which`).
pub(crate) const RELATIVE: u32 = 1 << 10;
/// Object pronouns and other words that never start a reported clause's
/// subject but may follow `told` (`him`, `me`, `reporters`).
pub(crate) const OBJECT: u32 = 1 << 11;
/// Nouns that name an organisation in a description (`the company`).
pub(crate) const ORG_NOUN: u32 = 1 << 12;
/// Conjunctions that may open a clause (`and`, `but`).
pub(crate) const CONJ: u32 = 1 << 13;
/// Prepositions that open a phrase after a cue (`in a statement`, `on Twitter`).
pub(crate) const PREP: u32 = 1 << 14;
/// Nouns of written or spoken texts that can be speakers (`the statement`).
pub(crate) const DOC_NOUN: u32 = 1 << 15;
/// A verb of stance or action: a cue of reported speech whose quotation may
/// be a noun phrase (`criticized the deal`).
pub(crate) const ATTITUDE: u32 = 1 << 16;
/// A word of a title-case headline (set per paragraph, not by the lexicon).
pub(crate) const HEADLINE: u32 = 1 << 17;
/// Quantifiers that may be a speaker alone (`some say`, `many believe`).
pub(crate) const ALONE: u32 = 1 << 18;
/// Verbs of evidence (`seem`, `appear`): a cue of reported speech whose
/// subject is not a source, so the quotation has no speaker.
pub(crate) const EVIDENTIAL: u32 = 1 << 19;
/// A form of a verb of the `attitude` list (`recommended`), as opposed to a
/// form only mined from PolNeAR (`attitude_words`: `approved`, `named`,
/// `voted`), which may be an action rather than a stance.
pub(crate) const STANCE: u32 = 1 << 20;

#[rustfmt::skip]
const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "these", "those", "his", "her", "its", "their", "our", "my", "your", "one", "another",
    "some", "many", "several", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "both",
    "all", "each", "every", "most", "few", "other", "such", "any", "dozens", "hundreds", "thousands", "numerous",
    "various",
];
#[rustfmt::skip]
const QUANTIFIERS: &[&str] = &[
    "some", "many", "most", "several", "both", "few", "all", "others", "one", "none", "another", "dozens",
    "hundreds", "thousands",
];
#[rustfmt::skip]
const PRONOUNS: &[&str] = &[
    "he", "she", "they", "it", "i", "we", "you", "who", "he's", "she's", "it's", "i'm", "we're", "they're",
    "you're", "i've", "we've", "they've", "you've", "he'd", "she'd", "i'd", "we'd", "they'd", "i'll", "he'll",
    "she'll", "we'll", "they'll",
];
#[rustfmt::skip]
const PERSONAL_PRONOUNS: &[&str] = &[
    "he", "she", "they", "i", "we", "you", "he's", "she's", "i'm", "we're", "they're", "you're", "i've", "we've",
    "they've", "you've", "he'd", "she'd", "i'd", "we'd", "they'd", "i'll", "he'll", "she'll", "we'll", "they'll",
];
#[rustfmt::skip]
const BETWEEN_WORDS: &[&str] = &[
    "has", "have", "had", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do",
    "is", "was", "were", "are", "been", "be", "also", "later", "then", "again", "once", "recently", "previously",
    "earlier", "now", "still", "reportedly", "repeatedly", "simply", "flatly", "quickly", "bluntly", "finally",
    "first", "often", "frequently", "publicly", "privately", "openly", "already", "just", "even", "further",
    "subsequently", "ultimately", "immediately", "separately", "likewise", "similarly", "always", "never", "not",
    "sometimes", "allegedly", "initially", "originally", "correctly", "falsely", "wrongly", "angrily", "proudly",
    "calmly", "softly", "quietly", "loudly", "firmly", "emphatically", "confidently", "sarcastically", "jokingly",
    "tearfully", "wryly", "tersely", "succinctly", "candidly", "frankly", "plainly", "directly", "explicitly",
    "specifically", "personally", "herself", "himself", "themselves", "itself", "going",
];
#[rustfmt::skip]
const TIME_WORDS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight",
    "tomorrow", "recently", "later", "earlier", "afterward", "afterwards", "then", "again", "this", "last", "week",
    "month", "year", "morning", "afternoon", "evening", "night", "weekend", "ago", "january", "february", "march",
    "april", "june", "july", "august", "september", "october", "november", "december", "jan.", "feb.", "aug.",
    "sept.", "oct.", "nov.", "dec.",
];
#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "and", "or", "but", "nor", "so", "yet", "if", "because", "although", "though", "while", "when", "where",
    "whether", "that", "which", "whom", "whose", "what", "how", "why", "to", "of", "in", "on", "at", "by", "for",
    "with", "from", "into", "about", "as", "than", "after", "before", "during", "since", "until", "against", "over",
    "under", "through", "without", "within", "between", "among", "not", "no", "there", "here", "him", "me", "us",
    "them", "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will", "would", "could",
    "can", "may", "might", "should", "must", "did", "does", "do", "also", "very", "too", "just", "only", "even",
    "said", "says", "say", "like", "upon", "per", "via", "amid", "despite", "onto", "toward", "towards", "across",
    "around", "behind", "beyond", "near", "off", "out", "up", "down", "it", "he", "she", "they", "we", "i", "you",
    "himself", "herself", "itself", "themselves", "then", "now", "later", "again", "still", "yes", "however",
    "instead", "rather", "quite", "really", "perhaps", "maybe", "monday", "tuesday", "wednesday", "thursday",
    "friday", "saturday", "sunday", "today", "yesterday", "tonight", "tomorrow", "ago", "all", "much", "more",
    "less", "most", "least", "else", "who", "let", "indeed", "meanwhile", "moreover", "furthermore", "nonetheless",
    "nevertheless", "thus", "therefore", "otherwise", "besides", "overall", "instead", "regardless", "that's",
    "there's", "what's", "here's", "where's", "who's",
];
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "sen.", "rep.", "gov.", "gen.", "lt.", "col.", "sgt.", "capt.", "prof.", "rev.",
    "sens.", "reps.", "atty.", "adm.", "maj.", "cmdr.", "mr", "mrs", "ms", "dr", "president", "senator", "governor",
    "sen", "rep", "gov", "judge", "justice", "pastor", "father", "sister", "bishop", "rabbi", "imam", "secretary",
    "chairman", "chairwoman", "mayor", "congressman", "congresswoman", "speaker", "minister", "ambassador",
    "general", "admiral", "sheriff", "director", "attorney", "commissioner", "chancellor", "prince", "princess",
    "king", "queen", "pope", "professor", "lord", "lady", "sir", "dame",
    // Canadian police ranks and honorifics, and premiers.
    "const.", "cst.", "cpl.", "insp.", "supt.", "det.", "hon.", "const", "cst", "cpl", "insp", "supt", "premier",
];
const RELATIVES: &[&str] = &["who", "which", "whose", "whom"];
#[rustfmt::skip]
const OBJECTS: &[&str] = &[
    "him", "her", "me", "us", "them", "you", "reporters", "journalists", "supporters", "viewers", "listeners",
    "audiences", "voters", "members", "colleagues", "lawmakers", "readers", "attendees", "followers", "students",
    "host", "anchor", "interviewer", "it",
];
#[rustfmt::skip]
const ORG_NOUNS: &[&str] = &[
    "company", "newspaper", "paper", "campaign", "committee", "party", "agency", "department", "administration",
    "government", "firm", "group", "organization", "organisation", "network", "station", "magazine", "outlet",
    "site", "website", "office", "ministry", "council", "court", "board", "union", "association", "bank",
    "university", "school", "college", "team", "club", "institute", "foundation", "coalition", "commission",
    "bureau", "service", "house", "senate", "congress", "police", "army", "military", "pentagon", "state",
    "publication", "report", "study", "poll", "survey", "statement", "letter", "memo", "release", "filing",
    "lawsuit", "complaint", "post", "times", "journal", "news", "corporation", "inc.", "corp.", "co.", "ltd.",
];
const CONJUNCTIONS: &[&str] = &["and", "but", "while", "though", "although", "yet", "so", "because"];
#[rustfmt::skip]
const PREPOSITIONS: &[&str] = &[
    "in", "on", "at", "during", "to", "with", "for", "after", "before", "via", "through", "from", "over", "outside",
    "inside", "near", "aboard", "about", "of", "under", "amid", "ahead", "by",
];
#[rustfmt::skip]
const DOC_NOUNS: &[&str] = &[
    "statement", "report", "letter", "memo", "release", "study", "poll", "survey", "filing", "lawsuit", "complaint",
    "tweet", "post", "message", "email", "note", "document", "documents", "indictment", "ruling", "order",
    "decision", "article", "editorial", "column", "sign", "ad", "advertisement", "video", "book", "transcript",
    "analysis", "review", "petition", "motion", "brief", "affidavit", "headline",
];

/// A fast hash for short words (the multiply-rotate hash of rustc's
/// `FxHasher`): every word of a document is looked up, and SipHash's
/// protection against chosen keys is not needed for a fixed word list.
#[derive(Clone, Copy, Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

type WordMap<V> = HashMap<Box<[u8]>, V, BuildHasherDefault<WordHasher>>;

/// `word` in lower case with `’` as `'`, in `buf` when it fits and has no
/// other non-ASCII letter (no allocation for the words of news text).
fn lower_key<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b [u8]> {
    const CURLY: &[u8] = "’".as_bytes();
    const MODIFIER: &[u8] = "ʼ".as_bytes();
    let bytes = word.as_bytes();
    let (mut i, mut n) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        let lower = if b < 0x80 {
            i += 1;
            b.to_ascii_lowercase()
        } else if bytes[i..].starts_with(CURLY) {
            i += CURLY.len();
            b'\''
        } else if bytes[i..].starts_with(MODIFIER) {
            i += MODIFIER.len();
            b'\''
        } else {
            return None;
        };
        *buf.get_mut(n)? = lower;
        n += 1;
    }
    Some(&buf[..n])
}

/// A lexicon file: the shape of `data/lexicon.toml` and of user files given
/// with the stage's `lexicon` option. Every list is optional.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LexiconFile {
    /// Verbs of speaking (`"say/said"`, `"tweet"`): cues of direct and reported speech.
    pub speech: Vec<String>,
    /// Verbs of thought or stance (`"believe"`): cues of reported speech only.
    pub reporting: Vec<String>,
    /// Verbs of stance or action (`"criticize"`, `"want"`): cues of reported
    /// speech only, whose quotation may be a noun phrase.
    pub attitude: Vec<String>,
    /// Verbs of evidence (`"seem"`, `"appear"`): cues of reported speech
    /// with no speaker (`the plan seems to work`).
    pub evidential: Vec<String>,
    /// Exact word forms that are cues of stance (no forms are derived).
    pub attitude_words: Vec<String>,
    /// Multi-word cues as written (`"according to"`, `"pointed out"`).
    pub phrases: Vec<String>,
}

/// Why a lexicon could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError(pub String);

impl std::fmt::Display for LexiconError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for LexiconError {}

/// The words attribution looks for: cue verbs and phrases plus the closed
/// word classes. Build it once and share it; lookups are one hash probe.
#[derive(Clone, Debug)]
pub struct Lexicon {
    /// Lower-case word → class bits.
    words: WordMap<u32>,
    /// Multi-word cues, lower-case words, keyed by their first word.
    phrases: WordMap<Vec<Vec<Box<str>>>>,
}

impl Default for Lexicon {
    /// The built-in lexicon.
    fn default() -> Lexicon {
        let mut lexicon = Lexicon::closed_classes();
        // The built-in file is part of the crate and checked by a test.
        if let Ok(file) = toml::from_str::<LexiconFile>(include_str!("../data/lexicon.toml")) {
            lexicon.extend(&file);
        }
        lexicon
    }
}

impl Lexicon {
    /// Only the closed word classes: no cue at all (for tests and for users
    /// who bring their whole cue list).
    pub fn closed_classes() -> Lexicon {
        let mut lexicon = Lexicon { words: WordMap::default(), phrases: WordMap::default() };
        for (list, bit) in [
            (DETERMINERS, DET),
            (PRONOUNS, PRONOUN),
            (PERSONAL_PRONOUNS, PERSONAL),
            (BETWEEN_WORDS, BETWEEN),
            (TIME_WORDS, TIME),
            (STOP_WORDS, STOP),
            (TITLES, TITLE),
            (RELATIVES, RELATIVE),
            (OBJECTS, OBJECT),
            (ORG_NOUNS, ORG_NOUN),
            (CONJUNCTIONS, CONJ),
            (PREPOSITIONS, PREP),
            (DOC_NOUNS, DOC_NOUN),
            (QUANTIFIERS, ALONE),
        ] {
            for word in list {
                lexicon.add(word, bit);
            }
        }
        lexicon
    }

    /// Parses a lexicon file (TOML) and adds its words.
    pub fn extend_from_toml(&mut self, toml_text: &str) -> Result<(), LexiconError> {
        let file: LexiconFile = toml::from_str(toml_text).map_err(|e| {
            let (line, column) = byline_core::line_column(toml_text, e.span().map_or(0, |s| s.start));
            LexiconError(format!("{line}:{column}: invalid lexicon file: {}", e.message().trim_end()))
        })?;
        self.extend(&file);
        Ok(())
    }

    /// Adds the words of a parsed lexicon file.
    pub fn extend(&mut self, file: &LexiconFile) {
        for verb in &file.speech {
            self.add_verb(verb, SPEECH);
        }
        for verb in &file.reporting {
            self.add_verb(verb, REPORTING);
        }
        for verb in &file.attitude {
            self.add_verb(verb, ATTITUDE | STANCE);
        }
        for verb in &file.evidential {
            self.add_verb(verb, EVIDENTIAL | ATTITUDE);
        }
        for word in &file.attitude_words {
            self.add(word, ATTITUDE);
        }
        for phrase in &file.phrases {
            self.add_phrase(phrase);
        }
    }

    /// Adds a cue verb of speaking in all its forms (`"say/said"`, `"tweet"`).
    pub fn add_speech_verb(&mut self, entry: &str) {
        self.add_verb(entry, SPEECH);
    }

    /// Adds a multi-word cue (`"made clear"`); a single word is added as a
    /// speech verb form as written.
    pub fn add_phrase(&mut self, phrase: &str) {
        let words: Vec<Box<str>> = phrase.split_whitespace().map(|w| w.to_lowercase().into_boxed_str()).collect();
        match words.len() {
            0 => {}
            1 => self.add(&words[0], SPEECH),
            _ => {
                self.add(&words[0], PHRASE_START);
                let list = self.phrases.entry(words[0].clone().into_boxed_bytes()).or_default();
                if !list.contains(&words) {
                    list.push(words);
                    // Longest first, so the longest phrase wins.
                    list.sort_by_key(|p| std::cmp::Reverse(p.len()));
                }
            }
        }
    }

    fn add(&mut self, word: &str, bit: u32) {
        *self.words.entry(word.to_lowercase().into_bytes().into_boxed_slice()).or_insert(0) |= bit;
    }

    fn add_verb(&mut self, entry: &str, bit: u32) {
        for form in verb_forms(entry) {
            self.add(&form, bit);
        }
    }

    /// The class bits of a word (any case).
    pub(crate) fn bits(&self, word: &str) -> u32 {
        let mut buf = [0u8; 32];
        if let Some(lower) = lower_key(word, &mut buf) {
            return self.words.get(lower).copied().unwrap_or(0);
        }
        // No lexicon entry is that long (URLs, hashtags).
        if word.len() > 64 {
            return 0;
        }
        let lower = word.to_lowercase().replace('’', "'");
        self.words.get(lower.as_bytes()).copied().unwrap_or(0)
    }

    /// The multi-word cues that start with `word` (any case), longest first.
    pub(crate) fn phrases_from(&self, word: &str) -> &[Vec<Box<str>>] {
        let mut buf = [0u8; 32];
        let found = match lower_key(word, &mut buf) {
            Some(lower) => self.phrases.get(lower),
            None => self.phrases.get(word.to_lowercase().as_bytes()),
        };
        found.map_or(&[], Vec::as_slice)
    }

    /// True when `word` (any case) is a cue of direct speech.
    pub fn is_speech_cue(&self, word: &str) -> bool {
        self.bits(word) & SPEECH != 0
    }
}

/// Every form of a verb entry `lemma[/past[/participle]]`: lemma, -s, past,
/// participle, -ing.
pub(crate) fn verb_forms(entry: &str) -> Vec<String> {
    let mut parts = entry.split('/').map(|p| p.trim().to_lowercase());
    let Some(lemma) = parts.next().filter(|l| !l.is_empty()) else { return Vec::new() };
    let past = parts.next().unwrap_or_else(|| regular_past(&lemma));
    let participle = parts.next().unwrap_or_else(|| past.clone());
    let doubled = lemma.chars().last().is_some_and(|c| past == format!("{lemma}{c}ed"));
    let ing = if doubled {
        let c = lemma.chars().last().unwrap_or('x');
        format!("{lemma}{c}ing")
    } else if let Some(stem) = lemma.strip_suffix("ie") {
        format!("{stem}ying")
    } else if lemma.ends_with('e') && !lemma.ends_with("ee") && !lemma.ends_with("ye") && !lemma.ends_with("oe") {
        format!("{}ing", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ing")
    };
    let third = if lemma.ends_with(['s', 'x', 'z']) || lemma.ends_with("ch") || lemma.ends_with("sh") {
        format!("{lemma}es")
    } else if ends_consonant_y(&lemma) {
        format!("{}ies", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}s")
    };
    let mut forms = vec![lemma, third, past, participle, ing];
    forms.dedup();
    forms
}

fn ends_consonant_y(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() >= 2 && b[b.len() - 1] == b'y' && !b"aeiou".contains(&b[b.len() - 2])
}

fn regular_past(lemma: &str) -> String {
    if lemma.ends_with('e') {
        format!("{lemma}d")
    } else if ends_consonant_y(lemma) {
        format!("{}ied", &lemma[..lemma.len() - 1])
    } else {
        format!("{lemma}ed")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_file_parses() {
        let file: LexiconFile = toml::from_str(include_str!("../data/lexicon.toml")).expect("built-in lexicon");
        assert!(file.speech.len() > 100);
    }

    #[test]
    fn verb_forms_are_generated() {
        for (entry, forms) in [
            ("say/said", vec!["say", "says", "said", "saying"]),
            ("admit/admitted", vec!["admit", "admits", "admitted", "admitting"]),
            ("argue", vec!["argue", "argues", "argued", "arguing"]),
            ("reply", vec!["reply", "replies", "replied", "replying"]),
            ("write/wrote/written", vec!["write", "writes", "wrote", "written", "writing"]),
            ("stress", vec!["stress", "stresses", "stressed", "stressing"]),
            ("tweet", vec!["tweet", "tweets", "tweeted", "tweeting"]),
        ] {
            assert_eq!(verb_forms(entry), forms, "{entry}");
        }
    }

    #[test]
    fn lookups_ignore_case_and_extend() {
        let mut lex = Lexicon::default();
        assert!(lex.bits("Said") & SPEECH != 0);
        assert!(lex.bits("believes") & REPORTING != 0);
        assert!(lex.bits("opined") & SPEECH != 0);
        assert!(lex.bits("harrumphed") == 0);
        lex.extend_from_toml("speech = [\"harrumph\"]\nphrases = [\"let it be known\"]").expect("valid");
        assert!(lex.is_speech_cue("harrumphed"));
        assert_eq!(lex.phrases_from("let").len(), 2);
        assert!(lex.extend_from_toml("verbs = 1").is_err());
    }
}
