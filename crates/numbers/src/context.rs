//! The words around a number that say it is not a quantity: a month before
//! it (a date), a name before it (`Boeing 737`), a determiner before `one`
//! (a pronoun), a preposition before a four-digit year, a street name after
//! it (an address). Every list here is small, lower-case and matched whole.

use crate::text::{
    Lower, digits_end, is_alpha, is_capitalized, lower, skip_spaces, skip_spaces_back, word_after, word_before,
    word_start,
};

/// Month names and abbreviations (`may` and `mar` need care: see [`month_before`]).
fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january"
            | "february"
            | "march"
            | "april"
            | "may"
            | "june"
            | "july"
            | "august"
            | "september"
            | "october"
            | "november"
            | "december"
            | "jan"
            | "feb"
            | "mar"
            | "apr"
            | "jun"
            | "jul"
            | "aug"
            | "sep"
            | "sept"
            | "oct"
            | "nov"
            | "dec"
    )
}

/// Weekday names.
pub(crate) fn is_weekday(w: &str) -> bool {
    matches!(
        w,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "mon"
            | "tue"
            | "tues"
            | "wed"
            | "thu"
            | "thur"
            | "thurs"
            | "fri"
            | "sat"
            | "sun"
    )
}

/// True when a month name ends just before `i` (after spaces, an optional
/// `.` and spaces): `May 4`, `Jan. 1`, `nov . 15`. Ambiguous words count
/// only in their date shape: `March`/`May` capitalised, or lower-case `may`
/// before a day.
pub(crate) fn month_before(b: &[u8], floor: usize, i: usize) -> bool {
    let mut end = skip_spaces_back(b, i);
    if end > floor && b[end - 1] == b'.' {
        end = skip_spaces_back(b, end - 1);
    }
    let start = word_start(b, end);
    if start == end || start < floor {
        return false;
    }
    let Some(w) = lower(b, start, end) else { return false };
    let w = w.as_str();
    if !is_month(w) {
        return false;
    }
    match w {
        "mar" | "march" => is_capitalized(b, start) || b.get(end) == Some(&b'.'),
        _ => true,
    }
}

/// True when a month name (or `of` + a month) starts after `i`: `4 May`,
/// `17th of March`.
pub(crate) fn month_after(b: &[u8], i: usize) -> bool {
    let Some((mut s, mut e)) = word_after(b, i) else { return false };
    if crate::text::word_is(b, s, e, "of") {
        let Some(next) = word_after(b, e) else { return false };
        (s, e) = next;
    }
    let Some(w) = lower(b, s, e) else { return false };
    match w.as_str() {
        "may" | "march" | "mar" => {
            is_capitalized(b, s) || crate::text::word_is(b, s, e, "may") && day_like_context(b, e)
        }
        other => is_month(other),
    }
}

/// After lower-case `may`: a year or the end of a clause, as in `1 may 2019`
/// or `on 1 may that year`.
fn day_like_context(b: &[u8], e: usize) -> bool {
    let (j, _) = skip_spaces(b, e);
    match b.get(j) {
        None => true,
        Some(c) if c.is_ascii_digit() || matches!(c, b',' | b'.') => true,
        _ => word_after(b, e).is_some_and(|(s, e)| crate::text::word_is(b, s, e, "that")),
    }
}

/// Words that may stand capitalised before a number without making it
/// part of a name: function words, qualifiers, pronouns, weekdays.
fn common_before_number(w: &str) -> bool {
    is_weekday(w)
        || matches!(
            w,
            "a" | "an"
                | "the"
                | "and"
                | "or"
                | "but"
                | "nor"
                | "of"
                | "in"
                | "on"
                | "at"
                | "by"
                | "for"
                | "from"
                | "to"
                | "with"
                | "without"
                | "about"
                | "around"
                | "over"
                | "under"
                | "below"
                | "above"
                | "after"
                | "before"
                | "since"
                | "until"
                | "till"
                | "during"
                | "through"
                | "within"
                | "into"
                | "onto"
                | "upon"
                | "per"
                | "plus"
                | "minus"
                | "than"
                | "then"
                | "as"
                | "like"
                | "near"
                | "nearly"
                | "almost"
                | "roughly"
                | "approximately"
                | "approx"
                | "circa"
                | "some"
                | "only"
                | "just"
                | "more"
                | "less"
                | "fewer"
                | "most"
                | "least"
                | "all"
                | "both"
                | "each"
                | "every"
                | "another"
                | "other"
                | "these"
                | "those"
                | "this"
                | "that"
                | "his"
                | "her"
                | "their"
                | "its"
                | "our"
                | "my"
                | "your"
                | "we"
                | "they"
                | "he"
                | "she"
                | "it"
                | "i"
                | "you"
                | "us"
                | "them"
                | "him"
                | "me"
                | "there"
                | "here"
                | "when"
                | "while"
                | "where"
                | "why"
                | "how"
                | "what"
                | "who"
                | "which"
                | "whose"
                | "if"
                | "so"
                | "yet"
                | "also"
                | "even"
                | "still"
                | "now"
                | "today"
                | "yesterday"
                | "tomorrow"
                | "tonight"
                | "including"
                | "excluding"
                | "across"
                | "against"
                | "among"
                | "amid"
                | "despite"
                | "via"
                | "versus"
                | "vs"
                | "between"
                | "beyond"
                | "toward"
                | "towards"
                | "up"
                | "down"
                | "off"
                | "out"
                | "exactly"
                | "precisely"
                | "estimated"
                | "total"
                | "many"
                | "several"
                | "no"
                | "not"
                | "never"
                | "was"
                | "were"
                | "is"
                | "are"
                | "be"
                | "been"
                | "has"
                | "have"
                | "had"
                | "will"
                | "would"
                | "could"
                | "should"
                | "can"
                | "might"
                | "must"
                | "did"
                | "do"
                | "does"
                | "said"
                | "says"
                | "say"
                | "ages"
                | "aged"
                | "age"
                | "another's"
                | "well"
                | "fully"
                | "barely"
                | "average"
                | "median"
                | "top"
                | "bottom"
        )
}

/// True when the number at `i` follows a name: a capitalised word (not a
/// function word), or a camel-case one (`iPhone`), with one space between
/// (`Boeing 737`, `Windows 11`, `Chapter 11`, `PA 23456`). Title-case
/// headlines are exempt: there every word is capitalised.
pub(crate) fn name_before(text: &str, floor: usize, i: usize) -> bool {
    let b = text.as_bytes();
    if i < 2 || b[i - 1] != b' ' || !is_alpha(b[i - 2]) {
        return false;
    }
    let end = i - 1;
    let start = crate::text::word_start(b, end);
    if start < floor {
        return false;
    }
    let word = &b[start..end];
    let capital = word[0].is_ascii_uppercase();
    let camel = word.len() > 2 && word[0].is_ascii_lowercase() && word[1..].iter().any(u8::is_ascii_uppercase);
    if !(capital || camel) {
        return false;
    }
    // `U.S. 500`, `Gen. 5` read as abbreviations, not names.
    if start > 0 && matches!(b[start - 1], b'.' | b'\'') {
        return false;
    }
    let Some(w) = Lower::of(word) else { return false };
    if common_before_number(w.as_str()) || month_like(w.as_str()) {
        return false;
    }
    if !crate::text::title_case_line(crate::text::line_around(text, i, 160)) {
        return true;
    }
    // In a title-case line every word is capitalised: only codes count
    // (`PA 16802`, `Resolution 36-01`), not verbs (`Storm Kills 12`).
    let all_caps = word.len() >= 2 && word.iter().all(|c| c.is_ascii_uppercase());
    let code_after = {
        let k = digits_end(b, i);
        b.get(k) == Some(&b'-') && b.get(k + 1).is_some_and(u8::is_ascii_digit)
    };
    all_caps || code_after
}

fn month_like(w: &str) -> bool {
    is_month(w)
}

/// Determiners and adjectives that make `one` a pronoun: `the one`, `which
/// one`, `no one`, `each one`.
pub(crate) fn pronoun_determiner(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "this"
            | "that"
            | "which"
            | "each"
            | "every"
            | "any"
            | "no"
            | "another"
            | "such"
            | "what"
            | "whichever"
            | "one"
            | "someone"
            | "anyone"
            | "little"
            | "big"
            | "new"
            | "old"
            | "right"
            | "wrong"
            | "last"
            | "next"
            | "previous"
            | "current"
            | "first"
            | "same"
            | "other"
            | "good"
            | "bad"
            | "loved"
            | "chosen"
    )
}

/// Words after `one` that make it a pronoun: `one another`,
/// `one who`, `one's`.
pub(crate) fn pronoun_follower(w: &str) -> bool {
    matches!(
        w,
        "of" | "another"
            | "who"
            | "whom"
            | "whose"
            | "which"
            | "that"
            | "else"
            | "by"
            | "after"
            | "can"
            | "could"
            | "would"
            | "should"
            | "must"
            | "might"
            | "may"
            | "does"
            | "did"
            | "thing"
            | "way"
            | "day"
            | "time"
            | "hand"
            | "side"
            | "place"
    )
}

/// Words before a four-digit number that make it a year: `in 2009`, `since
/// 1990`, `the 2020 election`.
pub(crate) fn year_cue(w: &str) -> bool {
    is_month(w)
        || matches!(
            w,
            "in" | "since"
                | "by"
                | "until"
                | "till"
                | "from"
                | "during"
                | "before"
                | "after"
                | "of"
                | "the"
                | "circa"
                | "early"
                | "late"
                | "mid"
                | "fiscal"
                | "fy"
                | "year"
                | "season"
                | "class"
                | "spring"
                | "summer"
                | "autumn"
                | "fall"
                | "winter"
                | "through"
                | "to"
                | "and"
                | "or"
                | "between"
                | "for"
                | "its"
                | "his"
                | "her"
                | "their"
                | "a"
                | "this"
                | "that"
                | "on"
                | "at"
                | "census"
                | "vintage"
        )
}

/// Plural nouns that count things (after a number they make it a count,
/// not a year): irregular plurals, as regular ones end in `s`.
pub(crate) fn count_noun(w: &str) -> bool {
    let irregular = matches!(
        w,
        "people"
            | "children"
            | "men"
            | "women"
            | "staff"
            | "police"
            | "personnel"
            | "cattle"
            | "sheep"
            | "fish"
            | "feet"
            | "teeth"
            | "mice"
            | "geese"
            | "troops"
            | "employees"
            | "workers"
            | "residents"
    );
    if irregular {
        return true;
    }
    w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && !matches!(
            w,
            "elections"
                | "olympics"
                | "games"
                | "finals"
                | "playoffs"
                | "midterms"
                | "results"
                | "figures"
                | "levels"
                | "always"
                | "perhaps"
                | "sometimes"
                | "besides"
                | "towards"
                | "afterwards"
                | "whereas"
                | "unless"
                | "thus"
                | "plus"
                | "series"
                | "census"
                | "earnings"
                | "accounts"
                | "statements"
                | "standards"
                | "rules"
                | "regulations"
                | "guidelines"
                | "estimates"
                | "projections"
                | "forecasts"
                | "polls"
                | "primaries"
                | "caucuses"
                | "championships"
                | "world"
                | "news"
                | "was"
                | "has"
                | "does"
                | "goes"
                | "says"
        )
}

/// Nouns a year modifies: `2005 levels`, `the 2020 election`.
pub(crate) fn year_noun(w: &str) -> bool {
    matches!(
        w,
        "levels"
            | "level"
            | "figures"
            | "figure"
            | "estimates"
            | "estimate"
            | "results"
            | "election"
            | "elections"
            | "census"
            | "budget"
            | "season"
            | "campaign"
            | "report"
            | "data"
            | "prices"
            | "price"
            | "rates"
            | "rate"
            | "values"
            | "standards"
            | "model"
            | "models"
            | "edition"
            | "survey"
            | "study"
            | "law"
            | "act"
    )
}

/// Verbs of change before `X to Y`, which then reads as a change, not a
/// range: `rose 5% to 10%`, `cut from 4% to 3%`.
pub(crate) fn change_verb(w: &str) -> bool {
    const BASES: &[&str] = &[
        "rise",
        "ris",
        "rose",
        "risen",
        "fall",
        "fell",
        "fallen",
        "increase",
        "increas",
        "decrease",
        "decreas",
        "grow",
        "grew",
        "grown",
        "jump",
        "climb",
        "drop",
        "dropp",
        "decline",
        "declin",
        "slip",
        "slipp",
        "plunge",
        "plung",
        "soar",
        "surge",
        "surg",
        "gain",
        "lose",
        "los",
        "lost",
        "raise",
        "rais",
        "lower",
        "boost",
        "reduce",
        "reduc",
        "slash",
        "trim",
        "trimm",
        "tumble",
        "tumbl",
        "sink",
        "sank",
        "rebound",
        "move",
        "mov",
        "change",
        "chang",
        "shift",
        "narrow",
        "widen",
        "swing",
        "swung",
        "advance",
        "advanc",
        "retreat",
        "edge",
        "edg",
        "dip",
        "dipp",
        "spike",
        "spik",
        "double",
        "doubl",
        "triple",
        "tripl",
        "halve",
        "halv",
        "hike",
        "hik",
        "expand",
        "shrink",
        "shrank",
        "contract",
        "cut",
        "slid",
        "slide",
        "by",
        "up",
        "down",
        "upgrade",
        "downgrade",
        "revise",
        "revis",
    ];
    let stems = [
        Some(w),
        w.strip_suffix("ing"),
        w.strip_suffix("ed"),
        w.strip_suffix('d'),
        w.strip_suffix("es"),
        w.strip_suffix('s'),
    ];
    stems.into_iter().flatten().any(|s| BASES.contains(&s))
}

/// Street words that make `123 Main Street` an address.
pub(crate) fn street_word(w: &str) -> bool {
    matches!(
        w,
        "street"
            | "st"
            | "avenue"
            | "ave"
            | "road"
            | "rd"
            | "boulevard"
            | "blvd"
            | "lane"
            | "ln"
            | "drive"
            | "dr"
            | "way"
            | "place"
            | "pl"
            | "court"
            | "ct"
            | "square"
            | "sq"
            | "highway"
            | "hwy"
            | "parkway"
            | "pkwy"
            | "terrace"
            | "crescent"
            | "close"
            | "plaza"
    )
}

/// True when capitalised words and then a street word follow `i`:
/// `123 Random Street`, `10 Downing St`.
pub(crate) fn address_after(b: &[u8], i: usize) -> bool {
    let mut pos = i;
    for n in 0..4 {
        let Some((s, e)) = word_after(b, pos) else { return false };
        if !is_capitalized(b, s) {
            return false;
        }
        if n > 0 && lower(b, s, e).is_some_and(|w| street_word(w.as_str())) {
            return true;
        }
        pos = e;
    }
    false
}

/// Angle words near a `degrees` quantity: `rotate 90 degrees`, `a 45
/// degrees angle`, `turn left 45 degrees`.
pub(crate) fn angle_context(text: &str, start: usize, end: usize) -> bool {
    let window =
        crate::text::inner_slice(text, start.saturating_sub(40), (end + 24).min(text.len())).to_ascii_lowercase();
    ["angle", "rotat", "turn", "tilt", "incline", "slope", "latitude", "longitude", "bank", "pitch", "heading", "arc"]
        .iter()
        .any(|w| window.contains(w))
}

/// Whole words of weather and temperature within a few words of a number
/// (`highs of 40C`, `a sweltering 104F`): what makes a glued `C` or `F` a
/// temperature rather than a code (`5C`, `13F`).
pub(crate) fn temperature_words_near(b: &[u8], start: usize, end: usize) -> bool {
    let lo = start.saturating_sub(64);
    let hi = (end + 48).min(b.len());
    let mut i = lo;
    while i < hi {
        if !is_alpha(b[i]) || (i > lo && is_alpha(b[i - 1])) {
            i += 1;
            continue;
        }
        let e = crate::text::word_end(b, i).min(hi);
        if lower(b, i, e).is_some_and(|w| weather_word(w.as_str())) {
            return true;
        }
        i = e;
    }
    false
}

fn weather_word(w: &str) -> bool {
    ["temperat", "swelter", "scorch", "sizzl", "heatwave", "freez", "thermomet", "frost"]
        .iter()
        .any(|p| w.starts_with(p))
        || matches!(
            w,
            "temp"
                | "temps"
                | "degree"
                | "degrees"
                | "heat"
                | "hot"
                | "hotter"
                | "hottest"
                | "warm"
                | "warmer"
                | "warmest"
                | "warming"
                | "cold"
                | "colder"
                | "coldest"
                | "cool"
                | "cooler"
                | "chilly"
                | "mercury"
                | "fever"
                | "weather"
                | "forecast"
                | "forecasters"
                | "high"
                | "highs"
                | "low"
                | "lows"
                | "celsius"
                | "fahrenheit"
                | "balmy"
                | "boiling"
                | "sunshine"
                | "climate"
                | "oven"
        )
}

/// Words before a temperature-or-angle `degrees` that say temperature.
pub(crate) fn temperature_context(text: &str, start: usize) -> bool {
    let window = crate::text::inner_slice(text, start.saturating_sub(48), start).to_ascii_lowercase();
    [
        "temperature",
        "temp",
        "warm",
        "cold",
        "heat",
        "hot",
        "cool",
        "degrees",
        "thermometer",
        "fever",
        "weather",
        "frost",
        "oven",
    ]
    .iter()
    .any(|w| window.contains(w))
}

/// Money words before a `pounds` amount: `cost 10 pounds`, `fined 500 pounds`.
pub(crate) fn money_context(b: &[u8], floor: usize, i: usize) -> bool {
    let mut end = i;
    for _ in 0..5 {
        let Some((s, e)) = word_before(b, end) else { return false };
        if s < floor {
            return false;
        }
        if let Some(w) = lower(b, s, e) {
            let w = w.as_str();
            let stem = w.trim_end_matches('s').trim_end_matches("ed").trim_end_matches("ing");
            if matches!(
                stem,
                "cost"
                    | "pay"
                    | "paid"
                    | "price"
                    | "pric"
                    | "fine"
                    | "fin"
                    | "worth"
                    | "spent"
                    | "spend"
                    | "earn"
                    | "salary"
                    | "wage"
                    | "bill"
                    | "fee"
                    | "charg"
                    | "charge"
                    | "donat"
                    | "donate"
                    | "budget"
                    | "loan"
                    | "debt"
                    | "bonus"
                    | "prize"
                    | "fund"
                    | "tax"
                    | "sold"
                    | "sell"
                    | "bought"
                    | "buy"
                    | "rais"
                    | "raise"
                    | "sterling"
                    | "award"
                    | "compensation"
                    | "damage"
                    | "bet"
                    | "wag"
                    | "rent"
                    | "invest"
                    | "sav"
                    | "save"
                    | "owe"
                    | "own"
                    | "afford"
                    | "cash"
                    | "money"
                    | "income"
                    | "profit"
                    | "revenue"
                    | "deal"
                    | "contract"
                    | "payment"
                    | "pension"
                    | "benefit"
                    | "ticket"
                    | "tuition"
                    | "cheque"
                    | "check"
                    | "pound"
            ) {
                return true;
            }
        }
        end = s;
    }
    false
}

/// Lexicalised compounds of `one` and the first ordinals that are no count
/// or rank: `one-time`, `one-off`, `first-hand`, `third-party`.
pub(crate) fn idiom_compound(number: &str, next: &str) -> bool {
    match number {
        "one" => matches!(
            next,
            "time"
                | "off"
                | "on"
                | "way"
                | "sided"
                | "stop"
                | "size"
                | "liner"
                | "liners"
                | "party"
                | "man"
                | "woman"
                | "shot"
                | "two"
                | "hit"
                | "note"
                | "horse"
                | "armed"
                | "eyed"
                | "handed"
                | "act"
                | "piece"
                | "child"
                | "china"
                | "upmanship"
                | "nation"
                | "track"
                | "dimensional"
                | "star"
                | "trick"
                | "size-fits-all"
                | "term"
        ),
        "first" => matches!(next, "hand" | "rate" | "person" | "ever" | "time" | "aid" | "born" | "string"),
        "second" => matches!(next, "hand" | "rate" | "guess" | "guessing" | "guessed" | "string" | "tier"),
        "third" => matches!(next, "party" | "rate" | "world" | "person" | "tier"),
        "zero" => matches!(next, "sum" | "tolerance" | "emission" | "emissions" | "carbon" | "day" | "hour"),
        _ => false,
    }
}

/// True when the word before `i` is one of `words` (lower case).
pub(crate) fn word_before_is(b: &[u8], floor: usize, i: usize, words: &[&str]) -> bool {
    prev_word(b, floor, i).is_some_and(|(_, w)| words.contains(&w.as_str()))
}

/// The lower-cased word before `i` (after spaces), not before `floor`.
pub(crate) fn prev_word(b: &[u8], floor: usize, i: usize) -> Option<(usize, Lower)> {
    let (s, e) = word_before(b, i)?;
    if s < floor {
        return None;
    }
    Some((s, lower(b, s, e)?))
}

/// The lower-cased word after `i` (after spaces).
pub(crate) fn next_word(b: &[u8], i: usize) -> Option<(usize, usize, Lower)> {
    let (j, newlines) = skip_spaces(b, i);
    if newlines > 1 {
        return None;
    }
    let e = crate::text::word_end(b, j);
    (e > j).then(|| lower(b, j, e).map(|l| (j, e, l)))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_and_names() {
        let t = "on May 4 and Jan. 1 , 1990 and may 19";
        let b = t.as_bytes();
        assert!(month_before(b, 0, t.find('4').unwrap_or(0)));
        assert!(month_before(b, 0, t.find("1 ,").unwrap_or(0)));
        assert!(month_before(b, 0, t.rfind("19").unwrap_or(0)));
        assert!(month_after("4 May 2018".as_bytes(), 1));
        assert!(month_after("1 may that year".as_bytes(), 1));
        assert!(!month_after("1 may be".as_bytes(), 1));
        let n = "the Boeing 737 and In 2009 and iPhone 15";
        assert!(name_before(n, 0, n.find("737").unwrap_or(0)));
        assert!(!name_before(n, 0, n.find("2009").unwrap_or(0)));
        assert!(name_before(n, 0, n.find("15").unwrap_or(0)));
        assert!(address_after(b"123 Random Street", 3));
        assert!(change_verb("rose") && change_verb("increased") && !change_verb("between"));
        assert!(count_noun("troops") && !count_noun("elections"));
    }
}
