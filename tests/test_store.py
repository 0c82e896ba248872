"""Loading: strict parsing with located errors, one named graph per file, stable skolem IRIs."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Namespace, URIRef
from rdflib.namespace import PROV, RDF, RDFS

from vnrukg.errors import TurtleSyntaxError, VnrukgError
from vnrukg.namespaces import VNRD, VNRG, VNRU
from vnrukg.store import INFERRED_GRAPH, load, parse_turtle

TIME = Namespace("http://www.w3.org/2006/time#")


def test_load_names_one_graph_per_file(example_kg):
    names = {str(n).removeprefix(str(VNRG)) for n in example_kg.named}
    assert {
        "graph/example",
        "ontology/vnru",
        "ontology/shapes",
        "ontology/vocabularies",
        "inferred",
    } <= names
    assert len(example_kg.graph) == len(set().union(*[set(g) for g in example_kg.named.values()]))


def test_no_blank_nodes_survive(example_kg):
    assert not any(isinstance(t, BNode) for triple in example_kg.graph for t in triple)


def test_citations_hang_under_their_fact(example_kg):
    citations = list(example_kg.graph.objects(VNRD["phan-van-giang"], VNRU.citation))
    assert citations
    for citation in citations:
        assert str(citation).startswith(str(VNRD["phan-van-giang"]) + "/citation/")


def test_skolem_iris_are_stable(example_project):
    first = {t for t in load(example_project).graph}
    second = {t for t in load(example_project).graph}
    assert first == second


def test_inferences(example_kg):
    g = example_kg.graph
    giang = VNRD["phan-van-giang"]
    assert (giang, RDF.type, URIRef("https://schema.org/Person")) in g
    assert (giang, RDFS.label, None) in g
    assert (giang, PROV.wasDerivedFrom, VNRD["source-004"]) in g
    assert (VNRD["treaty-1978"], VNRU.replacedBy, VNRD["treaty-1994"]) in g
    assert (VNRD["soviet-union"], VNRU.succeededBy, VNRD.russia) in g
    assert (
        giang,
        URIRef("http://www.w3.org/ns/org#holds"),
        VNRD["post-minister-of-defence-vietnam"],
    ) in g
    talks = VNRD["talks-2024-08-13-giang-belousov"]
    instant = g.value(talks, TIME.hasTime)
    assert str(g.value(instant, TIME.inXSDDate)) == "2024-08-13"
    assert INFERRED_GRAPH in example_kg.named


def test_strict_parser_locates_errors(tmp_path: Path):
    bad = tmp_path / "bad.ttl"
    bad.write_text(
        '@prefix ex: <http://example.org/> .\nex:a ex:b "x" ;\n  ex:c ex:d ex:e .\n',
        encoding="utf-8",
    )
    with pytest.raises(TurtleSyntaxError) as info:
        parse_turtle(bad, "graph/bad.ttl")
    assert info.value.line == 3
    assert str(info.value).startswith("graph/bad.ttl:3:")
    assert "dot is expected" in str(info.value)


def test_missing_file_is_a_clear_error(tmp_path: Path):
    with pytest.raises(VnrukgError, match="cannot read"):
        parse_turtle(tmp_path / "absent.ttl", "graph/absent.ttl")


def test_empty_graph_folder_is_refused(example_project):
    (example_project.graph_dir / "example.ttl").unlink()
    with pytest.raises(VnrukgError, match="no Turtle files"):
        load(example_project)
