"""Comparing periods (services/dashboards/period.py): the calendar arithmetic, a change and its
significance on a tiny hand-computed fixture, and a differential check against pandas on
generated data with more than 256 answers per group."""

from __future__ import annotations

from datetime import date, timedelta

import numpy as np
import pandas as pd
import pytest

from journeylens.charts import heatmap as heatmap_charts
from journeylens.domain import metrics
from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.i18n import Translator
from journeylens.services import dashboards as dash
from journeylens.services import workspaces
from journeylens.services.dashboards.period import (
    Period,
    cell_changes,
    compare_periods,
    kpi_changes,
)
from journeylens.storage.store import Store
from tests.unit.charts.spec import rows, title_text, units_of

D = date


# --- the periods --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mode", "last", "current", "previous"),
    [
        # this month so far vs the same days of last month
        ("month", D(2024, 3, 15), (D(2024, 3, 1), D(2024, 3, 15)), (D(2024, 2, 1), D(2024, 2, 15))),
        # a whole month vs the whole month before: 29 days of February in a leap year...
        ("month", D(2024, 3, 31), (D(2024, 3, 1), D(2024, 3, 31)), (D(2024, 2, 1), D(2024, 2, 29))),
        # ... and 28 in another
        ("month", D(2023, 3, 31), (D(2023, 3, 1), D(2023, 3, 31)), (D(2023, 2, 1), D(2023, 2, 28))),
        # 30 March: February 2024 has no 30th, so it ends on the 29th
        ("month", D(2024, 3, 30), (D(2024, 3, 1), D(2024, 3, 30)), (D(2024, 2, 1), D(2024, 2, 29))),
        # 30 April is a month's last day: all of March, not 1–30 March
        ("month", D(2024, 4, 30), (D(2024, 4, 1), D(2024, 4, 30)), (D(2024, 3, 1), D(2024, 3, 31))),
        # the leap day is February's last day: all of January
        ("month", D(2024, 2, 29), (D(2024, 2, 1), D(2024, 2, 29)), (D(2024, 1, 1), D(2024, 1, 31))),
        # January goes back into December of the year before
        ("month", D(2024, 1, 10), (D(2024, 1, 1), D(2024, 1, 10)), (D(2023, 12, 1), D(2023, 12, 10))),
        # Q1 2024 up to the leap day vs Q1 2023 up to February's last day (the 28th)
        ("quarter", D(2024, 2, 29), (D(2024, 1, 1), D(2024, 2, 29)), (D(2023, 1, 1), D(2023, 2, 28))),
        # ... and back: 28 February 2025 (a month's end) vs up to 29 February 2024
        ("quarter", D(2025, 2, 28), (D(2025, 1, 1), D(2025, 2, 28)), (D(2024, 1, 1), D(2024, 2, 29))),
        ("quarter", D(2024, 5, 15), (D(2024, 4, 1), D(2024, 5, 15)), (D(2023, 4, 1), D(2023, 5, 15))),
        ("quarter", D(2024, 12, 31), (D(2024, 10, 1), D(2024, 12, 31)), (D(2023, 10, 1), D(2023, 12, 31))),
        ("quarter", D(2026, 10, 31), (D(2026, 10, 1), D(2026, 10, 31)), (D(2025, 10, 1), D(2025, 10, 31))),
        # 30 days ending 1 March 2024: 1 Feb – 1 Mar (29 + 1 days); the 30 before: 2 – 31 Jan
        ("days30", D(2024, 3, 1), (D(2024, 2, 1), D(2024, 3, 1)), (D(2024, 1, 2), D(2024, 1, 31))),
        ("days30", D(2023, 3, 1), (D(2023, 1, 31), D(2023, 3, 1)), (D(2023, 1, 1), D(2023, 1, 30))),
    ],
)  # fmt: skip
def test_compare_periods(mode, last, current, previous):
    cur, prev = compare_periods(mode, last)
    assert (cur.as_tuple(), prev.as_tuple()) == (current, previous)
    if mode == "days30":
        assert (cur.end - cur.start).days + 1 == (prev.end - prev.start).days + 1 == 30


@pytest.mark.parametrize(
    ("mode", "last"), [("none", D(2024, 3, 1)), ("month", None), ("x", D(2024, 3, 1))]
)
def test_no_comparison(mode, last):
    assert compare_periods(mode, last) is None


# --- a tiny fixture, computed by hand ----------------------------------------------------------

# (touchpoint, segment, day, nps), min_n = 10. The data's last date is 2024-03-31, so "this month"
# is March 2024 and "last month" all of February 2024 (29 days).
ANSWERS = [
    # Ad × B2C, March: 6 promoters, 4 passives -> NPS 60, SE = 100·√((.6 − .36)/10) = 15.49
    *[("Ad", "B2C", D(2024, 3, 1 + i), 10) for i in range(5)],
    ("Ad", "B2C", D(2024, 3, 31), 10),
    *[("Ad", "B2C", D(2024, 3, 10), 7) for _ in range(4)],
    # Ad × B2C, February: 2 promoters, 2 passives, 6 detractors -> NPS −40,
    # SE = 100·√((.8 − .16)/10) = 25.30; change +100, z = 100/√(15.49² + 25.30²) = 3.37: significant
    ("Ad", "B2C", D(2024, 2, 29), 9),
    ("Ad", "B2C", D(2024, 2, 1), 9),
    *[("Ad", "B2C", D(2024, 2, 10), 8) for _ in range(2)],
    *[("Ad", "B2C", D(2024, 2, 12), 3) for _ in range(6)],
    ("Ad", "B2C", D(2024, 1, 31), 0),  # before both periods: in neither
    # Visit × B2C, March: 5 p, 3 pa, 2 d -> NPS 30, SE = 100·√((.7 − .09)/10) = 24.70
    *[("Visit", "B2C", D(2024, 3, 20), s) for s in (10, 10, 9, 9, 9, 8, 7, 7, 2, 5)],
    # February: 4 p, 4 pa, 2 d -> NPS 20, SE = 100·√((.6 − .04)/10) = 23.66;
    # change +10, z = 10/√(24.70² + 23.66²) = 0.29: not significant
    *[("Visit", "B2C", D(2024, 2, 20), s) for s in (10, 9, 9, 9, 8, 8, 7, 7, 1, 6)],
    # Visit × B2B: 2 promoters in March, 2 detractors in February: +200, but n = 2 < 10
    ("Visit", "B2B", D(2024, 3, 5), 10),
    ("Visit", "B2B", D(2024, 3, 5), 9),
    ("Visit", "B2B", D(2024, 2, 5), 0),
    ("Visit", "B2B", D(2024, 2, 5), 1),
]
# Overall NPS, March: 22 answers, 13 promoters, 2 detractors -> 100·11/22 = 50,
#   SE = 100·√((15/22 − .25)/22) = 14.01;
# February: 22 answers, 6 promoters, 10 detractors -> 100·(−4)/22 = −18.18,
#   SE = 100·√((16/22 − (4/22)²)/22) = 17.76; change 68.18, z = 68.18/22.62 = 3.01: significant.


def _load(cur, ws_id: int, frame: pd.DataFrame) -> None:
    cur.register("answers_in", frame)
    cur.execute(
        "INSERT INTO responses (workspace_id, dataset_id, src_row, response_id, customer_id, "
        "touchpoint, submitted_at, nps, csat, ces, emotion, comment, persona, segment, channel) "
        "SELECT $ws, 1, row_number() OVER (), 'r' || row_number() OVER (), "
        "'c' || row_number() OVER (), touchpoint, day::TIMESTAMP, nps::TINYINT, csat::TINYINT, "
        "NULL, NULL, NULL, 'P', segment, NULL FROM answers_in",
        {"ws": ws_id},
    )
    cur.unregister("answers_in")


def _store(frame: pd.DataFrame, min_n: int):
    store = Store(":memory:")
    ws = store.ensure_workspace(LOCAL, "Periods")
    workspaces.update_settings(store, LOCAL, ws, min_n=min_n)
    with store.write(LOCAL) as cur:
        _load(cur, ws.workspace_id, frame)
    return store, store.require_workspace("Periods")


@pytest.fixture(scope="module")
def tiny():
    frame = pd.DataFrame(ANSWERS, columns=["touchpoint", "segment", "day", "nps"])
    frame["csat"] = None
    store, ws = _store(frame, min_n=10)
    cur = store.cursor()
    yield cur, ws
    cur.close()
    store.close()


def _two_periods(cur, ws, mode: str, filters: Filters | None = None):
    last = dash.response_dates(cur, ws, filters or Filters())["last"]
    return compare_periods(mode, last)


def test_the_data_not_the_clock_decides_this_month(tiny):
    cur, ws = tiny
    assert dash.response_dates(cur, ws, Filters())["last"] == D(2024, 3, 31)
    # under a filter, the filtered data's last date: B2B ends on 5 March
    assert dash.response_dates(cur, ws, Filters(segments=("B2B",)))["last"] == D(2024, 3, 5)
    current, previous = _two_periods(cur, ws, "month")
    assert current == Period(D(2024, 3, 1), D(2024, 3, 31))
    assert previous == Period(D(2024, 2, 1), D(2024, 2, 29))


def test_kpi_change_and_significance_by_hand(tiny):
    cur, ws = tiny
    current, previous = _two_periods(cur, ws, "month")
    now = dash.kpis(cur, ws, Filters(*current.as_tuple()))
    before = dash.kpis(cur, ws, Filters(*previous.as_tuple()))
    c = kpi_changes(now, before)
    assert c["nps"]["value"] == pytest.approx(50.0)
    assert c["nps"]["n"] == 22 and c["nps"]["previous_n"] == 22
    assert c["nps"]["previous"] == pytest.approx(-400 / 22)
    assert c["nps"]["change"] == pytest.approx(50 + 400 / 22)
    assert c["nps"]["significant"] is True
    # no CSAT answers: no change and no verdict
    assert c["csat"]["change"] is None and c["csat"]["significant"] is None


def test_cell_change_and_significance_by_hand(tiny):
    cur, ws = tiny
    current, previous = _two_periods(cur, ws, "month")
    now = dash.heatmap(cur, ws, Filters(*current.as_tuple()), by="segment", metric="nps")
    before = dash.heatmap(cur, ws, Filters(*previous.as_tuple()), by="segment", metric="nps")
    cells = cell_changes(now, before, min_n=ws.min_n)
    got = {(r.touchpoint, r.column): r for r in cells.itertuples()}
    ad = got[("Ad", "B2C")]
    assert (ad.value, ad.previous, ad.change) == pytest.approx((60.0, -40.0, 100.0))
    assert (ad.n, ad.previous_n, ad.reliable, ad.significant) == (10, 10, True, True)
    visit = got[("Visit", "B2C")]
    assert (visit.value, visit.previous, visit.change) == pytest.approx((30.0, 20.0, 10.0))
    assert (visit.reliable, visit.significant) == (True, False)
    thin = got[("Visit", "B2B")]
    assert thin.change == pytest.approx(200.0)
    assert (thin.n, thin.previous_n, thin.reliable, thin.significant) == (2, 2, False, False)

    # the chart: the significant cell bold and starred, the thin one faded
    spec = heatmap_charts.change_heatmap(cells, "nps", Translator("en"), min_n=10).to_dict()
    rect = units_of(spec, "rect")[0]
    assert rect["encoding"]["color"]["field"] == "change"
    assert rect["encoding"]["color"]["scale"]["domainMid"] == 0
    shown = {(r["touchpoint"], r["column"]): r for r in rows(spec, rect)}
    assert shown[("Ad", "B2C")]["cell"] == "+100 *\nn = 10 / 10"
    assert shown[("Visit", "B2C")]["cell"] == "+10\nn = 10 / 10"
    assert shown[("Visit", "B2B")]["reliable"] is False
    bold = [u for u in units_of(spec, "text") if u["mark"].get("fontWeight") == "bold"]
    assert bold and bold[0]["transform"] == [{"filter": "datum.significant"}]
    title, subtitle = title_text(spec)
    assert title == "Change in NPS by touchpoint and segment"
    assert any("fewer than 10 answers in one of the periods" in s for s in subtitle)


# --- against pandas, on generated data ---------------------------------------------------------

GROUPS = [("Ad", "B2C"), ("Ad", "B2B"), ("Visit", "B2C"), ("Visit", "B2B"), ("Pay", "B2C")]


def _generated() -> pd.DataFrame:
    """300–420 answers per touchpoint × segment in each of the same 50 days of two years (1 April
    – 20 May 2023 and 2024) and some in between, scores drawn from a different mix per group and
    period."""
    rng = np.random.default_rng(16)
    parts = []
    for g, (tp, seg) in enumerate(GROUPS):
        for start, days in ((D(2023, 4, 1), 50), (D(2023, 9, 1), 200), (D(2024, 4, 1), 50)):
            n = int(rng.integers(300, 421))
            weights = rng.dirichlet(np.ones(11) * (1 + g))
            parts.append(
                pd.DataFrame(
                    {
                        "touchpoint": tp,
                        "segment": seg,
                        "day": [start + timedelta(days=int(d)) for d in rng.integers(0, days, n)],
                        "nps": rng.choice(11, size=n, p=weights),
                        "csat": rng.integers(1, 6, n),
                    }
                )
            )
    return pd.concat(parts, ignore_index=True)


@pytest.fixture(scope="module")
def generated():
    frame = _generated()
    store, ws = _store(frame, min_n=30)
    cur = store.cursor()
    yield cur, ws, frame
    cur.close()
    store.close()


def _pandas_nps(scores: pd.Series) -> tuple[float, float, int]:
    n = len(scores)
    p, d = (scores >= 9).mean(), (scores <= 6).mean()
    return 100 * (p - d), 100 * np.sqrt((p + d - (p - d) ** 2) / n), n


def _pandas_verdict(a: tuple, b: tuple) -> tuple[float, bool, float]:
    z = abs(a[0] - b[0]) / np.hypot(a[1], b[1])
    return a[0] - b[0], bool(z > metrics.Z95), z


def test_cell_changes_match_pandas(generated):
    cur, ws, frame = generated
    current, previous = _two_periods(cur, ws, "quarter")
    last = frame["day"].max()
    assert current == Period(D(2024, 4, 1), last) and previous.start == D(2023, 4, 1)
    now = dash.heatmap(cur, ws, Filters(*current.as_tuple()), by="segment", metric="nps")
    before = dash.heatmap(cur, ws, Filters(*previous.as_tuple()), by="segment", metric="nps")
    cells = cell_changes(now, before, min_n=ws.min_n).set_index(["touchpoint", "column"])
    assert len(cells) == len(GROUPS)
    verdicts = set()
    for tp, seg in GROUPS:
        g = frame[(frame["touchpoint"] == tp) & (frame["segment"] == seg)]
        a = _pandas_nps(g[(g["day"] >= current.start) & (g["day"] <= current.end)]["nps"])
        b = _pandas_nps(g[(g["day"] >= previous.start) & (g["day"] <= previous.end)]["nps"])
        assert a[2] > 256 and b[2] > 256  # above DuckDB 2.0.0's 8-bit sum trap
        change, significant, z = _pandas_verdict(a, b)
        row = cells.loc[(tp, seg)]
        assert (row["n"], row["previous_n"]) == (a[2], b[2])
        assert row["value"] == pytest.approx(a[0]) and row["previous"] == pytest.approx(b[0])
        assert row["change"] == pytest.approx(change)
        if abs(z - metrics.Z95) > 1e-6:
            assert bool(row["significant"]) == significant, (tp, seg, z)
        verdicts.add(significant)
    assert verdicts == {True, False}  # the data exercises both answers


def test_kpi_changes_match_pandas(generated):
    cur, ws, frame = generated
    for mode in ("month", "quarter", "days30"):
        current, previous = _two_periods(cur, ws, mode)
        now = dash.kpis(cur, ws, Filters(*current.as_tuple()))
        before = dash.kpis(cur, ws, Filters(*previous.as_tuple()))
        c = kpi_changes(now, before)["nps"]
        inside = frame[(frame["day"] >= current.start) & (frame["day"] <= current.end)]
        earlier = frame[(frame["day"] >= previous.start) & (frame["day"] <= previous.end)]
        a, b = _pandas_nps(inside["nps"]), _pandas_nps(earlier["nps"])
        change, significant, z = _pandas_verdict(a, b)
        assert (c["n"], c["previous_n"]) == (a[2], b[2]), mode
        assert c["change"] == pytest.approx(change), mode
        if abs(z - metrics.Z95) > 1e-6:
            assert c["significant"] is significant, (mode, z)
