"""Helpers shared by the network tests: a project built from the fixture graphs in tmp_path.

The project holds the repository's ontology, ``tests/fixtures/example/graph/example.ttl`` and
``tests/fixtures/viz/viz-extra.ttl`` (sessions, a visit, an arms transfer, a second
observation, a discrepancy and two hostile labels); see the comments at the top of each file.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURES = REPO / "tests" / "fixtures"
GOLDEN = REPO / "tests" / "golden"
#: Set to 1 to rewrite the golden files from the current output instead of comparing.
REGENERATE = os.environ.get("VNRUKG_REGENERATE_GOLDEN") == "1"


def make_project(root: Path, extra: bool = True) -> Path:
    """A project folder under ``root`` with the fixture graphs."""
    shutil.copytree(REPO / "ontology", root / "ontology")
    (root / "queries").mkdir()
    graph = root / "graph"
    graph.mkdir()
    shutil.copy(FIXTURES / "example" / "graph" / "example.ttl", graph / "example.ttl")
    if extra:
        shutil.copy(FIXTURES / "viz" / "viz-extra.ttl", graph / "viz-extra.ttl")
    return root


def check_golden(name: str, text: str) -> None:
    """Compare ``text`` with ``tests/golden/NAME`` (or rewrite it when regenerating)."""
    path = GOLDEN / name
    if REGENERATE:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return
    assert path.exists(), f"missing {path}: run with VNRUKG_REGENERATE_GOLDEN=1"
    assert text == path.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def viz_root(tmp_path_factory) -> Path:
    return make_project(tmp_path_factory.mktemp("viz") / "project")


@pytest.fixture(scope="session")
def viz_kg(viz_root):
    from vnrukg.project import Project
    from vnrukg.store import load

    return load(Project(viz_root))


@pytest.fixture
def viz_net(viz_kg):
    from vnrukg.network import build_network

    return build_network(viz_kg)


def make_chart_project(root: Path) -> Path:
    """The network fixture project plus ``tests/fixtures/charts/charts-extra.ttl``."""
    make_project(root)
    shutil.copy(FIXTURES / "charts" / "charts-extra.ttl", root / "graph" / "charts-extra.ttl")
    return root


@pytest.fixture(scope="session")
def chart_kg(tmp_path_factory):
    from vnrukg.project import Project
    from vnrukg.store import load

    return load(Project(make_chart_project(tmp_path_factory.mktemp("charts") / "project")))
