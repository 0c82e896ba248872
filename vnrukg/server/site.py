"""What the server's pages share, computed once from the loaded graph at start-up."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from rdflib import Graph, URIRef
from starlette.responses import Response

from ..build import class_counts as asserted_class_counts
from ..docs import render as render_docs
from ..namespaces import PREFIXES, VNRD, VNRU
from ..search import Entry, GraphLookup, build_index
from ..sparql import NamedQuery, list_queries
from ..store import CURATED, ONTOLOGY, SHAPES, KnowledgeGraph
from . import vendor
from .cache import ReplyCache
from .config import ServerConfig
from .dumps import Dumps
from .fairness import Limits
from .pool import WorkerPool
from .replies import Reply
from .terms import completions
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
    dumps: Dumps
    ontology: Graph = field(default_factory=Graph)
    shapes: Graph = field(default_factory=Graph)
    inferred: Graph = field(default_factory=Graph)
    #: The curated graph with the ontology, without inferences (what text search reads).
    asserted: Graph = field(default_factory=Graph)
    entries: list[Entry] = field(default_factory=list)
    named: dict[str, NamedQuery] = field(default_factory=dict)
    classes: dict[URIRef, int] = field(default_factory=dict)  # vnru: classes, for the index
    classes_all: dict[URIRef, int] = field(default_factory=dict)  # every class, for VoID
    #: vnru: classes as `vnrukg build` counts them: asserted in the curated graph only, so a
    #: treaty counts under vnru:Treaty and not again under vnru:Agreement
    asserted_classes: dict[str, int] = field(default_factory=dict)
    examples: list[URIRef] = field(default_factory=list)
    resources: int = 0  # distinct vnrd: IRIs (VoID's void:entities)
    ontology_html: str = ""
    #: What the graph holds, to read the named queries' ``iri`` parameters against.
    lookup: GraphLookup | None = None
    terms_json: bytes = b"{}"  # what the query page's editor completes (terms.completions)
    #: A quote's words → the curators' English translation of them (vnru:translation).
    translations: dict[str, str] = field(default_factory=dict)
    vega: str = ""  # the served name of the Vega-Lite runtime
    env: Environment = field(default_factory=templates)
    #: Query replies and entity pages kept for repeats (the graph does not change).
    replies: ReplyCache[Reply] = field(default_factory=ReplyCache)
    pages: ReplyCache[Response] = field(default_factory=lambda: ReplyCache(32 << 20))

    @property
    def network_page(self) -> Path:
        """Where ``vnrukg build`` writes the network page."""
        return self.kg.project.root / "dist" / "network.html"

    def render(self, template: str, **values: object) -> str:
        """A page from a template (HTML-escaped values)."""
        return self.env.get_template(template).render(**values)

    def close(self) -> None:
        """Stop the workers and remove the private files."""
        self.pool.close()
        self.dumps.close()

    @property
    def endpoint(self) -> str:
        """The endpoint's IRI, from the configuration (never from a request's Host header)."""
        return self.config.public_url + "/sparql"

    def prefixes_json(self) -> str:
        """The project's prefixes, for the query page's display of IRIs."""
        return json.dumps(PREFIXES)


def translations_of(graph: Graph) -> dict[str, str]:
    """Each quoted text with the curators' translation of it, for pages that show quotes."""
    found: dict[str, str] = {}
    for citation, translation in graph.subject_objects(VNRU.translation):
        for quote in graph.objects(citation, VNRU.quote):
            found.setdefault(str(quote), str(translation))
    return found


def build_site(config: ServerConfig, kg: KnowledgeGraph) -> Site:
    """Everything the pages need, from a loaded graph; the pool is created, not started."""
    dumps = Dumps(kg)
    settings = WorkerSettings(
        str(kg.project.root),
        config.engine,
        config.max_rows,
        config.memory_mb,
        config.max_bytes,
        str(dumps.dataset),
    )
    limits = Limits(
        client_workers=config.client_workers,
        client_queue=config.client_queue,
        client_rate=config.client_rate,
        reserve=config.reserve,
        cheap_seconds=config.cheap_seconds,
    )
    pool = WorkerPool(settings, config.workers, config.timeout, limits=limits)
    ontology, shapes, inferred = kg.part(ONTOLOGY), kg.part(SHAPES), kg.inferred
    asserted = kg.part(ONTOLOGY, CURATED)
    counts = class_counts(kg.graph)
    entries = build_index(kg.graph, asserted)
    terms = json.dumps(completions(kg.graph, entries), ensure_ascii=False, separators=(",", ":"))
    return Site(
        config=config,
        kg=kg,
        pool=pool,
        dumps=dumps,
        ontology=ontology,
        shapes=shapes,
        inferred=inferred,
        asserted=asserted,
        entries=entries,
        named={q.name: q for q in list_queries(kg.project)},
        classes={c: n for c, n in counts.items() if str(c).startswith(str(VNRU))},
        classes_all=dict(counts),
        asserted_classes=dict(asserted_class_counts(kg)),
        examples=examples(kg.graph),
        resources=len({s for s in kg.graph.subjects() if str(s).startswith(str(VNRD))}),
        ontology_html=render_docs(ontology, shapes),
        lookup=GraphLookup(kg.graph),
        terms_json=terms.encode("utf-8"),
        translations=translations_of(kg.graph),
        vega=vendor.vega_name(),  # fails at start, in one line, when vl-convert is missing
    )
