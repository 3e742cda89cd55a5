//! The stage registry: every stage crate registers a factory with
//! `inventory::submit!`, and pipelines look stages up here by name.
//!
//! Registration is link-time, so a binary knows exactly the stages it links;
//! `byline stages` prints this registry, never a hand-kept list.
//!
//! ```
//! use byline_core::registry::{BuildStage, StageOptions, StageRegistration};
//! use byline_core::{Document, Layer, Stage, StageError};
//!
//! /// Options of the `shout` stage.
//! #[derive(Debug, Default, serde::Deserialize, schemars::JsonSchema)]
//! #[serde(default, deny_unknown_fields)]
//! struct ShoutOptions {
//!     /// Minimum word length to report.
//!     min_len: usize,
//! }
//!
//! struct Shout(ShoutOptions);
//!
//! impl Stage for Shout {
//!     fn name(&self) -> &str { "shout" }
//!     fn needs(&self) -> &[Layer] { &[] }
//!     fn adds(&self) -> &[Layer] { &[] }
//!     fn process(&self, _: &mut Document) -> Result<(), StageError> { Ok(()) }
//! }
//!
//! impl BuildStage for Shout {
//!     type Options = ShoutOptions;
//!     fn build(options: ShoutOptions, _: &StageOptions<'_>) -> Result<Self, String> {
//!         Ok(Shout(options))
//!     }
//! }
//!
//! inventory::submit! {
//!     StageRegistration::of::<Shout>("shout", "Finds words in capitals.", &[], &[])
//! }
//! # fn main() {
//! assert!(byline_core::registry::find("shout").is_some());
//! # }
//! ```

use std::fmt;
use std::ops::Range;
use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde_json::Value;
use toml::Spanned;
use toml::de::{DeTable, DeValue};

use crate::{Layer, Stage};

/// A stage factory, submitted once per stage with `inventory::submit!`.
pub struct StageRegistration {
    /// The name pipelines use (`use = "name"`).
    pub name: &'static str,
    /// One line saying what the stage finds.
    pub summary: &'static str,
    /// Layers the stage needs (as its `Stage::needs` reports).
    pub needs: &'static [Layer],
    /// Layers the stage adds (as its `Stage::adds` reports).
    pub adds: &'static [Layer],
    /// The JSON Schema of the options, with their doc comments.
    pub options: fn() -> schemars::Schema,
    /// Builds the stage from its pipeline table.
    pub build: fn(&StageOptions<'_>) -> Result<Box<dyn Stage>, OptionsError>,
}

inventory::collect!(StageRegistration);

impl fmt::Debug for StageRegistration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StageRegistration").field("name", &self.name).finish_non_exhaustive()
    }
}

/// A stage that can be built from typed options: implement this and register
/// with [`StageRegistration::of`].
pub trait BuildStage: Stage + Sized + 'static {
    /// The options struct: `Deserialize` with `deny_unknown_fields`, and
    /// `JsonSchema` so its doc comments document it.
    type Options: DeserializeOwned + JsonSchema;

    /// Builds the stage; an error is one sentence saying what to change.
    fn build(options: Self::Options, ctx: &StageOptions<'_>) -> Result<Self, String>;
}

impl StageRegistration {
    /// The registration of a [`BuildStage`].
    pub const fn of<S: BuildStage>(
        name: &'static str,
        summary: &'static str,
        needs: &'static [Layer],
        adds: &'static [Layer],
    ) -> StageRegistration {
        StageRegistration { name, summary, needs, adds, options: schema_of::<S>, build: build_stage::<S> }
    }

    /// The documented options, in declaration order.
    pub fn option_docs(&self) -> Vec<OptionDoc> {
        option_docs(&(self.options)())
    }

    /// Builds the stage with all options at their defaults.
    pub fn build_default(&self) -> Result<Box<dyn Stage>, OptionsError> {
        (self.build)(&StageOptions::empty())
    }
}

fn schema_of<S: BuildStage>() -> schemars::Schema {
    schemars::schema_for!(S::Options)
}

fn build_stage<S: BuildStage>(options: &StageOptions<'_>) -> Result<Box<dyn Stage>, OptionsError> {
    let parsed: S::Options = options.parse()?;
    match S::build(parsed, options) {
        Ok(stage) => Ok(Box::new(stage)),
        Err(message) => {
            let span = options.span_named_in(&message).or_else(|| options.span());
            Err(OptionsError { message, span })
        }
    }
}

/// Every registered stage, sorted by name (link order is not stable).
pub fn registrations() -> Vec<&'static StageRegistration> {
    let mut all: Vec<_> = inventory::iter::<StageRegistration>.into_iter().collect();
    all.sort_by_key(|r| r.name);
    all
}

/// The stage registered under `name`.
pub fn find(name: &str) -> Option<&'static StageRegistration> {
    inventory::iter::<StageRegistration>.into_iter().find(|r| r.name == name)
}

/// Builds the stage `name` from options written as a TOML table body
/// (`abbreviations = ["Gov."]`); for library users and tests.
pub fn build(name: &str, options_toml: &str) -> Result<Box<dyn Stage>, crate::PipelineError> {
    let spec = format!("[[stage]]\nuse = {}\n{options_toml}", Value::String(name.to_owned()));
    let pipeline = crate::Pipeline::build_unchecked(&spec, "<options>")?;
    pipeline.into_stages().pop().ok_or_else(|| crate::PipelineError::internal("no stage was built"))
}

/// The registered name closest to `name`, when it is close enough to be a
/// likely typo.
pub fn suggest(name: &str) -> Option<&'static str> {
    let best = registrations().into_iter().map(|r| (edit_distance(name, r.name), r.name)).min()?;
    (best.0 <= (name.chars().count() / 3).max(2)).then_some(best.1)
}

/// Levenshtein distance in characters.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1).min(row[j] + 1).min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// A stage's options as written in a pipeline file: a TOML table that keeps
/// its source positions, so that a bad option is reported at its line.
#[derive(Debug)]
pub struct StageOptions<'a> {
    value: Spanned<DeValue<'a>>,
    base_dir: Option<&'a Path>,
}

impl<'a> StageOptions<'a> {
    /// No options: every option takes its default.
    pub fn empty() -> StageOptions<'static> {
        StageOptions { value: Spanned::new(0..0, DeValue::Table(DeTable::new())), base_dir: None }
    }

    /// Options from a parsed table; relative paths resolve against `base_dir`.
    pub(crate) fn new(value: Spanned<DeValue<'a>>, base_dir: Option<&'a Path>) -> StageOptions<'a> {
        StageOptions { value, base_dir }
    }

    /// Deserializes the options struct; errors point at the offending key.
    pub fn parse<T: DeserializeOwned>(&self) -> Result<T, OptionsError> {
        let de = toml::de::ValueDeserializer::from(self.value.clone());
        T::deserialize(de).map_err(|e| {
            let message = e.message().trim_end();
            // Name the option when the message does not (enum errors say only
            // "wanted string or table").
            let message = match e.span().and_then(|span| self.key_at(&span)) {
                Some(key) if !message.contains(&format!("`{key}`")) => format!("option `{key}`: {message}"),
                _ => message.to_owned(),
            };
            OptionsError { message, span: e.span().or_else(|| self.span()) }
        })
    }

    /// The top-level option whose value contains `span`.
    fn key_at(&self, span: &Range<usize>) -> Option<String> {
        let DeValue::Table(table) = self.value.get_ref() else { return None };
        table.iter().find_map(|(key, value)| {
            let at = value.span();
            (at.start <= span.start && span.end <= at.end).then(|| key.get_ref().to_string())
        })
    }

    /// Resolves a path option: relative paths are relative to the pipeline
    /// file's folder, like `include` paths in most configuration formats.
    pub fn resolve_path(&self, path: impl AsRef<Path>) -> PathBuf {
        let path = path.as_ref();
        match self.base_dir {
            Some(dir) if path.is_relative() => dir.join(path),
            _ => path.to_path_buf(),
        }
    }

    /// Where the value of option `key` is in the pipeline file.
    pub fn value_span(&self, key: &str) -> Option<Range<usize>> {
        let DeValue::Table(table) = self.value.get_ref() else { return None };
        table.iter().find(|(k, _)| k.get_ref() == key).map(|(_, value)| value.span())
    }

    /// The value of the first option a message names in backticks
    /// (`` `file`: cannot read ... ``), so a stage's error about a file or a
    /// value points at that option rather than at `[[stage]]`.
    fn span_named_in(&self, message: &str) -> Option<Range<usize>> {
        message.split('`').skip(1).step_by(2).find_map(|name| self.value_span(name))
    }

    /// Where the stage's table is in the pipeline file.
    pub fn span(&self) -> Option<Range<usize>> {
        let span = self.value.span();
        (span.end > 0).then_some(span)
    }
}

/// A bad option value, with its place in the pipeline file when known.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OptionsError {
    /// What is wrong, as one sentence.
    pub message: String,
    /// Byte range in the pipeline file.
    pub span: Option<Range<usize>>,
}

impl fmt::Display for OptionsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for OptionsError {}

/// One documented option of a stage.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct OptionDoc {
    /// The key in the stage's table.
    pub name: String,
    /// The TOML type, e.g. `string`, `array of strings`, `boolean`.
    pub ty: String,
    /// The default, as TOML would write it, when there is one.
    pub default: Option<String>,
    /// The option's doc comment.
    pub doc: String,
}

fn option_docs(schema: &schemars::Schema) -> Vec<OptionDoc> {
    let root = schema.as_value();
    let Some(props) = root.get("properties").and_then(Value::as_object) else { return Vec::new() };
    props
        .iter()
        .map(|(name, prop)| OptionDoc {
            name: name.clone(),
            ty: type_name(root, prop),
            default: prop.get("default").map(toml_literal),
            doc: prop.get("description").and_then(Value::as_str).unwrap_or("").to_owned(),
        })
        .collect()
}

/// A readable type for a schema node, following local `$ref`s.
fn type_name(root: &Value, node: &Value) -> String {
    if let Some(target) = node.get("$ref").and_then(Value::as_str) {
        let resolved = target.strip_prefix("#/").and_then(|p| root.pointer(&format!("/{p}")));
        return resolved.map_or_else(|| "table".to_owned(), |t| type_name(root, t));
    }
    if let Some(values) = node.get("enum").and_then(Value::as_array) {
        return one_of(values.iter().map(toml_literal));
    }
    if let Some(variants) = node.get("oneOf").or_else(|| node.get("anyOf")).and_then(Value::as_array) {
        let names: Vec<String> = variants
            .iter()
            .map(|v| match v.get("const") {
                Some(c) => toml_literal(c),
                None => type_name(root, v),
            })
            .filter(|t| t != "null")
            .collect();
        return one_of(names.into_iter());
    }
    if let Some(c) = node.get("const") {
        return toml_literal(c);
    }
    let base = match node.get("type") {
        Some(Value::String(t)) => t.clone(),
        Some(Value::Array(ts)) => {
            ts.iter().filter_map(Value::as_str).find(|t| *t != "null").unwrap_or("any").to_owned()
        }
        _ => "any".to_owned(),
    };
    match base.as_str() {
        "array" => {
            let item = node.get("items").map_or_else(|| "any".to_owned(), |i| type_name(root, i));
            format!("array of {}", plural(&item))
        }
        "object" => "table".to_owned(),
        "number" => "float".to_owned(),
        other => other.to_owned(),
    }
}

fn one_of(names: impl Iterator<Item = String>) -> String {
    names.collect::<Vec<_>>().join(" | ")
}

fn plural(noun: &str) -> String {
    if noun.contains(' ') || noun.contains('|') { format!("({noun})") } else { format!("{noun}s") }
}

/// A JSON value written as a TOML literal, for defaults in documentation.
fn toml_literal(value: &Value) -> String {
    match value {
        Value::Null => "none".to_owned(),
        Value::String(s) => format!("{s:?}"),
        Value::Array(items) => format!("[{}]", items.iter().map(toml_literal).collect::<Vec<_>>().join(", ")),
        Value::Object(map) => format!(
            "{{ {} }}",
            map.iter().map(|(k, v)| format!("{k} = {}", toml_literal(v))).collect::<Vec<_>>().join(", ")
        ),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_counts_edits() {
        for (a, b, d) in [
            ("", "", 0),
            ("tokens", "tokens", 0),
            ("sentence", "sentences", 1),
            ("entites", "entities", 1),
            ("abc", "xyz", 3),
        ] {
            assert_eq!(edit_distance(a, b), d, "{a} vs {b}");
        }
    }
}
