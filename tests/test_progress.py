"""Progress displays: on a terminal's stderr only, never on stdout, a pipe or under CI."""

from __future__ import annotations

import io

import pytest

from vnrukg import progress
from vnrukg.progress import SILENT, display, shown

from .conftest import make_project
from .pty_support import VNRUKG, both


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shown_only_on_a_terminal_outside_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("VNRUKG_PROGRESS", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    assert shown(Terminal())
    assert not shown(io.StringIO())
    monkeypatch.setenv("CI", "true")
    assert not shown(Terminal())
    monkeypatch.delenv("CI")
    monkeypatch.setenv("VNRUKG_PROGRESS", "0")
    assert not shown(Terminal())


def test_a_pipe_gets_the_silent_display(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    stream = io.StringIO()
    with display(stream=stream) as shown_progress:
        task = shown_progress.task("work", total=2)
        task.step("one")
        task.finish()
    assert shown_progress is SILENT
    assert stream.getvalue() == ""


def test_quick_work_never_shows_a_delayed_display(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.delenv("VNRUKG_PROGRESS_DELAY", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stream = Terminal()
    with display(delay=progress.LARGE_WORK, stream=stream) as shown_progress:
        shown_progress.task("quick", total=1).finish()
    assert stream.getvalue() == ""


def test_a_terminal_sees_the_display_and_it_is_cleared(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")
    stream = Terminal()
    with display(stream=stream) as shown_progress:
        task = shown_progress.task("upload", total=10, unit="bytes")
        task.advance(5)
        task.advance(20)  # more than said: the total grows
        task.finish()
    assert "upload" in stream.getvalue()
    assert stream.getvalue().endswith("\x1b[2K")  # the last line erased: nothing left behind


@pytest.fixture(scope="module")
def project(tmp_path_factory):
    return make_project(tmp_path_factory.mktemp("progress"))


def _check(terminal, piped, *words: str) -> None:
    assert terminal.code == piped.code == 0, (terminal.err[-2000:], piped.err)
    assert terminal.out == piped.out  # stdout: the same bytes either way
    assert terminal.drawn, terminal.err
    for word in words:
        assert word.encode() in terminal.err
    assert not piped.drawn, piped.err


def test_validate_shows_its_checks(project):
    args = [VNRUKG, "--root", str(project.root), "validate"]
    terminal, piped = both(args, VNRUKG_PROGRESS_DELAY="0")
    _check(terminal, piped, "validate", "SHACL shapes")
    assert piped.err == b""


def test_build_shows_its_steps(project, tmp_path):
    args = [VNRUKG, "--root", str(project.root), "build", "-o", str(tmp_path / "dist")]
    terminal, piped = both(args)
    _check(terminal, piped, "validate", "build", "graph")
    assert b"wrote " in piped.out


def test_viz_shows_network_layout_and_page(project, tmp_path):
    args = [VNRUKG, "--root", str(project.root), "viz", "-o", str(tmp_path / "n.html")]
    terminal, piped = both(args, VNRUKG_PROGRESS_DELAY="0")
    _check(terminal, piped, "viz")
    assert piped.err.startswith(b"wrote ")


def test_nothing_is_drawn_under_ci(project):
    args = [VNRUKG, "--root", str(project.root), "validate"]
    terminal, _ = both(args, VNRUKG_PROGRESS_DELAY="0", CI="true")
    assert not terminal.drawn, terminal.err


def test_bench_shows_its_runs(project, tmp_path):
    """bench/run.py's runs on a terminal; the report on stdout, with the same lines piped
    (but for the times measured)."""
    import sys

    from .engine_support import REPO

    args = [sys.executable, str(REPO / "bench" / "run.py"), "--sizes", "10k"]
    args += ["--engines", "oxigraph", "--budget", "0.02", "--cold-runs", "1", "--warm-budget", "0"]
    args += ["--root", str(project.root), "--data", str(tmp_path)]
    terminal, piped = both(args)
    assert terminal.code == piped.code == 0, terminal.err[-2000:]
    assert terminal.drawn and b"bench" in terminal.err and b"10k oxigraph" in terminal.err
    assert not piped.drawn, piped.err

    def headings(out: bytes) -> list[str]:
        return [line for line in out.decode().splitlines() if line.startswith("#")]

    assert headings(terminal.out) == headings(piped.out)
    assert len(headings(piped.out)) >= 4
