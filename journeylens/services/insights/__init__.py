"""Insights: deciding what to fix (key drivers, the priority matrix, alerts).

Each insight is a DuckDB aggregate (queries/insights_*.sql) plus a small numpy / scipy step on
that aggregate (journeylens/domain/stats.py), never a pass over raw rows in Python:

- `drivers`: key-driver analysis (relative importance of each touchpoint or question on NPS or
  conversion), the priority matrix quadrants and the impact on conversion.
- `alerts`: significant changes per touchpoint and metric, and falls below target.
- `words`: the sentences the pages and reports say about them, in the reader's language.

The maths of paths, attribution and comment themes lives in the domain (flows.py,
attribution_models.py, comment_themes.py); journeylens/services/paths.py, attribution.py and
themes.py run their queries.
"""
