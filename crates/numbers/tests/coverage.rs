//! Table-driven cases for the constructs each kind of number is written in,
//! family by family: the world's currencies by name, symbol and code,
//! every unit family, ages in every phrasing, temperatures, ranges and
//! bounds in their English phrasings. The sentences are written for these
//! tests (news-like, none copied from gold data); each family also lists
//! look-alikes that must stay what they are.
//!
//! Each expected number renders as `<covered text> = <kind> <value>[ unit][
//! (qualifier)]`; a range's value is `min..max`.

mod common;

use common::check;

#[test]
fn currencies_by_name_and_nationality() {
    check(&[
        ("Lagos fined the bank 50,000 naira.", &["50,000 naira = money 50000 NGN"]),
        (
            "A litre of petrol costs 617 Nigerian naira.",
            &["A litre = quantity 1 liter", "617 Nigerian naira = money 617 NGN"],
        ),
        ("The mine was sold for 3 billion rand.", &["3 billion rand = money 3000000000 ZAR"]),
        ("Kuwait lent 20 million Kuwaiti dinars.", &["20 million Kuwaiti dinars = money 20000000 KWD"]),
        ("The bonus was 30,000 Swedish kronor.", &["30,000 Swedish kronor = money 30000 SEK"]),
        ("Fares rose to 25 Mexican pesos.", &["25 Mexican pesos = money 25 MXN"]),
        ("Petrobras paid 1.5 billion reais.", &["1.5 billion reais = money 1500000000 BRL"]),
        ("The villa sold for 2 million Turkish lira.", &["2 million Turkish lira = money 2000000 TRY"]),
        ("Regulators fined the chaebol 10 billion won.", &["10 billion won = money 10000000000 KRW"]),
        ("The toll road cost 5 trillion rupiah.", &["5 trillion rupiah = money 5000000000000 IDR"]),
        ("Street food sells for 40,000 dong a bowl.", &["40,000 dong = money 40000 VND"]),
        ("The fine was 5,000 shekels.", &["5,000 shekels = money 5000 ILS"]),
        ("Rents average 3,000 Polish zloty.", &["3,000 Polish zloty = money 3000 PLN"]),
        ("The bill came to 20,000 Hungarian forints.", &["20,000 Hungarian forints = money 20000 HUF"]),
        ("Pensions rose to 3,000 Ukrainian hryvnias.", &["3,000 Ukrainian hryvnias = money 3000 UAH"]),
        ("Loans reached 500 million Ghanaian cedis.", &["500 million Ghanaian cedis = money 500000000 GHS"]),
        ("A bag of teff costs 5,000 Ethiopian birr.", &["5,000 Ethiopian birr = money 5000 ETB"]),
        ("The fine was 20,000 Bangladeshi taka.", &["20,000 Bangladeshi taka = money 20000 BDT"]),
        ("The state paid 4 million Romanian lei.", &["4 million Romanian lei = money 4000000 RON"]),
        ("A loaf costs 2 Bulgarian leva.", &["2 Bulgarian leva = money 2 BGN"]),
        ("Visas cost 10 Georgian lari.", &["10 Georgian lari = money 10 GEL"]),
        ("The fee was 500 Kazakh tenge.", &["500 Kazakh tenge = money 500 KZT"]),
        ("Wages start at 3,000 Uzbek som.", &["3,000 Uzbek som = money 3000 UZS"]),
        ("Tickets cost 15 Armenian drams.", &["15 Armenian drams = money 15 AMD"]),
        ("Fuel costs 2 million Zambian kwacha.", &["2 million Zambian kwacha = money 2000000 ZMW"]),
        ("The loan was 1,000 Afghan afghanis.", &["1,000 Afghan afghanis = money 1000 AFN"]),
        ("Rice costs 800 Myanmar kyat.", &["800 Myanmar kyat = money 800 MMK"]),
        ("A taxi costs 300 Costa Rican colones.", &["300 Costa Rican colones = money 300 CRC"]),
        ("Guatemala set aside 2 billion quetzales.", &["2 billion quetzales = money 2000000000 GTQ"]),
        (
            "It raised 500 million Trinidad and Tobago dollars.",
            &["500 million Trinidad and Tobago dollars = money 500000000 TTD"],
        ),
        ("The airline lost 90 million Fijian dollars.", &["90 million Fijian dollars = money 90000000 FJD"]),
        ("Lebanon owes 30 trillion Lebanese pounds.", &["30 trillion Lebanese pounds = money 30000000000000 LBP"]),
        ("The aid totals 1 billion Congolese francs.", &["1 billion Congolese francs = money 1000000000 CDF"]),
        (
            "Mining royalties reached 2 billion West African CFA francs.",
            &["2 billion West African CFA francs = money 2000000000 XOF"],
        ),
        (
            "The budget of 80 billion Algerian dinars was approved.",
            &["80 billion Algerian dinars = money 80000000000 DZD"],
        ),
        ("Bread costs 30 Mauritian rupees.", &["30 Mauritian rupees = money 30 MUR"]),
        ("Sales reached 20 million Danish crowns.", &["20 million Danish crowns = money 20000000 DKK"]),
        ("It was worth 2,000 Saudi riyals.", &["2,000 Saudi riyals = money 2000 SAR"]),
        // A nationality the table does not pair with the currency: the name decides.
        ("Smugglers carried 5,000 Transnistrian rubles.", &["5,000 Transnistrian rubles = money 5000 RUB"]),
        // A sentence may end after the currency name.
        ("It rose to 30 Canadian dollars. Teck declined to comment.", &["30 Canadian dollars = money 30 CAD"]),
        ("The firm bought 2.5 bitcoin.", &["2.5 bitcoin = money 2.5 BTC"]),
        ("One ethereum trades at 4,000 dollars.", &["One ethereum = money 1 ETH", "4,000 dollars = money 4000 USD"]),
        ("The mine was valued at R5 million.", &["R5 million = money 5000000 ZAR"]),
        ("The model R1 beat o1 on 5 tests.", &["5 = cardinal 5"]),
    ]);
}

#[test]
fn currencies_by_symbol_code_and_subunit() {
    check(&[
        ("The loan was ₦5 billion.", &["₦5 billion = money 5000000000 NGN"]),
        ("It is valued at NT$3 billion.", &["NT$3 billion = money 3000000000 TWD"]),
        ("The deal is worth S$200 million.", &["S$200 million = money 200000000 SGD"]),
        ("The fare is R$ 10.", &["R$ 10 = money 10 BRL"]),
        ("He paid Rs.500 for the ticket.", &["Rs.500 = money 500 INR"]),
        ("It costs INR 5,000.", &["INR 5,000 = money 5000 INR"]),
        ("The fine is 500 TL.", &["500 TL = money 500 TRY"]),
        ("A coffee is 20 Dh in Dubai.", &["20 Dh = money 20 AED"]),
        ("Farmers earn KSh 300 a day.", &["KSh 300 = money 300 KES"]),
        ("The stamp costs 85 cents.", &["85 cents = money 0.85 USD"]),
        ("A pint costs 450 pence.", &["A pint = quantity 1 pint", "450 pence = money 4.5 GBP"]),
        ("Tea costs 50 paise.", &["50 paise = money 0.5 INR"]),
        ("Bread rose by 30 kopeks.", &["30 kopeks = money 0.3 RUB"]),
        ("A bus ticket costs 50 kobo.", &["50 kobo = money 0.5 NGN"]),
        ("It costs 5 yuan 5 jiao.", &["5 yuan = money 5 CNY", "5 jiao = money 0.5 CNY"]),
        ("He found 30 euro cents.", &["30 euro cents = money 0.3 EUR"]),
        // Look-alikes: no currency.
        ("Scan the 5 QR codes.", &["5 = cardinal 5"]),
        ("The tank's hardness was 5 DH.", &["5 = cardinal 5"]),
        ("He lives at 1908 Mt Vernon Ave.", &[]),
        ("They spent 3 days in Sofia and 2 in Lari.", &["3 days = quantity 3 day", "2 = cardinal 2"]),
    ]);
}

#[test]
fn unit_families() {
    check(&[
        // Length and area, with the spellings of tokenized and technical text.
        ("The lake is 40 fathoms deep.", &["40 fathoms = quantity 40 fathom"]),
        ("She is 5 ft 4 in.", &["5 ft = quantity 5 foot", "4 in = quantity 4 inch"]),
        ("He stands 6 ft 2 in tall.", &["6 ft = quantity 6 foot", "2 in = quantity 2 inch"]),
        ("He ran 6 ft 2 in the rain.", &["6 ft = quantity 6 foot", "2 = cardinal 2"]),
        ("The flat is 50 m2.", &["50 m2 = quantity 50 square meter"]),
        ("The reserve covers 3 km2.", &["3 km2 = quantity 3 square kilometer"]),
        ("The plot is 2,000 sq. ft.", &["2,000 sq. ft = quantity 2000 square foot"]),
        ("the 115,000 - square - foot plant", &["115,000 - square - foot = quantity 115000 square foot"]),
        ("The island covers 640 sq mi.", &["640 sq mi = quantity 640 square mile"]),
        // Volume and mass.
        ("The pool holds 500 m^3 of water.", &["500 m^3 = quantity 500 cubic meter"]),
        ("The brewery made 20 hectoliters.", &["20 hectoliters = quantity 20 hectoliter"]),
        ("The bar weighs 400 troy ounces.", &["400 troy ounces = quantity 400 troy ounce"]),
        ("The bomb had a yield of 15 kilotons.", &["15 kilotons = quantity 15 kiloton"]),
        // Speed and data.
        ("The comet travels at 30 km/s.", &["30 km/s = quantity 30 kilometer per second"]),
        ("The probe reached 100 miles per second.", &["100 miles per second = quantity 100 mile per second"]),
        ("The link offers 300 Mb/s.", &["300 Mb/s = quantity 300 megabit per second"]),
        ("The cable carries 10 Gbit/s.", &["10 Gbit/s = quantity 10 gigabit per second"]),
        ("Speeds of 5 kilobits per second were common.", &["5 kilobits per second = quantity 5 kilobit per second"]),
        ("Drives of 20 TB ship next year.", &["20 TB = quantity 20 terabyte"]),
        // Pressure, rotation, energy.
        ("Tyres should be at 32 psi.", &["32 psi = quantity 32 pound per square inch"]),
        ("Pressure fell to 950 millibars.", &["950 millibars = quantity 950 millibar"]),
        ("The reading was 1013 hPa.", &["1013 hPa = quantity 1013 hectopascal"]),
        ("The engine idles at 800 rpm.", &["800 rpm = quantity 800 revolution per minute"]),
        ("The phone has a 4,000 mAh battery.", &["4,000 mAh = quantity 4000 milliampere hour"]),
        ("The fuse is rated 13 amps.", &["13 amps = quantity 13 ampere"]),
        // Look-alikes.
        ("Deals of 300,000 dwt were signed.", &["300,000 = cardinal 300000"]),
        ("He was 5 Pascal points ahead.", &["5 = cardinal 5"]),
    ]);
}

#[test]
fn ages() {
    check(&[
        ("The baby is a year old.", &["a year old = quantity 1 year"]),
        ("The shop is barely a week old.", &["a week old = quantity 1 week"]),
        ("The patient is 45 yrs old.", &["45 yrs old = quantity 45 year"]),
        ("a 23 years-old student", &["23 years-old = quantity 23 year"]),
        ("the 17-yr-old suspect", &["17-yr-old = quantity 17 year"]),
        ("The infant was 6 months of age.", &["6 months of age = quantity 6 month"]),
        ("a 9 - month - old boy", &["9 - month - old = quantity 9 month"]),
        ("The calf was just 3 days old.", &["3 days old = quantity 3 day"]),
        ("The 80 y.o. patient", &["80 y.o. = quantity 80 year"]),
        ("Voters aged 18 to 24 stayed home.", &["aged 18 to 24 = quantity 18..24 year"]),
        ("He died at the age of 87.", &["87 = quantity 87 year"]),
        ("A two-year-old girl drowned.", &["two-year-old = quantity 2 year"]),
        ("a five-week-old kitten", &["five-week-old = quantity 5 week"]),
        ("The house is more than 300 years old.", &["more than 300 years old = quantity 300 year (more_than)"]),
    ]);
}

#[test]
fn temperatures() {
    check(&[
        ("Temperatures reached 40C in Seville.", &["40C = quantity 40 celsius"]),
        ("The mercury rose to 38.5C on Friday.", &["38.5C = quantity 38.5 celsius"]),
        ("Phoenix sweltered at 118F.", &["118F = quantity 118 fahrenheit"]),
        (
            "Brass melts at just under 2000F, a yellow heat.",
            &["just under 2000F = quantity 2000 fahrenheit (less_than)"],
        ),
        ("Temperatures dropped to -20°C overnight.", &["-20°C = quantity -20 celsius"]),
        ("The thermometer read 98.6 °F.", &["98.6 °F = quantity 98.6 fahrenheit"]),
        ("The water was 4 degrees centigrade.", &["4 degrees centigrade = quantity 4 celsius"]),
        ("The reactor runs at 300 kelvin.", &["300 kelvin = quantity 300 kelvin"]),
        // Glued letters without weather words are codes.
        ("He bought the iPhone 5C and filed Form 13F.", &[]),
        ("She sat in row 12F.", &[]),
    ]);
}

#[test]
fn ranges_and_bounds() {
    check(&[
        ("The number surpassed 100.", &["surpassed 100 = cardinal 100 (more_than)"]),
        (
            "It is bigger than 100 and no bigger than 200.",
            &["bigger than 100 and no bigger than 200 = cardinal 100..200"],
        ),
        ("The figure is smaller than or equal to 30.", &["smaller than or equal to 30 = cardinal 30 (at_most)"]),
        ("The figure is bigger than or equal to 20.", &["bigger than or equal to 20 = cardinal 20 (at_least)"]),
        ("It is no lower than 5.", &["no lower than 5 = cardinal 5 (at_least)"]),
        ("The value is 20 and more.", &["20 and more = cardinal 20 (at_least)"]),
        ("The group hired 30 and more importantly kept them.", &["30 = cardinal 30"]),
        ("The crowd was 300 at most.", &["300 at most = cardinal 300 (at_most)"]),
        ("He scored 3 at least twice.", &["3 = cardinal 3"]),
        ("Some 250,000 or so Iowans vote.", &["Some 250,000 or so = cardinal 250000 (approximately)"]),
        ("Emissions fell only 23 percent or so.", &["23 percent or so = percent 23 (approximately)"]),
        ("Finishes ranged from second to fifth place.", &["from second to fifth = ordinal 2..5"]),
        ("Pupils from the third to the eighth grade", &["from the third to the eighth = ordinal 3..8"]),
        ("The first to arrive was the fifth to leave.", &["first = ordinal 1", "fifth = ordinal 5"]),
        ("The population grows by 1 to 2 percent a year.", &["1 to 2 percent = percent 1..2"]),
        ("Shares rose 5% to 10% of the market.", &["5% = percent 5", "10% = percent 10"]),
        ("The rate rose from 5 to 10 percent.", &["5 = cardinal 5", "10 percent = percent 10"]),
        ("It cost 3 and 1/2 dollars.", &["3 and 1/2 dollars = money 3.5 USD"]),
        ("They raised three quarter million dollars.", &["three quarter million dollars = money 750000 USD"]),
        ("Rates rose a third of a percent.", &["a third of a percent = percent 0.3333333333333333333333333333"]),
    ]);
}

#[test]
fn pronoun_one_and_other_look_alikes() {
    check(&[
        ("For one, the senator remains unconvinced.", &[]),
        ("The network, for one, replayed the speech.", &[]),
        ("I think that's a very significant one, said the mayor.", &[]),
        ("The alliance is a pretty straightforward one.", &[]),
        ("Leaders in each chamber choose one.", &["one = cardinal 1"]),
        ("That was strike one.", &["one = cardinal 1"]),
        ("There were not one, but two, mailings.", &["one = cardinal 1", "two = cardinal 2"]),
        ("Police received 911 calls about the shooting.", &[]),
        ("The fire killed 911 people.", &["911 = cardinal 911"]),
        ("The debt hit $1.5T last year.", &["$1.5T = money 1500000000000 USD"]),
        ("The value can't exceed 3000.", &["exceed 3000 = cardinal 3000 (at_most)"]),
        ("Sales exceeded 3000 units.", &["exceeded 3000 = cardinal 3000 (more_than)"]),
        ("Prices fell to as low as $65.", &["as low as $65 = money 65 USD (at_least)"]),
        ("Turnout is north of 65 million.", &["north of 65 million = cardinal 65000000 (more_than)"]),
        ("The 45-year-olds were questioned.", &["45-year-olds = quantity 45 year"]),
        ("He paid with a five-pound note.", &["five-pound = money 5 GBP"]),
        ("He works for a dollar store in Seoul.", &[]),
        ("The fund is a $2.5 billion-plus vehicle.", &["$2.5 billion-plus = money 2500000000 USD (at_least)"]),
        ("It costs $100 plus tax.", &["$100 = money 100 USD"]),
        ("He has 3 pounds and 20 pence.", &["3 pounds and 20 pence = money 3.2 GBP"]),
        ("It is 50 US cents.", &["50 US cents = money 0.5 USD"]),
        ("He passed 3 CFA exams.", &["3 = cardinal 3"]),
        ("Its country-first appeals worked.", &[]),
        ("Over the past seven-and-a-half years it grew.", &["seven-and-a-half years = quantity 7.5 year"]),
        ("They built a four-and-a-half-acre park.", &["four-and-a-half-acre = quantity 4.5 acre"]),
    ]);
}
