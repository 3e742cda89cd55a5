#!/usr/bin/env python3
"""Split the shared Recognizers-Text dev cases into a tuning and a held-out half.

The rule (docs/numbers.md): a case belongs to the held-out half when the
first byte of SHA-256("byline-numbers-split-1:" + suite + "#" + idx) is odd,
else to the tuning half. Stable across runs and machines; it depends only on
the case's suite and index, so new cases never move old ones.

    split.py GOLD OUTDIR   # writes OUTDIR/tune.jsonl and OUTDIR/held.jsonl
"""
import hashlib
import json
import os
import sys

SEED = "byline-numbers-split-1:"


def held_out(suite: str, idx: int) -> bool:
    digest = hashlib.sha256(f"{SEED}{suite}#{idx}".encode()).digest()
    return digest[0] % 2 == 1


def main() -> None:
    gold, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    with open(gold, encoding="utf-8") as src, \
            open(os.path.join(out, "tune.jsonl"), "w", encoding="utf-8") as tune, \
            open(os.path.join(out, "held.jsonl"), "w", encoding="utf-8") as held:
        for line in src:
            if not line.strip():
                continue
            case = json.loads(line)
            (held if held_out(case["suite"], case["idx"]) else tune).write(line)


if __name__ == "__main__":
    main()
