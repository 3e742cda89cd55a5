//! `byline eval numbers` must print score.py's figures. This test scores
//! `find`'s predictions on every shared numbers gold file both ways (the
//! Rust port and `../shared/eval/score.py score`) and compares the JSON. It
//! skips quietly when `../shared` or `python3` is absent.

use std::path::{Path, PathBuf};
use std::process::Command;

use byline_core::Document;
use byline_core::span::OffsetUnit;
use serde_json::Value;

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    dir.join("eval/score.py").exists().then_some(dir)
}

fn annotate(docs: Vec<Document>) -> Vec<Value> {
    docs.into_iter()
        .map(|mut d| {
            d.layers.numbers = Some(byline_numbers::find(d.text()));
            d.to_json(OffsetUnit::Chars)
        })
        .collect()
}

#[test]
fn rust_port_agrees_with_score_py() {
    let Some(shared) = shared() else { return };
    if Command::new("python3").arg("--version").output().is_err() {
        return;
    }
    let Ok(entries) = std::fs::read_dir(shared.join("data/numbers")) else { return };
    let mut golds: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    golds.retain(|p| p.extension().is_some_and(|e| e == "jsonl"));
    golds.sort();
    for gold in golds {
        let mut predictions = Vec::new();
        let ours = byline_core::eval::evaluate("numbers", &gold, |docs| {
            predictions = annotate(docs);
            predictions.clone()
        })
        .expect("the gold file scores");
        let pred_path = std::env::temp_dir().join(format!("byline-numbers-{}.jsonl", std::process::id()));
        let lines: String = predictions.iter().map(|p| format!("{p}\n")).collect();
        std::fs::write(&pred_path, lines).expect("temp file");
        let out = Command::new("python3")
            .arg(shared.join("eval/score.py"))
            .args(["score", "numbers"])
            .arg(&gold)
            .arg(&pred_path)
            .arg("--json")
            .output()
            .expect("score.py runs");
        let _ = std::fs::remove_file(&pred_path);
        assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
        let mut theirs: Value = serde_json::from_slice(&out.stdout).expect("score.py JSON");
        let mut ours = ours.json;
        for v in [&mut theirs, &mut ours] {
            if let Some(o) = v.as_object_mut() {
                o.remove("gold");
            }
        }
        assert_eq!(ours, theirs, "figures differ on {}", gold.display());
    }
}
