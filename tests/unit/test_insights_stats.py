"""The insight statistics against hand-computed numbers and independent computations.

Independent oracles: R² of every subset by least squares on the data (numpy lstsq), Shapley values
by brute force over every order of entry, Johnson's relative weights through the SVD of the
standardised data (his original construction), pandas' pairwise-complete correlations.
"""

from __future__ import annotations

import itertools
import math

import numpy as np
import pandas as pd
import pytest

from journeylens.domain import stats

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
