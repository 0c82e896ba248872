"""Every competency question is answered by a query on the built graph (cases per article)."""

from __future__ import annotations

import importlib
import pkgutil
import re
from pathlib import Path

import pytest

from vnrukg.sparql import find_query

from . import harness

_MODULES = [
    importlib.import_module(f"{__package__}.{m.name}")
    for m in pkgutil.iter_modules([str(Path(__file__).parent)])
    if m.name.startswith("cases_")
]
CASES = [case for module in _MODULES for case in module.CASES]


def test_case_ids_are_unique():
    ids = [c.id for c in CASES]
    assert len(ids) == len(set(ids)), sorted({i for i in ids if ids.count(i) > 1})


def test_every_question_has_a_case(questions):
    missing = sorted(set(questions) - {c.id for c in CASES})
    assert not missing, f"{len(missing)} questions without a case: {missing[:30]}"


def test_cases_name_real_questions(questions):
    unknown = sorted({c.id for c in CASES} - set(questions))
    assert not unknown, unknown


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_question(case: harness.Case, kg, project):
    if case.named:
        named = find_query(project, case.named)
        result = harness.run(kg.graph, named.text, named.bindings(case.params))
    else:
        assert case.sparql, "a case needs sparql or named"
        result = harness.run(kg.graph, case.sparql)
    case.check(result)


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", harness.fold(text)))


def test_question_quotes_are_cited(questions, kg):
    """The evidence of every question is in the graph: some citation quotes the same passage."""
    from vnrukg.namespaces import VNRU

    by_source: dict[str, list[str]] = {}
    for citation, quote in kg.graph.subject_objects(VNRU.quote):
        source = kg.graph.value(citation, VNRU.source)
        name = kg.graph.value(source, VNRU.sourceFile) if source is not None else None
        by_source.setdefault(str(name), []).append(harness.fold(str(quote)))
    missing = []
    for qid, question in sorted(questions.items()):
        wanted = harness.fold(question["quote"])
        quotes = by_source.get(question["doc"], [])
        if any(wanted in q or (q in wanted and len(q) > 20) for q in quotes):
            continue
        words = _words(wanted)
        if any(len(words & _words(q)) >= 0.6 * len(words) for q in quotes):
            continue
        missing.append(qid)
    assert not missing, f"{len(missing)} questions whose passage no citation quotes: {missing[:40]}"
