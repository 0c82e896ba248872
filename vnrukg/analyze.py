"""Graph analytics with networkx: who is central, which clusters form, what happened each year.

The measures run on the entity network (:mod:`vnrukg.network`) taken as an undirected simple
graph, so a pair of entities linked by three relations counts once. Betweenness is exact up to
:data:`EXACT_BETWEENNESS` nodes and estimated from a fixed sample of sources above that;
communities are Louvain's with a fixed seed, so the same graph always gives the same answer.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict, dataclass, field
from typing import Any

import networkx as nx

from .errors import UsageError
from .names import shorten_text
from .network import EntityNetwork, year_of
from .results import render_table

FORMATS = ("table", "csv", "json")
EXACT_BETWEENNESS = 2000
SEED = 7
YEAR_COLUMNS = ("event", "session", "agreement", "transaction")


@dataclass(frozen=True)
class Ranked:
    """An entity with a score."""

    id: str
    label: str
    family: str
    score: float


@dataclass
class Community:
    """A cluster of entities, named by its best-connected members."""

    number: int
    size: int
    members: list[str]
    top: list[str]


@dataclass
class YearSummary:
    """What happened in one year: dated entities by family, observations, entities involved."""

    year: int
    event: int = 0
    session: int = 0
    agreement: int = 0
    transaction: int = 0
    observations: int = 0
    entities: int = 0


@dataclass
class Analysis:
    """The results of :func:`analyze`."""

    nodes: int
    #: linked pairs: either direction, each pair once (not the page's links nor the relations)
    links: int
    components: int
    #: the relations those pairs come from (the edges of the GraphML and GEXF exports)
    relations: int = 0
    degree: list[Ranked] = field(default_factory=list)
    betweenness: list[Ranked] = field(default_factory=list)
    communities: list[Community] = field(default_factory=list)
    years: list[YearSummary] = field(default_factory=list)


def simple_graph(net: EntityNetwork) -> Any:
    """The network as an undirected simple networkx graph (one edge per linked pair)."""
    graph = nx.Graph()
    graph.add_nodes_from(sorted(net.entities))
    graph.add_edges_from(
        sorted({(r.source, r.target) for r in net.relations if r.source != r.target})
    )
    return graph


def analyze(net: EntityNetwork, top: int = 10, lang: str = "en") -> Analysis:
    """Degree and betweenness rankings, communities and per-year summaries of ``net``."""
    graph = simple_graph(net)
    result = Analysis(
        nodes=graph.number_of_nodes(),
        links=graph.number_of_edges(),
        components=nx.number_connected_components(graph) if len(graph) else 0,
        relations=len(net.relations),
    )
    result.degree = _ranking(net, dict(graph.degree()), top, lang)
    result.betweenness = _ranking(net, _betweenness(graph), top, lang)
    result.communities = _communities(net, graph, lang)
    result.years = per_year(net)
    return result


def _betweenness(graph: Any) -> dict[str, float]:
    if len(graph) <= EXACT_BETWEENNESS:
        exact: dict[str, float] = nx.betweenness_centrality(graph)
        return exact
    sampled: dict[str, float] = nx.betweenness_centrality(graph, k=500, seed=SEED)
    return sampled


def _ranking(net: EntityNetwork, scores: dict, top: int, lang: str) -> list[Ranked]:
    ordered = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:top]
    return [
        Ranked(key, net.entities[key].label(lang), net.entities[key].family, round(score, 6))
        for key, score in ordered
    ]


def _communities(net: EntityNetwork, graph: Any, lang: str) -> list[Community]:
    if graph.number_of_edges() == 0:
        return []
    groups = nx.community.louvain_communities(graph, seed=SEED)
    groups = sorted((sorted(g) for g in groups if len(g) > 1), key=lambda g: (-len(g), g[0]))
    result = []
    for number, members in enumerate(groups, start=1):
        best = sorted(members, key=lambda k: (-graph.degree(k), k))[:5]
        result.append(
            Community(number, len(members), members, [net.entities[k].label(lang) for k in best])
        )
    return result


def per_year(net: EntityNetwork) -> list[YearSummary]:
    """For each year: events, sessions, agreements, transactions begun; observations dated;
    and how many distinct entities those touch (themselves and their neighbours)."""
    years: dict[int, YearSummary] = {}
    touched: dict[int, set[str]] = {}
    neighbours = net.neighbours()
    for entity in net.entities.values():
        if entity.family in YEAR_COLUMNS and (year := year_of(entity.start or entity.end)):
            summary = years.setdefault(year, YearSummary(year))
            setattr(summary, entity.family, getattr(summary, entity.family) + 1)
            touched.setdefault(year, set()).update({entity.id, *neighbours[entity.id]})
        if entity.family == "statistics":
            for row in entity.rows:
                if (year := year_of(row.date)) is not None:
                    years.setdefault(year, YearSummary(year)).observations += 1
                    touched.setdefault(year, set()).update({entity.id, *neighbours[entity.id]})
    for year, summary in years.items():
        summary.entities = len(touched.get(year, ()))
    return [years[y] for y in sorted(years)]


# ---------------------------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------------------------


def _tables(result: Analysis) -> list[tuple[str, list[str], list[list[str]]]]:
    """The sections of the table format (names cut short so that columns stay aligned)."""
    ranked = ["rank", "id", "name", "class", "score"]
    return [
        (
            f"Degree (distinct neighbours), top {len(result.degree)}",
            ranked,
            [
                [str(i), r.id, r.label, r.family, f"{r.score:g}"]
                for i, r in enumerate(result.degree, 1)
            ],
        ),
        (
            f"Betweenness centrality, top {len(result.betweenness)}",
            ranked,
            [
                [str(i), r.id, shorten_text(r.label, 36), r.family, f"{r.score:.4f}"]
                for i, r in enumerate(result.betweenness, 1)
            ],
        ),
        (
            f"Communities (Louvain), {len(result.communities)} with two or more members",
            ["community", "size", "best connected"],
            [
                [str(c.number), str(c.size), "; ".join(shorten_text(t, 26) for t in c.top[:3])]
                for c in result.communities
            ],
        ),
        (
            "Per year",
            [
                "year",
                "events",
                "sessions",
                "agreements",
                "transactions",
                "observations",
                "entities",
            ],
            [
                [
                    str(y.year),
                    str(y.event),
                    str(y.session),
                    str(y.agreement),
                    str(y.transaction),
                    str(y.observations),
                    str(y.entities),
                ]
                for y in result.years
            ],
        ),
    ]


def format_analysis(result: Analysis, fmt: str = "table", max_width: int | None = None) -> str:
    """The analysis as aligned tables, as one long CSV table, or as JSON."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if fmt == "json":
        return json.dumps(asdict(result), ensure_ascii=False, indent=1) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(["section", "key", "id", "name", "class", "value"])
        for name, values in (("degree", result.degree), ("betweenness", result.betweenness)):
            for i, r in enumerate(values, 1):
                writer.writerow([name, i, r.id, r.label, r.family, r.score])
        for c in result.communities:
            for member in c.members:
                writer.writerow(["community", c.number, member, "", "", c.size])
        for y in result.years:
            for column in (*YEAR_COLUMNS, "observations", "entities"):
                writer.writerow(["year", y.year, "", "", column, getattr(y, column)])
        return buffer.getvalue()
    head = (
        f"{result.nodes} entities, {result.links} linked pairs (either direction, each pair "
        f"once; from {result.relations} relations), {result.components} components\n"
    )
    blocks = [head]
    for title, columns, rows in _tables(result):
        blocks.append(f"\n{title}\n" + render_table(columns, rows, max_width))
    return "".join(blocks)
