"""How each family of entities looks: a colour and a shape, shown again in the legend.

Shapes are vis-network's label-below shapes, so that node size can follow importance; colours
are distinct at a glance and each family differs from the others in colour, shape or both.
"""

from __future__ import annotations

import functools

#: family → (fill colour, vis-network shape)
STYLE: dict[str, tuple[str, str]] = {
    "state": ("#c0392b", "hexagon"),
    "person": ("#1f77b4", "dot"),
    "organisation": ("#2a9d8f", "square"),
    "place": ("#8c564b", "triangleDown"),
    "agreement": ("#ff7f0e", "diamond"),
    "partnership": ("#d4a017", "star"),
    "policy": ("#3f51b5", "star"),
    "mechanism": ("#9467bd", "hexagon"),
    "session": ("#b39ddb", "dot"),
    "event": ("#2ca02c", "triangle"),
    "transaction": ("#e377c2", "diamond"),
    "weapon": ("#616161", "triangleDown"),
    "project": ("#9e9d24", "square"),
    "statistics": ("#17becf", "square"),
    "statement": ("#a1887f", "dot"),
    "discrepancy": ("#e53935", "star"),
    "period": ("#90a4ae", "triangle"),
    "other": ("#bdbdbd", "dot"),
}


def darker(colour: str, factor: float = 0.7) -> str:
    """The same hue, darker (for borders and highlights)."""
    red, green, blue = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return "#" + "".join(f"{int(c * factor):02x}" for c in (red, green, blue))


@functools.cache
def _colour(family: str) -> dict[str, object]:
    fill, _shape = STYLE.get(family, STYLE["other"])
    border = darker(fill)
    return {
        "background": fill,
        "border": border,
        "highlight": {"background": fill, "border": "#111111"},
        "hover": {"background": fill, "border": "#111111"},
    }


def node_colour(family: str) -> dict[str, object]:
    """vis-network's colour object for a family (a fresh copy: pyvis keeps what it is given)."""
    found = _colour(family)
    return {**found, "highlight": dict(found["highlight"]), "hover": dict(found["hover"])}  # type: ignore[call-overload]


def shape(family: str) -> str:
    """vis-network's shape for a family."""
    return STYLE.get(family, STYLE["other"])[1]
