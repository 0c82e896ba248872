"""The HTML page: one self-contained file that loads nothing from the network.

The network is drawn by one of two renderers. By default vis-network on a canvas: its script
and style sheet are inlined from the copy pyvis ships in its wheel (vis-network 9.1.2,
dual-licensed Apache-2.0 / MIT; its licence header is kept). On request (``renderer="webgl"``,
``vnrukg viz --renderer webgl``), sigma.js with WebGL, from the bundle vendored in
``vnrukg/vendor`` (sigma 3.0.2 with graphology, MIT; see js/README.md), meant for large pages
in browsers that run WebGL on a GPU (not measured here). Where WebGL runs in software, as in
headless chromium on the benchmark machine, each frame of the 20,000-entity page took about
7 s, so it is not chosen automatically (:data:`WEBGL_LIMIT`; figures in docs/network.md).
Either is inlined next to the page's own script (``assets/page.js`` with the renderer's
``view-vis.js`` or ``view-sigma.js``) and style. The data travels as JSON in a
``<script type="application/json">`` element with ``<``, ``>``, ``&``, U+2028 and U+2029
escaped (:func:`vnrukg.pages.script_json`, shared with the charts and timeline pages), so no
value can close the element or open a comment; the page's script puts every text from the data
into the document with ``textContent``. A Content-Security-Policy allows
only the page's own inline scripts (by hash), no network connections and no loads other than
``data:`` images.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Mapping
from importlib import metadata, resources
from typing import Any

from jinja2 import Environment, PackageLoader, Template, select_autoescape

from .. import pages
from ..errors import VnrukgError
from ..network import FAMILIES
from ..pages import script_json
from .data import PageData
from .layout import PHYSICS_LIMIT, stabilization_iterations
from .style import STYLE

VIS_VERSION = "9.1.2"
SIGMA_VERSION = "3.0.2"
#: Above this many entities ``auto`` would draw with WebGL (sigma.js) instead of a canvas; None:
#: never, since on a machine without a GPU the WebGL view was slower to open and to redraw.
WEBGL_LIMIT: int | None = None
RENDERERS = ("auto", "canvas", "webgl")
#: Classes whose checkbox starts unticked on larger pages: statements hang off the people who
#: made them and would ring the picture with dozens of leaves (still one click away).
HIDDEN_AT_FIRST = ("statement",)
#: Above this many entities (that the filters let through) a page draws the most connected
#: ones, and the rest as the reader asks (search, a click, narrower filters, "Draw all"): the
#: canvas takes seconds per 10,000 entities to build and draw, and names only a few hundred.
DRAW_LIMIT = 3000
#: Where the data and the positions go in the rendered template: comment openers, which the
#: inlined scripts (checked) and the escaped JSON and title cannot contain.
_DATA_SLOT = "<!--vnrukg-data-->"
_POSITIONS_SLOT = "<!--vnrukg-positions-->"
#: Positions by entity key, or what gives them when called (a layout that runs meanwhile).
Placed = Mapping[str, tuple[float, float]] | Callable[[], Mapping[str, tuple[float, float]]]


def _asset(name: str) -> str:
    return resources.files("vnrukg.viz").joinpath("assets", name).read_text("utf-8")


def _vis_asset(name: str) -> str:
    """A file of the vis-network copy inside the pyvis package."""
    try:
        folder = resources.files("pyvis").joinpath("lib", f"vis-{VIS_VERSION}")
        return folder.joinpath(name).read_text("utf-8")
    except (ModuleNotFoundError, FileNotFoundError) as exc:
        raise VnrukgError(
            f"vis-network {VIS_VERSION} not found in the pyvis package ({exc}); "
            "install pyvis 0.3.2 or later"
        ) from None


def vis_options(size: int, physics: bool) -> dict:
    """vis-network options: physics that settles then stops, or none for laid-out pages."""
    large = size > PHYSICS_LIMIT
    options: dict = {
        "autoResize": True,
        "layout": {"randomSeed": 7, "improvedLayout": physics and size <= 400},
        "nodes": {
            # borders and dashed lines are what cost most when drawing a large page
            # (a save, stroke and restore per node; dashes per edge segment)
            "borderWidth": 0 if large else 1.5,
            "scaling": {
                "min": 9,
                "max": 40,
                "label": {"enabled": True, "min": 10, "max": 30, "drawThreshold": 5},
            },
            "font": {
                "size": 13,
                "face": "system-ui, sans-serif",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
            },
        },
        "edges": {
            "width": 1,
            "selectionWidth": 2,
            "color": {"color": "#9aa4ae", "highlight": "#222222", "hover": "#444444"},
            "arrows": {"to": {"enabled": True, "scaleFactor": 0.45}},
            "font": {
                "size": 10,
                "color": "#555555",
                "strokeWidth": 3,
                "strokeColor": "#ffffff",
                "align": "middle",
            },
            "scaling": {"label": {"drawThreshold": 8}},
            "smooth": False if large else {"enabled": True, "type": "continuous", "roundness": 0.3},
        },
        "interaction": {
            "hover": True,
            "hideEdgesOnDrag": large,
            "hideEdgesOnZoom": large,
            "keyboard": False,
            "navigationButtons": False,
        },
    }
    if physics:
        options["physics"] = {
            "enabled": True,
            "solver": "forceAtlas2Based",
            "forceAtlas2Based": {
                "gravitationalConstant": -80,
                "centralGravity": 0.025,
                "springLength": 130,
                "springConstant": 0.06,
                "damping": 0.5,
                "avoidOverlap": 0.8,
            },
            "minVelocity": 1.5,
            "timestep": 0.45,
            "stabilization": {
                "enabled": True,
                "iterations": stabilization_iterations(size),
                "updateInterval": 25,
                "fit": True,
            },
        }
    else:
        options["physics"] = {"enabled": False}
    return options


def choose_renderer(size: int, renderer: str = "auto") -> str:
    """``canvas`` or ``webgl``: the one asked for, or by the number of entities."""
    if renderer == "auto":
        return "webgl" if WEBGL_LIMIT is not None and size > WEBGL_LIMIT else "canvas"
    return renderer


def _families(data: PageData, webgl: bool) -> list[list[Any]]:
    counts: dict[str, int] = {}
    for node in data.nodes:
        counts[node["family"]] = counts.get(node["family"], 0) + 1
    return [
        # the WebGL view draws every entity as a disc: the legend says so
        [key, en, vi, STYLE[key][0], "dot" if webgl else STYLE[key][1], counts[key]]
        for key, (en, vi) in FAMILIES.items()
        if key in counts
    ]


def _counts(data: PageData) -> dict[str, int]:
    """What the page counts: entities, links (one per linked pair and direction, as drawn),
    the relations they stand for, and distinct quoted passages."""
    quotes = {c[1] for d in data.details.values() for c in d["cites"]}
    relations = sum(len(r) for r in data.edge_details.values())
    return {
        "entities": len(data.nodes),
        "links": len(data.edges),
        "relations": relations,
        "quotes": len(quotes),
    }


TITLES = ("Vietnam–Russia relations: the network", "Quan hệ Việt Nam – Nga: mạng lưới")
#: How many of the most connected entities always get their name drawn (the label layer
#: moves a name out with a leader line before it leaves one of these out).
LABEL_SURE = 30
#: Above this many shown entities, "re-arrange" only fits the view (no physics in the page).
REARRANGE_LIMIT = 1200


def rearrange_physics(size: int) -> dict[str, Any]:
    """The force layout the page runs on what is shown when asked to re-arrange it."""
    physics: dict[str, Any] = vis_options(size, True)["physics"]
    physics["stabilization"] = {
        "enabled": True,
        "iterations": stabilization_iterations(size),
        "updateInterval": 50,
        "fit": True,
    }
    return physics


def render_page(
    data: PageData,
    *,
    title: str,
    lang: str,
    physics: bool,
    renderer: str = "canvas",
    draw_limit: int = DRAW_LIMIT,
    positions: Placed | None = None,
) -> str:
    """The complete HTML page for ``data``, drawn by ``renderer`` (``canvas`` or ``webgl``:
    the WebGL renderer draws laid-out pages only); a canvas draws at first the ``draw_limit``
    most connected entities (0: all).

    ``positions`` (x, y by entity key) travel in an element of their own, ``[x, y]`` or null
    for each node in order (the page's script gives them to the nodes), so that everything
    else is written before they are asked for: given as a callable, they are asked for last,
    and a layout that runs meanwhile is waited for only then.
    """
    size = len(data.nodes)
    webgl = renderer == "webgl"
    if webgl and physics:
        raise VnrukgError("the WebGL renderer draws laid-out pages only (no physics)")
    payload = {
        "lang": lang,
        # the default title in both languages (a title given on the command line stays as is)
        "titles": list(TITLES) if title == TITLES[0] else [title, title],
        "counts": _counts(data),
        "large": size > PHYSICS_LIMIT,
        "labelSure": LABEL_SURE,
        "rearrangeLimit": REARRANGE_LIMIT,
        "drawLimit": 0 if webgl else draw_limit,
        "rearrangePhysics": None if webgl else rearrange_physics(size),
        "physics": physics,
        "edgeLabels": len(data.edges) <= 1500,
        "hiddenFamilies": [f for f in HIDDEN_AT_FIRST if len(data.nodes) > 60],
        "families": _families(data, webgl),
        "years": list(data.years),
        "nodes": data.nodes,
        "edges": data.edges,
        "details": data.details,
        "edgeDetails": data.edge_details,
        "options": None if webgl else vis_options(size, physics),
    }
    if webgl:
        library = _sigma_js()
        library_css = ""
    else:
        library = pages.safe_script(_vis_asset("vis-network.min.js"), "vis-network")
        library_css = pages.safe_style(_vis_asset("vis-network.css"), "vis-network.css")
    page_js = _page_js("view-sigma.js" if webgl else "view-vis.js")
    html = _template().render(
        lang=lang,
        title=title,
        version=_version(),
        script_hashes=f"{pages.script_hash(library)} {pages.script_hash(page_js)}",
        vis_css=library_css,
        page_css=_asset("page.css"),
        data=_DATA_SLOT,
        positions=_POSITIONS_SLOT,
        vis_js=library,
        page_js=page_js,
        renderer=renderer,
    )
    # the data (31 MB for 20,000 entities) goes in last: through Jinja2 it was copied twice
    before, rest = html.split(_DATA_SLOT)
    between, after = rest.split(_POSITIONS_SLOT)
    written = script_json(payload)
    placed = positions() if callable(positions) else positions
    return "".join((before, written, between, _positions_json(data, placed), after))  # one copy


def _positions_json(data: PageData, placed: Mapping[str, tuple[float, float]] | None) -> str:
    if placed is None:
        return "null"
    found = (placed.get(node["id"]) for node in data.nodes)
    return script_json([[round(at[0], 1), round(at[1], 1)] if at else None for at in found])


@functools.cache
def _sigma_js() -> str:
    return pages.safe_script(pages.vendored(f"sigma-{SIGMA_VERSION}.min.js"), "the sigma bundle")


@functools.cache
def _page_js(view: str) -> str:
    """The page's script: the renderer's view and page.js, in one function."""
    code = f"(function () {{\n{_asset(view)}\n{_asset('page.js')}\n}})();\n"
    return pages.safe_script(code, "page.js")


@functools.cache
def _template() -> Template:
    """The page template (``assets/template.html``): Jinja2, every value HTML-escaped unless
    marked ``safe`` (the inlined scripts and styles, checked above, and the escaped JSON)."""
    environment = Environment(
        loader=PackageLoader("vnrukg.viz", "assets"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        keep_trailing_newline=True,
    )
    return environment.get_template("template.html")


def _version() -> str:
    try:
        return metadata.version("vnrukg")
    except metadata.PackageNotFoundError:
        return "dev"
