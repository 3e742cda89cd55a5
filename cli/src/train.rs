//! `byline train entities`: trains the entity tagger from CoNLL files and
//! writes a model that the `entities` stage loads with `model = "FILE"`.

use std::time::Instant;

use byline_entities::clusters::{ClusterOptions, induce};
use byline_entities::conll::{ConllDocument, read_conll};
use byline_entities::features::FeatureConfig;
use byline_entities::train::{TrainEvent, TrainOptions, evaluate, train};

use crate::{Failure, TrainClustersArgs, TrainEntitiesArgs};

/// Sentences of tokens of unlabelled text files: JSONL records' "text"
/// fields and plain text are split by byline's own tokens and sentences;
/// CoNLL files give their sentences as they are.
fn text_sentences(paths: &[std::path::PathBuf]) -> Result<Vec<Vec<String>>, Failure> {
    let mut out = Vec::new();
    for path in paths {
        let text = std::fs::read_to_string(path)
            .map_err(|e| Failure::io(format!("cannot read {}: {e}; check the path", path.display())))?;
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let mut raw: Vec<String> = Vec::new();
        if first.trim_start().starts_with('{') {
            for line in text.lines().filter(|l| !l.trim().is_empty()) {
                let value: serde_json::Value = serde_json::from_str(line)
                    .map_err(|e| Failure::usage(format!("{}: not JSONL: {e}", path.display())))?;
                if let Some(t) = value.get("text").and_then(|t| t.as_str()) {
                    raw.push(t.to_owned());
                }
            }
        } else if let Ok(docs) = read_conll(&text) {
            for doc in docs {
                out.extend(doc.sentences.into_iter().map(|s| s.into_iter().map(|t| t.word).collect()));
            }
        } else {
            raw.push(text);
        }
        for t in raw {
            let tokens = byline_segment::tokens(&t);
            let groups = byline_entities::group_tokens(&tokens, &byline_segment::sentences(&t));
            out.extend(groups.into_iter().map(|g| g.iter().map(|s| s.text(&t).to_owned()).collect()));
        }
    }
    Ok(out)
}

pub(crate) fn clusters(args: &TrainClustersArgs) -> Result<u8, Failure> {
    let started = Instant::now();
    let sentences = text_sentences(&args.text)?;
    let tokens: usize = sentences.iter().map(Vec::len).sum();
    eprintln!("{} sentences, {tokens} tokens", sentences.len());
    let options = ClusterOptions { classes: args.classes, min_count: args.min_count, iterations: args.iterations };
    let clusters = induce(&sentences, &options, &mut |note| {
        eprintln!("{note} ({:.0} s)", started.elapsed().as_secs_f64());
    });
    let mut out = String::new();
    for c in &clusters {
        out.push_str(&format!("{}\t{}\t{}\n", c.path, c.word, c.count));
    }
    std::fs::write(&args.out, out).map_err(|e| Failure::io(format!("cannot write {}: {e}", args.out.display())))?;
    println!(
        "wrote {} ({} words in {} clusters) in {:.0} s",
        args.out.display(),
        clusters.len(),
        args.classes,
        started.elapsed().as_secs_f64()
    );
    Ok(0)
}

fn read(path: &std::path::Path) -> Result<Vec<ConllDocument>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::io(format!("cannot read {}: {e}; check the path", path.display())))?;
    read_conll(&text).map_err(|e| Failure::usage(format!("{}: {e}", path.display())))
}

/// Reads `PATH<TAB>WORD[<TAB>COUNT]` lines of a cluster file.
fn read_clusters(path: &std::path::Path) -> Result<Vec<(String, String)>, Failure> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| Failure::io(format!("cannot read {}: {e}; check the path", path.display())))?;
    Ok(text
        .lines()
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let path = cols.next()?;
            let word = cols.next()?;
            Some((word.to_owned(), path.to_owned()))
        })
        .collect())
}

pub(crate) fn entities(args: &TrainEntitiesArgs) -> Result<u8, Failure> {
    let started = Instant::now();
    let mut train_docs = Vec::new();
    for path in &args.train {
        train_docs.extend(read(path)?);
    }
    let dev_docs = match &args.dev {
        Some(path) => read(path)?,
        None => Vec::new(),
    };
    let mut config = FeatureConfig::default();
    for group in &args.without {
        config = config.without(group).map_err(Failure::usage)?;
    }
    let clusters = match &args.clusters {
        Some(path) => read_clusters(path)?,
        None => Vec::new(),
    };
    let text = text_sentences(&args.text)?;
    if clusters.is_empty() {
        config.clusters = false;
    }
    let name = |p: &std::path::Path| p.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let options = TrainOptions {
        epochs: args.epochs,
        patience: args.patience,
        seed: args.seed,
        config,
        folds: args.folds,
        prune: args.prune,
        bag: args.bag,
        clusters,
        text,
        about: format!(
            "trained by `byline train entities` on {} (seed {}){}",
            args.train.iter().map(|p| name(p)).collect::<Vec<_>>().join(" + "),
            args.seed,
            args.dev.as_deref().map(|d| format!(", early-stopped on {}", name(d))).unwrap_or_default()
        ),
    };
    let mut report = |event: &TrainEvent| match event {
        TrainEvent::Epoch { pass, epoch, mistakes, tokens, dev } => {
            let dev = dev.map_or_else(String::new, |m| format!("  dev P {:.2} R {:.2} F1 {:.2}", m.p, m.r, m.f1));
            eprintln!("{pass:<10} epoch {epoch:>2}  mistakes {mistakes:>6}/{tokens}{dev}");
        }
        // Bag members report when they finish, so time goes with the notes.
        TrainEvent::Note(note) => eprintln!("{note} ({:.0} s)", started.elapsed().as_secs_f64()),
    };
    let model = train(&train_docs, &dev_docs, &options, &mut report).map_err(|e| Failure::usage(e.to_string()))?;
    let bytes = model.to_bytes();
    std::fs::write(&args.out, &bytes).map_err(|e| Failure::io(format!("cannot write {}: {e}", args.out.display())))?;
    let passes = if model.document.is_some() { "two passes" } else { "one pass" };
    println!(
        "wrote {} ({:.1} MB, {} + {} features, {passes}) in {:.0} s",
        args.out.display(),
        bytes.len() as f64 / 1e6,
        model.first.weights.len(),
        model.document.as_ref().map_or(0, |d| d.weights.len()),
        started.elapsed().as_secs_f64()
    );
    if !dev_docs.is_empty() {
        // The saved (quantised, pruned) model through the tagging code path.
        let (overall, per_label) = evaluate(&model, &dev_docs);
        println!("dev (gold tokens)  P {:.2}  R {:.2}  F1 {:.2}", overall.p, overall.r, overall.f1);
        for (label, m) in per_label {
            println!("  {label:<5} P {:.2}  R {:.2}  F1 {:.2}", m.p, m.r, m.f1);
        }
    }
    Ok(0)
}
