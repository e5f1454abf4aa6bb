"""Dashboard queries on a small hand-computed fixture (in-memory DuckDB)."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from journeylens import dashboards as dash
from journeylens import metrics
from journeylens.filters import Filters
from journeylens.i18n import t
from journeylens.store import Store, Workspace

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


@pytest.fixture(scope="module")
def store():
    s = Store(":memory:")
    ws = s.ensure_workspace("Fixture")
    s.update_settings(ws, min_n=MIN_N)
    s.ensure_workspace("Empty")
    with s.write() as cur:
        for tp in TOUCHPOINTS:
            cur.execute(
                "INSERT INTO touchpoints (workspace_id, dataset_id, touchpoint, stage, "
                "stage_order, step_order, channel, owner, goal, target_csat) "
                "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
                [ws.workspace_id, *tp],
            )
        for rid, tp, ts, nps, csat, ces, emo, persona, seg, ch, comment in RESPONSES:
            cur.execute(
                "INSERT INTO responses (workspace_id, dataset_id, src_row, response_id, "
                "customer_id, touchpoint, submitted_at, nps, csat, ces, emotion, comment, "
                "persona, segment, channel) VALUES (?, 2, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [ws.workspace_id, rid, f"r{rid}", f"k{rid}", tp, ts, nps, csat, ces, emo,
                 comment, persona, seg, ch],
            )  # fmt: skip
        for i, (cust, tp, ts) in enumerate(EVENTS):
            cur.execute(
                "INSERT INTO events (workspace_id, dataset_id, src_row, customer_id, touchpoint, "
                "ts, persona, segment) VALUES (?, 3, ?, ?, ?, ?, ?, 'B2C')",
                [ws.workspace_id, i, cust, tp, ts, PERSONA_OF[cust]],
            )
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
        ("Mystery", -100.0, 1, None, None, None, None, 0.0),
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
    assert by_tp(df, "themes")["Visit"] == "slow, page"
    assert by_tp(df, "themes")["Ad"] == "great, offer"
    assert by_tp(df, "themes")["Checkout"] == "payment, failed"
    reasons = by_tp(df, "pain_reasons")
    assert reasons["Ad"] == "below_target"  # CSAT 60 < 70
    assert reasons["Checkout"] == "below_target,low_emotion,volume_drop"
    assert reasons["Support"] == "volume_drop"  # 1 customer after 2
    assert by_tp(df, "pain_point")["Support"]
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


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        ("=1+1", "'=1+1"),
        ("+1 payment", "'+1 payment"),
        ("-slow", "'-slow"),
        ("@mention", "'@mention"),
        ("\tTAB", "'\tTAB"),
        ("plain", "plain"),
        ("", ""),
        (5, 5),
        (-3, -3),
        (None, None),
    ],
)
def test_safe_csv_cell(cell, expected):
    assert dash.safe_csv_cell(cell) == expected


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
    from journeylens import sql

    return sql.run(store.cursor(), "dash_summary_fresh", workspace_id=ws_id).iloc[0].to_dict()


@pytest.fixture(scope="module")
def demo_store():
    from journeylens import demo

    s = Store(":memory:")
    demo.install(s, customers=800)
    yield s
    s.close()


def test_summaries_match_the_rows(demo_store):
    from journeylens import demo, sql

    ws = demo_store.require_workspace(demo.DEMO_WORKSPACE)
    assert _fresh(demo_store, ws.workspace_id) == {"volume": True, "words": True, "facets": True}
    kept = _unfiltered_views(demo_store, ws)
    assert kept["lanes"]["themes"].str.len().sum() > 0  # the word summary is exercised
    with demo_store.write() as cur:  # a write that does not refresh them makes them stale
        sql.execute(cur, "workspace_bump", workspace_id=ws.workspace_id)
    ws = demo_store.require_workspace(demo.DEMO_WORKSPACE)
    assert _fresh(demo_store, ws.workspace_id) == {"volume": False, "words": False, "facets": False}
    _assert_same_views(kept, _unfiltered_views(demo_store, ws))  # computed from the rows
    with demo_store.write() as cur:  # a refresh (as a load does) makes them current again
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
    from journeylens import demo, sql

    ws = demo_store.require_workspace(demo.DEMO_WORKSPACE)
    assert _fresh(demo_store, ws.workspace_id) == {"volume": True, "words": True, "facets": True}
    with demo_store.write() as cur:
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
    with demo_store.write() as cur:
        sql.execute(cur, "workspace_bump", workspace_id=ws.workspace_id)
    ws = demo_store.require_workspace(demo.DEMO_WORKSPACE)
    _assert_same_views(kept, _unfiltered_views(demo_store, ws))


def test_summaries_follow_loads_and_deletes(tmp_path):
    from journeylens import ingest

    store = Store(":memory:")
    ws = store.ensure_workspace("Loads")
    path = tmp_path / "events.csv"
    path.write_text(
        "customer_id,touchpoint,ts,persona\n"
        "a,Ad,2024-01-01 10:00:00,P\na,Visit,2024-01-02 10:00:00,P\n"
        "b,Ad,2024-01-03 10:00:00,Q\nb,Ad,2024-01-04 10:00:00,Q\n",
        encoding="utf-8",
    )
    prepared = ingest.prepare(str(path), "events.csv", kind="events", store=store)
    mapping = {c: c for c in ("customer_id", "touchpoint", "ts", "persona")}
    ingest.load(store, ws, prepared, mapping, "events")
    prepared.cleanup()
    ws = store.require_workspace("Loads")
    assert _fresh(store, ws.workspace_id)["volume"]
    m = dash.touchpoint_metrics(store.cursor(), ws, Filters()).set_index("touchpoint")
    assert m.loc["Ad", "customers"] == 2 and m.loc["Visit", "customers"] == 1
    opts = dash.filter_options(store.cursor(), ws.workspace_id)
    assert opts["personas"] == ["P", "Q"] and opts["first_date"] == date(2024, 1, 1)
    dataset_id = int(store.datasets(ws.workspace_id)["dataset_id"].iloc[0])
    store.delete_dataset(ws.workspace_id, dataset_id)
    ws = store.require_workspace("Loads")
    # the delete rebuilt the summaries in its own transaction: fresh, and empty
    assert _fresh(store, ws.workspace_id) == {"volume": True, "words": True, "facets": True}
    m = dash.touchpoint_metrics(store.cursor(), ws, Filters())
    assert int(m["customers"].sum()) == 0
    assert dash.filter_options(store.cursor(), ws.workspace_id)["personas"] == []
    store.close()
