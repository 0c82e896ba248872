"""Results cut at the byte cap: never longer than the cap, and saying so in the body."""

from __future__ import annotations

import csv
import io
import json
import xml.dom.minidom

import pyoxigraph as ox
import pytest
import rdflib

from vnrukg.server.capped import write_graph, write_table
from vnrukg.server.negotiation import GRAPH, TABLE
from vnrukg.server.worker import write
from vnrukg.sparql import QueryResult

EX = "https://w3id.org/vnrukg/id/"


def _rows(n: int, size: int = 50) -> QueryResult:
    rows = [(ox.NamedNode(f"{EX}e{i}"), ox.Literal("x" * size, language="vi")) for i in range(n)]
    return QueryResult("SELECT", ["s", "label"], rows)


def _triples(n: int) -> QueryResult:
    p = ox.NamedNode("http://www.w3.org/2004/02/skos/core#prefLabel")
    triples = [ox.Triple(ox.NamedNode(f"{EX}e{i}"), p, ox.Literal(f"name {i}")) for i in range(n)]
    return QueryResult("CONSTRUCT", triples=triples)


@pytest.mark.parametrize("fmt", TABLE, ids=lambda f: f.name)
def test_a_table_result_is_cut_at_the_byte_cap_and_says_so(fmt):
    body, cut = write_table(_rows(500), fmt, 8192)
    assert cut is not None and cut.limit == "bytes"
    assert len(body) <= 8192
    text = body.decode("utf-8")
    assert f"result cut after {cut.kept} rows or triples at 8192 bytes" in text
    if fmt.name == "json":
        data = json.loads(text)
        assert len(data["results"]["bindings"]) == cut.kept > 0
        assert data["truncated"]["limit"] == "bytes"
    elif fmt.name == "xml":
        dom = xml.dom.minidom.parseString(body)
        assert len(dom.getElementsByTagName("result")) == cut.kept
    else:
        lines = text.splitlines()
        assert lines[-1].startswith("# result cut")
        rows = list(csv.reader(io.StringIO(text), delimiter="," if fmt.name == "csv" else "\t"))
        assert len(rows) == cut.kept + 2  # heading, rows, the note


@pytest.mark.parametrize("fmt", TABLE, ids=lambda f: f.name)
def test_a_single_huge_value_is_never_written(fmt):
    """A one-row result of 50 MB: the row is judged by its length before it is written."""
    body, cut = write_table(_rows(1, 50_000_000), fmt, 8192)
    assert cut is not None and cut.kept == 0
    assert len(body) < 2000


@pytest.mark.parametrize("fmt", TABLE, ids=lambda f: f.name)
def test_an_uncut_result_is_the_plain_w3c_format(fmt):
    result = _rows(3)
    body, cut = write_table(result, fmt, 1 << 20)
    assert cut is None
    assert body == fmt.write(result).encode("utf-8")


@pytest.mark.parametrize("fmt", GRAPH, ids=lambda f: f.name)
def test_a_graph_result_is_cut_at_the_byte_cap_and_still_parses(fmt):
    body, cut = write_graph(_triples(2000), fmt, 8192)
    assert cut is not None and 0 < cut.kept < 2000
    assert len(body) <= 8192
    assert b"result cut after" in body
    parsed = rdflib.Graph().parse(data=body, format=fmt.media_type)
    assert len(parsed) == cut.kept


def test_a_row_cut_is_said_in_the_body_too():
    json_format = TABLE[0]
    reply = write(_rows(20), json_format, 5, 1 << 20)
    data = json.loads(reply.body)
    assert len(data["results"]["bindings"]) == 5
    assert data["truncated"] == {
        "limit": "rows",
        "size": 5,
        "message": "result cut at 5 rows or triples (the server's limit); "
        "add LIMIT and OFFSET to page through the rest",
    }
    assert reply.headers == {"X-SPARQL-MaxRows": "5"}
    turtle = write(_triples(20), GRAPH[0], 5, 1 << 20)
    assert turtle.body.decode().endswith(
        "# result cut at 5 rows or triples (the server's limit); add LIMIT and OFFSET to page through the rest\n"
    )


def test_a_worker_takes_no_more_rows_than_it_may_send():
    """The worker hands the engine its budget: of a 2,000-row result it holds the rows it may
    send and the one that passes the cap, never the rest."""
    from vnrukg.server.worker import Job, answer
    from vnrukg.sparql.engines.oxigraph import OxigraphEngine

    store = ox.Store()
    base = "https://w3id.org/vnrukg/data/"
    for i in range(2000):
        store.add(
            ox.Quad(ox.NamedNode(f"{base}s{i}"), ox.NamedNode(f"{base}p"), ox.Literal("x" * 40))
        )
    held: list[int] = []

    class Counting(OxigraphEngine):
        def query(self, text, bindings=None, *, budget=None):
            result = super().query(text, bindings, budget=budget)
            held.append(len(result.rows))
            return result

    job = Job("SELECT ?s ?o WHERE { ?s ?p ?o }", accept="application/sparql-results+json")
    reply = answer(Counting(store), job, max_rows=10_000, max_bytes=4096)
    assert json.loads(reply.body)["truncated"]["limit"] == "bytes"
    assert held and held[0] < 60  # about 4,096 bytes of 80-character rows, not 2,000 rows
    answer(Counting(store), job, max_rows=7, max_bytes=1 << 20)
    assert held[1] == 8
