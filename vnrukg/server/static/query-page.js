// The query page (/query): YASGUI (vendored, see js/README.md) set up for this endpoint, with
// autocompletion from the endpoint's own data, result views of our own as YASR plugins
// (chart and timeline drawn with Vega-Lite, network with vis-network), a table whose IRIs
// link to entity pages with their labels beside them, downloads in every format the endpoint
// serves, the named queries as examples, and the address bar kept as a link that reruns the
// query. Nothing is fetched from anywhere but this server. Data reaches the page as text
// (textContent) or, where YASR's table wants HTML, escaped by esc().
"use strict";

(function () {
  const root = document.getElementById("yasgui");
  if (!root || !window.Yasgui) return;
  const Yasgui = window.Yasgui;
  const Yasr = Yasgui.Yasr;
  const Yasqe = Yasgui.Yasqe;
  const BASE = "https://w3id.org/vnrukg/";
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const prefixes = JSON.parse(root.dataset.prefixes || "{}");
  const labels = new Map(); // IRI -> English (or Vietnamese) label
  let terms = null;
  const termsReady = fetch("/query/terms", { headers: { Accept: "application/json" } })
    .then((r) => r.json())
    .then((data) => {
      terms = data;
      for (const group of ["classes", "properties", "concepts", "entities"]) {
        for (const t of data[group]) if (t.label) labels.set(t.iri, t.label);
      }
      Object.assign(prefixes, data.prefixes);
      return data;
    });

  // --- text helpers ----------------------------------------------------------------------
  function esc(text) {
    return String(text).replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;",
      '"': "&quot;", "'": "&#39;" })[c]);
  }
  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  function icon(kind) {
    const NS = "http://www.w3.org/2000/svg";
    const svg = document.createElementNS(NS, "svg");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("width", "15");
    svg.setAttribute("height", "15");
    svg.setAttribute("aria-hidden", "true");
    const shapes = {
      chart: [["polyline", { points: "1,14 5,8 9,10 15,3", fill: "none", stroke: "currentColor", "stroke-width": "2" }]],
      timeline: [["rect", { x: "1", y: "2", width: "9", height: "3" }], ["rect", { x: "5", y: "7", width: "10", height: "3" }],
        ["rect", { x: "2", y: "12", width: "6", height: "3" }]],
      network: [["line", { x1: "3", y1: "3", x2: "13", y2: "8", stroke: "currentColor", "stroke-width": "1.5" }],
        ["line", { x1: "3", y1: "3", x2: "5", y2: "13", stroke: "currentColor", "stroke-width": "1.5" }],
        ["line", { x1: "13", y1: "8", x2: "5", y2: "13", stroke: "currentColor", "stroke-width": "1.5" }],
        ["circle", { cx: "3", cy: "3", r: "2.5" }], ["circle", { cx: "13", cy: "8", r: "2.5" }],
        ["circle", { cx: "5", cy: "13", r: "2.5" }]],
    };
    for (const [tag, attrs] of shapes[kind]) {
      const shape = document.createElementNS(NS, tag);
      for (const [k, v] of Object.entries(attrs)) shape.setAttribute(k, v);
      if (!attrs.fill && !attrs.stroke) shape.setAttribute("fill", "currentColor");
      svg.appendChild(shape);
    }
    const box = el("div", null, { class: "plugin-icon" });
    box.appendChild(svg);
    return box;
  }
  function fold(text) {
    return String(text).replace(/đ/g, "d").replace(/Đ/g, "D").normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }
  function shorten(iri) {
    let best = "", out = iri;
    for (const [p, ns] of Object.entries(prefixes)) {
      if (iri.startsWith(ns) && ns.length > best.length && /^[\w.-]*$/.test(iri.slice(ns.length))) {
        best = ns; out = p + ":" + iri.slice(ns.length);
      }
    }
    return out;
  }
  // Where an IRI links: our entity pages for our IRIs, http(s) as is, other schemes nowhere.
  function href(iri) {
    if (iri.startsWith(BASE)) return "/" + iri.slice(BASE.length);
    return /^https?:\/\//i.test(iri) ? iri : null;
  }

  // --- autocompletion from /query/terms ----------------------------------------------------
  function queryPrefixes(yasqe) {
    return Object.assign({}, prefixes, yasqe.getPrefixesFromQuery());
  }
  function iriToken(yasqe, token) {
    const text = token.string.trim().replace(/^</, "").replace(/>$/, "");
    const colon = text.indexOf(":");
    const known = queryPrefixes(yasqe);
    if (colon > -1 && !text.startsWith("http") && known[text.slice(0, colon)] !== undefined) {
      token.tokenPrefix = text.slice(0, colon + 1);
      token.tokenPrefixUri = known[text.slice(0, colon)];
      token.autocompletionString = token.tokenPrefixUri + text.slice(colon + 1);
      token.localPart = text.slice(colon + 1);
    } else {
      token.autocompletionString = text;
      token.localPart = text;
    }
    return token;
  }
  function asWritten(yasqe, iri) {
    const known = queryPrefixes(yasqe);
    let best = null;
    for (const [p, ns] of Object.entries(known)) {
      if (iri.startsWith(ns) && /^[\w.-]*$/.test(iri.slice(ns.length)) &&
          (!best || ns.length > known[best].length)) best = p;
    }
    return best === null ? "<" + iri + ">" : best + ":" + iri.slice(known[best].length);
  }
  // Terms whose IRI starts with what was typed, or whose names contain it (case and
  // diacritics ignored): those whose IRI or a name starts with it first, then shorter names.
  function matching(list, token, limit) {
    const whole = token.autocompletionString || "";
    const local = fold(token.localPart || "").replace(/[-_]/g, " ");
    const found = [];
    for (const t of list) {
      const hay = (t.fold || fold(t.label || "")) + " " + fold(t.short).replace(/[-_]/g, " ");
      const prefix = t.iri.startsWith(whole) && whole.length > 0;
      const squeezed = local.replace(/ /g, "");
      if (!prefix && !(local && (hay.includes(local) || hay.replace(/ /g, "").includes(squeezed)))) continue;
      const rank = prefix ? 0 : (" " + hay).includes(" " + local) ? 1 : 2;
      found.push([rank, (t.label || t.short).length, t.iri]);
    }
    found.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    return found.slice(0, limit).map((f) => f[2]);
  }
  function withLabels(yasqe, hints) {
    return hints.map((h) => {
      const full = h.text.startsWith("<") ? h.text.slice(1, -1) : (() => {
        const c = h.text.indexOf(":");
        const ns = queryPrefixes(yasqe)[h.text.slice(0, c)];
        return ns === undefined ? h.text : ns + h.text.slice(c + 1);
      })();
      const label = labels.get(full);
      const shortLabel = label && label.length > 90 ? label.slice(0, 88) + "…" : label;
      return label ? Object.assign(h, { displayText: h.text + "  —  " + shortLabel }) : h;
    });
  }
  function iriCompleter(name, group, valid) {
    return {
      name: name,
      bulk: false,
      autoShow: true,
      isValidCompletionPosition: valid,
      preProcessToken: iriToken,
      get: (yasqe, token) => termsReady.then((t) => matching(t[group], token, 60)),
      postProcessSuggestion: (yasqe, token, iri) => asWritten(yasqe, iri),
      postprocessHints: withLabels,
    };
  }
  function tokenText(yasqe) {
    return yasqe.getCompleteToken().string || "";
  }
  const inPredicatePosition = (yasqe) => {
    const t = yasqe.getCompleteToken();
    if (!t.string || t.string[0] === "?" || t.string[0] === "$") return false;
    return t.state.possibleCurrent.indexOf("a") >= 0;
  };
  const afterType = (yasqe) => {
    const t = yasqe.getCompleteToken();
    if (!t.string || t.string[0] === "?" || t.string[0] === "$") return false;
    const previous = yasqe.getPreviousNonWsToken(yasqe.getDoc().getCursor().line, t);
    return ["a", "rdf:type", "rdfs:domain", "rdfs:range"].includes(previous.state.lastProperty);
  };
  const startsWithPrefix = (p) => (yasqe) => tokenText(yasqe).startsWith(p + ":");
  Yasqe.registerAutocompleter({
    name: "vnrukg-prefixes",
    bulk: true,
    autoShow: true,
    persistenceId: null,
    isValidCompletionPosition: Yasqe.Autocompleters.prefixes.isValidCompletionPosition,
    preProcessToken: Yasqe.Autocompleters.prefixes.preProcessToken,
    postprocessHints: Yasqe.Autocompleters.prefixes.postprocessHints,
    get: () => termsReady.then((t) => Object.entries(t.prefixes).map(([p, ns]) => `${p}: <${ns}>`).sort()),
  });
  Yasqe.registerAutocompleter(iriCompleter("vnrukg-classes", "classes", afterType));
  Yasqe.registerAutocompleter(iriCompleter("vnrukg-properties", "properties",
    (y) => inPredicatePosition(y) && !afterType(y)));
  Yasqe.registerAutocompleter(iriCompleter("vnrukg-entities", "entities", startsWithPrefix("vnrd")));
  Yasqe.registerAutocompleter(iriCompleter("vnrukg-concepts", "concepts", startsWithPrefix("vnrv")));
  const COMPLETERS = ["variables", "vnrukg-prefixes", "vnrukg-classes", "vnrukg-properties",
    "vnrukg-entities", "vnrukg-concepts"];

  // --- reading results ---------------------------------------------------------------------
  function rows(yasr) {
    const results = yasr.results;
    if (!results || results.getBoolean() !== undefined) return null;
    const bindings = results.getBindings() || [];
    return { vars: results.getVariables() || [], bindings: bindings };
  }
  function isNumber(t) {
    if (!t || t.type !== "literal" && t.type !== "typed-literal") return false;
    const dt = t.datatype || "";
    return /(integer|decimal|double|float|long|int|short)$/.test(dt) && !isNaN(Number(t.value));
  }
  // A date as written, with its precision: {start, end, text} in ISO days; null if not a date.
  function when(t) {
    if (!t) return null;
    const dt = t.datatype || "", v = String(t.value);
    let m;
    if ((dt === XSD + "gYear" || /integer$/.test(dt) || !dt) && (m = /^(-?\d{4})$/.exec(v))) {
      const y = Number(m[1]);
      if (dt === XSD + "gYear" || (y >= 1800 && y <= 2100)) {
        return { start: `${m[1]}-01-01`, end: `${y + 1}-01-01`, text: m[1], precision: "year", year: y };
      }
    }
    if ((m = /^(\d{4})-(\d{2})$/.exec(v)) && (dt === XSD + "gYearMonth" || !dt)) {
      const y = Number(m[1]), mo = Number(m[2]);
      const next = mo === 12 ? `${y + 1}-01-01` : `${m[1]}-${String(mo + 1).padStart(2, "0")}-01`;
      return { start: `${m[1]}-${m[2]}-01`, end: next, text: v, precision: "month", year: y + (mo - 0.5) / 12 };
    }
    if ((m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v)) && (/date(Time)?$/.test(dt) || !dt)) {
      const day = `${m[1]}-${m[2]}-${m[3]}`;
      return { start: day, end: day, text: v.slice(0, dt.endsWith("dateTime") ? 16 : 10),
        precision: "day", year: Number(m[1]) };
    }
    return null;
  }
  function shown(t) {
    if (!t) return "";
    if (t.type === "uri") return labels.get(t.value) || shorten(t.value);
    return t.value;
  }
  // The columns whose values pass `test`: all of them, or (`share` < 1) most of them.
  function column(data, test, share) {
    return data.vars.filter((v) => {
      const values = data.bindings.map((b) => b[v]).filter(Boolean);
      const passing = values.filter(test).length;
      return values.length > 0 && passing >= 2 && passing >= (share || 1) * values.length;
    });
  }
  function evidenceColumns(data) {
    return data.vars.filter((v) => /quote|translation|source/i.test(v));
  }

  // --- the curators' translations of quotes in a result (beside the quote, never as it) ------
  const translations = new Map();
  async function fetchTranslations(data) {
    if (!data || data.vars.some((v) => /translation/i.test(v))) return;
    const wanted = new Set();
    for (const b of data.bindings) {
      for (const v of data.vars) {
        if (/quote/i.test(v) && b[v] && !translations.has(b[v].value)) wanted.add(b[v].value);
      }
    }
    if (!wanted.size) return;
    try {
      const response = await fetch("/evidence/translations", {
        method: "POST", headers: { "Content-Type": "application/json" },
        body: JSON.stringify([...wanted].slice(0, 400)),
      });
      const found = response.ok ? await response.json() : {};
      for (const q of wanted) translations.set(q, found[q] || "");
    } catch (err) {
      /* the table is drawn without them */
    }
  }

  // --- the table: IRIs link to entity pages, labels beside them, datatypes on demand --------
  const Table = Yasr.plugins.table;
  class VnTable extends Table {
    constructor(yasr) {
      super(yasr);
      this.label = "Table";
      this.persistentConfig = { compact: true, isEllipsed: true };
    }
    getUriLinkFromBinding(binding) {
      const iri = binding.value;
      const target = href(iri);
      const short = shorten(iri);
      const label = labels.get(iri);
      const link = target
        ? `<a class="iri" href="${esc(target)}" title="${esc(iri)}">${esc(short)}</a>`
        : `<span class="iri" title="${esc(iri)}">${esc(short)}</span>`;
      return label ? `${link} <span class="iri-label">${esc(label)}</span>` : link;
    }
    formatLiteral(binding) {
      const text = esc(binding.value);
      if (this.persistentConfig.compact) return text;
      if (binding["xml:lang"]) return `${text} <sup class="tag">@${esc(binding["xml:lang"])}</sup>`;
      if (binding.datatype) return `${text} <sup class="tag">${esc(shorten(binding.datatype))}</sup>`;
      return text;
    }
    async draw(persistentConfig) {
      await fetchTranslations(rows(this.yasr));
      return super.draw(persistentConfig);
    }
    getColumns() {
      const columns = super.getColumns();
      for (const c of columns) {
        if (c.name) c.title = esc(c.name).replace(/_/g, "_<wbr>"); // long names break at _
        if (/translation/i.test(c.name || "")) {
          c.title += " <span class='evidence-label'>translation (curators')</span>";
          c.className = "col-translation";
        } else if (/quote/i.test(c.name || "")) {
          c.title += " <span class='evidence-label'>source's words; translation (curators') beside</span>";
          c.className = "col-quote";
          const render = c.render;
          c.render = (value, type, row, meta) => {
            const html = render(value, type, row, meta);
            const translation = value && translations.get(value.value);
            if (!translation || type === "filter" || type === "sort" || !type) return html;
            return html + "<div class='translation-side'><span class='evidence-label'>translation " +
              "(curators')</span><p class='translation' lang='en'>" + esc(translation) + "</p></div>";
          };
        }
      }
      return columns;
    }
  }
  VnTable.defaults = Table.defaults;

  // --- chart: a numeric column over a year or date column (Vega-Lite) ----------------------
  function embed(target, spec) {
    if (!window.vegaEmbed) {
      target.textContent = "The chart library did not load.";
      return Promise.resolve();
    }
    return window.vegaEmbed(target, spec, {
      ast: true, expr: window.vegaExpressionInterpreter, renderer: "svg",
      actions: false, defaultStyle: false,
      tooltip: { disableDefaultStyle: true },
    });
  }
  function chartShape(data) {
    if (!data || data.bindings.length < 2) return null;
    const dates = column(data, (t) => when(t) !== null, 0.6);
    const numbers = column(data, isNumber).filter((v) => !dates.includes(v));
    if (!dates.length || !numbers.length) return null;
    const x = dates[0], y = numbers[0];
    const series = data.vars.find((v) => v !== x && v !== y && !numbers.includes(v) &&
      !evidenceColumns(data).includes(v) &&
      new Set(data.bindings.map((b) => shown(b[v]))).size <= 12 &&
      new Set(data.bindings.map((b) => shown(b[v]))).size > 1);
    return { x: x, y: y, series: series };
  }
  class Chart {
    constructor(yasr) { this.yasr = yasr; this.priority = 20; this.label = "Chart"; this.mark = "line"; }
    canHandleResults() { return chartShape(rows(this.yasr)) !== null; }
    getIcon() { return icon("chart"); }
    draw() {
      const data = rows(this.yasr), shape = chartShape(data);
      const box = el("div", null, { class: "vn-view vn-chart" });
      const controls = el("div", null, { class: "vn-controls" });
      const pick = el("select", null, { "aria-label": "chart type" });
      for (const m of ["line", "bar"]) pick.appendChild(el("option", m, { value: m }));
      pick.value = this.mark;
      pick.addEventListener("change", () => { this.mark = pick.value; this.yasr.draw(); });
      const drawn = data.bindings.filter((b) => when(b[shape.x]) && isNumber(b[shape.y])).length;
      const left = data.bindings.length - drawn;
      controls.append(el("span", `${shape.y} over ${shape.x}` + (shape.series ? ` by ${shape.series}` : "") +
        (left ? ` (${left} row${left === 1 ? "" : "s"} without a date or a number left out)` : "")), pick);
      const target = el("div", null, { class: "vn-chart-canvas" });
      box.append(controls, target);
      this.yasr.resultsEl.appendChild(box);
      const evidence = evidenceColumns(data);
      const values = data.bindings.filter((b) => when(b[shape.x]) && isNumber(b[shape.y])).map((b) => {
        const w = when(b[shape.x]);
        const row = { x: w.precision === "year" ? w.year : w.start, xText: w.text,
          y: Number(b[shape.y].value), series: shape.series ? shown(b[shape.series]) : "" };
        for (const v of evidence) row[v] = shown(b[v]).slice(0, 300);
        return row;
      });
      const yearly = data.bindings.every((b) => !when(b[shape.x]) || when(b[shape.x]).precision === "year");
      const tooltip = [{ field: "xText", title: shape.x }, { field: "y", title: shape.y, format: ",~r" }]
        .concat(shape.series ? [{ field: "series", title: shape.series }] : [])
        .concat(evidence.map((v) => ({ field: v, title: /translation/i.test(v) ? v + " (curators')" : v })));
      const spec = {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        width: "container", height: 360, autosize: { type: "fit", contains: "padding" },
        data: { values: values },
        mark: this.mark === "line" ? { type: "line", point: true } : { type: "bar" },
        encoding: {
          x: yearly
            ? { field: "x", type: this.mark === "bar" ? "ordinal" : "quantitative", title: shape.x,
                axis: { format: "d", labelAngle: 0 }, scale: this.mark === "bar" ? undefined : { zero: false } }
            : { field: "x", type: "temporal", title: shape.x },
          y: { field: "y", type: "quantitative", title: shape.y, axis: { format: "~s" } },
          tooltip: tooltip,
        },
      };
      if (shape.series) {
        spec.encoding.color = { field: "series", type: "nominal", title: shape.series };
        if (this.mark === "bar") spec.encoding.xOffset = { field: "series" };
      }
      return embed(target, spec);
    }
    download() { return undefined; }
  }

  // --- timeline: dated rows on a time axis, at the precision of the date --------------------
  function timelineShape(data) {
    if (!data || !data.bindings.length) return null;
    const dates = column(data, (t) => when(t) !== null, 0.6);
    if (!dates.length) return null;
    const date = dates[0];
    const label = data.vars.find((v) => v !== date && !dates.includes(v) && !evidenceColumns(data).includes(v) &&
      data.bindings.some((b) => b[v] && b[v].type !== "uri")) ||
      data.vars.find((v) => v !== date && !dates.includes(v));
    const end = dates.find((v) => v !== date && /end|until|to$/i.test(v));
    return { date: date, end: end, label: label };
  }
  class Timeline {
    constructor(yasr) { this.yasr = yasr; this.priority = 5; this.label = "Timeline"; }
    canHandleResults() { return timelineShape(rows(this.yasr)) !== null; }
    getIcon() { return icon("timeline"); }
    draw() {
      const data = rows(this.yasr), shape = timelineShape(data);
      const evidence = evidenceColumns(data);
      const items = [];
      for (const b of data.bindings.slice(0, 400)) {
        const w = when(b[shape.date]);
        if (!w) continue;
        const stop = shape.end && when(b[shape.end]);
        const name = shape.label ? shown(b[shape.label]) : w.text;
        const item = { name: name.length > 70 ? name.slice(0, 68) + "…" : name, full: name,
          start: w.start, end: stop ? stop.end : w.end, when: w.text + (stop ? " – " + stop.text : ""),
          precision: w.precision, span: w.precision !== "day" || !!stop };
        for (const v of evidence) item[v] = shown(b[v]).slice(0, 300);
        items.push(item);
      }
      const box = el("div", null, { class: "vn-view vn-timeline" });
      const note = el("p", `${items.length} dated row${items.length === 1 ? "" : "s"} by ${shape.date}` +
        (shape.label ? `, named by ${shape.label}` : "") +
        ": a year is drawn as the whole year, a month as the month, a day as a point.", { class: "meta" });
      const target = el("div", null, { class: "vn-chart-canvas" });
      box.append(note, target);
      this.yasr.resultsEl.appendChild(box);
      const tooltip = [{ field: "full", title: shape.label || "item" }, { field: "when", title: shape.date }]
        .concat(evidence.map((v) => ({ field: v, title: /translation/i.test(v) ? v + " (curators')" : v })));
      const y = { field: "name", type: "nominal", title: null, sort: { field: "start" },
        axis: { labelLimit: 360 } };
      const spec = {
        $schema: "https://vega.github.io/schema/vega-lite/v6.json",
        width: "container", height: { step: 20 },
        data: { values: items },
        layer: [
          { transform: [{ filter: "datum.span" }],
            mark: { type: "bar", cornerRadius: 2, opacity: 0.8, height: 12 },
            encoding: { x: { field: "start", type: "temporal", title: null, axis: { orient: "top" } },
              x2: { field: "end" },
              y: y, color: { field: "precision", type: "nominal", title: "precision",
                scale: { domain: ["year", "month", "day"], range: ["#8fb3d9", "#3b7dd8", "#b8322a"] } },
              tooltip: tooltip } },
          { transform: [{ filter: "!datum.span" }],
            mark: { type: "point", filled: true, size: 70 },
            encoding: { x: { field: "start", type: "temporal" }, y: y,
              color: { field: "precision", type: "nominal" }, tooltip: tooltip } },
        ],
      };
      return embed(target, spec);
    }
  }

  // --- network: results that link entities, and CONSTRUCT/DESCRIBE graphs (vis-network) -----
  // A node's name on at most three lines of about 24 characters, cut at a word with "…":
  // names cut at a fixed length ("Treaty of Friendship and Cooperation bet") overlap and
  // read as other words.
  function wrapLabel(text, width = 24, most = 3) {
    const lines = [];
    for (const word of text.split(/\s+/)) {
      const last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= width) lines[last] += " " + word;
      else lines.push(word.length > width ? word.slice(0, width - 1) + "…" : word);
    }
    if (lines.length > most) {
      lines.length = most;
      lines[most - 1] = lines[most - 1].slice(0, width - 1) + "…";
    }
    return lines.join("\n");
  }
  function edgesOf(data) {
    const nodes = new Map(), edges = [];
    const node = (t) => {
      if (!nodes.has(t.value)) {
        const name = labels.get(t.value) || shorten(t.value);
        nodes.set(t.value, { id: t.value, label: wrapLabel(name), title: `${name}\n${t.value}`,
          literal: t.type !== "uri" });
      }
      return t.value;
    };
    const triples = data.vars.length === 3 && ["subject", "predicate", "object"].every((v) => data.vars.includes(v));
    if (triples) {
      for (const b of data.bindings) {
        if (!b.subject || !b.object || b.object.type !== "uri") continue;
        edges.push({ from: node(b.subject), to: node(b.object), label: shorten(b.predicate.value),
          title: shorten(b.predicate.value) });
      }
    } else {
      const iris = data.vars.filter((v) => data.bindings.some((b) => b[v] && b[v].type === "uri"));
      for (const b of data.bindings) {
        const present = iris.filter((v) => b[v] && b[v].type === "uri");
        for (let i = 1; i < present.length; i++) {
          edges.push({ from: node(b[present[0]]), to: node(b[present[i]]), label: present[i],
            title: present[i] });
        }
      }
    }
    return { nodes: [...nodes.values()], edges: edges, triples: triples };
  }
  class Network {
    constructor(yasr) { this.yasr = yasr; this.priority = 5; this.label = "Network"; }
    canHandleResults() {
      const data = rows(this.yasr);
      return !!(data && window.vis && edgesOf(data).edges.length > 0);
    }
    getIcon() { return icon("network"); }
    draw() {
      const data = rows(this.yasr), graph = edgesOf(data);
      const box = el("div", null, { class: "vn-view vn-network" });
      const canvas = el("div", null, { class: "vn-network-canvas" });
      const details = el("div", null, { class: "vn-network-details", "aria-live": "polite" });
      details.appendChild(el("p", `${graph.nodes.length} nodes, ${graph.edges.length} links. ` +
        "Click a node to see it here; double-click to open its page.", { class: "meta" }));
      box.append(canvas, details);
      this.yasr.resultsEl.appendChild(box);
      const nodes = new window.vis.DataSet(graph.nodes.slice(0, 1500));
      // edge names written when there are few; with many they hide the nodes' names, so then
      // they show on hover only (title)
      const few = graph.edges.length <= 40;
      const edges = new window.vis.DataSet(graph.edges.slice(0, 4000).map((e, i) =>
        ({ id: i, from: e.from, to: e.to, title: e.title, label: few ? e.label : undefined })));
      const network = new window.vis.Network(canvas, { nodes: nodes, edges: edges }, {
        nodes: { shape: "dot", size: 10, font: { size: 13, face: "system-ui" } },
        edges: { arrows: "to", font: { size: 10, align: "middle", color: "#5b6270" }, smooth: false,
          color: { color: "#9aa3b0" } },
        // a few nodes get room for their names; many are kept close, or fitting them in the
        // canvas zooms out until vis-network stops drawing names at all
        physics: { stabilization: { iterations: 200 },
          barnesHut: graph.nodes.length <= 20
            ? { springLength: 180, gravitationalConstant: -6000, avoidOverlap: 0.4 }
            : { springLength: 90, gravitationalConstant: -2000, springConstant: 0.05 } },
        interaction: { hover: true },
      });
      network.once("stabilizationIterationsDone", () => network.fit());
      network.on("click", (event) => {
        const id = event.nodes[0];
        if (!id) return;
        details.replaceChildren();
        const target = href(id);
        const title = el("h3", labels.get(id) || shorten(id));
        details.appendChild(title);
        details.appendChild(target ? el("a", id, { href: target }) : el("code", id));
        const links = graph.edges.filter((e) => e.from === id || e.to === id);
        const list = el("ul");
        for (const e of links.slice(0, 30)) {
          const other = e.from === id ? e.to : e.from;
          list.appendChild(el("li", `${e.from === id ? "→" : "←"} ${e.label}: ${labels.get(other) || shorten(other)}`));
        }
        details.appendChild(list);
      });
      network.on("doubleClick", (event) => {
        const target = event.nodes[0] && href(event.nodes[0]);
        if (target && target.startsWith("/")) window.location.href = target;
      });
      this.network = network;
    }
    destroy() { if (this.network) this.network.destroy(); }
  }

  Yasr.registerPlugin("table", VnTable);
  Yasr.registerPlugin("chart", Chart);
  Yasr.registerPlugin("timeline", Timeline);
  Yasr.registerPlugin("network", Network);

  // --- YASGUI ------------------------------------------------------------------------------
  const endpoint = window.location.origin + "/sparql";
  // Tabs take their settings from these defaults: our completers only (YASQE's own ask
  // prefix.cc and the Linked Open Vocabularies service), a compact editor.
  Yasqe.defaults.autocompleters = COMPLETERS.slice();
  Yasqe.defaults.editorHeight = "200px";
  Yasr.defaults.prefixes = prefixes;
  const yasgui = new Yasgui(root, {
    requestConfig: {
      endpoint: endpoint, method: "POST",
      acceptHeaderSelect: "application/sparql-results+json",
      acceptHeaderGraph: "text/turtle",
    },
    copyEndpointOnNewTab: true,
    endpointCatalogueOptions: { getData: () => [{ endpoint: endpoint }], keys: [] },
    persistenceId: "vnrukg-query",
    populateFromUrl: true,
    autofocus: true,
    tabName: "Query",
    yasqe: Object.assign({}, Yasqe.defaults, {
      value: root.dataset.query,
      autocompleters: COMPLETERS,
      resizeable: true,
      editorHeight: "200px",
    }),
    yasr: Object.assign({}, Yasr.defaults, {
      pluginOrder: ["table", "chart", "timeline", "network", "response"],
      defaultPlugin: "table",
      prefixes: prefixes,
    }),
  });
  window.vnrukgYasgui = yasgui; // for tests and for people who script the page

  // The endpoint predeclares its prefixes: the editor's syntax check knows them too, so that
  // `vnrd:` needs no PREFIX line (YASQE's grammar state starts with them).
  const predeclared = new WeakSet();
  function predeclare(yasqe) {
    if (!yasqe || predeclared.has(yasqe)) return;
    predeclared.add(yasqe);
    const mode = yasqe.getMode();
    const start = mode.startState;
    mode.startState = function () {
      const state = start.apply(this, arguments);
      state.prefixes = Object.assign({}, prefixes);
      return state;
    };
    const cursor = yasqe.getCursor();
    yasqe.setValue(yasqe.getValue());
    yasqe.clearHistory();
    yasqe.setCursor(cursor);
    yasqe.checkSyntax();
  }
  const predeclareCurrent = () => {
    const tab = yasgui.getTab();
    if (tab && tab.getYasqe()) predeclare(tab.getYasqe());
  };
  predeclareCurrent();
  yasgui.on("tabSelect", () => setTimeout(predeclareCurrent, 0));
  yasgui.on("tabAdd", () => setTimeout(predeclareCurrent, 0));

  // The page's own address: a link that reruns the query.
  function share(tab) {
    const url = new URL("/query", window.location.origin);
    url.searchParams.set("query", tab.getQuery());
    const plugin = tab.getYasr().selectedPlugin;
    if (plugin && plugin !== "table") url.searchParams.set("outputFormat", plugin);
    return url.pathname + url.search;
  }
  yasgui.on("query", (instance, tab) => {
    window.history.replaceState(null, "", share(tab));
  });
  let chosenByUrl = new URLSearchParams(window.location.search).get("outputFormat");
  yasgui.on("queryResponse", (instance, tab) => setTimeout(() => chooseView(tab), 0));
  function chooseView(tab) {
    const yasr = tab.getYasr();
    if (chosenByUrl && yasr.plugins[chosenByUrl] && yasr.plugins[chosenByUrl].canHandleResults()) {
      yasr.selectPlugin(chosenByUrl);
    } else if (yasr.plugins.chart && yasr.plugins.chart.canHandleResults()) {
      yasr.selectPlugin("chart");
    } else if (yasr.results && yasr.results.getType && yasr.results.getType() !== "json" &&
               yasr.plugins.network.canHandleResults()) {
      yasr.selectPlugin("network");
    } else if (!yasr.plugins[yasr.selectedPlugin] || !yasr.plugins[yasr.selectedPlugin].canHandleResults()) {
      yasr.selectPlugin("table");
    }
    chosenByUrl = null;
    window.history.replaceState(null, "", share(tab));
    const cut = yasr.results && yasr.results.json && yasr.results.json.truncated;
    const status = document.getElementById("query-status");
    if (status) status.textContent = cut ? cut.message : "";
  }
  termsReady.then(() => { const tab = yasgui.getTab(); if (tab && tab.getYasr()) tab.getYasr().refresh(); });
  // YASGUI opens (and runs) a query given in the address (?query=…); a named query given by
  // name (?name=…) opens in a tab of its own here.
  function openQuery(text, name) {
    // compare the tabs' kept text: a tab not yet shown has no editor, and its getQuery()
    // throws ("uninitialized editor"), which left a returning visitor on the wrong tab
    const open = Object.keys(yasgui._tabs).find((id) => {
      const tab = yasgui.getTab(id);
      return tab && tab.getPersistedJson().yasqe.value === text;
    });
    if (open) yasgui.selectTabId(open);
    const tab = open ? yasgui.getTab(open) : yasgui.addTab(true, { name: name || "Query" });
    tab.show();
    if (tab.getYasqe().getValue() !== text) tab.getYasqe().setValue(text);
    tab.query();
  }
  if (root.dataset.run && !new URLSearchParams(window.location.search).has("query")) {
    openQuery(root.dataset.query, root.dataset.title);
  }

  // Examples: the named queries, each opened in a tab of its own.
  const examples = document.getElementById("examples");
  if (examples) {
    examples.addEventListener("change", async () => {
      const name = examples.value;
      examples.value = "";
      if (!name) return;
      const response = await fetch("/queries", { headers: { Accept: "application/json" } });
      const named = (await response.json()).find((q) => q.name === name);
      if (!named) return;
      openQuery(named.text, named.title.slice(0, 40));
    });
  }

  // Downloads: the current tab's query in any format the endpoint serves.
  const download = document.getElementById("download");
  if (download) {
    download.addEventListener("change", () => {
      const fmt = download.value;
      download.value = "";
      if (!fmt) return;
      const url = new URL("/sparql", window.location.origin);
      url.searchParams.set("query", yasgui.getTab().getQuery());
      url.searchParams.set("format", fmt);
      const link = el("a", null, { href: url.pathname + url.search, download: "result." + fmt });
      document.body.appendChild(link);
      link.click();
      link.remove();
    });
  }
})();
