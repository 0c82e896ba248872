"""The entity network as GraphML or GEXF, for Gephi, Cytoscape and other network tools.

The writers of the ``network`` formats of :mod:`vnrukg.formats`.

Nodes carry their names in both languages, class, family, IRI and dates; edges carry the
property, its label and the fact that states it. Output is deterministic: nodes and edges are
written in sorted order, and GEXF's last-modified date is left out.
"""

from __future__ import annotations

import io
import re

import networkx as nx

from . import formats
from .network import EntityNetwork


def write_graphml(net: EntityNetwork) -> bytes:
    """``net`` as GraphML (UTF-8)."""
    buffer = io.BytesIO()
    nx.write_graphml(net.to_networkx(), buffer, encoding="utf-8", prettyprint=True)
    return buffer.getvalue()


def write_gexf(net: EntityNetwork) -> bytes:
    """``net`` as GEXF (UTF-8), without the date of writing."""
    buffer = io.BytesIO()
    nx.write_gexf(net.to_networkx(), buffer, encoding="utf-8", prettyprint=True)
    return re.sub(rb' lastmodifieddate="[^"]*"', b"", buffer.getvalue())


def network_bytes(net: EntityNetwork, fmt: str) -> bytes:
    """``net`` in a network format of :mod:`vnrukg.formats` (``graphml`` or ``gexf``)."""
    data: bytes = formats.get(fmt, [formats.NETWORK]).write(net)
    return data
