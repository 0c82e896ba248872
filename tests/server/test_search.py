"""Search folds case and diacritics, Vietnamese đ included."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from vnrukg.server.search import build_index, fold, search

VNRD = "https://w3id.org/vnrukg/id/"


def test_fold():
    assert fold("  Đại tướng  PHAN Văn Giang ") == "dai tuong phan van giang"
    assert fold("Hà Nội") == fold("ha noi") == "ha noi"


def test_search_ranks_exact_names_first():
    graph = Graph()
    for slug, vi, en in [
        ("hanoi", "Hà Nội", "Hanoi"),
        ("hanoi-uni", "Đại học Hà Nội", "Hanoi University"),
    ]:
        graph.add((URIRef(VNRD + slug), SKOS.prefLabel, Literal(vi, lang="vi")))
        graph.add((URIRef(VNRD + slug), SKOS.prefLabel, Literal(en, lang="en")))
    graph.add((URIRef("https://example.org/other"), SKOS.prefLabel, Literal("Hà Nội", lang="vi")))
    entries = build_index(graph)
    assert [str(e.iri) for e in search(entries, "HA NOI")] == [VNRD + "hanoi", VNRD + "hanoi-uni"]
    assert [str(e.iri) for e in search(entries, "dai hoc")] == [VNRD + "hanoi-uni"]
    assert search(entries, "   ") == []
