"""Named queries (``queries/*.rq``) and their parameters.

Each ``.rq`` file starts with a header comment (read by :func:`vnrukg.sparql.text.parse_header`)::

    # title: Who held which post when
    # description: Every tenure with holder, post, organisation, dates and quote.
    #   Indented lines continue the previous field.
    # param: person (iri, optional): limit to one person (vnrd:slug, slug or full IRI)
    # param: indicator (iri, optional, in=vnrv): a bare slug names a vnrv: concept
    # param: since (integer, default=1950): first year to include
    # tags: people, posts

A parameter's value becomes a :data:`~vnrukg.sparql.terms.Term` of its declared type here
(:func:`parameter_term`) and is bound to the query's variable by the engine, never pasted into
the text, so a value can never change what the query does. This is the place for new parameter
types and for how a value given as text (a bare slug, a prefixed name) is read.

An ``iri`` parameter takes a full IRI, a prefixed name or a bare slug, which is looked up in
the namespaces its ``in=`` option names, in that order (``vnrd`` when it names none). Given a
:class:`Lookup` (the graph the query will run on), :meth:`NamedQuery.bindings` takes the first
IRI the graph holds and refuses one it does not hold, with the nearest names it does
(:class:`UnknownTerm`): a mistyped value is an error, never a silently empty answer.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from ..errors import UsageError, VnrukgError
from ..names import fold
from ..namespaces import PREFIXES, expand, shorten
from ..project import Project
from .result import QueryResult
from .terms import XSD, Term, literal
from .text import parse_header

PARAM_TYPES = ("iri", "string", "integer", "decimal", "date", "boolean")
_PARAM = re.compile(
    r"^\??(?P<name>[A-Za-z_]\w*)\s*\((?P<type>\w+)(?P<options>(?:\s*,[^,)]*)*)\)"
    r"\s*:?\s*(?P<description>.*)$"
)
#: Where a bare slug given for an ``iri`` parameter is looked for, unless its header says.
DEFAULT_NAMESPACES = ("vnrd",)
_IRI = re.compile(r"[A-Za-z][A-Za-z0-9+.\-]*:[^\x00-\x20<>\"{}|^`\\]*")


def iri_candidates(value: str, namespaces: Sequence[str] = DEFAULT_NAMESPACES) -> list[str]:
    """The IRIs a parameter's text may mean: itself when it is a full IRI or a prefixed name,
    else the slug in each of ``namespaces`` (prefixes such as ``vnrv``), in that order."""
    text = value.strip()
    if text.startswith("<") or "://" in text or ":" in text:
        found = [expand(text)]
    else:
        found = [PREFIXES[ns] + text for ns in namespaces or DEFAULT_NAMESPACES]
    for iri in found:
        if not _IRI.fullmatch(iri):
            raise ValueError("not an absolute IRI")
    return found


def parameter_term(
    value: str, kind: str, name: str = "value", namespaces: Sequence[str] = DEFAULT_NAMESPACES
) -> Term:
    """The term for a parameter's text, of its declared type (one of :data:`PARAM_TYPES`).

    An ``iri`` is a full IRI, a prefixed name or a bare slug in the first of ``namespaces``
    (:func:`iri_candidates`); a ``date`` keeps the precision written (:func:`date_term`). A
    bad value is a :class:`UsageError`.
    """
    try:
        if kind == "iri":
            return ox.NamedNode(iri_candidates(value, namespaces)[0])
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


class UnknownTerm(VnrukgError):
    """An ``iri`` parameter naming nothing the graph holds (the CLI exits 1; HTTP 400)."""


class Lookup(Protocol):
    """What the graph a query will run on holds, to read ``iri`` parameters against."""

    def holds(self, iri: str) -> bool:
        """Whether the graph describes ``iri`` (it is the subject of some triple)."""
        ...

    def near(self, text: str, namespaces: Sequence[str]) -> list[str]:
        """The nearest names to ``text`` among the nodes in ``namespaces``, each written
        ``prefix:slug (English name)``, best first (few, maybe none)."""
        ...


class Answers(Protocol):
    """Anything that answers SPARQL with parameters bound: every engine does."""

    def query(self, text: str, bindings: Mapping[str, Term] | None = None) -> QueryResult: ...


#: Whether the graph describes ``?iri``: asked for every ``iri`` parameter's value.
HOLDS_QUERY = "ASK { ?iri ?p ?o }"
#: The texts the core itself asks, besides the named queries (checked with them, ahead).
OWN_QUERIES = (HOLDS_QUERY,)


@dataclass
class EngineLookup:
    """A :class:`Lookup` asking an engine; ``near`` is given by the caller (the suggestions
    need the names of everything: :func:`vnrukg.search.engine_suggestions`)."""

    engine: Answers
    suggest: Callable[[str, Sequence[str]], list[str]] | None = None

    def holds(self, iri: str) -> bool:
        return bool(self.engine.query(HOLDS_QUERY, {"iri": ox.NamedNode(iri)}).boolean)

    def near(self, text: str, namespaces: Sequence[str]) -> list[str]:
        return self.suggest(text, namespaces) if self.suggest is not None else []


@dataclass(frozen=True)
class Param:
    """A query parameter: a variable bound before the query runs.

    ``namespaces`` (prefixes) are where a bare slug is looked for, for an ``iri`` parameter.
    """

    name: str
    type: str
    description: str = ""
    default: str | None = None
    optional: bool = False
    namespaces: tuple[str, ...] = ()

    def bind(self, value: str, lookup: Lookup | None = None) -> Term:
        """The term for a value given on the command line or in a URL.

        With a ``lookup``, an ``iri`` is the first of its candidates the graph holds; when it
        holds none, :class:`UnknownTerm` names the nearest it does hold.
        """
        if self.type != "iri" or lookup is None:
            return parameter_term(value, self.type, self.name, self.namespaces)
        try:
            candidates = iri_candidates(value, self.namespaces)
        except ValueError as exc:
            raise UsageError(
                f"parameter {self.name}: {value!r} is not a valid iri ({exc})"
            ) from None
        for iri in candidates:
            if lookup.holds(iri):
                return ox.NamedNode(iri)
        tried = " or ".join(shorten(iri) for iri in candidates)
        near = lookup.near(value.strip(), self.namespaces)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise UnknownTerm(f"parameter {self.name}: the graph holds nothing named {tried}{hint}")


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

    def bindings(self, given: dict[str, str], lookup: Lookup | None = None) -> dict[str, Term]:
        """Terms for the given parameter values and the defaults; unknown names are refused.

        With a ``lookup``, ``iri`` values are read against the graph (:meth:`Param.bind`).
        """
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
            result[param.name] = param.bind(value, lookup)
        return result


def _param(spec: str, path: Path) -> Param:
    """A ``param:`` line: ``name (type[, optional][, default=V][, in=NS NS…]): text``."""
    match = _PARAM.match(spec)
    bad = VnrukgError(
        f"{path.name}: bad param line {spec!r} "
        "(want: name (type[, optional|default=V][, in=PREFIX …]): text)"
    )
    if not match or match.group("type") not in PARAM_TYPES:
        raise bad
    optional, default = False, None
    namespaces = DEFAULT_NAMESPACES if match.group("type") == "iri" else ()
    for option in (o.strip() for o in match.group("options").split(",")[1:]):
        key, sep, value = (part.strip() for part in option.partition("="))
        if option == "optional":
            optional = True
        elif key == "default" and sep:
            default = value
        elif key == "in" and sep and match.group("type") == "iri":
            namespaces = tuple(value.replace(":", " ").split())
            if not namespaces or any(ns not in PREFIXES for ns in namespaces):
                raise bad
        else:
            raise bad
    return Param(
        match.group("name"),
        match.group("type"),
        match.group("description").strip(),
        default,
        optional,
        namespaces,
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


def search_queries(queries: list[NamedQuery], text: str) -> list[NamedQuery]:
    """The queries whose name, title, description, tags or parameters (names, descriptions)
    hold every word of ``text`` (or its stem: ``tourism`` finds ``tourist``), case and
    diacritics ignored (``hoi dam`` finds ``hội đàm``);
    those whose name or title holds them all come first, then by name."""
    words = fold(text.replace("-", " ").replace("_", " ")).split()
    if not words:
        return list(queries)
    ranked = []
    for query in queries:
        head = fold(f"{query.name.replace('-', ' ')} {query.title}")
        body = " ".join(
            [
                head,
                fold(query.description),
                fold(" ".join(query.tags)),
                *(fold(f"{p.name.replace('_', ' ')} {p.description}") for p in query.params),
            ]
        )
        if all(_found(word, body) for word in words):
            ranked.append((not all(_found(word, head) for word in words), query.name, query))
    return [query for *_, query in sorted(ranked, key=lambda item: item[:2])]


#: English endings a question's word may have where a query's text has another form of it
#: ("tourism" for "tourist", "visitors" for "visit", "signing" for "signed").
_ENDINGS = (
    "isms",
    "ists",
    "ions",
    "ings",
    "ism",
    "ist",
    "ion",
    "ing",
    "ors",
    "ers",
    "or",
    "er",
    "es",
    "ed",
    "s",
)


def _found(word: str, text: str) -> bool:
    """``word`` is in ``text``, or its stem (the word less an ending, four letters at least)."""
    if word in text:
        return True
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)] in text
    return False


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
