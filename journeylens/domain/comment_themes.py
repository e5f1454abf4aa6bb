"""Comment themes: the weighted log-odds ratio with an informative Dirichlet prior.

Monroe, Colaresi and Quinn (2008), "Fightin' Words: Lexical Feature Selection and Evaluation for
Identifying the Content of Political Conflict", Political Analysis 16(4), section 3.5: for a term
w with count y_w^i in group i (n^i terms in all) and prior counts a_w (a_0 = sum of a_w),

    omega_w^i = log((y_w^i + a_w) / (n^i + a_0 - y_w^i - a_w))
    delta_w   = omega_w^low - omega_w^high
    var       = 1 / (y_w^low + a_w) + 1 / (y_w^high + a_w)
    z_w       = delta_w / sqrt(var)

The prior is informative: a_w is proportional to the term's count in all the comments of the view
(both groups and the passives or any middle group), a_w = PRIOR_SCALE * count, so the prior
carries a tenth of the comments' weight (a_0 = 0.1 n). With the full weight (a_0 = n, the prior
being a copy of the pooled data) a term that 30 detractors use and no promoter does stays below
|z| = 1.96 on a few hundred words, which hides what a manager needs to see; a tenth still
shrinks rare terms towards the pooled rate. A large positive z marks a term of
the unhappy group (detractors, CSAT 1-3), a large negative z one of the happy group. Only terms
with |z| >= 1.96 and at least `min_count` occurrences in their group are reported: the rest
cannot be told apart from chance.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

Z_MIN = 1.96
MIN_COUNT = 3
PRIOR_SCALE = 0.1
TOP = 15


def log_odds(counts: pd.DataFrame, prior_scale: float = PRIOR_SCALE) -> pd.DataFrame:
    """counts: scope, key, grp ('low' | 'mid' | 'high'), count, comments, shown; a scope is one
    comparison (a touchpoint, or the whole journey), scored on its own counts.

    Returns one row per (scope, key): scope, key, shown, z, delta, count_low, count_high,
    comments_low, comments_high."""
    cols = ["scope", "key", "shown", "z", "delta", "count_low", "count_high", "comments_low",
            "comments_high"]  # fmt: skip
    if counts.empty:
        return pd.DataFrame(columns=cols)
    keys = ["scope", "key"]
    wide = counts.pivot_table(
        index=keys, columns="grp", values=["count", "comments"], aggfunc="sum", fill_value=0
    )
    out = pd.DataFrame(index=wide.index)
    for g in ("low", "mid", "high"):
        out[f"count_{g}"] = wide.get(("count", g), 0)
        out[f"comments_{g}"] = wide.get(("comments", g), 0)
    out = out.reset_index()
    y_low = out["count_low"].to_numpy(dtype=float)
    y_high = out["count_high"].to_numpy(dtype=float)
    alpha = prior_scale * (out["count_low"] + out["count_mid"] + out["count_high"]).to_numpy(
        dtype=float
    )
    by_scope = out.assign(alpha=alpha).groupby("scope")
    a0 = by_scope["alpha"].transform("sum").to_numpy(dtype=float)
    n_low = by_scope["count_low"].transform("sum").to_numpy(dtype=float)
    n_high = by_scope["count_high"].transform("sum").to_numpy(dtype=float)
    with np.errstate(divide="ignore", invalid="ignore"):
        om_low = np.log((y_low + alpha) / (n_low + a0 - y_low - alpha))
        om_high = np.log((y_high + alpha) / (n_high + a0 - y_high - alpha))
        delta = om_low - om_high
        z = delta / np.sqrt(1.0 / (y_low + alpha) + 1.0 / (y_high + alpha))
    out["z"] = np.nan_to_num(z, nan=0.0, posinf=0.0, neginf=0.0)
    out["delta"] = np.nan_to_num(delta, nan=0.0, posinf=0.0, neginf=0.0)
    shown = counts.sort_values("count", ascending=False, kind="stable").drop_duplicates(keys)
    out = out.merge(shown[[*keys, "shown"]], on=keys, how="left")
    for col in ("count_low", "count_high", "comments_low", "comments_high"):
        out[col] = out[col].astype("int64")
    return out[cols]


def distinctive(
    scored: pd.DataFrame, group: str, top: int = TOP, min_count: int = MIN_COUNT
) -> pd.DataFrame:
    """The terms that mark `group` ('low' or 'high'): |z| >= 1.96 on its side, at least
    min_count occurrences in it, strongest first (ties: more occurrences, then the term)."""
    if scored.empty:
        return scored.assign(count=pd.Series(dtype="int64"), comments=pd.Series(dtype="int64"))
    sign = 1.0 if group == "low" else -1.0
    count = scored[f"count_{group}"]
    part = scored[(sign * scored["z"] >= Z_MIN) & (count >= min_count)].copy()
    part["strength"] = sign * part["z"]
    part["count"] = part[f"count_{group}"]
    part["comments"] = part[f"comments_{group}"]
    part = part.sort_values(["strength", "count", "key"], ascending=[False, False, True])
    return part.head(top).drop(columns=["strength"]).reset_index(drop=True)
