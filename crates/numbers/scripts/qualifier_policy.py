#!/usr/bin/env python3
"""What the qualifier policy costs and gains on each shared numbers gold file.

byline keeps qualifier words inside a money or quantity span (`about $14
million`, `more than a mile`; docs/numbers.md). Recognizers-Text's currency,
dimension and age models leave them out; Duckling requires them in. This
script scores byline's own output as it is, and again after moving the
qualifier words before money and quantity spans out of the span (and
dropping the qualifier), for all qualifiers, the hedges only (`about`,
`around`, ...) and the comparatives only (`more than`, `under`, ...), with
score.py's own reader and measure:

    qualifier_policy.py SCORE_PY 'BYLINE_CMD' GOLD...

    python3 crates/numbers/scripts/qualifier_policy.py ../shared/eval/score.py \\
        'target/release/byline run' /tmp/nsplit/tune.jsonl /tmp/nsplit/held.jsonl \\
        ../shared/data/numbers/duckling_en.jsonl
"""
import importlib.util
import json
import re
import shlex
import subprocess
import sys

HEDGES = ["about", "around", "approximately", "roughly", "nearly", "almost", "some", "circa"]
COMPARATIVES = ["more than", "over", "under", "less than", "at least", "at most", "up to", "above", "below",
                "in excess of", "as much as", "as many as", "no more than", "no less than"]
POLICIES = {"hedges and comparatives out": HEDGES + COMPARATIVES + ["exactly"],
            "hedges out": HEDGES, "comparatives out": COMPARATIVES}


def load_score(path: str):
    spec = importlib.util.spec_from_file_location("score", path)
    module = importlib.util.module_from_spec(spec)
    sys.modules["score"] = module          # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def strip(output: bytes, words: list[str]) -> bytes:
    """byline's records with the given qualifier words moved out of single-value money and quantity spans."""
    before = re.compile(r"^(?:%s)\s+" % "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)),
                        re.IGNORECASE)
    lines = []
    for line in output.splitlines():
        record = json.loads(line)
        for n in record.get("numbers", []):
            single = n.get("min") is None and n.get("max") is None
            m = before.match(n["text"]) if single and n["kind"] in ("money", "quantity") else None
            if m:
                n["start"] += len(m.group(0))
                n["text"] = n["text"][len(m.group(0)):]
                n.pop("qualifier", None)
        lines.append(json.dumps(record, ensure_ascii=False))
    return ("\n".join(lines) + "\n").encode()


def figures(score, gold, output: bytes) -> str:
    r = score.evaluate(gold, score.read_jsonl(output, "byline"), "byline")
    if gold.format == "recognizers":
        return f"headline exact {r['headline']['exact_pct']:.2f}%  all suites {r['all']['exact_pct']:.2f}%"
    return (f"positives {r['positive']['accuracy']:.2f}% ({r['positive']['correct']}/{r['positive']['examples']})"
            f"  negatives {r['negative']['accuracy']:.2f}%")


def main() -> None:
    score = load_score(sys.argv[1])
    command = shlex.split(sys.argv[2])
    for path in sys.argv[3:]:
        gold = score.load_gold("numbers", path)
        output = subprocess.run(command, input=score.prepare_input(gold), stdout=subprocess.PIPE, check=True).stdout
        print(path)
        print(f"  {'as byline writes it':30} {figures(score, gold, output)}")
        for name, words in POLICIES.items():
            print(f"  {name:30} {figures(score, gold, strip(output, words))}")


if __name__ == "__main__":
    main()
