//! The classes of construction that news text brings and that issue 12
//! lists, each with sentences written for these tests: `one` as a count or
//! a pronoun, vague amounts, ranks and labels, numbers inside names, dates
//! against durations, scores and votes, scientific and compact forms.
//! The policy for each is in docs/numbers.md.

mod common;

use common::check;

#[test]
fn one_counts_or_is_a_pronoun() {
    check(&[
        ("One of the three bidders withdrew.", &["One = cardinal 1", "three = cardinal 3"]),
        ("Only one driver finished the race.", &["one = cardinal 1"]),
        ("One in four households owns a dog.", &["One in four = cardinal 0.25"]),
        ("No one has claimed the prize.", &[]),
        ("The leaders distrust one another.", &[]),
        ("It is one of a kind.", &[]),
        ("Their quarrel is one of principle.", &[]),
        ("She was one of Mr. Lee's aides.", &["one = cardinal 1"]),
        ("He was one of 12 jurors.", &["one = cardinal 1", "12 = cardinal 12"]),
        ("For one thing, the bridge is closed.", &[]),
        ("She picked this one over the others.", &[]),
        ("He is the one who signed the deal.", &[]),
        ("Which one will the council choose?", &[]),
    ]);
}

#[test]
fn vague_amounts_are_approximate_ranges() {
    check(&[
        ("Hundreds of volunteers cleared the beach.", &["Hundreds = cardinal 200..999 (approximately)"]),
        ("Thousands lined the route.", &["Thousands = cardinal 2000..9999 (approximately)"]),
        ("Tens of thousands lost power.", &["Tens of thousands = cardinal 20000..99999 (approximately)"]),
        (
            "The storm cut hundreds of thousands of lines.",
            &["hundreds of thousands = cardinal 200000..999999 (approximately)"],
        ),
        ("Dozens of flights were cancelled.", &["Dozens = cardinal 24..119 (approximately)"]),
        ("A handful of shops reopened.", &["A handful = cardinal 2..5 (approximately)"]),
        ("The fraud cost millions of dollars.", &["millions of dollars = money 2000000..9999999 USD (approximately)"]),
        ("They sailed thousands of miles.", &["thousands of miles = quantity 2000..9999 mile (approximately)"]),
        // `a few` and `several` before a singular multiple: as its plural.
        ("A few hundred fans waited.", &["A few hundred = cardinal 200..999 (approximately)"]),
        (
            "The dam cost several hundred million dollars.",
            &["several hundred million dollars = money 200000000..999999999 USD (approximately)"],
        ),
        ("They walked a few thousand miles.", &["a few thousand miles = quantity 2000..9999 mile (approximately)"]),
        ("Several dozen were hurt.", &["Several dozen = cardinal 24..119 (approximately)"]),
        ("A few days later, several rivals quit.", &[]),
        // A count before the plural is the grammar's: `three hundreds`.
        ("The tally was three hundreds.", &["three hundreds = cardinal 300"]),
        // `tens` alone is a column, not an amount.
        ("Check the tens column again.", &[]),
    ]);
}

#[test]
fn ranks_and_labels_are_no_numbers() {
    check(&[
        ("The No. 2 official resigned on Friday.", &[]),
        ("It is now the No. 4 carmaker in Europe.", &[]),
        ("Class 8 lorries need a permit.", &[]),
        ("The Series 300 turbine was recalled.", &[]),
        ("The agency cut the bonds to Baa-2.", &[]),
    ]);
}

#[test]
fn numbers_inside_names_are_no_numbers() {
    check(&[
        ("The protest moved up 42nd Street.", &[]),
        ("The march began at 9th Avenue and ended downtown.", &[]),
        ("The host of 48 Hours retired.", &[]),
        ("The Fortune 100 firms reported on Monday.", &[]),
        ("It was a real Catch-22 for the mayor.", &[]),
        ("The witness chose to plead the Fifth.", &[]),
        ("He bought milk at a 7-Eleven near the station.", &[]),
        ("She has driven in Formula One since May.", &[]),
        ("The lab released GPT-5 and o4-mini.", &[]),
        ("The airline grounded its Boeing 777 jets.", &[]),
        ("The suit cites the First Amendment.", &[]),
        // A title-case headline keeps its counts.
        ("Storm Leaves 40 Homes Without Power", &["40 = cardinal 40"]),
        // A rank before a lower-case noun still ranks.
        ("It was the Ninth meeting this year.", &["Ninth = ordinal 9"]),
    ]);
}

#[test]
fn dates_are_no_quantities_and_durations_are() {
    check(&[
        ("Earnings fell in its fiscal 2023 fourth quarter.", &[]),
        ("Output grew in the 1997 first half.", &[]),
        ("Margins improved in the 3rd quarter.", &[]),
        ("Shipments rose in Q2.", &[]),
        ("The program ran for three years.", &["three years = quantity 3 year"]),
        ("They approved a ten-year plan.", &["ten-year = quantity 10 year"]),
        ("A 64-year-old woman was hurt.", &["64-year-old = quantity 64 year"]),
    ]);
}

#[test]
fn scores_and_votes_are_one_annotation() {
    check(&[
        ("The panel voted 7-2 to approve the budget.", &["7-2 = cardinal 7 score"]),
        ("United won 2-0 at home.", &["2-0 = cardinal 2 score"]),
        ("Voters gave it a 50-50 chance.", &["50-50 = cardinal 50 score"]),
        ("The justices ruled in a 6-3 decision.", &["6-3 = cardinal 6 score"]),
        ("The visitors lost 1-3 in extra time.", &["1-3 = cardinal 1 score"]),
        ("The bill passed 220-210 in the House.", &["220-210 = cardinal 220 score"]),
        // Spelled tallies: one word a side.
        ("She gave the bid a fifty-fifty chance.", &["fifty-fifty = cardinal 50 score"]),
        ("The court ruled five-four against the state.", &["five-four = cardinal 5 score"]),
        ("The hosts won two-one after a late goal.", &["two-one = cardinal 2 score"]),
        ("They met one-on-one.", &[]),
        // A rising pair with a plural count is still a range.
        ("Each seat drew 5-10 votes.", &["5-10 = cardinal 5..10"]),
    ]);
}

#[test]
fn scientific_and_compact_forms() {
    check(&[
        ("The sample held 2.4x10^5 cells.", &["2.4x10^5 = cardinal 240000"]),
        ("The error rate was 3.1e-3 per read.", &["3.1e-3 = cardinal 0.0031"]),
        ("The clip drew 25K views.", &["25K = cardinal 25000"]),
        ("The startup raised $3MM in seed money.", &["$3MM = money 3000000 USD"]),
        ("Exports reached 7 bln dollars.", &["7 bln dollars = money 7000000000 USD"]),
        ("The fine was 2.345,50 euros.", &["2.345,50 euros = money 2345.5 EUR"]),
        ("A coffee costs 3,20 euros there.", &["3,20 euros = money 3.2 EUR"]),
        ("The fund holds 1,5 million euros.", &["1,5 million euros = money 1500000 EUR"]),
        ("It grew 2,5 percent.", &["2,5 percent = percent 2.5"]),
        // Without a unit a comma pair may be a list: not read as European.
        ("Scores were 22,24 and 26.", &["22 = cardinal 22", "24 = cardinal 24", "26 = cardinal 26"]),
        ("Revenue hit 520m pounds sterling.", &["520m pounds sterling = money 520000000 GBP"]),
    ]);
}
