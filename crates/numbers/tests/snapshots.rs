//! Snapshots of the `numbers` stage on news in each shape it arrives in
//! (blank-line paragraphs, one paragraph per line, hard-wrapped lines, CRLF
//! with a headline and dateline). The fixtures are written for these tests.

use byline_core::Pipeline;

fn pipeline() -> Pipeline {
    // Referencing the crate keeps its stage registration linked.
    std::hint::black_box(byline_numbers::find as fn(&str) -> _);
    Pipeline::from_toml("[[stage]]\nuse = \"paragraphs\"\n\n[[stage]]\nuse = \"numbers\"\n", "<test>")
        .or_else(|_| Pipeline::from_toml("[[stage]]\nuse = \"numbers\"\n", "<test>"))
        .expect("the numbers stage is registered")
}

fn numbers_only(text: &str) -> serde_json::Value {
    let mut snap = byline_core::testing::snapshot(&pipeline(), text);
    if let Some(o) = snap.as_object_mut() {
        o.retain(|k, _| k == "numbers");
    }
    snap
}

#[test]
fn blank_line_paragraphs() {
    insta::assert_yaml_snapshot!(numbers_only(include_str!("fixtures/blank_lines.txt")));
}

#[test]
fn one_paragraph_per_line() {
    insta::assert_yaml_snapshot!(numbers_only(include_str!("fixtures/one_per_line.txt")));
}

#[test]
fn hard_wrapped_lines() {
    insta::assert_yaml_snapshot!(numbers_only(include_str!("fixtures/hard_wrapped.txt")));
}

#[test]
fn crlf_with_headline_and_dateline() {
    insta::assert_yaml_snapshot!(numbers_only(include_str!("fixtures/crlf.txt")));
}
