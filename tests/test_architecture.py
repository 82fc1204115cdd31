"""The package's layers: the pure layers import no framework, the import graph has no
cycle, modules and functions stay small."""

from __future__ import annotations

import ast
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

import pytest

from conftest import REPO

PACKAGE = REPO / "plugins" / "ketluan"
PURE = ("core", "citations", "site")
"""Layers that must outlive MkDocs: no MkDocs, Markdown or Jinja in them."""
FRAMEWORKS = ("mkdocs", "markdown", "jinja2")
MAX_MODULE_LINES = 400
MAX_FUNCTION_LINES = 80


def modules() -> dict[str, Path]:
    """Every module of the package by dotted name."""
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def imports_of(path: Path, known: set[str]) -> set[str]:
    """Package modules ``path`` imports (at any level: a function-level import counts)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            base = node.module
            for alias in node.names:
                candidate = f"{base}.{alias.name}"
                found.add(candidate if candidate in known else base)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return {name for name in found if name in known}


def test_pure_layers_import_no_framework() -> None:
    """``core``, ``citations`` and ``site`` import with MkDocs, Markdown and Jinja made
    unimportable (every module of them, in a fresh interpreter)."""
    pure = [name for name in modules() if name.split(".")[1:2] and name.split(".")[1] in PURE]
    assert len(pure) > 20
    code = (
        "import sys\n"
        f"BLOCKED = {FRAMEWORKS!r}\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] in BLOCKED:\n"
        "            raise ImportError('a pure layer imported ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        + "".join(f"import {name}\n" for name in pure)
        + "assert not [m for m in sys.modules if m.split('.')[0] in BLOCKED]\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPO
    )
    assert result.returncode == 0, result.stderr


def test_the_blocking_itself_works() -> None:
    """The check above fails when a pure module imports a framework (here: directly)."""
    code = (
        "import sys\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name.split('.')[0] == 'jinja2':\n"
        "            raise ImportError('blocked ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        "import ketluan.build.cache.keys\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False, cwd=REPO
    )
    assert result.returncode != 0 and "blocked jinja2" in result.stderr


def cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle of ``graph`` if it has any."""
    state: dict[str, int] = defaultdict(int)  # 0 new, 1 on the stack, 2 done
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph[node]):
            if state[target] == 1:
                return [*stack[stack.index(target) :], target]
            if state[target] == 0 and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for node in sorted(graph):
        if state[node] == 0 and (found := visit(node)):
            return found
    return None


def test_cycle_finder_finds_a_cycle() -> None:
    assert cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert cycle({"a": {"b"}, "b": set()}) is None


def test_import_graph_has_no_cycle() -> None:
    found = modules()
    graph = {name: imports_of(path, set(found)) - {name} for name, path in found.items()}
    assert sum(map(len, graph.values())) > 50
    assert cycle(graph) is None


@pytest.mark.parametrize("name", sorted(modules()))
def test_module_is_small(name: str) -> None:
    lines = modules()[name].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_MODULE_LINES, f"{name} has {lines} lines"


def test_functions_are_short() -> None:
    long = []
    for name, path in modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    long.append(f"{name}.{node.name}: {length} lines")
    assert not long


LONG_PATTERN = 5000
"""Characters: the citation, issuer, task and agency matchers are longer (tens of
thousands), and compiling them takes most of a second."""


def test_importing_the_plugin_compiles_no_long_pattern() -> None:
    """A build that plans nothing imports every module (planned pages refer to their
    classes) but matches no text: the long matchers are compiled on first use
    (``core.patterns``), and still work once used."""
    script = (
        "import re._compiler as c\n"
        "seen = []\n"
        "real = c.compile\n"
        "def compile(p, flags=0):\n"
        "    seen.append(len(p) if isinstance(p, str) else 0)\n"
        "    return real(p, flags)\n"
        "c.compile = compile\n"
        "import ketluan.adapter.plugin\n"
        f"assert max(seen) < {LONG_PATTERN}, max(seen)\n"
        "from ketluan.citations.matchers import extract\n"
        "found = extract('theo Nghị quyết số 27-NQ/HU ngày 24/02/2021 của Huyện ủy Sơn Động.')\n"
        "assert [c.symbol.text for c in found] == ['27-NQ/HU'], found\n"
        f"assert max(seen) > {LONG_PATTERN}, 'the matchers were compiled when used'\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=False
    )
    assert result.returncode == 0, result.stderr
