"""Publish the graph to a SPARQL store: replace one named graph there, all or nothing.

Two standard protocols are spoken, over httpx:

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
the credentials are checked before anything is uploaded: httpx's ``BasicAuth`` for most stores,
its ``DigestAuth`` where the store challenges for Digest (Virtuoso's ``/sparql-graph-crud-auth``
and ``/sparql-auth``).
"""

from __future__ import annotations

import os
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlsplit
from urllib.request import parse_http_list, parse_keqv_list

import httpx
import pyoxigraph as ox

from .errors import UsageError, VnrukgError
from .namespaces import DEFAULT_GRAPH
from .project import Project
from .sparql import open_store

__all__ = ["DEFAULT_GRAPH", "PushError", "PushResult", "Target", "push"]

#: The largest ``INSERT DATA`` request sent (Oxigraph's server accepts up to 1 MiB).
CHUNK_BYTES = 512 * 1024
_BLOCK = 64 * 1024
#: The Digest algorithms httpx answers (and so vnrukg), and the ``qop`` it speaks.
_DIGEST_ALGORITHMS = {"MD5", "MD5-SESS", "SHA", "SHA-SESS", "SHA-256", "SHA-256-SESS",
                      "SHA-512", "SHA-512-SESS"}  # fmt: skip


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
    #: Per push: the authentication each endpoint asked for (httpx's), once probed.
    _auth: dict[str, httpx.Auth | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
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


class _FileBody:
    """A file's bytes as a body that can be sent again (an answer to a Digest challenge)."""

    def __init__(self, path: Path):
        self.path = path

    def __iter__(self) -> Iterator[bytes]:
        with self.path.open("rb") as handle:
            while block := handle.read(_BLOCK):
                yield block


def _where(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.hostname}:{port}"


def request(
    target: Target, method: str, url: str, body: Any, headers: dict[str, str], query: str = ""
) -> bytes:
    """Send one request; return the body of a 2xx answer, else raise a clear :class:`PushError`.

    ``body`` is bytes or a :class:`_FileBody` (sent in blocks, so a large graph is never held
    in memory); ``query`` is the URL's query string. The first request to a URL is preceded by
    a :func:`probe`.
    """
    if url not in target._auth:
        probe(target, url)
    full = url + (("&" if urlsplit(url).query else "?") + query if query else "")
    response = _exchange(target, method, full, body, headers, target._auth[url])
    _check_status(target, method, url, response)
    return response.content


def probe(target: Target, url: str) -> None:
    """Ask with ``HEAD`` (which changes nothing) whether ``url`` wants credentials, and which.

    If it does, its challenge is answered with a second ``HEAD``, by httpx's Digest or Basic
    authentication as the challenge asks: a store may cut a streamed upload short when the
    credentials are missing or wrong (Virtuoso does), so they are checked before any upload.
    Raises a clear :class:`PushError` if they are missing or refused.
    """
    auth: httpx.Auth | None = None
    if target.user is not None and target.password is not None:
        auth = httpx.BasicAuth(target.user, target.password)
    response = _exchange(target, "HEAD", url, None, {}, None)
    if response.status_code == 401 and target.user is not None:
        auth = _auth_for(target, url, response.headers.get_list("www-authenticate"))
        response = _answer(target, url, response, auth)
    target._auth[url] = auth
    if response.status_code == 401:
        _check_status(target, "HEAD", url, response)


def _challenges(headers: list[str]) -> list[tuple[str, dict[str, str]]]:
    """The schemes (lower case) and parameters of ``WWW-Authenticate`` values."""
    found: list[tuple[str, dict[str, str]]] = []
    for item in parse_http_list(", ".join(headers)):
        scheme, _, rest = item.strip().partition(" ")
        if "=" in scheme or not scheme:  # a parameter of the challenge before it
            if found and "=" in item:
                found[-1][1].update(parse_keqv_list([item.strip()]))
            continue
        params = parse_keqv_list([rest.strip()]) if "=" in rest else {}
        found.append((scheme.lower(), {k.lower(): v for k, v in params.items()}))
    return found


def _auth_for(target: Target, url: str, headers: list[str]) -> httpx.Auth:
    """httpx's Digest authentication where the store offers Digest we can answer, else Basic."""
    assert target.user is not None and target.password is not None
    challenges = _challenges(headers)
    digests = [params for scheme, params in challenges if scheme == "digest"]
    answerable = [p for p in digests if _answerable(p)]
    if answerable:
        return httpx.DigestAuth(target.user, target.password)
    if digests and not any(scheme == "basic" for scheme, _ in challenges):
        offered = "; ".join(
            f"algorithm {p.get('algorithm', 'MD5')}, qop {p.get('qop', 'none')}" for p in digests
        )
        raise PushError(
            f"{url} asks for HTTP Digest authentication that vnrukg cannot answer ({offered})",
            harmless=True,
        )
    return httpx.BasicAuth(target.user, target.password)


def _answerable(params: dict[str, str]) -> bool:
    algorithm = params.get("algorithm", "MD5").upper()
    qops = [q.strip() for q in params.get("qop", "auth").split(",")]
    return algorithm in _DIGEST_ALGORITHMS and "auth" in qops and "nonce" in params


def _answer(target: Target, url: str, refused: httpx.Response, auth: httpx.Auth) -> httpx.Response:
    """The request that was refused, sent again with ``auth``'s answer to its challenge.

    httpx's authentication flow is given the refusal itself, so the challenge is answered
    without asking the store again.
    """
    flow = auth.sync_auth_flow(refused.request)
    first = next(flow)
    if "authorization" in first.headers:  # Basic answers up front, needing no challenge
        return _exchange(target, first.method, url, None, {}, None, prepared=first)
    try:
        again = flow.send(refused)  # Digest answers the challenge in the refusal
    except StopIteration:
        return refused
    return _exchange(target, again.method, url, None, {}, None, prepared=again)


def _exchange(
    target: Target,
    method: str,
    url: str,
    body: Any,
    headers: dict[str, str],
    auth: httpx.Auth | None,
    prepared: httpx.Request | None = None,
) -> httpx.Response:
    """One request (and any answer to a challenge) and its response, errors made clear."""
    where = _where(url)
    try:
        with httpx.Client(timeout=target.timeout) as client:
            if prepared is not None:
                return client.send(prepared)
            return client.request(
                method, url, content=body, headers=headers, auth=auth or httpx.USE_CLIENT_DEFAULT
            )
    except httpx.TimeoutException:
        raise PushError(f"no answer from {where} within {target.timeout:g} s") from None
    except httpx.ConnectError as exc:
        reason = str(exc)
        if "refused" in reason.lower():
            raise PushError(f"cannot reach {where}: connection refused", harmless=True) from None
        if "name or service" in reason.lower() or "nodename" in reason.lower():
            raise PushError(f"cannot reach {where}: unknown host", harmless=True) from None
        raise PushError(f"cannot reach {where}: {reason}", harmless=True) from None
    except (httpx.RemoteProtocolError, httpx.WriteError, httpx.ReadError):
        raise PushError(f"{where} closed the connection during the {method}") from None
    except httpx.HTTPError as exc:
        raise PushError(f"cannot reach {where}: {exc or type(exc).__name__}") from None


def _check_status(target: Target, method: str, url: str, response: httpx.Response) -> None:
    status, reason = response.status_code, response.reason_phrase
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
    detail = response.content[: 1 << 20].decode("utf-8", "replace").strip().splitlines()
    detail_text = f": {detail[0][:300]}" if detail else ""
    raise PushError(f"{method} {url} failed with HTTP {status} {reason}{detail_text}")


def update(target: Target, text: str) -> None:
    """Run one SPARQL Update request on the update endpoint."""
    assert target.update_endpoint is not None
    request(
        target,
        "POST",
        target.update_endpoint,
        text.encode("utf-8"),
        {"Content-Type": "application/sparql-update; charset=utf-8"},
    )


def put_graph(target: Target, graph: str, path: Path) -> None:
    """Replace ``graph`` with the N-Triples file at ``path`` (Graph Store Protocol ``PUT``)."""
    assert target.endpoint is not None
    request(
        target,
        "PUT",
        target.endpoint,
        _FileBody(path),
        {"Content-Type": "application/n-triples", "Content-Length": str(path.stat().st_size)},
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


def dump(store: ox.Store, folder: Path) -> tuple[Path, int]:
    """Write the store's triples as N-Triples into ``folder``; the file and the triple count."""
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


def push(project: Project, target: Target) -> PushResult:
    """Replace the target graph with the project's loaded graph (from the built store)."""
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
