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

import json
import subprocess
import sys
import tempfile
from collections.abc import Callable
from typing import Any

import networkx as nx

from ..network import EntityNetwork
from . import communities
from .communities import GROUP_LIMIT, SEED, Positions, community_positions, pack, radius

#: Above this many nodes the page is laid out here rather than by the browser's physics.
PHYSICS_LIMIT = 1000
#: Up to this many nodes the physics starts from one spring layout of the whole graph (fast
#: with numpy); above it, from the community layout of :func:`positions`.
SPRING_LIMIT = 500
#: From this many entities up, the community layout runs in a process of its own while the
#: page's data is made (:func:`positions_later`): on two cores, the two take as long as the
#: longer one instead of both.
PARALLEL_LIMIT = 5000


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
    layout = nx.spring_layout(graph, seed=SEED, iterations=60, scale=radius(len(graph)) * 2)
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


def positions(net: EntityNetwork) -> Positions:
    """x, y for every entity (in vis-network's pixel space), deterministic for a network."""
    if communities.ig is None:
        return _positions_networkx(net)
    return community_positions(*_indexed(net))


def _indexed(net: EntityNetwork) -> tuple[list[str], list[tuple[int, int]]]:
    """The entities' keys, sorted, and their linked pairs as sorted index pairs."""
    keys = sorted(net.entities)
    index = {key: i for i, key in enumerate(keys)}
    pairs = {
        (min(index[r.source], index[r.target]), max(index[r.source], index[r.target]))
        for r in net.relations
        if r.source != r.target
    }
    return keys, sorted(pairs)


def positions_later(net: EntityNetwork) -> Callable[[], Positions]:
    """Start :func:`positions` and return what gives them when called.

    For a network of :data:`PARALLEL_LIMIT` entities or more (with igraph installed) the
    layout runs in a process of its own (``communities.py`` as a script, which imports only
    igraph: 0.2 s to start), so that the caller can make the page's data meanwhile; the same
    code with the same seed gives the same positions. If that process cannot be started or
    fails, the positions are computed here when asked for.
    """
    if not _in_a_process(net):
        return lambda: positions(net)
    keys, pairs = _indexed(net)
    # the request and the answer go through files, not pipes: through a pipe, a thread would
    # write the request 512 bytes at a time, each write waiting its turn for the interpreter
    # lock while the caller makes the page's data, and the layout would wait for its input
    answer = tempfile.TemporaryFile()  # noqa: SIM115 (result() reads and closes it)
    command = [sys.executable, "-P", communities.__file__]
    with tempfile.TemporaryFile() as request:
        request.write(json.dumps({"keys": keys, "pairs": pairs}).encode())
        request.seek(0)
        try:
            process = subprocess.Popen(
                command, stdin=request, stdout=answer, stderr=subprocess.DEVNULL
            )
        except OSError:
            answer.close()
            return lambda: community_positions(keys, pairs)

    def result() -> Positions:
        with answer:
            try:
                if process.wait() == 0:
                    answer.seek(0)
                    found = json.loads(answer.read())
                    return {key: (float(x), float(y)) for key, (x, y) in found.items()}
            except (ValueError, TypeError):
                pass
        return community_positions(keys, pairs)

    return result


def _in_a_process(net: EntityNetwork) -> bool:
    return communities.ig is not None and len(net.entities) >= PARALLEL_LIMIT


class LayoutAhead:
    """The layout of a large network, started while the network is still being built.

    Given as ``linked`` to :func:`vnrukg.network.network_from_graphs`, it starts
    :func:`positions_later` as soon as the entities and their links are known, if the page
    will be laid out here (``here``, given the network; by default above
    :data:`PHYSICS_LIMIT`) in a process of its own; the entities' details and the page's data
    are then made while the layout runs. :meth:`positions_later` gives those positions for that
    same network (the page then is the same to the byte), and starts a layout for any other (a
    filtered part of it).
    """

    def __init__(self, here: Callable[[EntityNetwork], bool] = use_static_layout) -> None:
        self.here = here
        self._started: tuple[EntityNetwork, Callable[[], Positions]] | None = None

    def __call__(self, net: EntityNetwork) -> None:
        if _in_a_process(net) and self.here(net):
            self._started = (net, positions_later(net))

    def positions_later(self, net: EntityNetwork) -> Callable[[], Positions]:
        """What gives ``net``'s positions: the layout started for it, else a new one."""
        if self._started is not None and self._started[0] is net:
            return self._started[1]
        return positions_later(net)


def _positions_networkx(net: EntityNetwork) -> dict[str, tuple[float, float]]:
    graph = _graph(net)
    groups = [
        part
        for group in nx.community.louvain_communities(graph, seed=SEED)
        for part in _split(graph, sorted(group))
    ]
    groups = sorted(groups, key=lambda g: (-len(g), g[0]))
    return pack(groups, lambda group, size: _layout_group(graph.subgraph(group), size))


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


def _layout_group(graph: Any, size: float) -> Positions:
    nodes = sorted(graph.nodes)
    if len(nodes) == 1:
        return {nodes[0]: (0.0, 0.0)}
    layout = nx.spring_layout(graph, seed=SEED, iterations=40, scale=size * 0.9)
    return {key: (float(layout[key][0]), float(layout[key][1])) for key in nodes}
