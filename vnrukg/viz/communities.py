"""The community layout of a large network, with python-igraph and the standard library only.

:func:`community_positions` splits the network into communities (Louvain), lays each out on
its own (Fruchterman–Reingold) and packs them side by side, largest first, in rows
(:func:`pack`). It reads nothing but vertex names and pairs, and imports nothing of vnrukg, so
that it can also run as a script in a process of its own
(``python -P communities.py``: ``{"keys": [...], "pairs": [[i, j], ...]}`` on standard input,
``{"key": [x, y], ...}`` on standard output): :mod:`.layout` starts it there for a large page,
and the page's data is made meanwhile on the other core. Deterministic: a fixed seed, and
igraph's random numbers drawn from a generator of our own.
"""

from __future__ import annotations

import gc
import json
import math
import random
import sys
from collections.abc import Callable, Sequence
from typing import Any

try:
    import igraph as ig
except ImportError:  # vnrukg.viz.layout falls back on networkx (slower on large pages)
    ig = None

SEED = 7
#: Largest community laid out in one piece (networkx's fast dense layout stops at 500).
GROUP_LIMIT = 400

Positions = dict[str, tuple[float, float]]


def community_positions(keys: Sequence[str], pairs: Sequence[tuple[int, int]]) -> Positions:
    """x, y for each of ``keys`` (sorted), linked by ``pairs`` of indexes (i < j, sorted)."""
    if ig is None:
        raise RuntimeError("python-igraph is not installed")
    graph = ig.Graph(n=len(keys), edges=list(pairs))
    index = {key: i for i, key in enumerate(keys)}
    ig.set_random_number_generator(random.Random(SEED))
    try:
        parts = [
            [keys[i] for i in part]
            for community in graph.community_multilevel()
            for part in _split(graph, sorted(community))
        ]
        groups = sorted(parts, key=lambda g: (-len(g), g[0]))
        return pack(groups, lambda group, size: _group(graph, index, group, size))
    finally:
        ig.set_random_number_generator(random)


def _split(graph: Any, members: list[int]) -> list[list[int]]:
    """Communities cut down to at most :data:`GROUP_LIMIT` nodes: split again by Louvain at a
    finer resolution, or, failing that, cut in order."""
    if len(members) <= GROUP_LIMIT:
        return [members]
    sub = graph.subgraph(members)
    parts = sub.community_multilevel(resolution=2.0)
    if len(parts) == 1:
        return [members[i : i + GROUP_LIMIT] for i in range(0, len(members), GROUP_LIMIT)]
    return [piece for part in parts for piece in _split(graph, sorted(members[i] for i in part))]


def _group(graph: Any, index: dict[str, int], group: list[str], size: float) -> Positions:
    if len(group) == 1:
        return {group[0]: (0.0, 0.0)}
    sub = graph.subgraph([index[key] for key in group])
    coords = sub.layout_fruchterman_reingold(niter=100).coords
    xs, ys = [c[0] for c in coords], [c[1] for c in coords]
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    span = max(max(xs) - min(xs), max(ys) - min(ys)) / 2 or 1.0
    # subgraph keeps the order of the vertex ids, which follow the sorted keys
    ordered = sorted(group, key=index.__getitem__)
    scale = size * 0.9 / span
    return {
        key: ((x - cx) * scale, (y - cy) * scale)
        for key, (x, y) in zip(ordered, coords, strict=True)
    }


def pack(groups: list[list[str]], lay_out: Callable[[list[str], float], Positions]) -> Positions:
    """Lay out each group in its own circle and pack the circles in rows, largest first."""
    placed: Positions = {}
    x = y = row_height = 0.0
    row_width = 2.0 * math.sqrt(sum(radius(len(g)) ** 2 for g in groups)) * 1.3
    for group in groups:
        size = radius(len(group))
        if x > 0 and x + 2 * size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        for key, (px, py) in lay_out(group, size).items():
            placed[key] = (x + size + px, y + size + py)
        x += 2 * size
        row_height = max(row_height, 2 * size)
    return placed


def radius(size: int) -> float:
    """The radius a community of ``size`` nodes gets: area grows with the number of nodes."""
    return 40.0 + 28.0 * math.sqrt(size)


def main() -> None:
    """The script: the network on standard input, the positions on standard output (JSON)."""
    gc.disable()  # a short life of many small objects that all live to the end
    request = json.load(sys.stdin)
    pairs = [(int(i), int(j)) for i, j in request["pairs"]]
    placed = community_positions([str(k) for k in request["keys"]], pairs)
    # dumps, not dump: dump streams through the pure-Python encoder (0.7 s at 20,000 keys)
    sys.stdout.write(json.dumps({key: [x, y] for key, (x, y) in placed.items()}))


if __name__ == "__main__":
    main()
