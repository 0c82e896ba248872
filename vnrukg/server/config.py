"""The settings of a running endpoint, as the ``serve`` command's options give them."""

from __future__ import annotations

from dataclasses import dataclass

from ..sparql import MAX_QUERY_BYTES


@dataclass(frozen=True)
class ServerConfig:
    """Limits and switches of the endpoint (the defaults are the safe ones)."""

    host: str = "127.0.0.1"
    port: int = 8000
    engine: str = "oxigraph"
    timeout: float = 10.0  # seconds a query may run before its worker is killed
    max_rows: int = 10_000  # rows (or triples) in one result; more are cut off
    max_request_bytes: int = MAX_QUERY_BYTES  # body or query string of one request
    workers: int = 2  # query worker processes
    memory_mb: int = 2048  # address space a worker may add to what its graph takes
    cors: str | None = None  # an origin allowed to call the endpoint from a browser, or "*"
