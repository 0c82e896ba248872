"""Nothing leaves a query worker: no request, no file read, on the server or behind its checks.

A local listener stands in for "the network": every test checks it was reached zero times.
"""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import textwrap
import time

import httpx
import pytest

pytestmark = pytest.mark.server

SECRET = "s3cr3t-content-of-a-local-file"


@pytest.fixture
def secret_file(tmp_path):
    path = tmp_path / "secret.nt"
    path.write_text(f'<urn:secret> <urn:says> "{SECRET}" .\n', encoding="utf-8")
    return path


def queries(listener, secret_file) -> dict[str, str]:
    url = listener.url
    return {
        "service": f"SELECT * WHERE {{ SERVICE <{url}sparql> {{ ?s ?p ?o }} }}",
        "service-silent": f"SELECT * WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        "service-var": f"SELECT * WHERE {{ BIND(<{url}> AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        "load": f"LOAD <{url}data.ttl>",
        "load-into": f"LOAD SILENT <{url}data.ttl> INTO GRAPH <urn:g>",
        "from-url": f"SELECT * FROM <{url}data.ttl> WHERE {{ ?s ?p ?o }}",
        "from-named": f"SELECT * FROM NAMED <{url}d.ttl> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
        "from-file": f"SELECT * FROM <{secret_file.as_uri()}> WHERE {{ ?s ?p ?o }}",
        "from-file-ask": f'ASK FROM <{secret_file.as_uri()}> {{ ?s ?p "{SECRET}" }}',
    }


@pytest.mark.parametrize(
    "name",
    [
        "service",
        "service-silent",
        "service-var",
        "load",
        "load-into",
        "from-url",
        "from-named",
        "from-file",
        "from-file-ask",
    ],
)
def test_endpoint_refuses_and_reaches_nothing(server, listener, secret_file, name):
    text = queries(listener, secret_file)[name]
    response = httpx.post(
        server.url + "/sparql", content=text, headers={"Content-Type": "application/sparql-query"}
    )
    assert response.status_code == 403, response.text
    assert response.json()["error"] == "forbidden"
    assert SECRET not in response.text
    assert listener.connections == []


def test_refused_in_a_form_post_too(server, listener):
    text = f"SELECT * WHERE {{ SERVICE <{listener.url}> {{ ?s ?p ?o }} }}"
    response = httpx.post(server.url + "/sparql", data={"query": text})
    assert response.status_code == 403
    assert "SERVICE is not allowed" in response.json()["message"]
    assert listener.connections == []


# What a worker does once sealed, with the checks of vnrukg.sparql bypassed: rdflib and
# Oxigraph are called directly, rdflib is even told to load FROM graphs again.
BYPASS = textwrap.dedent(
    """
    import json, socket, sys, urllib.request
    import pyoxigraph, rdflib
    import rdflib.plugins.sparql as rdflib_sparql
    from vnrukg.server import sandbox

    url, secret_path = sys.argv[1], sys.argv[2]
    sandbox.isolate_network()
    graph = rdflib.Dataset(default_union=True)
    graph.add((rdflib.URIRef("urn:x"), rdflib.URIRef("urn:y"), rdflib.Literal(1)))
    list(graph.query("SELECT * WHERE { ?s ?p ?o }"))
    store = pyoxigraph.Store()
    sandbox.seal()
    rdflib_sparql.SPARQL_LOAD_GRAPHS = True
    secret_iri = "file://" + secret_path
    attempts = {
        "rdflib SERVICE": lambda: list(graph.query(
            "SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } }")),
        "rdflib LOAD": lambda: graph.update("LOAD <" + url + "x.ttl>"),
        "rdflib FROM url": lambda: list(graph.query(
            "SELECT * FROM <" + url + "x.ttl> WHERE { ?s ?p ?o }")),
        "rdflib FROM file": lambda: list(graph.query(
            "SELECT ?o FROM <" + secret_iri + "> WHERE { ?s ?p ?o }")),
        "rdflib parse file": lambda: rdflib.Graph().parse(secret_path, format="nt"),
        "oxigraph SERVICE": lambda: list(store.query(
            "SELECT * WHERE { SERVICE <" + url + "> { ?s ?p ?o } }")),
        "oxigraph LOAD": lambda: store.update("LOAD <" + url + "x.ttl>"),
        "urlopen": lambda: urllib.request.urlopen(url, timeout=2).read(),
        "socket": lambda: socket.create_connection(("127.0.0.1", int(url.split(":")[2][:-1])), 2),
        "raw socket": lambda: socket.socket(),
        "open": lambda: open(secret_path).read(),
    }
    outcome = {}
    for name, attempt in attempts.items():
        try:
            outcome[name] = "answered: " + repr(attempt())
        except BaseException as exc:
            outcome[name] = "refused: " + type(exc).__name__
    print(json.dumps(outcome))
    print(sandbox.describe(), file=sys.stderr)
    """
)


def test_sealed_worker_reaches_nothing_even_when_checks_are_bypassed(listener, secret_file):
    done = subprocess.run(
        [sys.executable, "-c", BYPASS, listener.url, str(secret_file)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert SECRET not in done.stdout
    assert {k: v for k, v in outcome.items() if not v.startswith("refused")} == {}
    assert listener.connections == []
    assert "seccomp: sockets other than AF_UNIX refused" in done.stderr


def test_os_layer_alone_stops_native_code(listener):
    """Without the Python layers, the seccomp filter alone stops Oxigraph's HTTP client."""
    code = textwrap.dedent(
        """
        import sys, pyoxigraph
        from vnrukg.server import sandbox
        sandbox._seccomp_no_sockets()
        try:
            list(pyoxigraph.Store().query("SELECT * WHERE { SERVICE <" + sys.argv[1] + "> {} }"))
            print("answered")
        except OSError as exc:
            print("refused", exc)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", code, listener.url], capture_output=True, text=True, timeout=60
    )
    assert done.stdout.startswith("refused"), done.stdout + done.stderr
    assert listener.connections == []


def test_listener_does_count(listener):
    """The listener used above does see a connection when one is made (so zero means zero)."""
    with socket.create_connection(("127.0.0.1", listener.port), 2) as sock:
        sock.sendall(b"GET / HTTP/1.0\r\n\r\n")
    deadline = time.monotonic() + 5
    while not listener.connections and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(listener.connections) == 1
