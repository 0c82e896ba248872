"""Commands that ask questions: query and queries."""

from __future__ import annotations

import json
from typing import TextIO

import click

from .. import formats
from ..errors import UsageError
from ..results import format_graph, format_select
from ..sparql import DEFAULT_ENGINE, ENGINES, Term, find_query, list_queries, open_engine
from .common import CONTEXT_SETTINGS, State, pass_state, write_output

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


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("name", required=False)
@click.option(
    "-f",
    "--file",
    "file",
    type=click.File("r", encoding="utf-8"),
    default=None,
    help="Run the query in this file.",
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
    file: TextIO | None,
    expr: str | None,
    params: tuple[str, ...],
    fmt: str | None,
    output: str,
    engine: str,
) -> None:
    """Run a named query, a query file or a query text.

    Parameters are bound to the query's variables, never pasted into its text. Entity
    parameters take a full IRI, a prefixed name (vnrd:phan-van-giang) or a bare slug
    (phan-van-giang). The usual prefixes (vnru:, vnrd:, skos:, …) are predeclared for -e and -f.
    SERVICE, FROM and updates are refused.

    The default engine, oxigraph, answers from a store built from the Turtle files once and
    kept in .vnrukg/ (rebuilt whenever a file changes), so a query starts in a blink;
    --engine rdflib loads the files into memory each time. Their answers are the same.

    \b
    Examples:
      vnrukg query timeline --param since=2012
      vnrukg query -e 'SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }' --format csv
      vnrukg query timeline --engine rdflib
    """
    chosen = [x for x in (name, file, expr) if x is not None]
    if len(chosen) != 1:
        raise UsageError("give exactly one of NAME, -f FILE or -e TEXT")
    bindings: dict[str, Term] = {}
    if name is not None:
        named = find_query(state.project, name)
        text, bindings = named.text, named.bindings(_params(params))
    else:
        if params:
            raise UsageError("--param only applies to named queries; use VALUES in your own text")
        text = file.read() if file is not None else (expr or "")
    result = open_engine(state.project, engine).query(text, bindings)
    if result.kind in ("CONSTRUCT", "DESCRIBE"):
        out = format_graph(result, fmt or "ttl")
    else:
        out = format_select(result, fmt or "table")
    write_output(out, output)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--tag", default=None, help="Only queries with this tag.")
@pass_state
def queries(state: State, fmt: str, tag: str | None) -> None:
    """List the named queries with title, description and parameters.

    \b
    Example:
      vnrukg queries --tag agreements
    """
    items = [q for q in list_queries(state.project) if tag is None or tag in q.tags]
    items = [q for q in items if not q.name.endswith("-violation")] if tag is None else items
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
    for q in items:
        click.echo(f"{q.name} — {q.title}")
        if q.description:
            click.echo(f"    {q.description}")
        for p in q.params:
            extra = (
                "optional" if p.optional else (f"default {p.default}" if p.default else "required")
            )
            click.echo(f"    --param {p.name}=<{p.type}>  ({extra}) {p.description}".rstrip())
        if q.tags:
            click.echo(f"    tags: {', '.join(q.tags)}")
    click.echo(f"({len(items)} queries; rule queries *-violation are run by validate)")


COMMANDS = [query, queries]
