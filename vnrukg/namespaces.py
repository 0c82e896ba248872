"""The IRIs of the project, configured in one place.

Every IRI the project mints lives under :data:`BASE`. Entity IRIs are minted once from stable
slugs (``vnrd:phan-van-giang``) and never change; ontology terms live under ``vnru:``, the
controlled vocabularies under ``vnrv:``, the SHACL shapes under ``vnrsh:`` and the named graphs
of the TriG/N-Quads exports under ``vnrg:``.
"""

from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SH, SKOS, TIME, XSD

BASE = "https://w3id.org/vnrukg/"

VNRU = Namespace(BASE + "ontology#")
VNRD = Namespace(BASE + "id/")
VNRV = Namespace(BASE + "vocab/")
VNRSH = Namespace(BASE + "shapes#")
VNRG = Namespace(BASE + "graph/")
ONTOLOGY_IRI = BASE + "ontology"

ORG = Namespace("http://www.w3.org/ns/org#")
QB = Namespace("http://purl.org/linked-data/cube#")
SCHEMA = Namespace("https://schema.org/")
VANN = Namespace("http://purl.org/vocab/vann/")

#: Prefixes used in every serialisation, query and table, in this order.
PREFIXES: dict[str, str] = {
    "vnru": str(VNRU),
    "vnrd": str(VNRD),
    "vnrv": str(VNRV),
    "vnrsh": str(VNRSH),
    "vnrg": str(VNRG),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "org": str(ORG),
    "time": str(TIME),
    "prov": str(PROV),
    "qb": str(QB),
    "schema": str(SCHEMA),
    "sh": str(SH),
    "vann": str(VANN),
}


def bind_prefixes(graph) -> None:
    """Bind the project's prefixes on an rdflib graph (replacing rdflib's defaults)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


def sparql_prologue() -> str:
    """PREFIX declarations for every project prefix, to put before a query's own text."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())


def shorten(iri: str) -> str:
    """Write an IRI with the longest matching project prefix (``vnrd:phan-van-giang``)."""
    best = ""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace) and len(namespace) > len(best):
            local = iri[len(namespace) :]
            if local and all(ch.isalnum() or ch in "-_." for ch in local):
                best = namespace
                result = f"{prefix}:{local}"
    return result if best else iri


def expand(term: str) -> str:
    """Expand ``prefix:local`` to a full IRI; a bare slug is an entity (``vnrd:``)."""
    if term.startswith("<") and term.endswith(">"):
        return term[1:-1]
    if "://" in term:
        return term
    prefix, sep, local = term.partition(":")
    if sep and prefix in PREFIXES:
        return PREFIXES[prefix] + local
    if sep:
        raise ValueError(f"unknown prefix {prefix!r} in {term!r}")
    return str(VNRD) + term
