//! An example of a stage written outside byline: it finds the dateline that
//! opens a wire story (`WASHINGTON (Reuters) -`, `PORTLAND, Ore. —`) and adds
//! a custom layer, `datelines`, which `byline run` writes under that name:
//!
//! ```json
//! "datelines": [{"start": 0, "end": 22, "text": "WASHINGTON (Reuters) -",
//!                "place": "WASHINGTON", "agency": "Reuters"}]
//! ```
//!
//! Everything a third-party stage needs is here: a `Stage` impl, an options
//! struct whose doc comments `byline stages` prints, an
//! `inventory::submit!` registration, and snapshot tests of a pipeline that
//! uses it (`tests/datelines.rs`). See docs/testing.md.
#![deny(missing_docs)]

use byline_core::registry::{BuildStage, StageOptions, StageRegistration};
use byline_core::{Annotation, Document, Layer, Span, Stage, StageError, require};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The layer this stage adds.
pub const DATELINES: Layer = Layer::custom("datelines");

/// Options of the `datelines` stage.
#[derive(Clone, Debug, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
pub struct DatelineOptions {
    /// How many leading paragraphs may hold the dateline (headline and byline
    /// come first in most articles).
    pub paragraphs: usize,
}

impl Default for DatelineOptions {
    fn default() -> Self {
        DatelineOptions { paragraphs: 4 }
    }
}

/// Finds datelines at the start of the first paragraphs.
#[derive(Clone, Debug, Default)]
pub struct DatelineStage {
    options: DatelineOptions,
}

const NEEDS: &[Layer] = &[Layer::PARAGRAPHS];
const ADDS: &[Layer] = &[DATELINES];

impl Stage for DatelineStage {
    fn name(&self) -> &str {
        "datelines"
    }

    fn needs(&self) -> &[Layer] {
        NEEDS
    }

    fn adds(&self) -> &[Layer] {
        ADDS
    }

    fn process(&self, doc: &mut Document) -> Result<(), StageError> {
        let paragraphs = require(&doc.layers.paragraphs, Layer::PARAGRAPHS, "datelines")?;
        let found: Vec<Annotation> = paragraphs
            .iter()
            .take(self.options.paragraphs)
            .find_map(|p| dateline(doc.text(), p.start))
            .into_iter()
            .collect();
        doc.layers.custom.insert(DATELINES.name().to_owned(), found);
        Ok(())
    }
}

impl BuildStage for DatelineStage {
    type Options = DatelineOptions;

    fn build(options: DatelineOptions, _: &StageOptions<'_>) -> Result<Self, String> {
        Ok(DatelineStage { options })
    }
}

inventory::submit! {
    StageRegistration::of::<DatelineStage>("datelines", "Datelines that open wire stories (example stage).", NEEDS, ADDS)
}

/// The dateline starting at byte `start` of `text`, if there is one: a place
/// in capitals (optionally `, State.`), an optional `(AGENCY)`, then a dash.
pub fn dateline(text: &str, start: usize) -> Option<Annotation> {
    let rest = text.get(start..)?;
    let line = &rest[..rest.find('\n').unwrap_or(rest.len())];
    // The place: words in capitals, up to the agency or the dash.
    let place_end = line.find([' ', ',', '(']).map_or(line.len(), |i| i);
    let first = &line[..place_end];
    if first.chars().count() < 2 || !first.chars().all(|c| c.is_uppercase() || c == '.' || c == '-') {
        return None;
    }
    let dash = ["—", "–", "--", "-"].iter().filter_map(|d| line.find(&format!(" {d} ")).map(|i| (i, d.len()))).min()?;
    let head = &line[..dash.0];
    let (place, agency) = match (head.find('('), head.rfind(')')) {
        (Some(open), Some(close)) if open < close => (head[..open].trim_end(), Some(&head[open + 1..close])),
        _ => (head, None),
    };
    // Everything before `, State.` must be capitals: "Mayor Elena Fischer said -" is no dateline.
    let city = place.split(',').next().unwrap_or(place);
    if !city.chars().all(|c| !c.is_alphabetic() || c.is_uppercase()) || head.len() > 60 {
        return None;
    }
    let end = start + dash.0 + 1 + dash.1;
    let mut annotation = Annotation::new(Span::new(start, end)).with("place", place);
    if let Some(agency) = agency {
        annotation = annotation.with("agency", agency);
    }
    Some(annotation)
}
