"""The curated graph itself: it validates, and every named query answers on it."""

from __future__ import annotations

import pytest

from vnrukg.project import Project
from vnrukg.sparql import QueryResult, list_queries, make_engine
from vnrukg.store import load
from vnrukg.validate import validate

from .conftest import ROOT

PROJECT = Project(ROOT)


def run(graph, text: str, bindings=None) -> QueryResult:
    return make_engine(graph, "rdflib").query(text, bindings)


@pytest.fixture(scope="module")
def kg():
    return load(PROJECT)


def test_curated_graph_validates(sources):
    report = validate(PROJECT, sources)
    assert report.ok, "\n".join(p.render() for p in report.errors[:50])
    assert report.counts["quotes"] == report.counts["quotes_verified"]
    assert report.counts["quotes"] > 1000


@pytest.mark.parametrize("query", list_queries(PROJECT), ids=lambda q: q.name)
def test_named_query_answers(kg, query):
    result = run(kg.graph, query.text, query.bindings({}))
    if query.name.endswith("-violation"):
        assert result.rows == []
    else:
        assert result.rows, f"{query.name} returns nothing on the curated graph"


def test_every_article_is_cited(kg):
    result = run(
        kg.graph,
        """
        SELECT ?file (COUNT(DISTINCT ?c) AS ?n) WHERE { ?c vnru:source ?s . ?s vnru:sourceFile ?file }
        GROUP BY ?file ORDER BY ?file""",
    )
    counts = {row[0].value: int(row[1].value) for row in result.rows}
    assert set(counts) == {
        "000_e10eb79930684940.txt",
        "001_4b88624cfc595232.txt",
        "002_30a8aa393b8066a4.txt",
        "003_4c9f620a94f2915a.txt",
        "004_0f89e1410a4163cd.txt",
    }
    assert min(counts.values()) >= 30, counts


def test_every_article_is_quoted_almost_entirely(kg, sources):
    """Completeness: nearly every letter of every article is quoted by some citation, and
    only headings, captions and methodology sentences go uncovered."""
    from vnrukg.coverage import coverage

    for item in coverage(kg.graph, sources):
        assert item.share >= 0.9, (item.name, item.share)
        assert len(item.uncovered) <= 5, (item.name, item.uncovered)
