"""The SPARQL 1.1 Protocol on a real server, through SPARQLWrapper (a real client) and httpx."""

from __future__ import annotations

import csv
import io

import httpx
import pytest
from rdflib import Graph, Literal, URIRef
from SPARQLWrapper import (
    CSV,
    JSON,
    JSONLD,
    POST,
    POSTDIRECTLY,
    TSV,
    TURTLE,
    XML,
    SPARQLWrapper,
)
from SPARQLWrapper.SPARQLExceptions import EndPointInternalError, QueryBadFormed, Unauthorized

pytestmark = pytest.mark.server

VNRD = "https://w3id.org/vnrukg/id/"
PEOPLE = """PREFIX vnru: <https://w3id.org/vnrukg/ontology#>
SELECT ?person ?name WHERE { ?person a vnru:Person ; skos:prefLabel ?name .
  FILTER(LANG(?name) = "vi") } ORDER BY ?person"""
CONSTRUCT = "CONSTRUCT { ?s skos:prefLabel ?l } WHERE { ?s a vnru:State ; skos:prefLabel ?l }"


def client(server, fmt, method=None) -> SPARQLWrapper:
    wrapper = SPARQLWrapper(server.url + "/sparql", returnFormat=fmt)
    if method:
        wrapper.setMethod(POST)
        wrapper.setRequestMethod(method)
    return wrapper


def run(server, query, fmt, method=None):
    wrapper = client(server, fmt, method)
    wrapper.setQuery(query)
    return wrapper.query()


@pytest.mark.parametrize("method", [None, "urlencoded", POSTDIRECTLY])
def test_select_json_by_get_post_form_and_post_direct(server, method):
    result = run(server, PEOPLE, JSON, method)
    assert result.response.headers["Content-Type"].startswith("application/sparql-results+json")
    data = result.convert()
    assert data["head"]["vars"] == ["person", "name"]
    assert [
        (b["person"]["value"], b["name"]["value"], b["name"]["xml:lang"])
        for b in data["results"]["bindings"]
    ] == [
        (VNRD + "andrey-belousov", "Andrey Removich Belousov", "vi"),
        (VNRD + "phan-van-giang", "Phan Văn Giang", "vi"),
    ]


def test_select_xml(server):
    document = run(server, PEOPLE, XML).convert()
    names = [e.firstChild.data for e in document.getElementsByTagName("literal")]
    assert names == ["Andrey Removich Belousov", "Phan Văn Giang"]
    assert [e.getAttribute("xml:lang") for e in document.getElementsByTagName("literal")] == [
        "vi",
        "vi",
    ]
    root = document.documentElement
    assert root.namespaceURI == "http://www.w3.org/2005/sparql-results#"


def test_select_csv_is_w3c_csv(server):
    result = run(server, PEOPLE, CSV)
    assert result.response.headers["Content-Type"].startswith("text/csv")
    body = result.convert().decode("utf-8")
    assert body == (
        "person,name\r\n"
        f"{VNRD}andrey-belousov,Andrey Removich Belousov\r\n"
        f"{VNRD}phan-van-giang,Phan Văn Giang\r\n"
    )
    assert list(csv.reader(io.StringIO(body)))[2][1] == "Phan Văn Giang"


def test_select_tsv_writes_terms_in_turtle_syntax(server):
    body = run(server, PEOPLE, TSV).convert().decode("utf-8")
    assert body == (
        "?person\t?name\n"
        f'<{VNRD}andrey-belousov>\t"Andrey Removich Belousov"@vi\n'
        f'<{VNRD}phan-van-giang>\t"Phan Văn Giang"@vi\n'
    )


@pytest.mark.parametrize(
    ("fmt", "expected"),
    [
        (JSON, {"head": {}, "boolean": True}),
        (CSV, b"_askResult\r\ntrue\r\n"),
        (TSV, b"?_askResult\ntrue\n"),
    ],
)
def test_ask(server, fmt, expected):
    assert run(server, "ASK { ?t a vnru:Treaty }", fmt).convert() == expected


def test_ask_xml(server):
    document = run(server, "ASK { ?t a vnru:Spaceship }", XML).convert()
    assert document.getElementsByTagName("boolean")[0].firstChild.data == "false"


def _states(graph: Graph) -> set[tuple[str, str]]:
    return {(str(s), str(o)) for s, _p, o in graph if isinstance(o, Literal) and o.language == "en"}


EXPECTED_STATES = {
    (VNRD + "russia", "Russian Federation"),
    (VNRD + "soviet-union", "Soviet Union"),
    (VNRD + "vietnam", "Socialist Republic of Vietnam"),
}


@pytest.mark.parametrize(("fmt", "media"), [(TURTLE, "text/turtle"), (XML, "application/rdf+xml")])
def test_construct_turtle_and_rdfxml(server, fmt, media):
    result = run(server, CONSTRUCT, fmt)
    assert result.response.headers["Content-Type"].startswith(media)
    graph = result.convert()
    if not isinstance(graph, Graph):
        graph = Graph().parse(data=graph, format="turtle")
    assert _states(graph) == EXPECTED_STATES
    assert len(graph) == 6


def test_construct_jsonld(server):
    result = run(server, CONSTRUCT, JSONLD)
    assert result.response.headers["Content-Type"].startswith("application/ld+json")
    graph = result.convert()
    assert _states(graph) == EXPECTED_STATES


def test_construct_ntriples_by_accept(server):
    wrapper = client(server, TURTLE)
    wrapper.setOnlyConneg(True)
    wrapper.addCustomHttpHeader("Accept", "application/n-triples")
    wrapper.setQuery(CONSTRUCT)
    result = wrapper.query()
    assert result.response.headers["Content-Type"].startswith("application/n-triples")
    text = result.response.read().decode("utf-8")
    lines = text.splitlines()
    assert len(lines) == 6 and lines == sorted(lines)
    assert _states(Graph().parse(data=text, format="nt")) == EXPECTED_STATES


def test_format_parameter_overrides_accept(server):
    response = httpx.get(
        server.url + "/sparql",
        params={"query": PEOPLE, "format": "csv"},
        headers={"Accept": "application/sparql-results+xml"},
    )
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["vary"] == "Accept"


def test_unacceptable_format_is_406(server):
    response = httpx.get(
        server.url + "/sparql", params={"query": PEOPLE}, headers={"Accept": "image/png"}
    )
    assert response.status_code == 406
    assert response.json()["error"] == "not-acceptable"


def test_unknown_format_parameter_is_400(server):
    response = httpx.get(server.url + "/sparql", params={"query": PEOPLE, "format": "yaml"})
    assert response.status_code == 400
    assert response.json()["message"].startswith("unknown format 'yaml'")


def test_service_description(server):
    response = httpx.get(server.url + "/sparql", headers={"Accept": "text/turtle"})
    assert response.status_code == 200
    graph = Graph().parse(data=response.text, format="turtle")
    sd = "http://www.w3.org/ns/sparql-service-description#"
    service = URIRef(server.url + "/sparql#service")
    assert (service, URIRef(sd + "endpoint"), URIRef(server.url + "/sparql")) in graph
    assert (service, URIRef(sd + "supportedLanguage"), URIRef(sd + "SPARQL11Query")) in graph
    formats = {str(o) for o in graph.objects(service, URIRef(sd + "resultFormat"))}
    assert "http://www.w3.org/ns/formats/SPARQL_Results_CSV" in formats
    assert len(formats) == 8


def test_browser_on_sparql_goes_to_the_query_page(server):
    response = httpx.get(server.url + "/sparql", headers={"Accept": "text/html"})
    assert response.status_code == 303
    assert response.headers["location"] == "/query"


def test_syntax_error_names_line_and_column(server):
    response = httpx.post(
        server.url + "/sparql",
        content="SELECT ?s\nWHERE { ?s ?p }",
        headers={"Content-Type": "application/sparql-query"},
    )
    assert response.status_code == 400
    problem = response.json()
    assert (problem["status"], problem["error"], problem["line"]) == (400, "syntax-error", 2)
    assert isinstance(problem["column"], int)
    assert problem["message"].startswith("SPARQL syntax error at line 2, column")


def test_syntax_error_through_sparqlwrapper(server):
    with pytest.raises(QueryBadFormed):
        run(server, "SELECT * WHERE { ?s ?p", JSON)


UPDATE = "INSERT DATA { <urn:a> <urn:b> <urn:c> }"


def test_update_through_sparqlwrapper_is_refused(server):
    wrapper = SPARQLWrapper(server.url + "/sparql", server.url + "/sparql")
    wrapper.setMethod(POST)
    wrapper.setQuery(UPDATE)
    with pytest.raises((Unauthorized, EndPointInternalError, Exception)) as caught:
        wrapper.query()
    assert "403" in str(caught.value)


@pytest.mark.parametrize(
    ("content", "media", "params"),
    [
        (UPDATE, "application/sparql-update", {}),
        ("update=" + UPDATE, "application/x-www-form-urlencoded", {}),
        (UPDATE, "application/sparql-query", {}),
        ("DROP ALL", "application/sparql-query", {}),
        ("LOAD <http://127.0.0.1:9/data.ttl>", "application/sparql-query", {}),
    ],
)
def test_updates_are_refused_with_403(server, content, media, params):
    response = httpx.post(
        server.url + "/sparql", content=content, headers={"Content-Type": media}, params=params
    )
    assert response.status_code == 403
    problem = response.json()
    assert problem["error"] == "forbidden"
    assert "read-only" in problem["message"]
    after = httpx.get(
        server.url + "/sparql",
        params={"query": "ASK { <urn:a> ?p ?o }"},
        headers={"Accept": "application/json"},
    )
    assert after.json()["boolean"] is False


def test_update_parameter_on_get_is_refused(server):
    response = httpx.get(server.url + "/sparql", params={"update": UPDATE})
    assert response.status_code == 403


def test_dataset_parameters_are_refused(server):
    response = httpx.get(
        server.url + "/sparql", params={"query": PEOPLE, "default-graph-uri": "file:///etc/passwd"}
    )
    assert response.status_code == 403
    assert "default-graph-uri" in response.json()["message"]


def test_request_size_is_capped(server):
    big = "SELECT * WHERE { ?s ?p ?o } #" + "x" * 5000
    response = httpx.post(
        server.url + "/sparql", content=big, headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 413
    assert response.json()["error"] == "too-large"
    response = httpx.get(server.url + "/sparql", params={"query": big})
    assert response.status_code == 413


def test_other_post_bodies_are_415(server):
    response = httpx.post(
        server.url + "/sparql", content="{}", headers={"Content-Type": "application/json"}
    )
    assert response.status_code == 415


def test_rows_are_capped_and_the_cut_is_said(server):
    response = httpx.get(
        server.url + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }", "format": "json"}
    )
    assert response.status_code == 200
    assert len(response.json()["results"]["bindings"]) == 50
    assert response.headers["x-sparql-maxrows"] == "50"
    small = httpx.get(server.url + "/sparql", params={"query": PEOPLE, "format": "json"})
    assert "x-sparql-maxrows" not in small.headers


def test_cors_is_off_by_default(server):
    response = httpx.get(
        server.url + "/sparql", params={"query": PEOPLE}, headers={"Origin": "https://example.org"}
    )
    assert "access-control-allow-origin" not in response.headers


def test_method_not_allowed(server):
    response = httpx.put(server.url + "/sparql", content="x")
    assert response.status_code == 405
    assert response.json()["error"] == "method-not-allowed"
