"""Ill-typed literals: every XSD datatype checked, reported as FILE:LINE, nothing on stderr."""

from __future__ import annotations

import subprocess
import sys

import pytest

from vnrukg.datatypes import XSD, problem
from vnrukg.validate import validate

from .test_shapes import _break


@pytest.mark.parametrize(
    ("text", "datatype"),
    [
        ("2024", "gYear"),
        ("-0044", "gYear"),
        ("2024-08", "gYearMonth"),
        ("2024-02-29", "date"),
        ("4500000000.0", "decimal"),
        ("12", "integer"),
        ("true", "boolean"),
        ("1.5e3", "double"),
        ("https://w3id.org/vnrukg/", "anyURI"),
        ("anything at all", "string"),
    ],
)
def test_valid_literals_pass(text, datatype):
    assert problem(text, XSD + datatype) is None


@pytest.mark.parametrize(
    ("text", "datatype"),
    [
        ("abc", "gYear"),
        ("2024-8", "gYearMonth"),
        ("2024-13-45", "date"),
        ("2023-02-29", "date"),
        ("12x", "integer"),
        (" 12", "integer"),
        ("maybe", "boolean"),
        ("-1", "nonNegativeInteger"),
        ("1,5", "decimal"),
        ("2024", "year"),
    ],
)
def test_ill_typed_literals_are_named(text, datatype):
    reason = problem(text, XSD + datatype)
    assert reason is not None and f"xsd:{datatype}" in reason


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            'vnru:dateSigned "1978-11-03"^^xsd:date',
            'vnru:dateSigned "abc"^^xsd:gYear',
            '"abc"^^xsd:gYear is not a valid xsd:gYear',
        ),
        (
            'vnru:dateSigned "1978-11-03"^^xsd:date',
            'vnru:dateSigned "1978-11-31"^^xsd:date',
            '"1978-11-31"^^xsd:date is not a valid xsd:date',
        ),
    ],
)
def test_validate_reports_ill_typed_literals(example_project, sources, old, new, expected):
    _break(example_project, old, new)
    lines = (example_project.graph_dir / "example.ttl").read_text(encoding="utf-8").splitlines()
    line = next(n for n, text in enumerate(lines, 1) if new in text)
    report = validate(example_project, sources)
    found = [p for p in report.errors if p.check == "datatype"]
    assert [p.render() for p in found] == [
        f"graph/example.ttl:{line}: vnrd:treaty-1978: {expected}"
        + found[0].message.removeprefix(expected)
        + " [datatype]"
    ]
    assert found[0].message.startswith(expected)


def test_cli_validate_prints_no_traceback(example_project, sources):
    _break(
        example_project,
        'vnru:dateSigned "1978-11-03"^^xsd:date',
        'vnru:dateSigned "1978-13-03"^^xsd:date',
    )
    command = [sys.executable, "-m", "vnrukg", "--root", str(example_project.root)]
    done = subprocess.run(
        [*command, "validate", "--sources", str(sources)], capture_output=True, text=True
    )
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    errors = [line for line in done.stderr.splitlines() if line]
    assert len(errors) == 1 and errors[0].endswith("[datatype]"), done.stderr
    assert "FAILED: 1 error(s)" in done.stdout
