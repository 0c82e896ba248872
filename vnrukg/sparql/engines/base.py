"""What an engine is: something that answers checked SPARQL over the loaded graph."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Protocol

from ..result import Budget, QueryResult
from ..terms import Term


class Engine(Protocol):
    """Something that answers SPARQL over the loaded knowledge graph.

    Every engine refuses what :func:`vnrukg.sparql.gate.prepare` refuses, with the same
    exception, binds parameters as terms (never as text), and answers with
    :class:`~vnrukg.sparql.result.QueryResult` objects holding :data:`~vnrukg.sparql.terms.Term`
    values in the same lexical forms, so that output does not depend on the engine.
    """

    name: str

    def query(
        self,
        text: str,
        bindings: Mapping[str, Term] | None = None,
        *,
        budget: Budget | None = None,
    ) -> QueryResult:
        """Run a (checked) query with bound parameters; a SELECT's rows stop at ``budget``
        (the row that passes it included), when given."""
        ...
