//! Scoring against PolNeAR gold, exactly as `../shared/eval/score.py`
//! scores the `quotes` task (its `load_polnear`, `match_quotes`,
//! `quote_figures` and `render_quotes`), so `byline eval quotes --gold FILE`
//! prints score.py's figures.
//!
//! Gold units are the fragments of each quotation (or its whole content),
//! trimmed of whitespace, quote marks and `, . : ;`, per kind (`direct`,
//! `mixed`, `indirect`). Predictions are trimmed the same way and matched
//! one-to-one: equal spans first, then spans sharing at least half of the
//! shorter one, preferring candidates whose speaker, then cue, agree (one
//! character of overlap) and then the largest overlap. A prediction that
//! matches nothing but overlaps a gold quotation of another kind is ignored
//! (counted against strict precision only).

use byline_core::Document;
use byline_core::eval::{Aligned, Counts, EvalError, EvalTask, Gold, Prf, layer, offsets, pct, prf_cells, table};
use serde_json::{Map, Value, json};

/// A scored unit: its trimmed span, speaker and cue (character offsets).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Unit {
    span: (usize, usize),
    speaker: Option<(usize, usize)>,
    cue: Option<(usize, usize)>,
}

/// One gold document: its text and units per kind.
struct GoldDoc {
    id: String,
    text: String,
    direct: Vec<Unit>,
    mixed: Vec<Unit>,
    indirect: Vec<Unit>,
}

/// A PolNeAR gold file.
struct PolnearGold {
    docs: Vec<GoldDoc>,
}

/// Characters score.py trims from both ends of a quotation.
fn trimmed(c: char) -> bool {
    // Python's str.isspace() also holds for the separators U+001C..U+001F.
    c.is_whitespace()
        || ('\u{1c}'..='\u{1f}').contains(&c)
        || matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '«' | '»' | '„' | '‟' | ',' | '.' | ':' | ';')
}

/// score.py's `trim_quote` on a text's characters.
fn trim_quote(chars: &[char], mut start: usize, mut end: usize) -> (usize, usize) {
    end = end.min(chars.len());
    while start < end && trimmed(chars[start]) {
        start += 1;
    }
    while end > start && trimmed(chars[end - 1]) {
        end -= 1;
    }
    (start, end)
}

fn overlaps(a: Option<(usize, usize)>, b: Option<(usize, usize)>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a.0 < b.1 && b.0 < a.1)
}

/// A speaker (or cue) agrees when it overlaps the gold one, or both are absent.
fn same_role(pred: Option<(usize, usize)>, gold: Option<(usize, usize)>) -> bool {
    if gold.is_some() { overlaps(pred, gold) } else { pred.is_none() }
}

/// The spans share at least half of the shorter one.
fn half_overlap(a: (usize, usize), b: (usize, usize)) -> bool {
    let common = a.1.min(b.1) as i64 - a.0.max(b.0) as i64;
    common > 0 && 2 * common >= (a.1 - a.0).min(b.1 - b.0) as i64
}

fn outer_span(v: Option<&Value>) -> Result<Option<(usize, usize)>, String> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(obj) => {
            let start = obj.get("start").and_then(Value::as_u64).ok_or("a span without integer \"start\"")?;
            let end = obj.get("end").and_then(Value::as_u64).ok_or("a span without integer \"end\"")?;
            Ok(Some((start as usize, end as usize)))
        }
    }
}

fn load_doc(row: &Value) -> Result<GoldDoc, String> {
    let id = row.get("doc_id").and_then(Value::as_str).ok_or("no string \"doc_id\"")?.to_owned();
    let text = row.get("text").and_then(Value::as_str).ok_or("no string \"text\"")?.to_owned();
    let chars: Vec<char> = text.chars().collect();
    let mut doc = GoldDoc { id, text, direct: Vec::new(), mixed: Vec::new(), indirect: Vec::new() };
    for q in row.get("quotes").and_then(Value::as_array).ok_or("no list \"quotes\"")? {
        let content = q.get("quote").ok_or("a quote without \"quote\"")?;
        let speaker = outer_span(q.get("speaker"))?;
        let cue = outer_span(q.get("cue"))?;
        let mut fragments = Vec::new();
        match content.get("fragments").and_then(Value::as_array).filter(|f| !f.is_empty()) {
            Some(list) => {
                for f in list {
                    let a = f.get(0).and_then(Value::as_u64).ok_or("a fragment that is not [start, end]")?;
                    let b = f.get(1).and_then(Value::as_u64).ok_or("a fragment that is not [start, end]")?;
                    fragments.push((a as usize, b as usize));
                }
            }
            None => fragments.push(outer_span(Some(content))?.ok_or("a quote without a span")?),
        }
        let kind = q.get("kind").and_then(Value::as_str).ok_or("a quote without \"kind\"")?;
        let units = match kind {
            "direct" => &mut doc.direct,
            "mixed" => &mut doc.mixed,
            "indirect" => &mut doc.indirect,
            other => return Err(format!("unknown quote kind {other:?}")),
        };
        for (a, b) in fragments {
            let span = trim_quote(&chars, a, b);
            if span.0 < span.1 {
                units.push(Unit { span, speaker, cue });
            }
        }
    }
    Ok(doc)
}

/// Reads a PolNeAR JSONL gold file.
fn load(path: &str, data: &[u8]) -> Result<Box<dyn Gold>, EvalError> {
    let text = std::str::from_utf8(data).map_err(|_| EvalError::Gold(format!("{path}: not UTF-8")))?;
    let mut docs = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (n, line) in text.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let row: Value = serde_json::from_str(line)
            .map_err(|e| EvalError::Gold(format!("{path} line {}: invalid JSON ({e})", n + 1)))?;
        if docs.is_empty() && !(row.get("text").is_some() && row.get("quotes").is_some()) {
            return Err(EvalError::Gold(format!(
                "{path} is not PolNeAR gold (records with \"text\" and \"quotes\"), so not for task quotes"
            )));
        }
        let doc = load_doc(&row)
            .map_err(|e| EvalError::Gold(format!("{path}: not a valid polnear file (line {}: {e})", n + 1)))?;
        if !seen.insert(doc.id.clone()) {
            return Err(EvalError::Gold(format!("{path}: duplicate document id {:?}", doc.id)));
        }
        docs.push(doc);
    }
    if docs.is_empty() {
        return Err(EvalError::Gold(format!("{path}: empty file")));
    }
    Ok(Box::new(PolnearGold { docs }))
}

/// The counters of score.py's `match_quotes`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Tally {
    gold: usize,
    overlap: usize,
    exact: usize,
    speaker: usize,
    cue: usize,
    ignored: usize,
    wrong: usize,
}

impl Tally {
    fn add(&mut self, o: Tally) {
        self.gold += o.gold;
        self.overlap += o.overlap;
        self.exact += o.exact;
        self.speaker += o.speaker;
        self.cue += o.cue;
        self.ignored += o.ignored;
        self.wrong += o.wrong;
    }

    /// Predictions scored: matched or wrong (ignored ones aside).
    fn scored(&self) -> usize {
        self.overlap + self.wrong
    }

    /// Each measure with its P/R/F1 and strict precision.
    fn measures(&self) -> [(&'static str, Prf, f64); 4] {
        let scored = self.scored();
        [("exact", self.exact), ("overlap", self.overlap), ("speaker", self.speaker), ("cue", self.cue)].map(
            |(name, tp)| {
                let prf = Counts { tp, fp: scored - tp, fn_: self.gold - tp }.prf();
                (name, prf, pct(tp, scored + self.ignored))
            },
        )
    }
}

/// score.py's `match_quotes`: one-to-one matching of predictions to units of
/// one kind; `others` are the gold spans of the other kinds.
fn match_quotes(units: &[Unit], others: &[(usize, usize)], preds: &[Unit]) -> Tally {
    let mut c = Tally { gold: units.len(), ..Tally::default() };
    let mut free: Vec<Unit> = units.to_vec();
    let take = |p: &Unit, candidates: Vec<Unit>, free: &mut Vec<Unit>, c: &mut Tally| {
        // Python's max(): the first candidate with the greatest key.
        let key = |u: &Unit| {
            let common = p.span.1.min(u.span.1) as i64 - p.span.0.max(u.span.0) as i64;
            (same_role(p.speaker, u.speaker), same_role(p.cue, u.cue), common)
        };
        let mut best = candidates[0];
        for u in &candidates[1..] {
            if key(u) > key(&best) {
                best = *u;
            }
        }
        if let Some(at) = free.iter().position(|u| *u == best) {
            free.remove(at);
        }
        c.overlap += 1;
        c.exact += usize::from(best.span == p.span);
        c.speaker += usize::from(same_role(p.speaker, best.speaker));
        c.cue += usize::from(same_role(p.cue, best.cue));
    };
    let mut rest = Vec::new();
    for p in preds {
        let same: Vec<Unit> = free.iter().filter(|u| u.span == p.span).copied().collect();
        if same.is_empty() {
            rest.push(*p);
        } else {
            take(p, same, &mut free, &mut c);
        }
    }
    for p in &rest {
        let candidates: Vec<Unit> = free.iter().filter(|u| half_overlap(p.span, u.span)).copied().collect();
        if candidates.is_empty() {
            if others.iter().any(|&o| half_overlap(p.span, o)) {
                c.ignored += 1;
            } else {
                c.wrong += 1;
            }
        } else {
            take(p, candidates, &mut free, &mut c);
        }
    }
    c
}

/// score.py's `quote_figures`.
fn figures(c: &Tally) -> Value {
    let mut out = Map::new();
    out.insert("gold".into(), c.gold.into());
    out.insert("predicted".into(), c.scored().into());
    out.insert("ignored".into(), c.ignored.into());
    for (name, prf, strict_p) in c.measures() {
        let mut obj = prf.to_json();
        obj["strict_p"] = json!(strict_p);
        out.insert(name.into(), obj);
    }
    Value::Object(out)
}

/// The predicted units of one document: `(unit, direct)`.
fn predictions(chars: &[char], pred: Option<&Value>) -> Vec<(Unit, bool)> {
    layer(pred, "quotes")
        .iter()
        .filter_map(|q| {
            let (start, end) = offsets(q)?;
            let span = trim_quote(chars, start, end);
            if span.0 >= span.1 {
                return None;
            }
            let speaker = q.get("speaker").and_then(offsets);
            let cue = q.get("cue").and_then(offsets);
            let direct = q.get("direct").and_then(Value::as_bool).unwrap_or(false);
            Some((Unit { span, speaker, cue }, direct))
        })
        .collect()
}

fn spans(units: &[Unit]) -> Vec<(usize, usize)> {
    units.iter().map(|u| u.span).collect()
}

impl PolnearGold {
    fn score_doc(doc: Option<&GoldDoc>, text: &str, pred: Option<&Value>, direct: &mut Tally, reported: &mut Tally) {
        let chars: Vec<char> = text.chars().collect();
        let preds = predictions(&chars, pred);
        let empty = Vec::new();
        let (d, m, ind) = doc.map_or((&empty, &empty, &empty), |g| (&g.direct, &g.mixed, &g.indirect));
        let direct_preds: Vec<Unit> = preds.iter().filter(|p| p.1).map(|p| p.0).collect();
        let reported_preds: Vec<Unit> = preds.iter().filter(|p| !p.1).map(|p| p.0).collect();
        let mut others = spans(m);
        others.extend(spans(ind));
        direct.add(match_quotes(d, &others, &direct_preds));
        let mut others = spans(d);
        others.extend(spans(m));
        reported.add(match_quotes(ind, &others, &reported_preds));
    }
}

impl Gold for PolnearGold {
    fn format(&self) -> &'static str {
        "polnear"
    }

    fn inputs(&self) -> Vec<Document> {
        self.docs.iter().map(|d| Document::new(d.id.clone(), d.text.clone())).collect()
    }

    fn score(&self, aligned: &Aligned<'_>) -> (Map<String, Value>, Vec<String>) {
        let (mut direct, mut reported) = (Tally::default(), Tally::default());
        for (doc, pred) in self.docs.iter().zip(&aligned.found) {
            PolnearGold::score_doc(Some(doc), &doc.text, *pred, &mut direct, &mut reported);
        }
        for pred in &aligned.extra {
            let text = pred.get("text").and_then(Value::as_str).unwrap_or("");
            PolnearGold::score_doc(None, text, Some(pred), &mut direct, &mut reported);
        }
        let mut out = Map::new();
        out.insert("direct".into(), figures(&direct));
        out.insert("reported".into(), figures(&reported));
        let mut lines = Vec::new();
        for (c, title, others) in [
            (&direct, "direct quotes (direct=true vs kind=direct)", "mixed/indirect"),
            (&reported, "reported speech (direct=false vs kind=indirect)", "direct/mixed"),
        ] {
            lines.push(format!(
                "{title}: {} gold units, {} predictions scored, {} ignored (overlap a {others} gold quote)",
                c.gold,
                c.scored(),
                c.ignored
            ));
            let rows: Vec<Vec<String>> = c
                .measures()
                .iter()
                .map(|(name, prf, strict_p)| {
                    let [p, r, f1] = prf_cells(prf);
                    vec![(*name).to_owned(), p, r, f1, prf.tp.to_string(), format!("{strict_p:.2}")]
                })
                .collect();
            lines.extend(table(&["measure", "P", "R", "F1", "correct", "strict P"], &rows));
            lines.push(String::new());
        }
        lines.pop();
        (out, lines)
    }
}

inventory::submit! {
    EvalTask {
        name: "quotes",
        summary: "Quotations against PolNeAR: direct quotes (exact, overlap, speaker, cue) and reported speech.",
        load,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(span: (usize, usize), speaker: Option<(usize, usize)>) -> Unit {
        Unit { span, speaker, cue: None }
    }

    #[test]
    fn trims_like_score_py() {
        let chars: Vec<char> = " “Yes,” he".chars().collect();
        assert_eq!(trim_quote(&chars, 0, 7), (2, 5));
        assert_eq!(trim_quote(&chars, 0, 2), (2, 2));
    }

    #[test]
    fn matches_one_to_one_exact_first() {
        let gold = [unit((0, 10), Some((20, 22))), unit((30, 40), None)];
        let preds = [unit((0, 10), Some((21, 23))), unit((31, 40), Some((1, 2))), unit((50, 60), None)];
        let c = match_quotes(&gold, &[(55, 60)], &preds);
        assert_eq!((c.overlap, c.exact, c.speaker, c.ignored, c.wrong), (2, 1, 1, 1, 0));
        let c = match_quotes(&gold, &[], &[unit((50, 60), None), unit((8, 30), None)]);
        assert_eq!((c.overlap, c.wrong), (0, 2));
    }

    #[test]
    fn half_overlap_is_of_the_shorter() {
        assert!(half_overlap((0, 10), (5, 7)));
        assert!(half_overlap((0, 4), (2, 100)));
        assert!(!half_overlap((0, 4), (3, 100)));
        assert!(!half_overlap((0, 4), (4, 8)));
    }
}
