"""Altair builders: an aggregate DataFrame (from journeylens.services.dashboards, funnel, paths or
insights) in, a chart out, one module per view.

Pure functions: no I/O, no Streamlit. Every builder takes a `t` translator
(journeylens.i18n.Translator) for titles and axis titles, formats numbers in the UI language and
returns a chart already configured with the one theme (theme.py) plus the language's number
locale, so the app can draw it with `st.altair_chart(chart, theme=None)`. Altair's 5,000-row guard
stays on: builders pass their input rows through, so an unaggregated frame fails in to_dict().

Nothing is re-exported here: callers import the view module under a `_charts` name, e.g.
`from journeylens.charts import funnel as funnel_charts`, then `funnel_charts.funnel(df, t)`, so
a chart module never shadows the data module of the same name (journeylens.services.funnel, .paths).
"""
