"""What the query page's editor completes, from the endpoint's own data (never a remote
service): the predeclared prefixes, the classes and properties (used in the graph or declared
by the ontology), the vocabulary terms (SKOS concepts) and the entities with their names in
English and Vietnamese and their aliases, each also without diacritics so that ``giang``
finds *Phan Văn Giang*."""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS
from rdflib.term import Node

from ..names import fold
from ..namespaces import PREFIXES, VNRD, shorten
from ..search import Entry

_CLASS_TYPES = (OWL.Class, RDFS.Class)
_PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)


def _label(graph: Graph, node: URIRef) -> str:
    labels = {
        (v.language or ""): str(v)
        for prop in (SKOS.prefLabel, RDFS.label)
        for v in graph.objects(node, prop)
        if isinstance(v, Literal)
    }
    return labels.get("en") or labels.get("") or labels.get("vi") or ""


def _term(graph: Graph, node: URIRef, count: int = 0) -> dict[str, object]:
    label = _label(graph, node)
    return {"iri": str(node), "short": shorten(str(node)), "label": label, "n": count}


def _uses(graph: Graph, used: Iterable[Node], kinds: Iterable[URIRef]) -> dict[URIRef, int]:
    """How often each IRI in ``used`` is used, and 0 for those only declared as a ``kinds``."""
    counts: dict[URIRef, int] = {}
    for node in used:
        if isinstance(node, URIRef):
            counts[node] = counts.get(node, 0) + 1
    for kind in kinds:
        for node in graph.subjects(RDF.type, kind):
            if isinstance(node, URIRef):
                counts.setdefault(node, 0)
    return counts


def completions(graph: Graph, entries: list[Entry]) -> dict[str, object]:
    """The JSON the query page loads once (``/query/terms``)."""
    classes = _uses(graph, graph.objects(None, RDF.type), _CLASS_TYPES)
    properties = _uses(graph, graph.predicates(), _PROPERTY_TYPES)
    concepts = sorted(
        c for c in set(graph.subjects(RDF.type, SKOS.Concept)) if isinstance(c, URIRef)
    )
    entities = [
        {
            "iri": str(e.iri),
            "short": shorten(str(e.iri)),
            "label": e.name_en or e.name_vi or "",
            "vi": e.name_vi or "",
            "fold": " ".join([*e.keys, e.slug]),
        }
        for e in entries
        # entities, not the nodes minted under them (their times, citations)
        if str(e.iri).startswith(str(VNRD)) and "/" not in str(e.iri)[len(str(VNRD)) :]
    ]
    return {
        "prefixes": PREFIXES,
        "classes": [_term(graph, c, n) for c, n in sorted(classes.items(), key=lambda x: -x[1])],
        "properties": [
            _term(graph, p, n) for p, n in sorted(properties.items(), key=lambda x: -x[1])
        ],
        "concepts": [{**_term(graph, c), "fold": fold(_label(graph, c))} for c in concepts],
        "entities": sorted(entities, key=lambda e: str(e["short"])),
    }
