/* vnrukg network page: filters, search, evidence, names. Every text that comes from the data
   is put into the page with textContent, never as HTML. The period rule below mirrors
   vnrukg.network.period_subset: keep the two in step. The network itself is drawn by a view,
   makeView (view-vis.js: vis-network on a canvas; view-sigma.js: sigma.js with WebGL, for
   large pages), which this script drives and which reports clicks, hovers and drawing back
   through the hooks given to it. Python wraps the view and this script in one function. */
  "use strict";
  var timings = { start: performance.now() };
  var data = JSON.parse(document.getElementById("vnrukg-data").textContent);
  /* positions from the layout made with the page travel apart ([x, y] or null for each node,
     in order; null for none at all): they are written last, once the layout is done */
  var placed = JSON.parse(document.getElementById("vnrukg-positions").textContent);
  if (placed) {
    data.nodes.forEach(function (n, i) {
      if (placed[i]) { n.x = placed[i][0]; n.y = placed[i][1]; }
    });
  }
  timings.parsed = performance.now();
  var container = document.getElementById("network");
  var statusBox = document.getElementById("status");
  var detailsBox = document.getElementById("details");
  var tooltip = document.getElementById("tooltip");
  var state = {
    lang: data.lang,
    families: new Set(data.families.map(function (f) { return f[0]; })),
    since: null,
    until: null,
    edgeLabels: data.edgeLabels,
    playing: false,
    open: null,
    /* Above data.drawLimit entities that pass the filters, only the most connected are drawn,
       with those the reader brought in (pinned: searched, clicked, and their neighbours),
       until "Draw all" (showAll). */
    pinned: {},
    showAll: false,
    passing: {},
    limited: false
  };
  /* a page laid out in advance opens with its first-hidden classes hidden, so that it is drawn
     once (a page laid out here hides them once its layout has settled: markReady) */
  if (!data.physics && data.hiddenFamilies.length && data.nodes.length > 0) {
    state.families = new Set(data.families.map(function (f) { return f[0]; }).filter(function (f) {
      return data.hiddenFamilies.indexOf(f) < 0;
    }));
  }
  /* The page's own words, in both languages (names follow the same switch). */
  var WORDS = {
    en: {
      search: "Search", searchPh: "Search names (accents optional)", period: "Period",
      from: "from", to: "to", allYears: "All years", asOf: "As of", classes: "Classes", all: "All",
      none: "None", view: "View", edgeLabels: "edge labels", language: "names and page", fit: "Fit",
      rearrange: "Re-arrange what is shown", windowAll: "all years up to it",
      window10: "the 10 years up to it", window1: "that year only",
      help: "Hover a node for a summary; click it for the evidence (the source's words, the curators' translation, the source). Size shows how connected an entity is.",
      summary: "{n} entities, {l} links (one per linked pair and direction, standing for {r} relations), {q} quoted passages{span}.",
      visible: "Showing {n} of {N} entities and {l} of {L} links.",
      drawn: "Of the {p} entities the filters let through, the {d} most connected are drawn; search, click an entity or narrow the filters to draw others.",
      drawAll: "Draw all (slow)", drawing: "Drawing all…",
      laying: "Laying out…", arranging: "Re-arranging…", hiddenByFilters: "hidden by the filters",
      also: "Also: ", evidence: "Evidence", links: "Links", citing: "citing", attests: "attests",
      quote: "the source's words", translation: "translation (curators')",
      noTranslation: "no English translation yet", more: "more: click", close: "close",
      asOfYear: "As of {y}", play: "play", pause: "pause"
    },
    vi: {
      search: "Tìm kiếm", searchPh: "Tìm tên (không cần dấu)", period: "Giai đoạn",
      from: "từ", to: "đến", allYears: "Mọi năm", asOf: "Tính đến", classes: "Loại", all: "Tất cả",
      none: "Bỏ hết", view: "Hiển thị", edgeLabels: "nhãn liên kết", language: "tên và trang", fit: "Vừa khung",
      rearrange: "Sắp xếp lại phần đang hiện", windowAll: "mọi năm đến năm đó",
      window10: "10 năm đến năm đó", window1: "chỉ năm đó",
      help: "Rê chuột lên một nút để xem tóm tắt; bấm để xem dẫn chứng (nguyên văn của nguồn, bản dịch của người biên tập, nguồn). Kích thước cho biết mức độ liên kết.",
      summary: "{n} thực thể, {l} liên kết (mỗi cặp và chiều một liên kết, đại diện cho {r} quan hệ), {q} đoạn trích dẫn{span}.",
      visible: "Đang hiện {n} / {N} thực thể và {l} / {L} liên kết.",
      drawn: "Trong {p} thực thể qua bộ lọc, {d} thực thể liên kết nhiều nhất được vẽ; hãy tìm kiếm, bấm vào một thực thể hoặc thu hẹp bộ lọc để vẽ thêm.",
      drawAll: "Vẽ tất cả (chậm)", drawing: "Đang vẽ tất cả…",
      laying: "Đang bố trí…", arranging: "Đang sắp xếp lại…", hiddenByFilters: "bị bộ lọc ẩn",
      also: "Tên khác: ", evidence: "Dẫn chứng", links: "Liên kết", citing: "trích dẫn", attests: "xác nhận",
      quote: "nguyên văn của nguồn", translation: "bản dịch (của người biên tập)",
      noTranslation: "chưa có bản dịch tiếng Anh", more: "thêm: bấm để xem", close: "đóng",
      asOfYear: "Tính đến {y}", play: "chạy", pause: "dừng"
    }
  };
  function w(key) { return WORDS[state.lang][key]; }
  function fill(text, values) {
    return text.replace(/\{(\w+)\}/g, function (m, k) { return values[k]; });
  }

  function fold(text) {
    return String(text).normalize("NFD").replace(/\p{Mn}/gu, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase().replace(/\s+/g, " ").trim();
  }

  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }

  var byId = {};
  var adjacency = {};
  var incident = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; adjacency[n.id] = []; incident[n.id] = []; });
  data.edges.forEach(function (e) {
    incident[e.from].push(e);
    if (e.from !== e.to) { incident[e.to].push(e); }
    if (e.from !== e.to) { adjacency[e.from].push(e.to); adjacency[e.to].push(e.from); }
  });

  function edgeLabel(e) {
    return state.edgeLabels ? (state.lang === "vi" ? e.label_vi : e.label_en) : "";
  }
  function nodeLabel(n) { return state.lang === "vi" ? n.label_vi : n.label_en; }
  /* What is hidden now (the filters' verdict), and each entity's name in the page's language. */
  var hiddenNode = {}, hiddenEdge = {}, nameOf = {};
  function rename() { data.nodes.forEach(function (n) { nameOf[n.id] = nodeLabel(n); }); }
  rename();

  var api = { fold: fold, state: state, ready: false, readyMs: null };
  window.vnrukg = api;
  /* When each stage of opening the page ended (ms since the page's clock started): the
     benchmark reads them to tell parsing, building and drawing apart. */
  api.timings = timings;

  /* Classes unticked at first (statements) are hidden only once the layout is done, so that
     the entities they hang from are placed among their neighbours, not flung to the rim. */
  function markReady() {
    if (api.ready) { return; }
    if (data.hiddenFamilies.length) {
      api.setFamilies(data.families.map(function (f) { return f[0]; }).filter(function (f) {
        return data.hiddenFamilies.indexOf(f) < 0;
      }));
    }
    state.arranged = Object.assign({}, state.shown);
    api.ready = true;
    api.readyMs = performance.now();
    timings.ready = api.readyMs;
    statusBox.hidden = true;
    document.body.dataset.ready = "1";
  }

  /* --- label layer ------------------------------------------------------------------------ */
  /* Names are drawn in screen pixels after vis-network has drawn the shapes, most connected
     (and selected, searched, neighbouring) entities first; a name goes below its node, else
     above, right or left, else a little further out with a leader line (the first
     LABEL_SURE only), and is left out when every place would overlap a name already drawn
     or another node. So names are readable at every zoom (at least MIN_FONT px) and never
     overlap; zooming in makes room for more. api.labelBoxes lists what was drawn, for tests. */
  var MIN_FONT = 11.5, LABEL_SURE = data.labelSure, MAX_TRIES = 1500, MAX_LABELS = 400;
  var order = data.nodes.map(function (n) { return n.id; }).sort(function (a, b) {
    return byId[b].value - byId[a].value || (a < b ? -1 : 1);
  });
  var rankOf = {};
  order.forEach(function (id, i) { rankOf[id] = i; });
  var widthCache = {};
  function textWidth(ctx, text, font) {
    var key = font + "|" + text;
    if (!(key in widthCache)) { ctx.font = font; widthCache[key] = ctx.measureText(text).width; }
    return widthCache[key];
  }
  function overlaps(a, list, limit, except) {
    var n = limit === undefined ? list.length : Math.min(limit, list.length);
    for (var i = 0; i < n; i++) {
      var b = list[i];
      if (b[4] !== undefined && b[4] === except) { continue; }
      if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) { return true; }
    }
    return false;
  }
  function priority() {
    var first = [];
    var seen = {};
    function add(id) { if (!seen[id] && byId[id]) { seen[id] = true; first.push(id); } }
    view.selected().forEach(function (id) {
      add(id);
      adjacency[id].slice().sort(function (a, b) { return rankOf[a] - rankOf[b]; }).forEach(add);
    });
    order.forEach(add);
    return first;
  }
  function drawLabels(ctx) {
    var canvas = ctx.canvas;
    var ratio = canvas.width / canvas.clientWidth || 1;
    var width = canvas.clientWidth, height = canvas.clientHeight;
    var placed = [], discs = [], boxes = [];
    var shown = 0, tries = 0;
    ctx.save();
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.textBaseline = "middle";
    ctx.lineJoin = "round";
    var list = priority();
    var sure = 0;
    var screen = {};
    list.forEach(function (id) {
      var at = view.project(id);
      if (!at) { return; }
      var x = at[0], y = at[1], r = at[2];
      screen[id] = at;
      if (discs.length < 3000 && x > -r && x < width + r && y > -r && y < height + r) {
        discs.push([x - r, y - r, x + r, y + r, id]);
      }
    });
    var selected = view.selected();
    /* no name, not even one that must be drawn, covers the selected entity */
    var keepClear = selected.filter(function (id) { return screen[id]; }).map(function (id) {
      var at = screen[id];
      return [at[0] - at[2], at[1] - at[2], at[0] + at[2], at[1] + at[2], id];
    });
    for (var i = 0; i < list.length && shown < MAX_LABELS && tries < MAX_TRIES; i++) {
      var id = list[i];
      var at = screen[id];
      if (!at) { continue; }
      var x = at[0], y = at[1], r = at[2];
      if (x < -50 || x > width + 50 || y < -20 || y > height + 20) { continue; }
      tries += 1;
      var must = sure < LABEL_SURE || selected.indexOf(id) >= 0;
      if (must) { sure += 1; }
      var rank = rankOf[id];
      var size = rank < 3 ? 15 : rank < 12 ? 13.5 : rank < LABEL_SURE ? 12.5 : MIN_FONT;
      var font = (rank < 12 ? "600 " : "") + size + "px system-ui, 'Noto Sans', 'DejaVu Sans', sans-serif";
      var text = nameOf[id];
      var tw = textWidth(ctx, text, font), th = size + 3;
      var spots = [[x - tw / 2, y + r + 2], [x - tw / 2, y - r - 2 - th], [x + r + 4, y - th / 2],
                   [x - r - 4 - tw, y - th / 2]];
      if (must) {
        [2.2, 3.6, 5].forEach(function (k) {
          spots.push([x - tw / 2, y + r * k + 6 * k], [x - tw / 2, y - r * k - 6 * k - th],
                     [x + r * k + 6 * k, y - th / 2], [x - r * k - 6 * k - tw, y - th / 2],
                     [x + r * k, y + r * k], [x - r * k - tw, y - r * k - th]);
        });
      }
      var chosen = null;
      /* First a place clear of names and nodes; for the names that must be drawn, then one
         clear of names only (the white halo keeps it readable over small shapes). */
      for (var pass = 0; pass < (must ? 2 : 1) && !chosen; pass++) {
        for (var s = 0; s < spots.length && !chosen; s++) {
          var box = [spots[s][0] - 2, spots[s][1], spots[s][0] + tw + 2, spots[s][1] + th];
          if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height) { continue; }
          if (overlaps(box, placed) || overlaps(box, keepClear, undefined, id)) { continue; }
          if (pass === 0 && overlaps(box, discs, s < 4 ? undefined : 400, id)) { continue; }
          chosen = [box, s >= 4];
        }
      }
      if (!chosen) { continue; }
      var b = chosen[0];
      if (chosen[1]) {
        ctx.strokeStyle = "rgba(60,60,60,.55)";
        ctx.lineWidth = 1;
        ctx.beginPath();
        ctx.moveTo(x, y);
        ctx.lineTo(Math.max(b[0], Math.min(x, b[2])), y < b[1] ? b[1] : y > b[3] ? b[3] : (b[1] + b[3]) / 2);
        ctx.stroke();
      }
      ctx.font = font;
      ctx.lineWidth = 3.5;
      ctx.strokeStyle = "rgba(255,255,255,.92)";
      ctx.strokeText(text, b[0] + 2, (b[1] + b[3]) / 2);
      ctx.fillStyle = selected.indexOf(id) >= 0 ? "#000" : "#1d1d1d";
      ctx.fillText(text, b[0] + 2, (b[1] + b[3]) / 2);
      placed.push(b);
      boxes.push({ id: id, x: b[0], y: b[1], w: b[2] - b[0], h: b[3] - b[1], size: size, text: text });
      shown += 1;
    }
    if (state.edgeLabels) { drawEdgeLabels(ctx, screen, boxes, placed, keepClear.concat(discs), width, height); }
    ctx.restore();
    api.labelBoxes = boxes;
  }
  /* Edge labels are drawn here too, not by the view (vis-network drew them over each other
     and over names): when they are asked for, the links between named entities (and those of
     the selected one) are labelled halfway along, where the label covers no name, no node and
     no other label; a link whose label finds no room stays unlabelled. */
  function drawEdgeLabels(ctx, screen, boxes, placed, discs, width, height) {
    var named = {};
    boxes.forEach(function (b) { named[b.id] = true; });
    var selected = view.selected();
    var font = "10.5px system-ui, 'Noto Sans', 'DejaVu Sans', sans-serif";
    ctx.font = font;
    var drawn = 0;
    var edgeBoxes = [];
    api.edgeLabelBoxes = edgeBoxes;
    for (var i = 0; i < data.edges.length && drawn < 300; i++) {
      var e = data.edges[i];
      if (hiddenEdge[e.id] || !screen[e.from] || !screen[e.to]) { continue; }
      var mine = selected.indexOf(e.from) >= 0 || selected.indexOf(e.to) >= 0;
      if (!mine && !(named[e.from] && named[e.to])) { continue; }
      var text = edgeLabel(e);
      if (!text) { continue; }
      var a = screen[e.from], b = screen[e.to];
      var middle = view.edgeMiddle(e.id) || [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
      var tw = textWidth(ctx, text, font), th = 13;
      var x = middle[0] - tw / 2, y = middle[1] - th / 2;
      var box = [x - 1, y, x + tw + 1, y + th];
      if (box[0] < 0 || box[2] > width || box[1] < 0 || box[3] > height) { continue; }
      if (overlaps(box, placed) || overlaps(box, discs, 400)) { continue; }
      ctx.lineWidth = 3;
      ctx.strokeStyle = "rgba(255,255,255,.92)";
      ctx.strokeText(text, x, y + th / 2);
      ctx.fillStyle = "#555555";
      ctx.fillText(text, x, y + th / 2);
      placed.push(box);
      edgeBoxes.push({ id: e.id, x: box[0], y: box[1], w: box[2] - box[0], h: th, text: text });
      drawn += 1;
    }
  }
  api.labelBoxes = [];
  api.labelText = function (id) {
    var found = api.labelBoxes.filter(function (b) { return b.id === id; });
    return found.length ? found[0].text : null;
  };

  /* --- filters -------------------------------------------------------------------------- */

  function inPeriod(first, last, since, until) {
    return (until === null || first === null || first <= until) &&
      (since === null || last === null || last >= since);
  }

  function visibility() {
    var periodOn = state.since !== null || state.until !== null;
    var classOk = {};
    var shown = {};
    data.nodes.forEach(function (n) {
      classOk[n.id] = state.families.has(n.family);
      if (classOk[n.id] && (!periodOn || (n.dated && inPeriod(n.y0, n.y1, state.since, state.until)))) {
        shown[n.id] = true;
      }
    });
    if (periodOn) {
      data.nodes.forEach(function (n) {
        if (!classOk[n.id] || n.dated) { return; }
        var linked = adjacency[n.id].filter(function (m) { return classOk[m] && byId[m].dated; });
        if (linked.length === 0 || linked.some(function (m) { return shown[m]; })) { shown[n.id] = true; }
      });
    }
    var passing = shown, limited = false, count = Object.keys(shown).length;
    if (!state.showAll && data.drawLimit && count > data.drawLimit) {
      shown = {};
      var taken = 0;
      for (var i = 0; i < order.length && taken < data.drawLimit; i += 1) {
        if (passing[order[i]]) { shown[order[i]] = true; taken += 1; }
      }
      Object.keys(state.pinned).forEach(function (id) { if (passing[id]) { shown[id] = true; } });
      limited = true;
    }
    var shownEdges = {};
    data.edges.forEach(function (e) {
      if (!shown[e.from] || !shown[e.to]) { return; }
      if (!periodOn || e.spans === null || e.spans.some(function (s) {
        return inPeriod(s[0], s[1], state.since, state.until);
      })) { shownEdges[e.id] = true; }
    });
    return { nodes: shown, edges: shownEdges, passing: passing, passingCount: count, limited: limited };
  }

  function applyFilters() {
    var seen = visibility();
    /* only what changes is handed to the view */
    var nodeChanges = [];
    data.nodes.forEach(function (n) {
      var hidden = !seen.nodes[n.id];
      if (!!hiddenNode[n.id] !== hidden) {
        nodeChanges.push({ id: n.id, hidden: hidden });
        if (hidden) { hiddenNode[n.id] = true; } else { delete hiddenNode[n.id]; }
      }
    });
    var edgeChanges = [];
    data.edges.forEach(function (e) {
      var hidden = !seen.edges[e.id];
      if (!!hiddenEdge[e.id] !== hidden) {
        edgeChanges.push({ id: e.id, hidden: hidden });
        if (hidden) { hiddenEdge[e.id] = true; } else { delete hiddenEdge[e.id]; }
      }
    });
    view.setHidden(nodeChanges, edgeChanges);
    var shownNodes = Object.keys(seen.nodes).length;
    var shownEdges = Object.keys(seen.edges).length;
    state.shown = seen.nodes;
    state.passing = seen.passing;
    state.limited = seen.limited;
    state.counts = { n: shownNodes, N: data.nodes.length, l: shownEdges, L: data.edges.length,
                     p: seen.passingCount, d: data.drawLimit || 0 };
    showCounts();
    if (api.ready && !state.playing) { maybeRearrange(); }
    return { nodes: shownNodes, edges: shownEdges };
  }

  function showCounts() {
    var counts = {};
    Object.keys(state.counts).forEach(function (k) { counts[k] = state.counts[k].toLocaleString("en"); });
    document.getElementById("visible").textContent = fill(w("visible"), counts);
    document.getElementById("limited").hidden = !state.limited;
    document.getElementById("limited-text").textContent = state.limited ? fill(w("drawn"), counts) : "";
  }
  /* Draw an entity that the limit left out, with its neighbours (those the filters let
     through): searched for, or reached through a panel's links. */
  function bring(id) {
    if (!state.limited) { return; }
    state.pinned[id] = true;
    adjacency[id].forEach(function (m) { state.pinned[m] = true; });
    applyFilters();
  }
  api.bring = bring;
  api.drawAll = function () {
    state.showAll = true;
    statusBox.textContent = w("drawing");
    statusBox.hidden = false;
    return new Promise(function (resolve) {
      setTimeout(function () {  /* let the status be painted first */
        applyFilters();
        statusBox.hidden = true;
        resolve(state.counts.n);
      }, 30);
    });
  };
  document.getElementById("draw-all").addEventListener("click", function () { api.drawAll(); });

  /* --- re-arranging what is shown ----------------------------------------------------------- */
  /* A filter leaves the remaining entities where the whole network put them, a sparse spray.
     Re-arranging runs the force layout on the shown entities alone (the hidden ones and their
     links take no part) from where they are, then fits them to the canvas. It runs by itself
     when the shown set differs by more than half from the one last arranged, and on the
     button. Above data.rearrangeLimit shown entities it only fits (a browser layout of that
     many would take too long). */
  state.arranged = null;
  function difference(a, b) {
    var changed = 0, size = 0;
    Object.keys(a).forEach(function (k) { size += 1; if (!b[k]) { changed += 1; } });
    Object.keys(b).forEach(function (k) { if (!a[k]) { changed += 1; } });
    return changed / Math.max(size, Object.keys(b).length, 1);
  }
  function maybeRearrange() {
    if (state.arranged && difference(state.arranged, state.shown) > 0.5) { api.rearrange(); }
  }
  api.rearrangements = 0;
  api.rearrange = function () {
    var shown = Object.assign({}, state.shown);
    state.arranged = shown;
    api.rearrangements += 1;
    var count = Object.keys(shown).length;
    if (!count) { return Promise.resolve(0); }
    if (count > data.rearrangeLimit) { view.fit(Object.keys(shown)); return Promise.resolve(count); }
    statusBox.textContent = w("arranging");
    statusBox.hidden = false;
    api.arranging = true;
    return view.rearrange(shown).then(function () {
      statusBox.hidden = true;
      api.arranging = false;
      return count;
    });
  };

  function readYear(input) {
    var value = input.value.trim();
    return value === "" || isNaN(Number(value)) ? null : Math.trunc(Number(value));
  }
  var sinceInput = document.getElementById("since");
  var untilInput = document.getElementById("until");
  if (data.years[0] !== null) {
    [sinceInput, untilInput].forEach(function (input) {
      input.min = data.years[0]; input.max = data.years[1];
    });
    sinceInput.placeholder = data.years[0];
    untilInput.placeholder = data.years[1];
  }
  function onPeriod() {
    state.since = readYear(sinceInput);
    state.until = readYear(untilInput);
    if (state.until !== null) { slider.value = state.until; }
    showYear();
    applyFilters();
  }
  sinceInput.addEventListener("input", onPeriod);
  untilInput.addEventListener("input", onPeriod);
  document.getElementById("period-reset").addEventListener("click", function () {
    sinceInput.value = ""; untilInput.value = "";
    if (data.years[1] !== null) { slider.value = data.years[1]; }
    onPeriod();
  });
  /* --- the time slider: the relations as of a year, or played through the years ----------- */
  var slider = document.getElementById("year-slider");
  var playButton = document.getElementById("play");
  var windowSelect = document.getElementById("window");
  if (data.years[0] !== null) {
    slider.min = data.years[0]; slider.max = data.years[1]; slider.value = data.years[1];
  } else {
    document.getElementById("slider-box").hidden = true;
  }
  function showYear() {
    document.getElementById("year-label").textContent = fill(w("asOfYear"), { y: slider.value });
  }
  function setYear(year) {
    slider.value = year;
    var span = windowSelect.value === "all" ? null : Number(windowSelect.value);
    sinceInput.value = span === null ? "" : Math.max(Number(slider.min), year - span + 1);
    untilInput.value = year;
    state.since = readYear(sinceInput);
    state.until = year;
    showYear();
    return applyFilters();
  }
  api.setYear = setYear;
  slider.addEventListener("input", function () { setYear(Number(slider.value)); });
  windowSelect.addEventListener("change", function () { setYear(Number(slider.value)); });
  var timer = null;
  function stop() {
    state.playing = false;
    if (timer) { clearInterval(timer); timer = null; }
    playButton.textContent = "▶";
    playButton.setAttribute("aria-label", w("play"));
    maybeRearrange();
  }
  api.play = function (stepMs) {
    if (state.playing) { stop(); return; }
    state.playing = true;
    playButton.textContent = "⏸";
    playButton.setAttribute("aria-label", w("pause"));
    var year = Number(slider.value) >= Number(slider.max) ? Number(slider.min) : Number(slider.value);
    setYear(year);
    timer = setInterval(function () {
      if (year >= Number(slider.max)) { stop(); return; }
      year += 1;
      setYear(year);
    }, stepMs || 700);
  };
  api.stop = stop;
  playButton.addEventListener("click", function () { api.play(); });

  api.setPeriod = function (since, until) {
    sinceInput.value = since === null ? "" : since;
    untilInput.value = until === null ? "" : until;
    onPeriod();
    return applyFilters();
  };

  /* --- legend = class filter -------------------------------------------------------------- */

  var SVG = "http://www.w3.org/2000/svg";
  function swatch(colour, shape) {
    var svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16"); svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    var points = {
      diamond: "8,1 15,8 8,15 1,8", triangle: "8,1 15,14 1,14", triangleDown: "1,2 15,2 8,15",
      hexagon: "4,1.5 12,1.5 15.5,8 12,14.5 4,14.5 0.5,8",
      star: "8,0.5 10,6 15.5,6 11,9.5 12.8,15 8,11.6 3.2,15 5,9.5 0.5,6 6,6"
    };
    var shapeNode;
    if (shape === "dot") {
      shapeNode = document.createElementNS(SVG, "circle");
      shapeNode.setAttribute("cx", "8"); shapeNode.setAttribute("cy", "8"); shapeNode.setAttribute("r", "6.5");
    } else if (shape === "square") {
      shapeNode = document.createElementNS(SVG, "rect");
      shapeNode.setAttribute("x", "2"); shapeNode.setAttribute("y", "2");
      shapeNode.setAttribute("width", "12"); shapeNode.setAttribute("height", "12");
    } else {
      shapeNode = document.createElementNS(SVG, "polygon");
      shapeNode.setAttribute("points", points[shape] || points.diamond);
    }
    shapeNode.setAttribute("fill", colour);
    shapeNode.setAttribute("stroke", "#333");
    shapeNode.setAttribute("stroke-width", "0.8");
    svg.appendChild(shapeNode);
    return svg;
  }

  var legend = document.getElementById("legend");
  var checkboxes = {};
  function drawLegend() {
    legend.textContent = "";
    data.families.forEach(function (f) {
      var item = el("li");
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.checked = state.families.has(f[0]);
      box.dataset.family = f[0];
      box.addEventListener("change", function () {
        if (box.checked) { state.families.add(f[0]); } else { state.families.delete(f[0]); }
        applyFilters();
      });
      checkboxes[f[0]] = box;
      label.appendChild(box);
      label.appendChild(swatch(f[3], f[4]));
      label.appendChild(el("span", state.lang === "vi" ? f[2] : f[1]));
      item.appendChild(label);
      item.appendChild(el("span", f[5], "count"));
      legend.appendChild(item);
    });
  }
  drawLegend();
  api.setFamilies = function (families) {
    state.families = new Set(families);
    Object.keys(checkboxes).forEach(function (k) { checkboxes[k].checked = state.families.has(k); });
    return applyFilters();
  };
  document.getElementById("classes-all").addEventListener("click", function () {
    api.setFamilies(data.families.map(function (f) { return f[0]; }));
  });
  document.getElementById("classes-none").addEventListener("click", function () { api.setFamilies([]); });

  /* --- view options ------------------------------------------------------------------------ */

  var edgeToggle = document.getElementById("edge-labels");
  edgeToggle.checked = state.edgeLabels;
  function relabel() {
    rename();
    view.relabel();
  }
  edgeToggle.addEventListener("change", function () { state.edgeLabels = edgeToggle.checked; relabel(); });
  var langSelect = document.getElementById("lang");
  langSelect.value = state.lang;
  function translatePage() {
    document.documentElement.lang = state.lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-i18n]"), function (node) {
      node.textContent = w(node.dataset.i18n);
    });
    document.getElementById("search").placeholder = w("searchPh");
    var title = state.lang === "vi" ? data.titles[1] : data.titles[0];
    document.querySelector("#side h1").textContent = title;
    document.title = title;
    var span = data.years[0] !== null ? "; " + data.years[0] + "–" + data.years[1] : "";
    document.getElementById("summary").textContent = fill(w("summary"), {
      n: data.counts.entities.toLocaleString("en"), l: data.counts.links.toLocaleString("en"),
      r: data.counts.relations.toLocaleString("en"), q: data.counts.quotes.toLocaleString("en"), span: span
    });
    if (state.counts) { showCounts(); }
    showYear();
    statusBox.textContent = w("laying");
  }
  langSelect.addEventListener("change", function () {
    state.lang = langSelect.value;
    relabel();
    drawLegend();
    translatePage();
    if (state.open) { reopen(); }
  });
  api.setLang = function (lang) { langSelect.value = lang; langSelect.dispatchEvent(new Event("change")); };
  document.getElementById("fit").addEventListener("click", function () { view.fit(null); });
  document.getElementById("rearrange").addEventListener("click", function () { api.rearrange(); });

  /* --- search ------------------------------------------------------------------------------ */

  function rank(keys, q, words) {
    var best = null;
    keys.forEach(function (key) {
      var r = key === q ? 0 : key.indexOf(q) === 0 ? 1 : key.indexOf(" " + q) >= 0 ? 2 :
        key.indexOf(q) >= 0 ? 3 : words.every(function (w) { return key.indexOf(w) >= 0; }) ? 4 : null;
      if (r !== null && (best === null || r < best[0] || (r === best[0] && key.length < best[1]))) {
        best = [r, key.length];
      }
    });
    return best;
  }
  /* Same order as vnrukg.lookup.search: rank, length of the matching name, English name, id. */
  api.search = function (query) {
    var q = fold(query);
    if (!q) { return []; }
    var words = q.split(" ");
    var found = [];
    data.nodes.forEach(function (n) {
      var r = rank(data.details[n.id].keys, q, words);
      if (r !== null) { found.push([r[0], r[1], fold(data.details[n.id].en), n.id]); }
    });
    found.sort(function (a, b) {
      for (var i = 0; i < 4; i++) {
        if (a[i] !== b[i]) { return a[i] < b[i] ? -1 : 1; }
      }
      return 0;
    });
    return found.slice(0, 12).map(function (f) { return f[3]; });
  };
  var searchInput = document.getElementById("search");
  var results = document.getElementById("results");
  function showResults() {
    results.textContent = "";
    api.search(searchInput.value).forEach(function (id, i) {
      var d = data.details[id];
      var item = el("li", state.lang === "vi" ? d.vi : d.en);
      var other = state.lang === "vi" ? d.en : d.vi;
      var hidden = !!hiddenNode[id] && !state.passing[id];  /* not merely left undrawn */
      item.appendChild(el("small", (other !== item.textContent ? other + " · " : "") +
        d.cls[state.lang === "vi" ? 1 : 0] + (hidden ? " · " + w("hiddenByFilters") : "")));
      if (hidden) { item.classList.add("hidden-node"); }
      if (i === 0) { item.classList.add("active"); }
      item.dataset.id = id;
      item.addEventListener("mousedown", function (event) { event.preventDefault(); select(id); });
      results.appendChild(item);
    });
  }
  searchInput.addEventListener("input", showResults);
  searchInput.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && results.firstChild) { select(results.firstChild.dataset.id); }
    if (event.key === "Escape") { results.textContent = ""; }
  });
  searchInput.addEventListener("blur", function () { results.textContent = ""; });

  function select(id) {
    results.textContent = "";
    if (!byId[id]) { return; }
    bring(id);
    showDetails(id);
    if (!hiddenNode[id]) { frame(id); }
  }
  api.select = select;
  /* The panel takes its room from the canvas (it is beside it, not over it); the view then
     fits the entity and its shown neighbours into what is left, zooming in no further than
     needed to read them. */
  function frame(id) {
    view.select(id);
    view.resize();
    view.frame([id].concat(adjacency[id].filter(function (m) { return !hiddenNode[m]; })));
  }
  api.frame = frame;

  /* --- details and tooltip ------------------------------------------------------------------ */

  function names(d) {
    return state.lang === "vi" ? [d.vi, d.en] : [d.en, d.vi];
  }
  function pick(pair) { return state.lang === "vi" ? pair[1] : pair[0]; }

  /* A citation: the source's words (labelled so), the curators' English translation
     (labelled as theirs, never as the source's), then the source. */
  function citationList(cites, parent) {
    cites.forEach(function (c) {
      parent.appendChild(el("div", w("quote"), "cite-label"));
      var quote = el("blockquote", c[1]);
      quote.lang = "vi";
      parent.appendChild(quote);
      if (c[5]) {
        parent.appendChild(el("div", w("translation"), "cite-label"));
        var translation = el("p", c[5], "translation");
        translation.lang = "en";
        parent.appendChild(translation);
      } else {
        parent.appendChild(el("div", w("translation") + ": " + w("noTranslation"), "cite-label missing"));
      }
      var source = "— " + c[0] + (c[2] ? " (" + c[2] + ")" : "");
      if (c[3]) { source += "; " + w("citing") + " " + c[3]; }
      if (c[4]) { source += "; " + w("attests") + " " + c[4]; }
      parent.appendChild(el("cite", source));
    });
  }
  function closePanel() {
    detailsBox.hidden = true;
    state.open = null;
    view.unselect();
    view.resize();
  }
  function reopen() {
    if (state.open[0] === "node") { showDetails(state.open[1]); } else { showEdge(state.open[1]); }
  }

  function valueList(values, parent) {
    if (!values.length) { return; }
    var list = el("dl");
    values.forEach(function (v) {
      list.appendChild(el("dt", state.lang === "vi" ? v[1] : v[0]));
      list.appendChild(el("dd", state.lang === "vi" ? v[3] : v[2]));
    });
    parent.appendChild(list);
  }

  function neighbourLink(id) {
    var link = el("a", pick([data.details[id].en, data.details[id].vi]));
    link.addEventListener("click", function () { select(id); });
    return link;
  }

  function closeButton() {
    var close = el("button", "×", "close");
    close.type = "button";
    close.setAttribute("aria-label", w("close"));
    close.addEventListener("click", closePanel);
    return close;
  }
  function showDetails(id) {
    var d = data.details[id];
    tooltip.hidden = true;
    state.open = ["node", id];
    detailsBox.textContent = "";
    detailsBox.appendChild(closeButton());
    var both = names(d);
    detailsBox.appendChild(el("h2", both[0]));
    if (both[1] && both[1] !== both[0]) { detailsBox.appendChild(el("p", both[1], "muted")); }
    detailsBox.appendChild(el("p", pick(d.cls) + (d.iri ? " · " + id : "")));
    if (d.aliases.length) { detailsBox.appendChild(el("p", w("also") + d.aliases.join("; "), "muted")); }
    valueList(d.dates, detailsBox);
    valueList(d.values, detailsBox);
    d.rows.forEach(function (row) {
      var box = el("div", null, "row");
      box.appendChild(el("strong", pick(row)));
      valueList(row[2], box);
      citationList(row[3], box);
      detailsBox.appendChild(box);
    });
    if (d.cites.length) {
      detailsBox.appendChild(el("h3", w("evidence") + " (" + d.cites.length + ")"));
      citationList(d.cites, detailsBox);
    }
    if (incident[id].length) {
      detailsBox.appendChild(el("h3", w("links") + " (" + incident[id].length + ")"));
      var list = el("ul");
      incident[id].forEach(function (e) {
        var item = el("li");
        var outgoing = e.from === id;
        var labels = data.edgeDetails[e.id].map(function (r) { return pick(r); });
        item.appendChild(el("span", (outgoing ? "→ " : "← ") + labels.join(" · ") + ": "));
        item.appendChild(neighbourLink(outgoing ? e.to : e.from));
        list.appendChild(item);
      });
      detailsBox.appendChild(list);
    }
    detailsBox.hidden = false;
  }

  function showEdge(edgeId) {
    var e = byIdEdge[edgeId];
    tooltip.hidden = true;
    state.open = ["edge", edgeId];
    detailsBox.textContent = "";
    detailsBox.appendChild(closeButton());
    var title = el("h2");
    title.appendChild(neighbourLink(e.from));
    title.appendChild(el("span", " → "));
    title.appendChild(neighbourLink(e.to));
    detailsBox.appendChild(title);
    data.edgeDetails[edgeId].forEach(function (r) {
      var box = el("div", null, "row");
      box.appendChild(el("strong", pick(r) + " (" + r[4] + ")"));
      citationList(r[5] === null ? data.details[r[4]].cites : r[5], box);
      detailsBox.appendChild(box);
    });
    detailsBox.hidden = false;
  }
  var byIdEdge = {};
  data.edges.forEach(function (e) { byIdEdge[e.id] = e; });
  api.showEdge = showEdge;

  /* The hover card of entity ``id``, the pointer at (x, y) in the canvas. */
  function showTooltip(id, x, y) {
    var d = data.details[id];
    tooltip.textContent = "";
    var both = names(d);
    tooltip.appendChild(el("strong", both[0]));
    if (both[1] && both[1] !== both[0]) { tooltip.appendChild(el("div", both[1])); }
    tooltip.appendChild(el("div", pick(d.cls), "muted"));
    d.dates.concat(d.values).slice(0, 4).forEach(function (v) {
      tooltip.appendChild(el("div", (state.lang === "vi" ? v[1] + ": " + v[3] : v[0] + ": " + v[2])));
    });
    if (d.cites.length) {
      tooltip.appendChild(el("div", "“" + d.cites[0][1] + "” — " + d.cites[0][0], "q"));
      if (d.cites[0][5]) {
        tooltip.appendChild(el("div", w("translation") + ": " + d.cites[0][5], "translation"));
      }
      if (d.cites.length > 1) { tooltip.appendChild(el("div", "+ " + (d.cites.length - 1) + " " + w("more"), "muted")); }
    }
    var box = container.getBoundingClientRect();
    tooltip.style.left = Math.min(box.left + x + 14, window.innerWidth - 350) + "px";
    tooltip.style.top = (box.top + y + 14) + "px";
    tooltip.hidden = false;
  }

  /* --- the view ------------------------------------------------------------------------- */
  var view = makeView(container, data, {
    name: function (id) { return nameOf[id]; },
    edgeLabel: edgeLabel,
    timing: function (stage) { timings[stage] = performance.now(); },
    progress: function (percent) { statusBox.textContent = w("laying") + " " + percent + "%"; },
    ready: function () { markReady(); },
    draw: function (ctx) { drawLabels(ctx); },
    clickNode: function (id) { tooltip.hidden = true; bring(id); showDetails(id); frame(id); },
    shownAtStart: function () { return visibility(); },
    clickEdge: function (id) { tooltip.hidden = true; showEdge(id); },
    clickStage: function () { tooltip.hidden = true; if (!detailsBox.hidden) { closePanel(); } },
    hover: function (id, x, y) { showTooltip(id, x, y); },
    blur: function () { tooltip.hidden = true; }
  });
  api.view = view;
  api.renderer = view.kind;
  /* The same questions for either view (the browser tests ask them of both). */
  api.shownNodes = function () { return data.nodes.map(function (n) { return n.id; }).filter(function (id) { return !hiddenNode[id]; }); };
  api.shownEdges = function () { return data.edges.filter(function (e) { return !hiddenEdge[e.id]; }).map(function (e) { return e.id; }); };
  api.nodeCount = data.nodes.length;
  api.edgeCount = data.edges.length;
  api.name = function (id) { return nameOf[id]; };
  api.edgeBetween = function (from, to) {
    var found = data.edges.filter(function (e) { return e.from === from && e.to === to; });
    return found.length ? found[0].id : null;
  };
  api.selected = function () { return view.selected(); };
  api.redraw = function () { view.redraw(); };
  api.zoom = function (factor) { view.zoom(factor); };
  api.settled = function () { return view.settled(); };
  /* Where entity ``id`` is drawn, in page coordinates (null when hidden). */
  api.position = function (id) {
    var at = view.project(id);
    var box = container.getBoundingClientRect();
    return at ? [box.left + at[0], box.top + at[1]] : null;
  };
  /* The canvas view's vis-network objects (the browser tests read them). */
  if (view.kind === "canvas") { api.nodes = view.nodes; api.edges = view.edges; api.network = view.network; }

  translatePage();
  applyFilters();
  timings.scriptEnd = performance.now();
  requestAnimationFrame(function () { timings.firstFrame = performance.now(); });
  document.addEventListener("DOMContentLoaded", function () { timings.domLoaded = performance.now(); });
