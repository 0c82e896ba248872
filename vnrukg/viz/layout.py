"""Positions computed in Python for networks too large for the browser's physics.

A force simulation of 20,000 nodes in the browser takes minutes and leaves the page unusable
meanwhile. Here the work is done once, when the page is built: the network is split into
communities (Louvain), each community is laid out on its own (Fruchterman–Reingold), and the
communities are packed side by side, largest first, in rows. The page then draws with physics
off. Smaller pages get a networkx spring layout of the whole as the starting point of a short
physics run in the browser.

The community layout uses python-igraph, whose Louvain and Fruchterman–Reingold are compiled:
at 20,000 entities the layout takes under a second where networkx's took 14 s. Without igraph
installed, networkx does the same work (it needs numpy and scipy). Both are deterministic: a
fixed seed, and igraph's random numbers drawn from a generator of our own.
"""

from __future__ import annotations

import math
import random
from typing import Any

import networkx as nx

try:
    import igraph as ig
except ImportError:  # the layout falls back on networkx (slower on large pages)
    ig = None

from ..network import EntityNetwork

#: Above this many nodes the page is laid out here rather than by the browser's physics.
PHYSICS_LIMIT = 1000
#: Up to this many nodes the physics starts from one spring layout of the whole graph (fast
#: with numpy); above it, from the community layout of :func:`positions`.
SPRING_LIMIT = 500
SEED = 7
#: Largest community laid out in one piece (networkx's fast dense layout stops at 500).
GROUP_LIMIT = 400


def use_static_layout(net: EntityNetwork, mode: str = "auto") -> bool:
    """Whether to pre-compute positions: ``static`` always, ``physics`` never, ``auto`` by size."""
    if mode == "auto":
        return len(net.entities) > PHYSICS_LIMIT
    return mode == "static"


def initial_positions(net: EntityNetwork) -> dict[str, tuple[float, float]]:
    """Starting points for the browser's physics: one networkx spring layout of the whole.

    Starting from these, vis-network needs a few hundred iterations instead of a thousand to
    settle, and settles the same way every time.
    """
    graph = _graph(net)
    if len(graph) < 2:
        return {key: (0.0, 0.0) for key in graph}
    if len(graph) > SPRING_LIMIT:
        return positions(net)
    layout = nx.spring_layout(graph, seed=SEED, iterations=60, scale=_radius(len(graph)) * 2)
    return {key: (float(layout[key][0]), float(layout[key][1])) for key in sorted(graph)}


def _graph(net: EntityNetwork) -> Any:
    graph = nx.Graph()
    graph.add_nodes_from(sorted(net.entities))
    graph.add_edges_from(
        sorted((r.source, r.target) for r in net.relations if r.source != r.target)
    )
    return graph


def stabilization_iterations(size: int) -> int:
    """How many physics iterations the browser runs before switching physics off."""
    return max(150, min(500, 150_000 // max(size, 1)))


def positions(net: EntityNetwork) -> dict[str, tuple[float, float]]:
    """x, y for every entity (in vis-network's pixel space), deterministic for a network."""
    if ig is None:
        return _positions_networkx(net)
    return _positions_igraph(net)


def _positions_igraph(net: EntityNetwork) -> dict[str, tuple[float, float]]:
    assert ig is not None
    keys = sorted(net.entities)
    index = {key: i for i, key in enumerate(keys)}
    pairs = {
        (min(index[r.source], index[r.target]), max(index[r.source], index[r.target]))
        for r in net.relations
        if r.source != r.target
    }
    graph = ig.Graph(n=len(keys), edges=sorted(pairs))
    ig.set_random_number_generator(random.Random(SEED))
    try:
        parts = [
            [keys[i] for i in part]
            for community in graph.community_multilevel()
            for part in _split_igraph(graph, sorted(community))
        ]
        groups = sorted(parts, key=lambda g: (-len(g), g[0]))
        return _pack(groups, lambda group, radius: _igraph_group(graph, index, group, radius))
    finally:
        ig.set_random_number_generator(random)


def _split_igraph(graph: Any, members: list[int]) -> list[list[int]]:
    """Communities cut down to at most :data:`GROUP_LIMIT` nodes (as :func:`_split`)."""
    if len(members) <= GROUP_LIMIT:
        return [members]
    sub = graph.subgraph(members)
    parts = sub.community_multilevel(resolution=2.0)
    if len(parts) == 1:
        return [members[i : i + GROUP_LIMIT] for i in range(0, len(members), GROUP_LIMIT)]
    return [
        piece for part in parts for piece in _split_igraph(graph, sorted(members[i] for i in part))
    ]


def _igraph_group(
    graph: Any, index: dict[str, int], group: list[str], radius: float
) -> dict[str, tuple[float, float]]:
    if len(group) == 1:
        return {group[0]: (0.0, 0.0)}
    sub = graph.subgraph([index[key] for key in group])
    coords = sub.layout_fruchterman_reingold(niter=100).coords
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    # subgraph keeps the order of the vertex ids, which follow the sorted keys
    ordered = sorted(group, key=index.__getitem__)
    scale = radius * 0.9 / span
    return {
        key: ((x - cx) * scale, (y - cy) * scale)
        for key, (x, y) in zip(ordered, coords, strict=True)
    }


def _pack(groups: list[list[str]], lay_out: Any) -> dict[str, tuple[float, float]]:
    """Lay out each group in its own circle and pack the circles in rows, largest first."""
    placed: dict[str, tuple[float, float]] = {}
    x = y = row_height = 0.0
    row_width = _row_width(sum(_radius(len(g)) ** 2 for g in groups))
    for group in groups:
        radius = _radius(len(group))
        if x > 0 and x + 2 * radius > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for key, (px, py) in lay_out(group, radius).items():
            placed[key] = (x + radius + px, y + radius + py)
        x += 2 * radius
        row_height = max(row_height, 2 * radius)
    return placed


def _positions_networkx(net: EntityNetwork) -> dict[str, tuple[float, float]]:
    graph = _graph(net)
    groups = [
        part
        for group in nx.community.louvain_communities(graph, seed=SEED)
        for part in _split(graph, sorted(group))
    ]
    groups = sorted(groups, key=lambda g: (-len(g), g[0]))
    return _pack(groups, lambda group, radius: _layout_group(graph.subgraph(group), radius))


def _split(graph: Any, group: list[str]) -> list[list[str]]:
    """Communities cut down to at most :data:`GROUP_LIMIT` nodes.

    networkx lays out a graph of under 500 nodes with dense numpy arithmetic, and a larger
    one with a Python loop per node and iteration, so a big community is split again
    (Louvain at a finer resolution), or, failing that, cut in breadth-first order.
    """
    if len(group) <= GROUP_LIMIT:
        return [group]
    parts = nx.community.louvain_communities(graph.subgraph(group), resolution=2.0, seed=SEED)
    if len(parts) == 1:
        order = _breadth_first(graph.subgraph(group), group)
        return [order[i : i + GROUP_LIMIT] for i in range(0, len(order), GROUP_LIMIT)]
    return [piece for part in parts for piece in _split(graph, sorted(part))]


def _breadth_first(graph: Any, group: list[str]) -> list[str]:
    order: list[str] = []
    seen: set[str] = set()
    for start in group:
        if start not in seen:
            found = [start, *(v for _, v in nx.bfs_edges(graph, start, sort_neighbors=sorted))]
            order += found
            seen.update(found)
    return order


def _radius(size: int) -> float:
    """The radius a community of ``size`` nodes gets: area grows with the number of nodes."""
    return 40.0 + 28.0 * math.sqrt(size)


def _row_width(total_area: float) -> float:
    return 2.0 * math.sqrt(total_area) * 1.3


def _layout_group(graph: Any, radius: float) -> dict[str, tuple[float, float]]:
    nodes = sorted(graph.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    layout = nx.spring_layout(graph, seed=SEED, iterations=40, scale=radius * 0.9)
    return {key: (float(layout[key][0]), float(layout[key][1])) for key in nodes}
