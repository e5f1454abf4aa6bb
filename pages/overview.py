import pandas as pd
import streamlit as st

from journeylens.charts import trend as trend_charts
from journeylens.domain.metrics import METRICS
from journeylens.i18n import fmt_date_range
from journeylens.services import export
from journeylens.services.dashboards import period
from journeylens.services.funnel import FunnelSpec, format_window
from journeylens.ui import insights, page_start, periods, safe, state, widgets
from journeylens.ui.errors import shown_as_message

view = page_start()
t = view.t
st.title(t("overview.title"))
widgets.notices(view)
if widgets.needs_data(view):
    st.stop()
ws = view.workspace

with shown_as_message(t):
    kpi = view.query("kpis")
    if kpi["n"] == 0:
        widgets.no_match(view, [])
        st.stop()
    decimals = {"nps": 1, "csat": 1, "ces": 2}
    mode = periods.control(view, st, state.KPI_PERIODS)
    cmp = periods.comparison(view, mode)
    shown = kpi
    if cmp is not None:  # the tiles show the current period and its change vs the one before
        shown = view.query("kpis", dates=cmp.current.as_tuple())
        before = view.query("kpis", dates=cmp.previous.as_tuple())
        changes = period.kpi_changes(shown, before)
    tiles = st.columns(3)
    details = shown["details"]
    extras = {
        "nps": t(
            "overview.nps_shares",
            p=t.num(details["promoters_pct"], 0),
            pa=t.num(details["passives_pct"], 0),
            d=t.num(details["detractors_pct"], 0),
        ),
        "csat": t("overview.csat_mean", mean=t.num(details["csat_mean"], 2)),
        "ces": t("overview.ces_high", pct=t.num(details["ces_high_pct"], 0)),
    }
    for column, metric in zip(tiles, ("nps", "csat", "ces"), strict=True):
        m = kpi[metric]
        if not m["n"]:  # no answers to this metric: say so, not "n = 0 · interval – to –"
            column.metric(t(f"metric.{metric}"), "–", help=t(f"definition.{metric}"), border=True)
            column.caption(t(f"empty19.no_answers.{metric}"))
            continue
        if cmp is not None:
            c = changes[metric]
            delta, style = periods.delta(view, c, decimals[metric])
            column.metric(
                t(f"metric.{metric}"),
                t.num(c["value"], decimals[metric]),
                delta=delta,
                **style,
                help=t(f"definition.{metric}") + " " + t("periods16.delta_help"),
                border=True,
            )
            if c["n"]:
                column.caption(
                    t(
                        "overview.tile_caption",
                        n=t.num(c["n"], 0),
                        low=t.num(c["low"], decimals[metric]),
                        high=t.num(c["high"], decimals[metric]),
                    )
                )
            else:
                column.caption(t("periods16.no_current"))
            if c["previous_n"]:
                column.caption(
                    t(
                        "periods16.before_caption",
                        value=t.num(c["previous"], decimals[metric]),
                        n=t.num(c["previous_n"], 0),
                    )
                )
            else:
                column.caption(t("periods16.no_previous"))
            if c["n"]:
                column.caption(extras[metric])
            continue
        column.metric(
            t(f"metric.{metric}"),
            t.num(m["value"], decimals[metric]),
            delta=periods.signed(m["change"], t.lang, decimals[metric])
            if m["change"] is not None
            else None,
            **periods.delta_style(m["change"], decimals[metric]),
            help=t(f"definition.{metric}") + " " + t("overview.delta_help"),
            border=True,
        )
        column.caption(
            t(
                "overview.tile_caption",
                n=t.num(m["n"], 0),
                low=t.num(m["low"], decimals[metric]),
                high=t.num(m["high"], decimals[metric]),
            )
        )
        column.caption(extras[metric])
    if cmp is not None:
        st.caption(safe.md(periods.caption(view, cmp, shown["n"] + before["n"])))
    else:
        periods_text = {  # the compared periods as the date picker writes dates
            k: fmt_date_range(*kpi[k], t.lang) for k in ("current", "previous") if kpi.get(k)
        }
        note = t(kpi["note_key"], **{**kpi["note_params"], **periods_text})
        st.caption(safe.md(note + " · " + view.caption(kpi["n"])))

    st.subheader(t("overview.trend"))
    left, right = st.columns([3, 2])
    metric = widgets.pick_one(
        view, left, state.TREND_METRIC, "page.metric", ["nps", "csat", "ces"], "metric"
    )
    grain = widgets.pick_one(
        view, right, state.GRAIN, "overview.grain", ["month", "week"], "overview.grain"
    )
    trend = view.query("trend", grain=grain)
    trend_chart = trend_charts.kpi_trend(trend, metric, t, grain=grain, min_n=ws.min_n)
    widgets.chart(view, trend_chart, f"trend-{metric}", view.caption(kpi["n"]))

    worst_col, drop_col = st.columns([3, 2])
    with worst_col:
        st.subheader(t("overview.worst", metric=t(f"metric.{metric}"), min_n=ws.min_n))
        worst = view.query("worst_touchpoints", metric=metric, k=3)
        if worst.empty:
            st.caption(t("overview.worst_none", min_n=ws.min_n))
            worst_table = pd.DataFrame()
        else:
            cols = METRICS[metric]
            worst_table = pd.DataFrame(
                {
                    t("col.touchpoint"): worst["touchpoint"],
                    t("col.stage"): worst["stage"],
                    t(f"metric.{metric}"): [
                        t.num(v, decimals[metric]) for v in worst[cols["value"]]
                    ],
                    t("col.n"): worst[cols["n"]],
                    t("col.owner"): worst["owner"],
                }
            )
            widgets.table(view, worst_table, f"worst-{metric}")
    with drop_col:
        st.subheader(t("overview.dropoff"))
        steps = view.query("default_steps")
        biggest = None
        if len(steps) >= 2:
            spec = FunnelSpec(tuple(steps), window_seconds=ws.conversion_window_seconds)
            fun = view.query("funnel", spec=spec)
            if len(fun) and int(fun["count"].iloc[0]) > 0:
                biggest = fun.iloc[1:].sort_values("dropoff", ascending=False).iloc[0]
        if biggest is None or int(biggest["dropoff"]) == 0:
            st.caption(t("overview.dropoff_none"))
        else:
            prev = fun.iloc[int(biggest["step"]) - 2]
            st.markdown(
                safe.msg(
                    t,
                    "overview.dropoff_text",
                    count=t.num(int(biggest["dropoff"]), 0),
                    pct=t.num(100 * int(biggest["dropoff"]) / int(prev["count"]), 1),
                    prev=prev["touchpoint"],
                    step=biggest["touchpoint"],
                    window=format_window(ws.conversion_window_seconds),
                )
            )
    insights.overview_panel(view)
    st.divider()
    st.caption(t("page.report_hint"))
    widgets.report_button(
        view,
        t("overview.title"),
        [
            export.Section(t("overview.trend"), trend_chart, None, view.caption(kpi["n"])),
            export.Section(
                t("overview.worst", metric=t(f"metric.{metric}"), min_n=ws.min_n),
                None,
                worst_table,
            ),
        ],
    )
