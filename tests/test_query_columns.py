"""What the named queries show a reader, on the curated graph: every quote with its curators'
translation beside it, English names in English columns, rows that say what they are, values
with their units and the qualifiers that change their meaning, each quote once per fact."""

from __future__ import annotations

import re

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


# --- issue 12: English columns print English names -----------------------------------------------

#: Columns that hold a literal as the graph has it, in whatever language, by design.
AS_WRITTEN = {
    ("entity", "value"),  # every statement about the entity, each label in its own language
    ("search", "matched"),  # the name that matched, Vietnamese or English
    ("people", "aliases"),  # every alias, in either language
}


@pytest.fixture(scope="module")
def vietnamese_names(curated):
    """Each Vietnamese label (or alias, or title) of a node that has an English label, unless
    the same text is also an English label (names written alike in both)."""
    graph = curated["engine"]
    rows = graph.query(
        """SELECT ?name WHERE {
             ?node skos:prefLabel|skos:altLabel|rdfs:label|dcterms:title ?name .
             FILTER(LANG(?name) = "vi")
             FILTER EXISTS { ?node skos:prefLabel|rdfs:label ?en . FILTER(LANG(?en) = "en") } }"""
    ).rows
    english = graph.query(
        """SELECT ?name WHERE { ?node skos:prefLabel|skos:altLabel|rdfs:label ?name .
             FILTER(LANG(?name) = "en") }"""
    ).rows
    return {r[0].value for r in rows} - {r[0].value for r in english}


@pytest.mark.parametrize("query", NAMED, ids=lambda q: q.name)
def test_english_columns_hold_no_vietnamese_label(curated, vietnamese_names, query):
    if any(not p.optional and p.default is None for p in query.params):
        pytest.skip("a required parameter")
    found = []
    for row in answer(curated, query.name):
        for column, cell in row.items():
            if cell is None or column.endswith("_vi") or column in ("quote", "translation"):
                continue
            if (query.name, column) in AS_WRITTEN or cell.kind != "literal":
                continue
            pieces = [cell.text] if cell.language else cell.text.split("; ")
            found += [(column, p) for p in pieces if p in vietnamese_names]
    assert found == []


def test_sources_list_titles_authors_outlet_dates_and_url(curated):
    query = find_query(PROJECT, "sources")
    assert columns(query.text) == [
        *("cited_by", "key", "document", "title_en", "title_vi", "authors", "outlet"),
        *("received", "accepted", "published", "url", "facts"),
    ]
    rows = {text(r["document"]).rsplit("/", 1)[-1]: r for r in answer(curated, "sources")}
    first = rows["source-000"]
    assert text(first["title_en"]).startswith("Vietnam–Russia defence cooperation")
    assert text(first["title_vi"]).startswith("QUAN HỆ HỢP TÁC QUỐC PHÒNG")
    assert text(first["authors"]) == "Trần Ngọc Dũng; Đàm Thị Thảo"
    assert (text(first["received"]), text(first["accepted"])) == ("2025-02-26", "2025-05-20")
    news = rows["source-004"]
    assert text(news["outlet"]) and text(news["published"]) == "2024-08-14"
    assert sum(1 for r in rows.values() if r["url"] is not None) >= 10
    assert all(r["title_en"] is not None and r["title_vi"] is not None for r in rows.values())


@pytest.mark.parametrize(
    ("params", "visits"),
    [
        ({"place": "moscow"}, {"visit-2024-08-phan-van-giang-russia"}),
        ({"person": "vladimir-putin", "destination": "vietnam"}, None),
        (
            {"person": "phan-van-giang"},
            {"visit-2023-phan-van-giang-russia", "visit-2024-08-phan-van-giang-russia"},
        ),
    ],
)
def test_visits_by_place_and_person(curated, params, visits):
    rows = answer(curated, "visits", **params)
    found = {text(r["visit"]).rsplit("/", 1)[-1] for r in rows}
    if visits is not None:
        assert found == visits
    else:
        assert len(found) >= 4 and all("putin" in v for v in found)
    if "place" in params:
        assert all("Moscow" in text(r["places"]) for r in rows)


def test_a_state_as_place_counts_the_places_in_it(curated):
    in_russia = {text(r["visit"]) for r in answer(curated, "visits", place="russia")}
    to_russia = {text(r["visit"]) for r in answer(curated, "visits", destination="russia")}
    assert to_russia <= in_russia and len(in_russia) >= 10


# --- issue 15: each quote once per fact ---------------------------------------------------------

#: The column naming the fact each row of a summary query is about (its quote is that fact's).
FACT_COLUMN = {
    "agreements": "agreement",
    "anniversaries": "anniversary",
    "arms-transfers": "transfer",
    "by-field": "fact",
    "firsts-and-milestones": "fact",
    "mechanisms": "mechanism",
    "meetings": "event",
    "partnerships": "partnership",
    "periods": "period",
    "projects": "project",
    "statements": "statement",
    "timeline": "item",
    "visits": "visit",
    "observations": "obs",
}


@pytest.mark.parametrize("name", sorted(FACT_COLUMN))
def test_a_summary_query_shows_each_quote_once_per_fact(curated, name):
    """arms-transfers printed one 600-character quote 22 times, once per weapon system."""
    rows = answer(curated, name)
    keys = [(text(r[FACT_COLUMN[name]]), text(r["quote"])) for r in rows]
    assert len(keys) == len(set(keys)), [k for k in keys if keys.count(k) > 1][:2]
    assert len({k[0] for k in keys}) == len(keys)  # one row per fact


@pytest.mark.parametrize("query", NAMED, ids=lambda q: q.name)
def test_no_query_repeats_a_row(curated, query):
    """evidence repeated each citation once per property linking its fact to the entity."""
    if any(not p.optional and p.default is None for p in query.params):
        pytest.skip("a required parameter")
    rows = [tuple(sorted((k, repr(v)) for k, v in r.items())) for r in answer(curated, query.name)]
    assert len(rows) == len(set(rows))


# --- issue 15: values with their units and the qualifiers that change their meaning -------------

SERIES = ["trade-series", "people-flows", "education", "investment", "arms-imports", "observations"]


@pytest.mark.parametrize("query", NAMED, ids=lambda q: q.name)
def test_every_value_has_its_unit_beside_it(query):
    names = columns(query.text)
    if "value" in names and query.name != "entity":
        assert names[names.index("value") + 1] == "unit", names


@pytest.mark.parametrize("name", SERIES)
def test_series_show_what_changes_a_value_s_meaning(name):
    names = set(columns(find_query(PROJECT, name).text))
    assert {"value", "unit", "qualifier", "reference", "note", "quote", "translation"} <= names


#: Observation properties that change what its value means, and the column showing each.
MEANING = {
    "vnru:valueQualifier": "qualifier",
    "vnru:category": "category",
    "vnru:rankOutOf": "rank_of",
    "vnru:shareOf": "share_of",
    "vnru:growthBasis": "growth_basis",
    "vnru:subject": "subject",
    "vnru:commodity": "commodity",
    "vnru:citation/vnru:viaReference": "reference",
}


def test_observations_show_every_qualifier_the_graph_holds(curated):
    rows = {text(r["obs"]): r for r in answer(curated, "observations")}
    for path, column in MEANING.items():
        having = curated["engine"].query(
            f"SELECT DISTINCT ?o WHERE {{ ?o a vnru:Observation ; {path} ?x }}"
        )
        assert having.rows, path
        for (obs,) in having.rows:
            assert rows[obs.value][column] is not None, (obs.value, column)


def test_people_flows_say_what_each_rank_is_among(curated):
    """2018: rank 1 among European source markets, rank 6 among all source markets."""
    ranks = {
        text(r["value"]): r
        for r in answer(curated, "people-flows")
        if text(r["period"]) == "2018" and text(r["unit"]) == "rank"
    }
    assert set(ranks) == {"1", "6"}
    assert text(ranks["1"]["category"]) == "among European source markets"
    assert ranks["6"]["category"] is None
    assert text(ranks["6"]["indicator_label"]) == "Rank among source markets"


def test_education_says_which_reference_each_figure_comes_from(curated):
    students = [
        r
        for r in answer(curated, "education")
        if text(r["indicator_label"]) == "Students studying abroad"
    ]
    assert len(students) == 2  # 5,000 twice: "more than" and "about", from two references
    assert {text(r["qualifier"]) for r in students} == {"more than", "about"}
    assert len({text(r["reference"]) for r in students}) == 2


def test_tables_read_numbers_and_data_formats_keep_raw_values(curated):
    from vnrukg.results import format_select

    query = find_query(PROJECT, "trade-series")
    result = curated["engine"].query(query.text, query.bindings({"indicator": "exports"}))
    table = format_select(result, "table", max_width=10_000)
    assert re.search(r"  245,000,000 +US dollars  ", table)
    csv = format_select(result, "csv")
    assert ",245000000,US dollars," in csv
