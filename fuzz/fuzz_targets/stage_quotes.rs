//! The `quotes` stage (after the stages it needs) on arbitrary text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(init: byline_fuzz::warm_up(), |data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        byline_fuzz::check_stage("quotes", text);
    }
});
