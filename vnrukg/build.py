"""Write every output of the project into one folder (``dist/`` by default)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from .docs import render
from .export import FORMATS, export_bytes
from .namespaces import VNRU, shorten
from .store import INFERRED_GRAPH, KnowledgeGraph
from .util import atomic_write

EXTENSION = {"ttl": "ttl", "nt": "nt", "nq": "nq", "trig": "trig", "jsonld": "jsonld", "xml": "rdf"}


@dataclass
class BuildResult:
    """What a build wrote, and how many entities of each class the graph holds."""

    files: list[tuple[Path, int]] = field(default_factory=list)
    classes: list[tuple[str, int]] = field(default_factory=list)
    triples: int = 0


def curated_graph(kg: KnowledgeGraph) -> Graph:
    """The curated files only (no ontology, no inferences)."""
    data = Graph()
    ontology_dir = kg.project.ontology_dir.resolve()
    for name, part in kg.named.items():
        path = kg.paths.get(name)
        if name != INFERRED_GRAPH and path is not None and path.parent.resolve() != ontology_dir:
            data += part
    return data


def class_counts(kg: KnowledgeGraph) -> list[tuple[str, int]]:
    """Curated entities per asserted ``vnru:`` class, most frequent first."""
    counts: Counter[str] = Counter()
    for _node, cls in curated_graph(kg).subject_objects(RDF.type):
        if isinstance(cls, URIRef) and str(cls).startswith(str(VNRU)):
            counts[shorten(str(cls))] += 1
    return sorted(counts.items(), key=lambda item: (-item[1], item[0]))


def _write(result: BuildResult, path: Path, data: bytes | str) -> None:
    atomic_write(path, data)
    result.files.append((path, len(data.encode("utf-8") if isinstance(data, str) else data)))


def build(kg: KnowledgeGraph, out_dir: Path) -> BuildResult:
    """Write the exports, the ontology and its documentation (and the network page)."""
    result = BuildResult(triples=len(kg.graph))
    for fmt in FORMATS:
        _write(result, out_dir / f"vnrukg.{EXTENSION[fmt]}", export_bytes(kg, fmt))
    ontology = Graph()
    shapes = Graph()
    for path in kg.project.ontology_files():
        _write(result, out_dir / "ontology" / path.name, path.read_bytes())
    for name, part in kg.named.items():
        path = kg.paths.get(name)
        if path is not None and path.parent.resolve() == kg.project.ontology_dir.resolve():
            (shapes if path.name == "shapes.ttl" else ontology).__iadd__(part)
    _write(result, out_dir / "ontology" / "index.html", render(ontology, shapes))
    for extra in EXTRA_OUTPUTS:
        for path, data in extra(kg, out_dir):
            _write(result, path, data)
    result.classes = class_counts(kg)
    return result


def _network_outputs(kg: KnowledgeGraph, out_dir: Path):
    """The network page and GraphML/GEXF (imported only when a build runs)."""
    from .viz import build_outputs

    return build_outputs(kg, out_dir)


def _chart_outputs(kg: KnowledgeGraph, out_dir: Path):
    """The charts page (imported only when a build runs)."""
    from .charts import charts_page

    yield out_dir / "charts.html", charts_page(kg)


def _timeline_outputs(kg: KnowledgeGraph, out_dir: Path):
    """The timeline page (imported only when a build runs)."""
    from .timeline import timeline_page

    yield out_dir / "timeline.html", timeline_page(kg)[0]


#: Further outputs (for example the network page): functions ``(kg, out_dir)`` yielding
#: ``(path, data)`` pairs, registered by the modules that make them.
EXTRA_OUTPUTS: list = [_network_outputs, _chart_outputs, _timeline_outputs]
