"""Chart builders: small frames in, Vega-Lite specs with the expected marks, titles and data."""

from __future__ import annotations

from typing import Any

import altair as alt
import pandas as pd
import pytest

from journeylens import charts, metrics
from journeylens.i18n import Translator

EN, VI, RO = Translator("en"), Translator("vi"), Translator("ro")


# --- helpers ----------------------------------------------------------------------------------


def walk(spec: dict[str, Any], data: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Every unit spec (one with a mark) inside layers / concats, with its inherited data."""
    data = spec.get("data", data)
    out = []
    if "mark" in spec:
        out.append({**spec, "data": data} if data is not None else spec)
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for child in spec.get(key, []):
            out += walk(child, data)
    return out


def mark_type(unit: dict[str, Any]) -> str:
    m = unit["mark"]
    return m if isinstance(m, str) else m["type"]


def marks(spec: dict[str, Any]) -> list[str]:
    return [mark_type(u) for u in walk(spec)]


def rows(spec: dict[str, Any], unit: dict[str, Any]) -> list[dict[str, Any]]:
    data = unit.get("data") or spec.get("data") or {}
    name = data.get("name")
    return spec.get("datasets", {}).get(name, data.get("values", []))


def units_of(spec: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [u for u in walk(spec) if mark_type(u) == kind]


def all_titles(spec: dict[str, Any]) -> set[str]:
    found = set()
    for u in walk(spec):
        for enc in u.get("encoding", {}).values():
            if isinstance(enc, dict):
                title = enc.get("title") or (enc.get("axis") or {}).get("title")
                if isinstance(title, str):
                    found.add(title)
    return found


def title_text(spec: dict[str, Any]) -> tuple[str, list[str]]:
    title = spec["title"]
    sub = title.get("subtitle", [])
    return title["text"], [sub] if isinstance(sub, str) else list(sub)


def with_metric_cols(counts: pd.DataFrame, min_n: int = 30) -> pd.DataFrame:
    return metrics.with_metrics(counts, min_n)


# --- fixtures ---------------------------------------------------------------------------------


def trend_frame() -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "period": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-03-01"]),
            "promoters": [10, 20, 3],
            "passives": [10, 10, 3],
            "detractors": [20, 10, 4],
        }
    )
    df["n_nps"] = df[["promoters", "passives", "detractors"]].sum(axis=1)
    return with_metric_cols(df)


def funnel_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "step": [1, 2, 3],
            "touchpoint": ["Landing page", "Sign-up", "First order"],
            "count": [1200, 600, 180],
            "conversion_from_first": [1.0, 0.5, 0.15],
            "conversion_from_previous": [1.0, 0.5, 0.3],
        }
    )


def stages_frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "position": [1, 2, 3, 4],
            "touchpoint": ["Ad", "Visit", "Checkout", "Support"],
            "stage": ["Aware", "Aware", "Purchase", "Service"],
        }
    )


def emotion_frame(personas: tuple[str | None, ...] = (None,), source: str = "csat") -> pd.DataFrame:
    rows = []
    means = {"Ad": 1.0, "Visit": 0.4, "Checkout": -1.0, "Support": 0.5}
    for p in personas:
        for pos, (tp, mean) in enumerate(means.items(), start=1):
            n = 40
            rows.append(
                {
                    "position": pos,
                    "touchpoint": tp,
                    "persona": p,
                    "n_emotion": n,
                    "emotion_sum": mean * n,
                    "emotion_sumsq": (mean**2 + 0.5) * n,
                    "src_emotion": n if source == "emotion" else 0,
                    "src_csat": n if source == "csat" else 0,
                    "src_nps": n if source == "nps" else 0,
                    "emotion_source": source,
                }
            )
    df = with_metric_cols(pd.DataFrame(rows))
    df["n"] = df["n_emotion"]
    df["pain_point"] = df["emotion_mean"] < -0.5
    return df


def heatmap_frame(metric: str = "nps") -> pd.DataFrame:
    cells = [
        # position, touchpoint, column, column_position, value, n
        (1, "Ad", "B2B", 1, 40.0, 50),
        (1, "Ad", "B2C", 2, -10.0, 12),
        (2, "Checkout", "B2B", 1, -55.0, 80),
        (2, "Checkout", "B2C", 2, 5.0, 31),
    ]
    df = pd.DataFrame(cells, columns=["position", "touchpoint", "column", "column_position",
                                      "value", "n"])  # fmt: skip
    df["reliable"] = df["n"] >= 30
    df["metric"] = metric
    df["by"] = "segment"
    return df


def lanes_frame() -> pd.DataFrame:
    df = pd.DataFrame(
        {
            "position": [1, 2, 3],
            "touchpoint": ["Comparison website visit", "Online application", "Support call"],
            "stage": ["Consider", "Purchase", "Service"],
            "goal": ["Compare fees quickly and easily", "Open an account", "Get help"],
            "channel": ["Web", "App", "Phone"],
            "owner": ["Marketing", "Digital", "Customer care"],
            "target_csat": [70.0, 80.0, 75.0],
            "volume": [1000, 400, 350],
            "volume_source": ["events"] * 3,
            "n_responses": [120, 90, 10],
            "promoters": [60, 10, 5], "passives": [40, 20, 3], "detractors": [20, 60, 2],
            "n_csat": [120, 90, 10], "csat_top2": [96, 20, 8],
            "n_emotion": [120, 90, 10], "emotion_sum": [84.0, -90.0, 5.0],
            "emotion_sumsq": [150.0, 180.0, 8.0],
            "themes": ["fees, clear", "slow, form, error", ""],
            "pain_reasons": ["", "below_target,low_emotion,volume_drop", ""],
        }
    )  # fmt: skip
    df["n_nps"] = df["promoters"] + df["passives"] + df["detractors"]
    df = with_metric_cols(df)
    df["n"] = df["n_responses"]
    df["pain_point"] = df["pain_reasons"] != ""
    return df


# --- theme ------------------------------------------------------------------------------------


def test_theme_registered_and_localised():
    assert "journeylens" in alt.theme.names()
    assert charts.theme_config("ro")["config"]["locale"]["number"]["decimal"] == ","
    assert charts.theme_config("en")["config"]["locale"]["number"]["decimal"] == "."
    spec = charts.kpi_trend(trend_frame(), "nps", VI).to_dict()
    assert spec["config"]["locale"]["number"] == {
        "decimal": ",", "thousands": ".", "grouping": [3], "currency": ["", ""],
    }  # fmt: skip
    assert spec["config"]["range"]["category"][0] == charts.OKABE_ITO[0]


def test_persona_colours_are_fixed_by_the_full_list():
    everyone = ["Student", "Retiree", "Busy professional"]
    colours = charts.persona_colours(everyone)
    assert colours == charts.persona_colours(list(reversed(everyone)))
    one = emotion_frame(("Student",))
    two = emotion_frame(("Retiree", "Student"))
    for frame in (one, two):
        spec = charts.emotion_curve(frame, EN, personas=everyone).to_dict()
        scale = units_of(spec, "line")[0]["encoding"]["color"]["scale"]
        mapping = dict(zip(scale["domain"], scale["range"], strict=True))
        assert mapping["Student"] == colours["Student"]


# --- builders ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("t", "x_title", "y_title"),
    [(EN, "Month", "NPS"), (VI, "Tháng", "NPS"), (RO, "Luna", "NPS")],
)
def test_kpi_trend(t, x_title, y_title):
    spec = charts.kpi_trend(trend_frame(), "nps", t).to_dict()
    assert {"area", "line", "point", "rule"} <= set(marks(spec))
    titles = all_titles(spec)
    assert x_title in titles and y_title in titles
    assert "period" not in titles and "value" not in titles
    area = units_of(spec, "area")[0]
    assert area["encoding"]["y"]["field"] == "low" and area["encoding"]["y2"]["field"] == "high"
    assert area["encoding"]["x"]["type"] == "temporal"


@pytest.mark.parametrize(
    ("t", "first_label", "continued"),
    [(EN, "1,200 (100%)", "↓ 50% continued"), (VI, "1.200 (100%)", "↓ 50% tiếp tục")],
)
def test_funnel(t, first_label, continued):
    spec = charts.funnel(funnel_frame(), t).to_dict()
    bars = units_of(spec, "bar")
    assert len(bars) == 2  # light first-step bar behind, dark step bar in front
    assert [b["encoding"]["x"]["field"] for b in bars] == ["first", "count"]
    y = bars[0]["encoding"]["y"]
    assert y["sort"] == ["1. Landing page", "2. Sign-up", "3. First order"]
    assert y["type"] == "nominal"
    texts = units_of(spec, "text")
    labels = [r["bar_text"] for r in rows(spec, texts[0])]
    assert labels[0] == first_label
    assert labels[2].endswith("(15%)")
    steps = [r["step_text"] for r in rows(spec, texts[1])]
    assert steps[0] == "" and steps[1] == continued
    assert t("common.customers") in all_titles(spec)


def test_funnel_accepts_percentages():
    df = funnel_frame()
    df["conversion_from_first"] *= 100
    df["conversion_from_previous"] *= 100
    spec = charts.funnel(df, EN).to_dict()
    assert rows(spec, units_of(spec, "text")[0])[1]["bar_text"] == "600 (50%)"


def test_funnel_breakdown():
    df = pd.concat(
        [funnel_frame().assign(group=g, count=lambda d, w=w: d["count"] * w) for g, w in
         (("Student", 0.5), ("Retiree", 0.25))]
    )  # fmt: skip
    spec = charts.funnel_breakdown(df, EN, personas=["Retiree", "Student"]).to_dict()
    bar = units_of(spec, "bar")[0]
    assert bar["encoding"]["yOffset"]["field"] == "grp"
    assert bar["encoding"]["color"]["scale"]["domain"] == ["Retiree", "Student"]
    assert bar["encoding"]["y"]["sort"][0] == "1. Landing page"


@pytest.mark.parametrize(
    ("source", "phrase"),
    [
        ("csat", "Emotion derived from CSAT (csat − 3)"),
        ("nps", "Emotion derived from the NPS band"),
        ("emotion", "Emotion from the emotion column"),
    ],
)
def test_emotion_curve(source, phrase):
    spec = charts.emotion_curve(emotion_frame(source=source), EN, stages_frame(),
                                threshold=-0.5).to_dict()  # fmt: skip
    kinds = marks(spec)
    assert {"rect", "area", "line", "rule", "point", "text"} <= set(kinds)
    line = units_of(spec, "line")[0]
    assert line["mark"]["interpolate"] == "monotone"
    rect = units_of(spec, "rect")[0]
    assert rect["encoding"]["x"]["type"] == "ordinal"
    assert rect["encoding"]["x"]["sort"] == ["Ad", "Visit", "Checkout", "Support"]
    assert {r["stage"] for r in rows(spec, rect)} == {"Aware", "Purchase", "Service"}
    _, subtitle = title_text(spec)
    assert any(phrase in s for s in subtitle)
    pain_points = [
        u for u in units_of(spec, "point") if u["mark"].get("color") == charts.PAIN_COLOUR
    ]
    assert [r["touchpoint"] for r in rows(spec, pain_points[0])] == ["Checkout"]
    labels = [r["label"] for u in units_of(spec, "text") for r in rows(spec, u) if "label" in r]
    assert "−1.0" in labels
    assert "Emotion" in all_titles(spec) and "Touchpoint" in all_titles(spec)


def test_emotion_curve_in_romanian_uses_decimal_comma():
    spec = charts.emotion_curve(emotion_frame(), RO, stages_frame()).to_dict()
    labels = {r["label"] for u in units_of(spec, "text") for r in rows(spec, u) if "label" in r}
    assert "−1,0" in labels
    assert "Emoție" in all_titles(spec)


def test_persona_compare_draws_two_personas():
    both = emotion_frame(("Student", "Retiree"))
    spec = charts.persona_compare(
        both[both["persona"] == "Student"], both[both["persona"] == "Retiree"], EN,
        stages_df=stages_frame(),
    ).to_dict()  # fmt: skip
    line = units_of(spec, "line")[0]
    assert set(line["encoding"]["color"]["scale"]["domain"]) == {"Student", "Retiree"}
    assert {r["series"] for r in rows(spec, line)} == {"Student", "Retiree"}
    assert title_text(spec)[0] == "Emotion: Student vs Retiree"


@pytest.mark.parametrize(("metric", "mid"), [("nps", 0.0), ("csat", 70.0), ("ces", 4.0)])
def test_heatmap(metric, mid):
    spec = charts.heatmap(heatmap_frame(metric), metric, EN, min_n=30).to_dict()
    rect, text = units_of(spec, "rect")[0], units_of(spec, "text")[0]
    assert rect["encoding"]["color"]["scale"]["domainMid"] == mid
    assert rect["encoding"]["color"]["type"] == "quantitative"
    cells = {(r["touchpoint"], r["column"]): r for r in rows(spec, text)}
    decimals = {"nps": "40", "csat": "40", "ces": "40.0"}[metric]
    assert cells[("Ad", "B2B")]["cell"] == f"{decimals}\nn = 50"
    assert text["encoding"]["text"]["field"] == "cell"
    opacity = rect["encoding"]["opacity"]
    assert opacity["condition"]["value"] == 1.0 and opacity["value"] == charts.UNCERTAIN_OPACITY
    assert cells[("Ad", "B2C")]["reliable"] is False
    assert rect["encoding"]["y"]["sort"] == ["Ad", "Checkout"]
    _, subtitle = title_text(spec)
    assert any("fewer than 30 answers" in s for s in subtitle)
    assert {"Touchpoint", "Segment"} <= all_titles(spec)


def test_heatmap_target_and_direction():
    spec = charts.heatmap(heatmap_frame("csat"), "csat", EN, 30, target=80,
                          higher_is_better=True).to_dict()  # fmt: skip
    assert units_of(spec, "rect")[0]["encoding"]["color"]["scale"]["domainMid"] == 80
    spec = charts.heatmap(heatmap_frame("ces"), "ces", EN, 30, higher_is_better=False).to_dict()
    assert units_of(spec, "rect")[0]["encoding"]["color"]["scale"]["reverse"] is True


def test_heatmap_without_uncertain_cells_has_no_note():
    df = heatmap_frame()
    df["n"] = 100
    df["reliable"] = True
    _, subtitle = title_text(charts.heatmap(df, "nps", EN, 30).to_dict())
    assert not any("uncertain" in s for s in subtitle)


@pytest.mark.parametrize(("t", "lane"), [(EN, "Customer goal"), (VI, "Mục tiêu"), (RO, "Obiectiv")])
def test_journey_map(t, lane):
    spec = charts.journey_map(lanes_frame(), t).to_dict()
    assert len(spec["vconcat"]) == 9
    kinds = marks(spec)
    assert {"rect", "text", "bar", "line", "point", "rule"} <= set(kinds)
    # every lane shares the touchpoint order
    orders = {
        tuple(u["encoding"]["x"]["sort"])
        for u in walk(spec)
        if "x" in u.get("encoding", {}) and u["encoding"]["x"].get("field") == "touchpoint"
    }
    assert orders == {("Comparison website visit", "Online application", "Support call")}
    lane_titles = set()
    for child in spec["vconcat"]:
        for u in walk(child):
            axis = u.get("encoding", {}).get("y", {}).get("axis") or {}
            if isinstance(axis, dict) and axis.get("title"):
                lane_titles.add(axis["title"])
    assert lane in lane_titles
    texts = [r for u in units_of(spec, "text") for r in rows(spec, u)]
    goals = [r["goal_text"] for r in texts if "goal_text" in r]
    assert all(len(line) <= charts.LABEL_CHARS for g in goals for line in g.split("\n"))
    pains = [r["pain_text"] for r in texts if r.get("pain_text")]
    assert pains and pains[0].startswith("⚑")
    assert t("viz.pain.below_target") in pains[0].replace("\n", " ")
    cells = [r for u in units_of(spec, "rect") for r in rows(spec, u) if "score" in r]
    assert {c["metric"] for c in cells} == {"NPS", "CSAT %"}
    uncertain = [c for c in cells if c["touchpoint"] == "Support call"]
    assert uncertain and not any(c["reliable"] for c in uncertain)


def test_journey_map_emotion_points_green_above_red_below():
    spec = charts.journey_map(lanes_frame(), EN).to_dict()
    pts = [u for u in units_of(spec, "point") if "color" in u.get("encoding", {})]
    colour = pts[0]["encoding"]["color"]
    assert colour["condition"]["test"] == "datum.emotion_mean >= 0"
    assert colour["condition"]["value"] == charts.GOOD_COLOUR
    assert colour["value"] == charts.BAD_COLOUR


@pytest.mark.parametrize("text", ["short", "Ask questions in person at the branch", None])
def test_wrap(text):
    out = charts.wrap(text)
    assert all(len(line) <= charts.LABEL_CHARS for line in out.split("\n"))
    assert out.count("\n") < charts.MAX_LINES


# --- the 5,000-row guard stays on --------------------------------------------------------------


def big_heatmap() -> pd.DataFrame:
    df = pd.DataFrame({"position": range(6000), "touchpoint": [f"T{i}" for i in range(6000)]})
    return df.assign(column="A", column_position=1, value=1.0, n=40, reliable=True)


def big_trend() -> pd.DataFrame:
    df = pd.DataFrame({"period": pd.date_range("2000-01-01", periods=6000, freq="D"),
                       "promoters": 1, "passives": 1, "detractors": 1, "n_nps": 3})  # fmt: skip
    return with_metric_cols(df)


def big_funnel() -> pd.DataFrame:
    df = pd.DataFrame({"step": range(1, 6001), "touchpoint": "x", "count": 10})
    return df.assign(conversion_from_first=1.0, conversion_from_previous=1.0)


@pytest.mark.parametrize(
    "build",
    [
        lambda: charts.heatmap(big_heatmap(), "nps", EN, 30),
        lambda: charts.kpi_trend(big_trend(), "nps", EN),
        lambda: charts.funnel(big_funnel(), EN),
    ],
)
def test_row_guard_kept(build):
    assert alt.data_transformers.options.get("max_rows", 5000) == 5000
    with pytest.raises(alt.MaxRowsError):
        build().to_dict()


# --- line separators in labels (issue 20) -------------------------------------------------------

LS = "\u2028"


def _with_separators(df: pd.DataFrame) -> pd.DataFrame:
    """Every text label of the frame holding U+2028 / U+2029, as an uploaded value may."""
    out = df.copy()
    for col in ("touchpoint", "stage", "persona", "column", "goal", "channel", "owner", "group"):
        if col in out:
            out[col] = out[col].map(lambda v: f"{v}{LS}x\u2029" if isinstance(v, str) else v)
    return out


SEPARATED = {
    "funnel": lambda: charts.funnel(_with_separators(funnel_frame()), EN),
    "funnel_breakdown": lambda: charts.funnel_breakdown(
        _with_separators(funnel_frame().assign(group="Student")), EN, personas=[f"Student{LS}"]
    ),
    "emotion": lambda: charts.emotion_curve(
        _with_separators(emotion_frame((f"A{LS}", "B"))), EN,
        stages_df=_with_separators(stages_frame()), personas=[f"A{LS}", "B"],
    ),
    "compare": lambda: charts.persona_compare(
        _with_separators(emotion_frame(("A",))), _with_separators(emotion_frame(("B",))), EN,
        stages_df=_with_separators(stages_frame()),
    ),
    "heatmap": lambda: charts.heatmap(_with_separators(heatmap_frame()), "nps", EN),
    "journey": lambda: charts.journey_map(_with_separators(lanes_frame()), EN),
}  # fmt: skip


@pytest.mark.parametrize("name", list(SEPARATED))
def test_a_label_with_a_line_separator_still_renders(name):
    """Vega's expression parser takes U+2028 for a line end ("Unexpected token ILLEGAL"): the
    chart, its SVG export and the offline renderer must all still work."""
    import vl_convert as vlc

    spec = SEPARATED[name]().to_dict()
    svg = vlc.vegalite_to_svg(spec)
    assert svg.startswith("<svg")
    assert LS not in str(spec) and "\u2029" not in str(spec)
