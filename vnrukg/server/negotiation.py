"""Content negotiation: which result format a request gets, by ``Accept`` or ``format=``.

SELECT and ASK results come in the four W3C SPARQL result formats; CONSTRUCT and DESCRIBE
results, entity descriptions and the service description come as RDF. A ``format`` (or
``output``) parameter overrides ``Accept``: tools such as SPARQLWrapper send both.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..errors import UsageError


class NotAcceptable(UsageError):
    """No format we have is acceptable to the client (HTTP 406)."""


@dataclass(frozen=True)
class Format:
    """A result format: its short name, its media type and what it can carry."""

    name: str
    media_type: str
    graph: bool  # True: RDF for CONSTRUCT/DESCRIBE; False: SPARQL results for SELECT/ASK


TABLE = (
    Format("json", "application/sparql-results+json", False),
    Format("xml", "application/sparql-results+xml", False),
    Format("csv", "text/csv", False),
    Format("tsv", "text/tab-separated-values", False),
)
GRAPH = (
    Format("ttl", "text/turtle", True),
    Format("nt", "application/n-triples", True),
    Format("jsonld", "application/ld+json", True),
    Format("xml", "application/rdf+xml", True),
)
HTML = Format("html", "text/html", True)

#: Other media types clients send for the same formats.
_MEDIA_ALIASES = {
    "application/json": "json",
    "text/json": "json",
    "text/javascript": "json",
    "application/javascript": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/turtle": "ttl",
    "application/x-turtle": "ttl",
    "text/n3": "ttl",
    "text/rdf+n3": "ttl",
    "application/n3": "ttl",
    "text/plain": "nt",
    "application/x-json+ld": "jsonld",
}
#: Names accepted by ``format=``, per kind of result.
_NAMES_TABLE = {"json": "json", "xml": "xml", "csv": "csv", "tsv": "tsv", "srj": "json"}
_NAMES_GRAPH = {
    "ttl": "ttl",
    "turtle": "ttl",
    "n3": "ttl",
    "nt": "nt",
    "ntriples": "nt",
    "n-triples": "nt",
    "jsonld": "jsonld",
    "json-ld": "jsonld",
    "json": "jsonld",
    "xml": "xml",
    "rdfxml": "xml",
    "rdf+xml": "xml",
    "rdf": "xml",
}


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


def _by_name(formats: tuple[Format, ...], name: str) -> Format | None:
    return next((f for f in formats if f.name == name), None)


def _match(formats: tuple[Format, ...], media: str) -> Format | None:
    name = _MEDIA_ALIASES.get(media)
    if name == "json" and formats[-1].graph:
        name = "jsonld"
    for fmt in formats:
        if fmt.media_type == media or fmt.name == name:
            return fmt
    return None


def _from_override(formats: tuple[Format, ...], values: list[str]) -> Format | None:
    names = dict(_NAMES_GRAPH if formats[-1].graph else _NAMES_TABLE)
    if HTML in formats:
        names["html"] = "html"
    for value in values:
        key = value.strip().lower()
        found = _by_name(formats, names[key]) if key in names else _match(formats, key)
        if found is not None:
            return found
    if values:
        choices = ", ".join(sorted(set(names)))
        raise UsageError(f"unknown format {values[0]!r}: choose one of {choices}")
    return None


def choose(
    formats: tuple[Format, ...], accept: str | None, override: list[str] | None = None
) -> Format:
    """The format for a response: the override if given, else the best match for ``Accept``."""
    chosen = _from_override(formats, [v for v in override or [] if v])
    if chosen is not None:
        return chosen
    ranges = parse_accept(accept)
    if not ranges:
        return formats[0]
    for media, _q in ranges:
        if media in ("*/*", "*"):
            return formats[0]
        if media.endswith("/*"):
            kind = media[:-1]
            found = next((f for f in formats if f.media_type.startswith(kind)), None)
        else:
            found = _match(formats, media)
        if found is not None:
            return found
    offered = ", ".join(f.media_type for f in formats)
    raise NotAcceptable(f"cannot answer with {accept!r}: this resource comes as {offered}")


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
