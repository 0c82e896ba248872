"""Derived triples added on load, kept in their own named graph (``vnrg:inferred``).

Sound entailments and restatements in standard vocabularies, so that users of ORG, PROV-O,
OWL-Time and RDFS find what they look for without knowing the ``vnru:`` shortcuts, and one
choice made by a fixed rule (the primary citation):

- the superclasses of every typed node (RDFS subclass closure over the ontology);
- ``rdfs:label`` from ``skos:prefLabel`` (SKOS defines prefLabel as a sub-property of it);
- ``rdf:type vnru:Citation`` for citation nodes, ``prov:wasDerivedFrom`` from a fact to the
  sources its citations quote;
- ``vnru:primaryCitation``: of a fact's citations, the one summaries show (the longest quote,
  then the smallest source IRI, then the quote). Not an entailment but a choice made by rule,
  once, so that the summary queries need no aggregate to pick it (faster: see
  docs/benchmarks.md) and every store the graph is pushed to offers the same choice;
- both directions of the ontology's inverse properties;
- ``org:holds`` / ``org:heldBy`` / ``org:organization`` from tenures;
- OWL-Time: ``time:hasTime`` (an instant) for ``vnru:date`` and ``time:hasBeginning`` /
  ``time:hasEnd`` for ``vnru:startDate`` / ``vnru:endDate``, typed at the literal's precision.
"""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, TIME, XSD
from rdflib.term import Node

from .namespaces import ORG, VNRU

#: A fact's links to its citations: views show them as quotes, not as links or statements.
CITING = (VNRU.citation, VNRU.primaryCitation)

_TIME_PROPERTY = {
    XSD.date: TIME.inXSDDate,
    XSD.gYearMonth: TIME.inXSDgYearMonth,
    XSD.gYear: TIME.inXSDgYear,
    XSD.dateTime: TIME.inXSDDateTime,
}


def superclasses(graph: Graph) -> dict[Node, set[URIRef]]:
    """Every class's superclasses (transitively), from the rdfs:subClassOf triples of ``graph``."""
    direct: dict[URIRef, set[URIRef]] = {}
    for sub, sup in graph.subject_objects(RDFS.subClassOf):
        if isinstance(sub, URIRef) and isinstance(sup, URIRef):
            direct.setdefault(sub, set()).add(sup)
    closure: dict[Node, set[URIRef]] = {}
    for cls in direct:
        todo, seen = list(direct[cls]), set()
        while todo:
            sup = todo.pop()
            if sup not in seen:
                seen.add(sup)
                todo.extend(direct.get(sup, ()))
        closure[cls] = seen
    return closure


def _instant(extra: Graph, node: URIRef, value: Literal) -> None:
    extra.add((node, RDF.type, TIME.Instant))
    prop = _TIME_PROPERTY.get(value.datatype) if value.datatype is not None else None
    if prop is not None:
        extra.add((node, prop, value))


def _time(graph: Graph, extra: Graph) -> None:
    for s, value in graph.subject_objects(VNRU.date):
        if isinstance(s, URIRef) and isinstance(value, Literal):
            instant = URIRef(f"{s}/time")
            extra.add((s, TIME.hasTime, instant))
            _instant(extra, instant, value)
    subjects = set(graph.subjects(VNRU.startDate)) | set(graph.subjects(VNRU.endDate))
    for s in subjects:
        if not isinstance(s, URIRef):
            continue
        interval = URIRef(f"{s}/interval")
        extra.add((s, TIME.hasTime, interval))
        extra.add((interval, RDF.type, TIME.ProperInterval))
        for prop, link, suffix in (
            (VNRU.startDate, TIME.hasBeginning, "start"),
            (VNRU.endDate, TIME.hasEnd, "end"),
        ):
            bound = graph.value(s, prop)
            if isinstance(bound, Literal):
                instant = URIRef(f"{interval}/{suffix}")
                extra.add((interval, link, instant))
                _instant(extra, instant, bound)


def _inverses(graph: Graph, extra: Graph) -> None:
    for p, q in list(graph.subject_objects(OWL.inverseOf)):
        for s, o in graph.subject_objects(p):
            extra.add((o, q, s))
        for s, o in graph.subject_objects(q):
            extra.add((o, p, s))


def _provenance(graph: Graph, extra: Graph) -> None:
    for fact, citation in graph.subject_objects(VNRU.citation):
        extra.add((citation, RDF.type, VNRU.Citation))
        for source in graph.objects(citation, VNRU.source):
            extra.add((fact, PROV.wasDerivedFrom, source))


def _primary_citations(graph: Graph, extra: Graph) -> None:
    best: dict = {}
    for fact, citation in graph.subject_objects(VNRU.citation):
        quote, source = graph.value(citation, VNRU.quote), graph.value(citation, VNRU.source)
        if quote is None or source is None:
            continue
        # the order of MIN(CONCAT(STR(199999 - STRLEN(?q)), " ", STR(?src), " ", STR(?q)))
        key = (-len(str(quote)), str(source), str(quote), str(citation))
        if fact not in best or key < best[fact][0]:
            best[fact] = (key, citation)
    for fact, (_, citation) in best.items():
        extra.add((fact, VNRU.primaryCitation, citation))


def _tenures(graph: Graph, extra: Graph) -> None:
    for tenure in graph.subjects(RDF.type, VNRU.Tenure):
        person = graph.value(tenure, ORG.member)
        post = graph.value(tenure, VNRU.post)
        if person is None or post is None:
            continue
        extra.add((person, ORG.holds, post))
        extra.add((post, ORG.heldBy, person))
        organisation = graph.value(post, ORG.postIn)
        if organisation is not None:
            extra.add((tenure, ORG.organization, organisation))


def inferences(graph: Graph) -> Graph:
    """The derived triples for ``graph`` (not yet in it), as a new graph."""
    extra = Graph()
    supers = superclasses(graph)
    for node, cls in graph.subject_objects(RDF.type):
        for sup in supers.get(cls, ()):
            extra.add((node, RDF.type, sup))
    for node, label in graph.subject_objects(SKOS.prefLabel):
        extra.add((node, RDFS.label, label))
    _provenance(graph, extra)
    _primary_citations(graph, extra)
    _inverses(graph, extra)
    _tenures(graph, extra)
    _time(graph, extra)
    return extra - graph
