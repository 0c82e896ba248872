"""How much of each source text the graph quotes: a curator's check for completeness.

Every citation's quote is located in its source text; a letter is covered when some quote
spans it. A sentence counts as uncovered when less than 30 % of its letters are covered —
a paragraph's facts are then probably missing from the graph (headings, photo captions and
methodology sentences are the usual exceptions).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef

from .namespaces import VNRU, shorten
from .quotes import SourceText, check_quotes, read_sources
from .store import KnowledgeGraph
from .translations import translated_share

_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
MIN_LETTERS = 25
COVERED_SHARE = 0.3


@dataclass
class SourceCoverage:
    """Coverage of one source text."""

    name: str
    letters: int
    covered: int
    sentences: int
    uncovered: list[tuple[int, str]] = field(default_factory=list)
    citations: int = 0
    translated: int = 0

    @property
    def share(self) -> float:
        return self.covered / self.letters if self.letters else 0.0


def _sentences(text: str) -> Any:
    flat = text.replace("\n", " ")
    for match in _SENTENCE.finditer(flat):
        yield match.start(), match.end()


def _measure(source: SourceText, spans: list[tuple[int, int]]) -> SourceCoverage:
    text = source.text
    mask = bytearray(len(text))
    for start, end in spans:
        mask[start:end] = b"\x01" * (end - start)
    letters = [i for i, ch in enumerate(text) if ch.isalnum()]
    result = SourceCoverage(source.name, len(letters), sum(mask[i] for i in letters), 0)
    for start, end in _sentences(text):
        inside = [i for i in range(start, end) if text[i].isalnum()]
        if len(inside) < MIN_LETTERS:
            continue
        result.sentences += 1
        if sum(mask[i] for i in inside) / len(inside) < COVERED_SHARE:
            line = text.count("\n", 0, start) + 1
            result.uncovered.append((line, " ".join(text[start:end].split())))
    return result


def coverage(graph: Graph, folder: Path) -> list[SourceCoverage]:
    """Coverage of every curated source text by the graph's quotes."""
    sources = read_sources(folder)
    located = check_quotes(graph, sources).offsets
    spans: dict[str, list[tuple[int, int]]] = {name: [] for name in sources}
    for citation, where in located.items():
        source = graph.value(citation, VNRU.source)
        name = str(graph.value(source, VNRU.sourceFile)) if source is not None else None
        if name in spans:
            spans[name].append(where)
    results = [_measure(sources[name], spans[name]) for name in sorted(sources)]
    by_file = {str(graph.value(s, VNRU.sourceFile)): s for s in graph.subjects(VNRU.sourceFile)}
    shares = translated_share(graph)
    for item in results:
        source = by_file.get(item.name)
        found = shares.get(source, (0, 0)) if isinstance(source, URIRef) else (0, 0)
        item.translated, item.citations = found
    return results


def untranslated(kg: KnowledgeGraph) -> list[str]:
    """``FILE:LINE: FACT`` for every citation without a translation, in file order."""
    found = []
    for name, part in kg.named.items():
        path = kg.paths.get(name)
        if path is None:
            continue
        lines = path.read_text(encoding="utf-8").splitlines()
        facts = {c: f for f, c in part.subject_objects(VNRU.citation)}
        for citation, quote in part.subject_objects(VNRU.quote):
            english = (getattr(quote, "language", None) or "").lower().startswith("en")
            if english or (citation, VNRU.translation, None) in part:
                continue
            fact = shorten(str(facts.get(citation, citation)))
            found.append((kg.project.relative(path), _quote_line(lines, fact, str(quote)), fact))
    return [f"{file}:{line}: {fact}" for file, line, fact in sorted(found)]


def _quote_line(lines: list[str], fact: str, quote: str) -> int:
    """The line of ``quote`` in the description of ``fact`` (else its first line anywhere)."""
    head = quote.split("\n", 1)[0][:40].replace('"', '\\"')
    starts = [n for n, text in enumerate(lines) if text.startswith(fact + " ")] or [0]
    for start in [*starts, 0]:
        for number in range(start, len(lines)):
            if "vnru:quote" in lines[number] and head in lines[number]:
                return number + 1
    return 0
