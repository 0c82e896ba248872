"""The one registry of output formats: name, kind, extensions, media types, writer.

Everything that offers a choice of format is derived from :data:`FORMATS`: ``vnrukg export``
and ``vnrukg query --format`` (their choices, and the format guessed from a file's extension),
``vnrukg build`` (one file per graph, dataset and network format), the endpoint's content
negotiation (media types, ``format=`` names, the service description's format IRIs), and the
result writers.

A format's kind says what it carries and so what its writer takes:

- ``graph`` (RDF triples): an rdflib ``Graph`` → bytes (:mod:`vnrukg.export`);
- ``dataset`` (named graphs): a dict of graph name → ``Graph`` → bytes (:mod:`vnrukg.export`);
- ``results`` (SELECT/ASK answers): a :class:`~vnrukg.sparql.QueryResult` → text
  (:mod:`vnrukg.results`); ``cli`` ones are what ``vnrukg query`` prints, ``http`` ones the
  W3C formats the endpoint serves;
- ``network`` (the entity network): an ``EntityNetwork`` → bytes (:mod:`vnrukg.gephi`).

Writers are named here, not imported: the RDF and network writers need rdflib and networkx
(0.1–0.3 s to import) and a cold ``vnrukg query`` must not pay for them. ``tests/test_formats.py``
resolves every name. To add a format: an entry below and its writer in the module for its kind.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import UsageError

GRAPH, DATASET, RESULTS, NETWORK = "graph", "dataset", "results", "network"
KINDS = (GRAPH, DATASET, RESULTS, NETWORK)
_W3C = "http://www.w3.org/ns/formats/"


@dataclass(frozen=True)
class Format:
    """An output format and everything the rest of the package needs to know about it."""

    name: str
    kind: str
    media_type: str
    label: str
    writer: str  # "module:function" in vnrukg, resolved on first use
    extensions: tuple[str, ...] = ()  # the first one names the file `vnrukg build` writes
    names: tuple[str, ...] = ()  # other names a client may ask for (``format=turtle``)
    media_aliases: tuple[str, ...] = ()  # other media types clients send for it
    iri: str | None = None  # its IRI in http://www.w3.org/ns/formats/, where it has one
    surfaces: frozenset[str] = field(default=frozenset({"cli", "http"}))

    @property
    def write(self) -> Callable[..., Any]:
        """The writer function."""
        module, function = self.writer.split(":")
        writer: Callable[..., Any] = getattr(importlib.import_module(module), function)
        return writer

    @property
    def extension(self) -> str:
        """The extension of the file ``vnrukg build`` writes in this format."""
        return self.extensions[0]

    @property
    def content_type(self) -> str:
        """The Content-Type header for this format (always UTF-8)."""
        return f"{self.media_type}; charset=utf-8"


def _f(name: str, kind: str, media_type: str, label: str, writer: str, **extra: Any) -> Format:
    surfaces = extra.pop("surfaces", ("cli", "http"))
    return Format(name, kind, media_type, label, writer, surfaces=frozenset(surfaces), **extra)


_EXPORT, _RESULTS, _GEPHI = "vnrukg.export", "vnrukg.results", "vnrukg.gephi"

#: Every format, in the order they are offered.
FORMATS: tuple[Format, ...] = (
    _f("ttl", GRAPH, "text/turtle", "Turtle", f"{_EXPORT}:write_turtle",
       extensions=(".ttl", ".turtle"), names=("turtle", "n3"),
       media_aliases=("application/turtle", "application/x-turtle", "text/n3", "text/rdf+n3",
                      "application/n3"), iri=_W3C + "Turtle"),
    _f("nt", GRAPH, "application/n-triples", "N-Triples", f"{_EXPORT}:write_ntriples",
       extensions=(".nt",), names=("ntriples", "n-triples"), media_aliases=("text/plain",),
       iri=_W3C + "N-Triples"),
    _f("nq", DATASET, "application/n-quads", "N-Quads", f"{_EXPORT}:write_nquads",
       extensions=(".nq",), iri=_W3C + "N-Quads", surfaces=("cli",)),
    _f("trig", DATASET, "application/trig", "TriG", f"{_EXPORT}:write_trig",
       extensions=(".trig",), iri=_W3C + "TriG", surfaces=("cli",)),
    _f("jsonld", GRAPH, "application/ld+json", "JSON-LD", f"{_EXPORT}:write_jsonld",
       extensions=(".jsonld", ".json"), names=("json-ld", "json"),
       media_aliases=("application/x-json+ld", "application/json", "text/json",
                      "text/javascript", "application/javascript"), iri=_W3C + "JSON-LD"),
    _f("xml", GRAPH, "application/rdf+xml", "RDF/XML", f"{_EXPORT}:write_rdfxml",
       extensions=(".rdf", ".xml", ".owl"), names=("rdfxml", "rdf+xml", "rdf"),
       media_aliases=("application/xml", "text/xml"), iri=_W3C + "RDF_XML"),
    _f("graphml", NETWORK, "application/graphml+xml", "GraphML", f"{_GEPHI}:write_graphml",
       extensions=(".graphml",), surfaces=("cli",)),
    _f("gexf", NETWORK, "application/gexf+xml", "GEXF", f"{_GEPHI}:write_gexf",
       extensions=(".gexf",), surfaces=("cli",)),
    # what `vnrukg query` prints for SELECT and ASK
    _f("table", RESULTS, "text/plain", "table", f"{_RESULTS}:write_table", surfaces=("cli",)),
    _f("csv", RESULTS, "text/csv", "CSV", f"{_RESULTS}:write_csv", surfaces=("cli",)),
    _f("tsv", RESULTS, "text/tab-separated-values", "TSV", f"{_RESULTS}:write_tsv",
       surfaces=("cli",)),
    _f("json", RESULTS, "application/sparql-results+json", "JSON", f"{_RESULTS}:write_json",
       surfaces=("cli",)),
    _f("jsonl", RESULTS, "application/jsonl", "JSON Lines", f"{_RESULTS}:write_jsonl",
       surfaces=("cli",)),
    # the W3C SPARQL result formats the endpoint serves
    _f("json", RESULTS, "application/sparql-results+json", "JSON", f"{_RESULTS}:sparql_json",
       names=("srj",), media_aliases=("application/json", "text/json", "text/javascript",
                                      "application/javascript"),
       iri=_W3C + "SPARQL_Results_JSON", surfaces=("http",)),
    _f("xml", RESULTS, "application/sparql-results+xml", "XML", f"{_RESULTS}:sparql_xml",
       media_aliases=("application/xml", "text/xml"), iri=_W3C + "SPARQL_Results_XML",
       surfaces=("http",)),
    _f("csv", RESULTS, "text/csv", "CSV", f"{_RESULTS}:sparql_csv",
       iri=_W3C + "SPARQL_Results_CSV", surfaces=("http",)),
    _f("tsv", RESULTS, "text/tab-separated-values", "TSV", f"{_RESULTS}:sparql_tsv",
       iri=_W3C + "SPARQL_Results_TSV", surfaces=("http",)),
)  # fmt: skip


def formats(*kinds: str, surface: str = "cli") -> tuple[Format, ...]:
    """The formats of these kinds offered on a surface (``cli`` or ``http``), in order."""
    return tuple(f for f in FORMATS if f.kind in kinds and surface in f.surfaces)


def names(*kinds: str, surface: str = "cli") -> tuple[str, ...]:
    """The names of :func:`formats`."""
    return tuple(f.name for f in formats(*kinds, surface=surface))


def get(name: str, kinds: Iterable[str] = KINDS, surface: str = "cli") -> Format:
    """The format called ``name`` among those of ``kinds`` on a surface; else a UsageError."""
    kinds = tuple(kinds)
    for fmt in formats(*kinds, surface=surface):
        if fmt.name == name:
            return fmt
    choices = ", ".join(names(*kinds, surface=surface))
    raise UsageError(f"unknown format {name!r}: choose one of {choices}")


def guess(path: str | Path, kinds: Iterable[str] = (GRAPH, DATASET, NETWORK)) -> Format:
    """The format a file name's extension stands for."""
    kinds = tuple(kinds)
    suffix = Path(path).suffix.lower()
    for fmt in formats(*kinds):
        if suffix in fmt.extensions:
            return fmt
    choices = ", ".join(f.name for f in formats(GRAPH, DATASET))
    raise UsageError(f"cannot tell the format from {Path(path).name!r}: pass --format ({choices})")
