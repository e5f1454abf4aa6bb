"""The tests of a change against hand-computed numbers and independent computations: scipy's
Welch test and Benjamini–Hochberg, Newcombe's (1998) published intervals."""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import stats as sps

from journeylens.domain import significance

# --- Benjamini–Hochberg -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("p", "rejected", "q"),
    [
        # sorted .005 .01 .03 .04 .2 against i·.05/5 = .01 .02 .03 .04 .05: the first four pass
        # (.03 = .03 at the boundary); q = p·5/i, then the running minimum from the right
        ([0.01, 0.04, 0.03, 0.005, 0.2], [1, 1, 1, 1, 0], [0.025, 0.05, 0.05, 0.025, 0.2]),
        # sorted .02 .03 .04 .5 against .0125 .025 .0375 .05: none; q = min(.08, .06, .0533)
        ([0.04, 0.02, 0.03, 0.5], [0, 0, 0, 0], [0.16 / 3, 0.16 / 3, 0.16 / 3, 0.5]),
        # a later pass rescues earlier ones: sorted .02 .021 .022 vs .0167 .0333 .05 -> all
        ([0.021, 0.02, 0.022], [1, 1, 1], [0.022, 0.022, 0.022]),
        ([0.5], [0], [0.5]),
    ],
)
def test_benjamini_hochberg_by_hand(p, rejected, q):
    rej, qv = significance.benjamini_hochberg(np.array(p), 0.05)
    assert rej.astype(int).tolist() == rejected
    assert qv == pytest.approx(q)


def test_benjamini_hochberg_equals_scipy():
    p = np.random.default_rng(1).uniform(size=200) ** 3
    _, qv = significance.benjamini_hochberg(p)
    assert qv == pytest.approx(sps.false_discovery_control(p))


# --- tests of a change --------------------------------------------------------------------------


def test_nps_difference_by_hand():
    # now 50 promoters, 20 detractors of 100 (NPS 30); before 40 and 30 of 100 (NPS 10)
    # pooled p = .45, d = .25, var = p + d − (p − d)² = .66; SE = √(.66·(1/100 + 1/100)) = .11489
    t = significance.nps_test(50, 20, 100, 40, 30, 100)
    assert (t.current, t.previous, t.change) == pytest.approx((0.3, 0.1, 0.2))
    assert t.z == pytest.approx(0.2 / math.sqrt(0.66 * 0.02))
    assert t.p_value == pytest.approx(2 * sps.norm.sf(0.2 / math.sqrt(0.66 * 0.02)))


def test_nps_difference_equals_a_z_test_on_the_answer_scores():
    rng = np.random.default_rng(2)
    now = rng.choice([1, 0, -1], size=700, p=[0.5, 0.3, 0.2])
    before = rng.choice([1, 0, -1], size=500, p=[0.4, 0.3, 0.3])
    both = np.concatenate([now, before])
    se = both.std() * math.sqrt(1 / 700 + 1 / 500)  # pooled per-answer SD (ddof 0)
    t = significance.nps_test((now == 1).sum(), (now == -1).sum(), 700,
                       (before == 1).sum(), (before == -1).sum(), 500)  # fmt: skip
    assert t.z == pytest.approx((now.mean() - before.mean()) / se)


def test_two_proportions_by_hand():
    # 30/100 vs 45/100: pooled .375, SE = √(.375·.625·.02) = .068465, z = −.15/.068465
    t = significance.proportion_test(30, 100, 45, 100)
    assert t.change == pytest.approx(-0.15)
    assert t.z == pytest.approx(-0.15 / math.sqrt(0.375 * 0.625 * 0.02))


def test_mean_difference_equals_welch():
    rng = np.random.default_rng(3)
    a, b = rng.integers(1, 8, 90).astype(float), rng.integers(2, 8, 60).astype(float)
    t = significance.mean_test(a.sum(), (a * a).sum(), len(a), b.sum(), (b * b).sum(), len(b))
    ref = sps.ttest_ind(a, b, equal_var=False)
    assert t.z == pytest.approx(ref.statistic) and t.p_value == pytest.approx(ref.pvalue)


@pytest.mark.parametrize(
    ("x1", "n1", "x0", "n0", "low", "high"),
    [(56, 70, 48, 80, 0.0524, 0.3339), (9, 10, 3, 10, 0.1705, 0.8090)],  # Newcombe 1998, Table II
)
def test_difference_of_proportions_newcombe(x1, n1, x0, n0, low, high):
    d, lo, hi = significance.proportion_difference(x1, n1, x0, n0)
    assert d == pytest.approx(x1 / n1 - x0 / n0)
    assert (round(lo, 4), round(hi, 4)) == (low, high)


def test_below_target_one_sided():
    # 40/100 against 60 %: z = (.4 − .6)/√(.6·.4/100) = −4.082, p = Φ(z)
    t = significance.below_target_test(40, 100, 0.6)
    assert t.z == pytest.approx(-0.2 / math.sqrt(0.0024))
    assert t.p_value == pytest.approx(sps.norm.cdf(t.z))
    assert significance.below_target_test(70, 100, 0.6).p_value > 0.5
