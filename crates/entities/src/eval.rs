//! `byline eval entities`: score.py's CoNLL reader and conlleval-style
//! scoring, ported so that the figures agree to the last digit.
//!
//! A predicted entity is correct when `(start, end, label)` (character
//! offsets into the document text score.py builds: tokens joined by a space,
//! sentences by a newline) equals a gold entity. Micro P/R/F1 overall and per
//! label; PER, ORG, LOC, MISC always have a row, any other label that was
//! predicted or is in the gold gets one after them, sorted.

use std::collections::{BTreeSet, HashMap, HashSet};

use byline_core::Document;
use byline_core::eval::{Aligned, Counts, EvalError, EvalTask, Gold, layer, offsets, prf_cells, table};
use serde_json::{Map, Value};

use crate::conll::read_conll;

/// The labels score.py always reports, in its order.
const LABELS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// A CoNLL gold file.
#[derive(Debug)]
pub struct ConllGold {
    docs: Vec<GoldDocument>,
}

#[derive(Debug)]
struct GoldDocument {
    id: String,
    text: String,
    entities: HashSet<(usize, usize, String)>,
}

impl ConllGold {
    /// Reads a CoNLL file as score.py does.
    pub fn load(path: &str, data: &[u8]) -> Result<ConllGold, EvalError> {
        let text = std::str::from_utf8(data).map_err(|e| EvalError::Gold(format!("{path}: not UTF-8: {e}")))?;
        if text.lines().all(|l| l.trim().is_empty()) {
            return Err(EvalError::Gold(format!("{path}: empty file")));
        }
        let docs = read_conll(text).map_err(|e| EvalError::Gold(format!("{path} {e}")))?;
        Ok(ConllGold {
            docs: docs
                .iter()
                .enumerate()
                .map(|(k, doc)| GoldDocument {
                    id: format!("conll-{:04}", k + 1),
                    text: doc.text(),
                    entities: doc.entities().into_iter().collect(),
                })
                .collect(),
        })
    }
}

fn load(path: &str, data: &[u8]) -> Result<Box<dyn Gold>, EvalError> {
    let first = data.split(|&b| b == b'\n').find(|l| !l.iter().all(u8::is_ascii_whitespace));
    if first.is_some_and(|l| l.trim_ascii_start().starts_with(b"{")) {
        return Err(EvalError::Gold(format!(
            "{path} is JSONL, not CoNLL entity gold; `byline eval entities` reads CoNLL columns"
        )));
    }
    Ok(Box::new(ConllGold::load(path, data)?))
}

/// Predicted entities `(start, end, label)` of one output record.
fn predicted(pred: Option<&Value>) -> HashSet<(usize, usize, String)> {
    layer(pred, "entities")
        .iter()
        .filter_map(|e| {
            let (start, end) = offsets(e)?;
            Some((start, end, e.get("label")?.as_str()?.to_owned()))
        })
        .collect()
}

impl Gold for ConllGold {
    fn format(&self) -> &'static str {
        "conll"
    }

    fn inputs(&self) -> Vec<Document> {
        self.docs.iter().map(|d| Document::new(d.id.clone(), d.text.clone())).collect()
    }

    fn score(&self, aligned: &Aligned<'_>) -> (Map<String, Value>, Vec<String>) {
        let mut per_label: HashMap<String, Counts> = HashMap::new();
        let empty = HashSet::new();
        let pairs = self.docs.iter().map(|d| &d.entities).zip(aligned.found.iter().copied());
        let extra = aligned.extra.iter().map(|&p| (&empty, Some(p)));
        for (gold, pred) in pairs.chain(extra) {
            let pred = predicted(pred);
            for e in gold.intersection(&pred) {
                per_label.entry(e.2.clone()).or_default().tp += 1;
            }
            for e in pred.difference(gold) {
                per_label.entry(e.2.clone()).or_default().fp += 1;
            }
            for e in gold.difference(&pred) {
                per_label.entry(e.2.clone()).or_default().fn_ += 1;
            }
        }
        let others: BTreeSet<&String> = per_label
            .iter()
            .filter(|(l, c)| !LABELS.contains(&l.as_str()) && (c.fp > 0 || c.fn_ > 0))
            .map(|(l, _)| l)
            .collect();
        let labels: Vec<String> = LABELS.iter().map(|l| (*l).to_owned()).chain(others.into_iter().cloned()).collect();
        let mut overall = Counts::default();
        for c in per_label.values() {
            overall.add(*c);
        }
        let overall = overall.prf();
        let rows: Vec<(String, byline_core::eval::Prf)> = std::iter::once(("ALL".to_owned(), overall))
            .chain(labels.iter().map(|l| (l.clone(), per_label.get(l).copied().unwrap_or_default().prf())))
            .collect();
        let mut json = Map::new();
        json.insert("overall".into(), overall.to_json());
        json.insert(
            "per_label".into(),
            Value::Object(rows[1..].iter().map(|(l, m)| (l.clone(), m.to_json())).collect()),
        );
        let cells: Vec<Vec<String>> = rows
            .iter()
            .map(|(name, m)| {
                let [p, r, f1] = prf_cells(m);
                vec![name.clone(), (m.tp + m.fn_).to_string(), (m.tp + m.fp).to_string(), m.tp.to_string(), p, r, f1]
            })
            .collect();
        (json, table(&["label", "gold", "pred", "correct", "P", "R", "F1"], &cells))
    }
}

inventory::submit! {
    EvalTask {
        name: "entities",
        summary: "Named entities against CoNLL gold: exact (start, end, label) spans, P/R/F1 overall and per label.",
        load,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    const GOLD: &str = "-DOCSTART- -X- O O\n\nAnna I-PER\nmet O\nBob I-PER\nin O\nRome I-LOC\n\n\
                        -DOCSTART- -X- O O\n\nACME I-ORG\nCorp I-ORG\n";

    fn score(preds: &[Value]) -> Value {
        let gold = ConllGold::load("g", GOLD.as_bytes()).expect("valid gold");
        let ids: Vec<String> = gold.inputs().iter().map(|d| d.id.clone()).collect();
        let aligned = Aligned::new(&ids, preds);
        Value::Object(gold.score(&aligned).0)
    }

    #[test]
    fn inputs_are_score_py_texts() {
        let gold = ConllGold::load("g", GOLD.as_bytes()).expect("valid gold");
        let inputs = gold.inputs();
        assert_eq!((inputs[0].id.as_str(), inputs[0].text()), ("conll-0001", "Anna met Bob in Rome"));
        assert_eq!(inputs[1].text(), "ACME Corp");
    }

    #[test]
    fn scores_exact_spans_per_label() {
        let preds = vec![
            json!({"id": "conll-0001", "entities": [
                {"start": 0, "end": 4, "label": "PER"},
                {"start": 0, "end": 4, "label": "PER"},
                {"start": 9, "end": 12, "label": "ORG"},
                {"start": 16, "end": 20, "label": "LOC"},
                {"start": 16, "end": 20, "label": "GPE"}
            ]}),
            json!({"id": "conll-0009", "entities": [{"start": 0, "end": 4, "label": "ORG"}]}),
        ];
        let r = score(&preds);
        assert_eq!(r["overall"], json!({"tp": 2, "fp": 3, "fn": 2, "p": 40.0, "r": 50.0, "f1": 44.44}));
        assert_eq!(r["per_label"]["PER"]["tp"], 1);
        assert_eq!(r["per_label"]["ORG"], json!({"tp": 0, "fp": 2, "fn": 1, "p": 0.0, "r": 0.0, "f1": 0.0}));
        let labels: Vec<&String> = r["per_label"].as_object().expect("object").keys().collect();
        assert_eq!(labels, ["PER", "ORG", "LOC", "MISC", "GPE"]);
    }

    #[test]
    fn rejects_bad_gold() {
        assert!(ConllGold::load("g", b"word X-PER\n").is_err());
        assert!(load("g", b"{\"text\": \"x\"}\n").is_err());
        assert!(load("g", b"\n\n").is_err());
    }
}
