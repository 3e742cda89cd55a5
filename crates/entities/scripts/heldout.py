#!/usr/bin/env python3
"""Pseudo-held-out figures for the entity tagger: k-fold over CoNLL-2003
train *documents*, in contiguous blocks.

The dev set has been used for early stopping and for choosing features, so
its figure overstates what the tagger does on text nobody tuned on. This
script cuts train.txt into N contiguous blocks of documents (neighbouring
stories share their days, topics and names, so a block is a harder hold-out
than a random sample), and for each block K: induces word clusters without
it, trains a model on the other blocks (early-stopped on dev, exactly as the
shipped model is trained), and scores the model end to end (byline's own
tokens and sentences, through score.py) on block K, which neither the
model, its name lists, its casing lexicon nor its clusters have seen. The
pooled figure sums the counts of all blocks.

usage (from the repository root, after `cargo build --release -p byline-cli`):
  python3 crates/entities/scripts/heldout.py [--folds 5] [--only 0,1]
      [--tag NAME] [--byline target/release/byline] [-- TRAIN-ARGS...]

TRAIN-ARGS go to `byline train entities` (e.g. `--without clusters`).
Clusters are cached per fold in the work directory (they do not depend on
the tagger); models and scores go to WORK/TAG.
"""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

DATA = Path("../shared/data")
TRAIN = DATA / "entities/conll2003/train.txt"
DEV = DATA / "entities/conll2003/dev.txt"
TEXT = [DATA / "quotes/polnear/train.jsonl", DATA / "sentences/ud_en_ewt_train.jsonl"]
SCORE = Path("../shared/eval/score.py")


def documents(path: Path) -> list[str]:
    """The -DOCSTART- documents of a CoNLL file, each with its header line."""
    docs, cur = [], []
    for line in path.read_text().splitlines(keepends=True):
        if line.startswith("-DOCSTART-"):
            if cur:
                docs.append("".join(cur))
            cur = []
        cur.append(line)
    if cur:
        docs.append("".join(cur))
    return [d for d in docs if d.strip()]


def run(cmd: list[str], log: Path) -> None:
    with open(log, "w") as out:
        proc = subprocess.run(cmd, stdout=out, stderr=subprocess.STDOUT)
    if proc.returncode != 0:
        sys.exit(f"failed ({log}): {' '.join(cmd)}")


def score(byline: str, pipeline: Path, gold: Path) -> dict:
    cmd = [sys.executable, str(SCORE), "run", "entities", str(gold), "--cmd",
           f"{byline} run --pipeline {pipeline}", "--json"]
    return json.loads(subprocess.run(cmd, capture_output=True, text=True, check=True).stdout)


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = 100 * tp / (tp + fp) if tp + fp else 0.0
    r = 100 * tp / (tp + fn) if tp + fn else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--only", default="", help="comma-separated fold numbers (default: all)")
    ap.add_argument("--tag", default="default")
    ap.add_argument("--byline", default="target/release/byline")
    ap.add_argument("--work", default="/tmp/byline-heldout")
    ap.add_argument("train_args", nargs="*")
    args = ap.parse_args()
    byline = os.path.abspath(args.byline)
    work = Path(args.work)
    out = work / args.tag
    out.mkdir(parents=True, exist_ok=True)
    docs = documents(TRAIN)
    n = args.folds
    folds = [int(k) for k in args.only.split(",")] if args.only else list(range(n))
    labels = ["PER", "ORG", "LOC", "MISC"]
    pooled = {l: [0, 0, 0] for l in ["ALL"] + labels}
    dev_rows = []
    for k in folds:
        block = [d for i, d in enumerate(docs) if i * n // len(docs) == k]
        rest = [d for i, d in enumerate(docs) if i * n // len(docs) != k]
        train_k, held_k = work / f"train-{n}-{k}.txt", work / f"held-{n}-{k}.txt"
        if not held_k.exists():
            train_k.write_text("".join(rest))
            held_k.write_text("".join(block))
        clusters = work / f"clusters-{n}-{k}.txt"
        if not clusters.exists():
            run([byline, "train", "clusters", "--text", str(train_k), *map(str, TEXT), "--out", str(clusters)],
                work / f"clusters-{n}-{k}.log")
        model = out / f"model-{n}-{k}.bin"
        run([byline, "train", "entities", "--train", str(train_k), "--dev", str(DEV), "--clusters", str(clusters),
             "--text", *map(str, TEXT), "--out", str(model), *args.train_args], out / f"train-{n}-{k}.log")
        pipeline = out / f"pipeline-{n}-{k}.toml"
        pipeline.write_text(
            "[[stage]]\nuse = \"paragraphs\"\n[[stage]]\nuse = \"tokens\"\n[[stage]]\nuse = \"sentences\"\n"
            f"[[stage]]\nuse = \"entities\"\nmodel = \"{model}\"\n")
        held = score(byline, pipeline, held_k)
        dev = score(byline, pipeline, DEV)
        (out / f"score-{n}-{k}.json").write_text(json.dumps({"held": held, "dev": dev}))
        rows = [("ALL", held["overall"])] + [(l, held["per_label"][l]) for l in labels]
        for l, m in rows:
            for j, key in enumerate(["tp", "fp", "fn"]):
                pooled[l][j] += m[key]
        dev_rows.append(dev["overall"]["f1"])
        print(f"fold {k}/{n}: {len(block)} docs held out  held-out F1 {held['overall']['f1']:.2f}  "
              f"dev F1 {dev['overall']['f1']:.2f}", flush=True)
    print(f"pooled held-out ({len(folds)} of {n} folds, tag {args.tag}):")
    for l, (tp, fp, fn) in pooled.items():
        p, r, f = prf(tp, fp, fn)
        print(f"  {l:<5} gold {tp + fn:>6}  P {p:.2f}  R {r:.2f}  F1 {f:.2f}")
    print(f"  dev F1 of the fold models: mean {sum(dev_rows) / len(dev_rows):.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
