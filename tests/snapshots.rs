//! Snapshots of every fixture through the default pipeline.
//!
//! `tests/fixtures/` holds one article of each shape news arrives in
//! (blank-line paragraphs, one paragraph per line, hard-wrapped, CRLF,
//! mixed quotes, non-ASCII, names no training set has seen). A change in any
//! stage's output shows up here as a reviewable YAML diff:
//! `cargo insta review` (or `INSTA_UPDATE=always cargo test`) to accept.

use byline_core::testing::snapshot;

#[test]
fn default_pipeline_on_fixtures() {
    let pipeline = byline_cli::default_pipeline().expect("the default pipeline is valid");
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("fixtures are UTF-8");
        insta::assert_yaml_snapshot!(snapshot(&pipeline, &text));
    });
}

#[test]
fn spans_cover_their_text_in_every_fixture() {
    let pipeline = byline_cli::default_pipeline().expect("the default pipeline is valid");
    insta::glob!("fixtures/*.txt", |path| {
        let text = std::fs::read_to_string(path).expect("fixtures are UTF-8");
        let doc = pipeline.annotate("fixture", &text).expect("fixtures annotate");
        assert_eq!(doc.text(), text, "the text is never changed");
        let json = doc.to_json(byline_core::span::OffsetUnit::Chars);
        let chars: Vec<char> = text.chars().collect();
        for (name, layer) in json.as_object().expect("a document is an object") {
            let Some(items) = layer.as_array() else { continue };
            for item in items {
                let (start, end) = byline_core::eval::offsets(item).expect("annotations have offsets");
                let covered: String = chars[start..end].iter().collect();
                assert_eq!(item["text"], covered.as_str(), "{name} in {}", path.display());
            }
        }
    });
}
