//! Arbitrary JSONL records: a document or an input error, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|line: &str| {
    if let Ok(doc) = byline_core::Document::from_json(line, "fuzz:1") {
        let _ = doc.to_json(byline_core::span::OffsetUnit::Chars);
    }
});
