"""The gate every query passes: parsed by rdflib, refused if it would do what the graph never does.

:func:`prepare` parses a query and refuses updates (``LOAD``, ``INSERT`` …), ``FROM`` /
``FROM NAMED`` (which would read a file or a URL) and ``SERVICE`` (which would send a request);
syntax errors name line and column. Both engines refuse through it, with the same exception and
message. Parameters are never part of the text: they are bound afterwards.

Two bounds keep a query from keeping the caller busy (rdflib's parser takes about a second
per 3 KB of some texts): a text longer than :data:`MAX_QUERY_BYTES` (the endpoint's request
limit too) is refused before anything reads it, and parsing stops after
:data:`PARSE_SECONDS` when the caller runs in the main thread (the command line; the endpoint's
workers are killed by their own time limit).

rdflib's parser takes 0.3 s to import, more than a whole cold ``vnrukg query`` on Oxigraph, so
its verdict on each query text is remembered (:class:`QueryChecks`, by SHA-256, in the cache
folder): a named query is parsed once, not on every run. Independently of any verdict,
:func:`vnrukg.sparql.text.guard` scans the text Oxigraph is given for ``SERVICE``.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import signal
import threading
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any, TypedDict

from .. import errors
from ..errors import ForbiddenQuery, QuerySyntaxError, QueryTooLarge, VnrukgError
from ..namespaces import PREFIXES
from ..project import PACKAGE_DIR
from ..util import atomic_write
from .text import skeleton, total_order

#: The longest query text (UTF-8 bytes) any part of vnrukg reads: ``vnrukg query`` and the
#: endpoint (its default request limit, ``ServerConfig.max_request_bytes``) alike. The longest
#: named query is under 3 KB.
MAX_QUERY_BYTES = 64 * 1024
#: How long rdflib may take to parse one query text before it is refused as too complex (a
#: named query takes under half a second; a 64 KB chain of 4,000 ``||`` takes 30 s).
PARSE_SECONDS = 10.0
#: The code whose change makes remembered verdicts stale.
_CHECKING_CODE = ("sparql/gate.py", "sparql/text.py", "errors.py")
_FORMS = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}


class Verdict(TypedDict, total=False):
    """rdflib's verdict on a query text: its form, projected variables and order, or an error."""

    form: str
    vars: list[str]
    ordered: bool
    error: str
    message: str
    line: int | None
    column: int | None


def _sparql() -> ModuleType:
    """rdflib's SPARQL package, set never to load a graph from a URL or file for FROM."""
    # rdflib's SPARQL parser costs 0.3 s to import: a query whose verdict is remembered skips it
    import rdflib.plugins.sparql as rdflib_sparql
    import rdflib.plugins.sparql.parser
    import rdflib.plugins.sparql.parserutils  # noqa: F401 - CompValue, for walking the algebra

    rdflib_sparql.SPARQL_LOAD_GRAPHS = False
    return rdflib_sparql


def _walk(node: object, compvalue: type) -> list[str]:
    names: list[str] = []
    if isinstance(node, compvalue):
        names.append(node.name)  # type: ignore[attr-defined]
        for value in node.values():  # type: ignore[attr-defined]
            names.extend(_walk(value, compvalue))
    elif isinstance(node, list | tuple):
        for value in node:
            names.extend(_walk(value, compvalue))
    return names


def _is_update(text: str) -> bool:
    try:
        _sparql().parser.parseUpdate(text)
    except Exception:
        return False
    return True


def _near(text: str, line: int | None, column: int | None, exc: Exception) -> str:
    """What could not be parsed: the rest of the offending line from the error position."""
    lines = text.splitlines()
    if line is None or column is None or not 0 < line <= len(lines):
        return str(getattr(exc, "msg", None) or str(exc).splitlines()[0])
    rest = lines[line - 1][column - 1 :].strip() or "(end of line)"
    if len(rest) > 60:
        rest = rest[:57] + "…"
    return f"cannot parse from here: {rest}"


def check_size(text: str) -> None:
    """Refuse a query text longer than :data:`MAX_QUERY_BYTES`, before anything parses it."""
    size = len(text.encode("utf-8", "surrogatepass"))
    if size > MAX_QUERY_BYTES:
        raise QueryTooLarge(
            f"the query text is {size:,} bytes; the limit is {MAX_QUERY_BYTES:,} bytes "
            "(a query that long is data: put the values in the graph, or split the query)"
        )


class _OutOfTime(BaseException):
    """Raised by the alarm inside rdflib's parser (a BaseException, so that pyparsing's own
    ``except Exception`` handlers let it through)."""


@contextlib.contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (SIGALRM) when that is possible and harmless: in
    the main thread, with no other timer or SIGALRM handler set; otherwise run it unbounded.

    The alarm repeats every 50 ms until its exception gets out: one raised while Python runs
    a ``__del__`` is printed and lost, and the parse would go on.
    """
    usable = (
        hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getitimer(signal.ITIMER_REAL) == (0.0, 0.0)
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    )
    if not usable:
        yield
        return
    armed = [True]

    def expire(_signum: int, _frame: object) -> None:
        if armed[0]:
            raise _OutOfTime

    signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds, 0.05)
    try:
        try:
            yield
        finally:
            armed[0] = False
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, signal.SIG_DFL)
    except _OutOfTime:
        raise QueryTooLarge(
            f"the query is too complex: parsing it took more than {seconds:g} s "
            "(the named queries take under half a second)"
        ) from None


@functools.lru_cache(maxsize=256)
def prepare(text: str) -> Any:
    """Parse a query and refuse what it must not do; syntax errors name line and column.

    Too long a text is refused unread, and too slow a parse is stopped (see the module's
    docstring). Remembered (a parsed query is only read): named queries come again and again.
    """
    check_size(text)
    with _deadline(PARSE_SECONDS):
        return _prepare(text)


def _prepare(text: str) -> Any:
    sparql = _sparql()
    try:
        prepared = sparql.prepareQuery(text, initNs=PREFIXES)
    except Exception as exc:
        if _is_update(text):
            raise ForbiddenQuery(
                "SPARQL Update (INSERT, DELETE, LOAD, CLEAR …) is not allowed: "
                "the graph is read-only"
            ) from None
        line, column = getattr(exc, "lineno", None), getattr(exc, "col", None)
        raise QuerySyntaxError(_near(text, line, column, exc), line, column) from None
    algebra = prepared.algebra
    if algebra.get("datasetClause"):
        raise ForbiddenQuery(
            "FROM / FROM NAMED are not allowed: queries run on the loaded graph only"
        )
    if "ServiceGraphPattern" in _walk(algebra, sparql.parserutils.CompValue):
        raise ForbiddenQuery(
            "SERVICE is not allowed: vnrukg never sends requests on a query's behalf"
        )
    return prepared


def is_ordered(prepared: Any) -> bool:
    """Whether a prepared query's rows are ordered by a top-level ORDER BY."""
    node = prepared.algebra.get("p")
    while node is not None and node.name in ("Slice", "Distinct", "Reduced", "Project"):
        node = node.get("p")
    return node is not None and node.name == "OrderBy"


def projected(prepared: Any) -> list[str]:
    """The names of the variables a prepared query projects."""
    return [str(v) for v in prepared.algebra.get("PV") or []]


@functools.lru_cache(maxsize=256)
def prepare_ordered(text: str) -> Any:
    """The prepared query, with the ties of its ORDER BY broken (see ``text.total_order``)."""
    prepared = prepare(text)
    if is_ordered(prepared):
        prepared = prepare(total_order(text, projected(prepared)))
    return prepared


# --- verdicts, remembered -----------------------------------------------------------------------


def verdict(text: str) -> Verdict:
    """rdflib's verdict on ``text``: its form, projected variables and order, or the refusal."""
    try:
        prepared = prepare(text)
    except QueryTooLarge:
        raise  # depends on the machine's speed as much as on the text: not remembered
    except QuerySyntaxError as exc:
        return {
            "error": type(exc).__name__,
            "message": str(exc),
            "line": exc.line,
            "column": exc.column,
        }
    except VnrukgError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    return {
        "form": _FORMS.get(prepared.algebra.name, "SELECT"),
        "vars": projected(prepared),
        "ordered": is_ordered(prepared),
    }


def refusal(verdict: Verdict) -> VnrukgError:
    """The exception a refusing verdict stands for, as :func:`prepare` raised it."""
    cls = getattr(errors, verdict.get("error", ""), VnrukgError)
    if not (isinstance(cls, type) and issubclass(cls, VnrukgError)):
        cls = VnrukgError
    exc = cls.__new__(cls)
    Exception.__init__(exc, verdict.get("message", ""))
    if "line" in verdict and isinstance(exc, QuerySyntaxError):
        exc.line, exc.column = verdict["line"], verdict.get("column")
    return exc


def _key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def _stamp() -> str:
    digest = hashlib.sha256()
    for name in _CHECKING_CODE:
        path = PACKAGE_DIR / name
        try:
            st = path.stat()
        except OSError:
            digest.update(f"{name}\0missing\n".encode())
            continue
        digest.update(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:24]


class QueryChecks:
    """rdflib's verdict on each query text (allowed, with its form, or the error it raised).

    The verdicts are kept in memory and, when a file is given, in that JSON file, keyed by the
    SHA-256 of the text; the file is dropped when the checking code changes. An allowed verdict
    is also kept under the text's :func:`~vnrukg.sparql.text.skeleton`, and a new text with the
    same skeleton gets it without a parse: the same lookup of another entity costs no rdflib
    parse. Refusals are never shared: each refused text is parsed, so that its message is its
    own; and the SERVICE scan (:func:`~vnrukg.sparql.text.guard`) runs on every text anyway.
    """

    def __init__(self, path: Path | None = None):
        self.path = path
        self._stamp = _stamp()
        self._verdicts: dict[str, Verdict] = self._read()
        self._by_text: dict[str, Verdict] = {}  # the same verdicts by text: no hashing per run

    def _read(self) -> dict[str, Verdict]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        if not isinstance(data, dict) or data.get("stamp") != self._stamp:
            return {}
        verdicts: dict[str, Verdict] = data.get("verdicts", {})
        return verdicts

    def save(self) -> None:
        """Write the verdicts to the file (if any); a failure to write is ignored."""
        if self.path is None:
            return
        verdicts = dict(list(self._verdicts.items())[-2000:])
        with contextlib.suppress(VnrukgError):  # a cache not written only costs time
            atomic_write(self.path, json.dumps({"stamp": self._stamp, "verdicts": verdicts}))

    def check(self, text: str, *, save: bool = True) -> Verdict:
        """rdflib's verdict: the form, the projected variables and whether the query is ordered.

        Raises as :func:`prepare` does for a query it refuses.
        """
        check_size(text)  # before hashing: a text too long is refused unread
        found = self._by_text.get(text)
        if found is None:
            key = _key(text)
            found = self._verdicts.get(key)
            if found is None:
                found = self._verdicts[key] = self._judge(text)
                if save:
                    self.save()
            if len(self._by_text) >= 1024:
                self._by_text.clear()
            self._by_text[text] = found
        if "error" in found:
            raise refusal(found)
        return found

    def _judge(self, text: str) -> Verdict:
        """The verdict on a text not seen before: shared by its skeleton when allowed."""
        shape = _key("skeleton\0" + skeleton(text))
        shared = self._verdicts.get(shape)
        if shared is not None:
            return shared
        found = verdict(text)
        if "error" not in found:  # a refusal names a line and column: never shared
            self._verdicts[shape] = found
        return found

    def form(self, text: str) -> str:
        """The query's form (``SELECT`` …); raise as :func:`prepare` does."""
        return self.check(text)["form"]
