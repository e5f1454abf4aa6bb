"""Storage: the DuckDB file, the named queries and the tables (store).

Builds on the domain only; it knows tables and transactions, not what a page shows.
"""
