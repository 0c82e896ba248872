"""Commands that check and write the graph: validate, build, export."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from .. import formats
from ..errors import VnrukgError
from ..project import find_sources
from ..sparql import store_dir, write_store
from .common import CONTEXT_SETTINGS, State, pass_state, sources_option, write_output

#: ``export --format``: every graph, dataset and network format (vnrukg.formats).
EXPORT_FORMATS = formats.names(formats.GRAPH, formats.DATASET, formats.NETWORK)


def _print_report(report: Any, fmt: str) -> None:
    if fmt == "json":
        payload = {
            "ok": report.ok,
            "counts": report.counts,
            "problems": [p.__dict__ for p in report.problems],
        }
        click.echo(json.dumps(payload, ensure_ascii=False, indent=1))
        return
    problems = sorted(report.problems, key=lambda p: (p.file or "", p.line or 0, p.message))
    for problem in problems:
        click.echo(problem.render(), err=problem.severity == "error")
    counts = report.counts
    quotes = counts.get("quotes")
    verified = counts.get("quotes_verified", 0)
    summary = [
        f"{counts.get('files', 0)} files parsed strictly",
        f"{counts.get('triples', 0)} curated triples",
        "SHACL "
        + (
            "conforms"
            if not any(p.check == "shacl" and p.severity == "error" for p in report.problems)
            else "fails"
        ),
        f"{verified}/{quotes} quotes verbatim" if quotes is not None else "quotes not checked",
        f"{counts.get('translations', 0)} translations checked",
        f"{counts.get('rules', 0)} rule queries",
    ]
    status = "OK" if report.ok else f"FAILED: {len(report.errors)} error(s)"
    warn = f", {len(report.warnings)} warning(s)" if report.warnings else ""
    click.echo(f"{status}{warn} — " + "; ".join(summary))


@click.command(context_settings=CONTEXT_SETTINGS)
@sources_option
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Report as text lines or as JSON.",
)
@pass_state
def validate(state: State, sources: Path | None, fmt: str) -> None:
    """Check the graph: strict Turtle, known terms, SHACL, verbatim quotes, rule queries.

    Every Turtle file is parsed by a W3C-strict parser; every term must be defined; the data
    must conform to ontology/shapes.ttl; every quote must be an exact substring of its source
    text; every queries/*-violation.rq must return no rows. Problems are listed as
    FILE:LINE: SUBJECT: PROBLEM [CHECK]. Exits 1 when anything fails.

    \b
    Example:
      vnrukg validate --sources ../shared/sources
    """
    # pySHACL and rdflib cost a second to import: only these commands need them
    from ..validate import validate as run_validation

    project = state.project
    report = run_validation(project, find_sources(project, sources))
    _print_report(report, fmt)
    if not report.ok:
        raise click.exceptions.Exit(1)


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "-o",
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=Path("dist"),
    show_default=True,
    help="Folder to write into.",
)
@sources_option
@click.option("--skip-validation", is_flag=True, help="Write the outputs even if validation fails.")
@pass_state
def build(state: State, out_dir: Path, sources: Path | None, skip_validation: bool) -> None:
    """Validate the graph and write every output into dist/.

    Writes the graph in every export format, the ontology with its HTML documentation and,
    where the network view is installed, the network page. Reports each file written and the
    number of entities of each class. Stops (exit 1) before writing if validation fails.
    Also persists the loaded graph as an Oxigraph store in .vnrukg/, which `vnrukg query`
    answers from without parsing the Turtle again (until a source file changes).

    \b
    Example:
      vnrukg build -o dist
    """
    # rdflib, pySHACL and networkx cost a second to import: only this command needs them
    from ..build import build as run_build
    from ..validate import validate as run_validation

    project = state.project
    store_path = store_dir(project)  # named after the files as they are before loading them
    if not skip_validation:
        report = run_validation(project, find_sources(project, sources))
        if not report.ok:
            _print_report(report, "text")
            raise VnrukgError(
                "validation failed: nothing written (see above, or --skip-validation)"
            )
        click.echo(
            f"validated: {report.counts.get('quotes_verified', 0)} quotes verbatim, "
            f"{report.counts.get('triples', 0)} curated triples"
        )
    result = run_build(state.knowledge_graph(), out_dir)
    for path, size in result.files:
        click.echo(f"wrote {path} ({size:,} bytes)")
    built = write_store(state.knowledge_graph(), store_path)
    click.echo(f"stored {built.triples:,} triples for queries in {project.relative(built.path)}")
    click.echo("entities by class:")
    width = max((len(c) for c, _ in result.classes), default=0)
    for cls, count in result.classes:
        click.echo(f"  {cls.ljust(width)}  {count:>5}")
    click.echo(f"  {'total triples'.ljust(width)}  {result.triples:>5}")


@click.command(context_settings=CONTEXT_SETTINGS)
@click.option(
    "-f",
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default=None,
    help="RDF format, or graphml/gexf for the entity network (Gephi); guessed from the output "
    "file's extension when omitted.",
)
@click.option(
    "-o",
    "--output",
    default="-",
    show_default=True,
    help="File to write (atomically), or - for standard output.",
)
@pass_state
def export(state: State, fmt: str | None, output: str) -> None:
    """Export the whole graph as RDF, deterministically (same graph, same bytes).

    Formats: ttl, nt, nq, trig, jsonld, xml. TriG and N-Quads keep one named graph per curated
    file (vnrg:graph/...), one per ontology file and vnrg:inferred for derived triples.
    graphml and gexf write the entity network the page draws, for Gephi.

    \b
    Examples:
      vnrukg export -o vnrukg.ttl
      vnrukg export --format nt | wc -l
      vnrukg export -o vnrukg.gexf
    """
    # rdflib's serializers cost 0.1 s to import: only this command needs them
    from ..export import export_bytes

    if fmt is None:
        fmt = "ttl" if output == "-" else formats.guess(output).name
    data = export_bytes(state.knowledge_graph(), fmt)
    write_output(data, output)
    if output != "-":
        click.echo(f"wrote {output} ({len(data):,} bytes, {fmt})", err=True)


@click.command(context_settings=CONTEXT_SETTINGS)
@sources_option
@click.option("--uncovered", is_flag=True, help="List the sentences no quote covers.")
@click.option(
    "--untranslated", is_flag=True, help="List the citations that have no English translation."
)
@pass_state
def coverage(state: State, sources: Path | None, uncovered: bool, untranslated: bool) -> None:
    """Show how much of each source text the graph quotes (a completeness check).

    A letter is covered when some citation quotes it; a sentence is uncovered when under 30 %
    of its letters are. Uncovered sentences usually mean facts still to curate (or headings,
    captions and methodology, which carry none).

    It also counts the citations whose quote has the curators' English translation
    (``vnru:translation``); ``--untranslated`` lists the others as FILE:LINE: FACT.

    \b
    Example:
      vnrukg coverage --uncovered
      vnrukg coverage --untranslated
    """
    # rdflib costs 0.1 s to import: only this command needs it
    from ..coverage import coverage as measure
    from ..coverage import untranslated as find_untranslated

    folder = find_sources(state.project, sources)
    if folder is None:
        raise VnrukgError("no sources folder: pass --sources DIR or set $VNRUKG_SOURCES")
    kg = state.knowledge_graph()
    for item in measure(kg.graph, folder):
        click.echo(
            f"{item.name}: {item.share:.0%} of letters quoted; "
            f"{len(item.uncovered)} of {item.sentences} sentences uncovered; "
            f"{item.translated}/{item.citations} quotes translated"
        )
        if uncovered:
            for line, sentence in item.uncovered:
                shown = sentence if len(sentence) <= 110 else sentence[:107] + "…"
                click.echo(f"    line {line}: {shown}")
    if untranslated:
        for where in find_untranslated(kg):
            click.echo(where)


COMMANDS = [validate, build, export, coverage]
