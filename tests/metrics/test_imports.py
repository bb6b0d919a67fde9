"""The package has no import cycle, at the top of a module, hidden inside a function or under
``if TYPE_CHECKING:``: a cycle works or fails by which module happens to be imported first, and one
kept only for the type checker is the same tangle of layers, waiting to be run."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.fast
PACKAGE = Path(__file__).resolve().parents[2] / "metrics"


def _module_names() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        found[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return found


MODULES = _module_names()


def _imports(name: str, path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            submodules = {f"{node.module}.{alias.name}" for alias in node.names} & MODULES.keys()
            found |= submodules
            if node.module in MODULES and len(submodules) < len(node.names):
                found.add(node.module)
        elif isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names} & MODULES.keys()
    return found - {name}


def test_no_module_of_the_package_imports_one_that_imports_it_back():
    graph = {name: _imports(name, path) for name, path in MODULES.items()}

    def path_back(start: str) -> list[str] | None:
        stack = [(start, [start])]
        seen = set()
        while stack:
            here, trail = stack.pop()
            for nxt in graph.get(here, ()):
                if nxt == start:
                    return [*trail, start]
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append((nxt, [*trail, nxt]))
        return None

    assert "metrics.load.dataset" in graph["metrics.frames.dataframes"], "the graph is read from the sources"
    cycles = [" → ".join(found) for name in sorted(graph) if (found := path_back(name))]
    assert not cycles, f"import cycles: {cycles}"
