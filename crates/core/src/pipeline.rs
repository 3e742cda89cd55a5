//! Pipelines: an ordered list of stages, loaded from TOML and validated
//! completely before any document runs.
//!
//! ```toml
//! [pipeline]
//! name = "news"
//!
//! [[stage]]
//! use = "paragraphs"
//!
//! [[stage]]
//! use = "sentences"
//! abbreviations = ["Gov.", "Sen."]
//! ```
//!
//! Validation reports every problem at once, each with file, line and
//! column: TOML syntax, unknown keys, unknown stages (with a suggestion),
//! bad options (at the offending key, since options are deserialized from
//! the spanned TOML value), and layers a stage needs that no earlier stage
//! adds.

use std::collections::BTreeSet;
use std::fmt;
use std::ops::Range;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use serde::Deserialize;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::json::{RecordError, RecordId};
use crate::registry::{self, StageOptions};
use crate::{Document, Layer, Stage, StageError};

/// A validated, ready-to-run sequence of stages.
pub struct Pipeline {
    name: String,
    stages: Vec<Box<dyn Stage>>,
}

impl fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<&str> = self.stages.iter().map(|s| s.name()).collect();
        f.debug_struct("Pipeline").field("name", &self.name).field("stages", &names).finish()
    }
}

/// The optional `[pipeline]` table.
#[derive(Debug, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
struct PipelineHeader {
    /// A name for messages and reports.
    name: Option<String>,
    /// What the pipeline is for; documentation only.
    #[allow(dead_code)]
    description: Option<String>,
}

/// One entry of [`Pipeline::layer_flow`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageFlow {
    /// The stage name.
    pub stage: String,
    /// Layers it needs.
    pub needs: Vec<Layer>,
    /// Layers it adds.
    pub adds: Vec<Layer>,
}

impl Pipeline {
    /// Loads and validates a pipeline from TOML text; `origin` names the text
    /// in messages (a file path, or `<default>`). Relative paths in options
    /// resolve against the current directory.
    pub fn from_toml(text: &str, origin: &str) -> Result<Pipeline, PipelineError> {
        Pipeline::parse(text, origin, None, true)
    }

    /// Loads and validates a pipeline file; relative paths in its options
    /// resolve against the file's folder.
    pub fn from_file(path: &Path) -> Result<Pipeline, PipelineError> {
        let origin = path.display().to_string();
        let text = crate::read_utf8_file(path).map_err(|e| match e {
            crate::FileError::NotUtf8 { line, column, byte } => PipelineError {
                diagnostics: vec![Diagnostic {
                    origin: origin.clone(),
                    position: Some((line, column)),
                    message: format!("the pipeline file is not UTF-8 (byte 0x{byte:02X}); save it as UTF-8"),
                }],
            },
            crate::FileError::Io(reason) => {
                PipelineError::single(&origin, format!("cannot read the pipeline file: {reason}; check the path"))
            }
        })?;
        Pipeline::parse(&text, &origin, path.parent(), true)
    }

    /// A pipeline of already-built stages, checked for layer dependencies.
    pub fn from_stages(name: impl Into<String>, stages: Vec<Box<dyn Stage>>) -> Result<Pipeline, PipelineError> {
        let name = name.into();
        let mut diagnostics = Vec::new();
        let mut added = BTreeSet::new();
        for (i, stage) in stages.iter().enumerate() {
            let later = stages[i + 1..].iter().map(|s| s.as_ref());
            check_needs(stage.as_ref(), &added, later, |message| {
                diagnostics.push(Diagnostic { origin: name.clone(), position: None, message })
            });
            added.extend(stage.adds().iter().cloned());
        }
        if diagnostics.is_empty() { Ok(Pipeline { name, stages }) } else { Err(PipelineError { diagnostics }) }
    }

    /// Builds the stages of a spec without checking layer dependencies; for
    /// building single stages.
    pub(crate) fn build_unchecked(text: &str, origin: &str) -> Result<Pipeline, PipelineError> {
        Pipeline::parse(text, origin, None, false)
    }

    fn parse(text: &str, origin: &str, base_dir: Option<&Path>, check: bool) -> Result<Pipeline, PipelineError> {
        let mut report = Report { text, origin, diagnostics: Vec::new() };
        let root = match DeTable::parse(text) {
            Ok(root) => root.into_inner(),
            Err(e) => {
                report.error(e.span(), format!("invalid TOML: {}", e.message().trim_end()));
                return Err(report.finish());
            }
        };

        let mut header = PipelineHeader::default();
        let mut stage_tables = Vec::new();
        for (key, value) in root {
            match key.get_ref().as_ref() {
                "pipeline" => match PipelineHeader::deserialize(toml::de::ValueDeserializer::from(value)) {
                    Ok(h) => header = h,
                    Err(e) => report.error(e.span(), format!("in [pipeline]: {}", e.message().trim_end())),
                },
                "stage" => match value.into_inner() {
                    DeValue::Array(items) => stage_tables.extend(items),
                    _ => report.error(
                        Some(key.span()),
                        "`stage` must be an array of tables: write each stage as `[[stage]]`".into(),
                    ),
                },
                other => report.error(
                    Some(key.span()),
                    format!("unknown key `{other}`; a pipeline file has a `[pipeline]` table and `[[stage]]` tables"),
                ),
            }
        }
        let name = header.name.unwrap_or_else(|| origin.to_owned());
        if stage_tables.is_empty() && report.diagnostics.is_empty() {
            report.error(None, "the pipeline has no stages; add a `[[stage]]` table with `use = \"...\"` (run `byline stages` to list them)".into());
        }

        let mut stages: Vec<(Box<dyn Stage>, Range<usize>)> = Vec::new();
        for table in stage_tables {
            let table_span = table.span();
            let DeValue::Table(mut table) = table.into_inner() else {
                report.error(Some(table_span), "each stage must be a table: write `[[stage]]`".into());
                continue;
            };
            let Some(use_value) = table.remove("use") else {
                report.error(Some(table_span), "this `[[stage]]` has no `use` key; add `use = \"<stage name>\"` (run `byline stages` to list them)".into());
                continue;
            };
            let use_span = use_value.span();
            let Some(stage_name) = use_value.get_ref().as_str() else {
                report
                    .error(Some(use_span), "`use` must be a string naming a stage, like `use = \"sentences\"`".into());
                continue;
            };
            let Some(registration) = registry::find(stage_name) else {
                let hint = match registry::suggest(stage_name) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => "run `byline stages` to list the stages".to_owned(),
                };
                report.error(Some(use_span), format!("unknown stage `{stage_name}`; {hint}"));
                continue;
            };
            let options = StageOptions::new(Spanned::new(table_span.clone(), DeValue::Table(table)), base_dir);
            match (registration.build)(&options) {
                Ok(stage) => stages.push((stage, use_span)),
                Err(e) => report.error(e.span, format!("stage `{stage_name}`: {}", e.message)),
            }
        }

        if check {
            let mut added = BTreeSet::new();
            for (i, (stage, use_span)) in stages.iter().enumerate() {
                let later = stages[i + 1..].iter().map(|(s, _)| s.as_ref());
                check_needs(stage.as_ref(), &added, later, |message| report.error(Some(use_span.clone()), message));
                added.extend(stage.adds().iter().cloned());
            }
        }

        if report.diagnostics.is_empty() {
            Ok(Pipeline { name, stages: stages.into_iter().map(|(s, _)| s).collect() })
        } else {
            Err(report.finish())
        }
    }

    /// The pipeline's name: `[pipeline] name`, else its origin.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The stages, in order.
    pub fn stages(&self) -> &[Box<dyn Stage>] {
        &self.stages
    }

    pub(crate) fn into_stages(self) -> Vec<Box<dyn Stage>> {
        self.stages
    }

    /// Every layer some stage adds, in order of first addition.
    pub fn layers(&self) -> Vec<Layer> {
        let mut out: Vec<Layer> = Vec::new();
        for layer in self.stages.iter().flat_map(|s| s.adds()) {
            if !out.contains(layer) {
                out.push(layer.clone());
            }
        }
        out
    }

    /// The pipeline cut down to the stages that `keep` depends on: the
    /// stages adding a kept layer, and those adding what they need, and so
    /// on. Stages that add no layer are kept (they may check documents).
    /// Used by `byline run --layers`, so unwritten layers cost nothing.
    pub fn keep_layers(self, keep: &[Layer]) -> Pipeline {
        let mut wanted: BTreeSet<Layer> = keep.iter().cloned().collect();
        let mut kept = Vec::new();
        for stage in self.stages.into_iter().rev() {
            let adds = stage.adds();
            if adds.is_empty() || adds.iter().any(|l| wanted.contains(l)) {
                wanted.extend(stage.needs().iter().cloned());
                kept.push(stage);
            }
        }
        kept.reverse();
        Pipeline { name: self.name, stages: kept }
    }

    /// What each stage needs and adds, in order (`byline check` prints it).
    pub fn layer_flow(&self) -> Vec<StageFlow> {
        self.stages
            .iter()
            .map(|s| StageFlow { stage: s.name().to_owned(), needs: s.needs().to_vec(), adds: s.adds().to_vec() })
            .collect()
    }

    /// Runs every stage on `doc`. A panic inside a stage is caught and
    /// returned as an error of that stage, so one bad document never takes
    /// down a batch.
    pub fn run(&self, doc: &mut Document) -> Result<(), StageError> {
        for stage in &self.stages {
            match catch_unwind(AssertUnwindSafe(|| stage.process(doc))) {
                Ok(result) => result?,
                Err(panic) => {
                    let what = panic
                        .downcast_ref::<&str>()
                        .map(|s| (*s).to_owned())
                        .or_else(|| panic.downcast_ref::<String>().cloned())
                        .unwrap_or_else(|| "unknown panic".to_owned());
                    return Err(StageError::failed(
                        stage.name(),
                        format!("internal error ({what}); please report this document to the byline developers"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Runs every stage on a record as it was read: the annotated document,
    /// or the id and reason of the error record written in its place (the
    /// record could not be read, or a stage failed). `byline run`, `byline
    /// serve` and the Python package all annotate through here.
    pub fn annotate_record(&self, record: Result<Document, RecordError>) -> Result<Document, (RecordId, String)> {
        let mut doc = record.map_err(|bad| (bad.id, bad.error.to_string()))?;
        match self.run(&mut doc) {
            Ok(()) => Ok(doc),
            Err(e) => Err((RecordId::of(&doc), e.to_string())),
        }
    }

    /// Annotates a new document made of `id` and `text`.
    pub fn annotate(&self, id: &str, text: &str) -> Result<Document, StageError> {
        let mut doc = Document::new(id, text);
        self.run(&mut doc)?;
        Ok(doc)
    }
}

/// Reports each layer `stage` needs that is not in `added`. `later` (the
/// stages after it) is only walked for a missing layer, which keeps
/// validation linear in the number of stages.
fn check_needs<'s>(
    stage: &dyn Stage,
    added: &BTreeSet<Layer>,
    later: impl Iterator<Item = &'s dyn Stage> + Clone,
    mut error: impl FnMut(String),
) {
    for need in stage.needs() {
        if added.contains(need) {
            continue;
        }
        let fix = if let Some(later) = later.clone().find(|s| s.adds().contains(need)) {
            format!("move the `{}` stage before it", later.name())
        } else if let Some(provider) = registry::registrations().into_iter().find(|r| r.adds.contains(need)) {
            format!("add `[[stage]] use = \"{}\"` before it", provider.name)
        } else {
            "no registered stage adds it".to_owned()
        };
        error(format!("stage `{}` needs layer `{need}`, which no earlier stage adds; {fix}", stage.name()));
    }
}

/// Collects diagnostics for one pipeline text.
struct Report<'t> {
    text: &'t str,
    origin: &'t str,
    diagnostics: Vec<Diagnostic>,
}

impl Report<'_> {
    fn error(&mut self, span: Option<Range<usize>>, message: String) {
        let position = Some(crate::line_column(self.text, span.map_or(0, |s| s.start)));
        self.diagnostics.push(Diagnostic { origin: self.origin.to_owned(), position, message });
    }

    fn finish(self) -> PipelineError {
        PipelineError { diagnostics: self.diagnostics }
    }
}

/// One problem in a pipeline spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file (or `<default>`, `<options>`) the spec came from.
    pub origin: String,
    /// 1-based line and column, when the problem has a place in the file.
    pub position: Option<(usize, usize)>,
    /// What is wrong and what to do, as one sentence.
    pub message: String,
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.position {
            Some((line, column)) => write!(f, "{}:{line}:{column}: {}", self.origin, self.message),
            None => write!(f, "{}: {}", self.origin, self.message),
        }
    }
}

/// Why a pipeline could not be built: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PipelineError {
    /// The problems, at least one.
    pub diagnostics: Vec<Diagnostic>,
}

impl PipelineError {
    fn single(origin: &str, message: String) -> PipelineError {
        PipelineError { diagnostics: vec![Diagnostic { origin: origin.to_owned(), position: None, message }] }
    }

    pub(crate) fn internal(message: &str) -> PipelineError {
        PipelineError::single("<internal>", message.to_owned())
    }
}

impl fmt::Display for PipelineError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, d) in self.diagnostics.iter().enumerate() {
            if i > 0 {
                f.write_str("\n")?;
            }
            write!(f, "{d}")?;
        }
        Ok(())
    }
}

impl std::error::Error for PipelineError {}

#[cfg(test)]
mod tests {
    use crate::line_column;

    #[test]
    fn line_column_counts_characters() {
        let text = "a\nb“c\nd";
        assert_eq!(line_column(text, 0), (1, 1));
        assert_eq!(line_column(text, 2), (2, 1));
        assert_eq!(line_column(text, "a\nb“".len()), (2, 3));
        assert_eq!(line_column(text, text.len()), (3, 2));
    }
}
