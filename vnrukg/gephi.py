"""The entity network as GraphML or GEXF, for Gephi, Cytoscape and other network tools.

Nodes carry their names in both languages, class, family, IRI and dates; edges carry the
property, its label and the fact that states it. Output is deterministic: nodes and edges are
written in sorted order, and GEXF's last-modified date is left out.
"""

from __future__ import annotations

import io
import re

from .errors import UsageError
from .network import EntityNetwork

FORMATS = ("graphml", "gexf")
EXTENSIONS = {".graphml": "graphml", ".gexf": "gexf"}
MEDIA_TYPES = {"graphml": "application/graphml+xml", "gexf": "application/gexf+xml"}


def network_bytes(net: EntityNetwork, fmt: str) -> bytes:
    """``net`` in ``fmt`` (``graphml`` or ``gexf``), as UTF-8 bytes."""
    import networkx as nx

    graph = net.to_networkx()
    buffer = io.BytesIO()
    if fmt == "graphml":
        nx.write_graphml(graph, buffer, encoding="utf-8", prettyprint=True)
        return buffer.getvalue()
    if fmt == "gexf":
        nx.write_gexf(graph, buffer, encoding="utf-8", prettyprint=True)
        return re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue())
    raise UsageError(f"unknown network format {fmt!r}: choose one of {', '.join(FORMATS)}")
