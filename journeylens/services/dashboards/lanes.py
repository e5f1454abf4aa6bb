"""The journey map lanes: per touchpoint its definition, volume, emotion, scores, themes and the
reasons it is a pain point."""

from __future__ import annotations

import duckdb
import pandas as pd

from journeylens.domain import metrics
from journeylens.domain.filters import Filters, rule_key
from journeylens.services import themes
from journeylens.services.dashboards import sources
from journeylens.storage import queries
from journeylens.storage.store import Workspace

VOLUME_DROP = 0.25  # a pain point: volume falls by more than this share vs the previous touchpoint
THEME_MIN_FREQ = 2  # a word must appear at least this often at a touchpoint to be a theme

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


def journey_lanes(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    persona: str | None = None,
    persona_rule: str | None = None,
) -> pd.DataFrame:
    """Per touchpoint (journey order), the lanes of the journey map, of everyone or of one
    persona: `persona_rule` (a defined persona's rule, filters.rule_key) or else `persona` (a
    value of the persona column).

    Columns include: position, touchpoint, stage, stage_order, step_order, goal, channel, owner,
    target_csat, volume, volume_source, volume_prev, volume_change, emotion_mean (+ interval),
    emotion_source, nps, csat (+ intervals and *_reliable), n (answers), themes (up to three
    terms that mark the touchpoint's detractors, else its CSAT 1-3 answers, against the happy
    ones: themes.lane_terms), pain_point and pain_reasons ('below_target',
    'low_emotion', 'volume_drop').
    """
    if persona_rule is None and persona is not None:
        persona_rule = rule_key("persona", persona)
    df = queries.dash_journey_lanes(
        cur,
        filters=filters,
        workspace_id=ws.workspace_id,
        persona=persona_rule,
        stopwords=list(STOP_WORDS),
        min_word_freq=THEME_MIN_FREQ,
        **sources.summaries_in_use(cur, ws, filters, persona_rule),
        use_cube=sources.cube_is_fresh(cur, ws.workspace_id),
    )
    df = sources.metric_frame(df, ws)
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
    # (journeylens/services/themes.py, issue 15), in place of the query's most frequent words
    lane = themes.lane_terms(cur, ws.workspace_id, filters, persona_rule)
    df["themes"] = [lane.get(str(tp), "") for tp in df["touchpoint"]]
    return df


COMPARED = ("nps", "csat", "ces")


def compare_lanes(first: pd.DataFrame, second: pd.DataFrame, min_n: int) -> pd.DataFrame:
    """The second persona's lanes with, per touchpoint and score, the difference from the first
    (`<metric>_diff`, second minus first, in display units) and whether it is more than chance
    (`<metric>_significant`: the alerts' two-sample test, alert_cells.change_test, at 5 %, only
    where both sides have the minimum n)."""
    from journeylens.services.insights import alert_cells  # noqa: PLC0415 (insights stand on dashboards)

    mine = {str(r["touchpoint"]): r for r in first.to_dict("records")}
    out = second.copy()
    for metric in COMPARED:
        n_col = metrics.METRIC_COLUMNS[metric]["n"]
        value = metrics.METRIC_COLUMNS[metric]["value"]
        diffs: list[float | None] = []
        flags: list[bool] = []
        for r in second.to_dict("records"):
            a = mine.get(str(r["touchpoint"]))
            va, vb = (
                (None, None) if a is None else (metrics.finite(a[value]), metrics.finite(r[value]))
            )
            if va is None or vb is None:
                diffs.append(None)
                flags.append(False)
                continue
            diffs.append(vb - va)
            testable = min(float(a[n_col] or 0), float(r[n_col] or 0)) >= max(min_n, 2)
            flags.append(bool(testable and alert_cells.change_test(metric, r, a).p_value < 0.05))
        out[f"{metric}_diff"] = diffs
        out[f"{metric}_significant"] = flags
    return out
