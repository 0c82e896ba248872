"""Query engines behind one interface, and the engine-neutral result they return.

:class:`RdflibEngine` answers queries over the in-memory rdflib graph (the default: it is what
curation, validation and export use). Other engines (Oxigraph) implement the same
:class:`Engine` protocol, so that every command and the endpoint can switch with
``--engine``. Results are :class:`QueryResult` objects holding rdflib terms, whatever engine
produced them, so formatting and comparison do not depend on the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Protocol

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node


@dataclass
class QueryResult:
    """The answer to a query: rows for SELECT, a boolean for ASK, a graph otherwise."""

    kind: str  # "SELECT", "ASK", "CONSTRUCT" or "DESCRIBE"
    variables: list[str] = field(default_factory=list)
    rows: list[tuple[Node | None, ...]] = field(default_factory=list)
    boolean: bool | None = None
    graph: Graph | None = None

    def records(self) -> list[dict[str, Node | None]]:
        """Rows as dictionaries keyed by variable name."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]

    def __len__(self) -> int:
        if self.kind == "SELECT":
            return len(self.rows)
        if self.graph is not None:
            return len(self.graph)
        return 1


class Engine(Protocol):
    """Something that answers SPARQL over the loaded knowledge graph."""

    name: str

    def query(self, text: str, bindings: dict[str, URIRef | Literal] | None = None) -> QueryResult:
        """Run a (checked) query with bound parameters."""
        ...


class RdflibEngine:
    """Queries over an rdflib graph in memory."""

    name = "rdflib"

    def __init__(self, graph: Graph):
        self.graph = graph

    def query(self, text: str, bindings: dict[str, URIRef | Literal] | None = None) -> QueryResult:
        from .queries import run_rdflib

        return run_rdflib(self.graph, text, bindings)


ENGINES = ("rdflib",)


def make_engine(kg, name: str = "rdflib") -> Engine:
    """An engine over a loaded knowledge graph."""
    from .errors import UsageError

    if name == "rdflib":
        return RdflibEngine(kg.graph)
    raise UsageError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
