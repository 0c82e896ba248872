"""The benchmark's synthetic graph: the curated graph's shape, and both engines agree on it."""

from __future__ import annotations

import importlib.util

import pytest
from rdflib.namespace import RDF

from vnrukg.namespaces import VNRU
from vnrukg.sparql import load_query
from vnrukg.sparql.engines.oxigraph import OxigraphEngine
from vnrukg.sparql.engines.rdflib import RdflibEngine

from .engine_support import FIXTURE_QUERIES, REPO
from .sparql.test_engines import assert_same


def _module(name: str):
    spec = importlib.util.spec_from_file_location(f"bench_{name}", REPO / "bench" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def synthetic():
    return _module("generate").generate(8000, seed=3)


def test_generator_reaches_the_size_and_the_shape(synthetic):
    assert 7000 <= len(synthetic) <= 9200  # the size is reached within about 10 %
    kinds = {o for o in synthetic.objects(None, RDF.type)}
    for cls in ("State", "Place", "Person", "Post", "Tenure", "Membership", "Agreement",
                "Partnership", "Period", "CooperationMechanism", "Session", "Event",
                "Statement", "Observation", "CommodityFlow", "ArmsTransfer", "Project",
                "Discrepancy", "Citation", "SourceDocument"):  # fmt: skip
        assert VNRU[cls] in kinds, cls


def test_every_named_query_finds_rows_in_the_synthetic_graph(synthetic):
    """A query that answers nothing measures nothing: the generator feeds every one of them."""
    engine = OxigraphEngine.from_graph(synthetic)
    empty = []
    for path in sorted((REPO / "queries").glob("*.rq")):
        query = load_query(path)
        if path.stem.endswith("-violation"):
            continue  # rules: no rows is the right answer
        if len(engine.query(query.text, query.bindings({}))) == 0:
            empty.append(path.stem)
    assert empty == []


def test_every_rule_has_something_to_check_in_the_synthetic_graph(synthetic):
    """A rule finds nothing in a good graph, but every pattern it scans must have data."""
    from rdflib import URIRef, Variable

    from vnrukg.sparql import prepare

    missing = []
    for path in sorted((REPO / "queries").glob("*-violation.rq")):
        for s, p, o in _triple_patterns(prepare(load_query(path).text).algebra):
            if not isinstance(p, URIRef):
                continue
            s = None if isinstance(s, Variable) else s
            o = o if isinstance(o, URIRef) else None
            if next(synthetic.triples((s, p, o)), None) is None:
                missing.append(f"{path.stem}: {p} {o or ''}")
    assert missing == []


def _triple_patterns(node):
    """Every triple pattern of a query's algebra, however deeply nested."""
    if isinstance(node, dict):
        if getattr(node, "name", None) == "BGP":
            yield from (triple for triple in node["triples"] if len(triple) == 3)
        for value in node.values():
            yield from _triple_patterns(value)
    elif isinstance(node, list | tuple):
        for value in node:
            yield from _triple_patterns(value)


def test_generator_is_deterministic(tmp_path):
    generate = _module("generate")
    first, second = tmp_path / "a.nt", tmp_path / "b.nt"
    generate.main(["--triples", "5000", "-o", str(first)])
    generate.main(["--triples", "5000", "-o", str(second)])
    assert sorted(first.read_text().splitlines()) == sorted(second.read_text().splitlines())


@pytest.mark.parametrize(
    "path",
    sorted(FIXTURE_QUERIES.glob("*.rq")) + sorted((REPO / "bench" / "queries").glob("*.rq")),
    ids=lambda p: p.stem,
)
def test_engines_agree_on_the_synthetic_graph(synthetic, path):
    engines = [RdflibEngine(synthetic), OxigraphEngine.from_graph(synthetic)]
    query = load_query(path)
    assert_same(query.text, query.bindings({}), engines)


def test_timed_percentiles():
    run = _module("run")
    assert run.p([3.0, 1.0, 2.0, 4.0], 0.5) == 2.0
    assert run.p([3.0, 1.0, 2.0, 4.0], 0.95) == 4.0
    assert run.timed(lambda: None, 0.05, max_runs=5) and len(run.timed(lambda: None, 1, 5)) == 5


def test_declared_total_orders_hold_on_the_synthetic_graph(synthetic):
    """``# order: total`` holds on thousands of generated rows too, in both engines."""
    from vnrukg.sparql.text import declares_total_order

    from .sparql.test_engines import assert_declared_order_holds

    engines = [RdflibEngine(synthetic), OxigraphEngine.from_graph(synthetic)]
    declared = [p for p in sorted((REPO / "queries").glob("*.rq"))
                if declares_total_order(p.read_text(encoding="utf-8"))]  # fmt: skip
    assert declared, "no named query declares # order: total"
    for path in declared:
        query = load_query(path)
        assert_declared_order_holds(query.text, query.bindings({}), engines)
