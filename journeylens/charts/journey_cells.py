"""The journey map's score cells: one metric's value per touchpoint, coloured by its distance to
the midpoint (CSAT: the touchpoint's target), and, for two personas, the row of their
differences with the verdict of dashboards.compare_lanes."""

from __future__ import annotations

import pandas as pd

from journeylens.charts.common import _num
from journeylens.charts.theme import Translate
from journeylens.domain import metrics

CELL_COLUMNS = ("touchpoint", "row", "score", "text", "reliable", "dark", "significant")


def metric_cells(data: pd.DataFrame, t: Translate, metric: str, row: str) -> pd.DataFrame:
    """One metric's cells with a score normalised to -1..+1 around the midpoint (CSAT: the
    touchpoint's target), labelled `row` on the lane's y axis."""
    lo, mid, hi = metrics.METRIC_DOMAINS[metric]
    cols = metrics.METRIC_COLUMNS[metric]
    out = []
    for r in data.to_dict("records"):
        value = metrics.finite(r.get(cols["value"]))
        target = metrics.finite(r.get("target_csat")) if metric == "csat" else None
        centre = target if target is not None else mid
        if value is None:
            score = None
        elif value >= centre:
            score = (value - centre) / max(hi - centre, 1e-9)
        else:
            score = (value - centre) / max(centre - lo, 1e-9)
        reliable = bool(r.get(cols["reliable"], True))
        out.append(
            {
                "touchpoint": r["touchpoint"],
                "row": row,
                "score": score,
                "text": _num(t, value, 1 if metric == "ces" else 0) if value is not None else "–",
                "reliable": reliable,
                "dark": score is not None and abs(score) > 0.55 and reliable,
                "significant": False,
            }
        )
    return pd.DataFrame(out, columns=list(CELL_COLUMNS))


def difference_cells(
    data: pd.DataFrame, other: pd.DataFrame, order: list[str], t: Translate, metric: str, row: str
) -> pd.DataFrame:
    """The Δ row: second persona minus first, in display units, with its test's verdict
    (the `<metric>_diff` / `<metric>_significant` columns of the second persona's rows)."""
    reliable_col = metrics.METRIC_COLUMNS[metric]["reliable"]
    first = dict(zip(data["touchpoint"], data.get(reliable_col, True), strict=False))
    rows = []
    for r in other[other["touchpoint"].isin(order)].to_dict("records"):
        diff = metrics.finite(r.get(f"{metric}_diff"))
        significant = bool(r.get(f"{metric}_significant") or False)
        spread = {"nps": 50.0, "csat": 25.0, "ces": 1.5}[metric]
        score = None if diff is None else max(-1.0, min(1.0, diff / spread))
        decimals = 1 if metric == "ces" else 0
        text = "–" if diff is None else ("+" if diff > 0 else "") + _num(t, diff, decimals)
        rows.append(
            {
                "touchpoint": r["touchpoint"], "row": row, "score": score,
                "text": text + (" ★" if significant else ""),
                "reliable": diff is not None and bool(r.get(reliable_col, True))
                and bool(first.get(r["touchpoint"], True)),
                "dark": significant and score is not None and abs(score) > 0.55,
                "significant": significant,
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=list(CELL_COLUMNS))
