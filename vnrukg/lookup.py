"""Looking entities up: find by name, show everything about one, list dated facts, chain two.

All four work on the entity network (:mod:`vnrukg.network`), so what they print is what the
page draws, and every fact comes with the quotes that support it. Names match in either
language and with or without diacritics (``phan van giang`` finds Phan Văn Giang).
"""

from __future__ import annotations

import contextlib
import math
import re
from dataclasses import asdict, dataclass, field
from itertools import islice, pairwise
from typing import Any

import networkx as nx
from rdflib import Graph, URIRef

from .errors import UsageError, VnrukgError
from .names import fold, shorten_text
from .namespaces import expand, shorten
from .network import Citation, Entity, EntityNetwork, Relation, year_of
from .search import Entry, suggestions
from .search import search as search_names

#: Families the timeline lists by default, and the ones it can list.
TIMELINE_KINDS = ("event", "session", "agreement", "transaction", "partnership")
DATED_KINDS = (*TIMELINE_KINDS, "statement", "statistics", "project", "mechanism", "period")


# ---------------------------------------------------------------------------------------------
# Search and resolve
# ---------------------------------------------------------------------------------------------


def resolve(net: EntityNetwork, text: str, entries: list[Entry] | None = None) -> Entity:
    """The entity ``text`` names: an IRI, ``vnrd:slug``, a bare slug or a name.

    A name may be written without diacritics; a name that several entities share is refused
    with the list of them; a name that matches nothing gets the nearest names as suggestions.
    """
    found = find(net, text, entries)
    if isinstance(found, Entity):
        return found
    raise VnrukgError(f"{shorten(str(found))} is not drawn in the network (see vnrukg show)")


def find(
    net: EntityNetwork,
    text: str,
    entries: list[Entry] | None = None,
    graph: Graph | None = None,
) -> Entity | URIRef:
    """What ``text`` names: a network entity, or else any node the graph describes (its IRI).

    ``entries`` (:func:`vnrukg.search.build_index`) extends the names beyond the network's
    entities to sources, references, observations, statements and tenures; ``graph`` lets an
    IRI or slug name any node it describes, citations included.
    """
    text = text.strip()
    if not text:
        raise UsageError("give an IRI, a slug or a name")
    for key in _id_forms(text):
        if key in net.entities:
            return net.entities[key]
    iri = _iri(text)
    if iri is not None and graph is not None and (iri, None, None) in graph:
        return iri
    query = fold(text)
    exact = [e for e in net.entities.values() if any(fold(n) == query for n in e.names())]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        choices = ", ".join(f"{e.id} ({e.label('en')})" for e in sorted(exact, key=lambda e: e.id))
        raise UsageError(f"{text!r} names several entities: {choices}; give one of these ids")
    entries = entries if entries is not None else network_entries(net)
    hits = search_names(entries, text, limit=5)
    if len(hits) == 1 or (hits and hits[0].rank == 0 and (len(hits) == 1 or hits[1].rank > 0)):
        return _as_found(net, hits[0].entry.iri)
    hits = hits or suggestions(entries, text)
    hint = "; did you mean " + ", ".join(
        f"{shorten(str(h.entry.iri))} ({h.entry.name_en or h.entry.name_vi})" for h in hits
    )
    raise VnrukgError(f"nothing named {text!r}" + (hint if hits else ""))


def network_entries(net: EntityNetwork) -> list[Entry]:
    """Search entries for the network's own entities (when no graph index is at hand)."""
    return [
        Entry(
            _entity_iri(e),
            e.label("en"),
            e.label("vi"),
            tuple(e.aliases),
            (),
            tuple(dict.fromkeys(fold(n) for n in e.names() if n.strip())),
            e.id.split(":", 1)[-1],
        )
        for e in sorted(net.entities.values(), key=lambda e: e.id)
    ]


def _entity_iri(entity: Entity) -> URIRef:
    """The IRI of a network entity; a series (``series:…``) is its own identifier."""
    try:
        return URIRef(expand(entity.id))
    except ValueError:
        return URIRef(entity.id)


def _as_found(net: EntityNetwork, iri: URIRef) -> Entity | URIRef:
    return net.entities.get(shorten(str(iri)), net.entities.get(str(iri), iri))


def _iri(text: str) -> URIRef | None:
    """The IRI ``text`` may stand for (full, prefixed or a bare slug); none for a name."""
    with contextlib.suppress(ValueError):
        iri = expand(text)
        if _IRI.fullmatch(iri):
            return URIRef(iri)
    return None


_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*")


def _id_forms(text: str) -> list[str]:
    forms = [text]
    with contextlib.suppress(ValueError):
        forms.append(shorten(expand(text)))
    return forms


# ---------------------------------------------------------------------------------------------
# Show
# ---------------------------------------------------------------------------------------------


@dataclass
class Link:
    """A relation seen from one entity: outgoing or incoming, with the entity at the other end."""

    relation: Relation
    outgoing: bool
    other: Entity


def links(net: EntityNetwork, entity: Entity) -> list[Link]:
    """Every relation of ``entity``, outgoing first, then by property and other end."""
    found = []
    for rel in net.relations:
        if rel.source == entity.id:
            found.append(Link(rel, True, net.entities[rel.target]))
        elif rel.target == entity.id:
            found.append(Link(rel, False, net.entities[rel.source]))
    found.sort(key=lambda lk: (not lk.outgoing, lk.relation.label_en, lk.other.id))
    return found


def cite_line(c: Citation) -> str:
    """A citation as one line: the quote and where it comes from."""
    where = c.source + (f" ({c.source_id})" if c.source_id else "")
    extra = (f"; citing {c.via}" if c.via else "") + (f"; attests {c.attests}" if c.attests else "")
    quote = " ".join(c.quote.split())
    return f"“{quote}” — {where}{extra}"


def cite_lines(c: Citation, indent: str, evidence: str = "both") -> list[str]:
    """A citation as text: the quote line, then the curators' translation (``evidence``:
    ``quote``, ``translation`` or ``both``)."""
    translation = " ".join(c.translation.split())
    lines = []
    if evidence != "translation" or not translation:
        lines.append(indent + cite_line(c))
    if evidence != "quote" and translation:
        where = "" if evidence == "both" else f" — {c.source} ({c.source_id})"
        lines.append(f"{indent}  translation (curators'): “{translation}”{where}")
    return lines


def show_text(net: EntityNetwork, entity: Entity, lang: str = "en", evidence: str = "both") -> str:
    """Everything the network knows about ``entity``, with citations, as text."""
    other = entity.label("vi" if lang == "en" else "en")
    lines = [entity.label(lang) + (f" — {other}" if other != entity.label(lang) else "")]
    lines.append(f"{entity.id} · {entity.cls_en} ({entity.cls_vi})")
    if entity.aliases:
        lines.append("also known as: " + "; ".join(entity.aliases))
    for value in entity.dates + entity.values:
        lines.append(f"{_pick(value, lang, 'prop')}: {_pick(value, lang, 'text')}")
    for row in entity.rows:
        lines.append(f"• {row.label_vi if lang == 'vi' else row.label_en}")
        lines += [f"    {_pick(v, lang, 'prop')}: {_pick(v, lang, 'text')}" for v in row.values]
        lines += [line for c in row.citations for line in cite_lines(c, "    ", evidence)]
    if entity.citations:
        lines.append(f"evidence ({len(entity.citations)}):")
        lines += [line for c in entity.citations for line in cite_lines(c, "  ", evidence)]
    found = links(net, entity)
    if found:
        lines.append(f"links ({len(found)}):")
    for link in found:
        arrow = "→" if link.outgoing else "←"
        lines.append(
            f"  {arrow} {link.relation.label(lang)}: {link.other.label(lang)} ({link.other.id})"
        )
        if not link.outgoing or link.relation.fact != entity.id:
            lines += [
                line for c in link.relation.citations for line in cite_lines(c, "      ", evidence)
            ]
    return "\n".join(lines) + "\n"


def _pick(value: Any, lang: str, what: str) -> str:
    return str(getattr(value, f"{what}_{'vi' if lang == 'vi' else 'en'}"))


def show_json(net: EntityNetwork, entity: Entity) -> dict:
    """Everything the network knows about ``entity``, as JSON-ready data."""
    data = asdict(entity)
    data["links"] = [
        {
            "direction": "out" if lk.outgoing else "in",
            "property": lk.relation.prop,
            "label_en": lk.relation.label_en,
            "label_vi": lk.relation.label_vi,
            "other": lk.other.id,
            "other_label_en": lk.other.label_en,
            "fact": lk.relation.fact,
            "citations": [asdict(c) for c in lk.relation.citations],
        }
        for lk in links(net, entity)
    ]
    return data


# ---------------------------------------------------------------------------------------------
# Timeline
# ---------------------------------------------------------------------------------------------


@dataclass
class TimelineItem:
    """One dated entity on the timeline."""

    date: str
    entity: Entity
    citations: list[Citation] = field(default_factory=list)


def timeline(
    net: EntityNetwork,
    since: int | None = None,
    until: int | None = None,
    kinds: tuple[str, ...] | list[str] | None = None,
) -> list[TimelineItem]:
    """Dated entities of the given families in date order (dates sort as text, as in SPARQL)."""
    wanted = set(kinds or TIMELINE_KINDS)
    unknown = wanted - set(DATED_KINDS)
    if unknown:
        raise UsageError(
            f"unknown kind {sorted(unknown)[0]!r}: choose from {', '.join(DATED_KINDS)}"
        )
    items = []
    for entity in net.entities.values():
        date = entity.start or entity.end
        year = year_of(date)
        if date is None or entity.family not in wanted or year is None:
            continue
        if (since is not None and year < since) or (until is not None and year > until):
            continue
        items.append(TimelineItem(date, entity, entity.citations))
    items.sort(key=lambda i: (i.date, i.entity.label("en"), i.entity.id))
    return items


# ---------------------------------------------------------------------------------------------
# Paths
# ---------------------------------------------------------------------------------------------


@dataclass
class Step:
    """One link of a path: the entities it joins and the relations between them."""

    start: Entity
    end: Entity
    relations: list[Relation]


def shortest_paths(net: EntityNetwork, a: Entity, b: Entity, limit: int = 3) -> list[list[Step]]:
    """Up to ``limit`` shortest chains from ``a`` to ``b``, ignoring the direction of links.

    Among chains of the same length, those through the least connected entities come first:
    a chain through a talk or an agreement says more than one through a state that is linked
    to everything.
    """
    if a.id == b.id:
        raise UsageError("give two different entities")
    graph = nx.Graph()
    graph.add_nodes_from(sorted(net.entities))
    between: dict[frozenset, list[Relation]] = {}
    for rel in net.relations:
        if rel.source != rel.target:
            graph.add_edge(rel.source, rel.target)
            between.setdefault(frozenset((rel.source, rel.target)), []).append(rel)
    try:
        found = list(islice(nx.all_shortest_paths(graph, a.id, b.id), 2000))
    except nx.NetworkXNoPath:
        return []
    found.sort(key=lambda path: (sum(math.log(graph.degree(n)) for n in path[1:-1]), path))
    return [
        [
            Step(net.entities[x], net.entities[y], between[frozenset((x, y))])
            for x, y in pairwise(path)
        ]
        for path in found[:limit]
    ]


def statement(net: EntityNetwork, rel: Relation, lang: str = "en") -> str:
    """A relation as a readable statement: subject — property → object."""
    subject, obj = net.entities[rel.source], net.entities[rel.target]
    first, last = (shorten_text(e.label(lang), 90) for e in (subject, obj))
    return f"{first} —{rel.label(lang)}→ {last}"


#: Quotes printed under each link of a path; the rest are one ``vnrukg show`` away.
QUOTES_PER_LINK = 3


def paths_text(
    net: EntityNetwork, paths: list[list[Step]], lang: str = "en", evidence: str = "both"
) -> str:
    """Paths as numbered statements, each followed by its citations (quote and translation)."""
    if not paths:
        return "no path\n"
    lines = []
    for number, path in enumerate(paths, start=1):
        ends = f"{path[0].start.label(lang)} … {path[-1].end.label(lang)}"
        lines.append(f"path {number} of {len(paths)} ({len(path)} links): {ends}")
        for index, step in enumerate(path, start=1):
            several = len(step.relations) > 1
            for n, rel in enumerate(step.relations):
                letter = (chr(ord("a") + n) if n < 26 else f"-{n + 1}") if several else ""
                mark = f"{index}{letter}."
                lines.append(f"  {mark} {statement(net, rel, lang)}")
                lines += [
                    line
                    for c in rel.citations[:QUOTES_PER_LINK]
                    for line in cite_lines(c, "       ", evidence)
                ]
                if len(rel.citations) > QUOTES_PER_LINK:
                    more = len(rel.citations) - QUOTES_PER_LINK
                    lines.append(f"       … {more} more (vnrukg show {rel.fact or rel.source})")
    return "\n".join(lines) + "\n"
