//! Every built-in stage on arbitrary text: no panic, no stage error, valid JSON.
#![no_main]

use std::sync::OnceLock;

use byline_core::Pipeline;
use byline_core::span::OffsetUnit;
use libfuzzer_sys::fuzz_target;

static PIPELINE: OnceLock<Pipeline> = OnceLock::new();

fuzz_target!(|text: &str| {
    let pipeline = PIPELINE.get_or_init(|| byline_cli::default_pipeline().expect("default pipeline"));
    let doc = pipeline.annotate("fuzz", text).expect("no stage fails on any text");
    assert_eq!(doc.text(), text);
    let mut out = Vec::new();
    doc.write_json(OffsetUnit::Chars, &mut out);
    assert!(serde_json_valid(&out));
});

fn serde_json_valid(bytes: &[u8]) -> bool {
    std::str::from_utf8(bytes).is_ok() && bytes.first() == Some(&b'{') && bytes.last() == Some(&b'}')
}
