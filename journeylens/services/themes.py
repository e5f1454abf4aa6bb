"""Comment themes: what unhappy customers say that happy ones do not, per touchpoint, from DuckDB.

Terms are cut in DuckDB (jl_comment_terms in queries/macros.sql: Vietnamese by syllable and
syllable pairs, Romanian with and without diacritics as one term, stop words from the files in
journeylens/services/insights/stopwords/) and counted per touchpoint and score group
(queries/themes_counts.sql); journeylens/domain/comment_themes.py scores the counts (Monroe et al.'s
weighted log-odds with an informative Dirichlet prior). Example comments are masked when the
workspace masks personal data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from journeylens.domain.comment_themes import MIN_COUNT, TOP, distinctive, log_odds
from journeylens.domain.errors import InsightError
from journeylens.domain.filters import Filters
from journeylens.storage import queries
from journeylens.storage.store import Workspace

BY = ("nps", "csat")
# JSON / page names of the two groups for each score
GROUP_NAMES = {"nps": ("detractors", "promoters"), "csat": ("csat_1_3", "csat_4_5")}
EXAMPLES = 3
LANE_TERMS = 3
STOPWORDS_DIR = Path(__file__).resolve().parent / "insights" / "stopwords"


@cache
def stopwords(lang: str) -> tuple[str, ...]:
    """The stop words of one language (en, vi, ro) or the negations, from the shipped files."""
    text = (STOPWORDS_DIR / f"{lang}.txt").read_text(encoding="utf-8")
    return tuple(w.strip() for w in text.splitlines() if w.strip() and not w.startswith("#"))


def _stops() -> dict[str, list[str]]:
    out = {f"stop_{lang}": list(stopwords(lang)) for lang in ("en", "vi", "ro")}
    out["negations"] = list(stopwords("negations"))
    return out


@dataclass
class Themes:
    """One scope (a touchpoint, or None for the whole journey)."""

    touchpoint: str | None
    by: str
    low: pd.DataFrame  # the unhappy group's distinctive terms: shown, key, z, count, comments
    high: pd.DataFrame
    comments: dict[str, int] = field(default_factory=dict)  # comments per group (low/mid/high)
    examples: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # (grp, key)

    def to_json(self) -> dict[str, Any]:
        low_name, high_name = GROUP_NAMES[self.by]

        def terms(frame: pd.DataFrame, grp: str) -> list[dict[str, Any]]:
            return [
                {
                    "term": str(r.shown),
                    "z": round(float(r.z), 3),
                    "count": int(r.count),
                    "examples": self.examples.get((grp, str(r.key)), []),
                }
                for r in frame.itertuples(index=False)
            ]

        return {
            "touchpoint": self.touchpoint,
            "groups": {low_name: terms(self.low, "low"), high_name: terms(self.high, "high")},
        }


def _check_by(by: str) -> str:
    if by not in BY:
        raise InsightError("themes.error.by", by=by)
    return by


def counts(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    persona: str | None = None,
) -> pd.DataFrame:
    """Term counts per touchpoint, NPS group and CSAT group (queries/themes_counts.sql);
    `persona`: one persona's rule (journeylens.domain.filters.rule_key), None: everyone."""
    return queries.themes_counts(
        cur, filters=filters, workspace_id=workspace_id, persona=persona, **_stops()
    )


def _scoped(found: pd.DataFrame, by: str, scope: pd.Series) -> pd.DataFrame:
    """The term rows of one grouping (by) with a scope column, summed per (scope, grp, key)."""
    grp = found[f"{by}_grp"]
    part = found.assign(scope=scope, grp=grp)[grp.notna() & found["key"].notna()]
    if part.empty:
        return pd.DataFrame(columns=["scope", "grp", "key", "count", "comments", "shown"])
    summed = part.groupby(["scope", "grp", "key"], as_index=False).agg(
        count=("count", "sum"), comments=("comments", "sum")
    )
    shown = part.sort_values("count", ascending=False, kind="stable")
    shown = shown.drop_duplicates(["scope", "key"])[["scope", "key", "shown"]]
    return summed.merge(shown, on=["scope", "key"], how="left")


def themes(
    cur: duckdb.DuckDBPyConnection,
    ws: Workspace,
    filters: Filters,
    *,
    touchpoint: str | None = None,
    by: str = "nps",
    top: int = TOP,
    min_count: int = MIN_COUNT,
    examples: int = EXAMPLES,
) -> Themes:
    """The distinctive terms of the unhappy and the happy group at `touchpoint` (None: all)."""
    _check_by(by)
    found = counts(cur, ws.workspace_id, filters)
    if touchpoint is not None:
        found = found[found["touchpoint"] == touchpoint]
    docs = found[found["key"].isna() & found[f"{by}_grp"].notna()]
    scored = log_odds(_scoped(found, by, pd.Series("all", index=found.index)))
    low = distinctive(scored, "low", top, min_count)
    high = distinctive(scored, "high", top, min_count)
    out = Themes(
        touchpoint=touchpoint,
        by=by,
        low=low,
        high=high,
        comments={str(g): int(n) for g, n in docs.groupby(f"{by}_grp")["comments"].sum().items()},
    )
    keys = sorted(set(low["key"]) | set(high["key"]))
    if keys and examples > 0:
        rows = queries.themes_examples(
            cur,
            filters=filters,
            workspace_id=ws.workspace_id,
            by=by,
            persona=None,
            touchpoint=touchpoint,
            keys=keys,
            per_term=int(examples),
            mask_pii=bool(ws.mask_pii),
            **_stops(),
        )
        for grp, key, comment in rows[["grp", "key", "comment"]].itertuples(index=False):
            out.examples.setdefault((str(grp), str(key)), []).append(str(comment))
    return out


def lane_terms(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    persona: str | None = None,
    k: int = LANE_TERMS,
) -> dict[str, str]:
    """The journey map's lane: per touchpoint, up to k terms that mark its detractors (where no
    term does, or no NPS was asked: its CSAT 1-3 answers), comma-separated, strongest first."""
    found = counts(cur, workspace_id, filters, persona)
    found = found[found["touchpoint"].notna()]
    out: dict[str, str] = {}
    for by in BY:
        scored = log_odds(_scoped(found, by, found["touchpoint"]))
        for tp, part in scored.groupby("scope"):
            if str(tp) in out:
                continue
            terms = distinctive(part, "low", k)
            if len(terms):
                out[str(tp)] = ", ".join(str(x) for x in terms["shown"])
    return out
