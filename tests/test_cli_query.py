"""`vnrukg query --engine`: the same output from both engines, the same refusals, exit codes."""

from __future__ import annotations

import pytest

from vnrukg.cli import main

from .engine_support import FIXTURE_QUERIES, make_project

NAMES = sorted(p.stem for p in FIXTURE_QUERIES.glob("*.rq"))


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return str(make_project(tmp_path_factory.mktemp("cli")))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("name", NAMES)
def test_both_engines_print_the_same(capsys, root, name):
    formats = ("table", "csv", "tsv", "json", "jsonl")
    if name == "describe-entity":
        formats = ("ttl", "nt", "jsonld")
    for fmt in formats:
        outputs = [
            run(capsys, "--root", root, "query", name, "--format", fmt, "--engine", engine)
            for engine in ("rdflib", "oxigraph")
        ]
        assert outputs[0] == outputs[1]
        assert outputs[0][0] == 0 and outputs[0][2] == ""


def test_default_engine_is_oxigraph_and_prints_a_table(capsys, root):
    code, out, err = run(capsys, "--root", root, "query", "trade-by-year")
    assert (code, err) == (0, "")
    assert out == (
        "year  reporter      partner      value          unit      growth\n"
        "----  ------------  -----------  -------------  --------  ------\n"
        "2018  vnrd:vietnam  vnrd:russia  4,500,000,000  vnrv:usd  28.5\n"
        "(1 row)\n"
    )


def test_parameters(capsys, root):
    args = ("--root", root, "query", "tenures", "-p", "person=andrey-belousov")
    assert run(capsys, *args) == (0, "(no results)\n", "")
    code, out, _ = run(capsys, "--root", root, "query", "has-treaty", "-p", "since=1994-06-17")
    assert (code, out) == (0, "false\n")
    code, out, _ = run(capsys, "--root", root, "query", "has-treaty", "-p", "since=1994-06-16")
    assert (code, out) == (0, "true\n")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (
            ("-e", "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"),
            1,
            "Error: SERVICE is not allowed: vnrukg never sends requests on a query's behalf\n",
        ),
        (
            ("-e", "SELECT * FROM <http://127.0.0.1:9/x> { ?s ?p ?o }"),
            1,
            "Error: FROM / FROM NAMED are not allowed: queries run on the loaded graph only\n",
        ),
        (
            ("-e", "LOAD <http://127.0.0.1:9/x>"),
            1,
            "Error: SPARQL Update (INSERT, DELETE, LOAD, CLEAR …) is not allowed: "
            "the graph is read-only\n",
        ),
        (("tenures", "-p", "person=<not an iri>"), 2, "Error: parameter person:"),
        (("tenures", "-p", "nobody=x"), 2, "Error: query tenures has no parameter 'nobody'"),
        (("tenure",), 1, "Error: no query named 'tenure'; did you mean tenures"),
        (("-e", "SELECT ?s WHERE { ?s ?p }"), 1, "Error: SPARQL syntax error at line 1"),
    ],
)
def test_refusals_are_the_same_on_both_engines(capsys, root, args, code, message):
    results = [
        run(capsys, "--root", root, "query", *args, "--engine", engine)
        for engine in ("rdflib", "oxigraph")
    ]
    assert results[0] == results[1]
    assert results[0][0] == code and results[0][1] == ""
    assert results[0][2].startswith(message)


def test_unknown_engine_is_a_usage_error(capsys, root):
    code, _, err = run(capsys, "--root", root, "query", "labels", "--engine", "jena")
    assert code == 2
    assert "'jena' is not one of 'oxigraph', 'rdflib'" in err


def test_help_names_the_engines(capsys):
    code, out, _ = run(capsys, "query", "-h")
    assert code == 0
    assert "--engine [oxigraph|rdflib]" in out
    assert "--format [table|csv|tsv|json|jsonl|ttl|nt|jsonld|xml]" in out
    assert "Example" in out


def test_query_formats_come_from_the_registry():
    from vnrukg import formats
    from vnrukg.cli import query

    assert query.TABLE_FORMATS == formats.names(formats.RESULTS) == (
        "table", "csv", "tsv", "json", "jsonl"
    )  # fmt: skip
    assert query.GRAPH_FORMATS == formats.names(formats.GRAPH) == ("ttl", "nt", "jsonld", "xml")


def test_build_persists_the_store(capsys, tmp_path):
    root = make_project(tmp_path)
    code, out, _ = run(
        capsys, "--root", str(root), "build", "-o", str(tmp_path / "dist"), "--skip-validation"
    )
    assert code == 0
    stored = [line for line in out.splitlines() if line.startswith("stored ")]
    assert len(stored) == 1 and stored[0].endswith(
        " triples for queries in " + stored[0].split(" in ")[-1]
    )
    folder = stored[0].split(" in ")[-1]
    assert folder.startswith(".vnrukg/oxigraph-")
    assert (root / folder / "vnrukg-manifest.json").is_file()
    assert (root / ".vnrukg" / "checked-queries.json").is_file()


def test_limit_and_columns(capsys, root):
    code, out, err = run(
        capsys,
        "--root",
        root,
        "query",
        "agreements",
        "--columns",
        "signed,agreement",
        "--limit",
        "1",
    )
    assert (code, err) == (0, "")
    assert out == (
        "signed      agreement\n"
        "----------  ----------------\n"
        "1978-11-03  vnrd:treaty-1978\n"
        "(1 row of 4; raise --limit for more)\n"
    )
    code, out, _ = run(
        capsys, "--root", root, "query", "agreements", "--columns", "agreement", "--format", "csv"
    )
    assert out.splitlines()[0] == "agreement" and len(out.splitlines()) == 5
    code, out, _ = run(
        capsys, "--root", root, "query", "agreements", "--limit", "0", "--format", "json"
    )
    assert '"bindings": []' in out


def test_an_unknown_column_is_a_usage_error_naming_the_columns(capsys, root):
    code, out, err = run(capsys, "--root", root, "query", "agreements", "--columns", "signed,when")
    assert (code, out) == (2, "")
    assert err == (
        "Error: unknown column when: the columns are agreement, kind, signed, party, partyName\n"
    )


@pytest.fixture(scope="module")
def project_root(tmp_path_factory):
    """The example graph with the project's own named queries."""
    from .conftest import make_project as with_project_queries

    return str(with_project_queries(tmp_path_factory.mktemp("named") / "p").root)


def test_evidence_chooses_what_a_table_shows(capsys, project_root):
    """The quote, the curators' translation or both; CSV and JSON always carry both."""
    args = ("--root", project_root, "query", "posts-held", "--format")
    shown = {}
    for evidence in ("both", "quote", "translation"):
        code, out, err = run(capsys, *args, "table", "--evidence", evidence)
        assert (code, err) == (0, "")
        shown[evidence] = out
    quote = "Ngày 13/8 (theo giờ Moscow), Đại tướng Phan Văn Giang"
    translation = "On 13 August (Moscow time), General Phan Văn Giang"
    assert quote in shown["both"] and translation in shown["both"]
    assert quote in shown["quote"] and translation not in shown["quote"]
    assert quote not in shown["translation"] and translation in shown["translation"]
    for fmt in ("csv", "json"):
        code, out, _ = run(capsys, *args, fmt, "--evidence", "quote")
        assert quote in out and translation in out
    code, out, _ = run(capsys, *args, "csv")
    assert out.splitlines()[0].endswith(",quote,translation,source")


def test_queries_search_routes_a_question_to_its_query(capsys, project_root):
    def names(*words: str) -> list[str]:
        code, out, err = run(capsys, "--root", project_root, "queries", "--search", *words)
        assert (code, err) == (0, "")
        return [line.split(" — ")[0] for line in out.splitlines() if " — " in line]

    assert names("minister") == ["holders-of-role", "posts-held", "title-in-name-violation"]
    assert names("Trade year") == ["trade-series", "agreements"]  # title first, then the rest
    assert "search" in names("matxcova")  # a parameter's example, diacritics folded
    assert "visits" in names("city")
    assert names("weapon_type")[0] == "weapon-systems"  # a parameter's name
    # another form of a word: "tourism" finds the query about tourists, "visitors" the visits
    assert "people-flows" in names("tourism") and "visits" in names("visitors")
    assert names("tourismxyz") == []  # a stem is the word less an ending, not any prefix
    code, out, _ = run(capsys, "--root", project_root, "queries", "--search", "xyzzy")
    assert (code, out) == (0, "(no query mentions 'xyzzy'; list them all: vnrukg queries)\n")
