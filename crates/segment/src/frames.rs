//! Text that frames a story or a message and ends a sentence by its place
//! and shape rather than by punctuation: datelines (`WASHINGTON (Reuters)
//! —`), sign-offs (`Regards,`), captions (`Figure 1.5`), date-time stamps
//! of mail headers (`04/26/2001 07:17 AM`), separator lines (`*****`,
//! `=====`) and emoticons after the punctuation (`great. :-)`).
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
    let upper = |k: usize| char_at(text, k).filter(|_| k < end).is_some_and(char::is_uppercase);
    if !upper(i) {
        return None;
    }
    // The place: capital letters (`ZÜRICH`), spaces, periods, hyphens, apostrophes.
    let mut p = i;
    let mut letters = 0;
    while p < end && p - i < 40 {
        let Some(c) = char_at(text, p) else { break };
        match c {
            _ if c.is_uppercase() => letters += 1,
            '.' | '-' | '\'' => {}
            ' ' if upper(p + 1) && bytes.get(p + 2) != Some(&b' ') => {}
            _ => break,
        }
        p += c.len_utf8();
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
    // Cheap test first: a comma within the length of the longest phrase.
    let window = bytes.get(i..end.min(i + 18))?;
    if !window.contains(&b',') {
        return None;
    }
    let rest = text.get(i..end)?;
    let phrase = SIGN_OFFS.iter().find(|s| rest.starts_with(**s) && rest[s.len()..].starts_with(", "))?;
    let comma = i + phrase.len() + 1;
    let name = crate::sentences::skip_space(text, comma, end);
    bytes.get(name).is_some_and(u8::is_ascii_uppercase).then_some(comma)
}

/// A caption label at `i` followed by a capitalised caption or sentence:
/// `Figure 1.5 Residents of Boxborough...`, `Table 3 Results`. Returns the
/// end of the number. (`Figure 1.5 shows...` goes on: lower case.)
pub(crate) fn caption_at(text: &str, i: usize, end: usize) -> Option<usize> {
    if !matches!(text.as_bytes().get(i)?, b'F' | b'T' | b'C' | b'M' | b'E' | b'P') {
        return None;
    }
    let rest = text.get(i..end)?;
    let label = ["Figure ", "Fig. ", "Table ", "Chart ", "Map ", "Exhibit ", "Plate "]
        .into_iter()
        .find(|l| rest.starts_with(l))?;
    let bytes = rest.as_bytes();
    let mut p = label.len();
    let number_start = p;
    while p < bytes.len()
        && (bytes[p].is_ascii_digit()
            || (bytes[p] == b'.' && p > number_start && bytes.get(p + 1).is_some_and(u8::is_ascii_digit)))
    {
        p += 1;
    }
    if p == number_start || bytes.get(p) != Some(&b' ') || !bytes.get(p + 1).is_some_and(u8::is_ascii_uppercase) {
        return None;
    }
    Some(i + p)
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

/// A date-time stamp whose date starts at `i`: `04/26/2001 07:17 AM`,
/// `3/9/2005 11:16:00 PM`, `04/25/01 12:42:55`, as mail and forum software
/// writes them in headers. Returns its end.
pub(crate) fn timestamp_at(text: &str, i: usize, end: usize) -> Option<usize> {
    let bytes = text.get(..end)?.as_bytes();
    let digits = |p: usize, min: usize, max: usize| -> Option<usize> {
        let n = bytes.get(p..)?.iter().take(max + 1).take_while(|b| b.is_ascii_digit()).count();
        (min..=max).contains(&n).then_some(p + n)
    };
    let p = digits(i, 1, 2)?;
    let p = digits(p.checked_add(1).filter(|_| bytes.get(p) == Some(&b'/'))?, 1, 2)?;
    let p = digits(p.checked_add(1).filter(|_| bytes.get(p) == Some(&b'/'))?, 2, 4)?;
    let p = digits(p.checked_add(1).filter(|_| bytes.get(p) == Some(&b' '))?, 1, 2)?;
    let mut p = digits(p.checked_add(1).filter(|_| bytes.get(p) == Some(&b':'))?, 2, 2)?;
    if bytes.get(p) == Some(&b':') {
        p = digits(p + 1, 2, 2)?;
    }
    let meridian = |q: usize| {
        bytes.get(q..q + 2).is_some_and(|m| m.eq_ignore_ascii_case(b"am") || m.eq_ignore_ascii_case(b"pm"))
            && !bytes.get(q + 2).is_some_and(u8::is_ascii_alphanumeric)
    };
    if meridian(p) {
        p += 2;
    } else if bytes.get(p) == Some(&b' ') && meridian(p + 1) {
        p += 3;
    }
    let ends = p == bytes.len() || char_at(text, p).is_some_and(is_space);
    ends.then_some(p)
}

/// Emoji after terminal punctuation (`Béranger. 🎂`): pictographs with
/// their modifiers, joiners and variation selectors, before whitespace or
/// the end. Returns their end.
pub(crate) fn emoji_at(text: &str, i: usize, end: usize) -> Option<usize> {
    let mut p = i;
    let mut pictographs = 0;
    while p < end && p - i < 64 {
        let Some(c) = char_at(text, p) else { break };
        if is_pictograph(c) {
            pictographs += 1;
        } else if !crate::chars::is_attaching(c) {
            break;
        }
        p += c.len_utf8();
    }
    let ends = p == end || char_at(text, p).is_some_and(is_space);
    (pictographs > 0 && ends).then_some(p)
}

/// Emoji and pictographic symbols.
fn is_pictograph(c: char) -> bool {
    matches!(c, '\u{1f300}'..='\u{1faff}' | '\u{2600}'..='\u{27bf}' | '\u{1f000}'..='\u{1f2ff}' | '\u{2b50}' | '\u{2b55}')
}

/// Emoticons, longest first where one is a prefix of another.
const EMOTICONS: &[&str] = &[
    ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ";-)", ":'(", ">:(", "^_^", "^.^", ":)", ":(", ":D", ":P", ":p", ":/",
    ":O", ":o", ":3", ";)", ";P", ";D", "=)", "=(", "=D", "=P", "=]", ":]", "^^", "XD", "xD", "<3",
];

/// An emoticon at `i` standing before whitespace or the end. Returns its end.
pub(crate) fn emoticon_at(text: &str, i: usize, end: usize) -> Option<usize> {
    if !matches!(text.as_bytes().get(i)?, b':' | b';' | b'=' | b'^' | b'>' | b'<' | b'X' | b'x') {
        return None;
    }
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
            ("ZÜRICH — Ségolène", Some("ZÜRICH —")),
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
    fn captions() {
        for (text, expect) in [
            ("Figure 1.5 Residents of Boxborough", Some("Figure 1.5")),
            ("Table 3 Results by county", Some("Table 3")),
            ("Figure 1.5 shows the trend", None),
            ("Figure skating is fun", None),
        ] {
            assert_eq!(unit(caption_at, text), expect, "{text}");
        }
    }

    #[test]
    fn timestamps() {
        for (text, expect) in [
            ("04/26/2001 07:17 AM Will", Some("04/26/2001 07:17 AM")),
            ("3/9/2005 11:16:00 PM", Some("3/9/2005 11:16:00 PM")),
            ("04/25/01 12:42:55 We", Some("04/25/01 12:42:55")),
            ("08/08/2000 11:36am have", Some("08/08/2000 11:36am")),
            ("04/26/2001 at noon", None),
            ("4/26 07:17", None),
            ("04/26/2001 07:17 AMEX", Some("04/26/2001 07:17")),
        ] {
            assert_eq!(unit(timestamp_at, text), expect, "{text}");
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
