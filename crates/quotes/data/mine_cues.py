#!/usr/bin/env python3
"""Mines the `attitude_words` list of lexicon.toml from PolNeAR train.

A word form is kept when it heads (is the first word, auxiliaries and -ly
adverbs aside) the cue of at least MIN_COUNT gold quotations and at least
THRESHOLD of its occurrences in the train texts; adjectives, nouns and
participles that only ever follow `be` are dropped by hand (NOT_CUES).

usage (from crates/quotes): python3 data/mine_cues.py [THRESHOLD MIN_COUNT] < ../../../shared/data/quotes/polnear/train.jsonl
The lexicon uses 0.15 and 3. Prints the words, one line.
"""
import collections
import json
import re
import sys

AUX = set("has have had will would could can may might should must did does do is was were are been be also "
          "not never to".split())
STOP = set("a an the in of on for to by with as at from about that this these his her its their it he she they "
           "we i you and or but so than then there what which who whom when where while said says say according "
           "new more most s t".split())
NOT_CUES = set("adamant allegations aware complaints criticism disagreement eager harsh nervous quick refusal "
               "reluctant sentiment skeptical stern suggestion unaware unhappy upset wary confident thrilled "
               "startled outraged scared shocked surprised impressed inclined alarmed assertion aren often known "
               "drawn seen spoken shown written mounting painting paints rolled stuck struck ticked traded tend "
               "looking looks went sent fired hired covered featured designed laid laying lays lining opened shares launched".split())


def main() -> None:
    threshold = float(sys.argv[1]) if len(sys.argv) > 1 else 0.15
    min_count = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    cue, total = collections.Counter(), collections.Counter()
    for line in sys.stdin:
        if not line.strip():
            continue
        row = json.loads(line)
        for w in re.findall(r"[A-Za-z]+", row["text"]):
            total[w.lower()] += 1
        for q in row["quotes"]:
            if not q["cue"]:
                continue
            words = [w.lower() for w in re.findall(r"[A-Za-z]+", q["cue"]["text"])]
            words = [w for w in words if w not in AUX and not w.endswith("ly")]
            if words:
                cue[words[0]] += 1
    kept = sorted(
        w for w, n in cue.items()
        if n >= min_count and total[w] and n / total[w] >= threshold and w not in STOP and w not in NOT_CUES
        and len(w) > 2 and re.search(r"(ed|s|ing|e|t|d|k|n|r|w|y|l|m|p|h)$", w)
    )
    print(" ".join(kept))


if __name__ == "__main__":
    main()
