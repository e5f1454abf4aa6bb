"""The funnel's chain builder as one compiled pass over a customer's events, for the common case.

Why this exists: at 50M events the SQL chain builder (one ASOF join per step in
queries/funnel_macros.sql) sorts the step events once per step and took 13 s for 5 steps and 42 s
for 10 on 2 cores. Here the step events are sorted once (by DuckDB) and every customer's chains are
built in a single linear pass, compiled with numba.

Scope: loose order and distinct step touchpoints, no exclusions (``FunnelSpec.fast`` decides).
The semantics are those of journeylens/funnel.py and the SQL fast path, and
tests/unit/test_chains.py checks both give the same funnel on random logs:

* every step-1 event starts a chain; step k is the earliest step-k event at or after step k-1's
  timestamp (equal timestamps allowed) and within ``window`` of step 1 (inclusive);
* a customer's chain is the deepest, then the earliest start.

Input rows are sorted by (customer id, time) in DuckDB; ``cust`` is a 64-bit hash of the customer
id that only marks where one customer's rows end and the next one's begin (two customers next to
each other in that order would have to share a hash to be merged: about 1 in 10^13 at 2M customers).
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor

import numpy as np

try:
    from numba import njit
except ImportError:  # pragma: no cover - numba is in requirements.txt; SQL path otherwise
    njit = None


def _build(cust, ts, step, n_steps, window, n_cust):  # pragma: no cover - compiled
    n = ts.shape[0]
    # one output row per customer with a step-1 event: depth and the chain's timestamps
    depth = np.zeros(n_cust, np.int8)
    times = np.zeros((n_cust, n_steps), np.int64)
    n_out = 0
    nxt = np.empty((n_steps + 1, 0), np.int64)
    run_start = np.empty(0, np.int64)
    cap = 0
    i = 0
    while i < n:
        j = i + 1
        while j < n and cust[j] == cust[i]:
            j += 1
        m = j - i
        has_start = False
        for q in range(i, j):
            if step[q] == 1:
                has_start = True
                break
        if has_start:
            if m > cap:
                cap = max(m, 2 * cap)
                nxt = np.empty((n_steps + 1, cap + 1), np.int64)
                run_start = np.empty(cap, np.int64)
            # nxt[k, r]: first row >= r (customer-relative) of step k, m if none
            for k in range(2, n_steps + 1):
                nxt[k, m] = m
            for r in range(m - 1, -1, -1):
                s = step[i + r]
                for k in range(2, n_steps + 1):
                    nxt[k, r] = r if s == k else nxt[k, r + 1]
            # run_start[r]: first row of r's run of equal timestamps ("at or after" includes it)
            for r in range(m):
                if r > 0 and ts[i + r] == ts[i + r - 1]:
                    run_start[r] = run_start[r - 1]
                else:
                    run_start[r] = r
            best = 0
            prev_start = np.int64(0)
            for r in range(m):
                if step[i + r] != 1:
                    continue
                t1 = ts[i + r]
                if best > 0 and t1 == prev_start:
                    continue  # same start time: the same chain
                prev_start = t1
                lim = t1 + window
                d = 1
                p = r
                for k in range(2, n_steps + 1):
                    c = nxt[k, run_start[p]]
                    if c >= m or ts[i + c] > lim:
                        break
                    d = k
                    p = c
                if d > best:
                    best = d
                    depth[n_out] = d
                    times[n_out, 0] = t1
                    p = r
                    for k in range(2, d + 1):
                        p = nxt[k, run_start[p]]
                        times[n_out, k - 1] = ts[i + p]
                    if d == n_steps:
                        break
            n_out += 1
        i = j
    return depth[:n_out], times[:n_out]


_compiled = None
PARALLEL_ROWS = 1_000_000  # below this, one thread: splitting costs more than it saves


def available() -> bool:
    return njit is not None


def build(
    cust: np.ndarray, ts: np.ndarray, step: np.ndarray, n_steps: int, window_us: int
) -> tuple[np.ndarray, np.ndarray]:
    """(depth per customer, chain timestamps in µs per customer and step; 0 past the depth).

    The rows are cut into one part per core at customer boundaries and the parts run in threads
    (the compiled pass releases the GIL)."""
    global _compiled
    if _compiled is None:
        _compiled = njit(cache=True, nogil=True)(_build)
    cust = np.ascontiguousarray(cust, np.uint64)
    ts = np.ascontiguousarray(ts, np.int64)
    step = np.ascontiguousarray(step, np.int8)
    n = ts.shape[0]
    if n == 0:
        return np.zeros(0, np.int8), np.zeros((0, n_steps), np.int64)
    parts = min(os.cpu_count() or 1, 8) if n >= PARALLEL_ROWS else 1
    bounds = np.flatnonzero(cust[1:] != cust[:-1]) + 1  # first row of each later customer
    cuts = [0]
    for k in range(1, parts):
        i = int(np.searchsorted(bounds, n * k // parts))
        cut = int(bounds[i]) if i < len(bounds) else n
        if cuts[-1] < cut < n:
            cuts.append(cut)
    cuts.append(n)

    def one(a: int, b: int) -> tuple[np.ndarray, np.ndarray]:
        n_cust = int(np.searchsorted(bounds, b) - np.searchsorted(bounds, a, side="right")) + 1
        return _compiled(cust[a:b], ts[a:b], step[a:b], int(n_steps), int(window_us), n_cust)

    spans = list(zip(cuts[:-1], cuts[1:], strict=True))
    if len(spans) == 1:
        return one(*spans[0])
    with ThreadPoolExecutor(len(spans)) as pool:
        results = list(pool.map(lambda ab: one(*ab), spans))
    return np.concatenate([r[0] for r in results]), np.concatenate([r[1] for r in results])


def summarise(depth: np.ndarray, times: np.ndarray, n_steps: int) -> list[dict]:
    """Per step: customers reaching it, median and mean seconds from the previous step."""
    rows = []
    for k in range(1, n_steps + 1):
        reached = depth >= k
        count = int(reached.sum())
        median = mean = None
        if k > 1 and count:
            secs = (times[reached, k - 1] - times[reached, k - 2]) / 1e6
            median, mean = float(np.median(secs)), float(secs.mean())
        rows.append({"step": k, "count": count, "median": median, "mean": mean})
    return rows
