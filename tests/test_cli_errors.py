"""Bad input on the command line: one line on stderr, the exit code the README's table gives.

Every row of the README's table of exit codes is tried here (``test_every_row_of_the_table``),
and the table itself is read from the README so that the two cannot drift apart.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from vnrukg.cli import main
from vnrukg.server.config import ServerConfig
from vnrukg.sparql import MAX_QUERY_BYTES, gate

from .engine_support import REPO, make_project


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    return str(make_project(tmp_path_factory.mktemp("errors")))


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def one_line_error(err: str) -> str:
    """The error's one line (click's usage lines before it are allowed for usage errors)."""
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.startswith("Error: ")]
    assert len(lines) == 1, err
    return lines[0]


# --- query files and texts ------------------------------------------------------------------


def test_a_query_file_that_is_not_utf8_is_a_clear_error(capsys, root, tmp_path):
    path = tmp_path / "binary.rq"
    path.write_bytes(b"SELECT * WHERE { ?s ?p \xb5\xff\x00 }")
    code, out, err = run(capsys, "--root", root, "query", "-f", str(path))
    assert (code, out) == (1, "")
    assert one_line_error(err) == (
        f"Error: {path}: not UTF-8 text (byte 0xb5 at offset 23); a query file must be UTF-8"
    )


def test_a_missing_query_file_exits_1_as_the_table_says(capsys, root, tmp_path):
    code, _, err = run(capsys, "--root", root, "query", "-f", str(tmp_path / "none.rq"))
    assert code == 1
    assert one_line_error(err) == f"Error: {tmp_path / 'none.rq'}: no such file"
    code, _, err = run(capsys, "--root", root, "query", "-f", str(tmp_path))
    assert code == 1 and one_line_error(err) == f"Error: {tmp_path}: is a folder, not a query file"


def test_over_long_query_texts_are_refused_up_front(capsys, root, tmp_path):
    text = "SELECT * WHERE { ?s ?p ?o }\n" + "#" * MAX_QUERY_BYTES
    path = tmp_path / "long.rq"
    path.write_text(text, encoding="utf-8")
    started = time.perf_counter()
    code, _, err = run(capsys, "--root", root, "query", "-f", str(path))
    assert code == 1
    assert one_line_error(err) == (
        f"Error: {path}: the query file is {len(text):,} bytes; the limit is 65,536"
    )
    code, _, err = run(capsys, "--root", root, "query", "-e", text)
    assert code == 1
    assert one_line_error(err).startswith(
        f"Error: the query text is {len(text):,} bytes; the limit is 65,536 bytes"
    )
    assert time.perf_counter() - started < 5


def test_the_endpoint_has_the_same_limit():
    assert MAX_QUERY_BYTES == 64 * 1024
    assert ServerConfig().max_request_bytes == MAX_QUERY_BYTES
    from vnrukg.cli.serve import serve

    default = next(p.default for p in serve.params if p.name == "max_request")
    assert default == MAX_QUERY_BYTES


def _slow_to_parse(disjuncts: int) -> str:
    """A short text rdflib takes long to parse: a chain of ``||`` (about 0.3 ms a byte)."""
    chain = " || ".join(f'?o = "x{i}"' for i in range(disjuncts))
    return f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER({chain}) }}"


def test_parsing_is_bounded(capsys, root, monkeypatch):
    """Under the size limit, a text too slow to parse is stopped at gate.PARSE_SECONDS (10 s;
    0.5 s here, on a text that takes rdflib several seconds)."""
    monkeypatch.setattr(gate, "PARSE_SECONDS", 0.5)
    text = _slow_to_parse(1500)
    assert len(text) < MAX_QUERY_BYTES
    for engine in ("oxigraph", "rdflib"):
        run(capsys, "--root", root, "query", "labels", "--engine", engine)  # build, load, import
        started = time.perf_counter()
        code, _, err = run(capsys, "--root", root, "query", "-e", text, "--engine", engine)
        assert time.perf_counter() - started < 3 + (engine == "rdflib") * 5  # it loads the graph
        assert code == 1
        assert one_line_error(err) == (
            "Error: the query is too complex: parsing it took more than 0.5 s "
            "(the named queries take under half a second)"
        )
    code, out, _ = run(capsys, "--root", root, "query", "-e", _slow_to_parse(3), "--format", "csv")
    assert (code, out) == (0, "s,p,o\n")  # the deadline is gone after a refusal


# --- the README's table ----------------------------------------------------------------------


def readme_exit_codes() -> dict[int, str]:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    section = text.split("## Exit codes", 1)[1].split("\n## ", 1)[0]
    return {int(m[1]): m[2] for m in re.finditer(r"^\| (\d+) \| (.+?) \|$", section, re.M)}


#: One or more commands for every case the README's table names, by code.
CASES: dict[int, list[tuple[str, list[str]]]] = {
    0: [("success", ["query", "labels", "--format", "csv"])],
    1: [
        ("a failed check (validate)", ["validate"]),
        ("bad data", ["query", "labels", "--engine", "rdflib"]),
        ("a missing file", ["query", "-f", "{tmp}/missing.rq"]),
        ("a missing folder", ["--root", "{tmp}/missing", "query", "labels"]),
        ("a folder that is a file", ["validate", "--sources", "{tmp}/file.txt"]),
        ("a SPARQL error", ["query", "-e", "SELECT ?s WHERE { ?s ?p }"]),
        ("a query file that is not UTF-8", ["query", "-f", "{tmp}/binary.rq"]),
        ("an over-long query", ["query", "-e", "#" * (MAX_QUERY_BYTES + 1)]),
        ("an unknown query", ["query", "labelz"]),
        ("a parameter naming nothing", ["query", "tenures", "-p", "person=nobody-at-all"]),
        (
            "a store that refuses a push",
            ["push", "--endpoint", "http://127.0.0.1:9/store", "--timeout", "2"],
        ),
    ],
    2: [
        ("an unknown option", ["query", "labels", "--nope"]),
        ("an unknown format", ["query", "labels", "--format", "docx"]),
        ("a malformed --param", ["query", "tenures", "-p", "person"]),
        ("a missing argument", ["show"]),
        ("an unknown column", ["query", "labels", "--columns", "nope"]),
    ],
}


def test_the_readme_table_lists_every_code():
    table = readme_exit_codes()
    assert sorted(table) == [0, 1, 2, 130]
    assert "missing file" in table[1] and "not UTF-8" in table[1] and "too long" in table[1]
    assert "malformed `--param`" in table[2]


@pytest.mark.parametrize(
    ("code", "case", "args"),
    [(code, case, args) for code, cases in CASES.items() for case, args in cases],
    ids=[case for cases in CASES.values() for case, _ in cases],
)
def test_every_row_of_the_table(capsys, root, tmp_path, code, case, args):
    (tmp_path / "file.txt").write_text("x")
    (tmp_path / "binary.rq").write_bytes(b"\xff\xfe")
    graph = Path(root) / "graph" / "broken.ttl"
    if case == "a failed check (validate)":  # a person without a name
        graph.write_text(
            "@prefix vnrd: <https://w3id.org/vnrukg/id/> .\n"
            "@prefix vnru: <https://w3id.org/vnrukg/ontology#> .\n"
            "vnrd:nobody a vnru:Person .\n",
            encoding="utf-8",
        )
    if case == "bad data":  # Turtle that does not parse
        graph.write_text("@prefix vnrd: <https://w3id.org/vnrukg/id/> .\nvnrd:x vnrd:y .\n")
    try:
        argv = ["--root", root, *(a.replace("{tmp}", str(tmp_path)) for a in args)]
        if argv[2] == "--root":
            argv = argv[2:]
        got, _, err = run(capsys, *argv)
    finally:
        graph.unlink(missing_ok=True)
    assert got == code, err
    assert "Traceback" not in err
    if code and case != "a failed check (validate)":  # validate reports FILE:LINE: … lines
        one_line_error(err)


def test_ctrl_c_exits_130(capsys, root, monkeypatch):
    from vnrukg.cli import query as query_module

    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(query_module, "open_engine", interrupted)
    code, _, err = run(capsys, "--root", root, "query", "labels")
    assert (code, err.strip()) == (130, "Interrupted.")
    assert 130 in readme_exit_codes()


# --- parameters -------------------------------------------------------------------------------


@pytest.mark.parametrize("engine", ["oxigraph", "rdflib"])
def test_a_bare_slug_means_the_term_of_the_parameter_s_namespace(capsys, tmp_path, engine):
    """`trade-series --param indicator=trade-turnover` means vnrv:trade-turnover (it printed
    "(no results)"); a mistyped one is an error naming the nearest terms, never no rows."""
    from .conftest import make_project as with_project_queries

    root = str(with_project_queries(tmp_path / "p").root)
    args = ("--root", root, "query", "trade-series", "--format", "csv", "--engine", engine)
    code, out, err = run(capsys, *args, "--param", "indicator=trade-turnover")
    assert (code, err) == (0, "")
    assert out.splitlines()[1].startswith("2018,Two-way trade turnover,")
    code, out, err = run(capsys, *args, "--param", "indicator=trade-turnovr")
    assert (code, out) == (1, "")
    assert one_line_error(err).startswith(
        "Error: parameter indicator: the graph holds nothing named vnrv:trade-turnovr; "
        "did you mean vnrv:trade-turnover (Two-way trade turnover)"
    )
    code, out, err = run(capsys, *args[:3], "posts-held", "-p", "person=phan-van-giong")
    assert code == 1 and one_line_error(err).endswith(
        "did you mean vnrd:phan-van-giang (Phan Văn Giang)?"
    )
