// byline's HTML view: renders the JSON records `byline run` writes, one
// document at a time, on demand. Every piece of text reaches the page
// through textContent or Text nodes, never innerHTML, so a document
// holding a script tag shows it as text.
(function () {
  "use strict";

  // The documents: each record stays unparsed text in its script element until opened.
  const docs = [...document.querySelectorAll("script.byline-doc")].map((script) => ({
    id: script.dataset.id,
    failed: script.hasAttribute("data-error"),
    script,
    record: null,
  }));

  function record(d) {
    const doc = docs[d];
    if (!doc) return null;
    if (!doc.record) doc.record = JSON.parse(doc.script.textContent);
    return doc.record;
  }
  const serving = document.body.dataset.mode === "serve";
  const STANDARD = ["paragraphs", "sentences", "tokens", "entities", "numbers", "quotes"];
  // Nesting order for annotations with the same span: outermost first.
  const RANK = { par: 0, sent: 1, q: 2, cust: 3, ent: 4, m: 5, num: 6, tok: 7 };

  /** An element with attributes and children (strings become Text nodes). */
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === undefined || v === null || v === false) continue;
      if (k === "class") e.className = v;
      else e.setAttribute(k, v === true ? "" : String(v));
    }
    for (const kid of kids) if (kid !== null && kid !== undefined) e.append(kid);
    return e;
  }

  function fmtNumber(v) {
    if (typeof v !== "number") return String(v);
    return v.toLocaleString("en-US", { maximumFractionDigits: 6 });
  }

  function numberValue(n) {
    if (n.value !== undefined && n.value !== null) return fmtNumber(n.value);
    if (n.min !== undefined || n.max !== undefined) {
      return fmtNumber(n.min) + " to " + fmtNumber(n.max);
    }
    return "?";
  }

  function numberTip(n) {
    const parts = [n.kind || "number", "value " + numberValue(n)];
    if (n.unit) parts.push("unit " + n.unit);
    if (n.qualifier) parts.push("qualifier " + n.qualifier.replace(/_/g, " "));
    return parts.join(" · ");
  }

  function spanKey(s) {
    return s.start + "-" + s.end;
  }

  function who(q) {
    if (q.resolved && q.resolved.text) return q.resolved.text;
    if (q.speaker && q.speaker.text) return q.speaker.text;
    return "(no speaker found)";
  }

  function quoteTip(q) {
    const parts = [q.direct ? "direct quotation" : "reported speech"];
    parts.push("speaker: " + (q.speaker ? q.speaker.text : "none found"));
    if (q.resolved) parts.push("resolved: " + q.resolved.text);
    if (q.cue) parts.push("cue: " + q.cue.text);
    return parts.join(" · ");
  }

  function attrsTip(name, item) {
    const parts = [name];
    for (const [k, v] of Object.entries(item)) {
      if (k === "start" || k === "end" || k === "text") continue;
      parts.push(k + ": " + (typeof v === "string" ? v : JSON.stringify(v)));
    }
    return parts.join(" · ");
  }

  /** Custom layers: array fields of span objects that are not standard. */
  function customLayers(doc) {
    const out = [];
    for (const [name, value] of Object.entries(doc)) {
      if (STANDARD.includes(name) || !Array.isArray(value)) continue;
      if (value.every((a) => a && typeof a.start === "number" && typeof a.end === "number")) {
        out.push([name, value]);
      }
    }
    return out;
  }

  /** Every annotation of a document as {start, end, kind, rank, attrs}. */
  function annotations(doc, d) {
    const anns = [];
    const add = (s, kind, attrs) => {
      if (s && typeof s.start === "number" && s.end > s.start) {
        anns.push({ start: s.start, end: s.end, kind, rank: RANK[kind], attrs, idx: anns.length });
      }
    };
    (doc.paragraphs || []).forEach((p) => add(p, "par", { class: "par" }));
    (doc.sentences || []).forEach((s) => add(s, "sent", { class: "sent" }));
    (doc.tokens || []).forEach((t) => add(t, "tok", { class: "tok" }));
    (doc.entities || []).forEach((e) =>
      add(e, "ent", { class: "ent", "data-label": e.label, "data-tip": e.label + " entity" }));
    (doc.numbers || []).forEach((n) =>
      add(n, "num", { class: "num num-" + n.kind, "data-tip": numberTip(n), tabindex: 0 }));
    // Mentions: one element per distinct span, whatever roles it plays.
    const mentions = new Map();
    const mention = (s, role, qi) => {
      if (!s) return;
      const key = spanKey(s);
      if (!mentions.has(key)) mentions.set(key, { span: s, roles: new Set(), quotes: new Set() });
      const m = mentions.get(key);
      m.roles.add(role);
      m.quotes.add(qi);
    };
    (doc.quotes || []).forEach((q, qi) => {
      const attrs = {
        class: "q " + (q.direct ? "direct" : "reported"),
        "data-q": qi,
        "data-tip": quoteTip(q),
        "data-who": who(q),
        tabindex: 0,
      };
      for (const role of ["speaker", "cue", "resolved"]) {
        if (q[role]) {
          attrs["data-" + role] = d + "-m-" + spanKey(q[role]);
          mention(q[role], role, qi);
        }
      }
      add(q, "q", attrs);
    });
    for (const [key, m] of mentions) {
      const roles = [...m.roles];
      add(m.span, "m", {
        class: "m " + roles.map((r) => "m-" + r).join(" "),
        "data-m": d + "-m-" + key,
        "data-tip": roles.join(" and ") + " of " + m.quotes.size + " quotation" + (m.quotes.size > 1 ? "s" : ""),
      });
    }
    for (const [name, items] of customLayers(doc)) {
      items.forEach((a) =>
        add(a, "cust", { class: "cust", "data-layer": name, "data-tip": attrsTip(name, a) }));
    }
    return anns;
  }

  function before(a, b) {
    return a.start - b.start || b.end - a.end || a.rank - b.rank || a.idx - b.idx;
  }

  /**
   * Renders text with annotations that may nest or cross. Between any two
   * boundaries the covering annotations, outermost first, are the element
   * stack; an annotation that crosses another is split into pieces that
   * share its data-a, so hovering any piece highlights all of them.
   */
  function renderText(text, anns) {
    const chars = Array.from(text);
    const root = el("div", { class: "text" });
    const points = new Set([0, chars.length]);
    for (const a of anns) {
      a.end = Math.min(a.end, chars.length);
      points.add(a.start);
      points.add(a.end);
    }
    const bounds = [...points].filter((p) => p >= 0 && p <= chars.length).sort((x, y) => x - y);
    const starts = new Map();
    for (const a of anns) {
      if (!starts.has(a.start)) starts.set(a.start, []);
      starts.get(a.start).push(a);
    }
    let active = [];
    const stack = []; // [{ann, node}]
    for (let i = 0; i + 1 < bounds.length; i++) {
      const from = bounds[i];
      const to = bounds[i + 1];
      active = active.filter((a) => a.end > from).concat(starts.get(from) || []);
      active.sort(before);
      let keep = 0;
      while (keep < stack.length && keep < active.length && stack[keep].ann === active[keep]) keep++;
      stack.length = keep;
      for (let k = keep; k < active.length; k++) {
        const a = active[k];
        const node = el("span", a.attrs);
        node.dataset.a = a.idx;
        if (from === a.start) node.classList.add("first");
        else node.removeAttribute("tabindex");
        (k === 0 ? root : stack[k - 1].node).append(node);
        stack.push({ ann: a, node });
      }
      const piece = chars.slice(from, to).join("");
      (stack.length ? stack[stack.length - 1].node : root).append(piece);
      for (const s of stack) if (to === s.ann.end) s.node.classList.add("last");
    }
    return root;
  }

  function summaryList(title, rows) {
    const list = el("ul");
    for (const row of rows) list.append(el("li", {}, ...row));
    if (!rows.length) list.append(el("li", { class: "none" }, "none"));
    return el("section", { class: "sum" }, el("h3", {}, title), list);
  }

  function summary(doc) {
    const box = el("aside", { class: "summary", "aria-label": "summary" });
    // A speaker mention with a person's name inside ("Mayor Jo Bell") counts
    // under that name, so titles do not split one person's tally.
    const people = (doc.entities || []).filter((e) => e.label === "PER");
    const nameIn = (span) => {
      const inside = people.filter((e) => e.start >= span.start && e.end <= span.end);
      inside.sort((a, b) => b.end - b.start - (a.end - a.start));
      return inside.length ? inside[0].text : span.text;
    };
    const quoted = new Map();
    for (const q of doc.quotes || []) {
      const mention = q.resolved || q.speaker;
      const name = mention ? nameIn(mention) : who(q);
      if (!quoted.has(name)) quoted.set(name, { direct: 0, reported: 0 });
      quoted.get(name)[q.direct ? "direct" : "reported"]++;
    }
    const qrows = [...quoted].sort((a, b) =>
      b[1].direct + b[1].reported - (a[1].direct + a[1].reported) || a[0].localeCompare(b[0]));
    box.append(summaryList("Who is quoted", qrows.map(([name, c]) => [
      el("strong", {}, name), " ", String(c.direct + c.reported) + "× ",
      el("small", {}, "(" + c.direct + " direct, " + c.reported + " reported)"),
    ])));
    const money = (doc.numbers || []).filter((n) => n.kind === "money");
    box.append(summaryList("Money", money.map((n) => [
      el("q", {}, n.text), " = ", el("strong", {}, numberValue(n)), " " + (n.unit || ""),
      n.qualifier ? el("small", {}, " (" + n.qualifier.replace(/_/g, " ") + ")") : null,
    ])));
    const labels = new Map();
    for (const e of doc.entities || []) {
      if (!labels.has(e.label)) labels.set(e.label, new Map());
      const names = labels.get(e.label);
      names.set(e.text, (names.get(e.text) || 0) + 1);
    }
    box.append(summaryList("Entities", [...labels].sort().map(([label, names]) => [
      el("span", { class: "ent first last", "data-label": label }, ""), " ",
      [...names].map(([t, c]) => (c > 1 ? t + " ×" + c : t)).join(", "),
    ])));
    const counts = [];
    for (const [name, value] of Object.entries(doc)) {
      if (Array.isArray(value)) counts.push([el("code", {}, name), " " + value.length]);
    }
    box.append(summaryList("Layers", counts));
    return box;
  }

  function customTables(doc) {
    const out = [];
    for (const [name, items] of customLayers(doc)) {
      const keys = [];
      for (const a of items) for (const k of Object.keys(a)) if (!keys.includes(k)) keys.push(k);
      const head = el("tr", {}, ...keys.map((k) => el("th", {}, k)));
      const rows = items.map((a) => el("tr", {}, ...keys.map((k) => el("td", {},
        a[k] === undefined ? "" : typeof a[k] === "string" ? a[k] : JSON.stringify(a[k])))));
      out.push(el("section", { class: "custom", "data-layer": name },
        el("h3", {}, "Layer ", el("code", {}, name), " (" + items.length + ")"),
        el("table", {}, el("thead", {}, head), el("tbody", {}, ...rows))));
    }
    const extra = Object.entries(doc).filter(([k, v]) =>
      !["id", "text", "error"].includes(k) && !Array.isArray(v));
    if (extra.length) {
      out.push(el("section", { class: "custom" }, el("h3", {}, "Other fields"),
        el("dl", {}, ...extra.flatMap(([k, v]) =>
          [el("dt", {}, k), el("dd", {}, typeof v === "string" ? v : JSON.stringify(v))]))));
    }
    return out;
  }

  const view = document.getElementById("view");
  const tip = document.getElementById("tip");

  function show(d) {
    const doc = record(d);
    view.replaceChildren();
    if (!doc) return;
    for (const b of document.querySelectorAll("#doclist button")) {
      b.setAttribute("aria-current", b.dataset.doc === String(d) ? "true" : "false");
    }
    view.append(el("h2", {}, String(doc.id)));
    if (typeof doc.error === "string") {
      view.append(el("p", { class: "error" }, "error: " + doc.error));
      return;
    }
    const text = typeof doc.text === "string" ? doc.text : "";
    const body = el("div", { class: "doc", "data-doc": d });
    body.append(renderText(text, annotations(doc, d)), summary(doc));
    view.append(body, ...customTables(doc));
  }

  function docList() {
    const list = document.getElementById("doclist");
    const nav = document.getElementById("docs");
    list.replaceChildren();
    docs.forEach((doc, d) => {
      const label = doc.id + (doc.failed ? " (error)" : "");
      list.append(el("li", {}, el("button", { type: "button", "data-doc": d }, label)));
    });
    nav.hidden = docs.length < 2 && !serving;
    document.getElementById("count").textContent =
      docs.length + " document" + (docs.length === 1 ? "" : "s");
  }

  function current() {
    const m = /^#doc-(\d+)$/.exec(location.hash);
    return m ? Number(m[1]) : 0;
  }

  function open(d) {
    if (location.hash === "#doc-" + d) show(d);
    else location.hash = "#doc-" + d;
  }

  // Hover and focus: the tooltip, and a quotation's speaker, cue and resolved name.
  function link(target, on) {
    const box = target.closest(".doc");
    if (!box) return;
    const q = target.closest(".q");
    const a = target.closest("[data-a]");
    if (a) box.querySelectorAll('[data-a="' + a.dataset.a + '"]').forEach((n) => n.classList.toggle("hl", on));
    if (q) {
      box.querySelectorAll('[data-a="' + q.dataset.a + '"]').forEach((n) => n.classList.toggle("hl-q", on));
      for (const role of ["speaker", "cue", "resolved"]) {
        const id = q.dataset[role];
        if (id) box.querySelectorAll('[data-m="' + id + '"]').forEach((n) => n.classList.toggle("hl-" + role, on));
      }
    }
    const t = target.closest("[data-tip]");
    if (on && t) {
      tip.textContent = t.dataset.tip;
      const r = t.getBoundingClientRect();
      tip.style.left = Math.max(4, r.left + window.scrollX) + "px";
      tip.style.top = r.bottom + window.scrollY + 4 + "px";
      tip.hidden = false;
      t.setAttribute("aria-describedby", "tip");
    } else if (!on) {
      tip.hidden = true;
    }
  }

  view.addEventListener("mouseover", (e) => link(e.target, true));
  view.addEventListener("mouseout", (e) => link(e.target, false));
  view.addEventListener("focusin", (e) => link(e.target, true));
  view.addEventListener("focusout", (e) => link(e.target, false));

  document.getElementById("doclist").addEventListener("click", (e) => {
    const b = e.target.closest("button[data-doc]");
    if (b) open(Number(b.dataset.doc));
  });
  document.getElementById("filter").addEventListener("input", (e) => {
    const needle = e.target.value.toLowerCase();
    for (const b of document.querySelectorAll("#doclist button")) {
      b.parentElement.hidden = needle !== "" && !b.textContent.toLowerCase().includes(needle);
    }
  });
  for (const box of document.querySelectorAll("#toggles input")) {
    const apply = () => document.body.classList.toggle(box.value, box.checked);
    box.addEventListener("change", apply);
    apply();
  }
  window.addEventListener("hashchange", () => show(current()));

  if (serving) {
    const form = document.getElementById("paste");
    form.hidden = false;
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      const status = document.getElementById("status");
      const text = document.getElementById("paste-text").value;
      status.textContent = "annotating…";
      try {
        const res = await fetch("annotate", {
          method: "POST",
          headers: { "content-type": "text/plain; charset=utf-8" },
          body: text,
        });
        const pasted = await res.json();
        if (!res.ok && typeof pasted.error !== "string") throw new Error("HTTP " + res.status);
        pasted.id = "pasted " + (docs.length + 1);
        docs.push({ id: pasted.id, failed: typeof pasted.error === "string", script: null, record: pasted });
        docList();
        open(docs.length - 1);
        status.textContent = "";
      } catch (err) {
        status.textContent = "could not annotate: " + err.message;
      }
    });
  }

  docList();
  show(current());
})();
