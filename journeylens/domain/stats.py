"""The statistics behind the insights, on sufficient statistics only (no rows, no I/O).

Key drivers (relative importance of each driver on an outcome, as a share of the explained
variance):

- pairwise-complete correlations from per-pair sums (n, Σx, Σy, Σx², Σy², Σxy over the customers
  who have both values), so a customer who answered only some touchpoints still counts for the
  pairs they have; a matrix that is not positive definite (possible with pairwise deletion) is
  moved to the nearest one with unit diagonal by clipping its eigenvalues;
- the Shapley decomposition of R² (LMG: Lindeman, Merenda & Gold 1980; Grömping 2006): each
  driver's average increase in R² over all orders of entry, exact over the 2^k subsets up to
  MAX_EXACT drivers, each subset's R² read off one incremental Cholesky factor of the correlation
  matrix; above that, Johnson's (2000) relative weights. Both sum to the model's R²;
- a bucket bootstrap: customers fall into G random buckets by a hash of their id, DuckDB returns
  the sums per bucket, and resampling buckets with replacement (a seeded numpy Generator, B
  resamples) gives each importance a sampling distribution without a pass over the rows;
- "distinguishable from 0": an importance is a part of R², never negative, so its own percentile
  interval never contains 0. The test is on its signed square root (the sign of the driver's
  correlation with the outcome: for one driver, exactly its correlation), whose bootstrap
  distribution is close to normal and centred on 0 for a driver with no effect; two-sided
  p-values, and Benjamini–Hochberg across the drivers at q. The 95 % interval of a share is
  computed on the same square-root scale from the share's resamples; a driver that is not
  distinguishable gets an interval from 0, so that an interval excludes 0 exactly when the driver
  is distinguishable (a plain 95 % interval per driver would exclude 0 by chance for one of 20
  drivers with no effect).

Benjamini–Hochberg and the two-sample tests live in journeylens/domain/significance.py.
"""

from __future__ import annotations

import math
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import numpy as np

from journeylens.domain.significance import benjamini_hochberg, scipy_stats

MAX_EXACT = 15  # drivers up to which the Shapley decomposition is exact (2^15 subsets)
PD_EPS = 1e-6  # eigenvalue floor of the drivers' matrix in relative weights
PD_FLOOR = 0.05  # smallest eigenvalue of a repaired pairwise correlation matrix (nearest_pd)
STATS = ("n", "sx", "sy", "sxx", "syy", "sxy")  # the last axis of a sums array

try:
    from numba import njit
except ImportError:  # pragma: no cover - numba is in requirements.txt; numpy loops otherwise
    njit = None


# --- correlations from sufficient statistics ---------------------------------------------------


def correlations(sums: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Pairwise-complete correlation and pair counts from sums of shape (..., V, V, 6).

    sums[..., i, j, :] = (n, Σx_i, Σx_j, Σx_i², Σx_j², Σx_i·x_j) over the customers with both
    values, for i <= j (the lower triangle is ignored). A pair without variance on either side
    gets correlation 0 (it carries no information); the diagonal is 1.
    """
    v = sums.shape[-2]
    iu = np.triu_indices(v)
    up = sums[..., iu[0], iu[1], :]
    n, sx, sy, sxx, syy, sxy = (up[..., k] for k in range(6))
    vx = n * sxx - sx * sx
    vy = n * syy - sy * sy
    cov = n * sxy - sx * sy
    ok = (n >= 2) & (vx > 1e-12 * np.maximum(n * sxx, 1.0)) & (vy > 1e-12 * np.maximum(n * syy, 1))
    with np.errstate(divide="ignore", invalid="ignore"):
        r = np.where(ok, cov / np.sqrt(np.where(ok, vx * vy, 1.0)), 0.0)
    r = np.clip(r, -1.0, 1.0)
    shape = sums.shape[:-3] + (v, v)
    corr = np.zeros(shape)
    count = np.zeros(shape)
    corr[..., iu[0], iu[1]] = r
    count[..., iu[0], iu[1]] = n
    corr = corr + np.swapaxes(corr, -1, -2)
    count = count + np.swapaxes(count, -1, -2)
    diag = np.arange(v)
    corr[..., diag, diag] = 1.0
    count[..., diag, diag] = sums[..., diag, diag, 0]
    return corr, count


def nearest_pd(corr: np.ndarray, floor: float = PD_FLOOR) -> np.ndarray:
    """Correlation matrices (..., V, V) whose smallest eigenvalue is below floor, shrunk towards
    the identity just enough to bring it to floor: (1 − λ)·R + λ·I, λ = (floor − w_min) /
    (1 − w_min). Matrices at or above the floor are returned unchanged.

    Why a floor well above 0: pairwise deletion can give a matrix that is not positive definite,
    and clipping its eigenvalues to ~0 leaves the outcome almost a linear combination of the
    drivers, so R² comes out near 1 from nothing (the smallest eigenvalue of the matrix with the
    outcome bounds 1 − R² from above). Shrinking keeps the off-diagonal pattern and R² ≤ 1 −
    floor.
    """
    w = np.linalg.eigvalsh(corr)
    w_min = w[..., 0]
    bad = w_min < floor
    if not bad.any():
        return corr
    out = np.array(corr, dtype=np.float64, copy=True)
    lam = (floor - w_min[bad]) / (1.0 - w_min[bad])
    eye = np.eye(corr.shape[-1])
    out[bad] = (1.0 - lam)[:, None, None] * out[bad] + lam[:, None, None] * eye
    return out


# --- R² of every subset, Shapley values, relative weights ------------------------------------


def _subset_r2_loops(corr: np.ndarray, k: int) -> np.ndarray:  # pragma: no cover - compiled
    """R² of the outcome (index 0) on every subset of the k drivers (indices 1..k), by bitmask.

    Masks are visited in increasing order; the variables of a mask are its bits in increasing
    order, so its Cholesky factor is its parent's (the mask without its highest bit) plus one
    row: the row is found by forward substitution through the rows kept for the parent's
    prefixes, and R² grows by the square of one more element of L⁻¹r. O(s²) per subset.
    """
    m_count = corr.shape[0]
    n_sub = 1 << k
    out = np.zeros((m_count, n_sub))
    rows = np.zeros((n_sub, k + 1))
    z = np.zeros(n_sub)
    l_new = np.zeros(k + 1)
    idx = np.zeros(k + 1, np.int64)
    prefix = np.zeros(k + 1, np.int64)
    for m in range(m_count):
        for mask in range(1, n_sub):
            j = k - 1
            while not (mask >> j) & 1:
                j -= 1
            parent = mask ^ (1 << j)
            s = 0
            pm = 0
            for b in range(j):
                if (parent >> b) & 1:
                    pm |= 1 << b
                    idx[s] = b
                    prefix[s] = pm
                    s += 1
            ss = 0.0
            zz = 0.0
            for t in range(s):
                acc = corr[m, idx[t] + 1, j + 1]
                pr = prefix[t]
                for u in range(t):
                    acc -= rows[pr, u] * l_new[u]
                l_new[t] = acc / rows[pr, t]
                ss += l_new[t] * l_new[t]
                zz += l_new[t] * z[pr]
            d2 = corr[m, j + 1, j + 1] - ss
            if d2 < 1e-12:
                d2 = 1e-12
            d = math.sqrt(d2)
            for t in range(s):
                rows[mask, t] = l_new[t]
            rows[mask, s] = d
            zn = (corr[m, j + 1, 0] - zz) / d
            z[mask] = zn
            out[m, mask] = out[m, parent] + zn * zn
    return out


_compiled: dict[str, object] = {}


def _kernel(name: str):
    fn = {"subset_r2": _subset_r2_loops}[name]
    if njit is None:  # pragma: no cover
        return fn
    if name not in _compiled:
        _compiled[name] = njit(cache=True, nogil=True)(fn)
    return _compiled[name]


PARALLEL_WORK = 1 << 20  # matrices x subsets below which one thread is faster


def subset_r2(corr: np.ndarray) -> np.ndarray:
    """R² of the outcome (variable 0) on every subset of the drivers (1..k), indexed by bitmask
    (bit j = driver j + 1), for correlation matrices of shape (V, V) or (M, V, V).

    Many matrices (the bootstrap's) are split into one part per core, run in threads: the
    compiled loops release the GIL. Threads rather than numba's parallel mode, whose default
    threading layer must not be entered by two threads at once (Streamlit serves sessions in
    threads)."""
    c = np.ascontiguousarray(np.asarray(corr, dtype=np.float64))
    single = c.ndim == 2
    c = c[None] if single else c
    k = c.shape[-1] - 1
    kernel = _kernel("subset_r2")
    parts = min(os.cpu_count() or 1, 8, c.shape[0]) if c.shape[0] << k >= PARALLEL_WORK else 1
    if parts <= 1:
        out = kernel(c, k)
    else:
        chunks = np.array_split(np.arange(c.shape[0]), parts)
        with ThreadPoolExecutor(parts) as pool:
            results = list(pool.map(lambda idx: kernel(c[idx[0] : idx[-1] + 1], k), chunks))
        out = np.concatenate(results)
    return out[0] if single else out


def _shapley_weights(k: int) -> np.ndarray:
    """w(s) = s!(k−s−1)!/k!: the share of orders in which a driver enters after a given s-set."""
    return np.array(
        [math.factorial(s) * math.factorial(k - s - 1) / math.factorial(k) for s in range(k)]
    )


def shapley_from_subsets(r2: np.ndarray) -> np.ndarray:
    """Shapley values (LMG) from the R² of every subset, (2^k,) or (M, 2^k) -> (k,) or (M, k).

    LMG_j = Σ_{S∋j} w(|S|−1)·R²(S) − Σ_{S∌j} w(|S|)·R²(S): one matrix product with the
    subsets' membership matrix.
    """
    a = np.asarray(r2, dtype=np.float64)
    k = int(round(math.log2(a.shape[-1])))
    if k == 0:
        return np.zeros(a.shape[:-1] + (0,))
    masks = np.arange(1 << k)
    bits = ((masks[:, None] >> np.arange(k)) & 1).astype(np.float64)  # (2^k, k)
    size = bits.sum(axis=1).astype(int)
    w = np.append(_shapley_weights(k), 0.0)  # w(k) = 0: no driver is left outside the full set
    inside = np.where(size > 0, w[np.maximum(size - 1, 0)], 0.0)
    outside = w[size]
    return (a * (inside + outside)) @ bits - (a @ outside)[..., None]


def relative_weights(corr: np.ndarray) -> np.ndarray:
    """Johnson's (2000) relative weights: the drivers' shares of R² through the orthogonal
    variables closest to them. corr (V, V) or (M, V, V), outcome at index 0 -> (k,) or (M, k)."""
    c = np.asarray(corr, dtype=np.float64)
    single = c.ndim == 2
    c = c[None] if single else c
    rxx, rxy = c[:, 1:, 1:], c[:, 1:, 0]
    w, p = np.linalg.eigh(rxx)
    w = np.maximum(w, PD_EPS)
    lam = (p * np.sqrt(w)[:, None, :]) @ np.swapaxes(p, -1, -2)  # Rxx^(1/2)
    beta = np.linalg.solve(lam, rxy[..., None])[..., 0]  # the outcome on the orthogonal Z
    out = (lam**2) @ (beta**2)[..., None]
    out = out[..., 0]
    return out[0] if single else out


def r_squared(corr: np.ndarray) -> np.ndarray:
    """R² of the outcome (index 0) on all the drivers."""
    c = np.asarray(corr, dtype=np.float64)
    rxx, rxy = c[..., 1:, 1:], c[..., 1:, 0]
    return np.einsum("...i,...i->...", rxy, np.linalg.solve(rxx, rxy[..., None])[..., 0])


def vif(corr: np.ndarray) -> np.ndarray:
    """Variance inflation factor of each driver: the diagonal of the inverse of the drivers'
    correlation matrix (1 / (1 − R² of the driver on the other drivers))."""
    c = np.asarray(corr, dtype=np.float64)
    return np.einsum("...ii->...i", np.linalg.inv(c[..., 1:, 1:]))


def importance(corr: np.ndarray) -> tuple[np.ndarray, np.ndarray, str]:
    """(raw importance (..., k), model R² (...), method): each driver's part of R², exact Shapley
    up to MAX_EXACT drivers, relative weights above; the parts sum to R²."""
    k = np.asarray(corr).shape[-1] - 1
    if k <= 0:
        shape = np.asarray(corr).shape[:-2]
        return np.zeros(shape + (0,)), np.zeros(shape), "none"
    if k <= MAX_EXACT:
        r2 = subset_r2(corr)
        return shapley_from_subsets(r2), r2[..., -1], "shapley"
    raw = relative_weights(corr)
    return raw, raw.sum(axis=-1), "relative_weights"


# --- the bucket bootstrap ---------------------------------------------------------------------


@dataclass
class Importance:
    """The decomposition of one model with its bootstrap uncertainty (k drivers, B resamples).

    share*: parts of R² divided by R² (they sum to 1); raw: parts of R²; share_low/high: the
    interval at level `level` (from 0 for a driver that is not distinguishable, see the module
    doc); p/q: the test of "no importance"; distinguishable = q-value <= q.
    """

    method: str
    r2: float
    r2_low: float
    r2_high: float
    raw: np.ndarray
    share: np.ndarray
    share_low: np.ndarray
    share_high: np.ndarray
    p_value: np.ndarray
    q_value: np.ndarray
    distinguishable: np.ndarray
    level: float
    vif: np.ndarray
    correlation: np.ndarray  # the (repaired) correlation matrix, outcome first
    count: np.ndarray  # pair counts
    resamples: int
    seed: int
    raw_boot: np.ndarray  # (B, k)


def resample_weights(groups: int, resamples: int, seed: int) -> np.ndarray:
    """How often each bucket is drawn in each resample: (B, G) multinomial counts summing to G."""
    rng = np.random.Generator(np.random.PCG64(seed))
    return rng.multinomial(groups, np.full(groups, 1.0 / groups), size=resamples).astype(float)


def bootstrap_importance(
    bucket_sums: np.ndarray,
    resamples: int = 200,
    seed: int = 14,
    q: float = 0.05,
    interval: float = 0.95,
    min_pairs: int = 0,
) -> Importance:
    """The decomposition from per-bucket sums (G, V, V, 6) (outcome = variable 0) and its bucket
    bootstrap: B resamples of the G buckets with replacement.

    min_pairs: two drivers rated by fewer customers together than this are treated as
    uncorrelated (correlation 0): a correlation over a handful of customers is noise, and noise
    in the drivers' correlation matrix inflates R² and every interval.
    """
    sums = np.asarray(bucket_sums, dtype=np.float64)
    groups, v = sums.shape[0], sums.shape[1]
    k = v - 1
    total = sums.sum(axis=0)
    weights = resample_weights(groups, resamples, seed)
    boot = np.tensordot(weights, sums, axes=(1, 0))  # (B, V, V, 6)
    corr, count = correlations(np.concatenate([total[None], boot]))
    sparse = count[0] < min_pairs
    sparse[0, :] = sparse[:, 0] = False  # outcome pairs: the caller's minimum n decides
    np.fill_diagonal(sparse, False)
    corr[:, sparse] = 0.0
    corr = nearest_pd(corr)
    raw, r2, method = importance(corr)
    r2_hat = float(r2[0])
    sign = np.where(corr[:, 1:, 0] < 0, -1.0, 1.0)
    root = sign * np.sqrt(np.maximum(raw, 0.0))
    t0 = np.abs(root[0])
    se = root[1:].std(axis=0, ddof=1) if resamples > 1 else np.zeros(k)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(se > 0, t0 / np.where(se > 0, se, 1.0), np.where(t0 > 0, np.inf, 0.0))
    p = 2.0 * scipy_stats().norm.sf(z)
    reject, qv = benjamini_hochberg(p, q)
    denom = r2_hat if r2_hat > 0 else np.nan
    share = raw[0] / denom if k else np.zeros(0)
    # The share's interval, from the share's own resamples (a driver's part of R² and R² move
    # together: dividing the part's interval by R² would be far too wide) on the square-root
    # scale, where the resamples are close to normal. Percentiles of the shares themselves
    # cover badly with sparse pairwise data: every resample adds noise to the weak drivers' parts,
    # which pushes the strong driver's share down (simulated at the demo's overlap, the
    # percentile interval of the strongest driver covered its true share 0 times in 60, this one
    # 59 times). It starts at 0 exactly when the driver is not distinguishable: a driver that
    # does not survive Benjamini-Hochberg cannot be told apart from no effect, whatever its own
    # interval says (with 12 drivers, one excludes 0 by chance every other time).
    tail = (1.0 - interval) / 2.0
    zc = float(scipy_stats().norm.isf(tail))
    with np.errstate(divide="ignore", invalid="ignore"):
        share_root = np.sqrt(np.maximum(raw / r2[:, None], 0.0))
    s0 = share_root[0]
    se_share = share_root[1:].std(axis=0, ddof=1) if resamples > 1 else np.zeros(k)
    low = np.where(reject, np.maximum(s0 - zc * se_share, 0.0) ** 2, 0.0)
    high = np.minimum((s0 + zc * se_share) ** 2, 1.0)
    # distinguishable but the share's interval reaches 0: the part of R² says it does not
    fallback = np.maximum(t0 - zc * se, 0.0) ** 2 / denom
    low = np.where(reject & (low <= 0), np.minimum(fallback, share), low)
    # R² the same way (its percentiles sit too high: resampling adds noise, noise adds R²)
    se_r = float(np.sqrt(np.maximum(r2[1:], 0.0)).std(ddof=1)) if resamples > 1 else 0.0
    r_hat = math.sqrt(max(r2_hat, 0.0))
    return Importance(
        method=method,
        r2=r2_hat,
        r2_low=max(r_hat - zc * se_r, 0.0) ** 2,
        r2_high=min((r_hat + zc * se_r) ** 2, 1.0),
        raw=raw[0],
        share=share,
        share_low=np.minimum(low, share),
        share_high=np.maximum(high, share),
        p_value=p,
        q_value=qv,
        distinguishable=reject,
        level=interval,
        vif=vif(corr[0]) if k else np.zeros(0),
        correlation=corr[0],
        count=count[0],
        resamples=resamples,
        seed=seed,
        raw_boot=raw[1:],
    )
