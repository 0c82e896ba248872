"""Write every output of the project into one folder (``dist/`` by default)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import RDF

from . import formats
from .charts import charts_page
from .docs import render
from .export import export_bytes
from .namespaces import VNRU, shorten
from .progress import SILENT, Progress, Task
from .store import ONTOLOGY, SHAPES, KnowledgeGraph
from .timeline import timeline_page
from .util import atomic_write
from .viz import build_outputs


@dataclass
class BuildResult:
    """What a build wrote, and how many entities of each class the graph holds."""

    files: list[tuple[Path, int]] = field(default_factory=list)
    classes: list[tuple[str, int]] = field(default_factory=list)
    triples: int = 0


def class_counts(kg: KnowledgeGraph) -> list[tuple[str, int]]:
    """Curated entities per asserted ``vnru:`` class, most frequent first."""
    counts: Counter[str] = Counter()
    for _node, cls in kg.curated.subject_objects(RDF.type):
        if isinstance(cls, URIRef) and str(cls).startswith(str(VNRU)):
            counts[shorten(str(cls))] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _write(result: BuildResult, path: Path, data: bytes | str, steps: Task) -> None:
    atomic_write(path, data)
    result.files.append((path, len(data.encode("utf-8") if isinstance(data, str) else data)))
    steps.advance()


def build(kg: KnowledgeGraph, out_dir: Path, progress: Progress = SILENT) -> BuildResult:
    """Write the exports, the ontology and its documentation, and the pages: the network, the
    charts of every series and the timeline.

    Each file written is a step of ``progress``.
    """
    result = BuildResult(triples=len(kg.graph))
    outputs = formats.formats(formats.GRAPH, formats.DATASET, formats.NETWORK)
    steps = progress.task("build", total=len(outputs) + len(kg.project.ontology_files()) + 4)
    for fmt in formats.formats(formats.GRAPH, formats.DATASET):
        _write(result, out_dir / f"vnrukg{fmt.extension}", export_bytes(kg, fmt.name), steps)
    for path in kg.project.ontology_files():
        _write(result, out_dir / "ontology" / path.name, path.read_bytes(), steps)
    documentation = render(kg.part(ONTOLOGY), kg.part(SHAPES))
    _write(result, out_dir / "ontology" / "index.html", documentation, steps)
    for path, data in build_outputs(kg, out_dir):  # the network page, GraphML and GEXF
        _write(result, path, data, steps)
    _write(result, out_dir / "charts.html", charts_page(kg), steps)
    _write(result, out_dir / "timeline.html", timeline_page(kg)[0], steps)
    steps.finish()
    result.classes = class_counts(kg)
    return result
