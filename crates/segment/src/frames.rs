//! Text that frames a story or a message and ends a sentence by its place
//! and shape rather than by punctuation: datelines (`WASHINGTON (Reuters)
//! —`), sign-offs (`Regards,`), separator lines (`*****`, `=====`) and
//! emoticons (`:-)`).
//!
//! Treebanks (UD English) and readers treat each as a unit of its own: the
//! dateline is not part of the lead sentence, the sign-off not part of the
//! name under it, and an emoticon closes the sentence it follows. Each
//! reader here looks at a few dozen bytes at most.

use crate::chars::{char_at, is_dash, is_space};

/// A dateline at `i`: a place in capitals, optionally `, State`, optionally
/// `(Agency)`, then a dash. Returns the end of the dash.
///
/// `PORTLAND, Ore. (Byline Wire) —`, `TEHRAN (AFP) -`, `NEW YORK --`.
pub(crate) fn dateline_at(text: &str, i: usize, end: usize) -> Option<usize> {
    let bytes = text.get(..end)?.as_bytes();
    if !(bytes.get(i)?.is_ascii_uppercase() && bytes.get(i + 1)?.is_ascii_uppercase()) {
        return None;
    }
    // The place: capital letters, spaces, periods, hyphens, apostrophes.
    let mut p = i;
    let mut letters = 0;
    while p < bytes.len() && p - i < 40 {
        match bytes[p] {
            b'A'..=b'Z' => letters += 1,
            b'.' | b'-' | b'\'' => {}
            b' ' if bytes.get(p + 1).is_some_and(u8::is_ascii_uppercase) && bytes.get(p + 2) != Some(&b' ') => {}
            _ => break,
        }
        p += 1;
    }
    if letters < 3 || bytes.get(p - 1).is_some_and(|b| *b == b'-') {
        return None;
    }
    let mut qualified = false;
    // `, Ore.`, `, United Arab Emirates`: up to four capitalised words.
    if bytes.get(p) == Some(&b',') && bytes.get(p + 1) == Some(&b' ') {
        let mut q = p + 2;
        let mut words = 0;
        while words < 4 && bytes.get(q).is_some_and(u8::is_ascii_uppercase) {
            while q < bytes.len() && (bytes[q].is_ascii_alphabetic() || bytes[q] == b'.') {
                q += 1;
            }
            words += 1;
            if bytes.get(q) == Some(&b' ') && bytes.get(q + 1).is_some_and(u8::is_ascii_uppercase) {
                q += 1;
            }
        }
        if words == 0 {
            return None;
        }
        p = q;
        qualified = true;
    }
    // `(Reuters)`.
    if bytes.get(p) == Some(&b' ') && bytes.get(p + 1) == Some(&b'(') {
        let close = bytes[p + 2..].iter().take(32).position(|&b| b == b')')?;
        p = p + 2 + close + 1;
        qualified = true;
    }
    // The dash: `-`, `--`, `—`, `–`, with a space before and after.
    if bytes.get(p) != Some(&b' ') {
        return None;
    }
    p += 1;
    let dash_start = p;
    while let Some(c) = char_at(text, p).filter(|_| p < end) {
        if c == '-' || is_dash(c) {
            p += c.len_utf8();
        } else {
            break;
        }
    }
    let dash = text.get(dash_start..p)?;
    // A bare `WORD -` is a heading or shouting (`FYI -`, `MUST READ -`);
    // a dateline has an agency or a state, or a true dash.
    let true_dash = dash == "--" || (dash.chars().count() == 1 && dash != "-");
    let next = crate::sentences::skip_space(text, p, end);
    let sentence_follows = next > p && char_at(text, next).is_some_and(|c| c.is_uppercase() || c == '"' || c == '“');
    ((qualified && !dash.is_empty() && dash.len() <= 3 || true_dash) && sentence_follows).then_some(p)
}

/// Closing formulas of letters and e-mails.
const SIGN_OFFS: &[&str] = &[
    "Best regards",
    "Best wishes",
    "Cheers",
    "Cordially",
    "Kind regards",
    "Kindest regards",
    "Regards",
    "Respectfully",
    "Sincerely",
    "Take care",
    "Warm regards",
    "Warmest regards",
    "Yours sincerely",
    "Yours truly",
];

/// A sign-off at `i` followed by a capitalised name: `Regards, Debra`.
/// Returns the end of the comma.
pub(crate) fn sign_off_at(text: &str, i: usize, end: usize) -> Option<usize> {
    let bytes = text.get(..end)?.as_bytes();
    if !bytes.get(i)?.is_ascii_uppercase() {
        return None;
    }
    let rest = text.get(i..end)?;
    let phrase = SIGN_OFFS.iter().find(|s| rest.starts_with(**s) && rest[s.len()..].starts_with(", "))?;
    let comma = i + phrase.len() + 1;
    let name = crate::sentences::skip_space(text, comma, end);
    bytes.get(name).is_some_and(u8::is_ascii_uppercase).then_some(comma)
}

/// A separator line at `i`: three or more `*`, `=`, `~` or `#`, or five
/// or more `-`, standing between whitespace (`* * *` counts; underscores
/// are fill-in blanks, not separators). Returns its end.
pub(crate) fn separator_at(text: &str, i: usize, end: usize) -> Option<usize> {
    let bytes = text.get(..end)?.as_bytes();
    let first = *bytes.get(i)?;
    let min = match first {
        b'*' | b'=' | b'~' | b'#' => 3,
        b'-' => 5,
        _ => return None,
    };
    let mut p = i;
    let mut marks = 0;
    while p < bytes.len() {
        if bytes[p] == first {
            marks += 1;
        } else if !(bytes[p] == b' ' && bytes.get(p + 1) == Some(&first)) {
            break;
        }
        p += 1;
    }
    let ends = p == bytes.len() || char_at(text, p).is_some_and(is_space);
    (marks >= min && ends).then_some(p)
}

/// Emoticons, longest first where one is a prefix of another.
const EMOTICONS: &[&str] = &[
    ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ";-)", ":'(", ">:(", "^_^", "^.^", ":)", ":(", ":D", ":P", ":p", ":/",
    ":O", ":o", ":3", ";)", ";P", ";D", "=)", "=(", "=D", "=P", "=]", ":]", "^^", "XD", "xD", "<3",
];

/// An emoticon at `i` standing before whitespace or the end. Returns its end.
pub(crate) fn emoticon_at(text: &str, i: usize, end: usize) -> Option<usize> {
    let rest = text.get(i..end)?;
    let e = EMOTICONS.iter().find(|e| rest.starts_with(**e))?;
    let q = i + e.len();
    (q == end || char_at(text, q).is_some_and(is_space)).then_some(q)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(f: fn(&str, usize, usize) -> Option<usize>, text: &str) -> Option<&str> {
        f(text, 0, text.len()).map(|e| &text[..e])
    }

    #[test]
    fn datelines() {
        for (text, expect) in [
            ("WASHINGTON (Reuters) - The", Some("WASHINGTON (Reuters) -")),
            ("PORTLAND, Ore. (Byline Wire) — The", Some("PORTLAND, Ore. (Byline Wire) —")),
            ("NEW YORK -- Stocks", Some("NEW YORK --")),
            ("AL-AIN, United Arab Emirates (AP) — The", Some("AL-AIN, United Arab Emirates (AP) —")),
            ("SPRINGFIELD — The", Some("SPRINGFIELD —")),
            ("NATO said - no", None),
            ("MUST READ - Do not", None),
            ("TEHRAN (AFP) - An", Some("TEHRAN (AFP) -")),
            ("US - no", None),
            ("The CEO - no", None),
            ("WASHINGTON-based", None),
        ] {
            assert_eq!(unit(dateline_at, text), expect, "{text}");
        }
    }

    #[test]
    fn sign_offs() {
        for (text, expect) in [
            ("Regards, Debra Smith", Some("Regards,")),
            ("Sincerely, Sean", Some("Sincerely,")),
            ("Thanks, everyone, for coming.", None),
            ("Regardless, we", None),
        ] {
            assert_eq!(unit(sign_off_at, text), expect, "{text}");
        }
    }

    #[test]
    fn separators_and_emoticons() {
        for (text, expect) in [
            ("*** Bush", Some("***")),
            ("* * * Next", Some("* * *")),
            ("===== x", Some("=====")),
            ("--- x", None),
            ("** x", None),
            ("___ x", None),
            ("----- ----- x", Some("----- -----")),
        ] {
            assert_eq!(unit(separator_at, text), expect, "{text}");
        }
        for (text, expect) in [(":-) Posted", Some(":-)")), (":) ", Some(":)")), (":)x", None), ("=D", Some("=D"))] {
            assert_eq!(unit(emoticon_at, text), expect, "{text}");
        }
    }
}
