"""Linked-data pages: entities and ontology terms as HTML or RDF, the index, search, VoID."""

from __future__ import annotations

import json
import re
from urllib.parse import unquote

import httpx
import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, SKOS

from vnrukg.namespaces import shorten
from vnrukg.project import Project
from vnrukg.server.config import ServerConfig
from vnrukg.server.local import get
from vnrukg.store import load

pytestmark = pytest.mark.server

VNRD = Namespace("https://w3id.org/vnrukg/id/")
VNRU = Namespace("https://w3id.org/vnrukg/ontology#")
VOID = Namespace("http://rdfs.org/ns/void#")
HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


def page(server, path, **headers):
    return httpx.get(server.url + path, headers=headers or HTML)


def test_entity_page_shows_names_class_statements_and_quotes(server):
    response = page(server, "/id/treaty-1994")
    assert response.status_code == 200
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    html = response.text
    assert (
        "<h1>Treaty on the Basic Principles of Relations between Vietnam and the Russian "
        "Federation</h1>" in html
    )
    assert (
        "Hiệp ước về những nguyên tắc cơ bản của quan hệ giữa Cộng hoà xã hội chủ nghĩa "
        "Việt Nam và Liên bang Nga" in html
    )
    assert (
        '<a class="class" href="/ontology#Treaty" title="https://w3id.org/vnrukg/ontology#Treaty">'
        "Treaty · Hiệp ước</a>" in html
    )
    assert '<a href="/id/treaty-1978" title="https://w3id.org/vnrukg/id/treaty-1978">' in html
    assert '<a href="/id/russia" title="https://w3id.org/vnrukg/id/russia">' in html
    assert (
        '<blockquote lang="vi">Hiệp ước này trở thành văn bản pháp lý thay thế</blockquote>' in html
    )
    assert "75 năm quan hệ Việt Nam - Liên bang Nga" in html  # the source's title
    assert "1994-06-16" in html


def test_entity_page_lists_incoming_links(server):
    html = page(server, "/id/treaty-1978").text
    assert "Referred to by" in html
    assert '<a href="/id/treaty-1994"' in html


@pytest.mark.parametrize(
    ("accept", "fmt", "media"),
    [
        ("text/turtle", "turtle", "text/turtle"),
        ("application/ld+json", "json-ld", "application/ld+json"),
        ("application/n-triples", "nt", "application/n-triples"),
        ("application/rdf+xml", "xml", "application/rdf+xml"),
    ],
)
def test_entity_as_rdf_by_accept(server, accept, fmt, media):
    response = page(server, "/id/russia", Accept=accept)
    assert response.status_code == 200
    assert response.headers["content-type"] == f"{media}; charset=utf-8"
    graph = Graph().parse(data=response.text, format=fmt)
    assert (VNRD.russia, VNRU.successorOf, VNRD["soviet-union"]) in graph
    assert (VNRD.russia, SKOS.prefLabel, Literal("Liên bang Nga", lang="vi")) in graph
    citation = graph.value(VNRD.russia, VNRU.citation)
    assert graph.value(citation, VNRU.quote) == Literal(
        "Liên bang Nga với tư cách “Quốc gia kế tục Liên", lang="vi"
    )


def test_entity_format_parameter(server):
    response = page(server, "/id/russia?format=ttl")
    assert response.headers["content-type"].startswith("text/turtle")


@pytest.mark.parametrize("accept", ["text/turtle", HTML["Accept"]])
def test_a_kept_page_is_sent_with_its_headers_once(server, accept):
    """A repeat is answered from the kept response, with the same headers each time (they
    once grew by two on every request: 2,700 headers after 1,300 requests)."""
    seen = []
    for _ in range(4):
        response = page(server, "/id/vietnam", Accept=accept)
        assert response.status_code == 200
        names = [name.lower() for name, _ in response.headers.multi_items()]
        assert len(names) == len(set(names)), names
        seen.append(names)
    assert seen[0] == seen[-1]
    for name in ("x-content-type-options", "referrer-policy", "content-security-policy"):
        assert name in seen[-1]


def test_unknown_entity_is_404(server):
    assert page(server, "/id/atlantis").status_code == 404
    response = page(server, "/id/atlantis", Accept="text/turtle")
    assert response.status_code == 404
    assert (
        response.json()["message"] == "nothing is known about <https://w3id.org/vnrukg/id/atlantis>"
    )


def test_ontology_docs_and_rdf(server):
    html = page(server, "/ontology").text
    assert 'id="Treaty"' in html
    graph = Graph().parse(
        data=page(server, "/ontology", Accept="text/turtle").text, format="turtle"
    )
    assert (VNRU.Treaty, RDF.type, URIRef("http://www.w3.org/2002/07/owl#Class")) in graph


def test_vocabulary_concept_page(server):
    html = page(server, "/vocab/defence").text
    assert ("<h1>" in html and "vnrv:" in html) or "Defence" in html
    graph = Graph().parse(
        data=page(server, "/vocab/defence", Accept="text/turtle").text, format="turtle"
    )
    assert (URIRef("https://w3id.org/vnrukg/vocab/defence"), SKOS.prefLabel, None) in graph


def test_index_links_everything(server):
    html = page(server, "/").text
    for link in (
        'href="/query"',
        'href="/queries"',
        'href="/ontology"',
        'href="/sparql"',
        'href="/.well-known/void"',
        'action="/search"',
    ):
        assert link in html
    assert "Not built yet" in html  # no dist/network.html in the test project


@pytest.mark.parametrize("query", ["lien xo", "LIÊN XÔ", "Liên Xô", "ussr", "soviet"])
def test_search_ignores_case_and_diacritics(server, query):
    response = httpx.get(server.url + "/search", params={"q": query, "format": "json"})
    assert response.json()[0]["iri"] == str(VNRD["soviet-union"])
    assert response.json()[0]["href"] == "/id/soviet-union"


def test_search_page(server):
    html = httpx.get(server.url + "/search", params={"q": "phan van giang"}, headers=HTML).text
    assert '<a href="/id/phan-van-giang">Phan Văn Giang</a>' in html
    assert "Phan Văn Giang" in html


def test_void(server):
    response = page(server, "/.well-known/void", Accept="text/turtle")
    graph = Graph().parse(data=response.text, format="turtle")
    dataset = URIRef("https://w3id.org/vnrukg/")
    assert (dataset, RDF.type, VOID.Dataset) in graph
    assert (dataset, VOID.sparqlEndpoint, URIRef(server.url + "/sparql")) in graph
    assert (
        dataset,
        URIRef("http://purl.org/dc/terms/license"),
        URIRef("https://creativecommons.org/licenses/by/4.0/"),
    ) in graph
    assert int(graph.value(dataset, VOID.triples)) > 1000
    vocabularies = set(graph.objects(dataset, VOID.vocabulary))
    assert URIRef("http://www.w3.org/2004/02/skos/core#") in vocabularies
    assert VNRD.russia in set(graph.objects(dataset, VOID.exampleResource))
    parts = {
        graph.value(p, VOID["class"]): int(graph.value(p, VOID.entities))
        for p in graph.objects(dataset, VOID.classPartition)
    }
    assert parts[VNRU.State] == 3
    assert parts[VNRU.Treaty] == 2


def test_pages_load_nothing_from_elsewhere(server):
    response = page(server, "/id/russia")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "http://" not in response.text.replace("http://www.w3.org", "")


EVIL = """
@prefix vnrd: <https://w3id.org/vnrukg/id/> .
@prefix vnru: <https://w3id.org/vnrukg/ontology#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
vnrd:evil a vnru:Person ;
    skos:prefLabel "<script>alert('en')</script>"@en , "Ác <b>nhân</b> & co"@vi ;
    skos:altLabel "\\"><img src=x onerror=alert(1)>"@en ;
    vnru:nationality vnrd:russia ;
    vnru:citation [ vnru:quote "<iframe src=javascript:alert(2)>"@vi ;
                    vnru:source vnrd:source-001 ] .
"""


def test_all_data_text_is_escaped(tmp_path, project_factory):
    root = project_factory(tmp_path / "evil", EVIL)
    kg = load(Project(root))
    for path in ("/id/evil", "/search?q=nhan", "/id/russia"):
        answer = get(ServerConfig(), kg, path, accept="text/html")
        html = answer.body.decode("utf-8")
        assert answer.status == 200, path
        assert "<script>alert" not in html and "<img src=x" not in html
        assert "<iframe" not in html and "<b>nhân</b>" not in html
    html = get(ServerConfig(), kg, "/id/evil", accept="text/html").body.decode()
    assert "&lt;script&gt;alert(&#39;en&#39;)&lt;/script&gt;" in html
    assert "&lt;iframe src=javascript:alert(2)&gt;" in html


def test_network_page_when_built(tmp_path, project_factory):
    root = project_factory(tmp_path / "built")
    (root / "dist").mkdir()
    (root / "dist" / "network.html").write_text("<html><body>network</body></html>")
    kg = load(Project(root))
    answer = get(ServerConfig(), kg, "/network")
    assert (answer.status, answer.body) == (200, b"<html><body>network</body></html>")
    assert 'href="/network"' in get(ServerConfig(), kg, "/", accept="text/html").body.decode()


def test_queries_list_json_is_valid(server):
    assert json.loads(page(server, "/queries", Accept="application/json").text)[0]["text"]


def test_cors_only_when_asked(project):
    import asyncio

    from vnrukg.server.app import create_app
    from vnrukg.server.local import _call
    from vnrukg.server.site import build_site

    kg = load(Project(project))
    headers = {"origin": "https://example.org", "accept": "text/turtle"}
    for cors, expected in ((None, None), ("https://example.org", "https://example.org")):
        app = create_app(build_site(ServerConfig(cors=cors), kg))
        answer = asyncio.run(_call(app, "GET", "/id/russia", headers, b""))
        assert answer.status == 200
        assert answer.headers.get("access-control-allow-origin") == expected


def test_home_page_counts_agree_with_the_command_line():
    """The ready-made questions as `vnrukg queries` lists them (36 since policy-statements),
    the rules apart, and the two entity counts each named for what it counts."""
    from click.testing import CliRunner

    from tests.server.conftest import REPO
    from vnrukg.cli import cli

    listed = json.loads(
        CliRunner().invoke(cli, ["--root", str(REPO), "queries", "--format", "json"]).output
    )
    questions = [q for q in listed if not q["name"].endswith("-violation")]
    rules = sorted(p.stem for p in (REPO / "queries").glob("*-violation.rq"))
    kg = load(Project(REPO))
    html = get(ServerConfig(), kg, "/", accept="text/html").body.decode()
    assert f"{len(questions)} ready-made questions with parameters, and {len(rules)} rules" in html
    assert len(listed) == len(questions)  # the command line lists no rules either
    assert "things have a name you can search for" in html
    assert "resources in all have an IRI of their own" in html
    # the class table: the count `vnrukg build` prints ("entities by class", asserted types
    # only) beside the count with subclasses, each named
    from vnrukg.build import class_counts

    assert '<th class="num" title="entities typed with the class itself' in html
    rows = re.findall(
        r'href="/search\?class=([^"]+)">[^<]*</a></td><td class="num">(\d+)</td>'
        r'<td class="num">(\d+)</td>',
        html,
    )
    shown = {unquote(cls): (int(typed), int(all_)) for cls, typed, all_ in rows}
    printed = dict(class_counts(kg))
    assert {shorten(c): t for c, (t, _) in shown.items() if t} == printed
    assert all(all_ >= typed for typed, all_ in shown.values())
    assert shown[str(VNRU.Agreement)][1] > shown[str(VNRU.Agreement)][0]  # treaties too
    page = get(ServerConfig(), kg, "/queries", accept="text/html").body.decode()
    assert f"{len(questions)} questions and" in page
    assert all(f'id="{rule}"' in page.split('id="rules"')[1] for rule in rules)
