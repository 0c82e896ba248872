"""Looking entities up: find by name, show everything about one, list dated facts, chain two.

All four work on the entity network (:mod:`vnrukg.network`), so what they print is what the
page draws, and every fact comes with the quotes that support it. Names match in either
language and with or without diacritics (``phan van giang`` finds Phan Văn Giang).
"""

from __future__ import annotations

import contextlib
import math
from dataclasses import asdict, dataclass, field
from itertools import islice, pairwise
from typing import Any

import networkx as nx

from .errors import UsageError, VnrukgError
from .names import fold, shorten_text
from .namespaces import expand, shorten
from .network import Citation, Entity, EntityNetwork, Relation, year_of

#: Families the timeline lists by default, and the ones it can list.
TIMELINE_KINDS = ("event", "session", "agreement", "transaction", "partnership")
DATED_KINDS = (*TIMELINE_KINDS, "statement", "statistics", "project", "mechanism", "period")


# ---------------------------------------------------------------------------------------------
# Search and resolve
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """A search result: the entity, how well it matched (0 best), and the name that matched."""

    entity: Entity
    rank: int
    matched: str


def _rank(key: str, query: str, words: list[str]) -> int | None:
    if key == query:
        return 0
    if key.startswith(query):
        return 1
    if f" {query}" in key:
        return 2
    if query in key:
        return 3
    return 4 if all(w in key for w in words) else None


def search(net: EntityNetwork, text: str, limit: int | None = 20) -> list[Hit]:
    """Entities whose names or aliases match ``text``, best first (same ranking as the page).

    Rank: exact name, name starting with the text, a word starting with it, containing it,
    containing all its words; ties go to the shorter matching name, then alphabetical order.
    """
    query = fold(text)
    if not query:
        raise UsageError("give some text to search for")
    words = query.split(" ")
    hits = []
    for entity in net.entities.values():
        found = [
            (r, len(fold(name)), name)
            for name in entity.names()
            if (r := _rank(fold(name), query, words)) is not None
        ]
        if found:
            rank, length, name = min(found)
            hits.append(
                (rank, length, fold(entity.label("en")), entity.id, Hit(entity, rank, name))
            )
    hits.sort(key=lambda h: h[:4])
    found_hits = [h[-1] for h in hits]
    return found_hits[:limit] if limit else found_hits


def resolve(net: EntityNetwork, text: str) -> Entity:
    """The entity ``text`` names: an IRI, ``vnrd:slug``, a bare slug or an exact name."""
    text = text.strip()
    for key in _id_forms(text):
        if key in net.entities:
            return net.entities[key]
    query = fold(text)
    exact = [e for e in net.entities.values() if any(fold(n) == query for n in e.names())]
    if len(exact) == 1:
        return exact[0]
    if len(exact) > 1:
        choices = ", ".join(f"{e.id} ({e.label('en')})" for e in sorted(exact, key=lambda e: e.id))
        raise UsageError(f"{text!r} names several entities: {choices}; give one of these ids")
    hits = search(net, text, limit=5) if query else []
    if len(hits) == 1:
        return hits[0].entity
    hint = "; did you mean " + ", ".join(f"{h.entity.id} ({h.entity.label('en')})" for h in hits)
    raise VnrukgError(f"no entity named {text!r}" + (hint if hits else ""))


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


def show_text(net: EntityNetwork, entity: Entity, lang: str = "en") -> str:
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
        lines += [f"    {cite_line(c)}" for c in row.citations]
    if entity.citations:
        lines.append(f"evidence ({len(entity.citations)}):")
        lines += [f"  {cite_line(c)}" for c in entity.citations]
    found = links(net, entity)
    if found:
        lines.append(f"links ({len(found)}):")
    for link in found:
        arrow = "→" if link.outgoing else "←"
        lines.append(
            f"  {arrow} {link.relation.label(lang)}: {link.other.label(lang)} ({link.other.id})"
        )
        if not link.outgoing or link.relation.fact != entity.id:
            lines += [f"      {cite_line(c)}" for c in link.relation.citations]
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


def paths_text(net: EntityNetwork, paths: list[list[Step]], lang: str = "en") -> str:
    """Paths as numbered statements, each followed by its citations."""
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
                lines += [f"       {cite_line(c)}" for c in rel.citations[:QUOTES_PER_LINK]]
                if len(rel.citations) > QUOTES_PER_LINK:
                    more = len(rel.citations) - QUOTES_PER_LINK
                    lines.append(f"       … {more} more (vnrukg show {rel.fact or rel.source})")
    return "\n".join(lines) + "\n"
