/* The WebGL view of the network page, for pages too large for the canvas view: sigma.js draws
   the laid-out picture with WebGL (vnrukg/vendor/sigma-*.min.js, which also brings graphology
   and its ForceAtlas2 layout). It offers page.js what view-vis.js offers: the same hooks,
   hiding, selection, framing, re-arranging. Names are drawn by page.js's label layer on
   sigma's label canvas, so they obey the same rules as on the canvas view. */
function makeView(container, data, hooks) {
  "use strict";
  var lib = window.vnrukgSigma;
  var graph = new lib.Graph({ type: "directed", multi: false, allowSelfLoops: false });
  var maxValue = 0;
  data.nodes.forEach(function (n) { if (n.value > maxValue) { maxValue = n.value; } });
  var logMax = Math.log(1 + maxValue) || 1;
  var sizeOf = {};
  data.nodes.forEach(function (n) {
    /* as on the canvas view, size grows with the logarithm of the degree */
    var size = 2 + 11 * Math.log(1 + n.value) / logMax;
    sizeOf[n.id] = size;
    /* sigma's y axis points up, vis-network's (and the layout's) down */
    /* vis-network's colour is an object (background, border, highlight); sigma's a string */
    var color = typeof n.color === "string" ? n.color : n.color.background;
    graph.addNode(n.id, { x: n.x || 0, y: -(n.y || 0), size: size, color: color });
  });
  data.edges.forEach(function (e) {
    var faint = e.color && e.color.color;
    graph.addDirectedEdgeWithKey(e.id, e.from, e.to, {
      size: faint ? 0.6 : 1, color: faint ? e.color.color : "#a9b2bb", type: "arrow"
    });
  });
  hooks.timing("datasets");

  var hidden = {}, hiddenEdges = {}, chosen = null, near = {};
  /* sigma draws in its constructor, before page.js has applied its filters: that first picture
     is left empty, and the real one drawn once, at the next frame (software WebGL spent seconds
     on each of the four full drawings the page used to make while opening) */
  var blank = true;
  var renderer = new lib.Sigma(graph, container, {
    renderLabels: false,
    renderEdgeLabels: false,
    enableEdgeEvents: true,
    hideEdgesOnMove: data.nodes.length > 5000,
    defaultEdgeType: "arrow",
    defaultDrawNodeHover: function () {},
    minCameraRatio: 0.002,
    maxCameraRatio: 4,
    stagePadding: 24,
    nodeReducer: function (id, attrs) {
      if (blank || hidden[id]) { return Object.assign({}, attrs, { hidden: true }); }
      if (id === chosen) { return Object.assign({}, attrs, { size: attrs.size * 1.5 + 2, zIndex: 2 }); }
      return attrs;
    },
    edgeReducer: function (id, attrs) {
      if (blank || hiddenEdges[id]) { return Object.assign({}, attrs, { hidden: true }); }
      if (near[id]) { return Object.assign({}, attrs, { color: "#222222", size: 2, zIndex: 1 }); }
      return attrs;
    }
  });
  hooks.timing("network");
  var camera = renderer.getCamera();
  var canvas = renderer.getCanvases().labels;
  var ctx = canvas.getContext("2d");
  var first = true;
  renderer.on("afterRender", function () {
    hooks.draw(ctx);
    if (first) { first = false; hooks.ready(); }
  });
  /* the real picture, names included, at the next frame; then the page is ready */
  requestAnimationFrame(function () { blank = false; renderer.refresh(); });
  renderer.on("clickNode", function (e) { hooks.clickNode(e.node); });
  renderer.on("clickEdge", function (e) { hooks.clickEdge(e.edge); });
  renderer.on("clickStage", function () { hooks.clickStage(); });
  renderer.on("enterNode", function (e) { hooks.hover(e.node, e.event.x, e.event.y); });
  renderer.on("leaveNode", function () { hooks.blur(); });
  renderer.on("downStage", function () { hooks.blur(); });

  function bbox(ids) {
    var box = null;
    ids.forEach(function (id) {
      var d = renderer.getNodeDisplayData(id);
      if (!d) { return; }
      if (!box) { box = [d.x, d.y, d.x, d.y]; return; }
      box[0] = Math.min(box[0], d.x); box[1] = Math.min(box[1], d.y);
      box[2] = Math.max(box[2], d.x); box[3] = Math.max(box[3], d.y);
    });
    return box;
  }
  /* Centre the camera on ``ids`` and zoom so that they fill the view (but no further in than
     minRatio). Viewport distances scale with 1 / ratio, so one measure at ratio 1 is enough. */
  function fitTo(ids, minRatio) {
    renderer.refresh();
    var box = bbox(ids);
    if (!box) { return; }
    var state = { x: (box[0] + box[2]) / 2, y: (box[1] + box[3]) / 2, ratio: 1, angle: 0 };
    var a = renderer.framedGraphToViewport({ x: box[0], y: box[1] }, { cameraState: state });
    var b = renderer.framedGraphToViewport({ x: box[2], y: box[3] }, { cameraState: state });
    var pad = 60;
    var width = Math.max(container.clientWidth - 2 * pad, 50);
    var height = Math.max(container.clientHeight - 2 * pad, 50);
    state.ratio = Math.max(Math.abs(b.x - a.x) / width, Math.abs(b.y - a.y) / height, minRatio);
    camera.setState(state);
  }
  function shownIds() { return data.nodes.map(function (n) { return n.id; }).filter(function (id) { return !hidden[id]; }); }

  var view = {
    kind: "webgl", graph: graph, renderer: renderer,
    setHidden: function (nodeChanges, edgeChanges) {
      nodeChanges.forEach(function (c) { if (c.hidden) { hidden[c.id] = true; } else { delete hidden[c.id]; } });
      edgeChanges.forEach(function (c) { if (c.hidden) { hiddenEdges[c.id] = true; } else { delete hiddenEdges[c.id]; } });
      if (nodeChanges.length || edgeChanges.length) { renderer.scheduleRefresh(); }
    },
    relabel: function () { renderer.scheduleRefresh(); },
    /* How many entities and links the view holds (shown or hidden): all of them. */
    held: function () { return [graph.order, graph.size]; },
    selected: function () { return chosen === null ? [] : [chosen]; },
    select: function (id) {
      chosen = id;
      near = {};
      graph.forEachEdge(id, function (edge) { near[edge] = true; });
      renderer.refresh();
    },
    unselect: function () { chosen = null; near = {}; renderer.refresh(); },
    resize: function () { renderer.resize(); renderer.refresh(); },
    redraw: function () { renderer.refresh(); },
    fit: function (ids) { fitTo(ids || shownIds(), 0); },
    frame: function (ids) { fitTo(ids, 0.05); },
    zoom: function (factor) { camera.setState({ ratio: camera.getState().ratio / factor }); renderer.refresh(); },
    project: function (id) {
      if (hidden[id]) { return null; }
      var d = renderer.getNodeDisplayData(id);
      if (!d || d.hidden) { return null; }
      var p = renderer.framedGraphToViewport(d);
      return [p.x, p.y, Math.max(2, renderer.scaleSize(d.size))];
    },
    edgeMiddle: function () { return null; },  /* straight lines: page.js takes the midpoint */
    settled: function () { return true; },
    /* ForceAtlas2 (graphology's) on the shown entities and the links between them, from where
       they are; the hidden ones stay put. */
    rearrange: function (shown) {
      return new Promise(function (resolve) {
        setTimeout(function () {
          var sub = new lib.Graph({ type: "directed", multi: false });
          Object.keys(shown).forEach(function (id) {
            sub.addNode(id, { x: graph.getNodeAttribute(id, "x"), y: graph.getNodeAttribute(id, "y"),
                              size: sizeOf[id] });
          });
          data.edges.forEach(function (e) {
            if (shown[e.from] && shown[e.to] && !sub.hasEdge(e.from, e.to)) { sub.addEdge(e.from, e.to); }
          });
          var settings = lib.forceAtlas2.inferSettings(sub);
          settings.barnesHutOptimize = sub.order > 300;
          settings.adjustSizes = true;
          lib.forceAtlas2.assign(sub, { iterations: 200, settings: settings });
          sub.forEachNode(function (id, attrs) {
            graph.mergeNodeAttributes(id, { x: attrs.x, y: attrs.y });
          });
          fitTo(Object.keys(shown), 0);
          resolve();
        }, 0);
      });
    }
  };
  return view;
}
