"""Content negotiation: which result format a request gets, by ``Accept`` or ``format=``.

SELECT and ASK results come in the four W3C SPARQL result formats; CONSTRUCT and DESCRIBE
results, entity descriptions and the service description come as RDF. A ``format`` (or
``output``) parameter overrides ``Accept``: tools such as SPARQLWrapper send both.
"""

from __future__ import annotations

from .. import formats
from ..errors import UsageError
from ..formats import Format


class NotAcceptable(UsageError):
    """No format we have is acceptable to the client (HTTP 406)."""


#: SELECT and ASK results: the W3C SPARQL result formats (JSON first, the default).
TABLE = formats.formats(formats.RESULTS, surface="http")
#: CONSTRUCT and DESCRIBE results and descriptions: RDF (Turtle first, the default).
GRAPH = formats.formats(formats.GRAPH, surface="http")
#: A page, for browsers; not a format of the registry (pages are written by templates).
HTML = Format("html", "page", "text/html", "HTML", writer="", names=("html",))


def parse_accept(header: str | None) -> list[tuple[str, float]]:
    """Media ranges with their q-values, most preferred first (stable for ties)."""
    ranges = []
    for index, part in enumerate((header or "").split(",")):
        fields = [f.strip() for f in part.split(";")]
        media = fields[0].lower()
        if not media:
            continue
        q = 1.0
        for param in fields[1:]:
            key, _, value = param.partition("=")
            if key.strip() == "q":
                try:
                    q = max(0.0, min(1.0, float(value)))
                except ValueError:
                    q = 0.0
        ranges.append((index, media, q))
    ranges.sort(key=lambda item: (-item[2], item[0]))
    return [(media, q) for _, media, q in ranges if q > 0]


def _match(offered: tuple[Format, ...], media: str) -> Format | None:
    for fmt in offered:
        if fmt.media_type == media:
            return fmt
    return next((f for f in offered if media in f.media_aliases), None)


def _from_override(offered: tuple[Format, ...], values: list[str]) -> Format | None:
    names = {name: f for f in reversed(offered) for name in (f.name, *f.names)}
    for value in values:
        key = value.strip().lower()
        found = names.get(key) or _match(offered, key)
        if found is not None:
            return found
    if values:
        choices = ", ".join(sorted(names))
        raise UsageError(f"unknown format {values[0]!r}: choose one of {choices}")
    return None


def choose(
    offered: tuple[Format, ...], accept: str | None, override: list[str] | None = None
) -> Format:
    """The format for a response: the override if given, else the best match for ``Accept``."""
    chosen = _from_override(offered, [v for v in override or [] if v])
    if chosen is not None:
        return chosen
    ranges = parse_accept(accept)
    if not ranges:
        return offered[0]
    for media, _q in ranges:
        if media in ("*/*", "*"):
            return offered[0]
        if media.endswith("/*"):
            kind = media[:-1]
            found = next((f for f in offered if f.media_type.startswith(kind)), None)
        else:
            found = _match(offered, media)
        if found is not None:
            return found
    names = ", ".join(f.media_type for f in offered)
    raise NotAcceptable(f"cannot answer with {accept!r}: this resource comes as {names}")


def for_result(kind: str, accept: str | None, override: list[str] | None = None) -> Format:
    """The format for a query result of ``kind`` (SELECT, ASK, CONSTRUCT, DESCRIBE)."""
    return choose(GRAPH if kind in ("CONSTRUCT", "DESCRIBE") else TABLE, accept, override)


def for_page(accept: str | None, override: list[str] | None = None) -> Format:
    """The format for a resource with a page: HTML unless RDF is asked for."""
    return choose((HTML, *GRAPH), accept, override)


def wants_html(accept: str | None) -> bool:
    """Whether a client prefers an HTML page (a browser) to data."""
    for media, _q in parse_accept(accept):
        if media in ("text/html", "application/xhtml+xml"):
            return True
        if media not in ("*/*", "*") and not media.startswith("image/"):
            return False
    return False
