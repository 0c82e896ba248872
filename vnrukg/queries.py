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
import re
from dataclasses import dataclass, field
from pathlib import Path

import rdflib.plugins.sparql as rdflib_sparql
from rdflib import Graph, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result

from .engine import QueryResult
from .errors import ForbiddenQuery, QuerySyntaxError, UsageError, VnrukgError
from .namespaces import PREFIXES, expand
from .project import Project

# Never let a query's FROM make rdflib load a graph from a URL or a file.
rdflib_sparql.SPARQL_LOAD_GRAPHS = False

PARAM_TYPES = ("iri", "string", "integer", "decimal", "date", "boolean")
_HEADER = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")
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
        known = {p.name: p for p in self.params}
        for name in given:
            if name not in known:
                hint = _suggest(name, list(known))
                raise UsageError(f"query {self.name} has no parameter {name!r}{hint}")
        result: dict[str, URIRef | Literal] = {}
        for param in self.params:
            value = given.get(param.name, param.default)
            if value is None:
                if not param.optional:
                    raise UsageError(f"query {self.name} needs --param {param.name}=VALUE")
                continue
            result[param.name] = param.bind(value)
        return result


def to_term(value: str, kind: str, name: str = "value") -> URIRef | Literal:
    """Convert a parameter's text to an RDF term of its declared type."""
    try:
        if kind == "iri":
            return URIRef(expand(value.strip()))
        if kind == "integer":
            return Literal(int(value))
        if kind == "decimal":
            float(value)
            return Literal(value, datatype=XSD.decimal)
        if kind == "boolean":
            if value.lower() not in ("true", "false"):
                raise ValueError("expected true or false")
            return Literal(value.lower() == "true")
        if kind == "date":
            return date_literal(value)
        return Literal(value)
    except ValueError as exc:
        raise UsageError(f"parameter {name}: {value!r} is not a valid {kind} ({exc})") from None


def date_literal(value: str) -> Literal:
    """A date at the precision written: ``2024`` → gYear, ``2024-08`` → gYearMonth, else date."""
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")


def parse_header(text: str) -> dict[str, list[str]]:
    """The header fields of a query file (``# key: value`` lines before the query)."""
    fields: dict[str, list[str]] = {}
    last: str | None = None
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        match = _HEADER.match(line)
        if match and match.group(1).lower() in ("title", "description", "param", "tags"):
            last = match.group(1).lower()
            fields.setdefault(last, []).append(match.group(2).strip())
        elif last and line[1:].strip() and line[1:2].isspace() and line[2:3].isspace():
            fields[last][-1] += " " + line[1:].strip()
    return fields


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
        prepared = prepareQuery(text, initNs=PREFIXES)
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


def run_rdflib(
    graph: Graph, text: str, bindings: dict[str, URIRef | Literal] | None = None
) -> QueryResult:
    """Run a SELECT, ASK, CONSTRUCT or DESCRIBE query on an rdflib graph."""
    prepared = prepare(text)
    init = {Variable(k): v for k, v in (bindings or {}).items()}
    try:
        result = graph.query(prepared, initBindings=init)
        return _convert(result)
    except VnrukgError:
        raise
    except Exception as exc:  # evaluation errors surface as assorted exceptions
        raise VnrukgError(f"query failed: {exc}") from None


def _convert(result: Result) -> QueryResult:
    if result.type == "ASK":
        return QueryResult("ASK", boolean=bool(result.askAnswer))
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return QueryResult(result.type, graph=result.graph)
    variables = [str(v) for v in result.vars or []]
    rows = [tuple(row) for row in result]
    return QueryResult("SELECT", variables, rows)


def run(
    graph: Graph, text: str, bindings: dict[str, URIRef | Literal] | None = None
) -> QueryResult:
    """Run a query on an rdflib graph (the default engine)."""
    return run_rdflib(graph, text, bindings)
