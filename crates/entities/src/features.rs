//! Feature extraction: what the tagger knows about each token.
//!
//! Training and tagging call the same code, so a model always sees at run
//! time exactly the features it was trained on; which groups are on is a
//! [`FeatureConfig`] stored in the model. Each feature is a 64-bit key (a
//! template number and the hash of a value, see [`crate::hash`]), so
//! extraction allocates nothing per feature.
//!
//! A document is first [`prepare`](Extractor::prepare)d: every token is
//! normalised (curly quotes and dashes to their ASCII forms), words of
//! headlines and datelines are truecased (from the document itself, else
//! from the lexicon of the training text), capitalised common nouns (`AI`,
//! `CEO`) are marked as such, and the hashes of its word, lowercase, shapes,
//! affixes, word cluster, gazetteer matches and whether the model knows the
//! word are computed once.
//! [`features`](Extractor::features) then combines them for one position:
//! the token, its ±2 neighbours, conjunctions, and its place in the sentence.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::hash::{HashedMap, combine, feature_key, hash_str};
use crate::lexicon::Lexicon;
use crate::lists::ListIndex;

/// Which feature groups a model uses.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct FeatureConfig {
    /// The word itself and its lowercase form.
    pub word: bool,
    /// Prefixes and suffixes up to this many characters (0 = none).
    pub affixes: usize,
    /// Word shape (`Xxxx`, `dd-dd`) and its short form (`Xx`).
    pub shape: bool,
    /// Capitalisation class with the position in the sentence, and the
    /// all-caps-sentence (headline) flag.
    pub position: bool,
    /// Neighbouring words and shapes up to this distance (0..=2).
    pub window: usize,
    /// Conjunctions of neighbouring words and of shapes.
    pub bigrams: bool,
    /// Membership in the built-in phrase lists and in the training data's
    /// entity lists.
    pub gazetteers: bool,
    /// Truecase all-caps headline words before extracting their features.
    pub truecase: bool,
    /// Word clusters induced from unlabelled text.
    pub clusters: bool,
    /// A second pass that sees the first pass's labels for the same word
    /// elsewhere in the document.
    pub document: bool,
    /// For words the model never saw in running text: their capitalisation
    /// and place, and their phrase lists, as features of their own.
    pub unknown: bool,
}

impl Default for FeatureConfig {
    fn default() -> FeatureConfig {
        FeatureConfig {
            word: true,
            affixes: 4,
            shape: true,
            position: true,
            window: 2,
            bigrams: true,
            gazetteers: true,
            truecase: true,
            clusters: true,
            document: true,
            unknown: true,
        }
    }
}

impl FeatureConfig {
    /// The config with one group switched off, by its field name.
    pub fn without(mut self, group: &str) -> Result<FeatureConfig, String> {
        match group {
            "word" => self.word = false,
            "affixes" => self.affixes = 0,
            "shape" => self.shape = false,
            "position" => self.position = false,
            "window" => self.window = 0,
            "window1" => self.window = self.window.min(1),
            "bigrams" => self.bigrams = false,
            "gazetteers" => self.gazetteers = false,
            "truecase" => self.truecase = false,
            "clusters" => self.clusters = false,
            "document" => self.document = false,
            "unknown" => self.unknown = false,
            other => {
                return Err(format!(
                    "unknown feature group `{other}`; the groups are word, affixes, shape, position, window, \
                     window1, bigrams, gazetteers, truecase, clusters, document, unknown"
                ));
            }
        }
        Ok(self)
    }
}

// Feature templates. Numbers are part of the model format: never reuse one.
const T_BIAS: u32 = 1;
const T_WORD: u32 = 2;
const T_LOWER: u32 = 10; // + offset + 2
const T_PREFIX: u32 = 20; // + length
const T_SUFFIX: u32 = 30; // + length
const T_SHAPE: u32 = 40; // + offset + 2
const T_SHORT: u32 = 50; // + offset + 2
const T_CLASS_POSITION: u32 = 60;
const T_CLASS_HEADLINE: u32 = 61;
const T_HEADLINE_WORD: u32 = 62;
const T_CLASS_WINDOW: u32 = 63;
const T_BIGRAM_LEFT: u32 = 70;
const T_BIGRAM_RIGHT: u32 = 71;
const T_SHORT_TRIGRAM: u32 = 72;
const T_LOWER_SKIP: u32 = 73;
const T_GAZ: u32 = 80;
const T_GAZ_LEFT: u32 = 81;
const T_GAZ_RIGHT: u32 = 82;
const T_GAZ_LABEL: u32 = 83;
const T_GAZ_UNKNOWN: u32 = 84;
const T_UNKNOWN: u32 = 64;
const T_CLUSTER: u32 = 90; // + prefix index
const T_CLUSTER_LEFT: u32 = 95;
const T_CLUSTER_RIGHT: u32 = 96;
/// Document-level template numbers (`crate::document`) start here.
pub(crate) const T_DOCUMENT: u32 = 100;

/// Capitalisation classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum CaseClass {
    /// Starts with a lowercase letter.
    Lower = 0,
    /// An uppercase letter then lowercase ones: `Paris`.
    Initial = 1,
    /// Two or more letters, all uppercase: `NATO`, `U.S.`.
    AllCaps = 2,
    /// One uppercase letter: `A`, `J.`.
    Single = 3,
    /// Uppercase after lowercase: `iPhone`, `McDonald`.
    Mixed = 4,
    /// Contains a digit.
    Digit = 5,
    /// No letter or digit.
    Punct = 6,
}

/// The class of a (normalised) word.
pub fn case_class(word: &str) -> CaseClass {
    let (mut upper, mut lower, mut digit, mut upper_after_lower) = (0, 0, false, false);
    let mut first_upper = None;
    for c in word.chars() {
        if c.is_uppercase() {
            upper += 1;
            upper_after_lower |= lower > 0;
            first_upper.get_or_insert(true);
        } else if c.is_lowercase() {
            lower += 1;
            first_upper.get_or_insert(false);
        } else if c.is_numeric() {
            digit = true;
        } else if c.is_alphabetic() {
            first_upper.get_or_insert(false);
        }
    }
    if digit {
        CaseClass::Digit
    } else if upper == 0 && lower == 0 {
        if first_upper.is_some() { CaseClass::Lower } else { CaseClass::Punct }
    } else if first_upper == Some(false) {
        if upper > 0 { CaseClass::Mixed } else { CaseClass::Lower }
    } else if lower == 0 {
        if upper == 1 { CaseClass::Single } else { CaseClass::AllCaps }
    } else if upper_after_lower {
        CaseClass::Mixed
    } else {
        CaseClass::Initial
    }
}

/// Writes `word` with typographic characters mapped to the ASCII forms of
/// the 1996 newswire the model learned from: curly quotes to straight ones,
/// en dashes to `-`, em dashes to `--`, the ellipsis to `...`.
pub fn normalize(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => out.push('\''),
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{2033}' | '\u{ab}' | '\u{bb}' => out.push('"'),
            '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2212}' => out.push('-'),
            '\u{2014}' | '\u{2015}' => out.push_str("--"),
            '\u{2026}' => out.push_str("..."),
            '\u{a0}' | '\u{202f}' | '\u{2009}' => out.push(' '),
            c => out.push(c),
        }
    }
}

/// [`normalize`]d `word`, borrowed when it needs no change (plain ASCII).
pub fn normalized(word: &str) -> Cow<'_, str> {
    if word.is_ascii() && !word.contains('`') {
        Cow::Borrowed(word)
    } else {
        let mut out = String::with_capacity(word.len());
        normalize(word, &mut out);
        Cow::Owned(out)
    }
}

/// The hash of the lowercase form of `word` (`buf` is scratch space).
pub fn lower_hash(word: &str, buf: &mut String) -> u64 {
    buf.clear();
    if word.is_ascii() {
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        buf.extend(word.chars().flat_map(char::to_lowercase));
    }
    hash_str(buf)
}

/// The shape of a word: `X` for uppercase, `x` lowercase, `d` digits, other
/// characters as they are; runs longer than four are cut to four
/// (`Xxxxxxx` → `Xxxx`). With `short`, every run is cut to one (`Xx`).
pub fn shape(word: &str, short: bool, out: &mut String) {
    out.clear();
    let (mut last, mut run) = ('\0', 0);
    for c in word.chars() {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if s == last {
            run += 1;
        } else {
            last = s;
            run = 1;
        }
        if run <= if short { 1 } else { 4 } {
            out.push(s);
        }
    }
}

/// What extraction needs to know of one token, as hashes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Token {
    word: u64,
    lower: u64,
    shape: u64,
    short: u64,
    prefix: [u64; 4],
    suffix: [u64; 4],
    cluster: [u64; 4],
    class: u8,
    /// The lexicon knows the word: the model saw it in running text.
    known: bool,
    /// Range of this token's gazetteer values in `Prepared::gazetteer`.
    gaz_start: u32,
    gaz_len: u16,
}

/// Most forms a [`TokenCache`] keeps; it starts afresh when full.
const CACHE_TOKENS: usize = 32_768;

/// The hashes of forms already prepared (a form's hashes depend on the
/// form and the model alone), so that a frequent word is hashed, shaped
/// and looked up in the lexicon once.
#[derive(Debug, Default)]
pub(crate) struct TokenCache {
    forms: HashedMap<Token>,
}

impl TokenCache {
    /// Forgets every form (for another model).
    pub(crate) fn clear(&mut self) {
        self.forms.clear();
    }
}

/// A document ready for feature extraction.
#[derive(Debug, Default)]
pub struct Prepared {
    tokens: Vec<Token>,
    /// Sentence of each token.
    sentence_of: Vec<u32>,
    /// Token range of each sentence.
    sentences: Vec<(usize, usize)>,
    /// Whether each sentence is a headline: see [`Headline`].
    headline: Vec<Headline>,
    /// Hashes of `(list, part)` of the gazetteer matches, per token.
    gazetteer: Vec<u64>,
    /// Hashes of the lowercase normalised words, per token (document
    /// features use them as the identity of a word).
    pub(crate) identity: Vec<u64>,
}

impl Prepared {
    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// True when the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Token ranges of the sentences.
    pub fn sentences(&self) -> &[(usize, usize)] {
        &self.sentences
    }

    /// Token `i`'s hashes.
    pub(crate) fn token(&self, i: usize) -> &Token {
        &self.tokens[i]
    }

    /// The hash of token `i`'s form: the same for every token whose
    /// [type features](Extractor::type_features) are the same.
    pub(crate) fn form(&self, i: usize) -> u64 {
        self.tokens[i].word
    }

    /// The sentence containing token `i`, as a token range.
    pub(crate) fn sentence_range(&self, i: usize) -> (usize, usize) {
        self.sentences[self.sentence_of[i] as usize]
    }

    /// The capitalisation class of token `i`.
    pub(crate) fn class(&self, i: usize) -> u8 {
        self.tokens[i].class
    }
}

/// Extracts features with a model's configuration and resources.
#[derive(Clone, Copy, Debug)]
pub struct Extractor<'m> {
    /// Which groups are on.
    pub config: &'m FeatureConfig,
    /// Truecasing and clusters.
    pub lexicon: &'m Lexicon,
    /// Phrase lists.
    pub gazetteer: &'m ListIndex,
}

/// Salt of the hashes of the common nouns of the `common-caps` list.
const COMMON: u64 = 0xc033_0000_0000_0001;

/// Marks a gazetteer value that is a label's, not a list's.
const LABEL_BIT: u64 = 1 << 62;

/// Hashes of special neighbours outside the sentence.
const BEFORE: u64 = 0x5eed_0000_0000_0001;
const AFTER: u64 = 0x5eed_0000_0000_0002;

/// What kind of headline a sentence is, by its casing.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Headline {
    /// Ordinary casing.
    No = 0,
    /// All caps: `LEICESTERSHIRE TAKE OVER AT TOP`.
    AllCaps = 1,
    /// Title case: `Start-Up Raises $6 Billion as Investors Pile Into AI`.
    TitleCase = 2,
}

/// Short words that title case capitalises and running text does not.
const TITLE_WORDS: &[&str] = &[
    "A", "After", "Against", "Amid", "An", "And", "Are", "As", "At", "By", "For", "From", "In", "Into", "Is", "Its",
    "Of", "On", "Over", "Says", "The", "To", "Up", "With",
];

/// The kind of headline a sentence is. All caps: at least 90% of its cased
/// letters are uppercase, and it has at least two. Title case: at least four
/// words with letters, at least 80% of them capitalised, and a capitalised
/// short word (`In`, `Of`, `The`) after the first word, which running text
/// and lists of names do not have. (Title case that leaves `of` and `and` in
/// lowercase is not told from a list of names; measured, treating such lines
/// as headlines did worse.)
pub(crate) fn headline_kind<'a>(words: impl Iterator<Item = &'a str>) -> Headline {
    let (mut upper, mut cased) = (0usize, 0usize);
    let (mut lettered, mut capitalised, mut title_word) = (0usize, 0usize, false);
    for (k, w) in words.enumerate() {
        for c in w.chars() {
            if c.is_uppercase() {
                upper += 1;
                cased += 1;
            } else if c.is_lowercase() {
                cased += 1;
            }
        }
        if let Some(first) = w.chars().find(|c| c.is_alphabetic()) {
            lettered += 1;
            capitalised += usize::from(first.is_uppercase());
            title_word |= k > 0 && TITLE_WORDS.contains(&w);
        }
    }
    if cased >= 2 && upper * 10 >= cased * 9 {
        Headline::AllCaps
    } else if lettered >= 4 && capitalised * 10 >= lettered * 8 && title_word {
        Headline::TitleCase
    } else {
        Headline::No
    }
}

/// Short words (and the possessive) that headline style leaves in lowercase.
const HEADLINE_LOWER: &[&str] = &[
    "'s", "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "nor", "of", "off", "on", "or",
    "out", "over", "per", "the", "to", "up", "via", "vs", "vs.", "with",
];

/// Which words to truecase: the all-caps words of all-caps headlines, the
/// capitalised words of title-case headlines, and a dateline's all-caps
/// place at the start of a sentence of running text (`SAN FRANCISCO
/// (Reuters) -`, `KYIV, Ukraine (AP) —`): up to four all-caps words
/// followed by a comma, a bracket or a dash.
fn to_truecase(forms: &[Cow<'_, str>], p: &Prepared) -> Vec<bool> {
    let mut todo = vec![false; forms.len()];
    for (k, &(start, end)) in p.sentences.iter().enumerate() {
        let kind = p.headline[k];
        if kind != Headline::No {
            for i in start..end {
                todo[i] = truecased(kind, case_class(&forms[i]));
            }
            continue;
        }
        let run = forms[start..end].iter().take(5).take_while(|f| case_class(f) == CaseClass::AllCaps).count();
        let next = forms.get(start + run).filter(|_| start + run < end).map(|f| &**f);
        if (1..=4).contains(&run) && matches!(next, Some("," | "(" | "-" | "--" | ":")) && end - start >= run + 4 {
            todo[start..start + run].fill(true);
        }
    }
    todo
}

/// True when a word of a `kind` headline is to be truecased.
fn truecased(kind: Headline, class: CaseClass) -> bool {
    match kind {
        Headline::No => false,
        Headline::AllCaps => class == CaseClass::AllCaps,
        Headline::TitleCase => matches!(class, CaseClass::AllCaps | CaseClass::Initial),
    }
}

impl Extractor<'_> {
    /// The kind of headline a sentence is: [`headline_kind`], or title case
    /// in the style that leaves short words in lowercase (`Anthropic Hires
    /// Former Google Executive to Lead Europe Expansion`): at least five
    /// words, every lowercase one a short word of that style, no comma,
    /// colon or bracket (tables and lists have them), no final full stop, at
    /// most one number, and two or more capitalised words after the first
    /// that running text writes in lowercase (the lexicon's usual casing),
    /// which a list of names (`Bank of America and Morgan Stanley`) lacks.
    fn headline_of(&self, words: &[Cow<'_, str>]) -> Headline {
        let kind = headline_kind(words.iter().map(|w| &**w));
        if kind != Headline::No || words.len() < 5 {
            return kind;
        }
        let (mut lettered, mut common, mut digits) = (0usize, 0usize, 0usize);
        let mut buf = String::new();
        for (k, w) in words.iter().enumerate() {
            let w: &str = w;
            // Punctuation of lists and tables, a final full stop, numbers.
            if matches!(w, "," | ";" | ":" | "(" | ")" | "=" | "/") || (k + 1 == words.len() && w == ".") {
                return Headline::No;
            }
            if w.contains(|c: char| c.is_ascii_digit()) {
                digits += 1;
                if digits > 1 {
                    return Headline::No;
                }
            }
            let Some(first) = w.chars().find(|c| c.is_alphabetic()) else { continue };
            lettered += 1;
            if first.is_lowercase() {
                if !HEADLINE_LOWER.contains(&w) {
                    return Headline::No;
                }
            } else if k > 0 {
                common += usize::from(self.lexicon.is_common_word(w, &mut buf));
            }
        }
        if lettered >= 5 && common >= 2 { Headline::TitleCase } else { Headline::No }
    }

    /// Prepares a document given as sentences of token texts.
    pub fn prepare<S: AsRef<str>>(&self, sentences: &[Vec<S>]) -> Prepared {
        self.prepare_with(sentences, &mut TokenCache::default())
    }

    /// [`prepare`](Self::prepare), taking the hashes of forms seen before
    /// from `cache` (which must only ever serve this extractor's model).
    pub(crate) fn prepare_with<S: AsRef<str>>(&self, sentences: &[Vec<S>], cache: &mut TokenCache) -> Prepared {
        let n: usize = sentences.iter().map(Vec::len).sum();
        let mut p = Prepared {
            tokens: Vec::with_capacity(n),
            sentence_of: Vec::with_capacity(n),
            sentences: Vec::with_capacity(sentences.len()),
            headline: Vec::with_capacity(sentences.len()),
            gazetteer: Vec::new(),
            identity: Vec::with_capacity(n),
        };
        let mut forms: Vec<Cow<'_, str>> = Vec::with_capacity(n);
        for (k, sentence) in sentences.iter().enumerate() {
            let start = forms.len();
            forms.extend(sentence.iter().map(|w| normalized(w.as_ref())));
            p.sentence_of.resize(forms.len(), k as u32);
            p.sentences.push((start, forms.len()));
            p.headline.push(self.headline_of(&forms[start..]));
        }
        let mut buf = String::new();
        let mut common = Vec::new();
        if self.config.truecase {
            self.truecase(&mut forms, &p, &mut buf);
            self.mark_common(&p, &forms, &mut common, &mut buf);
        }
        if cache.forms.len() + n > CACHE_TOKENS {
            cache.forms.clear();
        }
        for (i, form) in forms.iter().enumerate() {
            let form: &str = form;
            // A common noun of the `common-caps` list is a word of its own.
            if common.get(i).copied().unwrap_or(false) {
                let t = Extractor::common_token(form, &mut buf);
                p.identity.push(t.lower);
                p.tokens.push(t);
                continue;
            }
            let word = hash_str(form);
            if let Some(t) = cache.forms.get(&word) {
                p.identity.push(t.lower);
                p.tokens.push(*t);
                continue;
            }
            let lower = lower_hash(form, &mut buf);
            let mut t = Token { word, lower, class: case_class(form) as u8, ..Token::default() };
            shape(form, false, &mut buf);
            t.shape = hash_str(&buf);
            shape(form, true, &mut buf);
            t.short = hash_str(&buf);
            let affixes = self.config.affixes.min(4);
            if affixes > 0 {
                // Byte offsets of the first and last `affixes` character boundaries.
                let mut heads = [form.len(); 4];
                for (slot, (i, _)) in heads.iter_mut().zip(form.char_indices().skip(1)) {
                    *slot = i;
                }
                let mut tails = [0usize; 4];
                let mut count = 0;
                for (slot, (i, _)) in tails.iter_mut().zip(form.char_indices().rev()) {
                    *slot = i;
                    count += 1;
                }
                for k in 0..affixes.min(count) {
                    t.prefix[k] = hash_str(&form[..heads[k]]);
                    t.suffix[k] = hash_str(&form[tails[k]..]);
                }
            }
            if self.config.clusters {
                t.cluster = self.lexicon.cluster_prefixes(form, t.word, t.lower);
            }
            t.known = self.lexicon.knows(t.lower);
            cache.forms.insert(word, t);
            p.identity.push(t.lower);
            p.tokens.push(t);
        }
        if self.config.gazetteers {
            self.match_gazetteer(&forms, &mut p);
        }
        p
    }

    /// Replaces the all-caps words of headlines (and the capitalised words
    /// of title-case headlines) by their usual casing: the most frequent
    /// casing of the word elsewhere in the document (outside headlines and
    /// sentence starts), else the lexicon's.
    fn truecase(&self, forms: &mut [Cow<'_, str>], p: &Prepared, buf: &mut String) {
        let todo = to_truecase(forms, p);
        if !todo.contains(&true) {
            return;
        }
        // Lowercase hash → casings seen in running text, with counts.
        let mut wanted: HashedMap<Vec<(usize, usize)>> = HashedMap::default();
        for (form, _) in forms.iter().zip(&todo).filter(|(_, t)| **t) {
            wanted.entry(lower_hash(form, buf)).or_default();
        }
        for (k, &(start, end)) in p.sentences.iter().enumerate() {
            if p.headline[k] != Headline::No {
                continue;
            }
            for i in start + 1..end {
                if todo[i] {
                    continue;
                }
                if let Some(seen) = wanted.get_mut(&lower_hash(&forms[i], buf)) {
                    match seen.iter_mut().find(|(j, _)| forms[*j] == forms[i]) {
                        Some((_, count)) => *count += 1,
                        None => seen.push((i, 1)),
                    }
                }
            }
        }
        for i in 0..forms.len() {
            if todo[i] {
                let in_doc = wanted.get(&lower_hash(&forms[i], buf)).and_then(|seen| {
                    // The most frequent casing; ties go to the first seen.
                    seen.iter().fold(None, |best: Option<(usize, usize)>, &(j, c)| match best {
                        Some((_, bc)) if bc >= c => best,
                        _ => Some((j, c)),
                    })
                });
                let best = match in_doc {
                    Some((j, _)) => Some(forms[j].to_string()),
                    // A short all-caps word is an acronym (`AI`, `EU`)
                    // unless running text writes it in lowercase (`UP`):
                    // the lexicon's `Ai` is another word.
                    None => self.usual_casing(&forms[i].to_lowercase()).filter(|u| {
                        forms[i].chars().count() > 3
                            || case_class(&forms[i]) != CaseClass::AllCaps
                            || case_class(u) == CaseClass::Lower
                    }),
                };
                if let Some(best) = best {
                    forms[i] = Cow::Owned(best);
                }
            }
        }
    }

    /// Marks in `common` the capitalised common nouns of the `common-caps`
    /// list (`AI`, `CEO`, `Start-Up`) that are not part of a longer name of
    /// a list (`Mistral AI`): the model reads them as common words it has
    /// never seen, whatever their letters look like (`AI` has the shape and
    /// the last letter of many names).
    fn mark_common(&self, p: &Prepared, forms: &[Cow<'_, str>], common: &mut Vec<bool>, buf: &mut String) {
        common.clear();
        common.resize(forms.len(), false);
        let Some(list) = self.gazetteer.id("common-caps") else { return };
        for &(start, end) in &p.sentences {
            let mut any = false;
            for i in start..end {
                if forms[i].starts_with(|c: char| c.is_uppercase())
                    && self.gazetteer.has_word(list, lower_hash(&forms[i], buf))
                {
                    common[i] = true;
                    any = true;
                }
            }
            if any {
                let lowers: Vec<u64> = forms[start..end].iter().map(|f| lower_hash(f, buf)).collect();
                for (a, b, l) in self.gazetteer.matches(&lowers, &forms[start..end]) {
                    if b - a > 1 && self.gazetteer.label(l).is_some() {
                        common[start + a..start + b].fill(false);
                    }
                }
            }
        }
    }

    /// The hashes of a common noun marked by [`mark_common`](Self::mark_common):
    /// a lowercase word of ordinary shape that the model never saw.
    fn common_token(form: &str, buf: &mut String) -> Token {
        let lower = combine(lower_hash(form, buf), COMMON);
        Token {
            word: lower,
            lower,
            shape: hash_str("xxxx"),
            short: hash_str("x"),
            class: CaseClass::Lower as u8,
            ..Token::default()
        }
    }

    /// The lexicon's usual casing of a lowercase word; for a hyphenated word
    /// it does not know, that of each part (`Start-Up` is `start-up`).
    fn usual_casing(&self, lower: &str) -> Option<String> {
        if let Some(u) = self.lexicon.truecase(lower) {
            return Some(u.to_owned());
        }
        if !lower.contains('-') {
            return None;
        }
        let parts: Option<Vec<&str>> = lower.split('-').map(|part| self.lexicon.truecase(part)).collect();
        parts.map(|p| p.join("-"))
    }

    /// Finds the phrase-list matches of each sentence and records `(list,
    /// part)` values on the tokens they cover.
    fn match_gazetteer(&self, forms: &[Cow<'_, str>], p: &mut Prepared) {
        let mut per_token: Vec<Vec<u64>> = vec![Vec::new(); forms.len()];
        for &(start, end) in &p.sentences {
            let lowers = &p.identity[start..end];
            for (first, last, list) in self.gazetteer.matches(lowers, &forms[start..end]) {
                let len = last - first;
                let label = self.gazetteer.label(list).map(|l| hash_str(l) & !LABEL_BIT & !0xff);
                for (j, slot) in per_token[start + first..start + last].iter_mut().enumerate() {
                    let part = if len == 1 {
                        3
                    } else if j == 0 {
                        0
                    } else if j + 1 == len {
                        2
                    } else {
                        1
                    };
                    slot.push(u64::from(list) << 8 | part);
                    // Any list of the label: the built-in lists and the
                    // training data's names share what they say.
                    if let Some(label) = label {
                        let v = LABEL_BIT | label | part;
                        if !slot.contains(&v) {
                            slot.push(v);
                        }
                    }
                }
            }
        }
        for (t, values) in p.tokens.iter_mut().zip(per_token) {
            t.gaz_start = p.gazetteer.len() as u32;
            t.gaz_len = values.len().min(u16::MAX as usize) as u16;
            p.gazetteer.extend(values.into_iter().take(u16::MAX as usize));
        }
    }

    /// Calls `emit` with every feature key of token `i` of `p`: its
    /// [context features](Self::context_features), plus for each offset `o`
    /// of the window the [type features](Self::type_features) of the token
    /// at `i + o`, or the [boundary features](Self::boundary_features) where
    /// the window leaves the sentence.
    pub fn features(&self, p: &Prepared, i: usize, mut emit: impl FnMut(u64)) {
        self.context_features(p, i, &mut emit);
        let (start, end) = p.sentences[p.sentence_of[i] as usize];
        let window = self.window();
        for o in -window..=window {
            let j = i as isize + o;
            if j >= start as isize && j < end as isize {
                self.type_features(&p.tokens[j as usize], o, &mut emit);
            } else {
                self.boundary_features(o, &mut emit);
            }
        }
    }

    /// Marks token `i` as a word the model never saw (training uses it for
    /// words of one fold of documents only).
    pub(crate) fn set_unknown(p: &mut Prepared, i: usize) {
        if let Some(t) = p.tokens.get_mut(i) {
            t.known = false;
        }
    }

    /// The window's reach on each side.
    pub fn window(&self) -> isize {
        self.config.window.min(2) as isize
    }

    /// The features a token contributes to the position `o` tokens away
    /// from it (`o = -1`: it is the previous word). They depend on the
    /// token's form alone, so a tagger may sum their weights once per
    /// distinct word.
    pub(crate) fn type_features(&self, n: &Token, o: isize, emit: &mut impl FnMut(u64)) {
        let c = self.config;
        let tpl = (o + 2) as u32;
        if c.word {
            emit(feature_key(T_LOWER + tpl, n.lower));
            if o == 0 {
                emit(feature_key(T_WORD, n.word));
            }
        }
        if c.shape {
            emit(feature_key(T_SHORT + tpl, n.short));
            if o.abs() <= 1 {
                emit(feature_key(T_SHAPE + tpl, n.shape));
            }
        }
        if o == 0 {
            for (len, (&pre, &suf)) in n.prefix.iter().zip(&n.suffix).enumerate() {
                if pre != 0 {
                    emit(feature_key(T_PREFIX + len as u32 + 1, pre));
                    emit(feature_key(T_SUFFIX + len as u32 + 1, suf));
                }
            }
        }
        if c.clusters {
            if o == 0 {
                for (j, &cl) in n.cluster.iter().enumerate() {
                    if cl != 0 {
                        emit(feature_key(T_CLUSTER + j as u32, cl));
                    }
                }
            } else if o.abs() == 1 && n.cluster[1] != 0 {
                emit(feature_key(if o < 0 { T_CLUSTER_LEFT } else { T_CLUSTER_RIGHT }, n.cluster[1]));
            }
        }
    }

    /// The features of a window position `o` that lies outside the sentence.
    pub(crate) fn boundary_features(&self, o: isize, emit: &mut impl FnMut(u64)) {
        let c = self.config;
        let tpl = (o + 2) as u32;
        let side = if o < 0 { BEFORE } else { AFTER };
        if c.word {
            emit(feature_key(T_LOWER + tpl, side));
        }
        if c.shape {
            emit(feature_key(T_SHORT + tpl, side));
            if o.abs() <= 1 {
                emit(feature_key(T_SHAPE + tpl, side));
            }
        }
    }

    /// The features of token `i` that depend on more than one word's form:
    /// its place in the sentence, the headline flag, conjunctions with its
    /// neighbours and the phrase lists.
    pub(crate) fn context_features(&self, p: &Prepared, i: usize, emit: &mut impl FnMut(u64)) {
        let c = self.config;
        let t = &p.tokens[i];
        let k = p.sentence_of[i] as usize;
        let (start, end) = p.sentences[k];
        let at = |o: isize| -> Option<&Token> {
            let j = i as isize + o;
            (j >= start as isize && j < end as isize).then(|| &p.tokens[j as usize])
        };
        let side = |o: isize| if o < 0 { BEFORE } else { AFTER };

        emit(feature_key(T_BIAS, 0));
        if c.unknown && !t.known {
            // A word the model never saw: shape, place and lists must carry it.
            let first = u64::from(i == start);
            emit(feature_key(T_UNKNOWN, u64::from(t.class) << 1 | first));
        }
        if c.position {
            let first = u64::from(i == start);
            // A title-case headline, once truecased, reads as running text:
            // the 1996 wire has all-caps headlines but hardly any in title
            // case, so a title-case flag would carry what its few tables of
            // names taught.
            let headline = if p.headline[k] == Headline::AllCaps { Headline::AllCaps as u64 } else { 0 };
            emit(feature_key(T_CLASS_POSITION, u64::from(t.class) << 1 | first));
            emit(feature_key(T_CLASS_HEADLINE, u64::from(t.class) << 2 | headline));
            if headline != 0 {
                emit(feature_key(T_HEADLINE_WORD, combine(t.lower, headline)));
            }
            let class_of = |o: isize| at(o).map_or(side(o) & 0xff, |n| u64::from(n.class));
            emit(feature_key(T_CLASS_WINDOW, class_of(-1) << 16 | u64::from(t.class) << 8 | class_of(1)));
        }
        if c.bigrams {
            let lower = |o: isize| at(o).map_or(side(o), |n| n.lower);
            let short = |o: isize| at(o).map_or(side(o), |n| n.short);
            emit(feature_key(T_BIGRAM_LEFT, combine(lower(-1), t.lower)));
            emit(feature_key(T_BIGRAM_RIGHT, combine(t.lower, lower(1))));
            emit(feature_key(T_SHORT_TRIGRAM, combine(combine(short(-1), t.short), short(1))));
            emit(feature_key(T_LOWER_SKIP, combine(lower(-1), lower(1))));
        }
        if c.gazetteers {
            let gaz = |n: &Token| &p.gazetteer[n.gaz_start as usize..n.gaz_start as usize + n.gaz_len as usize];
            for &v in gaz(t) {
                emit(feature_key(if v & LABEL_BIT != 0 { T_GAZ_LABEL } else { T_GAZ }, v));
                if c.unknown && !t.known {
                    emit(feature_key(T_GAZ_UNKNOWN, v));
                }
            }
            for (o, tpl) in [(-1, T_GAZ_LEFT), (1, T_GAZ_RIGHT)] {
                if let Some(n) = at(o) {
                    for &v in gaz(n) {
                        emit(feature_key(tpl, v >> 8));
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes() {
        let mut out = String::new();
        for (word, long, short) in [
            ("Paris", "Xxxxx", "Xx"),
            ("Washington", "Xxxxx", "Xx"),
            ("Zürich", "Xxxxx", "Xx"),
            ("U.S.", "X.X.", "X.X."),
            ("1996-08-30", "dddd-dd-dd", "d-d-d"),
            ("iPhone", "xXxxxx", "xXx"),
            ("", "", ""),
        ] {
            shape(word, false, &mut out);
            assert_eq!(out, long, "{word}");
            shape(word, true, &mut out);
            assert_eq!(out, short, "{word}");
        }
    }

    #[test]
    fn case_classes() {
        for (word, class) in [
            ("paris", CaseClass::Lower),
            ("Paris", CaseClass::Initial),
            ("NATO", CaseClass::AllCaps),
            ("U.S.", CaseClass::AllCaps),
            ("A", CaseClass::Single),
            ("iPhone", CaseClass::Mixed),
            ("McDonald", CaseClass::Mixed),
            ("G7", CaseClass::Digit),
            ("--", CaseClass::Punct),
            ("東京", CaseClass::Lower),
        ] {
            assert_eq!(case_class(word), class, "{word}");
        }
    }

    #[test]
    fn normalizes_typography() {
        let mut out = String::new();
        for (word, norm) in [("’s", "'s"), ("“", "\""), ("—", "--"), ("2–1", "2-1"), ("…", "..."), ("Zoë", "Zoë")]
        {
            normalize(word, &mut out);
            assert_eq!(out, norm);
        }
    }

    #[test]
    fn headlines() {
        let check = |text: &str| headline_kind(text.split(' '));
        for (text, kind) in [
            ("CRICKET - LEICESTERSHIRE WIN", Headline::AllCaps),
            ("LONDON 1996-08-30", Headline::AllCaps),
            ("Leicestershire won in LONDON", Headline::No),
            ("A 1", Headline::No),
            ("AI Start-Up Raises $6.6 Billion as Investors Pile Into Chatbots", Headline::TitleCase),
            ("The Senate Votes", Headline::No),
            ("Thrive Capital , Microsoft , SoftBank and Nvidia", Headline::No),
            ("Leicestershire 296 ( P. Simmons 4-38 )", Headline::No),
        ] {
            assert_eq!(check(text), kind, "{text}");
        }
    }

    fn keys(ex: &Extractor<'_>, sentences: &[Vec<&str>], i: usize) -> Vec<u64> {
        let p = ex.prepare(sentences);
        let mut out = Vec::new();
        ex.features(&p, i, |k| out.push(k));
        out
    }

    #[test]
    fn curly_and_straight_text_give_the_same_features() {
        let config = FeatureConfig::default();
        let (lexicon, gazetteer) = (Lexicon::default(), ListIndex::builtin());
        let ex = Extractor { config: &config, lexicon: &lexicon, gazetteer: &gazetteer };
        let curly = keys(&ex, &[vec!["“", "Trump", "’s", "plan"]], 1);
        let straight = keys(&ex, &[vec!["\"", "Trump", "'s", "plan"]], 1);
        assert_eq!(curly, straight);
        assert!(curly.len() > 20, "{} features", curly.len());
    }

    #[test]
    fn headline_words_are_truecased_from_the_document() {
        let config = FeatureConfig::default();
        let (lexicon, gazetteer) = (Lexicon::default(), ListIndex::builtin());
        let ex = Extractor { config: &config, lexicon: &lexicon, gazetteer: &gazetteer };
        let doc = vec![vec!["ZORBLAX", "WINS"], vec!["Yesterday", "Zorblax", "won", "."]];
        let p = ex.prepare(&doc);
        assert_eq!(p.tokens[0].word, hash_str("Zorblax"));
        assert_eq!(p.tokens[1].word, hash_str("WINS"), "unknown words keep their casing");
    }

    /// A document and the forms the model is to read at some of its tokens
    /// (token index in the document, form).
    type FormCase<'a> = (Vec<Vec<&'a str>>, Vec<(usize, &'a str)>);

    /// Checks the forms the model reads for each case.
    fn check_forms(lexicon: &Lexicon, cases: &[FormCase<'_>]) {
        let config = FeatureConfig::default();
        let gazetteer = ListIndex::builtin();
        let ex = Extractor { config: &config, lexicon, gazetteer: &gazetteer };
        for (doc, expect) in cases {
            let p = ex.prepare(doc);
            for &(i, form) in expect {
                assert_eq!(p.tokens[i].word, hash_str(form), "token {i} of {doc:?} should read as {form}");
            }
        }
    }

    #[test]
    fn headlines_datelines_and_acronyms_are_truecased() {
        let running = vec![
            vec!["Shares", "of", "the", "company", "rose", "in", "San", "Francisco", "as", "the", "former", "chief"],
            vec!["He", "will", "lead", "the", "expansion", "and", "hires", "more", "people", "."],
        ];
        let lexicon = Lexicon::new(Lexicon::casings_of(&running), []);
        let with = |first: Vec<&'static str>| {
            let mut doc = vec![first];
            doc.extend(running.iter().cloned());
            doc
        };
        check_forms(
            &lexicon,
            &[
                // A dateline's all-caps place takes the story's casing.
                (
                    with(vec!["SAN", "FRANCISCO", "(", "Reuters", ")", "-", "Shares", "rose"]),
                    vec![(0, "San"), (1, "Francisco"), (3, "Reuters")],
                ),
                // Title case in the style with lowercase short words.
                (
                    with(vec!["Zorblax", "Hires", "Former", "Chief", "to", "Lead", "Expansion"]),
                    vec![(0, "Zorblax"), (1, "hires"), (2, "former"), (5, "lead")],
                ),
                // A list of names is not a headline.
                (with(vec!["Zorblax", ",", "Former", "Chief", "and", "Lead", "Expansion"]), vec![(2, "Former")]),
                // Short all-caps words stay acronyms; hyphenated words
                // take the casing of their parts.
                (with(vec!["UN", "CHIEF", "HIRES", "FORMER-CHIEF", "."]), vec![(0, "UN"), (3, "former-chief")]),
            ],
        );
    }

    #[test]
    fn capitalised_common_nouns_read_as_unseen_words() {
        let config = FeatureConfig::default();
        let (lexicon, gazetteer) = (Lexicon::default(), ListIndex::builtin());
        let ex = Extractor { config: &config, lexicon: &lexicon, gazetteer: &gazetteer };
        let p = ex.prepare(&[vec!["The", "AI", "start-up", "and", "Mistral", "AI", "hired", "a", "CEO"]]);
        let plain = |i: usize, form: &str| p.tokens[i].word == hash_str(form);
        assert!(!plain(1, "AI") && !plain(1, "ai"), "AI the noun is a word of its own");
        assert_eq!(p.tokens[1].class, CaseClass::Lower as u8);
        assert!(!p.tokens[1].known);
        assert!(plain(5, "AI"), "AI in the listed name Mistral AI stays");
        assert!(!plain(8, "CEO"));
    }

    #[test]
    fn each_group_switches_off() {
        let full = FeatureConfig::default();
        let (lexicon, gazetteer) = (Lexicon::default(), ListIndex::builtin());
        let sentence = vec![vec!["He", "visited", "New", "York", "on", "Monday"]];
        let count = |config: &FeatureConfig| {
            keys(&Extractor { config, lexicon: &lexicon, gazetteer: &gazetteer }, &sentence, 2).len()
        };
        let all = count(&full);
        for group in ["word", "affixes", "shape", "position", "window", "bigrams", "gazetteers"] {
            let fewer = full.clone().without(group).expect("known group");
            assert!(count(&fewer) < all, "{group}");
        }
        assert!(full.without("colour").is_err());
    }
}
