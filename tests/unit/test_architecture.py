"""The layering, read from the source: storage sits at the bottom, and no import circle.

The graph is built with `ast` from every `journeylens.*` import, at module level and inside
functions (a late import hides a circle from Python, not from a reader). `from pkg import name`
counts as an import of the submodule `pkg.name` when there is one, else of `pkg`.
"""

from __future__ import annotations

import ast
from collections import deque
from functools import cache
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[2] / "journeylens"

# store, db and sql build on these only: the access rule, the error base and the catalogue it
# reads its messages from
STORAGE = {"journeylens.store", "journeylens.db", "journeylens.sql"}
BELOW_STORAGE = {"journeylens.permissions", "journeylens.errors", "journeylens.i18n"}


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
    assert {"journeylens.store", "journeylens.ui.frame", "journeylens.i18n"} <= set(graph())
    assert "journeylens.sql" in graph()["journeylens.store"]


def test_storage_imports_nothing_above_it():
    """store knows tables and transactions: no summaries, funnel, paths or insights below it."""
    for name in sorted(STORAGE):
        above = reachable(name) - STORAGE - BELOW_STORAGE
        assert not above, f"{name} reaches {sorted(above)}"


def test_below_storage_stays_below():
    for name in sorted(BELOW_STORAGE):
        above = reachable(name) - BELOW_STORAGE
        assert not above, f"{name} reaches {sorted(above)}"


def test_no_import_circle():
    circles, seen = [], set()
    for name in sorted(graph()):
        chain = cycle_from(name) if name not in seen else None
        if chain:
            seen.update(chain)
            circles.append(" -> ".join(chain))
    assert not circles, "import circles:\n" + "\n".join(circles)
