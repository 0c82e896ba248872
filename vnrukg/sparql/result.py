"""The engine-neutral answer to a query: rows of :data:`~vnrukg.sparql.terms.Term`, a boolean or
triples, whichever engine answered."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import pyoxigraph as ox

from .terms import Row, Term

#: The forms of a query, as :attr:`QueryResult.kind` names them.
FORMS = ("SELECT", "ASK", "CONSTRUCT", "DESCRIBE")


@dataclass
class QueryResult:
    """The answer to a query: rows for SELECT, a boolean for ASK, triples otherwise."""

    kind: str  # one of FORMS
    variables: list[str] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] | None = None

    def records(self) -> list[dict[str, Term | None]]:
        """Rows as dictionaries keyed by variable name."""
        return [dict(zip(self.variables, row, strict=True)) for row in self.rows]

    def __len__(self) -> int:
        if self.kind == "SELECT":
            return len(self.rows)
        if self.triples is not None:
            return len(self.triples)
        return 1


@dataclass(frozen=True)
class Budget:
    """How much of a SELECT result a caller will use: rows, and bytes of the values' text.

    An engine given one stops taking solutions once either is passed, keeping the row that
    passed it so that the caller sees the overflow and can say the result was cut: a server
    worker then never holds a result much larger than what it may send.
    """

    max_rows: int
    max_bytes: int

    def take(self, rows: Iterable[Row]) -> list[Row]:
        """The first rows, up to and including the one that passes the budget."""
        taken: list[Row] = []
        size = 0
        for row in rows:
            taken.append(row)
            size += sum(len(term.value) for term in row if term is not None)
            if len(taken) > self.max_rows or size > self.max_bytes:
                break
        return taken
