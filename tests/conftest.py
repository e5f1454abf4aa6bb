import pytest

from journeylens.store import Store


@pytest.fixture
def store(tmp_path):
    """A real DuckDB file on disk, fresh per test."""
    s = Store(tmp_path / "test.duckdb")
    yield s
    s.close()
