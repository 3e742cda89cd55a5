#!/usr/bin/env bash
# Tests the Spark recipe of docs/scale.md end to end: 10,000 documents
# through scripts/spark_pipe.py in local mode (local[2]), checked against a
# local `byline run` of the same file: every id comes back exactly once,
# with the same output record.
#
#   scripts/test-spark.sh              (needs Java 17 and python3; installs
#                                       pyspark into target/spark-venv)
#   BYLINE=path/to/byline scripts/test-spark.sh   use a built binary
#   DOCS=100000 scripts/test-spark.sh             a bigger dataset
set -euo pipefail
cd "$(dirname "$0")/.."

DOCS=${DOCS:-10000}
VENV=${VENV:-target/spark-venv}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/byline-spark.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

if ! "$VENV/bin/python" -c 'import pyspark' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet 'pyspark==3.5.3'
fi
if [[ -z ${BYLINE:-} ]]; then
    cargo build --quiet --profile quick -p byline-cli
    BYLINE=target/quick/byline
fi

# Documents of our own words: the test fixtures, each in many variants,
# and a few hostile ones (empty, emoji, control characters, one long line).
"$VENV/bin/python" - "$DOCS" tests/fixtures > "$WORK/input.jsonl" <<'PY'
import json, os, sys
n, root = int(sys.argv[1]), sys.argv[2]
texts = [open(os.path.join(root, f), encoding="utf-8").read() for f in sorted(os.listdir(root)) if f.endswith(".txt")]
odd = ["", "   ", "Tokyo 🇯🇵 fans cheered.", "nul\u0000 and \u001b[31m colour", "word " * 2000]
for i in range(n):
    if i % 97 == 0:
        text = odd[(i // 97) % len(odd)]
    else:
        base = texts[i % len(texts)]
        text = f"Report {i}: {base}" if i % 2 else base.replace("said", "told reporters", i % 3)
    print(json.dumps({"id": f"doc-{i}", "text": text, "batch": i % 7}))
PY

"$BYLINE" run "$WORK/input.jsonl" > "$WORK/local.jsonl" || [[ $? == 1 ]]
"$VENV/bin/python" scripts/spark_pipe.py --master 'local[2]' --partitions 8 \
    --byline "$BYLINE" "$WORK/input.jsonl" "$WORK/spark" 2> "$WORK/spark.log" \
    || { tail -20 "$WORK/spark.log"; exit 1; }

"$VENV/bin/python" - "$WORK" "$DOCS" <<'PY'
import collections, glob, json, os, sys
work, n = sys.argv[1], int(sys.argv[2])
ids = [json.loads(line)["id"] for line in open(os.path.join(work, "input.jsonl"))]
local = {}
for line in open(os.path.join(work, "local.jsonl")):
    record = json.loads(line)
    local[record["id"]] = record
spark = [json.loads(line) for path in sorted(glob.glob(os.path.join(work, "spark", "part-*"))) for line in open(path)]
counts = collections.Counter(r["id"] for r in spark)
problems = []
missing = [i for i in ids if counts[i] == 0]
twice = [i for i, c in counts.items() if c > 1]
unknown = [i for i in counts if i not in local]
differ = [r["id"] for r in spark if r["id"] in local and r != local[r["id"]]]
for name, bad in [("missing", missing), ("more than once", twice), ("unknown", unknown), ("different from the local run", differ)]:
    if bad:
        problems.append(f"{len(bad)} ids {name}, e.g. {bad[:3]}")
print(f"spark: {len(ids)} documents in, {len(spark)} records out, {len(counts)} distinct ids")
if len(local) != len(ids):
    problems.append(f"the local run gave {len(local)} records for {len(ids)} documents")
if problems:
    print("FAIL: " + "; ".join(problems))
    sys.exit(1)
print("ok: every id came back once, with the same annotations as the local run")
PY
