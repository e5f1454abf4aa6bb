"""Two personas on the journey map (dashboards.compare_lanes): the score differences and which
of them are more than chance, by hand and against an independent computation from the answers."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from journeylens.domain import metrics
from journeylens.services import dashboards


def _lanes(rows: list[dict]) -> pd.DataFrame:
    """Lane rows from counts, through the one metric definition (metrics.with_metrics)."""
    frame = pd.DataFrame(rows)
    for col in metrics.SCORE_COUNTS:
        if col not in frame:
            frame[col] = 0
    frame["n_nps"] = frame["promoters"] + frame["passives"] + frame["detractors"]
    return metrics.with_metrics(frame, min_n=30)


def test_nps_difference_by_hand():
    # Touchpoint X: A has 60/20/20 promoters/passives/detractors (NPS 40), B 30/30/40 (NPS -10):
    # a difference of -50. Pooled under the null p = 90/200, d = 60/200, the variance of a score
    # is p + d - (p - d)^2 = 0.7275, the SE sqrt(0.7275 * (1/100 + 1/100)) = 0.1206 and
    # z = -0.5 / 0.1206 = -4.15: significant.
    # Touchpoint Y: A 50/30/20 (NPS 30), B 45/30/25 (NPS 20): -10, z = -0.1 / 0.1129 = -0.89: not.
    # Touchpoint Z: 5 answers each, below the minimum n of 30: no test.
    a = _lanes(
        [
            {"touchpoint": "X", "promoters": 60, "passives": 20, "detractors": 20},
            {"touchpoint": "Y", "promoters": 50, "passives": 30, "detractors": 20},
            {"touchpoint": "Z", "promoters": 5, "passives": 0, "detractors": 0},
        ]
    )
    b = _lanes(
        [
            {"touchpoint": "X", "promoters": 30, "passives": 30, "detractors": 40},
            {"touchpoint": "Y", "promoters": 45, "passives": 30, "detractors": 25},
            {"touchpoint": "Z", "promoters": 0, "passives": 0, "detractors": 5},
        ]
    )
    out = dashboards.compare_lanes(a, b, min_n=30).set_index("touchpoint")
    assert out.loc["X", "nps_diff"] == pytest.approx(-50.0)
    assert out.loc["Y", "nps_diff"] == pytest.approx(-10.0)
    assert out.loc["Z", "nps_diff"] == pytest.approx(-200.0)
    assert out["nps_significant"].to_dict() == {"X": True, "Y": False, "Z": False}
    # no CSAT answers: no difference, nothing significant
    assert out["csat_diff"].isna().all() and not out["csat_significant"].any()


def test_differences_match_an_independent_computation_from_the_answers():
    """500–1,500 answers per persona and touchpoint (groups well past 256): NPS, CSAT and CES
    differences and their 5 % verdicts recomputed from the raw answers with numpy and scipy."""
    rng = np.random.default_rng(16)
    touchpoints = [f"T{i}" for i in range(8)]
    answers = []
    for persona, shift in (("A", 0.0), ("B", 0.6)):
        for i, tp in enumerate(touchpoints):
            n = int(rng.integers(500, 1500))
            bump = shift * (i % 3 - 1)  # B is better, the same or worse depending on the touchpoint
            nps = np.clip(np.round(rng.normal(7 + bump, 2.2, n)), 0, 10)
            csat = np.clip(np.round(rng.normal(3.6 + bump / 2, 1.0, n)), 1, 5)
            ces = np.clip(np.round(rng.normal(4.5 + bump / 2, 1.4, n)), 1, 7)
            answers.append(pd.DataFrame({"who": persona, "touchpoint": tp, "nps": nps,
                                         "csat": csat, "ces": ces}))  # fmt: skip
    raw = pd.concat(answers, ignore_index=True)

    def counts(who: str) -> pd.DataFrame:
        g = raw[raw["who"] == who].groupby("touchpoint", sort=True)
        frame = pd.DataFrame(
            {
                "promoters": g["nps"].apply(lambda s: int((s >= 9).sum())),
                "passives": g["nps"].apply(lambda s: int(s.between(7, 8).sum())),
                "detractors": g["nps"].apply(lambda s: int((s <= 6).sum())),
                "n_csat": g["csat"].size(),
                "csat_top2": g["csat"].apply(lambda s: int((s >= 4).sum())),
                "csat_sum": g["csat"].sum(),
                "n_ces": g["ces"].size(),
                "ces_sum": g["ces"].sum(),
                "ces_sumsq": g["ces"].apply(lambda s: float((s * s).sum())),
            }
        ).reset_index()
        return _lanes(frame.to_dict("records"))

    out = dashboards.compare_lanes(counts("A"), counts("B"), min_n=30).set_index("touchpoint")
    for tp in touchpoints:
        a = raw[(raw["who"] == "A") & (raw["touchpoint"] == tp)]
        b = raw[(raw["who"] == "B") & (raw["touchpoint"] == tp)]
        # NPS: an answer scores +1 / 0 / -1; the pooled scores' variance under the null
        sa = np.select([a["nps"] >= 9, a["nps"] <= 6], [1.0, -1.0], 0.0)
        sb = np.select([b["nps"] >= 9, b["nps"] <= 6], [1.0, -1.0], 0.0)
        se = np.sqrt(np.var(np.concatenate([sa, sb])) * (1 / len(sa) + 1 / len(sb)))
        p_nps = 2 * stats.norm.sf(abs((sb.mean() - sa.mean()) / se))
        assert out.loc[tp, "nps_diff"] == pytest.approx(100 * (sb.mean() - sa.mean()))
        assert out.loc[tp, "nps_significant"] == (p_nps < 0.05)
        # CSAT %: the share of 4-5 answers, a pooled two-proportion test
        xa, xb = (a["csat"] >= 4).to_numpy(float), (b["csat"] >= 4).to_numpy(float)
        pooled = np.concatenate([xa, xb]).mean()
        se = np.sqrt(pooled * (1 - pooled) * (1 / len(xa) + 1 / len(xb)))
        p_csat = 2 * stats.norm.sf(abs((xb.mean() - xa.mean()) / se))
        assert out.loc[tp, "csat_diff"] == pytest.approx(100 * (xb.mean() - xa.mean()))
        assert out.loc[tp, "csat_significant"] == (p_csat < 0.05)
        # CES: Welch's t test of the means
        welch = stats.ttest_ind(b["ces"], a["ces"], equal_var=False)
        assert out.loc[tp, "ces_diff"] == pytest.approx(b["ces"].mean() - a["ces"].mean())
        assert out.loc[tp, "ces_significant"] == (welch.pvalue < 0.05)
    # the generated data has both kinds of touchpoint
    assert out["nps_significant"].any() and not out["nps_significant"].all()
