//! Datelines: the place a story was filed from, at the start of its first
//! sentence (`LAGOS (Reuters) -`, `KYIV, Ukraine (AP) —`, `SEOUL, Dec 3
//! (Reuters) -`, `WASHINGTON —`).
//!
//! The 1996 training data writes its datelines as `LONDON 1996-08-30`, so
//! the tagger has never seen a place before `(Reuters) -` and reads
//! `SAN FRANCISCO (Reuters)` as an organisation's name. The form of a
//! dateline is a convention of the trade rather than something to learn,
//! so it is read by rule and its places override the tagger: up to four
//! all-caps words at the start of a sentence (or two such places joined by
//! a slash: `LOS ANGELES / NEW YORK (Reuters) -`), then optionally a comma and a
//! region (`Ukraine`, `Ill.`), then optionally a date (`Dec 3`), then
//! optionally a bracketed agency, then a dash, then running text. Sports
//! headlines of the same shape (`SOCCER - JAPAN GET LUCKY WIN`) are all
//! caps after the dash, and desk labels (`EXCLUSIVE -`) are listed, so
//! neither is taken for a place.

use std::borrow::Cow;

use crate::features::{CaseClass, case_class, normalized};

/// Words a wire puts where a dateline goes that are not places.
const DESK_LABELS: &[&str] = &[
    "ANALYSIS",
    "BREAKING",
    "BREAKINGVIEWS",
    "COLUMN",
    "COMMENT",
    "CORRECTED",
    "EDITORIAL",
    "EXCLUSIVE",
    "EXPLAINER",
    "FACTBOX",
    "FEATURE",
    "FOCUS",
    "INSIGHT",
    "INTERVIEW",
    "LIVE",
    "OBITUARY",
    "OPINION",
    "POLL",
    "REFILE",
    "REVIEW",
    "UPDATE",
    "UPDATED",
    "VIDEO",
    "WATCH",
    "WRAPUP",
];

/// Tokens read: the longest dateline and six words of the text after it.
const LOOKAHEAD: usize = 32;

/// Month names and their abbreviations, which start a date, not a region.
const MONTHS: &[&str] = &[
    "Jan",
    "January",
    "Feb",
    "February",
    "Mar",
    "March",
    "Apr",
    "April",
    "May",
    "Jun",
    "June",
    "Jul",
    "July",
    "Aug",
    "August",
    "Sep",
    "Sept",
    "September",
    "Oct",
    "October",
    "Nov",
    "November",
    "Dec",
    "December",
];

/// The places of a dateline at the start of `sentence` (its tokens), as
/// token ranges `(first, end)`: the all-caps place and, when there is one,
/// the region after its comma. Empty when the sentence does not open with a
/// dateline. The sentence splitter may end a sentence at the dateline's
/// dash, so the running text after it is looked for in `next`, the tokens
/// of the following sentence, too. `is_common_word` says whether an
/// all-caps word is, in running text, usually written in lowercase.
pub fn dateline_places<S: AsRef<str>>(
    sentence: &[S],
    next: &[S],
    mut is_common_word: impl FnMut(&str) -> bool,
) -> Vec<(usize, usize)> {
    if !sentence.first().is_some_and(|w| is_caps_place_word(w.as_ref())) {
        return Vec::new();
    }
    // A dateline is at most a dozen tokens; the check reads no further
    // than the start of the running text.
    let forms: Vec<Cow<'_, str>> =
        sentence.iter().chain(next).take(LOOKAHEAD).map(|w| normalized(w.as_ref())).collect();
    let form = |i: usize| forms.get(i).map_or("", |f| &**f);
    let place = (0..sentence.len().min(5)).take_while(|&i| is_caps_place_word(form(i))).count();
    if place == 0 || place > 4 || (place == 1 && DESK_LABELS.contains(&form(0))) {
        return Vec::new();
    }
    let mut places = vec![(0, place)];
    let mut i = place;
    // A story filed from two places: `LOS ANGELES / NEW YORK (Reuters) -`.
    while form(i) == "/" {
        let second = i + 1;
        let n = (second..sentence.len().min(second + 4)).take_while(|&j| is_caps_place_word(form(j))).count();
        if n == 0 {
            return Vec::new();
        }
        places.push((second, second + n));
        i = second + n;
    }
    // A bare place and dash is also how 1996 wire copy labelled sections
    // (`GERMANY - Bunds extended losses`, `NOTE - ...`); today's bare
    // datelines (`WASHINGTON —`) use a typographic dash, so a bare place
    // counts only before one of those, and only if it is not made of
    // common words.
    let mut marked = false;
    if form(i) == "," {
        marked = true;
        i += 1;
        let region = i;
        while i < region + 3 && is_region_word(form(i)) {
            i += 1;
        }
        if i > region {
            places.push((region, i));
        }
        if form(i) == "," {
            i += 1;
        }
        if MONTHS.contains(&form(i).trim_end_matches('.')) {
            i += 1;
            if case_class(form(i)) == CaseClass::Digit {
                i += 1;
            }
        }
    }
    if form(i) == "(" {
        let close = (i + 1..forms.len().min(i + 5)).find(|&j| form(j) == ")");
        let Some(close) = close.filter(|&c| c > i + 1) else { return Vec::new() };
        let names = (i + 1..close).all(|j| matches!(case_class(form(j)), CaseClass::Initial | CaseClass::AllCaps));
        if !names {
            return Vec::new();
        }
        marked = true;
        i = close + 1;
    }
    // A dateline opens a story: running text follows its dash.
    let dash = match sentence.get(i).map(AsRef::as_ref) {
        // Section labels take the same form (`FAREWELL — "The Living Room
        // to close," by ...`, `QUESTIONABLE MEDICAL CLAIMS —`): common
        // words, or a quotation after the dash.
        Some("\u{2014}" | "\u{2013}") => {
            marked || (!(0..place).any(|k| is_common_word(form(k))) && form(i + 1) != "\"")
        }
        Some("-" | "--") => marked,
        _ => false,
    };
    if dash && running_text(&forms, i + 1) { places } else { Vec::new() }
}

/// True for a word of an all-caps place name: letters (two or more in all,
/// or an initial with its full stop), with `.`, `-` or `'` inside.
fn is_caps_place_word(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    letters >= 1
        && w.chars().all(|c| c.is_uppercase() || matches!(c, '.' | '-' | '\''))
        && (letters >= 2 || w.ends_with('.'))
}

/// True for a word of a region after a dateline's comma: `Ukraine`,
/// `Ill.`, `New`, `N.Y.`, but not a month.
fn is_region_word(w: &str) -> bool {
    matches!(case_class(w), CaseClass::Initial | CaseClass::AllCaps | CaseClass::Single)
        && !MONTHS.contains(&w.trim_end_matches('.'))
}

/// True when the words from `from` on read as running text: of the first
/// six with letters, at least two have a lowercase letter.
fn running_text(words: &[Cow<'_, str>], from: usize) -> bool {
    words
        .iter()
        .skip(from)
        .filter(|w| w.chars().any(char::is_alphabetic))
        .take(6)
        .filter(|w| w.chars().any(char::is_lowercase))
        .count()
        >= 2
}

#[cfg(test)]
mod tests {
    use super::dateline_places;

    /// A stand-in for the model's lexicon.
    fn is_common(word: &str) -> bool {
        ["FAREWELL", "MOVING", "SHOP", "QUESTIONABLE", "MEDICAL", "CLAIMS"].contains(&word)
    }

    fn check(sentence: &str, expect: &[&str]) {
        let words: Vec<&str> = sentence.split(' ').collect();
        let found: Vec<String> =
            dateline_places(&words, &[], is_common).iter().map(|&(a, b)| words[a..b].join(" ")).collect();
        assert_eq!(found, expect, "in {sentence:?}");
        // The same, with the splitter's sentence break after the dash.
        let Some(dash) = words.iter().position(|w| matches!(*w, "-" | "—")) else { return };
        let (first, next) = words.split_at(dash + 1);
        let found: Vec<String> =
            dateline_places(first, next, is_common).iter().map(|&(a, b)| words[a..b].join(" ")).collect();
        assert_eq!(found, expect, "in {sentence:?}");
    }

    #[test]
    fn datelines() {
        check("LAGOS ( Reuters ) - Nigeria 's central bank raised rates .", &["LAGOS"]);
        check("SAN FRANCISCO ( Reuters ) - Nvidia shares rose on Thursday .", &["SAN FRANCISCO"]);
        check("KYIV , Ukraine ( AP ) — Russian drones struck the city overnight .", &["KYIV", "Ukraine"]);
        check("SPRINGFIELD , Ill. ( AP ) — The governor signed the bill .", &["SPRINGFIELD", "Ill."]);
        check("SEOUL , Dec 3 ( Reuters ) - President Yoon declared martial law .", &["SEOUL"]);
        check("NEW YORK , March 14 ( Reuters ) - Stocks fell on Friday .", &["NEW YORK"]);
        check("WASHINGTON — The Supreme Court agreed to hear the case .", &["WASHINGTON"]);
        check("BOSTON – The city council voted on Tuesday .", &["BOSTON"]);
        check("ST. LOUIS ( AP ) — The team said it would move .", &["ST. LOUIS"]);
        check("PARIS / BERLIN ( Reuters ) - Both governments backed the plan .", &["PARIS", "BERLIN"]);
        check("SAO PAULO / MEXICO CITY ( Reuters ) - Latin American stocks rose .", &["SAO PAULO", "MEXICO CITY"]);
    }

    #[test]
    fn look_alikes_are_not_datelines() {
        // Sports headlines of the CoNLL era: all caps after the dash.
        check("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT .", &[]);
        check("EXCLUSIVE - Apple plans to build its own modem chips .", &[]);
        check("LONDON 1996-08-30", &[]);
        check("NATO said on Monday it would send more troops .", &[]);
        check("The CEO ( Reuters ) - said nothing .", &[]);
        check("LAGOS ( reuters said ) - nothing .", &[]);
        check("WASHINGTON", &[]);
        check("GERMANY - Bunds extended losses , flirting with session lows .", &[]);
        check("IPO FILING -- Acme Corp filed for an offering .", &[]);
        check("WASHINGTON -- The Senate voted on Tuesday .", &[]);
        check("MOVING SHOP — \" Art gallery opening across from museum , \" by Jane Doe .", &[]);
        check("QUESTIONABLE MEDICAL CLAIMS — The campaign said on Monday .", &[]);
        check("PSA — \" You have until the end of December , \" by Jane Doe .", &[]);
        check("WASHINGTON -", &[]);
        check("PARIS / ( Reuters ) - Both governments backed the plan .", &[]);
        check("N / A - The figure was not given .", &[]);
        check("", &[]);
    }
}
