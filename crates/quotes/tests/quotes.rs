//! The patterns of news attribution and the failure modes of quote marks,
//! one table row each. Every text here is written for these tests.

use byline_core::Quote;

/// A quote as the tables write it: text, direct, speaker, cue ("" = none).
type Row = (&'static str, bool, &'static str, &'static str);

fn shown(text: &str, quotes: &[Quote]) -> Vec<(String, bool, String, String)> {
    quotes
        .iter()
        .map(|q| {
            let part = |s: Option<byline_core::Span>| s.map_or(String::new(), |s| s.text(text).to_owned());
            (q.span.text(text).to_owned(), q.direct, part(q.speaker), part(q.cue))
        })
        .collect()
}

fn check(text: &str, expect: &[Row]) {
    compare(text, shown(text, &byline_quotes::find(text)), expect);
}

fn compare(text: &str, got: Vec<(String, bool, String, String)>, expect: &[Row]) {
    let want: Vec<(String, bool, String, String)> =
        expect.iter().map(|&(q, d, s, c)| (q.to_owned(), d, s.to_owned(), c.to_owned())).collect();
    assert_eq!(got, want, "\ntext: {text}");
}

/// As `check`, with `reported = "all"`: every attribution, as PolNeAR
/// annotates them.
fn check_all(text: &str, expect: &[Row]) {
    compare(text, with_reported(byline_quotes::Reported::All, text), expect);
}

#[test]
fn attribution_patterns() {
    let cases: &[(&str, &[Row])] = &[
        // “Q,” SPEAKER CUE.
        ("“We will win,” Smith said.", &[("“We will win,”", true, "Smith", "said")]),
        // “Q,” CUE SPEAKER, APPOSITION.
        (
            "“We will win,” said Jane Smith, a spokeswoman for the campaign.",
            &[("“We will win,”", true, "Jane Smith", "said")],
        ),
        // SPEAKER CUE: “Q”
        ("The mayor told reporters: “We are ready.”", &[("“We are ready.”", true, "The mayor", "told")]),
        // SPEAKER CUE, “Q”
        ("Mr. Okafor added, “Nothing has changed.”", &[("“Nothing has changed.”", true, "Mr. Okafor", "added")]),
        // “Q,” SPEAKER, a DESCRIPTION, CUE.
        ("“It is over,” Tom Reyes, a senior official, said.", &[("“It is over,”", true, "Tom Reyes", "said")]),
        // SPEAKER, who ..., CUE
        ("“It is over,” Reyes, who ran the program for a decade, said.", &[("“It is over,”", true, "Reyes", "said")]),
        // A parenthesis after the name.
        ("“No,” Rep. Ana Ruiz (D-Ore.) said.", &[("“No,”", true, "Rep. Ana Ruiz (D-Ore.)", "said")]),
        // Split quote: both pieces, one speaker.
        (
            "“This is not the end,” she said, “but it is close.”",
            &[("“This is not the end,”", true, "she", "said"), ("“but it is close.”", true, "she", "said")],
        ),
        // A second quotation in the paragraph inherits the attribution.
        (
            "“We tried,” he said. “Nobody listened.”",
            &[("“We tried,”", true, "he", "said"), ("“Nobody listened.”", true, "he", "said")],
        ),
        // Descriptions and organisations as speakers.
        (
            "“It was chaos,” said one former employee who worked on chat.",
            &[("“It was chaos,”", true, "one former employee", "said")],
        ),
        ("“We disagree,” the White House said in a statement.", &[("“We disagree,”", true, "the White House", "said")]),
        // Participle cue: the subject of the sentence speaks.
        ("Lopez defended the plan on Monday, saying, “It will work.”", &[("“It will work.”", true, "Lopez", "saying")]),
        // A participle after an object: the subject speaks.
        ("She released a statement saying, “We are done.”", &[("“We are done.”", true, "She", "saying")]),
        // A speaker with a phrase before its cue; a cue of stance closing
        // the sentence.
        ("“Nonsense,” a message on the website reads.", &[("“Nonsense,”", true, "a message on the website", "reads")]),
        ("“Keep it,” the board recommended.", &[("“Keep it,”", true, "the board", "recommended")]),
        // Adverbs after the cue; an addressee is not reported speech.
        (
            "“You think I am going to change?” Trump asked reporters rhetorically.",
            &[("“You think I am going to change?”", true, "Trump", "asked")],
        ),
        // Double apostrophes around a single quote: three marks in a row.
        ("''I said 'never,''' Mr. Diaz said.", &[("''I said 'never,'''", true, "Mr. Diaz", "said")]),
        // A signature after a dash.
        ("“I will vote for her.” ― Maria Gomez", &[("“I will vote for her.”", true, "Maria Gomez", "―")]),
    ];
    for (text, expect) in cases {
        check(text, expect);
    }
}

#[test]
fn cues_in_all_tenses() {
    for cue in [
        "said",
        "says",
        "told reporters",
        "added",
        "asked",
        "wrote",
        "argued",
        "insisted",
        "warned",
        "noted",
        "explained",
        "acknowledged",
        "tweeted",
        "sighed",
        "grumbled",
        "will say",
        "has said",
        "had told them",
        "replied",
        "declared",
        "recalled",
    ] {
        let text = format!("“The budget is late,” Ms. Park {cue}.");
        let quotes = byline_quotes::find(&text);
        assert_eq!(quotes.len(), 1, "{text}");
        let q = &quotes[0];
        assert_eq!(q.speaker.map(|s| s.text(&text)), Some("Ms. Park"), "{text}");
        let first = cue.split(' ').next_back().unwrap_or(cue);
        assert!(q.cue.is_some_and(|c| cue.contains(c.text(&text))), "{text}: cue {:?} for {first}", q.cue);
    }
}

#[test]
fn paragraphs_and_continuations() {
    let cases: &[(&str, &[Row])] = &[
        // A colon introduction in the previous paragraph.
        ("The senator said:\n\n“We will not back down.”", &[("“We will not back down.”", true, "The senator", "said")]),
        // A quotation paragraph with no cue continues the previous speaker.
        (
            "“We won,” Diaz said.\n\n“And we will win again.”",
            &[("“We won,”", true, "Diaz", "said"), ("“And we will win again.”", true, "Diaz", "said")],
        ),
        // The news convention: only the last paragraph closes the quotation.
        (
            "“First, we fix the roads.\n\n“Then we fix the schools,” Diaz said.",
            &[
                ("“First, we fix the roads.", true, "Diaz", "said"),
                ("“Then we fix the schools,”", true, "Diaz", "said"),
            ],
        ),
        // An odd count never breaks the next paragraph.
        ("He said “yes and walked out.\n\n“Fine,” Kim said.", &[("“Fine,”", true, "Kim", "said")]),
        // A stray closing mark.
        ("The vote failed.” Then “We lost,” Kim said.", &[("“We lost,”", true, "Kim", "said")]),
    ];
    for (text, expect) in cases {
        check(text, expect);
    }
}

/// Only the direct quotations of `text`.
fn check_direct(text: &str, expect: &[Row]) {
    let quotes: Vec<Quote> = byline_quotes::find(text).into_iter().filter(|q| q.direct).collect();
    let want: Vec<(String, bool, String, String)> =
        expect.iter().map(|&(q, d, s, c)| (q.to_owned(), d, s.to_owned(), c.to_owned())).collect();
    assert_eq!(shown(text, &quotes), want, "\ntext: {text}");
}

#[test]
fn marks_that_are_not_speech() {
    let cases: &[(&str, &[Row])] = &[
        // Apostrophes.
        ("The Joneses’ house doesn’t look like the ’90s at all.", &[]),
        ("It's the company's third try in the '90s style.", &[]),
        // Scare quotes and titles.
        ("OpenAI released its so-called “reasoning” model on Tuesday.", &[]),
        ("She appeared on “Fox and Friends” on Monday.", &[]),
        ("The film “Blue Harbor” opens in May.", &[]),
        // Nested quotes stay inside the outer quotation.
        ("“He told me ‘no’ twice,” she said.", &[("“He told me ‘no’ twice,”", true, "she", "said")]),
    ];
    for (text, expect) in cases {
        check_direct(text, expect);
    }
}

#[test]
fn other_marks() {
    let cases: &[(&str, &[Row])] = &[
        ("\"We will win,\" Smith said.", &[("\"We will win,\"", true, "Smith", "said")]),
        ("''We will win,'' Mr. Smith said.", &[("''We will win,''", true, "Mr. Smith", "said")]),
        ("«We will win,» Smith said.", &[("«We will win,»", true, "Smith", "said")]),
        // Straight and curly marks mixed in one text.
        (
            "\"Yes,\" Smith said.\n\n“No,” Jones said.",
            &[("\"Yes,\"", true, "Smith", "said"), ("“No,”", true, "Jones", "said")],
        ),
    ];
    for (text, expect) in cases {
        check(text, expect);
    }
}

#[test]
fn reported_speech() {
    let cases: &[(&str, &[Row])] = &[
        // SPEAKER CUE (that) CLAUSE.
        (
            "Officials said that the bridge would reopen in May.",
            &[("the bridge would reopen in May", false, "Officials", "said")],
        ),
        ("Stein said she plans to join the protest.", &[("she plans to join the protest", false, "Stein", "said")]),
        ("Smith told reporters the plan would fail.", &[("the plan would fail", false, "Smith", "told")]),
        // CLAUSE, SPEAKER CUE.
        (
            "The plan would fail, a senior official said.",
            &[("The plan would fail", false, "a senior official", "said")],
        ),
        // according to SPEAKER
        (
            "The bridge will reopen in May, according to the city.",
            &[("The bridge will reopen in May", false, "the city", "according to")],
        ),
        (
            "According to the city, the bridge will reopen in May.",
            &[("the bridge will reopen in May", false, "the city", "According to")],
        ),
        // After `according to`, words of speech are nouns of the source.
        (
            "According to the report, the company lost $5 million last year.",
            &[("the company lost $5 million last year", false, "the report", "According to")],
        ),
        ("According to reports, the talks collapsed.", &[("the talks collapsed", false, "reports", "According to")]),
        (
            "The deficit will grow, according to a Treasury estimate released on Monday.",
            &[("The deficit will grow", false, "a Treasury estimate", "according to")],
        ),
        (
            "“We are done,” according to a statement from the union.",
            &[("“We are done,”", true, "a statement from the union", "according to")],
        ),
        // Only an inflected cue comes before its speaker: `, said Smith`,
        // but `, announce a benefit concert` is a verb phrase.
        ("The plan would fail, said Smith.", &[("The plan would fail", false, "Smith", "said")]),
        ("The band is in the final stages of a new album, announce a benefit concert.", &[]),
        // A relative clause after the source is not the reported clause.
        (
            "According to Smith, who spoke on condition of anonymity, the plan failed.",
            &[("the plan failed", false, "Smith", "According to")],
        ),
        // An attribution inside the sentence splits it in two pieces.
        (
            "The plan, officials said, would cost $5 billion.",
            &[("The plan", false, "officials", "said"), ("would cost $5 billion", false, "officials", "said")],
        ),
        // Participles and coordinated cues share the speaker.
        (
            "Sanders won Iowa, adding that the race was far from over.",
            &[("the race was far from over", false, "Sanders", "adding")],
        ),
        (
            "“We won,” Diaz said, adding that the count was not final.",
            &[("“We won,”", true, "Diaz", "said"), ("the count was not final", false, "Diaz", "adding")],
        ),
        (
            "She shook hands and asked voters whether they planned to vote.",
            &[("whether they planned to vote", false, "She", "asked")],
        ),
        (
            "He said the bill had passed, and added: “The Senate can read it.”",
            &[("the bill had passed", false, "He", "said"), ("“The Senate can read it.”", true, "He", "added")],
        ),
        // As SPEAKER CUE, CLAUSE / CLAUSE according to SPEAKER.
        (
            "As the mayor noted, the bridge has been closed since May.",
            &[("the bridge has been closed since May", false, "the mayor", "noted")],
        ),
        (
            "The deal is worth $2 billion according to two people briefed on it.",
            &[("The deal is worth $2 billion", false, "two people briefed", "according to")],
        ),
        // Adverbs after the cue; quantifiers as speakers.
        ("Smith has said repeatedly that the vote was fair.", &[("the vote was fair", false, "Smith", "said")]),
        ("Some say the vote was rigged.", &[("the vote was rigged", false, "Some", "say")]),
        // Evidential verbs and passives name no speaker.
        ("The plan seems to have stalled.", &[("to have stalled", false, "", "seems")]),
        ("The mayor is expected to resign on Friday.", &[("to resign on Friday", false, "", "expected")]),
        // A question put to the subject, then the answer.
        (
            "Asked whether he would run, Smith said he had not decided.",
            &[("whether he would run", false, "", "Asked"), ("he had not decided", false, "Smith", "said")],
        ),
        // A clause never cuts through a quotation.
        ("The speaker dismissed that as \"theater.\"", &[("that as \"theater.\"", false, "The speaker", "dismissed")]),
        (
            "Sen. Ruiz said Congress should \"pay attention to where the money goes.\"",
            &[("Congress should \"pay attention to where the money goes.\"", false, "Sen. Ruiz", "said")],
        ),
        // A dateline is not part of the clause; a title-case headline has cues.
        (
            "WASHINGTON — The Senate will vote on Friday, aides said.",
            &[("The Senate will vote on Friday", false, "aides", "said")],
        ),
        (
            "SAN JOSE, Calif. (Reuters) - Prices rose in May, the agency said.",
            &[("Prices rose in May", false, "the agency", "said")],
        ),
        ("Senator Blasts Budget Deal as Talks Stall", &[("Budget Deal as Talks Stall", false, "Senator", "Blasts")]),
        // Not reported speech.
        ("He said goodbye.", &[]),
        ("The report was released on Monday.", &[]),
        ("AMD shares fell 1.1% on Monday.", &[]),
        ("He spoke to reporters for ten minutes outside the White House.", &[]),
    ];
    for (text, expect) in cases {
        check_all(text, expect);
    }
}

/// The shapes news text arrives in: one paragraph per line, hard-wrapped
/// lines, CRLF line ends, straight and curly quotes mixed in one article.
#[test]
fn text_shapes() {
    let cases: &[(&str, &[Row])] = &[
        // One paragraph per line, no blank lines.
        (
            "“We won,” Diaz said.\nThe count was close, officials said.\n“We will appeal.”",
            &[
                ("“We won,”", true, "Diaz", "said"),
                ("The count was close", false, "officials", "said"),
                ("“We will appeal.”", true, "officials", "said"),
            ],
        ),
        // Hard-wrapped lines with indented paragraphs; a quotation and its
        // attribution across a line break.
        (
            "    “We are making decisions now,” said\nLuis Herrera, a grower. “If the water\nis not there, the trees come out.”\n    The state said allocations\nwould be cut.",
            &[
                ("“We are making decisions now,”", true, "Luis Herrera", "said"),
                ("“If the water\nis not there, the trees come out.”", true, "Luis Herrera", "said"),
                ("allocations\nwould be cut", false, "The state", "said"),
            ],
        ),
        // CRLF line ends.
        (
            "“We won,” Diaz said.\r\n\r\nOfficials said the count was close.\r\n",
            &[("“We won,”", true, "Diaz", "said"), ("the count was close", false, "Officials", "said")],
        ),
        // Straight and curly marks, double and single, in one article.
        (
            "\"Yes,\" Smith said. “No,” Jones said.\n\n“He told me ‘never,’” Kim said. \"It's 'over,'\" Lee added.",
            &[
                ("\"Yes,\"", true, "Smith", "said"),
                ("“No,”", true, "Jones", "said"),
                ("“He told me ‘never,’”", true, "Kim", "said"),
                ("\"It's 'over,'\"", true, "Lee", "added"),
            ],
        ),
    ];
    for (text, expect) in cases {
        check(text, expect);
    }
}

#[test]
fn pronouns_resolve_to_names() {
    let text = "Jane Porter arrived late. “We will win,” she said.\n\nThe company said it would appeal.";
    let quotes = byline_quotes::find(text);
    let resolved: Vec<Option<&str>> = quotes.iter().map(|q| q.resolved.map(|r| r.text(text))).collect();
    assert_eq!(resolved[0], Some("Jane Porter"));
    // An indefinite description introduces someone new: unresolved.
    let text = "Jane Porter arrived late. “We will win,” a senior official said.";
    assert_eq!(byline_quotes::find(text)[0].resolved, None);
    // A name resolves to a fuller name that ends with it as whole words.
    let text =
        "Storm Knocks Out Power\n\nMary Ames arrived. “We are ready,” Ames said.\n\n“It is late,” Georgia Power said.";
    let quotes = byline_quotes::find(text);
    let resolved: Vec<Option<&str>> = quotes.iter().map(|q| q.resolved.map(|r| r.text(text))).collect();
    assert_eq!(resolved, [Some("Mary Ames"), None]);
    // A pronoun after a surname resolves to the fullest name.
    let text = "Mayor Elena Fischer spoke first. Fischer said the plan was sound. “We’ve done the math,” she said.";
    let quotes = byline_quotes::find(text);
    let resolved: Vec<Option<&str>> = quotes.iter().map(|q| q.resolved.map(|r| r.text(text))).collect();
    assert_eq!(resolved, [Some("Elena Fischer"), Some("Elena Fischer")]);
}

#[test]
fn stage_options() {
    let stage = byline_core::registry::build("quotes", "extra_cues = [\"harrumph\"]\nreported = false");
    assert!(stage.is_ok());
    let bad = byline_core::registry::build("quotes", "cues = []");
    assert!(bad.is_err(), "unknown options are rejected");
    let missing = byline_core::registry::build("quotes", "lexicon = \"/nonexistent/lexicon.toml\"");
    assert!(missing.err().is_some_and(|e| e.to_string().contains("cannot read the lexicon file")));
}

#[test]
fn reported_option_values() {
    for good in
        ["reported = \"speech\"", "reported = \"all\"", "reported = \"none\"", "reported = true", "reported = false"]
    {
        assert!(byline_core::registry::build("quotes", good).is_ok(), "{good}");
    }
    let bad = byline_core::registry::build("quotes", "reported = \"thoughts\"").err().map(|e| e.to_string());
    let message = bad.unwrap_or_default();
    for value in ["\"speech\"", "\"all\"", "\"none\""] {
        assert!(message.contains(value), "the error names {value}: {message}");
    }
}

/// The quotations a quoter with `reported` finds, shown as the tables write them.
fn with_reported(reported: byline_quotes::Reported, text: &str) -> Vec<(String, bool, String, String)> {
    let settings = byline_quotes::Settings { reported, ..byline_quotes::Settings::default() };
    let quoter = byline_quotes::Quoter::new(byline_quotes::Lexicon::default(), settings);
    shown(text, &quoter.find(text, &byline_segment::paragraphs(text), None))
}

/// `"speech"` (the default) reports speech and writing; `"all"` adds
/// thought, intention, stance and agentless passives; `"none"` reports no
/// reported speech at all.
#[test]
fn reported_modes() {
    use byline_quotes::Reported::{All, None, Speech};
    let speech = "The minister said the bridge would reopen in May.";
    let row = |q: &str, s: &str, c: &str| vec![(q.to_owned(), false, s.to_owned(), c.to_owned())];
    assert_eq!(with_reported(Speech, speech), row("the bridge would reopen in May", "The minister", "said"));
    assert_eq!(with_reported(All, speech), with_reported(Speech, speech));
    assert!(with_reported(None, speech).is_empty());
    for not_speech in [
        // Thought, intention and stance.
        "The minister hopes the bridge will reopen in May.",
        "Officials expect the bridge to reopen in May.",
        "The council criticized the plan to close the bridge.",
        // A passive with no agent, and evidence.
        "The new plant is expected to employ 3,000 people.",
        "The bridge seems to need more repairs than planned.",
        // A noun of intention before a colon.
        "Their goal: a new bridge before the end of the decade.",
    ] {
        assert!(with_reported(Speech, not_speech).is_empty(), "{not_speech}");
        assert!(!with_reported(All, not_speech).is_empty(), "{not_speech}");
    }
    // `find` uses the default: speech only.
    assert!(byline_quotes::find("The minister hopes the bridge will reopen in May.").is_empty());
}

#[test]
fn extensible_lexicon() {
    let mut lexicon = byline_quotes::Lexicon::default();
    lexicon.extend_from_toml("speech = [\"harrumph\"]").expect("valid lexicon");
    let quoter = byline_quotes::Quoter::new(lexicon, byline_quotes::Settings::default());
    let text = "“Nonsense,” the colonel harrumphed.";
    let quotes = quoter.find(text, &byline_segment::paragraphs(text), None);
    assert_eq!(quotes[0].cue.map(|c| c.text(text)), Some("harrumphed"));
    // Without it, the quotation is still found, unattributed.
    assert_eq!(byline_quotes::find(text)[0].speaker, None);
}

#[test]
fn scare_quotes_option() {
    let text = "OpenAI released its so-called “reasoning” model.";
    let settings = byline_quotes::Settings { scare_quotes: true, ..byline_quotes::Settings::default() };
    let quoter = byline_quotes::Quoter::new(byline_quotes::Lexicon::default(), settings);
    let quotes = quoter.find(text, &byline_segment::paragraphs(text), None);
    assert_eq!(shown(text, &quotes), vec![("“reasoning”".to_owned(), true, String::new(), String::new())]);
}

/// A run-on sentence with a cue every few words: every cue reports, but no
/// clause runs past a bounded length, so the output stays linear in the
/// text (a quadratic output would cover about 500 times the text here).
#[test]
fn run_on_sentences_stay_linear() {
    let text = "Smith said the plan and ".repeat(2000);
    let quotes = byline_quotes::find(&text);
    assert!(quotes.len() >= 1000, "{} quotes", quotes.len());
    let covered: usize = quotes.iter().map(|q| q.span.end - q.span.start).sum();
    assert!(covered <= 40 * text.len(), "{covered} bytes quoted of {}", text.len());
}

mod properties {
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]
        /// No panic, and every span is inside the text on character boundaries, in order.
        #[test]
        fn spans_are_valid(text in "([a-zA-Z]{1,6}|[ ,.:;!?\n—―-]|[\"“”‘’'«»]|said|told|he|Smith|according to|\\(|\\)){0,60}") {
            let quotes = byline_quotes::find(&text);
            let mut last = 0;
            for q in &quotes {
                for span in [Some(q.span), q.speaker, q.cue, q.resolved].into_iter().flatten() {
                    prop_assert!(span.start <= span.end && span.end <= text.len());
                    prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
                }
                prop_assert!(q.span.start >= last);
                last = q.span.start;
            }
        }
    }
}

/// Constructions of today's news (issue 10), several of each class, so a
/// rule holds for its class and not one sentence.
#[test]
fn todays_news() {
    let cases: &[(&str, &[Row])] = &[
        // Long speaker phrases before the cue: coordinated descriptions
        // ending in the name, titles and possessives before it.
        (
            "“Prices will stay high,” veteran analyst and former central bank adviser Priya Nand told Reuters.",
            &[("“Prices will stay high,”", true, "veteran analyst and former central bank adviser Priya Nand", "told")],
        ),
        (
            "“We are ready to strike,” said Canadian Union of Postal Workers president Jan Simpson.",
            &[("“We are ready to strike,”", true, "Canadian Union of Postal Workers president Jan Simpson", "said")],
        ),
        (
            "“Stay home if you are sick,” said Ontario's chief medical officer Dr. Kieran Moore.",
            &[("“Stay home if you are sick,”", true, "Ontario's chief medical officer Dr. Kieran Moore", "said")],
        ),
        // Outlets are listeners after `told` and `with`, sources after
        // `according to` and `As ... reports`.
        ("“We need more time,” the minister told Politico.", &[("“We need more time,”", true, "the minister", "told")]),
        ("“It was a mistake,” Ortiz said in an interview with CNN.", &[("“It was a mistake,”", true, "Ortiz", "said")]),
        (
            "As Axios reports, executives fear the deal will collapse.",
            &[("executives fear the deal will collapse", false, "Axios", "reports")],
        ),
        (
            "The startup is burning cash, according to The Information.",
            &[("The startup is burning cash", false, "The Information", "according to")],
        ),
        // A quotation after a fronted clause, its speaker a relative clause long.
        (
            "Although the vote passed easily, “nobody in the caucus is happy,” a senior aide who asked not to be named told the Globe.",
            &[("“nobody in the caucus is happy,”", true, "a senior aide who asked not to be named", "told")],
        ),
        (
            "When the plant closed, “the whole town went quiet,” one resident who worked there for decades said.",
            &[("“the whole town went quiet,”", true, "one resident who worked there for decades", "said")],
        ),
        // Adverbs between the cue and the quotation; a named subject
        // before a colon introduces it.
        (
            "Outside the rink a neighbour asked sharply, “Is the ice ready yet?”",
            &[("“Is the ice ready yet?”", true, "a neighbour", "asked")],
        ),
        (
            "Okafor, the clinic's director, was curt: “We are out of beds.”",
            &[("“We are out of beds.”", true, "Okafor", ":")],
        ),
        ("The problem is simple: “Nobody has the money.”", &[("“Nobody has the money.”", true, "", "")]),
        // Broken punctuation: no comma before the closing mark, a closing
        // glyph that opens, mismatched marks.
        (
            "\"We should get back to the table\" union president Lana Payne said.",
            &[("\"We should get back to the table\"", true, "union president Lana Payne", "said")],
        ),
        ("”We are not done yet,” she said.", &[("”We are not done yet,”", true, "she", "said")]),
        (
            "After the tour of the plant, “it was a total surprise” Farah says.",
            &[("“it was a total surprise”", true, "Farah", "says")],
        ),
        ("“The numbers do not add up' Kovac said.", &[("“The numbers do not add up'", true, "Kovac", "said")]),
        // Not quotations: scare quotes, words cited as words, link lines,
        // headings.
        ("The firm launched its so-called “agentic” browser last week.", &[]),
        ("He avoided words like “synergy,” “pivot,” and “disruption” in the memo.", &[]),
        ("READ MORE: ‘A turning point for the city’", &[]),
        ("READ MORE: Mayor says the plan is ‘a turning point’ for the city", &[]),
        ("Related: “Why the rink closed for good”", &[]),
        ("‘Not a lot of units left’", &[]),
        // Signed pull quotes and posts, without marks.
        (
            "We will rebuild, together, and we will do it soon. — Justin Trudeau",
            &[("We will rebuild, together, and we will do it soon.", true, "Justin Trudeau", "—")],
        ),
        (
            "I am not glad I got sick, but I am grateful for what it taught me. Morgan Reid",
            &[("I am not glad I got sick, but I am grateful for what it taught me.", true, "Morgan Reid", "")],
        ),
        (
            "Our crews will work through the night to restore power. Hydro Ottawa wrote on X.",
            &[("Our crews will work through the night to restore power.", true, "Hydro Ottawa", "wrote")],
        ),
        (
            "Cities must act fast on housing or we will all pay the price. Matt Diaz, Homefinder.ca",
            &[("Cities must act fast on housing or we will all pay the price.", true, "Matt Diaz", "")],
        ),
        // A credit line is no signature.
        ("The talks resumed on Monday after a week of delays. Staff Reporter", &[]),
        // Not speech: actions never attribute, agentless passives are not
        // reported speech.
        ("“Best player we have,” the coach named him.", &[("“Best player we have,”", true, "", "")]),
        ("The crowd shook “with joy” as the team returned.", &[]),
        ("The new plant is expected to employ 3,000 people.", &[]),
        // Which mention: a name over a description.
        (
            "Donald Tusk, the president of the European Council, said the talks would resume.",
            &[("the talks would resume", false, "Donald Tusk", "said")],
        ),
        (
            "“Most shops will not print fewer than 500 copies,” says the owner's partner, Dana Whitfield.",
            &[("“Most shops will not print fewer than 500 copies,”", true, "Dana Whitfield", "says")],
        ),
        (
            "Dale Young, a welder in Tulsa, Okla., and a union steward, said the new rules take effect in May.",
            &[("the new rules take effect in May", false, "Dale Young", "said")],
        ),
        // Nouns that are also cue words, inside a speaker.
        (
            "As one veteran of the big projects commented: “Nothing comes in on budget.”",
            &[("“Nothing comes in on budget.”", true, "one veteran of the big projects", "commented")],
        ),
        (
            "Crews need more time to warm the brakes in the cold, said the annual safety report.",
            &[("Crews need more time to warm the brakes in the cold", false, "the annual safety report", "said")],
        ),
        // The name a relative pronoun stands for speaks; a verb of writing
        // takes a determiner's phrase as its object, not as what was said.
        (
            "The case came up briefly before Judge Ortiz, who noted that the number of animals had doubled.",
            &[("the number of animals had doubled", false, "Judge Ortiz", "noted that")],
        ),
        ("The team posted its worst result since 1996 on Sunday.", &[]),
        ("She wrote a letter to the council on Monday.", &[]),
        // A quotation left open before the next one opens.
        (
            "“Nobody liked the nickname,” says Aldo Brant. “When riders shouted ‘Hey, driver’ we all turned. “We were not people.”",
            &[
                ("“Nobody liked the nickname,”", true, "Aldo Brant", "says"),
                ("“When riders shouted ‘Hey, driver’ we all turned.", true, "Aldo Brant", "says"),
                ("“We were not people.”", true, "Aldo Brant", "says"),
            ],
        ),
        // A quotation paragraph continues the last speaker, narration between.
        (
            "“We won,” Diaz said.\n\nThe count took three days.\n\n“And we will win again.”",
            &[("“We won,”", true, "Diaz", "said"), ("“And we will win again.”", true, "Diaz", "said")],
        ),
    ];
    for (text, expect) in cases {
        check(text, expect);
    }
}

/// With `fragments = true`, quoted words inside reported speech are direct
/// quotations of its speaker; words held at a distance stay scare quotes.
#[test]
fn quoted_fragments() {
    let settings = byline_quotes::Settings { fragments: true, ..byline_quotes::Settings::default() };
    let quoter = byline_quotes::Quoter::new(byline_quotes::Lexicon::default(), settings);
    let cases: &[(&str, &[Row])] = &[
        (
            "A second analyst added that the lender took “reckless” bets on housing, “and it did so with borrowed money.”",
            &[
                (
                    "the lender took “reckless” bets on housing, “and it did so with borrowed money.”",
                    false,
                    "A second analyst",
                    "added",
                ),
                ("“reckless”", true, "A second analyst", "added"),
                ("“and it did so with borrowed money.”", true, "A second analyst", "added"),
            ],
        ),
        (
            "The coach said the referees had been “completely unfair” all night.",
            &[
                ("the referees had been “completely unfair” all night", false, "The coach", "said"),
                ("“completely unfair”", true, "The coach", "said"),
            ],
        ),
        (
            "Residents say the so-called “temporary” fence has stood for years.",
            &[("the so-called “temporary” fence has stood for years", false, "Residents", "say")],
        ),
    ];
    for (text, expect) in cases {
        compare(text, shown(text, &quoter.find(text, &byline_segment::paragraphs(text), None)), expect);
    }
    // Off by default.
    let text = cases[1].0;
    assert_eq!(byline_quotes::find(text).len(), 1);
}

/// A statement left open by its own comma (`“Q,”`) is attributed by the
/// person and the verb that close the sentence, whether or not the lexicon
/// knows the verb; an object after the verb makes it an action, and a
/// description (`the report`) or a quotation inside a sentence keeps the
/// usual rules.
#[test]
fn any_verb_closes_an_open_statement() {
    let cases: &[(&str, &[Row])] = &[
        // Verbs the lexicon does not list, after a pronoun or a name.
        (
            "“The rules were written for another age,” she states.",
            &[("“The rules were written for another age,”", true, "she", "states")],
        ),
        (
            "“Nobody owned the bridge,” Harlan Pike reflected in his memoir.",
            &[("“Nobody owned the bridge,”", true, "Harlan Pike", "reflected")],
        ),
        ("“We start again tomorrow,” they vowed Tuesday.", &[("“We start again tomorrow,”", true, "they", "vowed")]),
        // Inverted: the verb, then the name that ends the sentence.
        ("“Patience pays off,” echoes Dr. Mira Osei.", &[("“Patience pays off,”", true, "Dr. Mira Osei", "echoes")]),
        // The next piece of the same paragraph keeps that speaker.
        (
            "“The ferry was late,” Ortiz says. “The union had warned everyone,” he states. “Nobody listened.”",
            &[
                ("“The ferry was late,”", true, "Ortiz", "says"),
                ("“The union had warned everyone,”", true, "he", "states"),
                ("“Nobody listened.”", true, "he", "states"),
            ],
        ),
        // A verb with an object is an action, not an attribution.
        ("“Ready or not,” Kessler unveiled a new logo on Friday.", &[("“Ready or not,”", true, "", "")]),
        // A description is not a person: `the memo states` keeps no speaker.
        ("“Costs will rise,” the memo states.", &[("“Costs will rise,”", true, "", "")]),
    ];
    for (text, expect) in cases {
        check_direct(text, expect);
    }
}

/// A quotation with no cue after narration about a person in its own
/// paragraph: the subject of that sentence speaks, when it is a pronoun or
/// a name; a subject that is no person, or a cue elsewhere in the
/// paragraph, leaves it to the usual rules.
#[test]
fn narration_names_the_speaker() {
    let cases: &[(&str, &[Row])] = &[
        (
            "Early on, she lost two patients in one winter. “When someone that young dies, you never forget it.”",
            &[("“When someone that young dies, you never forget it.”", true, "she", "")],
        ),
        (
            "Ms. Okafor describes herself as the most cautious member of the board. “Why would I gamble with the pension fund?”",
            &[("“Why would I gamble with the pension fund?”", true, "Ms. Okafor", "describes")],
        ),
        // The verb is the cue when the lexicon knows it.
        (
            "Later, Mr. Haddad said his group would appeal the ruling. “We expected this from the start.”",
            &[("“We expected this from the start.”", true, "Mr. Haddad", "said")],
        ),
        (
            "Priya Nair walked out of the hearing early. “There was nothing left to say.”",
            &[("“There was nothing left to say.”", true, "Priya Nair", "")],
        ),
        // A scare quote in the narration is still narration.
        (
            "Later that year, he became “painfully aware” of how fast it can go wrong. “When a patient dies, you carry it.”",
            &[("“When a patient dies, you carry it.”", true, "he", "")],
        ),
        // The writer's `I` narrates; the quotation is someone else's.
        (
            "I drove out to the farm on a grey morning. “Nobody comes out here anymore.”",
            &[("“Nobody comes out here anymore.”", true, "", "")],
        ),
        // Not a person: no speaker.
        (
            "The company's shares fell sharply on Monday. “We are disappointed by the ruling.”",
            &[("“We are disappointed by the ruling.”", true, "", "")],
        ),
        // A cue in the paragraph attributes it first.
        (
            "“We lost this round,” Diaz said. She packed up her notes. “We will be back in the spring.”",
            &[
                ("“We lost this round,”", true, "Diaz", "said"),
                ("“We will be back in the spring.”", true, "Diaz", "said"),
            ],
        ),
    ];
    for (text, expect) in cases {
        check_direct(text, expect);
    }
}

/// A verb of speech in the infinitive before a quotation (`went on to
/// say,`, `was prompted to write:`): the subject of the sentence speaks, as
/// for a participle.
#[test]
fn infinitive_cues_take_the_subject() {
    let cases: &[(&str, &[Row])] = &[
        (
            "Mayor Ortiz defended the budget, but went on to say, “Nobody should expect miracles this year.”",
            &[("“Nobody should expect miracles this year.”", true, "Mayor Ortiz", "say")],
        ),
        (
            "Dr. Amara Lind was prompted to write, “Our clinic cannot keep up with the waiting list.”",
            &[("“Our clinic cannot keep up with the waiting list.”", true, "Dr. Amara Lind", "write")],
        ),
        (
            "After the vote, she went so far as to declare: “This council has lost its way.”",
            &[("“This council has lost its way.”", true, "she", "declare")],
        ),
    ];
    for (text, expect) in cases {
        check_direct(text, expect);
    }
}

/// A participle right after a quotation continues that quotation's
/// sentence (`said the plan was “...,” adding, “...”`): the subject of the
/// sentence speaks the quotation the participle introduces, and the
/// participle is no cue of the quotation before it.
#[test]
fn participles_after_a_quotation() {
    let cases: &[(&str, &[Row])] = &[
        (
            "Councillor Ruiz said the plan was “dead on arrival,” adding, “Nobody on this council will vote for it.”",
            &[("“Nobody on this council will vote for it.”", true, "Councillor Ruiz", "adding")],
        ),
        (
            "In a radio interview, Mayor Dana Kovac said the fare increase was “unavoidable,” explaining, “The province cut our transit grant in half.”",
            &[("“The province cut our transit grant in half.”", true, "Mayor Dana Kovac", "explaining")],
        ),
        // A participle that opens a sentence of its own.
        (
            "The coach described the season as “a disaster.” Adding, “We have a lot of work to do before spring.”",
            &[("“We have a lot of work to do before spring.”", true, "The coach", "Adding")],
        ),
        // The speaker of the quotation before, when it has one.
        (
            "“We are done,” Smith said, adding, “There is nothing left to discuss.”",
            &[
                ("“We are done,”", true, "Smith", "said"),
                ("“There is nothing left to discuss.”", true, "Smith", "adding"),
            ],
        ),
    ];
    for (text, expect) in cases {
        check_direct(text, expect);
    }
}

/// A paragraph that ends in `SUBJECT went on to say:` introduces the
/// quotation of the next paragraph; its subject speaks.
#[test]
fn infinitive_introductions() {
    check_direct(
        "Tran spoke to the crowd for an hour. She went on to say:\n\n“We will not stop until every family has a home.”",
        &[("“We will not stop until every family has a home.”", true, "She", "say")],
    );
    check_direct(
        "The report drew little notice. Dr. Imre Vass had this to say about it:\n\n“Nobody read past the summary, and it shows.”",
        &[("“Nobody read past the summary, and it shows.”", true, "Dr. Imre Vass", "say")],
    );
}

/// A pull quote signed with a bare name counts as a quotation when the
/// article names the signer elsewhere, whoever the quotation speaks of; a
/// name seen nowhere else is a credit.
#[test]
fn signers_named_elsewhere() {
    let cases: &[(&str, &[Row])] = &[
        (
            "Governments must build rental housing now or renters will pay the price. Matt Diaz, Homefinder\n\nRents rose again in March, said Matt Diaz, who runs the listings site.",
            &[("Governments must build rental housing now or renters will pay the price.", true, "Matt Diaz", "")],
        ),
        ("The talks resumed on Monday after a week of delays. Staff Reporter\n\nThe union meets again on Friday.", &[]),
        (
            "Tickets for the final game sold out within an hour of going on sale. Jane Porter\n\nThe team plays at home on Sunday.",
            &[],
        ),
    ];
    for (text, expect) in cases {
        check_direct(text, expect);
    }
}

/// Words of speech and days that are nouns inside a speaker: after a
/// possessive (`the premier’s thinking`, `Lee’s statement`) and a weekday
/// or month between a determiner and a noun (`a Wednesday editorial`).
#[test]
fn nouns_inside_speakers() {
    let cases: &[(&str, &[Row])] = &[
        (
            "Another source familiar with the premier’s thinking said, “She will not run again.”",
            &[("“She will not run again.”", true, "Another source familiar with the premier’s thinking", "said")],
        ),
        (
            "“She will not run again,” said one adviser familiar with the premier’s thinking.",
            &[("“She will not run again,”", true, "one adviser familiar with the premier’s thinking", "said")],
        ),
        (
            "“There are fish with more spine than this council,” reads a Wednesday editorial in the Valley Herald.",
            &[(
                "“There are fish with more spine than this council,”",
                true,
                "a Wednesday editorial in the Valley Herald",
                "reads",
            )],
        ),
        (
            "“Costs rose faster than anyone planned,” the March newsletter says.",
            &[("“Costs rose faster than anyone planned,”", true, "the March newsletter", "says")],
        ),
        // A pronoun's `’s` is a verb: `she’s said`.
        ("“We are not done,” she’s said many times.", &[("“We are not done,”", true, "she’s", "said")]),
    ];
    for (text, expect) in cases {
        check_direct(text, expect);
    }
}

/// A noun of what someone said, owned by them, introduces it after a colon
/// (`Her message now is simple: ...`): reported speech of the owner, who
/// goes on speaking in the quotation that follows.
#[test]
fn owned_messages() {
    let cases: &[(&str, &[Row])] = &[
        (
            "Her message now is simple: do not drive after a night out.\n\n“It takes one bad decision and a family is broken forever.”",
            &[
                ("do not drive after a night out", false, "Her", "message"),
                ("“It takes one bad decision and a family is broken forever.”", true, "Her", "message"),
            ],
        ),
        (
            "Nadia Brook’s advice to new parents: sleep whenever the baby sleeps.",
            &[("sleep whenever the baby sleeps", false, "Nadia Brook’s", "advice")],
        ),
        // Not a colon introduction.
        ("His point was lost on the committee.", &[]),
        // A name over a description in reported speech.
        (
            "The mayor’s chief of staff, Ana Ruiz, said the budget would pass.",
            &[("the budget would pass", false, "Ana Ruiz", "said")],
        ),
    ];
    for (text, expect) in cases {
        check(text, expect);
    }
}

/// Police ranks and titles of Canadian news (`Const.`, `Cpl.`, `Insp.`)
/// do not end a sentence, and in `“Q,” DESCRIPTION, NAME, said` the name
/// speaks, even when the description ends in a bare noun after `of`
/// (`the chief medical officer of health`).
#[test]
fn ranks_and_named_appositions() {
    let cases: &[(&str, &[Row])] = &[
        (
            "“The road will stay closed overnight,” Const. Marie Leduc said in an email.",
            &[("“The road will stay closed overnight,”", true, "Const. Marie Leduc", "said")],
        ),
        (
            "“The road will stay closed overnight,” said RCMP Cpl. Dan Ferris.",
            &[("“The road will stay closed overnight,”", true, "RCMP Cpl. Dan Ferris", "said")],
        ),
        (
            "“The road will stay closed overnight,” Insp. Ravi Gill told reporters.",
            &[("“The road will stay closed overnight,”", true, "Insp. Ravi Gill", "told")],
        ),
        (
            "“Cases are falling,” the province’s chief medical officer of health, Dr. Ruth Kell, said.",
            &[("“Cases are falling,”", true, "Dr. Ruth Kell", "said")],
        ),
        (
            "“Cases are falling,” the chief medical officer, Dr. Ruth Kell, said.",
            &[("“Cases are falling,”", true, "Dr. Ruth Kell", "said")],
        ),
        (
            "“We will not move,” Haddad’s mother, Rita Haddad, said.",
            &[("“We will not move,”", true, "Rita Haddad", "said")],
        ),
        // Before the cue too.
        (
            "Ortiz’s lawyer, Mark Reid, said: “My client has done nothing wrong.”",
            &[("“My client has done nothing wrong.”", true, "Mark Reid", "said")],
        ),
        // A description with no name stays the speaker.
        (
            "“Cases are falling,” the minister of health said.",
            &[("“Cases are falling,”", true, "the minister of health", "said")],
        ),
    ];
    for (text, expect) in cases {
        check_direct(text, expect);
    }
}

/// Narration between two quotations of one paragraph (`“…” Golden pauses.
/// “…”`) names the speaker of the second: the first one's closing mark is
/// not part of the narrating sentence (the first quotation has no
/// attribution of its own).
#[test]
fn narration_between_quotations() {
    check_direct(
        "“I knew right away.” Ms. Okafor pauses. “It was the worst day of my life.”",
        &[("“I knew right away.”", true, "", ""), ("“It was the worst day of my life.”", true, "Ms. Okafor", "")],
    );
    // A subject that is no person names no one.
    check_direct(
        "“We won.” The crowd cheered. “And we will win again.”",
        &[("“We won.”", true, "", ""), ("“And we will win again.”", true, "", "")],
    );
}

/// A quotation inside the relative clause of its own speaker (`NAME, who
/// … “Q” …, CUE`): the name before `, who` speaks, with the cue after the
/// clause; an abbreviation inside the clause (`16 lbs.`) ends no sentence.
#[test]
fn quotations_inside_the_speakers_relative_clause() {
    let cases: &[(&str, &[Row])] = &[
        (
            "Lee, who lost “two belt sizes” over the summer, says the program worked.",
            &[("“two belt sizes”", true, "Lee", "says")],
        ),
        (
            "Retired welder Ned Oduya, who lost 16 lbs. “and a lot of bad habits” by fall, said he would sign up again.",
            &[("“and a lot of bad habits”", true, "Retired welder Ned Oduya", "said")],
        ),
        // No speech after the clause: a scare quote.
        ("Smith, who was “thrilled” with the result, went home early.", &[]),
        ("The council, which called the plan “reckless” last year, voted for it on Monday.", &[]),
    ];
    for (text, expect) in cases {
        check_direct(text, expect);
    }
}

/// Crowds as subjects of a participle cue: a quantity speaks alone
/// (`Hundreds marched …, chanting`), `About 200` opens a subject, not an
/// adverbial, a past verb before a preposition ends the subject (`Dozens of
/// nurses rallied at the hospital`), and participles may be coordinated
/// (`holding signs and chanting`).
#[test]
fn crowds_that_chant() {
    let cases: &[(&str, &[Row])] = &[
        (
            "Hundreds of demonstrators marched through downtown on Saturday, chanting “Hands off our clinics.”",
            &[("“Hands off our clinics.”", true, "Hundreds", "chanting")],
        ),
        (
            "About 200 protesters gathered outside the legislature, holding signs and chanting “Hands off our clinics.”",
            &[("“Hands off our clinics.”", true, "200 protesters", "chanting")],
        ),
        (
            "Dozens of nurses rallied at the hospital, chanting, “Hands off our clinics.”",
            &[("“Hands off our clinics.”", true, "Dozens of nurses", "chanting")],
        ),
        // A time phrase with no verb still opens the sentence, and a year
        // makes one.
        ("Two days later, she wrote: “We are broke.”", &[("“We are broke.”", true, "she", "wrote")]),
        (
            "Back in 1999, Ms. Okafor praised the mayor, telling the paper: “He listens.”",
            &[("“He listens.”", true, "Ms. Okafor", "telling")],
        ),
    ];
    for (text, expect) in cases {
        check_direct(text, expect);
    }
}

/// `another` speaks alone, as `one` and `some` do (vox pops: `“…,” one
/// resident said. “…,” said another.`), instead of continuing the speaker
/// before it.
#[test]
fn another_speaks_alone() {
    let cases: &[(&str, &[Row])] = &[
        (
            "“It was cold,” one resident said. “It was colder last year,” said another.",
            &[
                ("“It was cold,”", true, "one resident", "said"),
                ("“It was colder last year,”", true, "another", "said"),
            ],
        ),
        (
            "“It was cold,” one resident said. “It was colder last year,” another said.",
            &[
                ("“It was cold,”", true, "one resident", "said"),
                ("“It was colder last year,”", true, "another", "said"),
            ],
        ),
        (
            "One resident said the rink was cold. Another said it was colder last year.",
            &[
                ("the rink was cold", false, "One resident", "said"),
                ("it was colder last year", false, "Another", "said"),
            ],
        ),
        ("Another round of talks is planned for Monday.", &[]),
    ];
    for (text, expect) in cases {
        check(text, expect);
    }
}

/// `Will` and `May` before a capitalised word are first names, not an
/// auxiliary or a month.
#[test]
fn first_names_that_are_words() {
    let cases: &[(&str, &[Row])] = &[
        (
            "“It is a broken model,” said Will Okoye, a professor of economics.",
            &[("“It is a broken model,”", true, "Will Okoye", "said")],
        ),
        ("“It is a broken model,” Will Okoye said.", &[("“It is a broken model,”", true, "Will Okoye", "said")]),
        ("“It is a broken model,” said May Lindqvist.", &[("“It is a broken model,”", true, "May Lindqvist", "said")]),
        // A question that opens with `Will` names no one.
        ("“Will the council approve it?” Ruiz asked.", &[("“Will the council approve it?”", true, "Ruiz", "asked")]),
    ];
    for (text, expect) in cases {
        check_direct(text, expect);
    }
}

/// After `!”` or `.”` a new sentence that is only the attribution and a
/// clause of time (`Smith said as he left the stage.`) attributes the
/// quotation.
#[test]
fn attribution_with_a_clause_of_time() {
    let cases: &[(&str, &[Row])] = &[
        ("“We won!” Ruiz said as she left the stage.", &[("“We won!”", true, "Ruiz", "said")]),
        ("“We won.” Ruiz said while walking off.", &[("“We won.”", true, "Ruiz", "said")]),
        ("“We won,” Ruiz said before the count ended.", &[("“We won,”", true, "Ruiz", "said")]),
    ];
    for (text, expect) in cases {
        check_direct(text, expect);
    }
}
