"""Commands that ask graph questions: analyze, path, timeline, search, show."""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import click

from ..errors import UsageError
from ..names import fold, shorten_text
from ..namespaces import shorten
from ..results import render_table
from .common import CONTEXT_SETTINGS, State, evidence_option, pass_state, write_output
from .viz import lang_option, period_options

if TYPE_CHECKING:
    from rdflib import Graph

    from ..network import EntityNetwork
    from ..search import Entry


def _network(state: State) -> EntityNetwork:
    # rdflib and networkx cost 0.3 s to import: only the commands of this module need them
    from ..network import build_network

    return build_network(state.knowledge_graph())


def _csv(header: list[str], rows: list[list]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1) + "\n"


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Aligned tables, one long CSV table, or JSON.",
)
@click.option(
    "--top",
    type=click.IntRange(1),
    default=10,
    show_default=True,
    help="How many entities each ranking lists.",
)
@period_options
@lang_option
@pass_state
def analyze(
    state: State, fmt: str, top: int, since: int | None, until: int | None, lang: str
) -> None:
    """Rank entities by degree and betweenness, find communities, summarise each year.

    Works on the network the page draws (entities and the links between them, each pair
    counted once). Communities are Louvain's with a fixed seed; the per-year summary counts
    the events, sessions, agreements and transactions of each year, the statistical
    observations dated in it, and the entities they involve.

    \b
    Examples:
      vnrukg analyze
      vnrukg analyze --since 2012 --format json
    """
    # networkx costs 0.2 s to import: only this command needs it
    from .. import analyze as analysis
    from .. import network

    net = network.filter_network(_network(state), since=since, until=until)
    click.echo(analysis.format_analysis(analysis.analyze(net, top, lang), fmt), nl=False)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("a")
@click.argument("b")
@click.option(
    "--max",
    "limit",
    type=click.IntRange(1),
    default=3,
    show_default=True,
    help="At most this many shortest paths.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Statements with citations, or JSON.",
)
@lang_option
@evidence_option
@pass_state
def path(state: State, a: str, b: str, limit: int, fmt: str, lang: str, evidence: str) -> None:
    """Show the shortest chains of links between two entities, with their citations.

    A and B are IRIs, vnrd: slugs, bare slugs or names (diacritics optional). Each link is
    printed as a statement (subject —property→ object) followed by the quotes behind it.
    Exits 1 when no chain joins them.

    \b
    Examples:
      vnrukg path "Phan Van Giang" "Andrey Belousov"
      vnrukg path vnrd:vietnam vnrd:soviet-union --max 1
    """
    # networkx costs 0.2 s to import: only these commands need it
    from ..lookup import paths_text, resolve, shortest_paths

    net = _network(state)
    _graph, entries = _index(state)
    start, end = resolve(net, a, entries), resolve(net, b, entries)
    paths = shortest_paths(net, start, end, limit)
    if fmt == "json":
        payload = [
            [
                {
                    "from": s.start.id,
                    "to": s.end.id,
                    "relations": [_relation_json(r) for r in s.relations],
                }
                for s in p
            ]
            for p in paths
        ]
        click.echo(_json(payload), nl=False)
    else:
        click.echo(paths_text(net, paths, lang, evidence), nl=False)
    if not paths:
        raise click.exceptions.Exit(1)


def _relation_json(rel: Any) -> dict[str, Any]:
    return {
        "source": rel.source,
        "property": rel.prop,
        "label_en": rel.label_en,
        "label_vi": rel.label_vi,
        "target": rel.target,
        "fact": rel.fact,
        "citations": [asdict(c) for c in rel.citations],
    }


@click.command(context_settings=CONTEXT_SETTINGS)
@period_options
@click.option(
    "--kind",
    "--class",
    "kinds",
    multiple=True,
    type=click.Choice(
        [
            "event",
            "session",
            "agreement",
            "transaction",
            "partnership",
            "statement",
            "statistics",
            "project",
            "mechanism",
            "period",
        ]
    ),
    help="Only these classes (repeatable; default: event, session, agreement, transaction, "
    "partnership).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "csv", "json"]),
    default="text",
    show_default=True,
    help="Dated lines with their citation, CSV or JSON.",
)
@click.option("--actor", default=None, metavar="ENTITY", help="Only what involves this entity.")
@click.option("--html", is_flag=True, help="Write the interactive timeline page instead.")
@click.option(
    "-o", "--output", default="-", show_default=True, help="File the --html page goes to, or -."
)
@lang_option
@evidence_option
@pass_state
def timeline(
    state: State,
    since: int | None,
    until: int | None,
    kinds: tuple[str, ...],
    fmt: str,
    actor: str | None,
    html: bool,
    output: str,
    lang: str,
    evidence: str,
) -> None:
    """List dated events, agreements, sessions and transactions in order, each with a citation.

    Dates are shown at the precision the sources give (a year stays a year) and sort as text,
    so 2024 comes before 2024-06 and 2024-06-20. --html writes the same selection as an
    offline page with zoom, lanes, filters, search and each item's evidence.

    \b
    Examples:
      vnrukg timeline --since 2012 --until 2025
      vnrukg timeline --kind agreement --format csv
      vnrukg timeline --html --since 2012 --actor phan-van-giang -o giang.html
    """
    # networkx costs 0.2 s to import: only these commands need it
    from .. import lookup, timeline

    if html or output != "-":
        if not html:
            raise UsageError("-o writes the --html page: add --html (text goes to standard output)")
        page, drawn = timeline.timeline_page(
            state.knowledge_graph(),
            since=since,
            until=until,
            classes=kinds,
            actor=actor,
            lang=lang,
        )
        write_output(page, output)
        if output != "-":
            size = len(page.encode("utf-8"))
            click.echo(f"wrote {output} ({len(drawn.items):,} items, {size:,} bytes)", err=True)
        return
    net = _network(state)
    items = timeline.involving(net, lookup.timeline(net, since, until, kinds or None), actor)
    if fmt == "json":
        click.echo(
            _json(
                [
                    {
                        "date": i.date,
                        "id": i.entity.id,
                        "class": i.entity.cls,
                        "label_en": i.entity.label_en,
                        "label_vi": i.entity.label_vi,
                        "citations": [asdict(c) for c in i.citations],
                    }
                    for i in items
                ]
            ),
            nl=False,
        )
        return
    if fmt == "csv":
        rows = []
        for i in items:
            first = i.citations[0] if i.citations else None
            rows.append(
                [
                    i.date,
                    i.entity.id,
                    i.entity.cls_en,
                    i.entity.label(lang),
                    first.quote if first else "",
                    first.translation if first else "",
                    first.source if first else "",
                ]
            )
        header = ["date", "id", "class", "name", "quote", "translation", "source"]
        click.echo(_csv(header, rows), nl=False)
        return
    for i in items:
        click.echo(f"{i.date:<10}  {i.entity.label(lang)} [{i.entity.cls_en}] ({i.entity.id})")
        for line in lookup.cite_lines(i.citations[0], " " * 12, evidence) if i.citations else []:
            click.echo(line)
    click.echo(f"({len(items)} dated entr{'y' if len(items) == 1 else 'ies'})")


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("text")
@click.option(
    "--text",
    "full_text",
    is_flag=True,
    help="Search the quotes, translations, summaries and notes instead of names.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@click.option(
    "--limit",
    type=click.IntRange(1),
    default=20,
    show_default=True,
    help="At most this many results.",
)
@pass_state
def search(state: State, text: str, full_text: bool, fmt: str, limit: int) -> None:
    """Find anything by name, or passages by their words; diacritics optional.

    By name: entities, sources and cited references (by title, author or outlet),
    observations, statements, tenures and vocabulary concepts, in Vietnamese or English,
    aliases included. Exact names come first, then names that begin with the text, then names
    containing it; when nothing matches, the nearest names are suggested.

    With --text: the quotes (the sources' words), the curators' English translations,
    statement summaries and notes that contain every word, best first (BM25), each with the
    entity it is about. Exits 1 when nothing matches.

    \b
    Examples:
      vnrukg search "phan van giang"
      vnrukg search matxcova --format json
      vnrukg search --text "dầu khí"
      vnrukg search --text "United Nations" --limit 5
    """
    if full_text:
        _search_text(state, text, fmt, limit)
        return
    # RapidFuzz and rdflib load only for the look-up commands
    from .. import search as names

    _graph, entries = _index(state)
    hits = names.search(entries, text, limit)
    if not hits:
        near = names.suggestions(entries, text)
        hint = "; did you mean: " + "; ".join(
            f"{_short(h.entry.iri)} ({h.entry.name_en or h.entry.name_vi})" for h in near
        )
        click.echo(f"no names match {text!r}" + (hint if near else ""), err=True)
        raise click.exceptions.Exit(1)
    short = (lambda t: shorten_text(t, 60)) if fmt == "table" else (lambda t: t)
    rows = [
        [
            _short(h.entry.iri),
            _class_name(h.entry),
            short(h.entry.name_vi),
            short(h.entry.name_en),
            "" if h.matched in (_fold(h.entry.name_vi), _fold(h.entry.name_en)) else h.matched,
        ]
        for h in hits
    ]
    header = ["id", "class", "name (vi)", "name (en)", "matched"]
    _emit(header, rows, fmt, ["id", "class", "vi", "en", "matched"])


def _search_text(state: State, text: str, fmt: str, limit: int) -> None:
    # rdflib loads only for the look-up commands
    from .. import describe, search

    graph, _entries = _index(state)
    hits = search.search_text(graph, text, limit)
    if not hits:
        click.echo(f"no passage contains {text!r}", err=True)
        raise click.exceptions.Exit(1)
    rows = [
        [
            _short(h.entity),
            describe.label(graph, h.entity),
            h.field + (" (curators')" if h.field == "translation" else ""),
            h.snippet if fmt == "table" else h.text,
            _short(h.node),
        ]
        for h in hits
    ]
    header = ["entity", "name", "field", "text", "node"]
    _emit(header, rows, fmt, header)


def _emit(header: list[str], rows: list[list[str]], fmt: str, keys: list[str]) -> None:
    if fmt == "json":
        click.echo(_json([dict(zip(keys, r, strict=True)) for r in rows]), nl=False)
    elif fmt == "csv":
        click.echo(_csv(header, rows), nl=False)
    else:
        click.echo(render_table(header, rows), nl=False)


def _short(iri: object) -> str:
    return shorten(str(iri))


def _fold(text: str) -> str:
    return fold(text)


def _class_name(entry: Entry) -> str:
    return ", ".join(entry.class_labels) or "-"


def _index(state: State) -> tuple[Graph, list[Entry]]:
    """The curated graph (no inferences) and the search index over it."""
    # RapidFuzz and rdflib load only for the look-up commands
    from .. import search, store

    kg = state.knowledge_graph()
    graph = kg.part(store.ONTOLOGY, store.CURATED)
    return graph, search.build_index(kg.graph, graph)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("entity")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@lang_option
@evidence_option
@pass_state
def show(state: State, entity: str, fmt: str, lang: str, evidence: str) -> None:
    """Show everything the graph says about one node, with citations.

    ENTITY is an IRI, a prefixed name (vnrd:…), a bare slug or a name (diacritics optional).
    For an entity of the network: its names, class, dates, values, folded records (posts
    held, observations), its own evidence and every link to other entities with the quotes
    behind it. Any other node the graph describes — a source or cited reference, an
    observation, a statement, a tenure, a citation — is shown with its properties, its
    evidence and what mentions it. Each quote is followed by the curators' English
    translation (--evidence chooses).

    \b
    Examples:
      vnrukg show phan-van-giang
      vnrukg show "Liên bang Nga" --format json
      vnrukg show source-002
      vnrukg show ref-000-03 --evidence translation
    """
    # networkx and rdflib cost 0.3 s to import: only these commands need them
    from .. import describe, lookup, network

    net = _network(state)
    graph, entries = _index(state)
    found = lookup.find(net, entity, entries, graph)
    if isinstance(found, network.Entity):
        if fmt == "json":
            click.echo(_json(lookup.show_json(net, found)), nl=False)
        else:
            click.echo(lookup.show_text(net, found, lang, evidence), nl=False)
        return
    description = describe.describe(graph, found, lang)
    if fmt == "json":
        click.echo(_json(asdict(description)), nl=False)
    else:
        click.echo(describe.description_text(description, evidence), nl=False)


COMMANDS = [analyze, path, timeline, search, show]
