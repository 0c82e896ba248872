"""Finding the project folder and the source texts."""

from __future__ import annotations

import pytest

from vnrukg.errors import VnrukgError
from vnrukg.project import find_project, find_sources


def test_root_given(example_project):
    assert find_project(example_project.root).root == example_project.root


def test_current_directory_is_used(example_project, monkeypatch):
    monkeypatch.chdir(example_project.root)
    assert find_project().root.resolve() == example_project.root.resolve()


def test_sources_from_environment(example_project, tmp_path, monkeypatch):
    monkeypatch.setenv("VNRUKG_SOURCES", str(tmp_path))
    assert find_sources(example_project) == tmp_path
    monkeypatch.setenv("VNRUKG_SOURCES", str(tmp_path / "missing"))
    with pytest.raises(VnrukgError, match="VNRUKG_SOURCES names a folder that does not exist"):
        find_sources(example_project)


def test_sources_beside_the_project(tmp_path, monkeypatch):
    from .conftest import make_project

    project = make_project(tmp_path / "repo")
    (tmp_path / "shared" / "sources").mkdir(parents=True)
    monkeypatch.delenv("VNRUKG_SOURCES", raising=False)
    monkeypatch.chdir(tmp_path)
    assert find_sources(project) == (tmp_path / "shared" / "sources").resolve()
