"""Insights: deciding what to fix (key drivers, the priority matrix, alerts).

Each insight is a DuckDB aggregate (queries/insights_*.sql) plus a small numpy / scipy step on
that aggregate (`stats`), never a pass over raw rows in Python:

- `stats`: the key-driver statistics, pure functions on sufficient statistics (no I/O);
  `significance`: the tests of a change and Benjamini–Hochberg, on counts and sums.
- `drivers`: key-driver analysis (relative importance of each touchpoint or question on NPS or
  conversion), the priority matrix quadrants and the impact on conversion.
- `alerts`: significant changes per touchpoint and metric, and falls below target.
- `flows`, `attribution`, `themes`: the maths of paths (Sankey layout), attribution models and
  comment themes; journeylens/paths.py, attribution.py and themes.py run their queries.
"""

from __future__ import annotations

from journeylens.errors import JourneyLensError


class InsightError(JourneyLensError, ValueError):
    """Bad insight input (a page's setting or a link's parameter): ``key`` and ``params`` give the
    message in any UI language."""

    hint_key = "error.hint.settings"
