"""Publish the graph to a SPARQL store: replace one named graph there, all or nothing.

Two standard protocols are spoken, over httpx:

- the SPARQL 1.1 Graph Store HTTP Protocol (``--endpoint``): one streamed ``PUT`` of the graph
  as N-Triples (``?graph=IRI``), which replaces the graph;
- SPARQL 1.1 Update (``--update-endpoint``): ``INSERT DATA`` in bounded chunks, for stores
  without the Graph Store Protocol.

With an update endpoint, the data first goes into a fresh temporary graph named under the
target (``<target>/vnrukg-upload/<UTC time>-<pid>-<random>``), which one ``MOVE`` request then
puts in place of the target (a single update request is one transaction in every store we know
of). An upload that fails midway leaves the target as it was and the temporary graph is
dropped; one the store could not drop (it died) is found and removed by the next push. Where
the store's answer to the ``MOVE`` is lost, whether the temporary graph is still there tells
whether the target was replaced. Queries for that, and for the counts before and after, go to
``--query-endpoint`` or to where the store usually answers them (:func:`query_candidates`).
With the Graph Store Protocol alone there is no way to swap graphs; the single ``PUT`` is then
as atomic as the store makes it (Fuseki and GraphDB apply it in one transaction; Oxigraph does
not, so give Oxigraph its ``/update`` endpoint too). Pushing twice gives the same graph: it is
replaced, never appended to.

With ``--user``, each endpoint is first asked (``HEAD``) which authentication it wants, and
the credentials are checked before anything is uploaded: httpx's ``BasicAuth`` for most stores,
its ``DigestAuth`` where the store challenges for Digest (Virtuoso's ``/sparql-graph-crud-auth``
and ``/sparql-auth``).
"""

from __future__ import annotations

import calendar
import json
import os
import re
import tempfile
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import quote, urlencode, urlsplit, urlunsplit
from urllib.request import parse_http_list, parse_keqv_list

import httpx
import pyoxigraph as ox

from .errors import UsageError, VnrukgError
from .namespaces import DEFAULT_GRAPH
from .progress import SILENT, Progress, Task
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
    was not reached, or refused the credentials); ``answered`` that the store answered it
    (with an error), so that it knows the request's outcome and so do we.
    """

    def __init__(self, message: str, harmless: bool = False, answered: bool = False):
        super().__init__(message)
        self.harmless = harmless
        self.answered = answered or harmless


@dataclass(frozen=True)
class Target:
    """Where to push: the endpoints, the graph, the credentials and the patience."""

    endpoint: str | None = None
    update_endpoint: str | None = None
    graph: str = DEFAULT_GRAPH
    user: str | None = None
    password: str | None = None
    timeout: float = 60.0
    #: Where to ask SPARQL queries (counts, leftovers); guessed from the others when not given.
    query_endpoint: str | None = None
    #: Per push: the authentication each endpoint asked for (httpx's), once probed.
    _auth: dict[str, httpx.Auth | None] = field(
        default_factory=dict, init=False, repr=False, compare=False
    )
    #: Per push: the query endpoint found (``""``: none answers), once looked for.
    _query: list[str] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not self.endpoint and not self.update_endpoint:
            raise UsageError("give --endpoint (Graph Store Protocol) or --update-endpoint")
        for url in (self.endpoint, self.update_endpoint, self.query_endpoint):
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
    """What was pushed, where, and how; what the graph held before and holds now.

    ``before`` and ``after`` are the store's own counts of the target graph (``None`` where no
    query endpoint answered); ``removed`` the temporary graphs of earlier pushes that this one
    found and dropped; ``notes`` what else the user should know (an answer that was lost).
    """

    graph: str
    triples: int
    bytes: int
    seconds: float
    method: str
    where: str = ""
    before: int | None = None
    after: int | None = None
    removed: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def lines(self) -> list[str]:
        """The report, one line each: leftovers removed, what was sent, what became of the graph."""
        out = [_removed_line(self.removed)] if self.removed else []
        rate = _rate(self.bytes / self.seconds if self.seconds > 0 else 0.0)
        out.append(
            f"pushed {self.triples:,} triples ({self.bytes:,} bytes of N-Triples) to {self.where} "
            f"in {self.seconds:.2f} s, {rate} ({self.method})"
        )
        if self.after is None:
            out.append(f"replaced <{self.graph}> (no query endpoint answered to count it)")
            return out
        held = "it was empty" if not self.before else f"it held {_triples(self.before)}"
        if self.before is None:
            held = "what it held is unknown"
        now = f"it now holds {_triples(self.after)}"
        if self.after != self.triples:
            now += f", by the store's count (not the {self.triples:,} sent)"
        out.append(f"replaced <{self.graph}>: {held}, {now}")
        return out


def _triples(count: int) -> str:
    return "1 triple" if count == 1 else f"{count:,} triples"


def _rate(per_second: float) -> str:
    for unit in ("B/s", "kB/s", "MB/s"):
        if per_second < 1000 or unit == "MB/s":
            return f"{per_second:,.0f} {unit}" if unit == "B/s" else f"{per_second:,.1f} {unit}"
        per_second /= 1000
    raise AssertionError("unreachable")


def _removed_line(graphs: tuple[str, ...]) -> str:
    what = "temporary graph" if len(graphs) == 1 else "temporary graphs"
    earlier = "an earlier push" if len(graphs) == 1 else "earlier pushes"
    return f"removed {len(graphs)} {what} left by {earlier}: " + ", ".join(f"<{g}>" for g in graphs)


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
    """A file's bytes as a body that can be sent again (an answer to a Digest challenge).

    Each block sent advances ``sent`` (a progress display of bytes).
    """

    def __init__(self, path: Path, sent: Task | None = None):
        self.path = path
        self.sent = sent or Task()

    def __iter__(self) -> Iterator[bytes]:
        self.sent.restart()
        with self.path.open("rb") as handle:
            while block := handle.read(_BLOCK):
                yield block
                self.sent.advance(len(block))


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
    try:
        response = _exchange(target, "HEAD", url, None, {}, None)
        if response.status_code == 401 and target.user is not None:
            auth = _auth_for(target, url, response.headers.get_list("www-authenticate"))
            response = _answer(target, url, response, auth)
    except PushError as exc:  # a HEAD changes nothing, whatever became of it
        raise PushError(str(exc), harmless=True) from None
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
    raise PushError(
        f"{method} {url} failed with HTTP {status} {reason}{detail_text}", answered=True
    )


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


def put_graph(target: Target, graph: str, path: Path, sent: Task | None = None) -> None:
    """Replace ``graph`` with the N-Triples file at ``path`` (Graph Store Protocol ``PUT``)."""
    assert target.endpoint is not None
    request(
        target,
        "PUT",
        target.endpoint,
        _FileBody(path, sent),
        {"Content-Type": "application/n-triples", "Content-Length": str(path.stat().st_size)},
        query=f"graph={quote(graph, safe='')}",
    )


def insert_chunks(
    target: Target, graph: str, path: Path, limit: int | None = None, sent: Task | None = None
) -> None:
    """Add the N-Triples at ``path`` to ``graph`` by ``INSERT DATA`` requests of bounded size.

    A refusal after the first chunk is not harmless: the chunks before it are in ``graph``.
    """
    sent = sent or Task()
    for number, chunk in enumerate(_chunks(path, limit or CHUNK_BYTES)):
        try:
            update(target, f"INSERT DATA {{ GRAPH <{graph}> {{\n{chunk}}} }}")
        except PushError as exc:
            if number and exc.harmless:
                raise PushError(str(exc), answered=True) from None
            raise
        sent.advance(len(chunk.encode("utf-8")))


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


# --- queries: counts and leftovers ---------------------------------------------------------------

#: Where stores answer queries beside their Graph Store or update endpoint: a path's end, and
#: what replaces it (Oxigraph, Fuseki, Virtuoso, GraphDB).
_QUERY_BESIDE = (
    ("/update", "/query"),
    ("/store", "/query"),
    ("/data", "/query"),
    ("/sparql-graph-crud-auth", "/sparql-auth"),
    ("/sparql-graph-crud", "/sparql"),
    ("/rdf-graphs/service", ""),
    ("/statements", ""),
)


def query_candidates(target: Target) -> list[str]:
    """The URLs that may answer SPARQL queries: ``--query-endpoint``, else guesses beside the
    update and Graph Store endpoints, then the update endpoint itself."""
    if target.query_endpoint:
        return [target.query_endpoint]
    found = []
    for url in (target.update_endpoint, target.endpoint):
        parts = urlsplit(url or "")
        for tail, instead in _QUERY_BESIDE if url else ():
            if parts.path.endswith(tail):
                path = parts.path[: -len(tail)] + instead
                found.append(urlunsplit(parts._replace(path=path)))
    if target.update_endpoint:
        found.append(target.update_endpoint)
    return list(dict.fromkeys(found))


def query_endpoint(target: Target) -> str | None:
    """The first candidate that answers ``ASK {}`` (looked for once per push), or ``None``."""
    if not target._query:
        for url in query_candidates(target):
            try:
                if "boolean" in _results(target, url, "ASK {}"):
                    target._query.append(url)
                    break
            except (PushError, ValueError):
                continue
        else:
            target._query.append("")
    return target._query[0] or None


def _results(target: Target, url: str, text: str) -> dict[str, Any]:
    body = request(
        target,
        "POST",
        url,
        urlencode({"query": text}).encode("ascii"),
        {
            "Content-Type": "application/x-www-form-urlencoded",
            "Accept": "application/sparql-results+json",
        },
    )
    answer = json.loads(body)
    if not isinstance(answer, dict):
        raise ValueError("not SPARQL JSON results")
    return answer


def select(target: Target, text: str) -> list[dict[str, str]] | None:
    """The rows of a SELECT (each variable's value as text); ``None`` if no endpoint answers."""
    url = query_endpoint(target)
    if url is None:
        return None
    try:
        rows = _results(target, url, text)["results"]["bindings"]
    except (PushError, ValueError, KeyError, TypeError):
        return None
    return [{name: term["value"] for name, term in row.items()} for row in rows]


def count(target: Target, graph: str) -> int | None:
    """How many triples the store holds in ``graph``; ``None`` if it cannot be asked."""
    rows = select(target, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    try:
        return int(rows[0]["n"]) if rows else None
    except (KeyError, ValueError):
        return None


#: Temporary graphs are named under the target: ``<target>/vnrukg-upload/<UTC time>-<pid>-<hex>``.
UPLOADS = "/vnrukg-upload/"
_UPLOAD_NAME = re.compile(r"(\d{8}T\d{6}Z)-(\d+)-[0-9a-f]+$")
#: A leftover of a push by a process still alive on this machine is left alone this long.
_IN_FLIGHT = 24 * 3600


def temporary_graph(graph: str) -> str:
    """A fresh temporary graph for ``graph``: when, by which process, and a random part."""
    stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
    return f"{graph}{UPLOADS}{stamp}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


def leftovers(target: Target) -> list[str] | None:
    """The temporary graphs of earlier pushes to the target graph that the store still holds.

    A push still running on this machine (its process alive, less than a day ago) keeps its
    graph; ``None`` if the store cannot be asked.
    """
    prefix = target.graph + UPLOADS
    rows = select(
        target,
        f"SELECT DISTINCT ?g WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
        f'FILTER (STRSTARTS(STR(?g), "{prefix}")) }} ORDER BY ?g',
    )
    if rows is None:
        return None
    return [row["g"] for row in rows if not _in_flight(row["g"][len(prefix) :])]


def _in_flight(name: str) -> bool:
    match = _UPLOAD_NAME.fullmatch(name)
    if match is None:
        return False
    pid = int(match.group(2))
    started = calendar.timegm(time.strptime(match.group(1), "%Y%m%dT%H%M%SZ"))
    if pid == os.getpid() or time.time() - started > _IN_FLIGHT:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # alive, another user's
        return True
    return True


def remove_leftovers(target: Target) -> tuple[tuple[str, ...], list[str]]:
    """Drop the leftovers of earlier pushes: those removed, and notes on what could not be."""
    found = leftovers(target)
    if found is None:
        return (), [
            "could not look for temporary graphs left by earlier pushes: no query endpoint "
            "answered (give --query-endpoint)"
        ]
    if not found:
        return (), []
    try:
        update(target, " ;\n".join(f"DROP SILENT GRAPH <{graph}>" for graph in found))
    except PushError as exc:
        return (), [f"could not remove {_removed_line(tuple(found))[8:]} ({exc})"]
    return tuple(found), []


# --- the push -----------------------------------------------------------------------------------


def dump(store: ox.Store, folder: Path) -> tuple[Path, int]:
    """Write the store's triples as N-Triples into ``folder``; the file and the triple count."""
    path = folder / "graph.nt"
    store.dump(str(path), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return path, len(store)


def push_file(target: Target, path: Path, triples: int, progress: Progress = SILENT) -> PushResult:
    """Replace the target graph with the N-Triples file at ``path``.

    Every failure says what became of the target graph: unchanged, or (where the store's
    answer was lost) what is known of it and how to recover.
    """
    started = time.perf_counter()
    sent = progress.task("push", total=path.stat().st_size, unit="bytes")
    removed: tuple[str, ...] = ()
    notes: list[str] = []
    if target.update_endpoint is None:
        before = count(target, target.graph)
        method = _put_in_place(target, path, sent)
    else:
        before, removed, notes, method = _upload_and_move(target, path, triples, sent)
    seconds = time.perf_counter() - started
    return PushResult(
        target.graph,
        triples,
        path.stat().st_size,
        seconds,
        method,
        where=target.endpoint or target.update_endpoint or "",
        before=before,
        after=count(target, target.graph),
        removed=removed,
        notes=tuple(notes),
    )


def _put_in_place(target: Target, path: Path, sent: Task) -> str:
    try:
        put_graph(target, target.graph, path, sent)
    except PushError as exc:
        if exc.harmless:
            raise PushError(f"{exc}; {target.graph} is unchanged", harmless=True) from None
        raise PushError(
            f"{exc}; {target.graph} may be unchanged, replaced or, on a store that does not "
            "apply a PUT in one transaction (Oxigraph), partly loaded: push again, with "
            "--update-endpoint where the store has one"
        ) from None
    sent.finish()
    return "Graph Store PUT (in place: no update endpoint to swap with)"


def _upload_and_move(
    target: Target, path: Path, triples: int, sent: Task
) -> tuple[int | None, tuple[str, ...], list[str], str]:
    """Upload into a fresh temporary graph, then ``MOVE`` it in place of the target graph.

    First both endpoints are asked for their credentials and, without the Graph Store
    Protocol, a ``DROP SILENT`` of the fresh name checks that updates are allowed: a refusal
    comes before anything is uploaded. Then the target is counted and the temporary graphs
    of earlier pushes are removed. The ``MOVE`` is not ``SILENT``: a store that checks
    (Oxigraph) refuses to move a temporary graph that is gone instead of emptying the target.
    Returns the count before, the leftovers removed, notes, and the method.
    """
    temporary = temporary_graph(target.graph)
    try:
        for url in (target.endpoint, target.update_endpoint):
            if url is not None:
                probe(target, url)
        if target.endpoint is None:
            update(target, f"DROP SILENT GRAPH <{temporary}>")
    except PushError as exc:
        raise PushError(f"{exc}; {target.graph} is unchanged", harmless=True) from None
    before = count(target, target.graph)
    removed, notes = remove_leftovers(target)
    try:
        if target.endpoint is not None:
            put_graph(target, temporary, path, sent)
            method = "Graph Store PUT into a temporary graph, then MOVE"
        else:
            insert_chunks(target, temporary, path, sent=sent)
            method = "SPARQL Update INSERT DATA into a temporary graph, then MOVE"
    except PushError as exc:
        if exc.harmless:
            raise PushError(f"{exc}; {target.graph} is unchanged", harmless=True) from None
        raise PushError(f"{exc}; {_drop(target, temporary)}") from None
    sent.finish()
    try:
        update(target, f"MOVE GRAPH <{temporary}> TO GRAPH <{target.graph}>")
    except PushError as exc:
        if exc.answered:  # the store answered: it did not move it
            raise PushError(f"{exc}; {_drop(target, temporary)}") from None
        notes.append(_unclear_move(target, temporary, triples, exc))
    return before, removed, notes, method


def _drop(target: Target, temporary: str) -> str:
    """Drop the temporary graph after a failure; what became of the target and of it."""
    try:
        update(target, f"DROP SILENT GRAPH <{temporary}>")
    except PushError:
        return (
            f"{target.graph} is unchanged; the temporary graph <{temporary}> remains: "
            "the next push removes it"
        )
    return f"{target.graph} is unchanged"


def _unclear_move(target: Target, temporary: str, triples: int, exc: PushError) -> str:
    """After a ``MOVE`` whose answer was lost: a note if it was done, else a clear error.

    A ``MOVE`` removes the graph it moves: if the temporary graph is gone, the target was
    replaced. It is left in place otherwise, as the store may still be moving it.
    """
    rows = select(target, f"SELECT ?s WHERE {{ GRAPH <{temporary}> {{ ?s ?p ?o }} }} LIMIT 1")
    if rows is None:
        raise PushError(
            f"{exc}; the MOVE's outcome is unknown: {target.graph} holds either its old "
            f"triples or the {triples:,} new ones, never a mix (a MOVE is one transaction), and "
            f"the temporary graph <{temporary}> may remain: push again (the next push replaces "
            "the graph and removes what is left)"
        ) from None
    if rows:
        raise PushError(
            f"{exc}; the temporary graph <{temporary}> is still there, so {target.graph} has "
            "not been replaced (unless the store is still moving it): push again (the next "
            "push replaces the graph and removes the temporary one)"
        ) from None
    return (
        f"the store's answer to the MOVE was lost ({exc}), but the temporary graph is gone: "
        f"the MOVE was done"
    )


def push(project: Project, target: Target, progress: Progress = SILENT) -> PushResult:
    """Replace the target graph with the project's loaded graph (from the built store)."""
    store = open_store(project)
    with tempfile.TemporaryDirectory(prefix="vnrukg-push-") as folder:
        path, triples = dump(store, Path(folder))
        return push_file(target, path, triples, progress)


def password_from(variable: str | None) -> str | None:
    """The password held by the environment variable ``variable`` (never by an option)."""
    if variable is None:
        return None
    if variable not in os.environ:
        raise UsageError(f"--password-env {variable}: that environment variable is not set")
    return os.environ[variable]
