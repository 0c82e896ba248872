"""The built store: the loaded graph persisted once as an Oxigraph store, never opened stale.

The loaded graph (ontology, curated files and inferences, as :func:`vnrukg.store.load` makes
it) is written once into an Oxigraph on-disk store in the project's cache folder
(``.vnrukg/`` in the project, or ``$VNRUKG_CACHE``). The store's folder is named after a
fingerprint of every input: the path, size, modification and change times of each ontology
and graph file, of the modules that shape the loaded graph, and the versions of vnrukg and
pyoxigraph. A changed input gives a new fingerprint, hence a new folder that does not exist
yet, so a stale store is never opened: it is rebuilt instead. Checking costs one ``stat``
per file; nothing is parsed. Opening a built store imports neither rdflib nor its SPARQL
engine, which is what makes a cold ``vnrukg query NAME`` fast.

The cache folder also keeps rdflib's remembered verdicts on query texts
(:func:`query_checks`, see :mod:`vnrukg.sparql.gate`); :func:`write_store` checks every named
query once, so that no first run of one needs rdflib.
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

from .. import __version__
from ..errors import VnrukgError
from ..project import PACKAGE_DIR, Project
from .gate import QueryChecks
from .terms import fill

if TYPE_CHECKING:
    from ..store import KnowledgeGraph

#: Bump when the layout of the built store changes.
STORE_FORMAT = 1
CACHE_ENV = "VNRUKG_CACHE"
#: The modules whose code decides what the loaded graph holds: a change rebuilds the store.
_CODE = ("store.py", "infer.py", "namespaces.py", "sparql/terms.py", "sparql/built.py")


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
    return int(json.loads((path / "vnrukg-manifest.json").read_text())["triples"])


def open_store(project: Project) -> ox.Store:
    """The built store for the project as it is now, building it first if needed."""
    path = store_dir(project)
    if not _complete(path):
        # loading the Turtle needs rdflib (0.3 s): only a store not built yet needs it
        from ..store import load

        write_store(load(project), path)
    try:
        return ox.Store.read_only(str(path))
    except OSError as exc:
        raise VnrukgError(f"cannot open the built store {path}: {exc}") from None


def query_checks(project: Project) -> QueryChecks:
    """The remembered query verdicts of a project."""
    return QueryChecks(cache_root(project) / "checked-queries.json")
