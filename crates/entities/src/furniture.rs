//! Page furniture and credit lines: the words a web page or a wire puts
//! around a story, which are not part of it.
//!
//! A story copied from a web page brings its furniture along (`Slideshow (5
//! images)`, `FILE PHOTO`, `Read More`, `Share This Story`, `Advertisement`),
//! capitalised like names, and the 1996 training data has none of it, so the
//! tagger reads such words as names. Credit lines are a convention of the
//! trade too: photo credits (`Photo: Getty Images`, `REUTERS/Kevin
//! Lamarque/File Photo`, `Odd Andersen/Pool via REUTERS`) and the wire's
//! sign-off (`(Reporting by Jane Doe in Paris; Editing by John Roe)`), whose
//! names the tagger, seeing no verb and no title, often took for places or
//! organisations. Both are read by rule: furniture is never a name, an
//! agency in a credit is ORG and a credited person PER.

use crate::features::normalize;

/// Furniture, in lowercase words: never a name, when its first word is
/// capitalised (`Read More`, not `read more`).
const FURNITURE: &[&[&str]] = &[
    &["advertisement"],
    &["click", "here"],
    &["continue", "reading"],
    &["file", "photo"],
    &["photo"],
    &["photos"],
    &["read", "more"],
    &["related", "coverage"],
    &["share", "this", "article"],
    &["share", "this", "story"],
    &["sign", "up", "for", "our", "newsletter"],
    &["sign", "up"],
    &["slideshow"],
    &["subscribe"],
];

/// Words that open a photo credit before a colon (`Photo: Getty Images`).
const CREDIT_WORDS: &[&str] = &["credit", "illustration", "image", "photo", "photograph", "picture"];

/// What comes before the names of a wire's sign-off (`Reporting by`).
const SIGN_OFF: &[&str] = &["compiled", "edited", "editing", "reported", "reporting", "writing", "written"];

/// Words that end an agency's or a picture library's name in a credit.
const AGENCY_ENDS: &[&str] = &["agency", "images", "news", "photos", "pictures", "press", "wire"];

/// Agencies and pool credits named by one word (lowercase).
const AGENCIES: &[&str] = &[
    "afp",
    "ansa",
    "ap",
    "bloomberg",
    "dpa",
    "epa",
    "handout",
    "kyodo",
    "pool",
    "reuters",
    "tass",
    "upi",
    "xinhua",
    "yonhap",
];

/// Lowercase particles inside a person's name (`Ursula von der Leyen`).
const PARTICLES: &[&str] = &["al", "bin", "da", "de", "del", "der", "di", "dos", "du", "la", "le", "van", "von"];

/// What a rule says about a stretch of a sentence's tokens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Override {
    /// First token of the stretch.
    pub first: usize,
    /// One past its last token.
    pub end: usize,
    /// The stretch's entities `(first, end, label)`; the tagger's entities
    /// inside the stretch are dropped (furniture: only those wholly inside).
    pub entities: Vec<(usize, usize, &'static str)>,
    /// True when tagger entities that only overlap the stretch are dropped
    /// too (credits own their whole stretch).
    pub owns_overlaps: bool,
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

fn all_caps(w: &str) -> bool {
    w.chars().any(char::is_alphabetic) && !w.chars().any(char::is_lowercase)
}

/// The longest furniture phrase at `i`, in tokens.
fn furniture_at(lower: &[String], words: &[&str], i: usize) -> usize {
    if !words.get(i).is_some_and(|w| capitalised(w)) {
        return 0;
    }
    FURNITURE
        .iter()
        .filter(|p| lower.get(i..i + p.len()).is_some_and(|s| s.iter().zip(p.iter()).all(|(a, b)| a == b)))
        .map(|p| p.len())
        .max()
        .unwrap_or(0)
}

/// The label of one credited name (a run of capitalised words) of a photo
/// credit, or None for furniture (`File Photo`).
fn credit_label(lower: &[String], words: &[&str]) -> Option<&'static str> {
    if furniture_at(lower, words, 0) == words.len() {
        return None;
    }
    let last = lower.last()?;
    if (words.len() == 1 && AGENCIES.contains(&last.as_str())) || AGENCY_ENDS.contains(&last.as_str()) {
        Some("ORG")
    } else if (2..=4).contains(&words.len()) && words.iter().all(|w| w.chars().count() > 1 && !all_caps(w)) {
        Some("PER")
    } else {
        None
    }
}

/// Splits `[from, to)` at separators into runs of name words; each run is
/// `(first, end)`. A run must be name words only, else None.
fn name_runs(lower: &[String], words: &[&str], from: usize, to: usize) -> Option<Vec<(usize, usize)>> {
    let mut runs = Vec::new();
    let mut start = None;
    for i in from..=to {
        let separator = i == to || matches!(lower[i].as_str(), "/" | "," | ";" | "and" | "via" | "&" | "|");
        if separator {
            if let Some(s) = start.take() {
                runs.push((s, i));
            }
        } else if capitalised(words[i]) || (start.is_some() && PARTICLES.contains(&lower[i].as_str())) {
            start.get_or_insert(i);
        } else {
            return None;
        }
    }
    Some(runs)
}

/// Photo credits: `Photo: NAME[/NAME...]` filling the rest of the sentence
/// or bracket, and slash credits `NAME/NAME[ via NAME]` with an agency or
/// `File Photo` among the names.
fn photo_credits(lower: &[String], words: &[&str], out: &mut Vec<Override>) {
    let n = words.len();
    // `Photo: Getty Images`, `(Photo: Jane Doe/AP)`.
    for i in 0..n.saturating_sub(2) {
        if lower[i + 1] == ":" && CREDIT_WORDS.contains(&lower[i].as_str()) && capitalised(words[i]) {
            let end = (i + 2..n).find(|&j| matches!(lower[j].as_str(), ")" | "]")).unwrap_or(n);
            let to = if end == n && matches!(lower[n - 1].as_str(), "." | ";") { n - 1 } else { end };
            if to > i + 2 && to - (i + 2) <= 10 {
                if let Some(runs) = name_runs(lower, words, i + 2, to) {
                    let entities = runs
                        .iter()
                        .filter_map(|&(a, b)| credit_label(&lower[a..b], &words[a..b]).map(|l| (a, b, l)))
                        .collect();
                    out.push(Override { first: i, end: to, entities, owns_overlaps: true });
                }
            }
        }
    }
    // `REUTERS/Kevin Lamarque/File Photo`: runs of name words joined by
    // slashes (and `via`), the whole stretch bounded by other words.
    let name_word = |j: usize| capitalised(words[j]) || PARTICLES.contains(&lower[j].as_str());
    let mut i = 0;
    while i < n {
        if !name_word(i) || out.iter().any(|o| o.first <= i && i < o.end) {
            i += 1;
            continue;
        }
        // Extend over name words, slashes and `via` between names.
        let mut end = i;
        let mut slashes = 0;
        while end < n {
            let joiner = matches!(lower[end].as_str(), "/" | "via");
            if joiner && end + 1 < n && name_word(end + 1) && end > i {
                slashes += usize::from(lower[end] == "/");
                end += 1;
            } else if name_word(end) {
                end += 1;
            } else {
                break;
            }
        }
        if slashes >= 1 {
            if let Some(runs) = name_runs(lower, words, i, end) {
                let labels: Vec<Option<&'static str>> =
                    runs.iter().map(|&(a, b)| credit_label(&lower[a..b], &words[a..b])).collect();
                let credit = runs
                    .iter()
                    .zip(&labels)
                    .any(|(&(a, b), l)| *l == Some("ORG") || furniture_at(&lower[a..b], &words[a..b], 0) == b - a);
                // Runs of more than four words are a sentence, not a credit.
                if credit && runs.iter().all(|&(a, b)| b - a <= 4) {
                    let entities = runs.iter().zip(labels).filter_map(|(&(a, b), l)| l.map(|l| (a, b, l))).collect();
                    out.push(Override { first: i, end, entities, owns_overlaps: true });
                }
            }
        }
        i = end.max(i + 1);
    }
}

/// The wire's sign-off: `Reporting by A and B in Paris; Editing by C`.
/// Names after `by` are people; a place after `in` is left to the tagger.
fn sign_off(lower: &[String], words: &[&str], out: &mut Vec<Override>) {
    let n = words.len();
    for i in 0..n.saturating_sub(2) {
        if !SIGN_OFF.contains(&lower[i].as_str()) || lower[i + 1] != "by" {
            continue;
        }
        let stop =
            (i + 2..n).find(|&j| matches!(lower[j].as_str(), ";" | ")" | "in" | "at" | "for" | "." | ":")).unwrap_or(n);
        if let Some(runs) = name_runs(lower, words, i + 2, stop) {
            if !runs.is_empty() && runs.iter().all(|&(a, b)| b - a <= 4) {
                let entities = runs.iter().map(|&(a, b)| (a, b, "PER")).collect();
                out.push(Override { first: i, end: stop, entities, owns_overlaps: true });
            }
        }
    }
}

/// Months, which end a byline's names (`By Jane Doe Dec 7 (Reuters)`).
const MONTHS: &[&str] = &[
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// A byline: `By` with a capital (a line of its own, or at the start of a
/// sentence) and one or more names of two to four words, ending the
/// sentence or followed by a month, an all-caps dateline or a bracket:
/// `By Jane Doe and Ali Khan`, `By Jane Doe Dec 7 (Reuters)`. `By Monday`
/// is one word, not a name.
fn byline(lower: &[String], words: &[&str], out: &mut Vec<Override>) {
    let n = words.len();
    for i in 0..n {
        if words[i] != "By" {
            continue;
        }
        let stop = (i + 1..n)
            .find(|&j| {
                MONTHS.contains(&lower[j].as_str())
                    || (all_caps(words[j]) && words[j].len() > 1)
                    || !(capitalised(words[j]) || PARTICLES.contains(&lower[j].as_str()) || lower[j] == "and")
            })
            .unwrap_or(n);
        let ends_well = stop == n
            || MONTHS.contains(&lower[stop].as_str())
            || all_caps(words[stop])
            || matches!(lower[stop].as_str(), "(" | "|" | "-" | "--" | "," | ";");
        if let (true, Some(runs)) = (ends_well, name_runs(lower, words, i + 1, stop)) {
            if !runs.is_empty() && runs.iter().all(|&(a, b)| (2..=4).contains(&(b - a))) {
                let entities = runs.iter().map(|&(a, b)| (a, b, "PER")).collect();
                out.push(Override { first: i, end: stop, entities, owns_overlaps: true });
            }
        }
    }
}

/// True when some word could start furniture or a credit, so that most
/// sentences are passed over without lowercasing their words.
fn may_have_furniture(words: &[&str]) -> bool {
    words.iter().any(|w| {
        matches!(*w, "/" | ":" | "By")
            || SIGN_OFF.iter().any(|s| w.eq_ignore_ascii_case(s))
            || FURNITURE.iter().any(|p| w.eq_ignore_ascii_case(p[0]))
    })
}

/// What the furniture and credit rules say about one sentence's tokens.
pub fn furniture_overrides(words: &[&str]) -> Vec<Override> {
    if !may_have_furniture(words) {
        return Vec::new();
    }
    let mut buf = String::new();
    let lower: Vec<String> = words
        .iter()
        .map(|w| {
            normalize(w, &mut buf);
            buf.to_lowercase()
        })
        .collect();
    let mut out = Vec::new();
    photo_credits(&lower, words, &mut out);
    sign_off(&lower, words, &mut out);
    byline(&lower, words, &mut out);
    let mut i = 0;
    while i < words.len() {
        let len = furniture_at(&lower, words, i);
        if len > 0 {
            out.push(Override { first: i, end: i + len, entities: Vec::new(), owns_overlaps: false });
        }
        i += len.max(1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entities(text: &str) -> Vec<(String, &'static str)> {
        let words: Vec<&str> = text.split(' ').collect();
        let mut out: Vec<(usize, String, &str)> = furniture_overrides(&words)
            .into_iter()
            .flat_map(|o| o.entities)
            .map(|(a, b, l)| (a, words[a..b].join(" "), l))
            .collect();
        out.sort();
        out.into_iter().map(|(_, t, l)| (t, l)).collect()
    }

    #[test]
    fn credits() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("Photo : Getty Images", &[("Getty Images", "ORG")]),
            ("( Photo : Jane Doe / AP )", &[("Jane Doe", "PER"), ("AP", "ORG")]),
            ("REUTERS / Kevin Lamarque / File Photo", &[("REUTERS", "ORG"), ("Kevin Lamarque", "PER")]),
            ("Odd Andersen / Pool via REUTERS", &[("Odd Andersen", "PER"), ("Pool", "ORG"), ("REUTERS", "ORG")]),
            (
                "( Reporting by Jane Doe and Ali Khan in Paris ; Editing by Ursula von Roe )",
                &[("Jane Doe", "PER"), ("Ali Khan", "PER"), ("Ursula von Roe", "PER")],
            ),
            // Not credits: a slash between words of running text, a caption.
            ("the Paris / London route", &[]),
            ("FILE PHOTO : Turkish President Tayyip Erdogan speaks in Ankara", &[]),
            ("Reporting by the agency was thin", &[]),
            ("By Nakul Rao Dec 7 ( Reuters ) - Gold rose", &[("Nakul Rao", "PER")]),
            ("By Jane Doe and Ali Khan", &[("Jane Doe", "PER"), ("Ali Khan", "PER")]),
            ("By Monday , the company had paid", &[]),
            ("By Late Afternoon the Market Had Turned", &[]),
        ];
        for &(text, want) in cases {
            let want: Vec<(String, &str)> = want.iter().map(|&(t, l)| (t.to_owned(), l)).collect();
            assert_eq!(entities(text), want, "{text}");
        }
    }

    #[test]
    fn furniture_is_found_when_capitalised() {
        for (text, want) in [
            ("Slideshow ( 5 images )", vec![(0, 1)]),
            ("Share This Story", vec![(0, 3)]),
            ("Read More about it", vec![(0, 2)]),
            ("read more", vec![]),
            ("Sign up for our newsletter", vec![(0, 5)]),
        ] {
            let words: Vec<&str> = text.split(' ').collect();
            let got: Vec<(usize, usize)> = furniture_overrides(&words)
                .into_iter()
                .filter(|o| o.entities.is_empty() && !o.owns_overlaps)
                .map(|o| (o.first, o.end))
                .collect();
            assert_eq!(got, want, "{text}");
        }
    }
}
