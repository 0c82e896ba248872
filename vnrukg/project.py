"""Where the data comes from: the project folder, or the copy shipped inside the package.

A project folder has ``ontology/``, ``graph/`` and ``queries/``. :func:`find_project` uses
the folder given, else the current directory when it has them, else the checkout the package
was installed from (editable installs), else the data shipped in the wheel (``vnrukg/_data``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import VnrukgError

PACKAGE_DIR = Path(__file__).resolve().parent
SOURCES_ENV = "VNRUKG_SOURCES"


@dataclass(frozen=True)
class Project:
    """The folders of one project: ontology, curated graph, named queries."""

    root: Path

    def __post_init__(self) -> None:
        object.__setattr__(self, "root", Path(self.root))

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def graph_dir(self) -> Path:
        return self.root / "graph"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    def ontology_files(self) -> list[Path]:
        """The ontology's Turtle files, sorted by name."""
        return sorted(self.ontology_dir.glob("*.ttl"))

    def graph_files(self) -> list[Path]:
        """The curated Turtle files under ``graph/`` (recursively), sorted by path."""
        return sorted(self.graph_dir.rglob("*.ttl"))

    def relative(self, path: Path) -> str:
        """A path as shown to users: relative to the project root, with forward slashes."""
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)


def _is_project(path: Path) -> bool:
    return (path / "ontology").is_dir() and (path / "graph").is_dir()


def find_project(root: str | os.PathLike[str] | None = None) -> Project:
    """The project at ``root``, or found from the current directory or the installed package."""
    if root is not None:
        path = Path(root)
        if not _is_project(path):
            raise VnrukgError(f"{path} is not a vnrukg project: it needs ontology/ and graph/")
        return Project(path)
    for candidate in (Path.cwd(), PACKAGE_DIR.parent, PACKAGE_DIR / "_data"):
        if _is_project(candidate):
            return Project(candidate)
    raise VnrukgError("no vnrukg project found: run in a checkout or pass --root DIR")


def find_sources(project: Project, sources: str | os.PathLike[str] | None = None) -> Path | None:
    """The folder of source texts: as given, else $VNRUKG_SOURCES, else ../shared/sources."""
    if sources is not None:
        path = Path(sources)
        if not path.is_dir():
            raise VnrukgError(f"source folder not found: {path}")
        return path
    if os.environ.get(SOURCES_ENV):
        path = Path(os.environ[SOURCES_ENV])
        if not path.is_dir():
            raise VnrukgError(f"${SOURCES_ENV} names a folder that does not exist: {path}")
        return path
    for base in (project.root, Path.cwd()):
        candidate = base.resolve().parent / "shared" / "sources"
        if candidate.is_dir():
            return candidate
    return None
