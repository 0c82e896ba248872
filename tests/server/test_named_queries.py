"""Named queries over HTTP: listed, run by name, parameters bound (never pasted)."""

from __future__ import annotations

import httpx
import pytest
from rdflib import Graph, URIRef

pytestmark = pytest.mark.server

VNRD = "https://w3id.org/vnrukg/id/"


def test_list_as_json(server):
    response = httpx.get(server.url + "/queries", headers={"Accept": "application/json"})
    names = [q["name"] for q in response.json()]
    assert names == ["agreements", "has-treaties", "neighbours", "people"]
    agreements = response.json()[0]
    assert agreements["params"][0]["name"] == "since"
    assert agreements["url"] == "/queries/agreements"


def test_default_parameter(server):
    rows = httpx.get(server.url + "/queries/agreements", params={"format": "json"}).json()
    assert [b["signed"]["value"] for b in rows["results"]["bindings"]] == [
        "1978-11-03",
        "1994-06-16",
        "1994-06-16",
    ]


def test_parameter_is_bound(server):
    rows = httpx.get(
        server.url + "/queries/agreements", params={"since": "1990", "format": "csv"}
    ).text.splitlines()
    assert rows[0] == "agreement,name,signed,quote"
    assert {r.split(",")[0] for r in rows[1:]} == {VNRD + "treaty-1994"}


def test_iri_parameter_as_slug(server):
    rows = httpx.get(
        server.url + "/queries/people",
        params={"nationality": "russia"},
        headers={"Accept": "application/sparql-results+json"},
    ).json()
    assert [b["person"]["value"] for b in rows["results"]["bindings"]] == [VNRD + "andrey-belousov"]


def test_a_value_cannot_change_the_query(server):
    sneaky = "1900) } UNION { ?agreement ?p ?o } #"
    response = httpx.get(server.url + "/queries/agreements", params={"since": sneaky})
    assert response.status_code == 400
    assert "not a valid integer" in response.json()["message"]
    response = httpx.get(
        server.url + "/queries/people", params={"nationality": "russia> . ?x ?y ?z . <urn:x"}
    )
    assert response.status_code == 400
    sneaky_slug = "russia> . ?x ?y ?z . <x"
    response = httpx.get(
        server.url + "/queries/people", params={"nationality": sneaky_slug, "format": "json"}
    )
    assert response.status_code == 400
    assert "is not a valid iri" in response.json()["message"]


def test_construct_named_query(server):
    response = httpx.get(
        server.url + "/queries/neighbours",
        params={"entity": "vnrd:treaty-1978"},
        headers={"Accept": "text/turtle"},
    )
    graph = Graph().parse(data=response.text, format="turtle")
    assert {s for s in graph.subjects()} == {URIRef(VNRD + "treaty-1978")}


def test_ask_named_query(server):
    assert httpx.get(
        server.url + "/queries/has-treaties", headers={"Accept": "application/json"}
    ).json() == {"head": {}, "boolean": True}


def test_unknown_query_suggests(server):
    response = httpx.get(server.url + "/queries/peple", headers={"Accept": "application/json"})
    assert response.status_code == 404
    assert (
        response.json()["message"] == "no query named 'peple'; did you mean people? (see /queries)"
    )


def test_unknown_parameter(server):
    response = httpx.get(server.url + "/queries/people", params={"nation": "russia"})
    assert response.status_code == 400
    assert "has no parameter 'nation'" in response.json()["message"]


def test_html_page_for_browsers(server):
    response = httpx.get(
        server.url + "/queries/agreements",
        params={"since": "1990"},
        headers={"Accept": "text/html"},
    )
    assert response.status_code == 200
    assert 'data-src="/queries/agreements?since=1990"' in response.text
    assert "Agreements signed since a year" in response.text


def test_an_iri_naming_nothing_is_a_400_with_suggestions(server):
    """As on the command line (both read parameters in vnrukg.sparql.named): never an empty
    answer for a mistyped value."""
    response = httpx.get(
        server.url + "/queries/people", params={"nationality": "rusia", "format": "json"}
    )
    assert response.status_code == 400
    body = response.json()
    assert (body["status"], body["error"]) == (400, "unknown-term")
    assert body["message"].startswith(
        "parameter nationality: the graph holds nothing named vnrd:rusia; "
        "did you mean vnrd:russia (Russian Federation)"
    )
