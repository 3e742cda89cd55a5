//! What a paragraph's layout says before any word is read: a dateline at
//! its start, a title-case headline, and a link line (`READ MORE: ...`).
//!
//! A dateline (`SAN FRANCISCO —`, `WASHINGTON (Reuters) -`, `FRESNO,
//! Calif. --`) is not part of the first sentence: a reported clause or a
//! sentence subject must start after it, so attribution treats the
//! paragraph as starting there. A headline in title case (`Senator Blasts
//! Budget Deal`) capitalises its verbs, which elsewhere would be read as
//! names; marking its words lets cue verbs be found there too.

use crate::lexicon::{DET, HEADLINE, STOP};
use crate::tokens::{Kind, Tok};

/// Longest dateline, in tokens (`NEW YORK, March 3 (Reuters) -` is 9).
const MAX_DATELINE: usize = 14;
/// Longest headline, in tokens.
const MAX_HEADLINE: usize = 40;

/// Words of the label that opens a link line (`READ MORE:`, `Related:`,
/// `WATCH:`, `See also:`): what follows is another article's headline.
const LINK_LABELS: &[&str] = &[
    "read",
    "more",
    "related",
    "watch",
    "listen",
    "see",
    "also",
    "click",
    "here",
    "video",
    "photos",
    "gallery",
    "story",
    "stories",
    "coverage",
    "latest",
    "recommended",
    "trending",
];

/// True when paragraph `(a, b)` is a link line: a label of [`LINK_LABELS`]
/// words and a colon (`READ MORE: ‘A turning point for the city’`). Its
/// quote marks hold a headline, not speech.
pub(crate) fn link_line(text: &str, toks: &[Tok], (a, b): (usize, usize)) -> bool {
    let colon = (a..b.min(a + 4)).find(|&k| toks[k].is_punct(':'));
    colon.is_some_and(|c| {
        c > a
            && (a..c).all(|k| {
                toks[k].is_word() && LINK_LABELS.iter().any(|l| toks[k].span.text(text).eq_ignore_ascii_case(l))
            })
    })
}

/// The first token after the dateline of paragraph `(a, b)`, or `a` when it
/// has none. A dateline opens with a word in capitals (`WASHINGTON`), goes
/// on with place words, a date and a parenthesised agency, and ends with a
/// dash followed by the text.
pub(crate) fn dateline_end(text: &str, toks: &[Tok], (a, b): (usize, usize)) -> usize {
    let upper = |t: &Tok| {
        let w = t.span.text(text);
        w.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !w.chars().any(char::is_lowercase)
    };
    if a >= b || !toks[a].is_word() || !upper(&toks[a]) {
        return a;
    }
    let mut depth = 0usize;
    for k in a + 1..b.min(a + MAX_DATELINE) {
        let t = &toks[k];
        match t.kind {
            Kind::Word if t.cap || depth > 0 || t.span.text(text).starts_with(|c: char| c.is_ascii_digit()) => {}
            Kind::Punct(',') | Kind::Punct('.') => {}
            Kind::Punct('(') => depth += 1,
            Kind::Punct(')') if depth > 0 => depth -= 1,
            Kind::Punct('—' | '–' | '-' | '―') if depth == 0 => {
                // The text after it starts like a sentence.
                let starts = toks.get(k + 1).filter(|_| k + 1 < b).is_some_and(|n| n.cap || n.is_mark());
                return if starts { k + 1 } else { a };
            }
            _ => return a,
        }
    }
    a
}

/// Marks the words of paragraph `(a, b)` with [`HEADLINE`] when it is a
/// title-case headline: short, no sentence inside it, and its longer words
/// and content words capitalised.
pub(crate) fn mark_headline(text: &str, toks: &mut [Tok], (a, b): (usize, usize)) {
    if b <= a + 2 || b - a > MAX_HEADLINE {
        return;
    }
    let inner_stop = (a..b - 1).any(|k| toks[k].is_terminal() && !toks[k].is_punct('…'));
    if inner_stop {
        return;
    }
    let (mut content, mut capitalised) = (0, 0);
    for t in &toks[a..b] {
        if !t.is_word() || t.is(STOP | DET) && t.span.end - t.span.start <= 3 {
            continue;
        }
        if t.span.text(text).starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        content += 1;
        capitalised += usize::from(t.cap);
    }
    if content >= 3 && capitalised * 10 >= content * 9 {
        for t in &mut toks[a..b] {
            if t.is_word() {
                t.bits |= HEADLINE;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use byline_core::Span;

    use super::*;
    use crate::lexicon::Lexicon;
    use crate::tokens::tokenize;

    fn after_dateline(text: &str) -> &str {
        let mut toks = Vec::new();
        tokenize(text, Span::new(0, text.len()), &Lexicon::closed_classes(), &mut toks);
        let k = dateline_end(text, &toks, (0, toks.len()));
        &text[toks.get(k).map_or(text.len(), |t| t.span.start)..]
    }

    #[test]
    fn datelines() {
        for (text, rest) in [
            ("SAN FRANCISCO — OpenAI closed a round.", "OpenAI closed a round."),
            ("WASHINGTON (Reuters) - The Senate voted.", "The Senate voted."),
            ("FRESNO, Calif. -- Reservoirs fell.", "Reservoirs fell."),
            ("NEW YORK, March 3 (AP) — Stocks rose.", "Stocks rose."),
            ("DES MOINES, Iowa — Voters arrived.", "Voters arrived."),
            // Not datelines.
            ("NATO — the alliance — met.", "NATO — the alliance — met."),
            ("Washington — the city — waited.", "Washington — the city — waited."),
            ("TAPPER: Do you think so?", "TAPPER: Do you think so?"),
            ("The FBI said it would look again.", "The FBI said it would look again."),
        ] {
            assert_eq!(after_dateline(text), rest, "{text}");
        }
    }

    #[test]
    fn headlines() {
        let lex = Lexicon::default();
        for (text, headline) in [
            ("Chuck Grassley Compares Trump’s Remarks To a Speech", true),
            ("Senator Blasts Budget Deal as Talks Stall", true),
            ("Clinton says she will stay in the race", false),
            ("The vote was close. Smith Said No.", false),
        ] {
            let mut toks = Vec::new();
            tokenize(text, Span::new(0, text.len()), &lex, &mut toks);
            let n = toks.len();
            mark_headline(text, &mut toks, (0, n));
            assert_eq!(toks[0].is(HEADLINE), headline, "{text}");
        }
    }
}
