"""The rdflib engine: queries over an rdflib graph in memory (curation, validation, export).

Its answers are converted to the core's term type (:mod:`vnrukg.sparql.terms`), typed literals
in Oxigraph's canonical lexical form, so that both engines answer with equal terms.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox
from rdflib import Dataset, Graph, Variable

from ...errors import VnrukgError
from ..gate import prepare_ordered
from ..result import Budget, QueryResult
from ..terms import Row, Term, canonical, convert, converter, to_rdflib


class RdflibEngine:
    """Queries over an rdflib graph in memory."""

    name = "rdflib"

    def __init__(self, graph: Graph):
        self.graph = graph

    @classmethod
    def from_nquads(cls, path: str) -> RdflibEngine:
        """An engine over a dataset written as N-Quads: a default graph and named graphs."""
        dataset = Dataset()
        dataset.parse(path, format="nquads")
        return cls(dataset)

    def query(
        self,
        text: str,
        bindings: Mapping[str, Term] | None = None,
        *,
        budget: Budget | None = None,
    ) -> QueryResult:
        """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query on the graph (rows converted only
        up to ``budget``: rdflib evaluates the whole query first)."""
        prepared = prepare_ordered(text)
        init: dict[str, Any] = {Variable(k): to_rdflib(v) for k, v in (bindings or {}).items()}
        try:
            result = self.graph.query(prepared, initBindings=init)
            return _convert(result, budget)
        except VnrukgError:
            raise
        except Exception as exc:  # evaluation errors surface as assorted exceptions
            raise VnrukgError(f"query failed: {exc}") from None


def _convert(result: Any, budget: Budget | None = None) -> QueryResult:
    cache = converter()
    if result.type == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        triples = [
            (convert(s, cache), convert(p, cache), convert(o, cache)) for s, p, o in result.graph
        ]
        canon = canonical(o for _, _, o in triples)
        return QueryResult(
            result.type,
            triples=[ox.Triple(s, p, canon.get(o, o)) for s, p, o in triples],  # type: ignore[arg-type]
        )
    variables = [str(v) for v in result.vars or []]
    converted = (tuple(None if t is None else convert(t, cache) for t in row) for row in result)
    rows: list[Row] = budget.take(converted) if budget else list(converted)
    canon = canonical(t for row in rows for t in row if t is not None)
    if canon:
        rows = [tuple(canon.get(t, t) if t is not None else None for t in row) for row in rows]
    return QueryResult("SELECT", variables, rows)
