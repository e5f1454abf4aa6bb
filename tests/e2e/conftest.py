"""End-to-end harness: `streamlit run app.py` on a free port, driven by Debian's Chromium.

- `demo_db` (session): the demo journey built once with the CLI (4,000 customers).
- `server` (session): one shared app server on a COPY of that database.
- `start_server` (function): a factory for fresh servers (cold start, empty database, editor
  password); every server it starts is stopped when the test ends.
- `page` / `new_page`: a new browser context per page; a failed test leaves a screenshot, the page
  text and the server log under test-artifacts/e2e/.

Helpers wait on conditions (the app's script-run state, texts, URLs), never on fixed sleeps.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = ROOT / "test-artifacts" / "e2e"
DEMO_CUSTOMERS = 4000
STARTUP_SECONDS = 60
DEFAULT_TIMEOUT_MS = 30_000
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
APP_ENV = (
    "JOURNEYLENS_DB",
    "JOURNEYLENS_SECRET_FILE",
    "JOURNEYLENS_EDITOR_PASSWORD",
    "JOURNEYLENS_NO_DEMO",
)


# --- failure artifacts --------------------------------------------------------------------------


@pytest.hookimpl(tryfirst=True, hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def _failed(request: pytest.FixtureRequest) -> bool:
    rep = getattr(request.node, "rep_call", None)
    return rep is None or rep.failed  # None: setup or the test itself never finished


def _artifact_name(request: pytest.FixtureRequest, suffix: str = "") -> str:
    return re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.name) + suffix


def _capture(request: pytest.FixtureRequest, page, label: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = ARTIFACTS / _artifact_name(request, label)
    png, txt = base.with_suffix(".png"), base.with_suffix(".txt")
    try:
        page.screenshot(path=str(png), full_page=True, timeout=10_000)
    except Exception as exc:  # noqa: BLE001 - a broken page must not hide the test's failure
        png = Path(f"(no screenshot: {exc})")
    try:
        text = f"URL: {page.url}\n\n" + page.inner_text("body", timeout=5_000)
    except Exception as exc:  # noqa: BLE001
        text = f"(no page text: {exc})"
    txt.write_text(text, encoding="utf-8")
    print(f"\n[e2e] failure artifacts: {png}  {txt}", file=sys.stderr)


# --- the browser --------------------------------------------------------------------------------


@pytest.fixture
def new_page(browser, request) -> Iterator[Callable[..., object]]:
    """Open a page in a new browser context (new session, own cookies): new_page(**context_kw)."""
    opened: list[tuple[object, object]] = []

    def make(**kwargs):
        kwargs.setdefault("viewport", {"width": 1400, "height": 1000})
        kwargs.setdefault("accept_downloads", True)
        ctx = browser.new_context(**kwargs)
        ctx.set_default_timeout(DEFAULT_TIMEOUT_MS)
        pg = ctx.new_page()
        opened.append((ctx, pg))
        return pg

    yield make
    failed = _failed(request)
    for i, (ctx, pg) in enumerate(opened):
        if failed and not pg.is_closed():
            _capture(request, pg, "" if i == 0 else f"-page{i + 1}")
        ctx.close()


@pytest.fixture
def page(new_page):
    return new_page()


# --- servers ------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    db: Path
    log: Path
    proc: subprocess.Popen
    env: dict[str, str] = field(default_factory=dict)

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def log_tail(self, chars: int = 4000) -> str:
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")[-chars:]
        except OSError:
            return ""


def start_app(
    workdir: Path, db: Path, *, password: str | None = None, extra_env: dict[str, str] | None = None
) -> Server:
    """`streamlit run app.py` on a free port; returns once /_stcore/health answers "ok"."""
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k not in APP_ENV}
    env.update(
        JOURNEYLENS_DB=str(db),
        JOURNEYLENS_SECRET_FILE=str(workdir / "journeylens.secret"),
        PYTHONUNBUFFERED="1",
    )
    if password is not None:
        env["JOURNEYLENS_EDITOR_PASSWORD"] = password
    env.update(extra_env or {})
    log = workdir / f"streamlit-{port}.log"
    cmd = [
        sys.executable, "-m", "streamlit", "run", "app.py",
        "--server.port", str(port),
        "--server.address", "127.0.0.1",
        "--server.headless", "true",
        "--browser.gatherUsageStats", "false",
        "--server.fileWatcherType", "none",
    ]  # fmt: skip
    with log.open("wb") as out:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    server = Server(f"http://127.0.0.1:{port}", db, log, proc, env)
    deadline = time.monotonic() + STARTUP_SECONDS
    while True:
        if proc.poll() is not None:
            raise RuntimeError(f"streamlit exited with {proc.returncode}:\n{server.log_tail()}")
        try:
            with urllib.request.urlopen(server.url + "/_stcore/health", timeout=2) as resp:
                if resp.read().decode().strip() == "ok":
                    return server
        except OSError:
            pass
        if time.monotonic() > deadline:
            server.stop()
            raise RuntimeError(f"streamlit did not become healthy:\n{server.log_tail()}")
        time.sleep(0.2)


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory) -> Path:
    """The demo journey, built once per session by the CLI. Never opened by a server: servers get
    copies, so tests may read this file with DuckDB at any time."""
    path = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    subprocess.run(
        [sys.executable, "-m", "journeylens", "demo", "--db", str(path),
         "--customers", str(DEMO_CUSTOMERS)],
        cwd=ROOT, check=True, capture_output=True, timeout=300,
    )  # fmt: skip
    return path


def _copy_db(src: Path, dest_dir: Path) -> Path:
    dest_dir.mkdir(parents=True, exist_ok=True)
    dest = dest_dir / "app.duckdb"
    shutil.copy(src, dest)
    wal = src.with_name(src.name + ".wal")
    if wal.exists():
        shutil.copy(wal, dest.with_name(dest.name + ".wal"))
    return dest


@pytest.fixture(scope="session")
def server(demo_db, tmp_path_factory) -> Iterator[Server]:
    """The shared server (demo workspace), for tests that do not need a cold start."""
    workdir = tmp_path_factory.mktemp("shared-server")
    srv = start_app(workdir, _copy_db(demo_db, workdir))
    yield srv
    srv.stop()


@pytest.fixture
def start_server(demo_db, tmp_path, request) -> Iterator[Callable[..., Server]]:
    """start_server(db="demo"|"empty"|Path, password=None, prepare=None): a fresh server.

    prepare(db_path) may change the database before the server opens it.
    """
    started: list[Server] = []

    def start(db="demo", password: str | None = None, prepare=None, **extra_env: str) -> Server:
        workdir = tmp_path / f"server{len(started)}"
        workdir.mkdir()
        if db == "demo":
            path = _copy_db(demo_db, workdir)
        elif db == "empty":
            path = workdir / "empty.duckdb"  # does not exist yet: the first start creates it
        else:
            path = Path(db)
        if prepare is not None:
            prepare(path)
        srv = start_app(workdir, path, password=password, extra_env=extra_env)
        started.append(srv)
        return srv

    yield start
    failed = _failed(request)
    for i, srv in enumerate(started):
        srv.stop()
        if failed:
            ARTIFACTS.mkdir(parents=True, exist_ok=True)
            dest = ARTIFACTS / _artifact_name(request, f"-server{i}.log")
            shutil.copy(srv.log, dest)
            print(f"[e2e] server log: {dest}", file=sys.stderr)


# --- waiting and reading the page ---------------------------------------------------------------

_IDLE_JS = """
(quietMs) => {
  const app = document.querySelector('[data-testid="stApp"]');
  const idle = !!app
    && app.getAttribute('data-test-connection-state') === 'CONNECTED'
    && app.getAttribute('data-test-script-state') === 'notRunning'
    && !document.querySelector('[data-testid="stStatusWidget"], [data-stale="true"]');
  const now = performance.now();
  if (!idle) { window.__jlIdleSince = null; return false; }
  if (window.__jlIdleSince == null) window.__jlIdleSince = now;
  return now - window.__jlIdleSince >= quietMs;
}
"""


def wait_idle(page, timeout: float = DEFAULT_TIMEOUT_MS, quiet_ms: int = 300) -> None:
    """Wait until the app is connected, no script run is in flight and nothing is stale, and has
    stayed so for quiet_ms (a rerun triggered by the last action may take a moment to begin)."""
    page.evaluate("window.__jlIdleSince = null")
    page.wait_for_function(_IDLE_JS, arg=quiet_ms, timeout=timeout, polling=50)


def open_app(page, url: str, ready: str = "h1", timeout: float = 60_000) -> None:
    """Go to url and wait for the app to finish its first run (ready: a selector to wait for)."""
    page.goto(url)
    page.wait_for_selector(
        '[data-testid="stApp"][data-test-script-state="notRunning"] ' + ready, timeout=timeout
    )
    wait_idle(page, timeout=timeout)


def main(page):
    return page.locator('[data-testid="stMain"]')


def sidebar(page):
    return page.locator('[data-testid="stSidebar"]')


def wait_text(page, text: str | re.Pattern, timeout: float = DEFAULT_TIMEOUT_MS, scope=None):
    """The first visible element containing text (substring or regex); fails after timeout."""
    from playwright.sync_api import expect

    loc = (scope or page).get_by_text(text).first
    expect(loc).to_be_visible(timeout=timeout)
    return loc


def metric_value(page, label: str) -> str:
    """The value shown in the st.metric tile whose label is exactly label."""
    tile = (
        main(page)
        .locator('[data-testid="stMetric"]')
        .filter(
            has=page.locator(
                '[data-testid="stMetricLabel"]', has_text=re.compile(rf"^\s*{re.escape(label)}\s*$")
            )
        )
    )
    value = tile.first.locator('[data-testid="stMetricValue"]')
    value.wait_for(state="visible")
    return value.inner_text().strip()


def parse_number(text: str, lang: str = "en") -> float:
    """'18.6' / '−3.2' (en) or '18,6' (vi, ro) → float."""
    text = text.strip().replace("\u2212", "-").replace("\u202f", "").replace(" ", "")
    text = text.replace(",", "") if lang == "en" else text.replace(".", "").replace(",", ".")
    return float(text)


def sidebar_select(page, label: str, option: str) -> None:
    """Pick option in the sidebar selectbox labelled label and wait for the rerun."""
    select_option(page, label, option, scope=sidebar(page))


def select_option(page, label: str, option: str, scope=None) -> None:
    box = (scope or page).get_by_role("combobox", name=label, exact=True)
    box.click()
    page.get_by_role("listbox").get_by_role("option", name=option, exact=True).click()
    wait_idle(page)


def multiselect_pick(page, label: str, option: str, scope=None) -> None:
    """Add option to the multiselect labelled label (sidebar by default), close it, wait."""
    scope = scope or sidebar(page)
    box = scope.get_by_role("combobox", name=label, exact=True)
    box.click()
    page.get_by_role("listbox", name=label).get_by_role("option", name=option, exact=True).click()
    page.keyboard.press("Escape")
    wait_idle(page)


def multiselect_values(page, label: str, scope=None) -> list[str]:
    """The chosen values (tags) of the multiselect labelled label."""
    scope = scope or sidebar(page)
    widget = scope.locator('[data-testid="stMultiSelect"]').filter(
        has=page.get_by_role("combobox", name=label, exact=True)
    )
    # the tag list is rendered twice (a <template> copy for measuring): read the live one
    tags = widget.locator('[role="group"][aria-label="Selected values"] [data-tag]')
    return sorted({t.get_attribute("aria-label") for t in tags.all() if t.is_visible()})


def segmented_pick(page, label: str, option: str) -> None:
    group = main(page).get_by_role("radiogroup", name=label, exact=True)
    group.get_by_role("radio", name=option, exact=True).click()
    wait_idle(page)


def segmented_value(page, label: str) -> str:
    group = main(page).get_by_role("radiogroup", name=label, exact=True)
    return group.locator('[role="radio"][aria-checked="true"]').inner_text().strip()


def nav_to(page, title: str) -> None:
    """Click a page in the sidebar navigation and wait for it to render (its title as h1)."""
    sidebar(page).locator(
        '[data-testid="stSidebarNav"] a [data-testid="stMarkdownContainer"]'
    ).filter(has_text=re.compile(rf"^\s*{re.escape(title)}\s*$")).click()
    page.wait_for_function(
        "(t) => [...document.querySelectorAll('[data-testid=stMain] h1')]"
        ".some(h => h.innerText.trim() === t)",
        arg=title,
    )
    wait_idle(page)


def nav_labels(page) -> list[str]:
    links = sidebar(page).locator(
        '[data-testid="stSidebarNav"] a [data-testid="stMarkdownContainer"]'
    )
    return [x.strip() for x in links.all_inner_texts()]


def assert_no_exception(page) -> None:
    boxes = page.locator('[data-testid="stException"]')
    if boxes.count():
        raise AssertionError("exception box on the page:\n" + boxes.first.inner_text())


def captions(page) -> list[str]:
    return [
        c.strip()
        for c in main(page).locator('[data-testid="stCaptionContainer"]').all_inner_texts()
    ]


def filter_caption(page) -> str:
    """The first caption 'Filters: … · n = …' under a figure."""
    loc = (
        main(page)
        .locator('[data-testid="stCaptionContainer"]')
        .filter(has_text=re.compile(r"Filters: .*n = "))
    )
    loc.first.wait_for(state="visible")
    return loc.first.inner_text().strip()


def dataframe(page, column: str):
    """The st.dataframe that has a column titled column."""
    return (
        main(page)
        .locator('[data-testid="stDataFrame"]')
        .filter(
            has=page.locator(
                'th[role="columnheader"]', has_text=re.compile(rf"^\s*{re.escape(column)}\s*$")
            )
        )
    )


def dataframe_row_count(df) -> int:
    """Data rows of an st.dataframe (the grid's aria-rowcount counts the header row too)."""
    grid = df.locator('table[role="grid"]').first
    grid.wait_for(state="attached")
    return int(grid.get_attribute("aria-rowcount")) - 1


def dataframe_text(df) -> str:
    """Header and rendered cells of an st.dataframe (its accessible table behind the canvas)."""
    grid = df.locator('table[role="grid"]').first
    grid.wait_for(state="attached")
    return grid.text_content() or ""


def upload_file(page, path) -> None:
    page.locator('[data-testid="stFileUploader"] input[type="file"]').set_input_files(str(path))
    wait_idle(page)
