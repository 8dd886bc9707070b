"""The shape of the code, checked (docs/architecture.md): no import cycle at all — parent
packages and function-level imports included, which import-linter's sibling contract does not
see — no private name imported from another module, and every folder a regular package."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import grimp

import suining_desk

REPO = Path(suining_desk.__file__).parents[1]
PACKAGES = ("suining_desk", "ui")
KNOWN_CYCLES: list[set[str]] = []  # none: keep it so
KNOWN_PRIVATE_IMPORTS: list[str] = []  # none: keep it so


def _cycles() -> list[set[str]]:
    """Tarjan's strongly connected components of the module graph (larger than one module)."""
    graph = grimp.build_graph(*PACKAGES, cache_dir=None, exclude_type_checking_imports=True)
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[set[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        on_stack.add(module)
        for imported in graph.find_modules_directly_imported_by(module):
            if imported not in index:
                visit(imported)
                low[module] = min(low[module], low[imported])
            elif imported in on_stack:
                low[module] = min(low[module], index[imported])
        if low[module] == index[module]:
            component = set()
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.add(member)
                if member == module:
                    break
            if len(component) > 1:
                found.append(component)

    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, 10_000))
    try:
        for module in sorted(graph.modules):
            if module not in index:
                visit(module)
    finally:
        sys.setrecursionlimit(limit)
    return found


def _files() -> list[Path]:
    return [p for package in PACKAGES for p in sorted((REPO / package).rglob("*.py"))]


def test_no_import_cycles() -> None:
    assert sorted(map(sorted, _cycles())) == sorted(map(sorted, KNOWN_CYCLES))


def test_no_private_name_is_imported_from_another_module() -> None:
    found = []
    for path in _files():
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if isinstance(node, ast.ImportFrom) and (node.level or (node.module or "").startswith(PACKAGES)):
                module = "." * node.level + (node.module or "")
                found += [f"{path.relative_to(REPO)}: {module} {a.name}" for a in node.names
                          if a.name.startswith("_") and not a.name.startswith("__")]
    assert found == KNOWN_PRIVATE_IMPORTS


def test_every_folder_of_the_packages_is_a_regular_package() -> None:
    """A folder without __init__.py is a namespace package: pkgutil, import-linter and grimp
    silently skip every module in it (exchange/ did, 25 modules)."""
    missing = [str(d.relative_to(REPO)) for package in PACKAGES for d in (REPO / package).rglob("*")
               if d.is_dir() and d.name != "__pycache__" and any(d.glob("*.py")) and not (d / "__init__.py").exists()]
    assert missing == []


def test_the_window_imports_itself_relatively() -> None:
    """ui/ is ``suining_desk_ui`` in the wheel (pyproject: no top-level ``ui`` to clash with):
    an absolute ``from ui…`` inside it would work in a checkout and fail once installed."""
    found = []
    for path in sorted((REPO / "ui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) and not node.level else (
                [a.name for a in node.names] if isinstance(node, ast.Import) else [])
            found += [f"{path.relative_to(REPO)}:{node.lineno}" for n in names if n.split(".")[0] == "ui"]
    assert found == []
