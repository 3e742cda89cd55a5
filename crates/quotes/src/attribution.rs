//! Who said a quotation: the cue and speaker around its marks.
//!
//! The patterns of news writing, tried in this order for each quotation:
//!
//! 1. a cue right before it: `SPEAKER CUE: “Q”`, `SPEAKER CUE, “Q”`, and the
//!    second half of a split quote (`“A,” she said, “B.”`);
//! 2. a cue right after it: `“Q,” SPEAKER CUE`, `“Q,” CUE SPEAKER`,
//!    `“Q,” SPEAKER, a DESCRIPTION, CUE`, `“Q,” SPEAKER, who ..., CUE`,
//!    `“Q,” according to SPEAKER`;
//! 3. a cue a little before it in the same sentence: `SPEAKER CUE OBJECT
//!    at a rally: “Q”`, `SPEAKER CUE that “Q”`, or a lone colon after a
//!    mention (`Trump’s reply: “Q”`);
//! 4. inherited: from another piece of the same paragraph (`“A,” he said.
//!    “B.”`), from the other paragraphs of a multi-paragraph quotation, from
//!    a colon introduction ending the previous paragraph, or, for a
//!    paragraph that is one quotation, from the previous paragraph's speaker;
//!    a participle right after another quotation (`“…,” adding, “…”`)
//!    takes the subject of that quotation's sentence.

use byline_core::Span;

use crate::lexicon::{
    ATTITUDE, BETWEEN, CONJ, DET, OBJECT, PERSONAL, PREP, PRONOUN, RELATIVE, REPORTING, SPEECH, STANCE, STOP, TIME,
    TITLE,
};
use crate::marks::Piece;
use crate::mentions::{Range, Tokens};
use crate::tokens::{Dir, Kind, Tok};

/// The cue and speaker of a quotation, as token ranges.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Attribution {
    pub speaker: Option<Range>,
    pub cue: Range,
    pub how: How,
}

/// Which pattern attributed a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum How {
    /// A cue right before or right after the marks.
    Adjacent,
    /// A cue a few words before the marks, or a colon after a mention.
    Near,
    /// Another quotation's attribution.
    Inherited,
    /// Reported speech.
    Reported,
}

impl Attribution {
    pub fn new(speaker: Option<Range>, cue: Range, how: How) -> Attribution {
        Attribution { speaker, cue, how }
    }
}

/// Common irregular verbs in the past tense, which end a subject mention
/// (`Kasich took`); regular ones end in -ed.
#[rustfmt::skip]
const IRREGULAR_PAST: &[&str] = &[
    "took", "won", "left", "made", "went", "came", "gave", "ran", "got", "had", "kept", "held", "lost", "led",
    "met", "put", "set", "sent", "spent", "began", "brought", "bought", "caught", "fought", "felt", "found",
    "heard", "knew", "paid", "sat", "stood", "told", "thought", "wrote", "built", "became", "chose", "drew",
    "fell", "grew", "hit", "let", "meant", "rose", "shook", "sold", "spoke", "struck", "taught", "threw",
    "understood", "withdrew", "did", "saw", "was", "were", "has", "is", "are",
];

/// How far attribution looks from a mark, in tokens.
const WINDOW: usize = 40;

/// Most tokens of a sentence whose subject introduces a quotation after a
/// colon (`Okafor, the clinic's director, was curt: “...”`).
const MAX_INTRODUCTION: usize = 16;

/// Most tokens of a signature after a pull quote (`— Name, Place`).
const MAX_SIGNATURE: usize = 12;

impl Tokens<'_> {
    /// True when token `i` (terminal punctuation) ends a sentence: what
    /// follows, past closing marks, starts like a sentence or ends the
    /// paragraph.
    pub fn ends_sentence(&self, i: usize, para_end: usize) -> bool {
        let t = &self.toks[i];
        if !t.is_terminal() {
            // `at 4:15 p.m. No deaths were reported`: the abbreviation's
            // period ends the sentence when a sentence follows.
            return t.is_word()
                && self.text.as_bytes()[t.span.end - 1] == b'.'
                && (self.word(i).ends_with("a.m.") || self.word(i).ends_with("p.m."))
                && self.toks.get(i + 1).is_some_and(|n| {
                    // `p.m. ET` is a time zone, `p.m. No` a sentence.
                    i + 1 < para_end
                        && n.is_word()
                        && n.cap
                        && !n.is(TIME)
                        && self.word(i + 1).chars().any(char::is_lowercase)
                });
        }
        let j = self.skip_closers(i + 1, para_end);
        if j >= para_end {
            return true;
        }
        let n = &self.toks[j];
        match n.kind {
            Kind::Word => n.cap || self.word(j).starts_with(|c: char| c.is_ascii_digit()),
            Kind::Mark { dir, .. } => dir != Dir::Close,
            Kind::Punct(c) => matches!(c, '(' | '[' | '—' | '–' | '-' | '•' | '*'),
        }
    }

    /// The first token from `j` on (below `para_end`) that is not a closing
    /// quote mark or bracket.
    pub fn skip_closers(&self, mut j: usize, para_end: usize) -> usize {
        while j < para_end
            && (matches!(self.toks[j].kind, Kind::Mark { dir: Dir::Close, .. }) || self.toks[j].is_punct(')'))
        {
            j += 1;
        }
        j
    }

    /// The first token of the stretch that ends before `end`: back to a
    /// sentence end, a double quote mark or the paragraph start.
    pub fn floor_left(&self, end: usize, para: (usize, usize)) -> usize {
        let mut k = end;
        while k > para.0 && end - k < WINDOW {
            let t = &self.toks[k - 1];
            if t.is_double_mark() || self.ends_sentence(k - 1, para.1) {
                break;
            }
            k -= 1;
        }
        k
    }

    /// The end of the stretch that starts at `start`: a sentence end
    /// (included), a double quote mark or the paragraph end.
    pub fn limit_right(&self, start: usize, para: (usize, usize)) -> usize {
        let mut k = start;
        while k < para.1 && k - start < WINDOW {
            let t = &self.toks[k];
            if t.is_double_mark() {
                break;
            }
            k += 1;
            if self.ends_sentence(k - 1, para.1) {
                break;
            }
        }
        k
    }

    /// `“Q,” SPEAKER CUE` and `“Q,” CUE SPEAKER` after the closing mark;
    /// `open` is the quotation's opening mark.
    /// `marks_from` is [`mark_runs`]`[close]`.
    pub fn attribution_after(
        &self,
        open: Option<usize>,
        close: usize,
        para: (usize, usize),
        marks_from: usize,
    ) -> Option<Attribution> {
        let mut i = close + 1;
        let mut dash = None;
        while i < para.1 && matches!(self.toks[i].kind, Kind::Punct(',' | '—' | '–' | '-' | '―')) {
            if !self.toks[i].is_punct(',') {
                dash = Some(i);
            }
            i += 1;
        }
        let limit = self.limit_right(i, para);
        if i >= limit {
            return None;
        }
        // `“Q,” he said`: the quotation's own punctuation or a comma after it
        // links it to the words that follow; without (`the ‘bill’ it
        // promised`), they belong to another clause.
        let last = marks_from.max(para.0);
        let own = last.checked_sub(1).filter(|&k| k >= para.0).map(|k| self.toks[k].kind);
        let own_stop = matches!(own, Some(Kind::Punct('.' | '!' | '?' | '…')));
        let own_comma = matches!(own, Some(Kind::Punct(',')));
        let linked = own_stop || own_comma || matches!(own, Some(Kind::Punct('—' | '–' | '-'))) || i > close + 1;
        // Without the comma (`“We will be back” Fain said.`), a quotation
        // that opens a statement is still attributed by words that end the
        // sentence.
        let statement = open.is_some_and(|o| {
            o <= para.0 || self.toks[o - 1].is_terminal() || matches!(self.toks[o - 1].kind, Kind::Punct(':' | ','))
        });
        if !linked && !statement {
            return None;
        }
        // A line break after `.”` and a capital: the next line is a new
        // paragraph of text written one paragraph per line.
        let line_break = self.text[self.toks[close].span.end..self.toks[i].span.start].contains('\n');
        if own_stop && line_break && self.toks[i].cap {
            return None;
        }
        // After `.”` a capitalised word starts a new sentence, which
        // attributes the quotation only when it is just the attribution
        // (`“We won.” Smith said.`), not `“…” He said his caucus …`.
        let new_sentence = own_stop && self.toks[i].cap || !linked;
        let ends_here = |cue: usize, at: usize| {
            !new_sentence
                || at >= limit
                || self.toks[at].is_terminal()
                || self.toks[at].is_punct(',')
                || self.tail_words(cue, at, limit)
        };
        if let Some(d) = dash {
            if let Some((s, e)) = self.mention_right(i, limit) {
                let ends = e >= limit
                    || self.toks[e].is_terminal()
                    || self.text[self.toks[e - 1].span.end..self.toks[e].span.start].contains('\n');
                if ends && (s..e).any(|k| self.toks[k].cap) && self.cue_at(e, limit).is_none() {
                    return Some(Attribution::new(Some((s, e)), (d, d + 1), How::Adjacent));
                }
            }
        }
        // The cue first: `“Q,” said Smith`, `“Q,” according to Smith`.
        let i = self.skip_between_right(i, limit);
        if let Some((cue_end, true)) = self.cue_at(i, limit) {
            let mut j = cue_end;
            while j < limit && self.toks[j].is(TIME) && self.toks[j].is_word() {
                j += 1;
            }
            let according = self.word(i).eq_ignore_ascii_case("according");
            let speaker = if according { self.source_right(j, limit) } else { self.mention_right(j, limit) };
            let speaker = speaker.filter(|&(s, _)| !self.toks[s].is(OBJECT)).map(|m| self.named_apposition(m, limit));
            // `“dead on arrival,” adding, “...”`: a participle with no
            // speaker of its own introduces what follows, not the
            // quotation before it.
            let w = self.word(i);
            let participle = w.ends_with("ing") && !according;
            if !ends_here(i, speaker.map_or(j, |m| m.1)) || participle && speaker.is_none() {
                return None;
            }
            return Some(Attribution::new(speaker, (i, cue_end), How::Adjacent));
        }
        // A statement left open by its own comma is attributed by what
        // follows, whatever the verb (see `any_verb`): `“Q,” echoes Dr. Lee.`
        let open_statement = own_comma && statement;
        if open_statement && self.any_verb(i) {
            let speaker = self.mention_right(i + 1, limit).filter(|&m| self.person(m));
            if let Some((s, e)) = speaker.filter(|&(_, e)| e >= limit || self.toks[e].is_terminal()) {
                return Some(Attribution::new(Some((s, e)), (i, i + 1), How::Adjacent));
            }
        }
        // The speaker first: `“Q,” Smith said`, `“Q,” Smith, a spokesman, said`,
        // `“Q,” a message on the website reads`.
        let (s, mut e) = self.mention_right(i, limit)?;
        // `independent economist and former Treasury official Larry
        // Summers told`: descriptions coordinated before the cue.
        if self.word_is(e, "and") {
            if let Some((_, e2)) = self.mention_right(e + 1, limit) {
                if matches!(self.cue_at(self.skip_between_right(e2, limit), limit), Some((_, true))) {
                    e = e2;
                }
            }
        }
        // `a longtime trader who asked not to be named told Bloomberg.`:
        // the cue that ends the sentence after a relative clause.
        if e < limit && self.toks[e].is(RELATIVE) {
            let cue = (e + 2..limit.min(e + 16)).rev().find_map(|c| match self.cue_at(c, limit) {
                Some((cue_end, true)) if !self.word(c).ends_with("ing") && self.closes_sentence(c, cue_end, limit) => {
                    Some((c, cue_end))
                }
                _ => None,
            });
            if let Some(cue) = cue {
                let speaker = (s, self.skip_between_left(cue.0, e));
                return Some(Attribution::new(Some(speaker), cue, How::Adjacent));
            }
        }
        let mut j = self.skip_between_right(e, limit);
        if j + 1 < limit && self.toks[j].is(PREP) && !self.toks[j].cap && self.toks[s].is(DET) {
            if let Some((_, pe)) = self.mention_right(j + 1, limit) {
                let c = self.skip_between_right(pe, limit);
                if matches!(self.cue_at(c, limit), Some((_, true))) {
                    j = c;
                }
            }
        }
        match self.cue_at(j, limit) {
            Some((cue_end, true)) => {
                return ends_here(j, cue_end).then_some(Attribution::new(Some((s, e)), (j, cue_end), How::Adjacent));
            }
            // Any cue of thought or stance that ends the sentence right
            // after the quotation attributes it: `“...,” it recommended.`;
            // an action does not (`“...,” the board approved.`).
            Some((cue_end, false)) if !self.word(j).ends_with("ing") && self.toks[j].is(STANCE | REPORTING) => {
                let closes = cue_end >= limit || self.toks[cue_end].is_terminal();
                return closes.then_some(Attribution::new(Some((s, e)), (j, cue_end), How::Adjacent));
            }
            _ => {}
        }
        // `“Q,” he states in his book.`, `“Q,” Ana Ruiz reflected.` (a verb
        // the lexicon does not know ends the run of a name's words); a verb
        // with an object is an action (`“Q,” Smith unveiled a plan.`).
        if open_statement {
            let (name_end, v) = if e > s + 1 && self.any_verb(e - 1) { (e - 1, e - 1) } else { (e, j) };
            if self.person((s, name_end)) && self.any_verb(v) && self.tail_words(v, v + 1, limit) {
                return Some(Attribution::new(Some((s, name_end)), (v, v + 1), How::Adjacent));
            }
        }
        if !(linked && j < limit && matches!(self.toks[j].kind, Kind::Punct(',' | '—' | '–'))) {
            return None;
        }
        // `SPEAKER, a spokesman for X, said` / `SPEAKER, who ..., said`: the
        // first speech cue after a comma closing the apposition.
        let mut k = j + 1;
        while k < limit {
            if matches!(self.toks[k].kind, Kind::Punct(',' | '—' | '–')) {
                let c = self.skip_between_right(k + 1, limit);
                if let Some((cue_end, true)) = self.cue_at(c, limit) {
                    // A name over a description: `the chief medical
                    // officer, Dr. Ruth Kell, said`.
                    let speaker = self.named_apposition((s, e), limit);
                    return Some(Attribution::new(Some(speaker), (c, cue_end), How::Adjacent));
                }
            }
            k += 1;
        }
        None
    }

    /// A word that reads as a verb in `“Q,” she VERB.`, where the lexicon
    /// may not know it (`states`, `reflected`): a lower-case word of letters
    /// in -s or -ed, of no closed class (`was`, `has` and `press` are not).
    fn any_verb(&self, i: usize) -> bool {
        let Some(t) = self.toks.get(i) else { return false };
        let w = self.word(i);
        t.is_word()
            && !t.cap
            && w.len() > 3
            && w.bytes().all(|b| b.is_ascii_lowercase())
            && (w.ends_with("ed") || w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is"))
            && !t.is(DET | PRONOUN | BETWEEN | STOP | TIME | TITLE | OBJECT | CONJ | PREP | RELATIVE)
    }

    /// A mention that names a person: a personal pronoun or capitalised
    /// words (`Dr. Lee`), not a description (`the report`).
    fn person(&self, (s, e): Range) -> bool {
        if e == s + 1 && self.toks[s].is(PERSONAL) {
            return true;
        }
        (s..e).all(|k| self.toks[k].cap || !self.toks[k].is_word()) && !self.toks[s].is(DET | PRONOUN)
    }

    /// The person a quotation with no cue continues when narration about
    /// them leads up to it in its paragraph: the subject of the sentence
    /// right before the opening mark (`Early on, she lost two patients.
    /// “You never forget that.”`, `Mr. Ruiz describes himself as a
    /// moderate. “Why would I side with them?”`). No one when that
    /// sentence holds a quotation (`quoted`; a scare quote is narration)
    /// or its subject is not a person.
    pub fn narrator(&self, open: usize, para: (usize, usize), quoted: &[bool]) -> Option<Attribution> {
        if open <= para.0 || !self.toks[open - 1].is_terminal() {
            return None;
        }
        let end = open - 1;
        let floor = end.saturating_sub(WINDOW).max(para.0);
        let mut start = end;
        while start > floor && !self.ends_sentence(start - 1, para.1) {
            start -= 1;
        }
        if start == floor && floor > para.0 {
            return None;
        }
        // The closing mark of a quotation that ended the sentence before
        // (`“…” Golden pauses. “…”`) is not part of this one.
        let start = self.skip_closers(start, end);
        if start >= end || quoted[start..end].iter().any(|&q| q) {
            return None;
        }
        let (s, e) = self.subject(start, end)?;
        // A name, up to its verb (`Mr. Ruiz describes`), or a third person
        // (`I` and `we` in narration are the writer, not the speaker).
        let name_end = if e == s + 1 && self.toks[s].is(PERSONAL) {
            if !["he", "she", "they"].iter().any(|w| self.word_is(s, w)) {
                return None;
            }
            e
        } else {
            let name_end = (s..e).find(|&k| self.toks[k].is_word() && !self.toks[k].cap).unwrap_or(e);
            let verb_next = name_end == e || self.any_verb(name_end);
            if name_end == s || !verb_next || !self.person((s, name_end)) {
                return None;
            }
            name_end
        };
        // The verb is the cue when the lexicon knows it (`Mr. Ruiz said
        // his group would appeal. “…”`, `describes himself as`).
        let v = self.skip_between_right(name_end, end);
        let cue = self.cue_at(v, end).map_or((name_end, name_end), |(cue_end, _)| (v, cue_end));
        Some(Attribution::new(Some((s, name_end)), cue, How::Inherited))
    }

    /// A quotation inside the relative clause of its own speaker: `Doug
    /// Reyes, who lost 16 lbs. “and two belt loops” by October, says the
    /// program worked.` The name before `, who` speaks, with the cue after
    /// the comma that closes the clause.
    pub fn inside_relative(&self, open: usize, close: usize, para: (usize, usize)) -> Option<Attribution> {
        let floor = self.floor_left(open, para);
        // `, who` with no comma between it and the quotation.
        let who =
            (floor + 1..open).rev().take_while(|&k| !self.toks[k].is_punct(',')).find(|&k| self.word_is(k, "who"))?;
        if !self.toks[who - 1].is_punct(',') {
            return None;
        }
        let head = self.mention_left(who - 1, floor).filter(|&m| self.named(m) && self.clause_start(m.0, floor))?;
        let limit = self.limit_right(close + 1, para);
        let comma = (close + 1..limit).find(|&k| self.toks[k].is_punct(','))?;
        let c = self.skip_between_right(comma + 1, limit);
        match self.cue_at(c, limit) {
            Some((cue_end, true)) if !self.word(c).ends_with("ing") => {
                Some(Attribution::new(Some(head), (c, cue_end), How::Adjacent))
            }
            _ => None,
        }
    }

    /// The speaker of a participle cue (`cue`) that follows the quotation
    /// `prev` in its sentence (`“...,” adding, “...”`, `“...” Adding, “...”`,
    /// `“...,” and then adding:`): the subject of the sentence before
    /// `prev`'s opening mark (`Ash described the move as “...,” adding:`),
    /// else the speaker of `prev` (`prev_own`). The quotation in between
    /// hides that subject from the participle's own look-back.
    pub fn continued_speaker(
        &self,
        prev: &Piece,
        prev_own: Option<Attribution>,
        cue: Option<Range>,
        para: (usize, usize),
    ) -> Option<Range> {
        let (c, _) = cue?;
        let close = prev.close?;
        let w = self.word(c);
        let participle = self.toks[c].is_word() && w.ends_with("ing") && !w.eq_ignore_ascii_case("according");
        if !participle || c <= close || c > close + 4 {
            return None;
        }
        let joined = (close + 1..c).all(|k| match self.toks[k].kind {
            Kind::Punct(p) => matches!(p, ',' | ':' | '—' | '–'),
            Kind::Word => ["and", "while", "then", "before"].iter().any(|j| self.word_is(k, j)),
            Kind::Mark { .. } => false,
        });
        if !joined {
            return None;
        }
        let subject = prev
            .open
            .and_then(|open| self.subject(self.floor_left(open, para), open).filter(|&(s, e)| e > s && e <= open));
        subject.or(prev_own.and_then(|a| a.speaker))
    }

    /// A pull quote or a post set off as its own paragraph, without marks,
    /// and signed: `We will rebuild, together. — Justin Trudeau`, `… what
    /// it gave me. Morgan Reid`, `… at their door. Matt Diaz, Homefinder.ca`,
    /// `… together. Justin Trudeau wrote on X.` The quotation (with its
    /// closing punctuation) and its attribution: the dash or the cue, or
    /// none (an empty cue range) for a bare signature.
    /// `named_elsewhere` tells whether the signer's name also stands
    /// outside the paragraph (`… on their doors. Matt Diaz, Homefinder.ca`
    /// where the article quotes Matt Diaz too).
    pub fn signed_paragraph(
        &self,
        (a, b): (usize, usize),
        named_elsewhere: &dyn Fn(Span) -> bool,
    ) -> Option<(Range, Attribution)> {
        if b < a + 6 || (a..b).any(|k| self.toks[k].is_mark()) {
            return None;
        }
        let end = if self.toks[b - 1].is_terminal() { b - 1 } else { b };
        // The sentence's stop is followed by a space, not `Homefinder.ca`'s.
        let spaced = |k: usize| self.text[self.toks[k].span.end..].starts_with(char::is_whitespace);
        let stop = (a..end).rev().take(MAX_SIGNATURE).find(|&k| self.toks[k].is_terminal() && spaced(k))?;
        let mut i = stop + 1;
        let dash = (i < end && matches!(self.toks[i].kind, Kind::Punct('—' | '–' | '―' | '-'))).then_some(i);
        i += usize::from(dash.is_some());
        let name_word = |k: usize| {
            let t = &self.toks[k];
            t.is_word() && t.cap && !t.is(PRONOUN | TIME) && (!t.is(STOP | DET) || t.is(TITLE))
        };
        let name_end = (i..end.min(i + 4)).find(|&k| !name_word(k)).unwrap_or(end.min(i + 4));
        // A bare name needs two words: `… on Monday. Reuters` is a credit.
        if name_end == i || dash.is_none() && name_end < i + 2 {
            return None;
        }
        let mut j = name_end;
        let mut cue = dash.map(|d| (d, d + 1));
        if j + 1 < end && self.toks[j].is_punct(',') && self.cue_at(j + 1, end).is_none() {
            // An affiliation or a place: `, Homefinder.ca`, `, Moncton`.
            j += 1;
            // A web address (`Homefinder.ca`) is words and stops without spaces.
            let part = |k: usize| self.toks[k].is_word() && self.toks[k].cap || !spaced(k) && k + 1 < end;
            while j < end && j < name_end + 6 && (part(j) || self.toks[j].is_word() && !spaced(j - 1)) {
                j += 1;
            }
        } else if let Some((cue_end, true)) = self.cue_at(self.skip_between_right(j, end), end) {
            let c = self.skip_between_right(j, end);
            cue = Some((c, cue_end));
            j = if self.tail_words(c, cue_end, end) { end } else { cue_end };
        }
        // A bare signature ends the paragraph without a period.
        let bare = cue.is_none_or(|c| dash == Some(c.0));
        let words = (a..stop).filter(|&k| self.toks[k].is_word()).count();
        if j != end || bare && end < b || words < 5 || !self.toks[a].cap {
            return None;
        }
        // Under a bare name, someone speaks of themselves or to the reader
        // (`I`, `we`, `you`), or someone the article names elsewhere; else
        // the name is a credit (`Staff Reporter`).
        let signer = self.span((i, name_end));
        if bare && dash.is_none() && !(a..stop).any(|k| self.first_or_second_person(k)) && !named_elsewhere(signer) {
            return None;
        }
        let cue = cue.unwrap_or((name_end, name_end));
        Some(((a, stop + 1), Attribution::new(Some((i, name_end)), cue, How::Adjacent)))
    }

    /// `I`, `we`, `you` and their forms.
    fn first_or_second_person(&self, k: usize) -> bool {
        let w = self.word(k).split(['\'', '’']).next().unwrap_or("");
        ["i", "we", "you", "my", "our", "your", "me", "us"].iter().any(|p| w.eq_ignore_ascii_case(p))
    }

    /// The name in apposition to a description after a cue (`says her
    /// partner, Jason Lee.`): a name over a description; else the mention.
    fn named_apposition(&self, (s, e): Range, limit: usize) -> Range {
        if !self.description((s, e)) || e + 1 >= limit || !self.toks[e].is_punct(',') || !self.toks[e + 1].cap {
            return (s, e);
        }
        match self.mention_right(e + 1, limit) {
            Some((ns, ne))
                if !self.toks[ns].is(DET | PRONOUN)
                    && (ne >= limit || matches!(self.toks[ne].kind, Kind::Punct(',' | '.' | '!' | '?'))) =>
            {
                (ns, ne)
            }
            _ => (s, e),
        }
    }

    /// True when nothing but an object (`told Bloomberg`) and what may
    /// follow an attribution stands between the cue `c..cue_end` and the end
    /// of the sentence.
    fn closes_sentence(&self, c: usize, cue_end: usize, limit: usize) -> bool {
        let mut j = cue_end;
        if self.takes_object(c) {
            j = self.mention_right(j, limit).map_or(j, |m| m.1);
        }
        self.tail_words(c, j, limit)
    }

    /// A cue before the opening mark. `adjacent` asks only for a cue right
    /// before it (punctuation aside); otherwise a few object or
    /// prepositional words may stand between.
    pub fn attribution_before(&self, open: usize, para: (usize, usize), adjacent: bool) -> Option<Attribution> {
        let floor = self.floor_left(open, para);
        let mut k = open;
        let mut colon = None;
        while k > floor && matches!(self.toks[k - 1].kind, Kind::Punct(':' | ',' | '—' | '–' | '-')) {
            if self.toks[k - 1].is_punct(':') {
                colon = Some(k - 1);
            }
            k -= 1;
        }
        if k <= floor {
            return None;
        }
        // Adverbs after the cue (`asked sharply, “...”`), then `that`
        // before the mark: `he said that “...`.
        let mut end = self.skip_adverbs_left(k, floor);
        if end > floor && self.toks[end - 1].is_word() && self.word(end - 1).eq_ignore_ascii_case("that") {
            end -= 1;
        }
        let comma = k < open && self.toks[k].is_punct(',');
        let max_gap = if adjacent {
            0
        } else if colon.is_some() {
            8
        } else if comma {
            6
        } else {
            4
        };
        let mut c = end;
        while c > floor && end - c <= max_gap + 2 {
            c -= 1;
            let hit = match self.cue_at(c, end) {
                Some(found) => Some((c, found)),
                // The last word of a phrase (`pointed out`): it starts a little before.
                None => (c.saturating_sub(2).max(floor)..c)
                    .rev()
                    .find_map(|k| self.cue_at(k, end).filter(|&(e, _)| e > c).map(|found| (k, found))),
            };
            let Some((start, (cue_end, speech))) = hit else {
                // `responded pointedly, with a smile: “...”`.
                if !(self.gap_word(c) || colon.is_some() && self.toks[c].is_punct(',')) {
                    break;
                }
                continue;
            };
            c = start;
            // Any cue introduces a quotation after a colon (`addressed the
            // crowd again: “...”`); a cue after a determiner is a noun (`a
            // written statement`).
            let noun = c > floor
                && ["a", "an", "the", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those"]
                    .iter()
                    .any(|d| self.word_is(c - 1, d));
            if !speech && (adjacent || colon.is_none()) || noun || end - cue_end > max_gap {
                break;
            }
            // `..., saying, “...”`: the subject of the sentence speaks.
            let w = self.word(c);
            let ing = w.ends_with("ing") && !w.eq_ignore_ascii_case("according");
            let b = self.skip_between_left(c, floor);
            // `..., holding signs and chanting “...”`: participles coordinated.
            let coordinated_ing = b > floor + 2
                && self.word_is(b - 1, "and")
                && (floor..b - 1).rev().take(6).any(|k| {
                    k > floor
                        && self.toks[k - 1].is_punct(',')
                        && self.word(k).ends_with("ing")
                        && self.toks[k].is_word()
                });
            let participle = ing && b > floor && (self.toks[b - 1].is_punct(',') || coordinated_ing);
            // `went on to say, “...”`, `was moved to write:`: the subject
            // of the sentence says it.
            let infinitive = c > floor && self.word_is(c - 1, "to");
            let speaker = if participle || infinitive {
                self.earlier_speaker(floor, c).or_else(|| self.subject(floor, c))
            } else {
                None
            }
            .or_else(|| {
                // `she released a statement saying, “...”`: the
                // participle follows an object; the subject speaks.
                let before = self.speaker_before(c, floor)?;
                let subject_here = self.named(before)
                    || self.clause_start(before.0, floor)
                    || before.0 > floor && self.word_is(before.0 - 1, "with");
                let object = ing && !subject_here;
                Some(if object { self.subject(floor, c).filter(|s| s.1 <= before.0).unwrap_or(before) } else { before })
            })
            .or_else(|| self.coordinated_speaker(floor, c))
            // `explained the headline by saying: “...”`.
            .or_else(|| if ing { self.subject(floor, c) } else { None })
            .or_else(|| {
                // `Said Smith: “...”`.
                self.mention_right(cue_end, end).filter(|&(s, _)| !self.toks[s].is(OBJECT))
            });
            let how = if adjacent || end == cue_end { How::Adjacent } else { How::Near };
            return Some(Attribution::new(speaker, (c, cue_end), how));
        }
        // A mention and a colon: `Trump’s reply: “...”`.
        if let (Some(colon), false) = (colon, adjacent) {
            if let Some((s, e)) = self.mention_left(colon, floor) {
                if self.clause_start(s, floor) && e - s <= 6 && (self.toks[s].cap || self.toks[s].is(DET)) {
                    return Some(Attribution::new(Some((s, e)), (colon, colon + 1), How::Near));
                }
            }
            // A named subject introduces it: `Okafor, the clinic's director,
            // was curt: “...”` (not `The problem is simple:`).
            let named = |(s, e): Range| {
                e > s && (self.toks[s].cap && !self.toks[s].is(DET | STOP) || self.toks[s].is(PERSONAL))
            };
            if colon <= floor + MAX_INTRODUCTION {
                if let Some(subject) = self.subject(floor, colon).filter(|&m| named(m)) {
                    return Some(Attribution::new(Some(subject), (colon, colon + 1), How::Near));
                }
            }
        }
        None
    }

    /// Skips adverbs in -ly leftwards from `end` (`said quietly`).
    fn skip_adverbs_left(&self, mut end: usize, floor: usize) -> usize {
        while end > floor && {
            let t = &self.toks[end - 1];
            let w = self.word(end - 1);
            t.is_word() && !t.cap && w.len() > 4 && w.ends_with("ly") && !t.is(SPEECH | REPORTING | ATTITUDE)
        } {
            end -= 1;
        }
        end
    }

    /// True when the words from `at` to `limit` are only what may follow an
    /// attribution: time words, objects, prepositional phrases and a clause
    /// of time (`as he left`).
    fn tail_words(&self, cue: usize, mut at: usize, limit: usize) -> bool {
        let _ = cue;
        let mut steps = 0;
        while at < limit && steps < 6 {
            let t = &self.toks[at];
            if t.is_terminal() || t.is_punct(',') {
                return true;
            }
            if !t.is_word() {
                return false;
            }
            let w = self.word(at);
            // `Smith said as he left the stage.`: a clause of time or manner
            // after the attribution.
            if !t.cap && ["as", "while", "when", "before", "after"].contains(&w) {
                return true;
            }
            let adverb = !t.cap && w.len() > 4 && w.ends_with("ly");
            if t.is(TIME | OBJECT) && !t.cap || t.cap && w.len() > 1 && t.is(TIME) || adverb {
                at += 1;
            } else if (t.is(PREP) || w.eq_ignore_ascii_case("and")) && !t.cap {
                // `during his appearance on Fox and Friends`.
                at = self.mention_right(at + 1, limit).map_or(at + 1, |m| m.1);
            } else {
                return false;
            }
            steps += 1;
        }
        at >= limit || self.toks[at].is_terminal() || self.toks[at].is_punct(',')
    }

    /// A word that may stand between a cue and a quotation: objects and
    /// prepositional phrases (`told reporters at a rally on Monday:`).
    fn gap_word(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.is_word()
            && (!t.is(BETWEEN | STOP) || t.is(PREP | DET | TIME | OBJECT | TITLE) || t.cap)
            && !self.word(i).eq_ignore_ascii_case("that")
    }

    /// The last cue of a paragraph that ends with a colon (`He said:`): the
    /// introduction of the quotation in the next paragraph.
    pub fn colon_introduction(&self, para: (usize, usize)) -> Option<Attribution> {
        let (a, b) = para;
        if b <= a || !self.toks[b - 1].is_punct(':') {
            return None;
        }
        let floor = self.floor_left(b - 1, para);
        let mut c = b - 1;
        while c > floor {
            c -= 1;
            if let Some((cue_end, true)) = self.cue_at(c, b - 1) {
                // `She went on to say:`: the subject of the sentence.
                let infinitive = c > floor && self.word_is(c - 1, "to");
                let speaker = if infinitive { self.subject(floor, c) } else { None }
                    .or_else(|| self.speaker_before(c, floor))
                    .or_else(|| self.mention_right(cue_end, b - 1));
                return Some(Attribution::new(speaker, (c, cue_end), How::Inherited));
            }
        }
        let (s, e) = self.mention_left(b - 1, floor)?;
        (s == floor).then_some(Attribution::new(Some((s, e)), (b - 1, b), How::Inherited))
    }

    /// `I laughed and said`: a cue coordinated with an earlier verb shares
    /// its subject.
    pub fn coordinated_speaker(&self, floor: usize, c: usize) -> Option<Range> {
        let b = self.skip_between_left(c, floor);
        let coordinated = b > floor && self.toks[b - 1].is(CONJ) && !self.toks[b - 1].cap;
        if !coordinated {
            return None;
        }
        self.earlier_speaker(floor, b - 1).or_else(|| self.subject(floor, b - 1))
    }

    /// The speaker of a speech cue earlier in the sentence (`Spicer said,
    /// adding, “...”`).
    pub fn earlier_speaker(&self, floor: usize, end: usize) -> Option<Range> {
        // The main clause's cue: the first one whose speaker opens a clause,
        // or that a speaker follows (`“...,” said Devine, suggesting`); in a
        // bounded window, so a long sentence stays linear.
        (floor.max(end.saturating_sub(WINDOW))..end).find_map(|k| match self.cue_at(k, end) {
            Some((cue_end, true)) => {
                self.speaker_before(k, floor).filter(|m| self.clause_start(m.0, floor)).or_else(|| {
                    let inverted = k == floor || matches!(self.toks[k - 1].kind, Kind::Punct(',') | Kind::Mark { .. });
                    let after = self.mention_right(cue_end, end).filter(|&(s, _)| !self.toks[s].is(OBJECT));
                    after.filter(|_| inverted && !self.word(k).ends_with("ing"))
                })
            }
            _ => None,
        })
    }

    /// The subject of the sentence starting at `floor`, before `end`: the
    /// first mention after an opening adverbial and its comma (`In a
    /// speech, Trump attacked ..., saying`, `Hours later, she wrote`).
    pub fn subject(&self, floor: usize, end: usize) -> Option<Range> {
        let mut s = floor;
        if let Some(comma) = self.opening_adverbial(floor, end) {
            s = comma + 1;
        }
        if s < end && self.toks[s].is_word() && (self.toks[s].is(CONJ) || self.approximate_number(s)) {
            s += 1;
        }
        // The subject ends before its verb: `the frustration boiled over`,
        // `Kasich took a different tack`.
        let (a, b) = self.mention_right(s, end)?;
        // `It is worth noting`, `there were reports`: no one speaks.
        let expletive = b == a + 1 && (self.word_is(a, "it") || self.word_is(a, "there"));
        if expletive && (b < end && ["is", "was", "'s", "’s", "seems"].iter().any(|w| self.word_is(b, w))) {
            return None;
        }
        let verb = (a + 1..b).find(|&k| {
            let t = &self.toks[k];
            // `Dozens of nurses rallied at the hospital`: a past verb
            // before a preposition or determiner ends the subject too.
            let verb_context = self.toks[k - 1].cap || k + 1 == b || self.toks[k + 1].is(PREP | DET);
            t.is_word() && !t.cap && verb_context && self.past_verb(k)
        });
        Some((a, verb.unwrap_or(b)))
    }

    /// `About 200 protesters`: a word before a number that makes it a
    /// quantity, not a preposition opening an adverbial.
    fn approximate_number(&self, k: usize) -> bool {
        self.toks.get(k + 1).is_some_and(|n| n.is_word())
            && self.word(k + 1).starts_with(|c: char| c.is_ascii_digit())
            && ["about", "around", "nearly", "almost", "roughly", "some", "over"].iter().any(|q| self.word_is(k, q))
    }

    /// A word that reads as a verb in the past tense (`boiled`, `took`).
    fn past_verb(&self, k: usize) -> bool {
        self.ends_with(k, "ed") || IRREGULAR_PAST.iter().any(|w| self.word_is(k, w))
    }

    /// The comma closing an adverbial that opens the sentence at `floor`:
    /// a prepositional phrase (`In a speech,`), a participle (`Speaking in
    /// Iowa,`), an adverb (`Separately,`) or a time (`Hours later,`,
    /// `Last week,`).
    fn opening_adverbial(&self, floor: usize, end: usize) -> Option<usize> {
        let t = &self.toks[floor];
        if !t.is_word() {
            return None;
        }
        let w = self.word(floor);
        let comma = (floor + 1..end.min(floor + 16)).find(|&k| self.toks[k].is_punct(','))?;
        // A capitalised `-ing` or `-ly` word may be a name (`Manning,`).
        let next_lower = self.toks.get(floor + 1).is_some_and(|n| n.is_word() && !n.cap);
        let verbal = w.len() > 4 && (w.ends_with("ing") || w.ends_with("ly"));
        let opener = t.is(PREP | STOP | TIME) && !t.is(DET | PRONOUN) && !self.approximate_number(floor)
            || verbal && (!t.cap || next_lower || t.is(BETWEEN));
        // A short phrase with a time word or a year in it and no verb:
        // `Two days later,`, `Back in 1999,` (not `Hundreds marched on
        // Saturday,`).
        let year = |k: usize| {
            let w = self.word(k).as_bytes();
            w.len() == 4 && (w.starts_with(b"19") || w.starts_with(b"20")) && w.iter().all(u8::is_ascii_digit)
        };
        let timed = comma <= floor + 4
            && (floor..comma).any(|k| self.toks[k].is_word() && (self.toks[k].is(TIME) || year(k)))
            && !(floor..comma).any(|k| self.past_verb(k));
        (opener || timed).then_some(comma)
    }
}

/// For each token `k` (and `k = toks.len()`), the first token of the run of
/// quote marks, `)` and `'` that ends right before it; `k` when token
/// `k - 1` is none of them. One pass, so a text of nothing but quote marks
/// does not make every quotation walk back over all the marks before it.
fn mark_runs(toks: &[Tok]) -> Vec<usize> {
    let mut out = Vec::with_capacity(toks.len() + 1);
    out.push(0);
    for (k, t) in toks.iter().enumerate() {
        let closing = t.is_mark() || matches!(t.kind, Kind::Punct(')' | '\''));
        out.push(if closing { out[k] } else { k + 1 });
    }
    out
}

/// Attributes every piece; `None` for pieces nothing attributes.
pub(crate) fn attribute(doc: &Tokens<'_>, pieces: &[Piece], paras: &[(usize, usize)]) -> Vec<Option<Attribution>> {
    let marks_from = if pieces.is_empty() { Vec::new() } else { mark_runs(doc.toks) };
    let mut own: Vec<Option<Attribution>> = pieces
        .iter()
        .map(|p| {
            let para = paras[p.para];
            let before = |adjacent| p.open.and_then(|o| doc.attribution_before(o, para, adjacent));
            before(true)
                .or_else(|| p.close.and_then(|c| doc.attribution_after(p.open, c, para, marks_from[c])))
                .or_else(|| before(false))
                .or_else(|| p.open.zip(p.close).and_then(|(o, c)| doc.inside_relative(o, c, para)))
        })
        .collect();

    // `Ash called it “a breach of trust,” adding: “...”`: a participle
    // right after a quotation continues that sentence, whose subject (or
    // the quotation's own speaker) speaks.
    for i in 1..pieces.len() {
        if pieces[i - 1].para == pieces[i].para && own[i].is_some_and(|a| a.speaker.is_none()) {
            let speaker =
                doc.continued_speaker(&pieces[i - 1], own[i - 1], own[i].map(|a| a.cue), paras[pieces[i].para]);
            if let (Some(a), Some(speaker)) = (own[i].as_mut(), speaker) {
                a.speaker = Some(speaker);
            }
        }
    }

    // A multi-paragraph quotation has one attribution, wherever it is.
    let mut i = 0;
    while i < pieces.len() {
        let mut j = i + 1;
        while j < pieces.len() && pieces[j].continues && pieces[j].para > pieces[j - 1].para {
            j += 1;
        }
        if j - i > 1 {
            if let Some(found) = own[i..j].iter().flatten().next().copied() {
                for a in &mut own[i..j] {
                    a.get_or_insert(Attribution { how: How::Inherited, ..found });
                }
            }
        }
        i = j;
    }

    // Within a paragraph: the nearest attributed piece, before or after
    // (one sweep each way, so a paragraph of many quotations stays linear).
    let n = pieces.len();
    let mut before: Vec<Option<Attribution>> = vec![None; n];
    let mut after: Vec<Option<Attribution>> = vec![None; n];
    for i in 1..n {
        if pieces[i - 1].para == pieces[i].para {
            before[i] = own[i - 1].or(before[i - 1]);
        }
    }
    for i in (0..n.saturating_sub(1)).rev() {
        if pieces[i + 1].para == pieces[i].para {
            after[i] = own[i + 1].or(after[i + 1]);
        }
    }
    let mut out: Vec<Option<Attribution>> = (0..n)
        .map(|i| own[i].or_else(|| before[i].or(after[i]).map(|a| Attribution { how: How::Inherited, ..a })))
        .collect();

    // A paragraph that opens with an unattributed quotation: a colon
    // introduction at the end of the previous paragraph, else the previous
    // paragraph's last attributed quotation.
    for i in 0..pieces.len() {
        if out[i].is_some() {
            continue;
        }
        let p = pieces[i];
        let (a, _) = paras[p.para];
        if p.open != Some(a) && !p.continues || p.para == 0 {
            continue;
        }
        let prev = paras[p.para - 1];
        let from_colon = doc.colon_introduction(prev);
        let from_piece = (0..i).rev().take_while(|&k| pieces[k].para + 1 >= p.para).find_map(|k| out[k]);
        if let Some(found) = from_colon.or(from_piece).map(|a| Attribution { how: How::Inherited, ..a }) {
            for k in i..pieces.len() {
                if pieces[k].para != p.para || out[k].is_some() {
                    break;
                }
                out[k] = Some(found);
            }
        }
    }
    out
}
