"""Result formats, compared with golden files (regenerate: VNRUKG_REGENERATE=1)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from vnrukg.errors import UsageError
from vnrukg.results import (
    format_graph,
    format_select,
    render_table,
    sparql_csv,
    sparql_json,
    sparql_tsv,
    sparql_xml,
)
from vnrukg.sparql import QueryResult, find_query, make_engine

GOLDEN = Path(__file__).parent / "fixtures" / "golden"
REGENERATE = os.environ.get("VNRUKG_REGENERATE") == "1"


def run(graph, text: str, bindings=None) -> QueryResult:
    return make_engine(graph, "rdflib").query(text, bindings)


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


# --- the W3C SPARQL result formats the endpoint serves, byte for byte ---------------------------

to_json, to_xml, to_csv, to_tsv = sparql_json, sparql_xml, sparql_csv, sparql_tsv

XSD = "http://www.w3.org/2001/XMLSchema#"
ROW = (
    ox.NamedNode("https://w3id.org/vnrukg/id/x"),
    ox.Literal('say "hi",\tthen\nbye', language="en"),
)
RESULT = QueryResult(
    "SELECT",
    ["s", "o", "n"],
    [
        (*ROW, ox.Literal("3", datatype=ox.NamedNode(XSD + "integer"))),
        (ox.BlankNode("b0"), None, ox.Literal("2024", datatype=ox.NamedNode(XSD + "gYear"))),
    ],
)


def test_json():
    assert to_json(RESULT) == (
        '{"head": {"vars": ["s", "o", "n"]}, "results": {"bindings": ['
        '{"s": {"type": "uri", "value": "https://w3id.org/vnrukg/id/x"}, '
        '"o": {"type": "literal", "value": "say \\"hi\\",\\tthen\\nbye", "xml:lang": "en"}, '
        '"n": {"type": "literal", "value": "3", '
        '"datatype": "http://www.w3.org/2001/XMLSchema#integer"}}, '
        '{"s": {"type": "bnode", "value": "b0"}, "n": {"type": "literal", "value": "2024", '
        '"datatype": "http://www.w3.org/2001/XMLSchema#gYear"}}]}}'
    )
    assert to_json(QueryResult("ASK", boolean=False)) == '{"head": {}, "boolean": false}'


def test_xml():
    assert to_xml(RESULT).splitlines()[7:11] == [
        "  <results>",
        "    <result>",
        '      <binding name="s"><uri>https://w3id.org/vnrukg/id/x</uri></binding>',
        '      <binding name="o"><literal xml:lang="en">say "hi",\tthen',
    ]
    assert "<bnode>b0</bnode>" in to_xml(RESULT)
    assert "<boolean>true</boolean>" in to_xml(QueryResult("ASK", boolean=True))


def test_csv_quotes_and_crlf():
    assert to_csv(RESULT) == (
        's,o,n\r\nhttps://w3id.org/vnrukg/id/x,"say ""hi"",\tthen\nbye",3\r\n_:b0,,2024\r\n'
    )


def test_tsv_escapes_in_turtle_syntax():
    assert to_tsv(RESULT) == (
        "?s\t?o\t?n\n"
        '<https://w3id.org/vnrukg/id/x>\t"say \\"hi\\",\\tthen\\nbye"@en\t'
        '"3"^^<http://www.w3.org/2001/XMLSchema#integer>\n'
        '_:b0\t\t"2024"^^<http://www.w3.org/2001/XMLSchema#gYear>\n'
    )


def test_plain_literals_keep_xsd_string_implicit():
    plain = QueryResult("SELECT", ["v"], [(ox.Literal("x"),)])
    assert '"datatype"' not in to_json(plain)
    typed = QueryResult(
        "SELECT", ["v"], [(ox.Literal("x", datatype=ox.NamedNode(XSD + "string")),)]
    )
    assert to_json(typed) == to_json(plain)


def test_pyoxigraph_serializer_is_not_byte_identical_so_ours_stays():
    """Why the endpoint keeps its own writers (see vnrukg.results): pyoxigraph's serializer
    writes other bytes for the same solutions, and takes no rows but its own query's."""
    store = ox.Store()
    subject, obj = ROW
    store.add(ox.Quad(subject, ox.NamedNode("urn:p"), obj))
    store.add(ox.Quad(ox.BlankNode("b0"), ox.NamedNode("urn:n"), RESULT.rows[0][2]))
    text = "SELECT ?o ?n WHERE { OPTIONAL { ?s <urn:p> ?o } OPTIONAL { ?t <urn:n> ?n } }"
    ours = QueryResult("SELECT", ["o", "n"], [(obj, RESULT.rows[0][2])])
    for fmt, writer in (
        (ox.QueryResultsFormat.JSON, to_json),
        (ox.QueryResultsFormat.XML, to_xml),
        (ox.QueryResultsFormat.TSV, to_tsv),
    ):
        theirs = store.query(text).serialize(format=fmt).decode("utf-8")
        assert theirs != writer(ours), fmt
    tsv = store.query(text).serialize(format=ox.QueryResultsFormat.TSV).decode("utf-8")
    assert "\t3\n" in tsv and '"3"^^<http://www.w3.org/2001/XMLSchema#integer>' in to_tsv(ours)
    with pytest.raises(TypeError):
        ox.QuerySolutions()  # no way to hand it rows of our own
