"""What the timeline draws: dated entities of the network as items, each at its precision.

Visits, meetings and talks, agreements (signed, in force, the period a plan covers), sessions
of mechanisms, transfers and aid, projects, periods, partnerships and mechanisms (as ranges),
historical events and anniversaries. An item known to the year spans that year and one known to
the month spans that month (never a day); a period is a range from its first to its last
month or year; one with a start and no end runs on to the timeline's end and says so.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from rdflib import Graph, Literal, URIRef

from ..errors import UsageError
from ..names import fold
from ..namespaces import VNRU
from ..network import Entity, EntityNetwork
from ..periods import MONTHS_EN, Period, parse_date, period_of

#: Lanes by kind: key → (English, Vietnamese), in display order.
KINDS: dict[str, tuple[str, str]] = {
    "visit": ("Visits", "Chuyến thăm"),
    "meeting": ("Meetings, talks, calls", "Gặp gỡ, hội đàm, điện đàm"),
    "agreement": ("Agreements", "Văn kiện"),
    "session": ("Sessions of mechanisms", "Phiên họp của các cơ chế"),
    "transfer": ("Arms transfers and aid", "Chuyển giao vũ khí và viện trợ"),
    "project": ("Projects", "Dự án"),
    "period": (
        "Periods, partnerships, mechanisms, policies",
        "Giai đoạn, khuôn khổ, cơ chế, chính sách",
    ),
    "event": ("Historical and other events", "Sự kiện lịch sử và sự kiện khác"),
}
MEETINGS = {"vnru:Meeting", "vnru:Talks", "vnru:Summit", "vnru:PhoneCall"}
ACTOR_FAMILIES = {"state", "person", "organisation"}
#: The span the page opens on (the sources' own span: from 1941 to plans running to 2030).
FIRST_YEAR, LAST_YEAR = 1941, 2030


@dataclass
class Item:
    """One bar or box on the timeline."""

    id: str
    entity: str
    kind: str
    role_en: str
    role_vi: str
    period: Period
    open_end: bool = False
    actors: list[str] = field(default_factory=list)

    @property
    def years(self) -> tuple[int, int]:
        """First and last year the item covers."""
        start = self.period.start or date(FIRST_YEAR, 1, 1)
        end = self.period.end
        last = (end - timedelta(days=1)).year if end is not None and end > start else start.year
        return start.year, last


def kind_of(entity: Entity) -> str | None:
    """The lane an entity's items go in by kind, or ``None`` when the timeline skips it."""
    if entity.family == "event":
        if entity.cls.endswith("Visit"):
            return "visit"
        return "meeting" if entity.cls in MEETINGS else "event"
    return {
        "agreement": "agreement",
        "session": "session",
        "transaction": "transfer",
        "project": "project",
        "period": "period",
        "partnership": "period",
        "policy": "period",
        "mechanism": "period",
    }.get(entity.family)


def _date(facts: Graph, node: URIRef, prop: URIRef) -> str | None:
    found = sorted(str(o) for o in facts.objects(node, prop) if isinstance(o, Literal))
    return found[0] if found else None


def entity_items(entity: Entity, facts: Graph) -> list[Item]:
    """The items of one entity (an agreement may give three: signed, in force, covering)."""
    kind = kind_of(entity)
    if kind is None or not entity.iri:
        return []
    node = URIRef(entity.iri)
    dates = {p: _date(facts, node, getattr(VNRU, p)) for p in _DATE_PROPS}
    items: list[Item] = []

    def add(role: tuple[str, str], period: Period, open_end: bool = False) -> None:
        if period.start is not None:
            suffix = "" if not items else f"#{len(items) + 1}"
            items.append(Item(entity.id + suffix, entity.id, kind, *role, period, open_end))

    if kind == "agreement":
        if dates["dateSigned"]:
            add(("signed", "ký"), period_of(dates["dateSigned"], None, None))
        if dates["dateInForce"]:
            add(("in force", "có hiệu lực"), period_of(dates["dateInForce"], None, None))
        if dates["startDate"] or dates["endDate"]:
            add(("period covered", "thời kỳ"), _range(dates["startDate"], dates["endDate"]))
        if not items and (dates["date"] or dates["dateExpired"]):
            role = ("", "") if dates["date"] else ("expired", "hết hiệu lực")
            add(role, period_of(dates["date"] or dates["dateExpired"], None, None))
        return items
    when = dates["date"] or dates["orderDate"]
    if when:
        add(("", ""), period_of(when, None, None))
    elif dates["startDate"] and not dates["endDate"] and kind != "period":
        # something that began then, with no end the source gives: drawn at its start
        start = period_of(dates["startDate"], None, None)
        add(("", ""), Period(start.start, start.end, start.precision,
                             f"from {start.label_en}", f"từ {start.label_vi}"))  # fmt: skip
    elif dates["startDate"] or dates["endDate"]:
        open_end = bool(dates["startDate"]) and not dates["endDate"]
        add(("", ""), _range(dates["startDate"], dates["endDate"]), open_end)
    return items


_DATE_PROPS = ("date", "startDate", "endDate", "dateSigned", "dateInForce", "dateExpired",
               "orderDate")  # fmt: skip


def _range(start: str | None, end: str | None) -> Period:
    """A period from ``start`` to ``end``; one with no start is dated by its end alone."""
    if start and not end:
        first = parse_date(start)
        if first is None:
            return Period(None, None, "undated", "", "")
        label = period_of(start, None, None)
        return Period(first[0], date(LAST_YEAR + 1, 1, 1), "from",
                      f"from {label.label_en}", f"từ {label.label_vi}")  # fmt: skip
    return period_of(None, start, end)


def actors_of(net: EntityNetwork) -> dict[str, list[str]]:
    """For each entity, the states, people and organisations it is linked to (either way)."""
    found: dict[str, set[str]] = {key: set() for key in net.entities}
    for rel in net.relations:
        src, dst = net.entities.get(rel.source), net.entities.get(rel.target)
        if src is None or dst is None or rel.source == rel.target:
            continue
        if dst.family in ACTOR_FAMILIES:
            found[rel.source].add(rel.target)
        if src.family in ACTOR_FAMILIES:
            found[rel.target].add(rel.source)
    return {key: sorted(value) for key, value in found.items()}


@dataclass
class Timeline:
    """The items and what they need: the entities they come from and the actors in them."""

    items: list[Item]
    entities: dict[str, Entity]
    actors: dict[str, Entity]
    undated: int = 0


def build_timeline(
    net: EntityNetwork,
    facts: Graph,
    since: int | None = None,
    until: int | None = None,
    kinds: Iterable[str] | None = None,
    actor: str | None = None,
) -> Timeline:
    """The timeline of ``net``: items of the given kinds (lanes), overlapping the years
    ``since``..``until``, involving ``actor`` (an entity id) when given."""
    wanted = set(kinds or KINDS)
    unknown = wanted - set(KINDS)
    if unknown:
        raise UsageError(f"unknown kind {sorted(unknown)[0]!r}: choose from {', '.join(KINDS)}")
    involved = actors_of(net)
    items, undated = [], 0
    for key in sorted(net.entities):
        entity = net.entities[key]
        made = entity_items(entity, facts)
        if not made and kind_of(entity) is not None:
            undated += 1
        for item in made:
            item.actors = involved.get(key, [])
            if item.kind not in wanted:
                continue
            if actor is not None and actor not in item.actors and actor != key:
                continue
            first, last = item.years
            if (since is not None and last < since) or (until is not None and first > until):
                continue
            items.append(item)
    items.sort(key=lambda i: (i.period.start or date.min, i.id))
    entities = {i.entity: net.entities[i.entity] for i in items}
    actors = {a: net.entities[a] for i in items for a in i.actors}
    return Timeline(items, entities, actors, undated)


def search_keys(entity: Entity) -> list[str]:
    """The names a search box matches (folded: diacritics optional)."""
    return sorted({fold(name) for name in entity.names()})


def month_label(day: date) -> str:
    """``Aug 2024``."""
    return f"{MONTHS_EN[day.month]} {day.year}"
