//! Terminal escape sequences are control, not text: the digits inside
//! `\x1b[31m` are no number (issue 13), and numbers around them still are.

mod common;

use common::check;

#[test]
fn digits_inside_terminal_escapes_are_no_numbers() {
    check(&[
        ("\x1b[31mred\x1b[0m text", &[]),
        ("\x1b[1;31mAlert\x1b[0m", &[]),
        ("\x1b[38;5;208mOrange", &[]),
        ("\u{9b}31mC1 form", &[]),
        ("\x1b]0;window 42 title\x07done", &[]),
        ("\x1b]8;;http://example.com/5\x1b\\link\x1b]8;;\x1b\\", &[]),
        ("The road is \x1b[31m12 km\x1b[0m long.", &["12 km = quantity 12 kilometer"]),
        ("\x1b[32m40 people\x1b[0m came", &["40 = cardinal 40"]),
        ("It cost $5\x1b[0m.", &["$5 = money 5 USD"]),
        // A lone ESC hides nothing beyond its own byte.
        ("3 dogs\x1b", &["3 = cardinal 3"]),
        ("\x1b", &[]),
        ("an unterminated \x1b]title 7\nwith 9 lines", &["9 = cardinal 9"]),
    ]);
}
