"""The layering, read from the source: each layer imports only its own and those below; no
import circle.

The graph is built with `ast` from every `journeylens.*` import, at module level and inside
functions (a late import hides a circle from Python, not from a reader). `from pkg import name`
counts as an import of the submodule `pkg.name` when there is one, else of `pkg`.
"""

from __future__ import annotations

import ast
from collections import deque
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "journeylens"

# The layers, bottom to top (ARCHITECTURE.md): a module imports its own layer and those below.
LAYERS = ("i18n", "domain", "storage", "services", "charts", "ui")
# entry points sit on top with the ui: the CLI, `python -m journeylens`
TOP = {
    "journeylens.cli",
    "journeylens.cli_flows",
    "journeylens.cli_drivers",
    "journeylens.__main__",
}


def layer_of(name: str) -> int:
    """The layer's rank; charts modules are journeylens.charts*, entry points rank with the ui."""
    parts = name.split(".")
    if name in TOP or len(parts) == 1:
        return LAYERS.index("ui")
    head = parts[1]
    if head.startswith("charts") or head.endswith("_charts"):
        return LAYERS.index("charts")
    return LAYERS.index(head)


@cache
def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        found[".".join(parts)] = path
    return found


def imports_of(name: str) -> set[str]:
    """The journeylens modules `name` imports anywhere in its source."""
    path = modules()[name]
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    out: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out.update(a.name for a in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                source = ".".join(base + ([node.module] if node.module else []))
            else:
                source = node.module or ""
            for alias in node.names:
                sub = f"{source}.{alias.name}"
                out.add(sub if sub in modules() else source)
    return {m for m in out if m in modules() and m != name}


@cache
def graph() -> dict[str, frozenset[str]]:
    return {name: frozenset(imports_of(name)) for name in modules()}


def reachable(start: str) -> set[str]:
    seen, todo = set(), [start]
    while todo:
        for nxt in graph()[todo.pop()]:
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def cycle_from(start: str) -> list[str] | None:
    """One import circle through `start`, as the chain of modules, if there is one."""
    queue = deque([(start, [start])])  # breadth first: the shortest circle
    seen: set[str] = set()
    while queue:
        node, chain = queue.popleft()
        for nxt in sorted(graph()[node]):
            if nxt == start:
                return [*chain, start]
            if nxt not in seen:
                seen.add(nxt)
                queue.append((nxt, [*chain, nxt]))
    return None


def test_the_graph_sees_the_package():
    assert {"journeylens.storage.store", "journeylens.ui.frame", "journeylens.i18n"} <= set(graph())
    assert "journeylens.storage.queries" in graph()["journeylens.storage.store"]


def test_every_module_has_a_layer():
    assert {layer_of(name) for name in graph()} == set(range(len(LAYERS)))


@pytest.mark.parametrize("layer", LAYERS[:-1])
def test_no_import_reaches_a_layer_above(layer):
    """store knows tables and transactions, the domain no DuckDB: nothing imports upwards."""
    rank = LAYERS.index(layer)
    upward = [
        f"{name} -> {dep}"
        for name in sorted(graph())
        if layer_of(name) == rank
        for dep in sorted(graph()[name])
        if layer_of(dep) > rank
    ]
    assert not upward, f"{layer} imports from above:\n" + "\n".join(upward)


def test_the_domain_needs_no_database():
    for name in sorted(graph()):
        if name.startswith("journeylens.domain"):
            source = modules()[name].read_text(encoding="utf-8")
            assert "import duckdb" not in source, name


def test_no_import_circle():
    circles, seen = [], set()
    for name in sorted(graph()):
        chain = cycle_from(name) if name not in seen else None
        if chain:
            seen.update(chain)
            circles.append(" -> ".join(chain))
    assert not circles, "import circles:\n" + "\n".join(circles)


MAX_LINES = 400


def test_a_long_module_says_why_at_its_top():
    """A room a newcomer can read: over MAX_LINES lines only with the reason in the docstring."""
    unexplained = []
    for name, path in sorted(modules().items()):
        source = path.read_text(encoding="utf-8")
        lines = source.count("\n")
        doc = ast.get_docstring(ast.parse(source)) or ""
        if lines > MAX_LINES and "long because" not in doc.lower():
            unexplained.append(f"{name}: {lines} lines")
    assert not unexplained, "long modules without a reason:\n" + "\n".join(unexplained)
