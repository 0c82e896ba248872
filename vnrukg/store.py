"""Load the ontology and the curated graph into rdflib, one named graph per file.

Every Turtle file is parsed twice: first by Oxigraph's W3C-strict parser (rdflib accepts some
invalid Turtle), whose errors name line and column, then by rdflib. Blank nodes are replaced by
IRIs derived from where they hang and what they hold (:func:`skolemize`), so that the same
files always give the same IRIs and exports are byte-for-byte reproducible.
"""

from __future__ import annotations

import contextlib
import hashlib
import logging
import warnings
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from .errors import TurtleSyntaxError, VnrukgError
from .infer import inferences
from .namespaces import VNRG, VNRU, bind_prefixes
from .project import Project, find_project

INFERRED_GRAPH = URIRef(VNRG["inferred"])
#: The parts of the loaded graph, by where their triples come from.
ONTOLOGY, SHAPES, CURATED, INFERRED = "ontology", "shapes", "curated", "inferred"
PARTS = (ONTOLOGY, SHAPES, CURATED, INFERRED)


def part_of(project: Project, path: Path) -> str:
    """Which part a file of the project belongs to: the ontology, the shapes or the curated data.

    The one place that says so; :func:`load` and the validator both ask it.
    """
    if path.parent.resolve() == project.ontology_dir.resolve():
        return SHAPES if path.name == "shapes.ttl" else ONTOLOGY
    return CURATED


@dataclass
class KnowledgeGraph:
    """The loaded graph: the union of all files (and inferences) plus each file's own graph.

    It knows its parts (:data:`PARTS`): :meth:`part` gives the union of one or more of them,
    so nobody needs to tell the ontology's files from the curated ones again.
    """

    project: Project
    graph: Graph
    named: dict[URIRef, Graph] = field(default_factory=dict)
    paths: dict[URIRef, Path] = field(default_factory=dict)
    kinds: dict[URIRef, str] = field(default_factory=dict)  # named graph → its part

    def __len__(self) -> int:
        return len(self.graph)

    def part(self, *parts: str) -> Graph:
        """The triples of the named graphs in these parts, as one graph."""
        unknown = set(parts) - set(PARTS)
        if unknown:
            raise ValueError(f"unknown part(s) {sorted(unknown)}: the parts are {PARTS}")
        union = Graph()
        for name, graph in self.named.items():
            if self.kinds.get(name) in parts:
                union += graph
        return union

    @property
    def curated(self) -> Graph:
        """The curated files only (no ontology, no inferences)."""
        return self.part(CURATED)

    @property
    def inferred(self) -> Graph:
        """The triples derived on load (:mod:`vnrukg.infer`)."""
        return self.named.get(INFERRED_GRAPH, Graph())


def graph_name(project: Project, path: Path) -> URIRef:
    """The named-graph IRI of a file: ``vnrg:`` + its path in the project without ``.ttl``."""
    relative = project.relative(path)
    return URIRef(VNRG[relative.removesuffix(".ttl")])


def check_strict(path: Path, data: bytes) -> None:
    """Parse with Oxigraph's strict Turtle parser; raise :class:`TurtleSyntaxError` on failure."""
    try:
        for _ in pyoxigraph.parse(data, format=pyoxigraph.RdfFormat.TURTLE):
            pass
    except SyntaxError as exc:
        message = str(exc.args[0]) if exc.args else str(exc)
        message = message.split(": ", 1)[-1] if message.startswith("Parser error") else message
        raise TurtleSyntaxError(str(path), message, exc.lineno, exc.offset) from None


@contextlib.contextmanager
def quiet_rdflib() -> Iterator[None]:
    """Silence what rdflib logs or warns about ill-typed literals while it parses them: a
    traceback on stderr for each. ``vnrukg validate`` reports them instead (vnrukg.datatypes)."""
    logger = logging.getLogger("rdflib.term")
    previous = logger.disabled
    logger.disabled = True
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", module="rdflib.term")
            yield
    finally:
        logger.disabled = previous


def parse_turtle(path: Path, shown_as: str | None = None) -> Graph:
    """Parse one Turtle file strictly, then into rdflib, with its blank nodes skolemized."""
    shown = shown_as or str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise VnrukgError(f"{shown}: cannot read: {exc.strerror}") from None
    check_strict(Path(shown), data)
    graph = Graph()
    try:
        with quiet_rdflib():
            graph.parse(data=data, format="turtle", publicID="urn:vnrukg:relative-iri:")
    except Exception as exc:  # rdflib raises assorted exception types
        raise TurtleSyntaxError(shown, str(exc).splitlines()[0]) from None
    return skolemize(graph)


#: Commentary on a blank node (a citation's translation and note) is left out of its hash, so
#: that translating a quote or annotating it does not change the citation's IRI.
_COMMENTARY = (VNRU.translation, VNRU.note)


def _content_hash(graph: Graph, node: BNode, seen: frozenset[BNode] = frozenset()) -> str:
    """A hash of what a blank node holds (recursively), independent of its label."""
    lines = []
    for p, o in graph.predicate_objects(node):
        if p in _COMMENTARY:
            continue
        if isinstance(o, BNode):
            o_repr = "_:" + (_content_hash(graph, o, seen | {node}) if o not in seen else "cycle")
        else:
            o_repr = o.n3()
        lines.append(f"{p.n3()} {o_repr}")
    return hashlib.sha1("\n".join(sorted(lines)).encode()).hexdigest()[:12]


def _local_name(iri: str) -> str:
    for sep in ("#", "/"):
        if sep in iri:
            iri = iri.rsplit(sep, 1)[1]
    return iri or "node"


def skolemize(graph: Graph) -> Graph:
    """Replace blank nodes by IRIs ``<parent>/<predicate>/<hash>`` (deterministic).

    A blank node hanging from a named subject by a predicate gets an IRI under that subject;
    one hanging from another blank node is named after its parent's new IRI; an orphan is
    named under ``vnrg:node/``.
    """
    names: dict[BNode, URIRef] = {}

    def name(node: BNode, trail: frozenset[BNode] = frozenset()) -> URIRef:
        if node in names:
            return names[node]
        parents = sorted(
            ((s, p) for s, p in graph.subject_predicates(node) if s not in trail),
            key=lambda sp: (sp[0].n3(), sp[1].n3()),
        )
        digest = _content_hash(graph, node)
        if parents:
            subject, predicate = parents[0]
            base = name(subject, trail | {node}) if isinstance(subject, BNode) else subject
            iri = URIRef(f"{base}/{_local_name(str(predicate))}/{digest}")
        else:
            iri = URIRef(VNRG[f"node/{digest}"])
        names[node] = iri
        return iri

    def fix(term: Node) -> Node:
        return name(term) if isinstance(term, BNode) else term

    if not any(isinstance(t, BNode) for triple in graph for t in triple):
        return graph
    result = Graph()
    for prefix, namespace in graph.namespaces():
        result.bind(prefix, namespace)
    for s, p, o in graph:
        result.add((fix(s), p, fix(o)))
    return result


def relative_iris(graph: Graph) -> list[str]:
    """IRIs that were relative in the file (resolved against a marker base)."""
    found = set()
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith("urn:vnrukg:relative-iri:"):
                found.add(str(term).removeprefix("urn:vnrukg:relative-iri:"))
    return sorted(found)


def load(project: Project | None = None, *, infer: bool = True) -> KnowledgeGraph:
    """Load the ontology and every curated file into one graph (plus inferences)."""
    project = project or find_project()
    kg = KnowledgeGraph(project=project, graph=Graph())
    bind_prefixes(kg.graph)
    files = project.ontology_files() + project.graph_files()
    if not project.graph_files():
        raise VnrukgError(f"no Turtle files in {project.relative(project.graph_dir)}/")
    for path in files:
        part = parse_turtle(path, project.relative(path))
        name = graph_name(project, path)
        kg.named[name] = part
        kg.paths[name] = path
        kg.kinds[name] = part_of(project, path)
        kg.graph += part
    if infer:
        extra = inferences(kg.graph)
        kg.named[INFERRED_GRAPH] = extra
        kg.kinds[INFERRED_GRAPH] = INFERRED
        kg.graph += extra
    return kg
