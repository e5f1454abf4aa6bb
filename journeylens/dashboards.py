"""Dashboard queries: filters in, small aggregate DataFrames out.

Every aggregation runs in DuckDB (queries/dash_*.sql, named parameters only); this module only
adds the metric columns (journeylens.metrics.with_metrics) and a few flags to the aggregates. No
Streamlit here: pages cache and draw what these functions return.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

import duckdb
import pandas as pd

from journeylens import export, metrics, sql, themes
from journeylens.filters import Filters
from journeylens.store import Workspace

GRAINS = ("week", "month")
HEATMAP_BY = ("segment", "persona", "channel", "month", "stage")
METRIC_NAMES = ("nps", "csat", "ces")
COMMENT_COLUMNS = (
    "submitted_at", "touchpoint", "persona", "segment", "channel", "nps", "csat", "ces", "comment",
)  # fmt: skip
MAX_PAGE_SIZE = 500
CSV_MAX_ROWS = 200_000
COMPARE_MONTHS = 3
VOLUME_DROP = 0.25  # a pain point: volume falls by more than this share vs the previous touchpoint
BLANK = "—"  # label of a missing column value (heatmap columns, comment drill-down)

# Words that carry no theme, in the three UI languages (comments are lower-cased first; words
# shorter than three letters are dropped anyway).
_STOP_EN = (
    "the and for was were are but not you your with this that have has had they them "
    "their there then than too very just our out all any can could would should will "
    "been being its it's from into about after before again also because did does "
    "doing don't didn what when where which while who why how here more most much "
    "some such only own same other off over under once both each few nor yes get got "
    "really still even ever well lot lots thing things one two she her hers him his "
    "we us me my mine i'm i've it's that's know knew every right far twice thank thanks "
    "told said say says make made went come came take took need needed want wanted like "
    "just able way day days time"
)
_STOP_VI = (
    "và của là có không được cho với này rất thì mà các những một tôi bạn khi "
    "đã để nhưng quá lắm cũng nên từ trong ra vào còn đến hơn nhiều hay làm như "
    "thế nào lại vẫn sẽ đang chỉ mình chúng họ cái đó kia nữa rồi"
)
_STOP_RO = (
    "și care este sunt pentru din mai foarte fost prea dar cum unde când cel cea "
    "cei cele mult multe acest această aceasta asta ăsta fără după până doar tot "
    "toate toți însă iar sau ori fie avea aveam are aici acolo deja încă nici "
    "decât față spre între prin lui lor ale unei unui unor noi voi ei ele"
)
STOP_WORDS: tuple[str, ...] = tuple(sorted(set(" ".join((_STOP_EN, _STOP_VI, _STOP_RO)).split())))


@dataclass(frozen=True)
class Period:
    start: date
    end: date

    def as_tuple(self) -> tuple[date, date]:
        return (self.start, self.end)


# --- helpers -------------------------------------------------------------------------------


def _params(ws: Workspace, filters: Filters, **extra: Any) -> dict[str, Any]:
    params = filters.params(ws.workspace_id)
    params.update(extra)
    return params


def _check(value: str, allowed: tuple[str, ...], what: str) -> str:
    if value not in allowed:
        raise ValueError(f"{what} must be one of {', '.join(allowed)}; got {value!r}")
    return value


def _summaries(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, persona: str | None = None
) -> dict[str, bool]:
    """use_volume / use_words: whether the unfiltered view can read the per-touchpoint volume and
    comment word counts kept at load time (queries/dash_summary_refresh.sql) instead of computing
    them from every row. Only for the unfiltered view, and only while they match the data."""
    if not filters.is_empty() or persona is not None:
        return {"use_volume": False, "use_words": False}
    row = sql.run(cur, "dash_summary_fresh", workspace_id=ws.workspace_id).iloc[0]
    return {"use_volume": bool(row["volume"]), "use_words": bool(row["words"])}


def cube_is_fresh(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> bool:
    """Whether response_cube matches the workspace's data (queries/dash_cube_fresh.sql). Unlike
    the summaries above it serves every view, filtered or not: while it is fresh the score queries
    sum its few rows instead of scanning every answer; while it is stale (a write that did not
    refresh it) filtered_cube reads the rows instead, with the same results."""
    return bool(sql.run(cur, "dash_cube_fresh", workspace_id=workspace_id).iloc[0]["cube"])


def _metric_frame(df: pd.DataFrame, ws: Workspace) -> pd.DataFrame:
    return metrics.with_metrics(df, ws.min_n)


def _lower_is_worse(metric: str, ws: Workspace) -> bool:
    """NPS and CSAT: lower is worse. CES: lower is worse when a high score means easy."""
    return metric != "ces" or ws.ces_high_is_easy


def _minus_months(d: date, months: int) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 - months, 12)
    m += 1
    return date(y, m, min(d.day, monthrange(y, m)[1]))


def _as_date(value: object) -> date | None:
    if value is None or value is pd.NaT:
        return None
    try:
        if pd.isna(value):  # type: ignore[arg-type]
            return None
    except (TypeError, ValueError):
        pass
    if isinstance(value, pd.Timestamp):
        return value.date()
    if isinstance(value, date):
        return value
    return pd.Timestamp(value).date()


def comparison_periods(
    filters: Filters, first: date | None, last: date | None
) -> tuple[str, Period, Period] | None:
    """(mode, current, previous) for the KPI change, or None when there is nothing to compare.

    With a date range, the previous period is the same number of days just before it (an open
    end is closed with the first or last answer date). Without one, the last COMPARE_MONTHS
    months of data are compared with the COMPARE_MONTHS months before them (mode 'recent').
    """
    if filters.date_from or filters.date_to:
        start = filters.date_from or first
        end = filters.date_to or last
        if start is None or end is None or end < start:
            return None
        days = (end - start).days + 1
        prev_end = start - timedelta(days=1)
        return "range", Period(start, end), Period(prev_end - timedelta(days=days - 1), prev_end)
    if last is None:
        return None
    start = _minus_months(last, COMPARE_MONTHS) + timedelta(days=1)
    prev_end = start - timedelta(days=1)
    prev_start = _minus_months(start, COMPARE_MONTHS)
    return "recent", Period(start, last), Period(prev_start, prev_end)


def _metric_summary(row: pd.Series, metric: str) -> dict[str, Any]:
    cols = metrics.METRICS[metric]
    return {
        "value": metrics.finite(row[cols["value"]]),
        "low": metrics.finite(row[cols["low"]]),
        "high": metrics.finite(row[cols["high"]]),
        "n": int(row[cols["n"]]),
        "reliable": bool(row[f"{metric}_reliable"]),
    }


def _significant(cur: dict[str, Any], prev: dict[str, Any]) -> bool | None:
    """A two-sided z-test at 95% from the two intervals (their half-widths give the SEs)."""
    parts = (cur["value"], cur["low"], cur["high"], prev["value"], prev["low"], prev["high"])
    if any(p is None for p in parts):
        return None
    se_cur = (cur["high"] - cur["low"]) / (2 * metrics.Z95)
    se_prev = (prev["high"] - prev["low"]) / (2 * metrics.Z95)
    se = (se_cur**2 + se_prev**2) ** 0.5
    if se == 0:
        return cur["value"] != prev["value"]
    return abs(cur["value"] - prev["value"]) / se > metrics.Z95


# --- KPIs and trend ------------------------------------------------------------------------


def kpis(cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters) -> dict[str, Any]:
    """Overall NPS / CSAT / CES / emotion with n and 95% interval, and the change vs before.

    Returns {"n": answers in view, "mode": "range" | "recent" | None,
    "current": (start, end) | None, "previous": (start, end) | None,
    "note_key" / "note_params": the sentence that says which periods are compared,
    "nps" | "csat" | "ces" | "emotion": {value, low, high, n, reliable (the whole filtered view),
    current, current_n, previous, previous_n, change, significant}}.
    """
    use_cube = cube_is_fresh(cur, ws.workspace_id)
    dates = sql.run(cur, "dash_response_dates", **_params(ws, filters, use_cube=use_cube)).iloc[0]
    first, last = _as_date(dates["first_date"]), _as_date(dates["last_date"])
    periods = comparison_periods(filters, first, last)
    mode = periods[0] if periods else None
    current, previous = (periods[1], periods[2]) if periods else (None, None)
    counts = sql.run(
        cur,
        "dash_kpis",
        **_params(
            ws,
            filters,
            cur_from=current.start if current else None,
            cur_to=current.end if current else None,
            prev_from=previous.start if previous else date(1, 1, 1),
            prev_to=previous.end if previous else date(1, 1, 1),
            use_cube=use_cube,
        ),
    )
    df = _metric_frame(counts, ws).set_index("period")
    out: dict[str, Any] = {
        "n": int(dates["n"]),
        "mode": mode,
        "current": current.as_tuple() if current else None,
        "previous": previous.as_tuple() if previous else None,
        "note_key": f"dash.kpi.compare_{mode}" if mode else "dash.kpi.compare_none",
        "note_params": (
            {
                "current": f"{current.start.isoformat()} – {current.end.isoformat()}",
                "previous": f"{previous.start.isoformat()} – {previous.end.isoformat()}",
                "months": COMPARE_MONTHS,
            }
            if current and previous
            else {}
        ),
    }
    overall = df.loc["overall"]
    out["details"] = {
        key: metrics.finite(overall[key])
        for key in ("promoters_pct", "passives_pct", "detractors_pct", "csat_mean", "ces_high_pct")
    }
    emotion_cols = {"value": "emotion_mean", "low": "emotion_low", "high": "emotion_high"}
    for metric in (*METRIC_NAMES, "emotion"):
        summaries = {}
        for period in ("overall", "current", "previous"):
            row = df.loc[period]
            if metric == "emotion":
                summaries[period] = {
                    **{k: metrics.finite(row[c]) for k, c in emotion_cols.items()},
                    "n": int(row["n_emotion"]),
                    "reliable": bool(row["emotion_reliable"]),
                }
            else:
                summaries[period] = _metric_summary(row, metric)
        now, before = summaries["current"], summaries["previous"]
        if not periods:
            now = {"value": None, "n": 0, "low": None, "high": None}
            before = dict(now)
        change = (
            now["value"] - before["value"]
            if now["value"] is not None and before["value"] is not None
            else None
        )
        out[metric] = {
            **summaries["overall"],
            "current": now["value"],
            "current_n": now["n"],
            "previous": before["value"],
            "previous_n": before["n"],
            "change": change,
            "significant": _significant(now, before) if change is not None else None,
        }
    return out


def trend(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, grain: str = "month"
) -> pd.DataFrame:
    """Score counts and metrics per period (the first day of the week or month)."""
    _check(grain, GRAINS, "grain")
    use_cube = cube_is_fresh(cur, ws.workspace_id)
    df = sql.run(cur, "dash_trend", **_params(ws, filters, grain=grain, use_cube=use_cube))
    df["period"] = pd.to_datetime(df["period"])
    return _metric_frame(df, ws)


# --- touchpoints ---------------------------------------------------------------------------


def touchpoint_metrics(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters
) -> pd.DataFrame:
    """One row per touchpoint in journey order: definition, volume, score counts and metrics."""
    use = _summaries(cur, ws, filters)
    df = sql.run(
        cur,
        "dash_touchpoints",
        **_params(
            ws,
            filters,
            use_volume=use["use_volume"],
            use_cube=cube_is_fresh(cur, ws.workspace_id),
        ),
    )
    return _metric_frame(df, ws)


def worst_touchpoints(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    metric: str = "nps",
    k: int = 3,
) -> pd.DataFrame:
    """The k touchpoints with the worst value of metric, among those with n >= ws.min_n."""
    _check(metric, METRIC_NAMES, "metric")
    cols = metrics.METRICS[metric]
    df = touchpoint_metrics(cur, ws, filters)
    df = df[metrics.reliable(df[cols["n"]], ws.min_n) & df[cols["value"]].notna()]
    df = df.sort_values(
        [cols["value"], "position"], ascending=[_lower_is_worse(metric, ws), True], kind="stable"
    )
    return df.head(max(k, 0)).reset_index(drop=True)


def heatmap(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    by: str = "segment",
    metric: str = "nps",
) -> pd.DataFrame:
    """Cells touchpoint (journey order) x column with value, n and reliable (n >= min_n).

    Columns: position, touchpoint, stage, column, column_position, value, low, high, n,
    reliable, metric, by (plus the score counts and all metric columns).
    """
    _check(by, HEATMAP_BY, "by")
    _check(metric, METRIC_NAMES, "metric")
    use_cube = cube_is_fresh(cur, ws.workspace_id)
    df = sql.run(cur, "dash_heatmap", **_params(ws, filters, by=by, use_cube=use_cube))
    df = _metric_frame(df, ws)
    cols = metrics.METRICS[metric]
    df["value"] = df[cols["value"]]
    df["low"] = df[cols["low"]]
    df["high"] = df[cols["high"]]
    df["n"] = df[cols["n"]].astype("int64")
    df["reliable"] = metrics.reliable(df["n"], ws.min_n)
    df["metric"] = metric
    df["by"] = by
    return df[df["n"] > 0].reset_index(drop=True)


def emotion_curve(
    cur: duckdb.DuckDBPyConnection, ws: Workspace, filters: Filters, by_persona: bool = False
) -> pd.DataFrame:
    """Mean emotion per touchpoint (journey order), overall (persona = None) or per persona.

    Columns: position, touchpoint, stage, stage_order, step_order, persona, emotion_mean,
    emotion_low, emotion_high, n (= n_emotion), reliable, emotion_source ('emotion' | 'csat' |
    'nps', the source of most answers), src_emotion / src_csat / src_nps and pain_point
    (mean below ws.emotion_threshold).
    """
    use_cube = cube_is_fresh(cur, ws.workspace_id)
    df = sql.run(
        cur,
        "dash_emotion",
        **_params(ws, filters, by_persona=bool(by_persona), use_cube=use_cube),
    )
    df = _metric_frame(df, ws)
    df = df[df["n_emotion"] > 0].reset_index(drop=True)
    df["n"] = df["n_emotion"]
    df["reliable"] = df["emotion_reliable"]
    # a pain point needs the minimum n: one unhappy answer is not "the" pain point
    low = (df["emotion_mean"] < ws.emotion_threshold).fillna(False).astype(bool)
    df["pain_point"] = low & df["reliable"].astype(bool)
    if not by_persona:
        df["persona"] = None
    return df


def dominant_emotion_source(df: pd.DataFrame) -> str | None:
    """The source ('emotion' | 'csat' | 'nps') behind most emotion values of a frame."""
    if df.empty or not {"src_emotion", "src_csat", "src_nps"} <= set(df.columns):
        return None
    totals = {s: float(df[f"src_{s}"].sum()) for s in ("emotion", "csat", "nps")}
    best = max(totals, key=lambda s: totals[s])
    return best if totals[best] > 0 else None


def journey_lanes(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    persona: str | None = None,
) -> pd.DataFrame:
    """Per touchpoint (journey order), the lanes of the journey map.

    Columns include: position, touchpoint, stage, stage_order, step_order, goal, channel, owner,
    target_csat, volume, volume_source, volume_prev, volume_change, emotion_mean (+ interval),
    emotion_source, nps, csat (+ intervals and *_reliable), n (answers), themes (up to three
    terms that mark the touchpoint's detractors, else its CSAT 1-3 answers, against the happy
    ones: themes.lane_terms), pain_point and pain_reasons ('below_target',
    'low_emotion', 'volume_drop').
    """
    df = sql.run(
        cur,
        "dash_journey_lanes",
        **_params(
            ws,
            filters,
            persona=persona,
            stopwords=list(STOP_WORDS),
            min_word_freq=THEME_MIN_FREQ,
            **_summaries(cur, ws, filters, persona),
            use_cube=cube_is_fresh(cur, ws.workspace_id),
        ),
    )
    df = _metric_frame(df, ws)
    df["n"] = df["n_responses"].astype("int64")
    prev = pd.to_numeric(df["volume_prev"], errors="coerce")
    vol = pd.to_numeric(df["volume"], errors="coerce")
    df["volume_change"] = ((vol - prev) / prev).where(prev > 0)
    reasons: list[str] = []
    for row in df.itertuples(index=False):
        # Only what the data supports: each reason needs at least the minimum n behind it.
        why = []
        target, csat = metrics.finite(row.target_csat), metrics.finite(row.csat)
        if (
            target is not None
            and csat is not None
            and csat < target
            and metrics.reliable(row.n_csat, ws.min_n)
        ):
            why.append("below_target")
        emo = metrics.finite(row.emotion_mean)
        if (
            emo is not None
            and emo < ws.emotion_threshold
            and metrics.reliable(row.n_emotion, ws.min_n)
        ):
            why.append("low_emotion")
        change, before = metrics.finite(row.volume_change), metrics.finite(row.volume_prev)
        if change is not None and change < -VOLUME_DROP and metrics.reliable(before or 0, ws.min_n):
            why.append("volume_drop")
        reasons.append(",".join(why))
    df["pain_reasons"] = reasons
    df["pain_point"] = df["pain_reasons"] != ""
    # the themes lane: what each touchpoint's unhappy customers say that happy ones do not
    # (journeylens/themes.py, issue 15), in place of the query's most frequent words
    lane = themes.lane_terms(cur, ws.workspace_id, filters, persona)
    df["themes"] = [lane.get(str(tp), "") for tp in df["touchpoint"]]
    return df


THEME_MIN_FREQ = 2  # a word must appear at least this often at a touchpoint to be a theme


# --- comments ------------------------------------------------------------------------------


def like_pattern(search: str) -> str:
    """The search text as a literal ILIKE fragment: \\ % and _ escaped (ESCAPE '\\')."""
    return search.strip().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _comment_params(
    ws: Workspace,
    filters: Filters,
    search: str,
    touchpoint: str | None,
    column_filter: tuple[str, str] | None,
) -> dict[str, Any]:
    col_by, col_value = (None, None)
    if column_filter is not None:
        col_by, col_value = column_filter
        _check(col_by, HEATMAP_BY, "column filter")
        col_value = BLANK if col_value is None else str(col_value)
    return _params(
        ws,
        filters,
        pattern=like_pattern(search or ""),
        touchpoint=touchpoint or None,
        col_by=col_by,
        col_value=col_value,
    )


def comments(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    search: str = "",
    touchpoint: str | None = None,
    column_filter: tuple[str, str] | None = None,
    page: int = 1,
    page_size: int = 50,
) -> tuple[pd.DataFrame, int]:
    """(one page of comments newest first, total number of matching comments).

    search matches the comment text case-insensitively as plain text (% and _ are not
    wildcards). column_filter = (by, value) narrows to one heatmap column, e.g. ("segment", "B2B").
    """
    page_size = max(1, min(int(page_size), MAX_PAGE_SIZE))
    page = max(1, int(page))
    params = _comment_params(ws, filters, search, touchpoint, column_filter)
    use_cube = cube_is_fresh(cur, ws.workspace_id)
    total = int(sql.run(cur, "dash_comments_count", **params, use_cube=use_cube).iloc[0]["total"])
    df = sql.run(
        cur,
        "dash_comments",
        **params,
        page_limit=page_size,
        page_offset=(page - 1) * page_size,
        mask_pii=ws.mask_pii,
    )
    return df[list(COMMENT_COLUMNS)].head(page_size), total


def comments_csv(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    search: str = "",
    touchpoint: str | None = None,
    column_filter: tuple[str, str] | None = None,
    headers: dict[str, str] | None = None,
) -> bytes:
    """All matching comments (up to CSV_MAX_ROWS) as UTF-8 CSV with a BOM (Excel-friendly).

    headers optionally renames the columns (e.g. translated titles).
    """
    params = _comment_params(ws, filters, search, touchpoint, column_filter)
    df = sql.run(
        cur,
        "dash_comments",
        **params,
        page_limit=CSV_MAX_ROWS,
        page_offset=0,
        mask_pii=ws.mask_pii,
    )
    return export.table_csv(df[list(COMMENT_COLUMNS)], headers)


# --- sidebar options -----------------------------------------------------------------------


def filter_options(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> dict[str, Any]:
    """Distinct personas, segments, channels; stages and touchpoints in journey order; the first
    and last date across answers and events (None when the workspace is empty)."""
    fresh = sql.run(cur, "dash_summary_fresh", workspace_id=workspace_id).iloc[0]
    row = sql.run(
        cur, "dash_filter_options", workspace_id=workspace_id, use_facets=bool(fresh["facets"])
    ).iloc[0]
    out: dict[str, Any] = {
        key: [str(v) for v in (row[key] if row[key] is not None else [])]
        for key in ("personas", "segments", "channels", "stages", "touchpoints")
    }
    out["first_date"] = _as_date(row["first_date"])
    out["last_date"] = _as_date(row["last_date"])
    return out
