"""Both engines give the same answers to every named query, and refuse the same queries."""

from __future__ import annotations

import re

import pyoxigraph as ox
import pytest

from vnrukg import formats
from vnrukg.errors import QuerySyntaxError, UsageError, VnrukgError
from vnrukg.project import Project
from vnrukg.results import format_select
from vnrukg.sparql import (
    ENGINES,
    Budget,
    find_query,
    from_rdflib,
    load_query,
    make_engine,
    open_engine,
    parts,
    prepare,
)
from vnrukg.sparql.engines.oxigraph import OxigraphEngine
from vnrukg.sparql.engines.rdflib import RdflibEngine
from vnrukg.sparql.gate import QueryChecks
from vnrukg.sparql.text import declares_total_order, total_order
from vnrukg.store import load

from ..engine_support import FIXTURE_QUERIES, REPO, make_project

TABLE_FORMATS = formats.names(formats.RESULTS)


@pytest.fixture(scope="module")
def example(tmp_path_factory):
    """The example project, loaded once, with an engine of each kind."""
    root = make_project(tmp_path_factory.mktemp("engine"))
    kg = load(Project(root))
    return {
        "kg": kg,
        "rdflib": make_engine(kg.graph, "rdflib"),
        "oxigraph": make_engine(kg.graph, "oxigraph"),
        "built": open_engine(kg.project, "oxigraph"),
    }


def ordered(text: str) -> bool:
    """Whether the query's own result order is fixed by a top-level ORDER BY."""
    node = prepare(text).algebra.p
    while node.name in ("Slice", "Distinct", "Reduced", "Project", "ToMultiSet"):
        node = node.p
    return node.name == "OrderBy"


def assert_same(text: str, bindings, engines) -> None:
    """Every engine's answer equals rdflib's; formatted SELECT output is byte-identical."""
    expected = engines[0].query(text, bindings)
    for engine in engines[1:]:
        got = engine.query(text, bindings)
        assert (got.kind, got.variables, got.boolean) == (
            expected.kind,
            expected.variables,
            expected.boolean,
        )
        if expected.kind in ("CONSTRUCT", "DESCRIBE"):
            assert set(got.triples or []) == set(expected.triples or [])
            continue
        want, have = expected.rows, got.rows
        if not ordered(text):
            want, have = sorted(want, key=repr), sorted(have, key=repr)
        assert have == want
        if expected.kind == "SELECT":
            if not ordered(text):
                got.rows.sort(key=_text_key)
                expected.rows.sort(key=_text_key)
            for fmt in TABLE_FORMATS:
                assert format_select(got, fmt, 100) == format_select(expected, fmt, 100)


def _text_key(row) -> list:
    return [repr(None if t is None else tuple(parts(t))) for t in row]


FIXTURE_NAMES = sorted(p.stem for p in FIXTURE_QUERIES.glob("*.rq"))


@pytest.mark.parametrize("name", FIXTURE_NAMES)
def test_engines_agree_on_fixture_queries(example, name):
    query = find_query(example["kg"].project, name)
    engines = [example["rdflib"], example["oxigraph"], example["built"]]
    assert_same(query.text, query.bindings({}), engines)


def test_fixture_queries_return_rows(example):
    """The comparison above compares something: most fixture queries have answers."""
    empty = []
    for name in FIXTURE_NAMES:
        query = find_query(example["kg"].project, name)
        result = example["rdflib"].query(query.text, query.bindings({}))
        if len(result) == 0 or result.boolean is False:
            empty.append(name)
    assert empty == ["cited-without-source-violation"]


@pytest.mark.parametrize(
    ("name", "params"),
    [
        ("labels", {"cls": "vnru:Event"}),
        ("labels", {"cls": "https://w3id.org/vnrukg/ontology#Person"}),
        ("tenures", {"person": "phan-van-giang"}),
        ("tenures", {"person": "andrey-belousov"}),
        ("agreements", {"since": "1990"}),
        ("meetings", {"since": "2024-08-14"}),
        ("search", {"text": "LIÊN"}),
        ("search", {"text": 'x" } SERVICE <http://127.0.0.1:9/> { ?a ?b ?c'}),
        ("busiest-people", {"minimum": "2"}),
        ("has-treaty", {"since": "2030"}),
        ("quotes", {"entity": "vnrd:vietnam"}),
    ],
)
def test_engines_agree_with_parameters(example, name, params):
    query = find_query(example["kg"].project, name)
    engines = [example["rdflib"], example["oxigraph"], example["built"]]
    assert_same(query.text, query.bindings(params), engines)


def _project_queries() -> list:
    folder = REPO / "queries"
    return sorted(folder.glob("*.rq")) if folder.is_dir() else []


@pytest.fixture(scope="module")
def curated():
    """The project's own graph (when it has curated files), else the example."""
    project = Project(REPO)
    if not project.graph_files():
        pytest.skip("the project has no curated graph yet")
    kg = load(project)
    return [make_engine(kg.graph, "rdflib"), make_engine(kg.graph, "oxigraph")]


@pytest.mark.parametrize("path", _project_queries(), ids=lambda p: p.stem)
def test_engines_agree_on_project_queries(curated, path):
    query = load_query(path)
    defaults = {p.name: p.default for p in query.params if p.default is not None}
    if any(not p.optional and p.default is None for p in query.params):
        pytest.skip(f"{path.name} has a required parameter without a default")
    assert_same(query.text, query.bindings(defaults), curated)


def _iri_params() -> list:
    return [
        pytest.param(path, param.name, id=f"{path.stem}-{param.name}")
        for path in _project_queries()
        for param in load_query(path).params
        if param.type == "iri"
    ]


@pytest.mark.parametrize(("path", "name"), _iri_params())
def test_a_parameter_naming_nothing_finds_nothing(curated, path, name):
    """Bound to an IRI the graph lacks, an IRI parameter leaves no row in either engine: every
    branch of the query honours it (``posts-held`` once kept every rank whatever post was
    asked for), and no empty group of an inner aggregate (rdflib yields one unbound row for
    it) joins with every fact's citation."""
    query = load_query(path)
    bindings = query.bindings({name: "https://w3id.org/vnrukg/id/no-such-entity"})
    for engine in curated:
        assert engine.query(query.text, bindings).rows == [], engine.name


@pytest.mark.parametrize(
    ("post", "position"),
    [
        ("vnrd:post-minister-of-defence-vietnam", "Minister of National Defence of Vietnam"),
        ("vnrv:dai-tuong", "General (four-star)"),
    ],
)
def test_posts_held_keeps_only_the_post_or_rank_asked_for(curated, post, position):
    query = find_query(Project(REPO), "posts-held")
    for engine in curated:
        rows = engine.query(query.text, query.bindings({"post": post})).rows
        assert rows and {row[2].value for row in rows} == {position}, engine.name


_DECLARATION = re.compile(r"^#\s*order\s*:\s*total\s*$", re.IGNORECASE | re.MULTILINE)


def assert_declared_order_holds(text: str, bindings, engines) -> None:
    """A query that declares ``# order: total`` answers, in every engine, exactly what it
    answers with the tie-breaking keys it thereby goes without (which give one order in all
    engines): its own keys decide between every two different rows of this data."""
    assert declares_total_order(text)
    canonical = _DECLARATION.sub("#", text)
    assert not declares_total_order(canonical)
    for engine in engines:
        assert engine.query(text, bindings).rows == engine.query(canonical, bindings).rows


def _declared_total() -> list:
    return [path for path in _project_queries() if declares_total_order(path.read_text())]


@pytest.mark.parametrize("path", _declared_total(), ids=lambda p: p.stem)
def test_declared_total_orders_hold_on_the_curated_graph(curated, path):
    """With the defaults, and with its entity parameters bound in turn to a dozen of the
    curated graph's labelled entities in all, spread over their sorted list."""
    from rdflib import URIRef
    from rdflib.namespace import SKOS

    query = load_query(path)
    assert_declared_order_holds(query.text, query.bindings({}), curated)
    graph = curated[0].graph
    entities = sorted({s for s in graph.subjects(SKOS.prefLabel) if isinstance(s, URIRef)})
    entities = [from_rdflib(e) for e in entities]
    iris = [p for p in query.params if p.type == "iri"]
    for param in iris:
        for entity in entities[:: max(1, len(entities) * len(iris) // 12)]:
            assert_declared_order_holds(query.text, {param.name: entity}, curated)


def test_a_false_declaration_of_total_order_is_caught(example):
    text = """# order: total
    SELECT ?s ?n WHERE { VALUES (?s ?n) { (<http://e/b> 1) (<http://e/a> 1) (<http://e/c> 1) } }
    ORDER BY ?n"""
    engines = [example["rdflib"], example["oxigraph"]]
    with pytest.raises(AssertionError):
        assert_declared_order_holds(text, {}, engines)
    # without the declaration the ties are broken alike: a, b, c in both engines
    plain = text.replace("# order: total", "")
    assert [r[0].value for r in engines[1].query(plain).rows] == [
        "http://e/a",
        "http://e/b",
        "http://e/c",
    ]
    assert_same(plain, {}, engines)


def test_total_order_adds_keys_unless_declared():
    text = "SELECT ?a ?b WHERE { ?a ?p ?b } ORDER BY ?a"
    assert total_order(text, ["a", "b"]).endswith('ORDER BY ?a COALESCE(STR(?a), "") '
                                                  'COALESCE(STR(?b), "")')  # fmt: skip
    declared = "# title: t\n# order: total\n" + text
    assert total_order(declared, ["a", "b"]) == declared
    assert not declares_total_order("SELECT * WHERE { ?s ?p ?o }\n# order: total\n")


REFUSED = [
    "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "select * { service silent <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    "SELECT * FROM <http://127.0.0.1:9/data.ttl> WHERE { ?s ?p ?o }",
    "SELECT * FROM NAMED <http://127.0.0.1:9/g> WHERE { GRAPH ?g { ?s ?p ?o } }",
    "LOAD <http://127.0.0.1:9/data.ttl>",
    "INSERT DATA { <http://a> <http://b> <http://c> }",
    "DROP ALL",
    "SELECT ?s WHERE { ?s ?p }",
    "SELECT ?s WHERE {\n  ?s a vnru:Nothing .\n  FILTER(\n}",
    "",
]


@pytest.mark.parametrize("text", REFUSED)
def test_engines_refuse_alike(example, text):
    messages = []
    for name in ("rdflib", "oxigraph", "built"):
        with pytest.raises(VnrukgError) as caught:
            example[name].query(text)
        messages.append((type(caught.value), str(caught.value)))
    assert messages[1] == messages[0] == messages[2]
    assert "SPARQL" in messages[0][1] or "not allowed" in messages[0][1]


ALLOWED_TWINS = [  # allowed texts close to the refused ones: their verdicts are shared
    "SELECT * WHERE { <http://127.0.0.1:9/sparql> ?p ?o }",
    "select * { <http://127.0.0.1:9/sparql> ?p ?o }",
    "SELECT * WHERE { ?s ?p <http://127.0.0.1:9/data.ttl> }",
    "SELECT * WHERE { GRAPH <http://127.0.0.1:9/g> { ?s ?p ?o } }",
    "ASK { <http://127.0.0.1:9/data.ttl> ?p ?o }",
    "ASK { <http://a> <http://b> <http://c> }",
    "SELECT ?s WHERE { ?s ?p vnrd:russia }",
]


def test_a_verdict_is_shared_by_texts_with_one_skeleton(example, monkeypatch):
    """Looking up one entity after another is one rdflib parse, with the right answers."""
    from vnrukg.sparql import gate

    parsed: list[str] = []
    real = gate.verdict
    monkeypatch.setattr(gate, "verdict", lambda text: parsed.append(text) or real(text))
    engine = OxigraphEngine(example["built"].store, QueryChecks())
    subjects = sorted({s for s in example["kg"].graph.subjects() if "/id/" in str(s)})[:20]
    for subject in subjects:
        text = f"SELECT ?p ?o WHERE {{ <{subject}> ?p ?o }}"
        expected = example["rdflib"].query(text)
        got = engine.query(text)
        assert sorted(map(str, got.rows)) == sorted(map(str, expected.rows))
        assert got.variables == ["p", "o"]
    assert len(parsed) == 1
    engine.query('ASK { ?s ?p "one" }')
    engine.query('ASK { ?s ?p "two" }')
    engine.query('ASK { ?s ?p "t\\"wo" }')  # an escape: kept in the skeleton, parsed anew
    assert len(parsed) == 3


@pytest.mark.parametrize("text", REFUSED)
def test_shared_verdicts_never_let_a_refusal_through(example, text):
    """With allowed verdicts on look-alike texts remembered, each refusal is still its own."""
    with pytest.raises(VnrukgError) as fresh:
        example["rdflib"].query(text)
    checks = QueryChecks()
    engine = OxigraphEngine(example["built"].store, checks)
    for twin in ALLOWED_TWINS:
        engine.query(twin)
    with pytest.raises(VnrukgError) as shared:
        engine.query(text)
    assert (type(shared.value), str(shared.value)) == (type(fresh.value), str(fresh.value))
    again = text.replace("127.0.0.1:9", "127.0.0.1:10").replace("Nothing", "Other")
    with pytest.raises(VnrukgError) as twice:  # a refusal is never shared: parsed again
        engine.query(again)
    assert type(twice.value) is type(fresh.value)


def test_remembered_verdicts_refuse_alike(example, tmp_path):
    """A refusal read back from the cache file is the same error as the first one."""
    path = tmp_path / "checks.json"
    texts = ("SELECT ?s WHERE {\n ?s ?p }", REFUSED[0], "SELECT * WHERE { ?s ?p ?o } LIMIT 1")
    first = OxigraphEngine(example["built"].store, QueryChecks(path))
    for text in texts[:2]:
        with pytest.raises(VnrukgError):
            first.query(text)
    assert len(first.query(texts[2]).rows) == 1
    again = QueryChecks(path)
    assert len(again._verdicts) == 4  # read back (with the allowed one's skeleton): no parse
    for text in texts[:2]:
        with pytest.raises(VnrukgError) as fresh:
            prepare(text)
        with pytest.raises(VnrukgError) as remembered:
            again.check(text)
        assert type(remembered.value) is type(fresh.value)
        assert str(remembered.value) == str(fresh.value)
    with pytest.raises(QuerySyntaxError) as fresh:
        prepare(texts[0])
    with pytest.raises(QuerySyntaxError) as remembered:
        again.check(texts[0])
    assert (remembered.value.line, remembered.value.column) == (
        fresh.value.line,
        fresh.value.column,
    )
    assert again.form(texts[2]) == "SELECT"


def test_engine_names():
    assert tuple(ENGINES) == ("oxigraph", "rdflib")
    with pytest.raises(UsageError, match="unknown engine 'jena'"):
        make_engine(None, "jena")
    with pytest.raises(UsageError, match="unknown engine 'jena'"):
        open_engine(None, "jena")


def test_results_are_one_term_type_whatever_the_engine(example):
    """Both engines answer with pyoxigraph terms, equal term for term (the one term type)."""
    result = example["built"].query("SELECT ?s ?o WHERE { ?s vnru:value ?o }")
    assert result.rows == [
        (ox.NamedNode("https://w3id.org/vnrukg/id/obs-trade-turnover-2018"), result.rows[0][1])
    ]
    value = result.rows[0][1]
    assert isinstance(value, ox.Literal)
    assert value.value == "4500000000"
    assert isinstance(example["rdflib"], RdflibEngine)
    assert example["rdflib"].query("SELECT ?o WHERE { ?s vnru:value ?o }").rows == [(value,)]
    described = example["rdflib"].query("DESCRIBE vnrd:obs-trade-turnover-2018")
    assert described.triples and all(isinstance(t, ox.Triple) for t in described.triples)


def _rule_rows(name: str, turtle: str) -> list[list[tuple[str, str]]]:
    """A rule's rows (subject, message) on a small Turtle graph, from each engine."""
    from rdflib import Graph

    graph = Graph()
    graph.parse(format="turtle", data=turtle)
    query = load_query(REPO / "queries" / f"{name}.rq")
    return [
        [(s.value, m.value) for s, m in engine.query(query.text, {}).rows]
        for engine in (RdflibEngine(graph), OxigraphEngine.from_graph(graph))
    ]


PREFIXES_TTL = """
    @prefix vnru: <https://w3id.org/vnrukg/ontology#> .
    @prefix vnrd: <https://w3id.org/vnrukg/id/> .
"""


def test_session_number_rule_finds_a_repeated_number_in_both_engines():
    """The rule's result, not just its speed: two sessions of one mechanism numbered alike."""
    turtle = (
        PREFIXES_TTL
        + """
        vnrd:s1 vnru:ofMechanism vnrd:m ; vnru:sessionNumber 3 .
        vnrd:s2 vnru:ofMechanism vnrd:m ; vnru:sessionNumber 3 .
        vnrd:s3 vnru:ofMechanism vnrd:m ; vnru:sessionNumber 4 .
        vnrd:s4 vnru:ofMechanism vnrd:other ; vnru:sessionNumber 4 .
        vnrd:t1 vnru:ofMechanism vnrd:other ; vnru:sessionNumber 7 .
        vnrd:t2 vnru:ofMechanism vnrd:other ; vnru:sessionNumber 7 .
        vnrd:t3 vnru:ofMechanism vnrd:other ; vnru:sessionNumber 7 .
        vnrd:t4 vnru:ofMechanism vnrd:other ; vnru:sessionNumber 7 .
    """
    )
    for rows in _rule_rows("session-number-violation", turtle):
        assert sorted(rows) == [
            (
                "https://w3id.org/vnrukg/id/s1",
                "same mechanism and session number as https://w3id.org/vnrukg/id/s2",
            ),
            (
                "https://w3id.org/vnrukg/id/t1",
                "same mechanism and session number as https://w3id.org/vnrukg/id/t4 and 2 more",
            ),
        ]


def test_components_rule_finds_parts_that_do_not_add_up_in_both_engines():
    """Parts off their total by more than 2 % are found unless a discrepancy covers them."""
    turtle = (
        PREFIXES_TTL
        + """
        vnrd:ok vnru:value 100 .                      # 60 + 40: fine
        vnrd:ok-a vnru:componentOf vnrd:ok ; vnru:value 60 .
        vnrd:ok-b vnru:componentOf vnrd:ok ; vnru:value 40 .
        vnrd:bad vnru:value 100 .                     # 70 + 40: off, nobody said so
        vnrd:bad-a vnru:componentOf vnrd:bad ; vnru:value 70 .
        vnrd:bad-b vnru:componentOf vnrd:bad ; vnru:value 40 .
        vnrd:noted vnru:value 100 .                   # off, and a discrepancy names the total
        vnrd:noted-a vnru:componentOf vnrd:noted ; vnru:value 70 .
        vnrd:noted-b vnru:componentOf vnrd:noted ; vnru:value 40 .
        vnrd:d1 a vnru:Discrepancy ; vnru:involves vnrd:noted .
        vnrd:part-noted vnru:value 100 .              # off, and a discrepancy names a part
        vnrd:part-noted-a vnru:componentOf vnrd:part-noted ; vnru:value 70 .
        vnrd:part-noted-b vnru:componentOf vnrd:part-noted ; vnru:value 40 .
        vnrd:d2 a vnru:Discrepancy ; vnru:involves vnrd:part-noted-b .
    """
    )
    for rows in _rule_rows("components-sum-violation", turtle):
        assert [subject for subject, _ in rows] == ["https://w3id.org/vnrukg/id/bad"]
        assert rows[0][1].startswith("its parts sum to 110, not 100")


@pytest.mark.parametrize("engine_name", ["rdflib", "oxigraph", "built"])
def test_a_budget_stops_the_rows_where_a_reply_would_be_cut(example, engine_name):
    """Given a budget, an engine keeps the rows up to the one that passes it (so the caller
    sees the overflow) and no more: a server worker never holds what it may not send."""
    engine = example[engine_name]
    text = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
    every = engine.query(text).rows
    assert len(every) > 20
    assert engine.query(text, budget=Budget(max_rows=5, max_bytes=1 << 20)).rows == every[:6]
    size = sum(len(t.value) for t in every[0] if t is not None)
    by_bytes = engine.query(text, budget=Budget(max_rows=1000, max_bytes=size * 3 - 1)).rows
    assert by_bytes == every[: len(by_bytes)] and 3 <= len(by_bytes) < len(every)
    assert sum(len(t.value) for row in by_bytes[:-1] for t in row if t is not None) <= size * 3
    ask = engine.query("ASK { ?s ?p ?o }", budget=Budget(max_rows=0, max_bytes=0))
    assert ask.boolean is True
