//! The `tokens` stage (after the stages it needs) on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|text: &str| byline_fuzz::check_stage("tokens", text));
