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
    timeout: float = 10.0  # seconds a query may run (parsing included) before its worker is killed
    max_rows: int = 10_000  # rows (or triples) in one result; more are cut off
    max_request_bytes: int = MAX_QUERY_BYTES  # body or query string of one request
    workers: int = 3  # query worker processes
    memory_mb: int = 2048  # address space a worker may add to what its graph takes
    cors: str | None = None  # an origin allowed to call the endpoint from a browser, or "*"
    max_bytes: int = 16 * 1024 * 1024  # bytes of one query result; more are cut off
    # fairness (vnrukg.server.fairness)
    client_workers: int = 2  # queries of one client running at once
    client_queue: int = 16  # queries of one client waiting for a worker
    client_rate: float = 100.0  # queries a second from one client, on average
    reserve: int = 1  # workers kept for clients whose queries are cheap
    cheap_seconds: float = 0.5  # a query running longer makes its client heavy for a minute
    # connections (vnrukg.server.connections)
    max_connections: int = 1000  # open connections; more are closed at once
    client_connections: int = 64  # open connections from one client
    header_timeout: float = 10.0  # seconds to send a request's headers (slowloris)
    idle_timeout: float = 5.0  # seconds a kept-alive connection may wait for its next request
    base_url: str | None = None  # the public address, for the endpoint IRI in VoID and SD
    # reverse proxies (addresses or networks) whose X-Forwarded-For names the client
    trusted_proxies: tuple[str, ...] = ()

    @property
    def public_url(self) -> str:
        """The server's address as descriptions name it: ``base_url``, or host and port."""
        if self.base_url:
            return self.base_url.rstrip("/")
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}"
