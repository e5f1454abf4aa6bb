"""Insight maths on aggregates: flows (Sankey layout), attribution models, comment themes.

Pure functions only: small DataFrames / numpy arrays in, results out. DuckDB computes the
aggregates (queries/paths_*.sql, attribution_*.sql, themes_*.sql); journeylens/paths.py,
journeylens/attribution.py and journeylens/themes.py run those queries and call in here.
"""

from __future__ import annotations

from typing import Any

from journeylens.i18n import t


class InsightError(ValueError):
    """Bad insight input. ``key`` and ``kwargs`` give the message in any UI language via t()."""

    def __init__(self, key: str, **kwargs: Any) -> None:
        self.key, self.kwargs = key, kwargs
        super().__init__(t(key, "en", **kwargs))

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.kwargs)
