#!/usr/bin/env bash
# Throughput of `byline run` against the Python splitter sentencex (PyPI),
# whole process, on the same inputs (docs/benchmarks.md records the figures):
#
#   1. 20 MB of short paragraphs (~150 bytes each, one JSONL record each):
#      byline's paragraphs+sentences pipeline at 1 and 2 threads against
#      sentencex (its whole process, and its splitting alone);
#   2. every pipeline (light to heavy) at 1 and 2 threads on those short
#      paragraphs and on 4-5 kB articles, with the 2-thread speed-up.
#
# Usage: scripts/bench-sentencex.sh [RUNS]   (default 3; the fastest run counts)
# Env: BYLINE (default target/release/byline, built if missing), VENV
# (default target/bench-venv), DATA (default ../shared/data).
# The text comes from the shared sentence and quote sets when they are there,
# else from a small generator; either way it is written under target/bench.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-3}
BYLINE=${BYLINE:-target/release/byline}
VENV=${VENV:-target/bench-venv}
DATA=${DATA:-../shared/data}
OUT=target/bench
mkdir -p "$OUT"

[ -x "$BYLINE" ] || cargo build --release --locked -p byline-cli
if ! "$VENV/bin/python" -c 'import sentencex' 2>/dev/null; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install -q 'sentencex==1.0.32'
fi

# The inputs: short paragraphs and articles, as JSONL.
python3 - "$DATA" "$OUT" <<'PY'
import glob, json, os, random, re, sys
data, out = sys.argv[1], sys.argv[2]
texts = []
for path in sorted(glob.glob(os.path.join(data, "sentences", "*.jsonl")) + glob.glob(os.path.join(data, "quotes", "polnear", "*.jsonl"))):
    with open(path, encoding="utf-8") as f:
        texts += [json.loads(line)["text"] for line in f if line.strip()]
words = " ".join(texts).split() or ("The mayor said on Tuesday that 40 new buses would run by June. "
                                   "“We are ready,” she told reporters. Dr. Smith disagreed.").split()
rng = random.Random(13)
def paragraph(i):
    # ~150 bytes of consecutive words, cut after a sentence end when there is one.
    start = (i * 37) % max(1, len(words) - 60)
    chunk = " ".join(words[start:start + 40])[:170]
    cut = max(chunk.rfind(". "), chunk.rfind("? "), chunk.rfind("! "))
    return chunk[:cut + 1] if cut > 100 else chunk[:150]
def write(name, target, make):
    size, i = 0, 0
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        while size < target:
            text = make(i)
            size += len(text.encode())
            f.write(json.dumps({"id": f"{name}-{i}", "text": text}, ensure_ascii=False) + "\n")
            i += 1
write("short.jsonl", 20_000_000, paragraph)
write("articles.jsonl", 20_000_000, lambda i: "\n\n".join(paragraph(i * 30 + k) for k in range(30)))
PY

cat > "$OUT/time_sentencex.py" <<'PY'
import json, sys, time
import sentencex
t0 = time.perf_counter()
texts = [json.loads(line)["text"] for line in open(sys.argv[1], encoding="utf-8")]
t1, c1 = time.perf_counter(), time.process_time()
n = sum(len(list(sentencex.segment("en", t))) for t in texts)
t2, c2 = time.perf_counter(), time.process_time()
mb = sum(len(t.encode()) for t in texts) / 1e6
print(f"{mb:.1f} MB, {n} sentences; splitting alone: {t2 - t1:.3f} s wall ({mb / (t2 - t1):.0f} MB/s), "
      f"{c2 - c1:.3f} s CPU ({mb / (c2 - c1):.0f} MB per CPU-second)", file=sys.stderr)
PY

pipe() { printf '[[stage]]\nuse = "%s"\n' "$@"; }
pipe paragraphs >"$OUT/paragraphs.toml"
pipe paragraphs sentences >"$OUT/sentences.toml"
pipe tokens >"$OUT/tokens.toml"
pipe numbers >"$OUT/numbers.toml"
pipe paragraphs tokens sentences entities >"$OUT/entities.toml"

# Fastest wall time of RUNS runs of each command (commands separated by
# `:::`, run in turn so that a slow spell of the machine hits all of them),
# output to /dev/null, timed in Python around the process alone: timing with
# `date` in the shell adds a process start (~1 ms) to every run, 3% of the
# lightest ones.
cat > "$OUT/best.py" <<'PY'
import subprocess, sys, time
runs, args = int(sys.argv[1]), sys.argv[2:]
cmds, cmd = [], []
for arg in args + [":::"]:
    if arg == ":::":
        cmds.append(cmd)
        cmd = []
    else:
        cmd.append(arg)
best = [float("inf")] * len(cmds)
with open("/dev/null", "w") as null:
    for _ in range(runs):
        for i, cmd in enumerate(cmds):
            t0 = time.perf_counter()
            subprocess.run(cmd, stdout=null, stderr=subprocess.DEVNULL, check=True)
            best[i] = min(best[i], time.perf_counter() - t0)
print(" ".join(f"{t:.4f}" for t in best))
PY
best() { python3 "$OUT/best.py" "$RUNS" "$@"; }
mbps() { python3 -c "import sys; print(f'{$1 / float(sys.argv[1]):.0f}')" "$2"; }

MB_SHORT=$(python3 -c "import json; print(sum(len(json.loads(l)['text'].encode()) for l in open('$OUT/short.jsonl')) / 1e6)")
MB_ART=$(python3 -c "import json; print(sum(len(json.loads(l)['text'].encode()) for l in open('$OUT/articles.jsonl')) / 1e6)")
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg); runs: $RUNS, fastest kept"
echo
echo "== sentencex $("$VENV/bin/pip" show sentencex 2>/dev/null | sed -n 's/^Version: //p') on short.jsonl ($MB_SHORT MB of text)"
SX=$(best "$VENV/bin/python" "$OUT/time_sentencex.py" "$OUT/short.jsonl")
echo "whole process: $SX s ($(mbps "$MB_SHORT" "$SX") MB/s)"
"$VENV/bin/python" "$OUT/time_sentencex.py" "$OUT/short.jsonl"
echo
echo "== byline run, whole process (MB/s of text)"
printf '%-12s %-9s %8s %8s %8s\n' pipeline input "-j 1" "-j 2" speedup
for p in paragraphs sentences tokens numbers entities default; do
    for input in short articles; do
        mb=$MB_SHORT; [ "$input" = articles ] && mb=$MB_ART
        args=(run); [ "$p" = default ] || args+=(--pipeline "$OUT/$p.toml")
        read -r t1 t2 < <(best "$BYLINE" "${args[@]}" -j 1 "$OUT/$input.jsonl" ::: "$BYLINE" "${args[@]}" -j 2 "$OUT/$input.jsonl")
        printf '%-12s %-9s %8s %8s %7.2fx\n' "$p" "$input" "$(mbps "$mb" "$t1")" "$(mbps "$mb" "$t2")" "$(echo "$t1 / $t2" | bc -l)"
        if [ "$p" = sentences ] && [ "$input" = short ]; then
            echo "   paragraphs+sentences -j 2 against sentencex's whole process: $(echo "$SX / $t2" | bc -l | cut -c1-4)x"
        fi
    done
done
