//! Sentence splitting, rule by rule: each case is a text we wrote and the
//! sentences a careful reader would cut it into.

use byline_segment::{LineBreaks, SentenceOptions, SentenceSplitter, sentences};

fn split_with(splitter: &SentenceSplitter, text: &str) -> Vec<String> {
    splitter.split(text).iter().map(|s| s.text(text).to_owned()).collect()
}

/// Checks every case of a table and reports all failures at once.
fn check_all(cases: &[(&str, &[&str])]) {
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|(text, expect)| {
            let got: Vec<String> = sentences(text).iter().map(|s| s.text(text).to_owned()).collect();
            (got != *expect).then(|| format!("\n  text:   {text:?}\n  expect: {expect:?}\n  got:    {got:?}"))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} cases failed:{}", failures.len(), cases.len(), failures.concat());
}

#[test]
fn plain_terminal_punctuation() {
    check_all(&[
        ("The vote passed. Critics were furious.", &["The vote passed.", "Critics were furious."]),
        ("Did it pass? Nobody knows.", &["Did it pass?", "Nobody knows."]),
        ("It passed! Everyone cheered.", &["It passed!", "Everyone cheered."]),
        ("One sentence without a period", &["One sentence without a period"]),
        ("  Padded.   Text.  ", &["Padded.", "Text."]),
        ("", &[]),
        ("   \n\t ", &[]),
    ]);
}

#[test]
fn titles_never_end_a_sentence() {
    check_all(&[
        ("Mr. Okafor and Mrs. Lund met Dr. Chen.", &["Mr. Okafor and Mrs. Lund met Dr. Chen."]),
        ("Gen. Ward briefed Sen. Ortiz and Gov. Hale.", &["Gen. Ward briefed Sen. Ortiz and Gov. Hale."]),
        (
            "Prof. Ito and Rev. Moss spoke. Then Capt. Lee left.",
            &["Prof. Ito and Rev. Moss spoke.", "Then Capt. Lee left."],
        ),
    ]);
}

#[test]
fn ambiguous_abbreviations_end_only_before_a_sentence_opener() {
    check_all(&[
        ("She works for Acme Inc. in Dayton.", &["She works for Acme Inc. in Dayton."]),
        ("She works for Acme Inc. The firm is small.", &["She works for Acme Inc.", "The firm is small."]),
        ("Shares of Acme Corp. Chief Executive Jo Park fell.", &["Shares of Acme Corp. Chief Executive Jo Park fell."]),
        ("He sells pens, paper, etc. to schools.", &["He sells pens, paper, etc. to schools."]),
        ("He sells pens, paper, etc. But not ink.", &["He sells pens, paper, etc.", "But not ink."]),
        ("The study by Marsh et al. was cited widely.", &["The study by Marsh et al. was cited widely."]),
        (
            "It was cited by Marsh et al. However, few agreed.",
            &["It was cited by Marsh et al.", "However, few agreed."],
        ),
        ("We played Smith & Sons Co. last week.", &["We played Smith & Sons Co. last week."]),
        ("He moved to Salem, Ore. in 1990.", &["He moved to Salem, Ore. in 1990."]),
        ("He moved to Salem, Ore. He never left.", &["He moved to Salem, Ore.", "He never left."]),
        (
            "They met in Boise, Ida. Their son was born there.",
            &["They met in Boise, Ida.", "Their son was born there."],
        ),
        ("John Reyes Jr. said no. His father agreed.", &["John Reyes Jr. said no.", "His father agreed."]),
    ]);
}

#[test]
fn us_at_the_end_and_in_the_middle() {
    check_all(&[
        ("Prices rose in the U.S. They fell in Europe.", &["Prices rose in the U.S.", "They fell in Europe."]),
        ("The U.S. Senate voted on Friday.", &["The U.S. Senate voted on Friday."]),
        ("Troops left the U.S. for the Gulf.", &["Troops left the U.S. for the Gulf."]),
        (
            "She studied in the U.K. and the U.S.A. before 2001.",
            &["She studied in the U.K. and the U.S.A. before 2001."],
        ),
        ("He returned to the U.S. Mr. Hale stayed.", &["He returned to the U.S.", "Mr. Hale stayed."]),
    ]);
}

#[test]
fn months_days_and_numbers_after_abbreviations() {
    check_all(&[
        ("The trial opens Jan. 14 in Reno.", &["The trial opens Jan. 14 in Reno."]),
        ("It closed Sept. 30. It reopened Oct. 2.", &["It closed Sept. 30.", "It reopened Oct. 2."]),
        ("He wore No. 23 for the Bulls.", &["He wore No. 23 for the Bulls."]),
        ("See p. 212 and pp. 40-44 of Vol. 3.", &["See p. 212 and pp. 40-44 of Vol. 3."]),
        ("The answer was no. Nobody asked again.", &["The answer was no.", "Nobody asked again."]),
        ("Fig. 2 shows the trend.", &["Fig. 2 shows the trend."]),
    ]);
}

#[test]
fn inner_abbreviations_never_end_a_sentence() {
    check_all(&[
        ("Bring fruit, e.g. apples or pears.", &["Bring fruit, e.g. apples or pears."]),
        ("Use the old form, i.e. the paper one.", &["Use the old form, i.e. the paper one."]),
        ("It was Ali vs. Frazier all over again.", &["It was Ali vs. Frazier all over again."]),
        ("The hall holds approx. 900 people.", &["The hall holds approx. 900 people."]),
    ]);
}

#[test]
fn times_of_day() {
    check_all(&[
        ("The polls close at 8 p.m. on Tuesday.", &["The polls close at 8 p.m. on Tuesday."]),
        ("The polls close at 8 p.m. Results come later.", &["The polls close at 8 p.m.", "Results come later."]),
        ("By 7 a.m. Dr. Osei was in surgery.", &["By 7 a.m. Dr. Osei was in surgery."]),
        ("The call is at 9 a.m. EST tomorrow.", &["The call is at 9 a.m. EST tomorrow."]),
        ("He landed at 11 p.m. Mrs. Aziz met him.", &["He landed at 11 p.m.", "Mrs. Aziz met him."]),
        ("It starts at 4:30 p.m. Friday.", &["It starts at 4:30 p.m. Friday."]),
    ]);
}

#[test]
fn initials_and_middle_names() {
    check_all(&[
        ("The memo was signed by Harold T. Quinn.", &["The memo was signed by Harold T. Quinn."]),
        ("A book by J. R. Tolman sold well.", &["A book by J. R. Tolman sold well."]),
        ("A book by J.R. Tolman sold well.", &["A book by J.R. Tolman sold well."]),
        ("Then it was up to you and I. Did you agree?", &["Then it was up to you and I.", "Did you agree?"]),
        ("King Louis I. was crowned young.", &["King Louis I. was crowned young."]),
        ("She met Pope John Paul II. in Rome.", &["She met Pope John Paul II. in Rome."]),
        ("He takes vitamin D. The doctor insisted.", &["He takes vitamin D.", "The doctor insisted."]),
    ]);
}

#[test]
fn decimals_versions_money() {
    check_all(&[
        ("Inflation hit 3.75 percent in May.", &["Inflation hit 3.75 percent in May."]),
        ("Upgrade to version 2.4.1 today.", &["Upgrade to version 2.4.1 today."]),
        ("It cost $19.99. That was cheap.", &["It cost $19.99.", "That was cheap."]),
        ("Growth was 0.5% in Q3. It was 1.2% in Q4.", &["Growth was 0.5% in Q3.", "It was 1.2% in Q4."]),
        ("The score was 3-2. Fans left happy.", &["The score was 3-2.", "Fans left happy."]),
    ]);
}

#[test]
fn ellipses() {
    check_all(&[
        ("I thought about it... and said yes.", &["I thought about it... and said yes."]),
        ("I thought about it... Then I said yes.", &["I thought about it...", "Then I said yes."]),
        ("Wait… what happened?", &["Wait… what happened?"]),
        ("It was over… She walked home.", &["It was over…", "She walked home."]),
        ("He said the plan . . . was sound.", &["He said the plan . . . was sound."]),
        ("It ended like that.... The crowd left.", &["It ended like that....", "The crowd left."]),
        ("“The costs [...] are high,” she wrote.", &["“The costs [...] are high,” she wrote."]),
        ("The law, he wrote, is “plain on its face. . . .”", &["The law, he wrote, is “plain on its face. . . .”"]),
        ("Few objected. . . . The rest signed.", &["Few objected.", ". . . The rest signed."]),
        ("and what I meant . . . I never said.", &["and what I meant . . . I never said."]),
    ]);
}

#[test]
fn punctuation_inside_quotes_and_brackets() {
    check_all(&[
        ("“Why now?” she asked.", &["“Why now?” she asked."]),
        ("“Why now?” She left.", &["“Why now?”", "She left."]),
        ("He said, \"It works.\" Then he left.", &["He said, \"It works.\"", "Then he left."]),
        ("He said, \"It works.\" he insisted.", &["He said, \"It works.\" he insisted."]),
        ("The vote (it was close!) went ahead.", &["The vote (it was close!) went ahead."]),
        ("The vote went ahead. (It was close.) Few cared.", &["The vote went ahead.", "(It was close.)", "Few cared."]),
        ("She called it 'a disgrace.' Others agreed.", &["She called it 'a disgrace.'", "Others agreed."]),
        ("It was the “Year of the Dog.” Few remember.", &["It was the “Year of the Dog.”", "Few remember."]),
        ("He was born in 1802. [4] He died young.", &["He was born in 1802. [4]", "He died young."]),
    ]);
}

#[test]
fn quotations_with_several_sentences() {
    check_all(&[
        ("“We lost. We will be back,” the coach said.", &["“We lost.", "We will be back,” the coach said."]),
        (
            "She wrote: \"I am done. Do not call.\" Nobody did.",
            &["She wrote: \"I am done.", "Do not call.\"", "Nobody did."],
        ),
    ]);
}

#[test]
fn multiple_punctuation() {
    check_all(&[
        ("Really?! I had no idea.", &["Really?!", "I had no idea."]),
        ("Goal!!! The crowd erupted.", &["Goal!!!", "The crowd erupted."]),
        ("Who?? Me??", &["Who??", "Me??"]),
        ("Stop!? Why should I?", &["Stop!?", "Why should I?"]),
    ]);
}

#[test]
fn numbered_and_bulleted_lists() {
    check_all(&[
        ("1) Preheat the oven 2) Mix the flour", &["1) Preheat the oven", "2) Mix the flour"]),
        ("1. Preheat the oven. 2. Mix the flour.", &["1. Preheat the oven.", "2. Mix the flour."]),
        ("1.) Preheat the oven 2.) Mix the flour", &["1.) Preheat the oven", "2.) Mix the flour"]),
        ("a) Red b) Green c) Blue", &["a) Red", "b) Green", "c) Blue"]),
        ("A. Red B. Green", &["A. Red", "B. Green"]),
        ("• Eggs • Milk • Bread", &["• Eggs", "• Milk", "• Bread"]),
        ("• 3. Eggs • 4. Milk", &["• 3. Eggs", "• 4. Milk"]),
        ("Steps:\n- Eggs\n- Milk", &["Steps:", "- Eggs", "- Milk"]),
        ("He finished 2. Then he rested.", &["He finished 2.", "Then he rested."]),
    ]);
}

#[test]
fn missing_space_after_punctuation() {
    check_all(&[
        ("Was it worth it?It was.", &["Was it worth it?", "It was."]),
        ("The deal is off.The board said so.", &["The deal is off.", "The board said so."]),
        ("They raised 2,500.That was the goal.", &["They raised 2,500.", "That was the goal."]),
        ("Visit example.com today.", &["Visit example.com today."]),
        ("Written in Node.js by J.R.R. Lee.", &["Written in Node.js by J.R.R. Lee."]),
    ]);
}

#[test]
fn emails_and_urls() {
    check_all(&[
        ("Write to ana.ruiz@example.org. She replies fast.", &["Write to ana.ruiz@example.org.", "She replies fast."]),
        ("See https://example.com/a.b/c.html. It explains.", &["See https://example.com/a.b/c.html.", "It explains."]),
        ("Open www.example.net/?q=Ab today.", &["Open www.example.net/?q=Ab today."]),
        ("The page example.org/Index?Id=4 moved.", &["The page example.org/Index?Id=4 moved."]),
    ]);
}

#[test]
fn lower_case_after_a_period() {
    check_all(&[
        ("this place is great. the staff were kind.", &["this place is great.", "the staff were kind."]),
        ("Prices vary by approx. ten percent.", &["Prices vary by approx. ten percent."]),
        ("Call ext. 4410 for details.", &["Call ext. 4410 for details."]),
        ("It was a good movie. highly recommended", &["It was a good movie.", "highly recommended"]),
        ("The old yr. was hard.", &["The old yr. was hard."]),
    ]);
}

#[test]
fn headlines_datelines_and_sign_offs() {
    check_all(&[
        (
            "WASHINGTON (Reuters) - The Senate passed the bill.",
            &["WASHINGTON (Reuters) -", "The Senate passed the bill."],
        ),
        ("LAGOS, Nigeria — Floods hit the city.", &["LAGOS, Nigeria —", "Floods hit the city."]),
        ("NEW YORK -- Stocks fell.", &["NEW YORK --", "Stocks fell."]),
        ("BIG SALE - Everything must go.", &["BIG SALE - Everything must go."]),
        ("See you then. Regards, Tom Hill", &["See you then.", "Regards,", "Tom Hill"]),
        ("Storm hits coast\n\nThe storm arrived at dawn.", &["Storm hits coast", "The storm arrived at dawn."]),
        ("The end. *** A new story begins.", &["The end.", "***", "A new story begins."]),
        ("Figure 2.1 Rainfall by month in 2020", &["Figure 2.1", "Rainfall by month in 2020"]),
        ("Figure 2.1 shows rainfall.", &["Figure 2.1 shows rainfall."]),
    ]);
}

#[test]
fn mail_headers() {
    check_all(&[
        (
            "Ana Ruiz 04/26/2001 07:17 AM Can you send the draft?",
            &["Ana Ruiz", "04/26/2001 07:17 AM", "Can you send the draft?"],
        ),
        ("Sent by Ana on 3/9/2005 11:16:00 PM please reply", &["Sent by Ana on 3/9/2005 11:16:00 PM", "please reply"]),
        ("The deadline is 04/26/2001 for all.", &["The deadline is 04/26/2001 for all."]),
        ("Great news. :-) See you there.", &["Great news. :-)", "See you there."]),
    ]);
}

#[test]
fn line_breaks() {
    let text = "Storm Hits Coast\nBy Ana Ruiz\nThe storm arrived at dawn and flooded\nthe harbor district before noon.";
    let auto = SentenceSplitter::default();
    assert_eq!(
        split_with(&auto, text),
        ["Storm Hits Coast", "By Ana Ruiz", "The storm arrived at dawn and flooded\nthe harbor district before noon."]
    );
    let always = SentenceSplitter::new(&SentenceOptions { line_breaks: LineBreaks::Always, ..Default::default() });
    assert_eq!(
        split_with(&always, text),
        [
            "Storm Hits Coast",
            "By Ana Ruiz",
            "The storm arrived at dawn and flooded",
            "the harbor district before noon."
        ]
    );
    let never = SentenceSplitter::new(&SentenceOptions { line_breaks: LineBreaks::Never, ..Default::default() });
    let wrapped = "It was a cold\nnight in the city. The wind\nhowled.";
    assert_eq!(split_with(&never, wrapped), ["It was a cold\nnight in the city.", "The wind\nhowled."]);
    assert_eq!(split_with(&auto, wrapped), ["It was a cold\nnight in the city.", "The wind\nhowled."]);
    // A blank line always separates, whatever the option.
    assert_eq!(split_with(&never, "One\n\nTwo"), ["One", "Two"]);
}

#[test]
fn one_paragraph_per_line() {
    let text = "Harbor plan approved\nThe board voted 5-2 on Tuesday.\nOpponents vowed to appeal.\n";
    check_all(&[(text, &["Harbor plan approved", "The board voted 5-2 on Tuesday.", "Opponents vowed to appeal."])]);
}

#[test]
fn options_add_abbreviations() {
    let text = "The Supt. Adams report came out. Insp. Kerr read it.";
    let default: Vec<String> = sentences(text).iter().map(|s| s.text(text).to_owned()).collect();
    assert_eq!(default, ["The Supt. Adams report came out.", "Insp. Kerr read it."]);
    let text = "Talk to Cmdt. Rossi today. Or Brig.Gen. Obi.";
    let splitter = SentenceSplitter::new(&SentenceOptions {
        non_breaking_prefixes: vec!["Cmdt.".to_owned()],
        ..Default::default()
    });
    assert_eq!(split_with(&splitter, text), ["Talk to Cmdt. Rossi today.", "Or Brig.Gen. Obi."]);
    let text = "Ask the Assoc. Press desk. The desk. It answers.";
    let splitter =
        SentenceSplitter::new(&SentenceOptions { abbreviations: vec!["desk".to_owned()], ..Default::default() });
    assert_eq!(split_with(&splitter, text), ["Ask the Assoc. Press desk.", "The desk.", "It answers."]);
}

#[test]
fn crlf_and_unicode() {
    check_all(&[
        ("Café opens.\r\nIt is busy.\r\n", &["Café opens.", "It is busy."]),
        ("東京で会った。 Then we left.", &["東京で会った。 Then we left."]),
        ("Él dijo ¿Qué? Nada.", &["Él dijo ¿Qué?", "Nada."]),
        ("Emoji 🎉🎉. Next one.", &["Emoji 🎉🎉.", "Next one."]),
    ]);
}
