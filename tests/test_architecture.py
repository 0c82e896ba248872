"""The package's import contract: one-way layers, no cycle, the core used through its public names.

Every ``import`` of every module of ``vnrukg`` counts, at the top of a module or inside a
function (only ``if TYPE_CHECKING:`` blocks, which never run, are left out). The layers are
written below, top first; ``docs/architecture.md`` explains them. The checker is tried on small
synthetic packages too, so that it is known to fail on a cycle and on an upward import.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "vnrukg"

#: Top first: a module may import from its own layer and the layers below it, never above.
#: A module belongs to the layer of the longest name here that it is or lies under.
LAYERS: list[list[str]] = [
    ["__main__"],
    ["cli"],
    ["server"],
    ["build"],
    # the network page and the Gephi files, which draw the network with the page's layout
    ["viz", "gephi"],
    ["validate", "push", "coverage", "export", "analyze", "lookup", "cite", "charts", "timeline"],
    ["search"],
    ["results", "network", "quotes", "translations", "docs", "describe", "pages"],
    # the query core, vnrukg.sparql: its package names what the rest may use
    ["sparql"],
    ["sparql.engines"],
    ["sparql.built"],
    ["sparql.engines.oxigraph", "sparql.engines.rdflib"],
    ["sparql.engines.base"],
    ["sparql.named"],
    ["sparql.gate"],
    ["sparql.result"],
    ["sparql.text"],
    ["sparql.terms"],
    # the loaded graph
    ["store"],
    ["infer"],
    # the base: settings, names, errors
    ["formats", "namespaces", "project", "names", "util", "datatypes", "progress", "periods"],
    ["errors"],
    [""],
]
#: The core: outside it, only its package (its public names) may be imported.
CORE = "sparql"


@dataclass
class Imports:
    """The imports found in a package: edges between its modules, and where each is."""

    edges: dict[str, set[str]] = field(default_factory=dict)
    local: set[tuple[str, int]] = field(default_factory=set)  # function-local: module, line
    names: list[tuple[str, str, str]] = field(default_factory=list)  # module, target, name


def _module_name(path: Path, root: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts = parts[:-1]
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING"
    )


def _walk(node: ast.AST, in_function: bool = False):
    """Import statements under ``node``, with whether each is inside a function."""
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.If) and _is_type_checking(child):
            for other in child.orelse:
                yield from _walk(other, in_function)
            continue
        if isinstance(child, ast.Import | ast.ImportFrom):
            yield child, in_function
        inner = in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef)
        yield from _walk(child, inner)


def scan(root: Path) -> Imports:
    """Every import between the modules of the package at ``root`` (a folder)."""
    top = root.name
    modules = {_module_name(p, root.parent): p for p in root.rglob("*.py")}
    found = Imports(edges={m: set() for m in modules})
    for module, path in modules.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node, local in _walk(ast.parse(path.read_text(encoding="utf-8"))):
            if local:
                found.local.add((module, node.lineno))
            if isinstance(node, ast.Import):
                targets = [(alias.name, None) for alias in node.names]
            else:
                base = package.split(".")
                if node.level:
                    base = base[: len(base) - node.level + 1]
                    source = ".".join(base + ([node.module] if node.module else []))
                else:
                    source = node.module or ""
                targets = [
                    (f"{source}.{a.name}" if f"{source}.{a.name}" in modules else source, a.name)
                    for a in node.names
                ]
            for target, name in targets:
                if target != top and not target.startswith(top + "."):
                    continue
                while target not in modules and "." in target:
                    target = target.rpartition(".")[0]
                found.edges[module].add(target)
                if name is not None:
                    found.names.append((module, target, name))
    return found


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """The import cycles: strongly connected groups of more than one module (or a self-loop)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            group = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                group.append(member)
                if member == node:
                    break
            if len(group) > 1 or node in edges.get(node, ()):
                found.append(sorted(group))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def layer_of(module: str, top: str, layers: list[list[str]]) -> int:
    """The index of the layer a module belongs to (the longest matching name wins)."""
    name = module.removeprefix(top).lstrip(".")
    best, rank = -1, len(layers)
    for number, layer in enumerate(layers):
        for entry in layer:
            if (name == entry or name.startswith(entry + ".") or entry == "") and len(entry) > best:
                best, rank = len(entry), number
    return rank


def upward(found: Imports, top: str, layers: list[list[str]]) -> list[str]:
    """Every import of a module from a layer above its own."""
    wrong = []
    for module, targets in sorted(found.edges.items()):
        for target in sorted(targets):
            if layer_of(target, top, layers) < layer_of(module, top, layers):
                wrong.append(f"{module} imports {target}, a higher layer")
    return wrong


def around_the_core(found: Imports, top: str, core: str) -> list[str]:
    """Imports from outside the core of anything but its package and its public names."""
    package = f"{top}.{core}"
    wrong = []
    for module, target, name in found.names:
        if module == package or module.startswith(package + "."):
            continue
        if target.startswith(package + "."):
            wrong.append(f"{module} imports {target}, inside the core")
        elif target == package and name.startswith("_"):
            wrong.append(f"{module} imports the core's private {name}")
    return wrong


def unexplained(found: Imports, root: Path) -> list[str]:
    """Function-local imports without a comment saying why, on the line(s) just above."""
    wrong = []
    for module, line in sorted(found.local):
        relative = module.split(".")[1:] or ["__init__"]
        path = root.joinpath(*relative)
        path = path / "__init__.py" if path.is_dir() else path.with_suffix(".py")
        lines = path.read_text(encoding="utf-8").splitlines()
        above = line - 2
        while above >= 0 and lines[above].strip().startswith(("import ", "from ")):
            above -= 1
        if above < 0 or not lines[above].strip().startswith("#"):
            wrong.append(f"{module}:{line}: an import inside a function without a reason")
    return wrong


# --- the package ----------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def found() -> Imports:
    return scan(PACKAGE)


def test_no_import_cycle(found):
    assert cycles(found.edges) == []


def test_no_upward_import(found):
    assert upward(found, "vnrukg", LAYERS) == []


def test_every_module_has_a_layer(found):
    assert [m for m in found.edges if layer_of(m, "vnrukg", LAYERS) == len(LAYERS)] == []


def test_the_core_is_used_through_its_public_names(found):
    assert around_the_core(found, "vnrukg", CORE) == []


def test_function_local_imports_say_why(found):
    assert unexplained(found, PACKAGE) == []
    assert len(found.local) <= 40, sorted(found.local)  # there were 107; keep them rare


# --- the checker, on synthetic packages -----------------------------------------------------------


def _package(root: Path, files: dict[str, str]) -> Path:
    package = root / "pkg"
    for name, text in files.items():
        path = package / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return package


def test_a_cycle_through_a_function_local_import_is_caught(tmp_path):
    package = _package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from . import b\n",
            "b.py": "def f():\n    # late\n    from .c import g\n    return g\n",
            "c.py": "from .a import b\ndef g():\n    return b\n",
        },
    )
    assert cycles(scan(package).edges) == [["pkg.a", "pkg.b", "pkg.c"]]


def test_a_type_checking_import_makes_no_cycle(tmp_path):
    package = _package(
        tmp_path,
        {
            "__init__.py": "",
            "a.py": "from . import b\n",
            "b.py": "from typing import TYPE_CHECKING\nif TYPE_CHECKING:\n    from . import a\n",
        },
    )
    assert cycles(scan(package).edges) == []


def test_an_upward_import_and_a_private_name_are_caught(tmp_path):
    package = _package(
        tmp_path,
        {
            "__init__.py": "",
            "low.py": "def f():\n    from .high import g\n    return g\n",
            "high.py": "from .core import thing\nfrom .core.inner import x\nfrom .core import _y\n",
            "core/__init__.py": "from .inner import thing, x, _y\n",
            "core/inner.py": "thing = x = _y = 1\n",
        },
    )
    found = scan(package)
    layers = [["high"], ["core"], ["core.inner"], ["low"], [""]]
    assert upward(found, "pkg", layers) == ["pkg.low imports pkg.high, a higher layer"]
    assert around_the_core(found, "pkg", "core") == [
        "pkg.high imports pkg.core.inner, inside the core",
        "pkg.high imports the core's private _y",
    ]
    assert unexplained(found, package) == [
        "pkg.low:2: an import inside a function without a reason"
    ]
