"""The test of one touchpoint × metric cell between two periods' counts: its values in display
units, the change test, and every testable cell of the two periods (pure: no queries)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pandas as pd

from journeylens.domain import metrics, significance

_N_COL = {**{m: cols["n"] for m, cols in metrics.METRICS.items()}, "conversion": "n"}


def cell_value(
    row: dict[str, Any], metric: str
) -> tuple[float | None, float | None, float | None, int]:
    """(value, low, high, n) of a period's counts in display units (NPS points, %, mean)."""
    if metric == "nps":
        n = int(row.get("n_nps") or 0)
        p, pa, d = (float(row.get(c) or 0) for c in ("promoters", "passives", "detractors"))
        ci = metrics.nps_ci95(p, pa, d)
        return metrics.nps(p, pa, d), ci[0] if ci else None, ci[1] if ci else None, n
    if metric == "csat":
        n = int(row.get("n_csat") or 0)
        x = float(row.get("csat_top2") or 0)
        ci = metrics.share_ci95(x, n)
        return (100 * x / n if n else None), ci[0] if ci else None, ci[1] if ci else None, n
    if metric == "ces":
        n = int(row.get("n_ces") or 0)
        s, ss = float(row.get("ces_sum") or 0), float(row.get("ces_sumsq") or 0)
        ci = metrics.mean_ci95(s, ss, n)
        return (s / n if n else None), ci[0] if ci else None, ci[1] if ci else None, n
    n = int(row.get("n") or 0)
    x = float(row.get("converted") or 0)
    ci = metrics.share_ci95(x, n)
    return (100 * x / n if n else None), ci[0] if ci else None, ci[1] if ci else None, n


def change_test(metric: str, now: dict[str, Any], before: dict[str, Any]) -> significance.Test:
    """The test of a change in metric between two periods' counts (values in display units)."""
    if metric == "nps":
        t = significance.nps_test(
            now["promoters"], now["detractors"], now["n_nps"],
            before["promoters"], before["detractors"], before["n_nps"],
        )  # fmt: skip
        scale = 100.0
    elif metric == "csat":
        t = significance.proportion_test(
            now["csat_top2"], now["n_csat"], before["csat_top2"], before["n_csat"]
        )
        scale = 100.0
    elif metric == "ces":
        t = significance.mean_test(
            now["ces_sum"], now["ces_sumsq"], now["n_ces"],
            before["ces_sum"], before["ces_sumsq"], before["n_ces"],
        )  # fmt: skip
        scale = 1.0
    else:
        t = significance.proportion_test(
            now["converted"], now["n"], before["converted"], before["n"]
        )
        scale = 100.0
    return significance.Test(
        t.current * scale, t.previous * scale, t.change * scale, t.z, t.p_value
    )


def testable_cells(
    scores: pd.DataFrame,
    conversion: pd.DataFrame,
    targets: dict[str, float],
    current: date,
    base: date,
    min_n: int,
    ces_high_is_easy: bool,
) -> list[dict[str, Any]]:
    """Every testable cell of the two periods, with its test."""
    out: list[dict[str, Any]] = []
    frames = {"scores": scores, "conversion": conversion}
    for source, df in frames.items():
        if df.empty:
            continue
        periods = pd.to_datetime(df["period"]).dt.date
        now_rows = {r["touchpoint"]: r for r in df[periods == current].to_dict("records")}
        old_rows = {r["touchpoint"]: r for r in df[periods == base].to_dict("records")}
        names = ("nps", "csat", "ces") if source == "scores" else ("conversion",)
        for tp, now in now_rows.items():
            before = old_rows.get(tp)
            if before is None:
                continue
            for metric in names:
                n1, n0 = int(now[_N_COL[metric]] or 0), int(before[_N_COL[metric]] or 0)
                if not (metrics.reliable(n1, min_n) and metrics.reliable(n0, min_n)):
                    continue
                t = change_test(metric, now, before)
                worse = t.change < 0 if metric != "ces" or ces_high_is_easy else t.change > 0
                out.append(
                    {
                        "touchpoint": str(tp),
                        "metric": metric,
                        "kind": "change",
                        "previous": t.previous,
                        "current": t.current,
                        "change": t.change,
                        "n_previous": n0,
                        "n_current": n1,
                        "p_value": t.p_value,
                        "target": None,
                        "direction": "worse" if worse else "better",
                        "next_touchpoint": now.get("next_touchpoint"),
                    }
                )
            target = targets.get(str(tp))
            if source == "scores" and target is not None:
                n1, n0 = int(now["n_csat"] or 0), int(before["n_csat"] or 0)
                if not (metrics.reliable(n1, min_n) and metrics.reliable(n0, min_n)):
                    continue
                before_pct = 100 * before["csat_top2"] / n0
                now_pct = 100 * now["csat_top2"] / n1
                if before_pct >= target and now_pct < target:
                    t = significance.below_target_test(now["csat_top2"], n1, target / 100.0)
                    out.append(
                        {
                            "touchpoint": str(tp),
                            "metric": "csat",
                            "kind": "below_target",
                            "previous": before_pct,
                            "current": now_pct,
                            "change": now_pct - before_pct,
                            "n_previous": n0,
                            "n_current": n1,
                            "p_value": t.p_value,
                            "target": float(target),
                            "direction": "worse",
                            "next_touchpoint": None,
                        }
                    )
    return out
