"""The Oxigraph engine: queries with pyoxigraph over a store in memory or the built store on disk.

Every query is first checked as the rdflib engine checks it (the verdict is remembered,
:class:`~vnrukg.sparql.gate.QueryChecks`), then rewritten and scanned for ``SERVICE``
(:func:`vnrukg.sparql.text.for_oxigraph`), and only then handed to Oxigraph. Parameters are
bound as RDF terms in ``VALUES`` blocks (:func:`vnrukg.sparql.text.bind_values`), never pasted
in as text; ``GROUP_CONCAT`` gives simple literals and the ties of ``ORDER BY`` are broken as
the rdflib engine breaks them. Oxigraph's own terms are the core's term type: nothing is
converted on the way out.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

import pyoxigraph as ox

from ...errors import VnrukgError
from ...namespaces import PREFIXES
from ..gate import QueryChecks
from ..result import Budget, QueryResult
from ..terms import Row, Term, fill
from ..text import for_oxigraph

if TYPE_CHECKING:
    from rdflib import Graph


class OxigraphEngine:
    """Queries with Oxigraph over a pyoxigraph store (in memory or the built store on disk)."""

    name = "oxigraph"

    def __init__(self, store: ox.Store, checks: QueryChecks | None = None):
        self.store = store
        self.checks = checks if checks is not None else QueryChecks()

    @classmethod
    def from_nquads(cls, path: str) -> OxigraphEngine:
        """An engine over an in-memory store of a dataset written as N-Quads (a default graph
        and named graphs)."""
        store = ox.Store()
        store.bulk_load(path=path, format=ox.RdfFormat.N_QUADS)
        return cls(store)

    @classmethod
    def from_graph(cls, graph: Graph, checks: QueryChecks | None = None) -> OxigraphEngine:
        """An engine over an in-memory Oxigraph copy of an rdflib graph."""
        store = ox.Store()
        fill(store, graph)
        return cls(store, checks)

    def query(
        self,
        text: str,
        bindings: Mapping[str, Term] | None = None,
        *,
        budget: Budget | None = None,
    ) -> QueryResult:
        """Run a query; its rows are Oxigraph's own terms. Oxigraph yields solutions as it
        finds them, so with a ``budget`` the rows past it are never computed."""
        verdict = self.checks.check(text)
        order = tuple(verdict["vars"]) if verdict["ordered"] else None
        text = for_oxigraph(text, order, tuple((bindings or {}).items()))
        try:
            answer = self.store.query(text, prefixes=PREFIXES)
            return _result(verdict["form"], answer, budget)
        except SyntaxError as exc:
            raise VnrukgError(f"query failed: Oxigraph cannot run this query: {exc}") from None
        except (OSError, RuntimeError, ValueError) as exc:
            raise VnrukgError(f"query failed: {exc}") from None


def _result(
    form: str,
    answer: ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples,
    budget: Budget | None = None,
) -> QueryResult:
    if isinstance(answer, ox.QueryBoolean):
        return QueryResult("ASK", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return QueryResult(form, triples=list(answer))
    variables = [v.value for v in answer.variables]
    solutions = (tuple(solution) for solution in answer)
    rows: list[Row] = budget.take(solutions) if budget else list(solutions)
    return QueryResult("SELECT", variables, rows)
