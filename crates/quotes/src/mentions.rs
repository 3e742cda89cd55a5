//! Speaker mentions and cues found by walking tokens from a cue.
//!
//! Without a tagger, a mention is the longest run of content words next to
//! the cue: a run ends at punctuation, a quote mark, a function word or a
//! cue, and a determiner (`a`, `the`, `one`) closes it on the left. That
//! covers names (`Mr. Smith`), descriptions (`a senior official`,
//! `one former employee`), organisations (`the White House`) and pronouns;
//! a prepositional phrase attached to a description is kept
//! (`a source familiar with the matter`).

use byline_core::Span;

use crate::lexicon::{
    ALONE, ATTITUDE, BETWEEN, CONJ, DET, DOC_NOUN, HEADLINE, Lexicon, PHRASE_START, PREP, PRONOUN, RELATIVE, REPORTING,
    SPEECH, STOP, TIME, TITLE,
};
use crate::tokens::{Kind, Tok};

/// A token range `start..end`.
pub(crate) type Range = (usize, usize);

/// The tokens of a document with what attribution needs to know about them.
pub(crate) struct Tokens<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub lexicon: &'a Lexicon,
    /// For the last token of a named entity (person or organisation), the
    /// entity's first token; empty without an entities layer.
    pub entity_ending: Vec<Option<usize>>,
    /// Reported speech only for verbs of speaking and writing
    /// (`reported = "speech"`).
    pub speech_only: bool,
}

/// Words that open a subordinate clause whose subject may speak (`where
/// experts say`, `because officials said`).
const SUBORDINATORS: &[&str] = &[
    "where", "when", "while", "because", "if", "as", "since", "although", "though", "after", "before", "until",
    "whether", "how", "why", "unless", "once", "whereas",
];

/// Longest mention.
const MAX_MENTION: usize = 9;

impl Tokens<'_> {
    pub fn span(&self, (a, b): Range) -> Span {
        Span::new(self.toks[a].span.start, self.toks[b - 1].span.end)
    }

    pub fn word(&self, i: usize) -> &str {
        self.toks[i].span.text(self.text)
    }

    pub fn word_is(&self, i: usize, lower: &str) -> bool {
        i < self.toks.len() && self.toks[i].is_word() && self.word(i).eq_ignore_ascii_case(lower)
    }

    /// True when word `i` ends with `suffix` (lower case ASCII), in any case.
    pub fn ends_with(&self, i: usize, suffix: &str) -> bool {
        let w = self.word(i).as_bytes();
        w.len() >= suffix.len() && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    }

    /// True when word `i` starts with `prefix` (lower case ASCII), in any case.
    pub fn starts_with(&self, i: usize, prefix: &str) -> bool {
        let w = self.word(i).as_bytes();
        w.len() >= prefix.len() && w[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    }

    /// The cue starting at token `i` (below `limit`): its end and whether it
    /// is a speech cue (else a reporting one).
    pub fn cue_at(&self, i: usize, limit: usize) -> Option<(usize, bool)> {
        let t = self.toks.get(i)?;
        // Most words are no cue: one bit test.
        if i >= limit || !t.is_word() || !t.is(PHRASE_START | SPEECH | REPORTING | ATTITUDE) {
            return None;
        }
        if t.is(PHRASE_START) {
            for phrase in self.lexicon.phrases_from(self.word(i)) {
                let end = i + phrase.len();
                if end <= limit && phrase.iter().enumerate().all(|(k, w)| self.word_is(i + k, w)) {
                    return Some((end, true));
                }
            }
        }
        // A capitalised word after another word is a name (`the United
        // States`), not a verb, except in a title-case headline.
        if t.cap && i > 0 && self.toks[i - 1].is_word() && !t.is(HEADLINE) {
            return None;
        }
        // A noun compound, not a verb: `a think tank`.
        if t.is(REPORTING) && self.word_is(i, "think") && (self.word_is(i + 1, "tank") || self.word_is(i + 1, "tanks"))
        {
            return None;
        }
        if t.is(SPEECH) {
            return Some((i + 1, true));
        }
        if t.is(REPORTING | ATTITUDE) {
            return Some((i + 1, false));
        }
        None
    }

    /// True when token `i` can be part of a mention.
    fn content(&self, i: usize) -> bool {
        let t = &self.toks[i];
        match t.kind {
            Kind::Word if t.is(DET) => true,
            Kind::Word if t.is(PRONOUN) => false,
            // Capitalised words are names, except sentence-initial function
            // words (`But`, `Also`); titles stay (`President`).
            // A capitalised function word inside a name stays (`Theresa May`).
            Kind::Word if t.cap => {
                t.is(TITLE)
                    || !t.is(STOP | BETWEEN | CONJ)
                    || i > 0 && self.toks[i - 1].is_word() && self.toks[i - 1].cap && !self.toks[i - 1].is(DET)
                    || self.attributive_day(i)
                    || self.first_name(i)
            }
            Kind::Word => !t.is(STOP | PREP | SPEECH | REPORTING | ATTITUDE | BETWEEN),
            Kind::Punct('&' | '%') => true,
            _ => false,
        }
    }

    /// A weekday or month between a determiner and a noun: `a Wednesday
    /// editorial`, `the March report`.
    fn attributive_day(&self, i: usize) -> bool {
        let noun_next = self.toks.get(i + 1).is_some_and(|n| n.is_word() && !n.cap && !n.is(STOP | BETWEEN | PREP));
        self.toks[i].is(TIME) && i > 0 && self.toks[i - 1].is(DET) && !self.toks[i - 1].is(TIME) && noun_next
    }

    /// `Will` and `May` before a capitalised word are first names (`said
    /// Will Doyle`), not an auxiliary or a month.
    fn first_name(&self, i: usize) -> bool {
        let next_name = self.toks.get(i + 1).is_some_and(|n| n.is_word() && n.cap && !n.is(STOP | BETWEEN | TIME));
        next_name && (self.word(i) == "Will" || self.word(i) == "May")
    }

    /// A cue word after a possessive is a noun: `the premier’s thinking`,
    /// `Lee’s statement` (a pronoun's `’s` is `is` or `has`: `she’s said`).
    fn after_possessive(&self, i: usize) -> bool {
        i > 0 && self.possessive(i - 1) && !self.toks[i - 1].is(PRONOUN | STOP | BETWEEN)
    }

    /// The run of content words ending before `end`; true when a
    /// determiner opened it.
    fn run_left(&self, end: usize, floor: usize) -> Option<(usize, bool)> {
        let mut i = end;
        while i > floor && end - (i - 1) <= MAX_MENTION {
            let k = i - 1;
            let t = &self.toks[k];
            // A cue word right after a determiner is a noun: `the report`.
            let noun_cue = t.is_word()
                && !t.cap
                && t.is(SPEECH | REPORTING | ATTITUDE)
                && k > floor
                && (self.toks[k - 1].is(DET) || self.after_possessive(k) || k + 1 == end && self.plural_noun_cue(k));
            // A parenthesis inside a mention: `Rep. Jason Chaffetz (R-Utah)`.
            if t.is_punct(')') && k + 1 == end {
                let open = (floor..k).rev().take(8).find(|&o| self.toks[o].is_punct('('));
                match open {
                    Some(o) if o > floor && self.content(o - 1) => {
                        i = o;
                        continue;
                    }
                    _ => break,
                }
            }
            if !(self.content(k) || noun_cue && k + 1 == end) {
                break;
            }
            i = k;
            // `some say`, `many believe`: a quantifier alone speaks.
            if t.is(ALONE) && k + 1 == end {
                return Some((i, true));
            }
            // A number at the end is a noun: `the mother of three`.
            if t.is(DET) && (k + 1 != end || t.cap) {
                return Some((i, true));
            }
        }
        (i < end).then_some((i, false))
    }

    /// The mention ending just before `end`, not reaching below `floor`.
    pub fn mention_left(&self, end: usize, floor: usize) -> Option<Range> {
        if end <= floor {
            return None;
        }
        let t = &self.toks[end - 1];
        if t.is_word() && t.is(PRONOUN) {
            return Some((end - 1, end));
        }
        let (mut start, _) = self.run_left(end, floor)?;
        // `a source familiar with the matter`, `a spokesman for Clinton`:
        // a description keeps its prepositional phrase.
        for _ in 0..2 {
            let p = start.wrapping_sub(1);
            let prep = start > floor + 1
                && self.toks[p].is_word()
                && !self.toks[p].cap
                && (self.toks[p].is(PREP) || self.word_is(p, "of"));
            match prep.then(|| self.run_left(p, floor)).flatten() {
                // Only a short description without adverbs takes a phrase:
                // `a source familiar with`, not `the nominee currently sits at`.
                Some((s, closed))
                    if p - s <= 5
                        && (s..p).all(|k| !self.word(k).ends_with("ly") || self.toks[k].cap)
                        && (closed || s == floor || self.word(s).starts_with(|c: char| c.is_ascii_digit())) =>
                {
                    start = s
                }
                _ => break,
            }
        }
        self.plausible((start, end)).then_some((start, end))
    }

    /// The mention starting at `start`, below `limit`.
    pub fn mention_right(&self, start: usize, limit: usize) -> Option<Range> {
        self.mention_right_as(start, limit, false)
    }

    /// The source after `according to`: a mention in which words of
    /// speech are nouns, since no verb can follow there (`the report`,
    /// `a Treasury estimate`, `court filings`).
    pub fn source_right(&self, start: usize, limit: usize) -> Option<Range> {
        self.mention_right_as(start, limit, true)
    }

    fn mention_right_as(&self, start: usize, limit: usize, source: bool) -> Option<Range> {
        if start >= limit {
            return None;
        }
        let t = &self.toks[start];
        if t.is_word() && t.is(PRONOUN) && !t.is(DET) {
            return Some((start, start + 1));
        }
        let mut i = start;
        while i < limit && i - start < MAX_MENTION {
            // A cue word right after a determiner is a noun: `the report stated`.
            // After `according to`, any such word is a noun.
            let noun_cue = (i > start || source)
                && self.toks[i].is_word()
                && !self.toks[i].cap
                && self.toks[i].is(SPEECH | REPORTING | ATTITUDE)
                && !self.toks[i].is(PREP | STOP | BETWEEN)
                && (source && !self.participle(i)
                    || i > start
                        && (self.toks[i - 1].is(DET) || self.plural_noun_cue(i))
                        && i + 1 < limit
                        && self.cue_at(i + 1, limit).is_some()
                    || i > start && self.after_possessive(i)
                    // `said the annual safety report.`: a noun of a
                    // text that ends a description.
                    || i > start
                        && self.toks[start].is(DET)
                        && self.toks[i].is(DOC_NOUN)
                        && (i + 1 >= limit || matches!(self.toks[i + 1].kind, Kind::Punct(_))));
            if !(self.content(i) || noun_cue) {
                break;
            }
            // A determiner only opens a mention, but a number may follow
            // one (`the two`, `all three senators`).
            if i > start && self.toks[i].is(DET) && !self.toks[i].cap && !(i == start + 1 && self.number(i)) {
                break;
            }
            i += 1;
        }
        if i == start {
            return None;
        }
        // `a spokesman for the campaign`, `Bank of America`, and for a
        // description `a narrator in the ad`.
        let description = self.toks[start].is(DET);
        if i + 1 < limit
            && (self.word_is(i, "of")
                || self.word_is(i, "for")
                || self.word_is(i, "at")
                || self.word_is(i, "with")
                || description && (self.word_is(i, "in") || self.word_is(i, "from") || self.word_is(i, "on")))
            && !self.toks[i + 1].is(TIME)
        {
            if let Some((_, e)) = self.mention_right_as(i + 1, limit, source) {
                // `the chief medical officer of health, Dr. ...`: a bare
                // noun after `of` ends a description before a comma or a
                // cue (not one in -s that may be a noun: `research projects`).
                let cue_next = e < limit
                    && self.cue_at(e, limit).is_some()
                    && (!self.ends_with(e, "s") || self.word_is(e, "says"));
                let bare_of = description
                    && self.word_is(i, "of")
                    && (e >= limit || matches!(self.toks[e].kind, Kind::Punct(',' | '.')) || cue_next);
                if self.toks[i + 1].is(DET) || self.toks[i + 1].cap || bare_of {
                    i = e;
                }
            }
        }
        // A parenthesis after a name: `Rep. Jason Chaffetz (R-Utah)`.
        if i + 1 < limit && self.toks[i].is_punct('(') {
            if let Some(close) = (i + 1..limit.min(i + 8)).find(|&c| self.toks[c].is_punct(')')) {
                i = close + 1;
            }
        }
        self.plausible((start, i)).then_some((start, i))
    }

    /// A cue word in -s after a content word, read as a plural noun when
    /// a cue follows it (`one veteran of the big projects commented`,
    /// `the new findings showed`): two verbs do not follow each other so.
    fn plural_noun_cue(&self, i: usize) -> bool {
        let w = self.word(i);
        w.len() > 3
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("'s")
            && !w.ends_with("’s")
            && i > 0
            && self.toks[i - 1].is_word()
            && !self.toks[i - 1].is(PRONOUN | BETWEEN | STOP)
            && self.content(i - 1)
    }

    /// A participle (`released`, `saying`): a verb after a source noun
    /// (`a Treasury estimate released on Monday`), not part of it.
    fn participle(&self, i: usize) -> bool {
        let w = self.word(i);
        w.len() > 4 && (w.ends_with("ed") || w.ends_with("ing"))
    }

    /// A number word (`two` to `ten`).
    fn number(&self, i: usize) -> bool {
        ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"].iter().any(|n| self.word_is(i, n))
    }

    /// A mention must have a name, a pronoun or a noun-like last word, and
    /// must not be only a determiner or a time word.
    fn plausible(&self, (a, b): Range) -> bool {
        let last = &self.toks[b - 1];
        if b - a == 1 && last.is(PRONOUN | ALONE) {
            return true;
        }
        if last.is_punct(')') {
            return true;
        }
        // A number closes a description (`the mother of three`); other
        // determiners only open one.
        let number = last.is(DET) && self.number(b - 1);
        if !last.is_word() || last.is(DET) && (b - a == 1 || !last.cap) && !number || last.is(TIME) && !last.cap {
            return false;
        }
        let w = self.word(b - 1);
        if !last.cap && w.len() > 4 && w.ends_with("ly") {
            return false;
        }
        // Weekdays are not speakers.
        !(b - a == 1 && last.is(TIME))
    }

    /// Skips auxiliaries and adverbs leftwards from `end`: the end of the
    /// speaker before a cue (`Smith has also said`).
    pub fn skip_between_left(&self, mut end: usize, floor: usize) -> usize {
        while end > floor && self.between(end - 1) {
            end -= 1;
        }
        end
    }

    /// Skips auxiliaries and adverbs rightwards.
    pub fn skip_between_right(&self, mut i: usize, limit: usize) -> usize {
        while i < limit && self.between(i) {
            i += 1;
        }
        i
    }

    /// An auxiliary, a negation or an adverb (`has`, `didn’t`, `sharply`).
    fn between(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if !t.is_word() || t.cap {
            return false;
        }
        if t.is(BETWEEN) {
            return true;
        }
        let w = self.word(i);
        w.len() > 4 && w.ends_with("ly") && !t.is(SPEECH | REPORTING | ATTITUDE)
            || w.ends_with("n't")
            || w.ends_with("n’t")
    }

    /// The speaker before a cue at `cue`: `Smith said`, `Smith has said`,
    /// `Smith, a spokesman, said`, `Smith, who ..., said`.
    pub fn speaker_before(&self, cue: usize, floor: usize) -> Option<Range> {
        let mut end = self.skip_between_left(cue, floor);
        // `Sanders on Tuesday said`, `Smith last week said`.
        let time_end = end;
        while end > floor && self.toks[end - 1].is_word() && self.toks[end - 1].is(TIME) {
            end -= 1;
        }
        if end < time_end && end > floor && self.word_is(end - 1, "on") {
            end -= 1;
        } else if end < time_end && !(end > floor && self.toks[end - 1].is_punct(',')) {
            // A lone weekday may itself end the mention's sentence part.
            end = if time_end - end == 1 && !self.toks[end].cap { time_end } else { end };
        }
        let end = self.skip_between_left(end, floor);
        if end > floor && matches!(self.toks[end - 1].kind, Kind::Punct(',' | '—' | '–')) {
            // An apposition or relative clause between commas (or dashes):
            // the head is the name before the comma that opens it, possibly
            // several commas back (`Pruitt, the attorney general of
            // Oklahoma, one of the states suing, said`).
            let close = end - 1;
            let mut k = close;
            // The nearest head, unless one further back opens the sentence
            // (`Dale Young, a welder in Tulsa, Okla., and a union
            // steward, said`: not `Okla.`).
            let mut nearest = None;
            while k > floor && close - k < 40 {
                k -= 1;
                let t = &self.toks[k];
                if t.is_double_mark() || self.ends_sentence_loose(k) {
                    break;
                }
                if matches!(t.kind, Kind::Punct(',' | '—' | '–')) {
                    if let Some(head) = self.mention_left(k, floor) {
                        if self.named(head) && self.clause_start(head.0, floor) {
                            // `The runner-up, Gov. John Kasich (R-OH), said`: a
                            // name in apposition to a description speaks.
                            let inner = self.mention_left(close, k + 1);
                            let speaker = match inner.filter(|m| m.0 == k + 1 && self.toks[m.0].cap) {
                                Some(name) if self.description(head) && !self.toks[name.0].is(DET) => name,
                                _ => head,
                            };
                            if head.0 == floor {
                                return Some(speaker);
                            }
                            nearest = nearest.or(Some(speaker));
                        }
                    }
                }
            }
            if nearest.is_some() {
                return nearest;
            }
            // `one of the attorneys, Justin Bamberg, said`: the name in the apposition.
            return self.mention_left(close, floor).filter(|&m| self.named(m));
        }
        let mention = self.mention_left(end, floor)?;
        if self.clause_start(mention.0, floor) {
            return Some(mention);
        }
        // `One former employee who worked on chat said`: the mention before
        // the relative clause speaks.
        let relative =
            (floor..mention.0).rev().take(12).find(|&k| self.toks[k].is(RELATIVE) || self.word_is(k, "that"));
        if let Some(k) = relative {
            // `an event that Carson says led him`: the relative pronoun is
            // the object and the mention right after it speaks.
            if k + 1 == mention.0 {
                return Some(mention);
            }
            if let Some(head) = self.mention_left(k, floor) {
                if self.clause_start(head.0, floor) {
                    return Some(head);
                }
            }
        }
        Some(mention)
    }

    /// A description rather than a name: it opens with a determiner or a
    /// lower-case word, or has a possessive (`the owner`, `Lee’s lawyer`).
    pub fn description(&self, (s, e): Range) -> bool {
        self.toks[s].is(DET) || !self.toks[s].cap || (s..e).any(|k| self.possessive(k))
    }

    /// A possessive word (`Lee’s`, `the owner's`).
    pub fn possessive(&self, i: usize) -> bool {
        self.toks[i].is_word() && (self.word(i).ends_with("’s") || self.word(i).ends_with("'s"))
    }

    /// The person or organisation entity that ends just before `end`.
    pub fn entity_before(&self, end: usize) -> Option<Range> {
        let last = end.checked_sub(1)?;
        self.entity_ending.get(last).copied().flatten().map(|start| (start, end))
    }

    /// True when a mention has a capitalised word or is a pronoun.
    pub fn named(&self, (a, b): Range) -> bool {
        (a..b).any(|h| self.toks[h].cap || self.toks[h].is(PRONOUN))
    }

    /// Terminal punctuation, without looking at what follows.
    fn ends_sentence_loose(&self, i: usize) -> bool {
        self.toks[i].is_terminal() && !self.toks[i].is_punct('…')
    }

    /// True when a mention at `start` begins a clause: sentence start, after
    /// a comma, colon, dash, conjunction or a quotation.
    pub fn clause_start(&self, start: usize, floor: usize) -> bool {
        // The sentence's first word may be an adverb (`Nearly eight of 10 voters`).
        if start <= floor + usize::from(start > floor && self.toks[floor].cap && !self.toks[floor].is(DET)) {
            return true;
        }
        let t = &self.toks[start - 1];
        match t.kind {
            Kind::Punct(c) => matches!(c, ',' | ';' | ':' | '—' | '–' | '(' | '-') || t.is_terminal(),
            Kind::Mark { .. } => true,
            Kind::Word => {
                t.is(CONJ | RELATIVE) || SUBORDINATORS.iter().any(|w| self.word(start - 1).eq_ignore_ascii_case(w))
            }
        }
    }
}
