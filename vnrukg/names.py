r"""Names as people type them: folding away case and diacritics, picking a label to show.

Vietnamese readers often type without diacritics ("phan van giang"), and ``đ`` is a letter of
its own that Unicode does not decompose, so :func:`fold` maps it to ``d`` explicitly. The page's
search box applies the same folding in JavaScript (``viz/assets/page.js``: NFD, drop ``\p{Mn}``,
``đ`` → ``d``, lower case, collapse spaces); the browser tests check that the two agree.
"""

from __future__ import annotations

import re
import unicodedata

_SPACES = re.compile(r"\s+")


class _Unmarked(dict[int, "int | str | None"]):
    """``str.translate``'s table for :func:`fold`: combining marks (category Mn) dropped,
    ``đ`` and ``Đ`` to ``d`` and ``D``, every other character kept. A character's entry is
    made the first time it is met (asking ``unicodedata`` for every character of every name
    took most of the time of folding 40,000 names)."""

    def __missing__(self, code: int) -> int | None:
        kept = None if unicodedata.category(chr(code)) == "Mn" else code
        self[code] = kept
        return kept


_UNMARKED = _Unmarked({ord("đ"): "d", ord("Đ"): "D"})


def fold(text: str) -> str:
    """Lower-case ``text`` without diacritics (``Đặng`` → ``dang``), spaces collapsed."""
    if not text.isascii():  # ASCII has no marks to drop, and is its own NFD
        text = unicodedata.normalize("NFD", text).translate(_UNMARKED)
    return _SPACES.sub(" ", text.lower()).strip()


def shorten_text(text: str, limit: int = 48) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:–-") + "…"
