"""Commands that ask questions: query and queries."""

from __future__ import annotations

import json
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence

import click

from .. import formats
from ..errors import UsageError
from ..results import evidence_columns, format_graph, format_select, limit_rows, select_columns
from ..sparql import (
    DEFAULT_ENGINE,
    ENGINES,
    MAX_QUERY_BYTES,
    Engine,
    EngineLookup,
    Term,
    check_size,
    find_query,
    list_queries,
    open_engine,
    search_queries,
)
from .common import (
    CONTEXT_SETTINGS,
    State,
    evidence_option,
    pass_state,
    read_text,
    write_output,
)

#: ``--format`` for SELECT/ASK results and for CONSTRUCT/DESCRIBE graphs (vnrukg.formats).
TABLE_FORMATS = formats.names(formats.RESULTS)
GRAPH_FORMATS = formats.names(formats.GRAPH)


def _params(values: tuple[str, ...]) -> dict[str, str]:
    given: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise UsageError(f"--param wants name=value, got {item!r}")
        given[name.strip().lstrip("?")] = value
    return given


def _suggestions(engine: Engine) -> Callable[[str, Sequence[str]], list[str]]:
    def near(text: str, namespaces: Sequence[str]) -> list[str]:
        # rapidfuzz and rdflib (0.3 s) only for a value that names nothing
        from ..search import engine_suggestions

        return engine_suggestions(engine)(text, namespaces)

    return near


def read_query_file(path: str) -> str:
    """The text of a query file (``-``: standard input); longer than the limit is refused."""
    return read_text(path, "query file", MAX_QUERY_BYTES)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("name", required=False)
@click.option(
    "-f",
    "--file",
    "file",
    type=click.Path(dir_okay=True, path_type=str),
    default=None,
    help="Run the query in this file (UTF-8; - reads standard input).",
)
@click.option("-e", "--expr", "expr", default=None, help="Run this query text.")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME=VALUE",
    help="Bind a parameter of a named query (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(list(dict.fromkeys(TABLE_FORMATS + GRAPH_FORMATS))),
    default=None,
    help="SELECT/ASK: table (default), csv, tsv, json, jsonl; "
    "CONSTRUCT/DESCRIBE: ttl (default), nt, jsonld, xml.",
)
@click.option(
    "--limit",
    type=click.IntRange(0),
    default=None,
    metavar="N",
    help="Only the first N rows (the table says how many there were).",
)
@click.option(
    "--columns",
    default=None,
    metavar="A,B,…",
    help="Only these columns, in this order (an unknown name lists the columns).",
)
@evidence_option
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or -.")
@click.option(
    "--engine",
    type=click.Choice(list(ENGINES)),
    default=DEFAULT_ENGINE,
    show_default=True,
    help="; ".join(f"{e.name} {e.summary}" for e in ENGINES.values())
    + ". Both give the same results.",
)
@pass_state
def query(
    state: State,
    name: str | None,
    file: str | None,
    expr: str | None,
    params: tuple[str, ...],
    fmt: str | None,
    limit: int | None,
    columns: str | None,
    evidence: str,
    output: str,
    engine: str,
) -> None:
    """Run a named query, a query file or a query text.

    Parameters are bound to the query's variables, never pasted into its text. IRI
    parameters take a full IRI, a prefixed name (vnrd:phan-van-giang) or a bare slug, looked
    up where the parameter's terms live (person=phan-van-giang, indicator=trade-turnover,
    kind=Treaty); a value naming nothing in the graph is an error with the nearest names.
    Query texts are limited to 64 KiB (as at the endpoint). The usual prefixes (vnru:, vnrd:,
    skos:, …) are predeclared for -e and -f. SERVICE, FROM and updates are refused.

    Every quote comes with the curators' English translation beside it; --evidence chooses
    what a table shows (CSV, TSV and JSON always carry both). --columns and --limit pick
    columns and rows. Tables group the digits of large numbers; data formats keep raw values.

    The default engine, oxigraph, answers from a store built from the Turtle files once and
    kept in .vnrukg/ (rebuilt whenever a file changes), so a query starts in a blink;
    --engine rdflib loads the files into memory each time. Their answers are the same.

    \b
    Examples:
      vnrukg query timeline --param since=2012
      vnrukg query trade-series --param indicator=trade-turnover
      vnrukg query agreements --columns signed,label_en,parties --limit 5
      vnrukg query visits --param place=moscow --evidence translation
      vnrukg query holders-of-role --param year=2016
      vnrukg query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format csv
      vnrukg query timeline --engine rdflib
    """
    chosen = [x for x in (name, file, expr) if x is not None]
    if len(chosen) != 1:
        raise UsageError("give exactly one of NAME, -f FILE or -e TEXT")
    bindings: dict[str, Term] = {}
    if name is not None:
        named, given = find_query(state.project, name), _params(params)
        runner = open_engine(state.project, engine)
        text = named.text
        bindings = named.bindings(given, EngineLookup(runner, _suggestions(runner)))
    else:
        if params:
            raise UsageError("--param only applies to named queries; use VALUES in your own text")
        text = read_query_file(file) if file is not None else (expr or "")
        check_size(text)  # before the store is opened (or built): refused at once
        runner = open_engine(state.project, engine)
    result = runner.query(text, bindings)
    if columns is not None:
        result = select_columns(result, columns.split(","))
    elif (fmt or "table") == "table":  # data formats carry quote and translation both
        result = evidence_columns(result, evidence)
    total = len(result)
    if limit is not None:
        result = limit_rows(result, limit)
    if result.kind in ("CONSTRUCT", "DESCRIBE"):
        out = format_graph(result, fmt or "ttl")
    else:
        on_terminal = output == "-" and sys.stdout.isatty()  # piped text: a value a line
        out = format_select(result, fmt or "table", total=total, wrap=on_terminal)
    write_output(out, output)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--tag", default=None, help="Only queries with this tag.")
@click.option(
    "--search",
    "words",
    default=None,
    metavar="WORDS",
    help="Only queries whose name, title, description, tags or parameters hold every word "
    "(diacritics optional).",
)
@pass_state
def queries(state: State, fmt: str, tag: str | None, words: str | None) -> None:
    """List the named queries with title, description and parameters.

    --search finds the query for a question: the words may be in its name, title,
    description, tags or parameters, in any case, with or without diacritics. Rule queries
    (*-violation) are listed with --tag rules or when a search finds them.

    \b
    Examples:
      vnrukg queries --tag agreements
      vnrukg queries --search minister
      vnrukg queries --search "trade year"
    """
    items = [q for q in list_queries(state.project) if tag is None or tag in q.tags]
    if words is not None:
        items = search_queries(items, words)
    elif tag is None:
        items = [q for q in items if not q.name.endswith("-violation")]
    if fmt == "json":
        payload = [
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "tags": list(q.tags),
                "params": [p.__dict__ for p in q.params],
            }
            for q in items
        ]
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    width = shutil.get_terminal_size().columns if sys.stdout.isatty() else None

    def echo(text: str, indent: str = "    ") -> None:  # wrapped on a terminal, else a line
        if width is None or len(text) <= width:
            click.echo(text)
        else:
            click.echo(textwrap.fill(text, width, subsequent_indent=indent + "    "))

    for q in items:
        click.echo(f"{q.name} — {q.title}")
        if q.description:
            echo(f"    {q.description}", "")
        for p in q.params:
            extra = (
                "optional" if p.optional else (f"default {p.default}" if p.default else "required")
            )
            kind = p.type
            if p.type == "iri":  # where a bare slug is looked for
                kind = f"iri or {'/'.join(ns + ':' for ns in p.namespaces)}slug"
            echo(f"    --param {p.name}=<{kind}>  ({extra}) {p.description}".rstrip())
        if q.tags:
            click.echo(f"    tags: {', '.join(q.tags)}")
    if words is not None and not items:
        click.echo(f"(no query mentions {words!r}; list them all: vnrukg queries)")
        return
    click.echo(f"({len(items)} queries; rule queries *-violation are run by validate)")


COMMANDS = [query, queries]
