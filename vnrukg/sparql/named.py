"""Named queries (``queries/*.rq``) and their parameters.

Each ``.rq`` file starts with a header comment (read by :func:`vnrukg.sparql.text.parse_header`)::

    # title: Who held which post when
    # description: Every tenure with holder, post, organisation, dates and quote.
    #   Indented lines continue the previous field.
    # param: person (iri, optional): limit to one person (vnrd:slug, slug or full IRI)
    # param: since (integer, default=1950): first year to include
    # tags: people, posts

A parameter's value becomes a :data:`~vnrukg.sparql.terms.Term` of its declared type here
(:func:`parameter_term`) and is bound to the query's variable by the engine, never pasted into
the text, so a value can never change what the query does. This is the place for new parameter
types and for how a value given as text (a bare slug, a prefixed name) is read.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from ..errors import UsageError, VnrukgError
from ..namespaces import expand
from ..project import Project
from .terms import XSD, Term, literal
from .text import parse_header

PARAM_TYPES = ("iri", "string", "integer", "decimal", "date", "boolean")
_PARAM = re.compile(
    r"^\??(?P<name>[A-Za-z_]\w*)\s*\((?P<type>\w+)(?:\s*,\s*(?P<opt>optional|default\s*=\s*[^)]*))?\)"
    r"\s*:?\s*(?P<description>.*)$"
)
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*")


def parameter_term(value: str, kind: str, name: str = "value") -> Term:
    """The term for a parameter's text, of its declared type (one of :data:`PARAM_TYPES`).

    An ``iri`` is a full IRI, a prefixed name or a bare ``vnrd:`` slug; a ``date`` keeps the
    precision written (:func:`date_term`). A bad value is a :class:`UsageError`.
    """
    try:
        if kind == "iri":
            iri = expand(value.strip())
            if not _IRI.fullmatch(iri):
                raise ValueError("not an absolute IRI")
            return ox.NamedNode(iri)
        if kind == "integer":
            return literal(str(int(value)), XSD + "integer")
        if kind == "decimal":
            float(value)
            return literal(value, XSD + "decimal")
        if kind == "boolean":
            if value.lower() not in ("true", "false"):
                raise ValueError("expected true or false")
            return literal(value.lower(), XSD + "boolean")
        if kind == "date":
            return date_term(value)
        return literal(value)
    except ValueError as exc:
        raise UsageError(f"parameter {name}: {value!r} is not a valid {kind} ({exc})") from None


def date_term(value: str) -> ox.Literal:
    """A date at the precision written: ``2024`` → gYear, ``2024-08`` → gYearMonth, else date."""
    if re.fullmatch(r"\d{4}", value):
        return literal(value, XSD + "gYear")
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return literal(value, XSD + "gYearMonth")
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return literal(value, XSD + "date")
    raise ValueError("expected YYYY, YYYY-MM or YYYY-MM-DD")


@dataclass(frozen=True)
class Param:
    """A query parameter: a variable bound before the query runs."""

    name: str
    type: str
    description: str = ""
    default: str | None = None
    optional: bool = False

    def bind(self, value: str) -> Term:
        """The term for a value given on the command line or in a URL."""
        return parameter_term(value, self.type, self.name)


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

    def bindings(self, given: dict[str, str]) -> dict[str, Term]:
        """Terms for the given parameter values and the defaults; unknown names are refused."""
        known = {p.name: p for p in self.params}
        for name in given:
            if name not in known:
                hint = suggest(name, list(known))
                raise UsageError(f"query {self.name} has no parameter {name!r}{hint}")
        result: dict[str, Term] = {}
        for param in self.params:
            value = given.get(param.name, param.default)
            if value is None:
                if not param.optional:
                    raise UsageError(f"query {self.name} needs --param {param.name}=VALUE")
                continue
            result[param.name] = param.bind(value)
        return result


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


def suggest(name: str, names: list[str]) -> str:
    """``; did you mean …?`` with the nearest of ``names``, or nothing."""
    close = difflib.get_close_matches(name, names, n=3, cutoff=0.5)
    close += [n for n in names if name in n and n not in close][: 3 - len(close)]
    return f"; did you mean {', '.join(close)}?" if close else ""


def find_query(project: Project, name: str) -> NamedQuery:
    """The named query ``name``; an unknown name suggests the nearest ones."""
    path = project.queries_dir / f"{name}.rq"
    if path.is_file():
        return load_query(path)
    names = [q.stem for q in sorted(project.queries_dir.glob("*.rq"))]
    raise VnrukgError(f"no query named {name!r}{suggest(name, names)} (list them: vnrukg queries)")
