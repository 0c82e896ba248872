"""The competency-question harness: each question is answered by a SPARQL query on the graph.

A case names a question of ``../shared/competency/questions.json`` by id and gives either a
named query with parameters or its own SPARQL, and a check on the result. Checks compare the
values the question expects with what the query returns, never a hard-coded answer.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from rdflib import Literal

from vnrukg.sparql import DEFAULT_ENGINE, Engine, QueryResult, make_engine, to_rdflib


@dataclass(frozen=True)
class Case:
    """One competency question and how the graph answers it.

    ``sparql`` is the test's own query; ``named`` (with ``params``) uses a query of queries/.
    ``check`` receives the result and raises AssertionError with a helpful message.
    ``note`` records where the question's given answer is wrong against its source.
    """

    id: str
    check: Callable[[QueryResult], None]
    sparql: str | None = None
    named: str | None = None
    params: dict[str, str] = field(default_factory=dict)
    note: str = ""


def rdflib_rows(result: QueryResult) -> QueryResult:
    """The result with its rows as rdflib terms, which the checks read (``toPython`` …)."""
    rows = [tuple(None if t is None else to_rdflib(t) for t in row) for row in result.rows]
    return QueryResult(result.kind, result.variables, rows, result.boolean, result.triples)


#: The engine the questions are asked of: the one ``vnrukg query`` uses. (The rdflib engine
#: answers every project query the same way on the curated graph: tests/sparql/test_engines.)
ENGINE = DEFAULT_ENGINE
_ENGINES: dict[int, tuple[object, Engine]] = {}


def engine(graph) -> Engine:
    """The engine over ``graph``, made once per graph (a store loaded from it)."""
    found = _ENGINES.get(id(graph))
    if found is None or found[0] is not graph:
        found = _ENGINES[id(graph)] = (graph, make_engine(graph, ENGINE))
    return found[1]


def run(graph, text: str, bindings: dict | None = None) -> QueryResult:
    """Run a query on ``graph`` with :data:`ENGINE`; rows as rdflib terms (for the checks)."""
    return rdflib_rows(engine(graph).query(text, bindings))


def fold(text: str) -> str:
    """Lower-case, strip diacritics (đ → d) and collapse whitespace, for tolerant matching."""
    text = unicodedata.normalize("NFD", str(text).replace("đ", "d").replace("Đ", "D"))
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    return re.sub(r"\s+", " ", text).strip().lower()


def _values(result: QueryResult, column: str | None = None) -> list:
    if result.kind == "ASK":
        return [result.boolean]
    names = result.variables if column is None else [column]
    for name in names:
        assert name in result.variables, f"no column {name!r} in {result.variables}"
    index = [result.variables.index(n) for n in names]
    return [row[i] for row in result.rows for i in index if row[i] is not None]


def _number(term) -> Decimal | None:
    if isinstance(term, Literal):
        try:
            return Decimal(str(term.toPython()))
        except Exception:
            return None
    return None


def has_text(*needles: str, column: str | None = None) -> Callable[[QueryResult], None]:
    """Some value (of ``column``, or any column) contains each needle, diacritic-insensitive."""

    def check(result: QueryResult) -> None:
        values = [fold(v) for v in _values(result, column)]
        for needle in needles:
            assert any(fold(needle) in v for v in values), (
                f"{needle!r} not found in {sorted(set(values))[:20]}"
            )

    return check


def has_number(*expected: float | int | str, column: str | None = None) -> Callable:
    """Some numeric value equals each expected number exactly."""

    def check(result: QueryResult) -> None:
        numbers = {_number(v) for v in _values(result, column)} - {None}
        for value in expected:
            assert Decimal(str(value)) in numbers, f"{value} not among {sorted(numbers)[:20]}"

    return check


def has_date(*expected: str, column: str | None = None) -> Callable:
    """Some value's lexical form equals each expected date (``1994-06-16``, ``2024-08``, ``1978``)."""

    def check(result: QueryResult) -> None:
        values = {str(v) for v in _values(result, column)}
        for value in expected:
            assert value in values, f"{value} not among {sorted(values)[:20]}"

    return check


def is_true(result: QueryResult) -> None:
    """An ASK answered true (or a SELECT with at least one row)."""
    if result.kind == "ASK":
        assert result.boolean is True, "ASK answered false"
    else:
        assert result.rows, "no rows"


def rows_at_least(n: int) -> Callable[[QueryResult], None]:
    """At least ``n`` rows."""

    def check(result: QueryResult) -> None:
        assert len(result.rows) >= n, f"{len(result.rows)} rows, expected at least {n}"

    return check


def all_of(*checks: Callable[[QueryResult], None]) -> Callable[[QueryResult], None]:
    """Every check holds."""

    def check(result: QueryResult) -> None:
        for item in checks:
            item(result)

    return check
