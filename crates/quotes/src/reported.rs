//! Reported speech: what someone said, without quote marks.
//!
//! Three sentence shapes, outside quotations:
//!
//! - `According to SPEAKER, CLAUSE.`
//! - `CLAUSE, SPEAKER CUE.` / `CLAUSE, CUE SPEAKER.` / `CLAUSE, according
//!   to SPEAKER.` (the attribution closes the sentence);
//! - `SPEAKER CUE (OBJECT) (in a statement) (that) CLAUSE.`
//!
//! The quotation is the reported clause, up to the end of the sentence.

use crate::attribution::{Attribution, How};
use crate::lexicon::{DET, OBJECT, PREP, PRONOUN, TIME};
use crate::mentions::{Range, Tokens};
use crate::tokens::Kind;

/// A reported clause and its attribution.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reported {
    pub clause: Range,
    pub attribution: Attribution,
}

/// Shortest clause worth reporting, in tokens.
const MIN_CLAUSE: usize = 3;

/// Cue verbs that take the addressee as an object (`told reporters`).
const OBJECT_CUES: &[&str] = &[
    "tell", "told", "tells", "telling", "inform", "informed", "informs", "assured", "assures", "reminded", "reminds",
    "warned", "warns", "urged", "urges", "advised", "advises", "asked", "asks", "promised", "promises",
];

impl Tokens<'_> {
    /// The reported speech of paragraph `para`; `quoted[i]` marks tokens
    /// inside direct quotations.
    pub fn reported(&self, para: (usize, usize), quoted: &[bool], out: &mut Vec<Reported>) {
        let (a, b) = para;
        let mut s = a;
        while s < b {
            let mut e = s;
            while e < b {
                e += 1;
                if self.ends_sentence(e - 1, b) {
                    break;
                }
            }
            if let Some(r) = self.reported_in(s, e, quoted) {
                out.push(r);
            }
            s = e;
        }
    }

    fn reported_in(&self, s: usize, e: usize, quoted: &[bool]) -> Option<Reported> {
        // The body: without the final punctuation and closing marks.
        let mut end = e;
        while end > s && (self.toks[end - 1].is_terminal() || self.toks[end - 1].is_mark() && !quoted[end - 1]) {
            end -= 1;
        }
        if end <= s + 2 || quoted[s] || self.toks[s].is_mark() {
            return None;
        }
        self.according_to_first(s, end, quoted)
            .or_else(|| self.attribution_last(s, end, quoted))
            .or_else(|| self.cue_then_clause(s, end, quoted))
    }

    /// `According to SPEAKER, CLAUSE.`
    fn according_to_first(&self, s: usize, end: usize, quoted: &[bool]) -> Option<Reported> {
        let (cue_end, _) = self.cue_at(s, end)?;
        if !self.word(s).eq_ignore_ascii_case("according") {
            return None;
        }
        let (sp, sp_end) = self.mention_right(cue_end, end)?;
        let mut comma = sp_end;
        while comma < end && !self.toks[comma].is_punct(',') && comma - sp_end < 12 {
            comma += 1;
        }
        let clause = (comma + 1, end);
        self.clause_ok(clause, quoted).then_some(Reported {
            clause,
            attribution: Attribution::new(Some((sp, sp_end)), (s, cue_end), How::Reported),
        })
    }

    /// `CLAUSE, SPEAKER CUE.` and `CLAUSE, CUE SPEAKER.`
    fn attribution_last(&self, s: usize, end: usize, quoted: &[bool]) -> Option<Reported> {
        // The last comma outside quotations, in the last dozen tokens.
        let mut comma = end;
        while comma > s + MIN_CLAUSE && end - comma < 16 {
            comma -= 1;
            if quoted[comma] || self.toks[comma].is_mark() {
                return None;
            }
            if !self.toks[comma].is_punct(',') {
                continue;
            }
            let head = comma + 1;
            let tail_ok = |from: usize| self.tail(from, end);
            // `, said Smith.` / `, according to Smith.`
            if let Some((cue_end, _)) = self.cue_at(head, end) {
                if let Some(sp) = self.mention_right(cue_end, end) {
                    if tail_ok(sp.1) || self.toks[sp.1].is_punct(',') {
                        return self.clause_report((s, comma), Some(sp), (head, cue_end), quoted);
                    }
                }
                continue;
            }
            // `, Smith said.` / `, a spokesman for the campaign said Monday.`
            if let Some((sp_s, sp_e)) = self.mention_right(head, end) {
                let c = self.skip_between_right(sp_e, end);
                if let Some((cue_end, _)) = self.cue_at(c, end) {
                    if tail_ok(cue_end) {
                        return self.clause_report((s, comma), Some((sp_s, sp_e)), (c, cue_end), quoted);
                    }
                }
            }
            // `, Smith, a spokesman, said.`: try the comma before.
        }
        None
    }

    /// Words that may follow a closing attribution: time, objects,
    /// prepositional phrases (`said in a statement on Monday`).
    fn tail(&self, mut i: usize, end: usize) -> bool {
        let mut steps = 0;
        while i < end && steps < 12 {
            let t = &self.toks[i];
            if !t.is_word() || self.word(i).eq_ignore_ascii_case("that") || self.cue_at(i, end).is_some() {
                return false;
            }
            i += 1;
            steps += 1;
        }
        i >= end
    }

    fn clause_report(&self, clause: Range, speaker: Option<Range>, cue: Range, quoted: &[bool]) -> Option<Reported> {
        self.clause_ok(clause, quoted)
            .then_some(Reported { clause, attribution: Attribution::new(speaker, cue, How::Reported) })
    }

    /// A clause is long enough and not a direct quotation.
    fn clause_ok(&self, (a, b): Range, quoted: &[bool]) -> bool {
        if b < a + MIN_CLAUSE || self.toks[a].is_mark() {
            return false;
        }
        // Mostly inside quote marks: a direct (or mixed) quotation.
        let inside = quoted[a..b].iter().filter(|&&q| q).count();
        inside * 2 < b - a
    }

    /// `SPEAKER CUE (OBJECT) (PHRASE) (that) CLAUSE.`
    fn cue_then_clause(&self, s: usize, end: usize, quoted: &[bool]) -> Option<Reported> {
        for c in s + 1..end {
            if quoted[c] {
                continue;
            }
            let Some((cue_end, _)) = self.cue_at(c, end) else { continue };
            // Passive (`was told`) and participles after a noun are not cues.
            let prev = &self.toks[c - 1];
            if prev.is_word()
                && ["was", "were", "been", "being", "is", "are", "be"]
                    .iter()
                    .any(|w| self.word(c - 1).eq_ignore_ascii_case(w))
            {
                continue;
            }
            let Some(speaker) = self.speaker_before(c, s) else { continue };
            let boundary =
                if self.toks[speaker.0].is(crate::lexicon::RELATIVE) { true } else { self.clause_start(speaker.0, s) };
            if !boundary {
                continue;
            }
            let Some(start) = self.clause_after(c, cue_end, end) else { continue };
            let clause = (start, end);
            if self.clause_ok(clause, quoted) {
                return Some(Reported {
                    clause,
                    attribution: Attribution::new(Some(speaker), (c, cue_end), How::Reported),
                });
            }
            return None;
        }
        None
    }

    /// Where the reported clause after a cue starts, if one does.
    fn clause_after(&self, cue: usize, cue_end: usize, end: usize) -> Option<usize> {
        let mut j = cue_end;
        let takes_object = OBJECT_CUES.iter().any(|w| self.word(cue).eq_ignore_ascii_case(w));
        if takes_object && j < end {
            if self.toks[j].is(OBJECT) {
                j += 1;
            } else if self.toks[j].cap || self.toks[j].is(DET) {
                j = self.mention_right(j, end).map_or(j, |m| m.1);
            }
        }
        for _ in 0..4 {
            if j >= end {
                return None;
            }
            let t = &self.toks[j];
            if t.is_word() && t.is(TIME) && !self.word(j).eq_ignore_ascii_case("this") {
                j += 1;
            } else if t.is_word() && !t.cap && t.is(PREP) && !self.word(j).eq_ignore_ascii_case("that") {
                j = self.mention_right(j + 1, end).map_or(j + 1, |m| m.1);
            } else {
                break;
            }
        }
        if j >= end {
            return None;
        }
        if self.toks[j].is_punct(',') && j + 1 < end && self.word(j + 1).eq_ignore_ascii_case("that") {
            j += 1;
        }
        let t = &self.toks[j];
        if t.is_word() && self.word(j).eq_ignore_ascii_case("that") {
            return (j + 1 < end).then_some(j + 1);
        }
        let starts_clause = match t.kind {
            Kind::Word => {
                (t.is(DET) || t.is(PRONOUN) || t.cap || self.word(j).eq_ignore_ascii_case("there"))
                    && !self.word(j).eq_ignore_ascii_case("who")
            }
            _ => false,
        };
        starts_clause.then_some(j)
    }
}
