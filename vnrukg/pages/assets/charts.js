/* vnrukg charts page: draws each chart with Vega-Lite (vega-embed, expression interpreter: no
   eval under the page's Content-Security-Policy), shows a hover card and, on click, the
   evidence of a figure. Every text from the data is put into the page with textContent. */
(function () {
  "use strict";
  var E = window.vnrukgEvidence;
  var el = E.el;
  var data = JSON.parse(document.getElementById("vnrukg-data").textContent);
  var state = { lang: data.lang, views: {}, pending: 0 };
  var main = document.getElementById("charts");
  var nav = document.getElementById("themes");
  var evidenceBox = document.getElementById("evidence");
  var cardBox = document.getElementById("card");
  var UI = {
    en: { singles: "Single figures", indicator: "Indicator", period: "Period", value: "Value",
          source: "Source", series: "Series", click: "click for the quote", charts: "charts",
          figures: "figures", disputed: "disagreement", sources: "Sources" },
    vi: { singles: "Số liệu đơn lẻ", indicator: "Chỉ tiêu", period: "Thời gian", value: "Giá trị",
          source: "Nguồn", series: "Chuỗi", click: "bấm để xem trích dẫn", charts: "biểu đồ",
          figures: "số liệu", disputed: "bất nhất", sources: "Nguồn" }
  };
  var api = { ready: false, views: state.views, data: data };
  window.vnrukgCharts = api;

  function words() { return UI[state.lang]; }
  function pick(pair) { return E.pick(pair, state.lang); }

  function closeEvidence() {
    evidenceBox.hidden = true;
    document.body.classList.remove("panel-open");
    window.dispatchEvent(new Event("resize"));
    Array.prototype.forEach.call(document.querySelectorAll("tr.active"), function (r) { r.classList.remove("active"); });
  }
  function showEvidence(id) {
    var ev = data.evidence[id];
    if (!ev) { return; }
    E.panel(evidenceBox, ev, state.lang, closeEvidence);
    evidenceBox.dataset.id = id;
    if (!document.body.classList.contains("panel-open")) {
      document.body.classList.add("panel-open");
      window.dispatchEvent(new Event("resize"));
    }
    cardBox.hidden = true;
  }
  api.showEvidence = showEvidence;

  function hover(handler, event, item, value) {
    if (!item || !item.datum || !item.datum.id || value === null || value === undefined) {
      cardBox.hidden = true;
      return;
    }
    var d = item.datum;
    var lines = [[d.full], [d.date, "muted"], [d.line, "muted"]];
    if (d.note) { lines.push([d.note, "muted"]); }
    lines.push([words().source + ": " + d.source]);
    if (d.flag) { lines.push(["⚠ " + d.flag, "flag"]); }
    lines.push([words().click, "hint"]);
    E.card(cardBox, lines, event.clientX, event.clientY);
    cardBox.dataset.id = d.id;
  }

  function embed(slug, target) {
    var spec = data.specs[slug][state.lang];
    state.pending += 1;
    return vegaEmbed(target, spec, {
      renderer: "svg", actions: false, ast: true, tooltip: hover, logLevel: 0
    }).then(function (result) {
      state.views[slug] = result.view;
      result.view.addEventListener("click", function (event, item) {
        if (item && item.datum && item.datum.id && data.evidence[item.datum.id]) {
          showEvidence(item.datum.id);
        }
      });
      state.pending -= 1;
      if (state.pending === 0) { markReady(); }
    }).catch(function (error) {
      state.pending -= 1;
      target.textContent = String(error);
      throw error;
    });
  }

  function markReady() {
    api.ready = true;
    document.body.dataset.ready = "1";
  }

  function singlesTable(rows) {
    var w = words();
    var table = el("table", null, "singles");
    var head = el("thead");
    var tr = el("tr");
    [[w.indicator, "34%"], [w.period, "16%"], [w.value, "22%"], [w.source, "28%"]].forEach(function (h) {
      var th = el("th", h[0]);
      th.style.width = h[1];
      tr.appendChild(th);
    });
    head.appendChild(tr);
    table.appendChild(head);
    var body = el("tbody");
    rows.forEach(function (row) {
      var line = el("tr");
      line.dataset.id = row.id;
      line.tabIndex = 0;
      var name = el("td", pick(row.indicator));
      if (row.line[0]) { name.appendChild(el("div", pick(row.line), "muted small")); }
      line.appendChild(name);
      line.appendChild(el("td", pick(row.date)));
      var value = el("td", pick(row.value), "num");
      if (row.disputed) { value.appendChild(el("span", " ⚠", "flag")); }
      line.appendChild(value);
      line.appendChild(el("td", row.source, "small"));
      function open() {
        Array.prototype.forEach.call(body.querySelectorAll("tr.active"), function (r) { r.classList.remove("active"); });
        line.classList.add("active");
        showEvidence(row.id);
      }
      line.addEventListener("click", open);
      line.addEventListener("keydown", function (event) { if (event.key === "Enter") { open(); } });
      body.appendChild(line);
    });
    table.appendChild(body);
    return table;
  }

  function draw() {
    main.textContent = "";
    nav.textContent = "";
    Object.keys(state.views).forEach(function (k) { state.views[k].finalize(); delete state.views[k]; });
    var jobs = [];
    data.themes.forEach(function (theme) {
      var section = el("section");
      section.id = "theme-" + theme.key;
      section.appendChild(el("h2", pick(theme.name)));
      var link = el("a", pick(theme.name));
      link.href = "#" + section.id;
      nav.appendChild(link);
      var grid = el("div", null, "grid");
      theme.charts.forEach(function (slug) {
        var info = data.info[slug];
        var box = el("div", null, "chart-card");
        box.id = "chart-" + slug;
        if (info.definition[0]) { box.appendChild(el("p", pick(info.definition), "def")); }
        var target = el("div", null, "vega");
        box.appendChild(target);
        if (info.sources.length) {
          box.appendChild(el("p", words().sources + ": " + info.sources.join(" · "), "sources"));
        }
        box.appendChild(el("div", slug + " · " + info.count + " " + words().figures, "ids"));
        grid.appendChild(box);
        jobs.push([slug, target]);
      });
      section.appendChild(grid);
      if (theme.singles.length) {
        section.appendChild(el("h3", words().singles));
        section.appendChild(singlesTable(theme.singles));
      }
      main.appendChild(section);
    });
    document.getElementById("summary").textContent = pick(data.summary);
    if (!jobs.length) { markReady(); }
    jobs.forEach(function (job) { embed(job[0], job[1]); });
  }

  function translatePage() {
    document.documentElement.lang = state.lang;
    Array.prototype.forEach.call(document.querySelectorAll("[data-en]"), function (node) {
      node.textContent = node.dataset[state.lang];
    });
  }

  var langSelect = document.getElementById("lang");
  langSelect.value = state.lang;
  langSelect.addEventListener("change", function () {
    state.lang = langSelect.value;
    translatePage();
    var open = evidenceBox.hidden ? null : evidenceBox.dataset.id;
    api.ready = false;
    document.body.dataset.ready = "0";
    draw();
    if (open) { showEvidence(open); }
  });
  api.setLang = function (lang) { langSelect.value = lang; langSelect.dispatchEvent(new Event("change")); };
  /* Where a figure's dot is on the screen (for tests and for keyboard users' focus). */
  api.pointPosition = function (slug, id) {
    var view = state.views[slug];
    var found = null;
    (function walk(node) {
      if (found || !node) { return; }
      if (node.items) { node.items.forEach(walk); }
      if (node.datum && node.datum.id === id && node.mark && node.mark.marktype === "symbol" &&
          node.mark.role === "mark" && node.size >= 70 && node.size < 200) { found = node; }
    })(view.scenegraph().root);
    if (!found) { return null; }
    var origin = view.origin();
    var padding = view.padding();
    var svg = view.container().querySelector("svg, canvas");
    var box = (svg || view.container()).getBoundingClientRect();
    var x = found.x, y = found.y, group = found.mark.group;
    while (group) { x += group.x || 0; y += group.y || 0; group = group.mark && group.mark.group; }
    return [box.left + origin[0] + (padding.left || 0) + x, box.top + origin[1] + (padding.top || 0) + y];
  };
  translatePage();
  draw();
})();
