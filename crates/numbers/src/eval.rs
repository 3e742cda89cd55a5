//! Scoring numbers against Recognizers-Text and Duckling gold, exactly as
//! `../shared/eval/score.py` does, so that `byline eval numbers --gold FILE`
//! prints score.py's figures.
//!
//! This is a port, not a redesign: every rule mirrors a function of
//! score.py (named in the doc comments) down to its float comparisons
//! (`math.isclose` with a relative tolerance of 1e-9), its unit aliases and
//! its one-to-one matching order. Predictions are read from the JSON
//! output, as score.py reads them.

use std::collections::{BTreeMap, HashMap, HashSet};

use byline_core::Document;
use byline_core::eval::{Aligned, EvalError, EvalTask, Gold, Prf, layer, offsets, pct, prf_cells, table};
use serde_json::{Map, Value, json};

/// Relative tolerance of value comparisons (`close` in score.py).
const REL_TOL: f64 = 1e-9;
const COMPARATIVE: [&str; 5] = ["more_than", "less_than", "at_least", "at_most", "up_to"];
const ABOVE: &[&str] = &["more_than", "at_least"];
const AT_MOST: &[&str] = &["at_most", "up_to"];
const BELOW: &[&str] = &["at_most", "up_to", "less_than"];
/// The default Recognizers suites (the headline), in score.py's order.
const DEFAULT_SUITES: [&str; 8] = [
    "NumberModel",
    "OrdinalModel",
    "PercentModel",
    "CurrencyModel",
    "DimensionModel",
    "AgeModel",
    "TemperatureModel",
    "NumberRangeModel",
];
const EXTRA: &str = "(extra ids)";
const REGIONAL: &str = " (regional locales)";

/// Which currency codes a gold currency accepts (`code_in`, `any_dollar`).
#[derive(Clone, Debug)]
enum UnitRule {
    Codes(Vec<String>),
    AnyDollar,
}

impl UnitRule {
    fn codes(codes: &[&str]) -> UnitRule {
        UnitRule::Codes(codes.iter().map(|c| (*c).to_owned()).collect())
    }

    fn accepts(&self, unit: Option<&Value>) -> bool {
        let code = unit.and_then(Value::as_str);
        match self {
            UnitRule::Codes(list) => code.is_some_and(|c| list.iter().any(|x| x == c)),
            UnitRule::AnyDollar => code.is_some_and(|c| is_iso_code(c) && c.ends_with('D')),
        }
    }
}

fn is_iso_code(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// score.py's `CURRENCY_NAMES`: a currency named without an ISO code.
fn currency_name(name: &str) -> Option<(Option<UnitRule>, f64)> {
    let pounds = ["GBP", "EGP", "LBP", "SYP", "SSP", "SDG", "GIP", "FKP", "SHP"];
    let francs = ["CHF", "FRF", "BEF", "LUF", "XAF", "XOF", "XPF", "BIF", "CDF", "DJF", "GNF", "KMF", "RWF", "MGF"];
    let rupees = ["INR", "PKR", "LKR", "NPR", "MUR", "SCR", "MVR"];
    let dinars = ["KWD", "BHD", "IQD", "JOD", "LYD", "RSD", "TND", "DZD", "MKD"];
    let riyals = ["SAR", "QAR", "OMR", "YER", "IRR"];
    Some(match name {
        "dollar" => (Some(UnitRule::AnyDollar), 1.0),
        "cent" | "penny" | "pence" | "sen" => (None, 0.01),
        "pound" => (Some(UnitRule::codes(&pounds)), 1.0),
        "franc" => (Some(UnitRule::codes(&francs)), 1.0),
        "rupee" => (Some(UnitRule::codes(&rupees)), 1.0),
        "dinar" => (Some(UnitRule::codes(&dinars)), 1.0),
        "riyal" | "rial" => (Some(UnitRule::codes(&riyals)), 1.0),
        "peseta" => (Some(UnitRule::codes(&["ESP"])), 1.0),
        "finnish markka" => (Some(UnitRule::codes(&["FIM"])), 1.0),
        "netherlands guilder" => (Some(UnitRule::codes(&["NLG"])), 1.0),
        "bitcoin" => (Some(UnitRule::codes(&["BTC", "XBT"])), 1.0),
        "satoshi" => (Some(UnitRule::codes(&["BTC", "XBT"])), 1e-8),
        _ => return None,
    })
}

/// score.py's `currency_rule`: accepted codes and the factor to the main unit.
fn currency_rule(unit: Option<&str>, iso: Option<&str>) -> (Option<UnitRule>, f64) {
    let iso = iso.filter(|s| !s.is_empty());
    if let Some(code) = iso.or(unit.filter(|u| is_iso_code(u))) {
        return (Some(UnitRule::Codes(vec![code.to_owned()])), 1.0);
    }
    currency_name(&unit.unwrap_or("").to_lowercase()).unwrap_or((None, 1.0))
}

/// score.py's `UNIT_ALIASES`.
fn unit_alias(key: &str) -> Option<&'static str> {
    Some(match key {
        "c" | "°c" | "degree celsius" | "centigrade" => "celsius",
        "f" | "°f" | "degree fahrenheit" => "fahrenheit",
        "k" => "kelvin",
        "°" | "deg" => "degree",
        "age" | "yr" | "yo" => "year",
        "g" | "gramme" => "gram",
        "kg" | "kilo" => "kilogram",
        "mg" => "milligram",
        "µg" | "mcg" => "microgram",
        "lb" => "pound",
        "oz" => "ounce",
        "t" | "tonne" => "metric ton",
        "m" | "metre" => "meter",
        "km" | "kilometre" => "kilometer",
        "cm" | "centimetre" => "centimeter",
        "mm" | "millimetre" => "millimeter",
        "mi" => "mile",
        "ft" | "feet" => "foot",
        "in" => "inch",
        "l" | "litre" => "liter",
        "ml" | "millilitre" => "milliliter",
        "gal" => "gallon",
        "tsp" => "teaspoon",
        "tbsp" => "tablespoon",
        "mph" => "mile per hour",
        "km/h" | "kph" => "kilometer per hour",
        _ => return None,
    })
}

/// score.py's `CONVERSIONS`: (dimension, size in the base unit).
fn conversion(unit: &str) -> Option<(&'static str, f64)> {
    Some(match unit {
        "gram" => ("mass", 1.0),
        "kilogram" => ("mass", 1e3),
        "milligram" => ("mass", 1e-3),
        "microgram" => ("mass", 1e-6),
        "metric ton" => ("mass", 1e6),
        "pound" => ("mass", 453.59237),
        "ounce" => ("mass", 28.349523125),
        "milliliter" => ("volume", 1.0),
        "liter" => ("volume", 1e3),
        "cup" => ("volume", 236.5882365),
        "teaspoon" => ("volume", 4.92892159375),
        "tablespoon" => ("volume", 14.78676478125),
        "gallon" => ("volume", 3785.411784),
        _ => return None,
    })
}

/// score.py's `singular`.
fn singular(word: &str) -> String {
    if let Some(stem) = word.strip_suffix("ches") {
        return format!("{stem}ch");
    }
    if word.chars().count() > 2 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us") {
        return word[..word.len() - 1].to_owned();
    }
    word.to_owned()
}

/// score.py's `canon_unit`: `'Miles per hour'` → `mile per hour`, `C` → `celsius`.
fn canon_unit(name: Option<&Value>) -> Option<String> {
    let name = name.and_then(Value::as_str)?;
    if name.trim().is_empty() {
        return None;
    }
    let lowered = name.to_lowercase().replace('_', " ");
    let key: Vec<String> = lowered.split_whitespace().map(singular).collect();
    let key = key.join(" ");
    Some(unit_alias(&key).map_or(key, str::to_owned))
}

/// score.py's `quantity_classes`: the Recognizers suites a unit belongs to.
fn quantity_classes(unit: Option<&Value>) -> &'static [&'static str] {
    match canon_unit(unit).as_deref() {
        None => &["age", "temperature", "dimension"],
        Some("year" | "month" | "week" | "day") => &["age"],
        Some("degree") => &["temperature", "dimension"],
        Some("celsius" | "fahrenheit" | "kelvin") => &["temperature"],
        Some(_) => &["dimension"],
    }
}

/// A gold number: one value, or a range with one or two bounds (score.py's
/// `Expected`).
#[derive(Clone, Debug, Default)]
struct Expected {
    value: Option<f64>,
    low: Option<f64>,
    high: Option<f64>,
    low_qualifiers: &'static [&'static str],
    high_qualifiers: &'static [&'static str],
    unit_ok: Option<UnitRule>,
    unit: Option<String>,
}

/// Python's `float(str)` for the numbers in gold files; `None` when it is
/// not a finite number (score.py's `to_float`).
fn py_float(s: &str) -> Option<f64> {
    let t = s.trim();
    let cleaned: String = if t.contains('_') {
        let b = t.as_bytes();
        let ok = b.iter().enumerate().all(|(i, &c)| {
            c != b'_' || (i > 0 && b[i - 1].is_ascii_digit() && b.get(i + 1).is_some_and(u8::is_ascii_digit))
        });
        if !ok {
            return None;
        }
        t.replace('_', "")
    } else {
        t.to_owned()
    };
    let v: f64 = cleaned.parse().ok()?;
    v.is_finite().then_some(v)
}

fn value_f64(v: Option<&Value>) -> Option<f64> {
    v.and_then(Value::as_f64).filter(|x| x.is_finite())
}

fn close(candidates: &[f64], target: f64) -> bool {
    candidates.iter().any(|&c| c == target || (c - target).abs() <= REL_TOL * c.abs().max(target.abs()))
}

/// score.py's `in_gold_unit`.
fn in_gold_unit(value: Option<&Value>, pred_unit: Option<&Value>, gold_unit: Option<&str>) -> Vec<f64> {
    let Some(value) = value_f64(value) else { return Vec::new() };
    let a = canon_unit(pred_unit).and_then(|u| conversion(&u));
    let b = gold_unit.and_then(conversion);
    match (a, b) {
        (Some(a), Some(b)) if a.0 == b.0 => vec![value * a.1 / b.1],
        _ => vec![value],
    }
}

fn not_null(q: &Value, key: &str) -> bool {
    q.get(key).is_some_and(|v| !v.is_null())
}

/// score.py's `is_range`.
fn is_range(q: &Value) -> bool {
    not_null(q, "min")
        || not_null(q, "max")
        || q.get("qualifier").and_then(Value::as_str).is_some_and(|x| COMPARATIVE.contains(&x))
}

/// score.py's `number_matches`.
fn number_matches(exp: &Expected, q: &Value) -> bool {
    if let Some(rule) = &exp.unit_ok {
        if !rule.accepts(q.get("unit")) {
            return false;
        }
    }
    let unit = q.get("unit");
    let gold_unit = exp.unit.as_deref();
    let value = in_gold_unit(q.get("value"), unit, gold_unit);
    let low = in_gold_unit(q.get("min"), unit, gold_unit);
    let high = in_gold_unit(q.get("max"), unit, gold_unit);
    let bounds = not_null(q, "min") || not_null(q, "max");
    let qualifier = q.get("qualifier").and_then(Value::as_str);
    let comparative = qualifier.is_some_and(|x| COMPARATIVE.contains(&x));
    let plain = !bounds && !comparative;
    match (exp.low, exp.high) {
        (None, None) => plain && exp.value.is_some_and(|v| close(&value, v)),
        (Some(lo), Some(hi)) => (close(&low, lo) && close(&high, hi)) || (lo == hi && plain && close(&value, lo)),
        (Some(lo), None) => {
            (close(&low, lo) && !not_null(q, "max"))
                || (!bounds && qualifier.is_some_and(|x| exp.low_qualifiers.contains(&x)) && close(&value, lo))
        }
        (None, Some(hi)) => {
            (close(&high, hi) && !not_null(q, "min"))
                || (!bounds && qualifier.is_some_and(|x| exp.high_qualifiers.contains(&x)) && close(&value, hi))
        }
    }
}

/// One gold document: a Recognizers case or a Duckling example.
#[derive(Clone, Debug)]
struct GoldDoc {
    id: String,
    text: String,
    skip: bool,
    kind: DocKind,
}

#[derive(Clone, Debug)]
enum DocKind {
    Recognizers { suite: String, expected: Vec<((usize, usize), Expected)>, skipped: Vec<(usize, usize)> },
    Duckling { dimension: String, regional: bool, section: String, expected: Option<Expected> },
}

/// A loaded numbers gold file.
#[derive(Debug)]
struct NumbersGold {
    format: &'static str,
    docs: Vec<GoldDoc>,
}

/// score.py's `read_jsonl`: `(line number, object)` per non-blank line.
/// Numbered JSON objects of a JSONL file.
type Rows = Vec<(usize, Map<String, Value>)>;

fn read_jsonl(data: &[u8], path: &str) -> Result<Rows, EvalError> {
    let mut rows = Vec::new();
    for (n, raw) in data.split(|&b| b == b'\n').enumerate() {
        let n = n + 1;
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let text = std::str::from_utf8(raw).map_err(|_| EvalError::Gold(format!("{path} line {n}: not UTF-8")))?;
        let value: Value =
            serde_json::from_str(text).map_err(|e| EvalError::Gold(format!("{path} line {n}: invalid JSON ({e})")))?;
        match value {
            Value::Object(obj) => rows.push((n, obj)),
            _ => return Err(EvalError::Gold(format!("{path} line {n}: not a JSON object"))),
        }
    }
    Ok(rows)
}

fn bad(path: &str, format: &str, what: impl std::fmt::Display) -> EvalError {
    EvalError::Gold(format!("{path}: not a valid {format} file ({what})"))
}

/// The text of a JSON scalar as Python's f-string would write it.
fn py_str(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// score.py's `recognizers_expected`: `None` for a non-numeric result.
fn recognizers_expected(r: &Map<String, Value>) -> Option<Expected> {
    let kind = r.get("type").and_then(Value::as_str).unwrap_or("");
    let value = r.get("value")?.as_str()?;
    if kind == "numberrange" {
        let (open, low, high, close_b) = interval(value)?;
        let low = if low.is_empty() { None } else { py_float(low) };
        let high = if high.is_empty() { None } else { py_float(high) };
        return match (low, high) {
            (Some(l), Some(h)) => Some(Expected { low: Some(l), high: Some(h), ..Expected::default() }),
            (Some(l), None) => Some(Expected {
                low: Some(l),
                low_qualifiers: if open == '(' { &["more_than"] } else { &["at_least"] },
                ..Expected::default()
            }),
            (None, Some(h)) => Some(Expected {
                high: Some(h),
                high_qualifiers: if close_b == ')' { &["less_than"] } else { AT_MOST },
                ..Expected::default()
            }),
            (None, None) => None,
        };
    }
    let number = py_float(if kind == "percentage" { value.strip_suffix('%').unwrap_or(value) } else { value })?;
    if kind == "currency" {
        let unit = r.get("unit").and_then(Value::as_str);
        let iso = r.get("isoCurrency").and_then(Value::as_str);
        let (unit_ok, factor) = currency_rule(unit, iso);
        return Some(Expected { value: Some(number * factor), unit_ok, ..Expected::default() });
    }
    if matches!(kind, "dimension" | "age" | "temperature") {
        return Some(Expected { value: Some(number), unit: canon_unit(r.get("unit")), ..Expected::default() });
    }
    Some(Expected { value: Some(number), ..Expected::default() })
}

/// score.py's `INTERVAL` (`([\[(])([^,]*),([^,]*)([\])])`, full match).
fn interval(s: &str) -> Option<(char, &str, &str, char)> {
    let open = s.chars().next().filter(|c| matches!(c, '[' | '('))?;
    let close_b = s.chars().next_back().filter(|c| matches!(c, ']' | ')'))?;
    if s.len() < 2 {
        return None;
    }
    let inner = &s[1..s.len() - 1];
    let mut parts = inner.split(',');
    let (low, high) = (parts.next()?, parts.next()?);
    parts.next().is_none().then_some((open, low, high, close_b))
}

fn load_recognizers(data: &[u8], path: &str) -> Result<Vec<GoldDoc>, EvalError> {
    let format = "recognizers";
    let mut docs = Vec::new();
    for (_, row) in read_jsonl(data, path)? {
        let suite = row.get("suite").ok_or_else(|| bad(path, format, "KeyError: 'suite'"))?;
        let idx = row.get("idx").ok_or_else(|| bad(path, format, "KeyError: 'idx'"))?;
        let input = row.get("input").and_then(Value::as_str).ok_or_else(|| bad(path, format, "KeyError: 'input'"))?;
        let results =
            row.get("results").and_then(Value::as_array).ok_or_else(|| bad(path, format, "KeyError: 'results'"))?;
        let (mut expected, mut skipped) = (Vec::new(), Vec::new());
        for r in results {
            let r = r.as_object().ok_or_else(|| bad(path, format, "a result is not an object"))?;
            let start = r.get("start").and_then(Value::as_u64).ok_or_else(|| bad(path, format, "KeyError: 'start'"))?;
            let end = r.get("end").and_then(Value::as_u64).ok_or_else(|| bad(path, format, "KeyError: 'end'"))?;
            let span = (start as usize, end as usize + 1);
            match recognizers_expected(r) {
                Some(e) => expected.push((span, e)),
                None => skipped.push(span),
            }
        }
        let skip = !skipped.is_empty() && expected.is_empty();
        docs.push(GoldDoc {
            id: format!("{}#{}", py_str(suite), py_str(idx)),
            text: input.to_owned(),
            skip,
            kind: DocKind::Recognizers { suite: py_str(suite), expected, skipped },
        });
    }
    Ok(docs)
}

/// score.py's `duckling_expected`.
fn duckling_expected(row: &Map<String, Value>, path: &str) -> Result<Expected, EvalError> {
    let format = "duckling";
    let v = row.get("value").and_then(Value::as_object).ok_or_else(|| bad(path, format, "KeyError: 'value'"))?;
    let dimension = row.get("dimension").and_then(Value::as_str).unwrap_or("");
    let locale = row.get("locale").and_then(Value::as_str).unwrap_or("");
    let (mut unit_ok, mut factor, mut unit) = (None, 1.0, None);
    if dimension == "AmountOfMoney" {
        let (ok, f) = currency_rule(v.get("unit").and_then(Value::as_str), None);
        unit_ok = ok;
        factor = f;
        if locale != "EN" {
            unit_ok = None;
        }
    } else if dimension == "Quantity" {
        unit = canon_unit(v.get("unit"));
    }
    let num = |key: &str| {
        v.get(key)
            .and_then(Value::as_f64)
            .map(|x| x * factor)
            .ok_or_else(|| bad(path, format, format!("KeyError: '{key}'")))
    };
    let base = Expected { unit_ok, unit, ..Expected::default() };
    match v.get("kind").and_then(Value::as_str) {
        Some("simple") => Ok(Expected { value: Some(num("value")?), ..base }),
        Some("between") => Ok(Expected { low: Some(num("from")?), high: Some(num("to")?), ..base }),
        Some("above") => Ok(Expected { low: Some(num("value")?), low_qualifiers: ABOVE, ..base }),
        Some("under") => Ok(Expected { high: Some(num("value")?), high_qualifiers: BELOW, ..base }),
        other => Err(bad(path, format, format!("ValueError: unknown Duckling value kind {other:?}"))),
    }
}

fn load_duckling(data: &[u8], path: &str) -> Result<Vec<GoldDoc>, EvalError> {
    let mut docs = Vec::new();
    for (n, row) in read_jsonl(data, path)? {
        let get = |k: &str| {
            row.get(k)
                .and_then(Value::as_str)
                .map(str::to_owned)
                .ok_or_else(|| bad(path, "duckling", format!("KeyError: '{k}'")))
        };
        let section = get("section")?;
        let dimension = get("dimension")?;
        let locale = get("locale")?;
        let expected = if section == "positive" { Some(duckling_expected(&row, path)?) } else { None };
        let examples = row
            .get("examples")
            .and_then(Value::as_array)
            .ok_or_else(|| bad(path, "duckling", "KeyError: 'examples'"))?;
        for (k, example) in examples.iter().enumerate() {
            docs.push(GoldDoc {
                id: format!("{n}#{k}"),
                text: example.as_str().unwrap_or("").to_owned(),
                skip: section == "latent",
                kind: DocKind::Duckling {
                    dimension: dimension.clone(),
                    regional: locale != "EN",
                    section: section.clone(),
                    expected: expected.clone(),
                },
            });
        }
    }
    Ok(docs)
}

/// Reads a numbers gold file: the format is detected from the first line's
/// keys, as score.py's `detect_format` does.
fn load(path: &str, data: &[u8]) -> Result<Box<dyn Gold>, EvalError> {
    let first = data.split(|&b| b == b'\n').find(|l| !l.iter().all(u8::is_ascii_whitespace));
    let Some(first) = first else { return Err(EvalError::Gold(format!("{path}: empty file"))) };
    let trimmed = first.iter().position(|b| !b.is_ascii_whitespace()).map_or(first, |i| &first[i..]);
    if !trimmed.starts_with(b"{") {
        return Err(EvalError::Gold(format!("{path} is conll gold, which is for task entities, not numbers")));
    }
    let keys: HashSet<String> =
        read_jsonl(first, path)?.pop().map(|(_, o)| o.keys().cloned().collect()).unwrap_or_default();
    let has = |ks: &[&str]| ks.iter().all(|k| keys.contains(*k));
    let (format, docs) = if has(&["suite", "input", "results"]) {
        ("recognizers", load_recognizers(data, path)?)
    } else if has(&["dimension", "section", "value", "examples"]) {
        ("duckling", load_duckling(data, path)?)
    } else if has(&["text", "quotes"]) {
        return Err(EvalError::Gold(format!("{path} is polnear gold, which is for task quotes, not numbers")));
    } else if has(&["text", "sentences"]) {
        return Err(EvalError::Gold(format!("{path} is sentence gold, which is for task sentences, not numbers")));
    } else {
        let mut sorted: Vec<&String> = keys.iter().collect();
        sorted.sort();
        return Err(EvalError::Gold(format!("{path}: unknown gold format (first line has keys {sorted:?})")));
    };
    let mut seen = HashSet::new();
    for d in &docs {
        if !seen.insert(d.id.clone()) {
            return Err(EvalError::Gold(format!("{path}: duplicate document id {:?}", d.id)));
        }
    }
    Ok(Box::new(NumbersGold { format, docs }))
}

/// A prediction's status (score.py's `Pair.status`).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Ok,
    Missing,
    Extra,
}

/// Gold documents with their predictions, extras last (score.py's `align`).
fn pairs<'a>(docs: &'a [GoldDoc], aligned: &Aligned<'a>) -> Vec<(Option<&'a GoldDoc>, Option<&'a Value>, Status)> {
    let mut out: Vec<_> = docs
        .iter()
        .zip(&aligned.found)
        .map(|(d, p)| (Some(d), *p, if p.is_some() { Status::Ok } else { Status::Missing }))
        .collect();
    out.extend(aligned.extra.iter().map(|p| (None, Some(*p), Status::Extra)));
    out
}

/// score.py's `suite_base`: `Number/NumberModelExperimentalMode` →
/// (`NumberModel`, `ExperimentalMode`).
fn suite_base(suite: &str) -> (Option<&'static str>, String) {
    let name = suite.rsplit('/').next().unwrap_or(suite);
    let mut bases = DEFAULT_SUITES;
    bases.sort_by_key(|b| std::cmp::Reverse(b.len()));
    for base in bases {
        if let Some(rest) = name.strip_prefix(base) {
            return (Some(base), rest.to_owned());
        }
    }
    (None, name.to_owned())
}

fn in_headline(suite: &str) -> bool {
    if suite == EXTRA {
        return true;
    }
    let (base, mode) = suite_base(suite);
    base.is_some() && mode.is_empty()
}

/// score.py's `relevant_to_suite`.
fn relevant_to_suite(base: Option<&str>, q: &Value, gold_spans: &HashSet<(usize, usize)>) -> bool {
    let Some(base) = base else { return true };
    if base == "NumberRangeModel" {
        return is_range(q) || offsets(q).is_some_and(|s| gold_spans.contains(&s));
    }
    if is_range(q) {
        return false;
    }
    let kind = q.get("kind").and_then(Value::as_str).unwrap_or("");
    let quantity = match base {
        "DimensionModel" => Some("dimension"),
        "AgeModel" => Some("age"),
        "TemperatureModel" => Some("temperature"),
        _ => None,
    };
    if let Some(class) = quantity {
        return kind == "quantity" && quantity_classes(q.get("unit")).contains(&class);
    }
    let want = match base {
        "NumberModel" => "cardinal",
        "OrdinalModel" => "ordinal",
        "PercentModel" => "percent",
        _ => "money",
    };
    kind == want
}

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// score.py's `match_one_to_one`: each gold in order takes the first free prediction that fits.
fn match_one_to_one<'a>(
    expected: &'a [((usize, usize), Expected)],
    preds: &[&'a Value],
    ok: impl Fn(&((usize, usize), Expected), &Value) -> bool,
) -> Vec<(usize, &'a Value)> {
    let mut free: Vec<&Value> = preds.to_vec();
    let mut out = Vec::new();
    for (i, e) in expected.iter().enumerate() {
        if let Some(pos) = free.iter().position(|q| ok(e, q)) {
            out.push((i, free.remove(pos)));
        }
    }
    out
}

/// A Recognizers case as scoring sees it (an extra id is an empty case).
struct Case<'a> {
    suite: &'a str,
    expected: &'a [((usize, usize), Expected)],
    skipped: &'a [(usize, usize)],
    skip: bool,
}

/// The counters of a Recognizers suite.
#[derive(Clone, Copy, Default)]
struct SuiteCounts {
    cases: usize,
    exact: usize,
    skipped_cases: usize,
    skipped_results: usize,
    gold: usize,
    predicted: usize,
    span_tp: usize,
    value_tp: usize,
    unit_agree: usize,
    unit_of: usize,
}

impl SuiteCounts {
    fn add(&mut self, o: &SuiteCounts) {
        self.cases += o.cases;
        self.exact += o.exact;
        self.skipped_cases += o.skipped_cases;
        self.skipped_results += o.skipped_results;
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.span_tp += o.span_tp;
        self.value_tp += o.value_tp;
        self.unit_agree += o.unit_agree;
        self.unit_of += o.unit_of;
    }

    /// score.py's `recognizers_figures`.
    fn figures(&self) -> Value {
        let measure =
            |tp: usize| byline_core::eval::Counts { tp, fp: self.predicted - tp, fn_: self.gold - tp }.prf().to_json();
        json!({
            "cases": self.cases,
            "exact": self.exact,
            "exact_pct": pct(self.exact, self.cases),
            "skipped_cases": self.skipped_cases,
            "skipped_results": self.skipped_results,
            "span": measure(self.span_tp),
            "value": measure(self.value_tp),
            "unit_agreement": {"agree": self.unit_agree, "of": self.unit_of, "pct": pct(self.unit_agree, self.unit_of)},
        })
    }
}

/// score.py's `layer(pred, "numbers")`, with the annotations it reads.
fn numbers_of(pred: Option<&Value>) -> Vec<&Value> {
    layer(pred, "numbers").iter().filter(|q| offsets(q).is_some()).collect()
}

impl NumbersGold {
    fn score_recognizers(&self, aligned: &Aligned<'_>) -> (Map<String, Value>, Vec<String>) {
        let mut suites: BTreeMap<String, SuiteCounts> = BTreeMap::new();
        for (g, pred, status) in pairs(&self.docs, aligned) {
            let empty = Case { suite: EXTRA, expected: &[], skipped: &[], skip: false };
            let case = match g {
                Some(GoldDoc { kind: DocKind::Recognizers { suite, expected, skipped }, skip, .. }) => {
                    Case { suite, expected, skipped, skip: *skip }
                }
                _ => empty,
            };
            let Case { suite, expected, skipped, skip } = case;
            let suite = suite.to_owned();
            let c = suites.entry(suite.clone()).or_default();
            c.skipped_results += skipped.len();
            if skip {
                c.skipped_cases += 1;
                continue;
            }
            let gold_spans: HashSet<(usize, usize)> = expected.iter().map(|(s, _)| *s).collect();
            let base = if g.is_some() { suite_base(&suite).0 } else { None };
            let preds: Vec<&Value> = numbers_of(pred)
                .into_iter()
                .filter(|q| {
                    let span = offsets(q).unwrap_or((0, 0));
                    relevant_to_suite(base, q, &gold_spans)
                        && (gold_spans.contains(&span) || !skipped.iter().any(|s| overlaps(span, *s)))
                })
                .collect();
            let same_span = |e: &((usize, usize), Expected), q: &Value| offsets(q) == Some(e.0);
            let by_span = match_one_to_one(expected, &preds, same_span);
            let by_value = match_one_to_one(expected, &preds, |e, q| same_span(e, q) && number_matches(&e.1, q));
            c.cases += 1;
            c.gold += expected.len();
            c.predicted += preds.len();
            c.span_tp += by_span.len();
            c.value_tp += by_value.len();
            c.exact +=
                usize::from(status == Status::Ok && by_value.len() == expected.len() && expected.len() == preds.len());
            for (i, q) in by_value {
                if let Some(unit) = &expected[i].1.unit {
                    c.unit_of += 1;
                    c.unit_agree += usize::from(canon_unit(q.get("unit")).as_deref() == Some(unit.as_str()));
                }
            }
        }
        let headline: Vec<String> = suites.keys().filter(|s| in_headline(s)).cloned().collect();
        let sum = |pick: &dyn Fn(&str) -> bool| {
            let mut total = SuiteCounts::default();
            for (s, c) in &suites {
                if pick(s) {
                    total.add(c);
                }
            }
            total
        };
        let head = sum(&|s| headline.iter().any(|h| h == s));
        let variants = sum(&|s| !headline.iter().any(|h| h == s));
        let all = sum(&|_| true);
        let mut figures = Map::new();
        figures.insert("suites".into(), Value::Object(suites.iter().map(|(s, c)| (s.clone(), c.figures())).collect()));
        figures.insert("headline".into(), head.figures());
        figures.insert("variants".into(), variants.figures());
        figures.insert("all".into(), all.figures());
        figures.insert("headline_suites".into(), json!(headline));

        let row = |name: &str, f: &Value| -> Vec<String> {
            let prf = |key: &str| -> Prf { prf_of(&f[key]) };
            let u = &f["unit_agreement"];
            let mut cells =
                vec![name.to_owned(), f["cases"].to_string(), format!("{:.2}", f["exact_pct"].as_f64().unwrap_or(0.0))];
            cells.extend(prf_cells(&prf("span")));
            cells.push(format!("{:.2}", prf("value").f1));
            cells.push(if u["of"].as_u64().unwrap_or(0) > 0 {
                format!("{}/{}", u["agree"], u["of"])
            } else {
                "-".into()
            });
            cells.push(format!("{}/{}", f["skipped_cases"], f["skipped_results"]));
            cells
        };
        let header = [
            "suite",
            "cases",
            "exact%",
            "span P",
            "span R",
            "span F1",
            "value F1",
            "unit agree",
            "skipped cases/results",
        ];
        let suite_figs = &figures["suites"];
        let mut rows: Vec<Vec<String>> = Vec::new();
        for s in suites.keys().filter(|s| headline.contains(s)) {
            rows.push(row(s, &suite_figs[s.as_str()]));
        }
        rows.push(row("HEADLINE (default suites)", &figures["headline"]));
        for s in suites.keys().filter(|s| !headline.contains(s)) {
            rows.push(row(s, &suite_figs[s.as_str()]));
        }
        rows.push(row("VARIANTS (not in headline)", &figures["variants"]));
        rows.push(row("ALL SUITES", &figures["all"]));
        (figures, table(&header, &rows))
    }

    fn score_duckling(&self, aligned: &Aligned<'_>) -> (Map<String, Value>, Vec<String>) {
        #[derive(Clone, Copy, Default)]
        struct Tally {
            examples: usize,
            correct: usize,
        }
        let figures_of =
            |t: Tally| json!({"examples": t.examples, "correct": t.correct, "accuracy": pct(t.correct, t.examples)});
        let mut rows: BTreeMap<String, Tally> = BTreeMap::new();
        let mut sections: HashMap<String, Tally> = HashMap::new();
        let mut skipped = 0;
        for (g, pred, status) in pairs(&self.docs, aligned) {
            if g.is_some_and(|g| g.skip) {
                skipped += 1;
                continue;
            }
            let correct = status == Status::Ok && g.is_some_and(|g| duckling_correct(g, &numbers_of(pred)));
            let (key, section) = match g {
                Some(GoldDoc { kind: DocKind::Duckling { dimension, regional, section, .. }, .. }) => {
                    if *regional {
                        (format!("{dimension}{REGIONAL}"), None)
                    } else {
                        (dimension.clone(), Some(section.clone()))
                    }
                }
                _ => (EXTRA.to_owned(), None),
            };
            let bump = |t: &mut Tally| {
                t.examples += 1;
                t.correct += usize::from(correct);
            };
            bump(rows.entry(key).or_default());
            if let Some(s) = section {
                bump(sections.entry(s).or_default());
            }
        }
        let total = |regional: bool| {
            rows.iter().filter(|(k, _)| k.ends_with(REGIONAL) == regional).fold(Tally::default(), |a, (_, t)| Tally {
                examples: a.examples + t.examples,
                correct: a.correct + t.correct,
            })
        };
        let section = |name: &str| sections.get(name).copied().unwrap_or_default();
        let dimensions: Map<String, Value> =
            rows.iter().filter(|(k, _)| !k.ends_with(REGIONAL)).map(|(k, t)| (k.clone(), figures_of(*t))).collect();
        let mut figures = Map::new();
        figures.insert("dimensions".into(), Value::Object(dimensions.clone()));
        figures.insert("overall".into(), figures_of(total(false)));
        figures.insert("positive".into(), figures_of(section("positive")));
        figures.insert("negative".into(), figures_of(section("negative")));
        figures.insert("regional".into(), figures_of(total(true)));
        figures.insert("skipped_latent".into(), skipped.into());

        let row = |name: &str, f: &Value| {
            vec![
                name.to_owned(),
                f["examples"].to_string(),
                f["correct"].to_string(),
                format!("{:.2}", f["accuracy"].as_f64().unwrap_or(0.0)),
            ]
        };
        let mut table_rows: Vec<Vec<String>> = dimensions.iter().map(|(k, f)| row(k, f)).collect();
        table_rows.push(row("OVERALL (locale EN)", &figures["overall"]));
        table_rows.push(row("  positive examples", &figures["positive"]));
        table_rows.push(row("  negative examples", &figures["negative"]));
        table_rows.push(row(&format!("AmountOfMoney{REGIONAL}"), &figures["regional"]));
        let mut lines = table(&["dimension", "examples", "correct", "accuracy%"], &table_rows);
        lines.push(format!("skipped: {skipped} latent examples"));
        (figures, lines)
    }
}

/// A P/R/F1 read back from its JSON object.
fn prf_of(v: &Value) -> Prf {
    let n = |k: &str| v[k].as_u64().unwrap_or(0) as usize;
    let f = |k: &str| v[k].as_f64().unwrap_or(0.0);
    Prf { tp: n("tp"), fp: n("fp"), fn_: n("fn"), p: f("p"), r: f("r"), f1: f("f1") }
}

/// score.py's `duckling_correct`: a prediction covers the whole example.
fn duckling_correct(g: &GoldDoc, numbers: &[&Value]) -> bool {
    let DocKind::Duckling { dimension, section, expected, .. } = &g.kind else { return false };
    let text = &g.text;
    let chars = text.chars().count();
    let start = chars - text.trim_start().chars().count();
    let end = text.trim_end().chars().count();
    let covering: Vec<&&Value> =
        numbers.iter().filter(|q| offsets(q).is_some_and(|(s, e)| s <= start && e >= end)).collect();
    if section == "negative" {
        return covering.is_empty();
    }
    let kind = match dimension.as_str() {
        "Numeral" => "cardinal",
        "Ordinal" => "ordinal",
        "AmountOfMoney" => "money",
        "Quantity" => "quantity",
        _ => return false,
    };
    let Some(exp) = expected else { return false };
    covering.iter().any(|q| q.get("kind").and_then(Value::as_str) == Some(kind) && number_matches(exp, q))
}

impl Gold for NumbersGold {
    fn format(&self) -> &'static str {
        self.format
    }

    fn inputs(&self) -> Vec<Document> {
        self.docs.iter().map(|d| Document::new(d.id.clone(), d.text.clone())).collect()
    }

    fn score(&self, aligned: &Aligned<'_>) -> (Map<String, Value>, Vec<String>) {
        if self.format == "recognizers" { self.score_recognizers(aligned) } else { self.score_duckling(aligned) }
    }
}

byline_core::inventory::submit! {
    EvalTask {
        name: "numbers",
        summary: "Numbers against Recognizers-Text specs (exact cases per suite) or the Duckling corpus (accuracy).",
        load,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_canonicalise_like_score_py() {
        let u = |s: &str| canon_unit(Some(&Value::from(s)));
        assert_eq!(u("Miles per hour").as_deref(), Some("mile per hour"));
        assert_eq!(u("C").as_deref(), Some("celsius"));
        assert_eq!(u("inches").as_deref(), Some("inch"));
        assert_eq!(u("Cubic foot").as_deref(), Some("cubic foot"));
        assert_eq!(u(" "), None);
        assert_eq!(quantity_classes(Some(&Value::from("Degree"))), &["temperature", "dimension"]);
        assert_eq!(py_float("1E-10"), Some(1e-10));
        assert_eq!(py_float("end+0"), None);
        assert_eq!(py_float("1_000"), Some(1000.0));
        assert_eq!(interval("[20,30)"), Some(('[', "20", "30", ')')));
        assert_eq!(interval("(,40]"), Some(('(', "", "40", ']')));
        assert_eq!(interval("20"), None);
    }

    #[test]
    fn matching_follows_score_py() {
        let range = Expected { low: Some(40.0), low_qualifiers: ABOVE, ..Expected::default() };
        assert!(number_matches(&range, &json!({"value": 40, "qualifier": "more_than"})));
        assert!(number_matches(&range, &json!({"min": 40})));
        assert!(!number_matches(&range, &json!({"value": 40})));
        let grams = Expected { value: Some(2.0), unit: Some("gram".into()), ..Expected::default() };
        assert!(number_matches(&grams, &json!({"value": 0.002, "unit": "kilogram"})));
        let dollars = Expected { value: Some(5.0), unit_ok: Some(UnitRule::AnyDollar), ..Expected::default() };
        assert!(number_matches(&dollars, &json!({"value": 5, "unit": "CAD"})));
        assert!(!number_matches(&dollars, &json!({"value": 5, "unit": "EUR"})));
        assert_eq!(suite_base("Number/NumberModelExperimentalMode"), (Some("NumberModel"), "ExperimentalMode".into()));
        assert!(in_headline("NumberWithUnit/CurrencyModel") && !in_headline("Number/PercentModelPercentMode"));
    }
}
