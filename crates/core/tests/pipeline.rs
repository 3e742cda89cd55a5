//! Pipeline loading and validation: every diagnostic, with its position.
//!
//! Fake stages registered here stand in for real ones, so these tests pin
//! the core's behaviour independently of any stage crate.

use byline_core::registry::{self, BuildStage, StageOptions, StageRegistration};
use byline_core::{Document, Layer, Pipeline, Span, Stage, StageError, require};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Options of the fake stages.
#[derive(Debug, Default, Serialize, Deserialize, JsonSchema)]
#[serde(default, deny_unknown_fields)]
struct FakeOptions {
    /// A list option.
    words: Vec<String>,
    /// A number option.
    limit: u32,
}

macro_rules! fake_stage {
    ($ty:ident, $name:literal, needs: $needs:expr, adds: $adds:expr) => {
        struct $ty;
        impl Stage for $ty {
            fn name(&self) -> &str {
                $name
            }
            fn needs(&self) -> &[Layer] {
                $needs
            }
            fn adds(&self) -> &[Layer] {
                $adds
            }
            fn process(&self, doc: &mut Document) -> Result<(), StageError> {
                fake_process($name, doc)
            }
        }
        impl BuildStage for $ty {
            type Options = FakeOptions;
            fn build(options: FakeOptions, _: &StageOptions<'_>) -> Result<Self, String> {
                if options.limit > 100 {
                    return Err("`limit` must be at most 100".to_owned());
                }
                Ok($ty)
            }
        }
        inventory::submit! { StageRegistration::of::<$ty>($name, "A fake stage for tests.", $needs, $adds) }
    };
}

fake_stage!(FakeTokens, "fake-tokens", needs: &[], adds: &[Layer::TOKENS]);
fake_stage!(FakeEntities, "fake-entities", needs: &[Layer::TOKENS], adds: &[Layer::ENTITIES]);
fake_stage!(FakeQuotes, "fake-quotes", needs: &[Layer::TOKENS, Layer::ENTITIES], adds: &[Layer::QUOTES]);
fake_stage!(FakePanic, "fake-panic", needs: &[], adds: &[]);

fn fake_process(name: &str, doc: &mut Document) -> Result<(), StageError> {
    match name {
        "fake-tokens" => {
            let text = doc.text();
            let mut spans = Vec::new();
            let mut start = None;
            for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
                match (c.is_whitespace(), start) {
                    (false, None) => start = Some(i),
                    (true, Some(s)) => {
                        spans.push(Span::new(s, i));
                        start = None;
                    }
                    _ => {}
                }
            }
            doc.layers.tokens = Some(spans);
        }
        "fake-entities" => {
            let tokens = require(&doc.layers.tokens, Layer::TOKENS, name)?;
            let entities = tokens
                .iter()
                .filter(|t| t.text(doc.text()).starts_with(char::is_uppercase))
                .map(|&span| byline_core::Entity { span, label: "PER".into() })
                .collect();
            doc.layers.entities = Some(entities);
        }
        "fake-panic" => panic!("boom"),
        _ => {}
    }
    Ok(())
}

/// The diagnostics of loading `spec`, one per line.
fn errors(spec: &str) -> String {
    match Pipeline::from_toml(spec, "news.toml") {
        Ok(p) => format!("valid: {p:?}"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn valid_pipeline_runs_in_order() {
    let p = Pipeline::from_toml(
        "[pipeline]\nname = \"news\"\n[[stage]]\nuse = \"fake-tokens\"\n[[stage]]\nuse = \"fake-entities\"\nwords = [\"a\"]\n",
        "news.toml",
    )
    .unwrap();
    assert_eq!(p.name(), "news");
    assert_eq!(p.layers(), vec![Layer::TOKENS, Layer::ENTITIES]);
    let doc = p.annotate("d", "Ada met Bob").unwrap();
    let names: Vec<&str> = doc.layers.entities.as_ref().unwrap().iter().map(|e| e.span.text(doc.text())).collect();
    assert_eq!(names, ["Ada", "Bob"]);
}

#[test]
fn every_validation_error_names_its_place() {
    let cases: &[(&str, &str, &str)] = &[
        ("syntax", "[pipeline\nname = 1\n", "news.toml:1:10: invalid TOML: unclosed table, expected `]`"),
        (
            "unknown stage with suggestion",
            "[[stage]]\nuse = \"fake-token\"\n",
            "news.toml:2:7: unknown stage `fake-token`; did you mean `fake-tokens`?",
        ),
        (
            "unknown stage without suggestion",
            "[[stage]]\nuse = \"xylophone-orchestra\"\n",
            "news.toml:2:7: unknown stage `xylophone-orchestra`; run `byline stages` to list the stages",
        ),
        (
            "unknown option",
            "[[stage]]\nuse = \"fake-tokens\"\nwrods = []\n",
            "news.toml:3:1: stage `fake-tokens`: unknown field `wrods`, expected `words` or `limit`",
        ),
        (
            "ill-typed option",
            "[[stage]]\nuse = \"fake-tokens\"\nlimit = \"ten\"\n",
            "news.toml:3:9: stage `fake-tokens`: option `limit`: invalid type: string \"ten\", expected u32",
        ),
        (
            "ill-typed list item",
            "[[stage]]\nuse = \"fake-tokens\"\nwords = [\"a\", 2]\n",
            "news.toml:3:15: stage `fake-tokens`: option `words`: invalid type: integer `2`, expected a string",
        ),
        (
            "option the stage rejects",
            "[[stage]]\nuse = \"fake-tokens\"\nlimit = 500\n",
            "news.toml:3:9: stage `fake-tokens`: `limit` must be at most 100",
        ),
        (
            "missing layer, stage exists",
            "[[stage]]\nuse = \"fake-tokens\"\n[[stage]]\nuse = \"fake-quotes\"\n",
            "news.toml:4:7: stage `fake-quotes` needs layer `entities`, which no earlier stage adds; add `[[stage]] use = \"fake-entities\"` before it",
        ),
        (
            "missing layer, added too late",
            "[[stage]]\nuse = \"fake-entities\"\n[[stage]]\nuse = \"fake-tokens\"\n",
            "news.toml:2:7: stage `fake-entities` needs layer `tokens`, which no earlier stage adds; move the `fake-tokens` stage before it",
        ),
        (
            "no use",
            "[[stage]]\nlimit = 3\n",
            "news.toml:1:1: this `[[stage]]` has no `use` key; add `use = \"<stage name>\"` (run `byline stages` to list them)",
        ),
        (
            "use not a string",
            "[[stage]]\nuse = 3\n",
            "news.toml:2:7: `use` must be a string naming a stage, like `use = \"sentences\"`",
        ),
        (
            "stage not an array",
            "[stage]\nuse = \"fake-tokens\"\n",
            "news.toml:1:2: `stage` must be an array of tables: write each stage as `[[stage]]`",
        ),
        (
            "unknown top-level key",
            "colour = 1\n[[stage]]\nuse = \"fake-tokens\"\n",
            "news.toml:1:1: unknown key `colour`; a pipeline file has a `[pipeline]` table and `[[stage]]` tables",
        ),
        (
            "unknown pipeline key",
            "[pipeline]\nnmae = \"x\"\n[[stage]]\nuse = \"fake-tokens\"\n",
            "news.toml:2:1: in [pipeline]: unknown field `nmae`, expected `name` or `description`",
        ),
        (
            "no stages",
            "[pipeline]\nname = \"x\"\n",
            "news.toml:1:1: the pipeline has no stages; add a `[[stage]]` table with `use = \"...\"` (run `byline stages` to list them)",
        ),
    ];
    for (what, spec, expected) in cases {
        assert_eq!(errors(spec), *expected, "case: {what}");
    }
}

#[test]
fn all_problems_are_reported_at_once() {
    let spec = "[[stage]]\nuse = \"fake-tokns\"\n\n[[stage]]\nuse = \"fake-entities\"\nlimit = -1\n\n[[stage]]\nuse = \"fake-quotes\"\n";
    insta::assert_snapshot!(errors(spec), @r#"
    news.toml:2:7: unknown stage `fake-tokns`; did you mean `fake-tokens`?
    news.toml:6:9: stage `fake-entities`: option `limit`: invalid value: integer `-1`, expected u32
    news.toml:9:7: stage `fake-quotes` needs layer `tokens`, which no earlier stage adds; add `[[stage]] use = "fake-tokens"` before it
    news.toml:9:7: stage `fake-quotes` needs layer `entities`, which no earlier stage adds; add `[[stage]] use = "fake-entities"` before it
    "#);
}

#[test]
fn from_stages_checks_layers_too() {
    let err = Pipeline::from_stages("mine", vec![Box::new(FakeEntities)]).unwrap_err();
    assert_eq!(
        err.to_string(),
        "mine: stage `fake-entities` needs layer `tokens`, which no earlier stage adds; add `[[stage]] use = \"fake-tokens\"` before it"
    );
    assert!(Pipeline::from_stages("mine", vec![Box::new(FakeTokens), Box::new(FakeEntities)]).is_ok());
}

#[test]
fn a_panicking_stage_becomes_a_document_error() {
    let p = Pipeline::from_toml("[[stage]]\nuse = \"fake-panic\"\n", "p.toml").unwrap();
    let err = p.annotate("d", "text").unwrap_err();
    assert_eq!(
        err.to_string(),
        "stage `fake-panic` failed: internal error (boom); please report this document to the byline developers"
    );
}

#[test]
fn a_record_is_annotated_or_becomes_its_error_record() {
    let p = Pipeline::from_toml("[[stage]]\nuse = \"fake-tokens\"\n", "p.toml").unwrap();
    let doc = p.annotate_record(Document::from_json(r#"{"id": "a1", "text": "Two words"}"#, "line 1")).unwrap();
    assert_eq!(doc.layers.tokens.as_ref().map(Vec::len), Some(2));

    // A record that cannot be read keeps the id it was read with.
    let (id, error) = p.annotate_record(Document::from_json(r#"{"id": "a2", "text": 7}"#, "line 2")).unwrap_err();
    assert_eq!((id.as_str(), error.contains("text")), ("a2", true), "{error}");

    // A stage that fails names itself, under the document's id.
    let failing = Pipeline::from_toml("[[stage]]\nuse = \"fake-panic\"\n", "p.toml").unwrap();
    let (id, error) = failing.annotate_record(Ok(Document::new("a3", "text"))).unwrap_err();
    assert_eq!((id.as_str(), error.starts_with("stage `fake-panic` failed")), ("a3", true), "{error}");
}

#[test]
fn registry_is_sorted_and_documents_options() {
    let names: Vec<&str> = registry::registrations().iter().map(|r| r.name).collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    let docs = registry::find("fake-tokens").unwrap().option_docs();
    let rendered: Vec<String> =
        docs.iter().map(|o| format!("{} ({}) = {:?}: {}", o.name, o.ty, o.default, o.doc)).collect();
    assert_eq!(
        rendered,
        ["words (array of strings) = Some(\"[]\"): A list option.", "limit (integer) = Some(\"0\"): A number option."]
    );
}

#[test]
fn registered_needs_and_adds_match_the_stage() {
    for r in registry::registrations() {
        let stage = r.build_default().unwrap();
        assert_eq!((stage.needs(), stage.adds()), (r.needs, r.adds), "stage {}", r.name);
    }
}

#[test]
fn single_stages_build_from_option_text() {
    let stage = registry::build("fake-tokens", "words = [\"x\"]").unwrap();
    assert_eq!(stage.name(), "fake-tokens");
    let err = registry::build("fake-tokens", "limit = true").err().unwrap();
    assert!(err.to_string().contains("invalid type: boolean `true`, expected u32"), "{err}");
}

#[test]
fn missing_layer_outside_a_pipeline_is_an_error() {
    let mut doc = Document::new("d", "x");
    let err = FakeEntities.process(&mut doc).unwrap_err();
    assert_eq!(
        err.to_string(),
        "stage `fake-entities` needs layer `tokens`, which is missing; run a stage that adds it first"
    );
}

#[test]
fn keeping_layers_drops_the_stages_nothing_kept_needs() {
    let spec = "[[stage]]\nuse = \"fake-tokens\"\n[[stage]]\nuse = \"fake-entities\"\n[[stage]]\nuse = \"fake-panic\"\n[[stage]]\nuse = \"fake-quotes\"\n";
    let names = |layers: &[Layer]| {
        let p = Pipeline::from_toml(spec, "p.toml").unwrap().keep_layers(layers);
        p.stages().iter().map(|s| s.name().to_owned()).collect::<Vec<_>>().join(" ")
    };
    assert_eq!(names(&[Layer::TOKENS]), "fake-tokens fake-panic", "stages adding nothing are kept");
    assert_eq!(names(&[Layer::ENTITIES]), "fake-tokens fake-entities fake-panic");
    assert_eq!(names(&[Layer::QUOTES]), "fake-tokens fake-entities fake-panic fake-quotes");
    assert_eq!(names(&[]), "fake-panic");
}

#[test]
fn validation_is_linear_in_the_number_of_stages() {
    let spec = |n: usize| "[[stage]]\nuse = \"fake-tokens\"\n[[stage]]\nuse = \"fake-entities\"\n".repeat(n / 2);
    let time = |n: usize| {
        let spec = spec(n);
        let start = std::time::Instant::now();
        assert_eq!(Pipeline::from_toml(&spec, "big.toml").unwrap().stages().len(), n);
        start.elapsed().as_secs_f64()
    };
    time(2_000);
    let (small, large) = (time(5_000), time(40_000));
    // 8x the stages: ~8x the time when linear, 64x when quadratic.
    assert!(large < small * 24.0, "5,000 stages: {small:.3} s; 40,000 stages: {large:.3} s");
}

#[test]
fn a_pipeline_file_that_is_not_utf8_says_where() {
    let path = std::env::temp_dir().join(format!("byline-latin1-{}.toml", std::process::id()));
    std::fs::write(&path, b"[[stage]]\nuse = \"fake-tokens\"\nwords = [\"caf\xe9\"]\n").unwrap();
    let err = Pipeline::from_file(&path).unwrap_err().to_string();
    let _ = std::fs::remove_file(&path);
    assert!(err.ends_with(":3:14: the pipeline file is not UTF-8 (byte 0xE9); save it as UTF-8"), "{err}");
}
