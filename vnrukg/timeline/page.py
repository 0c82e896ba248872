"""The timeline page: one offline HTML file drawn with vis-timeline (vendored, see js/README.md).

Items travel as JSON with their lanes by kind and by actor; each entity's evidence (names,
class, dates at their precision, the actors, disagreements, and every citation with the
curators' translation) travels once and is shown on click.
"""

from __future__ import annotations

from collections import Counter

from .. import pages
from ..network import Entity, EntityNetwork
from .items import FIRST_YEAR, KINDS, LAST_YEAR, Item, Timeline, search_keys

VIS_TIMELINE = "8.5.4"
TITLE = ("Vietnam–Russia relations: a timeline", "Quan hệ Việt Nam – Nga: dòng thời gian")
#: Lanes by actor: the actors in the most items, the rest in one lane.
ACTOR_LANES = 14


def _iso(item: Item) -> tuple[str, str | None]:
    period = item.period
    assert period.start is not None
    return period.start.isoformat(), period.end.isoformat() if period.end else None


def item_record(item: Item) -> dict:
    """One item as the page's script reads it."""
    start, end = _iso(item)
    box = item.period.precision == "day"
    return {
        "id": item.id,
        "e": item.entity,
        "k": item.kind,
        "s": start,
        "t": None if box else end,
        "p": item.period.precision,
        "d": [item.period.label_en, item.period.label_vi],
        "r": [item.role_en, item.role_vi],
        "o": item.open_end,
        "a": item.actors,
    }


def evidence(entity: Entity, flags: list[list[str]]) -> dict:
    """What the evidence panel shows for an entity."""
    facts = [[v.prop_en, v.prop_vi, v.text_en, v.text_vi] for v in entity.dates]
    facts += [[v.prop_en, v.prop_vi, v.text_en, v.text_vi] for v in entity.values[:12]]
    facts.append(["id", "mã", entity.id, entity.id])
    return {
        "title": [entity.label_en, entity.label_vi],
        "kind": [entity.cls_en, entity.cls_vi],
        "facts": facts,
        "flags": flags,
        "cites": [[c.quote, c.translation, c.source, c.source_id, c.via] for c in entity.citations],
    }


def discrepancy_flags(net: EntityNetwork) -> dict[str, list[list[str]]]:
    """The recorded discrepancies that involve each entity."""
    found: dict[str, list[list[str]]] = {}
    for rel in net.relations:
        disc = net.entities.get(rel.source)
        if rel.prop != "vnru:involves" or disc is None:
            continue
        note = next((v.text_en for v in disc.values if v.prop_en == "note"), "")
        found.setdefault(rel.target, []).append([disc.label_en, disc.label_vi, note])
    return found


def page_payload(timeline: Timeline, net: EntityNetwork, lang: str = "en") -> dict:
    """The JSON the timeline page embeds."""
    flags = discrepancy_flags(net)
    counts = Counter(a for item in timeline.items for a in item.actors)
    actors = sorted(timeline.actors.values(), key=lambda e: (-counts[e.id], e.label_en))
    years = [y for item in timeline.items for y in item.years]
    return {
        "lang": lang,
        "kinds": [[key, en, vi] for key, (en, vi) in KINDS.items()],
        "items": [item_record(i) for i in timeline.items],
        "names": {
            key: [e.label_en, e.label_vi, e.cls_en, e.cls_vi, search_keys(e)]
            for key, e in sorted({**timeline.entities, **timeline.actors}.items())
        },
        "actors": [[e.id, counts[e.id]] for e in actors],
        "actorLanes": ACTOR_LANES,
        "evidence": {
            key: evidence(e, flags.get(key, [])) for key, e in sorted(timeline.entities.items())
        },
        "window": [min([*years, FIRST_YEAR]), max([*years, LAST_YEAR])],
        "undated": timeline.undated,
    }


def render_page(payload: dict, *, title: tuple[str, str] = TITLE) -> str:
    """The complete HTML page."""
    vis = pages.safe_script(
        pages.vendored(f"vis-timeline-{VIS_TIMELINE}.min.js"), "vis-timeline.min.js"
    )
    own = pages.safe_script(pages.asset("evidence.js") + "\n" + pages.asset("timeline.js"), "js")
    scripts = [vis, own]
    lang = payload["lang"]
    return pages.render(
        "timeline.html",
        lang=lang,
        title=title[1] if lang == "vi" else title[0],
        title_en=title[0],
        title_vi=title[1],
        csp=pages.csp(scripts),
        styles=[
            pages.safe_style(pages.vendored(f"vis-timeline-{VIS_TIMELINE}.min.css"), "css"),
            pages.asset("pages.css"),
            pages.asset("timeline.css"),
        ],
        body_class="",
        data=pages.script_json(payload),
        scripts=scripts,
        vis_version=VIS_TIMELINE,
    )
