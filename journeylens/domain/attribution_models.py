"""Attribution maths: the Markov removal effect solved exactly, and the models side by side.

The heuristic credits (first / last touch, linear, position-based 40/20/40, time decay) are sums
in DuckDB (queries/attribution_credits.sql); the Markov model arrives as transition weights
between states (queries/attribution_transitions.sql): "(start)", the touchpoints, and the two
absorbing states "(conversion)" and "(null)".

Markov removal effect (Anderl et al. 2016; the definition ChannelAttribution implements, there by
simulation): with P the transition probabilities (weights normalised per source), Q the
transient-to-transient block and R the transient-to-absorbing block, the fundamental matrix
N = (I - Q)^-1 gives B = N R, and the probability of converting from the start is B[start,
conversion]. Removing channel k redirects every transition out of k to "(null)" (a journey that
reaches k is lost). removal_effect(k) = 1 - P_conv(without k) / P_conv. The model's conversions
are the total conversions shared in proportion to the removal effects.

Value (as ChannelAttribution draws it): a conversion's value depends on the last touch before it;
with m_c the mean value of conversions whose last touch is c, the expected value of a journey is
sum_c N[start, c] R[c, conversion] m_c, and the value removal effect is 1 - EV(without k) / EV.
The model's value is the total value shared in proportion to those.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

START, CONVERSION, NULL = "(start)", "(conversion)", "(null)"
MODELS = ("first_touch", "last_touch", "linear", "position_based", "time_decay", "markov")
COLUMNS = (
    *MODELS,
    "markov_removal_effect",
    *(f"{m}_value" for m in MODELS),
    "markov_removal_effect_value",
)


@dataclass(frozen=True)
class Chain:
    """A first-order absorbing chain: states = [START, *channels], absorbing = conv, null."""

    channels: tuple[str, ...]
    P: np.ndarray  # (1 + k) x (1 + k + 2): transient rows, columns transient + [conv, null]
    mean_value: np.ndarray  # per transient state: mean value of a conversion right after it

    @property
    def size(self) -> int:
        return 1 + len(self.channels)


def chain_from_weights(transitions: pd.DataFrame) -> Chain:
    """Rows source, target, weight, value (value on the "(conversion)" rows)."""
    t = transitions[transitions["weight"] > 0]
    channels = sorted(
        {str(x) for x in t["source"] if x != START}
        | {str(x) for x in t["target"]} - {CONVERSION, NULL}
    )
    index = {START: 0, **{c: i + 1 for i, c in enumerate(channels)}}
    k = len(channels)
    n_t = 1 + k
    W = np.zeros((n_t, n_t + 2))
    value = np.zeros(n_t)
    for src, tgt, w, v in t[["source", "target", "weight", "value"]].itertuples(index=False):
        i = index[str(src)]
        j = n_t if tgt == CONVERSION else n_t + 1 if tgt == NULL else index[str(tgt)]
        W[i, j] += float(w)
        if tgt == CONVERSION and v is not None and v == v:
            value[i] += float(v)
    totals = W.sum(axis=1)
    P = np.zeros_like(W)
    for i in range(n_t):
        if totals[i] > 0:
            P[i] = W[i] / totals[i]
        else:
            P[i, n_t + 1] = 1.0  # a state nothing leaves: treated as lost
    conv = W[:, n_t]
    mean = np.divide(value, conv, out=np.zeros(n_t), where=conv > 0)
    return Chain(tuple(channels), P, mean)


def _absorption(P: np.ndarray, n_t: int) -> tuple[np.ndarray, np.ndarray]:
    """(N[start, :] expected visits from the start, R[:, conversion])."""
    Q, R = P[:, :n_t], P[:, n_t:]
    # row vector x = e_start N solves x (I - Q) = e_start
    e = np.zeros(n_t)
    e[0] = 1.0
    visits = np.linalg.solve((np.eye(n_t) - Q).T, e)
    return visits, R[:, 0]


def conversion_probability(chain: Chain, removed: str | None = None) -> tuple[float, float]:
    """(P(conversion), expected conversion value) from the start, optionally without a channel."""
    P = chain.P.copy()
    n_t = chain.size
    if removed is not None:
        i = 1 + chain.channels.index(removed)
        P[i] = 0.0
        P[i, n_t + 1] = 1.0
    visits, to_conv = _absorption(P, n_t)
    prob = float(visits @ to_conv)
    value = float(visits @ (to_conv * chain.mean_value))
    return prob, value


def removal_effects(chain: Chain) -> pd.DataFrame:
    """touchpoint, removal_effect, removal_effect_value (0 when nothing converts)."""
    base_p, base_v = conversion_probability(chain)
    rows = []
    for c in chain.channels:
        p, v = conversion_probability(chain, c)
        rows.append(
            (
                c,
                _clip(1 - p / base_p) if base_p > 0 else 0.0,
                _clip(1 - v / base_v) if base_v > 0 else 0.0,
            )
        )
    return pd.DataFrame(rows, columns=["touchpoint", "removal_effect", "removal_effect_value"])


def _clip(x: float) -> float:
    return min(1.0, max(0.0, x))  # rounding may leave -1e-16


@dataclass
class Attribution:
    """table: one row per touchpoint with COLUMNS; totals of the credited journeys."""

    table: pd.DataFrame
    conversions: float
    value: float
    unattributed_conversions: float
    unattributed_value: float
    journeys: int = 0

    def to_json(self) -> list[dict[str, Any]]:
        out = []
        for row in self.table.to_dict("records"):
            rec: dict[str, Any] = {"touchpoint": str(row["touchpoint"])}
            for col in COLUMNS:
                rec[col] = round(float(row[col]), 6)
            out.append(rec)
        return out


def combine(credits: pd.DataFrame, transitions: pd.DataFrame) -> Attribution:
    """The heuristic credits (rows of queries/attribution_credits.sql) and the Markov model
    (from queries/attribution_transitions.sql) in one table, largest Markov credit first."""
    direct = credits[credits["touchpoint"].isna()]
    heur = credits[credits["touchpoint"].notna()].copy()
    unattributed_c = float(direct["first_touch"].fillna(0).sum()) if len(direct) else 0.0
    unattributed_v = float(direct["first_touch_value"].fillna(0).sum()) if len(direct) else 0.0
    total_c = float(heur["first_touch"].sum()) if len(heur) else 0.0
    total_v = float(heur["first_touch_value"].sum()) if len(heur) else 0.0
    if len(transitions):
        effects = removal_effects(chain_from_weights(transitions))
    else:
        effects = pd.DataFrame(columns=["touchpoint", "removal_effect", "removal_effect_value"])
    table = pd.merge(heur, effects, on="touchpoint", how="outer")
    for col in table.columns:
        if col != "touchpoint":
            table[col] = pd.to_numeric(table[col], errors="coerce").astype("float64").fillna(0.0)
    re_sum = float(table["removal_effect"].sum()) if len(table) else 0.0
    rv_sum = float(table["removal_effect_value"].sum()) if len(table) else 0.0
    table["markov"] = table["removal_effect"] / re_sum * total_c if re_sum > 0 else 0.0
    table["markov_value"] = table["removal_effect_value"] / rv_sum * total_v if rv_sum > 0 else 0.0
    table = table.rename(
        columns={
            "removal_effect": "markov_removal_effect",
            "removal_effect_value": "markov_removal_effect_value",
        }
    )
    table["touchpoint"] = table["touchpoint"].astype(str)
    table = table.sort_values(["markov", "touchpoint"], ascending=[False, True], ignore_index=True)
    return Attribution(
        table=table[["touchpoint", *COLUMNS]],
        conversions=total_c,
        value=total_v,
        unattributed_conversions=unattributed_c,
        unattributed_value=unattributed_v,
    )
