"""What the named queries show a reader, on the curated graph: every quote with its curators'
translation beside it, English names in English columns, rows that say what they are, values
with their units and the qualifiers that change their meaning, each quote once per fact."""

from __future__ import annotations

import pytest

from vnrukg.project import Project
from vnrukg.sparql import QueryChecks, find_query, list_queries, make_engine, parts
from vnrukg.store import load

from .conftest import ROOT

PROJECT = Project(ROOT)
NAMED = [q for q in list_queries(PROJECT) if not q.name.endswith("-violation")]


def columns(text: str) -> list[str]:
    return list(QueryChecks().check(text)["vars"])


@pytest.fixture(scope="module")
def curated():
    kg = load(PROJECT)
    return {"kg": kg, "engine": make_engine(kg.graph, "oxigraph")}


def answer(curated, name: str, **params: str) -> list[dict[str, object]]:
    """The rows of a named query as dictionaries of plain values (None when unbound)."""
    query = find_query(PROJECT, name)
    result = curated["engine"].query(query.text, query.bindings(params))
    return [
        {k: None if v is None else parts(v) for k, v in row.items()} for row in result.records()
    ]


def text(cell) -> str | None:
    return None if cell is None else cell.text


# --- issue 12: every quote with its translation ------------------------------------------------


@pytest.mark.parametrize("query", NAMED, ids=lambda q: q.name)
def test_every_quote_has_the_translation_beside_it(query):
    names = columns(query.text)
    if "quote" in names:
        assert names[names.index("quote") + 1] == "translation", names


def test_the_translation_is_there_wherever_the_quote_needs_one(curated):
    """Every citation quoting a language other than English has a translation (validate
    holds the graph to it): so every row of every query with a quote shows one."""
    checked = 0
    for query in NAMED:
        if "quote" not in columns(query.text) or any(
            not p.optional and p.default is None for p in query.params
        ):
            continue
        for row in answer(curated, query.name):
            quote = row["quote"]
            if quote is not None and quote.language != "en":
                assert row["translation"] is not None, (query.name, quote.text)
                assert row["translation"].language == "en", query.name
                checked += 1
    assert checked > 500


def test_entity_gives_each_quote_its_translation(curated):
    rows = answer(curated, "entity", entity="treaty-1994")
    quotes = [r for r in rows if text(r["direction"]) == "quote"]
    assert quotes and all(r["translation"] is not None for r in quotes)
    assert all(r["translation"] is None for r in rows if text(r["direction"]) != "quote")


# --- issue 15: rows that say what they are ----------------------------------------------------


@pytest.mark.parametrize(
    "entity",
    ["treaty-1994", "phan-van-giang", "source-002", "vnrv:trade-turnover", "russia"],
)
def test_entity_rows_name_their_property(curated, entity):
    rows = answer(curated, "entity", entity=entity)
    assert rows
    assert [r for r in rows if not text(r["property"])] == []
    properties = {text(r["property"]) for r in rows}
    assert properties & {"prefLabel", "type"}  # named by their IRI's local name


# --- issue 15: routing questions ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("year", "holders"),
    [
        ("2024", {"Phan Văn Giang", "Andrey Removich Belousov"}),
        ("2016", {"Ngô Xuân Lịch", "Sergei Shoigu"}),
        ("2013", {"Phùng Quang Thanh", "Sergei Shoigu"}),
    ],
)
def test_holders_of_role_in_a_year(curated, year, holders):
    rows = answer(curated, "holders-of-role", year=year)
    assert {text(r["name"]) for r in rows} == holders
