"""Named queries: headers, parameters bound (never pasted), unsafe queries refused."""

from __future__ import annotations

import socket
import threading

import pyoxigraph as ox
import pytest

from vnrukg.errors import QuerySyntaxError, UsageError, VnrukgError
from vnrukg.sparql import (
    QueryResult,
    Term,
    find_query,
    list_queries,
    load_query,
    make_engine,
    parameter_term,
    parse_header,
)

from ..conftest import ROOT

XSD = "http://www.w3.org/2001/XMLSchema#"
VNRD = "https://w3id.org/vnrukg/id/"
VNRU = "https://w3id.org/vnrukg/ontology#"


def Literal(text: str, datatype: str | None = None) -> ox.Literal:
    return ox.Literal(text, datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(text)


def run(graph, text: str, bindings: dict[str, Term] | None = None) -> QueryResult:
    return make_engine(graph, "rdflib").query(text, bindings)


to_term = parameter_term

HEADER = """# title: Example
# description: First line
#   continues here.
# param: person (iri, optional): a person
# param: since (integer, default=1950): first year
# param: text (string): required text
# tags: a, b
SELECT * WHERE { ?s ?p ?o }
"""


def test_header_is_parsed(tmp_path):
    path = tmp_path / "example.rq"
    path.write_text(HEADER, encoding="utf-8")
    query = load_query(path)
    assert query.name == "example"
    assert query.title == "Example"
    assert query.description == "First line continues here."
    assert [(p.name, p.type, p.optional, p.default) for p in query.params] == [
        ("person", "iri", True, None),
        ("since", "integer", False, "1950"),
        ("text", "string", False, None),
    ]
    assert query.tags == ("a", "b")
    assert parse_header("SELECT * WHERE {}") == {}


def test_bindings_convert_types_and_apply_defaults(tmp_path):
    path = tmp_path / "example.rq"
    path.write_text(HEADER, encoding="utf-8")
    query = load_query(path)
    bound = query.bindings({"person": "phan-van-giang", "text": "x"})
    assert bound == {
        "person": ox.NamedNode(VNRD + "phan-van-giang"),
        "since": Literal("1950", XSD + "integer"),
        "text": Literal("x"),
    }
    with pytest.raises(UsageError, match="needs --param text=VALUE"):
        query.bindings({})
    with pytest.raises(UsageError, match="has no parameter 'persn'; did you mean person"):
        query.bindings({"persn": "x", "text": "y"})


@pytest.mark.parametrize(
    ("value", "kind", "expected"),
    [
        ("vnrd:to-lam", "iri", ox.NamedNode(VNRD + "to-lam")),
        ("to-lam", "iri", ox.NamedNode(VNRD + "to-lam")),
        ("https://example.org/x", "iri", ox.NamedNode("https://example.org/x")),
        ("<https://example.org/x>", "iri", ox.NamedNode("https://example.org/x")),
        ("vnru:Treaty", "iri", ox.NamedNode(VNRU + "Treaty")),
        ("2024", "date", Literal("2024", XSD + "gYear")),
        ("2024-08", "date", Literal("2024-08", XSD + "gYearMonth")),
        ("2024-08-13", "date", Literal("2024-08-13", XSD + "date")),
        ("12", "integer", Literal("12", XSD + "integer")),
        ("true", "boolean", Literal("true", XSD + "boolean")),
    ],
)
def test_to_term(value, kind, expected):
    assert to_term(value, kind) == expected


@pytest.mark.parametrize(
    ("value", "kind", "message"),
    [
        ("abc", "integer", "parameter value: 'abc' is not a valid integer"),
        ("2024-8", "date", "expected YYYY, YYYY-MM or YYYY-MM-DD"),
        ("nope:x", "iri", "unknown prefix 'nope'"),
        ("maybe", "boolean", "expected true or false"),
        ("russia> . ?x ?y ?z . <x", "iri", "is not a valid iri"),
        ("has space", "iri", "is not a valid iri"),
    ],
)
def test_bad_parameter_values(value, kind, message):
    with pytest.raises(UsageError, match=message):
        to_term(value, kind)


def test_parameter_values_are_bound_not_pasted(example_kg):
    text = "SELECT ?l WHERE { ?s skos:prefLabel ?l FILTER(CONTAINS(STR(?l), ?needle)) }"
    evil = '") } } SELECT * WHERE { ?s ?p ?o } #'
    result = run(example_kg.graph, text, {"needle": Literal(evil)})
    assert result.rows == []
    result = run(example_kg.graph, text, {"needle": Literal("Giang")})
    assert {r[0].value for r in result.rows} >= {"Phan Văn Giang"}


def test_unknown_query_suggests_near_names(example_project):
    with pytest.raises(VnrukgError, match="no query named 'timelin'; did you mean timeline"):
        find_query(example_project, "timelin")


def test_syntax_error_names_line_and_column(example_kg):
    with pytest.raises(QuerySyntaxError) as info:
        run(example_kg.graph, "SELECT ?s WHERE {\n  ?s ?p \n}")
    assert (info.value.line, info.value.column) == (2, 3)
    assert (
        str(info.value) == "SPARQL syntax error at line 2, column 3: cannot parse from here: ?s ?p"
    )


class _Listener:
    """A local TCP listener that counts connections (to prove none are made)."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(5)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.hits = 0
        self.stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self.stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            self.hits += 1
            conn.close()

    def close(self):
        self.stop = True
        self.thread.join()
        self.sock.close()


@pytest.mark.parametrize(
    ("template", "message"),
    [
        (
            "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}",
            "SERVICE is not allowed",
        ),
        (
            "SELECT * FROM <http://127.0.0.1:{port}/data.ttl> WHERE {{ ?s ?p ?o }}",
            "FROM / FROM NAMED",
        ),
        (
            "SELECT * FROM NAMED <http://127.0.0.1:{port}/g> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
            "FROM / FROM NAMED",
        ),
        ("LOAD <http://127.0.0.1:{port}/data.ttl>", "SPARQL Update"),
        ("INSERT DATA {{ <http://x> <http://y> <http://z> }}", "SPARQL Update"),
    ],
)
def test_requests_and_updates_are_refused(example_kg, template, message):
    listener = _Listener()
    try:
        with pytest.raises(VnrukgError, match=message):
            run(example_kg.graph, template.format(port=listener.port))
    finally:
        listener.close()
    assert listener.hits == 0


def test_from_a_local_file_is_refused(example_kg, tmp_path):
    secret = tmp_path / "secret.ttl"
    secret.write_text("<http://x/secret> <http://x/p> 'TOP SECRET' .", encoding="utf-8")
    with pytest.raises(VnrukgError, match="FROM"):
        run(example_kg.graph, f"SELECT ?o FROM <{secret.as_uri()}> WHERE {{ ?s ?p ?o }}")


def test_every_named_query_has_a_complete_header():
    from vnrukg.project import Project

    queries = list_queries(Project(ROOT))
    named = [q for q in queries if not q.name.endswith("-violation")]
    assert len(named) >= 30
    for query in queries:
        assert query.title and query.title != query.name, query.name
        assert len(query.description) > 40, query.name
        assert query.tags, query.name


def test_every_named_query_runs_on_the_example(example_project, example_kg):
    for query in list_queries(example_project):
        bindings = query.bindings({})
        result = run(example_kg.graph, query.text, bindings)
        assert result.kind == "SELECT", query.name
        if query.name.endswith("-violation"):
            assert result.rows == [], (query.name, result.rows)


def test_named_queries_find_nothing_in_an_empty_graph():
    """No engine invents a row: rdflib once turned an empty GROUP BY into one unbound row."""
    from rdflib import Graph

    from vnrukg.project import Project
    from vnrukg.sparql.engines.oxigraph import OxigraphEngine
    from vnrukg.sparql.engines.rdflib import RdflibEngine

    engines = [RdflibEngine(Graph()), OxigraphEngine(ox.Store())]
    for query in list_queries(Project(ROOT)):
        for engine in engines:
            result = engine.query(query.text, query.bindings({}))
            assert result.rows == [], (query.name, engine.name, result.rows[:2])
