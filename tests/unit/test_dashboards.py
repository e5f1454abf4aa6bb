"""Dashboard queries on a small hand-computed fixture (in-memory DuckDB)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pandas as pd
import pytest

from journeylens.charts import emotion as emotion_charts
from journeylens.domain import metrics
from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.i18n import Translator, t
from journeylens.services import dashboards as dash
from journeylens.services import datasets, ingest, themes, workspaces
from journeylens.services.dashboards import sources as dash_sources
from journeylens.storage.store import Store, Workspace
from tests.unit.charts.spec import units_of

TOUCHPOINTS = [
    # touchpoint, stage, stage_order, step_order, channel, owner, goal, target_csat
    ("Ad", "Aware", 1, 1, "web", "Marketing", "Find options", 70.0),
    ("Visit", "Consider", 2, 1, "web", "Digital", "Compare offers", 80.0),
    ("Checkout", "Purchase", 3, 1, "app", "Sales", "Pay easily", 80.0),
    ("Support", "Service", 4, 1, "phone", "Care", "Get help", 75.0),
]

# id, touchpoint, submitted_at, nps, csat, ces, emotion, persona, segment, channel, comment
RESPONSES = [
    (1, "Ad", "2024-01-05", 10, 5, 6, 2.0, "Alice", "B2C", None, "Great ads, great offer"),
    (2, "Ad", "2024-01-10", 9, 4, 5, None, "Alice", "B2C", None, "great price"),
    (3, "Ad", "2024-02-03", 7, 3, 4, None, "Bob", "B2B", None, None),
    (4, "Ad", "2024-02-20", 3, 2, 2, None, "Bob", "B2B", None, "=HYPERLINK(bad)"),
    (5, "Ad", "2024-03-01", 10, 5, None, None, "Alice", "B2B", None, "offer was great"),
    (6, "Visit", "2024-03-10", 8, 4, 3, None, "Alice", "B2C", "app", "slow page loading"),
    (7, "Visit", "2024-03-15", 6, 3, 3, None, "Bob", "B2B", None, "page slow"),
    (8, "Visit", "2024-04-01", 9, 5, 2, None, "Alice", "B2C", None, "fine"),
    (9, "Visit", "2024-04-05", 5, 2, 6, None, "Bob", "B2B", None, "slow slow checkout"),
    (10, "Visit", "2024-04-10", None, 4, None, None, "Alice", "B2C", None, "100% _sale_ price"),
    (11, "Checkout", "2024-04-15", 2, 1, 1, -2.0, "Alice", "B2C", None, "payment failed"),
    (12, "Checkout", "2024-05-01", 4, 2, 2, -1.0, "Bob", "B2B", None, "payment error again"),
    (13, "Checkout", "2024-05-10", 0, 1, 1, -2.0, "Bob", "B2B", None, "+1 payment failed"),
    (14, "Checkout", "2024-05-20", 9, 5, 7, 1.0, "Alice", "B2C", None, "smooth"),
    (15, "Checkout", "2024-06-01", 6, 3, 3, 0.0, "Bob", "B2B", None, "-slow"),
    (16, "Checkout", "2024-06-10", 7, 2, 2, -1.0, "Alice", "B2C", None, "@mention payment"),
    (17, "Support", "2024-06-15", 10, 5, 6, None, "Alice", "B2C", None, "helpful agent"),
    (18, "Support", "2024-06-20", 9, 4, 5, None, "Bob", "B2B", None, "agent helpful"),
    (19, "Support", "2024-06-25", 8, 4, 6, None, "Alice", "B2C", None, None),
    (20, "Mystery", "2024-06-30", 5, None, None, None, None, None, None,
     "%'; DROP TABLE responses; --"),
]  # fmt: skip

PERSONA_OF = {"c1": "Alice", "c2": "Alice", "c3": "Bob", "c4": "Bob", "c5": "Alice"}
# customer, touchpoint, ts
EVENTS = [
    *[(c, "Ad", "2024-03-01 09:00") for c in ("c1", "c2", "c3", "c4", "c5")],
    ("c1", "Ad", "2024-03-02 09:00"),
    *[(c, "Visit", "2024-03-03 10:00") for c in ("c1", "c2", "c3", "c4")],
    *[(c, "Checkout", "2024-03-04 11:00") for c in ("c1", "c2")],
    ("c1", "Support", "2024-03-10 12:00"),
]

MIN_N = 3


def _insert_fixture(cur, ws_id: int, responses=RESPONSES, dataset_id: int = 2) -> None:
    """The journey definition, the answers (in dataset_id) and the events, written as is: no
    summary refresh, no version bump (the caller decides)."""
    for tp in TOUCHPOINTS:
        cur.execute(
            "INSERT INTO touchpoints (workspace_id, dataset_id, touchpoint, stage, "
            "stage_order, step_order, channel, owner, goal, target_csat) "
            "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
            [ws_id, *tp],
        )
    _insert_responses(cur, ws_id, responses, dataset_id)
    for i, (cust, tp, ts) in enumerate(EVENTS):
        cur.execute(
            "INSERT INTO events (workspace_id, dataset_id, src_row, customer_id, touchpoint, "
            "ts, persona, segment) VALUES (?, 3, ?, ?, ?, ?, ?, 'B2C')",
            [ws_id, i, cust, tp, ts, PERSONA_OF[cust]],
        )


def _insert_responses(cur, ws_id: int, responses, dataset_id: int) -> None:
    for rid, tp, ts, nps, csat, ces, emo, persona, seg, ch, comment in responses:
        cur.execute(
            "INSERT INTO responses (workspace_id, dataset_id, src_row, response_id, "
            "customer_id, touchpoint, submitted_at, nps, csat, ces, emotion, comment, "
            "persona, segment, channel) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [ws_id, dataset_id, rid, f"r{rid}", f"k{rid}", tp, ts, nps, csat, ces, emo,
             comment, persona, seg, ch],
        )  # fmt: skip


@pytest.fixture(scope="module")
def store():
    s = Store(":memory:")
    ws = s.ensure_workspace(LOCAL, "Fixture")
    workspaces.update_settings(s, LOCAL, ws, min_n=MIN_N)
    s.ensure_workspace(LOCAL, "Empty")
    with s.write(LOCAL) as cur:  # no summary refresh: these views read the rows (cube is stale)
        _insert_fixture(cur, ws.workspace_id)
    yield s
    s.close()


@pytest.fixture()
def cur(store):
    c = store.cursor()
    yield c
    c.close()


@pytest.fixture()
def ws(store) -> Workspace:
    return store.require_workspace("Fixture")


@pytest.fixture()
def empty_ws(store) -> Workspace:
    return store.require_workspace("Empty")


def by_tp(df, col):
    return dict(zip(df["touchpoint"], df[col], strict=True))


# --- per touchpoint and overall ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("touchpoint", "nps", "n_nps", "csat", "csat_mean", "ces", "ces_high_pct", "emotion"),
    [
        ("Ad", 40.0, 5, 60.0, 3.8, 4.25, 50.0, 0.8),
        ("Visit", -25.0, 4, 60.0, 3.6, 3.5, 25.0, 0.6),
        ("Checkout", -50.0, 6, 100 / 6, 14 / 6, 16 / 6, 100 / 6, -5 / 6),
        ("Support", 200 / 3, 3, 100.0, 13 / 3, 17 / 3, 100.0, 4 / 3),
        ("Mystery", -100.0, 1, None, None, None, None, -2.0),  # a detractor: the NPS band
    ],
)
def test_touchpoint_metrics(cur, ws, touchpoint, nps, n_nps, csat, csat_mean, ces, ces_high_pct,
                            emotion):  # fmt: skip
    df = dash.touchpoint_metrics(cur, ws, Filters())
    row = df.set_index("touchpoint").loc[touchpoint]
    assert row["nps"] == pytest.approx(nps)
    assert row["n_nps"] == n_nps
    for col, want in (("csat", csat), ("csat_mean", csat_mean), ("ces_mean", ces),
                      ("ces_high_pct", ces_high_pct), ("emotion_mean", emotion)):  # fmt: skip
        if want is None:
            assert metrics.finite(row[col]) is None, col
        else:
            assert row[col] == pytest.approx(want), col


def test_touchpoints_in_journey_order_with_definition_and_volume(cur, ws):
    df = dash.touchpoint_metrics(cur, ws, Filters())
    assert list(df["touchpoint"]) == ["Ad", "Visit", "Checkout", "Support", "Mystery"]
    assert list(df["position"]) == [1, 2, 3, 4, 5]
    assert by_tp(df, "volume") == {"Ad": 5, "Visit": 4, "Checkout": 2, "Support": 1, "Mystery": 0}
    assert set(df["volume_source"]) == {"events"}
    assert by_tp(df, "owner")["Checkout"] == "Sales"
    assert by_tp(df, "goal")["Visit"] == "Compare offers"
    assert by_tp(df, "target_csat")["Support"] == 75.0
    assert by_tp(df, "nps_reliable") == {
        "Ad": True, "Visit": True, "Checkout": True, "Support": True, "Mystery": False,
    }  # fmt: skip


def test_volume_falls_back_to_answers_without_events(cur, ws):
    # Dates after the last event: no events in view, so volume = number of answers.
    df = dash.touchpoint_metrics(cur, ws, Filters(date_from=date(2024, 4, 1)))
    assert set(df["volume_source"]) == {"responses"}
    assert by_tp(df, "volume") == {"Ad": 0, "Visit": 3, "Checkout": 6, "Support": 3, "Mystery": 1}


def test_kpis_overall_and_recent_comparison(cur, ws):
    k = dash.kpis(cur, ws, Filters())
    assert k["n"] == 20
    assert k["nps"]["value"] == pytest.approx(100 * (7 - 8) / 19)
    assert k["nps"]["n"] == 19
    assert k["nps"]["low"] < k["nps"]["value"] < k["nps"]["high"]
    assert k["csat"]["value"] == pytest.approx(100 * 10 / 19)
    assert k["ces"]["value"] == pytest.approx(64 / 17)
    assert k["ces"]["n"] == 17
    # No dates set: the last 3 months of data vs the 3 months before, and said so.
    assert k["mode"] == "recent"
    assert k["note_key"] == "dash.kpi.compare_recent"
    assert "last 3 months" in t(k["note_key"], "en", **k["note_params"])
    assert k["current"] == (date(2024, 3, 31), date(2024, 6, 30))
    assert k["previous"] == (date(2023, 12, 31), date(2024, 3, 30))
    assert k["nps"]["current"] == pytest.approx(100 * (4 - 6) / 12)
    assert k["nps"]["current_n"] == 12
    assert k["nps"]["previous"] == pytest.approx(100 * (3 - 2) / 7)
    assert k["nps"]["previous_n"] == 7
    assert k["nps"]["change"] == pytest.approx(100 * (4 - 6) / 12 - 100 / 7)
    assert k["nps"]["significant"] in (True, False)


def test_kpis_previous_period_of_equal_length(cur, ws):
    k = dash.kpis(cur, ws, Filters(date_from=date(2024, 4, 1), date_to=date(2024, 6, 30)))
    assert k["mode"] == "range"
    assert k["current"] == (date(2024, 4, 1), date(2024, 6, 30))  # 91 days
    assert k["previous"] == (date(2024, 1, 1), date(2024, 3, 31))  # the 91 days before
    assert k["nps"]["value"] == pytest.approx(100 * (4 - 6) / 12)
    assert k["nps"]["previous"] == pytest.approx(100 * (3 - 2) / 7)
    # CSAT: current r8..r19 top-2 = 5,4,5,5,4,4 of 12 answers; previous r1..r7 = 5,4,5,4 of 7.
    assert k["csat"]["value"] == pytest.approx(100 * 6 / 12)
    assert k["csat"]["previous"] == pytest.approx(100 * 4 / 7)
    assert k["csat"]["change"] == pytest.approx(50 - 400 / 7)


@pytest.mark.parametrize(
    ("filters", "nps", "n"),
    [
        (Filters(), 100 * (7 - 8) / 19, 19),
        (Filters(personas=("Alice",)), 100 * (6 - 1) / 10, 10),
        (Filters(stages=("Purchase",)), -50.0, 6),
        (Filters(channels=("app",)), 100 * (1 - 4) / 7, 7),  # Checkout + one Visit via app
        (Filters(segments=("B2B",)), 100 * (2 - 6) / 9, 9),
        (Filters(date_from=date(2024, 6, 1), date_to=date(2024, 6, 20)), 100 * (2 - 1) / 4, 4),
        (Filters(personas=("Nobody",)), None, 0),
    ],
)
def test_filters_change_the_numbers(cur, ws, filters, nps, n):
    k = dash.kpis(cur, ws, filters)
    assert k["nps"]["n"] == n
    if nps is None:
        assert k["nps"]["value"] is None
    else:
        assert k["nps"]["value"] == pytest.approx(nps)


def test_trend_by_month(cur, ws):
    df = dash.trend(cur, ws, Filters(), "month")
    months = [p.strftime("%Y-%m") for p in df["period"]]
    assert months == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05", "2024-06"]
    jun = df.iloc[-1]
    # June: r15 6D, r16 7Pa, r17 10P, r18 9P, r19 8Pa, r20 5D
    assert jun["n_nps"] == 6
    assert jun["nps"] == pytest.approx(0.0)
    with pytest.raises(ValueError):
        dash.trend(cur, ws, Filters(), "day; DROP TABLE responses")


# --- worst, heatmap, emotion ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("metric", "min_n", "expected"),
    [
        ("nps", 3, ["Checkout", "Visit", "Ad"]),
        ("nps", 5, ["Checkout", "Ad"]),
        ("csat", 3, ["Checkout", "Ad", "Visit"]),  # ties keep journey order
        ("ces", 3, ["Checkout", "Visit", "Ad"]),  # high CES = easy, so lowest is worst
        ("nps", 50, []),
    ],
)
def test_worst_touchpoints_honour_min_n(cur, ws, metric, min_n, expected):
    w = Workspace(ws.workspace_id, ws.name, min_n=min_n)
    df = dash.worst_touchpoints(cur, w, Filters(), metric, k=3)
    assert list(df["touchpoint"]) == expected


def test_worst_ces_when_high_means_hard(cur, ws):
    w = Workspace(ws.workspace_id, ws.name, min_n=3, ces_high_is_easy=False)
    assert list(dash.worst_touchpoints(cur, w, Filters(), "ces", k=2)["touchpoint"]) == [
        "Support", "Ad",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("touchpoint", "column", "value", "n", "reliable"),
    [
        ("Ad", "B2C", 100.0, 2, False),
        ("Ad", "B2B", 0.0, 3, True),
        ("Visit", "B2C", 50.0, 2, False),  # r6 8 passive, r8 9 promoter (r10 no NPS)
        ("Checkout", "B2B", 100 * (0 - 3) / 3, 3, True),
        ("Checkout", "B2C", 100 * (1 - 1) / 3, 3, True),
        ("Mystery", "—", -100.0, 1, False),
    ],
)
def test_heatmap_cells(cur, ws, touchpoint, column, value, n, reliable):
    df = dash.heatmap(cur, ws, Filters(), "segment", "nps")
    cell = df[(df["touchpoint"] == touchpoint) & (df["column"] == column)].iloc[0]
    assert cell["value"] == pytest.approx(value)
    assert cell["n"] == n
    assert bool(cell["reliable"]) is reliable


def test_heatmap_rows_in_journey_order_and_month_columns(cur, ws):
    df = dash.heatmap(cur, ws, Filters(), "month", "csat")
    # Mystery has no CSAT answers, so no CSAT cells.
    assert list(dict.fromkeys(df["touchpoint"])) == ["Ad", "Visit", "Checkout", "Support"]
    ad = df[df["touchpoint"] == "Ad"].set_index("column")
    assert ad.loc["2024-01", "value"] == pytest.approx(100.0)
    assert ad.loc["2024-02", "value"] == pytest.approx(0.0)
    assert ad.loc["2024-02", "n"] == 2
    with pytest.raises(ValueError):
        dash.heatmap(cur, ws, Filters(), "region", "nps")


def test_emotion_curve_derives_from_csat_and_names_the_source(cur, ws):
    df = dash.emotion_curve(cur, ws, Filters(), by_persona=False)
    assert list(df["touchpoint"]) == ["Ad", "Visit", "Checkout", "Support", "Mystery"]
    assert by_tp(df, "emotion_mean")["Ad"] == pytest.approx(0.8)
    assert by_tp(df, "emotion_source") == {
        "Ad": "csat", "Visit": "csat", "Checkout": "emotion", "Support": "csat", "Mystery": "nps",
    }  # fmt: skip
    assert by_tp(df, "pain_point") == {
        "Ad": False, "Visit": False, "Checkout": True, "Support": False, "Mystery": False,
    }  # fmt: skip
    assert by_tp(df, "n")["Checkout"] == 6
    low, high = by_tp(df, "emotion_low")["Checkout"], by_tp(df, "emotion_high")["Checkout"]
    assert low < -5 / 6 < high
    assert dash.dominant_emotion_source(df) == "csat"


def test_emotion_curve_per_persona(cur, ws):
    df = dash.emotion_curve(cur, ws, Filters(), by_persona=True)
    checkout = df[df["touchpoint"] == "Checkout"].set_index("persona")
    assert checkout.loc["Alice", "emotion_mean"] == pytest.approx((-2 + 1 - 1) / 3)
    assert checkout.loc["Bob", "emotion_mean"] == pytest.approx((-1 - 2 + 0) / 3)
    assert set(df["persona"]) == {"Alice", "Bob", "—"}


def test_emotion_only_from_csat_when_no_emotion_column(cur, ws):
    df = dash.emotion_curve(cur, ws, Filters(stages=("Consider",)), by_persona=False)
    assert list(df["emotion_source"]) == ["csat"]
    assert df["emotion_mean"].iloc[0] == pytest.approx((1 + 0 + 2 - 1 + 1) / 5)
    assert dash.dominant_emotion_source(df) == "csat"


def test_journey_lanes(cur, ws):
    df = dash.journey_lanes(cur, ws, Filters())
    assert list(df["touchpoint"]) == ["Ad", "Visit", "Checkout", "Support", "Mystery"]
    # the lane holds each touchpoint's detractors' distinctive terms (tests/unit/test_themes.py);
    # this fixture's few comments are too few for any term to stand out
    lane = themes.lane_terms(cur, ws.workspace_id, Filters())
    assert by_tp(df, "themes") == {tp: lane.get(tp, "") for tp in df["touchpoint"]}
    reasons = by_tp(df, "pain_reasons")
    assert reasons["Ad"] == "below_target"  # CSAT 60 < 70
    assert reasons["Checkout"] == "below_target,low_emotion,volume_drop"
    # 1 customer after 2: a drop, but from fewer customers than the minimum n (3) supports
    assert reasons["Support"] == ""
    assert not by_tp(df, "pain_point")["Support"]
    assert by_tp(df, "volume_change")["Checkout"] == pytest.approx(-0.5)
    assert by_tp(df, "stage")["Checkout"] == "Purchase"


def test_journey_lanes_for_one_persona(cur, ws):
    df = dash.journey_lanes(cur, ws, Filters(), persona="Bob")
    assert by_tp(df, "n")["Ad"] == 2
    assert by_tp(df, "volume")["Ad"] == 2  # c3, c4
    assert by_tp(df, "volume")["Checkout"] == 0
    assert by_tp(df, "nps")["Checkout"] == pytest.approx(-100.0)


# --- comments ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("search", "total"),
    [
        ("", 18),
        ("slow", 4),
        ("SLOW", 4),
        ("%", 2),  # literal percent sign, not a wildcard
        ("_sale_", 1),
        ("_", 1),
        ("%'; DROP TABLE responses; --", 1),
        ("nothing like this", 0),
    ],
)
def test_comment_search(cur, ws, search, total):
    page, count = dash.comments(cur, ws, Filters(), search=search)
    assert count == total
    assert len(page) == min(total, 50)
    assert dash.touchpoint_metrics(cur, ws, Filters())["n_responses"].sum() == 20


def test_comment_paging_newest_first(cur, ws):
    seen = []
    for page_no in (1, 2, 3, 4, 5):
        page, total = dash.comments(cur, ws, Filters(), page=page_no, page_size=5)
        assert total == 18
        assert len(page) == [5, 5, 5, 3, 0][page_no - 1]
        seen += list(page["comment"])
    assert len(set(seen)) == 18
    first, _ = dash.comments(cur, ws, Filters(), page=1, page_size=5)
    assert list(first.columns) == list(dash.COMMENT_COLUMNS)
    assert first["comment"].iloc[0].startswith("%'; DROP")
    assert first["submitted_at"].is_monotonic_decreasing


@pytest.mark.parametrize(
    ("kwargs", "total"),
    [
        ({"touchpoint": "Checkout"}, 6),
        ({"column_filter": ("segment", "B2B")}, 8),
        ({"column_filter": ("month", "2024-06")}, 5),
        ({"column_filter": ("segment", "—")}, 1),
        ({"touchpoint": "Checkout", "search": "payment"}, 4),
    ],
)
def test_comment_drill_down(cur, ws, kwargs, total):
    assert dash.comments(cur, ws, Filters(), **kwargs)[1] == total


def test_comments_page_size_is_capped(cur, ws):
    page, total = dash.comments(cur, ws, Filters(), page_size=10_000)
    assert len(page) == total == 18
    page, _ = dash.comments(cur, ws, Filters(), page_size=2)
    assert len(page) == 2


def test_comments_csv_is_neutralised(cur, ws):
    data = dash.comments_csv(cur, ws, Filters(), search="")
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert rows[0] == list(dash.COMMENT_COLUMNS)
    assert len(rows) == 19
    comments = [r[-1] for r in rows[1:]]
    assert "'=HYPERLINK(bad)" in comments
    assert "'+1 payment failed" in comments
    assert "'@mention payment" in comments
    assert "'-slow" in comments
    assert not any(c[:1] in "=+-@" for c in comments if c)


def test_filter_options(cur, ws):
    opts = dash.filter_options(cur, ws.workspace_id)
    assert opts["personas"] == ["Alice", "Bob"]
    assert opts["segments"] == ["B2B", "B2C"]
    assert opts["channels"] == ["app", "phone", "web"]
    assert opts["stages"] == ["Aware", "Consider", "Purchase", "Service"]
    assert opts["touchpoints"] == ["Ad", "Visit", "Checkout", "Support", "Mystery"]
    assert opts["first_date"] == date(2024, 1, 5)
    assert opts["last_date"] == date(2024, 6, 30)


# --- empty workspace --------------------------------------------------------------------------


def test_empty_workspace(cur, empty_ws):
    f = Filters()
    assert dash.touchpoint_metrics(cur, empty_ws, f).empty
    assert dash.worst_touchpoints(cur, empty_ws, f, "nps").empty
    assert dash.trend(cur, empty_ws, f, "week").empty
    assert dash.heatmap(cur, empty_ws, f, "persona", "csat").empty
    assert dash.emotion_curve(cur, empty_ws, f, by_persona=True).empty
    assert dash.journey_lanes(cur, empty_ws, f).empty
    page, total = dash.comments(cur, empty_ws, f, search="x")
    assert page.empty and total == 0
    k = dash.kpis(cur, empty_ws, f)
    assert k["n"] == 0 and k["mode"] is None and k["nps"]["value"] is None
    assert k["nps"]["change"] is None
    opts = dash.filter_options(cur, empty_ws.workspace_id)
    assert opts["personas"] == [] and opts["first_date"] is None
    assert dash.comments_csv(cur, empty_ws, f).decode("utf-8-sig").count("\n") == 1


# --- load-time summaries of the unfiltered view (touchpoint_volume, touchpoint_words, facets) ---


def _unfiltered_views(store: Store, ws: Workspace) -> dict:
    cur = store.cursor()
    return {
        "metrics": dash.touchpoint_metrics(cur, ws, Filters()),
        "lanes": dash.journey_lanes(cur, ws, Filters()),
        "options": dash.filter_options(cur, ws.workspace_id),
    }


def _assert_same_views(a: dict, b: dict) -> None:
    import pandas as pd

    pd.testing.assert_frame_equal(a["metrics"], b["metrics"])
    pd.testing.assert_frame_equal(a["lanes"], b["lanes"])
    assert a["options"] == b["options"]


def _fresh(store: Store, ws_id: int) -> dict:
    from journeylens.storage import sql

    return sql.run(store.cursor(), "dash_summary_fresh", workspace_id=ws_id).iloc[0].to_dict()


@pytest.fixture(scope="module")
def demo_store():
    from journeylens.services import demo

    s = Store(":memory:")
    demo.install(s, LOCAL, customers=800)
    yield s
    s.close()


def test_summaries_match_the_rows(demo_store):
    from journeylens.services import demo
    from journeylens.storage import sql

    ws = demo_store.require_workspace(demo.DEMO_WORKSPACE)
    assert _fresh(demo_store, ws.workspace_id) == {"volume": True, "words": True, "facets": True}
    kept = _unfiltered_views(demo_store, ws)
    assert kept["lanes"]["themes"].str.len().sum() > 0  # the word summary is exercised
    with demo_store.write(LOCAL) as cur:  # a write that does not refresh them makes them stale
        sql.execute(cur, "workspace_bump", workspace_id=ws.workspace_id)
    ws = demo_store.require_workspace(demo.DEMO_WORKSPACE)
    assert _fresh(demo_store, ws.workspace_id) == {"volume": False, "words": False, "facets": False}
    _assert_same_views(kept, _unfiltered_views(demo_store, ws))  # computed from the rows
    with demo_store.write(LOCAL) as cur:  # a refresh (as a load does) makes them current again
        sql.execute(
            cur,
            "dash_summary_refresh",
            workspace_id=ws.workspace_id,
            events_changed=True,
            responses_changed=True,
        )
        sql.execute(cur, "workspace_bump", workspace_id=ws.workspace_id)
    ws = demo_store.require_workspace(demo.DEMO_WORKSPACE)
    assert _fresh(demo_store, ws.workspace_id) == {"volume": True, "words": True, "facets": True}
    _assert_same_views(kept, _unfiltered_views(demo_store, ws))


def test_summary_refresh_keeps_unchanged_parts(demo_store):
    from journeylens.services import demo
    from journeylens.storage import sql

    ws = demo_store.require_workspace(demo.DEMO_WORKSPACE)
    assert _fresh(demo_store, ws.workspace_id) == {"volume": True, "words": True, "facets": True}
    with demo_store.write(LOCAL) as cur:
        # an answers-only write: the volume (events) stays valid, words and facets are rebuilt
        cur.execute(
            "DELETE FROM responses WHERE workspace_id = ? AND touchpoint = "
            "(SELECT min(touchpoint) FROM responses WHERE workspace_id = ?)",
            [ws.workspace_id, ws.workspace_id],
        )
        sql.execute(
            cur,
            "dash_summary_refresh",
            workspace_id=ws.workspace_id,
            events_changed=False,
            responses_changed=True,
        )
        sql.execute(cur, "workspace_bump", workspace_id=ws.workspace_id)
    ws = demo_store.require_workspace(demo.DEMO_WORKSPACE)
    assert _fresh(demo_store, ws.workspace_id) == {"volume": True, "words": True, "facets": True}
    kept = _unfiltered_views(demo_store, ws)
    with demo_store.write(LOCAL) as cur:
        sql.execute(cur, "workspace_bump", workspace_id=ws.workspace_id)
    ws = demo_store.require_workspace(demo.DEMO_WORKSPACE)
    _assert_same_views(kept, _unfiltered_views(demo_store, ws))


def test_summaries_follow_loads_and_deletes(tmp_path):
    from journeylens.services import ingest

    store = Store(":memory:")
    ws = store.ensure_workspace(LOCAL, "Loads")
    path = tmp_path / "events.csv"
    path.write_text(
        "customer_id,touchpoint,ts,persona\n"
        "a,Ad,2024-01-01 10:00:00,P\na,Visit,2024-01-02 10:00:00,P\n"
        "b,Ad,2024-01-03 10:00:00,Q\nb,Ad,2024-01-04 10:00:00,Q\n",
        encoding="utf-8",
    )
    prepared = ingest.prepare(str(path), "events.csv", kind="events", store=store)
    mapping = {c: c for c in ("customer_id", "touchpoint", "ts", "persona")}
    ingest.load(store, LOCAL, ws, prepared, mapping, "events")
    prepared.cleanup()
    ws = store.require_workspace("Loads")
    assert _fresh(store, ws.workspace_id)["volume"]
    m = dash.touchpoint_metrics(store.cursor(), ws, Filters()).set_index("touchpoint")
    assert m.loc["Ad", "customers"] == 2 and m.loc["Visit", "customers"] == 1
    opts = dash.filter_options(store.cursor(), ws.workspace_id)
    assert opts["personas"] == ["P", "Q"] and opts["first_date"] == date(2024, 1, 1)
    dataset_id = int(store.datasets(ws.workspace_id)["dataset_id"].iloc[0])
    datasets.delete(store, LOCAL, ws.workspace_id, dataset_id)
    ws = store.require_workspace("Loads")
    # the delete rebuilt the summaries in its own transaction: fresh, and empty
    assert _fresh(store, ws.workspace_id) == {"volume": True, "words": True, "facets": True}
    m = dash.touchpoint_metrics(store.cursor(), ws, Filters())
    assert int(m["customers"].sum()) == 0
    assert dash.filter_options(store.cursor(), ws.workspace_id)["personas"] == []
    store.close()


# --- response cube: every score view sums response_cube while it is fresh ---------------------

# More answers for the cube: a NULL date, a NULL touchpoint, the last second of a day, the first
# second of a day, an own channel that differs from the touchpoint's, a blank comment.
CUBE_EXTRA = [
    (21, "Visit", None, 9, 5, 6, None, "Alice", "B2C", None, "no date at all"),
    (22, None, "2024-02-10", 8, 4, None, 1.0, "Bob", "B2C", "phone", "no touchpoint"),
    (23, "Support", "2024-06-30 23:59:59", 3, 2, 2, -1.5, "Bob", "B2B", "web", "late night"),
    (24, "Ad", "2024-04-01 00:00:00", 6, None, 4, None, "Carol", "SMB", None, "   "),
    (25, "Checkout", "2024-03-31 23:59:59", None, None, None, 0.5, "Carol", None, "app", None),
]  # fmt: skip
SECOND_DATASET = [  # loaded as its own dataset, so that deleting it removes exactly these
    (31, "Visit", "2024-05-05 12:00", 10, 5, 7, 2.0, "Alice", "B2B", "web", "fast and easy"),
    (32, "Checkout", "2024-05-06 12:00", 1, 1, 1, -2.0, "Bob", "B2C", None, "slow payment"),
    (33, "Mystery", None, 7, 3, 4, None, None, "B2C", "phone", None),
]  # fmt: skip

CUBE_FILTERS = [
    Filters(),
    Filters(date_from=date(2024, 4, 1)),  # from the first second of a day; no NULL date
    Filters(date_to=date(2024, 3, 31)),  # to the last second of a day; no NULL date
    Filters(date_from=date(2024, 4, 1), date_to=date(2024, 6, 30)),
    Filters(date_from=date(2024, 2, 10), date_to=date(2024, 2, 10)),  # one day
    Filters(personas=("Alice",)),
    Filters(personas=("Bob", "Carol")),
    Filters(segments=("B2B",)),
    Filters(channels=("web",)),  # own NULL channels resolved through the journey definition
    Filters(channels=("app",)),  # Checkout by definition + own 'app' answers elsewhere
    Filters(channels=("phone", "email")),
    Filters(stages=("Consider", "Purchase")),
    Filters(
        date_from=date(2024, 3, 1),
        date_to=date(2024, 6, 30),
        personas=("Alice", "Bob"),
        segments=("B2B", "B2C"),
        channels=("web", "app"),
        stages=("Aware", "Consider", "Purchase"),
    ),
    Filters(personas=("Nobody",)),
]


def _cube_store(path) -> Store:
    """The fixture plus CUBE_EXTRA (dataset 2) and SECOND_DATASET (dataset 5), loaded the way a
    load does: rows, summary refresh, version bump in one transaction (so the cube is fresh)."""
    s = Store(path)
    ws = s.ensure_workspace(LOCAL, "Cube")
    workspaces.update_settings(s, LOCAL, ws, min_n=MIN_N)
    with s.write(LOCAL) as cur:
        _insert_fixture(cur, ws.workspace_id, [*RESPONSES, *CUBE_EXTRA])
        _insert_responses(cur, ws.workspace_id, SECOND_DATASET, 5)
        _refresh(cur, ws.workspace_id, events=True, responses=True)
    return s


def _refresh(cur, ws_id: int, events: bool, responses: bool) -> None:
    from journeylens.storage import sql

    sql.execute(
        cur,
        "dash_summary_refresh",
        workspace_id=ws_id,
        events_changed=events,
        responses_changed=responses,
    )
    sql.execute(cur, "workspace_bump", workspace_id=ws_id)


def _cube_fresh(store: Store, ws_id: int) -> bool:
    from journeylens.storage import sql

    return bool(sql.run(store.cursor(), "dash_cube_fresh", workspace_id=ws_id).iloc[0]["cube"])


def _score_views(store: Store, ws: Workspace, f: Filters) -> dict:
    """Every view whose score counts come from the cube (when it is fresh)."""
    from journeylens import cli

    cur = store.cursor()
    views: dict = {
        "kpis": dash.kpis(cur, ws, f),
        "trend_month": dash.trend(cur, ws, f, "month"),
        "trend_week": dash.trend(cur, ws, f, "week"),
        "touchpoints": dash.touchpoint_metrics(cur, ws, f),
        "emotion": dash.emotion_curve(cur, ws, f, by_persona=False),
        "emotion_persona": dash.emotion_curve(cur, ws, f, by_persona=True),
        "lanes": dash.journey_lanes(cur, ws, f),
        "lanes_bob": dash.journey_lanes(cur, ws, f, persona="Bob"),
        "comments": dash.comments(cur, ws, f)[1],
        "comments_visit": dash.comments(cur, ws, f, touchpoint="Visit")[1],
        "comments_search": dash.comments(cur, ws, f, search="slow")[1],
    }
    for by in dash.HEATMAP_BY:
        views[f"heatmap_{by}"] = dash.heatmap(cur, ws, f, by, "csat")
    for by, value in (("segment", "B2B"), ("stage", "Purchase"), ("month", "2024-06"),
                      ("channel", "web"), ("segment", dash.BLANK)):  # fmt: skip
        views[f"comments_{by}_{value}"] = dash.comments(cur, ws, f, column_filter=(by, value))[1]
    if f.is_empty():
        for by in (None, *cli.GROUPS):
            views[f"metrics_by_{by}"] = cli.metrics_records(store, ws.name, by)
    return views


def _assert_same(a: object, b: object, where: str = "") -> None:
    import pandas as pd

    if isinstance(a, pd.DataFrame):
        assert isinstance(b, pd.DataFrame), where
        pd.testing.assert_frame_equal(a, b, check_exact=False, rtol=1e-9, obj=where)
    elif isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), where
        for key in a:
            _assert_same(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list | tuple):
        assert isinstance(b, list | tuple) and len(a) == len(b), where
        for i, (x, y) in enumerate(zip(a, b, strict=True)):
            _assert_same(x, y, f"{where}[{i}]")
    elif isinstance(a, float) and isinstance(b, float):
        assert a == pytest.approx(b, rel=1e-9, nan_ok=True), where
    else:
        assert a == b, where


def _rows_path(monkeypatch) -> None:
    """Make every dashboard query read the rows, as when the cube is stale."""
    monkeypatch.setattr(dash_sources, "cube_is_fresh", lambda cur, workspace_id: False)


@pytest.fixture(scope="module")
def cube_store(tmp_path_factory):
    s = _cube_store(tmp_path_factory.mktemp("cube") / "cube.duckdb")
    yield s
    s.close()


@pytest.mark.parametrize(
    "filters", CUBE_FILTERS, ids=lambda f: f.caption(lambda k, **p: p.get("filters", k))
)
def test_cube_views_equal_the_row_views(cube_store, filters, monkeypatch):
    ws = cube_store.require_workspace("Cube")
    assert _cube_fresh(cube_store, ws.workspace_id)  # the cube path is the one under test
    from_cube = _score_views(cube_store, ws, filters)
    with monkeypatch.context() as m:
        _rows_path(m)
        from_rows = _score_views(cube_store, ws, filters)
    _assert_same(from_cube, from_rows, "views")


@pytest.mark.parametrize(
    "filters", CUBE_FILTERS, ids=lambda f: f.caption(lambda k, **p: p.get("filters", k))
)
def test_cube_counts_equal_filtered_responses(cube_store, filters):
    """Against the row filter macro itself (filtered_responses): same answers, same counts.
    (count(*) FILTER, not count_if: DuckDB's count_if is NULL when no input is non-NULL.)"""
    ws = cube_store.require_workspace("Cube")
    cur = cube_store.cursor()
    want = cur.execute(
        "SELECT touchpoint, count(*), count(nps), count(*) FILTER (is_promoter(nps)), count(csat), "
        "coalesce(sum(csat), 0), count(emotion_value(emotion, csat, nps)), "
        "count(*) FILTER (jl_has_comment(comment)) "
        "FROM filtered_responses($workspace_id, $date_from, $date_to, $personas::VARCHAR[], "
        "$segments::VARCHAR[], $channels::VARCHAR[], $stages::VARCHAR[], $extras::VARCHAR[]) "
        "GROUP BY touchpoint",
        filters.params(ws.workspace_id),
    ).fetchall()
    want = {tp: tuple(int(v) for v in rest) for tp, *rest in want}
    got = dash.touchpoint_metrics(cur, ws, filters)
    got = {
        r.touchpoint: (r.n_responses, r.n_nps, r.promoters, r.n_csat, r.csat_sum, r.n_emotion)
        for r in got.itertuples()
        if r.n_responses > 0
    }
    assert got == {tp: w[:6] for tp, w in want.items() if tp is not None}
    k = dash.kpis(cur, ws, filters)
    assert k["n"] == sum(w[0] for w in want.values())
    assert k["nps"]["n"] == sum(w[1] for w in want.values())
    assert dash.comments(cur, ws, filters)[1] == sum(w[6] for w in want.values())


def test_stale_cube_falls_back_to_the_rows(tmp_path):
    s = _cube_store(tmp_path / "stale.duckdb")
    ws = s.require_workspace("Cube")
    f = Filters(personas=("Alice",))
    kept = _score_views(s, ws, f)
    # Prove the views read the cube while it is fresh: a change to the cube alone shows.
    with s.write(LOCAL) as cur:
        cur.execute("UPDATE response_cube SET promoters = promoters + 100, n_nps = n_nps + 100")
    ws = s.require_workspace("Cube")
    assert _cube_fresh(s, ws.workspace_id)
    tampered = dash.kpis(s.cursor(), ws, f)
    assert tampered["nps"]["n"] > kept["kpis"]["nps"]["n"]
    assert tampered["nps"]["value"] > kept["kpis"]["nps"]["value"]
    # A write that does not refresh the summaries leaves the cube stale: the rows answer.
    with s.write(LOCAL) as cur:
        from journeylens.storage import sql

        sql.execute(cur, "workspace_bump", workspace_id=ws.workspace_id)
    ws = s.require_workspace("Cube")
    assert not _cube_fresh(s, ws.workspace_id)
    _assert_same(kept, _score_views(s, ws, f), "stale")
    # The next refresh rebuilds it from the rows.
    with s.write(LOCAL) as cur:
        _refresh(cur, ws.workspace_id, events=False, responses=True)
    ws = s.require_workspace("Cube")
    assert _cube_fresh(s, ws.workspace_id)
    _assert_same(kept, _score_views(s, ws, f), "rebuilt")
    s.close()


def test_cube_follows_a_dataset_delete(tmp_path, monkeypatch):
    s = _cube_store(tmp_path / "delete.duckdb")
    ws = s.require_workspace("Cube")
    before = dash.kpis(s.cursor(), ws, Filters())["n"]
    datasets.delete(s, LOCAL, ws.workspace_id, 5)
    ws = s.require_workspace("Cube")
    assert _cube_fresh(s, ws.workspace_id)
    for f in (Filters(), Filters(segments=("B2B",)), Filters(channels=("phone",))):
        from_cube = _score_views(s, ws, f)
        with monkeypatch.context() as m:
            _rows_path(m)
            _assert_same(from_cube, _score_views(s, ws, f), "after delete")
    assert dash.kpis(s.cursor(), ws, Filters())["n"] == before - len(SECOND_DATASET)
    datasets.delete(s, LOCAL, ws.workspace_id, 2)
    ws = s.require_workspace("Cube")
    assert _cube_fresh(s, ws.workspace_id)
    assert s.cursor().execute("SELECT count(*) FROM response_cube").fetchone() == (0,)
    assert dash.kpis(s.cursor(), ws, Filters())["n"] == 0
    assert dash.touchpoint_metrics(s.cursor(), ws, Filters())["n_responses"].sum() == 0
    s.close()


@pytest.mark.parametrize("rebuild", [True, False], ids=["journey editor", "no cube rebuild"])
def test_cube_follows_a_journey_change(tmp_path, monkeypatch, rebuild):
    """Channel and stage come from the journey definition at query time: moving Visit to the
    'app' channel and the Purchase stage moves its answers, whether or not the write rebuilt the
    cube (a touchpoints upload does not: it changes no answers)."""
    import pandas as pd

    from journeylens.services import journey
    from journeylens.services.access import LOCAL

    s = _cube_store(tmp_path / "journey.duckdb")
    ws = s.require_workspace("Cube")
    app, purchase = Filters(channels=("app",)), Filters(stages=("Purchase",))
    n_app, n_purchase = (dash.kpis(s.cursor(), ws, f)["n"] for f in (app, purchase))
    visits_own_channel_null = sum(
        1 for r in [*RESPONSES, *CUBE_EXTRA, *SECOND_DATASET] if r[1] == "Visit" and r[9] is None
    )
    visits = sum(1 for r in [*RESPONSES, *CUBE_EXTRA, *SECOND_DATASET] if r[1] == "Visit")
    if rebuild:
        table = pd.DataFrame(
            [
                (tp, "Purchase" if tp == "Visit" else stage, 3 if tp == "Visit" else so,
                 2 if tp == "Visit" else st, "app" if tp == "Visit" else ch, owner, goal, None,
                 target, True)
                for tp, stage, so, st, ch, owner, goal, target in TOUCHPOINTS
            ],
            columns=list(journey.COLUMNS[:10]),
        )  # fmt: skip
        journey.save(s, LOCAL, ws, table)
    else:
        with s.write(LOCAL) as cur:
            cur.execute(
                "UPDATE touchpoints SET channel = 'app', stage = 'Purchase', stage_order = 3, "
                "step_order = 2 WHERE workspace_id = ? AND touchpoint = 'Visit'",
                [ws.workspace_id],
            )
            _refresh(cur, ws.workspace_id, events=False, responses=False)
    ws = s.require_workspace("Cube")
    assert _cube_fresh(s, ws.workspace_id)
    assert dash.kpis(s.cursor(), ws, app)["n"] == n_app + visits_own_channel_null
    assert dash.kpis(s.cursor(), ws, purchase)["n"] == n_purchase + visits
    heat = dash.heatmap(s.cursor(), ws, Filters(), "stage", "nps").set_index("touchpoint")
    assert heat.loc["Visit", "column"] == "Purchase"
    for f in (app, purchase, Filters(channels=("web",)), Filters()):
        from_cube = _score_views(s, ws, f)
        with monkeypatch.context() as m:
            _rows_path(m)
            _assert_same(from_cube, _score_views(s, ws, f), "after journey change")
    s.close()


# --- journeys without a definition --------------------------------------------------------------


def _answers(touchpoints: list[str], emotion: float = 1.0) -> pd.DataFrame:
    return pd.DataFrame(
        {
            "response_id": [f"{tp}-{i}" for i, tp in enumerate(touchpoints)],
            "touchpoint": touchpoints,
            "submitted_at": pd.Timestamp("2025-03-01"),
            "emotion": emotion,
        }
    )


@pytest.fixture()
def no_definition(tmp_path):
    """Two survey files and no journey definition: the first file asks at Onboarding then
    Branch (alphabetically the other way round), the second at Appraisal."""
    s = Store(tmp_path / "undefined.duckdb")
    ws = s.ensure_workspace(LOCAL, "Surveys")
    ingest.load_dataframe(s, LOCAL, ws, _answers(["Onboarding", "Branch", "Onboarding"] * 20), "responses",
                          "first.csv")  # fmt: skip
    ingest.load_dataframe(s, LOCAL, ws, _answers(["Appraisal"] * 40 + ["Lonely"], -2.0), "responses",
                          "second.csv")  # fmt: skip
    yield s, s.require_workspace("Surveys")
    s.close()


def test_without_definition_touchpoints_keep_the_answers_order(no_definition):
    s, ws = no_definition
    cur = s.cursor()
    curve = dash.emotion_curve(cur, ws, Filters())
    lanes = dash.journey_lanes(cur, ws, Filters())
    assert list(curve["touchpoint"]) == ["Onboarding", "Branch", "Appraisal", "Lonely"]
    assert list(lanes["touchpoint"]) == ["Onboarding", "Branch", "Appraisal", "Lonely"]
    assert set(curve["order_source"]) == set(lanes["order_source"]) == {"answers"}
    # answers are not customers moving along a journey: no drop in volume between unrelated files
    assert not lanes["pain_reasons"].str.contains("volume_drop").any()
    # and the curve is not drawn as one line through them
    spec = emotion_charts.emotion_curve(curve, Translator("en")).to_dict()
    assert units_of(spec, "line") == [] and units_of(spec, "point")


def test_a_single_answer_is_not_a_pain_point(no_definition):
    s, ws = no_definition
    cur = s.cursor()
    curve = dash.emotion_curve(cur, ws, Filters()).set_index("touchpoint")
    lanes = dash.journey_lanes(cur, ws, Filters()).set_index("touchpoint")
    assert curve.loc["Appraisal", "pain_point"]  # 40 answers at -2: below -0.5, n >= 30
    assert curve.loc["Lonely", "emotion_mean"] == -2.0 and curve.loc["Lonely", "n"] == 1
    assert not curve.loc["Lonely", "pain_point"]
    assert lanes.loc["Appraisal", "pain_reasons"] == "low_emotion"
    assert lanes.loc["Lonely", "pain_reasons"] == ""


def test_without_definition_touchpoints_follow_the_customers_order(tmp_path):
    """Every customer meets Zoom, then Apply; a quarter go on to Meet: the customers' order is
    Zoom, Apply, Meet (not the alphabetical Apply, Meet, Zoom), and the drop to Meet is a real
    drop along that order."""
    s = Store(tmp_path / "events.duckdb")
    ws = s.ensure_workspace(LOCAL, "Log")
    rows = []
    for c in range(40):
        day = pd.Timestamp("2025-01-01") + pd.Timedelta(days=c)
        steps = ["Zoom", "Apply"] + (["Meet"] if c % 4 == 0 else [])
        rows += [(f"c{c}", tp, day + pd.Timedelta(hours=i)) for i, tp in enumerate(steps)]
    events = pd.DataFrame(rows, columns=["customer_id", "touchpoint", "ts"])
    ingest.load_dataframe(
        s, LOCAL, ws, events.iloc[::-1], "events", "log.csv"
    )  # file order reversed
    ws = s.require_workspace("Log")
    lanes = dash.journey_lanes(s.cursor(), ws, Filters())
    assert list(lanes["touchpoint"]) == ["Zoom", "Apply", "Meet"]
    assert set(lanes["order_source"]) == {"events"}
    assert by_tp(lanes, "volume") == {"Zoom": 40, "Apply": 40, "Meet": 10}
    assert by_tp(lanes, "pain_reasons") == {"Zoom": "", "Apply": "", "Meet": "volume_drop"}
    s.close()


# --- pain-point boundaries ----------------------------------------------------------------------

EDGE_TOUCHPOINTS = [("T1", 50.0), ("T2", 50.0), ("T3", None)]
# touchpoint, csat, emotion: T1 sits exactly on both limits (CSAT 50 % = target, emotion mean
# -0.5 = the threshold), T2 is just past them (CSAT 33 %, emotion -0.75)
EDGE_ANSWERS = [("T1", 5, -1.0), ("T1", 1, 0.0), ("T2", 5, -1.0), ("T2", 1, -0.5), ("T2", 1, -0.75)]
# volumes 4 → 3 → 2 customers: T2 is down exactly 25 % (not a drop), T3 down 33 % (a drop)
EDGE_EVENTS = [("T1", c) for c in "abcd"] + [("T2", c) for c in "abc"] + [("T3", c) for c in "ab"]


@pytest.fixture(scope="module")
def edge_ws():
    s = Store(":memory:")
    ws = s.ensure_workspace(LOCAL, "Edges")
    ws = workspaces.update_settings(
        s, LOCAL, ws, emotion_threshold=-0.5, min_n=1
    )  # boundaries, not n
    with s.write(LOCAL) as cur:
        for i, (tp, target) in enumerate(EDGE_TOUCHPOINTS, start=1):
            cur.execute(
                "INSERT INTO touchpoints (workspace_id, dataset_id, touchpoint, stage, stage_order, "
                "step_order, target_csat) VALUES (?, 1, ?, 'S', 1, ?, ?)",
                [ws.workspace_id, tp, i, target],
            )
        for i, (tp, csat, emotion) in enumerate(EDGE_ANSWERS):
            cur.execute(
                "INSERT INTO responses (workspace_id, dataset_id, src_row, touchpoint, "
                "submitted_at, csat, emotion) VALUES (?, 2, ?, ?, TIMESTAMP '2024-01-01', ?, ?)",
                [ws.workspace_id, i, tp, csat, emotion],
            )
        for i, (tp, customer) in enumerate(EDGE_EVENTS):
            cur.execute(
                "INSERT INTO events (workspace_id, dataset_id, src_row, customer_id, touchpoint, ts)"
                " VALUES (?, 3, ?, ?, ?, TIMESTAMP '2024-01-01' + to_hours(?))",
                [ws.workspace_id, i, customer, tp, i],
            )
    yield s, s.require_workspace("Edges")
    s.close()


def test_pain_point_limits_are_strict(edge_ws):
    """A touchpoint exactly at a limit is not a pain point; one just past it is (CSAT below the
    target, emotion below the threshold, volume down by more than 25 %)."""
    store, ws = edge_ws
    cur = store.cursor()
    lanes = dash.journey_lanes(cur, ws, Filters())
    assert by_tp(lanes, "csat")["T1"] == pytest.approx(50.0)
    assert by_tp(lanes, "emotion_mean")["T1"] == pytest.approx(-0.5)
    assert by_tp(lanes, "volume_change")["T2"] == pytest.approx(-0.25)
    assert by_tp(lanes, "pain_reasons") == {
        "T1": "",
        "T2": "below_target,low_emotion",
        "T3": "volume_drop",
    }
    curve = dash.emotion_curve(cur, ws, Filters())
    assert by_tp(curve, "pain_point") == {"T1": False, "T2": True}
