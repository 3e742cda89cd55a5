#!/usr/bin/env bash
# Load test of `byline serve` on loopback: requests/s and p50/p99 latency of
# POST /annotate with a 4 kB news article (scripts/load-test-article.txt) at
# 1, 8 and 64 connections, using `wrk` (installed from Debian when missing).
# Bounded in time: DURATION per level (default 10s), about 40 s in all.
#
# Usage: scripts/load-test.sh                     (builds the release binary)
#        BYLINE=target/quick/byline DURATION=5s THREADS=2 scripts/load-test.sh
# Prints a Markdown table for docs/benchmarks.md.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${DURATION:-10s}
threads=${THREADS:-$(nproc)}
article=scripts/load-test-article.txt

if ! command -v wrk >/dev/null; then
    echo "installing wrk (Debian package)" >&2
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
fi
if [ -z "${BYLINE:-}" ]; then
    cargo build --quiet --release --locked -p byline-cli
    BYLINE=target/release/byline
fi

work=$(mktemp -d)
server_pid=
cleanup() {
    if [ -n "$server_pid" ]; then kill -TERM "$server_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# Loopback only, on a port the kernel picks.
"$BYLINE" serve --addr 127.0.0.1:0 --threads "$threads" 2>"$work/serve.log" &
server_pid=$!
for _ in $(seq 100); do grep -q "http://" "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.log" | head -1)
[ -n "$url" ] || { cat "$work/serve.log" >&2; echo "the server did not start" >&2; exit 1; }

cat > "$work/post.lua" <<LUA
local f = assert(io.open("$PWD/$article", "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
LUA

# Warm up (page cache, allocator, branch predictors).
timeout 30 wrk -t 1 -c 4 -d 2s -s "$work/post.lua" "${url}annotate" >/dev/null

bytes=$(wc -c < "$article")
echo "byline serve, $threads workers, POST /annotate of a $bytes-byte article, $duration per level, $(nproc) cores"
echo
echo "| connections | requests/s | p50 | p99 | errors |"
echo "|---:|---:|---:|---:|---:|"
for connections in 1 8 64; do
    wrk_threads=$(( connections < 2 ? connections : 2 ))
    timeout 120 wrk -t "$wrk_threads" -c "$connections" -d "$duration" --latency \
        -s "$work/post.lua" "${url}annotate" > "$work/wrk.txt"
    rps=$(awk '/^Requests\/sec/ {print $2}' "$work/wrk.txt")
    p50=$(awk '$1 == "50%" {print $2}' "$work/wrk.txt")
    p99=$(awk '$1 == "99%" {print $2}' "$work/wrk.txt")
    errors=$(awk '/Non-2xx|Socket errors/ {sub(/^ +/, ""); printf "%s; ", $0}' "$work/wrk.txt")
    echo "| $connections | $rps | $p50 | $p99 | ${errors:-0} |"
done
