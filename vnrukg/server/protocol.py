"""The request side of the SPARQL 1.1 Protocol: where a request's query is, and what it may ask.

A query comes as ``GET /sparql?query=…``, as ``POST`` with a form-encoded body
(``query=…``), or as ``POST`` with an ``application/sparql-query`` body. Everything that would
change the graph (``update=``, ``application/sparql-update``) or name another dataset
(``default-graph-uri``, ``named-graph-uri``) is refused, and no request may be larger than the
configured limit, body or query string alike.
"""

from __future__ import annotations

from urllib.parse import parse_qs

from starlette.requests import Request

from ..errors import ForbiddenQuery, UsageError
from .replies import TooLarge, UnsupportedMediaType

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"
FORMAT_PARAMS = ("format", "output", "results")
_READ_ONLY = "SPARQL Update is not allowed: this endpoint is read-only"


def _refuse(params: dict[str, list[str]]) -> None:
    if "update" in params:
        raise ForbiddenQuery(_READ_ONLY)
    if "default-graph-uri" in params or "named-graph-uri" in params:
        raise ForbiddenQuery(
            "default-graph-uri / named-graph-uri are not allowed: queries run on the loaded graph"
        )


def _one(values: list[str]) -> str | None:
    if len(values) > 1:
        raise UsageError("give one query per request (the query parameter came more than once)")
    return values[0] if values else None


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused as soon as it is known to exceed ``limit`` bytes."""
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(f"the request body is larger than {limit} bytes")
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise TooLarge(f"the request body is larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError("the request body is not UTF-8") from None


def url_params(request: Request, limit: int) -> dict[str, list[str]]:
    """The query-string parameters, all values kept, size-checked."""
    if len(request.url.query) > limit:
        raise TooLarge(f"the query string is longer than {limit} bytes; POST the query instead")
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    return params


def overrides(params: dict[str, list[str]]) -> list[str]:
    """The values of the format parameters (``format``, and ``output``/``results`` as aliases)."""
    return [v for key in FORMAT_PARAMS for v in params.get(key, [])]


async def read_query(request: Request, limit: int) -> tuple[str | None, list[str]]:
    """The query text of a protocol request (None when there is none) and format overrides."""
    params = url_params(request, limit)
    _refuse(params)
    if request.method == "GET":
        return _one(params.get("query", [])), overrides(params)
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media == UPDATE:
        raise ForbiddenQuery(_READ_ONLY)
    if media not in (FORM, QUERY):
        raise UnsupportedMediaType(
            f"POST a query as {FORM} (query=…) or as {QUERY}, not {media or 'no content type'}"
        )
    body = _text(await read_body(request, limit))
    if media == QUERY:
        return body, overrides(params)
    form = parse_qs(body, keep_blank_values=True)
    _refuse(form)
    return _one(form.get("query", [])), overrides(form) + overrides(params)
