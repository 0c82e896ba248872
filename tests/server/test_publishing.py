"""Publishing: dumps with validators and conditional GET, VoID linking them, the service
description listing the named graphs, GRAPH queries (SPARQLWrapper) and graph IRIs that
dereference; links that are never anything but http(s); the network page's strict policy."""

from __future__ import annotations

import gzip

import httpx
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF
from SPARQLWrapper import JSON, SPARQLWrapper

from vnrukg.project import Project
from vnrukg.server.config import ServerConfig
from vnrukg.server.local import get
from vnrukg.store import load

VOID = Namespace("http://rdfs.org/ns/void#")
SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
INFERRED = URIRef("https://w3id.org/vnrukg/graph/inferred")
EXAMPLE = URIRef("https://w3id.org/vnrukg/graph/graph/example")

pytestmark = pytest.mark.server


def test_dumps_have_validators_and_answer_conditional_gets(server):
    url = server.url + "/dumps/vnrukg.ttl"
    first = httpx.get(url)
    assert first.status_code == 200
    assert first.headers["content-type"] == "text/turtle; charset=utf-8"
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    graph = Graph().parse(data=first.text, format="turtle")
    assert (URIRef("https://w3id.org/vnrukg/id/russia"), None, None) in graph
    assert httpx.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert httpx.get(url, headers={"If-Modified-Since": modified}).status_code == 304
    assert httpx.get(url, headers={"If-None-Match": '"other"'}).status_code == 200
    again = httpx.get(url)
    assert again.content == first.content and again.headers["etag"] == etag
    zipped = httpx.get(url + ".gz")
    assert zipped.headers["content-type"] == "application/gzip"
    assert gzip.decompress(zipped.content) == first.content
    head = httpx.head(url)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == str(len(first.content))
    assert httpx.get(server.url + "/dumps/vnrukg.exe").status_code == 404


def test_the_quad_dumps_keep_the_named_graphs(server):
    for name, fmt in (("vnrukg.nq", "nquads"), ("vnrukg.trig", "trig")):
        data = httpx.get(f"{server.url}/dumps/{name}").text
        dataset = Dataset()
        dataset.parse(data=data, format=fmt)
        names = {g.identifier for g in dataset.graphs()}
        assert {INFERRED, EXAMPLE} <= names, name


def test_void_links_the_dumps_and_names_the_endpoint_from_configuration(server):
    response = httpx.get(
        server.url + "/.well-known/void",
        headers={"Accept": "text/turtle", "Host": "evil.example"},
    )
    void = Graph().parse(data=response.text, format="turtle")
    dataset = URIRef("https://w3id.org/vnrukg/")
    dumps = {str(d) for d in void.objects(dataset, VOID.dataDump)}
    assert f"{server.url}/dumps/vnrukg.nq.gz" in dumps and len(dumps) == 10
    assert set(void.objects(dataset, VOID.sparqlEndpoint)) == {URIRef(server.url + "/sparql")}
    (modified,) = void.objects(dataset, DCTERMS.modified)
    assert isinstance(modified, Literal) and modified.datatype.endswith("dateTime")
    assert "evil.example" not in response.text


def test_service_description_lists_the_named_graphs(server):
    response = httpx.get(
        server.url + "/sparql", headers={"Accept": "text/turtle", "Host": "evil.example"}
    )
    described = Graph().parse(data=response.text, format="turtle")
    names = {described.value(g, SD.name) for g in described.subjects(RDF.type, SD.NamedGraph)}
    assert {INFERRED, EXAMPLE} <= names
    assert (URIRef(server.url + "/sparql#service"), SD.endpoint, None) in described
    assert "evil.example" not in response.text


def test_named_graphs_answer_graph_queries_through_the_protocol(server):
    client = SPARQLWrapper(server.url + "/sparql", returnFormat=JSON)
    client.setQuery(
        "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
    )
    rows = client.query().convert()["results"]["bindings"]
    counts = {row["g"]["value"]: int(row["n"]["value"]) for row in rows}
    assert counts[str(INFERRED)] > 0 and counts[str(EXAMPLE)] > 0
    client.setQuery(
        "ASK { GRAPH vnrg:inferred { ?s ?p ?o } "
        f"FILTER NOT EXISTS {{ GRAPH <{EXAMPLE}> {{ ?s ?p ?o }} }} }}"
    )
    assert client.query().convert()["boolean"] is True
    client.setQuery("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    union = int(client.query().convert()["results"]["bindings"][0]["n"]["value"])
    assert union <= sum(counts.values())  # the default graph: the union, each triple once


def test_graph_iris_dereference(server):
    turtle = httpx.get(server.url + "/graph/inferred", headers={"Accept": "text/turtle"})
    assert turtle.status_code == 200
    assert len(Graph().parse(data=turtle.text, format="turtle")) > 0
    page = httpx.get(server.url + "/graph/graph/example", headers={"Accept": "text/html"})
    assert (
        page.status_code == 200
        and "GRAPH &lt;https://w3id.org/vnrukg/graph/graph/example&gt;" in page.text
    )
    assert httpx.get(server.url + "/graph/nothing").status_code == 404
    listing = httpx.get(server.url + "/dumps", headers={"Accept": "text/html"}).text
    assert 'href="/graph/inferred"' in listing and 'href="/dumps/vnrukg.trig.gz"' in listing


SCHEMES = """
@prefix vnrd: <https://w3id.org/vnrukg/id/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
vnrd:russia rdfs:seeAlso <javascript:alert(1)> , <data:text/html,hi> , <https://example.org/ok> .
"""


def test_only_http_iris_become_links(tmp_path, project_factory):
    kg = load(Project(project_factory(tmp_path / "schemes", SCHEMES)))
    html = get(ServerConfig(), kg, "/id/russia", accept="text/html").body.decode()
    assert 'href="javascript:' not in html and 'href="data:text' not in html
    assert '<span class="iri-text" title="javascript:alert(1)">javascript:alert(1)</span>' in html
    assert '<a href="https://example.org/ok"' in html


def test_network_page_gets_the_strict_policy(tmp_path, project_factory):
    root = project_factory(tmp_path / "network")
    (root / "dist").mkdir()
    page = "<html><head><style>p{}</style></head><body><script>let x = 1;</script></body></html>"
    (root / "dist" / "network.html").write_text(page)
    answer = get(ServerConfig(), load(Project(root)), "/network")
    policy = answer.headers["content-security-policy"]
    assert "frame-ancestors 'none'" in policy and "base-uri 'none'" in policy
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "'sha256-" in policy.split("script-src")[1].split(";")[0]
    assert list(answer.headers).count("content-security-policy") == 1
