/* The canvas view of the network page: vis-network (physics for small pages, a laid-out
   picture above data.physicsLimit entities). page.js drives it through makeView's object and
   hears from it through the hooks; the WebGL view (view-sigma.js) offers the same. */
function makeView(container, data, hooks) {
  "use strict";
  /* Colour and shape come from the node's class (a vis "group"), not from each node: vis
     merges a node's own options one by one, which took seconds for 20,000 nodes. */
  data.options.groups = {};
  data.nodes.forEach(function (n) {
    if (!data.options.groups[n.family]) {
      data.options.groups[n.family] = { color: n.color, shape: n.shape };
    }
  });
  /* vis-network draws shapes only: names are drawn by page.js's label layer. Only what is
     shown at first is handed to vis-network (hooks.shownAtStart: on a large page, the most
     connected entities); the rest is added when it is first shown (setHidden), so that
     opening a page of 20,000 entities does not build 65,000 vis objects. */
  var byId = {}, edgeById = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  data.edges.forEach(function (e) { edgeById[e.id] = e; });
  function nodeCopy(n) {
    var copy = { id: n.id, group: n.family, value: n.value, mass: n.mass, family: n.family,
                 dated: n.dated, y0: n.y0, y1: n.y1, label_en: n.label_en, label_vi: n.label_vi,
                 hidden: false, name: hooks.name(n.id) };
    if (n.x !== undefined) { copy.x = n.x; copy.y = n.y; }
    return copy;
  }
  function edgeCopy(e) {
    var copy = Object.assign({}, e, { hidden: false });
    delete copy.label;  /* page.js draws edge labels, where they overlap nothing */
    if (data.large) { delete copy.dashes; }  /* faint and thin is enough; dashes are slow */
    return copy;
  }
  var start = hooks.shownAtStart();
  var nodes = new vis.DataSet(data.nodes.filter(function (n) {
    return start.nodes[n.id];
  }).map(nodeCopy));
  var edges = new vis.DataSet(data.edges.filter(function (e) {
    return start.edges[e.id];
  }).map(edgeCopy));
  /* Split changes into updates of what vis-network has and additions of what it has not:
     hiding something it never had is nothing to do. */
  function changes(list, set, lookup, copy) {
    var update = [], add = [];
    list.forEach(function (c) {
      if (set.get(c.id) !== null) { update.push(c); }
      else if (!c.hidden) { add.push(copy(lookup[c.id])); }
    });
    if (add.length) { set.add(add); }
    if (update.length) { set.update(update); }
  }
  /* Sizes (and label sizes) grow with the logarithm of the degree, so that two hubs linked to
     nearly everything do not dwarf the rest and mid-sized entities keep readable names. */
  data.options.nodes.scaling.customScalingFunction = function (min, max, total, value) {
    return max > 0 ? Math.log(1 + value) / Math.log(1 + max) : 0.5;
  };
  hooks.timing("datasets");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  hooks.timing("network");

  if (data.physics) {
    network.on("stabilizationProgress", function (p) {
      hooks.progress(Math.round(100 * p.iterations / p.total));
    });
    network.once("stabilizationIterationsDone", function () {
      network.setOptions({ physics: { enabled: false } });
      hooks.ready();
    });
  } else {
    network.once("afterDrawing", function () { hooks.ready(); });
  }
  network.on("afterDrawing", function (ctx) { hooks.draw(ctx); });
  network.on("click", function (params) {
    if (params.nodes.length) { hooks.clickNode(params.nodes[0]); }
    else if (params.edges.length) { hooks.clickEdge(params.edges[0]); }
    else { hooks.clickStage(); }
  });
  network.on("hoverNode", function (params) {
    hooks.hover(params.node, params.pointer.DOM.x, params.pointer.DOM.y);
  });
  network.on("blurNode", function () { hooks.blur(); });
  network.on("dragStart", function () { hooks.blur(); });

  var view = {
    kind: "canvas", nodes: nodes, edges: edges, network: network,
    setHidden: function (nodeChanges, edgeChanges) {
      changes(nodeChanges, nodes, byId, nodeCopy);
      changes(edgeChanges, edges, edgeById, edgeCopy);
    },
    /* How many entities and links vis-network holds (shown or hidden). */
    held: function () { return [nodes.length, edges.length]; },
    relabel: function () {
      nodes.update(nodes.getIds().map(function (id) { return { id: id, name: hooks.name(id) }; }));
    },
    selected: function () { return network.getSelectedNodes(); },
    select: function (id) { network.selectNodes([id]); },
    unselect: function () { network.unselectAll(); },
    resize: function () { network.setSize("100%", "100%"); network.redraw(); },
    redraw: function () { network.redraw(); },
    fit: function (ids) {
      network.fit(ids ? { nodes: ids, animation: false } : { animation: false });
    },
    /* Fit ``ids`` into the canvas, zooming in no further than needed to read them. */
    frame: function (ids) {
      network.fit({ nodes: ids, animation: false });
      if (network.getScale() > 1.4) {
        network.moveTo({ position: network.getPositions([ids[0]])[ids[0]], scale: 1.4, animation: false });
      }
    },
    zoom: function (factor) {
      network.moveTo({ scale: network.getScale() * factor, animation: false });
    },
    /* Where a shown node is on the canvas (CSS px from its top left) and its radius there. */
    project: function (id) {
      var node = network.body.nodes[id];
      if (!node || node.options.hidden) { return null; }
      var scale = network.getScale(), at = network.getViewPosition();
      return [(node.x - at.x) * scale + container.clientWidth / 2,
              (node.y - at.y) * scale + container.clientHeight / 2,
              Math.max(3, (node.options.size || 10) * scale)];
    },
    /* The middle of link ``id`` as drawn (on its curve), in CSS px, or null. */
    edgeMiddle: function (id) {
      var edge = network.body.edges[id];
      if (!edge || !edge.edgeType || !edge.connected) { return null; }
      var p = edge.edgeType.getPoint(0.5);
      var scale = network.getScale(), at = network.getViewPosition();
      return [(p.x - at.x) * scale + container.clientWidth / 2,
              (p.y - at.y) * scale + container.clientHeight / 2];
    },
    settled: function () { return !network.physics.physicsEnabled; },
    /* Run the force layout on the shown entities alone from where they are, then fit them. */
    rearrange: function (shown) {
      nodes.update(nodes.getIds().map(function (id) { return { id: id, physics: !!shown[id] }; }));
      edges.update(edges.get().map(function (e) {
        return { id: e.id, physics: !!(shown[e.from] && shown[e.to]) };
      }));
      return new Promise(function (resolve) {
        network.once("stabilizationIterationsDone", function () {
          network.setOptions({ physics: { enabled: false } });
          network.fit({ animation: false });
          resolve();
        });
        network.setOptions({ physics: data.rearrangePhysics });
        network.stabilize(data.rearrangePhysics.stabilization.iterations);
      });
    }
  };
  return view;
}
