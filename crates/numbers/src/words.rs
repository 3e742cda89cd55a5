//! The words numbers are spelled with: cardinals, ordinals (which double as
//! fraction denominators in the plural: `fifths`), scales (`million`,
//! `lakh`, `crore`), collective nouns (`dozen`, `couple`) and the small
//! connecting words the grammar needs (`and`, `a`, `point`, `over`, ...).

/// The role of a number word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Word {
    /// `zero`, `naught`, `nought`, `nil`.
    Zero,
    /// `one` .. `nine`.
    Unit(u8),
    /// `ten` .. `nineteen`.
    Teen(u8),
    /// `twenty` .. `ninety`.
    Tens(u8),
    /// `hundred`, `hundreds`.
    Hundred,
    /// A power-of-ten scale: `thousand` (3), `lakh` (5), `million` (6),
    /// `crore` (7), ... and the abbreviations used after digits (`bn`).
    Scale(u8),
    /// `dozen`, `dozens`, `dz`: times twelve.
    Dozen,
    /// `couple` (after `a`): two.
    Couple,
    /// `pair` (after `a`): two.
    Pair,
    /// `half`.
    Half,
    /// `quarter`, and `quarters` as a denominator.
    Quarter { plural: bool },
    /// An ordinal; in the plural, a fraction denominator (`fifths`).
    Ordinal { ord: Ord, plural: bool },
    /// `and`.
    And,
    /// `a`, `an`.
    A,
    /// `point` (decimal point).
    Point,
    /// `of` (`two thirds of a million`, `a couple of`).
    Of,
    /// `over` (`one over three`).
    Over,
    /// `out` (`one out of three`).
    Out,
    /// `in` (`1 in 5`).
    In,
}

/// An ordinal word's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ord {
    /// `first` .. `ninth`.
    Unit(u8),
    /// `tenth` .. `nineteenth`.
    Teen(u8),
    /// `twentieth` .. `ninetieth`.
    Tens(u8),
    /// `hundredth`.
    Hundred,
    /// `thousandth` (3), `millionth` (6), ...
    Scale(u8),
}

/// The number word `w` (lower case), if it is one.
pub(crate) fn number_word(w: &str) -> Option<Word> {
    use Word::*;
    let ord = |ord, plural| Some(Ordinal { ord, plural });
    match w {
        "zero" | "naught" | "nought" | "nil" => Some(Zero),
        "one" => Some(Unit(1)),
        "two" => Some(Unit(2)),
        "three" => Some(Unit(3)),
        "four" => Some(Unit(4)),
        "five" => Some(Unit(5)),
        "six" => Some(Unit(6)),
        "seven" => Some(Unit(7)),
        "eight" => Some(Unit(8)),
        "nine" => Some(Unit(9)),
        "ten" => Some(Teen(10)),
        "eleven" => Some(Teen(11)),
        "twelve" => Some(Teen(12)),
        "thirteen" => Some(Teen(13)),
        "fourteen" => Some(Teen(14)),
        "fifteen" => Some(Teen(15)),
        "sixteen" => Some(Teen(16)),
        "seventeen" => Some(Teen(17)),
        "eighteen" => Some(Teen(18)),
        "nineteen" => Some(Teen(19)),
        "twenty" => Some(Tens(20)),
        "thirty" => Some(Tens(30)),
        "forty" | "fourty" => Some(Tens(40)),
        "fifty" => Some(Tens(50)),
        "sixty" => Some(Tens(60)),
        "seventy" => Some(Tens(70)),
        "eighty" => Some(Tens(80)),
        "ninety" => Some(Tens(90)),
        "hundred" | "hundreds" => Some(Hundred),
        "thousand" | "thousands" => Some(Scale(3)),
        "lakh" | "lakhs" | "lac" | "lacs" | "lkh" | "lkhs" => Some(Scale(5)),
        "million" | "millions" | "mn" | "mln" => Some(Scale(6)),
        "crore" | "crores" | "cr" | "koti" | "krore" | "krores" => Some(Scale(7)),
        "billion" | "billions" | "bn" | "bln" => Some(Scale(9)),
        "trillion" | "trillions" | "tn" | "trn" => Some(Scale(12)),
        "quadrillion" | "quadrillions" => Some(Scale(15)),
        "quintillion" | "quintillions" => Some(Scale(18)),
        "sextillion" | "sextillions" => Some(Scale(21)),
        "septillion" | "septillions" => Some(Scale(24)),
        "dozen" | "dozens" | "dz" | "dzs" => Some(Dozen),
        "couple" => Some(Couple),
        "pair" => Some(Pair),
        "half" => Some(Half),
        "quarter" => Some(Quarter { plural: false }),
        "quarters" => Some(Quarter { plural: true }),
        "first" => ord(Ord::Unit(1), false),
        "firsts" => ord(Ord::Unit(1), true),
        "second" => ord(Ord::Unit(2), false),
        "seconds" => ord(Ord::Unit(2), true),
        "third" => ord(Ord::Unit(3), false),
        "thirds" => ord(Ord::Unit(3), true),
        "fourth" => ord(Ord::Unit(4), false),
        "fourths" => ord(Ord::Unit(4), true),
        "fifth" => ord(Ord::Unit(5), false),
        "fifths" => ord(Ord::Unit(5), true),
        "sixth" => ord(Ord::Unit(6), false),
        "sixths" => ord(Ord::Unit(6), true),
        "seventh" => ord(Ord::Unit(7), false),
        "sevenths" => ord(Ord::Unit(7), true),
        "eighth" => ord(Ord::Unit(8), false),
        "eighths" => ord(Ord::Unit(8), true),
        "ninth" | "nineth" => ord(Ord::Unit(9), false),
        "ninths" | "nineths" => ord(Ord::Unit(9), true),
        "tenth" => ord(Ord::Teen(10), false),
        "tenths" => ord(Ord::Teen(10), true),
        "eleventh" => ord(Ord::Teen(11), false),
        "elevenths" => ord(Ord::Teen(11), true),
        "twelfth" => ord(Ord::Teen(12), false),
        "twelfths" => ord(Ord::Teen(12), true),
        "thirteenth" => ord(Ord::Teen(13), false),
        "thirteenths" => ord(Ord::Teen(13), true),
        "fourteenth" => ord(Ord::Teen(14), false),
        "fourteenths" => ord(Ord::Teen(14), true),
        "fifteenth" => ord(Ord::Teen(15), false),
        "fifteenths" => ord(Ord::Teen(15), true),
        "sixteenth" => ord(Ord::Teen(16), false),
        "sixteenths" => ord(Ord::Teen(16), true),
        "seventeenth" => ord(Ord::Teen(17), false),
        "seventeenths" => ord(Ord::Teen(17), true),
        "eighteenth" => ord(Ord::Teen(18), false),
        "eighteenths" => ord(Ord::Teen(18), true),
        "nineteenth" => ord(Ord::Teen(19), false),
        "nineteenths" => ord(Ord::Teen(19), true),
        "twentieth" => ord(Ord::Tens(20), false),
        "twentieths" => ord(Ord::Tens(20), true),
        "thirtieth" => ord(Ord::Tens(30), false),
        "thirtieths" => ord(Ord::Tens(30), true),
        "fortieth" => ord(Ord::Tens(40), false),
        "fortieths" => ord(Ord::Tens(40), true),
        "fiftieth" => ord(Ord::Tens(50), false),
        "fiftieths" => ord(Ord::Tens(50), true),
        "sixtieth" => ord(Ord::Tens(60), false),
        "sixtieths" => ord(Ord::Tens(60), true),
        "seventieth" => ord(Ord::Tens(70), false),
        "seventieths" => ord(Ord::Tens(70), true),
        "eightieth" => ord(Ord::Tens(80), false),
        "eightieths" => ord(Ord::Tens(80), true),
        "ninetieth" => ord(Ord::Tens(90), false),
        "ninetieths" => ord(Ord::Tens(90), true),
        "hundredth" => ord(Ord::Hundred, false),
        "hundredths" => ord(Ord::Hundred, true),
        "thousandth" => ord(Ord::Scale(3), false),
        "thousandths" => ord(Ord::Scale(3), true),
        "millionth" => ord(Ord::Scale(6), false),
        "millionths" => ord(Ord::Scale(6), true),
        "billionth" => ord(Ord::Scale(9), false),
        "billionths" => ord(Ord::Scale(9), true),
        "trillionth" => ord(Ord::Scale(12), false),
        "trillionths" => ord(Ord::Scale(12), true),
        "and" => Some(And),
        "a" | "an" => Some(A),
        "point" => Some(Point),
        "of" => Some(Of),
        "over" => Some(Over),
        "out" => Some(Out),
        "in" => Some(In),
        _ => None,
    }
}

/// True for words that can start a number on their own (not the
/// connectors, not scales or denominators without a count before them).
pub(crate) fn starts_number(w: Word) -> bool {
    use Word::*;
    matches!(
        w,
        Zero | Unit(_) | Teen(_) | Tens(_) | Half | Point | Ordinal { plural: false, .. } | Quarter { plural: false }
    )
}

/// True for words that `a`/`an` makes into a number: `a hundred`, `a
/// dozen`, `a couple`, `a half`, `a third`.
pub(crate) fn follows_a(w: Word) -> bool {
    use Word::*;
    matches!(w, Hundred | Scale(_) | Dozen | Couple | Pair | Half | Quarter { plural: false })
        || matches!(w, Ordinal { plural: false, ord } if ord != Ord::Unit(1) && ord != Ord::Unit(2))
}

/// Splits a word written without its hyphen (`twentyfifth`, `fortytwo`)
/// into its tens word and the rest: `(tens, rest)`.
pub(crate) fn split_compound(w: &str) -> Option<(Word, Word)> {
    const TENS: [(&str, u8); 9] = [
        ("twenty", 20),
        ("thirty", 30),
        ("forty", 40),
        ("fourty", 40),
        ("fifty", 50),
        ("sixty", 60),
        ("seventy", 70),
        ("eighty", 80),
        ("ninety", 90),
    ];
    for (prefix, tens) in TENS {
        if let Some(rest) = w.strip_prefix(prefix) {
            let rest = number_word(rest)?;
            return match rest {
                Word::Unit(_) | Word::Ordinal { ord: Ord::Unit(_), .. } => Some((Word::Tens(tens), rest)),
                _ => None,
            };
        }
    }
    None
}

impl Ord {
    /// The ordinal's value: `Unit(3)` is 3, `Scale(6)` is 1,000,000.
    pub(crate) fn value(self) -> u64 {
        match self {
            Ord::Unit(v) | Ord::Teen(v) | Ord::Tens(v) => u64::from(v),
            Ord::Hundred => 100,
            Ord::Scale(e) => 10u64.pow(u32::from(e)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexicon() {
        assert_eq!(number_word("forty"), Some(Word::Tens(40)));
        assert_eq!(number_word("fifths"), Some(Word::Ordinal { ord: Ord::Unit(5), plural: true }));
        assert_eq!(number_word("lakhs"), Some(Word::Scale(5)));
        assert_eq!(number_word("people"), None);
        assert_eq!(
            split_compound("twentyfifth"),
            Some((Word::Tens(20), Word::Ordinal { ord: Ord::Unit(5), plural: false }))
        );
        assert_eq!(split_compound("twentyten"), None);
        assert_eq!(Ord::Scale(6).value(), 1_000_000);
        assert!(follows_a(Word::Dozen) && !follows_a(Word::Unit(3)));
        assert!(!follows_a(Word::Ordinal { ord: Ord::Unit(1), plural: false }));
    }
}
