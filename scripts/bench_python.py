#!/usr/bin/env python3
"""Documents/s of the Python package's `nlp.pipe` against `byline run` at
the same thread count, on the texts of a JSONL file (default: PolNeAR
train), and tokens/s beside spaCy's small English model when one is
installed.

    python scripts/bench_python.py --cli target/release/byline --threads 2

Run it with the Python that has `byline` installed (`pip install ./python`).
Both sides run --repeat times, alternating; the best wall time counts,
with its CPU time beside it. Both include building the
pipeline (the CLI's whole process, the package's `byline.Pipeline()`).
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, List, Tuple

import byline

ROOT = Path(__file__).resolve().parents[1]


class Timing:
    """Wall and CPU seconds of repeated runs: the best wall time, and the
    CPU time (all threads; for the CLI, the child process) of that run."""

    def __init__(self) -> None:
        self.runs: List[Tuple[float, float]] = []

    def measure(self, run: Callable[[], None], child: bool) -> None:
        who = resource.RUSAGE_CHILDREN if child else resource.RUSAGE_SELF
        before = resource.getrusage(who)
        start = time.perf_counter()
        run()
        wall = time.perf_counter() - start
        after = resource.getrusage(who)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        self.runs.append((wall, cpu))

    @property
    def best(self) -> Tuple[float, float]:
        return min(self.runs)

    @property
    def median_wall(self) -> float:
        return statistics.median(wall for wall, _ in self.runs)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", default=str(ROOT / ".." / "shared" / "data" / "quotes" / "polnear" / "train.jsonl"))
    parser.add_argument("--cli", default=str(ROOT / "target" / "release" / "byline"))
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--batch-size", type=int, default=512)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--spacy-model", default="en_core_web_sm", help="a spaCy package name; skipped if absent")
    parser.add_argument("--spacy-texts", type=int, default=0, help="run spaCy on the first N texts only (0: all)")
    args = parser.parse_args()

    texts: List[str] = [json.loads(line)["text"] for line in open(args.data, encoding="utf-8") if line.strip()]
    mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts)} texts, {mb:.2f} MB, {args.threads} threads, best of {args.repeat}")

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", encoding="utf-8", delete=False) as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": str(i), "text": text}, ensure_ascii=False) + "\n")
        input_path = f.name
    cmd = [args.cli, "run", "--threads", str(args.threads), input_path]

    def cli() -> None:
        subprocess.run(cmd, stdout=subprocess.DEVNULL, check=True)

    def pipe() -> None:
        nlp = byline.Pipeline()
        for _ in nlp.pipe(texts, threads=args.threads, batch_size=args.batch_size):
            pass

    # Alternate the two so a burst of load elsewhere hits both alike.
    cli_t, py_t = Timing(), Timing()
    for _ in range(args.repeat):
        cli_t.measure(cli, child=True)
        py_t.measure(pipe, child=False)
    n = len(texts)
    for name, t in (("byline run", cli_t), ("byline nlp.pipe", py_t)):
        wall, cpu = t.best
        print(
            f"{name:16} best {n / wall:7.1f} docs/s ({wall:.2f} s wall, {cpu:.2f} s CPU: {n / cpu:.1f} docs per CPU-s),"
            f" median {n / t.median_wall:7.1f} docs/s"
        )
    ratio = cli_t.best[0] / py_t.best[0]
    cpu_ratio = cli_t.best[1] / py_t.best[1]
    print(f"nlp.pipe / byline run: {100 * ratio:.1f}% (best wall), {100 * cpu_ratio:.1f}% (CPU time of those runs)")
    py_s = py_t.best[0]

    tokens = sum(len(d.to_dict()["tokens"]) for d in byline.Pipeline().pipe(texts, threads=args.threads))
    print(f"byline nlp.pipe:     {tokens / py_s:8.0f} tokens/s, {tokens / py_t.best[1]:8.0f} tokens per CPU-s ({tokens} byline tokens)")
    try:
        import spacy

        snlp = spacy.load(args.spacy_model)
    except (ImportError, OSError) as e:
        print(f"spaCy comparison skipped: {e}")
        return 0
    counted = []
    spacy_texts = texts[: args.spacy_texts] if args.spacy_texts else texts

    def spacy_pipe() -> None:
        counted.clear()
        for doc in snlp.pipe(spacy_texts, batch_size=64):
            counted.append(len(doc))

    spacy_t = Timing()
    spacy_t.measure(spacy_pipe, child=False)
    spacy_s, spacy_cpu = spacy_t.best
    spacy_tokens = sum(counted)
    print(
        f"spaCy {args.spacy_model} {snlp.meta.get('version')} (spacy {spacy.__version__}) nlp.pipe, one process,"
        f" {len(spacy_texts)} texts: {spacy_tokens / spacy_s:8.0f} tokens/s, {spacy_tokens / spacy_cpu:8.0f} tokens per CPU-s"
        f" ({spacy_tokens} spaCy tokens, {len(spacy_texts) / spacy_s:.1f} docs/s, {spacy_s:.1f} s)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
