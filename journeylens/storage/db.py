"""Every DuckDB connection the app, the CLI, the importer and the benchmarks open comes from here.

Why one place: DuckDB 2.0.0 has an optimizer bug that silently wraps integer sums at 256, and a
connection opened anywhere else would give wrong numbers without an error.

The bug (reproduced in plain DuckDB 2.0.0, and kept as a test in tests/unit/test_db.py):

    CREATE TABLE t AS SELECT 1 ws, 'a' tp, 1 x FROM range(240);
    CREATE TABLE tps (ws INT, tp VARCHAR, so INT);          -- empty
    SELECT 'all' g, min(so) o, coalesce(sum(x), 0)::BIGINT n
    FROM t LEFT JOIN tps USING (ws, tp) WHERE ws = 1
    GROUP BY ALL ORDER BY o NULLS LAST, g;                   -- n = -16, not 240

The `compressed_materialization` optimizer narrows the sum to 8 bits when the joined column the
query orders by is all NULL (an empty journey definition, in our queries). Disabling that one
optimizer gives the right count; it only costs a little memory on large sorts. When the test that
runs the repro on a plain connection starts to pass without the workaround, DuckDB has fixed it and
SAFE_SETTINGS can lose this entry.
"""

from __future__ import annotations

from typing import Any

import duckdb

# Settings every connection gets, whatever else the caller configures.
SAFE_SETTINGS: dict[str, str] = {
    "disabled_optimizers": "compressed_materialization",  # the wrap-at-256 bug, see above
}


def connect(
    path: str = ":memory:", *, read_only: bool = False, config: dict[str, Any] | None = None
) -> duckdb.DuckDBPyConnection:
    """A DuckDB connection with the safe settings (cursors inherit them) and no progress bar."""
    settings = {**(config or {}), **SAFE_SETTINGS}
    con = duckdb.connect(path, read_only=read_only, config=settings)
    con.execute("SET enable_progress_bar = false")
    return con
