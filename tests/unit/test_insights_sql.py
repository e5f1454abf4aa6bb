"""The insight queries' totals past 32,767: DuckDB 2.0's compressed_materialization once narrowed
the cube's counts under a stage filter and the totals wrapped (seen at 10M answers). One answer a
day at one touchpoint for 40,000 days gives cube rows of count 1 that sum past the 16-bit range."""

from __future__ import annotations

import pandas as pd
import pytest

from journeylens.domain.filters import Filters
from journeylens.storage import sql

from .insight_data import install

N = 40_000


@pytest.fixture(scope="module")
def wide_span(tmp_path_factory):
    from journeylens.storage.store import Store

    with Store(tmp_path_factory.mktemp("wrap") / "w.duckdb") as st:
        days = pd.date_range("1900-01-01", periods=N, freq="D")
        responses = pd.DataFrame(
            {
                "response_id": [f"R{i}" for i in range(N)],
                "customer_id": [f"C{i}" for i in range(N)],
                "touchpoint": "T",
                "submitted_at": days.astype("datetime64[s]"),
                "nps": pd.array([10 if i % 3 else 2 for i in range(N)], dtype="Int8"),
                "csat": pd.array([5 if i % 2 else 1 for i in range(N)], dtype="Int8"),
            }
        )
        touchpoints = pd.DataFrame(
            {
                "touchpoint": ["T", "U"],
                "stage": ["S", "V"],
                "stage_order": [1, 2],
                "step_order": [1, 2],
                "target_csat": [60.0, 60.0],
            }  # fmt: skip
        )
        ws = install(st, "Wide span", touchpoints, responses)
        yield st, ws


@pytest.mark.parametrize("filters", [Filters(), Filters(stages=("S",)), Filters(channels=())])
def test_touchpoint_totals_do_not_wrap(wide_span, filters):
    st, ws = wide_span
    cur = st.cursor()
    df = sql.run(
        cur, "insights_touchpoint_scores", **filters.params(ws.workspace_id), use_cube=True
    )
    row = df.set_index("touchpoint").loc["T"]
    assert row["n_nps"] == N and row["promoters"] == N - (N + 2) // 3
    assert row["n_csat"] == N and row["csat_top2"] == N // 2
    assert row["answers"] == N


def test_alert_totals_do_not_wrap(wide_span):
    st, ws = wide_span
    cur = st.cursor()
    df = sql.run(
        cur, "insights_alert_scores", **Filters(stages=("S",)).params(ws.workspace_id),
        use_cube=True, grain="month",
    )  # fmt: skip
    assert int(df["n_nps"].sum()) == N and int(df["n_csat"].sum()) == N
