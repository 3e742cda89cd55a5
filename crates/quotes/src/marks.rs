//! Pairs quote marks into quotations, paragraph by paragraph.
//!
//! Pairing never crosses a paragraph, so an odd or stray mark costs at most
//! the rest of its paragraph: the next paragraph starts clean. The one
//! exception is the news convention for a quotation that runs over several
//! paragraphs: every paragraph opens with a mark and only the last one
//! closes, so an unclosed paragraph followed by a paragraph that opens with a
//! mark continues into it.
//!
//! Single marks pair only outside double quotations (inside, they are nested
//! quotes and part of the outer quotation); outside, a single mark with no
//! partner is an apostrophe (`the Joneses’ car`).

use byline_core::Span;

use crate::tokens::{Dir, Kind, Tok};

/// One contiguous quotation inside one paragraph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Piece {
    /// Index of the paragraph.
    pub para: usize,
    /// Token of the opening mark; `None` when the piece continues a quotation
    /// from the previous paragraph without an opening mark.
    pub open: Option<usize>,
    /// Token of the closing mark; `None` when the paragraph ends first.
    pub close: Option<usize>,
    /// Tokens between the marks.
    pub inner: (usize, usize),
    /// The text from the opening mark (or paragraph start) to the closing
    /// mark (or paragraph end).
    pub span: Span,
    /// True when this piece continues the previous paragraph's quotation.
    pub continues: bool,
    /// True for a quotation in single marks.
    pub single: bool,
}

/// The pieces of every paragraph, in text order. `paras[i]` is the token
/// range of paragraph `i`; `para_spans[i]` its text span.
pub(crate) fn pair(toks: &[Tok], paras: &[(usize, usize)], para_spans: &[Span]) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut carry = false;
    for (p, &(a, b)) in paras.iter().enumerate() {
        let para_span = para_spans[p];
        let first = out.len();
        let mut open: Option<usize> = None;
        let mut seen_double = false;
        for i in a..b {
            let Kind::Mark { double: true, dir } = toks[i].kind else { continue };
            let first_double = !seen_double;
            seen_double = true;
            match open {
                None => match dir {
                    Dir::Open | Dir::Either => open = Some(i),
                    Dir::Close => {
                        // A closing mark with no opener: the end of a quotation
                        // carried over from the previous paragraph, else stray.
                        if carry && first_double {
                            out.push(piece(
                                toks,
                                p,
                                None,
                                Some(i),
                                (a, i),
                                Span::new(toks[a].span.start, toks[i].span.end),
                                true,
                            ));
                        }
                    }
                },
                Some(o) => match dir {
                    Dir::Close | Dir::Either => {
                        let continues = carry && o == a;
                        out.push(piece(
                            toks,
                            p,
                            Some(o),
                            Some(i),
                            (o + 1, i),
                            toks[o].span.cover(toks[i].span),
                            continues,
                        ));
                        open = None;
                    }
                    // A second opener: the first was stray, or left open.
                    Dir::Open => {
                        // `“A ended. “B …`: a quotation left open before the
                        // next one opens runs up to it, when it opened a
                        // statement and ended a sentence.
                        if i > o + 2 && toks[i - 1].is_terminal() && starts_statement(toks, a, o) {
                            let continues = carry && o == a;
                            let span = toks[o].span.cover(toks[i - 1].span);
                            out.push(piece(toks, p, Some(o), None, (o + 1, i), span, continues));
                        }
                        open = Some(i);
                    }
                },
            }
        }
        let next_opens = paras.get(p + 1).is_some_and(|&(na, nb)| {
            na < nb && matches!(toks[na].kind, Kind::Mark { double: true, dir: Dir::Open | Dir::Either })
        });
        let was_carried = carry;
        carry = false;
        // `“The numbers do not add up' Kovac said.`: a double mark closed
        // by a single one, when no single mark opens in between.
        if let Some(o) = open {
            let mut nested = false;
            let single_close = (o + 1..b).find(|&k| match toks[k].kind {
                Kind::Mark { double: false, dir: Dir::Open } => {
                    nested = true;
                    false
                }
                Kind::Mark { double: false, dir: Dir::Close | Dir::Either } => !nested,
                _ => false,
            });
            if let Some(c) = single_close.filter(|_| starts_statement(toks, a, o)) {
                out.push(piece(toks, p, Some(o), Some(c), (o + 1, c), toks[o].span.cover(toks[c].span), false));
                open = None;
            }
        }
        if let Some(o) = open {
            let continues = was_carried && o == a;
            let span = Span::new(toks[o].span.start, para_span.end);
            if next_opens && starts_statement(toks, a, o) {
                // The news convention: the quotation goes on in the next paragraph.
                out.push(piece(toks, p, Some(o), None, (o + 1, b), span, continues));
                carry = true;
            } else if starts_statement(toks, a, o) {
                // A missing closing mark: the quotation runs to the paragraph end.
                out.push(piece(toks, p, Some(o), None, (o + 1, b), span, continues));
            }
        }
        pair_singles(toks, p, (a, b), &mut out, first);
    }
    out
}

/// True when the mark at `o` opens a statement rather than a phrase: at the
/// paragraph start, after a sentence, a colon, a comma, a dash or another
/// quotation (`he said: “...`, `“A,” he said. “B...`). Such a quotation is
/// kept even when its closing mark is missing.
fn starts_statement(toks: &[Tok], a: usize, o: usize) -> bool {
    o == a
        || toks[o - 1].is_terminal()
        || toks[o - 1].is_double_mark()
        || matches!(toks[o - 1].kind, Kind::Punct(':' | ',' | '—' | '–'))
}

fn piece(
    toks: &[Tok],
    para: usize,
    open: Option<usize>,
    close: Option<usize>,
    inner: (usize, usize),
    span: Span,
    continues: bool,
) -> Piece {
    let single = open.is_some_and(|o| matches!(toks[o].kind, Kind::Mark { double: false, .. }));
    Piece { para, open, close, inner, span, continues, single }
}

/// Pairs single marks in the stretches of paragraph `(a, b)` outside the
/// double quotations `out[first..]`, inserting the pieces in text order.
fn pair_singles(toks: &[Tok], para: usize, (a, b): (usize, usize), out: &mut Vec<Piece>, first: usize) {
    let doubles: Vec<(usize, usize)> =
        out[first..].iter().map(|p| (p.open.unwrap_or(a), p.close.map_or(p.inner.1, |c| c + 1))).collect();
    let mut found = Vec::new();
    let mut open: Option<usize> = None;
    let mut d = 0;
    let mut i = a;
    while i < b {
        if d < doubles.len() && i >= doubles[d].0 {
            // Skip the double quotation; an open single does not cross it.
            i = doubles[d].1.max(i + 1);
            d += 1;
            open = None;
            continue;
        }
        if let Kind::Mark { double: false, dir } = toks[i].kind {
            match (open, dir) {
                (None, Dir::Open) => open = Some(i),
                (Some(o), Dir::Close | Dir::Either) => {
                    found.push(Piece {
                        para,
                        open: Some(o),
                        close: Some(i),
                        inner: (o + 1, i),
                        span: toks[o].span.cover(toks[i].span),
                        continues: false,
                        single: true,
                    });
                    open = None;
                }
                (Some(_), Dir::Open) => open = Some(i),
                _ => {}
            }
        }
        i += 1;
    }
    if !found.is_empty() {
        out.extend(found);
        out[first..].sort_by_key(|p| p.span.start);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::Lexicon;
    use crate::tokens::tokenize;

    /// The quoted texts of `text`, paragraphs separated by newlines; `+`
    /// marks a piece that continues the previous paragraph's quotation.
    fn quoted(text: &str) -> Vec<String> {
        let lex = Lexicon::closed_classes();
        let mut toks = Vec::new();
        let mut paras = Vec::new();
        let mut spans = Vec::new();
        let mut start = 0;
        for line in text.split('\n') {
            let span = Span::new(start, start + line.len());
            let a = toks.len();
            tokenize(text, span, &lex, &mut toks);
            paras.push((a, toks.len()));
            spans.push(span);
            start += line.len() + 1;
        }
        pair(&toks, &paras, &spans)
            .iter()
            .map(|p| format!("{}{}", if p.continues { "+" } else { "" }, p.span.text(text)))
            .collect()
    }

    #[test]
    fn pairs_marks() {
        for (text, expect) in [
            ("“A,” he said, “B.”", vec!["“A,”", "“B.”"]),
            ("\"A,\" he said. \"B\"", vec!["\"A,\"", "\"B\""]),
            // Nested singles stay inside.
            ("“He said ‘no’ twice,” she said.", vec!["“He said ‘no’ twice,”"]),
            // Apostrophes are not marks.
            ("The Joneses’ dog doesn’t bark in the ’90s.", vec![]),
            // A headline in single marks.
            ("Warren: ‘You Should Be Investigated’", vec!["‘You Should Be Investigated’"]),
            // A stray closing mark does not derail the paragraph.
            ("He left.” Then “A” and “B”", vec!["“A”", "“B”"]),
            // An odd count: recovery at the next paragraph.
            ("She said “yes and left\n“C,” he said.", vec!["“C,”"]),
            ("“A,” he said. “B.\n“C.”", vec!["“A,”", "“B.", "+“C.”"]),
            ("She said, “yes and left\nHe went.", vec!["“yes and left"]),
            // An unclosed quotation at the paragraph start runs to its end.
            ("“Never again.\nHe left.", vec!["“Never again."]),
            // Multi-paragraph quotation.
            ("“A.\n“B.\n“C,” he said.", vec!["“A.", "+“B.", "+“C,”"]),
            // Colon introduction of a quotation that is never closed.
            ("He said: “We will win.\nThe end.", vec!["“We will win."]),
            // NYT double apostrophes.
            ("''A,'' he said.", vec!["''A,''"]),
        ] {
            assert_eq!(quoted(text), expect, "{text}");
        }
    }
}
