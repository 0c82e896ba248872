"""`vnrukg push` against a real OpenLink Virtuoso (Debian's virtuoso-opensource) on loopback.

Virtuoso's authenticated endpoints, ``/sparql-graph-crud-auth`` (Graph Store Protocol) and
``/sparql-auth`` (SPARQL Update), answer only HTTP Digest authentication; the server starts
with its default ``dba``/``dba`` account. One throwaway server (its own database folder,
configuration and free ports) serves the whole module; it starts in about two seconds.
"""

from __future__ import annotations

import http.client
import json
import shutil
import subprocess
import time
from urllib.parse import quote

import pytest

from vnrukg.cli import main
from vnrukg.project import Project
from vnrukg.push import PushError, Target, push
from vnrukg.sparql import open_store

from .engine_support import make_project
from .test_push import free_port, push_args

pytestmark = pytest.mark.server

XSD = "http://www.w3.org/2001/XMLSchema#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

#: The smallest configuration that runs: everything inside one folder, loopback ports only.
INI = """\
[Database]
DatabaseFile       = {folder}/virtuoso.db
ErrorLogFile       = {folder}/virtuoso.log
LockFile           = {folder}/virtuoso.lck
TransactionFile    = {folder}/virtuoso.trx
xa_persistent_file = {folder}/virtuoso.pxa
Striping           = 0
TempStorage        = TempDatabase

[TempDatabase]
DatabaseFile       = {folder}/virtuoso-temp.db
TransactionFile    = {folder}/virtuoso-temp.trx
Striping           = 0

[Parameters]
ServerPort         = 127.0.0.1:{sql_port}
DisableUnixSocket  = 1
CaseMode           = 2
DirsAllowed        = {folder}
NumberOfBuffers    = 10000
MaxDirtyBuffers    = 6000

[HTTPServer]
ServerPort         = 127.0.0.1:{http_port}
ServerRoot         = {folder}
ServerThreads      = 10
Charset            = UTF-8
"""


def virtuoso_binary() -> str:
    found = shutil.which("virtuoso-t")
    if found is None:
        pytest.fail(
            "the Virtuoso server binary virtuoso-t is missing: "
            "apt-get install virtuoso-opensource (.ci/run does)"
        )
    return found


@pytest.fixture(scope="module")
def virtuoso_server(tmp_path_factory):
    """A real Virtuoso on free loopback ports: its base URL and SQL port. Stopped at the end."""
    folder = tmp_path_factory.mktemp("virtuoso")
    http_port, sql_port = free_port(), free_port()
    ini = folder / "virtuoso.ini"
    ini.write_text(INI.format(folder=folder, sql_port=sql_port, http_port=http_port))
    started = time.monotonic()
    process = subprocess.Popen(
        [virtuoso_binary(), "+foreground", "+configfile", str(ini)],
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{http_port}"
    while not _answers(http_port):
        if time.monotonic() > started + 60 or process.poll() is not None:
            process.kill()
            log = (folder / "virtuoso.log").read_text(errors="replace")[-2000:]
            pytest.fail(f"the Virtuoso server did not start:\n{log}")
        time.sleep(0.1)
    yield base, sql_port
    process.terminate()
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait()
    shutil.rmtree(folder, ignore_errors=True)  # about 100 MB of database files


@pytest.fixture(scope="module")
def virtuoso(virtuoso_server) -> str:
    return virtuoso_server[0]


@pytest.fixture(scope="module")
def users(virtuoso_server) -> None:
    """Two more accounts: ``writer`` may update (role SPARQL_UPDATE), ``reader`` may not."""
    statements = (
        "DB.DBA.USER_CREATE('writer', 'wr1te'); GRANT SPARQL_UPDATE TO \"writer\"; "
        "DB.DBA.USER_CREATE('reader', 'r3ad');"
    )
    isql = shutil.which("isql-vt") or "isql-vt"
    done = subprocess.run(
        [isql, str(virtuoso_server[1]), "dba", "dba", f"exec={statements}"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0 and "Error" not in done.stdout + done.stderr, done.stdout


def _answers(port: int) -> bool:
    try:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
        connection.request("GET", "/sparql?query=ASK%7B%7D")
        return connection.getresponse().status == 200
    except OSError:
        return False


def select(base: str, query: str) -> list[dict]:
    """The rows of a SELECT through Virtuoso's public (read-only) /sparql endpoint."""
    connection = http.client.HTTPConnection(base.removeprefix("http://"), timeout=30)
    connection.request(
        "GET",
        f"/sparql?query={quote(query, safe='')}",
        headers={"Accept": "application/sparql-results+json"},
    )
    response = connection.getresponse()
    assert response.status == 200, response.read()
    return json.loads(response.read())["results"]["bindings"]


def count(base: str, graph: str) -> int:
    rows = select(base, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}")
    return int(rows[0]["n"]["value"])


def uploads(base: str) -> list[str]:
    rows = select(base, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    return [row["g"]["value"] for row in rows if row["g"]["value"].startswith("urn:vnrukg:")]


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return Project(make_project(tmp_path_factory.mktemp("push-virtuoso")))


@pytest.fixture(scope="module")
def local_count(project) -> int:
    return len(open_store(project))


def target(base: str, graph: str, password: str = "dba", user: str = "dba", **kwargs) -> Target:
    kwargs.setdefault("endpoint", f"{base}/sparql-graph-crud-auth")
    kwargs.setdefault("update_endpoint", f"{base}/sparql-auth")
    return Target(graph=graph, user=user, password=password, timeout=30, **kwargs)


PROTOCOLS = {
    "graph-store-then-move": {},
    "graph-store-alone": {"update_endpoint": None},
    "sparql-update-alone": {"endpoint": None},
}


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_push_with_digest_authentication(virtuoso, project, local_count, protocol):
    graph = f"http://example.org/graph/{protocol}"
    first = push(project, target(virtuoso, graph, **PROTOCOLS[protocol]))
    assert count(virtuoso, graph) == local_count == first.triples > 3000
    push(project, target(virtuoso, graph, **PROTOCOLS[protocol]))
    assert count(virtuoso, graph) == local_count  # replaced, not appended to
    assert uploads(virtuoso) == []


LITERALS = {
    "Vietnamese": 'FILTER (lang(?o) = "vi")',
    "English": 'FILTER (lang(?o) = "en")',
    "xsd:string": f"FILTER (datatype(?o) = <{XSD}string>)",
    "xsd:date": f"FILTER (datatype(?o) = <{XSD}date>)",
    "xsd:decimal": f"FILTER (datatype(?o) = <{XSD}decimal>)",
    "xsd:gYear": f"FILTER (datatype(?o) = <{XSD}gYear>)",
    "xsd:boolean": f"FILTER (datatype(?o) = <{XSD}boolean>)",
    "line breaks": 'FILTER (isLiteral(?o) && contains(str(?o), "\\n"))',
}


@pytest.fixture(scope="module")
def literals_graph(virtuoso, project) -> str:
    graph = "http://example.org/graph/literals"
    push(project, target(virtuoso, graph))
    return graph


@pytest.mark.parametrize("kind", LITERALS)
def test_literals_come_back_as_they_were_sent(virtuoso, project, literals_graph, kind):
    query = "SELECT ?s ?p ?o WHERE {{ {} ?s ?p ?o {} }}"
    local = {
        (row["s"].value, row["p"].value, row["o"].value, row["o"].language, row["o"].datatype.value)
        for row in open_store(project).query(query.format("", LITERALS[kind]))
    }
    remote = {
        (row["s"]["value"], row["p"]["value"], *_literal(row["o"]))
        for row in select(
            virtuoso, query.format(f"GRAPH <{literals_graph}> {{", f"}} {LITERALS[kind]}")
        )
    }
    assert remote == local
    assert len(local) >= 2


def _literal(term: dict) -> tuple[str, str | None, str]:
    """The lexical form, language and datatype of a literal in SPARQL JSON results.

    Virtuoso keeps booleans as numbers and answers "1" for "true" (the same value in another
    lexical form); that one difference is undone here.
    """
    language = term.get("xml:lang")
    datatype = f"{RDF}langString" if language else term.get("datatype", f"{XSD}string")
    value = term["value"]
    if datatype == f"{XSD}boolean":
        value = {"1": "true", "0": "false"}.get(value, value)
    return value, language, datatype


def test_refused_password_leaves_the_graph_intact(virtuoso, project, local_count):
    graph = "http://example.org/graph/refused"
    push(project, target(virtuoso, graph))
    refused_at = {  # the first request with credentials; a graph-store-alone PUT is in place
        "graph-store-then-move": ("sparql-graph-crud-auth", f"; {graph} is unchanged"),
        "graph-store-alone": ("sparql-graph-crud-auth", ""),
        "sparql-update-alone": ("sparql-auth", f"; {graph} is unchanged"),
    }
    for protocol, (path, unchanged) in refused_at.items():
        with pytest.raises(PushError) as caught:
            push(project, target(virtuoso, graph, password="wrong", **PROTOCOLS[protocol]))
        assert str(caught.value) == (
            f"{virtuoso}/{path} refused the credentials of 'dba' (HTTP 401 Unauthorized)"
            + unchanged
        )
    assert count(virtuoso, graph) == local_count


def test_a_user_with_the_sparql_update_role_may_push(virtuoso, project, local_count, users):
    graph = "http://example.org/graph/writer"
    for protocol in PROTOCOLS.values():
        push(project, target(virtuoso, graph, user="writer", password="wr1te", **protocol))
        assert count(virtuoso, graph) == local_count


def test_a_user_without_it_is_turned_away(virtuoso, project, local_count, users):
    graph = "http://example.org/graph/reader"
    push(project, target(virtuoso, graph))
    with pytest.raises(PushError) as caught:
        push(project, target(virtuoso, graph, user="reader", password="r3ad"))
    assert str(caught.value) == (
        f"{virtuoso}/sparql-graph-crud-auth does not let 'reader' PUT there "
        f"(HTTP 403 Forbidden); {graph} is unchanged"
    )
    with pytest.raises(PushError) as caught:
        push(project, target(virtuoso, graph, user="reader", password="r3ad", endpoint=None))
    assert str(caught.value).startswith(
        f"POST {virtuoso}/sparql-auth failed with HTTP 500 SPARQL Request Failed: "
        "Virtuoso 42000 Error SR186:SECURITY: No permission to execute procedure "
        "DB.DBA.SPARUL_DROP"
    )
    assert str(caught.value).endswith(f"; {graph} is unchanged")
    assert count(virtuoso, graph) == local_count
    assert uploads(virtuoso) == []


def test_cli_push_with_a_password_from_the_environment(
    virtuoso, project, local_count, capsys, monkeypatch
):
    graph = "http://example.org/graph/cli"
    store, update = f"{virtuoso}/sparql-graph-crud-auth", f"{virtuoso}/sparql-auth"
    args = push_args(project.root, store, update, graph)
    assert main(args) == 1
    assert capsys.readouterr().err == (
        f"Error: {virtuoso}/sparql-graph-crud-auth asks for credentials (HTTP 401 Unauthorized): "
        f"pass --user and --password-env; {graph} is unchanged\n"
    )
    monkeypatch.setenv("VIRTUOSO_PASSWORD", "dba")
    assert main([*args, "--user", "dba", "--password-env", "VIRTUOSO_PASSWORD"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    assert out.startswith(f"pushed {local_count:,} triples (")
    assert out.endswith("(Graph Store PUT into a temporary graph, then MOVE)\n")
    assert count(virtuoso, graph) == local_count
