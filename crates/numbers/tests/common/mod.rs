//! The rendering and checking shared by the table-driven case files.

use byline_numbers::{Number, find};

/// `<covered text> = <kind> <value>[ unit][ (qualifier)]`; a range's value
/// is `min..max`.
pub fn render(text: &str, n: &Number) -> String {
    let show = |d: Option<byline_numbers::Decimal>| d.map(|d| d.normalize().to_string()).unwrap_or_default();
    let value = match n.value {
        Some(v) => v.normalize().to_string(),
        None => format!("{}..{}", show(n.min), show(n.max)),
    };
    let mut s = format!("{} = {} {}", n.span.text(text), n.kind, value);
    if let Some(u) = &n.unit {
        s.push(' ');
        s.push_str(u);
    }
    if let Some(q) = n.qualifier {
        s.push_str(&format!(" ({q})"));
    }
    s
}

/// Checks every case; reports all failures at once.
pub fn check(cases: &[(&str, &[&str])]) {
    let mut failures = Vec::new();
    for (text, expect) in cases {
        let got: Vec<String> = find(text).iter().map(|n| render(text, n)).collect();
        if got != *expect {
            failures.push(format!("{text:?}\n   want {expect:?}\n   got  {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}
