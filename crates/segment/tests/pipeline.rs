//! The stages inside pipelines: registration, options from TOML, layer
//! checks, and agreement with the plain functions on our fixtures.

use byline_core::{Layer, Pipeline, registry};

const FIXTURES: [(&str, &str); 4] = [
    ("news", include_str!("fixtures/news.txt")),
    ("one-per-line", include_str!("fixtures/one-per-line.txt")),
    ("hard-wrapped", include_str!("fixtures/hard-wrapped.txt")),
    ("crlf", include_str!("fixtures/crlf.txt")),
];

fn pipeline(toml: &str) -> Pipeline {
    Pipeline::from_toml(toml, "<test>").unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn stages_are_registered_with_their_layers() {
    for (name, needs, adds) in [
        ("paragraphs", vec![], vec![Layer::PARAGRAPHS]),
        ("tokens", vec![], vec![Layer::TOKENS]),
        ("sentences", vec![Layer::PARAGRAPHS], vec![Layer::SENTENCES]),
    ] {
        let Some(reg) = registry::find(name) else { panic!("stage {name} is not registered") };
        assert_eq!((reg.needs.to_vec(), reg.adds.to_vec()), (needs, adds), "{name}");
        assert!(!reg.option_docs().iter().any(|o| o.doc.is_empty()), "{name} has an undocumented option");
    }
    let docs = registry::find("sentences").map(|r| r.option_docs()).unwrap_or_default();
    let names: Vec<&str> = docs.iter().map(|o| o.name.as_str()).collect();
    assert_eq!(names, ["abbreviations", "non_breaking_prefixes", "line_breaks"]);
}

#[test]
fn stages_match_the_plain_functions_on_every_fixture() {
    let p = pipeline("[[stage]]\nuse = \"paragraphs\"\n[[stage]]\nuse = \"tokens\"\n[[stage]]\nuse = \"sentences\"\n");
    for (name, text) in FIXTURES {
        let doc = p.annotate(name, text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(doc.layers.sentences.as_deref(), Some(byline_segment::sentences(text).as_slice()), "{name}");
        assert_eq!(doc.layers.tokens.as_deref(), Some(byline_segment::tokens(text).as_slice()), "{name}");
        let sentences = doc.layers.sentences.unwrap_or_default();
        assert!(sentences.len() >= 4, "{name}: {} sentences", sentences.len());
    }
}

#[test]
fn fixture_sentences() {
    let text = FIXTURES[0].1;
    let got: Vec<&str> = byline_segment::sentences(text).iter().map(|s| s.text(text)).collect();
    assert_eq!(
        &got[..4],
        [
            "Harbor Board Approves $1.2 Billion Port Expansion",
            "By Maria Delgado and J.T. O'Connell",
            "PORTLAND, Ore. (Byline Wire) —",
            "The Harbor Commission voted 5-2 on Tuesday to approve a $1.2 billion expansion of the city's container terminal, ending a fight that had dragged on since Jan. 2019.",
        ]
    );
    assert!(got.contains(&"Will they?"));
    assert!(
        got.contains(&"Work is expected to begin at 6 a.m. on March 3 and finish by late 2028... if the money holds.")
    );
    assert_eq!(got.len(), 17);
}

#[test]
fn options_come_from_toml() {
    let p = pipeline(
        "[[stage]]\nuse = \"paragraphs\"\nsplit = \"blank-lines\"\n\
         [[stage]]\nuse = \"sentences\"\nline_breaks = \"always\"\nnon_breaking_prefixes = [\"Cmdt.\"]\n\
         [[stage]]\nuse = \"tokens\"\nabbreviations = [\"Cmdt\"]\n",
    );
    let text = "Cmdt. Rossi spoke\nThen she left";
    let doc = p.annotate("d", text).unwrap_or_else(|e| panic!("{e}"));
    let sentences: Vec<&str> = doc.layers.sentences.unwrap_or_default().iter().map(|s| s.text(text)).collect();
    assert_eq!(sentences, ["Cmdt. Rossi spoke", "Then she left"]);
    let tokens: Vec<&str> = doc.layers.tokens.unwrap_or_default().iter().map(|s| s.text(text)).collect();
    assert_eq!(tokens[0], "Cmdt.");
}

#[test]
fn bad_pipelines_are_rejected_with_a_fix() {
    for (toml, message) in [
        ("[[stage]]\nuse = \"sentences\"\n", "add `[[stage]] use = \"paragraphs\"` before it"),
        ("[[stage]]\nuse = \"sentences\"\nline_breaks = \"sometimes\"\n", "unknown variant `sometimes`"),
        ("[[stage]]\nuse = \"tokens\"\nabbrevs = []\n", "unknown field `abbrevs`"),
        ("[[stage]]\nuse = \"sentences\"\nabbreviations = [\"two words\"]\n", "is not a single word"),
        ("[[stage]]\nuse = \"sentence\"\n", "did you mean `sentences`?"),
    ] {
        let err = Pipeline::from_toml(toml, "<test>").err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.contains(message), "{toml}\ngave: {err}");
    }
}

#[test]
fn running_sentences_without_paragraphs_is_an_error_not_a_panic() {
    let stage = registry::build("sentences", "").unwrap_or_else(|e| panic!("{e}"));
    let mut doc = byline_core::Document::new("d", "Text.");
    assert!(stage.process(&mut doc).is_err());
}
