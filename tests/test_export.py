"""Exports are deterministic, strictly valid, and round-trip to the same graph."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from vnrukg import formats
from vnrukg.errors import UsageError, VnrukgError
from vnrukg.export import export, export_bytes, write_rdfxml

FORMATS = formats.names(formats.GRAPH, formats.DATASET)


def guess_format(path: str) -> str:
    return formats.guess(path).name


OX = {
    "ttl": pyoxigraph.RdfFormat.TURTLE,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "nq": pyoxigraph.RdfFormat.N_QUADS,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
    "xml": pyoxigraph.RdfFormat.RDF_XML,
}
RDFLIB = {"ttl": "turtle", "nt": "nt", "jsonld": "json-ld", "xml": "xml"}


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_parses_strictly_with_all_triples(example_kg, fmt):
    data = export_bytes(example_kg, fmt)
    quads = list(pyoxigraph.parse(data, format=OX[fmt]))
    assert len({(q.subject, q.predicate, q.object) for q in quads}) == len(example_kg.graph)


@pytest.mark.parametrize("fmt", ["ttl", "nt", "jsonld", "xml"])
def test_triple_formats_round_trip(example_kg, fmt):
    back = Graph().parse(data=export_bytes(example_kg, fmt), format=RDFLIB[fmt])
    assert isomorphic(back, example_kg.graph)


def test_nt_is_isomorphic_to_ttl(example_kg):
    nt = Graph().parse(data=export_bytes(example_kg, "nt"), format="nt")
    ttl = Graph().parse(data=export_bytes(example_kg, "ttl"), format="turtle")
    assert isomorphic(nt, ttl)


@pytest.mark.parametrize("fmt", ["nq", "trig"])
def test_quad_formats_keep_one_graph_per_file(example_kg, fmt):
    dataset = Dataset()
    dataset.parse(data=export_bytes(example_kg, fmt), format={"nq": "nquads", "trig": "trig"}[fmt])
    names = {str(g.identifier) for g in dataset.graphs() if len(g)}
    assert names == {str(n) for n in example_kg.named}
    for name, graph in example_kg.named.items():
        assert isomorphic(dataset.graph(name), graph), name


SCRIPT = """
import sys
from vnrukg.project import Project
from vnrukg.store import load
from vnrukg.export import export_bytes
kg = load(Project(sys.argv[1]))
sys.stdout.buffer.write(export_bytes(kg, sys.argv[2]))
"""


@pytest.mark.parametrize("fmt", FORMATS)
def test_same_graph_same_bytes_across_processes(example_project, fmt):
    outputs = set()
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-c", SCRIPT, str(example_project.root), fmt],
            capture_output=True,
            env=env,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1


def test_guess_format():
    assert guess_format("out/graph.nt") == "nt"
    assert guess_format("graph.JSONLD") == "jsonld"
    assert guess_format("graph.rdf") == "xml"
    with pytest.raises(UsageError, match=r"cannot tell the format from 'graph\.txt'"):
        guess_format("graph.txt")


def test_rdfxml_is_pyoxigraphs_given_sorted_triples(example_kg):
    """RDF/XML comes from pyoxigraph's serializer: the same graph, however its triples are
    ordered, gives the same bytes, and they parse back to the graph."""
    import random

    triples = list(example_kg.graph)
    shuffled = Graph()
    random.Random(7).shuffle(triples)
    for triple in triples:
        shuffled.add(triple)
    assert write_rdfxml(shuffled) == write_rdfxml(example_kg.graph)
    assert write_rdfxml(example_kg.graph).startswith(b'<?xml version="1.0" encoding="UTF-8"?>')


def test_failed_export_leaves_the_old_file(example_kg, tmp_path: Path, monkeypatch):
    target = tmp_path / "graph.ttl"
    target.write_text("old", encoding="utf-8")

    def disk_full(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(VnrukgError, match=r"cannot write .*graph\.ttl: No space left on device"):
        export(example_kg, "ttl", target)
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
    monkeypatch.undo()
    export(example_kg, "ttl", target)
    assert target.read_text(encoding="utf-8").startswith("@prefix")
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]
