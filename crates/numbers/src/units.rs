//! What may follow (or precede) a number and says what it measures:
//! percent signs and words, currencies (symbols, ISO 4217 codes, names with
//! their subunits), and units of length, mass, area, volume, temperature,
//! speed, time, data, energy and angle, each with the full English name the
//! output uses (`km` → `kilometer`).
//!
//! Lookups run only next to a number, so the table favours clarity: one
//! map from a phrase's first word to its phrases, longest tried first.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::currencies::{ISO_4217, WORD_CODES, name_is_read};
use crate::text::{Lower, hyphen_len, is_alnum, is_alpha, skip_spaces, space_len};

/// A currency: the configured default dollar, or an ISO 4217 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Code {
    /// `$`, `dollars`, `bucks`: the `dollar` option (USD by default).
    Dollar,
    /// A specific currency.
    Iso(&'static str),
}

/// How many main units one named unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Factor {
    /// One main unit.
    One,
    /// A hundredth: cents, pence, sen.
    Hundredth,
    /// 10^-8 bitcoin.
    Satoshi,
    /// Five cents.
    Nickel,
    /// Ten cents.
    Dime,
    /// A thousand (`grand`).
    Thousand,
}

/// The kind of physical quantity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dim {
    Length,
    Mass,
    Area,
    Volume,
    Temperature,
    Speed,
    Duration,
    Data,
    Energy,
    Angle,
    Other,
}

/// What a unit phrase means.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Meaning {
    /// `%`, `percent`, `per cent`.
    Percent,
    /// `percentage points`.
    PercentagePoint,
    /// Money in `code`, `factor` main units per unit written.
    Money(Code, Factor),
    /// A physical quantity with its unit's full name.
    Quantity(&'static str, Dim),
    /// `pounds`: money or mass, decided by context.
    Pound,
    /// `degrees` without a scale: temperature or angle, decided by context.
    Degree,
    /// A scale letter after digits: `10 k`, `1,674,200.5 M`.
    Scale(u8),
    /// `am`, `pm`, `o'clock`: a time of day.
    Time,
    /// `yo`, `y/o`: an age in years.
    Age,
}

/// A unit found next to a number.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct UnitMatch {
    /// One past its last byte.
    pub(crate) end: usize,
    /// What it means.
    pub(crate) meaning: Meaning,
    /// A scale written inside the unit: `MUSD` (million US dollars).
    pub(crate) scale: Option<u8>,
}

/// Where a phrase may stand.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Place {
    /// Glued to the number or after a space (or hyphen, for words).
    Any,
    /// Only glued to the number: `50p`, `12pc`, `24h`, `5W`.
    Glued,
    /// Only when the clause ends after it: `10 k`, `1.2 M`.
    End,
}

/// One phrase of the table.
#[derive(Debug)]
struct Phrase {
    /// Lower-case words after the first.
    rest: Vec<Box<str>>,
    /// When set, the first word must be written exactly so (case matters:
    /// `MB` megabyte, `Mb` megabit, `M` million).
    exact: Option<Box<str>>,
    meaning: Meaning,
    place: Place,
    /// An abbreviation: a following `.` belongs to it (`50 deg.`, `6 lbs.`).
    abbr: bool,
    /// A symbol: may be glued to the number (`5km`), takes no dot.
    symbol: bool,
}

/// The phrase table, by lower-cased first word.
#[derive(Debug)]
struct Table {
    by_first: HashMap<Box<str>, Vec<Phrase>>,
}

use Dim::*;
use Meaning::{Percent, PercentagePoint, Quantity as Q};

const fn money(code: &'static str) -> Meaning {
    Meaning::Money(Code::Iso(code), Factor::One)
}

const DOLLAR: Meaning = Meaning::Money(Code::Dollar, Factor::One);

/// `(phrases separated by |, meaning)`; a phrase starting with `=` is
/// case-sensitive on its first word, `~` marks an abbreviation (may be
/// glued to the number, takes a following dot: `6 lbs.`), `#` a symbol (may
/// be glued, takes no dot: `20 kg.` ends a sentence), `^` glued-only and
/// `$` end-only. Other phrases are words and need a space (`2 days`).
const PHRASES: &[(&str, Meaning)] = &[
    // Percentages.
    ("percent|percents|per cent|per cents|per centum|pct|~pct.|^pc", Percent),
    ("percentage point|percentage points|=pp|=ppt|=ppts", PercentagePoint),
    ("basis point|basis points|=bp|=bps", Q("basis point", Other)),
    // Dollars and their kin.
    ("dollar|dollars|buck|bucks|greenback|greenbacks", DOLLAR),
    ("us dollar|us dollars|american dollar|american dollars|usd|=USD", money("USD")),
    ("canadian dollar|canadian dollars|=CAD|cad", money("CAD")),
    ("australian dollar|australian dollars|aussie dollar|aussie dollars|=AUD|aud", money("AUD")),
    ("new zealand dollar|new zealand dollars|nz dollar|nz dollars|kiwi dollar|kiwi dollars|=NZD|nzd", money("NZD")),
    ("hong kong dollar|hong kong dollars|hk dollar|hk dollars|=HKD|hkd", money("HKD")),
    ("singapore dollar|singapore dollars|=SGD|sgd", money("SGD")),
    ("taiwan dollar|taiwan dollars|new taiwan dollar|new taiwan dollars|=TWD", money("TWD")),
    ("zimbabwe dollar|zimbabwe dollars|zimbabwean dollar|zimbabwean dollars", money("ZWL")),
    ("jamaican dollar|jamaican dollars|=JMD", money("JMD")),
    ("grand", Meaning::Money(Code::Dollar, Factor::Thousand)),
    ("cent|cents|^c|$c|=¢", Meaning::Money(Code::Dollar, Factor::Hundredth)),
    ("nickel|nickels", Meaning::Money(Code::Dollar, Factor::Nickel)),
    ("dime|dimes", Meaning::Money(Code::Dollar, Factor::Dime)),
    // Pounds: money or mass (see `Meaning::Pound`).
    ("pound|pounds", Meaning::Pound),
    ("pound sterling|pounds sterling|sterling|british pound|british pounds|quid|=GBP|gbp|=STG", money("GBP")),
    ("penny|pennies|pence|^p", Meaning::Money(Code::Iso("GBP"), Factor::Hundredth)),
    (
        "egyptian pound|egyptian pounds|egyptianpound|egyptianpounds|=LE|le|~l.e|geneh|genihat masriya|=EGP|egp",
        money("EGP"),
    ),
    ("lebanese pound|lebanese pounds|=LBP", money("LBP")),
    ("syrian pound|syrian pounds|=SYP", money("SYP")),
    ("sudanese pound|sudanese pounds|=SDG", money("SDG")),
    ("south sudanese pound|south sudanese pounds|=SSP", money("SSP")),
    // Europe.
    ("euro|euros|eur|=EUR|=€ur", money("EUR")),
    ("centime|centimes|euro cent|euro cents", Meaning::Money(Code::Iso("EUR"), Factor::Hundredth)),
    ("franc|francs|swiss franc|swiss francs|=CHF|chf|=SFr|sfr", money("CHF")),
    ("french franc|french francs|=FRF", money("FRF")),
    ("belgian franc|belgian francs|=BEF", money("BEF")),
    ("cfa franc|cfa francs|=XOF", money("XOF")),
    ("=XAF", money("XAF")),
    ("guilder|guilders|dutch guilder|dutch guilders|netherlands guilder|netherlands guilders|=NLG", money("NLG")),
    ("deutsche mark|deutsche marks|deutschmark|deutschmarks|german mark|german marks|=DEM", money("DEM")),
    ("peseta|pesetas|=ESP", money("ESP")),
    ("markka|markkaa|finnish markka|=FIM", money("FIM")),
    ("lira|liras|lire|turkish lira|turkish liras|=TRY", money("TRY")),
    ("italian lira|italian lire|=ITL", money("ITL")),
    ("irish punt|irish punts|=IEP", money("IEP")),
    ("escudo|escudos|=PTE", money("PTE")),
    ("drachma|drachmas|drachmae|=GRD", money("GRD")),
    ("ruble|rubles|rouble|roubles|russian ruble|russian rubles|russian rouble|russian roubles|=RUB|rub", money("RUB")),
    ("kopek|kopeks|kopeck|kopecks", Meaning::Money(Code::Iso("RUB"), Factor::Hundredth)),
    ("hryvnia|hryvnias|hryvnya|hryvnyas|=UAH|uah", money("UAH")),
    ("kopiyka|kopiykas|kopiyok", Meaning::Money(Code::Iso("UAH"), Factor::Hundredth)),
    ("zloty|zlotys|zlotych|=PLN|pln", money("PLN")),
    ("forint|forints|=HUF|huf", money("HUF")),
    ("koruna|korunas|koruny|czech koruna|czech korunas|=CZK|czk", money("CZK")),
    ("krona|kronor|swedish krona|swedish kronor|=SEK|sek", money("SEK")),
    ("krone|kroner|norwegian krone|norwegian kroner|=NOK|nok", money("NOK")),
    ("danish krone|danish kroner|=DKK|dkk", money("DKK")),
    ("icelandic krona|icelandic kronur|=ISK", money("ISK")),
    ("lev|leva|=BGN|bgn", money("BGN")),
    ("leu|=RON", money("RON")),
    ("kuna|kunas|=HRK", money("HRK")),
    // Asia and the Middle East.
    ("yen|japanese yen|=JPY|jpy", money("JPY")),
    ("yuan|renminbi|chinese yuan|=RMB|rmb|=CNY|cny", money("CNY")),
    ("rupee|rupees|indian rupee|indian rupees|=INR|inr|=Rs|~rs", money("INR")),
    ("paisa|paise", Meaning::Money(Code::Iso("INR"), Factor::Hundredth)),
    ("pakistani rupee|pakistani rupees|=PKR|pkr", money("PKR")),
    ("sri lankan rupee|sri lankan rupees|=LKR|lkr", money("LKR")),
    ("nepalese rupee|nepalese rupees|nepali rupee|nepali rupees|=NPR", money("NPR")),
    ("rupiah|rupiahs|indonesian rupiah|=IDR|idr", money("IDR")),
    (
        "ringgit|ringgits|malaysian ringgit|malaysian ringgits|malaysia ringgit|malaysia ringgits|=RM|=MYR|myr",
        money("MYR"),
    ),
    ("sen|sens", Meaning::Money(Code::Iso("MYR"), Factor::Hundredth)),
    ("baht|thai baht|=THB|thb", money("THB")),
    ("won|korean won|south korean won|=KRW|krw", money("KRW")),
    ("dong|vietnamese dong|=VND", money("VND")),
    ("philippine peso|philippine pesos|=PHP", money("PHP")),
    ("taka|=BDT", money("BDT")),
    ("tugrik|tugriks|tughrik|tughriks|=MNT|mnt", money("MNT")),
    ("kip|=LAK|lak", money("LAK")),
    ("tenge|=KZT", money("KZT")),
    ("shekel|shekels|sheqel|sheqels|new shekel|new shekels|=ILS|ils|=NIS|nis", money("ILS")),
    ("dinar|dinars|iraqi dinar|iraqi dinars|=IQD", money("IQD")),
    ("kuwaiti dinar|kuwaiti dinars|=KWD|kwd", money("KWD")),
    ("bahraini dinar|bahraini dinars|=BHD", money("BHD")),
    ("jordanian dinar|jordanian dinars|=JOD", money("JOD")),
    ("libyan dinar|libyan dinars|=LYD", money("LYD")),
    ("serbian dinar|serbian dinars|=RSD", money("RSD")),
    ("tunisian dinar|tunisian dinars|=TND", money("TND")),
    ("algerian dinar|algerian dinars|=DZD", money("DZD")),
    ("riyal|riyals|saudi riyal|saudi riyals|saudiriyal|saudiriyals|=SAR|sar", money("SAR")),
    ("qatari riyal|qatari riyals|qatari rial|qatari rials|=QAR|qar", money("QAR")),
    ("omani rial|omani rials|=OMR", money("OMR")),
    ("yemeni rial|yemeni rials|=YER", money("YER")),
    ("rial|rials|iranian rial|iranian rials|=IRR", money("IRR")),
    ("dirham|dirhams|uae dirham|uae dirhams|emirati dirham|emirati dirhams|=AED|aed", money("AED")),
    ("moroccan dirham|moroccan dirhams|=MAD", money("MAD")),
    // Africa and the Americas.
    ("rand|rands|south african rand|=ZAR|zar", money("ZAR")),
    ("naira|=NGN", money("NGN")),
    ("shilling|shillings|kenyan shilling|kenyan shillings|=KES", money("KES")),
    ("ugandan shilling|ugandan shillings|=UGX", money("UGX")),
    ("tanzanian shilling|tanzanian shillings|=TZS", money("TZS")),
    ("cedi|cedis|=GHS", money("GHS")),
    ("birr|=ETB", money("ETB")),
    ("kwacha|=ZMW", money("ZMW")),
    ("peso|pesos|mexican peso|mexican pesos|=MXN|mxn", money("MXN")),
    ("centavo|centavos", Meaning::Money(Code::Iso("MXN"), Factor::Hundredth)),
    ("argentine peso|argentine pesos|argentinian peso|argentinian pesos|=ARS", money("ARS")),
    ("colombian peso|colombian pesos|=COP", money("COP")),
    ("chilean peso|chilean pesos|=CLP", money("CLP")),
    ("reais|brazilian real|brazilian reais|brazilian reals|=BRL|brl", money("BRL")),
    ("sol|soles|peruvian sol|peruvian soles|=PEN", money("PEN")),
    ("bolivar|bolivars|bolivares|=VES", money("VES")),
    // Crypto.
    ("bitcoin|bitcoins|=BTC|btc|=XBT|xbt", money("BTC")),
    ("satoshi|satoshis|sats", Meaning::Money(Code::Iso("BTC"), Factor::Satoshi)),
    ("ether|=ETH", money("ETH")),
    // Length.
    ("=#mm|millimeter|millimeters|millimetre|millimetres", Q("millimeter", Length)),
    ("=MM|=mln", Meaning::Scale(6)),
    ("#cm|centimeter|centimeters|centimetre|centimetres", Q("centimeter", Length)),
    ("=m|meter|meters|metre|metres", Q("meter", Length)),
    ("#km|#kms|kilometer|kilometers|kilometre|kilometres", Q("kilometer", Length)),
    ("#dm|decimeter|decimeters|decimetre|decimetres", Q("decimeter", Length)),
    ("=µm|=μm|micrometer|micrometers|micrometre|micrometres|micron|microns", Q("micrometer", Length)),
    ("#nm|nanometer|nanometers|nanometre|nanometres", Q("nanometer", Length)),
    ("picometer|picometers|picometre|picometres", Q("picometer", Length)),
    ("~ft|foot|feet", Q("foot", Length)),
    ("inch|inches", Q("inch", Length)),
    ("yard|yards|~yd|~yds", Q("yard", Length)),
    ("mile|miles|=mi", Q("mile", Length)),
    ("nautical mile|nautical miles|~nmi", Q("nautical mile", Length)),
    ("light year|light years|light-year|light-years|lightyear|lightyears", Q("light year", Length)),
    // Mass.
    ("#mg|milligram|milligrams|milligramme|milligrammes", Q("milligram", Mass)),
    ("=g|#gs|~gm|~gms|gram|grams|gramme|grammes", Q("gram", Mass)),
    ("#kg|#kgs|kilo|kilos|kilogram|kilograms|kilogramme|kilogrammes", Q("kilogram", Mass)),
    ("=µg|=μg|#mcg|microgram|micrograms", Q("microgram", Mass)),
    ("tonne|tonnes|metric ton|metric tons|metric tonne|metric tonnes|=t", Q("metric ton", Mass)),
    ("ton|tons|short ton|short tons", Q("ton", Mass)),
    ("~lb|~lbs", Q("pound", Mass)),
    ("~oz|ounce|ounces", Q("ounce", Mass)),
    ("stone", Q("stone", Mass)),
    ("carat|carats", Q("carat", Mass)),
    // Area.
    ("acre|acres", Q("acre", Area)),
    ("hectare|hectares|=ha", Q("hectare", Area)),
    ("square meter|square meters|square metre|square metres|sq m|~sqm|#m²", Q("square meter", Area)),
    (
        "square kilometer|square kilometers|square kilometre|square kilometres|sq km|#sqkm|#km²",
        Q("square kilometer", Area),
    ),
    ("square mile|square miles|sq mi|sq miles", Q("square mile", Area)),
    ("square foot|square feet|sq ft|#sqft|#ft²", Q("square foot", Area)),
    ("square yard|square yards|sq yd", Q("square yard", Area)),
    ("square inch|square inches|sq in", Q("square inch", Area)),
    (
        "square centimeter|square centimeters|square centimetre|square centimetres|sq cm|~cm²",
        Q("square centimeter", Area),
    ),
    // Volume.
    ("#ml|=mL|milliliter|milliliters|millilitre|millilitres", Q("milliliter", Volume)),
    ("#cl|centiliter|centiliters|centilitre|centilitres", Q("centiliter", Volume)),
    ("=L|=l|liter|liters|litre|litres|~ltr", Q("liter", Volume)),
    ("gallon|gallons|~gal", Q("gallon", Volume)),
    ("barrel|barrels|~bbl|~bbls", Q("barrel", Volume)),
    ("cubic meter|cubic meters|cubic metre|cubic metres|#m³", Q("cubic meter", Volume)),
    ("cubic foot|cubic feet|cu ft|#ft³", Q("cubic foot", Volume)),
    ("cubic centimeter|cubic centimeters|cubic centimetre|cubic centimetres|#cc|#cm³", Q("cubic centimeter", Volume)),
    ("cubic inch|cubic inches", Q("cubic inch", Volume)),
    ("cubic yard|cubic yards", Q("cubic yard", Volume)),
    ("cubic kilometer|cubic kilometers|cubic kilometre|cubic kilometres|#km³", Q("cubic kilometer", Volume)),
    ("pint|pints", Q("pint", Volume)),
    ("quart|quarts|~qt", Q("quart", Volume)),
    ("cup|cups", Q("cup", Volume)),
    ("teaspoon|teaspoons|~tsp|~tsps", Q("teaspoon", Volume)),
    ("tablespoon|tablespoons|~tbsp|~tbsps|~tbs", Q("tablespoon", Volume)),
    ("fluid ounce|fluid ounces|fl oz|~floz", Q("fluid ounce", Volume)),
    ("bushel|bushels", Q("bushel", Volume)),
    // Temperature (bare degrees: see `Meaning::Degree`).
    ("celsius|celcius|centigrade|=°C|=ºC|=℃", Q("celsius", Temperature)),
    ("fahrenheit|farenheit|fahrenhiet|farenhiet|=°F|=ºF|=℉", Q("fahrenheit", Temperature)),
    ("kelvin|kelvins|=°K", Q("kelvin", Temperature)),
    (
        "degree celsius|degrees celsius|degree celcius|degrees celcius|degrees centigrade|degrees c|degree c|~deg c|~deg celsius|~deg celcius|=° C",
        Q("celsius", Temperature),
    ),
    (
        "degree fahrenheit|degrees fahrenheit|degrees farenheit|degrees fahrenhiet|degrees f|degree f|~deg f|~deg fahrenheit|=° F",
        Q("fahrenheit", Temperature),
    ),
    ("degrees kelvin|degree kelvin", Q("kelvin", Temperature)),
    ("degs celsius|degs c|degs centigrade|degrees centigrate|degree centigrate|centigrate", Q("celsius", Temperature)),
    ("degs fahrenheit|degs f|degree farenheit|deg farenheit|degs farenheit", Q("fahrenheit", Temperature)),
    // `70 F today`, `-5 C`: a capital alone after a number (see `unit_after`).
    ("=F", Q("fahrenheit", Temperature)),
    ("=C", Q("celsius", Temperature)),
    ("degree|degrees|~deg|~degs|=°|=º", Meaning::Degree),
    // Speed.
    ("#mph|miles per hour|miles an hour|mile per hour", Q("mile per hour", Speed)),
    (
        "#kph|#kmph|#km/h|#km/hr|#kmh|kilometers per hour|kilometres per hour|kilometers an hour|kilometres an hour|km per hour|km an hour",
        Q("kilometer per hour", Speed),
    ),
    ("#m/s|meters per second|metres per second|meter per second|metre per second", Q("meter per second", Speed)),
    ("feet per second|~ft/s", Q("foot per second", Speed)),
    ("knot|knots|=kn", Q("knot", Speed)),
    ("#mpg|miles per gallon", Q("mile per gallon", Other)),
    // Time.
    ("millisecond|milliseconds|#ms", Q("millisecond", Duration)),
    ("microsecond|microseconds", Q("microsecond", Duration)),
    ("nanosecond|nanoseconds", Q("nanosecond", Duration)),
    ("second|seconds|~sec|~secs", Q("second", Duration)),
    ("minute|minutes|~min|~mins", Q("minute", Duration)),
    ("hour|hours|~hr|~hrs|^h", Q("hour", Duration)),
    ("day|days", Q("day", Duration)),
    ("week|weeks|~wk|~wks", Q("week", Duration)),
    ("fortnight|fortnights", Q("fortnight", Duration)),
    ("month|months", Q("month", Duration)),
    ("year|years|~yr|~yrs", Q("year", Duration)),
    ("decade|decades", Q("decade", Duration)),
    ("century|centuries", Q("century", Duration)),
    ("millennium|millennia|millenniums", Q("millennium", Duration)),
    // Data.
    ("bit|bits", Q("bit", Data)),
    ("byte|bytes", Q("byte", Data)),
    ("=kb|=KB|=kB|kilobyte|kilobytes", Q("kilobyte", Data)),
    ("=mb|=Mb|megabit|megabits", Q("megabit", Data)),
    ("=MB|megabyte|megabytes", Q("megabyte", Data)),
    ("=GB|=gb|gigabyte|gigabytes", Q("gigabyte", Data)),
    ("=Gb|gigabit|gigabits", Q("gigabit", Data)),
    ("=TB|=tb|terabyte|terabytes", Q("terabyte", Data)),
    ("=PB|petabyte|petabytes", Q("petabyte", Data)),
    ("=kbps|=Kbps", Q("kilobit per second", Data)),
    ("=Mbps|=mbps", Q("megabit per second", Data)),
    ("=Gbps|=gbps", Q("gigabit per second", Data)),
    // Energy and power.
    ("watt|watts|^W", Q("watt", Energy)),
    ("=kW|=kw|kilowatt|kilowatts", Q("kilowatt", Energy)),
    ("=MW|megawatt|megawatts", Q("megawatt", Energy)),
    ("=GW|gigawatt|gigawatts", Q("gigawatt", Energy)),
    ("=TW|terawatt|terawatts", Q("terawatt", Energy)),
    ("=kWh|=kwh|kilowatt hour|kilowatt hours|kilowatt-hour|kilowatt-hours", Q("kilowatt hour", Energy)),
    ("=MWh|megawatt hour|megawatt hours|megawatt-hour|megawatt-hours", Q("megawatt hour", Energy)),
    ("=GWh|gigawatt hour|gigawatt hours|gigawatt-hour|gigawatt-hours", Q("gigawatt hour", Energy)),
    ("=TWh|terawatt hour|terawatt hours|terawatt-hour|terawatt-hours", Q("terawatt hour", Energy)),
    ("horsepower|=hp|=bhp", Q("horsepower", Energy)),
    ("volt|volts|^V", Q("volt", Energy)),
    ("=kV|kilovolt|kilovolts", Q("kilovolt", Energy)),
    ("joule|joules", Q("joule", Energy)),
    ("calorie|calories|#kcal|kilocalorie|kilocalories", Q("calorie", Energy)),
    ("=Hz|hertz", Q("hertz", Other)),
    ("=kHz|kilohertz", Q("kilohertz", Other)),
    ("=MHz|megahertz", Q("megahertz", Other)),
    ("=GHz|gigahertz", Q("gigahertz", Other)),
    ("=dB|decibel|decibels", Q("decibel", Other)),
    // Angle.
    ("radian|radians|#rad", Q("radian", Angle)),
    ("turn|turns", Q("turn", Angle)),
    // Ages, times of day, scales after digits.
    ("~yo|~y/o", Meaning::Age),
    ("=am|=pm|=AM|=PM|~a.m|~p.m|=A.M|=P.M|o'clock|=o’clock", Meaning::Time),
    ("$k|$K", Meaning::Scale(3)),
    ("$M", Meaning::Scale(6)),
    ("mil|mill", Meaning::Scale(6)),
    ("$G", Meaning::Scale(9)),
];

/// Less common units of the same families, and the spellings of units
/// that tokenized or technical text uses (`km2`, `m^3`, `Mbit/s`).
const MORE_UNITS: &[(&str, Meaning)] = &[
    // Length.
    ("hectometer|hectometers|hectometre|hectometres|=hm", Q("hectometer", Length)),
    ("decameter|decameters|decametre|decametres|dekameter|dekameters", Q("decameter", Length)),
    ("kilo meter|kilo meters|kilo metre|kilo metres", Q("kilometer", Length)),
    ("fathom|fathoms", Q("fathom", Length)),
    ("furlong|furlongs", Q("furlong", Length)),
    ("astronomical unit|astronomical units", Q("astronomical unit", Length)),
    ("parsec|parsecs", Q("parsec", Length)),
    // Area.
    ("=km2|=km^2|=sq.km|sq kilometer|sq kilometers|sq kilometre|sq kilometres|sq. km", Q("square kilometer", Area)),
    ("=m2|=m^2|sq meter|sq meters|sq metre|sq metres|sq. m", Q("square meter", Area)),
    ("=cm2|=cm^2", Q("square centimeter", Area)),
    (
        "square millimeter|square millimeters|square millimetre|square millimetres|sq mm|=mm2|=mm^2|#mm²",
        Q("square millimeter", Area),
    ),
    ("=ft2|=ft^2|sq foot|sq feet|sq. ft|=sq.ft", Q("square foot", Area)),
    ("sq yard|sq yards|sq yds|=yd2", Q("square yard", Area)),
    ("sq mile|=mi2|sq. mi", Q("square mile", Area)),
    ("=in2|sq inch|sq inches", Q("square inch", Area)),
    ("square hectometer|square hectometers|square hectometre|square hectometres", Q("hectare", Area)),
    // Volume.
    ("=m3|=m^3|cu m", Q("cubic meter", Volume)),
    ("=cm3|=cm^3", Q("cubic centimeter", Volume)),
    (
        "cubic millimeter|cubic millimeters|cubic millimetre|cubic millimetres|=mm3|=mm^3|#mm³",
        Q("cubic millimeter", Volume),
    ),
    ("cubic mile|cubic miles", Q("cubic mile", Volume)),
    ("=ft3|=ft^3|=cu.ft", Q("cubic foot", Volume)),
    ("hectoliter|hectoliters|hectolitre|hectolitres|=hl|=hL", Q("hectoliter", Volume)),
    ("decaliter|decaliters|decalitre|decalitres", Q("decaliter", Volume)),
    ("deciliter|deciliters|decilitre|decilitres|=dl|=dL", Q("deciliter", Volume)),
    ("=mls", Q("milliliter", Volume)),
    ("acre foot|acre feet|acre-foot|acre-feet", Q("acre-foot", Volume)),
    // Mass.
    ("dram|drams|drachm|drachms", Q("dram", Mass)),
    ("troy ounce|troy ounces|=ozt|oz t", Q("troy ounce", Mass)),
    ("long ton|long tons", Q("long ton", Mass)),
    ("hundredweight|hundredweights|=cwt", Q("hundredweight", Mass)),
    ("kiloton|kilotons|kilotonne|kilotonnes", Q("kiloton", Mass)),
    ("megaton|megatons|megatonne|megatonnes", Q("megaton", Mass)),
    ("nanogram|nanograms|=ng", Q("nanogram", Mass)),
    ("pennyweight|pennyweights", Q("pennyweight", Mass)),
    // Speed.
    (
        "=km/s|=km/sec|kilometers per second|kilometres per second|kilometer per second|kilometre per second",
        Q("kilometer per second", Speed),
    ),
    ("kilometers/hour|kilometres/hour|kilometer/hour|kilometre/hour|km per hr", Q("kilometer per hour", Speed)),
    ("kilometers per minute|kilometres per minute|kilometer per minute|=km/min", Q("kilometer per minute", Speed)),
    ("=mi/h|miles/hour|mile/hour|=mi/hr", Q("mile per hour", Speed)),
    ("miles per second|mile per second|=mi/s", Q("mile per second", Speed)),
    ("meters/second|meter/second|metres/second|=m/sec", Q("meter per second", Speed)),
    ("centimeters per second|centimetres per second|=cm/s", Q("centimeter per second", Speed)),
    ("foot per second|foot/second|feet/second", Q("foot per second", Speed)),
    ("feet per minute|foot per minute|=ft/min", Q("foot per minute", Speed)),
    ("yards per second|yard per second", Q("yard per second", Speed)),
    ("yards per minute|yard per minute", Q("yard per minute", Speed)),
    ("knots per hour", Q("knot", Speed)),
    // Data and data rates.
    ("kilobit|kilobits|=Kb|=kbit|=Kbit", Q("kilobit", Data)),
    ("=Mbit|=mbit", Q("megabit", Data)),
    ("=Gbit|=gbit", Q("gigabit", Data)),
    ("terabit|terabits|=Tb|=Tbit", Q("terabit", Data)),
    ("petabit|petabits|=Pbit", Q("petabit", Data)),
    ("kilo byte|kilo bytes|=kbyte|=kbytes|=KiB", Q("kilobyte", Data)),
    ("mega byte|mega bytes|=mbyte|=MiB", Q("megabyte", Data)),
    ("giga byte|giga bytes|=gbyte|=GiB", Q("gigabyte", Data)),
    ("=TiB|=tbyte", Q("terabyte", Data)),
    ("exabyte|exabytes|=EB", Q("exabyte", Data)),
    ("zettabyte|zettabytes|=ZB", Q("zettabyte", Data)),
    ("=Tbps|=tbps|terabits per second|terabit per second", Q("terabit per second", Data)),
    ("kilobits per second|kilobit per second|=kb/s|=kbit/s|=Kbit/s", Q("kilobit per second", Data)),
    ("megabits per second|megabit per second|=Mb/s|=Mbit/s|=mbit/s", Q("megabit per second", Data)),
    ("gigabits per second|gigabit per second|=Gb/s|=Gbit/s|=gbit/s", Q("gigabit per second", Data)),
    ("=kB/s|=KB/s|kilobytes per second|kilobyte per second", Q("kilobyte per second", Data)),
    ("=MB/s|=MBps|megabytes per second|megabyte per second", Q("megabyte per second", Data)),
    ("=GB/s|=GBps|gigabytes per second|gigabyte per second", Q("gigabyte per second", Data)),
    // Pressure, rotation, energy and power.
    ("=psi|pounds per square inch|pound per square inch", Q("pound per square inch", Other)),
    ("=pascal|=pascals", Q("pascal", Other)),
    ("=kPa|kilopascal|kilopascals", Q("kilopascal", Other)),
    ("=hPa|hectopascal|hectopascals", Q("hectopascal", Other)),
    ("=MPa|megapascal|megapascals", Q("megapascal", Other)),
    ("=GPa|gigapascal|gigapascals", Q("gigapascal", Other)),
    ("millibar|millibars|=mbar", Q("millibar", Other)),
    ("=mmHg|millimeters of mercury|millimetres of mercury", Q("millimeter of mercury", Other)),
    ("=rpm|=RPM|revolutions per minute|revolution per minute", Q("revolution per minute", Other)),
    ("=kJ|kilojoule|kilojoules", Q("kilojoule", Energy)),
    ("=MJ|megajoule|megajoules", Q("megajoule", Energy)),
    ("=GJ|gigajoule|gigajoules", Q("gigajoule", Energy)),
    ("=Btu|=BTU|=Btus|=BTUs|british thermal unit|british thermal units", Q("british thermal unit", Energy)),
    ("=mAh|milliamp hour|milliamp hours|milliampere hour|milliampere hours", Q("milliampere hour", Energy)),
    ("ampere|amperes|amp|amps", Q("ampere", Energy)),
    ("=GW|=GWe", Q("gigawatt", Energy)),
    ("=MWe", Q("megawatt", Energy)),
    // The rest of the SI: base and derived units with their prefixed forms
    // that news writes. Names that are also people or firms (`siemens`,
    // `weber`, `henry`) and the colour `gray` are read as symbols only or
    // not at all (docs/numbers.md, "The unit table").
    ("mole|moles|=mol|=mmol|millimole|millimoles", Q("mole", Other)),
    ("candela|candelas|=cd", Q("candela", Other)),
    ("newton|newtons", Q("newton", Other)),
    ("=kN|kilonewton|kilonewtons", Q("kilonewton", Other)),
    ("coulomb|coulombs", Q("coulomb", Other)),
    ("farad|farads|=µF|=μF|microfarad|microfarads", Q("farad", Other)),
    ("ohm|ohms|=Ω", Q("ohm", Other)),
    ("=tesla|=teslas", Q("tesla", Other)),
    ("lumen|lumens|=lm", Q("lumen", Other)),
    ("lux", Q("lux", Other)),
    ("becquerel|becquerels|=Bq", Q("becquerel", Other)),
    ("=Gy|=mGy", Q("gray", Other)),
    ("sievert|sieverts|=Sv", Q("sievert", Other)),
    ("millisievert|millisieverts|=mSv", Q("millisievert", Other)),
    ("katal|katals", Q("katal", Other)),
    ("=mV|millivolt|millivolts", Q("millivolt", Energy)),
    ("=MV|megavolt|megavolts", Q("megavolt", Energy)),
    ("=mW|milliwatt|milliwatts", Q("milliwatt", Energy)),
    ("=mA|milliamp|milliamps|milliampere|milliamperes", Q("milliampere", Energy)),
    ("=Wh|watt hour|watt hours|watt-hour|watt-hours", Q("watt hour", Energy)),
    ("electronvolt|electronvolts|electron volt|electron volts|=eV", Q("electronvolt", Energy)),
    ("=GeV|gigaelectronvolt|gigaelectronvolts", Q("gigaelectronvolt", Energy)),
    ("=TeV|teraelectronvolt|teraelectronvolts", Q("teraelectronvolt", Energy)),
    // The rest of US customary and imperial measure.
    ("board foot|board feet", Q("board foot", Volume)),
    ("=inHg|inch of mercury|inches of mercury", Q("inch of mercury", Other)),
    ("foot pound|foot pounds", Q("foot pound", Energy)),
    ("imperial gallon|imperial gallons|us gallon|us gallons", Q("gallon", Volume)),
    ("short hundredweight|long hundredweight", Q("hundredweight", Mass)),
    ("square rod|square rods", Q("square rod", Area)),
];

/// More of the world's currencies, by name with the nationality news uses
/// (`Nigerian naira`, `Ghanaian cedis`), by bare name where the name is no
/// common English word, and by the abbreviations written after amounts
/// (`500 TL`, `50 Dh`). Names that are also ordinary words (`dram`, `som`,
/// `mark`, `real`, `colon`) need their nationality. Words with letters
/// beyond ASCII (`złoty`, `đồng`) are read in their ASCII spelling only.
const WORLD_CURRENCIES: &[(&str, Meaning)] = &[
    // Dollars.
    ("bahamian dollar|bahamian dollars", money("BSD")),
    ("barbadian dollar|barbadian dollars|barbados dollar|barbados dollars|=BBD", money("BBD")),
    ("belize dollar|belize dollars|belizean dollar|belizean dollars|=BZD", money("BZD")),
    ("bermudian dollar|bermudian dollars|bermuda dollar|bermuda dollars|=BMD", money("BMD")),
    ("brunei dollar|brunei dollars|=BND", money("BND")),
    ("cayman islands dollar|cayman islands dollars|=KYD", money("KYD")),
    (
        "east caribbean dollar|east caribbean dollars|eastern caribbean dollar|eastern caribbean dollars|=XCD",
        money("XCD"),
    ),
    ("fijian dollar|fijian dollars|fiji dollar|fiji dollars|=FJD", money("FJD")),
    ("guyanese dollar|guyanese dollars|guyana dollar|guyana dollars|=GYD", money("GYD")),
    ("liberian dollar|liberian dollars|=LRD", money("LRD")),
    ("namibian dollar|namibian dollars|namibia dollar|namibia dollars", money("NAD")),
    ("solomon islands dollar|solomon islands dollars|=SBD", money("SBD")),
    ("surinamese dollar|surinamese dollars|suriname dollar|suriname dollars|=SRD", money("SRD")),
    (
        "trinidad and tobago dollar|trinidad and tobago dollars|trinidadian dollar|trinidadian dollars|trinidad dollar|trinidad dollars",
        money("TTD"),
    ),
    ("malaysian dollar|malaysian dollars", money("MYR")),
    // Pounds, lire, pesos, francs, rupees, dinars of more countries.
    ("falkland islands pound|falkland islands pounds|=FKP", money("FKP")),
    ("gibraltar pound|gibraltar pounds|=GIP", money("GIP")),
    ("saint helena pound|saint helena pounds|st helena pound|st helena pounds|=SHP", money("SHP")),
    ("irish pound|irish pounds", money("IEP")),
    ("cypriot pound|cypriot pounds|cyprus pound|cyprus pounds|=CYP", money("CYP")),
    ("maltese lira|maltese lire", money("MTL")),
    ("lebanese lira|lebanese liras", money("LBP")),
    ("syrian lira|syrian liras", money("SYP")),
    ("cuban peso|cuban pesos", money("CUP")),
    ("dominican peso|dominican pesos|=DOP", money("DOP")),
    ("uruguayan peso|uruguayan pesos|=UYU", money("UYU")),
    ("filipino peso|filipino pesos|philippines peso|philippines pesos", money("PHP")),
    ("argentina peso|argentina pesos", money("ARS")),
    ("mexico peso|mexico pesos", money("MXN")),
    ("chile peso|chile pesos", money("CLP")),
    ("colombia peso|colombia pesos", money("COP")),
    ("congolese franc|congolese francs|=CDF", money("CDF")),
    ("rwandan franc|rwandan francs|rwanda franc|rwanda francs", money("RWF")),
    ("burundian franc|burundian francs|burundi franc|burundi francs|=BIF", money("BIF")),
    ("guinean franc|guinean francs|guinea franc|guinea francs|=GNF", money("GNF")),
    ("djiboutian franc|djiboutian francs|djibouti franc|djibouti francs|=DJF", money("DJF")),
    ("comorian franc|comorian francs|comoro franc|comoro francs|=KMF", money("KMF")),
    ("cfp franc|cfp francs|pacific franc|pacific francs", money("XPF")),
    ("west african cfa franc|west african cfa francs|west african franc|west african francs|=FCFA", money("XOF")),
    ("central african cfa franc|central african cfa francs|central african franc|central african francs", money("XAF")),
    ("luxembourg franc|luxembourg francs|luxembourgish franc|luxembourgish francs|=LUF", money("LUF")),
    ("malagasy franc|malagasy francs", money("MGF")),
    ("mauritian rupee|mauritian rupees|mauritius rupee|mauritius rupees", money("MUR")),
    ("seychellois rupee|seychellois rupees|seychelles rupee|seychelles rupees", money("SCR")),
    ("macedonian denar|macedonian denars|denar|denars|denari", money("MKD")),
    // Europe.
    ("polish zloty|polish zlotys|polish zlotych|polish zloties", money("PLN")),
    ("hungarian forint|hungarian forints", money("HUF")),
    ("croatian kuna|croatian kunas|croatian kune", money("HRK")),
    ("ukrainian hryvnia|ukrainian hryvnias|ukrainian hryvnya|ukrainian hryvnyas|ukrainian hryvni", money("UAH")),
    (
        "belarusian ruble|belarusian rubles|belarusian rouble|belarusian roubles|belarus ruble|belarus rubles|=BYN|=BYR",
        money("BYN"),
    ),
    ("bulgarian lev|bulgarian leva|bulgarian levs", money("BGN")),
    ("romanian leu|romanian lei|lei", money("RON")),
    ("moldovan leu|moldovan lei|moldovan lev", money("MDL")),
    ("albanian lek|albanian leks|albanian leke|lek|leks|leke", money("ALL")),
    (
        "bosnian convertible mark|bosnian convertible marks|convertible mark|convertible marks|bosnian mark|bosnian marks",
        money("BAM"),
    ),
    ("slovak koruna|slovak korunas|slovak koruny|=SKK", money("SKK")),
    ("estonian kroon|estonian kroons|estonian krooni|kroon|kroons|krooni", money("EEK")),
    ("latvian lats|latvian lati|lats|lati", money("LVL")),
    ("lithuanian litas|lithuanian litai|litas|litai|=LTL", money("LTL")),
    ("slovenian tolar|slovenian tolars|tolar|tolars", money("SIT")),
    ("austrian schilling|austrian schillings|schilling|schillings", money("ATS")),
    ("portuguese escudo|portuguese escudos", money("PTE")),
    ("spanish peseta|spanish pesetas", money("ESP")),
    ("greek drachma|greek drachmas|greek drachmae", money("GRD")),
    ("swedish kronas|swedish crown|swedish crowns", money("SEK")),
    ("norwegian crown|norwegian crowns|norwegian krones", money("NOK")),
    ("danish crown|danish crowns|danish krones", money("DKK")),
    ("czech crown|czech crowns", money("CZK")),
    ("georgian lari|georgian laris|lari|laris", money("GEL")),
    ("armenian dram|armenian drams|=AMD", money("AMD")),
    ("azerbaijani manat|azerbaijani manats|azeri manat|azeri manats|manat|manats|=AZN", money("AZN")),
    ("turkmen manat|turkmen manats|turkmenistan manat|turkmenistani manat|=TMT", money("TMT")),
    // Asia and the Middle East.
    ("afghan afghani|afghan afghanis|=afghani|=afghanis|=AFN", money("AFN")),
    ("bangladeshi taka|bangladesh taka|takas|=Tk", money("BDT")),
    ("bhutanese ngultrum|ngultrum|ngultrums|=BTN", money("BTN")),
    ("cambodian riel|cambodian riels|riel|riels|=KHR", money("KHR")),
    ("myanmar kyat|myanmar kyats|burmese kyat|burmese kyats|kyat|kyats|=MMK", money("MMK")),
    ("lao kip|lao kips|laotian kip|laotian kips", money("LAK")),
    ("macanese pataca|macanese patacas|macau pataca|macau patacas|pataca|patacas|=MOP", money("MOP")),
    ("maldivian rufiyaa|rufiyaa|rufiyaas|=MVR", money("MVR")),
    ("mongolian tugrik|mongolian tugriks|mongolian togrog|mongolian tughrik|togrog|togrogs", money("MNT")),
    ("kazakh tenge|kazakhstani tenge|kazakhstan tenge|tenges", money("KZT")),
    ("kyrgyz som|kyrgyzstani som|kyrgyzstan som|=KGS", money("KGS")),
    ("uzbek som|uzbek sum|uzbekistani som|uzbekistan som|uzbekistani sum|=UZS", money("UZS")),
    ("tajik somoni|tajikistani somoni|somoni|somonis|=TJS", money("TJS")),
    ("north korean won|=KPW", money("KPW")),
    ("thai bahts|bahts", money("THB")),
    ("vietnamese dongs", money("VND")),
    (
        "israeli shekel|israeli shekels|israeli new shekel|israeli new shekels|new israeli shekel|new israeli shekels",
        money("ILS"),
    ),
    ("agorot|agorat", Meaning::Money(Code::Iso("ILS"), Factor::Hundredth)),
    ("halala|halalas|halalah|halalahs", Meaning::Money(Code::Iso("SAR"), Factor::Hundredth)),
    ("satang|satangs", Meaning::Money(Code::Iso("THB"), Factor::Hundredth)),
    ("jiao", Meaning::Money(Code::Iso("CNY"), Factor::Dime)),
    ("=fen", Meaning::Money(Code::Iso("CNY"), Factor::Hundredth)),
    ("=Dh|=Dhs|uae dirhams|emirates dirham|emirates dirhams", money("AED")),
    ("=TL|=YTL|new turkish lira", money("TRY")),
    ("=SR", money("SAR")),
    ("=KD", money("KWD")),
    ("=JD", money("JOD")),
    // Africa.
    ("nigerian naira|nigeria naira|nairas|=NGN", money("NGN")),
    ("kobo|kobos", Meaning::Money(Code::Iso("NGN"), Factor::Hundredth)),
    ("ghanaian cedi|ghanaian cedis|ghana cedi|ghana cedis|new cedi|new cedis", money("GHS")),
    ("pesewa|pesewas", Meaning::Money(Code::Iso("GHS"), Factor::Hundredth)),
    ("ethiopian birr|ethiopian birrs|birrs", money("ETB")),
    ("somali shilling|somali shillings|somalia shilling|somalia shillings", money("SOS")),
    ("=KSh|=Ksh|=KShs|=Kshs|=KES|=Sh", money("KES")),
    ("=kr|=kr.", money("SEK")),
    ("hogshead|hogsheads", Q("hogshead", Volume)),
    ("=USh|=Ush|=UGX", money("UGX")),
    ("=TSh|=Tsh|=TZS", money("TZS")),
    ("zambian kwacha|zambian kwachas|zambia kwacha", money("ZMW")),
    ("malawian kwacha|malawian kwachas|malawi kwacha|=MWK", money("MWK")),
    ("botswana pula|botswanan pula|pula|pulas|=BWP", money("BWP")),
    ("angolan kwanza|angolan kwanzas|kwanza|kwanzas|=AOA", money("AOA")),
    ("mozambican metical|mozambican meticais|mozambique metical|metical|meticais|meticals|=MZN", money("MZN")),
    ("malagasy ariary|ariary|ariarys|=MGA", money("MGA")),
    ("mauritanian ouguiya|mauritanian ouguiyas|ouguiya|ouguiyas|=MRU|=MRO", money("MRU")),
    ("gambian dalasi|gambian dalasis|dalasi|dalasis|=GMD", money("GMD")),
    ("sierra leonean leone|sierra leonean leones|sierra leone leone|sierra leone leones|leones|=SLE", money("SLE")),
    ("lesotho loti|lesotho maloti|loti|maloti|=LSL", money("LSL")),
    ("swazi lilangeni|swazi emalangeni|lilangeni|emalangeni|=SZL", money("SZL")),
    ("eritrean nakfa|eritrean nakfas|nakfa|nakfas|=ERN", money("ERN")),
    ("cape verdean escudo|cape verdean escudos|cape verde escudo|cape verde escudos|=CVE", money("CVE")),
    ("sao tome and principe dobra|sao tome dobra|dobra|dobras|=STN", money("STN")),
    ("sudanese dinar|sudanese dinars", money("SDD")),
    ("=SLL", money("SLL")),
    // The Americas.
    ("venezuelan bolivar|venezuelan bolivars|venezuelan bolivares|bolivar fuerte|bolivares fuertes", money("VES")),
    ("guatemalan quetzal|guatemalan quetzales|guatemalan quetzals|quetzales|=GTQ", money("GTQ")),
    ("honduran lempira|honduran lempiras|lempira|lempiras|=HNL", money("HNL")),
    ("nicaraguan cordoba|nicaraguan cordobas|cordobas|=NIO", money("NIO")),
    ("costa rican colon|costa rican colones|colones|=CRC", money("CRC")),
    ("salvadoran colon|salvadoran colones|=SVC", money("SVC")),
    ("panamanian balboa|panamanian balboas|balboas|=PAB", money("PAB")),
    ("paraguayan guarani|paraguayan guaranis|paraguayan guaranies|guaranies|=PYG", money("PYG")),
    ("bolivian boliviano|bolivian bolivianos|boliviano|bolivianos", money("BOB")),
    ("peruvian nuevo sol|peruvian nuevos soles|nuevo sol|nuevos soles|new sol|new soles", money("PEN")),
    ("haitian gourde|haitian gourdes|gourdes|=HTG", money("HTG")),
    ("aruban florin|aruban florins", money("AWG")),
    (
        "netherlands antillean guilder|netherlands antillean guilders|antillean guilder|antillean guilders|=ANG",
        money("ANG"),
    ),
    // Oceania.
    ("papua new guinean kina|papua new guinea kina|kina|kinas|=PGK", money("PGK")),
    ("vanuatu vatu|vatu|vatus|=VUV", money("VUV")),
    ("samoan tala|tala|talas|=WST", money("WST")),
    ("tongan paanga|paanga", money("TOP")),
    // Subunits of more currencies.
    ("grosz|groszy|grosze", Meaning::Money(Code::Iso("PLN"), Factor::Hundredth)),
    ("haler|halers|haleru", Meaning::Money(Code::Iso("CZK"), Factor::Hundredth)),
    ("stotinka|stotinki", Meaning::Money(Code::Iso("BGN"), Factor::Hundredth)),
    ("bani", Meaning::Money(Code::Iso("RON"), Factor::Hundredth)),
    ("tetri", Meaning::Money(Code::Iso("GEL"), Factor::Hundredth)),
    ("tiyn|tiyin|tiyins", Meaning::Money(Code::Iso("KZT"), Factor::Hundredth)),
    ("piastre|piastres|piaster|piasters", Meaning::Money(Code::Iso("EGP"), Factor::Hundredth)),
    ("rappen", Meaning::Money(Code::Iso("CHF"), Factor::Hundredth)),
    ("pfennig|pfennigs", Meaning::Money(Code::Iso("DEM"), Factor::Hundredth)),
    ("eurocent|eurocents", Meaning::Money(Code::Iso("EUR"), Factor::Hundredth)),
    ("us cent|us cents|american cent|american cents", Meaning::Money(Code::Iso("USD"), Factor::Hundredth)),
    ("canadian cent|canadian cents", Meaning::Money(Code::Iso("CAD"), Factor::Hundredth)),
    ("australian cent|australian cents", Meaning::Money(Code::Iso("AUD"), Factor::Hundredth)),
    // Crypto.
    ("ethereum", money("ETH")),
    ("litecoin|litecoins|=LTC", money("LTC")),
];

/// ISO 4217 codes accepted in capitals before or after a number, beyond
/// those named in [`PHRASES`].
const MORE_CODES: &[&str] = &[
    "ARS", "AMD", "AZN", "BOB", "BYN", "CLP", "COP", "CRC", "DOP", "GEL", "GTQ", "HNL", "ISK", "KGS", "KHR", "LKR",
    "MAD", "MDL", "MKD", "MMK", "MOP", "MUR", "MVR", "MZN", "NAD", "NIO", "PAB", "PEN", "PYG", "QAR", "RSD", "RWF",
    "SCR", "TJS", "TMT", "TTD", "UYU", "UZS", "VES", "XPF", "ZMW",
];

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut by_first: HashMap<Box<str>, Vec<Phrase>> = HashMap::new();
        fn add(by_first: &mut HashMap<Box<str>, Vec<Phrase>>, spec: &str, meaning: Meaning) {
            let (mut place, mut abbr, mut exact, mut symbol) = (Place::Any, false, false, false);
            let mut s = spec;
            loop {
                match s.as_bytes().first() {
                    Some(b'=') => exact = true,
                    Some(b'~') => abbr = true,
                    Some(b'#') => symbol = true,
                    Some(b'^') => place = Place::Glued,
                    Some(b'$') => place = Place::End,
                    _ => break,
                }
                s = &s[1..];
            }
            let mut words = s.split(' ');
            let first = words.next().unwrap_or("");
            let rest: Vec<Box<str>> = words.map(|w| w.to_lowercase().into_boxed_str()).collect();
            let key = first.to_lowercase().replace('.', "").into_boxed_str();
            // Single letters are case-sensitive whatever the marker says.
            let exact =
                (exact || place != Place::Any && first.len() == 1 || first.chars().count() == 1).then(|| first.into());
            by_first.entry(key).or_default().push(Phrase { rest, exact, meaning, place, abbr, symbol });
        }
        for &(specs, meaning) in PHRASES.iter().chain(MORE_UNITS).chain(WORLD_CURRENCIES) {
            for spec in specs.split('|') {
                add(&mut by_first, spec, meaning);
            }
        }
        for &code in MORE_CODES {
            add(&mut by_first, &format!("={code}"), money(code));
        }
        // The ISO 4217 table: each code and each name the phrases above
        // did not spell already (names of one word are common words:
        // `real`, `sol`, `rand`; the table above lists the safe ones).
        for currency in ISO_4217 {
            let mut specs = Vec::new();
            if !WORD_CODES.contains(&currency.code) {
                specs.push(format!("={}", currency.code));
            }
            if name_is_read(currency) && currency.name.contains(' ') {
                specs.push(currency.name.to_lowercase());
                specs.push(currency.plural.to_lowercase());
            }
            for spec in specs {
                let exact = spec.starts_with('=');
                let words: Vec<&str> = spec.trim_start_matches('=').split(' ').collect();
                let known = by_first.get(words[0].to_lowercase().as_str()).is_some_and(|list| {
                    list.iter().any(|p| {
                        p.exact.is_some() == exact && p.rest.iter().map(|w| &**w).eq(words[1..].iter().copied())
                    })
                });
                if !known {
                    add(&mut by_first, &spec, money(currency.code));
                }
            }
        }
        for list in by_first.values_mut() {
            // Longest first; then spellings whose case must match (`KGS`
            // the som before `kgs` kilograms), then abbreviations.
            list.sort_by_key(|p| (std::cmp::Reverse(p.rest.len()), p.exact.is_none(), !p.abbr));
        }
        Table { by_first }
    })
}

/// One unit of the unit table, under the full English name the output
/// gives it (`kilometer`), with every spelling read after a number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Unit {
    /// The output's `unit`: `kilometer`, `square foot`, `mile per hour`.
    pub name: &'static str,
    /// What it measures: `length`, `mass`, `area`, `volume`,
    /// `temperature`, `speed`, `duration`, `data`, `energy`, `angle`, `other`.
    pub dimension: &'static str,
    /// Every spelling: names, plurals, abbreviations and symbols.
    pub spellings: Vec<Spelling>,
}

/// One spelling of a [`Unit`] and where the finder reads it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Spelling {
    /// The spelling, words separated by one space (`sq ft`, `km`, `miles`).
    pub text: &'static str,
    /// Only as written (`MB` megabyte, `Mb` megabit); otherwise any case.
    pub case_sensitive: bool,
    /// Only glued to the number (`24h`, `5W`).
    pub glued_only: bool,
    /// An abbreviation that takes a following dot (`6 lbs.`).
    pub abbreviation: bool,
}

/// The unit table: every quantity unit the finder reads, in table order,
/// one entry per output name. Context-dependent spellings are not listed
/// here: bare `degrees` (temperature or angle), `pounds` (money or mass),
/// `F`/`C` and `K` (temperatures only where the words around speak of one),
/// `in` (inches only after feet).
pub fn unit_table() -> Vec<Unit> {
    let mut units: Vec<Unit> = Vec::new();
    for &(specs, meaning) in PHRASES.iter().chain(MORE_UNITS) {
        let Meaning::Quantity(name, dim) = meaning else { continue };
        let at = match units.iter().position(|u| u.name == name) {
            Some(at) => at,
            None => {
                units.push(Unit { name, dimension: dim.name(), spellings: Vec::new() });
                units.len() - 1
            }
        };
        for spec in specs.split('|') {
            let text = spec.trim_start_matches(['=', '~', '#', '^', '$']);
            let marks = &spec[..spec.len() - text.len()];
            // Single capitals are temperatures only in context.
            if marks.contains('$') || matches!(text, "F" | "C") {
                continue;
            }
            units[at].spellings.push(Spelling {
                text,
                case_sensitive: marks.contains('=') || text.chars().count() == 1,
                glued_only: marks.contains('^'),
                abbreviation: marks.contains('~'),
            });
        }
    }
    units.retain(|u| !u.spellings.is_empty());
    units
}

impl Dim {
    /// The lower-case name [`Unit::dimension`] gives.
    fn name(self) -> &'static str {
        match self {
            Length => "length",
            Mass => "mass",
            Area => "area",
            Volume => "volume",
            Temperature => "temperature",
            Speed => "speed",
            Duration => "duration",
            Data => "data",
            Energy => "energy",
            Angle => "angle",
            Other => "other",
        }
    }
}

/// A unit token: letters (with inner `.` or `/`), or a symbol.
struct Token {
    start: usize,
    end: usize,
    /// A `.` right after it, which an abbreviation may take.
    dot: bool,
}

/// The unit token at `i`, if one starts there.
fn token(text: &str, i: usize) -> Option<Token> {
    let b = text.as_bytes();
    let c = *b.get(i)?;
    // Currency signs that begin with an ASCII letter: `zł`, `Kč`.
    for sign in ["zł", "Kč"] {
        if text.get(i..).is_some_and(|r| r.starts_with(sign)) {
            return Some(Token { start: i, end: i + sign.len(), dot: false });
        }
    }
    if is_alpha(c) {
        let mut k = i;
        loop {
            while k < b.len() && is_alpha(b[k]) {
                k += 1;
            }
            // `k.g.`, `km/h`, `y/o`, `o'clock`.
            if matches!(b.get(k), Some(b'.' | b'/' | b'\'')) && b.get(k + 1).copied().is_some_and(is_alpha) {
                k += 1;
                continue;
            }
            break;
        }
        // `km²`, `m³`, `km2`, `m^3`.
        if b.get(k) == Some(&0xC2) && matches!(b.get(k + 1), Some(0xB2 | 0xB3)) {
            k += 2;
        } else {
            let caret = usize::from(b.get(k) == Some(&b'^'));
            if matches!(b.get(k + caret), Some(b'2' | b'3')) && !b.get(k + caret + 1).copied().is_some_and(is_alnum) {
                k += caret + 1;
            }
        }
        let dot = b.get(k) == Some(&b'.');
        return Some(Token { start: i, end: k, dot });
    }
    // Symbols, with the letters some take: `°C`, `µg`, `€ur`.
    const SYMBOLS: &[&str] = &[
        "%", "$", "€", "£", "¥", "₹", "¢", "°", "º", "℃", "℉", "₩", "₽", "₺", "₪", "₫", "₱", "฿", "₴", "₦", "₭", "₿",
        "元", "ரூ", "Ω", "µ", "μ", "₡", "₲", "₵", "₸", "₼", "₾", "₮", "৳", "៛", "؋", "￥",
    ];
    let rest = text.get(i..)?;
    let sym = SYMBOLS.iter().find(|s| rest.starts_with(**s))?;
    let mut k = i + sym.len();
    if matches!(*sym, "°" | "º" | "µ" | "μ" | "€") {
        while k < b.len() && is_alpha(b[k]) {
            k += 1;
        }
    }
    Some(Token { start: i, end: k, dot: false })
}

/// The symbol or prefix meanings not in the phrase table.
fn symbol_meaning(s: &str) -> Option<Meaning> {
    Some(match s {
        "%" => Percent,
        "$" => DOLLAR,
        "€" => money("EUR"),
        "£" => money("GBP"),
        "¥" => money("JPY"),
        "₹" => money("INR"),
        "₩" => money("KRW"),
        "₽" => money("RUB"),
        "₺" => money("TRY"),
        "₪" => money("ILS"),
        "₫" => money("VND"),
        "₱" => money("PHP"),
        "฿" => money("THB"),
        "₴" => money("UAH"),
        "₦" => money("NGN"),
        "₭" => money("LAK"),
        "₿" => money("BTC"),
        "₡" => money("CRC"),
        "₲" => money("PYG"),
        "₵" => money("GHS"),
        "₸" => money("KZT"),
        "₼" => money("AZN"),
        "₾" => money("GEL"),
        "₮" => money("MNT"),
        "৳" => money("BDT"),
        "៛" => money("KHR"),
        "؋" => money("AFN"),
        "￥" => money("CNY"),
        "zł" => money("PLN"),
        "Kč" => money("CZK"),
        "元" => money("CNY"),
        "ரூ" => money("LKR"),
        _ => return None,
    })
}

/// The unit that follows the number ending at `i`, if any.
pub(crate) fn unit_after(text: &str, i: usize) -> Option<UnitMatch> {
    unit_at(text, i, true)
}

/// [`unit_after`]; `adjective` allows a nationality before a currency name
/// the table does not pair it with (`5,000 Transnistrian rubles`).
fn unit_at(text: &str, i: usize, adjective: bool) -> Option<UnitMatch> {
    let b = text.as_bytes();
    let (j, newlines) = skip_spaces(b, i);
    let spaced = j > i;
    if newlines > 1 {
        return None;
    }
    // `68-ounce`, `12-cent`, `28 - year - old`.
    let h = hyphen_len(b, j);
    let (at, hyphened) = if h > 0 && b.get(j + h).copied().is_some_and(is_alpha) {
        (j + h, true)
    } else {
        let (k, _) = skip_spaces(b, j + h);
        if h > 0 && spaced && b.get(k).copied().is_some_and(is_alpha) { (k, true) } else { (j, false) }
    };
    let tok = token(text, at)?;
    let raw = &text[tok.start..tok.end];
    let glued = !spaced && !hyphened;
    if hyphened && !is_alpha(b[tok.start]) {
        return None;
    }
    if let Some(m) = symbol_meaning(raw) {
        return (!hyphened).then_some(UnitMatch { end: tok.end, meaning: m, scale: None });
    }
    // `30 MUSD`, `48.5 MGBP`: a million of a currency.
    if let Some(m) = million_code(raw) {
        return Some(UnitMatch { end: tok.end, meaning: m, scale: Some(6) });
    }
    // `3.14US$`: letters glued to a dollar sign.
    if b.get(tok.end) == Some(&b'$') && is_alpha(b[tok.start]) {
        let code = dollar_letters(&raw.to_ascii_lowercase())?;
        return Some(UnitMatch { end: tok.end + 1, meaning: money(code), scale: None });
    }
    // `300 K` near weather or temperature words is kelvin, not thousands.
    if raw == "K"
        && spaced
        && !b.get(tok.end).copied().is_some_and(is_alnum)
        && crate::context::temperature_words_near(b, i, tok.end)
    {
        return Some(UnitMatch { end: tok.end, meaning: Q("kelvin", Temperature), scale: None });
    }
    let key = raw.replace('.', "").to_lowercase();
    let Some(phrases) = table().by_first.get(key.as_str()) else {
        return if adjective && !glued { nationality_currency(text, raw, tok.end) } else { None };
    };
    for p in phrases {
        if p.exact.as_deref().is_some_and(|exact| !eq_undotted(raw, exact)) {
            continue;
        }
        match p.place {
            Place::Glued if !glued => continue,
            Place::End if glued || !crate::grammar::clause_ends(text, tok.end) => continue,
            // Full words need a space (`2 days`, not `2day`).
            Place::Any if glued && !p.abbr && !p.symbol && p.exact.is_none() && raw.len() > 3 => continue,
            _ => {}
        }
        // A bare `F` or `C` is a temperature only spaced from the number and
        // followed by nothing that makes it a code (`13F`, `F-Series`, `F Block`).
        if matches!(p.meaning, Meaning::Quantity("fahrenheit" | "celsius", _))
            && p.exact.as_deref().is_some_and(|e| e.len() == 1)
        {
            let follows = text.get(tok.end..).and_then(|s| s.chars().next());
            let code_like = follows.is_some_and(|c| c.is_alphanumeric() || matches!(c, '-' | '/'))
                || crate::text::word_after(b, tok.end).is_some_and(|(s, _)| b[s].is_ascii_uppercase());
            // Glued (`40C`, `104F`), only where the words around speak of
            // the weather or a temperature.
            if code_like || (glued && !crate::context::temperature_words_near(b, i, tok.end)) {
                continue;
            }
        }
        // `sq. ft`: an abbreviated first word keeps its dot.
        let rest = match_rest(text, tok.end, &p.rest)
            .or_else(|| (tok.dot && !p.rest.is_empty()).then(|| match_rest(text, tok.end + 1, &p.rest)).flatten());
        let Some(end) = rest else { continue };
        let mut end = end;
        // Conventional abbreviations keep their dot (`50 deg.`, `6 lbs.`),
        // and so do dotted spellings (`1 k.g.`); symbols never do (`20 kg.`
        // ends a sentence).
        if p.rest.is_empty() && tok.dot && (p.abbr || raw.contains('.')) {
            end += 1;
        }
        // Letters glued to more digits or letters: a code, not a unit (`m212`).
        if b.get(end).copied().is_some_and(|c| is_alnum(c) || c == b'_') {
            continue;
        }
        // A capitalised word before another is a name: `8 Rand Paul`, `5 Sen. Cruz`
        // (but a sentence may end after a unit: `30 Canadian dollars. Teck`,
        // and a hyphenated one is a headline's adjective: `28-Year High`).
        let hyphenated = tok.start > 0 && b[tok.start - 1] == b'-';
        if p.exact.is_none() && !p.symbol && !hyphenated && b[tok.start].is_ascii_uppercase() {
            let title = p.rest.is_empty() && raw.len() <= 4;
            let next = if b.get(end) == Some(&b'.') && title { end + 1 } else { end };
            if crate::text::word_after(b, next).is_some_and(|(s, _)| s > next && b[s].is_ascii_uppercase()) {
                continue;
            }
        }
        return Some(UnitMatch { end, meaning: p.meaning, scale: None });
    }
    if adjective && !glued { nationality_currency(text, raw, tok.end) } else { None }
}

/// A capitalised nationality (`Zambian`, `Swiss`, `Dutch`, `Afghan`)
/// before a currency name, when the table does not pair them: the unit
/// runs to the end of the name, with the name's currency.
fn nationality_currency(text: &str, raw: &str, end: usize) -> Option<UnitMatch> {
    let w = raw.as_bytes();
    let shaped = w.len() >= 4
        && w[0].is_ascii_uppercase()
        && w[1..].iter().all(u8::is_ascii_lowercase)
        && ["an", "ese", "ish", "i", "ic", "ch", "ss"].iter().any(|s| raw.ends_with(s));
    if !shaped || space_len(text.as_bytes(), end) != 1 {
        return None;
    }
    let u = unit_at(text, end, false)?;
    matches!(u.meaning, Meaning::Money(_, Factor::One)).then_some(u)
}

/// True when `a` and `b` are equal once their `.`s are dropped (`k.g.`, `kg`).
fn eq_undotted(a: &str, b: &str) -> bool {
    a.bytes().filter(|&c| c != b'.').eq(b.bytes().filter(|&c| c != b'.'))
}

/// Matches the remaining words of a phrase from `i`: the end.
fn match_rest(text: &str, mut i: usize, rest: &[Box<str>]) -> Option<usize> {
    let b = text.as_bytes();
    for word in rest {
        let (j, newlines) = skip_spaces(b, i);
        let j = if j == i && hyphen_len(b, i) > 0 { i + hyphen_len(b, i) } else { j };
        // `115,000 - square - foot`: a spaced hyphen of tokenized text.
        let j = match hyphen_len(b, j) {
            h if h > 0 && j > i && space_len(b, j + h) > 0 => skip_spaces(b, j + h).0,
            _ => j,
        };
        // One line break may fall inside a unit in hard-wrapped text.
        if newlines > 1 || j == i {
            return None;
        }
        let tok = token(text, j)?;
        let got = text[tok.start..tok.end].replace('.', "").to_lowercase();
        if !eq_undotted(&got, word) {
            return None;
        }
        i = tok.end;
        if word.ends_with('.') && tok.dot {
            i += 1;
        }
    }
    Some(i)
}

/// `MUSD`, `musd`, `MGBP`: million + an ISO code.
fn million_code(raw: &str) -> Option<Meaning> {
    let code = raw.strip_prefix('M').or_else(|| raw.strip_prefix('m'))?;
    if code.len() != 3 {
        return None;
    }
    let upper = code.to_ascii_uppercase();
    if code != upper && code != upper.to_ascii_lowercase() {
        return None;
    }
    iso_code(&upper).map(|c| Meaning::Money(Code::Iso(c), Factor::One))
}

/// The static form of a known ISO code written in capitals.
pub(crate) fn iso_code(code: &str) -> Option<&'static str> {
    let phrases = table().by_first.get(code.to_ascii_lowercase().as_str())?;
    phrases.iter().find_map(|p| match (p.exact.as_deref(), p.meaning) {
        (Some(e), Meaning::Money(Code::Iso(c), Factor::One)) if e == code => Some(c),
        _ => None,
    })
}

/// True when a unit, currency or percent word follows `i` (for `1 in 5
/// minutes` and `one twenty years`).
pub(crate) fn unit_follows(text: &str, i: usize) -> bool {
    unit_after(text, i).is_some_and(|u| !matches!(u.meaning, Meaning::Scale(_) | Meaning::Time))
}

/// A currency written before a number starting at `i`, not before `floor`:
/// `$`, `US$`, `hk $`, `€`, `USD`, `Rs.`, `RM`, `ringgit`. Returns the
/// prefix's start and its currency.
pub(crate) fn currency_before(text: &str, floor: usize, i: usize) -> Option<(usize, Code)> {
    let b = text.as_bytes();
    // At most one space between the prefix and the number.
    let j = if i > floor && space_len(b, i - 1) == 1 { i - 1 } else { i };
    let j = if j > floor + 1 && b[j - 2] == 0xC2 && b[j - 1] == 0xA0 { j - 2 } else { j };
    let before = text.get(floor..j)?;
    // Symbols.
    for (sym, meaning) in [
        ("$", DOLLAR),
        ("€", money("EUR")),
        ("£", money("GBP")),
        ("¥", money("JPY")),
        ("₹", money("INR")),
        ("₩", money("KRW")),
        ("₽", money("RUB")),
        ("₺", money("TRY")),
        ("₪", money("ILS")),
        ("₫", money("VND")),
        ("₱", money("PHP")),
        ("฿", money("THB")),
        ("₴", money("UAH")),
        ("₦", money("NGN")),
        ("₭", money("LAK")),
        ("₡", money("CRC")),
        ("₲", money("PYG")),
        ("₵", money("GHS")),
        ("₸", money("KZT")),
        ("₼", money("AZN")),
        ("₾", money("GEL")),
        ("₮", money("MNT")),
        ("৳", money("BDT")),
        ("￥", money("CNY")),
        ("₿", money("BTC")),
        ("؋", money("AFN")),
        ("៛", money("KHR")),
    ] {
        if let Some(rest) = before.strip_suffix(sym) {
            let Meaning::Money(code, _) = meaning else { continue };
            let at = floor + rest.len();
            if sym == "$" {
                if let Some((start, code)) = dollar_prefix(text, floor, at) {
                    return Some((start, code));
                }
            }
            return Some((at, code));
        }
    }
    // Words and codes: `USD 200`, `GBP3.01`, `Rs. 20`, `RM42`, `ringgit 42`.
    let word_end = if before.ends_with('.') { j - 1 } else { j };
    let start = crate::text::word_start(b, word_end);
    if start == word_end || start < floor || (start > 0 && is_alnum(b[start - 1])) {
        return None;
    }
    let raw = &text[start..word_end];
    let with_dot = word_end < j;
    let code = match raw {
        "Rs" | "rs" | "RS" => Some(Code::Iso("INR")),
        "RM" => Some(Code::Iso("MYR")),
        "KSh" | "Ksh" | "KShs" | "Kshs" | "Sh" => Some(Code::Iso("KES")),
        "USh" | "Ush" => Some(Code::Iso("UGX")),
        "TSh" | "Tsh" => Some(Code::Iso("TZS")),
        "Dh" | "Dhs" => Some(Code::Iso("AED")),
        "TL" => Some(Code::Iso("TRY")),
        "Tk" => Some(Code::Iso("BDT")),
        // `R5 million`: the rand only before an amount in millions or more
        // (`R1` alone is a name).
        "R" if !with_dot && scaled_amount_at(b, i) => Some(Code::Iso("ZAR")),
        "Rp" => Some(Code::Iso("IDR")),
        "R" if with_dot => None,
        _ if with_dot => None,
        _ if raw.len() == 3 && raw.bytes().all(|c| c.is_ascii_uppercase()) => iso_code(raw).map(Code::Iso),
        _ => {
            let lower = Lower::of(raw.as_bytes())?;
            match lower.as_str() {
                "usd" | "eur" | "gbp" | "inr" | "chf" | "cny" | "rmb" | "jpy" | "myr" | "uah" | "aud" | "cad"
                | "hkd" | "sgd" | "nzd" | "krw" | "mxn" | "brl" | "zar" | "rub" | "sek" | "nok" | "dkk" | "pln"
                | "huf" | "czk" | "sar" | "aed" | "qar" | "kwd" | "egp" | "idr" | "thb" | "pkr" | "btc" | "ils" => {
                    iso_code(&raw.to_ascii_uppercase()).map(Code::Iso)
                }
                "ringgit" | "ringgits" => {
                    // `malaysian ringgit 42`.
                    let (ps, pe) = crate::text::word_before(b, start).unwrap_or((start, start));
                    let adj = ps >= floor
                        && matches!(
                            Lower::of(&b[ps..pe]).map(|l| l.as_str() == "malaysian" || l.as_str() == "malaysia"),
                            Some(true)
                        );
                    return Some((if adj { ps } else { start }, Code::Iso("MYR")));
                }
                _ => None,
            }
        }
    }?;
    Some((start, code))
}

/// Digits at `i` followed by a scale of a million or more: `5 million`,
/// `2.5bn`, `3m`.
fn scaled_amount_at(b: &[u8], i: usize) -> bool {
    let mut k = i;
    while k < b.len()
        && (b[k].is_ascii_digit() || (matches!(b[k], b'.' | b',') && b.get(k + 1).is_some_and(u8::is_ascii_digit)))
    {
        k += 1;
    }
    if k == i {
        return false;
    }
    let (s, _) = skip_spaces(b, k);
    let e = crate::text::word_end(b, s);
    e > s
        && !b.get(e).copied().is_some_and(is_alnum)
        && matches!(
            Lower::of(&b[s..e]).as_ref().map(Lower::as_str),
            Some("m" | "mn" | "mln" | "bn" | "b" | "million" | "billion" | "trillion" | "tn")
        )
}

/// Letters before a `$` at `at`: `US$`, `U.S.$`, `C$`, `A$`, `HK$`, `usd$`,
/// `hk $`. Returns the start and the currency.
fn dollar_prefix(text: &str, floor: usize, at: usize) -> Option<(usize, Code)> {
    let b = text.as_bytes();
    let end = if at > floor && b[at - 1] == b' ' { at - 1 } else { at };
    let mut start = end;
    while start > floor
        && (is_alpha(b[start - 1]) || (b[start - 1] == b'.' && start > floor + 1 && is_alpha(b[start - 2])))
    {
        start -= 1;
    }
    // A whole word: not the `s` of `donor’s $27`.
    let apostrophe = start > 0 && (b[start - 1] == b'\'' || (start >= 3 && b[start - 3..start] == [0xE2, 0x80, 0x99]));
    if start == end || (start > 0 && is_alnum(b[start - 1])) || apostrophe {
        return None;
    }
    let lower = Lower::of(&b[start..end])?;
    let code = dollar_letters(lower.as_str())?;
    // One letter: glued it must be a capital (`C$40`, `A$5`); spaced, a
    // lower-case letter of tokenized text (`c $ 100`), never an article or
    // a pronoun (`a $5 fee`, `For A $15 Wage`, `I $5`).
    if end - start == 1 {
        let c = b[start];
        let spaced = end < at;
        let ok = if spaced { c.is_ascii_lowercase() && !matches!(c, b'a' | b'i') } else { c.is_ascii_uppercase() };
        if !ok {
            return None;
        }
    }
    Some((start, Code::Iso(code)))
}

/// The currency of letters written before a `$`: `US` → USD, `C` → CAD.
fn dollar_letters(letters: &str) -> Option<&'static str> {
    Some(match letters {
        "us" | "usd" => "USD",
        "c" | "ca" | "can" | "cad" => "CAD",
        "a" | "au" | "aud" => "AUD",
        "nz" | "nzd" => "NZD",
        "hk" | "hkd" => "HKD",
        "s" | "sg" | "sgd" => "SGD",
        "nt" | "twd" => "TWD",
        "r" => "BRL",
        "mx" | "mxn" => "MXN",
        "j" | "jmd" => "JMD",
        "z" => "ZWL",
        "gy" => "GYD",
        "ci" => "KYD",
        "si" => "SBD",
        "ws" => "WST",
        "tt" => "TTD",
        "ec" => "XCD",
        "rd" => "DOP",
        "mex" => "MXN",
        "col" => "COP",
        "bz" => "BZD",
        "bds" => "BBD",
        "fj" => "FJD",
        "n" => "NAD",
        "b" => "BND",
        other if other.len() == 3 => iso_code(&other.to_ascii_uppercase())?,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(text: &str) -> Option<(String, Meaning)> {
        unit_after(text, 0).map(|u| (text[..u.end].to_owned(), u.meaning))
    }

    #[test]
    fn units_after_numbers() {
        assert_eq!(after("km away"), Some(("km".into(), Q("kilometer", Length))));
        assert_eq!(after(" degrees f is"), Some((" degrees f".into(), Q("fahrenheit", Temperature))));
        assert_eq!(after(" deg. "), Some((" deg.".into(), Meaning::Degree)));
        assert_eq!(after("-ounce cans"), Some(("-ounce".into(), Q("ounce", Mass))));
        assert_eq!(after(" square feet"), Some((" square feet".into(), Q("square foot", Area))));
        assert_eq!(after(" MB"), Some((" MB".into(), Q("megabyte", Data))));
        assert_eq!(after(" mb"), Some((" mb".into(), Q("megabit", Data))));
        assert_eq!(after(" swiss francs"), Some((" swiss francs".into(), money("CHF"))));
        assert_eq!(after(" k"), Some((" k".into(), Meaning::Scale(3))));
        assert_eq!(after(" k people"), None);
        assert_eq!(after("p"), Some(("p".into(), Meaning::Money(Code::Iso("GBP"), Factor::Hundredth))));
        assert_eq!(after(" p"), None);
        assert_eq!(after("m212"), None);
        assert_eq!(after(" in"), None);
        assert_eq!(after(" MUSD").map(|(s, _)| s), Some(" MUSD".into()));
        assert_eq!(after("km/hr,"), Some(("km/hr".into(), Q("kilometer per hour", Speed))));
        assert_eq!(after(" μg"), Some((" μg".into(), Q("microgram", Mass))));
        assert_eq!(after("°C"), Some(("°C".into(), Q("celsius", Temperature))));
    }

    #[test]
    fn currencies_before_numbers() {
        let before = |t: &str| currency_before(t, 0, t.len()).map(|(s, c)| (t[s..].to_owned(), c));
        assert_eq!(before("US$"), Some(("US$".into(), Code::Iso("USD"))));
        assert_eq!(before("hk $ "), Some(("hk $ ".into(), Code::Iso("HKD"))));
        assert_eq!(before("cost $"), Some(("$".into(), Code::Dollar)));
        assert_eq!(before("a $"), Some(("$".into(), Code::Dollar)));
        assert_eq!(before("USD "), Some(("USD ".into(), Code::Iso("USD"))));
        assert_eq!(before("Rs. "), Some(("Rs. ".into(), Code::Iso("INR"))));
        assert_eq!(before("malaysian ringgit "), Some(("malaysian ringgit ".into(), Code::Iso("MYR"))));
        assert_eq!(before("THE "), None);
        assert_eq!(before("€"), Some(("€".into(), Code::Iso("EUR"))));
    }
}
