/* vnrukg network page: filters, search, evidence. Every text that comes from the data is
   put into the page with textContent, never as HTML. The period rule below mirrors
   vnrukg.network.period_subset: keep the two in step. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("vnrukg-data").textContent);
  var container = document.getElementById("network");
  var statusBox = document.getElementById("status");
  var detailsBox = document.getElementById("details");
  var tooltip = document.getElementById("tooltip");
  var state = {
    lang: data.lang,
    families: new Set(data.families.map(function (f) { return f[0]; })),
    since: null,
    until: null,
    edgeLabels: data.edgeLabels
  };

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

  var nodes = new vis.DataSet(data.nodes.map(function (n) {
    return Object.assign({}, n, { label: nodeLabel(n), hidden: false });
  }));
  var edges = new vis.DataSet(data.edges.map(function (e) {
    return Object.assign({}, e, { label: edgeLabel(e), hidden: false });
  }));
  /* Sizes (and label sizes) grow with the logarithm of the degree, so that two hubs linked to
     nearly everything do not dwarf the rest and mid-sized entities keep readable names. */
  data.options.nodes.scaling.customScalingFunction = function (min, max, total, value) {
    return max > 0 ? Math.log(1 + value) / Math.log(1 + max) : 0.5;
  };
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  var api = {
    nodes: nodes, edges: edges, network: network, fold: fold, state: state,
    ready: false, readyMs: null
  };
  window.vnrukg = api;

  /* Classes unticked at first (statements) are hidden only once the layout is done, so that
     the entities they hang from are placed among their neighbours, not flung to the rim. */
  function markReady() {
    if (api.ready) { return; }
    if (data.hiddenFamilies.length) {
      api.setFamilies(data.families.map(function (f) { return f[0]; }).filter(function (f) {
        return data.hiddenFamilies.indexOf(f) < 0;
      }));
    }
    api.ready = true;
    api.readyMs = performance.now();
    statusBox.hidden = true;
    document.body.dataset.ready = "1";
  }
  if (data.physics) {
    network.on("stabilizationProgress", function (p) {
      statusBox.textContent = "Laying out… " + Math.round(100 * p.iterations / p.total) + "%";
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      markReady();
    });
  } else {
    network.once("afterDrawing", markReady);
  }

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
    var shownEdges = {};
    data.edges.forEach(function (e) {
      if (!shown[e.from] || !shown[e.to]) { return; }
      if (!periodOn || e.spans === null || e.spans.some(function (s) {
        return inPeriod(s[0], s[1], state.since, state.until);
      })) { shownEdges[e.id] = true; }
    });
    return { nodes: shown, edges: shownEdges };
  }

  function applyFilters() {
    var seen = visibility();
    var nodeChanges = [];
    nodes.forEach(function (n) {
      var hidden = !seen.nodes[n.id];
      if (n.hidden !== hidden) { nodeChanges.push({ id: n.id, hidden: hidden }); }
    });
    var edgeChanges = [];
    edges.forEach(function (e) {
      var hidden = !seen.edges[e.id];
      if (e.hidden !== hidden) { edgeChanges.push({ id: e.id, hidden: hidden }); }
    });
    if (nodeChanges.length) { nodes.update(nodeChanges); }
    if (edgeChanges.length) { edges.update(edgeChanges); }
    var shownNodes = Object.keys(seen.nodes).length;
    var shownEdges = Object.keys(seen.edges).length;
    document.getElementById("visible").textContent = "Showing " + shownNodes + " of " +
      data.nodes.length + " entities and " + shownEdges + " of " + data.edges.length + " links.";
    return { nodes: shownNodes, edges: shownEdges };
  }

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
    applyFilters();
  }
  sinceInput.addEventListener("input", onPeriod);
  untilInput.addEventListener("input", onPeriod);
  document.getElementById("period-reset").addEventListener("click", function () {
    sinceInput.value = ""; untilInput.value = ""; onPeriod();
  });
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
    nodes.update(data.nodes.map(function (n) { return { id: n.id, label: nodeLabel(n) }; }));
    edges.update(data.edges.map(function (e) { return { id: e.id, label: edgeLabel(e) }; }));
  }
  edgeToggle.addEventListener("change", function () { state.edgeLabels = edgeToggle.checked; relabel(); });
  var langSelect = document.getElementById("lang");
  langSelect.value = state.lang;
  langSelect.addEventListener("change", function () {
    state.lang = langSelect.value;
    relabel();
    drawLegend();
  });
  document.getElementById("fit").addEventListener("click", function () { network.fit(); });

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
      var node = nodes.get(id);
      item.appendChild(el("small", (other !== item.textContent ? other + " · " : "") +
        d.cls[state.lang === "vi" ? 1 : 0] + (node.hidden ? " · hidden by the filters" : "")));
      if (node.hidden) { item.classList.add("hidden-node"); }
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
    var node = nodes.get(id);
    if (!node) { return; }
    if (!node.hidden) {
      network.selectNodes([id]);
      network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: false });
    }
    showDetails(id);
  }
  api.select = select;

  /* --- details and tooltip ------------------------------------------------------------------ */

  function names(d) {
    return state.lang === "vi" ? [d.vi, d.en] : [d.en, d.vi];
  }
  function pick(pair) { return state.lang === "vi" ? pair[1] : pair[0]; }

  function citationList(cites, parent) {
    cites.forEach(function (c) {
      parent.appendChild(el("blockquote", c[1]));
      var source = "— " + c[0] + (c[2] ? " (" + c[2] + ")" : "");
      if (c[3]) { source += "; citing " + c[3]; }
      if (c[4]) { source += "; attests " + c[4]; }
      parent.appendChild(el("cite", source));
    });
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

  function showDetails(id) {
    var d = data.details[id];
    detailsBox.textContent = "";
    var close = el("button", "×", "close");
    close.type = "button";
    close.setAttribute("aria-label", "close");
    close.addEventListener("click", function () { detailsBox.hidden = true; network.unselectAll(); });
    detailsBox.appendChild(close);
    var both = names(d);
    detailsBox.appendChild(el("h2", both[0]));
    if (both[1] && both[1] !== both[0]) { detailsBox.appendChild(el("p", both[1], "muted")); }
    detailsBox.appendChild(el("p", d.cls[0] + " / " + d.cls[1] + (d.iri ? " · " + id : "")));
    if (d.aliases.length) { detailsBox.appendChild(el("p", "Also: " + d.aliases.join("; "), "muted")); }
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
      detailsBox.appendChild(el("h3", "Evidence (" + d.cites.length + ")"));
      citationList(d.cites, detailsBox);
    }
    if (incident[id].length) {
      detailsBox.appendChild(el("h3", "Links (" + incident[id].length + ")"));
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
    detailsBox.textContent = "";
    var close = el("button", "×", "close");
    close.type = "button";
    close.addEventListener("click", function () { detailsBox.hidden = true; network.unselectAll(); });
    detailsBox.appendChild(close);
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

  network.on("click", function (params) {
    if (params.nodes.length) { showDetails(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
    else { detailsBox.hidden = true; }
  });

  network.on("hoverNode", function (params) {
    var d = data.details[params.node];
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
      if (d.cites.length > 1) { tooltip.appendChild(el("div", "+ " + (d.cites.length - 1) + " more: click", "muted")); }
    }
    var box = container.getBoundingClientRect();
    tooltip.style.left = Math.min(box.left + params.pointer.DOM.x + 14, window.innerWidth - 350) + "px";
    tooltip.style.top = (box.top + params.pointer.DOM.y + 14) + "px";
    tooltip.hidden = false;
  });
  network.on("blurNode", function () { tooltip.hidden = true; });
  network.on("dragStart", function () { tooltip.hidden = true; });

  document.getElementById("summary").textContent = data.summary;
  applyFilters();
})();
