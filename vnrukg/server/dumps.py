"""The data dumps the endpoint publishes, and the dataset its workers load.

``/dumps/vnrukg.ttl`` (and ``.nt``, ``.nq``, ``.trig``, ``.jsonld``; each also gzipped, ``.gz``)
are :func:`vnrukg.export.export_bytes` of the loaded graph: the same bytes as ``vnrukg export``
and ``vnrukg build`` write, N-Quads and TriG with one named graph per curated file plus
``vnrg:inferred``. Each is made on first request and kept; a response carries an ``ETag`` (a
hash of the bytes) and ``Last-Modified`` (the newest source file), and a conditional request
that matches gets 304. At start-up the dataset the query workers load is written to a private
folder as N-Quads: the loaded graph as the default graph (the union of the files, each triple
once) and each file's graph and ``vnrg:inferred`` as named graphs, so ``GRAPH`` reaches them.
A worker bulk-loads it in a fraction of a second, without parsing Turtle.
"""

from __future__ import annotations

import gzip
import hashlib
import shutil
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from pathlib import Path

from ..export import export_bytes
from ..store import KnowledgeGraph

NAME = "vnrukg"


@dataclass(frozen=True)
class Dump:
    """One published file: its name, the export format, media type and label."""

    filename: str
    fmt: str
    media_type: str
    label: str
    gzipped: bool = False

    @property
    def path(self) -> str:
        """Where the endpoint serves it."""
        return f"/dumps/{self.filename}"


_PLAIN = (
    Dump(f"{NAME}.ttl", "ttl", "text/turtle", "Turtle"),
    Dump(f"{NAME}.nt", "nt", "application/n-triples", "N-Triples"),
    Dump(f"{NAME}.nq", "nq", "application/n-quads", "N-Quads (named graphs)"),
    Dump(f"{NAME}.trig", "trig", "application/trig", "TriG (named graphs)"),
    Dump(f"{NAME}.jsonld", "jsonld", "application/ld+json", "JSON-LD"),
)
#: Every dump, plain then gzipped.
DUMPS: tuple[Dump, ...] = _PLAIN + tuple(
    Dump(d.filename + ".gz", d.fmt, "application/gzip", d.label + ", gzip", gzipped=True)
    for d in _PLAIN
)
BY_NAME = {d.filename: d for d in DUMPS}


@dataclass(frozen=True)
class Body:
    """A dump's bytes with its validators."""

    data: bytes
    etag: str
    modified: datetime

    @property
    def headers(self) -> dict[str, str]:
        return {
            "ETag": self.etag,
            "Last-Modified": format_datetime(self.modified, usegmt=True),
            "Cache-Control": "public, max-age=0, must-revalidate",
        }

    def not_modified(self, if_none_match: str | None, if_modified_since: str | None) -> bool:
        """Whether a conditional GET with these headers may be answered 304 (RFC 9110 13.2.2:
        ``If-None-Match`` decides when present)."""
        if if_none_match is not None:
            tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
            return "*" in tags or self.etag in tags
        if if_modified_since:
            try:
                since = parsedate_to_datetime(if_modified_since)
            except (TypeError, ValueError):
                return False
            return self.modified.replace(microsecond=0) <= since
        return False


def _modified(kg: KnowledgeGraph) -> datetime:
    project = kg.project
    files = [*project.graph_dir.rglob("*.ttl"), *project.ontology_dir.glob("*.ttl")]
    newest = max((f.stat().st_mtime for f in files), default=0.0)
    return datetime.fromtimestamp(int(newest), UTC)


class Dumps:
    """The dumps of one loaded graph, made on demand and kept in memory."""

    def __init__(self, kg: KnowledgeGraph):
        self.kg = kg
        self.modified = _modified(kg)
        self._made: dict[str, Body] = {}
        self._lock = threading.Lock()
        self.folder = Path(tempfile.mkdtemp(prefix="vnrukg-serve-"))
        self.dataset = self.folder / "dataset.nq"
        default = export_bytes(kg, "nt")  # sorted N-Triples: the default graph's quads
        self.dataset.write_bytes(default + self.body(BY_NAME[f"{NAME}.nq"]).data)

    def body(self, dump: Dump) -> Body:
        """The bytes of ``dump`` (made once, then kept)."""
        with self._lock:
            found = self._made.get(dump.filename)
            if found is None:
                if dump.gzipped:
                    plain = self._made.get(dump.filename[:-3])
                    raw = plain.data if plain else export_bytes(self.kg, dump.fmt)
                    data = gzip.compress(raw, compresslevel=9, mtime=0)  # same bytes every time
                else:
                    data = export_bytes(self.kg, dump.fmt)
                etag = '"' + hashlib.sha256(data).hexdigest()[:32] + '"'
                found = self._made[dump.filename] = Body(data, etag, self.modified)
            return found

    def close(self) -> None:
        """Remove the private folder."""
        shutil.rmtree(self.folder, ignore_errors=True)
