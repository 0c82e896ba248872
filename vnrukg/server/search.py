"""Search over the names of entities and concepts, insensitive to case and diacritics.

"ha noi", "Hà Nội" and "HA NỘI" find the same thing: names and queries are folded to plain
lower-case letters (NFD, combining marks dropped, đ → d) before they are compared.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, SKOS

from ..namespaces import VNRD, VNRV


def fold(text: str) -> str:
    """Text without case or diacritics (Vietnamese đ included), spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.casefold().split())


@dataclass(frozen=True)
class Entry:
    """A searchable resource: its IRI, names, classes and the folded text to match."""

    iri: URIRef
    name_en: str
    name_vi: str
    aliases: tuple[str, ...]
    classes: tuple[URIRef, ...]
    text: str


def _label(graph: Graph, node: URIRef, lang: str) -> str:
    for value in graph.objects(node, SKOS.prefLabel):
        if isinstance(value, Literal) and value.language == lang:
            return str(value)
    return ""


def build_index(graph: Graph, asserted: Graph | None = None) -> list[Entry]:
    """An entry for every entity (``vnrd:``) and concept (``vnrv:``) with a preferred label."""
    asserted = asserted if asserted is not None else graph
    entries = []
    for node in sorted({s for s in graph.subjects(SKOS.prefLabel) if isinstance(s, URIRef)}):
        if not str(node).startswith((str(VNRD), str(VNRV))):
            continue
        aliases = tuple(sorted(str(a) for a in graph.objects(node, SKOS.altLabel)))
        en, vi = _label(graph, node, "en"), _label(graph, node, "vi")
        classes = tuple(
            sorted(c for c in asserted.objects(node, RDF.type) if isinstance(c, URIRef))
        )
        slug = str(node).rsplit("/", 1)[-1].replace("-", " ")
        text = fold(" | ".join((en, vi, *aliases, slug)))
        entries.append(Entry(node, en, vi, aliases, classes, text))
    return entries


def search(entries: list[Entry], query: str, limit: int = 100) -> list[Entry]:
    """Entries whose names hold every word of the query, best matches first."""
    words = fold(query).split()
    if not words:
        return []
    folded = " ".join(words)

    def rank(entry: Entry) -> tuple[int, str]:
        names = [fold(n) for n in (entry.name_en, entry.name_vi, *entry.aliases)]
        if folded in names:
            return (0, entry.name_en or entry.name_vi)
        if any(n.startswith(folded) for n in names):
            return (1, entry.name_en or entry.name_vi)
        return (2, entry.name_en or entry.name_vi)

    found = [e for e in entries if all(w in e.text for w in words)]
    return sorted(found, key=rank)[:limit]
