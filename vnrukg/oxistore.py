"""Oxigraph beside rdflib: term conversion, the persisted built store, and safe queries.

The loaded graph (ontology, curated files and inferences, as :func:`vnrukg.store.load` makes
it) is written once into an Oxigraph on-disk store in the project's cache folder
(``.vnrukg/`` in the project, or ``$VNRUKG_CACHE``). The store's folder is named after a
fingerprint of every input: the path, size, modification and change times of each ontology
and graph file, of the modules that shape the loaded graph, and the versions of vnrukg and
pyoxigraph. A changed input gives a new fingerprint, hence a new folder that does not exist
yet, so a stale store is never opened: it is rebuilt instead. Checking costs one ``stat``
per file; nothing is parsed. Opening a built store imports neither rdflib nor its SPARQL
engine, which is what makes a cold ``vnrukg query NAME`` fast.

Queries are refused exactly as the rdflib engine refuses them (:func:`vnrukg.queries.prepare`
decides); its verdict is remembered per query text (by SHA-256) in the cache folder, so a named
query is checked by rdflib once, not on every run. Independently of that,
:func:`vnrukg.sparqltext.guard` scans every query's tokens and refuses ``SERVICE`` before
Oxigraph sees the text: pyoxigraph would otherwise send the request (it has no switch to turn
federation off). Oxigraph never runs an update (``LOAD`` …) here: :meth:`pyoxigraph.Store.query`
only accepts queries.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pyoxigraph as ox

from . import __version__
from .errors import VnrukgError
from .project import PACKAGE_DIR, Project

if TYPE_CHECKING:
    from rdflib.term import Node

    from .store import KnowledgeGraph

#: Bump when the layout of the built store changes.
STORE_FORMAT = 1
CACHE_ENV = "VNRUKG_CACHE"
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
#: The modules whose code decides what the loaded graph holds: a change rebuilds the store.
_CODE = ("store.py", "infer.py", "namespaces.py", "oxistore.py")


# --- terms --------------------------------------------------------------------------------------


def to_oxigraph(term):
    """The Oxigraph term for an rdflib term (IRI, blank node or literal)."""
    from rdflib.term import BNode, Literal, URIRef

    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise VnrukgError(f"cannot store {term!r} in Oxigraph")


_FROM: dict = {}


def from_oxigraph(term) -> Node | None:
    """The rdflib term for an Oxigraph term, keeping its lexical form exactly."""
    if term is None:
        return None
    value = _FROM.get(term)
    if value is None:
        if len(_FROM) > 200_000:
            _FROM.clear()
        value = _FROM[term] = _from_oxigraph(term)
    return value


def _from_oxigraph(term) -> Node:
    from rdflib.term import BNode, Literal, URIRef

    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language, normalize=False)
        datatype = term.datatype
        if datatype.value == XSD_STRING:
            return Literal(term.value, normalize=False)
        return Literal(term.value, datatype=from_oxigraph(datatype), normalize=False)
    raise VnrukgError(f"Oxigraph returned a term vnrukg cannot show: {term!r}")


def term_from_parts(parts: tuple[str, str | None]):
    """The Oxigraph term for a parameter's parts (see :func:`vnrukg.queries.term_parts`)."""
    text, datatype = parts
    if datatype == "iri":
        return ox.NamedNode(text)
    if datatype is None:
        return ox.Literal(text)
    return ox.Literal(text, datatype=ox.NamedNode(datatype))


def _needs_canon(term) -> bool:
    from rdflib.term import Literal

    if not isinstance(term, Literal):
        return False
    if term.language:
        return term.language != term.language.lower()
    return term.datatype is not None


_CANON: dict = {}


def canonical_terms(terms) -> dict:
    """Each typed literal among ``terms`` in the lexical form Oxigraph gives it.

    Oxigraph stores numbers, booleans and dates by value and writes them back canonically
    (``4500000000.0``^^xsd:decimal comes back as ``4500000000``); rdflib keeps the text as
    written. Passing rdflib's results through this makes both engines answer alike.
    """
    terms = list(dict.fromkeys(terms))
    todo = [t for t in terms if t not in _CANON and _needs_canon(t)]
    if todo:
        scratch = ox.Store()
        predicate = ox.NamedNode("urn:vnrukg:canon")
        scratch.extend(
            ox.Quad(ox.NamedNode(f"urn:vnrukg:canon:{i}"), predicate, to_oxigraph(term))
            for i, term in enumerate(todo)
        )
        for quad in scratch.quads_for_pattern(None, predicate, None):
            index = int(quad.subject.value.rsplit(":", 1)[1])
            _CANON[todo[index]] = from_oxigraph(quad.object)
        if len(_CANON) > 100_000:
            _CANON.clear()
    return {t: _CANON[t] for t in terms if t in _CANON}


# --- query checks, remembered -------------------------------------------------------------------


class QueryChecks:
    """rdflib's verdict on each query text (allowed, with its form, or the error it raised).

    The verdicts are kept in memory and, when a file is given, in that JSON file, keyed by the
    SHA-256 of the text; the file is dropped when the checking code changes.
    """

    def __init__(self, path: Path | None = None):
        self.path = path
        self._stamp = _stamp([PACKAGE_DIR / n for n in ("queries.py", "errors.py", "oxistore.py")])
        self._verdicts: dict[str, dict] = self._read()
        self._by_text: dict[str, dict] = {}  # the same verdicts by text: no hashing per run

    def _read(self) -> dict[str, dict]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return {}
        return data.get("verdicts", {}) if data.get("stamp") == self._stamp else {}

    def save(self) -> None:
        """Write the verdicts to the file (if any); a failure to write is ignored."""
        if self.path is None:
            return
        from .util import atomic_write

        verdicts = dict(list(self._verdicts.items())[-2000:])
        with contextlib.suppress(VnrukgError):  # a cache not written only costs time
            atomic_write(self.path, json.dumps({"stamp": self._stamp, "verdicts": verdicts}))

    def check(self, text: str, *, save: bool = True) -> dict:
        """rdflib's verdict: the form, the projected variables and whether the query is ordered.

        Raises as :func:`vnrukg.queries.prepare` does for a query it refuses.
        """
        verdict = self._by_text.get(text)
        if verdict is None:
            key = hashlib.sha256(text.encode("utf-8")).hexdigest()
            verdict = self._verdicts.get(key)
            if verdict is None:
                verdict = _verdict(text)
                self._verdicts[key] = verdict
                if save:
                    self.save()
            if len(self._by_text) >= 1024:
                self._by_text.clear()
            self._by_text[text] = verdict
        if "error" in verdict:
            raise _error(verdict)
        return verdict

    def form(self, text: str) -> str:
        """The query's form (``SELECT`` …); raise as :func:`vnrukg.queries.prepare` does."""
        return self.check(text)["form"]


_FORMS = {
    "SelectQuery": "SELECT",
    "AskQuery": "ASK",
    "ConstructQuery": "CONSTRUCT",
    "DescribeQuery": "DESCRIBE",
}


def _verdict(text: str) -> dict:
    from .errors import QuerySyntaxError
    from .queries import is_ordered, prepare

    try:
        prepared = prepare(text)
    except QuerySyntaxError as exc:
        return {
            "error": type(exc).__name__,
            "message": str(exc),
            "line": exc.line,
            "column": exc.column,
        }
    except VnrukgError as exc:
        return {"error": type(exc).__name__, "message": str(exc)}
    algebra = prepared.algebra
    return {
        "form": _FORMS.get(algebra.name, "SELECT"),
        "vars": [str(v) for v in algebra.get("PV") or []],
        "ordered": is_ordered(prepared),
    }


def _error(verdict: dict) -> VnrukgError:
    from . import errors

    cls = getattr(errors, verdict["error"], VnrukgError)
    if not (isinstance(cls, type) and issubclass(cls, VnrukgError)):
        cls = VnrukgError
    exc = cls.__new__(cls)
    Exception.__init__(exc, verdict["message"])
    if "line" in verdict:
        exc.line, exc.column = verdict["line"], verdict["column"]
    return exc


# --- the built store ----------------------------------------------------------------------------


def _stamp(paths: list[Path]) -> str:
    digest = hashlib.sha256(f"{STORE_FORMAT}\0{__version__}\0{ox.__version__}".encode())
    for path in paths:
        try:
            st = path.stat()
        except OSError:
            digest.update(f"{path}\0missing\n".encode())
            continue
        digest.update(f"{path}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\n".encode())
    return digest.hexdigest()[:24]


def data_files(project: Project) -> list[Path]:
    """The files the loaded graph is made from: the ontology's and the curated graph's."""
    return project.ontology_files() + project.graph_files()


def fingerprint(project: Project) -> str:
    """A digest of every input of the loaded graph, from ``stat`` alone (no file is read)."""
    files = [p.resolve() for p in data_files(project)]
    return _stamp(files + [PACKAGE_DIR / name for name in _CODE])


def cache_root(project: Project) -> Path:
    """Where built stores and query verdicts are kept for this project."""
    if os.environ.get(CACHE_ENV):
        key = hashlib.sha256(str(project.root.resolve()).encode()).hexdigest()[:12]
        return Path(os.environ[CACHE_ENV]) / key
    if os.access(project.root, os.W_OK):
        return project.root / ".vnrukg"
    base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    key = hashlib.sha256(str(project.root.resolve()).encode()).hexdigest()[:12]
    return base / "vnrukg" / key


def store_dir(project: Project) -> Path:
    """The folder of the store built from the project's files as they are now."""
    return cache_root(project) / f"oxigraph-{fingerprint(project)}"


@dataclass(frozen=True)
class BuiltStore:
    """A built store on disk and what it holds."""

    path: Path
    triples: int
    seconds: float


def _prepare_root(root: Path) -> None:
    root.mkdir(parents=True, exist_ok=True)
    ignore = root / ".gitignore"
    if not ignore.exists():
        ignore.write_text("# vnrukg's cache of built stores: safe to delete\n*\n")


def fill(store: ox.Store, graph) -> None:
    """Add every triple of an rdflib graph to an Oxigraph store's default graph."""
    convert = _converter()
    store.bulk_extend(
        ox.Quad(convert(s), convert(p), convert(o), ox.DefaultGraph()) for s, p, o in graph
    )


def _converter():
    cache: dict = {}

    def convert(term):
        value = cache.get(term)
        if value is None:
            value = cache[term] = to_oxigraph(term)
        return value

    return convert


def write_store(kg: KnowledgeGraph, path: Path | None = None) -> BuiltStore:
    """Persist a loaded graph as an Oxigraph store at ``path`` (default: :func:`store_dir`)."""
    started = time.perf_counter()
    path = path or store_dir(kg.project)
    _prepare_root(path.parent)
    temporary = path.with_name(f"{path.name}.tmp-{os.getpid()}")
    shutil.rmtree(temporary, ignore_errors=True)
    try:
        store = ox.Store(str(temporary))
        fill(store, kg.graph)
        store.flush()
        triples = len(store)
        del store
        manifest = {"format": STORE_FORMAT, "triples": triples, "built": time.time()}
        (temporary / "vnrukg-manifest.json").write_text(json.dumps(manifest))
        try:
            temporary.rename(path)
        except OSError:
            if not _complete(path):
                raise
            shutil.rmtree(temporary, ignore_errors=True)  # built meanwhile by another process
    except OSError as exc:
        shutil.rmtree(temporary, ignore_errors=True)
        raise VnrukgError(f"cannot write the built store in {path.parent}: {exc}") from None
    _remove_others(path)
    check_named_queries(kg.project)
    return BuiltStore(path, triples, time.perf_counter() - started)


def check_named_queries(project: Project) -> None:
    """Check every named query now, so that the first run of each need not ask rdflib."""
    checks = query_checks(project)
    for path in sorted(project.queries_dir.glob("*.rq")):
        with contextlib.suppress(VnrukgError, OSError, UnicodeDecodeError):
            checks.check(path.read_text(encoding="utf-8"), save=False)
    checks.save()


def _complete(path: Path) -> bool:
    return (path / "vnrukg-manifest.json").is_file()


def _remove_others(keep: Path) -> None:
    for other in keep.parent.glob("oxigraph-*"):
        if other == keep:
            continue
        if ".tmp-" in other.name and time.time() - other.stat().st_mtime < 3600:
            continue  # perhaps being built by another process right now
        shutil.rmtree(other, ignore_errors=True)


def built_triples(path: Path) -> int:
    """How many triples the built store at ``path`` holds (from its manifest)."""
    return json.loads((path / "vnrukg-manifest.json").read_text())["triples"]


def open_store(project: Project) -> ox.Store:
    """The built store for the project as it is now, building it first if needed."""
    path = store_dir(project)
    if not _complete(path):
        from .store import load

        write_store(load(project), path)
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise VnrukgError(f"cannot open the built store {path}: {exc}") from None


def query_checks(project: Project) -> QueryChecks:
    """The remembered query verdicts of a project."""
    return QueryChecks(cache_root(project) / "checked-queries.json")
