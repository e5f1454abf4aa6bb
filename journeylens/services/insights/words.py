"""The insights in a manager's words, in the reader's language (no Streamlit, no I/O).

Every sentence is built from catalogue messages (journeylens/i18n/catalog_insights.py) with
numbers formatted by the Translator, so the page, the exports and the CLI say the same thing.
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

import pandas as pd

from journeylens.i18n import Translator, fmt_signed, vega_locale
from journeylens.services.funnel import format_window
from journeylens.services.insights.alerts import AlertResult
from journeylens.services.insights.drivers import DriverResult, DriverSpec
from journeylens.services.insights.drivers.inputs import BUCKETS, MAX_CUSTOMERS


def _finite(value: Any) -> float | None:
    try:
        f = float(value)
    except (TypeError, ValueError):
        return None
    return f if math.isfinite(f) else None


def pct(t: Translator, fraction: Any, decimals: int = 0) -> str:
    """A fraction (0..1) as a percentage in the reader's number format."""
    f = _finite(fraction)
    return "–" if f is None else f"{t.num(100 * f, decimals)}%"


def outcome_label(spec: DriverSpec, t: Translator) -> str:
    if spec.outcome == "conversion":
        return t("ins.outcome_label.conversion")
    if spec.outcome_touchpoint is None:
        return t("ins.outcome_label.nps_overall")
    return t("ins.outcome_label.nps_at", touchpoint=spec.outcome_touchpoint)


def performance_text(metric: str, value: Any, t: Translator) -> str:
    """'71%' for CSAT, '4.85' for CES, '+0.42' for emotion, '3.9' for a question's mean."""
    f = _finite(value)
    if f is None:
        return "–"
    if metric == "csat":
        return f"{t.num(f, 0)}%"
    if metric == "emotion":
        return fmt_signed(f, t.lang, 2)
    return t.num(f, 2)


def perf_phrase(row: dict[str, Any], metric: str, t: Translator) -> str:
    value = performance_text(metric, row.get("performance"), t)
    target = _finite(row.get("target"))
    name = t(f"ins.perf.{metric}")
    if target is not None:
        return t("ins.line.perf_target", metric=name, value=value, target=f"{t.num(target, 0)}%")
    return t("ins.line.perf", metric=name, value=value)


def driver_line(row: dict[str, Any], result: DriverResult, t: Translator) -> str:
    """One sentence per driver, e.g. 'Contact-centre call: CSAT 12% (target 60%), the strongest
    driver of NPS at Final confirmation (31% of explained variance, 95% interval 24–38%);
    customers unhappy there converted 41% vs 78%; 1,361 customers at stake.'"""
    outcome = outcome_label(result.spec, t)
    if not row.get("distinguishable"):
        rank = t("ins.line.noise", outcome=outcome)
    elif int(row["rank"]) == 1:
        rank = t("ins.line.rank1", outcome=outcome)
    else:
        rank = t("ins.line.rank", rank=int(row["rank"]), outcome=outcome)
    share = t(
        "ins.line.share",
        share=pct(t, row["importance"]),
        low=pct(t, row["importance_low"]),
        high=pct(t, row["importance_high"]),
    )
    text = f"{row['driver']}: {perf_phrase(row, result.spec.driver, t)}, {rank} ({share})"
    impact = row.get("conversion_impact")
    if isinstance(impact, dict):
        if impact.get("difference") is not None:
            text += "; " + t(
                "ins.line.impact",
                dis=pct(t, impact["dissatisfied_rate"]),
                sat=pct(t, impact["satisfied_rate"]),
                at_stake=t.num(impact["at_stake"], 0),
            )
        else:
            text += "; " + t(
                "ins.line.impact_few",
                n_sat=t.num(impact["n_satisfied"], 0),
                n_dis=t.num(impact["n_dissatisfied"], 0),
            )
    text += "; " + t("ins.line.n", n=t.num(row["n"], 0))
    return text + "."


def driver_lines(result: DriverResult, t: Translator) -> list[str]:
    return [driver_line(r, result, t) for r in result.drivers.to_dict("records")]


def drivers_summary(result: DriverResult, t: Translator) -> str:
    """R² in words, or why there is no model."""
    outcome = outcome_label(result.spec, t)
    if result.empty:
        key = f"ins.reason.{result.reason or 'no_drivers'}"
        return t(key, outcome=outcome, min_n=result.min_n)
    return t(
        "ins.summary",
        r2=pct(t, result.r2),
        outcome=outcome,
        low=pct(t, result.r2_low),
        high=pct(t, result.r2_high),
        n=t.num(result.n, 0),
    )


def method_text(result: DriverResult, t: Translator) -> str:
    key = (
        "ins.method.relative_weights"
        if result.method == "relative_weights"
        else "ins.method.shapley"
    )
    return t(
        key,
        k=len(result.drivers),
        resamples=result.resamples,
        buckets=BUCKETS,
        seed=result.spec.seed,
    )


def notes(result: DriverResult, t: Translator) -> list[tuple[str, str]]:
    """(level, text): collinearity ('warning') and the drivers left out of the model ('note')."""
    out: list[tuple[str, str]] = []
    if result.sample < 1000 and not result.empty:
        out.append(("note", t("ins.sample", share=pct(t, result.sample / 1000, 1),
                              cap=t.num(MAX_CUSTOMERS, 0))))  # fmt: skip
    if result.high_vif:
        out.append(("warning", t("ins.vif_high", drivers=", ".join(result.high_vif))))
    ex = result.excluded
    if len(ex):
        for reason, key in (
            ("below_min_n", "ins.excluded.below_min_n"),
            ("driver_constant", "ins.excluded.constant"),
            ("outcome_constant", "ins.excluded.constant"),
            ("too_many", "ins.excluded.too_many"),
        ):
            names = [
                f"{r['driver']} (n = {t.num(r['n'], 0)})"
                for r in ex[ex["reason"] == reason].to_dict("records")
            ]
            if names:
                out.append(("note", t(key, drivers=", ".join(names), min_n=result.min_n)))
    return out


# --- alerts -----------------------------------------------------------------------------------


def period_text(start: date | None, grain: str, t: Translator) -> str:
    """'October 2026' / 'tháng mười 2026' / 'octombrie 2026'; 'week of 2026-10-19'."""
    if start is None:
        return "–"
    if grain == "month":
        month = vega_locale(t.lang)["time"]["months"][start.month - 1]
        if t.lang == "vi":
            month = month[0].lower() + month[1:]
        return f"{month} {start.year}"
    day = start.isoformat() if t.lang == "en" else start.strftime("%d/%m/%Y")
    return t("ins.week_of", date=day)


def metric_text(metric: str, t: Translator, next_touchpoint: Any = None) -> str:
    if metric == "conversion":
        nxt = next_touchpoint if isinstance(next_touchpoint, str) and next_touchpoint else "–"
        return t("ins.metric.conversion", next=nxt)
    return t(f"metric.{metric}")


def metric_value(metric: str, value: Any, t: Translator, signed: bool = False) -> str:
    """A value (or with signed=True a change) in the metric's unit: NPS points, % and
    percentage points for shares, the CES mean."""
    f = _finite(value)
    if f is None:
        return "–"
    decimals = 2 if metric == "ces" else 1
    text = fmt_signed(f, t.lang, decimals) if signed else t.num(f, decimals)
    if metric in ("csat", "conversion"):
        text += " " + t("ins.pp") if signed else "%"
    return text


def _q(value: Any, t: Translator) -> str:
    f = _finite(value)
    if f is None:
        return "–"
    return "< " + t.num(0.001, 3) if f < 0.001 else "= " + t.num(f, 3)


def alerts_summary(result: AlertResult, t: Translator) -> str:
    grain = result.spec.period
    if result.reason or result.current is None or result.baseline is None:
        key = f"ins.alerts.reason.{result.reason or 'no_data'}"
        return t(
            key,
            grain=t(f"ins.grain.{grain}"),
            period=period_text(result.current[0] if result.current else None, grain, t),
        )
    period = period_text(result.current[0], grain, t)
    baseline = period_text(result.baseline[0], grain, t)
    if not result.count:
        return t("ins.alerts.none", period=period, baseline=baseline, tested=len(result.cells))
    return t.plural(
        "ins.alerts.summary", result.count, count=t.num(result.count, 0), baseline=baseline
    )


def alert_line(row: dict[str, Any], result: AlertResult, t: Translator) -> str:
    grain = result.spec.period
    assert result.current is not None and result.baseline is not None
    period = period_text(result.current[0], grain, t)
    baseline = period_text(result.baseline[0], grain, t)
    metric = row["metric"]
    common = {
        "touchpoint": row["touchpoint"],
        "period": period,
        "baseline": baseline,
        "current": metric_value(metric, row["current"], t),
        "previous": metric_value(metric, row["previous"], t),
        "n_current": t.num(row["n_current"], 0),
        "n_previous": t.num(row["n_previous"], 0),
        "q": _q(row["q_value"], t),
    }
    if row["kind"] == "below_target":
        return t(
            "ins.alerts.line.below_target",
            target=f"{t.num(row['target'], 0)}%",
            **common,
        )
    key = "ins.alerts.line.down" if row["change"] < 0 else "ins.alerts.line.up"
    return t(
        key,
        metric=metric_text(metric, t, row.get("next_touchpoint")),
        change=metric_value(metric, row["change"], t, signed=True),
        **common,
    )


def alert_lines(result: AlertResult, t: Translator) -> list[str]:
    return [alert_line(r, result, t) for r in result.alerts.to_dict("records")]


def alerts_method(result: AlertResult, t: Translator, min_n: int, window_seconds: int) -> str:
    grain = result.spec.period
    return t(
        "ins.alerts.method",
        period=period_text(result.current[0] if result.current else None, grain, t),
        baseline=period_text(result.baseline[0] if result.baseline else None, grain, t),
        min_n=min_n,
        tested=len(result.cells),
        window=format_window(window_seconds),
    )


def alerts_table(result: AlertResult, t: Translator) -> pd.DataFrame:
    """The alerts as a table in the reader's language (CSV export, HTML report)."""
    rows = []
    for a in result.alerts.to_dict("records"):
        rows.append(
            {
                t("col.touchpoint"): a["touchpoint"],
                t("ins.alerts.col.metric"): metric_text(a["metric"], t, a.get("next_touchpoint")),
                t("ins.alerts.col.kind"): t(f"ins.alerts.kind.{a['kind']}"),
                t("ins.alerts.col.period"): a["period"],
                t("ins.alerts.col.previous"): metric_value(a["metric"], a["previous"], t),
                t("ins.alerts.col.current"): metric_value(a["metric"], a["current"], t),
                t("ins.alerts.col.change"): metric_value(a["metric"], a["change"], t, True),
                t("ins.alerts.col.n_previous"): int(a["n_previous"]),
                t("ins.alerts.col.n_current"): int(a["n_current"]),
                t("ins.alerts.col.p"): _q(a["p_value"], t),
                t("ins.alerts.col.q"): _q(a["q_value"], t),
                t("ins.col.sentence"): alert_line(a, result, t),
            }
        )
    return pd.DataFrame(rows)


def drivers_table(result: DriverResult, t: Translator) -> pd.DataFrame:
    """The ranked list as a table in the reader's language (CSV export, HTML report)."""
    metric = result.spec.driver
    rows = []
    for r in result.drivers.to_dict("records"):
        impact = r.get("conversion_impact") if isinstance(r.get("conversion_impact"), dict) else {}
        diff = impact.get("difference") if impact else None
        rows.append(
            {
                t("ins.col.rank"): int(r["rank"]),
                t("ins.col.driver"): r["driver"],
                t("ins.col.importance"): pct(t, r["importance"], 1),
                t("ins.col.interval"): f"{pct(t, r['importance_low'], 1)} – "
                f"{pct(t, r['importance_high'], 1)}",
                t("ins.col.distinguishable"): t("ins.yes") if r["distinguishable"] else t("ins.no"),
                t("ins.col.raw"): t.num(r["raw_r2_share"], 4),
                t("ins.col.performance"): performance_text(metric, r["performance"], t),
                t("ins.col.target"): "–" if _finite(r.get("target")) is None
                else f"{t.num(r['target'], 0)}%",
                t("ins.col.quadrant"): t(f"ins.quadrant.{r['quadrant'] or 'none'}"),
                t("ins.col.n"): int(r["n"]),
                t("ins.col.conv_sat"): pct(t, impact.get("satisfied_rate")) if impact else "–",
                t("ins.col.conv_dis"): pct(t, impact.get("dissatisfied_rate")) if impact else "–",
                t("ins.col.difference"): "–" if diff is None
                else f"{pct(t, diff)} ({pct(t, impact['difference_low'])} – "
                f"{pct(t, impact['difference_high'])})",
                t("ins.col.at_stake"): int(impact["at_stake"]) if impact else None,
                t("ins.col.sentence"): driver_line(r, result, t),
            }
        )  # fmt: skip
    return pd.DataFrame(rows)
