"""The emotion curve and the persona comparison: stages, bands, pain points."""

from __future__ import annotations

import pytest

from journeylens.charts import emotion as emotion_charts
from journeylens.charts import theme
from journeylens.i18n import Translator
from tests.unit.charts.frames import emotion_frame, stages_frame
from tests.unit.charts.spec import all_titles, marks, rows, title_text, units_of

EN, RO = Translator("en"), Translator("ro")


@pytest.mark.parametrize(
    ("source", "phrase"),
    [
        ("csat", "Emotion derived from CSAT (csat − 3)"),
        ("nps", "Emotion derived from the NPS band"),
        ("emotion", "Emotion from the emotion column"),
    ],
)
def test_emotion_curve(source, phrase):
    spec = emotion_charts.emotion_curve(emotion_frame(source=source), EN, stages_frame(),
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
        u for u in units_of(spec, "point") if u["mark"].get("color") == theme.PAIN_COLOUR
    ]
    assert [r["touchpoint"] for r in rows(spec, pain_points[0])] == ["Checkout"]
    labels = [r["label"] for u in units_of(spec, "text") for r in rows(spec, u) if "label" in r]
    assert "−1.0" in labels
    assert "Emotion" in all_titles(spec) and "Touchpoint" in all_titles(spec)


def test_emotion_curve_in_romanian_uses_decimal_comma():
    spec = emotion_charts.emotion_curve(emotion_frame(), RO, stages_frame()).to_dict()
    labels = {r["label"] for u in units_of(spec, "text") for r in rows(spec, u) if "label" in r}
    assert "−1,0" in labels
    assert "Emoție" in all_titles(spec)


def test_persona_compare_draws_two_personas():
    both = emotion_frame(("Student", "Retiree"))
    spec = emotion_charts.persona_compare(
        both[both["persona"] == "Student"], both[both["persona"] == "Retiree"], EN,
        stages_df=stages_frame(),
    ).to_dict()  # fmt: skip
    line = units_of(spec, "line")[0]
    assert set(line["encoding"]["color"]["scale"]["domain"]) == {"Student", "Retiree"}
    assert {r["series"] for r in rows(spec, line)} == {"Student", "Retiree"}
    assert title_text(spec)[0] == "Emotion: Student vs Retiree"
