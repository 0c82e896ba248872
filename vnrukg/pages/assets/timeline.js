/* vnrukg timeline page: vis-timeline with lanes by kind or by actor, filters (kind, actor,
   period), a search box that ignores diacritics, a hover card and, on click, the evidence.
   Every text from the data goes into the page with textContent (items are DOM elements
   built here, never HTML strings). */
(function () {
  "use strict";
  var E = window.vnrukgEvidence;
  var el = E.el;
  var data = JSON.parse(document.getElementById("vnrukg-data").textContent);
  var UI = {
    en: { summary: "{n} dated items from {e} entities, {a}–{b}.", undated: " {u} more are undated and not drawn.",
          found: "{n} of {t} shown", allActors: "All actors", others: "Others",
          click: "click for the evidence", involves: "with", items: "items", searchPh: "Search names (diacritics optional)" },
    vi: { summary: "{n} mục có thời gian từ {e} thực thể, {a}–{b}.", undated: " {u} mục khác không rõ thời gian nên không vẽ.",
          found: "hiện {n} / {t}", allActors: "Mọi chủ thể", others: "Khác",
          click: "bấm để xem dẫn chứng", involves: "với", items: "mục", searchPh: "Tìm tên (không cần dấu)" }
  };
  var COLOURS = { visit: "#2ca02c", meeting: "#1f77b4", agreement: "#ff7f0e", session: "#9467bd",
                  transfer: "#e377c2", project: "#9e9d24", period: "#78909c", event: "#8c564b" };
  var state = {
    lang: data.lang, lanes: "kind", kinds: new Set(data.kinds.map(function (k) { return k[0]; })),
    actor: "", since: null, until: null, query: ""
  };
  var evidenceBox = document.getElementById("evidence");
  var cardBox = document.getElementById("card");

  function fold(text) {
    return String(text).normalize("NFD").replace(/\p{Mn}/gu, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/\s+/g, " ").trim();
  }
  function words() { return UI[state.lang]; }
  function fill(text, values) { return text.replace(/\{(\w)\}/g, function (m, k) { return values[k]; }); }
  function pick(pair) { return E.pick(pair, state.lang); }
  function name(id) { var n = data.names[id]; return n ? pick(n) : id; }
  var byId = {};
  data.items.forEach(function (it) { byId[it.id] = it; });

  function content(it) {
    var box = el("div");
    box.appendChild(el("span", pick(it.d), "when"));
    box.appendChild(el("span", name(it.e)));
    if (it.r[0]) { box.appendChild(el("span", "(" + pick(it.r) + ")", "role")); }
    if (data.evidence[it.e] && data.evidence[it.e].flags.length) { box.appendChild(el("span", "⚠", "flag")); }
    return box;
  }
  function matches(it) {
    if (!state.kinds.has(it.k)) { return false; }
    if (state.actor && it.a.indexOf(state.actor) < 0 && it.e !== state.actor) { return false; }
    var first = Number(it.s.slice(0, 4));
    var last = it.t ? Number(it.t.slice(0, 4)) - (it.t.slice(5) === "01-01" ? 1 : 0) : first;
    if (state.since !== null && last < state.since) { return false; }
    if (state.until !== null && first > state.until) { return false; }
    if (state.query) {
      var keys = data.names[it.e][4].concat.apply(data.names[it.e][4], it.a.map(function (a) { return data.names[a] ? data.names[a][4] : []; }));
      var words_ = state.query.split(" ");
      if (!keys.some(function (k) { return words_.every(function (w) { return k.indexOf(w) >= 0; }); })) { return false; }
    }
    return true;
  }

  var topActors = data.actors.slice(0, data.actorLanes).map(function (a) { return a[0]; });
  function groups() {
    if (state.lanes === "kind") {
      return data.kinds.filter(function (k) { return state.kinds.has(k[0]); }).map(function (k, i) {
        return { id: k[0], content: el("span", state.lang === "vi" ? k[2] : k[1]), order: i };
      });
    }
    var list = topActors.map(function (a, i) { return { id: "@" + a, content: el("span", name(a)), order: i }; });
    list.push({ id: "@others", content: el("span", words().others), order: list.length });
    return list;
  }
  function records() {
    var out = [];
    data.items.forEach(function (it) {
      if (!matches(it)) { return; }
      var base = { start: it.s, type: it.t ? "range" : "box", content: content(it),
                   className: "kind-" + it.k + " prec-" + it.p + (it.o ? " open-end" : "") };
      if (it.t) { base.end = it.t; }
      if (state.lanes === "kind") {
        out.push(Object.assign({ id: it.id, group: it.k, item: it.id }, base));
      } else {
        var lanes = it.a.filter(function (a) { return topActors.indexOf(a) >= 0; });
        if (topActors.indexOf(it.e) >= 0) { lanes.push(it.e); }
        if (!lanes.length) { lanes = ["others"]; }
        lanes.forEach(function (a) {
          out.push(Object.assign({ id: it.id + "@" + a, group: "@" + a, item: it.id }, base, { content: content(it) }));
        });
      }
    });
    return out;
  }

  var items = new vis.DataSet();
  var groupSet = new vis.DataSet();
  var container = document.getElementById("timeline");
  var min = new Date(data.window[0] - 1, 0, 1), max = new Date(data.window[1] + 2, 0, 1);
  var timeline = new vis.Timeline(container, items, groupSet, {
    min: min, max: max, start: new Date(data.window[0], 0, 1), end: new Date(data.window[1] + 1, 0, 1),
    zoomMin: 1000 * 60 * 60 * 24 * 20, stack: true, orientation: { axis: "both", item: "top" },
    margin: { item: { horizontal: 4, vertical: 4 } }, selectable: true, multiselect: false,
    showTooltips: false, verticalScroll: true, maxHeight: Math.max(480, window.innerHeight - 250),
    groupOrder: "order", showCurrentTime: false
  });
  var api = { timeline: timeline, items: items, groups: groupSet, data: data, fold: fold, state: state, ready: false };
  window.vnrukgTimeline = api;

  function refresh() {
    var recs = records();
    groupSet.clear();
    groupSet.add(groups());
    items.clear();
    items.add(recs);
    var shown = {};
    recs.forEach(function (r) { shown[r.item] = true; });
    var count = Object.keys(shown).length;
    document.getElementById("found").textContent = fill(words().found, { n: count, t: data.items.length });
    drawKinds();
    return count;
  }

  function drawKinds() {
    var box = document.getElementById("kinds");
    box.textContent = "";
    data.kinds.forEach(function (k) {
      var n = data.items.filter(function (it) { return it.k === k[0]; }).length;
      if (!n) { return; }
      var label = el("label");
      var check = el("input");
      check.type = "checkbox"; check.checked = state.kinds.has(k[0]); check.dataset.kind = k[0];
      check.addEventListener("change", function () {
        if (check.checked) { state.kinds.add(k[0]); } else { state.kinds.delete(k[0]); }
        refresh();
      });
      var swatch = el("span", null, "swatch kind-" + k[0]);
      label.appendChild(check); label.appendChild(swatch);
      label.appendChild(el("span", state.lang === "vi" ? k[2] : k[1]));
      label.appendChild(el("span", String(n), "count"));
      box.appendChild(label);
    });
  }

  function drawActors() {
    var select = document.getElementById("actor");
    select.textContent = "";
    var all = el("option", words().allActors); all.value = ""; select.appendChild(all);
    data.actors.forEach(function (a) {
      var option = el("option", name(a[0]) + " (" + a[1] + ")");
      option.value = a[0];
      select.appendChild(option);
    });
    select.value = state.actor;
  }

  function translatePage() {
    document.documentElement.lang = state.lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-en]"), function (node) { node.textContent = node.dataset[state.lang]; });
    document.getElementById("search").placeholder = words().searchPh;
    var entities = Object.keys(data.evidence).length;
    var text = fill(words().summary, { n: data.items.length, e: entities, a: data.window[0], b: data.window[1] });
    if (data.undated) { text += fill(words().undated, { u: data.undated }); }
    document.getElementById("summary").textContent = text;
    drawActors();
  }

  /* --- evidence and hover ----------------------------------------------------------------- */
  function closeEvidence() {
    evidenceBox.hidden = true;
    document.body.classList.remove("panel-open");
    timeline.setSelection([]);
    timeline.redraw();
  }
  function showEvidence(itemId) {
    var it = byId[itemId];
    if (!it) { return; }
    var ev = JSON.parse(JSON.stringify(data.evidence[it.e]));
    ev.facts.unshift(["date (as the source gives it)", "thời gian (như nguồn nêu)", it.d[0] + (it.r[0] ? " — " + it.r[0] : ""), it.d[1] + (it.r[1] ? " — " + it.r[1] : "")]);
    if (it.a.length) {
      ev.facts.splice(1, 0, ["actors", "chủ thể", it.a.map(function (a) { return data.names[a] ? data.names[a][0] : a; }).join("; "),
                             it.a.map(function (a) { return data.names[a] ? data.names[a][1] : a; }).join("; ")]);
    }
    E.panel(evidenceBox, ev, state.lang, closeEvidence);
    evidenceBox.dataset.id = itemId;
    cardBox.hidden = true;
    if (!document.body.classList.contains("panel-open")) {
      document.body.classList.add("panel-open");
      timeline.redraw();
    }
  }
  api.showEvidence = showEvidence;
  timeline.on("select", function (props) {
    cardBox.hidden = true;  /* the hover card would cover the evidence it has just opened */
    if (!props.items.length) { return; }
    showEvidence(items.get(props.items[0]).item);
  });
  timeline.on("itemover", function (props) {
    var rec = items.get(props.item);
    if (!rec) { return; }
    var it = byId[rec.item];
    var ev = data.evidence[it.e];
    var lines = [[name(it.e)], [pick(it.d) + (it.r[0] ? " — " + pick(it.r) : ""), "muted"], [pick([data.names[it.e][2], data.names[it.e][3]]), "muted"]];
    if (it.a.length) { lines.push([words().involves + ": " + it.a.slice(0, 4).map(name).join("; ") + (it.a.length > 4 ? " …" : "")]); }
    if (ev.cites.length) { lines.push(["— " + ev.cites[0][2], "muted"]); }
    if (ev.flags.length) { lines.push(["⚠ " + pick(ev.flags[0]), "flag"]); }
    lines.push([words().click, "hint"]);
    E.card(cardBox, lines, props.event.clientX, props.event.clientY);
  });
  timeline.on("itemout", function () { cardBox.hidden = true; });

  /* --- controls ----------------------------------------------------------------------------- */
  var searchInput = document.getElementById("search");
  searchInput.addEventListener("input", function () { state.query = fold(searchInput.value); refresh(); });
  Array.prototype.forEach.call(document.querySelectorAll('input[name="lanes"]'), function (radio) {
    radio.addEventListener("change", function () { state.lanes = radio.value; refresh(); });
  });
  var sinceInput = document.getElementById("since"), untilInput = document.getElementById("until");
  sinceInput.placeholder = data.window[0]; untilInput.placeholder = data.window[1];
  function readYear(input) { var v = input.value.trim(); return v === "" || isNaN(Number(v)) ? null : Math.trunc(Number(v)); }
  function onPeriod() {
    state.since = readYear(sinceInput); state.until = readYear(untilInput);
    refresh();
    var a = state.since === null ? data.window[0] : state.since;
    var b = state.until === null ? data.window[1] : state.until;
    if (a <= b) { timeline.setWindow(new Date(a, 0, 1), new Date(b + 1, 0, 1), { animation: false }); }
  }
  sinceInput.addEventListener("change", onPeriod); untilInput.addEventListener("change", onPeriod);
  document.getElementById("period-reset").addEventListener("click", function () { sinceInput.value = ""; untilInput.value = ""; onPeriod(); });
  document.getElementById("actor").addEventListener("change", function (event) { state.actor = event.target.value; refresh(); });
  document.getElementById("fit").addEventListener("click", function () { timeline.fit({ animation: false }); });
  var langSelect = document.getElementById("lang");
  langSelect.value = state.lang;
  langSelect.addEventListener("change", function () {
    state.lang = langSelect.value;
    translatePage();
    refresh();
    if (!evidenceBox.hidden) { showEvidence(evidenceBox.dataset.id); }
  });

  api.setPeriod = function (since, until) {
    sinceInput.value = since === null ? "" : since; untilInput.value = until === null ? "" : until; onPeriod();
    return items.length;
  };
  api.search = function (text) { searchInput.value = text; state.query = fold(text); return refresh(); };
  api.setLanes = function (lanes) { state.lanes = lanes; document.querySelector('input[name="lanes"][value="' + lanes + '"]').checked = true; return refresh(); };
  api.setActor = function (actor) { state.actor = actor; document.getElementById("actor").value = actor; return refresh(); };
  api.setKinds = function (kinds) { state.kinds = new Set(kinds); return refresh(); };
  api.itemPosition = function (id) {
    var item = timeline.itemSet.items[id];
    var node = item && item.dom && (item.dom.box || item.dom.point);
    return node ? node.getBoundingClientRect().toJSON() : null;
  };

  /* A day's box is centred on its day: at a wide zoom a long title would stretch it decades
     either way. So a box is at most about five years of the axis wide (in steps from 170 to
     640 px), its title cut with an ellipsis (the hover card and the panel give it whole). */
  var BOX_STEPS = [170, 240, 340, 480, 640];
  var boxMax = null;
  function fitBoxes() {
    var range = timeline.getWindow();
    var years = Math.max((range.end - range.start) / (365.25 * 864e5), 0.05);
    var wanted = container.clientWidth / years * 5;
    var size = BOX_STEPS.filter(function (s) { return s <= wanted; }).pop() || BOX_STEPS[0];
    if (size === boxMax) { return; }
    var first = boxMax === null;
    boxMax = size;
    container.style.setProperty("--box-max", size + "px");
    api.boxMax = size;
    if (!first) {  /* vis-timeline measures a box once: lay the items out again */
      var chosen = timeline.getSelection();
      refresh();
      timeline.setSelection(chosen);
    }
  }
  timeline.on("rangechanged", fitBoxes);

  translatePage();
  fitBoxes();
  refresh();
  timeline.once("changed", function () {
    api.ready = true;
    document.body.dataset.ready = "1";
  });
})();
