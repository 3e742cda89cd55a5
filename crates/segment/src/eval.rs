//! `byline eval sentences`: score.py's sentence scoring, ported.
//!
//! The gold is JSONL with `text` and `sentences` (UD treebanks; with a
//! `rule` key, the Golden Rules). Gold sentences are located in the text
//! ignoring whitespace; a boundary is a sentence end with trailing
//! whitespace removed, except the end of the text. Offsets are characters
//! and whitespace is Python's `str.isspace`, exactly as score.py has them,
//! so the two print the same figures.

use std::collections::HashSet;

use byline_core::Document;
use byline_core::eval::{Aligned, Counts, EvalError, EvalTask, Gold, layer, offsets, pct};
use serde_json::{Map, Value, json};

use crate::chars::is_python_space;

inventory::submit! {
    EvalTask {
        name: "sentences",
        summary: "Sentence boundaries: exact-match items and boundary P/R/F1 (UD treebanks, Golden Rules).",
        load,
    }
}

/// One gold document.
#[derive(Debug)]
struct GoldSentences {
    id: String,
    text: String,
    /// Gold sentences, whitespace collapsed, empty ones dropped.
    sentences: Vec<String>,
    /// Boundary character offsets.
    boundaries: HashSet<usize>,
}

/// A loaded sentences gold file.
#[derive(Debug)]
struct SentenceGold {
    format: &'static str,
    docs: Vec<GoldSentences>,
}

/// JSONL gold formats score.py detects, in its order, with their keys and
/// task.
const FORMATS: &[(&str, &str, &[&str])] = &[
    ("recognizers", "numbers", &["suite", "input", "results"]),
    ("duckling", "numbers", &["dimension", "section", "value", "examples"]),
    ("polnear", "quotes", &["text", "quotes"]),
    ("golden-rules", "sentences", &["rule", "text", "sentences"]),
    ("ud", "sentences", &["text", "sentences"]),
];

fn load(path: &str, data: &[u8]) -> Result<Box<dyn Gold>, EvalError> {
    let format = detect_format(path, data)?;
    let mut docs = Vec::new();
    let mut seen = HashSet::new();
    for (n, row) in read_jsonl(path, data)? {
        let doc = load_row(&row).map_err(|e| EvalError::Gold(format!("{path}: not a valid {format} file ({e})")))?;
        let doc = doc.map_err(|sentence| {
            EvalError::Gold(format!("{path} line {n}: gold sentence {} is not in the text", shorten(&sentence)))
        })?;
        if !seen.insert(doc.id.clone()) {
            return Err(EvalError::Gold(format!("{path}: duplicate document id {:?}", doc.id)));
        }
        docs.push(doc);
    }
    Ok(Box::new(SentenceGold { format, docs }))
}

/// score.py's `detect_format`, for the sentences task.
fn detect_format(path: &str, data: &[u8]) -> Result<&'static str, EvalError> {
    let first = data.split(|&b| b == b'\n').find(|l| !l.trim_ascii().is_empty());
    let Some(first) = first else { return Err(EvalError::Gold(format!("{path}: empty file"))) };
    if !first.trim_ascii_start().starts_with(b"{") {
        return Err(EvalError::Gold(format!("{path} is conll gold, which is for task entities, not sentences")));
    }
    let row = read_jsonl(path, first)?.into_iter().next().map(|(_, row)| row).unwrap_or_default();
    for (name, task, keys) in FORMATS {
        if keys.iter().all(|k| row.contains_key(*k)) {
            if *task != "sentences" {
                return Err(EvalError::Gold(format!("{path} is {name} gold, which is for task {task}, not sentences")));
            }
            return Ok(name);
        }
    }
    let mut keys: Vec<&String> = row.keys().collect();
    keys.sort();
    Err(EvalError::Gold(format!("{path}: unknown gold format (first line has keys {keys:?})")))
}

/// A JSONL line: its 1-based number and object.
type Row = (usize, Map<String, Value>);

/// Non-blank lines as JSON objects, with their 1-based line numbers.
fn read_jsonl(path: &str, data: &[u8]) -> Result<Vec<Row>, EvalError> {
    let mut rows = Vec::new();
    for (k, raw) in data.split(|&b| b == b'\n').enumerate() {
        if raw.trim_ascii().is_empty() {
            continue;
        }
        let n = k + 1;
        let line = std::str::from_utf8(raw).map_err(|_| EvalError::Gold(format!("{path} line {n}: not UTF-8")))?;
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(row)) => rows.push((n, row)),
            Ok(_) => return Err(EvalError::Gold(format!("{path} line {n}: not a JSON object: {}", shorten(line)))),
            Err(e) => return Err(EvalError::Gold(format!("{path} line {n}: invalid JSON ({e}): {}", shorten(line)))),
        }
    }
    Ok(rows)
}

/// One gold row; the inner error is a sentence not found in the text.
fn load_row(row: &Map<String, Value>) -> Result<Result<GoldSentences, String>, String> {
    let text = row.get("text").and_then(Value::as_str).ok_or("KeyError: 'text'")?;
    let sentences: Vec<&str> = row
        .get("sentences")
        .and_then(Value::as_array)
        .ok_or("KeyError: 'sentences'")?
        .iter()
        .map(|s| s.as_str().ok_or("TypeError: a sentence is not a string"))
        .collect::<Result<_, _>>()?;
    // Python: row.get("doc_id") or row["id"].
    let id = match row.get("doc_id") {
        Some(v) if truthy(v) => v,
        _ => row.get("id").ok_or("KeyError: 'id'")?,
    };
    let id = match id {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    let chars: Vec<char> = text.chars().collect();
    let spans = match locate(&chars, &sentences) {
        Ok(spans) => spans,
        Err(sentence) => return Ok(Err(sentence.to_owned())),
    };
    Ok(Ok(GoldSentences {
        id,
        text: text.to_owned(),
        sentences: sentences.iter().map(|s| collapse(s)).filter(|s| !s.is_empty()).collect(),
        boundaries: boundaries(&chars, &spans),
    }))
}

fn truthy(v: &Value) -> bool {
    match v {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.is_empty(),
        Value::Number(n) => n.as_f64().is_some_and(|x| x != 0.0),
        Value::Array(a) => !a.is_empty(),
        Value::Object(o) => !o.is_empty(),
    }
}

/// score.py's `locate_sentences`: each gold sentence in the text, in order,
/// ignoring whitespace; character spans.
fn locate<'s>(text: &[char], sentences: &[&'s str]) -> Result<Vec<(usize, usize)>, &'s str> {
    let mut spans = Vec::new();
    let mut pos = 0;
    for sentence in sentences {
        let mut start = None;
        for ch in sentence.chars().filter(|&c| !is_python_space(c)) {
            while pos < text.len() && is_python_space(text[pos]) {
                pos += 1;
            }
            if pos == text.len() || text[pos] != ch {
                return Err(sentence);
            }
            start.get_or_insert(pos);
            pos += 1;
        }
        if let Some(start) = start {
            spans.push((start, pos));
        }
    }
    Ok(spans)
}

/// score.py's `sentence_boundaries`.
fn boundaries(text: &[char], spans: &[(usize, usize)]) -> HashSet<usize> {
    let end_of_text = text.iter().rposition(|&c| !is_python_space(c)).map_or(0, |k| k + 1);
    let mut out = HashSet::new();
    for &(start, mut end) in spans {
        let end_limit = end.min(text.len());
        end = end_limit;
        while end > start && is_python_space(text[end - 1]) {
            end -= 1;
        }
        if start < end && end < end_of_text {
            out.insert(end);
        }
    }
    out
}

/// Whitespace runs collapsed to one space, ends stripped (`" ".join(s.split())`).
fn collapse(s: &str) -> String {
    s.split(is_python_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// score.py's `shorten`: a Python repr, cut at 80 characters.
fn shorten(s: &str) -> String {
    let cut: String = s.chars().take(80).collect();
    let shown = if s.chars().count() > 80 { format!("{cut}...") } else { cut };
    format!("{shown:?}")
}

impl Gold for SentenceGold {
    fn format(&self) -> &'static str {
        self.format
    }

    fn inputs(&self) -> Vec<Document> {
        self.docs.iter().map(|d| Document::new(d.id.clone(), d.text.clone())).collect()
    }

    fn score(&self, aligned: &Aligned<'_>) -> (Map<String, Value>, Vec<String>) {
        let mut counts = Counts::default();
        let mut exact = 0;
        let mut items = 0;
        let empty = HashSet::new();
        let gold_pairs = self.docs.iter().zip(&aligned.found).map(|(g, p)| (g.text.as_str(), Some(g), *p));
        let extra_pairs =
            aligned.extra.iter().map(|p| (p.get("text").and_then(Value::as_str).unwrap_or(""), None, Some(*p)));
        for (text, gold, pred) in gold_pairs.chain(extra_pairs) {
            items += 1;
            let chars: Vec<char> = text.chars().collect();
            let mut spans: Vec<(usize, usize)> = layer(pred, "sentences").iter().filter_map(offsets).collect();
            spans.sort_unstable();
            let predicted: Vec<String> = spans
                .iter()
                .map(|&(s, e)| {
                    let (s, e) = (s.min(chars.len()), e.min(chars.len()));
                    if s < e { collapse(&chars[s..e].iter().collect::<String>()) } else { String::new() }
                })
                .filter(|c| !c.is_empty())
                .collect();
            let gold_boundaries = gold.map_or(&empty, |g| &g.boundaries);
            if let (Some(g), Some(_)) = (gold, pred) {
                exact += usize::from(predicted == g.sentences);
            }
            let predicted_boundaries = boundaries(&chars, &spans);
            counts.add(Counts::of_sets(gold_boundaries, &predicted_boundaries));
        }
        let prf = counts.prf();
        let exact_pct = pct(exact, items);
        let mut figures = Map::new();
        figures.insert("items".into(), items.into());
        figures.insert("exact".into(), exact.into());
        figures.insert("exact_pct".into(), json!(exact_pct));
        figures.insert("boundaries".into(), prf.to_json());
        let lines = vec![
            format!("exact match  {exact}/{items} items = {exact_pct:.2}%"),
            format!(
                "boundaries   P {:.2}  R {:.2}  F1 {:.2}  (tp {}, fp {}, fn {})",
                prf.p, prf.r, prf.f1, prf.tp, prf.fp, prf.fn_
            ),
        ];
        (figures, lines)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(lines: &str) -> Box<dyn Gold> {
        match load("gold.jsonl", lines.as_bytes()) {
            Ok(g) => g,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn boundaries_ignore_whitespace_and_the_end() {
        let g = gold(r#"{"doc_id": "a", "text": "One.  Two\n. Three.  ", "sentences": ["One.", "Two .", "Three."]}"#);
        let preds = vec![json!({"id": "a", "sentences": [
            {"start": 0, "end": 6}, {"start": 6, "end": 11}, {"start": 12, "end": 18}
        ]})];
        let ids = vec!["a".to_owned()];
        let (figures, lines) = g.score(&Aligned::new(&ids, &preds));
        assert_eq!(figures["exact"], 1);
        assert_eq!(figures["boundaries"]["tp"], 2);
        assert_eq!(figures["boundaries"]["f1"], 100.0);
        assert_eq!(lines[0], "exact match  1/1 items = 100.00%");
    }

    #[test]
    fn missing_and_extra_documents_count_as_wrong() {
        let g = gold("{\"id\": \"a\", \"text\": \"A. B.\", \"sentences\": [\"A.\", \"B.\"]}\n\n");
        let preds =
            vec![json!({"id": "z", "text": "X. Y.", "sentences": [{"start": 0, "end": 2}, {"start": 3, "end": 5}]})];
        let ids = vec!["a".to_owned()];
        let (figures, _) = g.score(&Aligned::new(&ids, &preds));
        assert_eq!(figures["items"], 2);
        assert_eq!(figures["exact"], 0);
        assert_eq!(figures["boundaries"], json!({"tp": 0, "fp": 1, "fn": 1, "p": 0.0, "r": 0.0, "f1": 0.0}));
    }

    #[test]
    fn formats_are_detected_as_score_py_does() {
        assert_eq!(gold(r#"{"rule": "x", "text": "A.", "sentences": ["A."], "id": "1"}"#).format(), "golden-rules");
        for (data, message) in [
            ("", "empty file"),
            ("-DOCSTART- O\n", "conll gold"),
            (r#"{"text": "A", "quotes": []}"#, "polnear gold, which is for task quotes"),
            (r#"{"x": 1}"#, "unknown gold format"),
            (r#"{"id": "a", "text": "A.", "sentences": ["B."]}"#, "gold sentence \"B.\" is not in the text"),
        ] {
            let err = load("g", data.as_bytes()).err().map(|e| e.to_string()).unwrap_or_default();
            assert!(err.contains(message), "{data}: {err}");
        }
    }
}
