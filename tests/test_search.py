"""One search for the CLI and the endpoint: names of every described node, fuzzy suggestions,
and ranked full-text search over quotes, translations, summaries and notes."""

from __future__ import annotations

import csv
import io
import json

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from vnrukg.cli import cli
from vnrukg.names import fold
from vnrukg.project import Project
from vnrukg.search import build_index, search, search_text, snippet, suggestions
from vnrukg.store import INFERRED_GRAPH, load

from .conftest import ROOT

VNRD = "https://w3id.org/vnrukg/id/"


def test_fold():
    assert fold("  Đại tướng  PHAN Văn Giang ") == "dai tuong phan van giang"
    assert fold("Hà Nội") == fold("ha noi") == "ha noi"


def test_names_rank_exact_first_and_ignore_other_namespaces():
    graph = Graph()
    for slug, vi, en in [
        ("hanoi", "Hà Nội", "Hanoi"),
        ("hanoi-uni", "Đại học Hà Nội", "Hanoi University"),
    ]:
        graph.add((URIRef(VNRD + slug), SKOS.prefLabel, Literal(vi, lang="vi")))
        graph.add((URIRef(VNRD + slug), SKOS.prefLabel, Literal(en, lang="en")))
        graph.add((URIRef(VNRD + slug), URIRef(str(SKOS) + "x"), Literal("x")))
    from rdflib.namespace import RDF

    for slug in ("hanoi", "hanoi-uni"):
        graph.add((URIRef(VNRD + slug), RDF.type, URIRef(VNRD + "Place")))
    graph.add((URIRef("https://example.org/other"), SKOS.prefLabel, Literal("Hà Nội", lang="vi")))
    graph.add((URIRef("https://example.org/other"), RDF.type, URIRef(VNRD + "Place")))
    entries = build_index(graph)
    hits = search(entries, "HA NOI")
    assert [str(h.entry.iri) for h in hits] == [VNRD + "hanoi", VNRD + "hanoi-uni"]
    assert [str(h.entry.iri) for h in search(entries, "dai hoc")] == [VNRD + "hanoi-uni"]
    assert search(entries, "   ") == []


@pytest.fixture(scope="module")
def curated():
    kg = load(Project(ROOT))
    asserted = kg.graph - kg.named[INFERRED_GRAPH]
    return asserted, build_index(kg.graph, asserted)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("belarus", "belarus"),  # a state linked only from a cited reference
        ("source-002", "source-002"),  # a slug
        ("Quân khu 7", "ref-000-03"),  # a cited reference by its outlet
        ("Bao Quan khu 7", "bao-quan-khu-7"),
        ("to lam", "to-lam"),
        ("Ha An", "ha-an"),  # an author
    ],
)
def test_every_described_node_is_found_by_name(curated, text, expected):
    _graph, entries = curated
    hits = search(entries, text, limit=5)
    assert VNRD + expected in [str(h.entry.iri) for h in hits], [h.entry.iri for h in hits]


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("Phan Van Giong", "phan-van-giang"), ("belousv", "andrey-belousov"), ("moskow", "moscow")],
)
def test_typos_get_the_meant_name_first(curated, typo, meant):
    _graph, entries = curated
    assert search(entries, typo) == []
    assert str(suggestions(entries, typo)[0].entry.iri) == VNRD + meant


def test_full_text_finds_quotes_without_diacritics(curated):
    graph, _entries = curated
    with_marks = search_text(graph, "dầu khí", limit=None)
    assert with_marks == search_text(graph, "dau khi", limit=None)
    assert len(with_marks) >= 5
    assert {h.field for h in with_marks} >= {"quote"}
    assert all("«" in h.snippet for h in with_marks)
    owners = {str(h.entity) for h in with_marks}
    assert VNRD + "rusvietpetro" in owners
    assert not any("/citation/" in o for o in owners)


def test_full_text_ranks_phrases_first(curated):
    graph, _entries = curated
    hits = search_text(graph, "United Nations", limit=None)
    assert hits and all("united nations" in fold(h.text) for h in hits[:3])
    statements = {str(h.entity) for h in hits if "/stmt-" in str(h.entity)}
    assert len(statements) >= 3


def test_snippet_marks_matches_in_the_original_text():
    text = "Liên doanh Dầu khí Rusvietpetro đang triển khai dự án khai thác dầu khí"
    assert snippet(text, ["dau", "khi"]) == (
        "Liên doanh «Dầu» «khí» Rusvietpetro đang triển khai dự án khai thác «dầu» «khí»"
    )


def _cli(*args: str):
    return CliRunner().invoke(cli, ["--root", str(ROOT), *args])


def test_cli_search_belarus_finds_the_state_and_the_reference():
    result = _cli("search", "belarus", "--format", "json")
    assert result.exit_code == 0, result.output
    assert [row["id"] for row in json.loads(result.output)] == ["vnrd:belarus", "vnrd:ref-000-03"]


def test_cli_search_suggests_on_a_typo():
    result = _cli("search", "Phan Van Giong")
    assert result.exit_code == 1
    assert "no names match 'Phan Van Giong'; did you mean: vnrd:phan-van-giang" in result.output


def test_cli_full_text_search():
    result = _cli("search", "--text", "dầu khí", "--format", "csv", "--limit", "3")
    assert result.exit_code == 0, result.output
    rows = list(csv.reader(io.StringIO(result.output)))
    assert rows[0] == ["entity", "name", "field", "text", "node"]
    assert len(rows) == 4 and all(
        "dầu khí" in fold(r[3]) or "dau khi" in fold(r[3]) for r in rows[1:]
    )
