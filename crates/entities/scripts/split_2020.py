#!/usr/bin/env python3
"""Splits the 2020 Reuters yardstick (conll2020_liu_ritter/dev.txt) into two
halves by a stable hash of score.py's document ids, so that rules can be
tuned on one half and confirmed on the other (docs/entities.md, "Current
news"). Document K (1-based, empty documents skipped, as score.py numbers
them `conll-000K`) goes to the tune half when sha1("conll-000K"), read as
a number, is even, else to the confirm half.

usage (from the repository root):
  python3 crates/entities/scripts/split_2020.py [--out /tmp]
writes OUT/conll2020-tune.txt and OUT/conll2020-confirm.txt.
"""
import argparse
import hashlib
from pathlib import Path

import heldout  # this directory's script: its CoNLL document reader

GOLD = Path("../shared/data/entities/conll2020_liu_ritter/dev.txt")


def documents(path: Path) -> list[str]:
    """The -DOCSTART- documents of a CoNLL file that have tokens, in score.py's order."""
    return [d for d in heldout.documents(path)
            if any(l.strip() and not l.startswith("-DOCSTART-") for l in d.splitlines())]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default="/tmp")
    args = ap.parse_args()
    halves: dict[str, list[str]] = {"tune": [], "confirm": []}
    for k, doc in enumerate(documents(GOLD), 1):
        h = int(hashlib.sha1(f"conll-{k:04d}".encode()).hexdigest(), 16)
        halves["tune" if h % 2 == 0 else "confirm"].append(doc)
    for name, docs in halves.items():
        path = Path(args.out) / f"conll2020-{name}.txt"
        path.write_text("".join(docs), encoding="utf-8")
        print(f"{path}: {len(docs)} documents")


if __name__ == "__main__":
    main()
