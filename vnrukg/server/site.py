"""What the server's pages share, computed once from the loaded graph at start-up."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from rdflib import Graph, URIRef

from ..docs import render as render_docs
from ..namespaces import PREFIXES, VNRU
from ..search import Entry, build_index
from ..sparql import NamedQuery, list_queries
from ..store import CURATED, ONTOLOGY, SHAPES, KnowledgeGraph
from .config import ServerConfig
from .pool import WorkerPool
from .void import class_counts, examples
from .worker import WorkerSettings


def templates() -> Environment:
    """The page templates, with every ``{{ value }}`` HTML-escaped."""
    return Environment(
        loader=PackageLoader("vnrukg.server", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )


@dataclass
class Site:
    """The graph, its parts and indexes, the named queries, the query pool, the templates."""

    config: ServerConfig
    kg: KnowledgeGraph
    pool: WorkerPool
    ontology: Graph = field(default_factory=Graph)
    shapes: Graph = field(default_factory=Graph)
    inferred: Graph = field(default_factory=Graph)
    #: The curated graph with the ontology, without inferences (what text search reads).
    asserted: Graph = field(default_factory=Graph)
    entries: list[Entry] = field(default_factory=list)
    named: dict[str, NamedQuery] = field(default_factory=dict)
    classes: dict[URIRef, int] = field(default_factory=dict)  # vnru: classes, for the index
    classes_all: dict[URIRef, int] = field(default_factory=dict)  # every class, for VoID
    examples: list[URIRef] = field(default_factory=list)
    ontology_html: str = ""
    env: Environment = field(default_factory=templates)

    @property
    def network_page(self) -> Path:
        """Where ``vnrukg build`` writes the network page."""
        return self.kg.project.root / "dist" / "network.html"

    def render(self, template: str, **values: object) -> str:
        """A page from a template (HTML-escaped values)."""
        return self.env.get_template(template).render(**values)

    def prefixes_json(self) -> str:
        """The project's prefixes, for the query page's display of IRIs."""
        return json.dumps(PREFIXES)


def build_site(config: ServerConfig, kg: KnowledgeGraph) -> Site:
    """Everything the pages need, from a loaded graph; the pool is created, not started."""
    settings = WorkerSettings(
        str(kg.project.root), config.engine, config.max_rows, config.memory_mb
    )
    pool = WorkerPool(settings, config.workers, config.timeout)
    ontology, shapes, inferred = kg.part(ONTOLOGY), kg.part(SHAPES), kg.inferred
    asserted = kg.part(ONTOLOGY, CURATED)
    counts = class_counts(kg.graph)
    return Site(
        config=config,
        kg=kg,
        pool=pool,
        ontology=ontology,
        shapes=shapes,
        inferred=inferred,
        asserted=asserted,
        entries=build_index(kg.graph, asserted),
        named={q.name: q for q in list_queries(kg.project)},
        classes={c: n for c, n in counts.items() if str(c).startswith(str(VNRU))},
        classes_all=dict(counts),
        examples=examples(kg.graph),
        ontology_html=render_docs(ontology, shapes),
    )
