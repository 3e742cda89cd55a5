#!/usr/bin/env python3
"""Documents/s of the Python package's `nlp.pipe` against `byline run` at
the same thread count, on the texts of a JSONL file (default: PolNeAR
train), and tokens/s beside spaCy's small English model when one is
installed.

    python scripts/bench_python.py --cli target/release/byline --threads 2

Run it with the Python that has `byline` installed (`pip install ./python`).
Each figure is the best of --repeat runs; both sides include building the
pipeline (the CLI's whole process, the package's `byline.Pipeline()`).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, List

import byline

ROOT = Path(__file__).resolve().parents[1]


def best_of(repeat: int, run: Callable[[], None]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT / ".." / "shared" / "data" / "quotes" / "polnear" / "train.jsonl"))
    parser.add_argument("--cli", default=str(ROOT / "target" / "release" / "byline"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=512)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--spacy-model", default="en_core_web_sm", help="a spaCy package name; skipped if absent")
    args = parser.parse_args()

    texts: List[str] = [json.loads(line)["text"] for line in open(args.data, encoding="utf-8") if line.strip()]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} texts, {mb:.2f} MB, {args.threads} threads, best of {args.repeat}")

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")
        input_path = f.name
    cmd = [args.cli, "run", "--threads", str(args.threads), input_path]
    cli_s = best_of(args.repeat, lambda: subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True))

    def pipe() -> None:
        nlp = byline.Pipeline()
        for _ in nlp.pipe(texts, threads=args.threads, batch_size=args.batch_size):
            pass

    py_s = best_of(args.repeat, pipe)
    cli_rate, py_rate = len(texts) / cli_s, len(texts) / py_s
    print(f"byline run:          {cli_rate:8.1f} docs/s ({cli_s:.2f} s)")
    print(f"byline nlp.pipe:     {py_rate:8.1f} docs/s ({py_s:.2f} s) = {100 * py_rate / cli_rate:.1f}% of the CLI")

    tokens = sum(len(d.to_dict()["tokens"]) for d in byline.Pipeline().pipe(texts, threads=args.threads))
    print(f"byline nlp.pipe:     {tokens / py_s:8.0f} tokens/s ({tokens} byline tokens)")
    try:
        import spacy

        snlp = spacy.load(args.spacy_model)
    except (ImportError, OSError) as e:
        print(f"spaCy comparison skipped: {e}")
        return 0
    counted = []

    def spacy_pipe() -> None:
        counted.clear()
        for doc in snlp.pipe(texts, batch_size=64):
            counted.append(len(doc))

    spacy_s = best_of(1, spacy_pipe)
    spacy_tokens = sum(counted)
    print(
        f"spaCy {args.spacy_model} {snlp.meta.get('version')} (spacy {spacy.__version__}) nlp.pipe, one process: "
        f"{spacy_tokens / spacy_s:8.0f} tokens/s ({spacy_tokens} spaCy tokens, {len(texts) / spacy_s:.1f} docs/s, {spacy_s:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
