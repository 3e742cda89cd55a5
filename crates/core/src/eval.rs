//! Scoring against gold data, the way `../shared/eval/score.py` does it.
//!
//! Each stage crate ports score.py's reader and measure for its task and
//! registers an [`EvalTask`]; `byline eval TASK --gold FILE` runs the
//! pipeline on the gold texts and prints the same figures as score.py.
//! Scoring works on the JSON output (character offsets), exactly the data
//! score.py reads, so the two cannot drift apart on offset conversion.

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::path::Path;

use serde::Serialize;
use serde_json::{Value, json};

use crate::Document;

/// A scoring task, registered with `inventory::submit!` by the crate that
/// owns the layer it scores.
pub struct EvalTask {
    /// The task name (`sentences`, `entities`, `quotes`, `numbers`).
    pub name: &'static str,
    /// One line saying what is scored.
    pub summary: &'static str,
    /// Reads a gold file of one of the task's formats.
    pub load: GoldLoader,
}

/// Reads a gold file (its path for messages, its bytes) of a task.
pub type GoldLoader = fn(path: &str, data: &[u8]) -> Result<Box<dyn Gold>, EvalError>;

inventory::collect!(EvalTask);

impl fmt::Debug for EvalTask {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("EvalTask").field("name", &self.name).finish_non_exhaustive()
    }
}

/// Every registered task, sorted by name.
pub fn tasks() -> Vec<&'static EvalTask> {
    let mut all: Vec<_> = inventory::iter::<EvalTask>.into_iter().collect();
    all.sort_by_key(|t| t.name);
    all
}

/// The task registered as `name`.
pub fn find_task(name: &str) -> Option<&'static EvalTask> {
    inventory::iter::<EvalTask>.into_iter().find(|t| t.name == name)
}

/// A loaded gold file.
pub trait Gold {
    /// The format name score.py reports (`ud`, `conll`, `polnear`, ...).
    fn format(&self) -> &'static str;
    /// The input documents, in gold order.
    fn inputs(&self) -> Vec<Document>;
    /// Task figures (score.py's JSON keys) and their rendered lines.
    fn score(&self, aligned: &Aligned<'_>) -> (serde_json::Map<String, Value>, Vec<String>);
}

/// Predictions paired with gold documents by id, as score.py's `align`.
#[derive(Debug)]
pub struct Aligned<'a> {
    /// Per gold document (in gold order), its prediction if one was made.
    pub found: Vec<Option<&'a Value>>,
    /// Predictions whose id is unknown or repeated: scored against an empty
    /// gold document.
    pub extra: Vec<&'a Value>,
    /// Gold ids without a prediction.
    pub missing_ids: Vec<String>,
    /// Ids of `extra`.
    pub extra_ids: Vec<String>,
}

impl<'a> Aligned<'a> {
    /// Pairs `predictions` with the gold `ids`.
    pub fn new(ids: &[String], predictions: &'a [Value]) -> Aligned<'a> {
        let index: HashMap<&str, usize> = ids.iter().enumerate().map(|(i, id)| (id.as_str(), i)).collect();
        let mut found = vec![None; ids.len()];
        let mut seen = HashSet::new();
        let (mut extra, mut extra_ids) = (Vec::new(), Vec::new());
        for pred in predictions {
            let id = pred.get("id").and_then(Value::as_str).unwrap_or("");
            match index.get(id) {
                Some(&i) if seen.insert(i) => found[i] = Some(pred),
                _ => {
                    extra.push(pred);
                    extra_ids.push(id.to_owned());
                }
            }
        }
        let missing_ids = ids.iter().zip(&found).filter(|(_, f)| f.is_none()).map(|(id, _)| id.clone()).collect();
        Aligned { found, extra, missing_ids, extra_ids }
    }
}

/// The annotations of `layer` in a prediction (absent or null = none).
pub fn layer<'v>(pred: Option<&'v Value>, name: &str) -> &'v [Value] {
    pred.and_then(|p| p.get(name)).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

/// `(start, end)` of an annotation object, if both are integers.
pub fn offsets(v: &Value) -> Option<(usize, usize)> {
    Some((v.get("start")?.as_u64()? as usize, v.get("end")?.as_u64()? as usize))
}

/// Why a gold file could not be scored.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// Unknown task name.
    #[error("unknown task `{0}`; {1}")]
    UnknownTask(String, String),
    /// The gold file could not be read.
    #[error("cannot read {0}: {1}")]
    Io(String, std::io::Error),
    /// The gold file is malformed or of another task.
    #[error("{0}")]
    Gold(String),
}

/// True positives, false positives and false negatives.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    /// Predicted and in the gold.
    pub tp: usize,
    /// Predicted, not in the gold.
    pub fp: usize,
    /// In the gold, not predicted.
    pub fn_: usize,
}

impl Counts {
    /// Counts from a gold set and a predicted set.
    pub fn of_sets<T: Eq + std::hash::Hash>(gold: &HashSet<T>, pred: &HashSet<T>) -> Counts {
        let tp = gold.intersection(pred).count();
        Counts { tp, fp: pred.len() - tp, fn_: gold.len() - tp }
    }

    /// Adds another document's counts.
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    /// Precision, recall and F1 as percentages, rounded as score.py does.
    pub fn prf(&self) -> Prf {
        let (tp, fp, fn_) = (self.tp as f64, self.fp as f64, self.fn_ as f64);
        let p = if self.tp + self.fp > 0 { tp / (tp + fp) } else { 0.0 };
        let r = if self.tp + self.fn_ > 0 { tp / (tp + fn_) } else { 0.0 };
        let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        Prf {
            tp: self.tp,
            fp: self.fp,
            fn_: self.fn_,
            p: round2(100.0 * p),
            r: round2(100.0 * r),
            f1: round2(100.0 * f1),
        }
    }
}

/// score.py's P/R/F1 object: counts and percentages.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// True positives.
    pub tp: usize,
    /// False positives.
    pub fp: usize,
    /// False negatives.
    #[serde(rename = "fn")]
    pub fn_: usize,
    /// Precision, percent.
    pub p: f64,
    /// Recall, percent.
    pub r: f64,
    /// F1, percent.
    pub f1: f64,
}

impl Prf {
    /// The JSON object score.py writes.
    pub fn to_json(&self) -> Value {
        json!({"tp": self.tp, "fp": self.fp, "fn": self.fn_, "p": self.p, "r": self.r, "f1": self.f1})
    }
}

/// Rounds to 2 decimals like Python's `round(x, 2)`: correctly rounded from
/// the exact binary value, ties to even.
pub fn round2(x: f64) -> f64 {
    format!("{x:.2}").parse().unwrap_or(x)
}

/// `100 * part / whole`, rounded, 0 when `whole` is 0.
pub fn pct(part: usize, whole: usize) -> f64 {
    if whole == 0 { 0.0 } else { round2(100.0 * part as f64 / whole as f64) }
}

/// score.py's plain-text table: first column left-aligned, others right.
pub fn table(header: &[&str], rows: &[Vec<String>]) -> Vec<String> {
    let mut cells: Vec<Vec<String>> = vec![header.iter().map(|s| (*s).to_owned()).collect()];
    cells.extend(rows.iter().cloned());
    let widths: Vec<usize> =
        (0..header.len()).map(|i| cells.iter().map(|r| r[i].chars().count()).max().unwrap_or(0)).collect();
    cells
        .iter()
        .map(|row| {
            row.iter()
                .zip(&widths)
                .enumerate()
                .map(|(i, (c, &w))| if i == 0 { format!("{c:<w$}") } else { format!("{c:>w$}") })
                .collect::<Vec<_>>()
                .join("  ")
        })
        .collect()
}

/// `["P", "R", "F1"]` cells of a P/R/F1.
pub fn prf_cells(m: &Prf) -> [String; 3] {
    [format!("{:.2}", m.p), format!("{:.2}", m.r), format!("{:.2}", m.f1)]
}

/// A finished evaluation: score.py's JSON object and its text rendering.
#[derive(Debug)]
pub struct EvalResult {
    /// The same keys as `score.py --json`.
    pub json: Value,
    /// The same lines as `score.py` without `--json`.
    pub text: String,
}

/// Loads `gold_path` for `task`, annotates its inputs with `annotate`
/// (documents in, JSON output objects out), and scores the output.
pub fn evaluate(
    task: &str,
    gold_path: &Path,
    annotate: impl FnOnce(Vec<Document>) -> Vec<Value>,
) -> Result<EvalResult, EvalError> {
    let task = find_task(task).ok_or_else(|| {
        let names: Vec<&str> = tasks().iter().map(|t| t.name).collect();
        let known = if names.is_empty() {
            "none are built in".to_owned()
        } else {
            format!("the tasks are {}", names.join(", "))
        };
        EvalError::UnknownTask(task.to_owned(), known)
    })?;
    let path = gold_path.display().to_string();
    let data = std::fs::read(gold_path).map_err(|e| EvalError::Io(path.clone(), e))?;
    let gold = (task.load)(&path, &data)?;
    let inputs = gold.inputs();
    let ids: Vec<String> = inputs.iter().map(|d| d.id.clone()).collect();
    let predictions = annotate(inputs);
    let aligned = Aligned::new(&ids, &predictions);
    let (figures, lines) = gold.score(&aligned);

    let mut result = serde_json::Map::new();
    result.insert("task".into(), task.name.into());
    result.insert("format".into(), gold.format().into());
    result.insert("gold".into(), path.clone().into());
    result.insert("docs".into(), ids.len().into());
    result.extend(figures);
    result.insert("ids".into(), json!({"missing": aligned.missing_ids, "extra": aligned.extra_ids}));
    result.insert("warnings".into(), json!({}));

    let mut text =
        vec![format!("{} | {} | {} | {} documents", task.name, gold.format(), path, ids.len()), String::new()];
    text.extend(lines);
    for (kind, list) in [("missing", &aligned.missing_ids), ("extra", &aligned.extra_ids)] {
        if !list.is_empty() {
            let more = if list.len() > 5 { format!(" ... (+{})", list.len() - 5) } else { String::new() };
            let shown: Vec<&str> = list.iter().take(5).map(String::as_str).collect();
            text.push(format!("{kind} ids (scored as all wrong): {}: {}{more}", list.len(), shown.join(", ")));
        }
    }
    Ok(EvalResult { json: Value::Object(result), text: text.join("\n") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_matches_score_py() {
        let m = Counts { tp: 2, fp: 1, fn_: 1 }.prf();
        assert_eq!((m.p, m.r, m.f1), (66.67, 66.67, 66.67));
        let none = Counts::default().prf();
        assert_eq!((none.p, none.r, none.f1), (0.0, 0.0, 0.0));
        assert_eq!(pct(1, 3), 33.33);
        assert_eq!(pct(0, 0), 0.0);
    }

    #[test]
    fn round2_is_pythons() {
        // Python: round(2.675, 2) == 2.67 (binary value below .5); round(0.125, 2) == 0.12.
        assert_eq!(round2(2.675), 2.67);
        assert_eq!(round2(0.125), 0.12);
        assert_eq!(round2(0.375), 0.38);
        assert_eq!(round2(99.999), 100.0);
    }

    #[test]
    fn aligns_by_id() {
        let ids = vec!["a".to_owned(), "b".to_owned()];
        let preds = vec![json!({"id": "b"}), json!({"id": "z"}), json!({"id": "b"})];
        let al = Aligned::new(&ids, &preds);
        assert!(al.found[0].is_none() && al.found[1].is_some());
        assert_eq!(al.missing_ids, vec!["a"]);
        assert_eq!(al.extra_ids, vec!["z", "b"]);
    }

    #[test]
    fn tables_align_columns() {
        let t = table(&["label", "F1"], &[vec!["ALL".into(), "91.20".into()]]);
        assert_eq!(t, vec!["label     F1", "ALL    91.20"]);
    }
}
