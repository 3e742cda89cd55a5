//! `byline eval quotes` must print score.py's figures: score the same
//! predictions on PolNeAR dev with both and compare every figure. Skipped
//! quietly when `../shared` or `python3` is not there.

use std::path::PathBuf;
use std::process::Command;

use byline_core::span::OffsetUnit;
use serde_json::Value;

fn shared() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

#[test]
fn eval_agrees_with_score_py() {
    let gold = shared().join("data/quotes/polnear/dev.jsonl");
    let scorer = shared().join("eval/score.py");
    let python = Command::new("python3").arg("--version").output().is_ok_and(|o| o.status.success());
    if !gold.exists() || !scorer.exists() || !python {
        return;
    }
    let mut lines = String::new();
    let ours = byline_core::eval::evaluate("quotes", &gold, |docs| {
        docs.into_iter()
            .map(|mut doc| {
                let paragraphs = byline_segment::paragraphs(doc.text());
                doc.layers.quotes = Some(byline_quotes::Quoter::default().find(doc.text(), &paragraphs, None));
                let json = doc.to_json(OffsetUnit::Chars);
                lines.push_str(&json.to_string());
                lines.push('\n');
                json
            })
            .collect()
    })
    .expect("our evaluation runs");
    let pred = std::env::temp_dir().join(format!("byline-quotes-agreement-{}.jsonl", std::process::id()));
    std::fs::write(&pred, &lines).expect("temp file");
    let out = Command::new("python3")
        .arg(&scorer)
        .args(["score", "quotes"])
        .arg(&gold)
        .arg(&pred)
        .arg("--json")
        .output()
        .expect("score.py runs");
    let _ = std::fs::remove_file(&pred);
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    let theirs: Value = serde_json::from_slice(&out.stdout).expect("score.py JSON");
    for key in ["direct", "reported", "docs", "format"] {
        assert_eq!(ours.json[key], theirs[key], "figures of `{key}` differ");
    }
}
