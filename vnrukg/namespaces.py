"""The IRIs of the project, configured in one place.

Every IRI the project mints lives under :data:`BASE`. Entity IRIs are minted once from stable
slugs (``vnrd:phan-van-giang``) and never change; ontology terms live under ``vnru:``, the
controlled vocabularies under ``vnrv:``, the SHACL shapes under ``vnrsh:`` and the named graphs
of the TriG/N-Quads exports under ``vnrg:``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rdflib import Graph, Namespace

BASE = "https://w3id.org/vnrukg/"
ONTOLOGY_IRI = BASE + "ontology"
#: The named graph ``vnrukg push`` replaces unless told otherwise.
DEFAULT_GRAPH = BASE + "graph/all"

# The namespaces as plain strings: this module is imported on the fast path of `vnrukg query`,
# which must not import rdflib (about 0.1 s); the rdflib Namespace objects (VNRU, ORG, …) are
# made on first use by the module's __getattr__ below.
_NAMESPACES: dict[str, str] = {
    "VNRU": BASE + "ontology#",
    "VNRD": BASE + "id/",
    "VNRV": BASE + "vocab/",
    "VNRSH": BASE + "shapes#",
    "VNRG": BASE + "graph/",
    "ORG": "http://www.w3.org/ns/org#",
    "QB": "http://purl.org/linked-data/cube#",
    "SCHEMA": "https://schema.org/",
    "VANN": "http://purl.org/vocab/vann/",
}

#: Prefixes used in every serialisation, query and table, in this order.
PREFIXES: dict[str, str] = {
    "vnru": _NAMESPACES["VNRU"],
    "vnrd": _NAMESPACES["VNRD"],
    "vnrv": _NAMESPACES["VNRV"],
    "vnrsh": _NAMESPACES["VNRSH"],
    "vnrg": _NAMESPACES["VNRG"],
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "dcterms": "http://purl.org/dc/terms/",
    "org": _NAMESPACES["ORG"],
    "time": "http://www.w3.org/2006/time#",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": _NAMESPACES["QB"],
    "schema": _NAMESPACES["SCHEMA"],
    "sh": "http://www.w3.org/ns/shacl#",
    "vann": _NAMESPACES["VANN"],
}

if TYPE_CHECKING:
    VNRU: Namespace
    VNRD: Namespace
    VNRV: Namespace
    VNRSH: Namespace
    VNRG: Namespace
    ORG: Namespace
    QB: Namespace
    SCHEMA: Namespace
    VANN: Namespace


def __getattr__(name: str) -> Namespace:
    """Make the rdflib ``Namespace`` objects (``VNRU`` …) on first use."""
    if name in _NAMESPACES:
        # rdflib costs 0.1 s to import: a cold query uses only the plain strings above
        from rdflib import Namespace

        value = Namespace(_NAMESPACES[name])
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def bind_prefixes(graph: Graph) -> None:
    """Bind the project's prefixes on an rdflib graph (replacing rdflib's defaults)."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)


#: The prefixes, longest namespace first (the first of equal length as in PREFIXES).
_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))
#: A local name :func:`shorten` writes: letters, digits (of any script), ``_``, ``-`` and ``.``
#: (``\w`` is exactly ``str.isalnum()`` or ``_``).
_LOCAL = re.compile(r"[\w.-]+")


def shorten(iri: str) -> str:
    """Write an IRI with the longest matching project prefix (``vnrd:phan-van-giang``)."""
    for prefix, namespace in _LONGEST_FIRST:
        if iri.startswith(namespace) and _LOCAL.fullmatch(iri, len(namespace)):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


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
    return _NAMESPACES["VNRD"] + term
