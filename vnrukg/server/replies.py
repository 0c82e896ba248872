"""What a query job answers, and the JSON errors every part of the endpoint sends.

An error is one JSON object: ``{"status": 400, "error": "syntax-error", "message": "…",
"line": 2, "column": 8}`` (``line`` and ``column`` only for syntax errors).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from ..errors import ForbiddenQuery, QuerySyntaxError, QueryTooLarge, UsageError, VnrukgError
from ..sparql import UnknownTerm
from .negotiation import NotAcceptable

JSON_TYPE = "application/json; charset=utf-8"


class TooLarge(UsageError):
    """A request body or query string over the size limit (HTTP 413)."""


class UnsupportedMediaType(UsageError):
    """A POST body of a type the SPARQL protocol does not define for queries (HTTP 415)."""


class NotFound(VnrukgError):
    """No such resource, query or page (HTTP 404)."""


@dataclass
class Reply:
    """An HTTP answer made outside the web framework (in a worker process, say)."""

    status: int
    media_type: str
    body: bytes
    headers: dict[str, str] = field(default_factory=dict)


def error(status: int, code: str, message: str, **extra: object) -> Reply:
    """A JSON error reply."""
    payload = {"status": status, "error": code, "message": message, **extra}
    body = (json.dumps(payload, ensure_ascii=False) + "\n").encode("utf-8")
    return Reply(status, JSON_TYPE, body)


def from_exception(exc: Exception) -> Reply:
    """The reply for a domain error raised while answering a query."""
    if isinstance(exc, QuerySyntaxError):
        return error(400, "syntax-error", str(exc), line=exc.line, column=exc.column)
    if isinstance(exc, ForbiddenQuery):
        return error(403, "forbidden", str(exc))
    if isinstance(exc, TooLarge | QueryTooLarge):
        return error(413, "too-large", str(exc))
    if isinstance(exc, UnsupportedMediaType):
        return error(415, "unsupported-media-type", str(exc))
    if isinstance(exc, NotFound):
        return error(404, "not-found", str(exc))
    if isinstance(exc, NotAcceptable):
        return error(406, "not-acceptable", str(exc))
    if isinstance(exc, UsageError):
        return error(400, "bad-request", str(exc))
    if isinstance(exc, UnknownTerm):
        return error(400, "unknown-term", str(exc))
    if isinstance(exc, VnrukgError):
        return error(400, "query-failed", str(exc))
    if isinstance(exc, MemoryError):
        return error(503, "out-of-memory", "the query needed more memory than a worker may use")
    return error(500, "internal-error", f"{type(exc).__name__}: {exc}")
