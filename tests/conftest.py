"""Shared fixtures: a small example project in a temporary folder, and the source texts."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from vnrukg.project import Project

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SOURCES = ROOT.parent / "shared" / "sources"


def make_project(target: Path, graph_dir: Path = FIXTURES / "example" / "graph") -> Project:
    """A project with the real ontology and queries and the given curated files."""
    shutil.copytree(ROOT / "ontology", target / "ontology")
    shutil.copytree(ROOT / "queries", target / "queries")
    shutil.copytree(graph_dir, target / "graph")
    return Project(target)


@pytest.fixture
def example_project(tmp_path: Path) -> Project:
    """The example graph of tests/fixtures/example with the project's ontology and queries."""
    return make_project(tmp_path / "project")


@pytest.fixture(scope="session")
def sources() -> Path:
    """The folder of source texts beside the project (skips when absent)."""
    if not SOURCES.is_dir():
        pytest.skip("../shared/sources is not beside the project")
    return SOURCES


@pytest.fixture(scope="session")
def example_kg(tmp_path_factory):
    """The example project, loaded once."""
    from vnrukg.store import load

    return load(make_project(tmp_path_factory.mktemp("example") / "project"))
