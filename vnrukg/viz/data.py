"""The node and edge lists the page draws, and the details behind them.

The lists are vis-network's DataSet items, written directly: pyvis's ``add_node`` and
``add_edge`` made the same dictionaries with a linear search per call (worked around until
then), and took a third of this module's time at 20,000 entities; the page still inlines the
vis-network that pyvis ships. Each vis node carries what drawing and filtering need (label,
shape, colour, size by degree, family, years); what a reader sees on hover and click (names,
class, dates, values, citations) travels separately as ``details``, keyed by node id, so that
the vis DataSets stay small. Relations between the same two entities in the same direction
become one edge whose label joins the property labels; its evidence lists each relation with
its citations.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

from ..names import fold, shorten_text
from ..network import Citation, Entity, EntityNetwork, Relation, Value, is_dated
from .style import node_colour, shape

LABEL_LIMIT = 40
#: Links that place an entity (a person's nationality, a ministry's country) rather than
#: report something that happened: drawn faint and dashed so that the hubs they make (every
#: Vietnamese official links to Vietnam) do not drown the rest.
BACKGROUND_PROPS = {"vnru:nationality", "vnru:country", "vnru:locatedIn", "org:subOrganizationOf"}
FAINT = {"color": "#cfd6dc", "highlight": "#222222", "hover": "#444444"}


@dataclass
class PageData:
    """Everything the page embeds: the vis nodes and edges, and the details shown on demand."""

    nodes: list[dict[str, Any]] = field(default_factory=list)
    edges: list[dict[str, Any]] = field(default_factory=list)
    details: dict[str, dict] = field(default_factory=dict)
    edge_details: dict[str, list] = field(default_factory=dict)
    years: tuple[int | None, int | None] = (None, None)


def degrees(net: EntityNetwork) -> dict[str, int]:
    """Each entity's number of distinct neighbours."""
    return {key: len(found) for key, found in net.neighbours().items()}


def page_data(net: EntityNetwork, lang: str = "en") -> PageData:
    """The vis nodes and edges and the details for ``net``, labels in ``lang`` (positions,
    where there are any, travel apart: :func:`vnrukg.viz.page.render_page`)."""
    data = PageData()
    degree = degrees(net)
    for key in sorted(net.entities):
        entity = net.entities[key]
        data.nodes.append(_node(key, entity, lang, degree[key]))
        data.details[key] = entity_details(entity)
    for number, ((source, target), rels) in enumerate(sorted(_merge(net.relations).items())):
        edge_id = f"e{number}"
        data.edges.append(_edge(edge_id, source, target, rels, lang))
        data.edge_details[edge_id] = [_relation_details(r, net) for r in rels]
    years = [y for e in net.entities.values() for y in e.years() if y is not None]
    data.years = (min(years), max(years)) if years else (None, None)
    return data


def _node(key: str, entity: Entity, lang: str, degree: int) -> dict[str, Any]:
    first, last = entity.years()
    return {
        "id": key,
        "label": shorten_text(entity.label(lang), LABEL_LIMIT) or key,
        "label_en": shorten_text(entity.label("en"), LABEL_LIMIT),
        "label_vi": shorten_text(entity.label("vi"), LABEL_LIMIT),
        "shape": shape(entity.family),
        "color": node_colour(entity.family),
        "value": degree,
        # hubs repel more, so that the two state hubs do not sit on top of each other
        "mass": round(1 + math.log2(1 + degree) / 2, 2),
        "family": entity.family,
        "dated": is_dated(entity),
        "y0": first,
        "y1": last,
    }


def _merge(relations: list[Relation]) -> dict[tuple[str, str], list[Relation]]:
    pairs: dict[tuple[str, str], list[Relation]] = {}
    for rel in relations:
        if rel.source != rel.target:
            pairs.setdefault((rel.source, rel.target), []).append(rel)
    return pairs


def _edge(edge_id: str, source: str, target: str, rels: list[Relation], lang: str) -> dict:
    spans = [list(r.years()) for r in rels]
    background = all(r.prop in BACKGROUND_PROPS for r in rels)
    style = {"dashes": [4, 4], "color": FAINT, "width": 0.8} if background else {}
    return {
        **style,
        "id": edge_id,
        "from": source,
        "to": target,
        "arrows": "to",
        "label": _joined([r.label(lang) for r in rels]),
        "label_en": _joined([r.label_en for r in rels]),
        "label_vi": _joined([r.label_vi for r in rels]),
        "spans": None if any(s == [None, None] for s in spans) else spans,
    }


def _joined(labels: list[str]) -> str:
    """Distinct labels joined and shortened (most links stand for one relation)."""
    text = labels[0] if len(labels) == 1 else " · ".join(dict.fromkeys(labels))
    return shorten_text(text, LABEL_LIMIT)


def _values(values: list[Value]) -> list[list[str]]:
    return [[v.prop_en, v.prop_vi, v.text_en, v.text_vi] for v in values]


def _cites(citations: list[Citation]) -> list[list[str]]:
    return [[c.source, c.quote, c.source_id, c.via, c.attests, c.translation] for c in citations]


def entity_details(entity: Entity) -> dict:
    """What the page shows about an entity on hover and click."""
    return {
        "en": entity.label_en,
        "vi": entity.label_vi,
        "aliases": entity.aliases,
        "cls": [entity.cls_en, entity.cls_vi],
        "iri": entity.iri,
        "dates": _values(entity.dates),
        "values": _values(entity.values),
        "cites": _cites(entity.citations),
        "rows": [
            [r.label_en, r.label_vi, _values(r.values), _cites(r.citations)] for r in entity.rows
        ],
        "keys": sorted({fold(name) for name in entity.names()}),
    }


def _relation_details(rel: Relation, net: EntityNetwork) -> list:
    """A relation's names, ends and fact; its citations only where they are not simply those
    of the entity that states it (then the page reads them from that entity's details)."""
    stated_by = net.entities.get(rel.fact)
    same = stated_by is not None and stated_by.citations == rel.citations
    return [
        rel.label_en,
        rel.label_vi,
        rel.source,
        rel.target,
        rel.fact,
        None if same else _cites(rel.citations),
    ]
