"""Quotes are matched verbatim (or across the sources' own line breaks), and located."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from rdflib import Graph, Literal, URIRef

from vnrukg.namespaces import VNRD, VNRU
from vnrukg.quotes import SourceText, check_quotes

TEXT = "Dòng một của văn bản, \ntiếp tục ở dòng hai. Hết."


def _source(tmp_path: Path) -> SourceText:
    path = tmp_path / "x.txt"
    path.write_text(TEXT, encoding="utf-8")
    return SourceText.read(path)


def test_exact_quote_is_located(tmp_path):
    source = _source(tmp_path)
    start, end = source.locate("văn bản")
    assert TEXT[start:end] == "văn bản"


def test_quote_across_a_line_break(tmp_path):
    source = _source(tmp_path)
    where = source.locate("của văn bản, tiếp tục")
    assert where is not None
    assert TEXT[where[0] : where[1]] == "của văn bản, \ntiếp tục"


def test_changed_letter_is_not_found(tmp_path):
    assert _source(tmp_path).locate("cua văn bản") is None


def _graph(quote: str, start=None, end=None) -> Graph:
    g = Graph()
    fact, citation, source = VNRD.fact, URIRef(str(VNRD.fact) + "/citation/1"), VNRD["source-x"]
    g.add((fact, VNRU.citation, citation))
    g.add((citation, VNRU.quote, Literal(quote, lang="vi")))
    g.add((citation, VNRU.source, source))
    g.add((source, VNRU.sourceFile, Literal("x.txt")))
    if start is not None:
        g.add((citation, VNRU.charStart, Literal(start)))
        g.add((citation, VNRU.charEnd, Literal(end)))
    return g


def test_check_reports_longest_run(tmp_path):
    sources = {"x.txt": _source(tmp_path)}
    result = check_quotes(_graph("Dòng một của văn bẢn"), sources)
    assert result.checked == 1
    assert "longest verbatim run is 4 of 5 words" in result.problems[0].problem


def test_check_diagnoses_unicode_normalisation(tmp_path):
    sources = {"x.txt": _source(tmp_path)}
    nfd = unicodedata.normalize("NFD", "văn bản")
    result = check_quotes(_graph(nfd), sources)
    assert "NFC" in result.problems[0].problem


def test_offsets_must_hold_the_quote(tmp_path):
    sources = {"x.txt": _source(tmp_path)}
    start = TEXT.index("văn")
    assert not check_quotes(_graph("văn bản", start, start + 7), sources).problems
    bad = check_quotes(_graph("văn bản", 0, 7), sources)
    assert "do not hold the quote" in bad.problems[0].problem


def test_unknown_source_file(tmp_path):
    result = check_quotes(_graph("văn bản"), {})
    assert "x.txt is not in the sources folder" in result.problems[0].problem
