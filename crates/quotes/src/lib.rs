//! byline-quotes: every quotation in a news article, and who said it.
//!
//! | stage    | needs                    | adds     |
//! |----------|--------------------------|----------|
//! | `quotes` | `paragraphs`, `entities` | `quotes` |
//!
//! The stage uses entities to recognise speakers inside longer phrases and
//! to link pronoun speakers to names. The plain functions work on raw text:
//! without entities, capitalised words stand in for names.
//!
//! A quotation is a [`Quote`]: its span (with its quote marks), `direct`
//! (false for reported speech without marks), the `speaker` mention (a
//! name, a description, an organisation or a pronoun), the `cue`
//! (`said`, `told`, `according to`, `:`) and the named mention a pronoun or
//! description is `resolved` to.
//!
//! How it works, one module per idea:
//! - `tokens`: words, punctuation and quote marks with a direction
//!   (apostrophes are not marks);
//! - `layout`: datelines (`WASHINGTON —`) kept out of the first sentence,
//!   title-case headlines whose capitalised verbs are cues;
//! - `marks`: marks paired into quotations per paragraph, with the news
//!   convention for quotations over several paragraphs, and recovery from
//!   odd marks at the next paragraph;
//! - `attribution` and `mentions`: the cue and speaker patterns of news
//!   writing around each quotation;
//! - `reported`: reported speech (`SPEAKER said (that) CLAUSE`);
//! - `resolve`: pronouns and descriptions linked to names;
//! - [`Lexicon`]: cue verbs in all tenses and cue phrases, extensible from
//!   TOML.
//!
//! ```
//! let text = "“We will win,” the senator said. “No doubt.”\n\nShe added that the vote was close.";
//! let quotes = byline_quotes::find(text);
//! let shown: Vec<(&str, bool, &str, &str)> = quotes
//!     .iter()
//!     .map(|q| {
//!         let speaker = q.speaker.map_or("", |s| s.text(text));
//!         (q.span.text(text), q.direct, speaker, q.cue.map_or("", |c| c.text(text)))
//!     })
//!     .collect();
//! assert_eq!(shown, [
//!     ("“We will win,”", true, "the senator", "said"),
//!     ("“No doubt.”", true, "the senator", "said"),
//!     ("the vote was close", false, "She", "added"),
//! ]);
//! ```
#![deny(missing_docs)]

mod attribution;
pub mod eval;
mod layout;
mod lexicon;
mod marks;
mod mentions;
mod reported;
mod resolve;
mod stage;
mod tokens;

use std::cell::OnceCell;
use std::collections::HashMap;
use std::sync::OnceLock;

use byline_core::{Entity, Quote, Span};
use serde::{Deserialize, Serialize};

pub use lexicon::{Lexicon, LexiconError, LexiconFile};
pub use stage::{QuoteOptions, QuoteStage};

use crate::attribution::{Attribution, How, attribute};
use crate::marks::Piece;
use crate::mentions::Tokens;
use crate::tokens::{Kind, Tok, most_tokens, tokenize};

/// How many paragraphs back an unattributed quotation looks for the
/// speaker it continues.
const INHERIT_PARAGRAPHS: usize = 3;

/// The quotations of `text` with the built-in lexicon and default options;
/// paragraphs are found as the `paragraphs` stage finds them.
pub fn find(text: &str) -> Vec<Quote> {
    static DEFAULT: OnceLock<Quoter> = OnceLock::new();
    let quoter = DEFAULT.get_or_init(Quoter::default);
    quoter.find(text, &byline_segment::paragraphs(text), None)
}

/// Which reported speech (without quote marks, `direct: false`) a
/// [`Quoter`] reports; in a pipeline, `reported = "speech"`, `"all"` or
/// `"none"` (`true` and `false` still read as `"all"` and `"none"`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Reported {
    /// Speech and writing only (`said`, `told`, `wrote`, `according to`):
    /// who said what. Thought (`believes`), intention (`hopes`, `decided`),
    /// stance (`criticized`), evidence (`seems`) and passives with no agent
    /// (`is expected to`) are not reported.
    #[default]
    Speech,
    /// Every attribution, thought, intention, stance and agentless passives
    /// included, as PolNeAR annotates them.
    All,
    /// No reported speech: direct quotations only.
    None,
}

impl<'de> Deserialize<'de> for Reported {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Reported, D::Error> {
        struct Visit;
        impl serde::de::Visitor<'_> for Visit {
            type Value = Reported;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(r#""speech", "all" or "none""#)
            }
            fn visit_bool<E: serde::de::Error>(self, v: bool) -> Result<Reported, E> {
                Ok(if v { Reported::All } else { Reported::None })
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<Reported, E> {
                match v {
                    "speech" => Ok(Reported::Speech),
                    "all" => Ok(Reported::All),
                    "none" => Ok(Reported::None),
                    _ => {
                        Err(E::custom(format!(r#"unknown value "{v}" for `reported`: use "speech", "all" or "none""#)))
                    }
                }
            }
        }
        deserializer.deserialize_any(Visit)
    }
}

impl schemars::JsonSchema for Reported {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Reported".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "description": "\"speech\" (speech and writing), \"all\" (thought, intention and stance too) or \"none\"; true and false read as \"all\" and \"none\".",
            "anyOf": [{ "enum": ["speech", "all", "none"] }, { "type": "boolean" }]
        })
    }
}

/// What a [`Quoter`] reports besides attributed direct quotations.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Settings {
    /// Which reported speech to report (`direct: false`).
    pub reported: Reported,
    /// Report quotations nothing attributes even when they look like scare
    /// quotes or titles (short, inside a sentence), with no speaker.
    pub scare_quotes: bool,
    /// Report quoted words inside reported speech (`added that the bank
    /// took “aggressive” positions`) as direct quotations of its speaker.
    pub fragments: bool,
    /// Fill `resolved`.
    pub resolve: bool,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings { reported: Reported::Speech, scare_quotes: false, fragments: false, resolve: true }
    }
}

/// Finds quotations with one lexicon and one set of [`Settings`]; build it
/// once and share it across threads.
#[derive(Clone, Debug, Default)]
pub struct Quoter {
    lexicon: Lexicon,
    settings: Settings,
}

impl Quoter {
    /// A quoter with this lexicon and these settings.
    pub fn new(lexicon: Lexicon, settings: Settings) -> Quoter {
        Quoter { lexicon, settings }
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// The quotations of `text`, given its paragraphs and, when known, its
    /// named entities; in text order.
    ///
    /// Text is read in windows of whole paragraphs of at most [`WINDOW`]
    /// bytes (a longer paragraph in pieces cut at a space), so memory stays
    /// bounded on huge documents: news paragraphs are a few hundred bytes,
    /// so any real article is one window and reads as a whole.
    pub fn find(&self, text: &str, paragraphs: &[Span], entities: Option<&[Entity]>) -> Vec<Quote> {
        let mut out = Vec::new();
        for window in windows(text, paragraphs, WINDOW) {
            let (Some(first), Some(last)) = (window.first(), window.last()) else { continue };
            let entities = entities.map(|all| {
                let a = all.partition_point(|e| e.span.start < first.start);
                let b = all.partition_point(|e| e.span.start < last.end);
                &all[a..b.max(a)]
            });
            out.extend(self.find_in_window(text, &window, entities));
        }
        out
    }

    /// [`Quoter::find`] on one window of paragraphs.
    fn find_in_window(&self, text: &str, paragraphs: &[Span], entities: Option<&[Entity]>) -> Vec<Quote> {
        // Room for every token at once (see `most_tokens`) in a large
        // window, where a doubling vector would hold twice its tokens while
        // it moves; an article's few kilobytes take a guess instead, since
        // the exact count is a pass over every byte (~10% of the stage).
        let bytes: usize = paragraphs.iter().map(|p| p.end.saturating_sub(p.start)).sum();
        let most = if bytes > EXACT_ROOM {
            paragraphs.iter().filter_map(|p| text.get(p.start..p.end)).map(most_tokens).sum()
        } else {
            bytes / 4
        };
        let mut toks: Vec<Tok> = Vec::with_capacity(most);
        let mut paras = Vec::with_capacity(paragraphs.len());
        let mut para_spans = Vec::with_capacity(paragraphs.len());
        for &p in paragraphs {
            if p.end > text.len() || p.start > p.end || !text.is_char_boundary(p.start) || !text.is_char_boundary(p.end)
            {
                continue;
            }
            let a = toks.len();
            tokenize(text, p, &self.lexicon, &mut toks);
            let b = toks.len();
            layout::mark_headline(text, &mut toks, (a, b));
            // A dateline is not part of the paragraph's first sentence.
            paras.push((layout::dateline_end(text, &toks, (a, b)), b));
            para_spans.push(p);
        }
        let pieces = marks::pair(&toks, &paras, &para_spans);
        // A single mark that pairs with nothing is an apostrophe
        // (`the Joneses’ car`): punctuation, not a mark, from here on.
        let mut paired = vec![false; toks.len()];
        for p in &pieces {
            for i in p.open.into_iter().chain(p.close) {
                paired[i] = true;
            }
        }
        for (t, &p) in toks.iter_mut().zip(&paired) {
            if matches!(t.kind, Kind::Mark { double: false, .. }) && !p {
                t.kind = Kind::Punct('\'');
            }
        }
        let mut entity_ending = Vec::new();
        if let Some(entities) = entities {
            entity_ending = vec![None; toks.len()];
            for e in entities.iter().filter(|e| e.label == "PER" || e.label == "ORG") {
                let first = toks.partition_point(|t| t.span.start < e.span.start);
                let after = toks.partition_point(|t| t.span.end <= e.span.end);
                if first < after && toks[first].span.start == e.span.start {
                    entity_ending[after - 1] = Some(first);
                }
            }
        }
        let speech_only = self.settings.reported == Reported::Speech;
        let doc = Tokens { text, toks: &toks, lexicon: &self.lexicon, entity_ending, speech_only };
        let attributions = attribute(&doc, &pieces, &paras);

        let mut quoted = vec![false; toks.len()];
        // Each quotation with its paragraph.
        let mut out: Vec<(Span, bool, Option<Attribution>)> = Vec::new();
        let mut where_in: Vec<usize> = Vec::new();
        let mut keep_chain = false;
        // Quotations dropped as scare quotes, by index in `pieces`.
        let mut dropped = Vec::new();
        for (k, (piece, attribution)) in pieces.iter().zip(&attributions).enumerate() {
            let keep = if piece.continues {
                keep_chain
            } else {
                self.settings.scare_quotes || speech_like(&doc, piece, &paras, attribution.map(|a| a.how))
            };
            keep_chain = keep;
            if !keep {
                if !title(&doc, piece) && !cited_as_word(&doc, piece) {
                    dropped.push(k);
                }
                continue;
            }
            let (a, b) = (piece.open.unwrap_or(piece.inner.0), piece.close.map_or(piece.inner.1, |c| c + 1));
            quoted[a..b].iter_mut().for_each(|q| *q = true);
            // Narration about someone right before a quotation nothing
            // attributes names its speaker.
            let narrated = || piece.open.and_then(|o| doc.narrator(o, paras[piece.para], &quoted));
            out.push((piece.span, true, attribution.or_else(narrated)));
            where_in.push(piece.para);
        }
        // Pull quotes without marks, signed (`… together. — Justin Trudeau`).
        let mut marked = vec![false; paras.len()];
        pieces.iter().for_each(|p| marked[p.para] = true);
        // The named mentions: from the entities layer, else from capitals.
        let all_names = || match entities {
            Some(entities) => resolve::from_entities(entities),
            None => {
                let mut initial = vec![false; toks.len()];
                for &(a, b) in &paras {
                    if a < b {
                        initial[a] = true;
                    }
                    for i in a..b {
                        if doc.ends_sentence(i, b) && i + 1 < b {
                            initial[i + 1] = true;
                        }
                    }
                }
                resolve::from_capitals(&doc, &initial)
            }
        };
        let names = OnceCell::new();
        // The people the article names, each with its first and last
        // mention, so a signer named elsewhere is one lookup.
        let people = OnceCell::new();
        let named_elsewhere = |signer: Span, para: Span| {
            let people: &HashMap<&str, (usize, usize)> = people.get_or_init(|| {
                let mut people = HashMap::new();
                for n in names.get_or_init(all_names).iter().filter(|n: &&resolve::Named| !n.org) {
                    let at = n.span.start;
                    people.entry(n.span.text(text)).and_modify(|m: &mut (usize, usize)| m.1 = at).or_insert((at, at));
                }
                people
            });
            let outside = |at: usize| at < para.start || at >= para.end;
            people.get(signer.text(text)).is_some_and(|&(first, last)| outside(first) || outside(last))
        };
        for (k, &para) in paras.iter().enumerate().filter(|&(k, _)| !marked[k]) {
            if let Some(((a, b), attribution)) = doc.signed_paragraph(para, &|s| named_elsewhere(s, para_spans[k])) {
                quoted[a..b].iter_mut().for_each(|q| *q = true);
                out.push((doc.span((a, b)), true, Some(attribution)));
                where_in.push(k);
            }
        }
        if self.settings.reported != Reported::None {
            let mut reported = Vec::new();
            // A link line is another article's headline, not speech.
            for &para in paras.iter().filter(|&&para| !layout::link_line(text, &toks, para)) {
                doc.reported(para, &quoted, &mut reported);
            }
            if !self.settings.fragments {
                dropped.clear();
            }
            let mut adopted = vec![false; dropped.len()];
            for r in reported {
                let para = paras.partition_point(|&(_, b)| b <= r.clause.0);
                for clause in std::iter::once(r.clause).chain(r.rest) {
                    out.push((doc.span(clause), false, Some(r.attribution)));
                    where_in.push(para);
                    // Quoted words inside reported speech are the speaker's
                    // own (`added that the bank took “aggressive”
                    // positions`), when a verb of speech reports them in a
                    // clause of its own (not a topic: `talked about how`);
                    // without a speaker they stay scare quotes.
                    let (c, cue_end) = r.attribution.cue;
                    let speech = cue_end == c + 1 && matches!(doc.cue_at(c, cue_end), Some((_, true)));
                    let content = clause.0 == cue_end || clause.0 == cue_end + 1 && doc.word_is(cue_end, "that");
                    if r.attribution.speaker.is_none() || !speech || !content {
                        continue;
                    }
                    let first = dropped.partition_point(|&p| pieces[p].inner.0 < clause.0);
                    for d in first..dropped.len() {
                        let piece = &pieces[dropped[d]];
                        if piece.inner.1 > clause.1 {
                            break;
                        }
                        if !std::mem::replace(&mut adopted[d], true) {
                            out.push((piece.span, true, Some(Attribution { how: How::Near, ..r.attribution })));
                            where_in.push(piece.para);
                        }
                    }
                }
            }
        }
        let mut order: Vec<usize> = (0..out.len()).collect();
        order.sort_by_key(|&i| out[i].0.start);
        out = order.iter().map(|&i| out[i]).collect();
        where_in = order.iter().map(|&i| where_in[i]).collect();
        // A quotation nothing attributes continues the most recent speaker,
        // direct or reported, of the last few paragraphs: news names a
        // speaker once and quotes on, narration between (`Officials said
        // the count was close.` / `The recount starts Monday.` / `“We will
        // appeal.”`).
        let mut last: Option<(usize, Attribution)> = None;
        for ((_, direct, attribution), &para) in out.iter_mut().zip(&where_in) {
            match attribution {
                Some(a) if a.speaker.is_some() => last = Some((para, *a)),
                None if *direct => {
                    if let Some((_, a)) = last.filter(|&(p, _)| p + INHERIT_PARAGRAPHS >= para) {
                        *attribution = Some(Attribution { how: How::Inherited, ..a });
                    }
                }
                _ => {}
            }
        }

        let named = if self.settings.resolve { names.get_or_init(all_names).as_slice() } else { &[] };
        out.into_iter()
            .map(|(span, direct, attribution)| {
                let speaker = attribution.and_then(|a| a.speaker);
                Quote {
                    span,
                    direct,
                    speaker: speaker.map(|s| doc.span(s)),
                    // A bare signature has no cue (an empty range).
                    cue: attribution.filter(|a| a.cue.1 > a.cue.0).map(|a| doc.span(a.cue)),
                    resolved: speaker.filter(|_| self.settings.resolve).and_then(|s| resolve::resolve(&doc, s, named)),
                }
            })
            .collect()
    }
}

/// Windows larger than this reserve room for their tokens exactly.
const EXACT_ROOM: usize = 64 << 10;

/// Bytes of text read at once: far more than any article, little enough
/// that a hostile document's tokens and candidate quotations stay small.
const WINDOW: usize = 1 << 20;

/// Cuts the paragraphs into windows of at most `max` bytes: whole
/// paragraphs while they fit, and a longer paragraph in pieces ending at a
/// space (or a character boundary when a piece has none).
fn windows(text: &str, paragraphs: &[Span], max: usize) -> Vec<Vec<Span>> {
    let mut out: Vec<Vec<Span>> = Vec::new();
    let mut size = 0;
    let mut add = |piece: Span| {
        let len = piece.end.saturating_sub(piece.start);
        if out.is_empty() || size + len > max {
            out.push(Vec::new());
            size = 0;
        }
        size += len;
        if let Some(window) = out.last_mut() {
            window.push(piece);
        }
    };
    for &p in paragraphs {
        // Bad spans go through whole, for the window to skip as before.
        if text.get(p.start..p.end).is_none() || p.len() <= max {
            add(p);
            continue;
        }
        let mut start = p.start;
        while start < p.end {
            let mut end = (start + max).min(p.end);
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            if end < p.end {
                if let Some(space) = text.as_bytes()[start..end].iter().rposition(|&b| b == b' ' || b == b'\n') {
                    end = start + space + 1;
                }
            }
            if end == start {
                // A character longer than `max` bytes: only for a tiny `max`.
                end = start + text[start..].chars().next().map_or(1, char::len_utf8);
            }
            add(Span::new(start, end));
            start = end;
        }
    }
    out
}

/// True when a quotation is a title (`“Fox and Friends”`, `“Morning
/// Joe”`): capitalised words without punctuation.
fn title(doc: &Tokens<'_>, piece: &Piece) -> bool {
    let (i, j) = piece.inner;
    let punctuated = (i..j).any(|k| doc.toks[k].is_terminal() || doc.toks[k].is_punct(','));
    !punctuated
        && (i..j).all(|k| {
            let t = &doc.toks[k];
            !t.is_word()
                || t.cap
                || t.is(lexicon::STOP | lexicon::DET)
                || t.span.text(doc.text).starts_with(char::is_numeric)
        })
}

/// True when a quotation is a word cited or held at a distance, whoever
/// speaks around it: `the so-called “temporary” barriers`, `words like
/// “synergy”`, `the term “agentic”`.
fn cited_as_word(doc: &Tokens<'_>, piece: &Piece) -> bool {
    let Some(o) = piece.open.filter(|&o| o > 0) else { return false };
    let w = doc.word(o - 1);
    ["so-called", "word", "words", "term", "terms", "phrase", "dubbed", "nicknamed", "like"]
        .iter()
        .any(|c| w.eq_ignore_ascii_case(c))
}

/// True when a quotation is speech rather than a scare quote or a title.
///
/// A quotation that opens a paragraph, line, sentence or clause is speech
/// when a cue attributes it or when it has at least three words or its own
/// punctuation. A quotation inside a sentence (`its so-called “reasoning”
/// model`) is speech only when a cue stands right before or after it. A run
/// of capitalised words without punctuation (`“Fox and Friends”`) is a title.
fn speech_like(doc: &Tokens<'_>, piece: &Piece, paras: &[(usize, usize)], how: Option<How>) -> bool {
    let (a, _) = paras[piece.para];
    let (i, j) = piece.inner;
    let words = (i..j).filter(|&k| doc.toks[k].is_word()).count();
    let punctuated = (i..j).any(|k| doc.toks[k].is_terminal() || doc.toks[k].is_punct(','));
    if title(doc, piece) || layout::link_line(doc.text, doc.toks, paras[piece.para]) {
        return false;
    }
    // A paragraph that is only a quotation without its own closing
    // punctuation is a heading (`‘Not a lot of units left’`), not speech.
    let (_, b) = paras[piece.para];
    let whole = piece.open == Some(a) && piece.close.is_some_and(|c| doc.skip_closers(c, b) >= b);
    if whole && j > i && !doc.toks[j - 1].is_terminal() && how != Some(How::Adjacent) {
        return false;
    }
    let opens = match piece.open {
        None => true,
        Some(o) => {
            o == a
                || doc.toks[o - 1].is_terminal()
                // After another quotation that ended a sentence (`“No.”
                // “Never.”`), not in a list of quoted words (`“pivot,”
                // “synergy,”`).
                || doc.toks[o - 1].is_double_mark()
                    && o >= 2
                    && (doc.toks[o - 2].is_terminal() || doc.toks[o - 2].is_double_mark())
                || matches!(doc.toks[o - 1].kind, Kind::Punct(':' | '—' | '–' | '―'))
                || doc.text[doc.toks[o - 1].span.end..doc.toks[o].span.start].contains('\n')
        }
    };
    match how {
        Some(How::Adjacent) => true,
        Some(_) => opens || words >= 4 && punctuated,
        None => opens && (words >= 3 || punctuated),
    }
}

#[cfg(test)]
mod window_tests {
    use super::*;

    fn check(text: &str, paragraphs: &[Span], max: usize, expect: &[&[&str]]) {
        let got: Vec<Vec<&str>> =
            windows(text, paragraphs, max).iter().map(|w| w.iter().map(|p| &text[p.start..p.end]).collect()).collect();
        assert_eq!(got, expect);
    }

    #[test]
    fn whole_paragraphs_while_they_fit() {
        let text = "One two.\n\nThree four.\n\nFive.";
        let paragraphs = [Span::new(0, 8), Span::new(10, 21), Span::new(23, 28)];
        check(text, &paragraphs, 100, &[&["One two.", "Three four.", "Five."]]);
        check(text, &paragraphs, 20, &[&["One two.", "Three four."], &["Five."]]);
    }

    #[test]
    fn a_long_paragraph_is_cut_after_a_space() {
        let text = "aaa bbb ccc ddd";
        check(text, &[Span::new(0, 15)], 6, &[&["aaa "], &["bbb "], &["ccc "], &["ddd"]]);
        // No space: cut at a character boundary.
        check("ééééé", &[Span::new(0, 10)], 5, &[&["éé"], &["éé"], &["é"]]);
        // Spans that are not into the text go through, to be skipped later.
        let bad = [Span { start: 5, end: 2 }, Span::new(0, 99)];
        assert_eq!(windows("abc", &bad, 2).concat(), bad);
    }

    #[test]
    fn a_document_over_the_window_keeps_its_quotations() {
        // Each article is found alike whether alone or among many.
        let article = "\u{201c}We will rebuild,\u{201d} the mayor said.\n\n";
        let text = article.repeat(2 * WINDOW / article.len() + 1);
        let quotes = find(&text);
        assert_eq!(quotes.len(), text.matches("rebuild").count());
        let one = find(article);
        for q in quotes.iter().step_by(9973) {
            let offset = q.span.start - one[0].span.start;
            assert_eq!(q.speaker.map(|s| s.start - offset), one[0].speaker.map(|s| s.start));
        }
    }
}
