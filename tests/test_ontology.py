"""The ontology is worth publishing: complete header, every term labelled in both languages
and defined, controlled vocabularies likewise, shapes only about defined terms."""

from __future__ import annotations

import pyoxigraph
import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, OWL, RDF, RDFS, SH, SKOS

from vnrukg.namespaces import ONTOLOGY_IRI, VANN, VNRU, VNRV

from .conftest import ROOT

ONTOLOGY = ROOT / "ontology"


@pytest.fixture(scope="module")
def ontology() -> Graph:
    graph = Graph()
    for path in sorted(ONTOLOGY.glob("*.ttl")):
        if path.name != "shapes.ttl":
            graph.parse(path)
    return graph


def _languages(graph: Graph, node, prop) -> set[str]:
    return {o.language for o in graph.objects(node, prop) if isinstance(o, Literal)}


@pytest.mark.parametrize("path", sorted(ONTOLOGY.glob("*.ttl")), ids=lambda p: p.name)
def test_ontology_files_parse_strictly(path):
    assert list(pyoxigraph.parse(path=str(path), format=pyoxigraph.RdfFormat.TURTLE))


def test_header_is_complete(ontology):
    onto = URIRef(ONTOLOGY_IRI)
    assert (onto, RDF.type, OWL.Ontology) in ontology
    for prop in (DCTERMS.title, DCTERMS.description):
        assert _languages(ontology, onto, prop) >= {"en", "vi"}, prop
    for prop in (
        DCTERMS.creator,
        DCTERMS.created,
        DCTERMS.modified,
        DCTERMS.license,
        OWL.versionIRI,
        OWL.versionInfo,
        VANN.preferredNamespacePrefix,
        VANN.preferredNamespaceUri,
    ):
        assert ontology.value(onto, prop) is not None, prop
    assert str(ontology.value(onto, VANN.preferredNamespaceUri)) == str(VNRU)
    assert str(ontology.value(onto, VANN.preferredNamespacePrefix)) == "vnru"


def _terms(ontology: Graph) -> list[URIRef]:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return sorted(
        {s for k in kinds for s in ontology.subjects(RDF.type, k) if str(s).startswith(str(VNRU))}
    )


def test_there_are_terms(ontology):
    assert len(_terms(ontology)) > 100


def test_every_term_has_labels_and_definitions_in_both_languages(ontology):
    missing = []
    for term in _terms(ontology):
        for prop in (RDFS.label, SKOS.definition):
            langs = _languages(ontology, term, prop)
            if not {"en", "vi"} <= langs:
                missing.append(f"{term} {prop} has {sorted(langs)}")
    assert not missing, missing


def test_every_concept_has_labels_and_definitions_in_both_languages(ontology):
    missing = []
    concepts = set(ontology.subjects(RDF.type, SKOS.Concept))
    concepts |= set(ontology.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(concepts) > 100
    for concept in concepts:
        assert str(concept).startswith(str(VNRV)), concept
        for prop in (SKOS.prefLabel, SKOS.definition):
            langs = _languages(ontology, concept, prop)
            if not {"en", "vi"} <= langs:
                missing.append(f"{concept} {prop} has {sorted(langs)}")
    assert not missing, missing


def test_concepts_belong_to_a_scheme(ontology):
    orphans = [
        c
        for c in ontology.subjects(RDF.type, SKOS.Concept)
        if ontology.value(c, SKOS.inScheme) is None
    ]
    assert not orphans


def test_vnru_classes_reuse_standard_vocabularies(ontology):
    standard = (
        "http://www.w3.org/ns/org#",
        "https://schema.org/",
        "http://www.w3.org/ns/prov#",
        "http://purl.org/linked-data/cube#",
        "http://www.w3.org/2006/time#",
        "http://purl.org/dc/terms/",
    )
    top = [
        c
        for c in ontology.subjects(RDF.type, OWL.Class)
        if not any(str(s).startswith(str(VNRU)) for s in ontology.objects(c, RDFS.subClassOf))
    ]
    for cls in top:
        supers = [str(s) for s in ontology.objects(cls, RDFS.subClassOf)]
        assert any(s.startswith(standard) for s in supers), f"{cls} refines no standard class"


def test_shapes_only_mention_defined_terms(ontology):
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl")
    defined = set(_terms(ontology))
    used = set(shapes.objects(None, SH.targetClass)) | set(shapes.objects(None, SH.path))
    used |= set(shapes.objects(None, SH["class"]))
    unknown = sorted(t for t in used if str(t).startswith(str(VNRU)) and t not in defined)
    assert not unknown, unknown


def test_every_class_has_a_shape(ontology):
    shapes = Graph().parse(ONTOLOGY / "shapes.ttl")
    targeted = set(shapes.objects(None, SH.targetClass))
    classes = [c for c in ontology.subjects(RDF.type, OWL.Class) if str(c).startswith(str(VNRU))]
    uncovered = []
    for cls in classes:
        chain, seen = [cls], set()
        while chain:
            current = chain.pop()
            seen.add(current)
            chain += [s for s in ontology.objects(current, RDFS.subClassOf) if s not in seen]
        if not seen & targeted:
            uncovered.append(cls)
    assert not uncovered, uncovered
