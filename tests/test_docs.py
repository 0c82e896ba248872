"""The ontology documentation page: every term, both languages, escaped, offline."""

from __future__ import annotations

from html.parser import HTMLParser

from rdflib import Graph, Literal
from rdflib.namespace import OWL, RDF, RDFS

from vnrukg.docs import render
from vnrukg.namespaces import VNRU

from .conftest import ROOT


def _graphs():
    ontology, shapes = Graph(), Graph()
    for path in sorted((ROOT / "ontology").glob("*.ttl")):
        (shapes if path.name == "shapes.ttl" else ontology).parse(path)
    return ontology, shapes


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.sources = set(), []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if "id" in attrs:
            self.ids.add(attrs["id"])
        for key in ("src", "href"):
            if attrs.get(key, "").startswith(("http:", "https:", "//")) and tag in (
                "script",
                "link",
                "img",
            ):
                self.sources.append(attrs[key])


def test_every_term_is_documented_with_an_anchor():
    ontology, shapes = _graphs()
    html = render(ontology, shapes)
    collector = _Collector()
    collector.feed(html)
    for kind in (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty):
        for term in ontology.subjects(RDF.type, kind):
            if str(term).startswith(str(VNRU)):
                assert str(term)[len(str(VNRU)) :] in collector.ids, term
    assert "Chuyến thăm cấp Nhà nước" in html
    assert "vnru:Tenure" in html
    assert not collector.sources, "the page must load nothing from the network"


def test_text_is_escaped():
    ontology, shapes = _graphs()
    ontology.add((VNRU.State, RDFS.label, Literal("<script>alert(1)</script>", lang="fr")))
    ontology.set((VNRU.Visit, RDFS.label, Literal("<img src=x onerror=alert(1)>", lang="en")))
    html = render(ontology, shapes)
    assert "<img src=x" not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
