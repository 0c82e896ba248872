// The query page and the named-query pages: run SPARQL on this server, show a table.
// Offline by design: no library, no request but to this server. Data is put into the page
// with textContent only, never as HTML.
"use strict";

(function () {
  const BASE = "https://w3id.org/vnrukg/";
  const results = document.getElementById("results");
  const status = document.getElementById("status");
  const form = document.getElementById("query-form");
  const editor = document.getElementById("query");
  const prefixes = JSON.parse((results && results.dataset.prefixes) || "{}");
  const ACCEPT = "application/sparql-results+json, application/n-triples;q=0.9";

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const [key, value] of Object.entries(attrs || {})) node.setAttribute(key, value);
    return node;
  }

  function shorten(iri) {
    let best = "";
    let out = iri;
    for (const [prefix, ns] of Object.entries(prefixes)) {
      if (iri.startsWith(ns) && ns.length > best.length && /^[\w.-]+$/.test(iri.slice(ns.length))) {
        best = ns;
        out = prefix + ":" + iri.slice(ns.length);
      }
    }
    return out;
  }

  function href(iri) {
    if (iri.startsWith(BASE)) return "/" + iri.slice(BASE.length);
    return /^https?:/.test(iri) ? iri : null;
  }

  function cell(term) {
    // long texts (summaries, descriptions) get room; squeezed to a word a line they ran on
    // for a whole screen beside half-empty columns
    const long = term && term.type !== "uri" && term.value.length > 120;
    const td = el("td", null, long ? { class: "long-text" } : {});
    if (!term) return td;
    if (term.type === "uri") {
      const target = href(term.value);
      td.appendChild(target ? el("a", shorten(term.value), { href: target, title: term.value })
                            : el("span", term.value));
    } else {
      // dates and years stay on one line: "1994-06" broken at its hyphen reads as two values
      const dated = /(date|gYear)/.test(term.datatype || "") || /^\d{4}(-\d\d){0,2}$/.test(term.value);
      td.appendChild(el("span", term.type === "bnode" ? "_:" + term.value : term.value,
                        { class: dated ? "literal date" : "literal" }));
      const note = term["xml:lang"] ? "@" + term["xml:lang"]
                 : term.datatype ? shorten(term.datatype) : "";
      if (note) td.appendChild(el("span", " " + note, { class: "meta tag-note" }));
    }
    return td;
  }

  // A quote: the source's words, folded when long; the curators' translation beside it.
  const FOLD = 320;
  function foldable(text, tag, attrs) {
    if (text.length <= FOLD) return el(tag, text, attrs);
    const details = el("details", null, { class: "fold" });
    const summary = el("summary");
    summary.appendChild(el(tag, text.slice(0, FOLD - 60) + "…", Object.assign({}, attrs, { class: "folded" })));
    summary.appendChild(el("span", "show all " + text.length + " characters", { class: "more" }));
    details.append(summary, el(tag, text, attrs));
    return details;
  }
  function quoteCell(term, translation) {
    const td = el("td", null, { class: "evidence-cell" });
    if (!term) return td;
    const lang = term["xml:lang"] || "";
    td.appendChild(foldable(term.value, "blockquote", lang ? { lang: lang } : {}));
    if (translation) {
      const side = el("div", null, { class: "translation-side" });
      side.appendChild(el("span", "translation (curators')", { class: "evidence-label" }));
      side.appendChild(foldable(translation, "p", { lang: "en", class: "translation" }));
      td.appendChild(side);
    }
    return td;
  }
  const isQuote = (v) => /quote/i.test(v);
  const isTranslation = (v) => /translation/i.test(v);

  async function translationsOf(data) {
    if ("boolean" in data) return {};
    const vars = data.head.vars;
    if (!vars.some(isQuote) || vars.some(isTranslation)) return {};
    const quotes = new Set();
    for (const row of data.results.bindings) {
      for (const v of vars) if (isQuote(v) && row[v]) quotes.add(row[v].value);
    }
    try {
      const response = await fetch("/evidence/translations", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify([...quotes].slice(0, 400)),
      });
      return response.ok ? await response.json() : {};
    } catch (err) {
      return {};
    }
  }

  // One quote column and one translation column: the translation goes beside the quote in
  // its cell, as on entity pages; two evidence columns side by side pushed the table past
  // a 1440 px page (policy-statements).
  function columns(data) {
    const quoteVars = data.head.vars.filter(isQuote);
    const translationVars = data.head.vars.filter(isTranslation);
    const merged = quoteVars.length === 1 && translationVars.length === 1 ? translationVars[0] : null;
    return { merged, vars: data.head.vars.filter((v) => v !== merged) };
  }

  function heading(v, merged) {
    const th = el("th", v.replace(/_/g, "_\u200b")); // long names break after an underscore
    if (isTranslation(v)) th.appendChild(el("span", "translation (curators')", { class: "evidence-label" }));
    if (isQuote(v)) {
      th.appendChild(el("span", merged ? "source's words; translation (curators') below"
                                       : "source's words", { class: "evidence-label" }));
    }
    if (isQuote(v) || isTranslation(v)) th.className = "evidence-head";
    return th;
  }

  function valueCell(row, v, merged, translations) {
    if (isQuote(v)) {
      const given = merged && row[merged] ? row[merged].value : null;
      return quoteCell(row[v], given || (row[v] && translations[row[v].value]));
    }
    if (isTranslation(v) && row[v]) {
      const td = el("td", null, { class: "evidence-cell translation-cell" });
      td.appendChild(foldable(row[v].value, "p", { lang: "en", class: "translation" }));
      return td;
    }
    return cell(row[v]);
  }

  function table(data, translations) {
    if ("boolean" in data) return el("p", String(data.boolean), { class: "boolean" });
    const out = el("table", null, { class: "result-table" });
    const { merged, vars } = columns(data);
    const head = el("tr");
    for (const v of vars) head.appendChild(heading(v, merged));
    out.appendChild(head);
    for (const row of data.results.bindings) {
      const tr = el("tr");
      for (const v of vars) tr.appendChild(valueCell(row, v, merged, translations));
      out.appendChild(tr);
    }
    return out;
  }

  // A result with more columns than the page can hold (trade-series has sixteen: each value
  // with its unit, qualifier, growth, reference and note) is shown a row at a time, each
  // column's name beside its value, as psql's expanded display does: nothing is cut or hidden
  // and nothing scrolls sideways. Empty fields of a row are left out of its block.
  function records(data, translations) {
    const { merged, vars } = columns(data);
    const out = el("div", null, { class: "result-records" });
    out.appendChild(el("p", vars.length + " columns do not fit the page: each row is a block, " +
                       "its fields one under another (empty ones left out).", { class: "records-note" }));
    data.results.bindings.forEach((row, index) => {
      const block = el("table", null, { class: "result-table record" });
      block.appendChild(el("caption", "row " + (index + 1)));
      for (const v of vars) {
        if (!row[v] && !(isQuote(v) && merged && row[merged])) continue;
        const tr = el("tr");
        tr.appendChild(heading(v, merged));
        tr.appendChild(valueCell(row, v, merged, translations));
        block.appendChild(tr);
      }
      out.appendChild(block);
    });
    return out;
  }

  function say(text, kind) {
    if (!status) return;
    status.textContent = text;
    status.className = "status " + (kind || "");
  }

  function showError(problem) {
    let text = problem.message || "the query failed";
    say(text, "error");
    if (editor && problem.line) {
      const lines = editor.value.split("\n");
      const start = lines.slice(0, problem.line - 1).join("\n").length + (problem.line > 1 ? 1 : 0);
      editor.focus();
      editor.setSelectionRange(start, start + (lines[problem.line - 1] || "").length);
    }
  }

  async function show(response, started) {
    const ms = Math.round(performance.now() - started);
    const type = response.headers.get("content-type") || "";
    results.replaceChildren();
    if (!response.ok) {
      const problem = type.includes("json") ? await response.json() : { message: await response.text() };
      showError(problem);
      return;
    }
    const cut = response.headers.get("x-sparql-maxrows");
    if (type.includes("sparql-results+json")) {
      const data = await response.json();
      const translations = await translationsOf(data);
      results.appendChild(table(data, translations));
      if (!("boolean" in data) && results.scrollWidth > results.clientWidth) {
        results.replaceChildren(records(data, translations));
      }
      const n = "boolean" in data ? 1 : data.results.bindings.length;
      say(("boolean" in data ? "answer" : n + " row" + (n === 1 ? "" : "s")) + " in " + ms + " ms" +
          (cut ? " — cut at " + cut + " rows (the server's limit)" : ""), "ok");
    } else {
      const text = await response.text();
      results.appendChild(el("pre", text, { class: "rdf" }));
      const n = text.split("\n").filter((l) => l.trim()).length;
      say(n + " triple" + (n === 1 ? "" : "s") + " in " + ms + " ms" + (cut ? " — cut at " + cut : ""), "ok");
    }
  }

  async function run(url, options) {
    say("running…", "busy");
    const started = performance.now();
    try {
      await show(await fetch(url, options), started);
    } catch (err) {
      say("could not reach the server: " + err, "error");
    }
  }

  function runEditor() {
    return run("/sparql", {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query", Accept: ACCEPT },
      body: editor.value,
    });
  }

  async function download(fmt) {
    const response = await fetch("/sparql?format=" + encodeURIComponent(fmt), {
      method: "POST",
      headers: { "Content-Type": "application/sparql-query" },
      body: editor.value,
    });
    if (!response.ok) return showError(await response.json());
    const link = el("a", null, { href: URL.createObjectURL(await response.blob()),
                                 download: "result." + fmt });
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  if (form) {
    form.addEventListener("submit", (event) => { event.preventDefault(); runEditor(); });
    editor.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        runEditor();
      } else if (event.key === "Tab" && !event.shiftKey) {
        event.preventDefault();
        editor.setRangeText("  ", editor.selectionStart, editor.selectionEnd, "end");
      }
    });
    const examples = document.getElementById("examples");
    examples.addEventListener("change", async () => {
      if (!examples.value) return;
      const response = await fetch("/queries", { headers: { Accept: "application/json" } });
      const named = (await response.json()).find((q) => q.name === examples.value);
      if (named) editor.value = named.text;
    });
    const picker = document.getElementById("download");
    picker.addEventListener("change", () => { if (picker.value) download(picker.value); picker.value = ""; });
  }

  const tags = document.getElementById("show-tags");
  if (tags && results) {
    tags.addEventListener("change", () => results.classList.toggle("show-tags", tags.checked));
  }

  if (results && results.dataset.src) {
    run(results.dataset.src, { headers: { Accept: ACCEPT } });
  }
})();
