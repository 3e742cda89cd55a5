//! `resolved`: the named mention a pronoun or description speaker stands for.
//!
//! A pronoun or definite description links to the most recent compatible
//! named mention before it: a person for `he`, `she` and person
//! descriptions (`the senator`), an organisation for `it` and organisation
//! descriptions (`the company`, `the newspaper`). A surname links to the
//! fuller name it shortens (`Clinton` → `Hillary Clinton`). Indefinite
//! descriptions (`a senior official`) introduce someone new and, like `I`,
//! `we` and `they`, stay unresolved: null is better than a guess.
//!
//! Named mentions come from the `entities` layer when the pipeline has one;
//! otherwise from runs of capitalised words, typed by their words
//! (organisation nouns and acronyms make an `ORG`).

use byline_core::{Entity, Span};

use crate::lexicon::{DET, ORG_NOUN, PRONOUN, STOP, TITLE};
use crate::mentions::{Range, Tokens};

/// A named mention: where it is and whether it names an organisation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Named {
    pub span: Span,
    pub org: bool,
}

/// How far back (in named mentions) a pronoun may look.
const LOOKBACK: usize = 40;
/// How many named mentions from the start of the document a name is
/// compared with to find its fuller form.
const NAME_SCAN: usize = 400;

/// The named mentions of the entities layer (persons and organisations).
pub(crate) fn from_entities(entities: &[Entity]) -> Vec<Named> {
    entities
        .iter()
        .filter_map(|e| match e.label.as_str() {
            "PER" => Some(Named { span: e.span, org: false }),
            "ORG" => Some(Named { span: e.span, org: true }),
            _ => None,
        })
        .collect()
}

/// Named mentions guessed from capitalised words, for pipelines without an
/// entities layer. `sentence_initial[i]` marks the first token of a sentence.
pub(crate) fn from_capitals(doc: &Tokens<'_>, sentence_initial: &[bool]) -> Vec<Named> {
    let toks = doc.toks;
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !(toks[i].is_word() && toks[i].cap) {
            i += 1;
            continue;
        }
        let start = i;
        // A run of capitals never crosses a sentence or paragraph start.
        while i < toks.len() && toks[i].is_word() && toks[i].cap && (i == start || !sentence_initial[i]) {
            i += 1;
        }
        let mut a = start;
        // A sentence-initial function word or pronoun (`We’ve` opening a
        // quotation) is not part of a name, nor is a title before one
        // (`Mayor Elena Fischer` is `Elena Fischer`, as the tagger says).
        while a < i && (toks[a].is(STOP | DET | PRONOUN) && !toks[a].is(TITLE) || toks[a].is(TITLE) && a + 1 < i) {
            a += 1;
        }
        if a == i || a == start && sentence_initial[start] && i - a == 1 && toks[a].is(STOP) {
            continue;
        }
        let org = (a..i).any(|k| {
            let w = doc.word(k);
            toks[k].is(ORG_NOUN) || (2..=5).contains(&w.len()) && w.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        });
        out.push(Named { span: doc.span((a, i)), org });
    }
    out
}

/// What kind of speaker a mention is.
enum SpeakerKind {
    /// A name: link to a fuller earlier name.
    Name,
    /// `he`, `she`.
    Person,
    /// `it`.
    Organisation,
    /// A definite description (`the senator`, `the council`): its head noun
    /// and whether it names an organisation.
    Description(usize, bool),
    /// Nothing to link (`I`, `they`, `a senior official`).
    Unlinked,
}

fn speaker_kind(doc: &Tokens<'_>, (a, b): Range) -> SpeakerKind {
    let first = doc.word(a);
    if b - a == 1 {
        match first.to_ascii_lowercase().as_str() {
            "he" | "she" => return SpeakerKind::Person,
            "it" => return SpeakerKind::Organisation,
            "i" | "we" | "you" | "they" | "who" => return SpeakerKind::Unlinked,
            _ => {}
        }
    }
    let toks = doc.toks;
    if (a..b).any(|k| toks[k].cap && !toks[k].is(DET)) {
        return SpeakerKind::Name;
    }
    let definite = ["the", "this", "that"].iter().any(|d| first.eq_ignore_ascii_case(d));
    if !definite {
        return SpeakerKind::Unlinked;
    }
    SpeakerKind::Description(b - 1, toks[b - 1].is(ORG_NOUN))
}

/// The named mention `speaker` refers to, if one can be told.
pub(crate) fn resolve(doc: &Tokens<'_>, speaker: Range, named: &[Named]) -> Option<Span> {
    let span = doc.span(speaker);
    let before = named.partition_point(|n| n.span.start < span.start);
    let recent = named[..before].iter().rev().take(LOOKBACK).filter(|n| n.span.end <= span.start);
    match speaker_kind(doc, speaker) {
        // The person's fullest earlier name: `she` after `Elena Fischer
        // ... Fischer` is `Elena Fischer`.
        SpeakerKind::Person => recent.into_iter().find(|n| !n.org).map(|n| fuller_name(doc, named, n.span)),
        SpeakerKind::Organisation => recent.into_iter().find(|n| n.org).map(|n| n.span),
        SpeakerKind::Unlinked => None,
        // `the council` → the last name with `Council` in it; else, for a
        // person (`the senator`), the last person; an organisation with no
        // such name stays unresolved.
        SpeakerKind::Description(head, org) => {
            let noun = doc.word(head).to_lowercase();
            let candidates: Vec<&Named> = recent.collect();
            let by_head = candidates.iter().find(|n| n.span.text(doc.text).to_lowercase().contains(&noun));
            by_head.or_else(|| candidates.iter().find(|n| !org && !n.org)).map(|n| n.span)
        }
        SpeakerKind::Name => {
            // A surname (or shorter name) resolves to a longer earlier name
            // ending with it as whole words, titles aside: `Mr. Smith` and
            // `Smith` to `John Smith`, but `Georgia Power` not to `Storm
            // Knocks Out Power`.
            let (mut a, b) = speaker;
            while a + 1 < b && doc.toks[a].is(TITLE | DET) {
                a += 1;
            }
            let short = doc.span((a, b));
            let full = fuller_name(doc, named, short);
            (full != short).then_some(full)
        }
    }
}

/// The earliest name before `short` that ends with it as whole words
/// (`John Smith` for `Smith`), else `short` itself. The fuller name is a
/// first mention, early in the article; a bounded scan keeps a document of
/// many names linear.
fn fuller_name(doc: &Tokens<'_>, named: &[Named], short: Span) -> Span {
    let text = short.text(doc.text);
    named
        .iter()
        .take(NAME_SCAN)
        .take_while(|n| n.span.start < short.start)
        .find(|n| {
            let t = n.span.text(doc.text);
            t.len() > text.len()
                && t.strip_suffix(text).is_some_and(|head| head.ends_with(' '))
                && n.span.end <= short.start
        })
        .map_or(short, |n| n.span)
}
