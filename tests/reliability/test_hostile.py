"""Hostile input is data: SQL, HTML/JS, path traversal, 10,000-character and odd-unicode strings in
query parameters, filter values, uploaded headers and cells, and workspace names.

- Every page under hostile query parameters: no exception, no error box, every table's row count
  unchanged.
- Files whose headers and cells are hostile strings load as data; the `extra` MAP keeps each
  unmapped header verbatim.
- Workspaces can be named with hostile strings and selected from the URL.
- In a real browser, markup in a workspace name, comments, touchpoints and personas never runs.
- The app's DuckDB connection cannot read or write files outside its staging directory, attach
  databases, install extensions, or switch the lock-down off.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import quote

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from journeylens.domain.permissions import LOCAL
from journeylens.i18n import t
from journeylens.services import demo, ingest
from journeylens.storage.store import Store, staging_dir
from tests.e2e.conftest import open_app, wait_idle
from tests.reliability.conftest import ROOT, SLOW

APP = ROOT / "app.py"
PAGES = ("overview", "journey", "funnel", "emotion", "heatmap", "comments", "data")
LONG = "A" * 4000 + "'\"<>;--" + "ş" * 3000 + "ư" * 2993  # 10,000 characters
assert len(LONG) == 10_000
HOSTILE = [
    "'; DROP TABLE responses; --",
    ") OR 1=1 --",
    '" OR ""="',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "../../etc/passwd",
    "$workspace_id",
    "{file}",
    "%s%s%n",
    "\u202eevil\u202c ‮",
    "Z\u0351\u0352\u0353algo \U0001f4a9 \u200d\ufeff",
    "caf\ufffd %FF%FE \x7f",  # what invalid UTF-8 bytes in a URL (%FF) are decoded to
    LONG,
]
PARAMS = (
    "ws", "lang", "dates", "persona", "segment", "channel", "stage", "metric", "by", "grain",
    "steps", "window", "strict", "exclude", "q", "tp", "page_no", "compare", "cell",
)  # fmt: skip
TABLES = ("workspaces", "datasets", "touchpoints", "responses", "events", "saved_mappings",
          "share_links", "meta")  # fmt: skip


WINDOW_MESSAGE = "Cannot read the conversion window "  # funnel.error.window, en


def _counts(store: Store) -> dict[str, int]:
    cur = store.cursor()
    try:
        return {
            t: int(cur.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0])  # noqa: S608
            for t in TABLES
        }
    finally:
        cur.close()


@pytest.fixture(scope="module")
def hostile_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("hostile") / "template.duckdb"
    with Store(path) as store:
        demo.install(store, LOCAL, customers=400)
    return path


@pytest.fixture
def app_env(hostile_template, tmp_path, app_on):
    db = tmp_path / "app.duckdb"
    shutil.copy(hostile_template, db)
    app_on(db)
    return db


def _run(page: str, params: dict[str, object]) -> AppTest:
    at = AppTest.from_file(str(APP), default_timeout=60)
    for k, v in params.items():
        at.query_params[k] = v
    at.run()
    if page != "overview" and not at.exception:
        at.switch_page(f"pages/{page}.py").run()
    return at


def _assert_clean(at: AppTest, what: str, expected_errors: tuple[str, ...] = ()) -> None:
    assert not at.exception, (what, [e.value[:500] for e in at.exception])
    errors = [
        e.value
        for e in at.error
        if e.value not in expected_errors
        # The funnel page answers an unreadable window text with its own message (by design: it
        # is what a typo in that text box shows), quoting the text as data.
        and not e.value.startswith(WINDOW_MESSAGE)
    ]
    assert not errors, (what, [e[:500] for e in errors])


def _rotations(n: int) -> list[dict[str, object]]:
    """n query-string assignments: every parameter gets a different hostile value each time."""
    out = []
    for r in range(n):
        params: dict[str, object] = {}
        for i, name in enumerate(PARAMS):
            value = HOSTILE[(i + r) % len(HOSTILE)]
            params[name] = [value, HOSTILE[(i + r + 1) % len(HOSTILE)]] if i % 3 == 0 else value
        out.append(params)
    return out


@pytest.mark.parametrize("page", PAGES)
def test_hostile_query_params_on_every_page(app_env, page):
    from journeylens.ui import data

    rotations = _rotations(len(HOSTILE) if SLOW else 1)
    before = None
    for params in rotations:
        at = _run(page, params)
        if before is None:
            before = _counts(data.get_store())
        _assert_clean(at, f"{page} {str(params)[:200]}")
        assert at.title, f"{page}: the page did not render"
    assert _counts(data.get_store()) == before


@pytest.mark.parametrize("value", [HOSTILE[0], HOSTILE[3], "../../etc/passwd", LONG])
def test_hostile_share_token_is_refused_with_a_message(app_env, value):
    at = _run("overview", {"share": value})
    _assert_clean(at, value[:80], (t("access.invalid_body"),))
    assert [e.value for e in at.error] == [t("access.invalid_body")]


@pytest.mark.parametrize("value", HOSTILE if SLOW else [HOSTILE[0], HOSTILE[4], LONG])
def test_hostile_filter_value_in_every_filter(app_env, value):
    """One hostile value in every filter at once, on the overview and the comments search."""
    from journeylens.ui import data

    params = {k: value for k in ("persona", "segment", "channel", "stage", "q", "tp", "dates")}
    at = _run("comments", params)
    _assert_clean(at, value[:80])
    before = _counts(data.get_store())
    at = _run("overview", params)
    _assert_clean(at, value[:80])
    assert _counts(data.get_store()) == before


def _hostile_csv(encoding: str = "utf-8") -> tuple[bytes, list[str]]:
    import csv
    import io

    usable = list(HOSTILE)
    headers = [f"{h}" for h in usable]
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(["Response ID", "How likely are you to recommend us?", "Comment", *headers])
    for i, h in enumerate(usable):
        w.writerow(
            [f"r{i}", str(i % 11), h, *[usable[(i + j) % len(usable)] for j in range(len(usable))]]
        )
    data = buf.getvalue()
    if encoding != "utf-8":
        data = data.encode(encoding, errors="replace").decode(encoding)
    return data.encode(encoding, errors="replace"), usable


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16", "cp1252"])
def test_hostile_headers_and_cells_load_as_data(tmp_path, encoding):
    raw, usable = _hostile_csv(encoding)
    with Store(tmp_path / "h.duckdb") as store:
        ws = store.ensure_workspace(LOCAL, "H")
        before = _counts(store)
        p = ingest.prepare(raw, "'; DROP TABLE x; --<b>.csv", store=store)
        assert p.kind == "responses"
        result = ingest.load(store, LOCAL, ws, p, p.mapping, p.kind)
        p.cleanup()
        assert result.rows_loaded == len(usable) and result.rows_rejected == 0
        cur = store.cursor()
        rows = cur.execute(
            "SELECT comment, map_keys(extra) FROM responses ORDER BY src_row"
        ).fetchall()
        cur.close()
        if encoding == "cp1252":  # characters cp1252 cannot hold became "?"
            usable = [h.encode("cp1252", errors="replace").decode("cp1252") for h in usable]
        assert [r[0] for r in rows] == usable
        keys = set(rows[0][1])
        for h in usable:
            shown = " ".join(h.split())  # headers are shown with runs of spaces collapsed
            assert shown in keys, (h[:60], sorted(k[:60] for k in keys))
        after = _counts(store)
        assert after["responses"] == before["responses"] + len(usable)
        assert {
            k: v
            for k, v in after.items()
            if k not in ("responses", "datasets", "saved_mappings", "workspaces")
        } == {
            k: v
            for k, v in before.items()
            if k not in ("responses", "datasets", "saved_mappings", "workspaces")
        }


def test_hostile_workspace_names(app_env):
    names = list(HOSTILE)
    with Store(app_env) as store:
        before = _counts(store)
        made = [store.ensure_workspace(LOCAL, n) for n in names]
        assert len({w.workspace_id for w in made}) == len(names)
        for n in names:
            assert store.workspace(n.strip()) is not None
        assert _counts(store)["workspaces"] == before["workspaces"] + len(names)
        assert _counts(store)["responses"] == before["responses"]
    for n in names[:6] + [LONG]:
        at = _run("overview", {"ws": n.strip()})
        _assert_clean(at, n[:80])
        assert at.sidebar.selectbox(key="ws").value == n.strip()


# --- real browser: markup never runs -------------------------------------------------------------

XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>'


def _xss_db(path: Path) -> Path:
    body = [
        "Response ID,Customer ID,Touchpoint,Submitted at,How likely are you to recommend us?,"
        "CSAT,Comment,Persona"
    ]
    for i in range(60):
        comment = XSS if i % 2 else f"[click](javascript:window.__pwned=1) {XSS}"
        tp = ["Web", XSS][i % 2]
        body.append(
            f'r{i},c{i},"{tp.replace(chr(34), 2 * chr(34))}",2024-03-{1 + i % 28:02d} 10:00:00,'
            f'{i % 11},{1 + i % 5},"{comment.replace(chr(34), 2 * chr(34))}",'
            f'"{XSS.replace(chr(34), 2 * chr(34))}"'
        )
    raw = ("\n".join(body) + "\n").encode()
    with Store(path) as store:
        ws = store.ensure_workspace(LOCAL, XSS)
        p = ingest.prepare(raw, f"{XSS}.csv", store=store)
        ingest.load(store, LOCAL, ws, p, p.mapping, p.kind)
        p.cleanup()
    return path


def test_markup_in_data_never_runs_in_the_browser(tmp_path, start_server, new_page):
    db = _xss_db(tmp_path / "xss.duckdb")
    srv = start_server(db, JOURNEYLENS_NO_DEMO="1")
    page = new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    ws = quote(XSS)
    for path in ("comments", "", "data") + (("heatmap", "journey") if SLOW else ()):
        open_app(page, f"{srv.url}/{path}?ws={ws}&q={quote(XSS[:20])}")
        wait_idle(page)
        page.locator('[data-testid="stSidebar"]').inner_text()
        assert page.evaluate("window.__pwned") is None, f"markup ran on /{path}"
        assert not page.locator('[data-testid="stMain"] img[src="x"]').count()
        assert not page.locator('[data-testid="stException"]').count(), path
    # The name is shown as text in the workspace picker.
    picker = page.locator('[data-testid="stSidebar"] [data-testid="stSelectbox"]').nth(1)
    assert "onerror" in (picker.inner_text() + (picker.locator("input").input_value() or ""))
    assert not dialogs


# --- the DuckDB connection is locked down --------------------------------------------------------


@pytest.fixture
def locked_store(tmp_path, monkeypatch):
    monkeypatch.delenv("JOURNEYLENS_ALLOW_FILE_ACCESS", raising=False)
    store = Store(tmp_path / "locked.duckdb")
    yield store
    store.close()


OUTSIDE = "/etc/passwd"


@pytest.mark.parametrize(
    "statement",
    [
        f"SELECT * FROM read_csv('{OUTSIDE}')",
        f"SELECT * FROM read_text('{OUTSIDE}')",
        f"SELECT * FROM read_blob('{OUTSIDE}')",
        "SELECT * FROM glob('/etc/*')",
        f"SELECT * FROM read_parquet('{OUTSIDE}')",
        f"SELECT * FROM read_json('{OUTSIDE}')",
        "COPY (SELECT 1) TO '/tmp/jl_lockdown_probe.csv'",
        "COPY responses TO '/tmp/jl_lockdown_probe.parquet' (FORMAT parquet)",
        "EXPORT DATABASE '/tmp/jl_lockdown_probe_dir'",
        "ATTACH '/tmp/jl_lockdown_probe.duckdb' AS other",
        "INSTALL httpfs",
        "LOAD httpfs",
        "SET enable_external_access = true",
        "RESET enable_external_access",
        "SET allowed_directories = ['/']",
        "SET allowed_paths = ['/etc/passwd']",
        "SET lock_configuration = false; SET enable_external_access = true",
        "SELECT * FROM read_csv('{staging}/../../../etc/passwd')",
        "SELECT * FROM read_csv('{staging}/%2e%2e/%2e%2e/etc/passwd')",
    ],
)
def test_query_connection_cannot_touch_files(locked_store, statement):
    statement = statement.replace("{staging}", str(staging_dir()))
    for con in (locked_store.con, locked_store.cursor()):
        with pytest.raises(duckdb.Error):
            con.execute(statement).fetchall()
    assert not Path("/tmp/jl_lockdown_probe.csv").exists()
    assert not Path("/tmp/jl_lockdown_probe.parquet").exists()
    assert not Path("/tmp/jl_lockdown_probe_dir").exists()
    cur = locked_store.cursor()
    assert cur.execute("SELECT current_setting('enable_external_access')").fetchall()[0][0] is False


def test_lockdown_survives_a_symlink_in_the_staging_dir(locked_store, tmp_path):
    """A link planted in the staging dir must not open a path outside it."""
    link = Path(staging_dir()) / f"jl-probe-{os.getpid()}.csv"
    link.unlink(missing_ok=True)
    link.symlink_to(OUTSIDE)
    try:
        with pytest.raises(duckdb.Error):
            locked_store.cursor().execute(f"SELECT * FROM read_text('{link}')").fetchall()
    finally:
        link.unlink(missing_ok=True)
