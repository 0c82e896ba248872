"""Coverage of the source texts by quotes: measured, and reported by `vnrukg coverage`."""

from __future__ import annotations

from click.testing import CliRunner

from vnrukg.cli import cli
from vnrukg.coverage import coverage


def test_example_covers_little(example_kg, sources):
    items = {c.name: c for c in coverage(example_kg.graph, sources)}
    talks = items["004_0f89e1410a4163cd.txt"]
    assert 0 < talks.share < 0.2
    assert talks.sentences > 20
    assert len(talks.uncovered) >= talks.sentences - 3
    assert items["002_30a8aa393b8066a4.txt"].covered == 0


def test_cli_lists_uncovered_sentences(example_project, sources):
    result = CliRunner().invoke(
        cli,
        ["--root", str(example_project.root), "coverage", "--sources", str(sources), "--uncovered"],
    )
    assert result.exit_code == 0, result.output
    assert (
        "002_30a8aa393b8066a4.txt: 0% of letters quoted; 33 of 33 sentences uncovered"
        in result.output
    )
    assert "    line 1: date 2025-04 Vào chiều 2/4, Tổng Bí thư Tô Lâm" in result.output
