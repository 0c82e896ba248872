"""The command line: every command, its help, exit codes and exact messages for bad input."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnrukg.cli import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def invoke(runner, project, *args, **kwargs):
    return runner.invoke(cli, ["--root", str(project.root), *args], **kwargs)


def _commands():
    return sorted(cli.commands)


@pytest.mark.parametrize("name", _commands())
def test_every_command_has_help_with_an_example(runner, name):
    for flag in ("-h", "--help"):
        result = runner.invoke(cli, [name, flag])
        assert result.exit_code == 0, result.output
        assert "Example" in result.output, name
    assert cli.commands[name].help and len(cli.commands[name].help) > 40


def test_group_help_and_version(runner):
    result = runner.invoke(cli, ["-h"])
    assert result.exit_code == 0
    assert "Exit codes: 0 success, 1 failure (or a failed check), 2 usage error." in result.output
    assert runner.invoke(cli, ["--version"]).output.startswith("vnrukg ")


def test_validate_ok(runner, example_project, sources):
    result = invoke(runner, example_project, "validate", "--sources", str(sources))
    assert result.exit_code == 0, result.output
    assert re.fullmatch(
        r"OK — \d+ files parsed strictly; 140 curated triples; SHACL conforms; "
        r"15/15 quotes verbatim; 15 translations checked; \d+ rule queries\n",
        result.output,
    ), result.output


def test_validate_failure_names_file_line_subject(runner, example_project, sources):
    path = example_project.graph_dir / "example.ttl"
    text = path.read_text(encoding="utf-8").replace(
        'Đại tướng Phan Văn Giang"', 'Đại tướng Phan Giang"'
    )
    path.write_text(text, encoding="utf-8")
    result = invoke(runner, example_project, "validate", "--sources", str(sources))
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].startswith("graph/example.ttl:81: vnrd:phan-van-giang: quote not found in 004_")
    assert lines[-1].startswith("FAILED: 1 error(s) — ")


def test_validate_json(runner, example_project, sources):
    result = invoke(
        runner, example_project, "validate", "--sources", str(sources), "--format", "json"
    )
    payload = json.loads(result.output)
    assert payload["ok"] is True and payload["counts"]["quotes_verified"] == 15


def test_validate_syntax_error(runner, example_project, sources):
    (example_project.graph_dir / "broken.ttl").write_text(
        "@prefix ex: <http://e/> .\nex:a ex:b .\n", encoding="utf-8"
    )
    result = invoke(runner, example_project, "validate", "--sources", str(sources))
    assert result.exit_code == 1
    assert "graph/broken.ttl:2: Turtle syntax error:" in result.output


def test_missing_sources_folder(runner, example_project):
    result = invoke(runner, example_project, "validate", "--sources", "/nonexistent/sources")
    assert result.exit_code == 1
    assert result.output == "Error: source folder not found: /nonexistent/sources\n"


def test_not_a_project(runner, tmp_path):
    result = runner.invoke(cli, ["--root", str(tmp_path), "queries"])
    assert result.exit_code == 1
    assert (
        result.output
        == f"Error: {tmp_path} is not a vnrukg project: it needs ontology/ and graph/\n"
    )


def test_query_named_with_params(runner, example_project):
    result = invoke(
        runner, example_project, "query", "agreements", "--param", "year=1994", "--format", "csv"
    )
    assert result.exit_code == 0, result.output
    rows = result.output.splitlines()
    assert rows[0] == "signed,type,agreement,label_en,label_vi,in_force,covers,parties,quote,source"
    assert rows[1].startswith("1994-06-16,https://w3id.org/vnrukg/ontology#Treaty,")


def test_query_expression_and_file(runner, example_project, tmp_path):
    text = "SELECT (COUNT(*) AS ?n) WHERE { ?s a vnru:State }"
    result = invoke(runner, example_project, "query", "-e", text, "--format", "jsonl")
    assert result.output == '{"n": 3}\n'
    query_file = tmp_path / "q.rq"
    query_file.write_text(text, encoding="utf-8")
    result = invoke(runner, example_project, "query", "-f", str(query_file), "--format", "csv")
    assert result.output == "n\n3\n"


def test_query_construct_to_file(runner, example_project, tmp_path):
    out = tmp_path / "out.ttl"
    result = invoke(
        runner,
        example_project,
        "query",
        "-e",
        "CONSTRUCT { ?s vnru:replaces ?o } WHERE { ?s vnru:replaces ?o }",
        "-o",
        str(out),
    )
    assert result.exit_code == 0
    assert "vnrd:treaty-1994 vnru:replaces vnrd:treaty-1978 ." in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["query"], 2, "Error: give exactly one of NAME, -f FILE or -e TEXT\n"),
        (
            ["query", "agreements", "-e", "ASK {}"],
            2,
            "Error: give exactly one of NAME, -f FILE or -e TEXT\n",
        ),
        (
            ["query", "agreemnts"],
            1,
            "Error: no query named 'agreemnts'; did you mean agreements, disagreements, statements? (list them: vnrukg queries)\n",
        ),
        (
            ["query", "agreements", "--param", "year"],
            2,
            "Error: --param wants name=value, got 'year'\n",
        ),
        (
            ["query", "agreements", "--param", "year=abc"],
            2,
            "Error: parameter year: 'abc' is not a valid integer (invalid literal for int() with base 10: 'abc')\n",
        ),
        (
            ["query", "agreements", "--param", "yaer=1994"],
            2,
            "Error: query agreements has no parameter 'yaer'; did you mean year?\n",
        ),
        (
            ["query", "agreements", "--format", "xml"],
            2,
            "Error: unknown result format 'xml': choose one of table, csv, tsv, json, jsonl\n",
        ),
        (
            ["query", "-e", "SELECT ?s WHERE {\n ?s ?p \n}"],
            1,
            "Error: SPARQL syntax error at line 2, column 2: cannot parse from here: ?s ?p\n",
        ),
        (
            ["query", "-e", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"],
            1,
            "Error: SERVICE is not allowed: vnrukg never sends requests on a query's behalf\n",
        ),
        (
            ["query", "-e", "LOAD <http://127.0.0.1:9/x>"],
            1,
            "Error: SPARQL Update (INSERT, DELETE, LOAD, CLEAR …) is not allowed: the graph is read-only\n",
        ),
        (
            ["export", "-o", "graph.txt"],
            2,
            "Error: cannot tell the format from 'graph.txt': pass --format (ttl, nt, nq, trig, jsonld, xml)\n",
        ),
    ],
)
def test_bad_input_gets_one_clear_line(runner, example_project, args, code, message):
    result = invoke(runner, example_project, *args)
    assert result.exit_code == code
    assert result.output == message
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_missing_query_file_is_a_usage_error(runner, example_project):
    result = invoke(runner, example_project, "query", "-f", "/nonexistent.rq")
    assert result.exit_code == 2
    assert "'/nonexistent.rq': No such file or directory" in result.output


def test_queries_lists_titles_and_params(runner, example_project):
    result = invoke(runner, example_project, "queries")
    assert result.exit_code == 0
    assert "timeline — Timeline of the relationship" in result.output
    assert "--param since=<integer>  (optional) first year to include (e.g. 1991)" in result.output
    assert "violation" not in result.output.split("(")[0]
    payload = json.loads(invoke(runner, example_project, "queries", "--format", "json").output)
    assert {q["name"] for q in payload} >= {"timeline", "agreements", "disagreements"}


def test_export_to_stdout_and_file(runner, example_project, tmp_path):
    result = invoke(runner, example_project, "export", "--format", "nt")
    assert result.exit_code == 0
    assert result.output.count("\n") > 1000
    out = tmp_path / "g.jsonld"
    result = invoke(runner, example_project, "export", "-o", str(out))
    assert result.exit_code == 0
    assert json.loads(out.read_text(encoding="utf-8"))["@graph"]


def test_build_writes_dist(runner, example_project, sources, tmp_path):
    out = tmp_path / "dist"
    result = invoke(runner, example_project, "build", "-o", str(out), "--sources", str(sources))
    assert result.exit_code == 0, result.output
    assert result.output.startswith("validated: 15 quotes verbatim, 140 curated triples\n")
    for name in (
        "vnrukg.ttl",
        "vnrukg.nt",
        "vnrukg.nq",
        "vnrukg.trig",
        "vnrukg.jsonld",
        "vnrukg.rdf",
        "ontology/index.html",
        "ontology/vnru.ttl",
        "ontology/shapes.ttl",
    ):
        assert (out / name).is_file(), name
        assert f"wrote {out / name} (" in result.output
    assert "  vnru:State                 3\n" in result.output


def test_build_stops_on_invalid_data(runner, example_project, sources, tmp_path):
    path = example_project.graph_dir / "example.ttl"
    path.write_text(
        path.read_text(encoding="utf-8").replace('"Phan Văn Giang"@en', '"x"@fr'), encoding="utf-8"
    )
    out = tmp_path / "dist"
    result = invoke(runner, example_project, "build", "-o", str(out), "--sources", str(sources))
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == (
        "Error: validation failed: nothing written (see above, or --skip-validation)"
    )
    assert not out.exists()


def test_console_script_main_returns_codes(example_project, capsys):
    from vnrukg.cli import main

    assert main(["--root", str(example_project.root), "query", "nope"]) == 1
    assert main(["--root", str(example_project.root), "query"]) == 2
    assert main(["--root", str(example_project.root), "queries"]) == 0
    assert main(["nosuchcommand"]) == 2
    Path  # noqa: B018 - imported for fixtures' types


def test_ctrl_c_exits_130_with_one_line(sources):
    """SIGINT during a long command: exit code 130, one line on stderr, no traceback."""
    import signal
    import subprocess
    import sys
    import time

    from .conftest import ROOT

    command = [sys.executable, "-m", "vnrukg", "--root", str(ROOT), "validate"]
    process = subprocess.Popen(
        [*command, "--sources", str(sources)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    time.sleep(2.0)  # loading and checking the curated graph takes several seconds
    assert process.poll() is None, "validate finished before it could be interrupted"
    process.send_signal(signal.SIGINT)
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert [line for line in err.splitlines() if line.strip()] == ["Interrupted."]


def test_ctrl_c_while_the_command_line_loads_exits_130():
    """SIGINT before the command line has even loaded (a busy machine): still 130, one line."""
    import subprocess
    import sys

    code = (
        "import os, signal, runpy, sys\n"
        "import builtins\n"
        "real = builtins.__import__\n"
        "def slow(name, *a, **k):\n"
        "    if name == 'cli' or name.endswith('.cli'):\n"
        "        os.kill(os.getpid(), signal.SIGINT)\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = slow\n"
        "sys.argv = ['vnrukg', '--version']\n"
        "from vnrukg.__main__ import run\n"
        "run()\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.returncode == 130, done.stderr
    assert [line for line in done.stderr.splitlines() if line.strip()] == ["Interrupted."]
