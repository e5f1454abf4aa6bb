"""Alerts: periods at their boundaries, hand-computed tests on a small journey, conversion
cohorts whose window has not passed, and the demo (one broken touchpoint; nothing on shuffled
scores)."""

from __future__ import annotations

from datetime import date

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from journeylens.domain import significance
from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.services import demo, workspaces
from journeylens.services.insights import alerts
from journeylens.storage import queries
from journeylens.storage.store import Store

from .insight_data import install, shuffled

# --- a hand-made journey ----------------------------------------------------------------------


def answers(tp: str, day: str, n: int, top2: int, promoters: int, detractors: int, start: int):
    """n answers at tp on day: top2 of them CSAT 5 (else 2), promoters 10, detractors 3 (else 8),
    CES 6 for the first half, 3 for the rest."""
    rows = []
    for i in range(n):
        rows.append(
            {
                "response_id": f"R{start + i}",
                "customer_id": f"C{start + i}",
                "touchpoint": tp,
                "submitted_at": pd.Timestamp(day) + pd.Timedelta(hours=10),
                "csat": 5 if i < top2 else 2,
                "nps": 10 if i < promoters else 3 if i < promoters + detractors else 8,
                "ces": 6 if i < n // 2 else 3,
            }
        )
    return rows


def conversion_events():
    """Step S1 then S2 (a 14-day window): September, 100 customers, 80 convert; 5 October, 100
    customers, 40 convert; 25 October, 50 customers whose window has not passed by the last
    event (31 October): left out, though none of them converted yet."""
    rows = []
    for month, day, n, conv, tag in (("2026-09", "05", 100, 80, "s"), ("2026-10", "05", 100, 40, "o"),
                                     ("2026-10", "25", 50, 0, "l")):  # fmt: skip
        for i in range(n):
            c = f"E{tag}{i}"
            ts = pd.Timestamp(f"{month}-{day} 09:00")
            rows.append({"customer_id": c, "touchpoint": "S1", "ts": ts})
            if i < conv:
                rows.append({"customer_id": c, "touchpoint": "S2", "ts": ts + pd.Timedelta(days=3)})
    rows.append(
        {"customer_id": "Zlast", "touchpoint": "S2", "ts": pd.Timestamp("2026-10-31 18:00")}
    )
    return pd.DataFrame(rows).astype({"ts": "datetime64[s]"})


TOUCHPOINTS = pd.DataFrame(
    {
        "touchpoint": ["T", "U", "S1", "S2"],
        "stage": "S",
        "stage_order": 1,
        "step_order": [1, 2, 3, 4],
        "target_csat": [60.0, None, None, None],
        "in_funnel": [False, False, True, True],
    }
)


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with Store(tmp_path_factory.mktemp("alerts") / "alerts.duckdb") as st:
        yield st


@pytest.fixture(scope="module")
def hand(store):
    rows = (
        answers("T", "2026-09-10", 100, 70, 50, 20, 0)
        + answers("T", "2026-10-31", 100, 40, 40, 30, 1000)
        + answers("U", "2026-09-10", 300, 200, 100, 50, 2000)
        + answers("U", "2026-10-12", 10, 2, 2, 5, 3000)  # below the minimum n: not tested
    )
    responses = pd.DataFrame(rows).astype({"submitted_at": "datetime64[s]"})
    return install(store, "Hand", TOUCHPOINTS, responses, conversion_events())


def test_hand_computed_cells(store, hand):
    res = alerts.run(store.cursor(), hand, Filters(), alerts.AlertSpec("month", "previous"))
    assert res.current == (date(2026, 10, 1), date(2026, 10, 31))
    assert res.baseline == (date(2026, 9, 1), date(2026, 9, 30))
    cells = res.cells.set_index(["touchpoint", "metric", "kind"])
    assert set(cells.index) == {
        ("T", "nps", "change"),
        ("T", "csat", "change"),
        ("T", "ces", "change"),
        ("T", "csat", "below_target"),
        ("S1", "conversion", "change"),
    }  # fmt: skip  (U has 10 answers in October; S2 is the last step)
    csat = cells.loc[("T", "csat", "change")]
    assert (csat["previous"], csat["current"], csat["change"]) == pytest.approx((70, 40, -30))
    assert (csat["n_previous"], csat["n_current"]) == (100, 100)
    assert csat["p_value"] == pytest.approx(significance.proportion_test(40, 100, 70, 100).p_value)
    nps = cells.loc[("T", "nps", "change")]
    assert (nps["previous"], nps["current"]) == pytest.approx((30.0, 10.0))
    # pooled p = .45, d = .25: var .66; z = −.2/√(.66·.02)
    assert nps["p_value"] == pytest.approx(2 * sps.norm.sf(0.2 / np.sqrt(0.66 * 0.02)))
    ces = cells.loc[("T", "ces", "change")]
    assert ces["p_value"] == pytest.approx(1.0)  # the same answers in both months
    below = cells.loc[("T", "csat", "below_target")]
    assert below["target"] == 60 and below["current"] == pytest.approx(40)
    assert below["p_value"] == pytest.approx(sps.norm.cdf(-0.2 / np.sqrt(0.24 / 100)))
    conv = cells.loc[("S1", "conversion", "change")]
    assert (conv["n_previous"], conv["n_current"]) == (100, 100)  # 25 October left out
    assert (conv["previous"], conv["current"]) == pytest.approx((80, 40))
    assert conv["next_touchpoint"] == "S2"
    q = sps.false_discovery_control(res.cells["p_value"].to_numpy())
    assert res.cells["q_value"].to_numpy() == pytest.approx(q)
    got = {(a["touchpoint"], a["metric"], a["kind"]) for a in alerts.to_json(res)}
    # NPS 30 -> 10 on 100 answers each: p = .082, not an alert; CES unchanged
    assert got == {("T", "csat", "change"), ("T", "csat", "below_target"),
                   ("S1", "conversion", "change")}  # fmt: skip
    assert res.alerts["kind"].iloc[0] == "below_target"


def test_alert_series_for_the_trend_chart(store, hand):
    res = alerts.run(store.cursor(), hand, Filters(), alerts.AlertSpec())
    s = res.series[(res.series["touchpoint"] == "T") & (res.series["metric"] == "csat")]
    assert s["role"].tolist() == ["baseline", "current"]
    assert s["value"].tolist() == pytest.approx([70, 40]) and s["target"].tolist() == [60, 60]
    conv = res.series[res.series["metric"] == "conversion"]
    assert conv["n"].tolist() == [100, 100]


def test_json_shape(store, hand):
    doc = alerts.to_json(alerts.run(store.cursor(), hand, Filters(), alerts.AlertSpec()))
    keys = {"touchpoint", "metric", "period", "previous", "current", "change", "n_previous",
            "n_current", "p_value", "q_value", "kind"}  # fmt: skip
    assert doc and all(keys <= set(a) for a in doc)
    assert {a["kind"] for a in doc} == {"change", "below_target"}
    assert all(a["period"] == "2026-10" and a["q_value"] <= 0.05 for a in doc)


def test_year_compare_falls_back_without_a_year_of_data(store, hand):
    res = alerts.run(store.cursor(), hand, Filters(), alerts.AlertSpec("month", "year"))
    assert res.compare_used == "previous" and res.baseline[0] == date(2026, 9, 1)


def test_weeks_have_no_conversion_cell_before_the_window_passes(store, hand):
    res = alerts.run(store.cursor(), hand, Filters(), alerts.AlertSpec("week"))
    # the data ends on Saturday 31 October: the last complete week is 19-25 October, and no
    # S1 event of it has had its 14 days before the last event
    assert res.current == (date(2026, 10, 19), date(2026, 10, 25))
    assert "conversion" not in set(res.cells["metric"])


def test_no_baseline_says_so(store):
    responses = pd.DataFrame(answers("T", "2026-10-02", 50, 30, 20, 10, 0)).astype(
        {"submitted_at": "datetime64[s]"}
    )
    ws = install(store, "One month", TOUCHPOINTS, responses)
    res = alerts.run(store.cursor(), ws, Filters(), alerts.AlertSpec())
    assert res.reason == "no_complete_period" and res.alerts.empty


# --- the demo ---------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def built():
    return demo.build(demo.DEFAULT_SEED, demo.DEFAULT_CUSTOMERS)


def test_demo_finds_exactly_the_broken_form(store, built):
    ws = install(store, "Demo", built.touchpoints, built.responses, built.events)
    res = alerts.run(store.cursor(), ws, Filters(), alerts.AlertSpec())
    assert res.current[0] == date(2026, 10, 1)
    assert set(res.alerts["touchpoint"]) == {demo.FORM}
    kinds = set(zip(res.alerts["metric"], res.alerts["kind"], strict=True))
    assert {("csat", "change"), ("csat", "below_target")} <= kinds
    assert (res.alerts["direction"] == "worse").all()
    assert len(res.cells) > 30  # touchpoints x 3 scores with n >= 30, conversions of 5 steps
    assert res.cells[res.cells["metric"] == "conversion"]["touchpoint"].nunique() == 5


def test_demo_shuffled_scores_raise_no_alert(store, built):
    cols = ["nps", "csat", "ces", "emotion"]
    responses = shuffled(built.responses, cols, "touchpoint", seed=5)
    ws = install(store, "Demo shuffled", built.touchpoints, responses, built.events)
    for spec in (alerts.AlertSpec(), alerts.AlertSpec("week"), alerts.AlertSpec("month", "year")):
        res = alerts.run(store.cursor(), ws, Filters(), spec)
        assert res.reason is None and len(res.cells) > 10
        assert res.alerts.empty, res.alerts[["touchpoint", "metric", "p_value", "q_value"]]


@pytest.mark.parametrize(
    "filters",
    [
        Filters(),
        Filters(personas=("Home mover",)),
        Filters(stages=("Application",)),
        Filters(channels=("Web",), segments=("North",)),
        Filters(date_to=date(2026, 9, 30)),
        Filters(date_from=date(2026, 2, 1), date_to=date(2026, 7, 31), personas=("Remortgager",)),
    ],
)
def test_load_time_facets_and_rows_agree(store, built, filters):
    """The first and last days come from workspace_facets (clamped to a date filter); with the
    facets stale the same query reads the rows: the same periods and cells."""
    ws = store.workspace("Demo") or install(store, "Demo", built.touchpoints, built.responses,
                                            built.events)  # fmt: skip
    fast = alerts.run(store.cursor(), ws, filters, alerts.AlertSpec())
    name = f"Demo stale {abs(hash(filters))}"
    stale = install(store, name, built.touchpoints, built.responses, built.events)
    with store.write(LOCAL) as w:
        w.execute(
            "DELETE FROM summary_versions WHERE workspace_id = $ws AND part = 'facets'",
            {"ws": stale.workspace_id},
        )
    fresh = store.query(queries.dash_summary_fresh, workspace_id=ws.workspace_id)["facets"].iloc[0]
    gone = store.query(queries.dash_summary_fresh, workspace_id=stale.workspace_id)["facets"].iloc[
        0
    ]
    assert fresh and not gone
    slow = alerts.run(store.cursor(), stale, filters, alerts.AlertSpec())
    assert (fast.current, fast.baseline) == (slow.current, slow.baseline)
    pd.testing.assert_frame_equal(fast.cells, slow.cells)


def _cohorts_fresh(store, ws) -> bool:
    steps = store.query(queries.insights_funnel_steps, workspace_id=ws.workspace_id)["touchpoint"]
    return bool(
        store.query(
            queries.insights_cohorts_fresh, workspace_id=ws.workspace_id, steps=list(steps),
            window_seconds=ws.conversion_window_seconds, period_from=date(2025, 10, 1),
        )["fresh"].iloc[0]
    )  # fmt: skip


def _stale_cohorts(store, ws) -> None:
    with store.write(LOCAL) as w:
        w.execute(
            "DELETE FROM summary_versions WHERE workspace_id = $ws AND part = 'cohorts'",
            {"ws": ws.workspace_id},
        )


SPECS = (alerts.AlertSpec(), alerts.AlertSpec("week"), alerts.AlertSpec("month", "year"))


def test_write_time_cohorts_and_rows_agree(store, built):
    """The unfiltered view reads conversion_cohorts; stale, the same query joins the events; a
    window change (settings) rebuilds them for the new window."""
    ws = install(store, "Cohorts", built.touchpoints, built.responses, built.events)
    cur = store.cursor()
    assert _cohorts_fresh(store, ws)
    fast = [alerts.run(cur, ws, Filters(), s).cells for s in SPECS]
    assert (fast[0]["metric"] == "conversion").sum() == 5
    _stale_cohorts(store, ws)
    assert not _cohorts_fresh(store, ws)
    for spec, cells in zip(SPECS, fast, strict=True):
        pd.testing.assert_frame_equal(alerts.run(cur, ws, Filters(), spec).cells, cells)
    ws = workspaces.update_settings(store, LOCAL, ws, conversion_window_seconds=3 * 86400)
    assert _cohorts_fresh(store, ws)
    short = alerts.run(cur, ws, Filters(), alerts.AlertSpec()).cells
    _stale_cohorts(store, ws)
    pd.testing.assert_frame_equal(alerts.run(cur, ws, Filters(), alerts.AlertSpec()).cells, short)
    conv = lambda c: c[c["metric"] == "conversion"].set_index("touchpoint")["current"]  # noqa: E731
    assert not conv(short).equals(conv(fast[0]))  # a 3-day window converts fewer
