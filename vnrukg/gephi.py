"""The entity network as GraphML or GEXF 1.3, for Gephi, Cytoscape and other network tools.

Both start Gephi users from the page's picture: each node carries its names in both languages,
class, family, IRI, its first and last years as integers (absent, not empty, when undated) and
its dates as the source gives them, its degree (distinct neighbours) and Louvain community (as
``vnrukg analyze`` computes them), its colour and size, and its position from the layout the
page uses. Edges are **relations** — one per statement linking two entities, with the property,
its labels, the fact that states it and its years; the page draws them as **links** (one arrow
per linked pair and direction) and ``analyze`` counts **linked pairs** (either direction, each
pair once); the graph's description names all three counts.

GEXF is written as version 1.3 (it validates against the GEXF 1.3 schema; a test checks) in
dynamic mode: a node's or edge's ``start``/``end`` are the first and last day its dates cover
(a year from 1 January to 31 December, a month from its first to its last day), so Gephi's
timeline shows each at the precision its source gives. Output is deterministic. These are the
writers of the ``network`` formats of :mod:`vnrukg.formats`.
"""

from __future__ import annotations

import io
from datetime import timedelta
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from . import formats
from .analyze import SEED, simple_graph
from .network import EntityNetwork, network_counts, relation_sort_key
from .periods import parse_date

GEXF_NS = "http://gexf.net/1.3"
VIZ_NS = "http://gexf.net/1.3/viz"


def counts(net: EntityNetwork) -> dict[str, int]:
    """Entities, relations (the edges here), links (the page's) and linked pairs (analyze's)."""
    return network_counts(net)


def describe(net: EntityNetwork) -> str:
    """The graph's description: what each count counts."""
    c = counts(net)
    return (
        f"Vietnam–Russia relations (vnrukg): {c['entities']} entities; {c['relations']} "
        f"relations (the edges here, one per statement linking two entities); drawn as "
        f"{c['links']} links on the network page (one per linked pair and direction); "
        f"{c['pairs']} linked pairs (either direction, as vnrukg analyze counts)."
    )


def node_table(net: EntityNetwork) -> dict[str, dict]:
    """Every node's attributes, typed: what both formats write."""
    # vnrukg.viz imports this module: its layout and style are loaded when a file is written
    from .viz import layout, style

    graph = simple_graph(net)
    community: dict[str, int] = {}
    if graph.number_of_edges():
        groups = nx.community.louvain_communities(graph, seed=SEED)
        ordered = sorted((sorted(g) for g in groups), key=lambda g: (-len(g), g[0]))
        community = {key: n for n, members in enumerate(ordered, start=1) for key in members}
    placed = layout.positions(net) if net.entities else {}
    table = {}
    for key in sorted(net.entities):
        e = net.entities[key]
        fill = style.STYLE.get(e.family, style.STYLE["other"])[0]
        degree = graph.degree(key) if key in graph else 0
        first, last = e.years()
        row: dict[str, object] = {
            "label": e.label("en"),
            "label_en": e.label_en,
            "label_vi": e.label_vi,
            "family": e.family,
            "cls": e.cls,
            "iri": e.iri,
            "degree": degree,
            "community": community.get(key, 0),
            "color": fill,
            "r": int(fill[1:3], 16),
            "g": int(fill[3:5], 16),
            "b": int(fill[5:7], 16),
            "size": round(8.0 + 4.0 * (degree**0.5), 2),
            "x": round(placed.get(key, (0.0, 0.0))[0], 2),
            "y": round(-placed.get(key, (0.0, 0.0))[1], 2),  # Gephi's y grows upwards
        }
        optional = {"start": e.start, "end": e.end, "start_year": first, "end_year": last}
        row.update({k: v for k, v in optional.items() if v is not None})
        table[key] = row
    return table


def edge_table(net: EntityNetwork) -> list[dict]:
    """Every relation as an edge with its attributes (years absent when undated)."""
    rows = []
    for number, rel in enumerate(sorted(net.relations, key=relation_sort_key)):
        first, last = rel.years()
        row: dict[str, object] = {
            "id": f"r{number}",
            "source": rel.source,
            "target": rel.target,
            "label": rel.label_en,
            "label_vi": rel.label_vi,
            "prop": rel.prop,
            "fact": rel.fact,
        }
        optional = {"start": rel.start, "end": rel.end, "start_year": first, "end_year": last}
        row.update({k: v for k, v in optional.items() if v is not None})
        rows.append(row)
    return rows


def network_bytes(net: EntityNetwork, fmt: str) -> bytes:
    """``net`` in a network format of :mod:`vnrukg.formats` (``graphml`` or ``gexf``)."""
    data: bytes = formats.get(fmt, [formats.NETWORK]).write(net)
    return data


def write_graphml(net: EntityNetwork) -> bytes:
    """GraphML through networkx: each attribute typed by its values (int, double, string)."""
    graph = nx.MultiDiGraph(description=describe(net), **counts(net))
    for key, row in node_table(net).items():
        graph.add_node(key, **row)
    for row in edge_table(net):
        attrs = {k: v for k, v in row.items() if k not in ("source", "target", "id")}
        graph.add_edge(row["source"], row["target"], key=row["id"], **attrs)
    buffer = io.BytesIO()
    nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


NODE_ATTRIBUTES = [
    ("label_en", "string"), ("label_vi", "string"), ("family", "string"), ("cls", "string"),
    ("iri", "anyURI"), ("start", "string"), ("end", "string"), ("start_year", "integer"),
    ("end_year", "integer"), ("degree", "integer"), ("community", "integer"),
]  # fmt: skip
EDGE_ATTRIBUTES = [("label_vi", "string"), ("prop", "string"), ("fact", "string"),
                   ("start", "string"), ("end", "string"), ("start_year", "integer"),
                   ("end_year", "integer")]  # fmt: skip


def spell(first: str | None, last: str | None) -> tuple[str | None, str | None]:
    """GEXF ``start``/``end`` (xs:date) for dates at their precision: the first day the first
    covers and the last day the last covers; ``None`` where there is no date."""
    begin = parse_date(first) if first else None
    finish = parse_date(last) if last else None
    start = begin[0].isoformat() if begin else None
    end = (finish[1] - timedelta(days=1)).isoformat() if finish else None
    return start, end


def _attrs(values: dict[str, object]) -> str:
    return "".join(f" {k}={quoteattr(str(v))}" for k, v in values.items() if v is not None)


def _attvalues(row: dict, names: list[tuple[str, str]]) -> list[str]:
    found = [(n, row[n]) for n, _t in names if row.get(n) not in (None, "")]
    if not found:
        return []
    inner = "".join(f"<attvalue for={quoteattr(n)} value={quoteattr(str(v))}/>" for n, v in found)
    return [f"      <attvalues>{inner}</attvalues>"]


def write_gexf(net: EntityNetwork) -> bytes:
    """GEXF 1.3 (dynamic, dates as xs:date), written directly: networkx writes 1.2 at most."""
    nodes, edges = node_table(net), edge_table(net)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<gexf xmlns="{GEXF_NS}" xmlns:viz="{VIZ_NS}" version="1.3">',
        f"  <meta><creator>vnrukg</creator><description>{escape(describe(net))}</description>"
        "</meta>",
        '  <graph defaultedgetype="directed" mode="dynamic" timeformat="date" '
        'timerepresentation="interval">',
        '    <attributes class="node" mode="static">',
        *(f'      <attribute id="{n}" title="{n}" type="{t}"/>' for n, t in NODE_ATTRIBUTES),
        "    </attributes>",
        '    <attributes class="edge" mode="static">',
        *(f'      <attribute id="{n}" title="{n}" type="{t}"/>' for n, t in EDGE_ATTRIBUTES),
        "    </attributes>",
        f'    <nodes count="{len(nodes)}">',
    ]
    for key, row in nodes.items():
        start, end = spell(row.get("start"), row.get("end"))
        out.append(
            f"    <node{_attrs({'id': key, 'label': row['label'], 'start': start, 'end': end})}>"
        )
        out += _attvalues(row, NODE_ATTRIBUTES)
        out.append(f'      <viz:color r="{row["r"]}" g="{row["g"]}" b="{row["b"]}"/>')
        out.append(f'      <viz:position x="{row["x"]}" y="{row["y"]}" z="0.0"/>')
        out.append(f'      <viz:size value="{row["size"]}"/>')
        out.append("    </node>")
    out += ["    </nodes>", f'    <edges count="{len(edges)}">']
    for row in edges:
        start, end = spell(row.get("start"), row.get("end"))
        head = {k: row[k] for k in ("id", "source", "target", "label")}
        out.append(f"    <edge{_attrs({**head, 'start': start, 'end': end})}>")
        out += _attvalues(row, EDGE_ATTRIBUTES)
        out.append("    </edge>")
    out += ["    </edges>", "  </graph>", "</gexf>", ""]
    return "\n".join(out).encode("utf-8")
