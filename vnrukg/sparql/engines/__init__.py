"""Query engines behind one protocol, and the registry of engines by name.

Each engine is a module of this package with a class that implements
:class:`~vnrukg.sparql.engines.base.Engine`; :data:`ENGINES` names them, with a way to make each
over an rdflib graph in memory (:func:`make_engine`) and for a project, loading only what it needs
(:func:`open_engine`). The command line's ``--engine`` choices and the endpoint's workers are
derived from it. To add an engine: a module here, an entry in :data:`ENGINES`, and the engine
answering every named query as the others do (``tests/sparql/test_engines.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ...errors import UsageError
from ..built import open_store, query_checks
from .base import Engine
from .oxigraph import OxigraphEngine

if TYPE_CHECKING:
    from rdflib import Graph

    from ...project import Project
    from .rdflib import RdflibEngine


def _rdflib() -> type[RdflibEngine]:
    # rdflib's SPARQL engine costs 0.3 s to import: only the rdflib engine needs it
    from .rdflib import RdflibEngine

    return RdflibEngine


def _rdflib_over(graph: Graph) -> Engine:
    return _rdflib()(graph)


def _rdflib_for(project: Project) -> Engine:
    # loading the Turtle needs rdflib's parsers: only the rdflib engine loads it here
    from ...store import load

    return _rdflib_over(load(project).graph)


def _oxigraph_over(graph: Graph) -> Engine:
    return OxigraphEngine.from_graph(graph)


def _rdflib_load(path: str) -> Engine:
    return _rdflib().from_nquads(path)


def _oxigraph_load(path: str) -> Engine:
    return OxigraphEngine.from_nquads(path)


def _oxigraph_for(project: Project) -> Engine:
    return OxigraphEngine(open_store(project), query_checks(project))


@dataclass(frozen=True)
class EngineKind:
    """A registered engine: its name, what it is, and how to make one."""

    name: str
    summary: str
    over: Callable[[Graph], Engine]  # over an rdflib graph (the loaded one), in memory
    open: Callable[[Project], Engine]  # for a project, loading only what it needs
    # over a dataset in N-Quads: a default graph, and named graphs queryable with GRAPH
    load: Callable[[str], Engine]


#: The engines by name, the default first.
ENGINES: dict[str, EngineKind] = {
    kind.name: kind
    for kind in (
        EngineKind(
            "oxigraph",
            "answers from the built store (rebuilt when a source file changes)",
            _oxigraph_over,
            _oxigraph_for,
            _oxigraph_load,
        ),
        EngineKind(
            "rdflib", "loads the Turtle into memory", _rdflib_over, _rdflib_for, _rdflib_load
        ),
    )
}
DEFAULT_ENGINE = "oxigraph"


def _kind(name: str) -> EngineKind:
    if name not in ENGINES:
        raise UsageError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
    return ENGINES[name]


def make_engine(graph: Graph, name: str = "rdflib") -> Engine:
    """An engine over an rdflib graph in memory (``kg.graph``, the loaded graph, or any)."""
    return _kind(name).over(graph)


def open_engine(project: Project, name: str = DEFAULT_ENGINE) -> Engine:
    """An engine for a project, loading only what it needs.

    ``oxigraph`` opens the built store (building it first when a source file changed), without
    parsing any Turtle; ``rdflib`` loads the project into memory.
    """
    return _kind(name).open(project)


def load_engine(nquads: str, name: str = DEFAULT_ENGINE) -> Engine:
    """An engine over a dataset written as N-Quads: the default graph (quads without a graph
    name) and the named graphs, which ``GRAPH`` queries (what the endpoint serves)."""
    return _kind(name).load(nquads)


__all__ = [
    "DEFAULT_ENGINE",
    "ENGINES",
    "Engine",
    "EngineKind",
    "load_engine",
    "make_engine",
    "open_engine",
]
