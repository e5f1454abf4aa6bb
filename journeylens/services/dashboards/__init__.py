"""Dashboard queries: filters in, small aggregate DataFrames out.

Every aggregation runs in DuckDB (queries/dash_*.sql, named parameters only); this package only
adds the metric columns (journeylens.domain.metrics.with_metrics) and a few flags to the aggregates. No
Streamlit here: pages cache and draw what these functions return.

scores: kpis and trend; period: which periods the KPI change compares; touchpoints: the
touchpoint table, worst touchpoints, heatmap and emotion curve; lanes: the journey map;
comment_search: the comment drill-down and its CSV; options: the sidebar's choices; sources: what
they share (checks, cube and summary freshness). The names pages use are re-exported
here, so a page says dashboards.kpis(...) without knowing the layout.
"""

from journeylens.services.dashboards.comment_search import COMMENT_COLUMNS, comments, comments_csv
from journeylens.services.dashboards.lanes import (
    STOP_WORDS,
    THEME_MIN_FREQ,
    compare_lanes,
    journey_lanes,
)
from journeylens.services.dashboards.options import filter_options
from journeylens.services.dashboards.scores import kpis, response_dates, trend
from journeylens.services.dashboards.sources import BLANK, GRAINS, HEATMAP_BY, METRIC_NAMES
from journeylens.services.dashboards.touchpoints import (
    dominant_emotion_source,
    emotion_curve,
    heatmap,
    touchpoint_metrics,
    worst_touchpoints,
)

__all__ = [
    "BLANK",
    "COMMENT_COLUMNS",
    "GRAINS",
    "HEATMAP_BY",
    "METRIC_NAMES",
    "STOP_WORDS",
    "THEME_MIN_FREQ",
    "comments",
    "comments_csv",
    "dominant_emotion_source",
    "emotion_curve",
    "filter_options",
    "heatmap",
    "compare_lanes",
    "journey_lanes",
    "kpis",
    "response_dates",
    "touchpoint_metrics",
    "trend",
    "worst_touchpoints",
]
