"""``vnrukg serve``: help, the --get mode and its exit codes, refusing to expose by mistake."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from vnrukg.cli import cli, main

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> str:
    folder = tmp_path_factory.mktemp("serve-cli")
    shutil.copytree(REPO / "ontology", folder / "ontology")
    (folder / "graph").mkdir()
    shutil.copy(REPO / "tests/fixtures/example/graph/example.ttl", folder / "graph")
    shutil.copytree(REPO / "tests/server/fixtures/queries", folder / "queries")
    return str(folder)


def test_help_has_examples():
    result = CliRunner().invoke(cli, ["serve", "-h"])
    assert result.exit_code == 0
    assert "Serve the graph: a read-only SPARQL endpoint" in result.output
    assert "vnrukg serve --get /id/russia --accept text/turtle" in result.output


def test_get_a_page_exits_0(root):
    result = CliRunner().invoke(
        cli, ["--root", root, "serve", "--get", "/id/russia", "--accept", "text/turtle"]
    )
    assert result.exit_code == 0
    assert "vnrd:russia a schema:Country," in result.output


def test_get_a_query_runs_in_a_worker(root):
    result = CliRunner().invoke(
        cli,
        ["--root", root, "serve", "--get", "/sparql?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D&format=json"],
    )
    assert result.exit_code == 0
    assert json.loads(result.output) == {"head": {}, "boolean": True}


def test_get_a_named_query(root):
    result = CliRunner().invoke(
        cli, ["--root", root, "serve", "--get", "/queries/people?nationality=russia&format=csv"]
    )
    assert result.exit_code == 0
    assert result.stdout_bytes == (
        b"person,name_en,name_vi,nationality\r\n"
        b"https://w3id.org/vnrukg/id/andrey-belousov,Andrey Removich Belousov,"
        b"Andrey Removich Belousov,https://w3id.org/vnrukg/id/russia\r\n"
    )


def test_get_not_found_exits_1(root, capsys):
    assert main(["--root", root, "serve", "--get", "/id/atlantis", "--accept", "text/turtle"]) == 1
    captured = capsys.readouterr()
    assert json.loads(captured.out)["status"] == 404
    assert captured.err == "HTTP 404\n"


def test_get_refused_update_exits_1(root, capsys):
    assert main(["--root", root, "serve", "--get", "/sparql?update=CLEAR%20ALL"]) == 1
    assert json.loads(capsys.readouterr().out)["error"] == "forbidden"


def test_public_host_needs_public_flag(root, capsys):
    assert main(["--root", root, "serve", "--host", "0.0.0.0"]) == 2
    assert "add --public to mean it" in capsys.readouterr().err


def test_a_trusted_proxy_must_be_an_address(root, capsys):
    assert main(["--root", root, "serve", "--trusted-proxy", "proxy.example"]) == 2
    err = capsys.readouterr().err
    assert "--trusted-proxy 'proxy.example' is not an IP address or network" in err
    assert "Traceback" not in err


def test_unknown_engine_is_usage_error(root, capsys):
    assert main(["--root", root, "serve", "--engine", "nope", "--get", "/"]) == 2
    assert "'nope' is not one of 'oxigraph', 'rdflib'" in capsys.readouterr().err


def test_serve_needs_nothing_beyond_the_install():
    """`pip install .` (the README's build command) installs what serve needs."""
    import tomllib

    project = tomllib.loads((REPO / "pyproject.toml").read_text("utf-8"))["project"]
    core = " ".join(project["dependencies"])
    for package in ("starlette", "uvicorn", "jinja2", "vl-convert-python"):
        assert package in core


@pytest.mark.parametrize("module", ["starlette", "uvicorn", "vl_convert"])
def test_a_missing_dependency_is_one_line(root, module):
    """With a dependency gone, serve says which package to install, in one line."""
    import subprocess
    import sys

    code = (
        f"import sys; sys.modules[{module!r}] = None; "  # makes `import` fail as if uninstalled
        "from vnrukg.cli import main; "
        f"sys.exit(main(['--root', {root!r}, 'serve', '--get', '/query']))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    package = {"vl_convert": "vl-convert-python"}.get(module, module)
    assert done.stderr.strip().splitlines() == [
        f"Error: this command needs the Python package {package!r}, which is not installed; "
        f"install it with `pip install {package}` (or reinstall vnrukg: `pip install .`)"
    ]
