//! `byline eval TASK` prints score.py's figures: for every task, the default
//! pipeline's output on each shared dev set is scored both ways (the Rust
//! port in the stage crate, and `../shared/eval/score.py score`) and the JSON
//! must be identical. Skips quietly when `../shared` or `python3` is absent.

use std::path::{Path, PathBuf};
use std::process::Command;

use byline_core::span::OffsetUnit;
use rayon::prelude::*;
use serde_json::Value;

/// `(task, gold file under ../shared/data)`.
const GOLD: &[(&str, &str)] = &[
    ("sentences", "sentences/ud_en_gum_dev.jsonl"),
    ("entities", "entities/conll2003/dev.txt"),
    ("numbers", "numbers/recognizers_en_dev.jsonl"),
    ("numbers", "numbers/duckling_en.jsonl"),
    ("quotes", "quotes/polnear/dev.jsonl"),
];

fn shared() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../shared");
    let python = Command::new("python3").arg("--version").output().is_ok();
    (python && dir.join("eval/score.py").exists()).then_some(dir)
}

#[test]
fn byline_eval_agrees_with_score_py_on_every_task() {
    let Some(shared) = shared() else { return };
    let pipeline = byline_cli::default_pipeline().expect("the default pipeline is valid");
    for (task, file) in GOLD {
        let gold = shared.join("data").join(file);
        let mut predictions = Vec::new();
        let ours = byline_core::eval::evaluate(task, &gold, |docs| {
            predictions = docs
                .into_par_iter()
                .map(|mut d| {
                    pipeline.run(&mut d).expect("annotates");
                    d.to_json(OffsetUnit::Chars)
                })
                .collect();
            predictions.clone()
        })
        .expect("the gold file scores");
        let pred_path = std::env::temp_dir().join(format!("byline-eval-{task}-{}.jsonl", std::process::id()));
        let lines: String = predictions.iter().map(|p| format!("{p}\n")).collect();
        std::fs::write(&pred_path, lines).expect("temp file");
        let out = Command::new("python3")
            .arg(shared.join("eval/score.py"))
            .args(["score", task])
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
        assert_eq!(ours, theirs, "{task}: figures differ on {file}");
    }
}
