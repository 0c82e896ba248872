"""The built store: persisted once, rebuilt when any input changes, never stale; the guard."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from vnrukg.errors import TurtleSyntaxError, VnrukgError
from vnrukg.project import Project
from vnrukg.sparql import open_engine, open_store, store_dir, write_store
from vnrukg.sparql.built import (
    built_triples,
    cache_root,
    fingerprint,
)
from vnrukg.store import load

from ..engine_support import make_project

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


def count(project: Project) -> int:
    return int(open_engine(project, "oxigraph").query(COUNT).rows[0][0].value)


@pytest.fixture
def project(tmp_path):
    return Project(make_project(tmp_path))


def test_store_is_built_once_and_matches_the_loaded_graph(project):
    assert not store_dir(project).exists()
    assert count(project) == len(load(project).graph)
    path = store_dir(project)
    assert path.is_dir() and path.parent == project.root / ".vnrukg"
    assert built_triples(path) == count(project)
    assert (project.root / ".vnrukg" / ".gitignore").read_text().endswith("*\n")
    built = path.stat().st_mtime_ns
    count(project)
    assert path.stat().st_mtime_ns == built  # opened, not rebuilt


def test_changed_file_rebuilds_the_store(project):
    before = count(project)
    old = store_dir(project)
    graph = project.root / "graph" / "example.ttl"
    with graph.open("a", encoding="utf-8") as handle:
        handle.write('\nvnrd:vietnam skos:altLabel "VN"@en .\n')
    assert store_dir(project) != old
    assert count(project) == before + 1
    assert not old.exists()  # the stale store is removed once the new one is in place
    rows = (
        open_engine(project, "oxigraph").query('SELECT ?s WHERE { ?s skos:altLabel "VN"@en }').rows
    )
    assert [r[0].value for r in rows] == ["https://w3id.org/vnrukg/id/vietnam"]


def test_same_size_edit_is_seen(project):
    """An edit that keeps the size is seen through the modification and change times."""
    count(project)
    old = fingerprint(project)
    graph = project.root / "graph" / "example.ttl"
    text = graph.read_text(encoding="utf-8")
    graph.write_text(text.replace('"Soviet Union"@en', '"Soviet Uniom"@en'), encoding="utf-8")
    assert fingerprint(project) != old
    rows = (
        open_engine(project, "oxigraph")
        .query('SELECT ?s WHERE { ?s skos:prefLabel "Soviet Uniom"@en }')
        .rows
    )
    assert len(rows) == 1


def test_new_and_removed_files_rebuild(project):
    base = count(project)
    extra = project.root / "graph" / "more" / "extra.ttl"
    extra.parent.mkdir()
    extra.write_text(
        "@prefix vnrd: <https://w3id.org/vnrukg/id/> .\n"
        "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
        'vnrd:hanoi skos:prefLabel "Hà Nội"@vi .\n',
        encoding="utf-8",
    )
    assert count(project) > base
    extra.unlink()
    assert count(project) == base


def test_ontology_change_rebuilds(project):
    before = fingerprint(project)
    vocab = project.root / "ontology" / "vocabularies.ttl"
    vocab.write_text(vocab.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert fingerprint(project) != before


def test_broken_turtle_is_reported_not_served(project):
    count(project)
    graph = project.root / "graph" / "example.ttl"
    graph.write_text(graph.read_text(encoding="utf-8") + "\nvnrd:x vnrd:y .\n", encoding="utf-8")
    with pytest.raises(TurtleSyntaxError) as caught:
        count(project)
    assert str(caught.value).startswith("graph/example.ttl:")


def test_cache_folder_can_be_moved(project, tmp_path, monkeypatch):
    monkeypatch.setenv("VNRUKG_CACHE", str(tmp_path / "cache"))
    assert cache_root(project).parent == tmp_path / "cache"
    count(project)
    assert store_dir(project).is_dir()
    assert not (project.root / ".vnrukg").exists()


def test_two_readers_at_once(project):
    first = open_store(project)
    second = open_store(project)
    assert len(first) == len(second) > 0


def test_write_store_is_atomic_and_replaceable(project):
    kg = load(project)
    built = write_store(kg)
    again = write_store(kg)
    assert built.path == again.path and again.triples == len(kg.graph)
    leftovers = [p.name for p in built.path.parent.iterdir() if ".tmp-" in p.name]
    assert leftovers == []


def test_cold_query_imports_no_rdflib(project):
    """With the store built, `vnrukg query NAME` runs without importing rdflib at all."""
    count(project)
    from vnrukg.sparql import check_named_queries

    check_named_queries(project)
    code = (
        "import sys\n"
        "from vnrukg.cli import main\n"
        f"code = main(['--root', {str(project.root)!r}, 'query', 'trade-by-year', "
        "'--format', 'csv'])\n"
        "print(code, sorted(m for m in sys.modules if m.split('.')[0] in "
        "('rdflib', 'pyshacl', 'networkx', 'pyparsing')))\n"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert time.perf_counter() - started < 5
    assert done.stdout.splitlines() == [
        "year,reporter,partner,value,unit,growth",
        "2018,https://w3id.org/vnrukg/id/vietnam,https://w3id.org/vnrukg/id/russia,"
        "4500000000,https://w3id.org/vnrukg/vocab/usd,28.5",
        "0 []",
    ]


def test_oxigraph_never_sends_a_service_request(project):
    """Even a SERVICE that rdflib's parser misses never reaches Oxigraph: the guard is last."""
    import socket

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.settimeout(0.5)
    port = server.getsockname()[1]
    engine = open_engine(project, "oxigraph")
    engine.checks._verdicts.clear()
    text = f"SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/sparql> {{ ?s ?p ?o }} }}"
    # Pretend rdflib had approved the text: the guard alone must stop it.
    import hashlib

    engine.checks._verdicts[hashlib.sha256(text.encode()).hexdigest()] = {
        "form": "SELECT",
        "vars": [],
        "ordered": False,
    }
    with pytest.raises(VnrukgError, match="SERVICE is not allowed"):
        engine.query(text)
    with pytest.raises(TimeoutError):
        server.accept()
    server.close()
