//! Snapshot of the default pipeline's entities on a 2020s news story
//! written for this test (headline, byline, dateline, curly quotes).
//! Update with `INSTA_UPDATE=always cargo test -p byline-entities --test
//! snapshots` after a deliberate change of the model or the tokenizer.

use byline_core::Pipeline;

#[test]
fn news_story_entities() {
    std::hint::black_box(byline_segment::tokens as fn(&str) -> _);
    std::hint::black_box(byline_entities::Model::builtin as fn() -> _);
    let pipeline = Pipeline::from_toml(
        "[[stage]]\nuse = \"paragraphs\"\n[[stage]]\nuse = \"tokens\"\n\
         [[stage]]\nuse = \"sentences\"\n[[stage]]\nuse = \"entities\"",
        "<test>",
    )
    .expect("valid pipeline");
    let text = include_str!("fixtures/news-2020s.txt");
    let snap = byline_core::testing::snapshot(&pipeline, text);
    insta::assert_yaml_snapshot!(snap["entities"]);
}
