"""The network page command: viz (and the options the analysis commands share with it)."""

from __future__ import annotations

from typing import Any

import click

from ..progress import LARGE_WORK, display
from .common import CONTEXT_SETTINGS, State, pass_state, write_output

#: The entity families of vnrukg.network.FAMILIES (kept here so --help needs no rdflib).
FAMILY_NAMES = [
    *("state", "person", "organisation", "place", "agreement", "partnership"),
    *("policy", "mechanism"),
    *("session", "event", "transaction", "weapon", "project", "statistics", "statement"),
    *("discrepancy", "period", "other"),
]


def period_options(function: Any) -> Any:
    """``--since YEAR`` and ``--until YEAR``."""
    function = click.option(
        "--until", type=int, default=None, metavar="YEAR", help="Up to this year (inclusive)."
    )(function)
    return click.option(
        "--since", type=int, default=None, metavar="YEAR", help="From this year (inclusive)."
    )(function)


def lang_option(function: Any) -> Any:
    """``--lang en|vi``: the language names are shown in."""
    return click.option(
        "--lang",
        type=click.Choice(["en", "vi"]),
        default="en",
        show_default=True,
        help="Show names in English or Vietnamese.",
    )(function)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "-o",
    "--output",
    default="network.html",
    show_default=True,
    help="HTML file to write (atomically), or - for standard output.",
)
@period_options
@click.option(
    "--class",
    "families",
    multiple=True,
    type=click.Choice(FAMILY_NAMES),
    help="Only entities of this class (repeatable).",
)
@click.option(
    "--focus",
    metavar="ENTITY",
    default=None,
    help="Only what is near this entity (IRI, vnrd:slug, slug or name).",
)
@click.option(
    "--depth",
    type=int,
    default=1,
    show_default=True,
    help="How many links from --focus to include.",
)
@lang_option
@click.option(
    "--layout",
    type=click.Choice(["auto", "physics", "static"]),
    default="auto",
    show_default=True,
    help="physics: laid out in the browser; static: pre-computed with igraph or networkx "
    "(used automatically above 1,000 entities).",
)
@click.option(
    "--renderer",
    type=click.Choice(["auto", "canvas", "webgl"]),
    default="auto",
    show_default=True,
    help="canvas: vis-network (auto); webgl: sigma.js, faster for large pages where the "
    "browser has a GPU (always laid out in advance).",
)
@click.option(
    "--draw-limit",
    type=click.IntRange(min=0),
    default=3000,
    show_default=True,
    metavar="N",
    help="Draw at first the N most connected entities the filters let through; the page "
    "draws the others when searched, clicked or filtered for, or on its Draw all button "
    "(0: draw all at once).",
)
@click.option("--title", default=None, help="Title of the page.")
@pass_state
def viz(
    state: State,
    output: str,
    since: int | None,
    until: int | None,
    families: tuple[str, ...],
    focus: str | None,
    depth: int,
    lang: str,
    layout: str,
    renderer: str,
    draw_limit: int,
    title: str | None,
) -> None:
    """Draw the graph as a network in one offline HTML page.

    Entities (states, people, organisations, agreements, mechanisms, sessions, events,
    transactions …) are nodes, coloured and shaped by class and sized by how connected they
    are; links are named after the ontology's properties. Hover a node for a summary, click it
    for its evidence: names in both languages, class, dates, values and every citation (source
    and quote). The page has a class legend that filters, a period control and a search box
    that ignores diacritics. It loads nothing from the network. On a terminal, a large
    graph's network, layout and page show their progress on stderr.

    \b
    Examples:
      vnrukg viz -o network.html
      vnrukg viz --since 2012 --until 2025 --class state --class person --class event
      vnrukg viz --focus "phan van giang" --depth 2 -o giang.html
    """
    # rdflib, networkx and pyvis cost 0.5 s to import: only this command needs them
    from ..viz import DEFAULT_TITLE, network_page

    with display(delay=LARGE_WORK) as progress:
        page = network_page(
            state.knowledge_graph(),
            progress,
            families=families,
            since=since,
            until=until,
            focus=focus,
            depth=depth,
            lang=lang,
            layout=layout,
            renderer=renderer,
            draw_limit=draw_limit,
            title=title or DEFAULT_TITLE,
        )
    write_output(page.html, output)
    if output != "-":
        how = "laid out in the browser" if page.physics else "pre-computed layout"
        how += ", WebGL" if page.renderer == "webgl" else ""
        size = len(page.html.encode("utf-8"))
        counts = f"{page.nodes:,} entities, {page.edges:,} links for {page.relations:,} relations"
        click.echo(f"wrote {output} ({counts}, {size:,} bytes, {how})", err=True)


COMMANDS = [viz]
