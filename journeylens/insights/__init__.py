"""Insights: deciding what to fix (key drivers, the priority matrix, alerts).

Each insight is a DuckDB aggregate (queries/insights_*.sql) plus a small numpy / scipy step on
that aggregate (`stats`), never a pass over raw rows in Python:

- `stats`: the statistics, pure functions on sufficient statistics (no I/O).
- `drivers`: key-driver analysis (relative importance of each touchpoint or question on NPS or
  conversion), the priority matrix quadrants and the impact on conversion.
- `alerts`: significant changes per touchpoint and metric, and falls below target.
"""
