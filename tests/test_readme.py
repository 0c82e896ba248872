"""README's set-up commands: CI runs exactly the README's test command."""

from __future__ import annotations

import re

from .conftest import ROOT


def _fenced_after(heading: str) -> str:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split(heading, 1)[1]
    match = re.search(r"```(?:console|sh|bash)?\n(.*?)```", section, re.S)
    assert match, f"no command block after {heading!r}"
    lines = [ln.removeprefix("$ ").strip() for ln in match.group(1).splitlines() if ln.strip()]
    assert len(lines) == 1, lines
    return lines[0]


def test_ci_runs_exactly_the_readme_test_command():
    command = _fenced_after("Run the tests")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert command in [line.strip() for line in ci.splitlines()], (command, ci)
    assert "pytest" in command


def test_readme_main_command_builds():
    command = _fenced_after("Build everything")
    assert "vnrukg build" in command
    assert "pip install" in command
