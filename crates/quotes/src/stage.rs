//! The `quotes` stage.

use byline_core::registry::{BuildStage, StageOptions, StageRegistration};
use byline_core::{Document, Layer, Stage, StageError, require};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

use crate::{Lexicon, Quoter, Reported, Settings};

/// Options of the `quotes` stage.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct QuoteOptions {
    /// Which reported speech without quote marks (`Smith said the plan
    /// would fail`) to report as quotations with `direct: false`:
    /// `"speech"` (verbs of speaking and writing: who said what), `"all"`
    /// (thought, intention and stance too: `hopes`, `decided`,
    /// `criticized`, as PolNeAR annotates) or `"none"`. `true` and `false`
    /// read as `"all"` and `"none"`.
    pub reported: Reported,
    /// Report every quotation in marks, even those nothing attributes that
    /// look like scare quotes or titles (`its so-called “reasoning” model`),
    /// with `direct: true` and no speaker. Off: such quotations are reported
    /// only when a cue attributes them.
    pub scare_quotes: bool,
    /// Report the quoted words inside reported speech (`added that the bank
    /// took “aggressive” positions, “and with borrowed money”`) as direct
    /// quotations of its speaker and cue, when a verb of speech introduces
    /// the clause. Off by default: the gold sets we measure on mostly leave
    /// such fragments out (see docs/quotes.md).
    pub fragments: bool,
    /// Link pronoun and description speakers to a named mention (`resolved`).
    pub resolve: bool,
    /// A lexicon file (TOML, relative to the pipeline file) whose cue verbs
    /// and phrases are added to the built-in ones: `speech = ["harrumph"]`,
    /// `reporting = ["surmise"]`, `attitude = ["lambaste"]`,
    /// `evidential = ["seem"]`, `attitude_words = ["lambasted"]`,
    /// `phrases = ["let it be known"]`.
    pub lexicon: Option<String>,
    /// More cue verbs of speaking, each `"lemma"` or `"lemma/past"`
    /// (`"opine"`, `"sneer"`); all forms are derived.
    pub extra_cues: Vec<String>,
}

impl Default for QuoteOptions {
    fn default() -> QuoteOptions {
        QuoteOptions {
            reported: Reported::Speech,
            scare_quotes: false,
            fragments: false,
            resolve: true,
            lexicon: None,
            extra_cues: Vec::new(),
        }
    }
}

/// Finds quotations with their speaker and cue.
#[derive(Clone, Debug, Default)]
pub struct QuoteStage {
    quoter: Quoter,
}

impl QuoteStage {
    /// A stage using this quoter.
    pub fn new(quoter: Quoter) -> QuoteStage {
        QuoteStage { quoter }
    }
}

const NEEDS: &[Layer] = &[Layer::PARAGRAPHS, Layer::ENTITIES];
const ADDS: &[Layer] = &[Layer::QUOTES];

impl Stage for QuoteStage {
    fn name(&self) -> &str {
        "quotes"
    }

    fn needs(&self) -> &[Layer] {
        NEEDS
    }

    fn adds(&self) -> &[Layer] {
        ADDS
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let paragraphs = require(&doc.layers.paragraphs, Layer::PARAGRAPHS, "quotes")?;
        let entities = require(&doc.layers.entities, Layer::ENTITIES, "quotes")?;
        let quotes = self.quoter.find(doc.text(), paragraphs, Some(entities));
        doc.layers.quotes = Some(quotes);
        Ok(())
    }
}

impl BuildStage for QuoteStage {
    type Options = QuoteOptions;

    fn build(options: QuoteOptions, ctx: &StageOptions<'_>) -> Result<Self, String> {
        let mut lexicon = Lexicon::default();
        if let Some(path) = &options.lexicon {
            let path = ctx.resolve_path(path);
            let text = byline_core::read_utf8_file(&path).map_err(|e| match e {
                byline_core::FileError::Io(reason) => {
                    format!("cannot read the lexicon file {}: {reason}; check the `lexicon` path", path.display())
                }
                not_utf8 => format!("`lexicon` {}: {not_utf8}", path.display()),
            })?;
            lexicon.extend_from_toml(&text).map_err(|e| format!("`lexicon` {}:{e}", path.display()))?;
        }
        for verb in &options.extra_cues {
            lexicon.add_speech_verb(verb);
        }
        let settings = Settings {
            reported: options.reported,
            scare_quotes: options.scare_quotes,
            fragments: options.fragments,
            resolve: options.resolve,
        };
        Ok(QuoteStage::new(Quoter::new(lexicon, settings)))
    }
}

inventory::submit! {
    StageRegistration::of::<QuoteStage>(
        "quotes",
        "Quotations, direct and reported, with their speaker, cue and the name a pronoun speaker stands for.",
        NEEDS,
        ADDS,
    )
}
