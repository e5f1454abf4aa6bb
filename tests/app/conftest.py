"""AppTest fixtures: the real app.py on a real DuckDB file per test."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from journeylens import demo
from journeylens.store import Store

APP = Path(__file__).parent.parent.parent / "app.py"


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo journey, generated once per test session (smaller than the shipped demo)."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    with Store(path) as store:
        demo.install(store, customers=4000)
    return path


@pytest.fixture
def db(tmp_path, demo_db, monkeypatch) -> Path:
    path = tmp_path / "app.duckdb"
    shutil.copy(demo_db, path)
    monkeypatch.setenv("JOURNEYLENS_DB", str(path))
    monkeypatch.setenv("JOURNEYLENS_SECRET_FILE", str(tmp_path / "secret"))
    monkeypatch.delenv("JOURNEYLENS_EDITOR_PASSWORD", raising=False)
    return path


@pytest.fixture
def empty_db(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "empty.duckdb"
    with Store(path) as store:
        store.ensure_workspace("Empty")
    monkeypatch.setenv("JOURNEYLENS_DB", str(path))
    monkeypatch.setenv("JOURNEYLENS_NO_DEMO", "1")
    monkeypatch.setenv("JOURNEYLENS_SECRET_FILE", str(tmp_path / "secret"))
    monkeypatch.delenv("JOURNEYLENS_EDITOR_PASSWORD", raising=False)
    return path


@pytest.fixture
def app():
    """A fresh AppTest of app.py; the store cache is cleared so each test sees its own file."""

    def make(**query_params: str | list[str]) -> AppTest:
        from journeylens.ui import data

        data._store.clear()
        data._cached.clear()
        at = AppTest.from_file(str(APP), default_timeout=60)
        for key, value in query_params.items():
            at.query_params[key] = value
        return at

    return make
