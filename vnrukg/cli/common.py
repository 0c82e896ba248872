"""What the commands share: settings, the project state, output helpers."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from ..project import Project, find_project
from ..util import atomic_write

if TYPE_CHECKING:
    from ..store import KnowledgeGraph

CONTEXT_SETTINGS = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


@dataclass
class State:
    """Per-invocation state: the project root and the graph, loaded once on demand."""

    root: str | None
    _project: Project | None = field(default=None, repr=False)
    _kg: KnowledgeGraph | None = field(default=None, repr=False)

    @property
    def project(self) -> Project:
        if self._project is None:
            self._project = find_project(self.root)
        return self._project

    def knowledge_graph(self) -> KnowledgeGraph:
        """The loaded graph (ontology, curated files and inferences)."""
        if self._kg is None:
            # loading needs rdflib (0.3 s with its parsers): only commands that load need it
            from ..store import load

            self._kg = load(self.project)
        return self._kg


pass_state = click.make_pass_decorator(State)


def write_output(data: bytes | str, output: str) -> None:
    """Write to stdout for ``-``, else atomically to the file."""
    if output == "-":
        if isinstance(data, str):
            data = data.encode("utf-8")
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
    else:
        atomic_write(Path(output), data)


def sources_option(function: Any) -> Any:
    """``--sources DIR``: where the source texts are."""
    return click.option(
        "--sources",
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help="Folder of source texts to check quotes against (default: $VNRUKG_SOURCES, "
        "else ../shared/sources beside the project).",
    )(function)


#: What a citation shows: the source's words, the curators' English translation, or both.
EVIDENCE_CHOICES = ("both", "quote", "translation")


def evidence_option(function: Any) -> Any:
    """``--evidence both|quote|translation``: what each citation shows in text output."""
    return click.option(
        "--evidence",
        type=click.Choice(EVIDENCE_CHOICES),
        default="both",
        show_default=True,
        help="Show each citation's quote (the source's words), the curators' English "
        "translation, or both.",
    )(function)
