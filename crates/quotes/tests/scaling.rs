//! Linear time on hostile input: each pathological pattern at two sizes,
//! four times apart, must take well under sixteen times as long (what a
//! quadratic pass would take). The bound is generous (9x, best of three
//! runs) so a busy CI machine does not make it flaky.

use std::time::{Duration, Instant};

/// The patterns of issue 13 that reach the quotes stage: punctuation-only
/// sentences, only quote marks, unbalanced marks, thousands of cue verbs,
/// thousands of capitalised words, and a mix of marks and cues.
const PATTERNS: &[(&str, &str)] = &[
    ("spaced periods", ". . . . "),
    ("exclamations", "! "),
    ("question lines", "?\n"),
    ("period lines", ".\n"),
    ("straight marks", "\""),
    ("curly marks", "“”"),
    ("unbalanced marks", "“ ” “ “ ’ ' "),
    // Every kind of mark, no words: many quotations, each closing mark
    // after a long run of marks.
    ("mixed marks", "\"“”'‘’«» \"»“ ’"),
    ("spaced mixed marks", "\" “ ” ' ‘ ’ « » "),
    ("cue verbs", "said told added "),
    ("capitalised words", "Smith Jones Acme Corp "),
    ("marks and cues", "\"He said, "),
    ("colons and marks", "She said: “"),
];

fn best_of_three(text: &str) -> Duration {
    (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(byline_quotes::find(text));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

fn repeated(pattern: &str, bytes: usize) -> String {
    pattern.repeat(bytes / pattern.len() + 1)
}

#[test]
fn hostile_input_takes_linear_time() {
    const SMALL: usize = 256 * 1024;
    for &(name, pattern) in PATTERNS {
        let small = best_of_three(&repeated(pattern, SMALL));
        let large = best_of_three(&repeated(pattern, 4 * SMALL));
        // Below some milliseconds, timer noise dominates.
        let floor = Duration::from_millis(20);
        let ratio = large.as_secs_f64() / small.max(floor).as_secs_f64();
        assert!(ratio < 9.0, "{name}: {small:?} at 256 KB, {large:?} at 1 MB ({ratio:.1}x)");
    }
}
