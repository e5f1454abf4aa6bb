"""Named SQL files from queries/, with their declared parameters enforced.

Each file holds one query and a header in the aiosql spirit:

    -- name: nps_by_touchpoint
    -- params: workspace_id, date_from
    SELECT ... WHERE workspace_id = $workspace_id

The declared list must equal the `$name` placeholders used in the body, checked when the file is
loaded, and a call must supply exactly those names. User text only ever reaches DuckDB as a bound
parameter value. An optional `-- runner: execute` (script, run_arrow, run_batches; default run)
names the function below that runs the file: journeylens/storage/sqlgen.py generates from these headers
the typed namespace journeylens/storage/queries.py, one function per file, and expands the templates in
queries/templates/ (SQL that would otherwise repeat) into the committed queries/<name>.sql.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa

QUERIES_DIR = Path(__file__).resolve().parents[2] / "queries"

_HEADER = re.compile(r"^--\s*(name|params):\s*(.*)$", re.MULTILINE)
_STRINGS_AND_COMMENTS = re.compile(r"'(?:[^']|'')*'|--[^\n]*")
_PLACEHOLDER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


class QueryError(Exception):
    """A query file is malformed or was called with the wrong parameters."""


@dataclass(frozen=True)
class Query:
    name: str
    params: tuple[str, ...]
    text: str

    def bind(self, params: dict[str, Any]) -> dict[str, Any]:
        given, declared = set(params), set(self.params)
        if given != declared:
            missing, extra = sorted(declared - given), sorted(given - declared)
            raise QueryError(f"{self.name}: missing parameters {missing}, unexpected {extra}")
        return dict(params)


def parse(name: str, text: str) -> Query:
    headers = dict(_HEADER.findall(text))
    declared = tuple(p.strip() for p in headers.get("params", "").split(",") if p.strip())
    body = _STRINGS_AND_COMMENTS.sub("", text)
    used = set(_PLACEHOLDER.findall(body))
    if used != set(declared):
        raise QueryError(
            f"{name}.sql: declared params {sorted(declared)} but the query uses {sorted(used)}"
        )
    return Query(headers.get("name", name).strip(), declared, text)


@cache
def load(name: str) -> Query:
    path = QUERIES_DIR / f"{name}.sql"
    if not path.exists():
        raise QueryError(f"no query file queries/{name}.sql")
    return parse(name, path.read_text(encoding="utf-8"))


def all_queries() -> list[Query]:
    return [load(p.stem) for p in sorted(QUERIES_DIR.glob("*.sql"))]


def run(con: duckdb.DuckDBPyConnection, query_name: str, **params: Any) -> pd.DataFrame:
    """Run a named query and return its (aggregate) result as a DataFrame."""
    query = load(query_name)
    rel = con.sql(query.text, params=query.bind(params) if query.params else None)
    if rel is None:
        return pd.DataFrame()
    return rel.to_arrow_table().to_pandas()


def run_arrow(con: duckdb.DuckDBPyConnection, query_name: str, **params: Any) -> pa.Table:
    """Run a named row query and return its result as an Arrow table, for a compiled kernel
    that reads the columns as numpy arrays (no pandas frame in between)."""
    query = load(query_name)
    return con.sql(query.text, params=query.bind(params) if query.params else None).to_arrow_table()


def run_batches(
    con: duckdb.DuckDBPyConnection,
    query_name: str,
    columns: tuple[str, ...],
    batch_rows: int,
    **params: Any,
) -> Iterator[tuple[np.ndarray, ...]]:
    """Stream a named row query to a compiled kernel: `columns` as numpy arrays, `batch_rows`
    rows at a time, in the query's order (DuckDB computes only those columns)."""
    query = load(query_name)
    rel = con.sql(query.text, params=query.bind(params) if query.params else None)
    reader = rel.select(*columns).to_arrow_reader(batch_rows)
    for batch in reader:
        yield tuple(batch.column(i).to_numpy(zero_copy_only=False) for i in range(len(columns)))


def execute(con: duckdb.DuckDBPyConnection, query_name: str, **params: Any) -> None:
    """Run named statements (INSERT, DELETE...) whose result is not needed, one by one."""
    query = load(query_name)
    bound = query.bind(params) if query.params else {}
    for statement in statements(query.text):
        used = set(_PLACEHOLDER.findall(_STRINGS_AND_COMMENTS.sub("", statement)))
        con.execute(statement, {k: v for k, v in bound.items() if k in used} or None)


def statements(text: str) -> list[str]:
    """Split a file on top-level semicolons (none of our files put ';' inside strings)."""
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("--"))
    return [s.strip() for s in body.split(";") if s.strip()]


def script(con: duckdb.DuckDBPyConnection, query_name: str) -> None:
    """Run a parameterless multi-statement file such as the schema."""
    query = load(query_name)
    if query.params:
        raise QueryError(f"{query_name}.sql is a script and cannot take parameters")
    con.execute(query.text)
