"""What ``vnrukg timeline`` needs for ``--html`` and ``--actor`` (kept out of the CLI module)."""

from __future__ import annotations

from ..errors import UsageError
from ..network import EntityNetwork


def involving(net: EntityNetwork, items: list, actor: str | None) -> list:
    """The timeline entries that involve ``actor`` (a name, slug or IRI), or all of them."""
    if not actor:
        return items
    from ..lookup import resolve
    from .items import actors_of

    found = resolve(net, actor).id
    involved = actors_of(net)
    return [i for i in items if i.entity.id == found or found in involved.get(i.entity.id, [])]


def write_page(state, output: str, since, until, kinds, actor, lang: str, html: bool) -> None:
    """Write the timeline page of the selection to ``output``; report what it holds."""
    import click

    from ..cli.common import write_output
    from . import timeline_page

    if not html:
        raise UsageError("-o writes the --html page: add --html (text goes to standard output)")
    page, drawn = timeline_page(
        state.knowledge_graph(), since=since, until=until, classes=kinds, actor=actor, lang=lang
    )
    write_output(page, output)
    if output != "-":
        size = len(page.encode("utf-8"))
        click.echo(f"wrote {output} ({len(drawn.items):,} items, {size:,} bytes)", err=True)
