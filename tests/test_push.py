"""`vnrukg push` against a real Oxigraph server on a loopback port.

An HTTP proxy (a real server in a thread) stands in front of Oxigraph where a test needs Basic
authentication or an upload that breaks midway; Oxigraph itself has neither.
"""

from __future__ import annotations

import http.client
import json
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import quote

import pytest

from vnrukg import push as push_module
from vnrukg.cli import main
from vnrukg.project import Project
from vnrukg.push import DEFAULT_GRAPH, PushError, Target, push
from vnrukg.sparql import open_store

from .engine_support import make_project
from .pty_support import VNRUKG, run

pytestmark = pytest.mark.server


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def oxigraph_binary() -> str:
    found = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))
    if not Path(found).is_file():
        pytest.fail("the oxigraph server binary is missing: pip install -e '.[test]'")
    return found


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """A real Oxigraph server on a free loopback port, stopped after the module."""
    port = free_port()
    process = subprocess.Popen(
        [
            oxigraph_binary(),
            "serve",
            "--location",
            str(tmp_path_factory.mktemp("oxigraph-server")),
            "--bind",
            f"127.0.0.1:{port}",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/query?query=ASK%7B%7D")
            if connection.getresponse().status == 200:
                break
        except OSError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("the Oxigraph server did not start")
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(timeout=10)


def sparql(base: str, query: str) -> dict:
    connection = http.client.HTTPConnection(base.removeprefix("http://"), timeout=30)
    connection.request(
        "POST",
        "/query",
        query.encode(),
        {"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    response = connection.getresponse()
    assert response.status == 200, response.read()
    return json.loads(response.read())


def count(base: str, graph: str = DEFAULT_GRAPH) -> int:
    answer = sparql(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(answer["results"]["bindings"][0]["n"]["value"])


def graphs(base: str) -> list[str]:
    answer = sparql(base, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g")
    return [row["g"]["value"] for row in answer["results"]["bindings"]]


def uploads(base: str) -> list[str]:
    """The temporary graphs of pushes in the store (``<target>/vnrukg-upload/…``)."""
    return [g for g in graphs(base) if push_module.UPLOADS in g]


def put(base: str, graph: str, ntriples: str) -> None:
    connection = http.client.HTTPConnection(base.removeprefix("http://"), timeout=30)
    connection.request(
        "PUT",
        f"/store?graph={quote(graph, safe='')}",
        ntriples.encode(),
        {"Content-Type": "application/n-triples"},
    )
    assert connection.getresponse().status in (201, 204)


def fetch(base: str, graph: str) -> list[str]:
    connection = http.client.HTTPConnection(base.removeprefix("http://"), timeout=30)
    connection.request(
        "GET", f"/store?graph={quote(graph, safe='')}", headers={"Accept": "application/n-triples"}
    )
    return sorted(connection.getresponse().read().decode().splitlines())


def push_args(root, store: str, update: str, graph: str) -> list[str]:
    """``vnrukg push`` arguments for both endpoints and a graph, as the CLI tests give them."""
    return [
        *("--root", str(root), "push"),
        *("--endpoint", store, "--update-endpoint", update, "--graph", graph),
    ]


JUNK = '<http://example.org/old> <http://example.org/p> "left from before" .\n'


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return Project(make_project(tmp_path_factory.mktemp("push")))


@pytest.fixture(scope="module")
def local_count(project) -> int:
    return len(open_store(project))


def target(base: str, **kwargs) -> Target:
    kwargs.setdefault("endpoint", f"{base}/store")
    kwargs.setdefault("update_endpoint", f"{base}/update")
    kwargs.setdefault("timeout", 30)
    return Target(**kwargs)


def test_push_replaces_the_graph_through_a_temporary_one(server, project, local_count):
    put(server, DEFAULT_GRAPH, JUNK)
    result = push(project, target(server))
    assert count(server) == local_count == result.triples > 3000
    assert JUNK.strip() not in fetch(server, DEFAULT_GRAPH)
    assert uploads(server) == []
    assert result.method == "Graph Store PUT into a temporary graph, then MOVE"
    assert (result.before, result.after, result.removed, result.notes) == (1, local_count, (), ())
    assert result.lines()[-1] == (
        f"replaced <{DEFAULT_GRAPH}>: it held 1 triple, it now holds {local_count:,} triples"
    )


def test_push_is_idempotent(server, project, local_count):
    push(project, target(server))
    first = fetch(server, DEFAULT_GRAPH)
    push(project, target(server))
    assert fetch(server, DEFAULT_GRAPH) == first
    assert len(first) == local_count == count(server)


def test_push_with_the_graph_store_protocol_alone(server, project, local_count):
    graph = "http://example.org/graph/gsp-only"
    put(server, graph, JUNK)
    result = push(project, target(server, update_endpoint=None, graph=graph))
    assert count(server, graph) == local_count
    assert result.method.startswith("Graph Store PUT (in place")
    assert (result.before, result.after) == (1, local_count)  # counted through /query


def test_push_with_sparql_update_alone_in_chunks(server, project, local_count, monkeypatch):
    graph = "http://example.org/graph/update-only"
    put(server, graph, JUNK)
    sent = []
    real_update = push_module.update
    monkeypatch.setattr(push_module, "CHUNK_BYTES", 50_000)
    monkeypatch.setattr(
        push_module, "update", lambda t, text: (sent.append(len(text)), real_update(t, text))
    )
    result = push(project, target(server, endpoint=None, graph=graph))
    assert count(server, graph) == local_count
    assert len(sent) > 5 and max(sent) < 60_000  # streamed in bounded requests
    assert result.method.startswith("SPARQL Update INSERT DATA")
    assert uploads(server) == []
    assert (result.before, result.after) == (1, local_count)


def test_cli_push(server, project, local_count, capsys):
    graph = "http://example.org/graph/cli"
    code = main(push_args(project.root, f"{server}/store", f"{server}/update", graph))
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    pushed, replaced = out.splitlines()
    assert pushed.startswith(f"pushed {local_count:,} triples (")
    assert f" to {server}/store in " in pushed
    assert pushed.endswith("/s (Graph Store PUT into a temporary graph, then MOVE)")
    assert replaced == f"replaced <{graph}>: it was empty, it now holds {local_count:,} triples"
    assert count(server, graph) == local_count


# --- failures -----------------------------------------------------------------------------------


class _Loopback:
    """A threaded HTTP server on a free loopback port, serving for the length of a ``with``."""

    def _listen(self, server: ThreadingHTTPServer) -> None:
        self.server = server
        self.base = f"http://127.0.0.1:{server.server_address[1]}"
        self.thread = threading.Thread(target=server.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()


class Proxy(_Loopback):
    """A loopback HTTP proxy to Oxigraph that can demand Basic auth or break uploads."""

    def __init__(
        self,
        upstream: str,
        *,
        auth: str | None = None,
        cut_put_after: int | None = None,
        fail_update: int | None = None,
        challenge: str = 'Basic realm="kg"',
    ):
        self.upstream = upstream.removeprefix("http://")
        self.auth, self.cut_put_after, self.fail_update = auth, cut_put_after, fail_update
        self.challenge = challenge
        self.updates = 0
        self.requests: list[str] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _forward(self):
                proxy.requests.append(self.command)
                length = int(self.headers.get("Content-Length", 0))
                if proxy.auth and self.headers.get("Authorization") != proxy.auth:
                    self.rfile.read(length)
                    self.close_connection = True
                    self.send_response(401)
                    self.send_header("WWW-Authenticate", proxy.challenge)
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
                if self.command == "PUT" and proxy.cut_put_after is not None:
                    self.rfile.read(min(length, proxy.cut_put_after))
                    self.connection.shutdown(socket.SHUT_RDWR)
                    self.close_connection = True
                    return
                body = self.rfile.read(length)
                if self.path.startswith("/update") and b"INSERT DATA" in body:
                    proxy.updates += 1
                    if proxy.updates == proxy.fail_update:
                        self.send_response(500)
                        self.send_header("Content-Length", "5")
                        self.end_headers()
                        self.wfile.write(b"boom\n")
                        return
                upstream = http.client.HTTPConnection(proxy.upstream, timeout=30)
                headers = {k: v for k, v in self.headers.items() if k.lower() != "authorization"}
                upstream.request(self.command, self.path, body, headers)
                answer = upstream.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = _forward

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                proxy.errors.append(sys.exc_info()[1])

        self.errors: list[BaseException] = []
        self._listen(Server(("127.0.0.1", 0), Handler))


BASIC = "Basic YWRtaW46czNjcmV0"  # admin:s3cret


def test_refused_credentials(server, project, local_count, capsys, monkeypatch):
    graph = "http://example.org/graph/auth"
    with Proxy(server, auth=BASIC) as proxy:
        args = push_args(project.root, f"{proxy.base}/store", f"{proxy.base}/update", graph)
        assert main(args) == 1
        assert capsys.readouterr().err == (
            f"Error: {proxy.base}/store asks for credentials (HTTP 401 Unauthorized): pass "
            f"--user and --password-env; {graph} is unchanged\n"
        )
        monkeypatch.setenv("KG_PASSWORD", "wrong")
        assert main([*args, "--user", "admin", "--password-env", "KG_PASSWORD"]) == 1
        err = capsys.readouterr().err
        assert err.startswith(
            f"Error: {proxy.base}/store refused the credentials of 'admin' (HTTP 401 Unauthorized)"
        )
        monkeypatch.setenv("KG_PASSWORD", "s3cret")
        assert main([*args, "--user", "admin", "--password-env", "KG_PASSWORD"]) == 0
        capsys.readouterr()
    assert count(server, graph) == local_count


DIGEST = 'Digest realm="kg", nonce="7ypf", qop="auth", algorithm=MD5'


def test_digest_store_without_credentials(project, capsys):
    with Proxy("http://127.0.0.1:9", auth=BASIC, challenge=DIGEST) as proxy:
        code = main(["--root", str(project.root), "push", "--endpoint", f"{proxy.base}/store"])
    assert code == 1
    assert capsys.readouterr().err == (
        f"Error: {proxy.base}/store asks for credentials (HTTP 401 Unauthorized): "
        f"pass --user and --password-env; {DEFAULT_GRAPH} is unchanged\n"
    )


def test_digest_challenge_that_cannot_be_answered(project, capsys, monkeypatch):
    challenge = 'Digest realm="kg", nonce="7ypf", qop="auth-int", algorithm=SHA-512-256'
    monkeypatch.setenv("KG_PASSWORD", "s3cret")
    with Proxy("http://127.0.0.1:9", auth=BASIC, challenge=challenge) as proxy:
        code = main(
            [
                *("--root", str(project.root), "push", "--endpoint", f"{proxy.base}/store"),
                *("--user", "admin", "--password-env", "KG_PASSWORD"),
            ]
        )
    assert code == 1
    assert capsys.readouterr().err == (
        f"Error: {proxy.base}/store asks for HTTP Digest authentication that vnrukg cannot "
        f"answer (algorithm SHA-512-256, qop auth-int); {DEFAULT_GRAPH} is unchanged\n"
    )


def test_digest_answer_refused_before_any_upload(server, project, capsys, monkeypatch):
    graph = "http://example.org/graph/digest"
    put(server, graph, JUNK)
    monkeypatch.setenv("KG_PASSWORD", "s3cret")
    with Proxy(server, auth=BASIC, challenge=DIGEST) as proxy:
        code = main(
            [
                *("--root", str(project.root), "push", "--graph", graph),
                *("--endpoint", f"{proxy.base}/store", "--update-endpoint", f"{proxy.base}/update"),
                *("--user", "admin", "--password-env", "KG_PASSWORD"),
            ]
        )
        assert proxy.requests == ["HEAD", "HEAD"]  # asked, answered, refused: nothing sent
    assert code == 1
    assert capsys.readouterr().err == (
        f"Error: {proxy.base}/store refused the credentials of 'admin' (HTTP 401 Unauthorized); "
        f"{graph} is unchanged\n"
    )
    assert fetch(server, graph) == [JUNK.strip()]


def test_upload_cut_midway_leaves_the_graph_as_it_was(server, project):
    graph = "http://example.org/graph/cut"
    put(server, graph, JUNK)
    with Proxy(server, cut_put_after=100_000) as proxy, pytest.raises(PushError) as caught:
        push(project, target(proxy.base, graph=graph))
    message = str(caught.value)
    assert message.startswith("127.0.0.1:")
    assert "closed the connection during the PUT" in message
    assert message.endswith(f"; {graph} is unchanged")
    assert fetch(server, graph) == [JUNK.strip()]
    assert uploads(server) == []


def test_update_failing_midway_leaves_the_graph_as_it_was(server, project, monkeypatch):
    graph = "http://example.org/graph/half"
    put(server, graph, JUNK)
    monkeypatch.setattr(push_module, "CHUNK_BYTES", 50_000)
    with Proxy(server, fail_update=3) as proxy:
        with pytest.raises(PushError) as caught:
            push(project, target(proxy.base, endpoint=None, graph=graph))
        assert proxy.updates == 3
    assert str(caught.value) == (
        f"POST {proxy.base}/update failed with HTTP 500 Internal Server Error: boom; "
        f"{graph} is unchanged"
    )
    assert fetch(server, graph) == [JUNK.strip()]
    assert uploads(server) == []


def test_unreachable_host(project, capsys):
    port = free_port()
    code = main(
        ["--root", str(project.root), "push", "--endpoint", f"http://127.0.0.1:{port}/store"]
    )
    assert code == 1
    assert capsys.readouterr().err == (
        f"Error: cannot reach 127.0.0.1:{port}: connection refused; {DEFAULT_GRAPH} is unchanged\n"
    )


def test_timeout(project, capsys):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(8)  # accepts connections (in the backlog) and never answers
    port = silent.getsockname()[1]
    try:
        code = main(
            [
                "--root",
                str(project.root),
                "push",
                "--endpoint",
                f"http://127.0.0.1:{port}/store",
                "--timeout",
                "0.5",
            ]
        )
    finally:
        silent.close()
    assert code == 1
    assert capsys.readouterr().err == (
        f"Error: no answer from 127.0.0.1:{port} within 0.5 s; {DEFAULT_GRAPH} is unchanged\n"
    )


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "Error: give --endpoint (Graph Store Protocol) or --update-endpoint\n"),
        (["--endpoint", "ftp://h/store"], "Error: not an http(s) URL: ftp://h/store\n"),
        (
            ["--endpoint", "http://h/s", "--graph", "not an iri"],
            "Error: --graph must be an absolute IRI, got 'not an iri'\n",
        ),
        (
            ["--endpoint", "http://h/s", "--user", "u"],
            "Error: give both --user and --password-env, or neither\n",
        ),
        (
            ["--endpoint", "http://h/s", "--user", "u", "--password-env", "VNRUKG_NO_SUCH_VAR"],
            "Error: --password-env VNRUKG_NO_SUCH_VAR: that environment variable is not set\n",
        ),
    ],
)
def test_usage_errors(project, capsys, args, message):
    assert main(["--root", str(project.root), "push", *args]) == 2
    assert capsys.readouterr().err == message


# --- what happened to the graph: an interrupted MOVE, a store that dies --------------------------


class Relay(_Loopback):
    """A loopback relay to a store that passes everything on (credentials and challenges
    included) except the update requests ``action`` picks out: given an update's text, it
    says ``"forward"``, ``"forward-then-cut"`` (the store does it, the answer is lost),
    ``"cut"`` (the store never sees it), ``"fail"`` (answered with HTTP 500) or ``"down"``
    (cut, and every request after it too, as if the store had died)."""

    def __init__(self, upstream: str, action):
        self.upstream = upstream.removeprefix("http://")
        self.action = action
        self.down = False
        self.seen: list[str] = []
        relay = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _cut(self):
                self.connection.shutdown(socket.SHUT_RDWR)
                self.close_connection = True

            def _relay(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                action = "forward"
                text = body.decode("utf-8", "replace")
                if "application/sparql-update" in self.headers.get("Content-Type", ""):
                    relay.seen.append(text.split(" ", 1)[0])
                    action = relay.action(text)
                if relay.down or action in ("cut", "down"):
                    relay.down = relay.down or action == "down"
                    return self._cut()
                if action == "fail":
                    self.send_response(500)
                    self.send_header("Content-Length", "8")
                    self.end_headers()
                    self.wfile.write(b"refused\n")
                    return None
                upstream = http.client.HTTPConnection(relay.upstream, timeout=60)
                headers = {
                    k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")
                }
                try:  # one connection per request: a store's threads are not held open
                    upstream.request(
                        self.command, self.path, body, {**headers, "Connection": "close"}
                    )
                    answer = upstream.getresponse()
                    data = answer.read()
                finally:
                    upstream.close()
                if action == "forward-then-cut":
                    return self._cut()
                self.send_response(answer.status)
                for name, value in answer.getheaders():
                    if name.lower() not in ("transfer-encoding", "connection", "content-length"):
                        self.send_header(name, value)
                length = answer.getheader("Content-Length") or "0"
                self.send_header(
                    "Content-Length", length if self.command == "HEAD" else str(len(data))
                )
                self.end_headers()
                if self.command != "HEAD":
                    self.wfile.write(data)

            do_GET = do_HEAD = do_POST = do_PUT = do_DELETE = _relay

        self._listen(ThreadingHTTPServer(("127.0.0.1", 0), Handler))


def on_move(what: str):
    """A :class:`Relay` action: ``what`` for the MOVE, everything else forwarded."""
    return lambda text: what if text.startswith("MOVE") else "forward"


def test_a_move_whose_answer_is_lost_but_was_done(server, project, local_count, capsys):
    """The 4 in 16: the store moved the graph, the answer never came; the push says replaced."""
    graph = "http://example.org/graph/move-answer-lost"
    put(server, graph, JUNK)
    with Relay(server, on_move("forward-then-cut")) as relay:
        code = main(push_args(project.root, f"{relay.base}/store", f"{relay.base}/update", graph))
    out, err = capsys.readouterr()
    assert code == 0
    assert err == (
        f"note: the store's answer to the MOVE was lost (127.0.0.1:{relay.base.rsplit(':', 1)[1]} "
        "closed the connection during the POST), but the temporary graph is gone: the MOVE was "
        "done\n"
    )
    assert out.splitlines()[-1] == (
        f"replaced <{graph}>: it held 1 triple, it now holds {local_count:,} triples"
    )
    assert count(server, graph) == local_count
    assert uploads(server) == []


def test_a_move_that_never_reached_the_store(server, project, local_count, capsys):
    graph = "http://example.org/graph/move-cut"
    put(server, graph, JUNK)
    with Relay(server, on_move("cut")) as relay:
        code = main(push_args(project.root, f"{relay.base}/store", f"{relay.base}/update", graph))
    err = capsys.readouterr().err
    assert code == 1
    (left,) = uploads(server)
    assert left.startswith(f"{graph}/vnrukg-upload/")
    assert err == (
        f"Error: 127.0.0.1:{relay.base.rsplit(':', 1)[1]} closed the connection during the POST; "
        f"the temporary graph <{left}> is still there, so {graph} has not been replaced (unless "
        "the store is still moving it): push again (the next push replaces the graph and "
        "removes the temporary one)\n"
    )
    assert fetch(server, graph) == [JUNK.strip()]
    assert main(push_args(project.root, f"{server}/store", f"{server}/update", graph)) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"removed 1 temporary graph left by an earlier push: <{left}>"
    assert uploads(server) == []
    assert count(server, graph) == local_count


def test_a_move_whose_outcome_cannot_be_known(server, project, local_count):
    graph = "http://example.org/graph/move-unknown"
    put(server, graph, JUNK)
    with Relay(server, on_move("down")) as relay, pytest.raises(PushError) as caught:
        push(project, target(relay.base, graph=graph))
    (left,) = uploads(server)
    assert str(caught.value).endswith(
        f"; the MOVE's outcome is unknown: {graph} holds either its old triples or the "
        f"{local_count:,} new ones, never a mix (a MOVE is one transaction), and the temporary "
        f"graph <{left}> may remain: push again (the next push replaces the graph and removes "
        "what is left)"
    )
    result = push(project, target(server, graph=graph))
    assert (result.removed, result.before, result.after) == ((left,), 1, local_count)
    assert uploads(server) == []


def test_a_move_the_store_refuses_leaves_the_graph(server, project):
    graph = "http://example.org/graph/move-refused"
    put(server, graph, JUNK)
    with Relay(server, on_move("fail")) as relay, pytest.raises(PushError) as caught:
        push(project, target(relay.base, graph=graph))
    assert str(caught.value) == (
        f"POST {relay.base}/update failed with HTTP 500 Internal Server Error: refused; "
        f"{graph} is unchanged"
    )
    assert relay.seen[-2:] == ["MOVE", "DROP"]  # the temporary graph is dropped at once
    assert fetch(server, graph) == [JUNK.strip()]
    assert uploads(server) == []


@pytest.fixture
def mortal(tmp_path):
    """An Oxigraph server that a test may kill and start again (same folder, same port)."""
    port, folder = free_port(), tmp_path / "store"
    started: list[subprocess.Popen] = []

    def start() -> str:
        process = subprocess.Popen(
            [oxigraph_binary(), "serve", "--location", str(folder), "--bind", f"127.0.0.1:{port}"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        started.append(process)
        deadline = time.monotonic() + 30
        while True:
            try:
                connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                connection.request("GET", "/query?query=ASK%7B%7D")
                if connection.getresponse().status == 200:
                    return f"http://127.0.0.1:{port}"
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    pytest.fail("the Oxigraph server did not start")
                time.sleep(0.1)

    def kill() -> None:
        started[-1].kill()
        started[-1].wait(timeout=10)

    yield start, kill
    for process in started:
        if process.poll() is None:
            process.kill()
            process.wait(timeout=10)


@pytest.mark.parametrize("mode", ["sparql-update-alone", "graph-store-then-move"])
def test_a_store_killed_mid_push_leaves_nothing_after_the_next_push(
    mortal, project, local_count, capsys, monkeypatch, mode
):
    """Killed while the chunks go in (or just before the MOVE), restarted, pushed again: the
    temporary graph left behind is removed, and the output says so."""
    start, kill = mortal
    base = start()
    graph = "http://example.org/graph/killed"
    put(base, graph, JUNK)
    real_update, sent = push_module.update, []

    def update(target_, text):
        sent.append(text.split(" ", 1)[0])
        if sent.count("INSERT") == 3 or text.startswith("MOVE"):
            kill()
        return real_update(target_, text)

    monkeypatch.setattr(push_module, "CHUNK_BYTES", 50_000)
    monkeypatch.setattr(push_module, "update", update)
    store = None if mode == "sparql-update-alone" else f"{base}/store"
    args = [*("--root", str(project.root), "push", "--graph", graph)]
    args += [*(["--endpoint", store] if store else []), "--update-endpoint", f"{base}/update"]
    assert main(args) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"Error: cannot reach {base.removeprefix('http://')}: connection refused")
    assert err.endswith("remains: the next push removes it\n")
    left = err.split("the temporary graph <", 1)[1].split(">", 1)[0]
    assert left.startswith(f"{graph}/vnrukg-upload/")
    monkeypatch.setattr(push_module, "update", real_update)
    start()
    assert uploads(base) == [left]
    assert fetch(base, graph) == [JUNK.strip()]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == f"removed 1 temporary graph left by an earlier push: <{left}>"
    assert out.splitlines()[-1] == (
        f"replaced <{graph}>: it held 1 triple, it now holds {local_count:,} triples"
    )
    assert uploads(base) == []
    assert count(base, graph) == local_count


def test_a_leftover_of_a_push_still_running_here_is_left_alone(server, project, monkeypatch):
    graph = "http://example.org/graph/concurrent"
    running = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        theirs = f"{graph}/vnrukg-upload/{stamp}-{running.pid}-0123abcd"
        dead = f"{graph}/vnrukg-upload/20200101T000000Z-{running.pid}-0123abcd"
        put(server, theirs, JUNK)
        put(server, dead, JUNK)  # the same process id, but years ago: not the same push
        result = push(project, target(server, graph=graph))
        assert result.removed == (dead,)
        assert uploads(server) == [theirs]
    finally:
        running.kill()
        running.wait()
    assert push(project, target(server, graph=graph)).removed == (theirs,)


def test_push_shows_the_upload_on_a_terminal_only(server, project, local_count):
    """Bytes sent and the rate on a terminal's stderr; stdout the same bytes either way (but
    for the time taken); nothing on a pipe."""
    graph = "http://example.org/graph/progress"
    args = [VNRUKG, *push_args(project.root, f"{server}/store", f"{server}/update", graph)]
    put(server, graph, JUNK)
    terminal = run(args, terminal=True)
    put(server, graph, JUNK)
    piped = run(args, terminal=False)
    assert terminal.code == piped.code == 0
    assert terminal.drawn and b"push" in terminal.err, terminal.err
    assert not piped.drawn and piped.err == b""

    def timeless(out: bytes) -> list[str]:
        return [
            re.sub(r" in [0-9.]+ s, [0-9.,]+ [kM]?B/s", "", line)
            for line in out.decode().splitlines()
        ]

    assert timeless(terminal.out) == timeless(piped.out)
    assert timeless(piped.out)[-1].endswith(f"it now holds {local_count:,} triples")
