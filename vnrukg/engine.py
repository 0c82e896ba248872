"""Query engines behind one interface, and the engine-neutral result they return.

:class:`RdflibEngine` answers queries over the in-memory rdflib graph (the default for
curation, validation and export). :class:`OxigraphEngine` answers them with Oxigraph
(pyoxigraph), over an in-memory copy of the loaded graph or over the built store on disk
(:mod:`vnrukg.oxistore`); it is tens of times faster on large graphs. Both implement the
:class:`Engine` protocol, refuse the same queries with the same messages, and return
:class:`QueryResult` objects holding rdflib terms with the same lexical forms, so formatting
and comparison do not depend on the engine.

This module imports neither rdflib nor pyoxigraph at import time: ``vnrukg query`` loads only
what the chosen engine needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from .errors import VnrukgError
from .namespaces import PREFIXES
from .sparqltext import for_oxigraph

if TYPE_CHECKING:
    import pyoxigraph
    from rdflib import Graph, Literal, URIRef
    from rdflib.term import Node

    from .oxistore import QueryChecks
    from .project import Project


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

    def query(
        self,
        text: str,
        bindings: dict[str, URIRef | Literal] | None = None,
        *,
        native: bool = False,
    ) -> QueryResult:
        """Run a (checked) query with bound parameters.

        With ``native`` the SELECT rows may hold the engine's own terms (rdflib's or
        pyoxigraph's), which the result writers read alike; without, they are rdflib terms.
        """
        ...


class RdflibEngine:
    """Queries over an rdflib graph in memory."""

    name = "rdflib"

    def __init__(self, graph: Graph):
        self.graph = graph

    def query(
        self,
        text: str,
        bindings: dict[str, URIRef | Literal] | None = None,
        *,
        native: bool = False,
    ) -> QueryResult:
        """Run a query; rdflib's own terms are rdflib terms, so ``native`` changes nothing."""
        from .queries import run_rdflib

        return run_rdflib(self.graph, text, bindings)


class OxigraphEngine:
    """Queries with Oxigraph over a pyoxigraph store (in memory or the built store on disk).

    Every query is first checked as the rdflib engine checks it (the verdict is remembered in
    ``checks``), then scanned for ``SERVICE`` (:func:`vnrukg.oxistore.guard`), and only then
    handed to Oxigraph. Parameters are bound as RDF terms (:func:`vnrukg.sparqltext.bind_values`),
    never pasted in as text; ``GROUP_CONCAT`` gives simple literals and ties of ``ORDER BY`` are
    broken as the rdflib engine breaks them (see :mod:`vnrukg.sparqltext`).
    """

    name = "oxigraph"

    def __init__(self, store: pyoxigraph.Store, checks: QueryChecks | None = None):
        from .oxistore import QueryChecks

        self.store = store
        self.checks = checks if checks is not None else QueryChecks()

    @classmethod
    def from_graph(cls, graph: Graph, checks: QueryChecks | None = None) -> OxigraphEngine:
        """An engine over an in-memory Oxigraph copy of an rdflib graph."""
        import pyoxigraph

        from .oxistore import fill

        store = pyoxigraph.Store()
        fill(store, graph)
        return cls(store, checks)

    def query(
        self,
        text: str,
        bindings: dict[str, URIRef | Literal] | None = None,
        *,
        native: bool = False,
    ) -> QueryResult:
        """Run a query; with ``native`` the SELECT rows keep pyoxigraph terms (no rdflib).

        Native rows are what ``vnrukg query`` prints on its fast path and what the endpoint
        writes out (:mod:`vnrukg.results` and :mod:`vnrukg.server.formats` read both kinds);
        everything else gets rdflib terms, as the :class:`Engine` protocol promises.
        """
        from .oxistore import to_oxigraph

        values = {name: to_oxigraph(term) for name, term in (bindings or {}).items()}
        return self.query_terms(text, values, native=native)

    def query_terms(self, text: str, values: dict, *, native: bool = False) -> QueryResult:
        """Like :meth:`query`, with parameters given as pyoxigraph terms."""
        verdict = self.checks.check(text)
        order = tuple(verdict["vars"]) if verdict["ordered"] else None
        text = for_oxigraph(text, order, tuple(values.items()))
        try:
            answer = self.store.query(text, prefixes=PREFIXES)
            return _result(verdict["form"], answer, native)
        except SyntaxError as exc:
            raise VnrukgError(f"query failed: Oxigraph cannot run this query: {exc}") from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise VnrukgError(f"query failed: {exc}") from None


def _result(form: str, answer, native: bool) -> QueryResult:
    from .oxistore import from_oxigraph

    if form == "ASK":
        return QueryResult("ASK", boolean=bool(answer))
    if form in ("CONSTRUCT", "DESCRIBE"):
        from rdflib import Graph

        graph = Graph()
        for triple in answer:
            graph.add(
                (
                    from_oxigraph(triple.subject),
                    from_oxigraph(triple.predicate),
                    from_oxigraph(triple.object),
                )
            )
        return QueryResult(form, graph=graph)
    variables = [v.value for v in answer.variables]
    if native:
        rows = [tuple(solution) for solution in answer]
    else:
        rows = [tuple(from_oxigraph(t) for t in solution) for solution in answer]
    return QueryResult("SELECT", variables, rows)


ENGINES = ("rdflib", "oxigraph")


def make_engine(kg, name: str = "rdflib") -> Engine:
    """An engine over a loaded knowledge graph."""
    from .errors import UsageError

    if name == "rdflib":
        return RdflibEngine(kg.graph)
    if name == "oxigraph":
        return OxigraphEngine.from_graph(kg.graph)
    raise UsageError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")


def open_engine(project: Project, name: str = "oxigraph") -> Engine:
    """An engine for a project, loading only what it needs.

    ``oxigraph`` opens the built store (building it first when a source file changed), without
    parsing any Turtle; ``rdflib`` loads the project into memory.
    """
    from .errors import UsageError

    if name == "oxigraph":
        from .oxistore import open_store, query_checks

        return OxigraphEngine(open_store(project), query_checks(project))
    if name == "rdflib":
        from .store import load

        return RdflibEngine(load(project).graph)
    raise UsageError(f"unknown engine {name!r}: choose one of {', '.join(ENGINES)}")
