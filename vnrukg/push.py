"""Publish the graph to a SPARQL store: replace one named graph there, all or nothing.

Two standard protocols are spoken, with nothing but the standard library's HTTP client:

- the SPARQL 1.1 Graph Store HTTP Protocol (``--endpoint``): one streamed ``PUT`` of the graph
  as N-Triples (``?graph=IRI``), which replaces the graph;
- SPARQL 1.1 Update (``--update-endpoint``): ``INSERT DATA`` in bounded chunks, for stores
  without the Graph Store Protocol.

With an update endpoint, the data first goes into a fresh temporary graph
(``urn:vnrukg:upload:<random>``), which one ``MOVE`` request then puts in place of the target
(a single update request is one transaction in every store we know of). An upload that fails
midway leaves the target as it was and the temporary graph is dropped. With the Graph Store
Protocol alone there is no way to swap graphs; the single ``PUT`` is then as atomic as the
store makes it (Fuseki and GraphDB apply it in one transaction; Oxigraph does not, so give
Oxigraph its ``/update`` endpoint too). Pushing twice gives the same graph: it is replaced,
never appended to.

With ``--user``, each endpoint is first asked (``HEAD``) which authentication it wants, and
the credentials are checked before anything is uploaded: Basic for most stores, Digest
(:mod:`vnrukg.httpauth`) for Virtuoso's ``/sparql-graph-crud-auth`` and ``/sparql-auth``.
"""

from __future__ import annotations

import http.client
import os
import socket
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit

from .errors import UsageError, VnrukgError
from .httpauth import Authenticator, AuthError

#: The named graph the project is pushed into unless ``--graph`` says otherwise.
DEFAULT_GRAPH = "https://w3id.org/vnrukg/graph/all"
#: The largest ``INSERT DATA`` request sent (Oxigraph's server accepts up to 1 MiB).
CHUNK_BYTES = 512 * 1024
_BLOCK = 64 * 1024


class PushError(VnrukgError):
    """The store could not be reached, refused the request or failed it.

    ``harmless`` says that the request cannot have changed anything on the server (the host
    was not reached, or refused the credentials).
    """

    def __init__(self, message: str, harmless: bool = False):
        super().__init__(message)
        self.harmless = harmless


@dataclass(frozen=True)
class Target:
    """Where to push: the endpoints, the graph, the credentials and the patience."""

    endpoint: str | None = None
    update_endpoint: str | None = None
    graph: str = DEFAULT_GRAPH
    user: str | None = None
    password: str | None = None
    timeout: float = 60.0
    #: Per push: who answers the server's challenges, and the URLs already probed.
    _auth: Authenticator | None = field(default=None, init=False, repr=False, compare=False)
    _probed: set[str] = field(default_factory=set, init=False, repr=False, compare=False)

    def __post_init__(self):
        if not self.endpoint and not self.update_endpoint:
            raise UsageError("give --endpoint (Graph Store Protocol) or --update-endpoint")
        for url in (self.endpoint, self.update_endpoint):
            if url and urlsplit(url).scheme not in ("http", "https"):
                raise UsageError(f"not an http(s) URL: {url}")
            if url and not urlsplit(url).hostname:
                raise UsageError(f"no host in the URL: {url}")
        if not _is_iri(self.graph):
            raise UsageError(f"--graph must be an absolute IRI, got {self.graph!r}")
        if (self.user is None) != (self.password is None):
            raise UsageError("give both --user and --password-env, or neither")
        if self.user is not None:
            object.__setattr__(self, "_auth", Authenticator(self.user, self.password))


@dataclass(frozen=True)
class PushResult:
    """What was pushed, where, and how."""

    graph: str
    triples: int
    bytes: int
    seconds: float
    method: str


def _is_iri(text: str) -> bool:
    scheme, _, rest = text.partition(":")
    bad = set(' <>"{}|^`\\')
    return (
        bool(scheme)
        and scheme[0].isalpha()
        and bool(rest)
        and not any(c in bad or ord(c) <= 0x20 for c in text)
    )


# --- HTTP ---------------------------------------------------------------------------------------


def _connection(url: str, timeout: float) -> http.client.HTTPConnection:
    parts = urlsplit(url)
    cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
    return cls(parts.hostname, parts.port, timeout=timeout, blocksize=_BLOCK)


def _where(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.hostname}:{port}"


def _path(url: str, query: str = "") -> str:
    parts = urlsplit(url)
    path = parts.path or "/"
    joined = "&".join(q for q in (parts.query, query) if q)
    return f"{path}?{joined}" if joined else path


def request(
    target: Target, method: str, url: str, body, headers: dict[str, str], query: str = ""
) -> bytes:
    """Send one request; return the body of a 2xx answer, else raise a clear :class:`PushError`.

    ``body`` is bytes or a seekable binary file (sent in blocks, so a large graph is never held
    in memory twice); ``query`` is the URL's query string. The first request to a URL is
    preceded by a :func:`probe`.
    """
    path = _path(url, query)
    if url not in target._probed:
        probe(target, url)
    status, reason, _, data = _send(target, method, url, path, body, headers)
    _check_status(target, method, url, (status, reason), data)
    return data


def probe(target: Target, url: str) -> None:
    """Ask with ``HEAD`` (which changes nothing) whether ``url`` wants credentials, and which.

    If it does, its challenge is answered with a second ``HEAD``: a store may cut a streamed
    upload short when the credentials are missing or wrong (Virtuoso does), so they are
    checked before any upload. Raises a clear :class:`PushError` if they are missing or refused.
    """
    target._probed.add(url)
    path = _path(url)
    status, reason, challenge, _ = _exchange(target, "HEAD", url, path, None, {})
    if status == 401 and target._auth is not None:
        _learn(target, url, challenge, answered=False)
        status, reason, _, _ = _send(target, "HEAD", url, path, None, {})
    if status == 401:
        _check_status(target, "HEAD", url, (status, reason), b"")


def _send(target: Target, method: str, url: str, path: str, body, headers: dict[str, str]):
    """One request with credentials (if any), sent again once if a new Digest challenge asks."""
    for attempt in (1, 2):
        if attempt == 2 and hasattr(body, "seek"):
            body.seek(0)
        sent = dict(headers)
        if target._auth is not None:
            sent["Authorization"] = target._auth.authorization(method, path)
        answer = _exchange(target, method, url, path, body, sent)
        if answer[0] != 401 or target._auth is None:
            break
        if not _learn(target, url, answer[2], sent["Authorization"].startswith("Digest")):
            break
    return answer


def _learn(target: Target, url: str, challenge: str, answered: bool) -> bool:
    try:
        return target._auth.learn(challenge, answered)
    except AuthError as exc:
        raise PushError(f"{url} {exc}", harmless=True) from None


def _exchange(target: Target, method: str, url: str, path: str, body, headers: dict[str, str]):
    """One request and its answer: status, reason, ``WWW-Authenticate`` and the body's start."""
    where = _where(url)
    connection = _connection(url, target.timeout)
    try:
        connection.request(method, path, body, headers)
        response = connection.getresponse()
        data = response.read(1 << 20)
        challenge = ", ".join(response.headers.get_all("WWW-Authenticate") or [])
    except TimeoutError:
        raise PushError(f"no answer from {where} within {target.timeout:g} s") from None
    except socket.gaierror:
        raise PushError(f"cannot reach {where}: unknown host", harmless=True) from None
    except ConnectionRefusedError:
        raise PushError(f"cannot reach {where}: connection refused", harmless=True) from None
    except (ConnectionResetError, BrokenPipeError, http.client.RemoteDisconnected):
        raise PushError(f"{where} closed the connection during the {method}") from None
    except (OSError, http.client.HTTPException) as exc:
        reason = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
        raise PushError(f"cannot reach {where}: {reason}") from None
    finally:
        connection.close()
    return response.status, response.reason, challenge, data


def _check_status(target: Target, method: str, url: str, answer: tuple, data: bytes) -> None:
    status, reason = answer
    if 200 <= status < 300:
        return
    if status in (401, 403):
        if target.user is None:
            raise PushError(
                f"{url} asks for credentials (HTTP {status} {reason}): "
                "pass --user and --password-env",
                harmless=True,
            )
        if status == 403:
            raise PushError(
                f"{url} does not let {target.user!r} {method} there (HTTP {status} {reason})",
                harmless=True,
            )
        raise PushError(
            f"{url} refused the credentials of {target.user!r} (HTTP {status} {reason})",
            harmless=True,
        )
    detail = data.decode("utf-8", "replace").strip().splitlines()
    detail_text = f": {detail[0][:300]}" if detail else ""
    raise PushError(f"{method} {url} failed with HTTP {status} {reason}{detail_text}")


def update(target: Target, text: str) -> None:
    """Run one SPARQL Update request on the update endpoint."""
    request(
        target,
        "POST",
        target.update_endpoint,
        text.encode("utf-8"),
        {"Content-Type": "application/sparql-update; charset=utf-8"},
    )


def put_graph(target: Target, graph: str, path: Path) -> None:
    """Replace ``graph`` with the N-Triples file at ``path`` (Graph Store Protocol ``PUT``)."""
    with path.open("rb") as body:
        request(
            target,
            "PUT",
            target.endpoint,
            body,
            {
                "Content-Type": "application/n-triples",
                "Content-Length": str(path.stat().st_size),
            },
            query=f"graph={quote(graph, safe='')}",
        )


def insert_chunks(target: Target, graph: str, path: Path, limit: int | None = None) -> None:
    """Add the N-Triples at ``path`` to ``graph`` by ``INSERT DATA`` requests of bounded size."""
    for chunk in _chunks(path, limit or CHUNK_BYTES):
        update(target, f"INSERT DATA {{ GRAPH <{graph}> {{\n{chunk}}} }}")


def _chunks(path: Path, limit: int) -> Iterator[str]:
    lines: list[str] = []
    size = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if size + len(line) > limit and lines:
                yield "".join(lines)
                lines, size = [], 0
            lines.append(line)
            size += len(line)
    if lines:
        yield "".join(lines)


# --- the push -----------------------------------------------------------------------------------


def dump(store, folder: Path) -> tuple[Path, int]:
    """Write the store's triples as N-Triples into ``folder``; the file and the triple count."""
    import pyoxigraph as ox

    path = folder / "graph.nt"
    store.dump(str(path), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return path, len(store)


def push_file(target: Target, path: Path, triples: int) -> PushResult:
    """Replace the target graph with the N-Triples file at ``path``."""
    started = time.perf_counter()
    if target.update_endpoint is None:
        put_graph(target, target.graph, path)
        method = "Graph Store PUT (in place: no update endpoint to swap with)"
    else:
        method = _upload_and_move(target, path)
    seconds = time.perf_counter() - started
    return PushResult(target.graph, triples, path.stat().st_size, seconds, method)


def _upload_and_move(target: Target, path: Path) -> str:
    """Upload into a fresh temporary graph, then ``MOVE`` it in place of the target graph.

    First both endpoints are asked for their credentials and, without the Graph Store
    Protocol, a ``DROP SILENT`` of the fresh name checks that updates are allowed: a refusal
    comes before anything is uploaded.
    """
    temporary = f"urn:vnrukg:upload:{uuid.uuid4().hex}"
    try:
        for url in (target.endpoint, target.update_endpoint):
            if url is not None:
                probe(target, url)
        if target.endpoint is None:
            update(target, f"DROP SILENT GRAPH <{temporary}>")
    except PushError as exc:
        raise PushError(f"{exc}; {target.graph} is unchanged", harmless=True) from None
    first = target.endpoint is not None
    try:
        if target.endpoint is not None:
            put_graph(target, temporary, path)
            method = "Graph Store PUT into a temporary graph, then MOVE"
        else:
            insert_chunks(target, temporary, path)
            method = "SPARQL Update INSERT DATA into a temporary graph, then MOVE"
        first = False
        update(target, f"MOVE SILENT GRAPH <{temporary}> TO GRAPH <{target.graph}>")
    except PushError as exc:
        if first and exc.harmless:
            raise PushError(f"{exc}; {target.graph} is unchanged", harmless=True) from None
        raise PushError(f"{exc}; {_clean_up(target, temporary)}") from None
    return method


def _clean_up(target: Target, temporary: str) -> str:
    try:
        update(target, f"DROP SILENT GRAPH <{temporary}>")
    except PushError:
        return (
            f"the graph {target.graph} is unchanged; the temporary graph <{temporary}> may remain"
        )
    return f"{target.graph} is unchanged"


def push(project, target: Target) -> PushResult:
    """Replace the target graph with the project's loaded graph (from the built store)."""
    from .oxistore import open_store

    store = open_store(project)
    with tempfile.TemporaryDirectory(prefix="vnrukg-push-") as folder:
        path, triples = dump(store, Path(folder))
        return push_file(target, path, triples)


def password_from(variable: str | None) -> str | None:
    """The password held by the environment variable ``variable`` (never by an option)."""
    if variable is None:
        return None
    if variable not in os.environ:
        raise UsageError(f"--password-env {variable}: that environment variable is not set")
    return os.environ[variable]
