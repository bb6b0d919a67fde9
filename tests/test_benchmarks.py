"""The benchmark harness stays importable piece by piece: each module alone, in a fresh interpreter.

Importing a module first, alone, is what exposes an import cycle (``a`` importing ``b`` that
imports ``a`` back fails only when ``a`` is imported before ``b`` has finished). The cycles
hidden in functions are found too: every ``benchmarks`` module a module imports, at its top or
inside a function, must not import it back. Cheap: no server, no browser, no measurement.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = ROOT / "benchmarks"
MODULES = sorted(f"benchmarks.{p.stem}" for p in BENCHMARKS.glob("*.py") if p.stem != "__init__")


def _imported(module: str) -> set[str]:
    """The ``benchmarks`` modules that ``module``'s source imports, anywhere in it."""
    tree = ast.parse((BENCHMARKS / f"{module.split('.')[-1]}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("benchmarks.")}
        elif isinstance(node, ast.ImportFrom) and node.module:
            if node.module == "benchmarks":
                found |= {f"benchmarks.{alias.name}" for alias in node.names}
            elif node.module.startswith("benchmarks."):
                found.add(node.module)
    return found & set(MODULES)


def test_there_are_modules_to_check():
    assert "benchmarks.run" in MODULES and "benchmarks.suite" in MODULES


@pytest.mark.parametrize("module", MODULES)
def test_module_imports_alone(module):
    done = subprocess.run([sys.executable, "-c", f"import {module}"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, check=False)
    assert done.returncode == 0, f"import {module} failed:\n{done.stderr[-2000:]}"


def test_no_import_cycle_even_inside_functions():
    graph = {module: _imported(module) for module in MODULES}

    def cycle_from(start: str) -> list[str] | None:
        stack = [(start, [start])]
        while stack:
            node, path = stack.pop()
            for nxt in graph[node]:
                if nxt == start:
                    return [*path, start]
                if nxt not in path:
                    stack.append((nxt, [*path, nxt]))
        return None

    cycles = [" → ".join(found) for module in MODULES if (found := cycle_from(module))]
    assert not cycles, f"import cycles among the benchmarks: {cycles}"


def test_tests_do_not_import_the_benchmarks():
    """The tests run without the harness: what they need lives in the package or in tests/."""
    offenders = []
    for path in (ROOT / "tests").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            offenders += [f"{path.relative_to(ROOT)}: {n}" for n in names if n == "benchmarks" or n.startswith("benchmarks.")]
    assert not offenders, offenders
