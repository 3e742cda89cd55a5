//! byline-numbers: every number, amount of money, percentage and quantity
//! in English news text, with its exact value.
//!
//! | stage     | needs | adds      |
//! |-----------|-------|-----------|
//! | `numbers` | –     | `numbers` |
//!
//! The stage reads the raw text only, so it fits any pipeline (and runs
//! alone). Each [`Number`] has a byte span covering the number with its
//! currency, unit and qualifier words, a [`NumberKind`] (`cardinal`,
//! `ordinal`, `percent`, `money`, `quantity`), an exact decimal `value` (or
//! `min`/`max` for a range), a `unit` (an ISO 4217 code for money, a full
//! English unit name for a quantity) and a [`Qualifier`].
//!
//! ```
//! use byline_numbers::find;
//! use byline_core::{Decimal, NumberKind, Qualifier};
//!
//! let text = "The company raised $5-10 million, about 12% more than the 2009 round.";
//! let numbers = find(text);
//! let money = &numbers[0];
//! assert_eq!(money.span.text(text), "$5-10 million");
//! assert_eq!(money.kind, NumberKind::Money);
//! assert_eq!((money.min, money.max), (Some(Decimal::from(5_000_000)), Some(Decimal::from(10_000_000))));
//! assert_eq!(money.unit.as_deref(), Some("USD"));
//! let percent = &numbers[1];
//! assert_eq!(percent.span.text(text), "about 12%");
//! assert_eq!(percent.qualifier, Some(Qualifier::Approximately));
//! // `2009` is a year, not a quantity.
//! assert_eq!(numbers.len(), 2);
//! ```
//!
//! What is *not* a number here: dates and times (`May 4`, `5/17/2018`,
//! `10:30`, `in 2009`), phone numbers, IP addresses, versions, ISBNs, model
//! and product names (`GPT-4`, `Boeing 737`, `R1`), and `one` as a pronoun
//! (`no one`, `one another`). See `docs/numbers.md` for the whole policy.
//!
//! Values are exact decimals (`rust_decimal`, 28 significant digits):
//! `1.1 billion` is 1100000000. A value that would leave the decimal range
//! (about ±7.9 × 10^28) is never produced: a literal that large is not
//! reported, and a spelled number ends before the word that would overflow
//! it (`a million million million million million` reads as 10^24).
#![deny(missing_docs)]

mod atom;
mod combine;
mod context;
pub mod currencies;
pub mod eval;
mod grammar;
mod literal;
mod stage;
mod text;
mod units;
mod vague;
mod words;

pub use byline_core::{Decimal, Number, NumberKind, Qualifier};
pub use stage::{KindName, NumberOptions, NumberStage};
pub use units::{Spelling, Unit, unit_table};

/// The numbers of `text`, in order, with `$` and `dollars` read as USD.
pub fn find(text: &str) -> Vec<Number> {
    find_with(text, "USD")
}

/// The numbers of `text`, in order, with `$` and `dollars` read as the
/// currency `dollar` (an ISO 4217 code such as `CAD` or `AUD`).
pub fn find_with(text: &str, dollar: &str) -> Vec<Number> {
    // Terminal escapes (`\x1b[31m`) are blanked out first: the digits in
    // them are no numbers, and the text around them reads as if they were
    // not there. Same length, so every span still fits the original.
    let blanked = text::blank_escapes(text);
    let text = blanked.as_deref().unwrap_or(text);
    let mut scan = atom::Scan::new(text);
    scan.run();
    let mut numbers = combine::combine(text, &scan.atoms, dollar);
    vague::merge(&mut numbers, &scan.vague, dollar);
    numbers
}
