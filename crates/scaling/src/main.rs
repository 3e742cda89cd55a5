//! `byline-scaling`: measures one stage (or the whole default pipeline) on
//! one pathological input, in its own process so that peaks do not mix.
//! `scripts/scaling.sh` drives it; see `docs/scale.md`.
//!
//! ```text
//! byline-scaling list                        stages, then cases with what they hold
//! byline-scaling text CASE BYTES             the case as one JSONL record, for `byline run`
//! byline-scaling raw CASE BYTES              the case's text itself (fuzzing seeds)
//! byline-scaling measure STAGE CASE BYTES    STAGE CASE BYTES SECONDS PEAK_BYTES
//! byline-scaling pipeline CASE BYTES         every stage in turn (and the process's peak
//!                                            RSS while it ran); then the whole peak
//! ```

use std::process::ExitCode;

use byline_scaling::{CASES, case, default_pipeline, measure, measure_all, stage_names};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("byline-scaling: error: {e}");
            ExitCode::from(2)
        }
    }
}

const USAGE: &str =
    "usage: byline-scaling list | text CASE BYTES | raw CASE BYTES | measure STAGE CASE BYTES | pipeline CASE BYTES";

fn run(args: &[&str]) -> Result<(), String> {
    let pipeline = default_pipeline();
    let text = |name: &str, bytes: &str| -> Result<String, String> {
        let case = case(name).ok_or_else(|| format!("no case `{name}`; `byline-scaling list` shows them"))?;
        let bytes: usize = bytes.parse().map_err(|_| format!("BYTES must be a number of bytes, not `{bytes}`"))?;
        Ok(case.text(bytes))
    };
    let peak = |p: Option<u64>| p.map_or("unknown".to_owned(), |b| b.to_string());
    match args {
        ["list"] => {
            println!("stages: {}", stage_names(&pipeline).join(" "));
            for case in CASES {
                println!("{}\t{}", case.name, case.what);
            }
        }
        ["text", name, bytes] => {
            let text = text(name, bytes)?;
            let record = serde_json::json!({ "id": format!("{name}-{}", text.len()), "text": text });
            println!("{record}");
        }
        ["raw", name, bytes] => print!("{}", text(name, bytes)?),
        ["measure", stage, name, bytes] => {
            let text = text(name, bytes)?;
            let m = measure(&pipeline, stage, &text)
                .ok_or_else(|| format!("no stage `{stage}` in the default pipeline"))??;
            println!("{stage}\t{name}\t{}\t{:.4}\t{}", text.len(), m.time.as_secs_f64(), peak(m.peak_bytes));
        }
        ["pipeline", name, bytes] => {
            let text = text(name, bytes)?;
            let all = measure_all(&pipeline, &text)?;
            for (stage, m) in &all {
                let (time, stage_peak, process_peak) =
                    (m.time.as_secs_f64(), peak(m.peak_bytes), peak(m.process_peak_bytes));
                println!("{stage}\t{name}\t{}\t{time:.4}\t{stage_peak}\t{process_peak}", text.len());
            }
            let total: f64 = all.iter().map(|(_, m)| m.time.as_secs_f64()).sum();
            let process = all.iter().filter_map(|(_, m)| m.process_peak_bytes).max();
            println!("process peak RSS {} bytes ({total:.1} s in the stages)", peak(process));
        }
        _ => return Err(USAGE.to_owned()),
    }
    Ok(())
}
