"""URL → widget restore on every page, numbers that follow the restored filters, and stale or
malformed parameters (defaults plus a visible notice).

Bound widgets with a format_func take the *formatted option label* as their URL value
(`metric=CSAT %`, `by=Persona`, `jp=Home mover`): that is what Streamlit writes to the URL when a
user picks the option, so that is what a shared link carries.
"""

from __future__ import annotations

from datetime import date

import pytest

from journeylens.i18n import fmt_num, t
from tests.conftest import shown

from .conftest import (
    DEMO_WS,
    count,
    infos,
    no_problems,
    nps_of,
    reset_notice_prefix,
    warnings,
)

CHART = "vega_lite_chart"
FULL_RANGE = (date(2025, 5, 1), date(2026, 10, 31))  # first and last day of the demo data


def _notice(at) -> str | None:
    found = [w for w in warnings(at) if w.startswith(reset_notice_prefix())]
    return found[0] if found else None


# --- sidebar filters ----------------------------------------------------------------------------


def test_persona_restores_and_drives_the_nps_tile(db, app):
    expected = nps_of(db, "Home mover")  # computed before the app opens the file
    overall = nps_of(db)
    at = app(persona="Home mover")
    no_problems(at)
    assert at.multiselect(key="persona").value == ["Home mover"]
    tiles = {m.label: m.value for m in at.metric}
    assert tiles[t("metric.nps")] == fmt_num(expected, "en", 1)
    assert fmt_num(expected, "en", 1) != fmt_num(overall, "en", 1)
    assert any("Persona: Home mover" in shown(c.value) for c in at.main.caption)
    assert _notice(at) is None


def test_several_personas_and_segment_restore(db, app):
    at = app(persona=["Home mover", "Remortgager"], segment="London")
    no_problems(at)
    assert at.multiselect(key="persona").value == ["Home mover", "Remortgager"]
    assert at.multiselect(key="segment").value == ["London"]
    n = count(
        "SELECT count(*) FROM responses WHERE persona IN ('Home mover', 'Remortgager') "
        "AND segment = 'London' AND nps IS NOT NULL"
    )
    assert any(f"n = {n:,}" in shown(c.value) for c in at.main.caption)


def test_date_range_restores_and_filters(db, app):
    at = app(dates=["2025-09-07", "2025-09-08"])
    no_problems(at)
    assert at.date_input(key="dates").value == (date(2025, 9, 7), date(2025, 9, 8))
    n = count(
        "SELECT count(nps) FROM responses WHERE submitted_at >= DATE '2025-09-07' "
        "AND submitted_at < DATE '2025-09-09'"
    )
    assert f"n = {n:,}" in [c.value.split(" · ")[0] for c in at.main.caption]


def test_channel_and_stage_restore(db, app):
    at = app("heatmap", channel="Web", stage="Application")
    no_problems(at)
    assert at.multiselect(key="channel").value == ["Web"]
    assert at.multiselect(key="stage").value == ["Application"]
    assert any("Channel: Web; Stage: Application" in shown(c.value) for c in at.main.caption)


@pytest.mark.parametrize("value", ["Tiếng Việt", "vi"])  # the bound label, or a bare code
def test_language_restores(db, app, value):
    at = app(lang=value)
    no_problems(at)
    assert at.selectbox(key="lang").value == "vi"
    assert at.selectbox(key="lang").label == t("sidebar.language", "vi")
    assert at.title[0].value == t("overview.title", "vi")
    tiles = [m.value for m in at.metric]
    assert tiles and all("," in v and "." not in v for v in tiles), tiles  # decimal comma
    assert _notice(at) is None


def test_unknown_language_falls_back_to_english_and_says_so(db, app):
    at = app(lang="Klingon")
    no_problems(at)
    assert at.selectbox(key="lang").value == "en"
    assert _notice(at) == t("filter.reset_notice", names="lang")


# --- page controls ------------------------------------------------------------------------------


def test_overview_metric_and_grain_restore(db, app):
    at = app(trend=t("metric.csat"), grain=t("overview.grain.week"))
    no_problems(at)
    assert at.segmented_control(key="trend").value == "csat"
    assert at.segmented_control(key="grain").value == "week"
    heads = [s.value for s in at.subheader]
    assert t("overview.worst", metric=t("metric.csat"), min_n=30) in heads


def test_journey_persona_and_compare_restore(db, app):
    at = app("journey", jp="Home mover", vs="Remortgager")
    no_problems(at)
    assert at.selectbox(key="jp").value == "Home mover"
    assert at.selectbox(key="vs").value == "Remortgager"
    (chart,) = at.get(CHART)  # one map, the two personas side by side in its lanes
    import json

    spec = json.dumps(json.loads(chart.proto.spec), ensure_ascii=False)
    assert "Remortgager − Home mover" in spec  # the Δ rows' definition, in the subtitle


FUNNEL_STEPS = ["Online application form", "Full application", "Binding offer letter"]


def test_funnel_controls_restore(db, app):
    at = app(
        "funnel",
        steps=FUNNEL_STEPS,
        window="7d",
        strict="true",
        split=t("page.by.persona"),
        exclude="Branch meeting",
    )
    no_problems(at)
    assert at.multiselect(key="steps").value == FUNNEL_STEPS
    assert at.text_input(key="window").value == "7d"
    assert at.toggle(key="strict").value is True
    assert at.segmented_control(key="split").value == "persona"
    assert at.selectbox(key="exclude").value == "Branch meeting"
    table = at.dataframe[0].value
    assert list(table[t("fcol.step")]) == [f"{i}. {s}" for i, s in enumerate(FUNNEL_STEPS, 1)]
    assert any(c.value.endswith(" · 7d") for c in at.main.caption)


def test_funnel_window_changes_the_numbers(db, app):
    wide = app("funnel", steps=FUNNEL_STEPS, window="30d")
    wide_counts = list(wide.dataframe[0].value[t("fcol.customers")])
    narrow = app("funnel", steps=FUNNEL_STEPS, window="1d")
    narrow_counts = list(narrow.dataframe[0].value[t("fcol.customers")])
    first = count(
        "SELECT count(DISTINCT customer_id) FROM events WHERE touchpoint = $tp",
        tp=FUNNEL_STEPS[0],
    )
    assert wide_counts[0] == narrow_counts[0] == first
    assert narrow_counts[-1] < wide_counts[-1]


def test_emotion_compare_restores(db, app):
    at = app(
        "emotion", lines=t("emotionpage.mode.compare"), compare=["First-time buyer", "Home mover"]
    )
    no_problems(at)
    assert at.segmented_control(key="lines").value == "compare"
    assert at.multiselect(key="compare").value == ["First-time buyer", "Home mover"]
    assert len(at.get(CHART)) == 1


def test_heatmap_metric_and_breakdown_restore(db, app):
    at = app("heatmap", metric=t("metric.ces"), by=t("page.by.month"))
    no_problems(at)
    assert at.segmented_control(key="metric").value == "ces"
    assert at.segmented_control(key="by").value == "month"
    assert t("definition.ces") in [c.value for c in at.main.caption]


def test_heatmap_cell_restores_its_comments(db, app):
    cell = "Branch meeting × Home mover"
    at = app("heatmap", by=t("page.by.persona"), cell=cell)
    no_problems(at)
    assert at.selectbox(key="cell").value == cell
    total = count(
        "SELECT count(*) FROM responses WHERE touchpoint = 'Branch meeting' "
        "AND persona = 'Home mover' AND trim(comment) <> ''"
    )
    expected = t(
        "heatmappage.cell_comments",
        touchpoint="Branch meeting",
        column="Home mover",
        total=f"{total:,}",
    )
    assert expected in [m.value for m in at.markdown]


def test_comments_search_touchpoint_and_page_restore(db, app):
    at = app("comments", q="call", tp="Contact-centre call about missing information")
    no_problems(at)
    assert at.text_input(key="q").value == "call"
    assert at.selectbox(key="tp").value == "Contact-centre call about missing information"
    total = count(
        "SELECT count(*) FROM responses WHERE trim(comment) <> '' AND comment ILIKE '%call%' "
        "AND touchpoint = 'Contact-centre call about missing information'"
    )
    assert total > 0
    pages = -(-total // 50)
    assert t("commentspage.total", total=f"{total:,}", page=1, pages=pages) in [
        c.value for c in at.main.caption
    ]


def test_comments_page_number_restores(db, app):
    at = app("comments", page_no="3")
    no_problems(at)
    total = count("SELECT count(*) FROM responses WHERE trim(comment) <> ''")
    pages = -(-total // 50)
    assert at.get("pagination")[0].value == 3
    assert t("commentspage.total", total=f"{total:,}", page=3, pages=pages) in [
        c.value for c in at.main.caption
    ]


def test_page_switch_keeps_the_filters(db, app):
    at = app(persona="Remortgager")
    at.switch_page("pages/heatmap.py").run()
    no_problems(at)
    assert at.multiselect(key="persona").value == ["Remortgager"]
    assert at.query_params.get("persona") == "Remortgager"


# --- stale and malformed links -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "names"),
    [
        ({"ws": "No such workspace"}, ["ws"]),
        ({"persona": "Nobody"}, ["persona"]),
        ({"persona": ["Home mover", "Nobody"]}, ["persona"]),
        ({"dates": "2025-13-45"}, ["dates"]),
        ({"dates": ["yesterday", "today"]}, ["dates"]),
        ({"stage": "Retired stage"}, ["stage"]),
        ({"ws": "Old", "segment": "Mars", "dates": "31/12/2025"}, ["ws", "dates", "segment"]),
    ],
)
def test_stale_link_uses_defaults_and_says_so(db, app, params, names):
    at = app(**params)
    no_problems(at)
    assert _notice(at) == t("filter.reset_notice", names=", ".join(names))
    assert at.selectbox(key="ws").value == DEMO_WS
    assert at.date_input(key="dates").value == FULL_RANGE
    assert len(at.metric) == 3  # the page still renders its content


def test_valid_part_of_a_stale_link_is_kept(db, app):
    expected = nps_of(db, "Home mover")
    at = app(persona=["Home mover", "Nobody"])
    assert _notice(at) == t("filter.reset_notice", names="persona")
    assert at.multiselect(key="persona").value == ["Home mover"]
    assert {m.label: m.value for m in at.metric}[t("metric.nps")] == fmt_num(expected, "en", 1)


def test_dates_outside_the_data_say_so(db, app):
    at = app(dates=["2020-01-01", "2020-01-31"])
    no_problems(at)
    assert _notice(at) is not None or t("state.no_match") in infos(at)


def test_one_day_range_link(db, app):
    at = app(dates=["2025-09-07", "2025-09-07"])
    n = count("SELECT count(nps) FROM responses WHERE submitted_at::DATE = DATE '2025-09-07'")
    captions = [c.value for c in at.main.caption]
    assert any(f"n = {n:,}" in c for c in captions) or _notice(at) is not None, captions


@pytest.mark.parametrize(
    ("page", "params", "key", "default"),
    [
        ("overview", {"trend": "Net Promoter"}, "trend", "nps"),  # no such option
        ("heatmap", {"by": "Region"}, "by", "persona"),
        ("funnel", {"steps": ["Online application form", "Renamed step"]}, "steps", None),
    ],
)
def test_stale_page_control_falls_back_to_default(db, app, page, params, key, default):
    at = app(page, **params)
    no_problems(at)
    if key == "steps":
        assert at.multiselect(key="steps").value == ["Online application form"]
        assert t("funnelpage.need_steps") in infos(at)
    else:
        assert at.segmented_control(key=key).value == default


def test_page_controls_do_not_leak_between_pages(db, app):
    """Each page has its own URL keys, so a control never shows a value its chart did not use."""
    at = app(trend=t("metric.ces"))
    assert at.segmented_control(key="trend").value == "ces"
    at.switch_page("pages/heatmap.py").run()
    assert at.segmented_control(key="metric").value == "nps"
    assert t("definition.nps") in [c.value for c in at.main.caption]


def test_renamed_funnel_step_says_so(db, app):
    at = app("funnel", steps=["Online application form", "Renamed step"])
    assert _notice(at) == t("filter.reset_notice", names="steps")


def test_hand_written_codes_are_honoured(db, app):
    """A link typed by hand may use option codes (`metric=csat`) instead of visible labels."""
    at = app("heatmap", metric="csat", by="month")
    no_problems(at)
    assert at.segmented_control(key="metric").value == "csat"
    assert at.segmented_control(key="by").value == "month"
    assert _notice(at) is None


# A saved view or a shared link holds each control's label in the language of whoever picked it.
LINK_LANGS = [("en", "vi"), ("vi", "ro"), ("ro", "en")]


@pytest.mark.parametrize(("made_in", "read_in"), LINK_LANGS)
def test_a_link_made_in_another_language_keeps_its_controls(db, app, made_in, read_in):
    by, metric = t("page.by.month", made_in), t("metric.ces", made_in)
    assert by != t("page.by.month", read_in)  # the case is only a case if the labels differ
    at = app("heatmap", lang=read_in, by=by, metric=metric)
    no_problems(at)
    assert at.segmented_control(key="by").value == "month"
    assert at.segmented_control(key="metric").value == "ces"
    assert t("definition.ces", read_in) in [c.value for c in at.main.caption]
    assert _notice(at) is None


@pytest.mark.parametrize(("made_in", "read_in"), LINK_LANGS)
def test_journey_lanes_from_another_language_are_kept(db, app, made_in, read_in):
    lanes = ["owner", "pain", "ideas"]
    at = app("journey", lang=read_in, lanes=[t(f"canvas.lane.{x}", made_in) for x in lanes])
    no_problems(at)
    assert at.multiselect(key="lanes").value == lanes
    assert _notice(at) is None


@pytest.mark.parametrize(("made_in", "read_in"), LINK_LANGS)
def test_a_lane_link_keeps_its_known_lanes_and_reports_the_rest(db, app, made_in, read_in):
    """One unknown lane (a link from an older version) no longer resets the others; a lane
    listed twice is kept once; the reader is told the link had a value not used."""
    owner, pain = (t(f"canvas.lane.{x}", made_in) for x in ("owner", "pain"))
    at = app("journey", lang=read_in, lanes=[owner, "Horoscope", pain, owner])
    no_problems(at)
    assert at.multiselect(key="lanes").value == ["owner", "pain"]
    prefix = t("filter.reset_notice", read_in, names="").rstrip(": ")
    assert any(w.startswith(prefix) for w in warnings(at)), warnings(at)


@pytest.mark.parametrize(("made_in", "read_in"), LINK_LANGS)
def test_fix_first_controls_from_another_language_are_kept(db, app, made_in, read_in):
    at = app(
        "fix_first",
        lang=read_in,
        outcome=t("ins.outcome.conversion", made_in),
        driver=t("ins.driver.ces", made_in),
    )
    no_problems(at)
    assert at.segmented_control(key="outcome").value == "conversion"
    assert at.segmented_control(key="driver").value == "ces"
    assert _notice(at) is None
