//! `byline eval TASK --gold FILE`: annotate a gold file's texts and score
//! them with the task's port of score.py.

use std::time::Instant;

use byline_core::span::OffsetUnit;
use byline_core::{Document, eval};
use rayon::prelude::*;
use serde_json::{Value, json};

use crate::{EvalArgs, Failure, emit, load_pipeline};

pub(crate) fn eval(args: &EvalArgs) -> Result<u8, Failure> {
    let pipeline = load_pipeline(&args.pipeline)?;
    let mut timing = None;
    let result = eval::evaluate(&args.task, &args.gold, |inputs: Vec<Document>| {
        let bytes: usize = inputs.iter().map(|d| d.text().len()).sum();
        let start = Instant::now();
        let out: Vec<Value> = inputs
            .into_par_iter()
            .map(|mut doc| match pipeline.run(&mut doc) {
                Ok(()) => doc.to_json(OffsetUnit::Chars),
                // A failed document is scored as missing, as score.py scores an error record.
                Err(e) => json!({"id": doc.id, "error": e.to_string()}),
            })
            .collect();
        timing = Some((start.elapsed().as_secs_f64(), bytes as f64 / 1e6));
        out
    })
    .map_err(|e| match e {
        eval::EvalError::Io(..) => Failure::io(e.to_string()),
        _ => Failure::usage(e.to_string()),
    })?;

    let mut json = result.json;
    let mut text = result.text;
    if let Some((wall, mb)) = timing {
        let per_s = if wall > 0.0 { mb / wall } else { 0.0 };
        json["run"] = json!({"command": "byline eval", "wall_s": round(wall, 3), "input_mb": round(mb, 6), "mb_per_s": round(per_s, 4)});
        text.push_str(&format!(
            "\nrun: {wall:.3} s annotating, {mb:.3} MB of text, {per_s:.3} MB/s (pipeline `{}`)",
            pipeline.name()
        ));
    }
    if args.json {
        emit(&format!("{json}\n"))?;
    } else {
        emit(&format!("{text}\n"))?;
    }
    Ok(0)
}

fn round(x: f64, digits: i32) -> f64 {
    let k = 10f64.powi(digits);
    (x * k).round() / k
}
