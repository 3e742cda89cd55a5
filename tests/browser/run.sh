#!/usr/bin/env bash
# The HTML view in a real browser: renders fixtures with `byline run --format
# html`, loads them in headless Chromium and checks the DOM it built
# (check_dom.py): a highlight for every entity, number and quotation, the
# quotation-to-speaker links, hostile text shown as text, custom layers,
# crossing annotations, and that no request leaves the page (a listener on
# loopback stands where the hostile text's URLs point, and must hear nothing);
# then drives Chromium over the DevTools protocol (interact.py) for keyboard
# focus, hover, the toggles, the document list, the text box of `byline
# serve`'s page, and every request each page makes; and, when ../shared is
# here, every document of its dev sets (dev_sets.py).
#
# Usage: tests/browser/run.sh            (builds target/debug/byline)
#        BYLINE=target/quick/byline tests/browser/run.sh
# Installs Debian's chromium when it is missing. Leaves the screenshot in
# target/browser/view.png.
set -euo pipefail
cd "$(dirname "$0")/../.."
here=tests/browser

if ! command -v chromium >/dev/null; then
    echo "installing chromium (Debian package)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi

if [ -z "${BYLINE:-}" ]; then
    cargo build --quiet --locked -p byline-cli
    BYLINE=target/debug/byline
fi

work=$(mktemp -d)
listener_pid=
serve_pid=
cleanup() {
    if [ -n "$listener_pid" ]; then kill "$listener_pid" 2>/dev/null || true; fi
    if [ -n "$serve_pid" ]; then kill -TERM "$serve_pid" 2>/dev/null || true; fi
    rm -rf "$work"
}
trap cleanup EXIT

# A loopback listener that logs every request it gets.
python3 - "$work/port" "$work/requests.log" <<'PY' &
import http.server, sys
port_file, log_file = sys.argv[1], sys.argv[2]
class Log(http.server.BaseHTTPRequestHandler):
    def do_GET(self):
        with open(log_file, "a") as log:
            log.write(self.requestline + "\n")
        self.send_response(404)
        self.end_headers()
    do_POST = do_GET
    def log_message(self, *args):
        pass
server = http.server.HTTPServer(("127.0.0.1", 0), Log)
with open(port_file + ".tmp", "w") as f:
    f.write(str(server.server_port))
import os
os.rename(port_file + ".tmp", port_file)
server.serve_forever()
PY
listener_pid=$!
for _ in $(seq 50); do [ -f "$work/port" ] && break; sleep 0.1; done
port=$(cat "$work/port")
: > "$work/requests.log"

sed "s/PORT/$port/g" "$here/fixtures/hostile.jsonl" > "$work/hostile.jsonl"
inputs=("$here/fixtures/council-vote.txt" "$work/hostile.jsonl")
"$BYLINE" run --format html "${inputs[@]}" > "$work/page.html"
"$BYLINE" run "${inputs[@]}" > "$work/records.jsonl"
# A page of 1,000 articles (the fixture article under ids doc-0 to doc-999).
python3 -c '
import json, sys
text = open(sys.argv[1], encoding="utf-8").read()
for i in range(1000):
    print(json.dumps({"id": f"doc-{i}", "text": text}))
' "$here/fixtures/council-vote.txt" > "$work/many.jsonl"
"$BYLINE" run --format html "$work/many.jsonl" > "$work/many.html"
# A page with a hand-made record: a custom layer and crossing annotations.
python3 "$here/check_dom.py" make-custom "$work/page.html" "$work/custom.html"

browse() { # URL WHAT [more chromium flags]
    local url=$1 what=$2
    shift 2
    timeout 120 chromium --headless --no-sandbox --disable-gpu --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --disable-default-apps --disable-extensions --mute-audio \
        --user-data-dir="$(mktemp -d -p "$work")" "$@" "$url" 2>>"$work/chromium.log" > "$what"
}
browse "file://$work/page.html#doc-0" "$work/doc0.html" --dump-dom
browse "file://$work/page.html#doc-1" "$work/doc1.html" --dump-dom
browse "file://$work/custom.html#doc-0" "$work/custom-dom.html" --dump-dom
mkdir -p target/browser
browse "file://$work/page.html#doc-0" /dev/null --screenshot="$PWD/target/browser/view.png" \
    --window-size=1280,1100 --hide-scrollbars
browse "file://$work/custom.html#doc-0" /dev/null --screenshot="$PWD/target/browser/custom.png" \
    --window-size=1280,700 --hide-scrollbars
[ -s target/browser/view.png ] || { echo "no screenshot was written" >&2; exit 1; }

python3 "$here/check_dom.py" check "$work" "$port"

# Focus, hover, toggles, the document list, and the text box of the server's page.
"$BYLINE" serve --addr 127.0.0.1:0 --threads 1 2>"$work/serve.log" &
serve_pid=$!
for _ in $(seq 100); do grep -q "http://" "$work/serve.log" 2>/dev/null && break; sleep 0.1; done
url=$(grep -o 'http://127\.0\.0\.1:[0-9]*/' "$work/serve.log" | head -1)
[ -n "$url" ] || { cat "$work/serve.log" >&2; exit 1; }
timeout 180 python3 "$here/interact.py" "$work/page.html" "$url" "$work/many.html"
# Real text: every document of the shared dev sets, when they are here.
if [ -d ../shared/data ]; then
    timeout 900 python3 "$here/dev_sets.py" "$BYLINE" ../shared
fi
echo "browser checks passed; screenshots in target/browser/"
