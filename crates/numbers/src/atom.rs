//! Atoms: single numbers with what is glued to them, before ranges and
//! qualifiers join them.
//!
//! The scan jumps from anchor to anchor (a digit, a number word, a fraction
//! glyph, `a` before `dozen`/`dollar`), reads the number there
//! ([`crate::grammar`]), then its sign and currency before it and its unit
//! after it ([`crate::units`]), and decides from the words around it
//! ([`crate::context`]) whether it is a quantity at all. Everything that
//! looked like a number but is not (a date, a model name) stays in the list
//! as a dropped atom, so that no qualifier reaches across it.

use byline_core::NumberKind;
use rust_decimal::Decimal;

use crate::context::{
    address_after, angle_context, idiom_compound, money_context, month_after, month_before, name_before, next_word,
    prev_word, pronoun_determiner, pronoun_follower, temperature_context, word_before_is, year_cue,
};
use crate::grammar::{Form, Item, ItemKind, Parsed, clause_ends, glyph, lex_items, parse};
use crate::literal::pow10;
use crate::text::{
    Lower, digits_end, glued_before, hyphen_len, is_alnum, is_alpha, is_capitalized, lower, sentence_start,
    skip_spaces, word_end,
};
use crate::units::{Code, Dim, Factor, Meaning, currency_before, unit_after};
use crate::vague::Vague;
use crate::words::{Word, follows_a, number_word, starts_number};

/// A unit as the output will name it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitName {
    /// No unit.
    None,
    /// A fixed name or ISO code.
    Named(&'static str),
    /// The configured dollar.
    Dollar,
}

/// What becomes of an atom.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fate {
    /// Reported.
    Keep,
    /// Not a number (date, code, name, pronoun); kept as a barrier.
    Drop,
    /// A four-digit number that reads as a year unless context says count.
    Year,
}

/// A number with its sign, currency and unit.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Atom {
    pub(crate) start: usize,
    pub(crate) end: usize,
    pub(crate) kind: NumberKind,
    pub(crate) value: Decimal,
    pub(crate) unit: UnitName,
    /// The power of ten of a scale applied to the whole number.
    pub(crate) scale: Option<u8>,
    pub(crate) fate: Fate,
    /// Written with a minus glued to the digits after a space (`2 -7 g`):
    /// in a range, the minus may be the range's dash.
    pub(crate) glued_minus: bool,
}

impl Atom {
    fn dropped(start: usize, end: usize) -> Atom {
        Atom {
            start,
            end,
            kind: NumberKind::Cardinal,
            value: Decimal::ZERO,
            unit: UnitName::None,
            scale: None,
            fate: Fate::Drop,
            glued_minus: false,
        }
    }
}

/// The scanner's buffers, reused for every number of a text.
pub(crate) struct Scan<'t> {
    text: &'t str,
    b: &'t [u8],
    items: Vec<Item>,
    cents: Vec<Item>,
    pub(crate) atoms: Vec<Atom>,
    /// Vague amounts (`hundreds of`), each also a dropped atom.
    pub(crate) vague: Vec<Vague>,
}

impl<'t> Scan<'t> {
    pub(crate) fn new(text: &'t str) -> Scan<'t> {
        Scan {
            text,
            b: text.as_bytes(),
            items: Vec::with_capacity(16),
            cents: Vec::new(),
            atoms: Vec::new(),
            vague: Vec::new(),
        }
    }

    /// Finds every atom of the text, left to right.
    pub(crate) fn run(&mut self) {
        let b = self.b;
        let n = b.len();
        let mut i = 0;
        let mut floor = 0;
        while i < n {
            let c = b[i];
            // `Rs.500`: a dot that ends a currency prefix is no decimal point.
            if c == b'.'
                && i > 0
                && is_alpha(b[i - 1])
                && b.get(i + 1).is_some_and(u8::is_ascii_digit)
                && currency_before(self.text, floor, i + 1).is_some_and(|(s, _)| s < i)
            {
                i += 1;
                continue;
            }
            if c.is_ascii_digit() || (c == b'.' && b.get(i + 1).is_some_and(u8::is_ascii_digit) && !prev_digit(b, i)) {
                i = self.at(i, &mut floor);
                continue;
            }
            if is_alpha(c) {
                let end = word_end(b, i);
                if crate::vague::may_start(b, i, end) {
                    if let Some(v) = crate::vague::vague_at(self.text, floor, i, end) {
                        self.atoms.push(Atom::dropped(v.start, v.end));
                        self.vague.push(v);
                        floor = v.end;
                        i = v.end;
                        continue;
                    }
                }
                if may_start_number(self.text, i, end) && self.word_anchor(i, end) {
                    i = self.at(i, &mut floor).max(end);
                    continue;
                }
                i = end;
                continue;
            }
            if c >= 0xC2 {
                if glyph(b, i).is_some() && !glued_before(self.text, i) {
                    i = self.at(i, &mut floor);
                    continue;
                }
                i += utf8_len(c);
                continue;
            }
            i += 1;
        }
    }

    /// Reads the atom at anchor `i`; returns where scanning resumes.
    fn at(&mut self, i: usize, floor: &mut usize) -> usize {
        match self.atom_at(i, *floor) {
            Some(atom) => {
                let end = atom.end.max(i + 1);
                *floor = atom.end;
                self.atoms.push(atom);
                end
            }
            None => i + 1,
        }
    }

    /// Is the word at `start..end` the start of a number?
    fn word_anchor(&self, start: usize, end: usize) -> bool {
        let b = self.b;
        let Some(w) = lower(b, start, end) else { return false };
        match number_word(w.as_str()) {
            Some(Word::A) => {
                let Some((s, e, next)) = next_word(b, end) else { return false };
                if s == end {
                    return false;
                }
                number_word(next.as_str()).is_some_and(follows_a)
                    || (one_unit_word(next.as_str()) && hyphen_len(b, e) == 0)
                    || (matches!(next.as_str(), "year" | "month" | "week" | "day") && age_suffix(b, e) > e)
                    || (matches!(next.as_str(), "year" | "month" | "week" | "day" | "hour" | "minute")
                        && and_a_half(b, e).is_some())
            }
            Some(w) => starts_number(w),
            None => crate::words::split_compound(w.as_str()).is_some(),
        }
    }

    /// The atom at anchor `i`, or a dropped atom for what only looked like one.
    fn atom_at(&mut self, i: usize, floor: usize) -> Option<Atom> {
        let text = self.text;
        let b = self.b;
        let digit = b[i].is_ascii_digit() || b[i] == b'.';
        if digit {
            if let Some(end) = code_around(text, i) {
                return Some(Atom::dropped(i, end));
            }
        }
        let ascii_groups = !(digit && month_before(b, floor, i));
        let mut items = std::mem::take(&mut self.items);
        let lexed = lex_items(text, i, ascii_groups, &mut items);
        let result = match lexed {
            Err(end) => Some(Atom::dropped(i, end.max(i + 1))),
            Ok(()) => match parse(&items, text) {
                Some(p) => self.build(&items, p, floor),
                None => self.a_unit(&items, floor),
            },
        };
        self.items = items;
        result
    }

    /// `a dollar`, `a kilogram`, `a grand`: one of a unit.
    fn a_unit(&mut self, items: &[Item], floor: usize) -> Option<Atom> {
        let first = items.first()?;
        if !matches!(first.kind, ItemKind::Word(Word::A)) {
            return None;
        }
        let u = unit_after(self.text, first.end)?;
        if skip_spaces(self.b, first.end).0 == first.end || hyphen_len(self.b, u.end) > 0 {
            return None;
        }
        // `a dollar store`: a kind of shop, not an amount.
        if next_word(self.b, u.end)
            .is_some_and(|(s, _, w)| s > u.end && matches!(w.as_str(), "store" | "stores" | "shop" | "shops" | "menu"))
        {
            return None;
        }
        // `$2,000 an ounce`, `$85 a barrel`: a rate after an amount, not one unit.
        let after_amount = self
            .atoms
            .last()
            .is_some_and(|a| a.fate != Fate::Drop && crate::text::skip_spaces_back(self.b, first.start) == a.end);
        if after_amount {
            return None;
        }
        let mut atom = Atom {
            start: first.start,
            end: u.end,
            kind: NumberKind::Money,
            value: Decimal::ONE,
            unit: UnitName::None,
            scale: None,
            fate: Fate::Keep,
            glued_minus: false,
        };
        match u.meaning {
            Meaning::Money(code, factor) if factor != Factor::Satoshi => {
                atom.unit = unit_of(code);
                atom.value = factor_value(factor);
                self.cents(&mut atom);
            }
            // `a year old`, `a week old`: an age of one.
            Meaning::Quantity(name @ ("year" | "month" | "week" | "day"), Dim::Duration)
                if age_suffix(self.b, u.end) > u.end =>
            {
                atom.kind = NumberKind::Quantity;
                atom.unit = UnitName::Named(name);
                atom.end = age_suffix(self.b, u.end);
            }
            // `a year and a half`, `an hour and a half`: a duration (`a
            // year` alone is mostly a date or a rate: `a year ago`).
            Meaning::Quantity(name, Dim::Duration) if and_a_half(self.b, u.end).is_some() => {
                atom.kind = NumberKind::Quantity;
                atom.unit = UnitName::Named(name);
            }
            Meaning::Quantity(name, Dim::Mass) if name != "ton" && name != "metric ton" && name != "stone" => {
                atom.kind = NumberKind::Quantity;
                atom.unit = UnitName::Named(name);
            }
            Meaning::Pound => {
                if money_context(self.b, floor, first.start) {
                    atom.unit = UnitName::Named("GBP");
                } else {
                    atom.kind = NumberKind::Quantity;
                    atom.unit = UnitName::Named("pound");
                }
            }
            // `a mile`, `an acre`, `a litre`: `one_unit_word` admits only
            // the measures that are no everyday noun (`a meter`, `a foot`,
            // `a yard` and `a ton of work` are not amounts).
            Meaning::Quantity(name, Dim::Length | Dim::Area | Dim::Volume) => {
                atom.kind = NumberKind::Quantity;
                atom.unit = UnitName::Named(name);
            }
            _ => return None,
        }
        // `a mile and a half`, `a dollar and a half`: one and a half units
        // (not after cents or an age, which end the amount).
        if atom.end == u.end {
            if let Some(end) = and_a_half(self.b, u.end) {
                atom.value *= Decimal::new(15, 1);
                atom.end = end;
            }
        }
        Some(atom)
    }

    /// Builds the atom of a parsed number: sign, currency, unit, context.
    fn build(&mut self, items: &[Item], p: Parsed, floor: usize) -> Option<Atom> {
        let text = self.text;
        let b = self.b;
        let core_start = items[0].start;
        let core_end = items[p.end - 1].end;
        let lit = p.literal;
        let digit_core = matches!(items[0].kind, ItemKind::Lit(_));

        // Dates: `May 4`, `May 2018`, `4 May`, `17th of March`, `May 4th`.
        let small = p.value <= Decimal::from(31) && p.value >= Decimal::ONE && p.value.fract().is_zero();
        let date_number = lit.is_some_and(|l| (l.is_bare_int() || l.ordinal) && (small || l.is_yearish()))
            || (p.form == Form::Ordinal && small);
        if date_number && month_before(b, floor, core_start) {
            return Some(Atom::dropped(core_start, date_tail(b, core_end)));
        }
        if (lit.is_some_and(|l| l.is_bare_int() || l.ordinal) || p.form == Form::Ordinal)
            && small
            && (month_after(b, core_end)
                || (hyphen_len(b, core_end) == 1
                    && is_alpha(b.get(core_end + 1).copied().unwrap_or(0))
                    && month_after(b, core_end + 1)))
        {
            return Some(Atom::dropped(core_start, core_end));
        }
        // `3000 BC`, `AD 394`: years of an era.
        if lit.is_some_and(|l| l.is_bare_int()) {
            let era_after = next_word(b, core_end)
                .is_some_and(|(s, e, _)| s > core_end && matches!(&text[s..e], "BC" | "BCE" | "AD" | "CE" | "B" | "A"));
            let era_before = prev_word(b, floor, core_start)
                .is_some_and(|(s, _)| matches!(&text[s..crate::text::word_end(b, s)], "AD" | "CE"));
            if era_after || era_before {
                return Some(Atom::dropped(core_start, core_end));
            }
        }

        let mut atom = Atom {
            start: core_start,
            end: core_end,
            kind: NumberKind::Cardinal,
            value: p.value,
            unit: UnitName::None,
            scale: p.scale,
            fate: Fate::Keep,
            glued_minus: false,
        };

        // `the one hundredth attempt`, `the one millionth visitor`: after
        // `the` and before a noun, `one` and a power of ten rank.
        if p.form == Form::Fraction
            && matches!(items[0].word(), Some(Word::Unit(1)))
            && word_before_is(b, floor, core_start, &["the"])
            && next_word(b, core_end).is_some_and(|(s, _, w)| s > core_end && w.as_str() != "of")
            && !clause_ends(text, core_end)
        {
            let rank = Decimal::ONE.checked_div(p.value).unwrap_or(Decimal::ZERO);
            if rank >= Decimal::ONE_HUNDRED
                && rank.fract().is_zero()
                && rank.to_string().trim_start_matches('1').bytes().all(|c| c == b'0')
            {
                atom.kind = NumberKind::Ordinal;
                atom.value = rank;
                return Some(atom);
            }
        }
        match p.form {
            Form::Ordinal => return Some(self.ordinal(atom, items, &p)),
            Form::AOrdinal => {
                let fraction = after_is_fraction_context(text, core_end);
                if !fraction {
                    atom.start = items[1].start;
                    atom.value = p.ordinal_value;
                    atom.kind = NumberKind::Ordinal;
                    // `a third-party candidate`, `a first-hand account`.
                    let ord = lower(b, items[1].start, items[1].end);
                    let ord = ord.as_ref().map_or("", Lower::as_str);
                    let compound = hyphen_len(b, atom.end) == 1
                        && lower(b, atom.end + 1, word_end(b, atom.end + 1))
                            .is_some_and(|n| idiom_compound(ord, n.as_str()));
                    let phrase =
                        next_word(b, atom.end).is_some_and(|(s, _, w)| s > atom.end && ordinal_idiom(ord, w.as_str()));
                    if compound || phrase {
                        atom.fate = Fate::Drop;
                    }
                    return Some(atom);
                }
            }
            _ => {}
        }

        // Sign and currency before the number.
        let mut currency: Option<UnitName> = None;
        if let Some((start, code)) = currency_before(text, floor, core_start) {
            atom.start = start;
            currency = Some(unit_of(code));
        }
        let mut negative = false;
        if digit_core || matches!(items[0].kind, ItemKind::Glyph(_)) {
            if let Some((sign_start, minus, glued_after_space)) = sign_before(b, floor, atom.start) {
                atom.start = sign_start;
                negative = minus;
                atom.glued_minus = minus && glued_after_space;
            }
        }
        if !negative {
            if let Some((s, w)) = prev_word(b, floor, atom.start) {
                if matches!(w.as_str(), "minus" | "negative") && !word_before_is(b, floor, s, &["plus", "or"]) {
                    atom.start = s;
                    negative = true;
                }
            }
        }
        if negative {
            atom.value = -atom.value;
        }

        // What follows: a unit, a currency, a percent sign, a scale letter.
        let mut end = core_end;
        let mut unit = unit_after(text, end);
        // `a quarter of a percentage point`, `half a mile`, `3/4 of a mile`:
        // a fraction of one unit.
        let slash_fraction = lit.is_some_and(|l| l.fraction == Some(true));
        if unit.is_none()
            && (matches!(p.form, Form::Fraction | Form::AOrdinal) || p.bare_half || p.quarters || slash_fraction)
        {
            if let Some(u) = fraction_of_unit(text, core_end, p.bare_half) {
                unit = Some(u);
            }
        }
        // `a couple of days`, `a dozen of eggs`: the unit after `of`.
        if p.collective && unit.is_none() {
            if let Some((s, e, w)) = next_word(b, core_end) {
                if s > core_end && w.as_str() == "of" {
                    let (next, _) = skip_spaces(b, e);
                    let lowercase = b.get(next).is_some_and(u8::is_ascii_lowercase);
                    unit = unit_after(text, e).filter(|u| {
                        matches!(u.meaning, Meaning::Quantity(..) | Meaning::Money(..)) && next > e && lowercase
                    });
                }
            }
        }
        if let (Some(u), true) = (unit, digit_core) {
            if let Meaning::Scale(e) = u.meaning {
                if p.scale.is_none() && lit.is_some_and(|l| l.scale.is_none()) {
                    atom.value = atom.value.checked_mul(pow10(e))?;
                    atom.scale = Some(e);
                    end = u.end;
                    unit = unit_after(text, end);
                } else {
                    unit = None;
                }
            }
        }
        // `£50m`, `$2.5m`, `2.5m people`, `663m euros`: a glued `m` is a
        // million unless lengths are meant (`100m sprint`, `1.85m tall`).
        if digit_core && b.get(end) == Some(&b'm') && !b.get(end + 1).copied().is_some_and(is_alnum) {
            let decimal = lit.is_some_and(|l| l.decimals > 0) || p.literal.is_none();
            let money_after = unit_after(text, end + 1).filter(|u| matches!(u.meaning, Meaning::Money(_, Factor::One)));
            let millions = currency.is_some() || money_after.is_some() || decimal && !length_context(b, end + 1);
            if millions && p.scale.is_none() {
                atom.value = atom.value.checked_mul(pow10(6))?;
                atom.scale = Some(6);
                end += 1;
                unit = if currency.is_some() { unit_after(text, end) } else { money_after };
            }
        }

        // `the 1988 second half`: `second` ranks the half; it is no unit.
        if unit.is_some_and(|u| {
            u.meaning == Meaning::Quantity("second", Dim::Duration)
                && next_word(b, u.end).is_some_and(|(s, _, w)| s > u.end && matches!(w.as_str(), "half" | "quarter"))
        }) {
            unit = None;
        }
        match unit.map(|u| (u, u.meaning)) {
            Some((u, Meaning::Time)) => {
                let clock = atom.value >= Decimal::ZERO && atom.value <= Decimal::from(24) && currency.is_none();
                if clock {
                    return Some(Atom::dropped(atom.start, u.end));
                }
            }
            Some((u, Meaning::Percent | Meaning::PercentagePoint)) if currency.is_none() => {
                atom.kind = NumberKind::Percent;
                if u.meaning == Meaning::PercentagePoint {
                    atom.unit = UnitName::Named("percentage point");
                }
                end = u.end;
            }
            Some((u, Meaning::Money(code, factor))) => {
                atom.kind = NumberKind::Money;
                atom.value = atom.value.checked_mul(factor_value(factor))?;
                atom.unit = match currency {
                    Some(UnitName::Named(c)) if code == Code::Dollar => UnitName::Named(c),
                    _ => unit_of(code),
                };
                end = u.end;
                if let Some(e) = u.scale {
                    atom.value = atom.value.checked_mul(pow10(e))?;
                    atom.scale = Some(e);
                }
                // `75 USD million`.
                if atom.scale.is_none() {
                    if let Some((e, after)) = scale_word_after(b, end) {
                        atom.value = atom.value.checked_mul(pow10(e))?;
                        atom.scale = Some(e);
                        end = after;
                    }
                }
            }
            Some((u, Meaning::Pound)) => {
                let after = next_word(b, u.end);
                let of_after = after.is_some_and(|(_, _, w)| w.as_str() == "of");
                // `a five-pound note`, `a 50-pound fine`: the thing paid says money.
                let paid = after.is_some_and(|(_, _, w)| {
                    matches!(
                        w.as_str(),
                        "note"
                            | "notes"
                            | "banknote"
                            | "banknotes"
                            | "coin"
                            | "coins"
                            | "fine"
                            | "fines"
                            | "fee"
                            | "fees"
                    )
                });
                if currency.is_some()
                    || paid
                    || pence_after(text, u.end)
                    || (!of_after && money_context(b, floor, atom.start))
                {
                    atom.kind = NumberKind::Money;
                    atom.unit = currency.unwrap_or(UnitName::Named("GBP"));
                } else {
                    atom.kind = NumberKind::Quantity;
                    atom.unit = UnitName::Named("pound");
                    end = product(b, u.end);
                }
                if currency.is_none() || atom.kind == NumberKind::Money {
                    end = end.max(u.end);
                }
            }
            Some((u, Meaning::Degree)) if currency.is_none() => {
                atom.kind = NumberKind::Quantity;
                let angle = angle_context(text, atom.start, u.end) && !temperature_context(text, atom.start);
                atom.unit = UnitName::Named(if angle { "degree of arc" } else { "degree" });
                end = u.end;
            }
            Some((u, Meaning::Quantity(name, dim))) if currency.is_none() => {
                atom.kind = NumberKind::Quantity;
                atom.unit = UnitName::Named(name);
                // `60 Minutes`, `28 Days Later`, `13 Hours`: a capitalised
                // word of time after a number inside a sentence is a title
                // (capitalised measures, `2 Cups`, are only emphasis).
                let (us, _) = skip_spaces(b, end);
                let word = us < b.len() && is_capitalized(b, us) && b.get(us + 1).is_some_and(u8::is_ascii_lowercase);
                let titled = word
                    && us > end
                    && dim == Dim::Duration
                    && !sentence_start(b, atom.start)
                    && !crate::text::title_case_line(crate::text::line_around(text, atom.start, 160));
                if titled {
                    return Some(Atom::dropped(atom.start, u.end));
                }
                end = u.end;
                if dim == Dim::Duration && matches!(name, "year" | "month" | "week" | "day") {
                    end = age_suffix(b, end);
                }
                if dim == Dim::Mass || matches!(name, "cup" | "teaspoon" | "tablespoon") {
                    end = product(b, end);
                }
            }
            Some((u, Meaning::Age)) if currency.is_none() => {
                atom.kind = NumberKind::Quantity;
                atom.unit = UnitName::Named("year");
                end = u.end;
            }
            _ => {}
        }
        if atom.kind == NumberKind::Cardinal {
            if let Some(c) = currency {
                atom.kind = NumberKind::Money;
                atom.unit = c;
            }
        }
        atom.end = end;
        // `not one bit`: an idiom, not a bit of data.
        if p.bare_one && atom.unit == UnitName::Named("bit") {
            atom.fate = Fate::Drop;
            return Some(atom);
        }
        // `one day` (someday), `One day, ...`: no duration.
        if p.bare_one && atom.unit == UnitName::Named("day") && !one_day_is_duration(b, atom.start, atom.end) {
            atom.fate = Fate::Drop;
            return Some(atom);
        }

        // `5 ft 4 in`: `in` is inches only right after feet.
        if atom.kind == NumberKind::Cardinal && digit_core && self.after_feet(atom.start) {
            if let Some(e) = inches_word(b, end) {
                atom.kind = NumberKind::Quantity;
                atom.unit = UnitName::Named("inch");
                atom.end = e;
            }
        }
        if atom.kind == NumberKind::Cardinal && digit_core {
            if let Some(e) = feet_and_inches_marks(b, atom.start, end) {
                atom.kind = NumberKind::Quantity;
                atom.unit = UnitName::Named(e.1);
                atom.end = e.0;
            }
        }
        if atom.kind == NumberKind::Cardinal {
            if let Some(e) = special_unit(text, end) {
                atom.kind = NumberKind::Quantity;
                atom.unit = UnitName::Named(e.1);
                atom.end = e.0;
            }
        }
        if atom.kind == NumberKind::Money && atom.unit != UnitName::None {
            self.cents(&mut atom);
        }
        // `two years and a half`, `five dollars and a half`: half of the
        // unit more, after a whole count of a unit written as a word after
        // it (not `$40 and a half of it`, `100 cents`, `2 million dollars`,
        // `30 years old`).
        let named_unit = is_alpha(b[atom.end - 1])
            && !crate::text::word_is(b, crate::text::word_start(b, atom.end), atom.end, "old");
        let whole_units = match atom.kind {
            NumberKind::Quantity => true,
            NumberKind::Money => atom.value == p.value,
            _ => false,
        };
        if named_unit && whole_units && atom.scale.is_none() && p.value.fract().is_zero() && !p.value.is_zero() {
            if let Some(e) = and_a_half(b, atom.end) {
                let half = Decimal::new(5, 1);
                atom.value += if atom.value.is_sign_negative() { -half } else { half };
                atom.end = e;
            }
        }

        if atom.kind == NumberKind::Cardinal {
            return self.cardinal(atom, items, &p, floor);
        }
        Some(atom)
    }

    /// True when a length in feet ends just before `start` (spaces between).
    fn after_feet(&self, start: usize) -> bool {
        self.atoms.last().is_some_and(|a| {
            a.fate == Fate::Keep
                && a.unit == UnitName::Named("foot")
                && a.end < start
                && self.b[a.end..start].iter().all(|&c| c == b' ')
        })
    }

    /// Context rules for an ordinal.
    fn ordinal(&self, mut atom: Atom, items: &[Item], p: &Parsed) -> Atom {
        let b = self.b;
        atom.kind = NumberKind::Ordinal;
        let word = items[0].kind;
        let first_word = lower(b, items[0].start, items[0].end);
        let first_word = first_word.as_ref().map_or("", Lower::as_str);
        let one_word = p.end == 1 && matches!(word, ItemKind::Word(_));
        if one_word {
            // `First, ...`, `at first`, `third-party`.
            let comma = b.get(atom.end) == Some(&b',');
            if comma && sentence_start(b, atom.start) {
                atom.fate = Fate::Drop;
            }
            if first_word == "first" && word_before_is(b, 0, atom.start, &["at"]) {
                atom.fate = Fate::Drop;
            }
            // `country-first appeals`, `America-first`: the end of a compound.
            if atom.start >= 2 && b[atom.start - 1] == b'-' && is_alpha(b[atom.start - 2]) {
                atom.fate = Fate::Drop;
            }
            if hyphen_len(b, atom.end) == 1 {
                let (s, e) = (atom.end + 1, word_end(b, atom.end + 1));
                if lower(b, s, e).is_some_and(|n| idiom_compound(first_word, n.as_str())) {
                    atom.fate = Fate::Drop;
                }
            }
        }
        // `its fiscal 2024 third quarter`, `the 1988 second half`, `3rd
        // quarter`: a period of the calendar, a date rather than a rank.
        if next_word(b, atom.end)
            .is_some_and(|(s, _, w)| s > atom.end && matches!(w.as_str(), "quarter" | "half" | "quarters" | "halves"))
        {
            atom.fate = Fate::Drop;
        }
        if let ItemKind::Word(_) = word {
            if is_capitalized(b, atom.start) && name_before(self.text, 0, atom.start) {
                atom.fate = Fate::Drop;
            }
            // `Second Amendment`, `First Lady`, `Third Reich`: part of a name.
            let next = next_word(b, atom.end).filter(|&(s, _, _)| s > atom.end);
            if let Some((s, _, w)) = next {
                if is_capitalized(b, atom.start)
                    && is_capitalized(b, s)
                    && !crate::text::title_case_line(crate::text::line_around(self.text, atom.start, 160))
                {
                    atom.fate = Fate::Drop;
                }
                if ordinal_idiom(first_word, w.as_str()) {
                    atom.fate = Fate::Drop;
                }
            }
            // `take the Fifth`, `the First and 14th amendments`: a
            // capitalised ordinal inside a sentence with no lower-case noun
            // after it names something, unless the line is a title-case
            // headline (`the Ninth meeting` still ranks).
            let noun_after = next
                .as_ref()
                .is_some_and(|&(s, _, ref w)| b[s].is_ascii_lowercase() && !matches!(w.as_str(), "and" | "or" | "of"));
            if is_capitalized(b, atom.start)
                && !noun_after
                && !sentence_start(b, atom.start)
                && !crate::text::title_case_line(crate::text::line_around(self.text, atom.start, 160))
            {
                atom.fate = Fate::Drop;
            }
        } else if let Some((s, e, w)) = next_word(b, atom.end).filter(|&(s, _, _)| s == atom.end + 1) {
            // `57th Street`, `9th Avenue`: an address, not a rank.
            if is_capitalized(b, s) && crate::context::street_word(w.as_str()) && b.get(e).is_none_or(|&c| c != b'-') {
                atom.fate = Fate::Drop;
            }
        }
        atom
    }

    /// Context rules for a count: pronoun `one`, `half`, `quarters`, years,
    /// names, addresses, codes, `percent of`, `age 87`.
    fn cardinal(&self, mut atom: Atom, items: &[Item], p: &Parsed, floor: usize) -> Option<Atom> {
        let text = self.text;
        let b = self.b;
        let lit = p.literal;
        let end = atom.end;

        // A code: letters glued after the digits (`5G`, `13F`, `24703L202`).
        if b.get(end).copied().is_some_and(is_alpha)
            || (b.get(end) == Some(&b'-') && lit.is_some() && glued_letters_code(b, end))
        {
            let mut k = end;
            while k < b.len() && (is_alnum(b[k]) || b[k] == b'-') {
                k += 1;
            }
            return Some(Atom::dropped(atom.start, k));
        }

        // `per cent of twenty-two`, `percents of twenty`.
        if let Some(start) = percent_of_before(b, floor, atom.start) {
            atom.start = start;
            atom.kind = NumberKind::Percent;
            return Some(atom);
        }
        // `age 87`, `aged 87`, `at the age of 30`.
        if lit.is_some_and(|l| l.is_bare_int()) || (p.words && p.form == Form::Cardinal) {
            if let Some((s, w)) = prev_word(b, floor, atom.start) {
                let of_age = w.as_str() == "of" && prev_word(b, floor, s).is_some_and(|(_, a)| a.as_str() == "age");
                if matches!(w.as_str(), "age" | "aged") || of_age {
                    if !of_age {
                        atom.start = s;
                    }
                    atom.kind = NumberKind::Quantity;
                    atom.unit = UnitName::Named("year");
                    return Some(atom);
                }
            }
        }

        // `a couple of`, `a dozen of`.
        if p.collective {
            if let Some((s, e, w)) = next_word(b, atom.end) {
                if w.as_str() == "of" && s > atom.end {
                    atom.end = e;
                }
            }
        }

        let first_word = match items[0].kind {
            ItemKind::Word(_) => lower(b, items[0].start, items[0].end),
            _ => None,
        };

        // `one` as a pronoun or in an idiom.
        if p.bare_one && atom.start == items[0].start && !self.one_is_count(&atom) {
            atom.fate = Fate::Drop;
            return Some(atom);
        }
        // `one-time`, `zero-sum`; other numbers keep their count (`three-judge panel`).
        if p.end == 1 && hyphen_len(b, atom.end) == 1 {
            if let Some(w) = first_word {
                let (s, e) = (atom.end + 1, word_end(b, atom.end + 1));
                if lower(b, s, e).is_some_and(|n| idiom_compound(w.as_str(), n.as_str())) {
                    atom.fate = Fate::Drop;
                    return Some(atom);
                }
            }
        }
        // `half`: not after `the`/`first`/`in`, not in `half-time`.
        if p.bare_half {
            if let Some(unit) = half_a_unit(text, atom.end) {
                atom.kind = NumberKind::Quantity;
                atom.unit = UnitName::Named(unit.1);
                atom.end = unit.0;
                return Some(atom);
            }
            let after_det = word_before_is(
                b,
                0,
                atom.start,
                &[
                    "the", "first", "second", "third", "fourth", "other", "latter", "former", "in", "each", "this",
                    "that", "its", "their", "his", "her", "our", "my", "your", "one", "a", "by",
                ],
            );
            let hyphened = hyphen_len(b, atom.end) > 0 && b.get(atom.end + 1).copied().is_some_and(is_alpha);
            if after_det || hyphened {
                atom.fate = Fate::Drop;
            }
            return Some(atom);
        }
        // `three quarters of`, `a quarter of`: not fiscal quarters.
        // A mixed number (`twenty and three quarters`) counts whatever follows.
        let mixed = text[atom.start..atom.end].contains(" and ");
        if p.quarters && p.scale.is_none() && !mixed {
            let of_after = next_word(b, atom.end).is_some_and(|(_, _, w)| w.as_str() == "of");
            let period = word_before_is(
                b,
                0,
                atom.start,
                &[
                    "past",
                    "last",
                    "next",
                    "previous",
                    "first",
                    "second",
                    "third",
                    "fourth",
                    "consecutive",
                    "straight",
                    "recent",
                    "coming",
                    "fiscal",
                    "the",
                    "those",
                    "these",
                    "two",
                    "three",
                    "four",
                    "successive",
                    "several",
                    "few",
                    "all",
                ],
            );
            // `three quarters of`, `above one quarter and below a half`; but
            // `a quarter century`, `two quarters ago` are periods of time.
            let joined = next_word(b, atom.end).is_some_and(|(s, _, w)| {
                s > atom.end && matches!(w.as_str(), "and" | "or" | "but" | "than" | "to" | "more" | "less")
            });
            if period || !(of_after || joined || clause_ends(text, atom.end)) {
                atom.fate = Fate::Drop;
            }
            return Some(atom);
        }

        if let Some(l) = lit {
            // `911 calls`: the emergency number.
            if l.is_bare_int() && atom.value == Decimal::from(911) {
                let emergency = next_word(b, atom.end).is_some_and(|(s, _, w)| {
                    s > atom.end
                        && matches!(
                            w.as_str(),
                            "call"
                                | "calls"
                                | "caller"
                                | "callers"
                                | "operator"
                                | "operators"
                                | "dispatcher"
                                | "dispatchers"
                                | "center"
                                | "centre"
                                | "system"
                                | "line"
                                | "tape"
                                | "tapes"
                        )
                });
                if emergency {
                    atom.fate = Fate::Drop;
                    return Some(atom);
                }
            }
            // `Boeing 737`, `Chapter 11`, `PA 23456`.
            if (l.is_bare_int() || (l.int && l.decimals == 0) || l.decimals > 0 && !l.grouped)
                && !l.leading_zero
                && name_before(text, floor, atom.start)
                && atom.start == items[0].start
            {
                atom.fate = Fate::Drop;
                return Some(atom);
            }
            // `123 Random Street`.
            if l.is_bare_int() && address_after(b, atom.end) {
                atom.fate = Fate::Drop;
                return Some(atom);
            }
            // `No. 1`, `#1`, `version 2.0`, `v 3`.
            if atom.start == items[0].start && identifier_before(b, floor, atom.start) {
                atom.fate = Fate::Drop;
                return Some(atom);
            }
            if l.is_yearish() && atom.start == items[0].start {
                atom.fate = Fate::Year;
            }
        } else if let Some(w) = first_word {
            // `Air Force One`, `Formula One`.
            if is_capitalized(b, items[0].start) && w.as_str() != "a" && name_before(text, floor, atom.start) {
                atom.fate = Fate::Drop;
            }
        }
        Some(atom)
    }

    /// Is a bare `one` a count here (`one of them`; not `the one`, `One
    /// former employee`)?
    fn one_is_count(&self, atom: &Atom) -> bool {
        let b = self.b;
        let floor = 0;
        // `one-on-one`, `second-to-none`: the end of a hyphenated compound
        // (but `won two-one`: the second side of a spelled tally counts).
        if atom.start >= 2 && b[atom.start - 1] == b'-' && is_alpha(b[atom.start - 2]) {
            let side = lower(b, crate::text::word_start(b, atom.start - 1), atom.start - 1)
                .and_then(|w| number_word(w.as_str()))
                .is_some_and(|w| matches!(w, Word::Zero | Word::Unit(_) | Word::Teen(_) | Word::Tens(_)));
            return side;
        }
        let next = next_word(b, atom.end);
        let next_is_or = next.as_ref().is_some_and(|(_, _, w)| w.as_str() == "or");
        if let Some((s, w)) = prev_word(b, floor, atom.start) {
            if pronoun_determiner(w.as_str()) {
                return false;
            }
            // `when one studies`, `if one is`: the generic pronoun.
            let conjunction = matches!(
                w.as_str(),
                "when" | "if" | "unless" | "whenever" | "because" | "where" | "while" | "until" | "once" | "as"
            );
            if conjunction && !next_is_or {
                return false;
            }
            // `the right one`, `a new one`: determiner, adjective, one (but
            // `a mere one-point lead` counts).
            if let Some((_, w2)) = prev_word(b, floor, s) {
                let det =
                    matches!(w2.as_str(), "the" | "a" | "an" | "this" | "that" | "which" | "no" | "every" | "any");
                if det && hyphen_len(b, atom.end) == 0 {
                    return false;
                }
            }
            // `at one point`: an idiom.
            if w.as_str() == "at" && next_word(b, atom.end).is_some_and(|(_, _, n)| n.as_str() == "point") {
                return false;
            }
            // `For one, Trump remains ...`: an idiom.
            if w.as_str() == "for" && b.get(atom.end) == Some(&b',') {
                return false;
            }
            // `a very significant one,`, `an impossible one.`: a determiner,
            // adjectives, then `one` ending the clause.
            if crate::grammar::clause_ends(self.text, atom.end) && adjectives_after_determiner(b, atom.start) {
                return false;
            }
        }
        if b.get(atom.end).is_some_and(|&c| c == b'\'') || self.text.get(atom.end..).is_some_and(|s| s.starts_with('’'))
        {
            return false;
        }
        if let Some((s, e, w)) = next {
            // `one of the companies`, `one of them`, `one of 20 students`:
            // one picked from a group counts; `one of fear`, `a story of
            // one of hope` (no group after `of`), `one of a kind` and `one
            // of these days` do not.
            if s > atom.end && w.as_str() == "of" {
                let (g, _) = skip_spaces(b, e);
                return match next_word(b, e).filter(|&(s2, _, _)| s2 > e) {
                    Some((s2, e2, w2)) => {
                        let idiom = match w2.as_str() {
                            "a" => next_word(b, e2).is_some_and(|(_, _, w3)| w3.as_str() == "kind"),
                            "these" => next_word(b, e2).is_some_and(|(_, _, w3)| w3.as_str() == "days"),
                            _ => false,
                        };
                        let possessive = matches!(b.get(e2), Some(b'\'')) || self.text[e2..].starts_with('\u{2019}');
                        // `one of Mr. Bush's sons`, `one of New York's seats`.
                        let name = b[s2].is_ascii_uppercase();
                        !idiom && (group_word(w2.as_str()) || w2.as_str().ends_with('s') || possessive || name)
                    }
                    None => b.get(g).is_some_and(u8::is_ascii_digit),
                };
            }
            if s > atom.end && pronoun_follower(w.as_str()) {
                return false;
            }
            // `One former employee said`: a sentence that opens on `One`.
            if is_capitalized(b, atom.start) && sentence_start(b, atom.start) && b[s].is_ascii_lowercase() {
                return false;
            }
        }
        true
    }

    /// Adds cents to a whole amount: `thirteen dollars and forty-five
    /// cents`, `$20 43`, `3 GBP 1 pence`, `15 dollars 50`.
    fn cents(&mut self, atom: &mut Atom) {
        let text = self.text;
        let b = self.b;
        if atom.scale.is_some() || !atom.value.fract().is_zero() || atom.value.is_zero() {
            return;
        }
        let (mut j, newlines) = skip_spaces(b, atom.end);
        if newlines > 0 {
            return;
        }
        let mut with_and = false;
        if crate::text::word_is(b, j, word_end(b, j), "and") {
            let (k, nl) = skip_spaces(b, word_end(b, j));
            if nl > 0 || k == word_end(b, j) {
                return;
            }
            j = k;
            with_and = true;
        } else if j == atom.end {
            return;
        }
        let starts = b.get(j).is_some_and(|c| c.is_ascii_digit())
            || (is_alpha(b.get(j).copied().unwrap_or(0))
                && lower(b, j, word_end(b, j))
                    .and_then(|w| number_word(w.as_str()))
                    .is_some_and(|w| matches!(w, Word::Unit(_) | Word::Teen(_) | Word::Tens(_))));
        if !starts {
            return;
        }
        let mut items = std::mem::take(&mut self.cents);
        let found = lex_items(text, j, false, &mut items).ok().and_then(|()| parse(&items, text)).and_then(|p| {
            let whole = p.form == Form::Cardinal && p.scale.is_none() && p.value.fract().is_zero();
            let n = p.value;
            (whole && n >= Decimal::ONE && n < Decimal::ONE_HUNDRED).then(|| (n, items[p.end - 1].end, p.literal))
        });
        self.cents = items;
        let Some((n, end, lit)) = found else { return };
        let cents_unit = unit_after(text, end).filter(|u| matches!(u.meaning, Meaning::Money(_, Factor::Hundredth)));
        let cents_end = match cents_unit {
            Some(u) => u.end,
            None => {
                // Without `cents`, only two digits or words, then nothing more.
                if lit.is_some_and(|l| l.int_digits != 2) {
                    return;
                }
                let (k, _) = skip_spaces(b, end);
                let and_next = crate::text::word_is(b, k, word_end(b, k), "and");
                if !(clause_ends(text, end) || and_next) || (with_and && lit.is_some() && !clause_ends(text, end)) {
                    return;
                }
                end
            }
        };
        if let Some(v) = atom.value.checked_add(n / Decimal::ONE_HUNDRED) {
            atom.value = v;
            atom.end = cents_end;
        }
    }
}

fn prev_digit(b: &[u8], i: usize) -> bool {
    i > 0 && b[i - 1].is_ascii_digit()
}

fn utf8_len(c: u8) -> usize {
    match c {
        0xF0..=0xFF => 4,
        0xE0..=0xEF => 3,
        _ => 2,
    }
}

/// Cheap filter before the lexicon: number words start with these letters
/// and are at most 14 letters long (`seventeenths`, `twentyfifth`), and
/// stand on their own (not after a digit, an apostrophe or a letter of
/// another script).
fn may_start_number(text: &str, start: usize, end: usize) -> bool {
    let b = text.as_bytes();
    let len = end - start;
    (1..=14).contains(&len)
        && matches!(b[start] | 0x20, b'a' | b'e' | b'f' | b'h' | b'n' | b'o' | b'p' | b'q' | b's' | b't' | b'z')
        && !(start > 0
            && (b[start - 1].is_ascii_digit()
                || b[start - 1] == b'\''
                || b[start - 1] >= 0x80 && glued_before(text, start)))
}

/// `for one day`, `one day later`: a duration; `one day` alone: someday.
fn one_day_is_duration(b: &[u8], start: usize, end: usize) -> bool {
    let before = crate::context::prev_word(b, 0, start).is_some_and(|(_, w)| {
        matches!(
            w.as_str(),
            "for"
                | "in"
                | "within"
                | "than"
                | "over"
                | "under"
                | "only"
                | "just"
                | "about"
                | "around"
                | "least"
                | "most"
                | "nearly"
                | "almost"
                | "after"
                | "every"
                | "per"
        )
    });
    let after = next_word(b, end).is_some_and(|(s, _, w)| {
        s > end
            && matches!(
                w.as_str(),
                "after" | "before" | "later" | "earlier" | "ago" | "of" | "long" | "old" | "and" | "or" | "to" | "into"
            )
    }) || hyphen_len(b, end) > 0;
    // `one day a week` (but `One day a man walked in`).
    let rate = !sentence_start(b, start)
        && next_word(b, end).is_some_and(|(s, _, w)| s > end && matches!(w.as_str(), "a" | "per" | "each" | "every"));
    before || after || rate
}

/// `3 pounds and 20 pence`, `5 pounds 50p`: pence after the pounds make
/// them money.
fn pence_after(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    let mut j = skip_spaces(b, i).0;
    if crate::text::word_is(b, j, word_end(b, j), "and") {
        j = skip_spaces(b, word_end(b, j)).0;
    }
    let mut k = digits_end(b, j);
    if k == j {
        k = word_end(b, j);
        if !lower(b, j, k)
            .and_then(|w| number_word(w.as_str()))
            .is_some_and(|w| matches!(w, Word::Unit(_) | Word::Teen(_) | Word::Tens(_)))
        {
            return false;
        }
    }
    unit_after(text, k).is_some_and(|u| u.meaning == Meaning::Money(Code::Iso("GBP"), Factor::Hundredth))
}

/// A height in marks, `5'10"` (or with primes, `5′10″`): the feet before
/// the mark, the inches after it. The number is at `start..end`; the end
/// and unit of the mark that makes it one.
fn feet_and_inches_marks(b: &[u8], start: usize, end: usize) -> Option<(usize, &'static str)> {
    // The length of a foot mark (`'`, `′`) or an inch mark (`"`, `″`) at `i`.
    let mark = |i: usize, inch: bool| match (b.get(i), b.get(i + 1), b.get(i + 2)) {
        (Some(b'\''), _, _) if !inch => 1,
        (Some(b'"'), _, _) if inch => 1,
        (Some(0xE2), Some(0x80), Some(0xB2)) if !inch => 3,
        (Some(0xE2), Some(0x80), Some(0xB3)) if inch => 3,
        _ => 0,
    };
    let inches_after = |i: usize| {
        let e = digits_end(b, i);
        (e > i && e - i <= 2 && mark(e, true) > 0).then(|| e + mark(e, true))
    };
    let foot = mark(end, false);
    if foot > 0
        && end - start <= 2
        && inches_after(end + foot).is_some_and(|e| !b.get(e).copied().is_some_and(is_alnum))
    {
        return Some((end + foot, "foot"));
    }
    // The inches: right after a foot mark that follows digits.
    let before = (1..=3).find(|&n| start >= n && mark(start - n, false) == n)?;
    let feet = start - before;
    (feet > 0 && b[feet - 1].is_ascii_digit() && inches_after(start) == Some(end + mark(end, true)))
        .then(|| (end + mark(end, true), "inch"))
}

/// `in` as the inches of a height or length after feet (`5 ft 4 in`, `6
/// ft 2 in tall`, `5ft 10in`), not the preposition (`6 ft 2 in the rain`):
/// its end.
fn inches_word(b: &[u8], i: usize) -> Option<usize> {
    let (s, e, w) = next_word(b, i)?;
    if w.as_str() != "in" || b[s] != b'i' {
        return None;
    }
    let ends = match next_word(b, e) {
        Some((_, _, n)) => matches!(n.as_str(), "tall" | "long" | "wide" | "high" | "deep" | "and" | "or"),
        None => true,
    };
    ends.then_some(e)
}

/// True when one or two lower-case words that may be adjectives (no
/// numbers, function words or auxiliaries, nor `only`, `mere`) stand
/// between an article and `i`: `a very significant [one]`, `the last big
/// [one]` (but `each choose [one]`, `that was strike [one]`).
fn adjectives_after_determiner(b: &[u8], i: usize) -> bool {
    let mut at = i;
    for n in 0..3 {
        let Some((s, w)) = prev_word(b, 0, at) else { return false };
        let w = w.as_str();
        if n > 0 && matches!(w, "a" | "an" | "the" | "this" | "that" | "another") {
            return true;
        }
        let adjective = b[s].is_ascii_lowercase()
            && number_word(w).is_none()
            && !matches!(
                w,
                "only"
                    | "mere"
                    | "single"
                    | "just"
                    | "exactly"
                    | "about"
                    | "than"
                    | "least"
                    | "most"
                    | "to"
                    | "for"
                    | "with"
                    | "without"
                    | "by"
                    | "from"
                    | "on"
                    | "at"
                    | "and"
                    | "or"
                    | "but"
                    | "not"
                    | "was"
                    | "is"
                    | "are"
                    | "were"
                    | "be"
                    | "been"
                    | "has"
                    | "have"
                    | "had"
                    | "get"
                    | "got"
            );
        if !adjective {
            return false;
        }
        at = s;
    }
    false
}

/// Ordinals in set phrases that rank nothing: `first lady`, `third world`.
fn ordinal_idiom(ordinal: &str, next: &str) -> bool {
    matches!(
        (ordinal, next),
        ("first", "lady" | "aid" | "name" | "names" | "hand" | "responders" | "responder" | "cousin" | "cousins")
            | ("second", "hand" | "cousin" | "cousins" | "guessing" | "nature" | "thoughts")
            | ("third", "world" | "party" | "parties" | "wheel")
    )
}

/// `and a half` right after `i` (`a mile and a half`): where it ends.
fn and_a_half(b: &[u8], i: usize) -> Option<usize> {
    let mut at = i;
    for want in ["and", "a", "half"] {
        let (_, e, w) = next_word(b, at).filter(|(s, _, _)| *s > at)?;
        if w.as_str() != want {
            return None;
        }
        at = e;
    }
    (hyphen_len(b, at) == 0).then_some(at)
}

/// Units `a` makes into one of them: `a dollar`, `a kilogram`, `a grand`,
/// `a mile`, `an acre`.
fn one_unit_word(w: &str) -> bool {
    matches!(
        w,
        "dollar"
            | "buck"
            | "euro"
            | "pound"
            | "quid"
            | "grand"
            | "dime"
            | "nickel"
            | "penny"
            | "cent"
            | "kilogram"
            | "kilo"
            | "kg"
            | "gram"
            | "lb"
            | "ounce"
            | "oz"
            | "rupee"
            | "yen"
            | "yuan"
            | "mile"
            | "kilometre"
            | "kilometer"
            | "km"
            | "metre"
            | "inch"
            | "litre"
            | "liter"
            | "gallon"
            | "pint"
            | "acre"
            | "hectare"
    )
}

/// The unit name of a currency code (`$` is the `dollar` option's).
pub(crate) fn unit_of(code: Code) -> UnitName {
    match code {
        Code::Dollar => UnitName::Dollar,
        Code::Iso(c) => UnitName::Named(c),
    }
}

fn factor_value(f: Factor) -> Decimal {
    match f {
        Factor::One => Decimal::ONE,
        Factor::Hundredth => Decimal::new(1, 2),
        Factor::Satoshi => Decimal::new(1, 8),
        Factor::Nickel => Decimal::new(5, 2),
        Factor::Dime => Decimal::new(1, 1),
        Factor::Thousand => Decimal::ONE_THOUSAND,
    }
}

/// A sign before the number starting at `i`: `(sign start, minus, the
/// minus is glued to the digits after a space)`.
fn sign_before(b: &[u8], floor: usize, i: usize) -> Option<(usize, bool, bool)> {
    if i == 0 {
        return None;
    }
    let (len, minus) = if b[i - 1] == b'-' {
        (1, true)
    } else if b[i - 1] == b'+' {
        (1, false)
    } else if i >= 3 && b[i - 3] == 0xE2 && b[i - 2] == 0x88 && b[i - 1] == 0x92 {
        (3, true)
    } else if i >= 2 && b[i - 1] == b' ' && b[i - 2] == b'-' {
        // `- 10  k`: a spaced minus at the start of a line.
        let s = i - 2;
        let line_start = s == 0 || matches!(b[s - 1], b'\n' | b'(');
        return (line_start && s >= floor).then_some((s, true, false));
    } else {
        return None;
    };
    let s = i - len;
    if s < floor {
        return None;
    }
    let ok = s == 0
        || matches!(b[s - 1], b' ' | b'\t' | b'\n' | b'\r' | b'(' | b'[' | b'<' | b'>' | b'=' | b'~' | b':' | b'"');
    let after_space = s > 0 && matches!(b[s - 1], b' ' | b'\t');
    ok.then_some((s, minus, after_space))
}

/// A code or identifier the digits at `i` belong to: glued to letters
/// before (`R1`, `A320`), after `letters-` (`GPT-4`, `COVID-19`, `mid-2019`),
/// after `#`, inside a URL or an e-mail address. Returns its end.
fn code_around(text: &str, i: usize) -> Option<usize> {
    let b = text.as_bytes();
    let code_end = |mut k: usize| {
        while k < b.len()
            && (is_alnum(b[k]) || (matches!(b[k], b'-' | b'.' | b'_') && b.get(k + 1).copied().is_some_and(is_alnum)))
        {
            k += 1;
        }
        k
    };
    if glued_before(text, i) || (i > 0 && matches!(b[i - 1], b'#' | b'@' | b'_' | b'\\' | b'/')) {
        // `USD3.14`, `Rs20`, `RM42`: a currency code glued to its amount.
        let currency = i > 0 && is_alpha(b[i - 1]) && currency_before(text, 0, i).is_some_and(|(s, _)| s < i);
        if !currency {
            return Some(code_end(i));
        }
    }
    if i >= 2 && b[i - 1] == b'-' && (is_alpha(b[i - 2]) || b[i - 2] == b'-') {
        return Some(code_end(i));
    }
    if i >= 2 && matches!(b[i - 1], b'.' | b':') && b[i - 2].is_ascii_digit() {
        return Some(code_end(i));
    }
    // `timestamp="1474387200"`, `..70k`.
    if i >= 2 && matches!(b[i - 1], b'"' | b'\'') && b[i - 2] == b'=' {
        return Some(code_end(i));
    }
    if b[i] == b'.' && i >= 1 && (b[i - 1] == b'.' || is_alnum(b[i - 1])) {
        return Some(code_end(i + 1));
    }
    // Inside a URL or an address: the run of non-space characters around.
    let mut s = i;
    let lo = i.saturating_sub(256);
    while s > lo && !b[s - 1].is_ascii_whitespace() {
        s -= 1;
    }
    let mut e = i;
    let hi = (i + 256).min(b.len());
    while e < hi && !b[e].is_ascii_whitespace() {
        e += 1;
    }
    let token = text.get(s..e).unwrap_or("");
    if token.contains("://") || token.contains("www.") || (token.contains('@') && token.contains('.')) {
        return Some(e);
    }
    None
}

/// The end of a date after its day: `4, 2018`, `4th`, `4-6`, `1 , 1990`.
fn date_tail(b: &[u8], mut end: usize) -> usize {
    let (j, _) = skip_spaces(b, end);
    if b.get(j) == Some(&b',') {
        let (k, _) = skip_spaces(b, j + 1);
        let e = digits_end(b, k);
        if e - k == 4 {
            return e;
        }
    }
    if matches!(b.get(end), Some(b'-')) && b.get(end + 1).is_some_and(u8::is_ascii_digit) {
        end = digits_end(b, end + 1);
    }
    end
}

/// True when `a third` reads as a fraction: `of`, a scale, or the end of
/// the clause follows.
fn after_is_fraction_context(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    if clause_ends(text, end) {
        return true;
    }
    next_word(b, end).is_some_and(|(_, _, w)| {
        w.as_str() == "of" || matches!(number_word(w.as_str()), Some(Word::Scale(_) | Word::Hundred))
    })
}

/// Words after a glued `m` that make it metres: `1.85m tall`, `100m sprint`.
fn length_context(b: &[u8], i: usize) -> bool {
    next_word(b, i).is_some_and(|(_, _, w)| {
        matches!(
            w.as_str(),
            "tall"
                | "long"
                | "high"
                | "wide"
                | "deep"
                | "away"
                | "above"
                | "below"
                | "from"
                | "sprint"
                | "race"
                | "hurdles"
                | "dash"
                | "freestyle"
                | "butterfly"
                | "backstroke"
                | "breaststroke"
                | "relay"
                | "run"
                | "jump"
                | "throw"
                | "in"
                | "of"
                | "under"
                | "down"
                | "up"
                | "off"
                | "and"
                | "to"
        )
    })
}

/// A scale word right after a currency code: `75 USD million`.
fn scale_word_after(b: &[u8], i: usize) -> Option<(u8, usize)> {
    let (s, e, w) = next_word(b, i)?;
    if s == i {
        return None;
    }
    match number_word(w.as_str())? {
        Word::Scale(x) if !crate::units::unit_follows(std::str::from_utf8(b).ok()?, e) => Some((x, e)),
        _ => None,
    }
}

/// `years old`, `-year-old`, `28 - year - old`, `years of age`: the end of an age.
fn age_suffix(b: &[u8], i: usize) -> usize {
    // `-old`, ` - old`: a hyphen, with or without spaces around it.
    let (j, _) = skip_spaces(b, i);
    let h = hyphen_len(b, j);
    if h > 0 {
        let (k, _) = skip_spaces(b, j + h);
        let e = word_end(b, k);
        return if crate::text::word_is(b, k, e, "old") || crate::text::word_is(b, k, e, "olds") { e } else { i };
    }
    if let Some((s, e, w)) = next_word(b, i) {
        if s > i && matches!(w.as_str(), "old" | "olds") {
            return e;
        }
        if s > i && w.as_str() == "of" {
            if let Some((s2, e2, w2)) = next_word(b, e) {
                if s2 > e && w2.as_str() == "age" {
                    return e2;
                }
            }
        }
    }
    i
}

/// `of <noun>` after an amount of a substance: `two pounds of meat`, `3
/// cups of sugar`. Function words are no product.
fn product(b: &[u8], i: usize) -> usize {
    let Some((s, e, w)) = next_word(b, i) else { return i };
    if s == i || w.as_str() != "of" {
        return i;
    }
    let Some((s2, e2, noun)) = next_word(b, e) else { return i };
    if s2 == e || !b[s2].is_ascii_lowercase() && !b[s2].is_ascii_uppercase() {
        return i;
    }
    let function = matches!(
        noun.as_str(),
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "their"
            | "its"
            | "our"
            | "your"
            | "my"
            | "it"
            | "them"
            | "which"
            | "what"
            | "whom"
            | "some"
            | "any"
            | "each"
            | "all"
            | "both"
            | "one"
            | "other"
            | "another"
            | "such"
            | "more"
            | "from"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "by"
            | "about"
            | "and"
            | "or"
            | "course"
            | "us"
            | "you"
            | "me"
            | "him"
    );
    if function || number_word(noun.as_str()).is_some() {
        return i;
    }
    e2
}

/// `of a percentage point`, `of a mile` (and, after `half`, `a mile`): the
/// unit one of which the fraction before takes.
fn fraction_of_unit(text: &str, i: usize, half: bool) -> Option<crate::units::UnitMatch> {
    let b = text.as_bytes();
    let (s, mut e, w) = next_word(b, i)?;
    if s == i {
        return None;
    }
    let after_of = w.as_str() == "of";
    if after_of {
        let (s2, e2, a) = next_word(b, e)?;
        if s2 == e || !matches!(a.as_str(), "a" | "an") {
            return None;
        }
        e = e2;
    } else if !(half && matches!(w.as_str(), "a" | "an")) {
        return None;
    }
    let u = unit_after(text, e)?;
    (skip_spaces(b, e).0 > e
        && matches!(
            u.meaning,
            Meaning::Quantity(..) | Meaning::Money(_, Factor::One) | Meaning::PercentagePoint | Meaning::Percent
        ))
    .then_some(u)
}

/// `half a mile`, `half an hour`: the end and the unit.
fn half_a_unit(text: &str, i: usize) -> Option<(usize, &'static str)> {
    let b = text.as_bytes();
    let (s, e, w) = next_word(b, i)?;
    if s == i || !matches!(w.as_str(), "a" | "an") {
        return None;
    }
    let u = unit_after(text, e)?;
    match u.meaning {
        Meaning::Quantity(name, _) => Some((u.end, name)),
        _ => None,
    }
}

/// `percent of`, `per cent of` right before `i` (with no number before
/// them): the start of `percent`.
fn percent_of_before(b: &[u8], floor: usize, i: usize) -> Option<usize> {
    let (s_of, of) = prev_word(b, floor, i)?;
    if of.as_str() != "of" {
        return None;
    }
    let (s1, w1) = prev_word(b, floor, s_of)?;
    match w1.as_str() {
        "percent" | "percents" => Some(s1),
        "cent" | "cents" => {
            let (s0, w0) = prev_word(b, floor, s1)?;
            (w0.as_str() == "per").then_some(s0)
        }
        _ => None,
    }
}

/// `No. 1`, `no . 1`, `#1`, `version 2.0`, `v. 3`, `ISBN 0306406152`.
fn identifier_before(b: &[u8], floor: usize, i: usize) -> bool {
    let j = crate::text::skip_spaces_back(b, i);
    let dotted = j > floor && b[j - 1] == b'.';
    let end = if dotted { crate::text::skip_spaces_back(b, j - 1) } else { j };
    let start = crate::text::word_start(b, end);
    if start == end || start < floor {
        return false;
    }
    let Some(w) = Lower::of(&b[start..end]) else { return false };
    match w.as_str() {
        "no" | "nos" => dotted && is_capitalized(b, start) || (dotted && b[start] == b'n' && j - 1 > end),
        "version" | "ver" | "isbn" | "issn" | "doi" | "v" => true,
        _ => false,
    }
}

/// Capitals after a hyphen: `3-D`, `4-H`, `5233-NT`, `10-K`, `5-HTP`.
fn glued_letters_code(b: &[u8], i: usize) -> bool {
    let e = word_end(b, i + 1);
    e > i + 1 && b[i + 1..e].iter().all(u8::is_ascii_uppercase) && !b.get(e).copied().is_some_and(is_alnum)
}

/// Units written with symbols the table cannot hold: `10 " long` (inches),
/// `20 {kg}`.
fn special_unit(text: &str, i: usize) -> Option<(usize, &'static str)> {
    let b = text.as_bytes();
    let (j, _) = skip_spaces(b, i);
    if text.get(j..).is_some_and(|s| s.starts_with('"') || s.starts_with('″')) {
        let len = if b[j] == b'"' { 1 } else { 3 };
        let (_, _, w) = next_word(b, j + len)?;
        let sized = matches!(
            w.as_str(),
            "long"
                | "tall"
                | "wide"
                | "high"
                | "deep"
                | "thick"
                | "across"
                | "diagonal"
                | "screen"
                | "display"
                | "monitor"
                | "tv"
                | "television"
                | "laptop"
                | "tablet"
        );
        return sized.then_some((j + len, "inch"));
    }
    if b.get(j) == Some(&b'{') {
        let u = unit_after(text, j + 1)?;
        if b.get(u.end) == Some(&b'}') {
            if let Meaning::Quantity(name, _) = u.meaning {
                return Some((u.end + 1, name));
            }
        }
    }
    None
}

/// Years stay numbers only when their context counts: see
/// [`crate::combine`]. True when a word before `i` marks a year.
pub(crate) fn year_cue_before(b: &[u8], floor: usize, i: usize) -> bool {
    prev_word(b, floor, i).is_some_and(|(_, w)| year_cue(w.as_str()))
        || (i >= 1 && matches!(b[i - 1], b'\'' | b'(' | b'-'))
}

/// Words after `one of` that name a group to pick from: determiners,
/// possessives, pronouns and quantifiers (`one of the`, `one of them`,
/// `one of many`); a plural noun (`one of dozens`) counts too.
fn group_word(w: &str) -> bool {
    matches!(
        w,
        "the"
            | "a"
            | "an"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "these"
            | "those"
            | "them"
            | "us"
            | "you"
            | "many"
            | "several"
            | "few"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "only"
            | "just"
            | "at"
            | "all"
            | "both"
            | "each"
            | "every"
            | "which"
            | "whom"
            | "this"
            | "that"
            | "whose"
            | "roughly"
            | "about"
            | "some"
    )
}
