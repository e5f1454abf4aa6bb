"""The directly-follows graph and the flow in one compiled pass over events in stored order.

Why: a sorted SQL query over 50M events spills its sort to disk under the 2 GB limit (45–55 s,
bench/paths.py). The importer stores each upload sorted by (customer_id, ts, src_row), and
journeylens/services/paths.py refresh_summary records whether the whole workspace is in the paths' order
(part 'paths_order' of summary_versions). When it is, queries/paths_rows.sql reads the filtered
events as a plain scan in that order and these kernels count in one linear pass, with the same
definitions as queries/paths_dfg.sql and queries/paths_flow.sql (tests/unit/test_path_kernel.py
compares them on generated logs). Otherwise journeylens/services/paths.py keeps using the SQL.

A customer is a run of equal 64-bit hashes of customer_id (two adjacent customers sharing a hash
is the same odds as in journeylens/domain/funnel_engine.py).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import numpy as np
import pandas as pd
from numba import njit

BATCH_ROWS = 1 << 20  # rows per streamed batch: memory stays ~ a batch, not the log


@njit(cache=True, nogil=True)
def _flow_chunk(cust, code, conv, start, steps, keep_repeats, counts, buf):  # pragma: no cover
    """Adds whole customers' paths to counts[converted, step, source (0: none), target]."""
    n = cust.shape[0]
    i = 0
    while i < n:
        c = cust[i]
        k = 0
        started = start == 0
        prev = -1
        converted = False
        while i < n and cust[i] == c:
            x = np.int64(code[i])
            if conv[i]:
                converted = True
            repeat = x == prev
            prev = x
            i += 1
            if repeat and not keep_repeats:
                continue
            if not started:
                if x != start:
                    continue
                started = True
            if k < steps:
                buf[k] = x
                k += 1
        g = 1 if converted else 0
        for s in range(k):
            src = buf[s - 1] if s > 0 else 0
            counts[g, s + 1, src, buf[s]] += 1


@njit(cache=True, nogil=True)
def _dfg_chunk(cust, code, t, n_codes, edges, starts, edge_of, gap_of):  # pragma: no cover
    """Adds whole customers to edges[source, target (0: the ends of source)] and starts; writes
    each edge's id and gap (whole seconds) to edge_of / gap_of; returns how many it wrote."""
    n = cust.shape[0]
    w = 0
    for i in range(n):
        a = np.int64(code[i])
        if i == 0 or cust[i - 1] != cust[i]:
            starts[a] += 1
        if i + 1 < n and cust[i + 1] == cust[i]:
            b = np.int64(code[i + 1])
            edges[a, b] += 1
            d = (t[i + 1] - t[i]) / 1e6
            # round half away from zero, as DuckDB's round() before ::INTEGER
            r = np.floor(d + 0.5) if d >= 0 else -np.floor(-d + 0.5)
            edge_of[w] = a * (n_codes + 1) + b
            gap_of[w] = np.int32(r)
            w += 1
        else:
            edges[a, 0] += 1
    return w


@njit(cache=True, nogil=True)
def _medians(edge_of, gap_of, n_edges):  # pragma: no cover
    """The median gap per edge id: a counting sort by edge, then each edge's median."""
    counts = np.zeros(n_edges + 1, np.int64)
    for e in edge_of:
        counts[e + 1] += 1
    offsets = np.cumsum(counts)
    fill = offsets[:-1].copy()
    grouped = np.empty(edge_of.shape[0], np.int32)
    for i in range(edge_of.shape[0]):
        e = edge_of[i]
        grouped[fill[e]] = gap_of[i]
        fill[e] += 1
    out = np.full(n_edges, np.nan)
    for e in range(n_edges):
        lo, hi = offsets[e], offsets[e + 1]
        if hi > lo:
            out[e] = np.median(grouped[lo:hi])
    return out


Batches = Iterable[tuple[np.ndarray, ...]]


def whole_customers(batches: Batches) -> Iterator[tuple[np.ndarray, ...]]:
    """Re-cut streamed batches (first column: the customer) so each holds whole customers: the
    last customer of a batch waits for the rest of their rows in the next one."""
    carry: tuple[np.ndarray, ...] | None = None
    for batch in batches:
        if carry is not None:
            batch = tuple(np.concatenate([c, b]) for c, b in zip(carry, batch, strict=True))
        cust = batch[0]
        if len(cust) == 0:
            carry = batch
            continue
        tail = int(np.argmax(cust[::-1] != cust[-1])) or len(cust)  # rows of the last customer
        cut = len(cust) - tail
        if cut:
            yield tuple(b[:cut] for b in batch)
        carry = tuple(b[cut:] for b in batch)
    if carry is not None and len(carry[0]):
        yield carry


def flow_pairs(
    batches: Batches,
    codes: list[str],
    start: str | None,
    steps: int,
    keep_repeats: bool,
) -> pd.DataFrame:
    """The rows of queries/paths_flow.sql (converted, step, source, target, customers) from
    (customer, code, conv) batches."""
    start_code = codes.index(start) + 1 if start is not None and start in codes else 0
    if start is not None and start_code == 0:
        return _empty_pairs()
    counts = np.zeros((2, steps + 1, len(codes) + 1, len(codes) + 1), np.int64)
    buf = np.zeros(steps, np.int64)
    for cust, code, conv in whole_customers(batches):
        _flow_chunk(cust, code, conv, start_code, int(steps), bool(keep_repeats), counts, buf)
    g, s, a, b = np.nonzero(counts)
    names = np.array([None, *codes], dtype=object)
    out = pd.DataFrame(
        {
            "converted": g.astype(bool),
            "step": s.astype(np.int32),
            "source": names[a],
            "target": names[b],
            "customers": counts[g, s, a, b],
        }
    )
    return out.sort_values(
        ["converted", "step", "source", "target"], na_position="first", ignore_index=True
    )


def dfg_rows(batches: Batches, codes: list[str]) -> pd.DataFrame:
    """The rows of queries/paths_dfg.sql (source, target, count, starts, median_seconds) from
    (customer, code, t) batches."""
    k = len(codes) + 1
    edges = np.zeros((k, k), np.int64)
    starts = np.zeros(k, np.int64)
    edge_parts, gap_parts = [], []
    for cust, code, t in whole_customers(batches):
        edge_of = np.empty(len(cust), np.int32)
        gap_of = np.empty(len(cust), np.int32)
        w = _dfg_chunk(cust, code, t, len(codes), edges, starts, edge_of, gap_of)
        edge_parts.append(edge_of[:w])
        gap_parts.append(gap_of[:w])
    if edge_parts:
        medians = _medians(np.concatenate(edge_parts), np.concatenate(gap_parts), k * k)
    else:
        medians = np.full(k * k, np.nan)
    del edge_parts, gap_parts
    a, b = np.nonzero(edges)
    names = np.array([None, *codes], dtype=object)
    out = pd.DataFrame(
        {
            "source": names[a],
            "target": names[b],
            "count": edges[a, b],
            "median_seconds": np.where(b > 0, medians[a * k + b], np.nan),
        }
    ).sort_values(["source", "target"], na_position="first", ignore_index=True)
    # the callers sum `starts` over a source's rows: give each source's on its first row
    first = ~out["source"].duplicated()
    by_name = dict(zip(codes, starts[1:].tolist(), strict=True))
    out["starts"] = np.where(first, out["source"].map(by_name), 0).astype(np.int64)
    return out[["source", "target", "count", "starts", "median_seconds"]]


def _empty_pairs() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "converted": pd.Series([], dtype=bool),
            "step": pd.Series([], dtype=np.int32),
            "source": pd.Series([], dtype=object),
            "target": pd.Series([], dtype=object),
            "customers": pd.Series([], dtype=np.int64),
        }
    )
