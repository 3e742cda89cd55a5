"""Checks the DOM headless Chromium built from byline's HTML view.

`check_dom.py make-custom PAGE OUT` writes a copy of PAGE whose embedded
records are replaced by one hand-made record (a custom layer, crossing and
nested annotations); `check_dom.py check WORK PORT` asserts on the DOMs that
run.sh dumped into WORK. Standard library only.
"""

import json
import re
import sys
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
RECORD = re.compile(r'<script type="application/json" class="byline-doc" data-id="[^"]*"( data-error)?>(.*?)</script>\n',
                    re.DOTALL)


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children = tag, dict(attrs), parent, []

    def classes(self):
        return set((self.attrs.get("class") or "").split())

    def text(self):
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)

    def walk(self):
        for c in self.children:
            if isinstance(c, Node):
                yield c
                yield from c.walk()

    def find_all(self, tag=None, cls=None, **attrs):
        for n in self.walk():
            if tag and n.tag != tag:
                continue
            if cls and cls not in n.classes():
                continue
            if any(n.attrs.get(k.replace("_", "-")) != v for k, v in attrs.items()):
                continue
            yield n

    def find(self, *args, **kwargs):
        return next(self.find_all(*args, **kwargs), None)

    def ancestors(self):
        n = self.parent
        while n is not None:
            yield n
            n = n.parent


class Tree(HTMLParser):
    def __init__(self, markup):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", {}, None)
        self.at = self.root
        self.feed(markup)

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.at)
        self.at.children.append(node)
        if tag not in VOID:
            self.at = node

    def handle_endtag(self, tag):
        n = self.at
        while n is not None and n.tag != tag:
            n = n.parent
        if n is not None and n.parent is not None:
            self.at = n.parent

    def handle_data(self, data):
        self.at.children.append(data)


failures = []


def expect(ok, what):
    if not ok:
        failures.append(what)


def finish(what):
    """Exits 1 listing every failed expectation, if any."""
    if failures:
        print(f"{what} failed:", file=sys.stderr)
        for f in failures:
            print("  " + f, file=sys.stderr)
        sys.exit(1)


def pieces_text(view, a):
    return "".join(n.text() for n in view.find_all(data_a=a) if not any(p.attrs.get("data-a") == a for p in n.ancestors()))


def check_layer(view, cls, items, what):
    """One highlight (`.CLS.first`) per item, whose pieces read the item's text."""
    view = view.find("div", cls="text")
    firsts = [n for n in view.find_all(cls=cls) if "first" in n.classes()]
    expect(len(firsts) == len(items), f"{what}: {len(firsts)} highlights for {len(items)} annotations")
    shown = sorted(pieces_text(view, n.attrs["data-a"]) for n in firsts)
    expect(shown == sorted(i["text"] for i in items), f"{what}: highlighted {shown}")
    return firsts


def check_standard(dom, record, doc_index, docs):
    view = Tree(dom).root.find(id="view")
    text = view.find("div", cls="text")
    expect(text is not None and text.text() == record["text"], "the view does not reproduce the text exactly")
    ents = check_layer(view, "ent", record["entities"], "entities")
    labels = sorted(n.attrs.get("data-label") for n in ents)
    expect(labels == sorted(e["label"] for e in record["entities"]), f"entity labels {labels}")
    nums = check_layer(view, "num", record["numbers"], "numbers")
    for n in nums:
        expect(n.attrs.get("tabindex") == "0", "a number cannot take keyboard focus")
        expect("value" in n.attrs.get("data-tip", ""), "a number's tooltip lacks its value")
    quotes = check_layer(view, "q", record["quotes"], "quotes")
    expect(all(q.attrs.get("tabindex") == "0" for q in quotes), "a quotation cannot take keyboard focus")
    for q in record["quotes"]:
        for role in ("speaker", "cue", "resolved"):
            span = q.get(role)
            if not span:
                continue
            ref = f"{doc_index}-m-{span['start']}-{span['end']}"
            linked = [n for n in quotes if n.attrs.get(f"data-{role}") == ref]
            expect(linked, f"no quotation links its {role} {span['text']!r}")
            mention = view.find(data_m=ref)
            expect(mention is not None and pieces_text(view, mention.attrs["data-a"]) == span["text"],
                   f"the {role} mention {span['text']!r} is not marked")
        who = (q.get("resolved") or q.get("speaker") or {}).get("text")
        if who:
            expect(any(n.attrs.get("data-who") == who for n in quotes), f"resolved name {who!r} not shown")
    summary = view.find("aside", cls="summary")
    expect(summary is not None, "no summary")
    if summary is not None:
        heads = [h.text() for h in summary.find_all("h3")]
        expect(heads[:3] == ["Who is quoted", "Money", "Entities"], f"summary sections {heads}")
    buttons = list(Tree(dom).root.find(id="doclist").find_all("button"))
    expect(len(buttons) == docs, f"{len(buttons)} documents listed, {docs} expected")
    return view


def make_custom(page, out):
    text = "Mayor Ada Quince said “Port Ellis will spend $5 million on Route 9 this year,” on Friday."

    def span(part, **attrs):
        start = text.index(part)
        return {"start": start, "end": start + len(part), "text": part, **attrs}

    quote = span("“Port Ellis will spend $5 million on Route 9 this year,”", direct=True,
                 speaker=span("Mayor Ada Quince"), cue=span("said"), resolved=None)
    record = {
        "id": "hand-made",
        "text": text,
        "entities": [span("Ada Quince", label="PER"), span("Port Ellis", label="LOC"),
                     span("Route 9", label="MISC")],
        "numbers": [span("$5 million", kind="money", value=5000000, unit="USD"),
                    span("9", kind="cardinal", value=9)],
        "quotes": [quote],
        # A third-party layer that crosses the quotation's end.
        "times": [span("this year,” on Friday", normalised="2026-W49")],
    }
    html = open(page, encoding="utf-8").read()
    embedded = list(RECORD.finditer(html))
    start, end = embedded[0].start(), embedded[-1].end()
    data = json.dumps(record, ensure_ascii=False).replace("<", "\\u003c")
    script = f'<script type="application/json" class="byline-doc" data-id="hand-made">{data}</script>\n'
    open(out, "w", encoding="utf-8").write(html[:start] + script + html[end:])
    return record


def check(work, port):
    records = [json.loads(line) for line in open(f"{work}/records.jsonl", encoding="utf-8")]
    page = open(f"{work}/page.html", encoding="utf-8").read()

    # Nothing on the page refers outside it; the records cannot end their script.
    embedded = list(RECORD.finditer(page))
    expect(len(embedded) == len(records), f"{len(embedded)} records embedded, {len(records)} expected")
    expect(all("<" not in m.group(2) for m in embedded), "a raw '<' inside the embedded records")
    expect([json.loads(m.group(2)) for m in embedded] == records, "the embedded records are not byline run's")
    shell = RECORD.sub("", page)
    for pattern in [r"https?:", r"""(src|href)\s*=\s*["']?//""", r"url\(", r"@import"]:
        expect(not re.search(pattern, shell), f"the page refers outside itself ({pattern})")
    expect("content=\"default-src 'none';" in page, "no Content-Security-Policy default-src 'none'")

    check_standard(open(f"{work}/doc0.html", encoding="utf-8").read(), records[0], 0, len(records))

    hostile = records[1]
    root = Tree(open(f"{work}/doc1.html", encoding="utf-8").read()).root
    view = root.find(id="view")
    expect(view.find("h2").text() == hostile["id"], "the hostile id is not shown as text")
    expect(view.find("div", cls="text").text() == hostile["text"], "the hostile text is not shown as text")
    for tag in ("img", "link", "b", "i", "iframe", "object"):
        expect(root.find(tag) is None, f"hostile text became a <{tag}> element")
    scripts = list(root.find_all("script"))
    expect(len(scripts) == len(records) + 1, "hostile text added a <script> element")
    expect(all("src" not in n.attrs for n in scripts), "a script with a source")
    fields = [d.text() for d in view.find_all("dd")]
    expect(hostile["source"] in fields, f"the extra field reads {fields}")
    requests = open(f"{work}/requests.log").read()
    expect(requests == "", f"the page made requests to 127.0.0.1:{port}: {requests!r}")

    record = make_custom(f"{work}/page.html", f"{work}/check-custom.html")
    view = Tree(open(f"{work}/custom-dom.html", encoding="utf-8").read()).root.find(id="view")
    expect(view.find("div", cls="text").text() == record["text"], "crossing annotations changed the text")
    check_layer(view, "ent", record["entities"], "hand-made entities")
    check_layer(view, "num", record["numbers"], "hand-made numbers")
    customs = check_layer(view, "cust", record["times"], "custom layer")
    if customs:
        a = customs[0].attrs["data-a"]
        expect(len(list(view.find_all(data_a=a))) == 2, "the crossing custom annotation is not split in two")
        expect(customs[0].attrs.get("data-layer") == "times", "the custom highlight lacks its layer name")
        expect("2026-W49" in customs[0].attrs.get("data-tip", ""), "the custom tooltip lacks its attributes")
    nine = [n for n in view.find_all(cls="num") if n.text() == "9"]
    expect(nine and any("ent" in p.classes() for p in nine[0].ancestors()), "the number inside an entity is not nested")
    quoted = [li.find("strong").text() for li in view.find("aside", cls="summary").find("ul").find_all("li")]
    expect(quoted == ["Ada Quince"], f"the summary counts quotations under {quoted}, not the person's name")
    table = view.find("section", cls="custom", data_layer="times")
    expect(table is not None and len(list(table.find_all("tr"))) == 2, "the custom layer has no table")

    finish("browser checks")


if __name__ == "__main__":
    if sys.argv[1] == "make-custom":
        make_custom(sys.argv[2], sys.argv[3])
    else:
        check(sys.argv[2], sys.argv[3])
