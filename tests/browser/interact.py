"""Drives headless Chromium over the DevTools protocol (on a pipe, standard
library only) to check what a static DOM dump cannot: keyboard focus and
hover on the run page, the document list, the boundary toggles, the text box
of `byline serve`'s page, and every network request each page makes.

Usage: interact.py PAGE.html SERVE_URL [MANY.html]
(MANY.html: a page of 1,000 documents with ids doc-0 to doc-999.)
"""

import json
import os
import subprocess
import sys
import tempfile
import time

from check_dom import expect, finish


class Browser:
    """Chromium with --remote-debugging-pipe: fd 3 takes commands, fd 4 answers."""

    def __init__(self):
        to_chrome_r, self.to_chrome = os.pipe()
        self.from_chrome, from_chrome_w = os.pipe()
        profile = tempfile.mkdtemp(prefix="byline-chromium-")
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--disable-default-apps", "--disable-extensions", "--mute-audio",
                 f"--user-data-dir={profile}", "--remote-debugging-pipe", "about:blank"]

        def wire():
            # Move both ends out of the way first: either may already be 3 or 4.
            read_end, write_end = os.dup(to_chrome_r), os.dup(from_chrome_w)
            os.dup2(read_end, 3)
            os.dup2(write_end, 4)

        self.process = subprocess.Popen(["chromium", *flags], pass_fds=(), preexec_fn=wire,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=False)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self.buffer = b""
        self.next_id = 0
        self.events = []

    def call(self, method, params=None, session=None, timeout=30):
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self.to_chrome, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            reply = self.read()
            if reply.get("id") == self.next_id:
                if "error" in reply:
                    raise RuntimeError(f"{method}: {reply['error']}")
                return reply.get("result", {})
            self.events.append(reply)
        raise TimeoutError(method)

    def read(self):
        while b"\0" not in self.buffer:
            chunk = os.read(self.from_chrome, 1 << 16)
            if not chunk:
                raise RuntimeError("chromium closed the pipe")
            self.buffer += chunk
        message, self.buffer = self.buffer.split(b"\0", 1)
        return json.loads(message)

    def open(self, url):
        """A new tab on `url`, with network events recorded; its session id."""
        target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Network.enable", session=session)
        self.call("Page.enable", session=session)
        self.call("Emulation.setFocusEmulationEnabled", {"enabled": True}, session=session)
        self.call("Page.navigate", {"url": url}, session=session)
        self.evaluate(session, "new Promise(r => document.readyState === 'complete' ? r() : addEventListener('load', r))")
        return session

    def evaluate(self, session, expression):
        result = self.call("Runtime.evaluate", {"expression": expression, "awaitPromise": True,
                                                "returnByValue": True}, session=session)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression[:60]}...: {result['exceptionDetails']}")
        return result["result"].get("value")

    def requests(self, session):
        return [e["params"]["request"]["url"] for e in self.events
                if e.get("method") == "Network.requestWillBeSent" and e.get("sessionId") == session]

    def close(self):
        self.process.kill()
        self.process.wait()


# Focus and hover the first quotation with a speaker, a number, an entity;
# flip the toggles; open the second document from the list.
RUN_PAGE = r"""
(() => {
  const out = {};
  const tip = document.getElementById("tip");
  const q = [...document.querySelectorAll(".text .q.first")].find(n => n.dataset.speaker && n.dataset.cue);
  q.focus();
  const lit = (id, cls) => id ? [...document.querySelectorAll('[data-m="' + id + '"]')].every(n => n.classList.contains(cls)) : false;
  out.quoteFocused = document.activeElement === q;
  out.speakerLit = lit(q.dataset.speaker, "hl-speaker");
  out.cueLit = lit(q.dataset.cue, "hl-cue");
  out.quoteTip = tip.hidden ? null : tip.textContent;
  q.blur();
  out.speakerUnlit = !lit(q.dataset.speaker, "hl-speaker");
  const n = document.querySelector(".text .num-money.first");
  n.focus();
  out.numberTip = tip.hidden ? null : tip.textContent;
  n.blur();
  const e = document.querySelector(".text .ent.first");
  e.dispatchEvent(new MouseEvent("mouseover", { bubbles: true }));
  out.entityTip = tip.hidden ? null : tip.textContent;
  e.dispatchEvent(new MouseEvent("mouseout", { bubbles: true }));
  out.tipHidden = tip.hidden;
  const sentences = document.querySelector('#toggles input[value="show-sent"]');
  sentences.click();
  out.sentencesShown = document.body.classList.contains("show-sent");
  const first = document.querySelector(".text .sent.first");
  out.sentenceMark = first ? getComputedStyle(first, "::before").borderLeftStyle : null;
  document.querySelectorAll("#doclist button")[1].click();
  return new Promise(r => setTimeout(() => {
    out.secondTitle = document.querySelector("#view h2").textContent;
    out.hash = location.hash;
    r(out);
  }, 100));
})()
"""

# Paste an article into the serve page's text box and wait for its view.
SERVE_PAGE = r"""
(() => {
  document.getElementById("paste-text").value =
    "“We will reopen the bridge by May,” said Mayor Carla Mendes. The repairs cost $4.2 million.";
  document.getElementById("paste").requestSubmit();
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = () => {
      const text = document.querySelector("#view .text");
      if (text) {
        resolve({
          title: document.querySelector("#view h2").textContent,
          entities: [...text.querySelectorAll(".ent.first")].map(n => n.textContent),
          quotes: text.querySelectorAll(".q.first").length,
          money: text.querySelectorAll(".num-money").length,
          listed: document.querySelectorAll("#doclist button").length,
        });
      } else if (Date.now() - started > 20000) {
        reject(new Error("no view: " + document.getElementById("status").textContent));
      } else {
        setTimeout(poll, 50);
      }
    };
    poll();
  });
})()
"""


# A page of 1,000 articles: how long it took to open, and that only the
# opened document was rendered.
MANY_PAGE = r"""
(() => {
  const filter = document.getElementById("filter");
  filter.value = "doc-99";
  filter.dispatchEvent(new Event("input"));
  const visible = [...document.querySelectorAll("#doclist li")].filter(li => !li.hidden).length;
  const nav = performance.getEntriesByType("navigation")[0];
  return {
    listed: document.querySelectorAll("#doclist button").length,
    title: document.querySelector("#view h2").textContent,
    rendered: document.querySelectorAll(".text").length,
    entities: document.querySelectorAll(".text .ent.first").length,
    visible,
    loadMs: Math.round(nav.loadEventEnd - nav.startTime),
    elements: document.getElementsByTagName("*").length,
  };
})()
"""


def main(page, serve_url, many=None):
    browser = Browser()
    try:
        session = browser.open(f"file://{page}#doc-0")
        got = browser.evaluate(session, RUN_PAGE)
        expect(got["quoteFocused"], "a quotation cannot take keyboard focus")
        expect(got["speakerLit"] and got["cueLit"], f"focusing a quotation does not light its speaker and cue: {got}")
        expect(got["speakerUnlit"], "the speaker stays lit after the quotation loses focus")
        expect(got["quoteTip"] and "speaker:" in got["quoteTip"], f"quotation tooltip {got['quoteTip']!r}")
        expect(got["numberTip"] and got["numberTip"].startswith("money · value "), f"number tooltip {got['numberTip']!r}")
        expect(got["entityTip"] and got["entityTip"].endswith(" entity"), f"entity tooltip {got['entityTip']!r}")
        expect(got["tipHidden"], "the tooltip stays after the pointer leaves")
        expect(got["sentencesShown"] and got["sentenceMark"] == "solid", f"the sentence toggle shows nothing: {got}")
        expect(got["hash"] == "#doc-1" and got["secondTitle"], f"the document list does not open documents: {got}")
        outside = [u for u in browser.requests(session) if not u.startswith(("file:", "data:", "about:"))]
        expect(not outside, f"the run page made requests: {outside}")

        session = browser.open(serve_url)
        got = browser.evaluate(session, SERVE_PAGE)
        expect(got["title"] == "pasted 1" and got["listed"] == 1, f"the pasted article is not listed: {got}")
        expect("Carla Mendes" in got["entities"] and got["quotes"] == 1 and got["money"] == 1,
               f"the pasted article is not annotated: {got}")
        origin = serve_url.rstrip("/")
        outside = [u for u in browser.requests(session) if not u.startswith(origin)]
        expect(not outside, f"the serve page made requests elsewhere: {outside}")
        if many:
            started = time.time()
            session = browser.open(f"file://{many}#doc-999")
            got = browser.evaluate(session, MANY_PAGE)
            seconds = time.time() - started
            expect(got["listed"] == 1000 and got["title"] == "doc-999" and got["rendered"] == 1,
                   f"the 1,000-article page: {got}")
            expect(got["entities"] > 0, "the last of 1,000 articles shows no entities")
            expect(got["visible"] == 11, f"filtering ids by doc-99 leaves {got['visible']}, not 11")
            expect(seconds < 30, f"the 1,000-article page took {seconds:.1f} s to open")
            print(f"1,000-article page: opened and showed doc-999 in {seconds:.1f} s "
                  f"(load event {got['loadMs']} ms, {got['elements']} elements)")
    finally:
        browser.close()
    finish("interaction checks")


if __name__ == "__main__":
    main(*sys.argv[1:4])
