"""Every score query against an independent pandas computation of the README's definitions.

Small hand-made fixtures hid a DuckDB bug that wrapped counts at 256 (journeylens/storage/db.py): here the
files are generated, 100 to 5,000 answers with groups well above 255, loaded through the real
importer, with and without a journey definition, with and without filters, from the response cube
and from the rows.
"""

from __future__ import annotations

import math
from datetime import date

import numpy as np
import pandas as pd
import pytest

from journeylens import cli
from journeylens.domain import metrics
from journeylens.domain.filters import Filters, extra_by, extra_column_of, rule_key
from journeylens.domain.permissions import LOCAL
from journeylens.services import dashboards as dash
from journeylens.services import ingest
from journeylens.services.dashboards import sources as dash_sources
from journeylens.storage.store import Store

TOUCHPOINTS = pd.DataFrame(
    {
        "touchpoint": ["Advert", "Branch", "Call", "Offer"],
        "stage": ["Aware", "Buy", "Buy", "Own"],
        "stage_order": [1, 2, 2, 3],
        "step_order": [1, 1, 2, 1],
        "channel": ["web", "store", "phone", "email"],
    }
)


def generate(n: int, seed: int) -> pd.DataFrame:
    """Answers over four touchpoints (and some with none), three personas, two segments, an own
    channel on a third of them, six months; every score blank now and then, the emotion column
    filled for only some answers so that CSAT - 3 and the NPS band are used too."""
    rng = np.random.default_rng(seed)

    def blank(values: np.ndarray, p: float) -> pd.array:
        return pd.array(np.where(rng.random(n) < p, np.nan, values), dtype="Float64")

    tp = rng.choice([*TOUCHPOINTS["touchpoint"], None], n, p=[0.3, 0.3, 0.2, 0.15, 0.05])
    return pd.DataFrame(
        {
            "response_id": [f"r{i}" for i in range(n)],
            "customer_id": [f"c{i % (n // 3 + 1)}" for i in range(n)],
            "touchpoint": pd.array(tp, dtype="str"),
            "submitted_at": pd.Timestamp("2025-01-01")
            + pd.to_timedelta(rng.integers(0, 181 * 86400, n), unit="s"),
            "nps": blank(rng.integers(0, 11, n), 0.1).astype("Int8"),
            "csat": blank(rng.integers(1, 6, n), 0.3).astype("Int8"),
            "ces": blank(rng.integers(1, 8, n), 0.4).astype("Int8"),
            "emotion": blank(rng.integers(-2, 3, n), 0.7),
            "persona": pd.array(rng.choice(["Saver", "Mover", "Investor"], n), dtype="str"),
            "segment": pd.array(rng.choice(["Retail", "Premium"], n, p=[0.7, 0.3]), dtype="str"),
            "channel": pd.array(
                np.where(rng.random(n) < 0.33, rng.choice(["app", "web"], n), None), dtype="str"
            ),
            # columns no field maps to: kept per answer (responses.extra), filterable by value
            "Vùng": pd.array(
                np.where(rng.random(n) < 0.1, None, rng.choice(["Bắc", "Nam", "Trung"], n)),
                dtype="str",
            ),
            "plan": pd.array(rng.choice(["Gold", "Basic"], n, p=[0.4, 0.6]), dtype="str"),
        }
    )


# --- the reference: the README's definitions, in pandas ------------------------------------------


def _emotion(df: pd.DataFrame) -> pd.Series:
    nps = df["nps"].astype(float)
    band = pd.Series(np.where(nps >= 9, 2.0, np.where(nps >= 7, 0.0, -2.0)), index=df.index)
    band = band.where(nps.notna())
    return df["emotion"].astype(float).fillna(df["csat"].astype(float) - 3).fillna(band)


def scores(g: pd.DataFrame) -> dict[str, float | int | None]:
    nps = g["nps"].dropna().astype(int)
    csat = g["csat"].dropna().astype(int)
    ces = g["ces"].dropna().astype(int)
    emo = _emotion(g).dropna()
    n = len(nps)
    return {
        "n_nps": n,
        "nps": 100 * ((nps >= 9).sum() - (nps <= 6).sum()) / n if n else None,
        "n_csat": len(csat),
        "csat": 100 * (csat >= 4).mean() if len(csat) else None,
        "csat_mean": csat.mean() if len(csat) else None,
        "n_ces": len(ces),
        "ces_mean": ces.mean() if len(ces) else None,
        "n_emotion": len(emo),
        "emotion_mean": emo.mean() if len(emo) else None,
    }


def view(df: pd.DataFrame, f: Filters, defined: bool) -> pd.DataFrame:
    """The answers a filter selects, with the touchpoint's stage and the resolved channel."""
    defs = TOUCHPOINTS.set_index("touchpoint") if defined else TOUCHPOINTS.iloc[:0]
    out = df.copy()
    out["stage"] = out["touchpoint"].map(defs["stage"])
    own = out["channel"].astype(object)
    out["channel"] = own.where(own.notna(), out["touchpoint"].map(defs["channel"]).astype(object))
    day = out["submitted_at"].dt.date
    keep = pd.Series(True, index=out.index)
    if f.date_from:
        keep &= day >= f.date_from
    if f.date_to:
        keep &= day <= f.date_to
    if f.persona_rules:  # defined personas: a row of any of their rules (column = value)
        hit = pd.Series(False, index=out.index)
        for rule in f.persona_rules:
            col, value = rule[4:].split("\x1f") if rule.startswith("col:") else rule.split(":", 1)
            hit |= (out[col] == value).fillna(False).astype(bool)
        keep &= hit
    personas = () if f.persona_rules else f.personas
    for col, values in (("persona", personas), ("segment", f.segments),
                        ("channel", f.channels), ("stage", f.stages)):  # fmt: skip
        if values:
            keep &= out[col].isin(values)
    for col, values in f.extras:  # a blank value is no value: out of every choice
        keep &= out[col].isin(values) & out[col].notna()
    return out[keep]


def assert_scores(got: pd.Series | dict, want: dict, context: str) -> None:
    for key, expected in want.items():
        value = metrics.finite(got[key])
        if expected is None or (isinstance(expected, float) and math.isnan(expected)):
            assert value is None, f"{context}: {key} = {value}, expected none"
        elif key.startswith("n_"):
            assert int(got[key]) == expected, f"{context}: {key}"
        else:
            assert value == pytest.approx(float(expected), rel=1e-9, abs=1e-9), f"{context}: {key}"


# --- the cases -----------------------------------------------------------------------------------

FILTERS = {
    "none": Filters(),
    "persona": Filters(personas=("Saver", "Investor")),
    "segment": Filters(segments=("Retail",)),
    "dates": Filters(date_from=date(2025, 2, 10), date_to=date(2025, 5, 3)),
    "channel": Filters(channels=("web",)),
    "stage": Filters(stages=("Buy",)),
    "extra column": Filters(extras=(("Vùng", ("Bắc", "Trung")),)),
    "two extra columns": Filters(
        segments=("Retail",), extras=(("Vùng", ("Nam",)), ("plan", ("Gold",)))
    ),
    # personas defined by a rule on a column of the user's files (the cube keeps none: rows)
    "personas ruled by extra columns": Filters(
        personas=("Gold", "North"),
        persona_rules=(rule_key(extra_by("plan"), "Gold"), rule_key(extra_by("Vùng"), "Bắc")),
    ),
    "personas ruled by a segment and an extra column": Filters(
        personas=("Premium", "South"),
        persona_rules=(rule_key("segment", "Premium"), rule_key(extra_by("Vùng"), "Nam")),
        channels=("web",),
    ),
}


@pytest.fixture(scope="module", params=[(100, 1), (1_000, 2), (5_000, 3)], ids=lambda p: str(p[0]))
def workspaces(request, tmp_path_factory):
    """One file of answers, loaded into a workspace with a journey definition and one without."""
    n, seed = request.param
    answers = generate(n, seed)
    store = Store(tmp_path_factory.mktemp("ref") / "ref.duckdb")
    out = {}
    for defined in (True, False):
        ws = store.ensure_workspace(LOCAL, f"defined={defined}")
        if defined:
            ingest.load_dataframe(store, LOCAL, ws, TOUCHPOINTS, "touchpoints", "journey.csv")
        ingest.load_dataframe(store, LOCAL, ws, answers, "responses", "answers.csv")
        out[defined] = store.require_workspace(ws.name)
    yield store, answers, out
    store.close()


@pytest.fixture(params=["cube", "rows"])
def source(request, monkeypatch):
    """The response cube, or every answer (as when the cube is stale)."""
    if request.param == "rows":
        monkeypatch.setattr(dash_sources, "cube_is_fresh", lambda cur, workspace_id: False)
    return request.param


def _cases(store, answers, wss, filter_name):
    for defined, ws in wss.items():
        f = FILTERS[filter_name]
        if f.stages and not defined:
            continue  # no stages without a definition
        yield defined, ws, f, view(answers, f, defined), f"defined={defined} {filter_name}"


def test_groups_are_large(workspaces):
    _, answers, _ = workspaces
    if len(answers) >= 1000:
        assert answers["touchpoint"].value_counts().max() > 255


@pytest.mark.parametrize("filter_name", list(FILTERS))
def test_kpis(workspaces, source, filter_name):
    store, answers, wss = workspaces
    for _defined, ws, f, rows, context in _cases(store, answers, wss, filter_name):
        kpi = dash.kpis(store.cursor(), ws, f)
        want = scores(rows)
        assert kpi["n"] == len(rows), context
        for metric, value_key in (("nps", "nps"), ("csat", "csat"), ("ces", "ces_mean"),
                                  ("emotion", "emotion_mean")):  # fmt: skip
            got = {value_key: kpi[metric]["value"], f"n_{metric}": kpi[metric]["n"]}
            assert_scores(got, {k: want[k] for k in got}, f"{context} {metric}")


@pytest.mark.parametrize("filter_name", list(FILTERS))
def test_touchpoint_views(workspaces, source, filter_name):
    """touchpoint_metrics, journey_lanes and the emotion curve, touchpoint by touchpoint."""
    store, answers, wss = workspaces
    for _defined, ws, f, rows, context in _cases(store, answers, wss, filter_name):
        cur = store.cursor()
        frames = {
            "touchpoint_metrics": dash.touchpoint_metrics(cur, ws, f),
            "journey_lanes": dash.journey_lanes(cur, ws, f),
        }
        groups = {tp: g for tp, g in rows.groupby("touchpoint")}
        for name, df in frames.items():
            df = df[df["n_responses"] > 0].set_index("touchpoint")
            assert set(df.index) == set(groups), f"{context} {name}"
            for tp, g in groups.items():
                assert int(df.loc[tp, "n_responses"]) == len(g), f"{context} {name} {tp}"
                assert_scores(df.loc[tp], scores(g), f"{context} {name} {tp}")
        curve = dash.emotion_curve(cur, ws, f).set_index("touchpoint")
        for tp, g in groups.items():
            want = scores(g)
            if want["n_emotion"]:
                assert int(curve.loc[tp, "n"]) == want["n_emotion"], f"{context} emotion {tp}"
                assert curve.loc[tp, "emotion_mean"] == pytest.approx(want["emotion_mean"])
        by_persona = dash.emotion_curve(cur, ws, f, by_persona=True)
        for (tp, persona), g in rows.groupby(["touchpoint", "persona"]):
            row = by_persona[(by_persona["touchpoint"] == tp) & (by_persona["persona"] == persona)]
            assert int(row["n"].iloc[0]) == scores(g)["n_emotion"], f"{context} {tp} {persona}"


@pytest.mark.parametrize("by", [*dash.HEATMAP_BY, extra_by("Vùng")])
@pytest.mark.parametrize("filter_name", ["none", "dates"])
def test_heatmap(workspaces, source, by, filter_name):
    """Also by a column of the user's file (extra_by): its values as the columns, read from the
    answers whether or not the cube is fresh."""
    store, answers, wss = workspaces
    column = extra_column_of(by) or by
    for defined, ws, f, rows, context in _cases(store, answers, wss, filter_name):
        if by == "stage" and not defined:
            continue
        col = rows["submitted_at"].dt.strftime("%Y-%m") if by == "month" else rows[column]
        rows = rows.assign(column=col.fillna("—"))
        for metric, key in (("nps", "nps"), ("csat", "csat"), ("ces", "ces_mean")):
            cells = dash.heatmap(store.cursor(), ws, f, by, metric)
            got = {(r.touchpoint, r.column): r for r in cells.itertuples(index=False)}
            want = {
                k: scores(g)
                for k, g in rows.dropna(subset=["touchpoint"]).groupby(["touchpoint", "column"])
            }
            want = {k: v for k, v in want.items() if v[f"n_{metric}"] > 0}
            assert set(got) == set(want), f"{context} {by} {metric}"
            for k, w in want.items():
                assert int(got[k].n) == w[f"n_{metric}"], f"{context} {by} {metric} {k}"
                assert got[k].value == pytest.approx(w[key]), f"{context} {by} {metric} {k}"


@pytest.mark.parametrize("filter_name", list(FILTERS))
def test_trend(workspaces, source, filter_name):
    store, answers, wss = workspaces
    for _defined, ws, f, rows, context in _cases(store, answers, wss, filter_name):
        trend = dash.trend(store.cursor(), ws, f, "month").set_index("period")
        months = rows.groupby(rows["submitted_at"].dt.to_period("M").dt.start_time)
        assert len(trend) == len(months), context
        for period, g in months:
            assert_scores(trend.loc[period], scores(g), f"{context} {period}")


@pytest.mark.parametrize(
    "by", [None, "touchpoint", "segment", "persona", "channel", "stage", "month"]
)
def test_cli_metrics(workspaces, source, by):
    """`python -m journeylens metrics [--by ...] --json`: the numbers the CLI prints."""
    store, answers, wss = workspaces
    for defined, ws, _f, rows, context in _cases(store, answers, wss, "none"):
        records = {r["group"]: r for r in cli.metrics_records(store, ws.name, by)}
        if by is None:
            groups = {"all": rows}
        else:
            key = rows["submitted_at"].dt.strftime("%Y-%m") if by == "month" else rows[by]
            key = key.astype(object)
            groups = {k: g for k, g in rows.groupby(key.where(key.notna(), "(none)"))}
        assert set(records) == set(groups), f"{context} {by}"
        for name, g in groups.items():
            want = scores(g)
            got = records[name]
            assert got["n_nps"] == want["n_nps"] and got["n_csat"] == want["n_csat"], context
            assert got["n_ces"] == want["n_ces"], context
            for key in ("nps", "csat", "csat_mean", "ces_mean"):
                if want[key] is None:
                    assert got[key] is None, f"{context} {by} {name} {key}"
                else:
                    assert got[key] == pytest.approx(want[key], abs=1e-4), f"{context} {name}"
        del defined
