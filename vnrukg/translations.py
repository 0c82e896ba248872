"""Check the curators' English translations of quotes (``vnru:translation``).

A translation renders exactly the quoted words; what a machine can check of that is that it is
not the quote itself (unless the quote is only names and numbers, which English writes alike:
:func:`needs_translating`) and that it keeps every number the quote gives. A number counts when it
has three or more digits (years, amounts, percentages with a decimal: ``2024``, ``1.000``,
``81,5``); footnote marks are superscripts, not digits, and may be dropped. Vietnamese writes
``1.000`` for a thousand and ``81,5`` for 81.5, English the other way round, so each number is
read every way its separators allow and counts as kept when one reading is a number of the
translation (``7,471 tỷ USD`` → ``USD 7.471 billion``; ``1.000 suất`` → ``1,000 places``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .namespaces import VNRU

_NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
MIN_DIGITS = 3


def _grouped(token: str, thousands: str, decimal: str) -> Decimal | None:
    """The value of ``token`` read with these separators, or ``None`` if it is not so written."""
    whole, _, fraction = token.partition(decimal)
    if thousands in fraction or decimal in fraction:
        return None
    groups = whole.split(thousands)
    if not groups[0] or (len(groups) > 1 and len(groups[0]) > 3):
        return None
    if any(len(group) != 3 for group in groups[1:]):
        return None
    try:
        return Decimal("".join(groups) + ("." + fraction if fraction else ""))
    except InvalidOperation:
        return None


def readings(token: str) -> set[Decimal]:
    """Every value a written number can have: Vietnamese or English separators, or each part."""
    values = {
        value
        for value in (_grouped(token, ".", ","), _grouped(token, ",", "."))
        if value is not None
    }
    if not values:  # neither convention fits (a date like 2.4.2025): each part on its own
        values = {Decimal(part) for part in re.split(r"[.,]", token)}
    return {value.normalize() for value in values}


def numbers(text: str) -> list[str]:
    """The numbers of a text with at least :data:`MIN_DIGITS` digits, as written."""
    found = (m.group() for m in _NUMBER.finditer(text))
    return [n for n in found if sum(c.isdigit() for c in n) >= MIN_DIGITS]


def missing_numbers(quote: str, translation: str) -> list[str]:
    """The quote's numbers (as written) that no number of the translation equals in value."""
    kept: set[Decimal] = set()
    for token in _NUMBER.finditer(translation):
        kept |= readings(token.group())
        kept |= {Decimal(part).normalize() for part in re.split(r"[.,]", token.group())}
    return [n for n in dict.fromkeys(numbers(quote)) if not readings(n) & kept]


#: A word with a letter only Vietnamese writes (a tone mark, ă â đ ê ô ơ ư).
_VIETNAMESE_WORD = re.compile(
    r"\w*[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]\w*",
    re.IGNORECASE,
)


def needs_translating(quote: str) -> bool:
    """Whether a quote has Vietnamese words that English would not keep as they are.

    A quote made of names and numbers only ("(Hà Mỹ Hương, 2010)", "Su-30MK2") reads the same
    in English — Vietnamese names keep their diacritics — so its translation may repeat it. A
    Vietnamese word written in lower case or in capitals ("năm", "QUỐC PHÒNG") is not a name.
    """
    return any(not word.istitle() for word in _VIETNAMESE_WORD.findall(quote))


@dataclass(frozen=True)
class TranslationProblem:
    """A citation whose translation fails a check."""

    citation: URIRef
    problem: str


def check_translations(graph: Graph) -> list[TranslationProblem]:
    """Every citation whose translation equals its quote or drops one of its numbers."""
    problems: list[TranslationProblem] = []
    for citation, translation in sorted(graph.subject_objects(VNRU.translation)):
        quote = graph.value(citation, VNRU.quote)
        if quote is None or not isinstance(citation, URIRef):
            continue
        same = " ".join(str(translation).split()) == " ".join(str(quote).split())
        if same and needs_translating(str(quote)):
            problems.append(TranslationProblem(citation, "translation is the quote itself"))
            continue
        missing = missing_numbers(str(quote), str(translation))
        if missing:
            shown = ", ".join(missing)
            problems.append(
                TranslationProblem(citation, f"translation drops number(s) of the quote: {shown}")
            )
    return problems


def _in_english(graph: Graph, citation: Node) -> bool:
    quote = graph.value(citation, VNRU.quote)
    return isinstance(quote, Literal) and (quote.language or "").lower().startswith("en")


def translated_share(graph: Graph) -> dict[URIRef, tuple[int, int]]:
    """Per source document: (citations with a translation or an English quote, citations)."""
    counts: dict[URIRef, list[int]] = {}
    for citation, source in graph.subject_objects(VNRU.source):
        if (citation, VNRU.quote, None) not in graph or not isinstance(source, URIRef):
            continue
        entry = counts.setdefault(source, [0, 0])
        entry[1] += 1
        if (citation, VNRU.translation, None) in graph or _in_english(graph, citation):
            entry[0] += 1
    return {source: (done, total) for source, (done, total) in counts.items()}
