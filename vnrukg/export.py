"""Deterministic exports: the same graph gives the same bytes in every format.

The writers of the ``graph`` and ``dataset`` formats of :mod:`vnrukg.formats`. Turtle comes
from rdflib's sorting serializer; N-Triples and N-Quads are sorted lines; TriG is one sorted
Turtle block per named graph; JSON-LD is rdflib's output with nodes and values sorted; RDF/XML
is pyoxigraph's serializer given the triples sorted, which writes one ``rdf:Description`` per
run of a subject in the order given, so the same graph gives the same bytes
(``tests/test_export.py`` proves it for shuffled input and across processes). Turtle, TriG and
JSON-LD stay rdflib's: pyoxigraph's Turtle writer does not sort (it writes in the order given,
with no ``;``-grouping across runs) and has no JSON-LD context compaction.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef

from . import formats
from .errors import VnrukgError
from .namespaces import PREFIXES, bind_prefixes
from .network import build_network
from .sparql import from_rdflib
from .store import KnowledgeGraph
from .util import atomic_write


def _prefixed(graph: Graph) -> Graph:
    out = Graph()
    bind_prefixes(out)
    out += graph
    return out


def _sorted_lines(text: str) -> bytes:
    lines = sorted({line for line in text.splitlines() if line.strip()})
    return ("\n".join(lines) + "\n").encode("utf-8") if lines else b""


def _ntriples(graph: Graph) -> str:
    return graph.serialize(format="nt", encoding="utf-8").decode("utf-8")


def _turtle(graph: Graph) -> str:
    return _prefixed(graph).serialize(format="turtle")


def _sort_json(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _sort_json(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        items = [_sort_json(v) for v in value]
        return sorted(items, key=lambda v: json.dumps(v, sort_keys=True, ensure_ascii=False))
    return value


def _jsonld(graph: Graph) -> bytes:
    context = {p: ns for p, ns in PREFIXES.items()}
    raw = json.loads(graph.serialize(format="json-ld", context=context, auto_compact=True))
    nodes = raw.get("@graph", [raw] if "@id" in raw else [])
    nodes = sorted((_sort_json(n) for n in nodes), key=lambda n: str(n.get("@id", "")))
    document = {"@context": context, "@graph": nodes}
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def _rdfxml_prefixes(graph: Graph) -> dict[str, str]:
    """The project's prefixes that the predicates and classes of ``graph`` use."""
    used = {str(p) for p in graph.predicates()} | {str(o) for o in graph.objects(None, _TYPE)}
    return {
        prefix: ns for prefix, ns in PREFIXES.items() if any(iri.startswith(ns) for iri in used)
    }


_TYPE = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")


def _sort_key(triple: tuple[Any, Any, Any]) -> tuple[str, str, str]:
    s, p, o = triple
    return (str(s), str(p), o.n3())


def write_turtle(graph: Graph) -> bytes:
    """Turtle with the project's prefixes, from rdflib's sorting serializer."""
    return _turtle(graph).encode("utf-8")


def write_ntriples(graph: Graph) -> bytes:
    """N-Triples, one sorted line per triple."""
    return _sorted_lines(_ntriples(graph))


def write_jsonld(graph: Graph) -> bytes:
    """JSON-LD with the project's prefixes as context, nodes and values sorted."""
    return _jsonld(graph)


def write_rdfxml(graph: Graph) -> bytes:
    """RDF/XML from pyoxigraph's serializer, the triples given in sorted order."""
    cache: dict[Any, Any] = {}

    def term(node: Any) -> Any:
        if node not in cache:
            cache[node] = from_rdflib(node)
        return cache[node]

    triples = [ox.Triple(term(s), term(p), term(o)) for s, p, o in sorted(graph, key=_sort_key)]
    try:
        data = ox.serialize(triples, format=ox.RdfFormat.RDF_XML, prefixes=_rdfxml_prefixes(graph))
    except (ValueError, OSError) as exc:
        raise VnrukgError(f"cannot write RDF/XML: {exc}") from None
    assert data is not None  # no output file given: the bytes are returned
    return data


def write_nquads(named: dict[URIRef, Graph]) -> bytes:
    """N-Quads: each named graph's triples, one sorted line per quad."""
    lines = []
    for name, graph in named.items():
        for line in _ntriples(graph).splitlines():
            if line.strip():
                lines.append(f"{line.rstrip().removesuffix('.').rstrip()} <{name}> .")
    return _sorted_lines("\n".join(lines))


def write_trig(named: dict[URIRef, Graph]) -> bytes:
    """TriG: one sorted Turtle block per named graph, the graphs sorted by name."""
    header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
    blocks = [header]
    for name in sorted(named, key=str):
        body = _turtle(named[name])
        body = "\n".join(line for line in body.splitlines() if not line.startswith("@prefix"))
        blocks.append(f"<{name}> {{\n{body.strip()}\n}}\n")
    return "\n".join(blocks).encode("utf-8")


def serialize(graph: Graph, fmt: str) -> bytes:
    """One graph in a graph format (``ttl``, ``nt``, ``jsonld``, ``xml``)."""
    data: bytes = formats.get(fmt, [formats.GRAPH]).write(graph)
    return data


def export_bytes(kg: KnowledgeGraph, fmt: str) -> bytes:
    """The whole knowledge graph in ``fmt``; quad formats keep one named graph per file."""
    chosen = formats.get(fmt, [formats.GRAPH, formats.DATASET, formats.NETWORK])
    data: bytes
    if chosen.kind == formats.NETWORK:
        data = chosen.write(build_network(kg))
    elif chosen.kind == formats.DATASET:
        data = chosen.write(kg.named)
    else:
        data = chosen.write(kg.graph)
    return data


def export(kg: KnowledgeGraph, fmt: str, output: str | Path) -> int:
    """Write an export to ``output`` atomically (``-`` is not handled here); bytes written."""
    data = export_bytes(kg, fmt)
    atomic_write(Path(output), data)
    return len(data)
