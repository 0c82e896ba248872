"""The command that gives references to cite: cite."""

from __future__ import annotations

import json

import click

from .common import CONTEXT_SETTINGS, State, pass_state, write_output

CITE_FORMATS = ("text", "csl-json", "bibtex", "ris")


@click.command(context_settings=CONTEXT_SETTINGS)
@click.argument("target")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(CITE_FORMATS),
    default="text",
    show_default=True,
    help="A formatted reference per source, CSL-JSON (Zotero, Pandoc), BibTeX or RIS.",
)
@click.option(
    "--style",
    type=click.Choice(["apa", "mla", "harvard"]),
    default="apa",
    show_default=True,
    help="The citation style of --format text (CSL styles, formatted by citeproc-py).",
)
@click.option("-o", "--output", default="-", show_default=True, help="File to write, or -.")
@pass_state
def cite(state: State, target: str, fmt: str, style: str, output: str) -> None:
    """Give the sources behind a fact, an entity or a source, as references to paste.

    TARGET is an IRI, a prefixed name (vnrd:…), a bare slug or a name (diacritics optional).
    For a source document: that source. For anything else: the curated articles whose quotes
    support it (its own citations and those of the facts that name it), then the references
    those articles cite for the passages (footnotes, author–year citations), each noting the
    article that cites it.

    \b
    Examples:
      vnrukg cite source-001
      vnrukg cite treaty-1994 --style mla
      vnrukg cite phan-van-giang --format bibtex -o giang.bib
      vnrukg cite "Hiệp ước hữu nghị" --format csl-json
    """
    # rdflib, citeproc-py and pybtex load only for this command
    from ..cite import csl_records, format_text, to_bibtex, to_ris
    from ..search import build_index, resolve_node
    from ..store import CURATED, ONTOLOGY

    kg = state.knowledge_graph()
    graph = kg.part(ONTOLOGY, CURATED)
    node = resolve_node(graph, build_index(kg.graph, graph), target)
    records = csl_records(graph, node)
    if fmt == "csl-json":
        out = json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    elif fmt == "bibtex":
        out = to_bibtex(records)
    elif fmt == "ris":
        out = to_ris(records)
    else:
        out = "".join(f"{line}\n" for line in format_text(records, style))
    write_output(out, output)


COMMANDS = [cite]
