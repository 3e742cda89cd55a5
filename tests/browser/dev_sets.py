"""The HTML view on real text: every document of the shared dev sets, opened
one by one in headless Chromium, must show its text exactly and one highlight
per sentence, entity, number and quotation, with every quotation's speaker
link pointing at a marked mention, and the page must make no request.

Documents are split in two halves by the parity of crc32(id); both are
reported. Reads ../shared at run time and copies none of it.

Usage: dev_sets.py BYLINE SHARED_DIR
"""

import json
import subprocess
import sys
import tempfile
import zlib

from check_dom import expect, finish
from interact import Browser

SETS = [
    ("quotes", "quotes/ggt/dev.jsonl"),
    ("quotes", "quotes/polnear/dev.jsonl"),
    ("entities", "entities/conll2003/dev.txt"),
    ("numbers", "numbers/recognizers_en_dev.jsonl"),
]

# Opens document D (ID its id), waits until the view shows it, and counts.
OPEN = r"""
new Promise((resolve) => {
  const D = %d, ID = %s;
  location.hash = "#doc-" + D;
  const started = Date.now();
  const ready = () => document.querySelector("#view h2")?.textContent === ID;
  const count = () => {
    if (!ready()) return Date.now() - started > 5000 ? resolve(null) : setTimeout(count, 1);
    const text = document.querySelector("#view .text");
    const record = JSON.parse(document.querySelectorAll("script.byline-doc")[D].textContent);
    const quotes = [...text.querySelectorAll(".q.first")];
    resolve({
      same: text.textContent === record.text,
      sentences: text.querySelectorAll(".sent.first").length,
      entities: text.querySelectorAll(".ent.first").length,
      numbers: text.querySelectorAll(".num.first").length,
      quotes: quotes.length,
      linked: quotes.every((q) => !q.dataset.speaker || text.querySelector('[data-m="' + q.dataset.speaker + '"]')),
    });
  };
  count();
})
"""


def spans(record, layer):
    return sum(a["end"] > a["start"] for a in record.get(layer) or [])


def check_half(byline, name, lines, work):
    source = f"{work}/{name}.jsonl"
    with open(source, "w", encoding="utf-8") as f:
        f.writelines(lines)
    records = subprocess.run([byline, "run", source], capture_output=True, text=True).stdout.splitlines()
    with open(f"{work}/{name}.html", "w", encoding="utf-8") as f:
        subprocess.run([byline, "run", "--format", "html", source], stdout=f, check=False)
    browser = Browser()
    wrong = []
    requests = []
    try:
        session = None
        for d, line in enumerate(records):
            # A fresh tab now and then: Chromium throttles over 200 navigations in 10 s.
            if d % 150 == 0:
                if session:
                    requests += browser.requests(session)
                session = browser.open(f"file://{work}/{name}.html#doc-{d}")
            record = json.loads(line)
            got = browser.evaluate(session, OPEN % (d, json.dumps(str(record["id"]))))
            want = {"same": True, "sentences": spans(record, "sentences"), "entities": spans(record, "entities"),
                    "numbers": spans(record, "numbers"), "quotes": spans(record, "quotes"), "linked": True}
            if got != want:
                wrong.append((record["id"], got, want))
        if session:
            requests += browser.requests(session)
    finally:
        browser.close()
    outside = [u for u in requests if not u.startswith("file:")]
    print(f"half {name}: {len(records)} documents, {len(wrong)} shown wrong, {len(outside)} requests")
    for doc_id, got, want in wrong[:5]:
        print(f"  {doc_id}: shown {got}, expected {want}")
    expect(len(records) == len(lines), f"half {name}: {len(records)} records for {len(lines)} documents")
    expect(not wrong, f"half {name}: {len(wrong)} documents shown wrong")
    expect(not outside, f"half {name}: requests {outside[:3]}")


def main(byline, shared):
    halves = {"A": [], "B": []}
    for task, gold in SETS:
        prepared = subprocess.run([sys.executable, f"{shared}/eval/score.py", "prepare", task, f"{shared}/data/{gold}"],
                                  capture_output=True, text=True, check=True).stdout
        for line in prepared.splitlines(keepends=True):
            doc_id = str(json.loads(line)["id"])
            halves["A" if zlib.crc32(doc_id.encode()) % 2 == 0 else "B"].append(line)
    with tempfile.TemporaryDirectory() as work:
        for name, lines in halves.items():
            check_half(byline, name, lines, work)
    finish("dev-set view checks")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
