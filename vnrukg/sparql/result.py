"""The engine-neutral answer to a query: rows of :data:`~vnrukg.sparql.terms.Term`, a boolean or
triples, whichever engine answered."""

from __future__ import annotations

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
