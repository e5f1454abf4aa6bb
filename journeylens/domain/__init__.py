"""The domain: metric definitions, the funnel engine, the statistics and models.

Pure Python and numpy: no DuckDB, no files, no Streamlit, so every rule is testable alone.
"""
