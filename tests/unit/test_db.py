"""The DuckDB 2.0.0 wrap-at-256 bug and the workaround every connection carries (journeylens/storage/db.py)."""

import duckdb
import pytest

from journeylens.storage import db
from journeylens.storage.store import Store

REPRO = (
    "SELECT 'all' g, min(so) o, coalesce(sum(x), 0)::BIGINT n "
    "FROM t LEFT JOIN tps USING (ws, tp) WHERE ws = 1 "
    "GROUP BY ALL ORDER BY o NULLS LAST, g"
)


def _repro(con: duckdb.DuckDBPyConnection, rows: int) -> int:
    con.execute(f"CREATE OR REPLACE TABLE t AS SELECT 1 ws, 'a' tp, 1 x FROM range({rows})")
    con.execute("CREATE OR REPLACE TABLE tps (ws INT, tp VARCHAR, so INT)")
    return int(con.execute(REPRO).fetchall()[0][2])


def test_plain_duckdb_still_has_the_bug():
    """When this fails, DuckDB has fixed the bug: drop the entry in db.SAFE_SETTINGS knowingly."""
    con = duckdb.connect()
    assert _repro(con, 240) == 240 - 256, (
        f"DuckDB {duckdb.__version__} no longer wraps the sum: the compressed_materialization "
        "workaround in journeylens/storage/db.py may go"
    )


@pytest.mark.parametrize("rows", [240, 255, 256, 1000, 5000])
def test_connections_from_db_count_right(rows):
    assert _repro(db.connect(), rows) == rows


def test_store_and_its_cursors_carry_the_workaround(tmp_path):
    with Store(tmp_path / "s.duckdb") as store:
        cur = store.cursor()
        assert _repro(cur, 240) == 240
        setting = cur.execute("SELECT current_setting('disabled_optimizers')").fetchall()[0][0]
        assert "compressed_materialization" in setting
