"""The network page: an offline HTML view of the entity network, with evidence on demand.

:func:`network_page` builds the page for a loaded graph after the class, period and focus
filters; :func:`build_outputs` is what ``vnrukg build`` writes into ``dist/`` (the page and the
GraphML and GEXF exports).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import formats
from ..errors import UsageError, VnrukgError
from ..gephi import network_bytes
from ..lookup import resolve
from ..network import FAMILIES, EntityNetwork, build_network, filter_network
from ..progress import SILENT, Progress, Task
from ..store import KnowledgeGraph
from ..util import gc_paused
from .data import page_data
from .layout import LayoutAhead, initial_positions, use_static_layout
from .page import DRAW_LIMIT, RENDERERS, Placed, choose_renderer, render_page

DEFAULT_TITLE = "Vietnam–Russia relations: the network"
LAYOUTS = ("auto", "physics", "static")


@dataclass
class Page:
    """A rendered page and what it shows."""

    html: str
    nodes: int
    #: links: the page's arrows, one per linked pair and direction
    edges: int
    physics: bool
    #: the relations the links stand for
    relations: int = 0
    #: what draws it: ``canvas`` (vis-network) or ``webgl`` (sigma.js)
    renderer: str = "canvas"


def select(
    net: EntityNetwork,
    families: Iterable[str] | None = None,
    since: int | None = None,
    until: int | None = None,
    focus: str | None = None,
    depth: int = 1,
) -> EntityNetwork:
    """The part of ``net`` a page shows; ``focus`` is a name, slug or IRI."""
    families = list(families or [])
    unknown = [f for f in families if f not in FAMILIES]
    if unknown:
        raise UsageError(f"unknown class {unknown[0]!r}: choose from {', '.join(FAMILIES)}")
    if since is not None and until is not None and since > until:
        raise UsageError(f"--since {since} is after --until {until}")
    if depth < 0:
        raise UsageError("--depth must be 0 or more")
    focus_id = None
    if focus is not None:
        focus_id = resolve(net, focus).id
    chosen = filter_network(net, families, since, until, focus_id, depth)
    if focus_id is not None and focus_id not in chosen.entities:
        raise VnrukgError(f"{focus} is outside the class or period filters")
    return chosen


def _check_view(layout: str, renderer: str, draw_limit: int) -> None:
    """Refuse what :func:`render` cannot draw, before anything is built."""
    if draw_limit < 0:
        raise UsageError("--draw-limit must be 0 (draw all) or more")
    if layout not in LAYOUTS:
        raise UsageError(f"unknown layout {layout!r}: choose one of {', '.join(LAYOUTS)}")
    if renderer not in RENDERERS:
        raise UsageError(f"unknown renderer {renderer!r}: choose one of {', '.join(RENDERERS)}")
    if renderer == "webgl" and layout == "physics":
        raise UsageError("the WebGL renderer draws a page laid out here: use --layout static")


def laid_out_here(net: EntityNetwork, layout: str = "auto", renderer: str = "auto") -> bool:
    """Whether the page of ``net`` drawn as asked is laid out here rather than by the browser's
    physics: always for the WebGL renderer, else as ``layout`` says (``auto``: by size)."""
    drawn_by = choose_renderer(len(net.entities), renderer)
    return drawn_by == "webgl" or use_static_layout(net, layout)


def layout_ahead(layout: str = "auto", renderer: str = "auto") -> LayoutAhead:
    """What starts the layout of a whole network while it is being built (``linked`` of
    :func:`vnrukg.network.build_network`), for a page drawn as asked, when it will be laid
    out here; :func:`render` takes it up (``ahead``)."""
    return LayoutAhead(lambda net: laid_out_here(net, layout, renderer))


def render(
    net: EntityNetwork,
    *,
    lang: str = "en",
    layout: str = "auto",
    title: str = DEFAULT_TITLE,
    renderer: str = "auto",
    draw_limit: int = DRAW_LIMIT,
    steps: Task | None = None,
    ahead: LayoutAhead | None = None,
) -> Page:
    """The HTML page for ``net``: laid out by ``layout`` (``auto``, ``physics`` in the browser,
    ``static`` here) and drawn by ``renderer`` (``auto``, ``canvas`` or ``webgl``; WebGL pages
    are always laid out here), the ``draw_limit`` most connected entities at first (0: all);
    its layout and page are ``steps``, when given. ``ahead``: what started the layout while
    ``net`` was being built (:class:`~vnrukg.viz.layout.LayoutAhead`), if anything did."""
    _check_view(layout, renderer, draw_limit)
    steps = steps or Task()
    drawn_by = choose_renderer(len(net.entities), renderer)
    _check_view(layout, drawn_by, draw_limit)  # again for the renderer auto chose
    static = laid_out_here(net, layout, renderer)
    with gc_paused():
        steps.step("layout")
        placed: Placed | None = None
        if static and net.entities:  # a large page's layout runs beside its data and HTML
            placed = (ahead or LayoutAhead()).positions_later(net)
        elif net.entities:
            placed = initial_positions(net)
        steps.step("page")
        data = page_data(net, lang)
        html = render_page(
            data,
            title=title,
            lang=lang,
            physics=not static,
            renderer=drawn_by,
            draw_limit=draw_limit,
            positions=placed,
        )
    relations = sum(len(r) for r in data.edge_details.values())
    steps.finish()
    return Page(html, len(data.nodes), len(data.edges), not static, relations, drawn_by)


def network_page(kg: KnowledgeGraph, progress: Progress = SILENT, **options: Any) -> Page:
    """The page for a loaded graph: ``families``, ``since``, ``until``, ``focus``, ``depth``
    select what it shows; ``lang``, ``layout``, ``title``, ``renderer`` and ``draw_limit``
    how. Building the network, laying it out and writing the page are the steps of
    ``progress``."""
    view: dict[str, Any] = {
        k: options.pop(k)
        for k in ("lang", "layout", "title", "renderer", "draw_limit")
        if k in options
    }
    layout, renderer = view.get("layout", "auto"), view.get("renderer", "auto")
    _check_view(layout, renderer, view.get("draw_limit", DRAW_LIMIT))
    steps = progress.task("viz", total=3)
    steps.step("network")
    whole = not options.get("families") and all(
        options.get(k) is None for k in ("since", "until", "focus")
    )
    # a part of the network is laid out once chosen
    ahead = layout_ahead(layout, renderer) if whole else None
    net = build_network(kg, ahead)
    return render(select(net, **options), **view, steps=steps, ahead=ahead)


def build_outputs(kg: KnowledgeGraph, out_dir: Path) -> Iterator[tuple[Path, bytes | str]]:
    """The network page and the network exports (GraphML, GEXF), for ``vnrukg build``."""
    ahead = layout_ahead()
    net = build_network(kg, ahead)
    if not net.entities:
        raise VnrukgError("the graph has no entities to draw")
    yield out_dir / "network.html", render(net, ahead=ahead).html
    for fmt in formats.formats(formats.NETWORK):
        yield out_dir / f"vnrukg{fmt.extension}", network_bytes(net, fmt.name)
