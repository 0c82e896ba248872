"""Helpers shared by the engine, store, push and CLI tests: small projects in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "fixtures"
FIXTURE_QUERIES = FIXTURES / "queries"


def make_project(tmp_path: Path, queries: Path | None = FIXTURE_QUERIES) -> Path:
    """A project in ``tmp_path/project``: the ontology, the example graph and named queries."""
    root = tmp_path / "project"
    shutil.copytree(REPO / "ontology", root / "ontology")
    shutil.copytree(FIXTURES / "example" / "graph", root / "graph")
    (root / "queries").mkdir()
    if queries is not None:
        for path in sorted(queries.glob("*.rq")):
            shutil.copyfile(path, root / "queries" / path.name)
    return root
