"""The entity network: the curated graph seen as entities and the relations between them.

The RDF graph holds plumbing that a reader of a network does not want drawn as nodes: citation
nodes and sources, OWL-Time instants, tenures and posts, statistical observations, vocabulary
concepts and skolemized blank nodes. :func:`build_network` folds them into the details of the
entities they belong to, so that the network the page draws and the analytics measure is made
of people, states, organisations, agreements, mechanisms, sessions, events and transactions,
linked by relations named after the ontology's property labels, each keeping its citations.

Only the curated files are read for facts (never the inferred graph), so a node's class is the
most specific class the curators asserted and each relation is drawn once; the ontology files
give the labels of classes, properties and vocabulary concepts.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

import networkx as nx
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS, Namespace
from rdflib.term import Node

from .infer import CITING, superclasses
from .namespaces import ORG, QB, SCHEMA
from .namespaces import VNRU as _VNRU
from .namespaces import shorten as _shorten
from .store import ONTOLOGY, SHAPES, KnowledgeGraph
from .util import gc_paused


class _Terms:
    """A namespace whose terms are made once: rdflib builds and checks a new URIRef on every
    attribute access (300,000 of them for 20,000 entities)."""

    def __init__(self, namespace: Namespace) -> None:
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term: URIRef = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __str__(self) -> str:
        return str(self._namespace)


VNRU = _Terms(_VNRU)

#: Entity families, checked in this order against a class and its superclasses: the first
#: family whose root class matches wins (so a Session is a session, not an event).
FAMILY_ROOTS: tuple[tuple[str, URIRef], ...] = (
    ("session", VNRU.Session),
    ("event", VNRU.Event),
    ("agreement", VNRU.Agreement),
    ("agreement", VNRU.PolicyDocument),
    ("partnership", VNRU.Partnership),
    ("policy", VNRU.Policy),
    ("mechanism", VNRU.CooperationMechanism),
    ("transaction", VNRU.Transaction),
    ("weapon", VNRU.WeaponSystem),
    ("person", VNRU.Person),
    ("state", VNRU.State),
    ("organisation", VNRU.Organization),
    ("place", VNRU.Place),
    ("project", VNRU.Project),
    ("statistics", VNRU.Observation),
    ("statistics", VNRU.CommodityFlow),
    ("statement", VNRU.Statement),
    ("discrepancy", VNRU.Discrepancy),
    ("period", VNRU.Period),
)

#: Families in display order, with their English and Vietnamese names.
FAMILIES: dict[str, tuple[str, str]] = {
    "state": ("States", "Quốc gia"),
    "person": ("People", "Nhân vật"),
    "organisation": ("Organisations", "Tổ chức"),
    "place": ("Places", "Địa danh"),
    "agreement": ("Agreements", "Văn kiện"),
    "partnership": ("Partnerships", "Khuôn khổ quan hệ"),
    "policy": ("Policies", "Chính sách"),
    "mechanism": ("Mechanisms", "Cơ chế hợp tác"),
    "session": ("Sessions", "Phiên họp"),
    "event": ("Events", "Sự kiện"),
    "transaction": ("Transactions", "Giao dịch"),
    "weapon": ("Weapon systems", "Vũ khí"),
    "project": ("Projects", "Dự án"),
    "statistics": ("Statistics", "Số liệu"),
    "statement": ("Statements", "Phát biểu"),
    "discrepancy": ("Discrepancies", "Điểm bất nhất"),
    "period": ("Periods", "Giai đoạn"),
    "other": ("Other", "Khác"),
}

#: Classes whose instances are folded into other nodes' details instead of being drawn.
FOLDED_ROOTS = (
    VNRU.Citation,
    VNRU.SourceDocument,
    VNRU.Periodical,
    VNRU.Post,
    VNRU.Tenure,
    VNRU.Membership,
    VNRU.DataSet,
    VNRU.Observation,
)

#: Classes drawn only when linked to something (news outlets exist mostly as publishers);
#: the authors of source documents are dropped likewise when nothing else mentions them.
PERIPHERAL = (VNRU.MediaOrganization,)

START_PROPS = (VNRU.date, VNRU.startDate, VNRU.dateSigned, VNRU.dateInForce, VNRU.orderDate)
END_PROPS = (VNRU.date, VNRU.endDate, VNRU.dateSigned, VNRU.dateExpired)
DATE_PROPS = (
    VNRU.date,
    VNRU.startDate,
    VNRU.endDate,
    VNRU.dateSigned,
    VNRU.dateInForce,
    VNRU.dateExpired,
    VNRU.orderDate,
)
#: Families whose start without an end means "still so" (a state, a partnership).
ENDURING = {"state", "organisation", "partnership", "mechanism", "project", "period", "place"}
SKIPPED = {RDF.type, SKOS.prefLabel, SKOS.altLabel, RDFS.label, *CITING}
SERIES_KEYS = (
    VNRU.indicator,
    VNRU.reporter,
    VNRU.partner,
    VNRU.subject,
    VNRU.commodity,
    VNRU.category,
    VNRU.unit,
)
SERIES_LINKS = (VNRU.reporter, VNRU.partner, VNRU.subject)
OBSERVATION_ROW_SKIP = {
    *SERIES_KEYS,
    QB.dataSet,
    VNRU.date,
    VNRU.value,
    VNRU.valueQualifier,
    VNRU.growthPercent,
    VNRU.growthFactor,
    VNRU.growthBasis,
}

#: Labels for the standard properties the curated graph uses (the ontology labels its own).
STANDARD_LABELS: dict[Node, tuple[str, str]] = {
    ORG.member: ("member", "thành viên"),
    ORG.organization: ("organisation", "tổ chức"),
    ORG.postIn: ("post in", "chức vụ tại"),
    ORG.role: ("role", "vai trò"),
    ORG.subOrganizationOf: ("part of", "trực thuộc"),
    SCHEMA.affiliation: ("affiliation", "thuộc tổ chức"),
    SCHEMA.organizer: ("organiser", "đơn vị tổ chức"),
    SCHEMA.location: ("location", "địa điểm"),
    SCHEMA.publisher: ("publisher", "nơi xuất bản"),
    SCHEMA.isPartOf: ("part of", "thuộc"),
    QB.dataSet: ("data set", "bộ số liệu"),
    DCTERMS.title: ("title", "tiêu đề"),
    DCTERMS.date: ("date", "ngày"),
    DCTERMS.creator: ("author", "tác giả"),
    DCTERMS.language: ("language", "ngôn ngữ"),
    DCTERMS.publisher: ("publisher", "nơi xuất bản"),
}

#: Membership tests against a set: ``in`` a tuple of rdflib terms calls their Python ``__eq__``
#: once per element (360,000 calls for 20,000 entities).
DATE_PROP_SET = frozenset(DATE_PROPS)
#: Terms of rdflib's namespaces, made once (rdflib builds one on every attribute access).
_TYPE = RDF.type
_ALT_LABEL = SKOS.altLabel
_LABEL_PROPS = (SKOS.prefLabel, RDFS.label, DCTERMS.title, VNRU.summary)
_VNRU_IRI = str(VNRU)

_YEAR = re.compile(r"^(-?\d{4})")
#: Prefixed names are asked for again and again (100,000 times for 20,000 entities).
shorten = functools.lru_cache(maxsize=65536)(_shorten)


@dataclass(frozen=True)
class Citation:
    """The evidence for a fact: a verbatim quote and the document it comes from."""

    source: str
    quote: str
    source_id: str
    via: str = ""
    attests: str = ""
    #: The curators' English translation of the quote (``vnru:translation``), never the
    #: source's words; empty until the citation has one.
    translation: str = ""


@dataclass(frozen=True)
class Value:
    """One property of an entity as shown to a reader: the property's name and the value."""

    prop_en: str
    prop_vi: str
    text_en: str
    text_vi: str


@dataclass
class Row:
    """A folded record shown in an entity's details: a post held, one observation of a series."""

    label_en: str
    label_vi: str
    values: list[Value] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    date: str = ""


@dataclass
class Entity:
    """A node of the network, with everything its details panel shows."""

    id: str
    iri: str
    cls: str
    cls_en: str
    cls_vi: str
    family: str
    label_en: str
    label_vi: str
    aliases: list[str] = field(default_factory=list)
    start: str | None = None
    end: str | None = None
    open_end: bool = False
    dates: list[Value] = field(default_factory=list)
    values: list[Value] = field(default_factory=list)
    citations: list[Citation] = field(default_factory=list)
    rows: list[Row] = field(default_factory=list)

    def label(self, lang: str = "en") -> str:
        """The name in ``lang`` (``en`` or ``vi``), else in the other language."""
        return (
            (self.label_vi or self.label_en) if lang == "vi" else (self.label_en or self.label_vi)
        )

    def names(self) -> list[str]:
        """Every name: Vietnamese, English and the aliases, without repeats."""
        return list(dict.fromkeys(n for n in (self.label_vi, self.label_en, *self.aliases) if n))

    def years(self) -> tuple[int | None, int | None]:
        """First and last year; ``None`` for an open start or end (both ``None``: undated)."""
        first, last = year_of(self.start), year_of(self.end)
        if self.open_end:
            return first, None
        return first, first if last is None else last


@dataclass
class Relation:
    """A labelled link from one entity to another, in the direction of the RDF statement."""

    source: str
    target: str
    prop: str
    label_en: str
    label_vi: str
    fact: str
    citations: list[Citation] = field(default_factory=list)
    start: str | None = None
    end: str | None = None

    def label(self, lang: str = "en") -> str:
        """The relation's name in ``lang``."""
        return (
            (self.label_vi or self.label_en) if lang == "vi" else (self.label_en or self.label_vi)
        )

    def years(self) -> tuple[int | None, int | None]:
        """First and last year the relation is attested (both ``None`` when undated)."""
        first, last = year_of(self.start), year_of(self.end)
        return first, first if last is None else last


@dataclass
class EntityNetwork:
    """Entities by id and the relations between them."""

    entities: dict[str, Entity] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)

    def neighbours(self) -> dict[str, set[str]]:
        """Each entity's neighbours, ignoring direction."""
        result: dict[str, set[str]] = {key: set() for key in self.entities}
        for rel in self.relations:
            if rel.source != rel.target:
                result[rel.source].add(rel.target)
                result[rel.target].add(rel.source)
        return result

    def subset(self, keep: Iterable[str]) -> EntityNetwork:
        """The network restricted to the entities in ``keep`` (and relations among them)."""
        kept = set(keep)
        entities = {k: e for k, e in self.entities.items() if k in kept}
        relations = [r for r in self.relations if r.source in kept and r.target in kept]
        return EntityNetwork(entities, relations)

    def to_networkx(self) -> Any:
        """A networkx MultiDiGraph: one node per entity, one edge per relation (key: property)."""
        graph = nx.MultiDiGraph()
        for key in sorted(self.entities):
            e = self.entities[key]
            graph.add_node(
                key,
                label=e.label("en"),
                label_en=e.label_en,
                label_vi=e.label_vi,
                family=e.family,
                cls=e.cls,
                iri=e.iri,
                start=e.start or "",
                end=e.end or "",
            )
        for rel in sorted(self.relations, key=relation_sort_key):
            graph.add_edge(
                rel.source,
                rel.target,
                key=rel.prop,
                label=rel.label_en,
                label_vi=rel.label_vi,
                prop=rel.prop,
                fact=rel.fact,
            )
        return graph


def network_counts(net: EntityNetwork) -> dict[str, int]:
    """The network's sizes, each named for what it counts: ``entities``; ``relations`` (every
    statement linking two entities: the edges of the GraphML and GEXF exports); ``links`` (the
    network page's arrows: relations between the same two entities in the same direction
    merged); ``pairs`` (linked pairs, either direction, each once: what ``analyze`` measures)."""
    linked = [r for r in net.relations if r.source != r.target]
    return {
        "entities": len(net.entities),
        "relations": len(net.relations),
        "links": len({(r.source, r.target) for r in linked}),
        "pairs": len({frozenset((r.source, r.target)) for r in linked}),
    }


def relation_sort_key(rel: Relation) -> tuple[str, str, str, str]:
    """A stable order for relations."""
    return rel.source, rel.target, rel.prop, rel.label_en


def year_of(text: str | None) -> int | None:
    """The year of a date literal's text (``2024-08-13`` → 2024), or ``None``."""
    if not text:
        return None
    match = _YEAR.match(text)
    return int(match.group(1)) if match else None


def format_number(text: str) -> str:
    """A decimal as people read it: thousands separated, no trailing ``.0``."""
    try:
        number = Decimal(text)
    except InvalidOperation:
        return text
    if number == number.to_integral_value():
        return f"{int(number):,}"
    return f"{number.normalize():,f}"


# ---------------------------------------------------------------------------------------------
# Reading the graph
# ---------------------------------------------------------------------------------------------


def split_graph(kg: KnowledgeGraph) -> tuple[Graph, Graph]:
    """The curated facts and the ontology (terms, vocabularies, shapes), each as one graph."""
    return kg.curated, kg.part(ONTOLOGY, SHAPES)


def _grouped(graph: Graph) -> dict[Node, dict[Node, list[Node]]]:
    """Every subject of ``graph`` with its values by property. rdflib's in-memory store works
    out each triple's contexts as it yields it (half the time of reading 20,000 entities), so
    its own subject index is copied directly when it is there; any other store is read the
    usual way."""
    spo = getattr(graph.store, "_Memory__spo", None)
    if isinstance(spo, dict):
        # a removal leaves empty dictionaries behind: they are left out
        grouped = {s: {p: list(o) for p, o in by_p.items() if o} for s, by_p in spo.items()}
        return {s: by_p for s, by_p in grouped.items() if by_p}
    found: dict[Node, dict[Node, list[Node]]] = {}
    for s, p, o in graph.triples((None, None, None)):
        found.setdefault(s, {}).setdefault(p, []).append(o)
    return found


class _Index:
    """The facts read once into dictionaries: rdflib's triple look-ups cost most of the time
    of building a large network (880,000 of them for 20,000 entities, 7 s). The sorted
    (property, value) pairs of a node and the referrers of a value are worked out when first
    asked for."""

    def __init__(self, facts: Graph):
        self.by_prop: dict[Node, dict[Node, list[Node]]] = _grouped(facts)
        self._po: dict[Node, list[tuple[Node, Node]]] = {}

    def predicate_objects(self, node: Node) -> list[tuple[Node, Node]]:
        """``node``'s (property, value) pairs, sorted."""
        found = self._po.get(node)
        if found is None:
            by_p = self.by_prop.get(node, {})
            # by property, then by value (language, text): the properties of a node are
            # distinct, so sorting them and then each one's values gives the same order
            found = []
            for p in sorted(by_p, key=str):
                objs = by_p[p]
                found += [(p, o) for o in (sorted(objs, key=_term_key) if len(objs) > 1 else objs)]
            self._po[node] = found
        return found

    def objects(self, node: Node, prop: URIRef) -> list[Node]:
        """``node``'s values of ``prop`` (the index's own list: not to be changed)."""
        return self.by_prop.get(node, {}).get(prop, [])

    def subjects_of(self, wanted: Iterable[Node]) -> dict[Node, set[Node]]:
        """The nodes with each of ``wanted`` as a value (one pass over the facts)."""
        found: dict[Node, set[Node]] = {node: set() for node in wanted}
        for s, by_p in self.by_prop.items():
            for objs in by_p.values():
                for o in objs:
                    if not isinstance(o, Literal) and o in found:
                        found[o].add(s)
        return found

    def typed(self) -> list[Node]:
        """Every node with an ``rdf:type``."""
        return [s for s, props in self.by_prop.items() if _TYPE in props]


class _Reader:
    """Label, class and citation look-ups over the facts and the ontology."""

    def __init__(self, facts: Graph, terms: Graph):
        self.facts = facts
        self.index = _Index(facts)
        self.terms = terms
        self.supers = superclasses(terms)
        self._labels: dict[Node, tuple[str, str]] = {}
        self._lineage: dict[Node, frozenset[Node]] = {}

    def objects(self, node: Node, prop: URIRef) -> list[Node]:
        """``node``'s values of ``prop``, sorted (not to be changed: it may be the index's)."""
        found = self.index.objects(node, prop)
        return sorted(found, key=_term_key) if len(found) > 1 else found

    def value(self, node: Node, prop: URIRef) -> Node | None:
        found = self.objects(node, prop)
        return found[0] if found else None

    def labels(self, node: Node) -> tuple[str, str]:
        """(English, Vietnamese) names of a node, each falling back to the other."""
        found = self._labels.get(node)
        if found is None:
            found = self._labels[node] = self._find_labels(node)
        return found

    def _find_labels(self, node: Node) -> tuple[str, str]:
        if node in STANDARD_LABELS:
            return STANDARD_LABELS[node]
        found: dict[str, str] = {}
        for graph in (self.index, self.terms):
            for prop in _LABEL_PROPS:
                found_here = list(graph.objects(node, prop))
                for lit in sorted(found_here, key=_term_key) if len(found_here) > 1 else found_here:
                    if isinstance(lit, Literal):
                        found.setdefault(lit.language or "", str(lit))
            if found:
                break
        en = found.get("en") or found.get("") or found.get("vi")
        vi = found.get("vi") or found.get("") or found.get("en")
        if en is None:
            en = vi = _humanize(str(node))
        return en, vi or en

    def aliases(self, node: Node) -> list[str]:
        return [str(lit) for lit in self.objects(node, _ALT_LABEL) if isinstance(lit, Literal)]

    def asserted_class(self, node: Node) -> URIRef | None:
        """The most specific ``vnru:`` class asserted for ``node``."""
        classes = [
            c
            for c in self.objects(node, _TYPE)
            if isinstance(c, URIRef) and str(c).startswith(_VNRU_IRI)
        ]
        for cls in classes:
            if not any(cls in self.supers.get(other, ()) for other in classes if other != cls):
                return cls
        return None

    def lineage(self, cls: URIRef) -> frozenset[Node]:
        """``cls`` and its superclasses."""
        found = self._lineage.get(cls)
        if found is None:
            found = self._lineage[cls] = frozenset({cls, *self.supers.get(cls, ())})
        return found

    def is_a(self, cls: URIRef, roots: Iterable[URIRef]) -> bool:
        return not self.lineage(cls).isdisjoint(roots)

    def family(self, cls: URIRef) -> str:
        lineage = self.lineage(cls)
        return next((fam for fam, root in FAMILY_ROOTS if root in lineage), "other")

    def citations(self, node: Node) -> list[Citation]:
        found = {self.citation(c) for c in self.index.objects(node, VNRU.citation)}
        return sorted(found, key=lambda c: (c.source_id, c.quote))

    def citation(self, node: Node) -> Citation:
        source = self.value(node, VNRU.source)
        via = self.value(node, VNRU.viaReference)
        return Citation(
            source=self.labels(source)[1] if source is not None else "",
            quote=str(self.value(node, VNRU.quote) or ""),
            source_id=shorten(str(source)) if source is not None else "",
            via=self.labels(via)[1] if via is not None else "",
            attests=str(self.value(node, VNRU.attests) or ""),
            translation=str(self.value(node, VNRU.translation) or ""),
        )

    def text(self, term: Node) -> tuple[str, str]:
        """A value as text in English and Vietnamese (labels for IRIs)."""
        if isinstance(term, Literal):
            if term.datatype is not None and str(term.datatype).endswith(
                ("#decimal", "#integer", "#double", "#float")
            ):
                return (format_number(str(term)),) * 2
            return str(term), str(term)
        return self.labels(term)


def _term_key(term: Node) -> tuple[str, str]:
    return (getattr(term, "language", None) or "", str(term))


def _humanize(iri: str) -> str:
    local = re.split(r"[#/:]", iri.rstrip("/"))[-1] or iri
    spaced = re.sub(r"(?<=[a-z])(?=[A-Z])", " ", local).replace("-", " ").replace("_", " ")
    return spaced.strip().lower() or iri


# ---------------------------------------------------------------------------------------------
# Building the network
# ---------------------------------------------------------------------------------------------


#: What :func:`network_from_graphs` calls with the network as soon as its entities and links
#: are known.
Linked = Callable[[EntityNetwork], None]


def build_network(kg: KnowledgeGraph, linked: Linked | None = None) -> EntityNetwork:
    """The entity network of a loaded knowledge graph (``linked``: as for
    :func:`network_from_graphs`)."""
    return network_from_graphs(kg.curated, kg.part(ONTOLOGY, SHAPES), linked)


def network_from_graphs(facts: Graph, terms: Graph, linked: Linked | None = None) -> EntityNetwork:
    """The entity network of curated ``facts`` described by the ontology ``terms``.

    ``linked``, when given, is called with the network once its entities, their names and
    classes, and its relations are known, before the entities' details (citations, dates,
    values) and the relations' citations are read: a large page starts laying the network out
    there, while the rest is built. It may keep the entities' keys and the relations' ends, and
    must not change the network.
    """
    with gc_paused():
        return _Builder(_Reader(facts, terms)).build(linked)


class _Builder:
    """Turns the curated graph into entities, folded records and relations."""

    def __init__(self, reader: _Reader):
        self.r = reader
        self.net = EntityNetwork()
        self.ids: dict[Node, str] = {}
        self.classes: dict[Node, URIRef] = {}
        self.stand_in: dict[Node, str] = {}
        self.series_of: dict[Node, str] = {}
        #: the relations an entity's own statements make, by the entity's key
        self.stated: list[tuple[str, Relation]] = []

    def _id(self, node: Node | None) -> str | None:
        return self.ids.get(node) if node is not None else None

    def build(self, linked: Linked | None = None) -> EntityNetwork:
        self._classify()
        self._stand_ins()
        ordered = sorted(self.ids.items(), key=lambda item: item[1])
        for node, key in ordered:
            self.net.entities[key] = self._entity(node, key)
        self._series()
        self._folded_relations()
        for node, key in ordered:
            self._relations(node, key)
        self._drop_peripheral()
        self.net.relations.sort(key=relation_sort_key)
        if linked is not None:
            linked(self.net)
        for node, key in ordered:
            if key in self.net.entities:
                self._details(node, self.net.entities[key])
        for key, relation in self.stated:
            relation.citations = list(self.net.entities[key].citations)
        return self.net

    def _classify(self) -> None:
        for node in self.r.index.typed():
            if not isinstance(node, URIRef):
                continue
            cls = self.r.asserted_class(node)
            if cls is None:
                continue
            self.classes[node] = cls
            if not self.r.is_a(cls, FOLDED_ROOTS):
                self.ids[node] = shorten(str(node))

    def _stand_ins(self) -> None:
        """Which drawn node stands for each folded record that others may point at."""
        for node, cls in self.classes.items():
            if self.r.is_a(cls, (VNRU.Observation,)):
                key = tuple(self.r.value(node, p) for p in SERIES_KEYS)
                self.series_of[node] = _series_id(key)
            elif self.r.is_a(cls, (VNRU.Tenure, VNRU.Membership)):
                member = self._id(self.r.value(node, ORG.member))
                if member is not None:
                    self.stand_in[node] = member

    def _entity(self, node: Node, key: str) -> Entity:
        """An entity's names and class; its details come later (:meth:`_details`)."""
        cls = self.classes[node]
        en, vi = self.r.labels(node)
        cls_en, cls_vi = self.r.labels(cls)
        return Entity(
            id=key,
            iri=str(node),
            cls=shorten(str(cls)),
            cls_en=cls_en,
            cls_vi=cls_vi,
            family=self.r.family(cls),
            label_en=en,
            label_vi=vi,
        )

    def _details(self, node: Node, entity: Entity) -> None:
        """What an entity's panel shows besides its names: other names, dates, values, and
        the citations (which the relations it states share)."""
        names = (entity.label_en, entity.label_vi)
        entity.aliases = list(dict.fromkeys(a for a in self.r.aliases(node) if a not in names))
        entity.citations = self.r.citations(node)
        self._dates(node, entity)
        entity.values = list(self._values(node))

    def _dates(self, node: Node, entity: Entity) -> None:
        starts, ends = [], []
        present = self.r.index.by_prop.get(node, {})
        for prop in DATE_PROPS:
            if prop not in present:
                continue
            for lit in self.r.objects(node, prop):
                entity.dates.append(Value(*self.r.labels(prop), str(lit), str(lit)))
                if prop in START_PROPS:
                    starts.append(str(lit))
                if prop in END_PROPS:
                    ends.append(str(lit))
        entity.start = min(starts) if starts else None
        entity.end = max(ends) if ends else None
        has_start, has_end = VNRU.startDate in present, VNRU.endDate in present
        entity.open_end = has_start and not has_end and entity.family in ENDURING

    def _values(self, node: Node) -> Iterator[Value]:
        for prop, obj in self.r.index.predicate_objects(node):
            if prop in SKIPPED or prop in DATE_PROP_SET or self._target(obj) is not None:
                continue
            if obj in self.classes or not _is_sub_node(node, obj):
                yield Value(*self.r.labels(prop), *self.r.text(obj))
            else:
                yield self._nested(prop, obj)

    def _nested(self, prop: Node, node: Node) -> Value:
        parts_en, parts_vi = [], []
        for sub_prop, obj in self.r.index.predicate_objects(node):
            if sub_prop in SKIPPED:
                continue
            (p_en, p_vi), (o_en, o_vi) = self.r.labels(sub_prop), self.r.text(obj)
            parts_en.append(f"{p_en}: {o_en}")
            parts_vi.append(f"{p_vi}: {o_vi}")
        return Value(*self.r.labels(prop), "; ".join(parts_en), "; ".join(parts_vi))

    def _target(self, obj: Node) -> str | None:
        """The entity id a link to ``obj`` is drawn to, if any."""
        if isinstance(obj, Literal):  # never a key (and rdflib hashes a Literal in Python)
            return None
        return self.ids.get(obj) or self.series_of.get(obj) or self.stand_in.get(obj)

    def _relations(self, node: Node, key: str) -> None:
        """The links an entity's own statements make; they carry its citations, which are
        filled in with its details."""
        for prop, obj in self.r.index.predicate_objects(node):
            if prop in SKIPPED:
                continue
            target = self._target(obj)
            if target is not None:
                self.stated.append((key, self._relate(key, target, prop, self.r.labels(prop), key)))
            elif obj not in self.classes and _is_sub_node(node, obj):
                for sub_prop, sub_obj in self.r.index.predicate_objects(obj):
                    sub_target = self._target(sub_obj)
                    if sub_target is not None and sub_prop not in SKIPPED:
                        names = self.r.labels(prop), self.r.labels(sub_prop)
                        label = tuple(f"{a} › {b}" for a, b in zip(*names, strict=True))
                        self.stated.append((key, self._relate(key, sub_target, prop, label, key)))

    def _relate(
        self,
        source: str,
        target: str,
        prop: Any,
        label: Any,
        fact: Any,
        citations: Any = (),
        start: str | None = None,
        end: str | None = None,
    ) -> Relation:
        relation = Relation(
            source=source,
            target=target,
            prop=shorten(str(prop)),
            label_en=label[0],
            label_vi=label[1],
            fact=fact,
            citations=list(citations),
            start=start,
            end=end,
        )
        self.net.relations.append(relation)
        return relation

    # --- folded records: tenures, memberships, observations ------------------------------------

    def _folded_relations(self) -> None:
        for node, cls in sorted(self.classes.items(), key=lambda item: str(item[0])):
            if self.r.is_a(cls, (VNRU.Tenure,)):
                self._tenure(node)
            elif self.r.is_a(cls, (VNRU.Membership,)):
                self._membership(node)

    def _held_dates(self, node: Node, citations: list[Citation]) -> tuple[str | None, str | None]:
        dates = [str(d) for p in (VNRU.startDate, VNRU.endDate) for d in self.r.objects(node, p)]
        dates += [c.attests for c in citations if c.attests]
        return (min(dates), max(dates)) if dates else (None, None)

    def _tenure(self, node: Node) -> None:
        person = self.stand_in.get(node)
        if person is None:
            return
        post = self.r.value(node, VNRU.post)
        held = post if post is not None else self.r.value(node, VNRU.rank)
        citations = self.r.citations(node)
        start, end = self._held_dates(node, citations)
        label = self.r.labels(held) if held is not None else ("post", "chức vụ")
        row = Row(*label, citations=citations, date=start or "")
        row.values = [Value(*self.r.labels(p), *self.r.text(o)) for p, o in self._dated(node)]
        row.values += [Value("attested", "xác nhận", c.attests, c.attests) for c in citations]
        row.values = list(dict.fromkeys(v for v in row.values if v.text_en))
        self.net.entities[person].rows.append(row)
        organisation = self._id(self.r.value(post, ORG.postIn)) if post is not None else None
        if organisation is not None:
            prop = VNRU.post
            self._relate(
                person, organisation, prop, label, shorten(str(node)), citations, start, end
            )

    def _dated(self, node: Node) -> list[tuple[Node, Node]]:
        return [(p, o) for p in (VNRU.startDate, VNRU.endDate) for o in self.r.objects(node, p)]

    def _membership(self, node: Node) -> None:
        member = self._id(self.r.value(node, ORG.member))
        body = self._id(self.r.value(node, ORG.organization))
        if member is None or body is None:
            return
        role = self.r.value(node, ORG.role)
        label = self.r.labels(role) if role is not None else ("member of", "thành viên của")
        citations = self.r.citations(node)
        start, end = self._held_dates(node, citations)
        self._relate(member, body, ORG.member, label, shorten(str(node)), citations, start, end)

    def _series(self) -> None:
        groups: dict[tuple, list[Node]] = {}
        for node, cls in self.classes.items():
            if self.r.is_a(cls, (VNRU.Observation,)):
                key = tuple(self.r.value(node, p) for p in SERIES_KEYS)
                groups.setdefault(key, []).append(node)
        for key, members in sorted(groups.items(), key=lambda item: _series_id(item[0])):
            series = self._series_entity(key, members)
            self.net.entities[series.id] = series
        for key in sorted(groups, key=_series_id):
            series_id = _series_id(key)
            for prop, target in zip(SERIES_KEYS, key, strict=True):
                if prop in SERIES_LINKS and target in self.ids:
                    citations = self.net.entities[series_id].citations
                    self._relate(
                        series_id, self.ids[target], prop, self.r.labels(prop), series_id, citations
                    )

    def _series_entity(self, key: tuple, members: list[Node]) -> Entity:
        indicator, reporter, partner, subject, commodity, category, _unit = key
        en, vi = self._series_label(indicator, reporter, partner, subject, commodity, category)
        rows = sorted(
            (self._observation_row(m) for m in members), key=lambda r: (r.date, r.label_en)
        )
        dates = [r.date for r in rows if r.date]
        citations = sorted(
            {c for r in rows for c in r.citations}, key=lambda c: (c.source_id, c.quote)
        )
        return Entity(
            id=_series_id(key),
            iri="",
            cls="vnru:Observation",
            cls_en="Statistical series",
            cls_vi="Chuỗi số liệu",
            family="statistics",
            label_en=en,
            label_vi=vi,
            start=min(dates) if dates else None,
            end=max(dates) if dates else None,
            citations=citations,
            rows=rows,
        )

    def _series_label(
        self,
        indicator: Any,
        reporter: Any,
        partner: Any,
        subject: Any,
        commodity: Any,
        category: Any,
    ) -> Any:
        names = []
        for lang in (0, 1):
            text = self.r.labels(indicator)[lang] if indicator is not None else "observation"
            extra = [self.r.labels(n)[lang] for n in (commodity, category) if n is not None]
            if extra:
                text += f" ({', '.join(extra)})"
            sides = [self.r.labels(n)[lang] for n in (reporter, partner) if n is not None]
            if sides:
                text += ": " + " → ".join(sides)
            elif subject is not None:
                text += ": " + self.r.labels(subject)[lang]
            names.append(text[:1].upper() + text[1:])
        return names[0], names[1]

    def _observation_row(self, node: Node) -> Row:
        date = str(self.r.value(node, VNRU.date) or "")
        row = Row(date or "undated", date or "không rõ thời gian", date=date)
        row.citations = self.r.citations(node)
        row.values.append(self._amount(node))
        for prop in (VNRU.growthPercent, VNRU.growthFactor):
            growth = self.r.value(node, prop)
            if growth is not None:
                basis = self.r.value(node, VNRU.growthBasis)
                b_en, b_vi = self.r.labels(basis) if basis is not None else ("", "")
                text = format_number(str(growth)) + ("%" if prop == VNRU.growthPercent else "×")
                en = f"{text} vs {b_en}" if b_en else text
                vi = f"{text} so với {b_vi}" if b_vi else text
                row.values.append(Value(*self.r.labels(prop), en, vi))
        for other, obj in self.r.index.predicate_objects(node):
            if other not in OBSERVATION_ROW_SKIP and other not in SKIPPED:
                row.values.append(Value(*self.r.labels(other), *self.r.text(obj)))
        return row

    def _amount(self, node: Node) -> Value:
        value = self.r.value(node, VNRU.value)
        number = format_number(str(value)) if value is not None else "?"
        unit = self.r.value(node, VNRU.unit)
        qualifier = self.r.value(node, VNRU.valueQualifier)
        texts = []
        for lang in (0, 1):
            parts = [self.r.labels(qualifier)[lang]] if qualifier is not None else []
            parts += [number] + ([self.r.labels(unit)[lang]] if unit is not None else [])
            texts.append(" ".join(parts))
        return Value("value", "giá trị", texts[0], texts[1])

    def _drop_peripheral(self) -> None:
        """Drop unlinked entities that exist only as bibliography: a news outlet, or the author
        of a source document whom nothing else mentions."""
        linked = {r.source for r in self.net.relations} | {r.target for r in self.net.relations}
        unlinked = [(node, key) for node, key in self.ids.items() if key not in linked]
        referrers_of = self.r.index.subjects_of(node for node, _key in unlinked)
        for node, key in unlinked:
            referrers = referrers_of[node]
            bibliographic = referrers and all(
                s in self.classes and s not in self.ids for s in referrers
            )
            if bibliographic or self.r.is_a(self.classes[node], PERIPHERAL):
                del self.net.entities[key]


def _is_sub_node(parent: Node, node: Node) -> bool:
    """Whether ``node`` is a skolemized blank node hanging from ``parent``."""
    return isinstance(node, URIRef) and str(node).startswith(f"{parent}/")


def _series_id(key: tuple) -> str:
    parts = [_local(str(k)) for k in key[:-1] if k is not None]
    return "series:" + "/".join(parts or ["observations"])


def _local(iri: str) -> str:
    return re.split(r"[#/]", iri.rstrip("/"))[-1]


# ---------------------------------------------------------------------------------------------
# Filters (the page's period control applies the same rule in JavaScript: keep them in step)
# ---------------------------------------------------------------------------------------------


def in_period(first: int | None, last: int | None, since: int | None, until: int | None) -> bool:
    """Whether the years ``first``..``last`` (``None``: open) overlap ``since``..``until``."""
    return (until is None or first is None or first <= until) and (
        since is None or last is None or last >= since
    )


def is_dated(item: Entity | Relation) -> bool:
    """Whether an entity or relation has any year."""
    return item.years() != (None, None)


def period_subset(net: EntityNetwork, since: int | None, until: int | None) -> EntityNetwork:
    """What a reader of the years ``since``..``until`` sees.

    A dated entity is kept when its years overlap the period. An undated one (a person, a
    ministry) is kept when one of its dated neighbours is, or when it has no dated neighbour at
    all (so a country stays while a visit to it is shown). Dated relations (a post held) must
    overlap the period too.
    """
    dated = {k for k, e in net.entities.items() if is_dated(e)}
    shown = {k for k in dated if in_period(*net.entities[k].years(), since, until)}
    neighbours = net.neighbours()
    keep = set(shown)
    for key in net.entities.keys() - dated:
        linked = neighbours[key] & dated
        if not linked or linked & shown:
            keep.add(key)
    result = net.subset(keep)
    result.relations = [
        r for r in result.relations if not is_dated(r) or in_period(*r.years(), since, until)
    ]
    return result


def ego_subset(net: EntityNetwork, focus: str, depth: int) -> EntityNetwork:
    """The entities within ``depth`` links of ``focus`` (either direction)."""
    neighbours = net.neighbours()
    seen, frontier = {focus}, {focus}
    for _ in range(depth):
        frontier = {n for key in frontier for n in neighbours.get(key, ())} - seen
        seen |= frontier
    return net.subset(seen)


def filter_network(
    net: EntityNetwork,
    families: Iterable[str] | None = None,
    since: int | None = None,
    until: int | None = None,
    focus: str | None = None,
    depth: int = 1,
) -> EntityNetwork:
    """Apply the class, period and focus filters, in that order."""
    if families:
        wanted = set(families)
        net = net.subset(k for k, e in net.entities.items() if e.family in wanted)
    if since is not None or until is not None:
        net = period_subset(net, since, until)
    if focus is not None:
        net = ego_subset(net, focus, depth)
    return net
