"""Named SPARQL queries (``queries/*.rq``) and safe query execution.

Each ``.rq`` file starts with a header comment::

    # title: Who held which post when
    # description: Every tenure with holder, post, organisation, dates and quote.
    #   Indented lines continue the previous field.
    # param: person (iri, optional): limit to one person (vnrd:slug, slug or full IRI)
    # param: since (integer, default=1950): first year to include
    # tags: people, posts

Parameters are bound with ``initBindings`` (never pasted into the text), so a value can never
change what the query does. Queries that would make a request or read a file (``SERVICE``,
``FROM``/``FROM NAMED``) and updates (``LOAD``, ``INSERT`` …) are refused before they run.
"""

from __future__ import annotations

import difflib
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .engine import QueryResult
from .errors import ForbiddenQuery, QuerySyntaxError, UsageError, VnrukgError
from .namespaces import PREFIXES, expand
from .project import Project
from .sparqltext import parse_header

if TYPE_CHECKING:
    from rdflib import Graph, Literal, URIRef
    from rdflib.query import Result

# rdflib (and its SPARQL engine) is imported inside the functions that need it, so that the
# header parsing here stays cheap for `vnrukg query` on the Oxigraph engine.
XSD = "http://www.w3.org/2001/XMLSchema#"


def _sparql():
    """rdflib's SPARQL package, set never to load a graph from a URL or file for FROM."""
    import rdflib.plugins.sparql as rdflib_sparql

    rdflib_sparql.SPARQL_LOAD_GRAPHS = False
    return rdflib_sparql


PARAM_TYPES = ("iri", "string", "integer", "decimal", "date", "boolean")
_PARAM = re.compile(
    r"^\??(?P<name>[A-Za-z_]\w*)\s*\((?P<type>\w+)(?:\s*,\s*(?P<opt>optional|default\s*=\s*[^)]*))?\)"
    r"\s*:?\s*(?P<description>.*)$"
)


@dataclass(frozen=True)
class Param:
    """A query parameter: a variable bound before the query runs."""

    name: str
    type: str
    description: str = ""
    default: str | None = None
    optional: bool = False

    def bind(self, value: str) -> URIRef | Literal:
        """The RDF term for a value given on the command line or in a URL."""
        return to_term(value, self.type, self.name)


@dataclass(frozen=True)
class NamedQuery:
    """A query file with its header fields."""

    name: str
    path: Path
    text: str
    title: str
    description: str = ""
    params: tuple[Param, ...] = ()
    tags: tuple[str, ...] = field(default_factory=tuple)

    def bindings(self, given: dict[str, str]) -> dict[str, URIRef | Literal]:
        """Terms for the given parameter values and the defaults; unknown names are refused."""
        return {name: rdflib_term(parts) for name, parts in self.term_parts(given).items()}

    def term_parts(self, given: dict[str, str]) -> dict[str, tuple[str, str | None]]:
        """Like :meth:`bindings`, as ``(text, datatype)`` pairs (see :func:`term_parts`)."""
        known = {p.name: p for p in self.params}
        for name in given:
            if name not in known:
                hint = _suggest(name, list(known))
                raise UsageError(f"query {self.name} has no parameter {name!r}{hint}")
        result: dict[str, tuple[str, str | None]] = {}
        for param in self.params:
            value = given.get(param.name, param.default)
            if value is None:
                if not param.optional:
                    raise UsageError(f"query {self.name} needs --param {param.name}=VALUE")
                continue
            result[param.name] = term_parts(value, param.type, param.name)
        return result


def term_parts(value: str, kind: str, name: str = "value") -> tuple[str, str | None]:
    """A parameter's text as ``(IRI, "iri")`` or ``(lexical form, datatype IRI or None)``.

    Both engines build their terms from these parts, so a value means the same to each.
    """
    try:
        if kind == "iri":
            iri = expand(value.strip())
            if not _IRI.fullmatch(iri):
                raise ValueError("not an absolute IRI")
            return iri, "iri"
        if kind == "integer":
            return str(int(value)), XSD + "integer"
        if kind == "decimal":
            float(value)
            return value, XSD + "decimal"
        if kind == "boolean":
            if value.lower() not in ("true", "false"):
                raise ValueError("expected true or false")
            return value.lower(), XSD + "boolean"
        if kind == "date":
            return date_parts(value)
        return value, None
    except ValueError as exc:
        raise UsageError(f"parameter {name}: {value!r} is not a valid {kind} ({exc})") from None


_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*")


def rdflib_term(parts: tuple[str, str | None]) -> URIRef | Literal:
    from rdflib import Literal, URIRef

    text, datatype = parts
    if datatype == "iri":
        return URIRef(text)
    return Literal(text, datatype=URIRef(datatype) if datatype else None)


def to_term(value: str, kind: str, name: str = "value") -> URIRef | Literal:
    """Convert a parameter's text to an RDF term of its declared type."""
    return rdflib_term(term_parts(value, kind, name))


def date_parts(value: str) -> tuple[str, str]:
    """A date at the precision written: ``2024`` → gYear, ``2024-08`` → gYearMonth, else date."""
    if re.fullmatch(r"\d{4}", value):
        return value, XSD + "gYear"
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return value, XSD + "gYearMonth"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return value, XSD + "date"
    raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")


def date_literal(value: str) -> Literal:
    """A date literal at the precision written (see :func:`date_parts`)."""
    return rdflib_term(date_parts(value))


def _param(spec: str, path: Path) -> Param:
    match = _PARAM.match(spec)
    if not match or match.group("type") not in PARAM_TYPES:
        raise VnrukgError(
            f"{path.name}: bad param line {spec!r} (want: name (type[, optional|default=V]): text)"
        )
    opt = match.group("opt") or ""
    default = opt.split("=", 1)[1].strip() if opt.startswith("default") else None
    return Param(
        match.group("name"),
        match.group("type"),
        match.group("description").strip(),
        default,
        opt == "optional",
    )


def load_query(path: Path) -> NamedQuery:
    """Read one ``.rq`` file and its header."""
    text = path.read_text(encoding="utf-8")
    fields = parse_header(text)
    params = tuple(_param(spec, path) for spec in fields.get("param", []))
    tags = tuple(t.strip() for spec in fields.get("tags", []) for t in spec.split(",") if t.strip())
    title = (fields.get("title") or [path.stem])[0]
    description = " ".join(fields.get("description", []))
    return NamedQuery(path.stem, path, text, title, description, params, tags)


def list_queries(project: Project) -> list[NamedQuery]:
    """Every named query of the project, sorted by name."""
    return [load_query(p) for p in sorted(project.queries_dir.glob("*.rq"))]


def _suggest(name: str, names: list[str]) -> str:
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    close += [n for n in names if name in n and n not in close][: 3 - len(close)]
    return f"; did you mean {', '.join(close)}?" if close else ""


def find_query(project: Project, name: str) -> NamedQuery:
    """The named query ``name``; an unknown name suggests the nearest ones."""
    path = project.queries_dir / f"{name}.rq"
    if path.is_file():
        return load_query(path)
    names = [q.stem for q in sorted(project.queries_dir.glob("*.rq"))]
    raise VnrukgError(f"no query named {name!r}{_suggest(name, names)} (list them: vnrukg queries)")


def _walk(node) -> list[str]:
    from rdflib.plugins.sparql.parserutils import CompValue

    names: list[str] = []
    if isinstance(node, CompValue):
        names.append(node.name)
        for value in node.values():
            names.extend(_walk(value))
    elif isinstance(node, list | tuple):
        for value in node:
            names.extend(_walk(value))
    return names


def _is_update(text: str) -> bool:
    from rdflib.plugins.sparql.parser import parseUpdate

    try:
        parseUpdate(text)
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


def prepare(text: str):
    """Parse a query and refuse what it must not do; syntax errors name line and column."""
    try:
        prepared = _sparql().prepareQuery(text, initNs=PREFIXES)
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
    if "ServiceGraphPattern" in _walk(algebra):
        raise ForbiddenQuery(
            "SERVICE is not allowed: vnrukg never sends requests on a query's behalf"
        )
    return prepared


def is_ordered(prepared) -> bool:
    """Whether a prepared query's rows are ordered by a top-level ORDER BY."""
    node = prepared.algebra.get("p")
    while node is not None and node.name in ("Slice", "Distinct", "Reduced", "Project"):
        node = node.get("p")
    return node is not None and node.name == "OrderBy"


@functools.lru_cache(maxsize=256)
def _prepared(text: str):
    """The prepared query, with the ties of its ORDER BY broken (see sparqltext.total_order)."""
    from .sparqltext import total_order

    prepared = prepare(text)
    if is_ordered(prepared):
        variables = [str(v) for v in prepared.algebra.get("PV") or []]
        prepared = prepare(total_order(text, variables))
    return prepared


def run_rdflib(
    graph: Graph, text: str, bindings: dict[str, URIRef | Literal] | None = None
) -> QueryResult:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query on an rdflib graph."""
    from rdflib import Variable

    prepared = _prepared(text)
    init = {Variable(k): v for k, v in (bindings or {}).items()}
    try:
        result = graph.query(prepared, initBindings=init)
        return _convert(result)
    except VnrukgError:
        raise
    except Exception as exc:  # evaluation errors surface as assorted exceptions
        raise VnrukgError(f"query failed: {exc}") from None


def _convert(result: Result) -> QueryResult:
    # Typed literals are given in Oxigraph's canonical lexical form, so that both engines
    # answer with the same terms (see vnrukg.oxistore.canonical_terms).
    from .oxistore import canonical_terms

    if result.type == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        graph = result.graph
        canon = canonical_terms(o for o in graph.objects())
        if canon:
            for s, p, o in list(graph.triples((None, None, None))):
                if o in canon:
                    graph.remove((s, p, o))
                    graph.add((s, p, canon[o]))
        return QueryResult(result.type, graph=graph)
    variables = [str(v) for v in result.vars or []]
    rows = [tuple(row) for row in result]
    canon = canonical_terms(t for row in rows for t in row if t is not None)
    if canon:
        rows = [tuple(canon.get(t, t) if t is not None else None for t in row) for row in rows]
    return QueryResult("SELECT", variables, rows)


def run(
    graph: Graph, text: str, bindings: dict[str, URIRef | Literal] | None = None
) -> QueryResult:
    """Run a query on an rdflib graph (the default engine)."""
    return run_rdflib(graph, text, bindings)
