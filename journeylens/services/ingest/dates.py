"""Which strptime formats read a date column's sample values, day-first or month-first."""

from __future__ import annotations

import re

import duckdb

from journeylens.services.ingest.sniff import NUMBER, SAMPLE_ROWS

_DATE_LIKE = re.compile(
    r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}(st|nd|rd|th)?[ -][A-Za-z]{3,}[ -]\d{2,4}"
    r"|[A-Za-z]{3,} \d{1,2},? \d{4}"
)
# Longer values cannot be dates; matching them only costs time (the pattern backtracks).
DATE_MAX_CHARS = 64

_DATES = [
    "%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%m/%d/%Y", "%d.%m.%Y", "%d-%m-%Y", "%m-%d-%Y",
    "%d/%m/%y", "%m/%d/%y", "%d.%m.%y", "%Y.%m.%d", "%d %b %Y", "%d %B %Y", "%b %d %Y",
    "%B %d %Y", "%b %d, %Y", "%B %d, %Y", "%d-%b-%Y", "%d-%b-%y",
]  # fmt: skip
_TIMES = [
    "", " %H:%M", " %H:%M:%S", " %H:%M:%S.%f", " %I:%M %p", " %I:%M:%S %p", "T%H:%M",
    "T%H:%M:%S", ", %H:%M", ", %H:%M:%S", " %I:%M%p", " %I:%M:%S%p",
]  # fmt: skip
CANDIDATES = [d + t for d in _DATES for t in _TIMES]
MONTH_FIRST_PLATFORMS = {"google_forms", "surveymonkey", "typeform"}
DEFAULT_FORMATS = ["%Y-%m-%d %H:%M:%S"]


def _month_first(fmt: str) -> bool:
    return fmt.startswith(("%m", "%b", "%B"))


def date_formats(
    con: duckdb.DuckDBPyConnection, columns: dict[str, list[str]], platform: str
) -> dict[str, list[str]]:
    """For each date-like column, the strptime formats (in order) that read its sample values.

    Day-first vs month-first is decided by the values (a 13..31 in first or second place); when the
    values cannot tell, month-first is assumed for US-style platforms and day-first elsewhere.
    """
    prefer_mf = platform in MONTH_FIRST_PLATFORMS
    order = {f: i for i, f in enumerate(CANDIDATES)}

    def rank(f: str) -> tuple[int, int]:
        return (0 if _month_first(f) == prefer_mf else 1, order[f])

    result: dict[str, list[str]] = {}
    for name, values in columns.items():
        vals = [v.strip() for v in values if v and v.strip()][:SAMPLE_ROWS]
        if not vals or sum(1 for v in vals if NUMBER.match(v)) > len(vals) / 2:
            continue
        if not any(re.search(r"\d", v) for v in vals):
            continue
        if sum(1 for v in vals if len(v) <= DATE_MAX_CHARS and _DATE_LIKE.search(v)) < 0.6 * len(
            vals
        ):
            continue
        # The candidate formats are our own constants (strptime needs a constant format), so they
        # are inlined as literals; the values are a bound parameter.
        probes = ", ".join(
            f"list(i) FILTER (WHERE try_strptime(jl_clean_date(jl_ts_body(s)), '{f}') IS NOT NULL)"
            for f in CANDIDATES
        )
        row = con.execute(
            "WITH v AS (SELECT unnest($vals) AS s, generate_subscripts($vals, 1) AS i) "
            f"SELECT list(i) FILTER (WHERE jl_iso(jl_ts_body(s)) IS NOT NULL), {probes} FROM v",
            {"vals": vals},
        ).fetchall()[0]
        rows = [("iso", row[0])] + list(zip(CANDIDATES, row[1:], strict=True))
        hits = {fmt: set(idx or []) for fmt, idx in rows}
        iso = hits.pop("iso", set())
        covered = set(iso)
        if len(set().union(iso, *hits.values())) < 0.6 * len(vals):
            continue
        chosen: list[str] = []
        while True:
            best = max(
                (f for f in hits if hits[f] - covered),
                key=lambda f: (len(hits[f] - covered), [-x for x in rank(f)]),
                default=None,
            )
            if best is None:
                break
            chosen.append(best)
            covered |= hits[best]
        result[name] = chosen or DEFAULT_FORMATS
    return result
