"""Metric definitions against hand-computed values."""

import math

import pandas as pd
import pytest

from journeylens.domain import metrics


@pytest.mark.parametrize(
    ("p", "pa", "d", "expected"),
    [
        (8, 9, 22, -35.8974),  # Preppin' Data case 40: 39 answers
        (74, 75, 35, 21.1957),  # Prep Air: 184 answers
        (10, 0, 0, 100.0),
        (0, 0, 10, -100.0),
        (0, 10, 0, 0.0),
        (1, 2, 1, 0.0),
    ],
)
def test_nps(p, pa, d, expected):
    assert metrics.nps(p, pa, d) == pytest.approx(expected, abs=1e-4)


def test_nps_without_answers_is_missing():
    assert metrics.nps(0, 0, 0) is None
    assert metrics.nps_ci95(0, 0, 0) is None


@pytest.mark.parametrize(
    ("p", "pa", "d", "low", "high"),
    [
        # p = 8/39, d = 22/39: SE = 100*sqrt((30/39 - (14/39)^2)/39) = 12.8140...
        (8, 9, 22, -35.8974 - 1.959964 * 12.81398, -35.8974 + 1.959964 * 12.81398),
        # p = 0.5, d = 0.25, n = 100: SE = 100*sqrt((0.75 - 0.0625)/100) = 8.2916
        (50, 25, 25, 25 - 1.959964 * 8.29156, 25 + 1.959964 * 8.29156),
        # everyone a promoter: SE = 0, interval collapses; clipped to 100
        (20, 0, 0, 100.0, 100.0),
    ],
)
def test_nps_interval(p, pa, d, low, high):
    got_low, got_high = metrics.nps_ci95(p, pa, d)
    assert got_low == pytest.approx(low, abs=1e-3)
    assert got_high == pytest.approx(high, abs=1e-3)


def test_nps_interval_is_clipped_to_the_scale():
    low, high = metrics.nps_ci95(2, 0, 1)  # n = 3: a wide interval
    assert -100 <= low < high <= 100


@pytest.mark.parametrize(
    ("hits", "n", "low", "high"),
    [(80, 100, 80 - 1.959964 * 4.0, 80 + 1.959964 * 4.0), (0, 10, 0.0, 0.0)],
)
def test_share_interval(hits, n, low, high):
    assert metrics.share_ci95(hits, n) == pytest.approx((low, high), abs=1e-3)


def test_mean_interval_uses_the_sample_sd():
    values = [1, 2, 3, 4, 5]
    low, high = metrics.mean_ci95(sum(values), sum(v * v for v in values), len(values))
    half = 1.959964 * math.sqrt(2.5 / 5)  # sample variance 2.5
    assert (low, high) == pytest.approx((3 - half, 3 + half), abs=1e-4)
    assert metrics.mean_ci95(3, 9, 1) is None


def test_with_metrics_on_counts():
    # CSAT answers 5,4,3,2 -> top-2 = 2 of 4 = 50%, mean 3.5; CES 7,5,1 -> mean 4.333, 5-7: 66.7%
    counts = pd.DataFrame(
        {
            "group": ["a"],
            "n_nps": [39],
            "promoters": [8],
            "passives": [9],
            "detractors": [22],
            "n_csat": [4],
            "csat_top2": [2],
            "csat_sum": [14],
            "n_ces": [3],
            "ces_sum": [13],
            "ces_sumsq": [75],
            "ces_high": [2],
            "n_emotion": [0],
            "emotion_sum": [0],
            "emotion_sumsq": [0],
        }
    )
    row = metrics.with_metrics(counts, min_n=30).iloc[0]
    assert row["nps"] == pytest.approx(-35.8974, abs=1e-4)
    assert row["promoters_pct"] == pytest.approx(20.5128, abs=1e-4)
    assert row["detractors_pct"] == pytest.approx(56.4103, abs=1e-4)
    assert row["csat"] == pytest.approx(50.0)
    assert row["csat_mean"] == pytest.approx(3.5)
    assert row["ces_mean"] == pytest.approx(13 / 3)
    assert row["ces_high_pct"] == pytest.approx(200 / 3)
    assert bool(row["nps_reliable"]) is True
    assert bool(row["csat_reliable"]) is False
    assert pd.isna(row["emotion_mean"])


def test_reliable_is_the_minimum_answers_rule():
    assert metrics.reliable(30, 30) is True
    assert metrics.reliable(29, 30) is False
    assert metrics.reliable(0.0, 1) is False
    flags = metrics.reliable(pd.Series([0, 29, 30, 31]), 30)
    assert flags.tolist() == [False, False, True, True]


def test_the_min_n_default_has_one_value():
    """store.Workspace and the workspaces table default to DEFAULT_MIN_N (SQL repeats the number)."""
    import dataclasses
    import re
    from pathlib import Path

    from journeylens.storage.store import Workspace

    default = {f.name: f.default for f in dataclasses.fields(Workspace)}["min_n"]
    assert default == metrics.DEFAULT_MIN_N
    schema = (Path(__file__).resolve().parents[2] / "queries" / "schema.sql").read_text()
    assert re.search(r"\bmin_n INTEGER NOT NULL DEFAULT (\d+)", schema)[1] == str(
        metrics.DEFAULT_MIN_N
    )


def test_band_macros_match_the_definitions(store):
    """The SQL bands (queries/macros.sql) are the ones metrics.py documents."""
    cur = store.cursor()
    rows = cur.execute(
        "SELECT x, is_promoter(x), is_passive(x), is_detractor(x) FROM range(0, 11) r(x)"
    ).fetchall()
    for x, promoter, passive, detractor in rows:
        assert (promoter, passive, detractor) == (x >= 9, 7 <= x <= 8, x <= 6)
    csat = cur.execute("SELECT list(x) FROM range(1, 6) r(x) WHERE is_csat_top2(x)").fetchone()
    assert csat == ([4, 5],)
    ces = cur.execute("SELECT list(x) FROM range(1, 8) r(x) WHERE is_ces_high(x)").fetchone()
    assert ces == ([5, 6, 7],)
    emotion = cur.execute(
        "SELECT emotion_value(NULL, 5, NULL), emotion_value(NULL, NULL, 0), "
        "emotion_value(1.5, 1, 0), emotion_source(NULL, NULL, 10)"
    ).fetchone()
    assert emotion == (2.0, -2.0, 1.5, "nps")


def test_metric_columns_name_what_with_metrics_returns():
    """Every column the mapping points at exists after with_metrics(), with its kind of value."""
    df = metrics.with_metrics(pd.DataFrame({"group": ["a"], "n_nps": [31]}), min_n=30)
    for metric, cols in metrics.METRIC_COLUMNS.items():
        assert set(cols) == {"value", "low", "high", "n", "reliable"}, metric
        assert set(cols.values()) <= set(df.columns), metric
        assert df[cols["n"]].dtype == "int64"
        assert df[cols["reliable"]].dtype == bool
    assert df.loc[0, "nps_reliable"] and not df.loc[0, "csat_reliable"]
    assert set(metrics.METRICS) == {"nps", "csat", "ces"}
    assert all(metrics.METRICS[m] is metrics.METRIC_COLUMNS[m] for m in metrics.METRICS)
