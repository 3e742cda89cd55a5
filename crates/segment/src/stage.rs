//! The `paragraphs`, `tokens` and `sentences` stages: options, `Stage`
//! impls and registrations. The algorithms live in their own modules.

use byline_core::registry::{BuildStage, StageOptions, StageRegistration};
use byline_core::{Document, Layer, Stage, StageError, require};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::lines::LineBreaks;
use crate::paragraphs::{ParagraphSplit, paragraphs_with};
use crate::sentences::SentenceSplitter;
use crate::tokens::Tokenizer;

/// Options of the `paragraphs` stage.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ParagraphOptions {
    /// How paragraphs are separated: "auto" (blank lines if the text has any,
    /// else one per line when lines look like paragraphs, else indented lines),
    /// "blank-lines" (only blank lines; a text without any is one paragraph)
    /// or "lines" (every line).
    pub split: ParagraphSplit,
}

/// Splits a document into paragraphs.
#[derive(Clone, Debug, Default)]
pub struct ParagraphStage {
    options: ParagraphOptions,
}

impl ParagraphStage {
    /// A stage with these options.
    pub fn new(options: ParagraphOptions) -> ParagraphStage {
        ParagraphStage { options }
    }
}

const NEEDS: &[Layer] = &[];
const ADDS: &[Layer] = &[Layer::PARAGRAPHS];

impl Stage for ParagraphStage {
    fn name(&self) -> &str {
        "paragraphs"
    }

    fn needs(&self) -> &[Layer] {
        NEEDS
    }

    fn adds(&self) -> &[Layer] {
        ADDS
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.layers.paragraphs = Some(paragraphs_with(doc.text(), self.options.split));
        Ok(())
    }
}

impl BuildStage for ParagraphStage {
    type Options = ParagraphOptions;

    fn build(options: ParagraphOptions, _: &StageOptions<'_>) -> Result<Self, String> {
        Ok(ParagraphStage::new(options))
    }
}

inventory::submit! {
    StageRegistration::of::<ParagraphStage>(
        "paragraphs",
        "Paragraphs: blocks between blank lines, or one per line when the text has no blank lines.",
        NEEDS,
        ADDS,
    )
}

/// Options of the `tokens` stage.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct TokenOptions {
    /// Extra abbreviations kept whole with their period, e.g. ["Brgy.", "Dist."];
    /// a capitalised entry matches only capitalised words. Titles, months, US
    /// states, corporate suffixes and dotted forms (U.S., Ph.D.) are built in.
    pub abbreviations: Vec<String>,
}

/// Splits a document into word tokens.
#[derive(Clone, Debug, Default)]
pub struct TokenStage {
    tokenizer: Tokenizer,
}

impl TokenStage {
    /// A stage with these options.
    pub fn new(options: &TokenOptions) -> TokenStage {
        TokenStage { tokenizer: Tokenizer::new(&options.abbreviations) }
    }
}

const TOKEN_NEEDS: &[Layer] = &[];
const TOKEN_ADDS: &[Layer] = &[Layer::TOKENS];

impl Stage for TokenStage {
    fn name(&self) -> &str {
        "tokens"
    }

    fn needs(&self) -> &[Layer] {
        TOKEN_NEEDS
    }

    fn adds(&self) -> &[Layer] {
        TOKEN_ADDS
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        doc.layers.tokens = Some(self.tokenizer.tokenize(doc.text()));
        Ok(())
    }
}

impl BuildStage for TokenStage {
    type Options = TokenOptions;

    fn build(options: TokenOptions, _: &StageOptions<'_>) -> Result<Self, String> {
        check_words("abbreviations", &options.abbreviations)?;
        Ok(TokenStage::new(&options))
    }
}

inventory::submit! {
    StageRegistration::of::<TokenStage>(
        "tokens",
        "Word tokens, Penn-Treebank-like: punctuation and clitics split off; numbers, money, URLs, abbreviations whole.",
        TOKEN_NEEDS,
        TOKEN_ADDS,
    )
}

/// Options of the `sentences` stage.
#[derive(Clone, Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct SentenceOptions {
    /// Extra abbreviations, e.g. ["Brgy.", "Dist."]: their period ends a sentence
    /// only when the next word opens one ("The", "He", "However"). A capitalised
    /// entry matches only capitalised words.
    pub abbreviations: Vec<String>,
    /// Extra words whose period never ends a sentence, e.g. ["Cmdt.", "Pfc."]
    /// (titles before names). Mr., Dr., Gen., e.g., i.e. and the like are built in.
    pub non_breaking_prefixes: Vec<String>,
    /// Whether a single line break ends a sentence: "auto" (after a line that
    /// stops short of the wrap width and before a list item; wrapped lines go
    /// on), "always" (one sentence per line) or "never" (only punctuation).
    /// A blank line always ends one.
    pub line_breaks: LineBreaks,
}

/// Splits each paragraph of a document into sentences.
#[derive(Clone, Debug, Default)]
pub struct SentenceStage {
    splitter: SentenceSplitter,
}

impl SentenceStage {
    /// A stage with these options.
    pub fn new(options: &SentenceOptions) -> SentenceStage {
        SentenceStage { splitter: SentenceSplitter::new(options) }
    }
}

const SENTENCE_NEEDS: &[Layer] = &[Layer::PARAGRAPHS];
const SENTENCE_ADDS: &[Layer] = &[Layer::SENTENCES];

impl Stage for SentenceStage {
    fn name(&self) -> &str {
        "sentences"
    }

    fn needs(&self) -> &[Layer] {
        SENTENCE_NEEDS
    }

    fn adds(&self) -> &[Layer] {
        SENTENCE_ADDS
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let paragraphs = require(&doc.layers.paragraphs, Layer::PARAGRAPHS, "sentences")?;
        let sentences = self.splitter.split_paragraphs(doc.text(), paragraphs);
        doc.layers.sentences = Some(sentences);
        Ok(())
    }
}

impl BuildStage for SentenceStage {
    type Options = SentenceOptions;

    fn build(options: SentenceOptions, _: &StageOptions<'_>) -> Result<Self, String> {
        check_words("abbreviations", &options.abbreviations)?;
        check_words("non_breaking_prefixes", &options.non_breaking_prefixes)?;
        Ok(SentenceStage::new(&options))
    }
}

inventory::submit! {
    StageRegistration::of::<SentenceStage>(
        "sentences",
        "Sentences within each paragraph: rule-based, aware of abbreviations, initials, numbers, ellipses, quotes and lists.",
        SENTENCE_NEEDS,
        SENTENCE_ADDS,
    )
}

/// Rejects list entries that cannot be words (empty, or with spaces inside).
fn check_words(option: &str, words: &[String]) -> Result<(), String> {
    for word in words {
        let trimmed = word.trim().trim_end_matches('.');
        if trimmed.is_empty() || trimmed.chars().any(char::is_whitespace) {
            return Err(format!(
                "`{option}` entry {word:?} is not a single word; write each abbreviation as one word, like \"Gov.\""
            ));
        }
    }
    Ok(())
}
