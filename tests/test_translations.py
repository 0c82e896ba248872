"""The curators' English translations: numbers kept by value, never the quote itself."""

from __future__ import annotations

from decimal import Decimal

import pytest
from click.testing import CliRunner

from vnrukg.cli import cli
from vnrukg.store import load
from vnrukg.translations import missing_numbers, needs_translating, readings
from vnrukg.validate import validate

from .test_shapes import _break


@pytest.mark.parametrize(
    ("written", "values"),
    [
        ("1.000", {Decimal(1000), Decimal(1)}),
        ("81,5", {Decimal("81.5")}),
        ("7,471", {Decimal("7.471"), Decimal(7471)}),
        ("513.582", {Decimal(513582), Decimal("513.582")}),
        ("10.000.000", {Decimal(10_000_000)}),
        ("2024", {Decimal(2024)}),
        ("2.4.2025", {Decimal(2), Decimal(4), Decimal(2025)}),
    ],
)
def test_readings_of_a_written_number(written, values):
    assert readings(written) == {v.normalize() for v in values}


def test_numbers_kept_in_english_conventions():
    quote = "năm 2024 đạt 7,471 tỷ USD, 1.000 suất học bổng, chiếm 81,5% ⁽¹⁶⁾"
    translation = "in 2024 reached USD 7.471 billion, 1,000 scholarships, 81.5%"
    assert missing_numbers(quote, translation) == []


def test_dropped_and_changed_numbers_are_named():
    quote = "năm 2024 đạt 7,471 tỷ USD, tăng 27,4% và 15 dự án"
    assert missing_numbers(quote, "reached USD 7.471 billion, up 27.5%") == ["2024", "27,4"]


def test_short_numbers_and_footnote_marks_are_not_required():
    assert missing_numbers("lần thứ 13 ⁽¹⁶⁾", "the 13th") == []
    assert missing_numbers("lần thứ 13", "the thirteenth") == []


def test_example_translations_conform(example_project, sources):
    report = validate(example_project, sources)
    assert report.ok, [p.render() for p in report.problems]
    assert report.counts["translations"] == report.counts["quotes"] == 15


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        (
            'vnru:translation "(16 June 1994 – 16 June 2024)"@en',
            'vnru:translation "(16 June 1994 – 16 June 2042)"@en',
            "translation drops number(s) of the quote: 2024",
        ),
        (
            'vnru:translation "Minister of Defence of Vietnam"@en',
            'vnru:translation "Bộ trưởng Bộ Quốc phòng Việt Nam"@en',
            "translation is the quote itself",
        ),
        (
            'vnru:translation "comrade Andrey Removich Belousov"@en',
            'vnru:translation "comrade Andrey Removich Belousov"@de',
            "at most one vnru:translation",
        ),
        (
            'vnru:translation "comrade Andrey Removich Belousov"@en',
            'vnru:translation "comrade Andrey Removich Belousov"@en , "Andrey Belousov"@en',
            "at most one vnru:translation",
        ),
    ],
    ids=["number", "identical", "not-english", "two"],
)
def test_bad_translations_are_reported(example_project, sources, old, new, message):
    _break(example_project, old, new)
    report = validate(example_project, sources)
    assert not report.ok
    found = [p for p in report.errors if message in p.message]
    assert found, [p.render() for p in report.errors]
    assert found[0].file == "graph/example.ttl" and found[0].line


def test_translating_a_quote_keeps_its_citation_iri(example_project):
    before = {str(c) for c in load(example_project).graph.subjects(predicate=None)}
    _break(example_project, ' vnru:translation "comrade Andrey Removich Belousov"@en ;', "")
    after = {str(c) for c in load(example_project).graph.subjects(predicate=None)}
    assert before == after


def test_coverage_counts_and_lists_untranslated(example_project, sources):
    _break(example_project, ' vnru:translation "comrade Andrey Removich Belousov"@en ;', "")
    runner = CliRunner()
    args = ["--root", str(example_project.root), "coverage", "--sources", str(sources)]
    result = runner.invoke(cli, [*args, "--untranslated"])
    assert result.exit_code == 0, result.output
    assert "004_0f89e1410a4163cd.txt: " in result.output
    assert "28 sentences uncovered; 6/7 quotes translated" in result.output
    assert result.output.rstrip().splitlines()[-1] == "graph/example.ttl:138: vnrd:andrey-belousov"


@pytest.mark.parametrize(
    ("quote", "expected"),
    [
        ("(Hà Mỹ Hương, 2010)", False),
        ("Su-30MK2", False),
        ("(Lan Anh, 2013)", False),
        ("Đại sứ Đặng Minh Khôi", True),  # "sứ" is a word, not a name
        ("năm 2018", True),
        ("QUỐC PHÒNG - AN NINH", True),
        ("Tổng Bí thư Tô Lâm đã tiếp", True),
    ],
)
def test_which_quotes_need_translating(quote, expected):
    assert needs_translating(quote) is expected
