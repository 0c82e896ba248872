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


def fold(text: str) -> str:
    """Lower-case ``text`` without diacritics (``Đặng`` → ``dang``), spaces collapsed."""
    decomposed = unicodedata.normalize("NFD", text)
    bare = "".join(c for c in decomposed if unicodedata.category(c) != "Mn")
    bare = bare.replace("đ", "d").replace("Đ", "D")
    return _SPACES.sub(" ", bare.lower()).strip()


def shorten_text(text: str, limit: int = 48) -> str:
    """``text`` cut at a word boundary to at most ``limit`` characters, with an ellipsis."""
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    return cut.rstrip(" ,;:–-") + "…"
