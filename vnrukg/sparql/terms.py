"""The one term type that crosses the query core's boundary, and every conversion to and from it.

An RDF term is a pyoxigraph term (:data:`Term`: ``NamedNode``, ``BlankNode`` or ``Literal``)
wherever it leaves :mod:`vnrukg.sparql`: in query results, in parameter bindings, in the rows the
result writers read. Oxigraph answers in these terms already, so the fast path converts nothing;
the rdflib engine converts its answers here (:func:`from_rdflib`, with typed literals in
Oxigraph's canonical lexical form, :func:`canonical`), so both engines give equal terms.

The other direction, :func:`to_rdflib`, serves rdflib's own users (the rdflib engine's
bindings, graph results written by rdflib's serializers). rdflib is imported inside those
functions only: importing it costs 0.1 s, and a cold ``vnrukg query`` on Oxigraph never needs it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, NamedTuple, TypeAlias

import pyoxigraph as ox

from ..errors import VnrukgError

if TYPE_CHECKING:
    from rdflib import Graph
    from rdflib.term import Node

#: An RDF term as the query core hands it out (and takes it in).
Term: TypeAlias = ox.NamedNode | ox.BlankNode | ox.Literal
#: One row of a SELECT result: a term per variable, None where it is unbound.
Row: TypeAlias = tuple[Term | None, ...]

XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"


class TermParts(NamedTuple):
    """What output needs of a term: kind (``uri``, ``bnode``, ``literal``), text, tag, type."""

    kind: str
    text: str
    language: str | None = None
    datatype: str | None = None


def parts(term: Term) -> TermParts:
    """The :class:`TermParts` of a term (``xsd:string`` is left implicit)."""
    if isinstance(term, ox.NamedNode):
        return TermParts("uri", term.value)
    if isinstance(term, ox.BlankNode):
        return TermParts("bnode", term.value)
    datatype = term.datatype.value
    if term.language or datatype == XSD_STRING:
        return TermParts("literal", term.value, term.language or None)
    return TermParts("literal", term.value, None, datatype)


def literal(text: str, datatype: str | None = None) -> ox.Literal:
    """A literal with a datatype IRI (a simple literal without one)."""
    if datatype is None:
        return ox.Literal(text)
    return ox.Literal(text, datatype=ox.NamedNode(datatype))


# --- rdflib -------------------------------------------------------------------------------------

_TO_RDFLIB: dict[Term | ox.Triple, Node] = {}


def to_rdflib(term: Term | ox.Triple) -> Node:
    """The rdflib term for a term, keeping its lexical form exactly."""
    value = _TO_RDFLIB.get(term)
    if value is None:
        if len(_TO_RDFLIB) > 200_000:
            _TO_RDFLIB.clear()
        value = _TO_RDFLIB[term] = _to_rdflib(term)
    return value


def _to_rdflib(term: Term | ox.Triple) -> Node:
    # rdflib costs 0.1 s to import: only rdflib's own users (not a cold query) come here
    from rdflib.term import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language, normalize=False)
        if term.datatype.value == XSD_STRING:
            return Literal(term.value, normalize=False)
        return Literal(term.value, datatype=URIRef(term.datatype.value), normalize=False)
    raise VnrukgError(f"Oxigraph returned a term vnrukg cannot show: {term!r}")


def from_rdflib(term: Node) -> Term:
    """The term for an rdflib term (IRI, blank node or literal), lexical form as written."""
    # rdflib costs 0.1 s to import: only rdflib's own users (not a cold query) come here
    from rdflib.term import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise VnrukgError(f"cannot store {term!r} in Oxigraph")


def converter() -> dict[Node, Term]:
    """A cache for :func:`convert`: the rdflib terms of one graph repeat many times."""
    return {}


def convert(term: Node, cache: dict[Node, Term]) -> Term:
    """:func:`from_rdflib`, remembered in ``cache``."""
    value = cache.get(term)
    if value is None:
        value = cache[term] = from_rdflib(term)
    return value


def fill(store: ox.Store, graph: Graph) -> None:
    """Add every triple of an rdflib graph to an Oxigraph store's default graph."""
    cache = converter()
    store.bulk_extend(_quad(s, p, o, cache) for s, p, o in graph)


def _quad(s: Node, p: Node, o: Node, cache: dict[Node, Term]) -> ox.Quad:
    subject, predicate = convert(s, cache), convert(p, cache)
    if isinstance(subject, ox.Literal) or not isinstance(predicate, ox.NamedNode):
        raise VnrukgError(f"not an RDF triple: {s} {p} {o}")
    return ox.Quad(subject, predicate, convert(o, cache), ox.DefaultGraph())


def to_rdflib_graph(triples: Iterable[ox.Triple]) -> Graph:
    """An rdflib graph of ``triples`` (for rdflib's serializers)."""
    # rdflib costs 0.1 s to import: only graph results written by rdflib's serializers need it
    from rdflib import Graph

    graph = Graph()
    for triple in triples:
        graph.add(
            (to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object))
        )
    return graph


# --- canonical lexical forms --------------------------------------------------------------------

_CANON: dict[Term, Term] = {}


def _needs_canon(term: Term) -> bool:
    if not isinstance(term, ox.Literal):
        return False
    if term.language:
        return term.language != term.language.lower()
    return term.datatype.value != XSD_STRING


def canonical(terms: Iterable[Term]) -> dict[Term, Term]:
    """Each typed literal among ``terms`` in the lexical form Oxigraph gives it.

    Oxigraph stores numbers, booleans and dates by value and writes them back canonically
    (``4500000000.0``^^xsd:decimal comes back as ``4500000000``); rdflib keeps the text as
    written. Passing rdflib's answers through this makes both engines answer alike.
    """
    unique = list(dict.fromkeys(terms))
    todo = [t for t in unique if t not in _CANON and _needs_canon(t)]
    if todo:
        scratch = ox.Store()
        predicate = ox.NamedNode("urn:vnrukg:canon")
        scratch.extend(
            ox.Quad(ox.NamedNode(f"urn:vnrukg:canon:{i}"), predicate, term)
            for i, term in enumerate(todo)
        )
        for quad in scratch.quads_for_pattern(None, predicate, None):
            assert isinstance(quad.subject, ox.NamedNode)
            index = int(quad.subject.value.rsplit(":", 1)[1])
            obj = quad.object
            assert isinstance(obj, ox.NamedNode | ox.BlankNode | ox.Literal)
            _CANON[todo[index]] = obj
        if len(_CANON) > 100_000:
            _CANON.clear()
    return {t: _CANON[t] for t in unique if t in _CANON}
