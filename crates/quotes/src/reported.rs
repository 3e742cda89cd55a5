//! Reported speech: what someone said, without quote marks.
//!
//! These sentence shapes, outside quotations:
//!
//! - `According to SPEAKER, CLAUSE.`, and `OWNER’s message (is): CLAUSE.`
//! - `CLAUSE, SPEAKER CUE.` / `CLAUSE, CUE SPEAKER.` / `CLAUSE, according
//!   to SPEAKER.` (the attribution closes the sentence);
//! - `SPEAKER CUE (OBJECT) (in a statement) (that) CLAUSE.`
//!
//! The quotation is the reported clause, up to the end of the sentence.

use crate::attribution::{Attribution, How};
use crate::lexicon::{
    ALONE, ATTITUDE, BETWEEN, CONJ, DET, EVIDENTIAL, HEADLINE, OBJECT, PERSONAL, PHRASE_START, PREP, PRONOUN, RELATIVE,
    REPORTING, SPEECH, STOP, TIME,
};
use crate::mentions::{Range, Tokens};
use crate::tokens::{Dir, Kind};

/// A reported clause and its attribution.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Reported {
    pub clause: Range,
    /// The second piece of a quotation its attribution splits (`X, officials
    /// said, Y`), with the same attribution.
    pub rest: Option<Range>,
    pub attribution: Attribution,
}

/// Stems of speech verbs whose object is not what was said.
const INTRANSITIVE: &[&str] = &[
    "speak", "spok", "talk", "testif", "jok", "laugh", "sigh", "cri", "cry", "shout", "yell", "scream", "whisper",
    "continu", "respond", "repl", "answer", "writ", "wrote", "read", "post", "tweet", "retweet", "chant", "blog",
    "sing", "sang", "mutter", "murmur",
];

/// Past participles of cue verbs that end in neither -ed nor -en.
const IRREGULAR_PARTICIPLES: &[&str] = &["said", "told", "heard", "found", "thought", "felt", "held", "read", "taught"];

/// Past tenses of cue verbs that end in neither -d nor -s.
const IRREGULAR_PAST: &[&str] = &["wrote", "spoke", "swore", "sang", "forgot", "felt", "thought", "taught", "sought"];

/// Longest reported clause, in tokens: a sentence without an end (a list,
/// a run-on) must not make every cue in it report all the rest, which
/// would make the output quadratic in the text.
const MAX_CLAUSE: usize = 120;

/// Most tokens of such a relative clause before its closing comma.
const MAX_RELATIVE: usize = 20;

/// Shortest clause worth reporting, in tokens.
const MIN_CLAUSE: usize = 3;
/// Shortest quotation (a clause or an object), in tokens.
const MIN_CONTENT: usize = 2;

/// Nouns of what someone said, which introduce it after a colon (`Her
/// message is simple: ...`).
#[rustfmt::skip]
const MESSAGE_NOUNS: &[&str] = &[
    "message", "advice", "answer", "reply", "response", "argument", "point", "warning", "plea", "request",
    "explanation", "verdict", "pitch", "promise", "conclusion",
];

/// Nouns of what someone thinks or wants, likewise; `reported = "all"` only.
const THOUGHT_NOUNS: &[&str] = &["view", "goal", "hope", "wish", "take", "position", "prediction", "belief"];

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
                // A semicolon joins two sentences (`..., his aides argued; rather, ...`).
                if self.toks[e - 1].is_punct(';') && !quoted[e - 1] {
                    break;
                }
                if self.ends_sentence(e - 1, b) {
                    // Closing marks and brackets belong to the sentence they close.
                    e = self.skip_closers(e, b);
                    break;
                }
            }
            self.reported_in(s, e, quoted, out);
            s = e;
        }
    }

    fn reported_in(&self, s: usize, e: usize, quoted: &[bool], out: &mut Vec<Reported>) {
        // The body: without the final punctuation and closing marks, but a
        // closing mark whose quotation opens in the sentence stays with it
        // (`dismissed that as "theater."`).
        let mut end = e;
        // `closes_inside` looks back over the run of terminals before `end`,
        // which stays the same while `end` walks down that run: it is
        // computed once per run (a sentence of `. . . .` stays linear).
        let mut closes: Option<(usize, bool)> = None;
        while end > s {
            let last = &self.toks[end - 1];
            if !(last.is_terminal() || last.is_punct(';') || last.is_mark() && !quoted[end - 1]) {
                break;
            }
            let inside = match closes {
                Some((k, inside)) if end > k && self.toks[end - 1].is_terminal() => inside,
                _ => {
                    let found = self.closes_inside(s, end);
                    closes = Some((self.terminals_before(s, end), found));
                    found
                }
            };
            if inside {
                break;
            }
            end -= 1;
        }
        if end <= s + 2 {
            return;
        }
        if quoted[s] || self.toks[s].is_mark() {
            // A sentence that opens with a direct quotation: its attribution
            // may go on with reported speech (`“...,” Smith said, adding
            // that ...`).
            let mut after = s;
            while after < end && (quoted[after] || self.toks[after].is_mark() || self.toks[after].is_punct(',')) {
                after += 1;
            }
            // Only a cue coordinated with the attribution counts, not the
            // attribution itself (`“...,” Trump told CNN`).
            let next = (after + 1..end).find(|&v| {
                let b = self.skip_between_left(v, after);
                let t = &self.toks[b - 1];
                let participle = t.is_punct(',') && self.word(v).ends_with("ing");
                b > after && (participle || t.is_word() && t.is(CONJ) && !t.cap) && self.cue_at(v, end).is_some()
            });
            if let Some(v) = next {
                self.cue_then_clause(after, v, end, quoted, out, false);
            }
            return;
        }
        if let Some(r) = self.asked_first(s, end, quoted) {
            // The question, then the answer: `Asked ..., Devine replied that ...`.
            out.push(r);
            let answer = r.clause.1 + 1;
            if answer + 2 < end {
                self.cue_then_clause(answer, answer + 1, end, quoted, out, false);
            }
            return;
        }
        match self
            .according_to_first(s, end, quoted)
            .or_else(|| self.message_first(s, end, quoted))
            .or_else(|| self.as_attribution_first(s, end, quoted))
            .or_else(|| self.attribution_last(s, end, quoted))
            .or_else(|| self.according_to_after(s, end, quoted))
            .or_else(|| self.attribution_inside(s, end, quoted))
        {
            Some(r) => {
                out.push(r);
                // Reports nested in the reported clause.
                if r.clause.1 > r.clause.0 + 2 && r.clause.0 == s {
                    self.cue_then_clause(r.clause.0, r.clause.0 + 1, r.clause.1, quoted, out, true);
                }
            }
            None => self.cue_then_clause(s, s + 1, end, quoted, out, false),
        }
    }

    /// `According to SPEAKER, CLAUSE.`
    fn according_to_first(&self, s: usize, end: usize, quoted: &[bool]) -> Option<Reported> {
        let (cue_end, _) = self.cue_at(s, end)?;
        if !self.word(s).eq_ignore_ascii_case("according") {
            return None;
        }
        let (sp, sp_end) = self.source_right(cue_end, end)?;
        let mut comma = sp_end;
        while comma < end && !self.toks[comma].is_punct(',') && comma - sp_end < 12 {
            comma += 1;
        }
        // `According to Smith, who asked not to be named, the plan failed`:
        // the clause starts after the relative clause's closing comma.
        if comma + 1 < end && self.toks[comma + 1].is(RELATIVE) {
            let close = (comma + 2..end.min(comma + 2 + MAX_RELATIVE)).find(|&k| self.toks[k].is_punct(','));
            comma = close.unwrap_or(comma);
        }
        self.clause_report((comma + 1, end), Some((sp, sp_end)), (s, cue_end), quoted)
    }

    /// `OWNER’s NOUN (now) (is) (simple): CLAUSE.`, where the noun names
    /// what its owner said (`Her message now is simple: ...`, `Carrier’s
    /// answer: ...`) or, with `reported = "all"`, thinks or wants (`Their
    /// goal: ...`). The owner speaks; the noun is the cue.
    fn message_first(&self, s: usize, end: usize, quoted: &[bool]) -> Option<Reported> {
        // The owner: a possessive pronoun, or a name in -’s.
        let pronoun = ["his", "her", "their", "its", "our"].iter().any(|w| self.word_is(s, w));
        let mut k = s;
        while !pronoun && k < s + 4 && k < end && self.toks[k].is_word() && self.toks[k].cap && !self.possessive(k) {
            k += 1;
        }
        let name = k < end && self.possessive(k) && self.toks[k].cap && !self.toks[k].is(PRONOUN | STOP);
        if !(pronoun || name) {
            return None;
        }
        let noun = |n: usize| {
            let said = MESSAGE_NOUNS.iter().any(|w| self.word_is(n, w));
            said || !self.speech_only && THOUGHT_NOUNS.iter().any(|w| self.word_is(n, w))
        };
        // The noun after at most one modifier (`latest`), then up to three
        // lower-case words (`now is simple`) before the colon.
        let n = (k + 1..(k + 3).min(end)).find(|&n| noun(n)).filter(|&n| !(k + 1..n).any(|m| self.possessive(m)))?;
        let colon = (n + 1..(n + 5).min(end)).find(|&c| !self.toks[c].is_word() || self.toks[c].cap)?;
        if !self.toks[colon].is_punct(':') {
            return None;
        }
        self.clause_report((colon + 1, end), Some((s, k + 1)), (n, n + 1), quoted)
    }

    /// True when a closing double mark ends the stretch `s..end` (punctuation
    /// inside it aside) and the mark before it in the stretch opens.
    fn closes_inside(&self, s: usize, end: usize) -> bool {
        let k = self.terminals_before(s, end);
        if k <= s || !matches!(self.toks[k - 1].kind, Kind::Mark { double: true, dir: Dir::Close | Dir::Either }) {
            return false;
        }
        let opener = (s..k - 1).rev().find(|&o| self.toks[o].is_double_mark());
        opener.is_some_and(|o| matches!(self.toks[o].kind, Kind::Mark { dir: Dir::Open | Dir::Either, .. }))
    }

    /// The start of the run of terminal punctuation that ends at `end`
    /// (not below `s`).
    fn terminals_before(&self, s: usize, end: usize) -> usize {
        let mut k = end;
        while k > s && self.toks[k - 1].is_terminal() {
            k -= 1;
        }
        k
    }

    /// `As SPEAKER CUE, CLAUSE.` / `As CUE by SPEAKER, CLAUSE.`
    fn as_attribution_first(&self, s: usize, end: usize, quoted: &[bool]) -> Option<Reported> {
        if !self.word(s).eq_ignore_ascii_case("as") || !self.toks[s].is_word() {
            return None;
        }
        let speech_cue = |c: usize| self.cue_at(c, end).filter(|&(_, speech)| speech || !self.speech_only);
        let (speaker, cue) = if let Some((cue_end, _)) = speech_cue(s + 1) {
            // `As reported by the Times,`
            if !self.word(cue_end.min(end - 1)).eq_ignore_ascii_case("by") {
                return None;
            }
            (self.mention_right(cue_end + 1, end)?, (s + 1, cue_end))
        } else {
            let sp = self.mention_right(s + 1, end)?;
            let c = self.skip_between_right(sp.1, end);
            let (cue_end, _) = speech_cue(c)?;
            (sp, (c, cue_end))
        };
        if self.intransitive(cue.0) {
            return None;
        }
        let after = speaker.1.max(cue.1);
        let comma = (after..end.min(after + 8)).find(|&k| self.toks[k].is_punct(','))?;
        if !self.tail(cue.0, after, end) {
            return None;
        }
        self.clause_report((comma + 1, end), Some(speaker), cue, quoted)
    }

    /// `(When) asked (by SPEAKER) (about) QUESTION, ...`: the question put to
    /// the subject, whose asker is named only after `by`.
    fn asked_first(&self, s: usize, end: usize, quoted: &[bool]) -> Option<Reported> {
        let mut c = s;
        if ["when", "if", "after", "before", "once"].iter().any(|w| self.word_is(c, w)) {
            c += 1;
        }
        if c >= end || !self.word_is(c, "asked") {
            return None;
        }
        let mut start = c + 1;
        let mut speaker = None;
        if self.word_is(start, "by") {
            let m = self.mention_right(start + 1, end)?;
            speaker = Some(m);
            start = m.1;
        }
        if self.word_is(start, "about") {
            start += 1;
        }
        let comma = (start + 1..end).find(|&k| self.toks[k].is_punct(','))?;
        self.clause_report((start, comma), speaker, (c, c + 1), quoted)
    }

    /// `CLAUSE(,) according to SPEAKER(, ...)`, anywhere after the clause.
    fn according_to_after(&self, s: usize, end: usize, quoted: &[bool]) -> Option<Reported> {
        let (k, cue_end) = (s + MIN_CLAUSE..end).find_map(|k| {
            let according = !quoted[k] && self.toks[k].is(PHRASE_START) && self.word_is(k, "according");
            according.then(|| self.cue_at(k, end)).flatten().map(|(cue_end, _)| (k, cue_end))
        })?;
        let speaker = self.source_right(cue_end, end)?;
        let clause_end = if self.toks[k - 1].is_punct(',') { k - 1 } else { k };
        self.clause_report((s, clause_end), Some(speaker), (k, cue_end), quoted)
    }

    /// True when the cue at `cue` can come before its speaker (`, said
    /// Smith`, `, says Smith`): an inflected verb (`announce` cannot), and
    /// not in a headline, whose second verb has the headline's subject
    /// (`Apple Beats Estimates, Says iPhone Sales Rose`).
    fn inverts(&self, cue: usize) -> bool {
        let w = self.word(cue);
        let inflected = w.ends_with(['s', 'd']) || IRREGULAR_PAST.iter().any(|p| w.eq_ignore_ascii_case(p));
        inflected && !self.toks[cue].is(HEADLINE)
    }

    /// A cue verb that takes the addressee as an object (`told reporters`).
    pub(crate) fn takes_object(&self, cue: usize) -> bool {
        OBJECT_CUES.iter().any(|w| self.word(cue).eq_ignore_ascii_case(w))
    }

    /// A verb of speaking without a content object (`spoke`, `tweeted`).
    fn intransitive(&self, cue: usize) -> bool {
        self.speaks_without_object(cue) && !self.toks[cue].is(ATTITUDE)
    }

    /// A verb of speaking or writing whose object is never what was said
    /// (`posted a photo`, `wrote a letter`), stance aside.
    fn speaks_without_object(&self, cue: usize) -> bool {
        INTRANSITIVE.iter().any(|p| self.starts_with(cue, p))
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
            // The attribution closes the sentence, or sits inside it between
            // commas (`Lenox was a juggernaut, Mr. Clarke said, until ...`):
            // then the quotation is the whole sentence.
            let clause_for = |after: usize| {
                let mut t = after;
                while t < end && !self.toks[t].is_punct(',') {
                    t += 1;
                }
                ((s, comma), (t + 1 < end).then_some((t + 1, end)))
            };
            // `, said Smith.` / `, according to Smith.`
            if let Some((cue_end, speech)) = self.cue_at(head, end) {
                let according = self.word(head).eq_ignore_ascii_case("according");
                // `, saying the city ...` is a participle and `, lashed out at
                // the nominee` a predicate, not `, said Smith`.
                if !speech
                    || !according && (self.word(head).ends_with("ing") || cue_end > head + 1 || !self.inverts(head))
                {
                    continue;
                }
                let speaker =
                    if according { self.source_right(cue_end, end) } else { self.mention_right(cue_end, end) };
                if let Some(mut sp) = speaker {
                    // `, said lobbyist and strategist Charlie Black`.
                    if !according && self.word_is(sp.1, "and") {
                        if let Some((_, e)) = self.mention_right(sp.1 + 1, end) {
                            sp.1 = e;
                        }
                    }
                    if according || sp.1 >= end || self.tail(head, sp.1, end) {
                        let (clause, rest) = if according { ((s, comma), None) } else { clause_for(sp.1) };
                        return self.split_report(clause, rest, Some(sp), (head, cue_end), quoted);
                    }
                }
                continue;
            }
            // `, Smith said.` / `, a spokesman for the campaign said Monday.`
            if let Some((sp_s, sp_e)) = self.mention_right(head, end) {
                let c = self.skip_between_right(sp_e, end);
                if let Some((cue_end, speech)) = self.cue_at(c, end) {
                    let tail_ok = if speech { self.tail(c, cue_end, end) } else { cue_end >= end && !self.speech_only };
                    if tail_ok {
                        let (clause, rest) = clause_for(cue_end);
                        return self.split_report(clause, rest, Some((sp_s, sp_e)), (c, cue_end), quoted);
                    }
                }
            }
            // `, Smith, a spokesman, said.`: try the comma before.
        }
        None
    }

    /// `X, SPEAKER CUE, Y.` / `X, CUE SPEAKER, Y.`: an attribution between
    /// commas inside the sentence; the quotation is the whole sentence.
    fn attribution_inside(&self, s: usize, end: usize, quoted: &[bool]) -> Option<Reported> {
        let mut k = s + 1;
        while k + 2 < end {
            if quoted[k] || !self.toks[k].is_punct(',') {
                k += 1;
                continue;
            }
            let head = k + 1;
            let participle = self.word(head).ends_with("ing");
            let found =
                if let (Some((cue_end, true)), false) = (self.cue_at(head, end), participle || !self.inverts(head)) {
                    self.mention_right(cue_end, end).map(|sp| (sp, (head, cue_end), sp.1))
                } else {
                    self.mention_right(head, end).and_then(|sp| {
                        let c = self.skip_between_right(sp.1, end);
                        match self.cue_at(c, end) {
                            Some((cue_end, true)) => Some((sp, (c, cue_end), cue_end)),
                            _ => None,
                        }
                    })
                };
            if let Some((speaker, cue, after)) = found {
                // `, several people told POLITICO,`: objects and phrases may
                // follow the cue before the closing comma.
                let closes = after < end
                    && (self.toks[after].is_punct(',')
                        || self.tail(cue.0, after, end) && (after..end).take(8).any(|t| self.toks[t].is_punct(',')));
                // Followed by a quotation, it attributes that quotation.
                let comma = (after..end.min(after + 24)).find(|&t| self.toks[t].is_punct(','));
                let quotation_next =
                    comma.is_some_and(|t| t + 1 < end && (quoted[t + 1] || self.toks[t + 1].is_mark()));
                if closes {
                    // Two pieces, as a split direct quotation; a quotation
                    // in marks after it is a direct quote of its own.
                    let rest = comma.filter(|&t| t + 1 < end && !quotation_next).map(|t| (t + 1, end));
                    return self.split_report((s, k), rest, Some(speaker), cue, quoted);
                }
            }
            k += 1;
        }
        None
    }

    /// Words that may follow a closing attribution, up to the end or a
    /// comma: time, objects, prepositional phrases (`said in a statement
    /// on Monday`, `told reporters`).
    fn tail(&self, cue: usize, mut i: usize, end: usize) -> bool {
        let takes_object = self.takes_object(cue);
        let mut steps = 0;
        while i < end && steps < 6 {
            let t = &self.toks[i];
            if t.is_punct(',') {
                return true;
            }
            if !t.is_word() {
                return false;
            }
            if t.is(TIME) || t.is(OBJECT) && !t.cap {
                i += 1;
            } else if t.is(PREP) && !t.cap && !self.word(i).eq_ignore_ascii_case("that") {
                i = self.mention_right(i + 1, end).map_or(i + 1, |m| m.1);
            } else if takes_object && (t.cap || t.is(DET)) {
                // `told CNN`, `told the newspaper`.
                i = self.mention_right(i, end).map_or(i + 1, |m| m.1);
            } else {
                return false;
            }
            steps += 1;
        }
        i >= end || self.toks[i].is_punct(',')
    }

    fn clause_report(&self, clause: Range, speaker: Option<Range>, cue: Range, quoted: &[bool]) -> Option<Reported> {
        self.clause_ok(clause, quoted).then_some(Reported {
            clause,
            rest: None,
            attribution: Attribution::new(speaker, cue, How::Reported),
        })
    }

    /// A quotation in two pieces around its attribution (`X, he said, Y`);
    /// either piece may be a single word, as in a split direct quote.
    fn split_report(
        &self,
        first: Range,
        rest: Option<Range>,
        speaker: Option<Range>,
        cue: Range,
        quoted: &[bool],
    ) -> Option<Reported> {
        let Some(rest) = rest else { return self.clause_report(first, speaker, cue, quoted) };
        let piece_ok = |(a, b): Range| b > a && !self.toks[a].is_mark() && mostly_unquoted((a, b), quoted);
        if !piece_ok(first) || first.1 - first.0 + rest.1 - rest.0 < MIN_CLAUSE {
            return None;
        }
        Some(Reported {
            clause: first,
            rest: piece_ok(rest).then_some(rest),
            attribution: Attribution::new(speaker, cue, How::Reported),
        })
    }

    /// A clause is long enough and not a direct quotation.
    fn clause_ok(&self, (a, b): Range, quoted: &[bool]) -> bool {
        b >= a + MIN_CONTENT && !self.toks[a].is_mark() && mostly_unquoted((a, b), quoted)
    }

    /// `SPEAKER CUE (OBJECT) (PHRASE) (that) CLAUSE.`, and coordinated cues
    /// sharing the speaker: `SPEAKER criticized X and called for Y.`
    /// The sentence starts at `s`; cues are looked for from `from` on.
    fn cue_then_clause(
        &self,
        s: usize,
        from: usize,
        end: usize,
        quoted: &[bool],
        out: &mut Vec<Reported>,
        nested: bool,
    ) {
        let mut c = from;
        let mut inside = nested;
        while c < end {
            // Inside reported content only speech is reported again
            // (`he said witnesses saw`, not `she said she thinks`).
            // With `reported = "speech"`, only speech anywhere.
            let cue = self.cue_at(c, end).filter(|&(_, speech)| speech || !inside && !self.speech_only);
            let Some((cue_end, speaker)) = cue.and_then(|(cue_end, _)| self.cue_with_speaker(c, cue_end, s, quoted))
            else {
                c += 1;
                continue;
            };
            // Evidence and agentless passives name no source: not speech.
            if speaker.is_none() && self.speech_only {
                c = cue_end;
                continue;
            }
            // After a passive, only `to`, `that` or `as` introduces what is
            // said (`is expected to`, `was seen as`), not `charged with`.
            let passive = speaker.is_none() && !self.toks[c].is(EVIDENTIAL);
            let content = if passive {
                let j = self.skip_between_right(cue_end, end);
                if j + 1 >= end {
                    None
                } else if self.word_is(j, "to") {
                    Some(j)
                } else if self.word_is(j, "that") || self.word_is(j, "as") {
                    Some(j + 1)
                } else {
                    None
                }
            } else {
                self.content_after(c, cue_end, end)
            };
            let Some(start) = content else {
                c = cue_end;
                continue;
            };
            // A coordinated cue ends this content and starts the next.
            let end = end.min(start + MAX_CLAUSE);
            let mut next = None;
            let mut k = start + 1;
            while k + 1 < end {
                let t = &self.toks[k];
                let conj = t.is_word() && t.is(CONJ) && !t.cap;
                if (conj || t.is_punct(',')) && !quoted[k] {
                    let v = self.skip_between_right(k + 1, end);
                    // After a comma only a participle (`, adding that ...`).
                    let participle =
                        v < end && self.word(v).ends_with("ing") && !self.word(v).eq_ignore_ascii_case("according");
                    let coordinated = self
                        .cue_at(v, end)
                        .filter(|&(_, speech)| (conj || participle) && (speech || !self.speech_only));
                    if let Some((v_end, _)) = coordinated {
                        // Its content is a clause, an object or a direct
                        // quotation (`and added: “...”`).
                        let mark_at = |k: usize| k < end && self.toks[k].is_mark();
                        let quotation = v_end < end
                            && (matches!(self.toks[v_end].kind, Kind::Punct(':' | ',')) && mark_at(v_end + 1)
                                || mark_at(v_end)
                                || self.toks[v_end].is_punct(':'));
                        let content = self.content_after(v, v_end, end);
                        if quotation || content.is_some() {
                            next = Some((k, v, v_end, content));
                            break;
                        }
                    }
                }
                k += 1;
            }
            // A participle clause after a comma is about the subject, not
            // part of what was said (`blocked the merger, siding with ...`).
            let adjunct = (start + 4..next.map_or(end, |n| n.0)).find(|&k| {
                k + 1 < end
                    && self.toks[k].is_punct(',')
                    && !quoted[k]
                    && self.toks[k + 1].is_word()
                    && !self.toks[k + 1].cap
                    && self.word(k + 1).ends_with("ing")
                    && !["including", "according"].iter().any(|w| self.word_is(k + 1, w))
            });
            let clause_end = match (adjunct, next) {
                (Some(k), _) => k,
                (None, Some((k, ..))) if k > start && self.toks[k - 1].is_punct(',') => k - 1,
                (None, Some((k, ..))) => k,
                (None, None) => end,
            };
            out.extend(self.clause_report((start, clause_end), speaker, (c, cue_end), quoted));
            match next {
                Some((_, v, v_end, content)) => {
                    // The coordinated cue shares the speaker.
                    let Some(v_start) = content else { return };
                    out.extend(self.clause_report((v_start, end), speaker, (v, v_end), quoted));
                    c = v_start;
                    inside = true;
                }
                // Reports nested in the content (`Trump said experts say ...`).
                None => {
                    c = start;
                    inside = true;
                }
            }
        }
    }

    /// The cue `c..cue_end` with its speaker before it, starting a clause. The
    /// speaker is `None` for an evidential verb (`the plan seems to`) and a
    /// passive (`is expected to`, `was seen as`): their subject is what the
    /// quotation is about, not who said it.
    fn cue_with_speaker(&self, c: usize, cue_end: usize, s: usize, quoted: &[bool]) -> Option<(usize, Option<Range>)> {
        if quoted[c] {
            return None;
        }
        // `according to` has its source after it.
        if self.word(c).eq_ignore_ascii_case("according") {
            return None;
        }
        // Nouns (`the call`, `his support`, `Trump’s comments`) are not cues.
        let prev = &self.toks[c - 1];
        let possessive = self.possessive(c - 1);
        let progressive = self.word(c).ends_with("ing");
        // A quantifier alone is a speaker, not a determiner (`some say`).
        let det = prev.is(DET) && !prev.is(ALONE);
        if possessive || prev.is_word() && !progressive && (det || self.word_is(c - 1, "to")) {
            return None;
        }
        if self.toks[c].is(EVIDENTIAL) {
            return Some((cue_end, None));
        }
        let before = self.skip_between_left(c, s);
        let be = (before..c)
            .chain(before.checked_sub(1))
            .any(|k| ["was", "were", "been", "being", "is", "are", "be"].iter().any(|w| self.word_is(k, w)));
        if be && !progressive {
            // A passive of a verb of saying or thinking: no source named.
            let participle = ["ed", "en", "wn"].iter().any(|e| self.ends_with(c, e))
                || IRREGULAR_PARTICIPLES.iter().any(|w| self.word_is(c, w));
            return (participle && self.toks[c].is(SPEECH | REPORTING)).then_some((cue_end, None));
        }
        // `..., arguing the move was needed`, `..., falsely suggesting
        // that`: the subject of the sentence.
        if progressive && before > s && self.toks[before - 1].is_punct(',') {
            return self.earlier_speaker(s, c).or_else(|| self.subject(s, c)).map(|sp| (cue_end, Some(sp)));
        }
        // `He shook hands and asked workers if ...`: a cue coordinated with
        // an earlier verb shares its subject.
        if let Some(sp) = self.coordinated_speaker(s, c) {
            return Some((cue_end, Some(sp)));
        }
        let speaker = self.speaker_before(c, s)?;
        if self.toks[speaker.0].is(RELATIVE) {
            // `Judge Ortiz, who noted that ...`: PolNeAR's speaker is the relative
            // pronoun; who said it is the name it stands for.
            let before = speaker.0 - usize::from(speaker.0 > s && self.toks[speaker.0 - 1].is_punct(','));
            let antecedent = self.mention_left(before, s).filter(|&m| self.named(m) && self.speech_only);
            return Some((cue_end, Some(antecedent.unwrap_or(speaker))));
        }
        if self.clause_start(speaker.0, s) {
            return Some((cue_end, Some(speaker)));
        }
        // `with polls showing ...`: the mention after `with` is the
        // participle's subject.
        if progressive {
            if let Some(w) = (speaker.0.saturating_sub(1).max(s)..speaker.1).rev().find(|&k| self.word_is(k, "with")) {
                if w + 1 < speaker.1 {
                    return Some((cue_end, Some((w + 1, speaker.1))));
                }
            }
        }
        // `emailed supporters saying ...`: a participle after an object; the
        // subject of the sentence speaks.
        if progressive && before == c {
            if let Some(sp) = self.subject(s, c).filter(|sp| sp.1 <= speaker.0) {
                return Some((cue_end, Some(sp)));
            }
        }
        // Inside a longer phrase, a name the entities layer knows or a
        // subject pronoun right before the cue still speaks (`In a meeting
        // with the Post Trump said`).
        let end = self.skip_between_left(c, s);
        if let Some(entity) = self.entity_before(end) {
            return Some((cue_end, Some(entity)));
        }
        (speaker.1 - speaker.0 == 1 && self.toks[speaker.0].is(PERSONAL)).then_some((cue_end, Some(speaker)))
    }

    /// Where the quotation after a cue starts: a reported clause, else for
    /// any cue the object (`criticized the deal`, `wants to cut taxes`).
    fn content_after(&self, cue: usize, cue_end: usize, end: usize) -> Option<usize> {
        if let Some(start) = self.clause_after(cue, cue_end, end) {
            return Some(start);
        }
        let t = self.toks.get(cue_end)?;
        let w = self.word(cue_end);
        // `agreed with`, `spoke about`, `decided against`, `called for`.
        let topic = ["about", "with", "against", "for"].iter().any(|p| w.eq_ignore_ascii_case(p))
            && self.toks.get(cue_end + 1).is_some_and(|n| n.is_word() && !n.is(TIME))
            && cue_end + 3 <= end;
        if topic {
            return Some(cue_end + 1);
        }
        // `lashed out at`, `spoke out against`, `signed on to`.
        let particle = ["out", "up", "back", "off", "down", "on"].iter().any(|p| w.eq_ignore_ascii_case(p))
            && cue_end + 3 <= end
            && ["at", "against", "about", "on", "for", "with", "to"].iter().any(|p| self.word_is(cue_end + 1, p));
        if particle {
            return Some(cue_end + 2);
        }
        let infinitive = w.eq_ignore_ascii_case("to")
            && self.toks.get(cue_end + 1).is_some_and(|n| n.is_word() && !n.cap && !n.is(DET | PRONOUN | OBJECT))
            && self.toks[cue].is(ATTITUDE);
        // Verbs of speaking without a content object (`spoke Hebrew`,
        // `tweeted a photo`) take a clause only.
        // `asked reporters`: the addressee, not what was said.
        let addressee = t.is(OBJECT) && self.takes_object(cue);
        // With `reported = "speech"`, not even as a stance (`posted its
        // worst result`).
        let no_object = self.intransitive(cue) || self.speech_only && self.speaks_without_object(cue);
        let object = !no_object
            && !addressee
            && cue_end + 2 <= end
            && t.is_word()
            && !t.is(BETWEEN | TIME)
            && (t.is(DET) || !t.is(PREP | STOP))
            && !w.ends_with("ly");
        (object || infinitive).then_some(cue_end)
    }

    /// An adverb after a cue (`repeatedly`, `again`), not an auxiliary.
    fn adverb(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let w = self.word(i);
        t.is_word()
            && !t.cap
            && !t.is(SPEECH | REPORTING | ATTITUDE | DET)
            && (w.len() > 4 && w.ends_with("ly")
                || ["again", "also", "once", "too"].iter().any(|a| w.eq_ignore_ascii_case(a)))
    }

    /// `to` and a verb after a cue of stance (`wants to cut`, `tried to
    /// arrest`), not a phrase (`said to reporters`).
    fn infinitive(&self, cue: usize, j: usize, end: usize) -> bool {
        j + 1 < end
            && self.word(j).eq_ignore_ascii_case("to")
            && !self.toks[cue].is(SPEECH)
            && self.toks[j + 1].is_word()
            && !self.toks[j + 1].cap
            && !self.toks[j + 1].is(DET | PRONOUN | OBJECT)
    }

    /// Where the reported clause after a cue starts, if one does.
    fn clause_after(&self, cue: usize, cue_end: usize, end: usize) -> Option<usize> {
        let mut j = cue_end;
        let takes_object = self.takes_object(cue);
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
            let this_week =
                ["this", "last", "next", "earlier", "later"].iter().any(|w| self.word(j).eq_ignore_ascii_case(w))
                    && self.toks.get(j + 1).is_some_and(|n| n.is(TIME));
            if this_week {
                j += 2;
            } else if t.is_word() && t.is(TIME) && !self.word(j).eq_ignore_ascii_case("this") {
                j += 1;
            } else if self.adverb(j) {
                // `has said repeatedly that`.
                j += 1;
            } else if self.infinitive(cue, j, end) {
                // `tried to arrest her`: the infinitive is the content.
                return None;
            } else if t.is_word() && !t.cap && t.is(PREP) && !self.word(j).eq_ignore_ascii_case("that") {
                j = self.mention_right(j + 1, end).map_or(j + 1, |m| m.1);
            } else {
                break;
            }
        }
        if j >= end {
            return None;
        }
        // `says at a stop in Toledo, Ohio, that ...`
        if self.toks[j].is_punct(',') {
            if let Some(that) = (j + 1..end.min(j + 6)).find(|&k| self.word(k).eq_ignore_ascii_case("that")) {
                if self.toks[that - 1].is_punct(',') {
                    j = that;
                }
            }
        }
        let t = &self.toks[j];
        if t.is_word() && self.word(j).eq_ignore_ascii_case("that") {
            // `dismissed that as theater`: a pronoun, not a conjunction.
            let pronoun =
                j + 1 >= end || !self.toks[j + 1].is_word() || self.toks[j + 1].is(PREP) || self.word_is(j + 1, "as");
            return if pronoun { (j + 1 < end).then_some(j) } else { Some(j + 1) };
        }
        let w = self.word(j);
        let wh =
            ["how", "why", "what", "whether", "when", "where", "who", "if"].iter().any(|x| w.eq_ignore_ascii_case(x));
        // A verb of speaking or thinking, or a phrase (`talked about`).
        let speech = self.toks[cue].is(SPEECH | REPORTING) || cue_end > cue + 1;
        // `said as he left`, `spoke while ...`: an adverbial clause, not
        // what was said.
        // A particle belongs to the verb (`showed up`, `spoke out`).
        if [
            "as", "while", "because", "although", "though", "before", "after", "since", "until", "unless", "up", "out",
            "down", "off", "back", "away", "around", "over", "above", "below",
        ]
        .iter()
        .any(|x| w.eq_ignore_ascii_case(x))
        {
            return None;
        }
        // A verb of speaking without a content object takes a determiner's
        // phrase as its object (`posted its worst result`, `wrote a
        // letter`), not as the start of what was said; PolNeAR's notion
        // (`reported = "all"`) counts some as stances.
        if t.is(DET) && !t.is(PRONOUN) && self.speech_only && self.speaks_without_object(cue) {
            return None;
        }
        let starts_clause = match t.kind {
            Kind::Word => {
                (t.is(DET) || t.is(PRONOUN) || t.cap || w.eq_ignore_ascii_case("there"))
                    && !w.eq_ignore_ascii_case("who")
                    // After a verb of speaking or thinking, any clause start
                    // but a prepositional phrase (`says too much is made`).
                    || speech && (wh || !t.is(PREP | TIME | OBJECT | BETWEEN) && !w.ends_with("ly"))
            }
            _ => false,
        };
        starts_clause.then_some(j)
    }
}

/// Fewer than half the tokens of `a..b` are inside quote marks; a stretch
/// mostly inside them is a direct (or mixed) quotation.
fn mostly_unquoted((a, b): Range, quoted: &[bool]) -> bool {
    quoted[a..b].iter().filter(|&&q| q).count() * 2 < b - a
}
