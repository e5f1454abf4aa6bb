"""The insight statistics against hand-computed numbers and independent computations.

Independent oracles: R² of every subset by least squares on the data (numpy lstsq), Shapley values
by brute force over every order of entry, Johnson's relative weights through the SVD of the
standardised data (his original construction), pandas' pairwise-complete correlations, scipy's
Welch test and Benjamini–Hochberg, Newcombe's (1998) published intervals.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest
from scipy import stats as sps

from journeylens.insights import stats

# --- helpers ----------------------------------------------------------------------------------


def r2_lstsq(y: np.ndarray, x: np.ndarray, cols: list[int]) -> float:
    if not cols:
        return 0.0
    a = np.column_stack([np.ones(len(y)), x[:, cols]])
    beta, *_ = np.linalg.lstsq(a, y, rcond=None)
    resid = y - a @ beta
    return float(1 - resid.var() / y.var())


def shapley_brute_force(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Average R² increase of each driver over all k! orders of entry."""
    k = x.shape[1]
    cache: dict[frozenset[int], float] = {}

    def r2(s: frozenset[int]) -> float:
        if s not in cache:
            cache[s] = r2_lstsq(y, x, sorted(s))
        return cache[s]

    total = np.zeros(k)
    for order in itertools.permutations(range(k)):
        entered: frozenset[int] = frozenset()
        for j in order:
            total[j] += r2(entered | {j}) - r2(entered)
            entered = entered | {j}
    return total / math.factorial(k)


def relative_weights_svd(y: np.ndarray, x: np.ndarray) -> np.ndarray:
    """Johnson (2000): Z = P Q' from the SVD X = P Δ Q' of the standardised drivers; the weight
    of driver j is Σ_k λ_jk² β_k², λ the loadings of X on Z and β the regression of y on Z."""
    zx = (x - x.mean(0)) / x.std(0)
    zy = (y - y.mean()) / y.std()
    p, _delta, qt = np.linalg.svd(zx, full_matrices=False)
    z = p @ qt  # orthonormal columns, closest to zx
    n = len(y)
    z = z * math.sqrt(n)  # unit variance
    lam = zx.T @ z / n  # correlations of X with Z
    beta = z.T @ zy / n  # y on the orthogonal Z
    return (lam**2) @ (beta**2)


def data(seed: int, n: int = 400, k: int = 5) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, k)) @ rng.normal(size=(k, k))
    y = x @ rng.normal(size=k) + rng.normal(size=n) * 2
    return y, x


# --- Shapley / LMG and relative weights -------------------------------------------------------


def test_two_drivers_by_hand():
    # r(y,1) = .5, r(y,2) = .3, r(1,2) = .2: R² = (.25 + .09 − 2·.5·.3·.2) / (1 − .04) = .291667
    # LMG1 = (r1² + (R² − r2²)) / 2 = .225833, LMG2 = (r2² + (R² − r1²)) / 2 = .065833
    corr = np.array([[1, 0.5, 0.3], [0.5, 1, 0.2], [0.3, 0.2, 1.0]])
    raw, r2, method = stats.importance(corr)
    assert method == "shapley"
    assert r2 == pytest.approx(0.28 / 0.96)
    assert raw == pytest.approx([0.225833333, 0.065833333])
    assert stats.subset_r2(corr) == pytest.approx([0, 0.25, 0.09, 0.28 / 0.96])


def test_orthogonal_drivers_get_their_squared_correlation():
    # y = 3a + 2b + c with a, b, c exactly orthogonal (±1 patterns): shares 9/14, 4/14, 1/14
    a = np.array([1, -1, 1, -1, 1, -1, 1, -1], float)
    b = np.array([1, 1, -1, -1, 1, 1, -1, -1], float)
    c = np.array([1, 1, 1, 1, -1, -1, -1, -1], float)
    y = 3 * a + 2 * b + c
    corr = np.corrcoef(np.column_stack([y, a, b, c]).T)
    raw, r2, _ = stats.importance(corr)
    assert r2 == pytest.approx(1.0)
    assert raw == pytest.approx([9 / 14, 4 / 14, 1 / 14])
    assert stats.relative_weights(corr) == pytest.approx([9 / 14, 4 / 14, 1 / 14])


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_shapley_equals_brute_force_over_all_orders(seed):
    y, x = data(seed)
    corr = np.corrcoef(np.column_stack([y, x]).T)
    r2_all = stats.subset_r2(corr)
    for mask in range(1 << x.shape[1]):
        cols = [j for j in range(x.shape[1]) if mask >> j & 1]
        assert r2_all[mask] == pytest.approx(r2_lstsq(y, x, cols), abs=1e-10)
    raw, r2, _ = stats.importance(corr)
    assert raw == pytest.approx(shapley_brute_force(y, x), abs=1e-10)
    assert raw.sum() == pytest.approx(r2) and r2 == pytest.approx(r2_lstsq(y, x, list(range(5))))


@pytest.mark.parametrize("seed", [4, 5])
def test_relative_weights_equal_johnsons_svd_construction(seed):
    y, x = data(seed, k=6)
    corr = np.corrcoef(np.column_stack([y, x]).T)
    rw = stats.relative_weights(corr)
    assert rw == pytest.approx(relative_weights_svd(y, x), abs=1e-10)
    assert rw.sum() == pytest.approx(float(stats.r_squared(corr)))


def test_more_than_15_drivers_use_relative_weights_and_sum_to_r2():
    y, x = data(6, n=600, k=16)
    corr = np.corrcoef(np.column_stack([y, x]).T)
    raw, r2, method = stats.importance(corr)
    assert method == "relative_weights"
    assert raw.sum() == pytest.approx(r2) == pytest.approx(r2_lstsq(y, x, list(range(16))))
    y15, x15 = y, x[:, :15]
    corr15 = np.corrcoef(np.column_stack([y15, x15]).T)
    raw15, r2_15, method15 = stats.importance(corr15)
    assert method15 == "shapley" and raw15.sum() == pytest.approx(r2_15)
    rng = np.random.default_rng(0)
    r2_all = stats.subset_r2(corr15)
    for mask in rng.integers(1, 1 << 15, size=20):
        cols = [j for j in range(15) if mask >> j & 1]
        assert r2_all[mask] == pytest.approx(r2_lstsq(y15, x15, cols), abs=1e-9)


def test_vif_is_one_over_one_minus_r2_of_the_driver_on_the_others():
    y, x = data(7, k=4)
    corr = np.corrcoef(np.column_stack([y, x]).T)
    expected = [1 / (1 - r2_lstsq(x[:, j], np.delete(x, j, axis=1), [0, 1, 2])) for j in range(4)]
    assert stats.vif(corr) == pytest.approx(expected)


# --- pairwise-complete correlations and the repair --------------------------------------------


def pair_sums(vals: np.ndarray) -> np.ndarray:
    """(V, V, 6) sums over the rows where both values are present (NaN = missing)."""
    v = vals.shape[1]
    out = np.zeros((v, v, 6))
    for i in range(v):
        for j in range(i, v):
            both = ~np.isnan(vals[:, i]) & ~np.isnan(vals[:, j])
            a, b = vals[both, i], vals[both, j]
            out[i, j] = [both.sum(), a.sum(), b.sum(), (a * a).sum(), (b * b).sum(), (a * b).sum()]
    return out


def test_correlations_equal_pandas_pairwise_complete():
    rng = np.random.default_rng(8)
    vals = rng.normal(size=(700, 4)) @ rng.normal(size=(4, 4))
    vals[rng.random(vals.shape) < 0.4] = np.nan
    corr, count = stats.correlations(pair_sums(vals))
    frame = pd.DataFrame(vals)
    assert corr == pytest.approx(frame.corr().to_numpy(), abs=1e-12)
    assert count == pytest.approx(
        (frame.notna().T.astype(int) @ frame.notna().astype(int)).to_numpy()
    )


def test_a_pair_without_variance_has_correlation_zero():
    vals = np.array([[1.0, 2.0], [2.0, 2.0], [3.0, 2.0]])
    corr, _ = stats.correlations(pair_sums(vals))
    assert corr[0, 1] == 0.0 and corr[0, 0] == corr[1, 1] == 1.0


def test_nearest_pd_shrinks_only_matrices_below_the_floor():
    bad = np.array([[1, 0.9, 0.9], [0.9, 1, -0.9], [0.9, -0.9, 1.0]])  # not positive definite
    good = np.array([[1, 0.2, 0.1], [0.2, 1, 0.3], [0.1, 0.3, 1.0]])
    fixed = stats.nearest_pd(np.stack([bad, good]))
    assert np.linalg.eigvalsh(fixed[0]).min() == pytest.approx(stats.PD_FLOOR)
    assert np.diag(fixed[0]) == pytest.approx([1, 1, 1])
    assert np.sign(fixed[0]) == pytest.approx(np.sign(bad))  # the pattern is kept
    assert (fixed[1] == good).all()
    assert stats.r_squared(fixed[0]) <= 1 - stats.PD_FLOOR + 1e-12


# --- the bucket bootstrap: coverage and silence on noise --------------------------------------


def bucket_sums(vals: np.ndarray, groups: np.ndarray, g: int) -> np.ndarray:
    """What queries/insights_driver_sums.sql returns, computed here with numpy on the rows."""
    n, v = vals.shape
    present = ~np.isnan(vals)
    x = np.where(present, vals, 0.0)
    out = np.zeros((g, v, v, 6))
    for i in range(v):
        for j in range(i, v):
            both = (present[:, i] & present[:, j]).astype(float)
            cols = (both, both * x[:, i], both * x[:, j], both * x[:, i] ** 2,
                    both * x[:, j] ** 2, both * x[:, i] * x[:, j])  # fmt: skip
            for c, col in enumerate(cols):
                out[:, i, j, c] = np.bincount(groups, weights=col, minlength=g)
    return out


def population(k: int = 4):
    """Drivers with known correlations and weights; the true shares from the exact model."""
    rng = np.random.default_rng(5)
    a = rng.normal(size=(k, k)) * 0.5 + np.eye(k)
    sx = a @ a.T
    beta = np.array([0.8, 0.3, 0.0, 0.15])
    noise = 2.0
    cov = np.zeros((k + 1, k + 1))
    cov[1:, 1:] = sx
    cov[1:, 0] = cov[0, 1:] = sx @ beta
    cov[0, 0] = beta @ sx @ beta + noise
    d = np.sqrt(np.diag(cov))
    raw, r2, _ = stats.importance(cov / d[:, None] / d[None, :])
    return np.linalg.cholesky(sx), beta, noise, raw / r2


def simulate(rng, chol, beta, noise, n=2000, missing=0.4, null=False):
    k = len(beta)
    x = rng.normal(size=(n, k)) @ chol.T
    y = rng.normal(size=n) * 3 if null else x @ beta + rng.normal(size=n) * math.sqrt(noise)
    x[rng.random((n, k)) < missing] = np.nan  # customers answer only some touchpoints
    vals = np.column_stack([y, x])
    return bucket_sums(vals, rng.integers(0, 200, n), 200)


def test_bootstrap_intervals_cover_the_known_shares():
    chol, beta, noise, truth = population()
    rng = np.random.default_rng(11)
    hits = []
    for sim in range(60):
        res = stats.bootstrap_importance(simulate(rng, chol, beta, noise), resamples=200, seed=sim)
        hits.append((res.share_low <= truth) & (truth <= res.share_high))
        assert res.share.sum() == pytest.approx(1.0)
        assert res.raw.sum() == pytest.approx(res.r2)
    coverage = np.mean(hits, axis=0)
    assert (coverage >= 0.88).all(), coverage  # nominal 95 %, 60 simulations
    assert coverage.mean() >= 0.93, coverage


def test_no_driver_stands_out_on_pure_noise():
    chol, beta, noise, _ = population()
    rng = np.random.default_rng(12)
    flagged = [
        stats.bootstrap_importance(
            simulate(rng, chol, beta, noise, null=True), resamples=200, seed=sim
        ).distinguishable.any()
        for sim in range(80)
    ]
    assert np.mean(flagged) <= 0.10  # Benjamini–Hochberg at 5 %: about 1 dataset in 20


def test_interval_starts_at_zero_exactly_when_not_distinguishable():
    chol, beta, noise, _ = population()
    res = stats.bootstrap_importance(
        simulate(np.random.default_rng(3), chol, beta, noise, n=1500), resamples=200, seed=1
    )
    assert ((res.share_low > 0) == res.distinguishable).all()
    assert ((res.share_low <= res.share) & (res.share <= res.share_high)).all()
    assert res.distinguishable[0] and not res.distinguishable[2]  # weights 0.8 and 0


def test_bootstrap_is_seeded():
    chol, beta, noise, _ = population()
    sums = simulate(np.random.default_rng(4), chol, beta, noise)
    a = stats.bootstrap_importance(sums, resamples=50, seed=9)
    b = stats.bootstrap_importance(sums, resamples=50, seed=9)
    c = stats.bootstrap_importance(sums, resamples=50, seed=10)
    assert (a.share_high == b.share_high).all() and (a.share == c.share).all()
    assert (a.share_high != c.share_high).any()
    assert stats.resample_weights(200, 50, 9).sum(axis=1) == pytest.approx([200] * 50)


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
    rej, qv = stats.benjamini_hochberg(np.array(p), 0.05)
    assert rej.astype(int).tolist() == rejected
    assert qv == pytest.approx(q)


def test_benjamini_hochberg_equals_scipy():
    p = np.random.default_rng(1).uniform(size=200) ** 3
    _, qv = stats.benjamini_hochberg(p)
    assert qv == pytest.approx(sps.false_discovery_control(p))


# --- tests of a change --------------------------------------------------------------------------


def test_nps_difference_by_hand():
    # now 50 promoters, 20 detractors of 100 (NPS 30); before 40 and 30 of 100 (NPS 10)
    # pooled p = .45, d = .25, var = p + d − (p − d)² = .66; SE = √(.66·(1/100 + 1/100)) = .11489
    t = stats.nps_test(50, 20, 100, 40, 30, 100)
    assert (t.current, t.previous, t.change) == pytest.approx((0.3, 0.1, 0.2))
    assert t.z == pytest.approx(0.2 / math.sqrt(0.66 * 0.02))
    assert t.p_value == pytest.approx(2 * sps.norm.sf(0.2 / math.sqrt(0.66 * 0.02)))


def test_nps_difference_equals_a_z_test_on_the_answer_scores():
    rng = np.random.default_rng(2)
    now = rng.choice([1, 0, -1], size=700, p=[0.5, 0.3, 0.2])
    before = rng.choice([1, 0, -1], size=500, p=[0.4, 0.3, 0.3])
    both = np.concatenate([now, before])
    se = both.std() * math.sqrt(1 / 700 + 1 / 500)  # pooled per-answer SD (ddof 0)
    t = stats.nps_test((now == 1).sum(), (now == -1).sum(), 700,
                       (before == 1).sum(), (before == -1).sum(), 500)  # fmt: skip
    assert t.z == pytest.approx((now.mean() - before.mean()) / se)


def test_two_proportions_by_hand():
    # 30/100 vs 45/100: pooled .375, SE = √(.375·.625·.02) = .068465, z = −.15/.068465
    t = stats.proportion_test(30, 100, 45, 100)
    assert t.change == pytest.approx(-0.15)
    assert t.z == pytest.approx(-0.15 / math.sqrt(0.375 * 0.625 * 0.02))


def test_mean_difference_equals_welch():
    rng = np.random.default_rng(3)
    a, b = rng.integers(1, 8, 90).astype(float), rng.integers(2, 8, 60).astype(float)
    t = stats.mean_test(a.sum(), (a * a).sum(), len(a), b.sum(), (b * b).sum(), len(b))
    ref = sps.ttest_ind(a, b, equal_var=False)
    assert t.z == pytest.approx(ref.statistic) and t.p_value == pytest.approx(ref.pvalue)


@pytest.mark.parametrize(
    ("x1", "n1", "x0", "n0", "low", "high"),
    [(56, 70, 48, 80, 0.0524, 0.3339), (9, 10, 3, 10, 0.1705, 0.8090)],  # Newcombe 1998, Table II
)
def test_difference_of_proportions_newcombe(x1, n1, x0, n0, low, high):
    d, lo, hi = stats.proportion_difference(x1, n1, x0, n0)
    assert d == pytest.approx(x1 / n1 - x0 / n0)
    assert (round(lo, 4), round(hi, 4)) == (low, high)


def test_below_target_one_sided():
    # 40/100 against 60 %: z = (.4 − .6)/√(.6·.4/100) = −4.082, p = Φ(z)
    t = stats.below_target_test(40, 100, 0.6)
    assert t.z == pytest.approx(-0.2 / math.sqrt(0.0024))
    assert t.p_value == pytest.approx(sps.norm.cdf(t.z))
    assert stats.below_target_test(70, 100, 0.6).p_value > 0.5
