//! Pathological inputs for every stage, and a measurer of one stage's time
//! and peak memory on one of them.
//!
//! Linear time and bounded memory on any input are invariants of every
//! stage (see `docs/architecture.md`). This crate makes them a checked
//! property: [`CASES`] is a catalogue of degenerate texts (no punctuation,
//! punctuation only, one long word, quote marks only, thousands of cue
//! verbs or capitalised words, digit runs, emoji, control characters...),
//! each generated at any size; [`measure`] runs one stage of the default
//! pipeline on one of them, after the stages it needs, and reports the
//! stage's own time and peak memory. `scripts/scaling.sh` measures every
//! stage on every case at 1 MB and 4 MB (one process per measurement, so
//! peaks do not mix) and fails when either grows more than ~4.5x; the
//! `pathological` bench group times the same runs.
#![deny(missing_docs)]

use std::time::{Duration, Instant};

use byline_core::{Document, Pipeline, Stage};

/// One shape of hostile text.
#[derive(Clone, Copy, Debug)]
pub struct Case {
    /// Short name, used on the command line.
    pub name: &'static str,
    /// What the text looks like.
    pub what: &'static str,
    /// The text: `unit(i)` for `i = 0, 1, 2, ...`, concatenated.
    unit: fn(usize) -> String,
}

/// A small deterministic pseudo-random number for piece `i`, so that texts
/// vary without a random-number crate and are the same on every run.
fn mix(i: usize) -> usize {
    let mut x = (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    x ^= x >> 29;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    (x ^ (x >> 32)) as usize
}

const SYLLABLES: [&str; 16] =
    ["ka", "lo", "mer", "dan", "vi", "tor", "sel", "bru", "na", "fen", "o", "rik", "as", "ple", "gu", "zem"];

/// A made-up lower-case word of two to four syllables.
fn word(i: usize) -> String {
    let r = mix(i);
    (0..2 + r % 3).map(|k| SYLLABLES[(r >> (4 * k + 2)) % SYLLABLES.len()]).collect()
}

/// `word(i)` with a capital letter.
fn capitalised(i: usize) -> String {
    let w = word(i);
    let mut c = w.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or(w)
}

/// The catalogue of hostile inputs.
pub const CASES: &[Case] = &[
    Case {
        name: "punctuation-only",
        what: "sentences of lone periods, exclamation and question marks",
        unit: |i| [". . . . ", "! ", "?\n", ".\n"][i % 4].to_owned(),
    },
    Case {
        name: "no-punctuation",
        what: "made-up lower-case words and no punctuation or line break at all",
        unit: |i| word(i) + " ",
    },
    Case { name: "short-words", what: "`a a a a ...`", unit: |_| "a ".to_owned() },
    Case {
        name: "one-long-word",
        what: "letters without a space: one token",
        unit: |i| SYLLABLES[i % SYLLABLES.len()].to_owned(),
    },
    Case {
        name: "quote-marks",
        what: "straight and curly quote marks and nothing else",
        unit: |i| ["\"", "“", "”", "'", "‘", "’", "«", "»", " "][mix(i) % 9].to_owned(),
    },
    Case {
        name: "unbalanced-marks",
        what: "words after opening quotes and brackets that never close",
        unit: |i| ["“", "(", "[", "‘", "\"", "«"][i % 6].to_owned() + &word(i) + " ",
    },
    Case {
        name: "cue-verbs",
        what: "thousands of speech verbs and names around them",
        unit: |i| {
            let verb = ["said", "told", "added", "says", "according to", "warned", "asked"][i % 7];
            format!("{} {verb} {} ", capitalised(i), word(i + 1))
        },
    },
    Case {
        name: "capitalised-words",
        what: "made-up capitalised words without punctuation: one long name",
        unit: |i| capitalised(i) + " ",
    },
    Case {
        name: "digit-runs",
        what: "long digit runs, grouped numbers, decimals, percentages and money",
        unit: |i| match i % 4 {
            0 => "0123456789".repeat(1 + mix(i) % 20) + " ",
            1 => "1,234,567,890.25 ".to_owned(),
            2 => format!("{}% ${}.{} ", mix(i) % 1000, mix(i + 1) % 100_000, mix(i + 2) % 100),
            _ => "9".repeat(40) + "th ",
        },
    },
    Case {
        name: "emoji-combining",
        what: "flags, ZWJ families, skin tones and stacked combining marks",
        unit: |i| ["🇯🇵", "👩\u{200d}👩\u{200d}👧", "👍🏽", "e\u{301}\u{302}\u{303}", "\u{301}", " "][i % 6].to_owned(),
    },
    Case {
        name: "control-characters",
        what: "NUL bytes, escapes, bells, form feeds and ANSI colour codes",
        unit: |i| ["\0", "\u{1b}[31m", "\u{7}", "\u{c}", "\r", "\u{7f}", "\0\0\0"][i % 7].to_owned(),
    },
];

/// The case called `name`.
pub fn case(name: &str) -> Option<&'static Case> {
    CASES.iter().find(|c| c.name == name)
}

impl Case {
    /// The case's text, `bytes` long or a few bytes shorter (it ends on a
    /// character boundary).
    pub fn text(&self, bytes: usize) -> String {
        let mut text = String::with_capacity(bytes + 64);
        let mut i = 0;
        while text.len() < bytes {
            text.push_str(&(self.unit)(i));
            i += 1;
        }
        let mut end = bytes.min(text.len());
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        text.truncate(end);
        text
    }
}

/// The default pipeline, whose stages are measured.
pub fn default_pipeline() -> Pipeline {
    match byline_cli::default_pipeline() {
        Ok(pipeline) => pipeline,
        Err(e) => panic!("the built-in default pipeline does not build: {e}"),
    }
}

/// The names of the default pipeline's stages, in order.
pub fn stage_names(pipeline: &Pipeline) -> Vec<String> {
    pipeline.stages().iter().map(|s| s.name().to_owned()).collect()
}

/// One stage's cost on one text.
#[derive(Clone, Copy, Debug)]
pub struct Measurement {
    /// Time the stage took.
    pub time: Duration,
    /// The stage's peak resident memory above what the process held before
    /// it ran (text and earlier layers), when the OS reports it.
    pub peak_bytes: Option<u64>,
    /// The process's whole peak resident memory while the stage ran.
    pub process_peak_bytes: Option<u64>,
}

/// Runs the stages before `stage` on `text` (untimed), then `stage`, and
/// measures it. `None` when the pipeline has no such stage.
pub fn measure(pipeline: &Pipeline, stage: &str, text: &str) -> Option<Result<Measurement, String>> {
    let stages = pipeline.stages();
    let at = stages.iter().position(|s| s.name() == stage)?;
    let mut doc = Document::new("scaling", text);
    for earlier in &stages[..at] {
        if let Err(e) = earlier.process(&mut doc) {
            return Some(Err(format!("{}: {e}", earlier.name())));
        }
    }
    Some(time_stage(stages[at].as_ref(), &mut doc))
}

/// Runs every stage of `pipeline` on `text` in turn, measuring each.
pub fn measure_all(pipeline: &Pipeline, text: &str) -> Result<Vec<(String, Measurement)>, String> {
    let mut doc = Document::new("scaling", text);
    let stages = pipeline.stages().iter();
    stages.map(|stage| Ok((stage.name().to_owned(), time_stage(stage.as_ref(), &mut doc)?))).collect()
}

/// Times one stage and measures its peak memory.
fn time_stage(stage: &dyn Stage, doc: &mut Document) -> Result<Measurement, String> {
    let before = memory::reset_peak();
    let start = Instant::now();
    let result = stage.process(doc);
    let time = start.elapsed();
    let process_peak_bytes = memory::peak();
    let peak_bytes = before.and_then(|b| process_peak_bytes.map(|p| p.saturating_sub(b)));
    result.map_err(|e| format!("{}: {e}", stage.name()))?;
    Ok(Measurement { time, peak_bytes, process_peak_bytes })
}

/// Peak resident memory of this process, from Linux's `/proc`.
pub mod memory {
    /// A field of `/proc/self/status`, in bytes.
    fn status(field: &str) -> Option<u64> {
        let status = std::fs::read_to_string("/proc/self/status").ok()?;
        let line = status.lines().find(|l| l.starts_with(field))?;
        let kb: u64 = line[field.len()..].trim().trim_end_matches("kB").trim().parse().ok()?;
        Some(kb * 1024)
    }

    /// Resets the peak to the current resident memory (writing `5` to
    /// `/proc/self/clear_refs`) and returns it; `None` where that is not
    /// possible (not Linux, or a kernel without it).
    pub fn reset_peak() -> Option<u64> {
        std::fs::write("/proc/self/clear_refs", "5").ok()?;
        status("VmRSS:")
    }

    /// The peak resident memory since the last reset (or the start).
    pub fn peak() -> Option<u64> {
        status("VmHWM:")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_case_gives_text_of_the_size_asked() {
        for case in CASES {
            for bytes in [0, 1, 1000, 65_537] {
                let text = case.text(bytes);
                assert!(text.len() <= bytes && text.len() + 4 > bytes, "{}: {} for {bytes}", case.name, text.len());
            }
            assert_eq!(case.text(5000), case.text(5000), "{} is deterministic", case.name);
        }
    }

    #[test]
    fn names_are_unique_and_found() {
        for c in CASES {
            assert_eq!(case(c.name).map(|f| f.name), Some(c.name));
        }
        assert!(case("nothing").is_none());
    }
}
