import re
import sys
from pathlib import Path

import pytest

from journeylens.storage.store import Store

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]


@pytest.fixture
def store(tmp_path):
    """A real DuckDB file on disk, fresh per test."""
    s = Store(tmp_path / "test.duckdb")
    yield s
    s.close()


@pytest.fixture(scope="session")
def browser():
    """One Debian Chromium for the whole run: Playwright's sync API allows one driver per loop,
    so the e2e and reliability suites share it."""
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM}, which is missing. "
            "Run `make test` (or `make test-e2e`), which installs it.",
            pytrace=False,
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield b
        b.close()


_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")


def shown(markdown: str) -> str:
    """The text a reader sees for a Markdown body whose values were escaped
    (journeylens.domain.markup.escape_markdown): AppTest reports the body, the browser shows this."""
    return _ESCAPED.sub(r"\1", markdown).replace("\u2060", "")  # the invisible joiner


def hostile_corpus():
    """scripts/hostile_corpus.py as a module (the corpus generator of issue 20)."""
    import importlib.util

    name = "hostile_corpus"
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(
            name, Path(__file__).resolve().parents[1] / "scripts" / f"{name}.py"
        )
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module  # dataclasses look their module up while the class is made
        spec.loader.exec_module(module)
    return sys.modules[name]


def file_column_filters(column: str, value: str):
    """The same rows chosen two ways, by a column of the user's file (responses/events.extra):
    the sidebar's filter on it, and a persona whose rule names it (the Personas page)."""
    from journeylens.domain.filters import Filters, extra_by, rule_key

    return {
        "extra column": Filters(extras=((column, (value,)),)),
        "persona ruled by it": Filters(
            personas=(value,), persona_rules=(rule_key(extra_by(column), value),)
        ),
    }
