"""Fix first, Alerts and the overview panel under AppTest: links restore the controls, the
numbers on the page are the package's, three languages, and the Data page's driver questions."""

from __future__ import annotations

import re

from journeylens.domain.filters import Filters
from journeylens.i18n import Translator, t
from journeylens.services import demo
from journeylens.services.insights import alerts, drivers, words
from tests.conftest import shown

from .conftest import count, no_problems, store_of


def plain(text: str) -> str:
    """A markdown element's text as the reader sees it (escapes and colour tags removed)."""
    text = re.sub(r":gray\[(.*)\]$", r"\1", text, flags=re.S)
    return re.sub(r"\\(.)", r"\1", text)


def model(persona: str | None = None, **spec):
    st = store_of()
    ws = st.require_workspace(demo.DEMO_WORKSPACE)
    cur = st.cursor()
    try:
        filters = Filters(personas=(persona,)) if persona else Filters()
        return drivers.run(cur, ws, filters, drivers.resolve(drivers.options(cur, ws), **spec))
    finally:
        cur.close()


def test_fix_first_shows_the_models_sentences(db, app):
    at = app("fix_first")
    no_problems(at)
    result = model()
    texts = [plain(m.value) for m in at.markdown]
    assert words.drivers_summary(result, Translator("en")) in texts
    ranked = next(x for x in texts if x.startswith("1. "))
    for i, line in enumerate(words.driver_lines(result, Translator("en")), start=1):
        assert f"{i}. {line}" in ranked
    assert ranked.startswith(f"1. {demo.CALL}: CSAT")
    table = at.dataframe[0].value
    assert table[t("ins.col.driver")].tolist() == result.drivers["driver"].tolist()
    labels = [b.label for b in at.get("download_button")]
    assert {t("export.png"), t("export.csv"), t("export.report")} <= set(labels)


def test_fix_first_link_restores_the_controls_and_filters(db, app):
    at = app("fix_first", outcome="conversion", driver="ces", persona="Home mover", lang="ro")
    no_problems(at)
    assert at.title[0].value == t("fixpage.title", "ro")
    assert at.segmented_control(key="outcome").value == "conversion"
    assert at.segmented_control(key="driver").value == "ces"
    result = model("Home mover", outcome="conversion", driver="ces")
    texts = [plain(m.value) for m in at.markdown]
    assert words.drivers_summary(result, Translator("ro")) in texts
    ro = Translator("ro")
    caption = (
        Filters(personas=("Home mover",)).caption(ro, (at.date_input[0].min, at.date_input[0].max))
        + " · "
        + ro("common.n", n=ro.num(result.n, 0))
    )
    assert caption in [shown(c.value) for c in at.main.caption]  # under the charts: filters and n


def test_fix_first_outcome_touchpoint_from_the_link(db, app):
    at = app("fix_first", otp=demo.OFFER, lang="vi")
    no_problems(at)
    assert at.selectbox(key="otp").value == demo.OFFER
    texts = [plain(m.value) for m in at.markdown]
    assert words.drivers_summary(model(touchpoint=demo.OFFER), Translator("vi")) in texts


def test_stale_outcome_touchpoint_falls_back_with_a_notice(db, app):
    at = app("fix_first", otp="A touchpoint that was renamed")
    assert not at.exception
    assert at.selectbox(key="otp").value == demo.FINAL
    assert any("otp" in w.value for w in at.warning)


def test_alerts_page_lists_each_change_with_its_chart(db, app):
    at = app("alerts")
    no_problems(at)
    st = store_of()
    ws = st.require_workspace(demo.DEMO_WORKSPACE)
    cur = st.cursor()
    try:
        found = alerts.run(cur, ws, Filters(), alerts.AlertSpec())
    finally:
        cur.close()
    assert found.count >= 1
    assert at.subheader[0].value.replace("\\", "") == words.alerts_summary(found, Translator("en"))
    texts = [plain(m.value) for m in at.markdown]
    for line in words.alert_lines(found, Translator("en")):
        assert line in texts
    assert len(at.get("vega_lite_chart")) == found.count
    assert len(at.dataframe[0].value) == found.count


def test_alerts_link_restores_period_and_comparison(db, app):
    at = app("alerts", a_period="week", a_compare="year", lang="vi")
    no_problems(at)
    assert at.segmented_control(key="a_period").value == "week"
    assert at.segmented_control(key="a_compare").value == "year"
    assert at.title[0].value == t("alertspage.title", "vi")


def test_overview_lists_fix_first_and_alerts_with_links(db, app):
    at = app()
    no_problems(at)
    result = model()
    top = drivers.fix_first(result)
    assert top["driver"].tolist() == [demo.CALL]
    texts = [plain(m.value) for m in at.markdown]
    assert any(x.startswith(f"1. **{demo.CALL}**:") for x in texts)
    assert t("ins.overview.fix_title") in [s.value for s in at.subheader]
    assert any("significant change" in x for x in texts)
    links = {p.label for p in at.get("page_link")}
    assert {t("ins.overview.fix_link"), t("ins.overview.alerts_link")} <= links


WIDE = (
    "ResponseId,How likely are you to recommend us?,Staff rating,Speed rating,Comment\n"
    + "\n".join(f"R{i},{(i * 7) % 11},{1 + i % 5},{1 + (i * 3) % 5},ok" for i in range(60))
    + "\n"
).encode()


def test_data_page_marks_driver_questions(empty_db, app):
    at = app("data")
    at.file_uploader(key="upload_file").set_value(("wide.csv", WIDE, "text/csv")).run()
    no_problems(at)
    box = next(m for m in at.multiselect if m.key and m.key.startswith("driver_cols_"))
    assert box.label == t("ins.data.columns")
    assert set(box.options) == {"Staff rating", "Speed rating"}  # numeric, not mapped
    box.set_value(["Staff rating", "Speed rating"]).run()
    at.button(key="load_btn").click().run()
    no_problems(at)
    assert t("ins.data.columns_saved", columns="Staff rating, Speed rating") in at.success[0].value
    assert count("SELECT count(*) FROM driver_columns") == 2
    at.switch_page("pages/fix_first.py").run()
    no_problems(at)
    assert t("ins.driver.columns") in at.segmented_control(key="driver").options
    assert at.selectbox(key="otp").value == drivers.OVERALL  # the file's NPS has no touchpoint
    at.segmented_control(key="driver").set_value("columns").run()
    no_problems(at)
    shown = at.dataframe[0].value[t("ins.col.driver")]
    assert set(shown) == {"Staff rating", "Speed rating"}
    assert at.dataframe[0].value[t("ins.col.n")].tolist() == [60, 60]
