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

from rdflib import Graph

from .namespaces import VNRU
from .quotes import SourceText, check_quotes, read_sources

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

    @property
    def share(self) -> float:
        return self.covered / self.letters if self.letters else 0.0


def _sentences(text: str):
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
    return [_measure(sources[name], spans[name]) for name in sorted(sources)]
