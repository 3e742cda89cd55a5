//! The quotations of a news article written for this test, as a readable
//! snapshot (`cargo insta review` after a deliberate change).

use byline_core::Document;

#[test]
fn article_snapshot() {
    let text = include_str!("fixtures/article.txt");
    let mut doc = Document::new("article", text);
    doc.layers.quotes = Some(byline_quotes::find(text));
    insta::assert_yaml_snapshot!(byline_core::testing::snapshot_document(&doc));
}
