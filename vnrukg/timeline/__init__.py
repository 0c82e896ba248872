"""The timeline page (``dist/timeline.html``, ``vnrukg timeline --html``).

:func:`timeline_page` draws the dated entities of a loaded graph, 1941–2030, with lanes by kind
or by actor, filters, search and each item's evidence; the command-line filters (``since``,
``until``, ``kinds``, ``actor``) choose what goes into the page. :func:`involving` applies
``--actor`` to the text timeline too.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..errors import UsageError
from ..lookup import TimelineItem, resolve
from ..network import EntityNetwork, build_network, split_graph
from ..store import KnowledgeGraph
from .items import KINDS, Item, Timeline, actors_of, build_timeline
from .page import page_payload, render_page

__all__ = ["KINDS", "Item", "Timeline", "build_timeline", "involving", "timeline_page"]

#: The ``vnrukg timeline --kind/--class`` names (network families) and the lanes they mean.
FAMILY_KINDS = {
    "event": ("visit", "meeting", "event"),
    "session": ("session",),
    "agreement": ("agreement",),
    "transaction": ("transfer",),
    "project": ("project",),
    "partnership": ("period",),
    "policy": ("period",),
    "mechanism": ("period",),
    "period": ("period",),
}


def kinds_for(classes: Iterable[str] | None) -> list[str] | None:
    """The lanes for the command line's classes (network families, or lane names)."""
    if not classes:
        return None
    found: list[str] = []
    for name in classes:
        if name not in FAMILY_KINDS and name not in KINDS:
            drawn = ", ".join(FAMILY_KINDS)
            raise UsageError(f"the timeline page does not draw {name!r}: choose from {drawn}")
        found += FAMILY_KINDS.get(name, (name,))
    return list(dict.fromkeys(found))


def timeline_page(
    kg: KnowledgeGraph,
    *,
    since: int | None = None,
    until: int | None = None,
    classes: Iterable[str] | None = None,
    actor: str | None = None,
    lang: str = "en",
) -> tuple[str, Timeline]:
    """The timeline page of ``kg`` after the filters, and the timeline it draws."""
    if since is not None and until is not None and since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    net = build_network(kg)
    facts, _terms = split_graph(kg)
    actor_id = resolve(net, actor).id if actor else None
    timeline = build_timeline(net, facts, since, until, kinds_for(classes), actor_id)
    return render_page(page_payload(timeline, net, lang)), timeline


def involving(
    net: EntityNetwork, items: list[TimelineItem], actor: str | None
) -> list[TimelineItem]:
    """The timeline entries that involve ``actor`` (a name, slug or IRI), or all of them."""
    if not actor:
        return items
    found = resolve(net, actor).id
    involved = actors_of(net)
    return [i for i in items if i.entity.id == found or found in involved.get(i.entity.id, [])]
