//! Arbitrary pipeline files: a pipeline or diagnostics, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|spec: &str| {
    byline_cli::link_stage_crates();
    if let Err(e) = byline_core::Pipeline::from_toml(spec, "fuzz.toml") {
        assert!(!e.diagnostics.is_empty());
        let _ = e.to_string();
    }
});
