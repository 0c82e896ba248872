"""Descriptions of the service and the data: SPARQL 1.1 Service Description and VoID.

The service description answers ``GET /sparql`` without a query; the VoID description of the
dataset (size, entities by class, vocabularies used, licence, example resources, the endpoint)
answers ``GET /.well-known/void``, where RFC 5785 and the VoID guide put it.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, XSD

from ..namespaces import BASE, ONTOLOGY_IRI, VNRD, VNRU, bind_prefixes, shorten
from .negotiation import GRAPH, TABLE

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
DATASET = URIRef(BASE)
LICENSE = URIRef("https://creativecommons.org/licenses/by/4.0/")


def _new_graph() -> Graph:
    graph = Graph()
    bind_prefixes(graph)
    graph.bind("sd", SD)
    graph.bind("void", VOID)
    graph.bind("formats", FORMATS_NS)
    return graph


def service_description(endpoint: str, triples: int) -> Graph:
    """What the endpoint speaks: SPARQL 1.1 Query only, its result formats, its dataset."""
    graph = _new_graph()
    service = URIRef(endpoint + "#service")
    dataset, default = URIRef(endpoint + "#dataset"), URIRef(endpoint + "#default-graph")
    graph.add((service, RDF.type, SD.Service))
    graph.add((service, SD.endpoint, URIRef(endpoint)))
    graph.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    graph.add((service, SD.feature, SD.UnionDefaultGraph))
    for fmt in (*TABLE, *GRAPH):
        if fmt.iri is not None:
            graph.add((service, SD.resultFormat, URIRef(fmt.iri)))
    graph.add((service, SD.defaultDataset, dataset))
    graph.add((dataset, RDF.type, SD.Dataset))
    graph.add((dataset, SD.defaultGraph, default))
    graph.add((default, RDF.type, SD.Graph))
    graph.add((default, VOID.triples, Literal(triples, datatype=XSD.integer)))
    graph.add(
        (
            service,
            DCTERMS.description,
            Literal(
                "Read-only: SPARQL Update, SERVICE, LOAD, FROM and FROM NAMED are refused.",
                lang="en",
            ),
        )
    )
    return graph


def _vocabularies(graph: Graph) -> set[str]:
    used = set()
    for term in set(graph.predicates()) | set(graph.objects(None, RDF.type)):
        if isinstance(term, URIRef):
            text = str(term)
            cut = max(text.rfind("#"), text.rfind("/"))
            used.add(text[: cut + 1])
    return used


def void_description(
    graph: Graph, endpoint: str, classes: dict[URIRef, int], examples: list[URIRef]
) -> Graph:
    """The VoID description of the dataset, with the endpoint's address."""
    out = _new_graph()
    out.add((DATASET, RDF.type, VOID.Dataset))
    out.add((DATASET, DCTERMS.title, Literal("vnrukg: Vietnam–Russia relations", lang="en")))
    out.add((DATASET, DCTERMS.title, Literal("vnrukg: quan hệ Việt Nam – Nga", lang="vi")))
    out.add((DATASET, DCTERMS.license, LICENSE))
    out.add((DATASET, VOID.sparqlEndpoint, URIRef(endpoint)))
    out.add((DATASET, VOID.uriSpace, Literal(str(VNRD))))
    out.add((DATASET, VOID.triples, Literal(len(graph), datatype=XSD.integer)))
    entities = {s for s in graph.subjects() if str(s).startswith(str(VNRD))}
    out.add((DATASET, VOID.entities, Literal(len(entities), datatype=XSD.integer)))
    out.add((DATASET, VOID.classes, Literal(len(classes), datatype=XSD.integer)))
    out.add((DATASET, VOID.vocabulary, URIRef(ONTOLOGY_IRI)))
    for vocabulary in sorted(_vocabularies(graph)):
        out.add((DATASET, VOID.vocabulary, URIRef(vocabulary)))
    for example in examples:
        out.add((DATASET, VOID.exampleResource, example))
    for cls, count in sorted(classes.items()):
        part = URIRef(f"{BASE}void/class/{_slug(cls)}")
        out.add((DATASET, VOID.classPartition, part))
        out.add((part, VOID["class"], cls))
        out.add((part, VOID.entities, Literal(count, datatype=XSD.integer)))
    return out


def _slug(iri: URIRef) -> str:
    short = shorten(str(iri))
    if short == str(iri):
        return "c" + hashlib.sha1(short.encode()).hexdigest()[:10]
    return short.replace(":", "-")


def class_counts(graph: Graph) -> Counter[URIRef]:
    """Entities (``vnrd:`` IRIs) per class they are typed with, inferred superclasses included."""
    counts: Counter[URIRef] = Counter()
    for node, cls in graph.subject_objects(RDF.type):
        if str(node).startswith(str(VNRD)) and isinstance(cls, URIRef):
            counts[cls] += 1
    return counts


def examples(graph: Graph, limit: int = 5) -> list[URIRef]:
    """A few resources to start from: the first states, then persons, treaties, events."""
    found: list[URIRef] = []
    for cls in (VNRU.State, VNRU.Person, VNRU.Treaty, VNRU.Event):
        for node in sorted(n for n in graph.subjects(RDF.type, cls) if isinstance(n, URIRef)):
            if isinstance(node, URIRef) and node not in found and len(found) < limit:
                found.append(node)
                break
    return found
