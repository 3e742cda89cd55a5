//! A stage's peak memory on hostile text stays a small multiple of the
//! text. Each measurement runs `byline-scaling` in its own process, so
//! peaks of other tests do not mix in.
//!
//! The entities stage used to keep a few hundred bytes per token of the
//! whole document at once: 0.5 MB of `a a a ...` took ~160 MB, 50 MB of
//! words without punctuation ~3 GB.

use std::process::Command;

/// Peak bytes of `stage` on `case` at `bytes`, as `byline-scaling measure`
/// reports them; `None` where the OS does not report peaks.
fn peak(stage: &str, case: &str, bytes: usize) -> Option<u64> {
    let out = Command::new(env!("CARGO_BIN_EXE_byline-scaling"))
        .args(["measure", stage, case, &bytes.to_string()])
        .output()
        .expect("byline-scaling runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 report");
    stdout.trim_end().split('\t').nth(4)?.parse().ok()
}

#[test]
fn entities_memory_is_a_small_multiple_of_the_text() {
    const BYTES: usize = 500_000;
    // A token every two bytes, and one every byte.
    for case in ["short-words", "control-characters"] {
        let Some(peak) = peak("entities", case, BYTES) else { return };
        // The tagger's form cache and one chunk's buffers (~30 MB, whatever
        // the text's size), plus a small multiple of the text.
        let bound = (48 << 20) + 32 * BYTES as u64;
        assert!(peak < bound, "entities on {case}: {} MB at 0.5 MB", peak >> 20);
    }
}

#[test]
fn quotes_keeps_nothing_per_character() {
    // Words of ~8 bytes with a space after each: a token every ~8.5 bytes,
    // 32 bytes each, so ~4 bytes per byte of text. The quotes tokenizer
    // used to keep a 16-byte (offset, char) pair per character besides:
    // ~20 bytes per byte.
    const BYTES: usize = 2_000_000;
    let Some(peak) = peak("quotes", "no-punctuation", BYTES) else { return };
    let bound = (4 << 20) + 8 * BYTES as u64;
    assert!(peak < bound, "quotes on no-punctuation: {} MB at 2 MB", peak >> 20);
}

#[test]
#[ignore = "minutes in a debug build: .ci/run runs it in release (cargo test --release -p byline-scaling --test memory -- --ignored)"]
fn quotes_and_entities_read_a_huge_document_in_windows() {
    // Past a window (1 MB of paragraphs for quotes, ~262k tokens of whole
    // sentences for entities) a stage's peak stops growing with the text:
    // before, quotes kept 32 bytes per token of the whole document and
    // entities a copy of every token in its sentence groups.
    for (stage, case) in [
        ("quotes", "short-words"),
        ("quotes", "quote-marks"),
        ("entities", "short-words"),
        ("entities", "punctuation-only"),
    ] {
        let (Some(small), Some(large)) = (peak(stage, case, 2_000_000), peak(stage, case, 6_000_000)) else { return };
        // What still grows is bounded: the tagger's caches fill up to ~30 MB.
        assert!(
            large < small + (16 << 20),
            "{stage} on {case}: {} MB at 2 MB, {} MB at 6 MB",
            small >> 20,
            large >> 20
        );
    }
}
