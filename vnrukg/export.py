"""Deterministic exports: the same graph gives the same bytes in every format.

Turtle comes from rdflib's sorting serializer; N-Triples and N-Quads are sorted lines; TriG is
one sorted Turtle block per named graph; JSON-LD is rdflib's output with nodes and values
sorted; RDF/XML is written here, one sorted ``rdf:Description`` per subject.
"""

from __future__ import annotations

import json
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF

from .errors import UsageError, VnrukgError
from .namespaces import PREFIXES, bind_prefixes
from .store import KnowledgeGraph
from .util import atomic_write

FORMATS = ("ttl", "nt", "nq", "trig", "jsonld", "xml")
#: Network formats for Gephi and the like, made by :mod:`vnrukg.gephi` from the entity network.
NETWORK_FORMATS = ("graphml", "gexf")
EXTENSIONS = {
    ".ttl": "ttl",
    ".turtle": "ttl",
    ".nt": "nt",
    ".nq": "nq",
    ".trig": "trig",
    ".jsonld": "jsonld",
    ".json": "jsonld",
    ".rdf": "xml",
    ".xml": "xml",
    ".owl": "xml",
    ".graphml": "graphml",
    ".gexf": "gexf",
}
MEDIA_TYPES = {
    "ttl": "text/turtle",
    "nt": "application/n-triples",
    "nq": "application/n-quads",
    "trig": "application/trig",
    "jsonld": "application/ld+json",
    "xml": "application/rdf+xml",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
}


def guess_format(path: str | Path) -> str:
    """The export format for a file name's extension."""
    suffix = Path(path).suffix.lower()
    if suffix not in EXTENSIONS:
        raise UsageError(
            f"cannot tell the format from {Path(path).name!r}: pass --format ({', '.join(FORMATS)})"
        )
    return EXTENSIONS[suffix]


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


def _sort_json(value):
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


def _split(iri: str) -> tuple[str, str]:
    for index in range(len(iri) - 1, -1, -1):
        if iri[index] in "#/:":
            local = iri[index + 1 :]
            if (
                local
                and (local[0].isalpha() or local[0] == "_")
                and all(c.isalnum() or c in "-_." for c in local)
            ):
                return iri[: index + 1], local
            break
    raise VnrukgError(f"cannot write predicate <{iri}> in RDF/XML")


def _xml(graph: Graph) -> bytes:
    namespaces = {ns: p for p, ns in PREFIXES.items()}
    used: dict[str, str] = {}
    for predicate in set(graph.predicates()):
        ns, _ = _split(str(predicate))
        used[ns] = namespaces.get(ns) or f"ns{len(used) + 1}"
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    used.setdefault(str(RDF), "rdf")
    for ns, prefix in sorted(used.items(), key=lambda item: item[1]):
        lines.append(f"  xmlns:{prefix}={quoteattr(ns)}")
    lines[-1] += ">"
    for subject in sorted(set(graph.subjects()), key=str):
        lines.append(f"  <rdf:Description rdf:about={quoteattr(str(subject))}>")
        for predicate, obj in sorted(
            graph.predicate_objects(subject), key=lambda po: (str(po[0]), po[1].n3())
        ):
            ns, local = _split(str(predicate))
            tag = f"{used[ns]}:{local}"
            if isinstance(obj, URIRef):
                lines.append(f"    <{tag} rdf:resource={quoteattr(str(obj))}/>")
            elif isinstance(obj, Literal):
                attrs = ""
                if obj.language:
                    attrs = f" xml:lang={quoteattr(obj.language)}"
                elif obj.datatype:
                    attrs = f" rdf:datatype={quoteattr(str(obj.datatype))}"
                lines.append(f"    <{tag}{attrs}>{escape(str(obj))}</{tag}>")
            else:
                raise VnrukgError(f"blank node {obj} cannot be exported (graphs are skolemized)")
        lines.append("  </rdf:Description>")
    lines.append("</rdf:RDF>")
    return ("\n".join(lines) + "\n").encode("utf-8")


def serialize(graph: Graph, fmt: str) -> bytes:
    """One graph in a triple format (``ttl``, ``nt``, ``jsonld``, ``xml``)."""
    if fmt == "ttl":
        return _turtle(graph).encode("utf-8")
    if fmt == "nt":
        return _sorted_lines(_ntriples(graph))
    if fmt == "jsonld":
        return _jsonld(graph)
    if fmt == "xml":
        return _xml(graph)
    raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")


def serialize_dataset(named: dict[URIRef, Graph], fmt: str) -> bytes:
    """Named graphs in a quad format (``nq`` or ``trig``)."""
    if fmt == "nq":
        lines = []
        for name, graph in named.items():
            for line in _ntriples(graph).splitlines():
                if line.strip():
                    lines.append(f"{line.rstrip().removesuffix('.').rstrip()} <{name}> .")
        return _sorted_lines("\n".join(lines))
    if fmt == "trig":
        header = "".join(f"@prefix {p}: <{ns}> .\n" for p, ns in PREFIXES.items())
        blocks = [header]
        for name in sorted(named, key=str):
            body = _turtle(named[name])
            body = "\n".join(line for line in body.splitlines() if not line.startswith("@prefix"))
            blocks.append(f"<{name}> {{\n{body.strip()}\n}}\n")
        return "\n".join(blocks).encode("utf-8")
    raise UsageError(f"{fmt!r} is not a quad format")


def export_bytes(kg: KnowledgeGraph, fmt: str) -> bytes:
    """The whole knowledge graph in ``fmt``; quad formats keep one named graph per file."""
    if fmt in NETWORK_FORMATS:
        from .gephi import network_bytes
        from .network import build_network

        return network_bytes(build_network(kg), fmt)
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt in ("nq", "trig"):
        return serialize_dataset(kg.named, fmt)
    return serialize(kg.graph, fmt)


def export(kg: KnowledgeGraph, fmt: str, output: str | Path) -> int:
    """Write an export to ``output`` atomically (``-`` is not handled here); bytes written."""
    data = export_bytes(kg, fmt)
    atomic_write(Path(output), data)
    return len(data)


def as_dataset(kg: KnowledgeGraph) -> Dataset:
    """The knowledge graph as an rdflib Dataset with its named graphs."""
    dataset = Dataset()
    for name, graph in kg.named.items():
        part = dataset.graph(name)
        part += graph
    return dataset
