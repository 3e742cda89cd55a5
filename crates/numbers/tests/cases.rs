//! Table-driven cases, one group per line of the issue: what the finder
//! must read, and what it must leave alone. The sentences are written for
//! these tests (news-like, none copied from gold data).
//!
//! Each expected number renders as `<covered text> = <kind> <value>[ unit][
//! (qualifier)]`; a range's value is `min..max`.

use byline_numbers::find_with;

mod common;

use common::{check, render};

#[test]
fn digits() {
    check(&[
        ("The team has 40 members.", &["40 = cardinal 40"]),
        ("About 1,200 people attended.", &["About 1,200 = cardinal 1200 (approximately)"]),
        ("It sold 1 200 copies.", &["1 200 = cardinal 1200"]),
        ("It sold 1\u{2009}200 copies.", &["1\u{2009}200 = cardinal 1200"]),
        ("It sold 40\u{202f}000 copies.", &["40\u{202f}000 = cardinal 40000"]),
        ("China has 1 414 021 100 people.", &["1 414 021 100 = cardinal 1414021100"]),
        ("The index rose 3.5 points.", &["3.5 = cardinal 3.5"]),
        ("Temperatures of -4 were recorded.", &["-4 = cardinal -4"]),
        ("A ratio of .5 is enough.", &[".5 = cardinal 0.5"]),
        ("Some 1e6 cells were counted.", &["Some 1e6 = cardinal 1000000 (approximately)"]),
        ("It scored 1.3e6 points.", &["1.3e6 = cardinal 1300000"]),
        ("Population: 12,34,567.89 rupees", &["12,34,567.89 rupees = money 1234567.89 INR"]),
        (
            "Lists like 22,24,26,31 split.",
            &["22 = cardinal 22", "24 = cardinal 24", "26 = cardinal 26", "31 = cardinal 31"],
        ),
        ("The figure was 22,240,260,310.", &["22,240,260,310 = cardinal 22240260310"]),
        ("The value 1,674,200.5 is final.", &["1,674,200.5 = cardinal 1674200.5"]),
        ("It reached 123456789101231.", &["123456789101231 = cardinal 123456789101231"]),
        ("Readings were 1, 234, 567.", &["1 = cardinal 1", "234 = cardinal 234", "567 = cardinal 567"]),
        ("A 0.77 ratio.", &["0.77 = cardinal 0.77"]),
        ("He answered 192.", &["192 = cardinal 192"]),
        ("A value of 1.10 holds.", &["1.10 = cardinal 1.1"]),
        ("Code 0033 was read as 33.", &["0033 = cardinal 33", "33 = cardinal 33"]),
        ("The fund grew 1.1^2 times.", &["1.1^2 = cardinal 1.21"]),
        ("Growth of 2.5^-1 is odd.", &["2.5^-1 = cardinal 0.4"]),
        ("The reading was -127.32e13.", &["-127.32e13 = cardinal -1273200000000000"]),
        ("It fell to \u{2212}3 overnight.", &["\u{2212}3 = cardinal -3"]),
        ("Scores of +5 and -2 were posted.", &["+5 = cardinal 5", "-2 = cardinal -2"]),
    ]);
}

#[test]
fn words() {
    check(&[
        (
            "It measured two thousand five hundred and seventy-five point five.",
            &["two thousand five hundred and seventy-five point five = cardinal 2575.5"],
        ),
        ("It was one million and three point two.", &["one million and three point two = cardinal 1000003.2"]),
        ("The answer is forty-two.", &["forty-two = cardinal 42"]),
        ("He paid one hundred and five pounds of debt.", &["one hundred and five pounds of debt = quantity 105 pound"]),
        ("There were one hundred and five delegates.", &["one hundred and five = cardinal 105"]),
        ("They bought a dozen eggs.", &["a dozen = cardinal 12"]),
        ("We waited a couple of days.", &["a couple of days = quantity 2 day"]),
        ("She invited a couple of friends.", &["a couple of = cardinal 2"]),
        ("Half of voters agreed.", &["Half = cardinal 0.5"]),
        ("Three quarters of the staff left.", &["Three quarters = cardinal 0.75"]),
        ("It took one and a half hours.", &["one and a half hours = quantity 1.5 hour"]),
        ("Twenty-five thousand fans came.", &["Twenty-five thousand = cardinal 25000"]),
        ("sixteen", &["sixteen = cardinal 16"]),
        ("Three hundred  and  thirty one seats.", &["Three hundred  and  thirty one = cardinal 331"]),
        ("Two hundred and two thousand votes.", &["Two hundred and two thousand = cardinal 202000"]),
        ("two  thousand  and  two hundred", &["two  thousand  and  two hundred = cardinal 2200"]),
        ("twenty-one trillion three hundred", &["twenty-one trillion three hundred = cardinal 21000000000300"]),
        ("fifty - two", &["fifty - two = cardinal 52"]),
        ("nineteen hundred", &["nineteen hundred = cardinal 1900"]),
        ("a hundred", &["a hundred = cardinal 100"]),
        ("A million people marched.", &["A million = cardinal 1000000"]),
        ("two dozen roses", &["two dozen = cardinal 24"]),
        ("three hundred and two dozens", &["three hundred and two dozens = cardinal 324"]),
        ("half a dozen", &["half a dozen = cardinal 6"]),
        ("a couple dozen bankers", &["a couple dozen = cardinal 24"]),
        ("a couple of hundred Marines", &["a couple of hundred = cardinal 200"]),
        ("3 hundred and 2.12 hundred", &["3 hundred = cardinal 300", "2.12 hundred = cardinal 212"]),
        ("zero", &["zero = cardinal 0"]),
        ("The score was nil.", &["nil = cardinal 0"]),
        ("nine point nought four", &["nine point nought four = cardinal 9.04"]),
        ("two hundred point zero three", &["two hundred point zero three = cardinal 200.03"]),
        ("point 77", &["point 77 = cardinal 0.77"]),
        ("one point five million", &["one point five million = cardinal 1500000"]),
        (
            "three crore twelve lakh fifty-six thousand",
            &["three crore twelve lakh fifty-six thousand = cardinal 31256000"],
        ),
        ("three lakh crore", &["three lakh crore = cardinal 3000000000000"]),
        ("three thousand millions", &["three thousand millions = cardinal 3000000000"]),
        (
            "seven hundred twenty-one thousand and twelve",
            &["seven hundred twenty-one thousand and twelve = cardinal 721012"],
        ),
        ("ONE TwentY tWO", &["ONE TwentY tWO = cardinal 122"]),
        ("forty-five (45)", &["forty-five (45) = cardinal 45"]),
        ("The two (2) parties signed.", &["two (2) = cardinal 2"]),
        ("fortytwo", &["fortytwo = cardinal 42"]),
        ("negative five hundred and four", &["negative five hundred and four = cardinal -504"]),
        ("minus three million two hundred thousand", &["minus three million two hundred thousand = cardinal -3200000"]),
        ("4 thousand 3 hundred and 21", &["4 thousand 3 hundred and 21 = cardinal 4321"]),
        ("3 hundred and 2 hundred", &["3 hundred = cardinal 300", "2 hundred = cardinal 200"]),
        ("4000 3 hundred and 21", &["4000 = cardinal 4000", "3 hundred and 21 = cardinal 321"]),
    ]);
}

#[test]
fn mixed() {
    check(&[
        ("The city has 1.5 million residents.", &["1.5 million = cardinal 1500000"]),
        ("Sales hit 2.5m units.", &["2.5m = cardinal 2500000"]),
        ("The deal is worth $3bn.", &["$3bn = money 3000000000 USD"]),
        ("Salaries start at 40k.", &["40k = cardinal 40000"]),
        ("It cost half a million dollars.", &["half a million dollars = money 500000 USD"]),
        ("half million", &["half million = cardinal 500000"]),
        ("quarter million", &["quarter million = cardinal 250000"]),
        ("a quarter of a million dollars", &["a quarter of a million dollars = money 250000 USD"]),
        ("two thirds of a million", &["two thirds of a million = cardinal 666666.6666666666666666666667"]),
        ("five and a half million", &["five and a half million = cardinal 5500000"]),
        ("one million and a half", &["one million and a half = cardinal 1500000"]),
        ("3 million and a quarter", &["3 million and a quarter = cardinal 3250000"]),
        ("five billion and three quarters", &["five billion and three quarters = cardinal 5750000000"]),
        ("two million and one half", &["two million and one half = cardinal 2500000"]),
        ("1.2b", &["1.2b = cardinal 1200000000"]),
        ("- 10  k", &["- 10  k = cardinal -10000"]),
        ("2.33 k", &["2.33 k = cardinal 2330"]),
        ("1,674.5 G", &["1,674.5 G = cardinal 1674500000000"]),
        ("1,674,200.5 M", &["1,674,200.5 M = cardinal 1674200500000"]),
        ("322 hundred", &["322 hundred = cardinal 32200"]),
        ("two point two million", &["two point two million = cardinal 2200000"]),
        ("It is a $400-million-a-year business.", &["$400-million = money 400000000 USD"]),
        ("The firm is valued at $2.5m.", &["$2.5m = money 2500000 USD"]),
        ("The club paid £50m.", &["£50m = money 50000000 GBP"]),
        ("She ran the 100m sprint.", &["100m = quantity 100 meter"]),
        ("He is 1.85m tall.", &["1.85m = quantity 1.85 meter"]),
        ("6 crore and two hundred", &["6 crore and two hundred = cardinal 60000200"]),
    ]);
}

/// Dozens take fractions as scales do: `a dozen and a half` is half a
/// dozen more than a dozen (`one million and a half`), `two and a half
/// dozen` is two and a half times twelve (`two and a half million`).
#[test]
fn dozens_with_fractions() {
    check(&[
        ("She bought a dozen and a half eggs.", &["a dozen and a half = cardinal 18"]),
        ("Two dozen and a half chairs were set out.", &["Two dozen and a half = cardinal 30"]),
        ("They planted three dozens and a quarter of bulbs.", &["three dozens and a quarter of = cardinal 39"]),
        ("The box holds one and a half dozen rolls.", &["one and a half dozen = cardinal 18"]),
        ("About two and a half dozen sheep escaped.", &["About two and a half dozen = cardinal 30 (approximately)"]),
        ("The crate held 3.5 dozen lemons.", &["3.5 dozen = cardinal 42"]),
        ("He sold a dozen and one more later.", &["a dozen = cardinal 12", "one = cardinal 1"]),
    ]);
}

/// A half (or a quarter) hyphened to a scale word or `dozen` multiplies it,
/// as it does spaced: `a half-million` is `a half million`.
#[test]
fn hyphened_fractions_of_a_scale() {
    check(&[
        ("The repairs cost a half-million dollars.", &["a half-million dollars = money 500000 USD"]),
        ("A quarter-million people marched.", &["A quarter-million = cardinal 250000"]),
        ("She keeps a half-dozen hens.", &["a half-dozen = cardinal 6"]),
        ("Half-dozen boats were moored.", &["Half-dozen = cardinal 6"]),
        ("The half-hour show ended.", &["half-hour = quantity 0.5 hour"]),
        ("They led at half-time.", &[]),
    ]);
}

/// `-odd` after a count means some more than it: approximately (as `or so`);
/// `-plus` means at least. A unit after either is the count's.
#[test]
fn odd_and_plus_after_a_count() {
    check(&[
        ("Then sixty-odd delegates walked out.", &["sixty-odd = cardinal 60 (approximately)"]),
        ("The 40-odd members voted.", &["40-odd = cardinal 40 (approximately)"]),
        ("It was an odd choice.", &[]),
        ("She served twenty-odd years.", &["twenty-odd years = quantity 20 year (approximately)"]),
        ("Crews work 60-plus hours a week.", &["60-plus hours = quantity 60 hour (at_least)"]),
        (
            "The probe flew 300-odd metres per second.",
            &["300-odd metres per second = quantity 300 meter per second (approximately)"],
        ),
        ("Each flat is 90-plus m2.", &["90-plus m2 = quantity 90 square meter (at_least)"]),
    ]);
}

/// A comma may separate the groups of a spelled number, as it does in
/// digits (`2,400`): after a scale word of a thousand or more in a number
/// spelled out (not after digits: `5 million, two hundred`), when the
/// group after the comma has its own `hundred` or a smaller scale word. A
/// comma before a bare small number is a list.
#[test]
fn commas_between_spelled_groups() {
    check(&[
        (
            "The cheque read two thousand, four hundred dollars.",
            &["two thousand, four hundred dollars = money 2400 USD"],
        ),
        (
            "Some one million, sixty thousand voters registered.",
            &["Some one million, sixty thousand = cardinal 1060000 (approximately)"],
        ),
        (
            "It came to three million, twelve thousand, five hundred and nine.",
            &["three million, twelve thousand, five hundred and nine = cardinal 3012509"],
        ),
        ("The sum was a thousand, seven hundred.", &["a thousand, seven hundred = cardinal 1700"]),
        (
            "Rows of a thousand, two thousand, three thousand.",
            &["a thousand = cardinal 1000", "two thousand = cardinal 2000", "three thousand = cardinal 3000"],
        ),
        ("They asked for a thousand, four of them at once.", &["a thousand = cardinal 1000", "four = cardinal 4"]),
        ("Nine hundred, forty more came.", &["Nine hundred = cardinal 900", "forty = cardinal 40"]),
        (
            "It sold 5 million, two hundred thousand of them abroad.",
            &["5 million = cardinal 5000000", "two hundred thousand = cardinal 200000"],
        ),
        ("One thousand,\n\nfive hundred", &["One thousand = cardinal 1000", "five hundred = cardinal 500"]),
    ]);
}

#[test]
fn fractions() {
    check(&[
        ("It is a one-in-five chance.", &["one-in-five = cardinal 0.2"]),
        ("About 1-in-4 homes flooded.", &["About 1-in-4 = cardinal 0.25 (approximately)"]),
        ("Add 1/2 a cup.", &["1/2 = cardinal 0.5"]),
        ("It grew 2 1/2 times.", &["2 1/2 = cardinal 2.5"]),
        ("2  1/4", &["2  1/4 = cardinal 2.25"]),
        ("Mix ½ teaspoon of salt.", &["½ teaspoon of salt = quantity 0.5 teaspoon"]),
        ("the result is ¾", &["¾ = cardinal 0.75"]),
        ("It rose 2½ points.", &["2½ = cardinal 2.5"]),
        ("-4/5", &["-4/5 = cardinal -0.8"]),
        ("five eighths", &["five eighths = cardinal 0.625"]),
        ("twenty-three fifths", &["twenty-three fifths = cardinal 4.6"]),
        ("a hundredth", &["a hundredth = cardinal 0.01"]),
        ("A third of voters agreed.", &["A third = cardinal 0.3333333333333333333333333333"]),
        ("She won a third term.", &["third = ordinal 3"]),
        ("one third", &["one third = cardinal 0.3333333333333333333333333333"]),
        ("two thirds of the vote", &["two thirds = cardinal 0.6666666666666666666666666667"]),
        ("three and a fifth", &["three and a fifth = cardinal 3.2"]),
        (
            "one hundred and three and two thirds",
            &["one hundred and three and two thirds = cardinal 103.66666666666666666666666667"],
        ),
        ("two hundred and fifty-four hundredths", &["two hundred and fifty-four hundredths = cardinal 200.54"]),
        ("one hundred and thirty-two fifths", &["one hundred and thirty-two fifths = cardinal 26.4"]),
        ("one hundred thirty fifths", &["one hundred thirty fifths = cardinal 2.8571428571428571428571428571"]),
        ("three twenty-firsts", &["three twenty-firsts = cardinal 0.1428571428571428571428571429"]),
        ("a hundred trillionths", &["a hundred trillionths = cardinal 0.0000000001"]),
        ("one over three", &["one over three = cardinal 0.3333333333333333333333333333"]),
        ("2000 over 3", &["2000 over 3 = cardinal 666.66666666666666666666666667"]),
        ("One in five adults smokes.", &["One in five = cardinal 0.2"]),
        ("1 in 5 adults smokes.", &["1 in 5 = cardinal 0.2"]),
        ("one out of three", &["one out of three = cardinal 0.3333333333333333333333333333"]),
        ("two out of five hundred tvs", &["two out of five hundred = cardinal 0.004"]),
        ("there are 12 out of 10", &["12 = cardinal 12", "10 = cardinal 10"]),
        ("8 in 5", &["8 = cardinal 8", "5 = cardinal 5"]),
        ("Nearly half of all schools", &["Nearly half = cardinal 0.5 (approximately)"]),
        ("More than half the stations", &["More than half = cardinal 0.5 (more_than)"]),
        ("about one-quarter of US oil", &["about one-quarter = cardinal 0.25 (approximately)"]),
    ]);
}

#[test]
fn ordinals() {
    check(&[
        ("He finished 3rd.", &["3rd = ordinal 3"]),
        ("She came third.", &["third = ordinal 3"]),
        ("the twenty-first century", &["twenty-first = ordinal 21"]),
        ("the 101st Airborne", &["101st = ordinal 101"]),
        ("the 21st century", &["21st = ordinal 21"]),
        ("his second term", &["second = ordinal 2"]),
        ("one hundred twenty-fifth", &["one hundred twenty-fifth = ordinal 125"]),
        ("two hundredth", &["two hundredth = ordinal 200"]),
        ("eleventh", &["eleventh = ordinal 11"]),
        ("twentieth", &["twentieth = ordinal 20"]),
        ("the Nineth meeting", &["Nineth = ordinal 9"]),
        ("twentyfifth", &["twentyfifth = ordinal 25"]),
        ("thirty—first", &["thirty—first = ordinal 31"]),
        ("the 50th anniversary", &["50th = ordinal 50"]),
        ("Book a first class seat", &["first = ordinal 1"]),
        ("She finished second!", &["second = ordinal 2"]),
        ("a hundred trillionth", &["a hundred trillionth = ordinal 100000000000000"]),
        ("First, we must act.", &[]),
        ("At first it seemed small.", &[]),
        ("the former first lady", &[]),
        ("the Second Amendment", &[]),
        ("a third-party candidate", &[]),
        ("the third world", &[]),
        (
            "higher than the tenth but lower than the fifteenth",
            &["higher than the tenth but lower than the fifteenth = ordinal 10..15"],
        ),
    ]);
}

#[test]
fn percentages() {
    check(&[
        ("Unemployment fell to 12%.", &["12% = percent 12"]),
        ("Unemployment fell to 12 %.", &["12 % = percent 12"]),
        ("It rose 12 percent.", &["12 percent = percent 12"]),
        ("It rose 12 per cent.", &["12 per cent = percent 12"]),
        ("It rose twelve percent.", &["twelve percent = percent 12"]),
        ("Inflation hit 12pc.", &["12pc = percent 12"]),
        ("Rates rose 12 pct.", &["12 pct. = percent 12"]),
        ("It weighs 6 lbs. now", &["6 lbs. = quantity 6 pound"]),
        ("Yields climbed 0.25 percentage points.", &["0.25 percentage points = percent 0.25 percentage point"]),
        ("Rates rose 50 basis points.", &["50 basis points = quantity 50 basis point"]),
        ("one hundred percents", &["one hundred percents = percent 100"]),
        ("per cent of twenty-two", &["per cent of twenty-two = percent 22"]),
        ("It was 5-10% lower.", &["5-10% = percent 5..10"]),
        ("from 5 percent to 25 percent", &["from 5 percent to 25 percent = percent 5..25"]),
        ("Nearly 10% of voters", &["Nearly 10% = percent 10 (approximately)"]),
        ("a 35 percent tariff", &["35 percent = percent 35"]),
        ("Would 100% recommend", &["100% = percent 100"]),
        ("The share exceeds 7%.", &["exceeds 7% = percent 7 (more_than)"]),
        ("Only 24 Percent of donors", &["24 Percent = percent 24"]),
        ("about 15 % per annum", &["about 15 % = percent 15 (approximately)"]),
    ]);
}

#[test]
fn money() {
    check(&[
        ("The bill was $1 trillion.", &["$1 trillion = money 1000000000000 USD"]),
        ("It cost $20.", &["$20 = money 20 USD"]),
        ("It cost US$3.14.", &["US$3.14 = money 3.14 USD"]),
        ("It cost C$40.", &["C$40 = money 40 CAD"]),
        ("It cost A$40.", &["A$40 = money 40 AUD"]),
        ("a c $ 100 million deal", &["c $ 100 million = money 100000000 CAD"]),
        ("a $ 5 fee", &["$ 5 = money 5 USD"]),
        ("To Ask For A $15 Minimum Wage", &["$15 = money 15 USD"]),
        ("the donor’s $27 gift", &["$27 = money 27 USD"]),
        ("7 John Kasich. 8 Rand Paul.", &["7 = cardinal 7", "8 = cardinal 8"]),
        ("It doesn't bother me one bit.", &[]),
        ("it cost aud 500", &["aud 500 = money 500 AUD"]),
        ("It cost HK$10.05 billion.", &["HK$10.05 billion = money 10050000000 HKD"]),
        ("to hk $ 10.05 billion", &["hk $ 10.05 billion = money 10050000000 HKD"]),
        ("a us $ 150 million loan", &["us $ 150 million = money 150000000 USD"]),
        ("It cost €2 million.", &["€2 million = money 2000000 EUR"]),
        ("It cost £8.10 million.", &["£8.10 million = money 8100000 GBP"]),
        ("It cost ¥500.", &["¥500 = money 500 JPY"]),
        ("It cost ₹500.", &["₹500 = money 500 INR"]),
        ("It cost USD 5.", &["USD 5 = money 5 USD"]),
        ("It cost 5 EUR.", &["5 EUR = money 5 EUR"]),
        ("It cost USD115.5.", &["USD115.5 = money 115.5 USD"]),
        ("It cost GBP3.01.", &["GBP3.01 = money 3.01 GBP"]),
        ("It cost 100 dollars.", &["100 dollars = money 100 USD"]),
        ("It cost 20 euros.", &["20 euros = money 20 EUR"]),
        ("It cost 450,000 yen.", &["450,000 yen = money 450000 JPY"]),
        ("It cost 3 yuan.", &["3 yuan = money 3 CNY"]),
        ("It cost 40 renminbi.", &["40 renminbi = money 40 CNY"]),
        ("It cost 35 lakh rupees.", &["35 lakh rupees = money 3500000 INR"]),
        ("four crore rupees", &["four crore rupees = money 40000000 INR"]),
        ("It cost 34 cents.", &["34 cents = money 0.34 USD"]),
        ("It cost 45p.", &["45p = money 0.45 GBP"]),
        ("It cost 50 pence.", &["50 pence = money 0.5 GBP"]),
        ("It cost 42 bucks.", &["42 bucks = money 42 USD"]),
        ("It cost 10 grand.", &["10 grand = money 10000 USD"]),
        ("It cost 528 million francs.", &["528 million francs = money 528000000 CHF"]),
        ("10,000 swiss francs", &["10,000 swiss francs = money 10000 CHF"]),
        ("250 million dutch guilders", &["250 million dutch guilders = money 250000000 NLG"]),
        ("It was 6.25 BTC.", &["6.25 BTC = money 6.25 BTC"]),
        ("100元", &["100元 = money 100 CNY"]),
        ("20 €ur", &["20 €ur = money 20 EUR"]),
        ("They lost 75 USD million.", &["75 USD million = money 75000000 USD"]),
        ("losses of 30 MUSD", &["30 MUSD = money 30000000 USD"]),
        ("thirteen dollars and forty-five cents", &["thirteen dollars and forty-five cents = money 13.45 USD"]),
        ("thirteen dollars forty five", &["thirteen dollars forty five = money 13.45 USD"]),
        ("it costs only 15 dollars 50.", &["15 dollars 50 = money 15.5 USD"]),
        ("$20 and 43c", &["$20 and 43c = money 20.43 USD"]),
        ("3 GBP 1 pence", &["3 GBP 1 pence = money 3.01 GBP"]),
        ("Hey, the cost is $4.25 and 32 is the quantity!", &["$4.25 = money 4.25 USD", "32 = cardinal 32"]),
        ("50 dollar 40 rmb", &["50 dollar = money 50 USD", "40 rmb = money 40 CNY"]),
        ("a dollar", &["a dollar = money 1 USD"]),
        ("$10K", &["$10K = money 10000 USD"]),
        ("10k$", &["10k$ = money 10000 USD"]),
        ("3.14US$", &["3.14US$ = money 3.14 USD"]),
        ("Rs. 20", &["Rs. 20 = money 20 INR"]),
        ("RM42", &["RM42 = money 42 MYR"]),
        ("$ 75 million of bonds", &["$ 75 million = money 75000000 USD"]),
        ("a 12-cent-a-share dividend", &["12-cent = money 0.12 USD"]),
        ("a $70-a-share price", &["$70 = money 70 USD"]),
        ("The pound will fall to $ 2.00", &["$ 2.00 = money 2 USD"]),
        ("He was fined 500 pounds.", &["500 pounds = money 500 GBP"]),
        ("It cost ten dimes.", &["ten dimes = money 1 USD"]),
        ("not worth a nickel", &["a nickel = money 0.05 USD"]),
        ("an advance of 14.27 cents", &["14.27 cents = money 0.1427 USD"]),
    ]);
}

#[test]
fn money_in_another_dollar() {
    let text = "It cost $5, or US$4.";
    let got: Vec<String> = find_with(text, "CAD").iter().map(|n| render(text, n)).collect();
    assert_eq!(got, ["$5 = money 5 CAD", "US$4 = money 4 USD"]);
}

#[test]
fn ranges_and_qualifiers() {
    check(&[
        ("The firm raised $5-10 million.", &["$5-10 million = money 5000000..10000000 USD"]),
        ("The number is between 20 and 30.", &["between 20 and 30 = cardinal 20..30"]),
        ("Crowds of 20 to 30 people", &["20 to 30 = cardinal 20..30"]),
        ("ages 55 to 65", &["55 to 65 = cardinal 55..65"]),
        (
            "from one thousand to one thousand and five hundred",
            &["from one thousand to one thousand and five hundred = cardinal 1000..1500"],
        ),
        ("1000-5000", &["1000-5000 = cardinal 1000..5000"]),
        ("1000 – 5000", &["1000 – 5000 = cardinal 1000..5000"]),
        ("20~100", &["20~100 = cardinal 20..100"]),
        ("20 through 100", &["20 through 100 = cardinal 20..100"]),
        ("between negative ten and fifteen", &["between negative ten and fifteen = cardinal -10..15"]),
        ("bonuses of $500 to $2,000", &["$500 to $2,000 = money 500..2000 USD"]),
        ("between $30,000 and $60,000 a year", &["between $30,000 and $60,000 = money 30000..60000 USD"]),
        ("10-20 dollars", &["10-20 dollars = money 10..20 USD"]),
        ("about $10-$20", &["about $10-$20 = money 10..20 USD (approximately)"]),
        ("around 10-20 dollars", &["around 10-20 dollars = money 10..20 USD (approximately)"]),
        ("from 10 dollars to 20 dollars", &["from 10 dollars to 20 dollars = money 10..20 USD"]),
        ("7-9 lakh rupees", &["7-9 lakh rupees = money 700000..900000 INR"]),
        ("Nearly 1,500 plants", &["Nearly 1,500 = cardinal 1500 (approximately)"]),
        ("about 47 percent of the country", &["about 47 percent = percent 47 (approximately)"]),
        ("roughly 100 stations", &["roughly 100 = cardinal 100 (approximately)"]),
        ("more than 20 states", &["more than 20 = cardinal 20 (more_than)"]),
        ("over 300 people", &["over 300 = cardinal 300 (more_than)"]),
        ("at least five years", &["at least five years = quantity 5 year (at_least)"]),
        ("up to 700 workers", &["up to 700 = cardinal 700 (up_to)"]),
        ("people under 30", &["under 30 = cardinal 30 (less_than)"]),
        ("Fewer than a thousand pandas", &["Fewer than a thousand = cardinal 1000 (less_than)"]),
        ("no less than thirty", &["no less than thirty = cardinal 30 (at_least)"]),
        ("at most 7€", &["at most 7€ = money 7 EUR (at_most)"]),
        ("no more than 6 lbs of meat", &["no more than 6 lbs of meat = quantity 6 pound (at_most)"]),
        ("as many as 300,000 people", &["as many as 300,000 = cardinal 300000 (up_to)"]),
        ("$100,000 or more", &["$100,000 or more = money 100000 USD (at_least)"]),
        ("$200 or less", &["$200 or less = money 200 USD (at_most)"]),
        ("200 or greater", &["200 or greater = cardinal 200 (at_least)"]),
        ("more than 5000 or equal to it", &["more than 5000 or equal to = cardinal 5000 (at_least)"]),
        ("less than 5000 or equal", &["less than 5000 or equal = cardinal 5000 (at_most)"]),
        (
            "equal to 5000 or less than 6000",
            &["equal to 5000 = cardinal 5000", "less than 6000 = cardinal 6000 (less_than)"],
        ),
        ("equal to or more than 30", &["equal to or more than 30 = cardinal 30 (at_least)"]),
        (
            "greater than 30 and less than or equal to 40",
            &["greater than 30 and less than or equal to 40 = cardinal 30..40"],
        ),
        ("at most 100 and at least 20 apples", &["at most 100 and at least 20 = cardinal 20..100"]),
        ("He ranks between the tenth and the fifteenth.", &["between the tenth and the fifteenth = ordinal 10..15"]),
        ("above one quarter and below a half", &["above one quarter and below a half = cardinal 0.25..0.5"]),
        (
            "More than 40 and less than 10",
            &["More than 40 = cardinal 40 (more_than)", "less than 10 = cardinal 10 (less_than)"],
        ),
        ("x>10 and y<20", &[">10 = cardinal 10 (more_than)", "<20 = cardinal 20 (less_than)"]),
        (">= 30", &[">= 30 = cardinal 30 (at_least)"]),
        ("<-30", &["<-30 = cardinal -30 (less_than)"]),
        ("about five hundred or less", &["five hundred or less = cardinal 500 (at_most)"]),
        ("50+ people", &["50+ = cardinal 50 (at_least)"]),
        ("exactly 42 bucks", &["exactly 42 bucks = money 42 USD"]),
        ("some 2.4 billion gallons", &["some 2.4 billion gallons = quantity 2400000000 gallon (approximately)"]),
        ("almost $8,000 more", &["almost $8,000 = money 8000 USD (approximately)"]),
        ("just above $40 a ton", &["just above $40 = money 40 USD (more_than)"]),
        ("in excess of 30 MUSD", &["in excess of 30 MUSD = money 30000000 USD (more_than)"]),
        (
            "It will cost $374 billion over 10 years.",
            &["$374 billion = money 374000000000 USD", "10 years = quantity 10 year"],
        ),
        ("Prices rose 5% to 10%.", &["5% = percent 5", "10% = percent 10"]),
        ("It was cut from 4% to 3%.", &["4% = percent 4", "3% = percent 3"]),
        ("between 2.0 g and about 7.0 g", &["between 2.0 g and about 7.0 g = quantity 2..7 gram"]),
        ("around 2 -7 g", &["around 2 -7 g = quantity 2..7 gram (approximately)"]),
        ("The Supreme Court split 5-4.", &["5-4 = cardinal 5 score"]),
    ]);
}

/// `a` or `an` before a unit of money, mass, length, area or volume is one
/// of that unit, and `and a half` after it makes one and a half. Measures
/// that are also everyday nouns (`a meter` reading, `a foot`, `a yard`, `a
/// ton of`) are not read this way, nor is a duration without its half (`a
/// year ago` is a date, `$5 a year` a rate).
#[test]
fn one_unit_after_an_article() {
    check(&[
        ("The school is a mile from the river.", &["a mile = quantity 1 mile"]),
        (
            "The queue stretched for more than a kilometre.",
            &["more than a kilometre = quantity 1 kilometer (more_than)"],
        ),
        ("They farm an acre of beans.", &["an acre = quantity 1 acre"]),
        ("Fuel costs less now than a litre of milk.", &["a litre = quantity 1 liter"]),
        ("Each hectare yields a tonne.", &[]),
        ("He swam a mile and a half before dawn.", &["a mile and a half = quantity 1.5 mile"]),
        ("The trail is 3/4 of a mile long.", &["3/4 of a mile = quantity 0.75 mile"]),
        ("Rates fell 1/4 of a percentage point.", &["1/4 of a percentage point = percent 0.25 percentage point"]),
        ("The fare was a dollar and a half.", &["a dollar and a half = money 1.5 USD"]),
        ("Add a kilogram and a half of flour.", &["a kilogram and a half = quantity 1.5 kilogram"]),
        ("It was a dollar and 20 cents.", &["a dollar and 20 cents = money 1.2 USD"]),
        ("Petrol sold at $4 a gallon.", &["$4 = money 4 USD"]),
        ("A meter reader called.", &[]),
        ("He did not give an inch-thick file.", &[]),
        ("She waited a year and a half.", &["a year and a half = quantity 1.5 year"]),
        ("The talks lasted an hour and a half.", &["an hour and a half = quantity 1.5 hour"]),
        ("Prices rose a year ago.", &[]),
    ]);
}

/// `and a half` after a whole count and a unit written as a word adds half
/// of that unit; after a scale (`2 million dollars and a half`), an age
/// (`30 years old`) or a symbol it is not read this way.
#[test]
fn a_half_after_a_unit() {
    check(&[
        ("The strike lasted two years and a half.", &["two years and a half = quantity 2.5 year"]),
        ("The ferry covers 12 km and a half.", &["12 km and a half = quantity 12.5 kilometer"]),
        ("It cooled to -4 degrees and a half.", &["-4 degrees and a half = quantity -4.5 degree"]),
        ("Tickets cost three dollars and a half.", &["three dollars and a half = money 3.5 USD"]),
        ("Bring 3 kilograms and a half of rice.", &["3 kilograms and a half = quantity 3.5 kilogram"]),
        (
            "It raised 2 million dollars and a half share of the rest.",
            &["2 million dollars = money 2000000 USD", "a half = cardinal 0.5"],
        ),
    ]);
}

/// Feet and inches are two quantities, however written: `5 ft 4 in`,
/// `5ft 10in`, `5'10"`, `5′10″`. A foot mark counts only before inches.
#[test]
fn feet_and_inches() {
    check(&[
        ("The suspect is 5ft 10in tall.", &["5ft = quantity 5 foot", "10in = quantity 10 inch"]),
        ("She is 5'6\" and fast.", &["5' = quantity 5 foot", "6\" = quantity 6 inch"]),
        ("He stands 6′2″ in socks.", &["6′ = quantity 6 foot", "2″ = quantity 2 inch"]),
        ("Put 10in the box.", &[]),
        ("Scores of 5' were rare.", &["5 = cardinal 5"]),
    ]);
}

#[test]
fn quantities() {
    check(&[
        ("The storm moved 200 km inland.", &["200 km = quantity 200 kilometer"]),
        ("It is 5 kilometres away.", &["5 kilometres = quantity 5 kilometer"]),
        ("a 2.5-mile stretch", &["2.5-mile = quantity 2.5 mile"]),
        ("six feet of the cup", &["six feet = quantity 6 foot"]),
        ("a 7.62mm barrel", &["7.62mm = quantity 7.62 millimeter"]),
        ("It weighs 20 kg.", &["20 kg = quantity 20 kilogram"]),
        ("two pounds of meat", &["two pounds of meat = quantity 2 pound"]),
        ("a 68-ounce can", &["68-ounce = quantity 68 ounce"]),
        ("2 g.", &["2 g = quantity 2 gram"]),
        ("It weighs 20 kg.", &["20 kg = quantity 20 kilogram"]),
        ("1 k.g.", &["1 k.g. = quantity 1 kilogram"]),
        ("let it be at 50 deg. ", &["50 deg. = quantity 50 degree"]),
        ("The weight is 120 μg", &["120 μg = quantity 120 microgram"]),
        ("three-ton satellites", &["three-ton = quantity 3 ton"]),
        ("300,000 acres of forest", &["300,000 acres = quantity 300000 acre"]),
        ("500 square feet", &["500 square feet = quantity 500 square foot"]),
        ("10 hectares", &["10 hectares = quantity 10 hectare"]),
        ("0.9 trillion cubic feet", &["0.9 trillion cubic feet = quantity 900000000000 cubic foot"]),
        ("130 gallons", &["130 gallons = quantity 130 gallon"]),
        ("460,000 barrels per day", &["460,000 barrels = quantity 460000 barrel"]),
        ("3 Cups of sugar", &["3 Cups of sugar = quantity 3 cup"]),
        ("2 liters", &["2 liters = quantity 2 liter"]),
        ("It was 40 deg celsius.", &["40 deg celsius = quantity 40 celsius"]),
        ("98.6 degrees f is normal", &["98.6 degrees f = quantity 98.6 fahrenheit"]),
        ("It reached 40°C.", &["40°C = quantity 40 celsius"]),
        ("It reached 104 °F.", &["104 °F = quantity 104 fahrenheit"]),
        ("raise the temperature by 20 degrees", &["20 degrees = quantity 20 degree"]),
        ("rotate 90 degrees", &["90 degrees = quantity 90 degree of arc"]),
        ("Turn the water temp up to 82 degrees", &["up to 82 degrees = quantity 82 degree (up_to)"]),
        ("winds of 190 kilometers per hour", &["190 kilometers per hour = quantity 190 kilometer per hour"]),
        ("winds of 120 mph", &["120 mph = quantity 120 mile per hour"]),
        (
            "10kph, 10kmph, or 10km/hr",
            &[
                "10kph = quantity 10 kilometer per hour",
                "10kmph = quantity 10 kilometer per hour",
                "10km/hr = quantity 10 kilometer per hour",
            ],
        ),
        ("She served four years.", &["four years = quantity 4 year"]),
        ("It took 18 months.", &["18 months = quantity 18 month"]),
        ("a 30-second spot", &["30-second = quantity 30 second"]),
        ("a 45-minute commute", &["45-minute = quantity 45 minute"]),
        ("Over the past three years", &["three years = quantity 3 year"]),
        ("a 42-year-old man", &["42-year-old = quantity 42 year"]),
        // Title-case headlines: a hyphenated unit is an adjective, not a name.
        ("Inflation Hits 28-Year High", &["28-Year = quantity 28 year"]),
        ("He Wins the 10-Mile Race", &["10-Mile = quantity 10 mile"]),
        ("I'm only 29 years old!", &["29 years old = quantity 29 year"]),
        ("after ninety five years of age", &["ninety five years of age = quantity 95 year"]),
        ("a 90 day old bill", &["90 day old = quantity 90 day"]),
        ("a 87 yo man", &["87 yo = quantity 87 year"]),
        ("a man of age 87", &["age 87 = quantity 87 year"]),
        ("He joined at the age of 30.", &["30 = quantity 30 year"]),
        ("It was 90 F in Phoenix.", &["90 F = quantity 90 fahrenheit"]),
        ("It was -5 C overnight.", &["-5 C = quantity -5 celsius"]),
        ("Cloud City, PA 23456 F Block", &[]),
        ("28 - year - old", &["28 - year - old = quantity 28 year"]),
        ("aged 18 to 24", &["aged 18 to 24 = quantity 18..24 year"]),
        ("The file is 100 mb", &["100 mb = quantity 100 megabit"]),
        ("an 8gb ipod", &["8gb = quantity 8 gigabyte"]),
        ("a 16-bit chip", &["16-bit = quantity 16 bit"]),
        ("a 1.5 GW plant", &["1.5 GW = quantity 1.5 gigawatt"]),
        ("The angle is 0.8rad", &["0.8rad = quantity 0.8 radian"]),
        ("make a half turn", &["a half turn = quantity 0.5 turn"]),
        ("for half an hour", &["half an hour = quantity 0.5 hour"]),
        ("a pen that is 10 \" long", &["10 \" = quantity 10 inch"]),
        ("The weight is 20 {kg}", &["20 {kg} = quantity 20 kilogram"]),
        ("eight to 10 feet tall", &["eight to 10 feet = quantity 8..10 foot"]),
        ("1 m x 1 m", &["1 m = quantity 1 meter", "1 m = quantity 1 meter"]),
        ("2/1000 kilograms", &["2/1000 kilograms = quantity 0.002 kilogram"]),
        ("156 tons of carbon", &["156 tons of carbon = quantity 156 ton"]),
        ("1 cup of other empanadas", &["1 cup = quantity 1 cup"]),
        ("seven and a half years in office", &["seven and a half years = quantity 7.5 year"]),
    ]);
}

#[test]
fn not_numbers() {
    check(&[
        ("DeepSeek released R1 and OpenAI released o1.", &[]),
        ("OpenAI's o3-mini beat GPT-4 on the test.", &[]),
        ("The Boeing 737 and the Airbus A320 were grounded.", &[]),
        ("Apple's iPhone 15 launched.", &[]),
        ("Call +1-222-2222/2222 now.", &[]),
        ("Call (555) 123-4567 now.", &[]),
        ("Call 555-123-4567 now.", &[]),
        ("Call (989)755-1109 now.", &[]),
        ("Call +44 20 7946 0958 now.", &[]),
        ("The server at 192.168.1.2 failed.", &[]),
        ("Any time to meet on 5/17/2018?", &[]),
        ("The meeting is at 10:30.", &[]),
        ("The meeting is at 10:30 a.m.", &[]),
        ("It opens at 11pm.", &[]),
        ("It opens at 3 p.m. daily.", &[]),
        ("It was founded in 2009.", &[]),
        ("Since 1990 the firm grew.", &[]),
        ("on May 4, 2018, the court ruled", &[]),
        ("on May 4th the court ruled", &[]),
        ("on 4 May the court ruled", &[]),
        ("the Fourth of July", &[]),
        ("the 4th of July parade", &[]),
        ("By Jan. 1 , 1990 it was over.", &[]),
        ("in October 2014 she left", &[]),
        ("a date of 2018-05-17", &[]),
        ("a date of 1995-01", &[]),
        ("ISBN 978-3-16-148410-0", &[]),
        ("ISBN 0306406152", &[]),
        ("Upgrade to version 2.0.1 now.", &[]),
        ("Upgrade to version 2.0 now.", &[]),
        ("Python 3.11 is out.", &[]),
        ("Download v2 today.", &[]),
        ("The one you mentioned is invalid", &[]),
        ("Which one do you prefer?", &[]),
        ("That one is really good", &[]),
        ("One of them left early.", &["One = cardinal 1"]),
        ("One former employee said it was wrong.", &[]),
        ("no one came", &[]),
        ("they helped one another", &[]),
        ("It happened one day in June.", &[]),
        ("This is a one-time payment.", &[]),
        ("a zero-sum game", &[]),
        ("in the 1990s", &[]),
        // Decades with an apostrophe are decades too; a possessive is not.
        ("Fashion from the 1970's returned.", &[]),
        ("They met in their 30’s.", &[]),
        ("The 747's engines failed.", &["747 = cardinal 747"]),
        ("in their 40s", &[]),
        ("open 24/7", &[]),
        ("after 9/11", &[]),
        ("the 2019/20 season", &[]),
        ("the 2019-20 season", &[]),
        ("COVID-19 spread.", &[]),
        ("the F-35 jet", &[]),
        ("Boeing 737-800 jets", &[]),
        ("the S&P 500 index", &[]),
        ("Chapter 11 bankruptcy", &[]),
        ("5G networks", &[]),
        ("3-D printing", &[]),
        ("He lives at 123 Random Street.", &[]),
        ("studies show this [17], [18]", &[]),
        ("See https://example.com/page?id=12345 for details.", &[]),
        ("Email jane2000@example.com today.", &[]),
        ("The 13F filing was late.", &[]),
        ("a Boeing 777F freighter", &[]),
        ("Ford sells 800,000 F-Series pickups", &["800,000 = cardinal 800000"]),
        ("the first half of the year", &[]),
        ("in the second half", &[]),
        ("sales in the past three quarters", &[]),
        ("Built in 3000 BC", &[]),
        ("a <tweet id=\"783499116076687360\">", &[]),
        ("Air Force One landed.", &[]),
        ("No. 1 seed", &[]),
        ("#1 seed", &[]),
        ("CC BY-SA 4.0", &[]),
        ("the kind of one-on-one campaigning", &[]),
        ("5. TALIBAN CLOSING RANKS", &[]),
        ("The Prime Minister spoke at Number 10 on Tuesday.", &[]),
        ("That adds up to 185,000 over two years.", &["185,000 = cardinal 185000", "two years = quantity 2 year"]),
        ("Storm Kills 12 in Texas", &["12 = cardinal 12"]),
        ("At one point he left.", &[]),
        ("One day a man walked in.", &[]),
        ("the right one", &[]),
    ]);
}

#[test]
fn years_and_counts() {
    check(&[
        ("It was founded in 2009 with 1500 troops.", &["1500 = cardinal 1500"]),
        ("more than 1500 people", &["more than 1500 = cardinal 1500 (more_than)"]),
        ("The 2020 election was close.", &[]),
        ("2000 people marched.", &["2000 = cardinal 2000"]),
        ("below 2005 levels", &[]),
        ("from 2010 to 2015", &[]),
        ("between 2000 and 3000 people", &["between 2000 and 3000 = cardinal 2000..3000"]),
        ("The Dow passed 30,000.", &["30,000 = cardinal 30000"]),
        ("It has 2,015 members.", &["2,015 = cardinal 2015"]),
        ("in 2006 95% of them", &["95% = percent 95"]),
    ]);
}

#[test]
fn news_sentences() {
    check(&[
        (
            "Shares of Acme Corp. fell 4.5% to $12.30 on Tuesday, wiping out about $1.2 billion in market value.",
            &[
                "4.5% = percent 4.5",
                "$12.30 = money 12.3 USD",
                "about $1.2 billion = money 1200000000 USD (approximately)",
            ],
        ),
        (
            "The 42-year-old chief executive, who joined in 2019, said two thirds of the 1,200 job cuts would fall in Europe.",
            &[
                "42-year-old = quantity 42 year",
                "two thirds = cardinal 0.6666666666666666666666666667",
                "1,200 = cardinal 1200",
            ],
        ),
        (
            "Officials said at least 14 people were killed and more than 50 injured when the 7.1-magnitude quake struck.",
            &["at least 14 = cardinal 14 (at_least)", "more than 50 = cardinal 50 (more_than)", "7.1 = cardinal 7.1"],
        ),
        (
            "The company expects revenue of between $5 billion and $5.5 billion for the third quarter.",
            &["between $5 billion and $5.5 billion = money 5000000000..5500000000 USD"],
        ),
        (
            "Inflation slowed to 3.2 per cent in March from 4 per cent a year earlier, the lowest in two years.",
            &["3.2 per cent = percent 3.2", "4 per cent = percent 4", "two years = quantity 2 year"],
        ),
        (
            "Temperatures could reach 40C in parts of Spain, with winds of up to 100 km/h.",
            &["40C = quantity 40 celsius", "up to 100 km/h = quantity 100 kilometer per hour (up_to)"],
        ),
        (
            "The bill would give states and cities $60 billion and install 500 million solar panels by 2020.",
            &["$60 billion = money 60000000000 USD", "500 million = cardinal 500000000"],
        ),
        (
            "Clinton beats Trump by 46 percent to 42 percent, according to the poll of 600 respondents.",
            &["46 percent = percent 46", "42 percent = percent 42", "600 = cardinal 600"],
        ),
        (
            "He was sentenced to 18 months and fined £15,000, nearly twice what prosecutors sought.",
            &["18 months = quantity 18 month", "£15,000 = money 15000 GBP"],
        ),
        ("a poll showed a mere one-point difference", &["one = cardinal 1"]),
        ("Carson beat Clinton by just one point.", &["one = cardinal 1"]),
        ("I had to do one day a week of service.", &["one day = quantity 1 day"]),
        ("There's only one: Trump.", &["one = cardinal 1"]),
        ("Gold rose to $2,000 an ounce.", &["$2,000 = money 2000 USD"]),
        (
            "The deal values the firm at €1.2bn ($1.3bn).",
            &["€1.2bn = money 1200000000 EUR", "$1.3bn = money 1300000000 USD"],
        ),
        ("Crutcher, 40, was a father of four.", &["40 = cardinal 40", "four = cardinal 4"]),
        ("The plane, a Boeing 787 with 298 passengers, landed safely at 4:45 p.m.", &["298 = cardinal 298"]),
        (
            "Netflix gained 8.8 million subscribers, beating the 6.1 million analysts expected.",
            &["8.8 million = cardinal 8800000", "6.1 million = cardinal 6100000"],
        ),
        (
            "Oil rose 60 cents to close at 66.80 dollars per barrel.",
            &["60 cents = money 0.6 USD", "66.80 dollars = money 66.8 USD"],
        ),
        (
            "The measure passed 52-48 after a 12-hour debate.",
            &["52-48 = cardinal 52 score", "12-hour = quantity 12 hour"],
        ),
        (
            "About a dozen people demonstrated outside the 2,000-seat hall.",
            &["About a dozen = cardinal 12 (approximately)", "2,000 = cardinal 2000"],
        ),
    ]);
}

#[test]
fn exact_values_and_bounds() {
    check(&[
        ("1.1 billion", &["1.1 billion = cardinal 1100000000"]),
        ("0.1 million", &["0.1 million = cardinal 100000"]),
        ("$0.30", &["$0.30 = money 0.3 USD"]),
        ("a million million", &["a million million = cardinal 1000000000000"]),
        (
            "a million million million million million",
            &["a million million million million = cardinal 1000000000000000000000000"],
        ),
        ("99999999999999999999999999999999 stars", &[]),
        ("1e99", &[]),
        ("2^100", &[]),
    ]);
}
