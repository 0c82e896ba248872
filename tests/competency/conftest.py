"""Fixtures for the competency tests: the real project graph, loaded once."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from vnrukg.project import Project
from vnrukg.store import load

ROOT = Path(__file__).resolve().parents[2]
QUESTIONS = ROOT.parent / "shared" / "competency" / "questions.json"


@pytest.fixture(scope="session")
def project() -> Project:
    return Project(ROOT)


@pytest.fixture(scope="session")
def kg(project):
    return load(project)


@pytest.fixture(scope="session")
def questions() -> dict[str, dict]:
    if not QUESTIONS.is_file():
        pytest.skip("../shared/competency/questions.json is not beside the project")
    return {q["id"]: q for q in json.loads(QUESTIONS.read_text(encoding="utf-8"))}
