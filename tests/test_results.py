"""Result formats, compared with golden files (regenerate: VNRUKG_REGENERATE=1)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from vnrukg.errors import UsageError
from vnrukg.queries import find_query, run
from vnrukg.results import format_graph, format_select, render_table

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
REGENERATE = os.environ.get("VNRUKG_REGENERATE") == "1"


def _golden(name: str, text: str) -> None:
    path = GOLDEN / name
    if REGENERATE:
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8"), f"{name} differs (regenerate if intended)"


CASES = [
    ("agreements", {}, "table"),
    ("agreements", {}, "csv"),
    ("agreements", {}, "tsv"),
    ("agreements", {}, "json"),
    ("agreements", {}, "jsonl"),
    ("posts-held", {"person": "phan-van-giang"}, "table"),
    ("agreement-lineage", {}, "csv"),
]


@pytest.mark.parametrize(("name", "params", "fmt"), CASES)
def test_named_query_output(example_project, example_kg, name, params, fmt):
    query = find_query(example_project, name)
    result = run(example_kg.graph, query.text, query.bindings(params))
    text = format_select(result, fmt, max_width=2000)
    _golden(f"{name}.{fmt}", text)


def test_json_is_sparql_results_json(example_project, example_kg):
    query = find_query(example_project, "agreements")
    payload = json.loads(format_select(run(example_kg.graph, query.text), "json"))
    assert payload["head"]["vars"][:3] == ["signed", "type", "agreement"]
    first = payload["results"]["bindings"][0]
    assert first["signed"] == {
        "type": "literal",
        "value": "1978-11-03",
        "datatype": "http://www.w3.org/2001/XMLSchema#date",
    }
    assert first["agreement"]["type"] == "uri"


def test_ask_in_every_format(example_kg):
    result = run(example_kg.graph, "ASK { vnrd:treaty-1994 vnru:replaces vnrd:treaty-1978 }")
    assert format_select(result, "table") == "true\n"
    assert json.loads(format_select(result, "json")) == {"head": {}, "boolean": True}
    assert format_select(result, "csv") == "true\n"


def test_construct_as_turtle(example_kg):
    result = run(
        example_kg.graph, "CONSTRUCT { ?s vnru:replaces ?o } WHERE { ?s vnru:replaces ?o }"
    )
    text = format_graph(result, "ttl")
    assert "vnrd:treaty-1994 vnru:replaces vnrd:treaty-1978 ." in text
    with pytest.raises(UsageError, match="unknown RDF format 'csv'"):
        format_graph(result, "csv")


def test_wide_tables_become_records():
    text = render_table(["a", "b"], [["x" * 50, "y" * 50]], max_width=60)
    assert text.startswith("-[ row 1 ]")
    assert "a | " + "x" * 50 in text
    narrow = render_table(["a", "b"], [["x", "y"]], max_width=60)
    assert narrow == "a  b\n-  -\nx  y\n(1 row)\n"


def test_empty_result():
    assert render_table(["a"], []) == "(no results)\n"


def test_unknown_format(example_kg):
    result = run(example_kg.graph, "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    with pytest.raises(UsageError, match="unknown result format 'xml'"):
        format_select(result, "xml")
