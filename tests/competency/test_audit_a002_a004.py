"""The second reading of articles 002, 003 and 004: each fix or addition checked by a query.

Every test asks the loaded graph (fixture ``kg``) with SPARQL and compares the answer with the
source text or with other facts of the graph, never with a hard-coded answer.
"""

from __future__ import annotations

import re

import pytest

from vnrukg.project import find_sources

from .harness import run


def _source_text(project, stem: str) -> str:
    folder = find_sources(project)
    if folder is None:
        pytest.skip("the source texts are not beside the project")
    matches = sorted(folder.glob(f"{stem}_*.txt"))
    assert matches, f"no source text {stem}_*.txt in {folder}"
    return matches[0].read_text(encoding="utf-8")


def _collapse(text: str) -> str:
    return " ".join(str(text).split())


def _uncovered(sentence: str, quotes: list[str]) -> str:
    """The letters of ``sentence`` that none of ``quotes`` covers (punctuation ignored)."""
    covered = [False] * len(sentence)
    for quote in quotes:
        start = sentence.find(quote)
        while start != -1:
            for i in range(start, start + len(quote)):
                covered[i] = True
            start = sentence.find(quote, start + 1)
    return "".join(c for c, done in zip(sentence, covered, strict=True) if not done and c.isalnum())


def test_002_partnership_outlook_quotes_cover_its_summary(kg, project):
    """The article's closing assessment (expected benefits for both peoples and for regional
    and global peace) is summarised in full, so its quotes must cover the whole sentence."""
    result = run(
        kg.graph,
        """
SELECT ?quote WHERE {
  ?s a vnru:Statement ; vnru:statedBy vnrd:source-002 ; vnru:citation ?c .
  ?c vnru:source vnrd:source-002 ; vnru:quote ?quote .
  ?s vnru:citation ?c0 . ?c0 vnru:quote ?q0 .
  FILTER(STRSTARTS(STR(?q0), "Với nền tảng quan hệ vững chắc"))
}""",
    )
    quotes = [_collapse(row[0]) for row in result.rows]
    assert quotes, "no statement quotes the article's closing sentence"
    text = _source_text(project, "002")
    closing = next(
        _collapse(s) for s in re.split(r"(?<=\.)\s+", text) if "Với nền tảng quan hệ vững chắc" in s
    )
    missing = _uncovered(closing, quotes)
    assert not missing, (
        f"letters of the closing sentence no quote of its statement covers: {missing}"
    )


def test_004_every_photo_caption_is_quoted(kg, project):
    """The five photo captions ('… - Ảnh N.') repeat the headline on the talks; each is quoted."""
    text = _source_text(project, "004")
    captions = {
        _collapse(line) for line in text.splitlines() if re.search(r"- Ảnh \d+\.\s*$", line)
    }
    assert captions, "no photo caption found in the source"
    result = run(
        kg.graph,
        """
SELECT ?quote WHERE {
  ?t a vnru:Talks ; vnru:citation ?c .
  ?c vnru:source vnrd:source-004 ; vnru:quote ?quote .
}""",
    )
    quoted = {_collapse(row[0]) for row in result.rows}
    missing = sorted(c for c in captions if not any(c in q for q in quoted))
    assert not missing, f"photo captions not quoted on the talks: {missing}"
