"""Check that every quote is verbatim in its source text, and find where.

A quote must be an exact substring of the text named by its source's ``vnru:sourceFile``. Two
of the sources break lines inside sentences, so a quote that runs across a break may write a
space (or nothing but the break itself): such a quote matches when the source and the quote
agree after every run of whitespace is collapsed to one space. Anything else (a changed
letter, a different Unicode normalisation, an ellipsis) fails.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.term import Node

from .namespaces import VNRU

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True)
class SourceText:
    """One source text, with a whitespace-collapsed copy and the map back to offsets."""

    name: str
    text: str
    collapsed: str
    positions: tuple[int, ...]

    @classmethod
    def read(cls, path: Path) -> SourceText:
        text = path.read_text(encoding="utf-8")
        collapsed, positions = _collapse(text)
        return cls(path.name, text, collapsed, tuple(positions))

    def locate(self, quote: str) -> tuple[int, int] | None:
        """Character offsets ``(start, end)`` of the quote in the text, or ``None``."""
        start = self.text.find(quote)
        if start >= 0:
            return start, start + len(quote)
        needle = _SPACE.sub(" ", quote).strip()
        if not needle:
            return None
        found = self.collapsed.find(needle)
        if found < 0:
            return None
        end_index = found + len(needle) - 1
        return self.positions[found], self.positions[end_index] + 1

    def matches_at(self, quote: str, start: int, end: int) -> bool:
        """Whether the text between the offsets is the quote (up to whitespace)."""
        return 0 <= start < end <= len(self.text) and _same(self.text[start:end], quote)


def _same(a: str, b: str) -> bool:
    return _SPACE.sub(" ", a).strip() == _SPACE.sub(" ", b).strip()


def _collapse(text: str) -> tuple[str, list[int]]:
    out: list[str] = []
    positions: list[int] = []
    in_space = False
    for index, char in enumerate(text):
        if char.isspace():
            if not in_space:
                out.append(" ")
                positions.append(index)
            in_space = True
        else:
            out.append(char)
            positions.append(index)
            in_space = False
    return "".join(out), positions


@dataclass(frozen=True)
class QuoteProblem:
    """A citation whose quote could not be verified."""

    citation: Node
    fact: Node | None
    source: Node | None
    quote: str
    problem: str


@dataclass(frozen=True)
class QuoteCheck:
    """The outcome of checking every quote: how many, which failed, where each one is."""

    checked: int
    problems: list[QuoteProblem]
    offsets: dict[URIRef, tuple[int, int]]


def read_sources(folder: Path) -> dict[str, SourceText]:
    """Every ``*.txt`` file of a folder, by file name."""
    return {p.name: SourceText.read(p) for p in sorted(folder.glob("*.txt"))}


def _diagnose(source: SourceText, quote: str) -> str:
    nfc = unicodedata.normalize("NFC", quote)
    if nfc != quote and source.locate(nfc):
        return "quote is not in Unicode NFC form (retype it or normalise it to NFC)"
    words = quote.split()
    best = 0
    for length in range(len(words), 0, -1):
        if any(
            source.locate(" ".join(words[i : i + length]))
            for i in range(0, len(words) - length + 1)
        ):
            best = length
            break
    if best:
        longest = f"its longest verbatim run is {best} of {len(words)} words"
        return f"quote not found in {source.name} ({longest})"
    return f"quote not found in {source.name}"


def check_quotes(graph: Graph, sources: dict[str, SourceText]) -> QuoteCheck:
    """Check every citation of ``graph`` against the source texts."""
    problems: list[QuoteProblem] = []
    offsets: dict[URIRef, tuple[int, int]] = {}
    checked = 0
    facts = {c: f for f, c in graph.subject_objects(VNRU.citation)}
    for citation, quote in sorted(graph.subject_objects(VNRU.quote)):
        checked += 1
        source = graph.value(citation, VNRU.source)
        fact = facts.get(citation)

        def fail(
            problem: str,
            source: Node | None = source,
            quote: Node = quote,
            fact: Node | None = fact,
            citation: Node = citation,
        ) -> None:
            problems.append(QuoteProblem(citation, fact, source, str(quote), problem))

        if source is None:
            fail("citation has no vnru:source")
            continue
        name = graph.value(source, VNRU.sourceFile)
        if name is None:
            fail(f"source {source} has no vnru:sourceFile: quotes must come from a curated text")
            continue
        text = sources.get(str(name))
        if text is None:
            fail(f"source text {name} is not in the sources folder")
            continue
        where = text.locate(str(quote))
        if where is None:
            fail(_diagnose(text, str(quote)))
            continue
        start, end = graph.value(citation, VNRU.charStart), graph.value(citation, VNRU.charEnd)
        if start is not None or end is not None:
            given = (int(str(start or 0)), int(str(end or 0)))
            if not text.matches_at(str(quote), *given):
                actual = f"it is at {where[0]}–{where[1]}"
                fail(f"offsets {given[0]}–{given[1]} do not hold the quote ({actual})")
                continue
            where = given
        offsets[URIRef(str(citation))] = where
    return QuoteCheck(checked, problems, offsets)
