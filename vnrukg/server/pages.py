"""What an entity page shows: names, classes, every statement, citations, incoming links.

The page itself is a Jinja template (``templates/resource.html``, autoescaped, so every piece
of data text is HTML-escaped); this module gathers what it shows from the graph, and the RDF
description that Turtle / JSON-LD clients get instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS
from rdflib.term import Node

from ..infer import CITING
from ..namespaces import BASE, VNRU, shorten

MAX_INCOMING = 300


def local_path(iri: str) -> str | None:
    """The path on this server of an IRI of the project (``/id/…``, ``/ontology#…``), if any."""
    if not iri.startswith(BASE):
        return None
    rest = iri[len(BASE) :]
    if rest.startswith(("id/", "vocab/", "ontology", "shapes", "graph/")):
        return "/" + rest
    return None


def link(iri: str) -> str | None:
    """Where a page may link an IRI: our own path, or the IRI itself when it is http(s).
    Any other scheme (``javascript:``, ``data:``, ``file:``) is shown, never linked."""
    local = local_path(iri)
    if local is not None:
        return local
    return iri if iri.lower().startswith(("http://", "https://")) else None


@dataclass
class Term:
    """A value as shown: text, an optional link, a note (language, datatype, short IRI)."""

    text: str
    href: str | None = None
    note: str = ""
    iri: str = ""


@dataclass
class Statement:
    """One predicate of the subject with its values; ``inferred`` when derived on load."""

    predicate: Term
    values: list[Term]
    inferred: bool = False


@dataclass
class Citation:
    """A quote with its source and the other fields of the citation node."""

    quote: str
    source: Term | None
    extra: list[Statement] = field(default_factory=list)
    href: str | None = None
    translation: str = ""  # the curators' English translation, never the source's words
    language: str = ""  # the quote's language tag


@dataclass
class Description:
    """Everything the page of one resource shows."""

    iri: str
    title: str
    name_en: str
    name_vi: str
    aliases: list[str]
    classes: list[Term]
    statements: list[Statement]
    citations: list[Citation]
    incoming: list[tuple[Term, Term]]
    definition: list[str] = field(default_factory=list)


def _label(graph: Graph, node: Node, lang: str) -> str:
    for prop in (SKOS.prefLabel, DCTERMS.title, RDFS.label):
        for value in graph.objects(node, prop):
            if isinstance(value, Literal) and value.language == lang:
                return str(value)
    return ""


def term(graph: Graph, node: Node) -> Term:
    """How a node is shown: a resource by its names and a link, a literal by its text."""
    if isinstance(node, URIRef):
        iri = str(node)
        en, vi = _label(graph, node, "en"), _label(graph, node, "vi")
        text = " · ".join(x for x in (en, vi) if x) or shorten(iri)
        note = shorten(iri) if (en or vi) else ""
        return Term(text, link(iri), note, iri)
    if isinstance(node, Literal):
        note = f"@{node.language}" if node.language else ""
        if node.datatype:
            note = shorten(str(node.datatype))
        return Term(str(node), None, note)
    return Term(str(node))


def _statements(graph: Graph, inferred: Graph, node: Node) -> list[Statement]:
    grouped: dict[Node, list[Node]] = {}
    for p, o in graph.predicate_objects(node):
        if p not in CITING:
            grouped.setdefault(p, []).append(o)
    out = []
    for p in sorted(grouped, key=lambda x: (x != RDF.type, shorten(str(x)))):
        values = sorted(grouped[p], key=lambda o: (isinstance(o, Literal), str(o)))
        derived = all((node, p, o) in inferred for o in values)
        out.append(Statement(term(graph, p), [term(graph, o) for o in values], derived))
    return out


def _citations(graph: Graph, inferred: Graph, node: URIRef) -> list[Citation]:
    found = []
    for citation in sorted(graph.objects(node, VNRU.citation), key=str):
        quotes = list(graph.objects(citation, VNRU.quote))
        quote = " ".join(str(q) for q in quotes)
        language = next((q.language for q in quotes if isinstance(q, Literal) and q.language), "")
        translation = " ".join(str(t) for t in graph.objects(citation, VNRU.translation))
        source = graph.value(citation, VNRU.source)
        shown_apart = (str(VNRU.quote), str(VNRU.source), str(VNRU.translation), str(RDF.type))
        extra = [
            s for s in _statements(graph, inferred, citation) if s.predicate.iri not in shown_apart
        ]
        href = local_path(str(citation)) if isinstance(citation, URIRef) else None
        found.append(
            Citation(
                quote,
                term(graph, source) if source else None,
                extra,
                href,
                translation,
                language or "",
            )
        )
    return found


def known(graph: Graph, node: URIRef) -> bool:
    """Whether the graph says anything about ``node`` (as subject or object)."""
    return (node, None, None) in graph or (None, None, node) in graph


def describe(graph: Graph, inferred: Graph, node: URIRef) -> Description:
    """The page content of a resource the graph says something about (see :func:`known`)."""
    en, vi = _label(graph, node, "en"), _label(graph, node, "vi")
    incoming = [
        (term(graph, s), term(graph, p))
        for s, p in sorted(graph.subject_predicates(node), key=lambda sp: (str(sp[1]), str(sp[0])))
        if isinstance(s, URIRef) and p not in CITING
    ][:MAX_INCOMING]
    asserted = [c for c in graph.objects(node, RDF.type) if (node, RDF.type, c) not in inferred]
    return Description(
        iri=str(node),
        title=en or vi or shorten(str(node)),
        name_en=en,
        name_vi=vi,
        aliases=sorted(str(a) for a in graph.objects(node, SKOS.altLabel)),
        classes=[term(graph, c) for c in sorted(asserted, key=str)],
        statements=_statements(graph, inferred, node),
        citations=_citations(graph, inferred, node),
        incoming=incoming,
        definition=[str(d) for d in graph.objects(node, SKOS.definition)],
    )


def rdf_description(graph: Graph, node: URIRef) -> Graph:
    """The triples about a resource and about the nodes minted under its IRI (citations …)."""
    out = Graph()
    todo, seen = [node], set()
    while todo:
        subject = todo.pop()
        if subject in seen:
            continue
        seen.add(subject)
        for p, o in graph.predicate_objects(subject):
            out.add((subject, p, o))
            if isinstance(o, URIRef) and str(o).startswith(str(node) + "/"):
                todo.append(o)
    return out
