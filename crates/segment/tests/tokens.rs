//! Tokenization, case by case: what stays whole and what comes apart.

use byline_segment::{Tokenizer, tokens};

fn check_all(cases: &[(&str, &[&str])]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(text, expect)| {
            let got: Vec<&str> = tokens(text).iter().map(|s| s.text(text)).collect();
            (got != *expect).then(|| format!("\n  text:   {text:?}\n  expect: {expect:?}\n  got:    {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} cases failed:{}", failures.len(), cases.len(), failures.concat());
}

#[test]
fn punctuation_comes_apart() {
    check_all(&[
        ("Hello, world.", &["Hello", ",", "world", "."]),
        ("(yes); [no]: {maybe}!", &["(", "yes", ")", ";", "[", "no", "]", ":", "{", "maybe", "}", "!"]),
        ("“Quoted,” he said.", &["“", "Quoted", ",", "”", "he", "said", "."]),
        ("\"Straight\" 'single'", &["\"", "Straight", "\"", "'", "single", "'"]),
        ("Really?! Wow!!!", &["Really", "?!", "Wow", "!!!"]),
        ("", &[]),
    ]);
}

#[test]
fn clitics_split_with_either_apostrophe() {
    check_all(&[
        ("don't can't won't", &["do", "n't", "ca", "n't", "wo", "n't"]),
        (
            "It's we're they'll she'd I've I'm",
            &["It", "'s", "we", "'re", "they", "'ll", "she", "'d", "I", "'ve", "I", "'m"],
        ),
        ("It’s we’re DON’T", &["It", "’s", "we", "’re", "DO", "N’T"]),
        ("the students' books", &["the", "students", "'", "books"]),
        ("O'Neill's rock'n'roll", &["O'Neill", "'s", "rock'n'roll"]),
        ("Germany 's do n't", &["Germany", "'s", "do", "n't"]),
        ("the '90s, 'em", &["the", "'90s", ",", "'em"]),
    ]);
}

#[test]
fn words_that_stay_whole() {
    check_all(&[
        ("a well-known long-term plan", &["a", "well-known", "long-term", "plan"]),
        ("pre- and post-war", &["pre-", "and", "post-war"]),
        ("AT&T and S&P", &["AT&T", "and", "S&P"]),
        ("and/or 24/7", &["and/or", "24/7"]),
        ("snake_case_name", &["snake_case_name"]),
        ("naïve café résumé", &["naïve", "café", "résumé"]),
    ]);
}

#[test]
fn numbers_money_percentages_times() {
    check_all(&[
        ("1,200.50 and 3.5 and .45", &["1,200.50", "and", "3.5", "and", ".45"]),
        ("$40 US$3 €5.5bn £20 ¥100", &["$40", "US$3", "€5.5bn", "£20", "¥100"]),
        ("C$ 1.5 and $ 3", &["C$", "1.5", "and", "$", "3"]),
        ("up 12% or 0.5%", &["up", "12%", "or", "0.5%"]),
        ("the 3rd and 21st", &["the", "3rd", "and", "21st"]),
        ("at 3:30 or 10:15:20", &["at", "3:30", "or", "10:15:20"]),
        ("fell -5 to +44", &["fell", "-5", "to", "+44"]),
        ("scores 3-2, 1990–2000", &["scores", "3-2", ",", "1990", "–", "2000"]),
        ("1,2,3", &["1", ",", "2", ",", "3"]),
        ("it cost $100.00.", &["it", "cost", "$100.00", "."]),
    ]);
}

#[test]
fn abbreviations_and_initials() {
    check_all(&[
        ("Mr. Smith of the U.S. Army", &["Mr.", "Smith", "of", "the", "U.S.", "Army"]),
        ("J.R.R. Tolkien and J. K. Rowling", &["J.R.R.", "Tolkien", "and", "J.", "K.", "Rowling"]),
        ("at 5 a.m. on Jan. 3", &["at", "5", "a.m.", "on", "Jan.", "3"]),
        ("fruit, e.g. apples, etc.", &["fruit", ",", "e.g.", "apples", ",", "etc."]),
        ("a U.S.-based firm", &["a", "U.S.-based", "firm"]),
        ("JFK Jr.'s book", &["JFK", "Jr.", "'s", "book"]),
        ("Acme Inc. sells", &["Acme", "Inc.", "sells"]),
        ("it ended.", &["it", "ended", "."]),
        ("aid-U.N. talks", &["aid-U.N.", "talks"]),
    ]);
}

#[test]
fn web_text() {
    check_all(&[
        ("see https://example.com/a_b?x=1&y=2.", &["see", "https://example.com/a_b?x=1&y=2", "."]),
        ("(www.example.org/page)", &["(", "www.example.org/page", ")"]),
        (
            "wiki https://en.wikipedia.org/wiki/Bell_(band)).",
            &["wiki", "https://en.wikipedia.org/wiki/Bell_(band)", ")", "."],
        ),
        ("mail ana.ruiz@example.co.uk,", &["mail", "ana.ruiz@example.co.uk", ","]),
        ("<bob@x.org>", &["<", "bob@x.org", ">"]),
        ("@acme_co and #Vote2024", &["@acme_co", "and", "#Vote2024"]),
        ("example.com", &["example.com"]),
    ]);
}

#[test]
fn ellipses_dashes_and_runs() {
    check_all(&[
        ("wait... what…", &["wait", "...", "what", "…"]),
        ("so . . . yes", &["so", ".", ".", ".", "yes"]),
        ("yes—no – maybe -- fine", &["yes", "—", "no", "–", "maybe", "--", "fine"]),
        ("***** =====", &["*****", "====="]),
        ("the end.Then it", &["the", "end", ".", "Then", "it"]),
        ("it?I", &["it", "?", "I"]),
    ]);
}

#[test]
fn symbols_and_emoji() {
    check_all(&[
        ("I ❤️ it 👍🏽", &["I", "❤️", "it", "👍🏽"]),
        ("family 👨‍👩‍👧 here", &["family", "👨‍👩‍👧", "here"]),
        ("e\u{301}te", &["e\u{301}te"]),
        ("25°C and N°. 5", &["25°C", "and", "N°.", "5"]),
    ]);
}

#[test]
fn grapheme_clusters_stay_whole() {
    check_all(&[
        // Flags are pairs of regional indicators, even back to back.
        ("Tokyo 🇯🇵 fans", &["Tokyo", "🇯🇵", "fans"]),
        ("🇯🇵🇺🇸🇫🇷", &["🇯🇵", "🇺🇸", "🇫🇷"]),
        ("Go🇧🇷!", &["Go", "🇧🇷", "!"]),
        // A lone indicator is a token of its own.
        ("🇯 and 🇯🇵🇺", &["🇯", "and", "🇯🇵", "🇺"]),
        // ZWJ sequences, skin tones, keycaps, variation selectors.
        ("we 👩\u{200d}🔬👍🏿 1\u{fe0f}\u{20e3}", &["we", "👩\u{200d}🔬", "👍🏿", "1\u{fe0f}\u{20e3}"]),
        ("hi👋🏽there", &["hi", "👋🏽", "there"]),
        // Combining marks after punctuation, clitics and numbers stay on
        // the character they mark.
        ("wait...\u{301} no!!\u{308}", &["wait", "...\u{301}", "no", "!!\u{308}"]),
        ("do n't\u{301} it's\u{323}", &["do", "n't\u{301}", "it", "'s\u{323}"]),
        ("40%\u{20dd} ($5)\u{301}", &["40%\u{20dd}", "(", "$5", ")\u{301}"]),
    ]);
}

#[test]
fn conll_style_text_keeps_its_tokens() {
    // Already tokenized: one space between tokens, one sentence per line.
    let text = "1. Jane Doe ( U.S. ) 12.71\nSOCCER - C$ 1,200 , U.S. 's `` quote '' n't -- 3:30 .";
    let expect: Vec<&str> = text.split([' ', '\n']).collect();
    let got: Vec<&str> = tokens(text).iter().map(|s| s.text(text)).collect();
    assert_eq!(got, expect);
}

#[test]
fn extra_abbreviations() {
    let text = "the Brgy. captain";
    let plain: Vec<&str> = tokens(text).iter().map(|s| s.text(text)).collect();
    assert_eq!(plain, ["the", "Brgy", ".", "captain"]);
    let tokenizer = Tokenizer::new(&["Brgy.".to_owned()]);
    let got: Vec<&str> = tokenizer.tokenize(text).iter().map(|s| s.text(text)).collect();
    assert_eq!(got, ["the", "Brgy.", "captain"]);
}
