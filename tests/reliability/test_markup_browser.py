"""In a real browser, text from data or from a URL never renders as markup, and no request leaves
127.0.0.1 (issue 20).

A workspace named with Markdown payloads holds answers whose touchpoints, personas, segments,
channels and comments are payloads, and a file whose extra columns are payloads is uploaded,
checked and loaded through the Data page. Every page is then opened with payload filters, and the
funnel with a payload conversion window (the phishing link anyone can send), in local mode and
for a viewer with a share link. On each page: no link or image from the data, no colour span,
no KaTeX formula, no icon from a directive, the payload visible as text, and every request the
page made went to the app itself (the favicon too: it used to come from fonts.gstatic.com).
"""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import quote, urlencode

import pytest

from journeylens.domain.permissions import LOCAL
from journeylens.services import access, ingest
from journeylens.storage.store import Store
from tests.e2e.conftest import main, open_app, upload_file, wait_idle, wait_text

pytestmark = pytest.mark.timeout(400)

HOST = "tracker.invalid"  # never resolves: a request to it is still seen by the browser
IMG = f"![x](http://{HOST}/pixel.png)"
LINK = f"[Session expired, sign in](http://{HOST}/phish)"
AUTO = f"<http://{HOST}/auto> www.{HOST} me@{HOST}"
COLOUR = ":red[alarm] :blue-background[calm]"
ICON = ":material/warning:"
MATH = "$E=mc^2$"
WINDOW = f"{IMG} {LINK}"  # the issue's /funnel?window=… link

TOUCHPOINTS = [f"Web {IMG}", f"Shop {LINK}", f"Call {MATH} {COLOUR}"]
PERSONAS = [f"Persona {LINK}", f"Other {IMG} {MATH}"]
SEGMENTS = [f"Segment {COLOUR} {AUTO}"]
CHANNELS = [f"Channel {ICON} {IMG}"]
COMMENT = f"Fine {IMG} {LINK} {AUTO} {COLOUR} {ICON} {MATH} **bold**"
WORKSPACE = f"Journey {IMG} {LINK} {MATH}"
EXTRA_COLUMNS = [f"Extra {IMG}", f"Extra {LINK}", f"Extra {MATH} {COLOUR}"]
UPLOAD_NAME = "answers ![x](tracker.invalid) :red[y] $z$.csv"  # no '/' in a file name

_INERT_JS = """
() => {
  const bad = [];
  const own = (u) => { try { const x = new URL(u, location.href);
      return x.origin === location.origin || x.protocol === 'data:' || x.protocol === 'blob:'; }
    catch (e) { return false; } };
  for (const a of document.querySelectorAll('a[href]')) {
    const href = a.getAttribute('href');
    if (!own(href)) bad.push('link ' + href);
  }
  for (const a of document.querySelectorAll('[data-testid="stMarkdownContainer"] a')) {
    if (!(a.getAttribute('href') || '').startsWith('#')) bad.push('markdown link ' + a.outerHTML);
  }
  for (const img of document.querySelectorAll('img')) {
    if (!own(img.getAttribute('src') || '') || img.closest('[data-testid="stMarkdownContainer"]'))
      bad.push('image ' + img.outerHTML.slice(0, 200));
  }
  const sel = '.stMarkdownColoredText, .stMarkdownColoredBackground, '
    + '[data-testid="stMarkdownContainer"] span[style*="color"]';
  for (const s of document.querySelectorAll(sel)) bad.push('colour ' + s.outerHTML.slice(0, 200));
  for (const k of document.querySelectorAll('.katex, .katex-display, math'))
    bad.push('formula ' + k.outerHTML.slice(0, 120));
  for (const i of document.querySelectorAll('[data-testid="stMarkdownContainer"] '
                                            + '[data-testid="stIconMaterial"]'))
    bad.push('icon ' + i.outerHTML.slice(0, 120));
  for (const e of document.querySelectorAll('[data-testid="stMarkdownContainer"] strong'))
    if (e.textContent.includes('bold')) bad.push('emphasis ' + e.outerHTML);
  return bad;
}
"""


def _csv(rows: list[dict[str, object]]) -> bytes:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=list(rows[0]), lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def _answers(n: int, prefix: str, extra: bool = False) -> list[dict[str, object]]:
    rows = []
    for i in range(n):
        row: dict[str, object] = {
            "Response ID": f"{prefix}{i}",
            "Customer ID": f"c{i % 40}",
            "Touchpoint": TOUCHPOINTS[i % 3],
            "Submitted at": f"2025-03-{1 + i % 28:02d} 10:00:00",
            "How likely are you to recommend us?": i % 11,
            "CSAT": 1 + i % 5,
            "Comment": COMMENT,
            "Persona": PERSONAS[i % 2],
            "Segment": SEGMENTS[0],
            "Channel": CHANNELS[0],
        }
        if extra:
            row.update({name: f"v{i}" for name in EXTRA_COLUMNS})
        rows.append(row)
    return rows


def _payload_db(path: Path) -> Path:
    with Store(path) as store:
        ws = store.ensure_workspace(LOCAL, WORKSPACE)
        journey = _csv(
            [
                {"Touchpoint": tp, "Stage": f"Stage {COLOUR}", "Step order": k + 1}
                for k, tp in enumerate(TOUCHPOINTS)
            ]
        )
        events = _csv(
            [
                {"Customer ID": f"c{c}", "Touchpoint": TOUCHPOINTS[k],
                 "Timestamp": f"2025-03-02 1{k}:00:00", "Persona": PERSONAS[c % 2]}
                for c in range(40) for k in range(3 - c % 2)
            ]
        )  # fmt: skip
        for raw, name, kind in (
            (journey, "journey.csv", "touchpoints"),
            (events, "events.csv", "events"),
            (_csv(_answers(60, "a")), "answers.csv", "responses"),
        ):
            p = ingest.prepare(raw, name, kind=kind, store=store)
            result = ingest.load(store, LOCAL, ws, p, p.mapping, kind)
            p.cleanup()
            assert result.rows_loaded > 0 and result.rows_rejected == 0, (name, result.issues)
    return path


def _watch(page, srv) -> list[str]:
    outside: list[str] = []

    def seen(request) -> None:
        url = request.url
        if not (url.startswith(srv.url) or url.startswith(("data:", "blob:", "about:"))):
            outside.append(url)

    page.context.on("request", seen)
    return outside


def _assert_inert(page, where: str) -> None:
    wait_idle(page)
    bad = page.evaluate(_INERT_JS)
    assert not bad, (where, bad[:10])
    assert not page.locator('[data-testid="stException"]').count(), where


def _text(page) -> str:
    """The page's text as read (the joiner that breaks bare autolinks is invisible)."""
    return page.inner_text("body").replace("\u2060", "")


def _url(srv, path: str, **params: object) -> str:
    pairs = []
    for key, value in params.items():
        for v in value if isinstance(value, list) else [value]:
            pairs.append((key, v))
    return f"{srv.url}/{path}?{urlencode(pairs, quote_via=quote)}"


def test_payloads_in_data_and_urls_render_as_text(tmp_path, start_server, new_page, monkeypatch):
    db = _payload_db(tmp_path / "payloads.duckdb")
    srv = start_server(db, JOURNEYLENS_NO_DEMO="1")
    page = new_page()
    outside = _watch(page, srv)
    body = lambda: _text(page)  # noqa: E731

    # The Data page: the workspace name, then a payload file uploaded, checked and loaded.
    open_app(page, _url(srv, "data", ws=WORKSPACE), ready='[data-testid="stFileUploader"]')
    _assert_inert(page, "data")
    assert f"selected in the sidebar: {WORKSPACE}" in body()
    upload = tmp_path / UPLOAD_NAME
    upload.write_bytes(_csv(_answers(30, "u", extra=True)))
    upload_file(page, upload)
    wait_text(page, re.compile(r"^Detected: csv"))
    main(page).get_by_role("button", name="Check the file").click()
    wait_text(page, "Columns kept as extra data:")
    _assert_inert(page, "data, checked")
    for name in EXTRA_COLUMNS:
        assert name in body(), name
    main(page).get_by_role("button", name="Load into workspace").click()
    wait_text(page, re.compile(r"^Loaded answers"), timeout=60_000)
    _assert_inert(page, "data, loaded")
    assert f"Loaded {UPLOAD_NAME}: 30 rows into “{WORKSPACE}”, 0 set aside." in body()

    # Every page under payload filters (captions quote them), with the payload selections.
    steps = TOUCHPOINTS[:2]
    cell = f"{TOUCHPOINTS[0]} × {PERSONAS[0]}"
    visits = [  # (page, URL parameters, a text the page must show)
        ("", {"persona": PERSONAS[0], "segment": SEGMENTS[0]}, f"Segment: {SEGMENTS[0]}"),
        ("journey", {"jp": PERSONAS[0], "vs": PERSONAS[1]}, PERSONAS[1]),
        ("funnel", {"steps": steps, "persona": PERSONAS[0]}, f"Persona: {PERSONAS[0]}"),
        ("emotion", {"channel": CHANNELS[0]}, f"Channel: {CHANNELS[0]}"),
        ("heatmap", {"cell": cell}, f"Comments for {cell}: "),
        ("comments", {"persona": PERSONAS[1], "q": "Fine"}, f"Persona: {PERSONAS[1]}"),
        ("fix_first", {"persona": PERSONAS[0]}, "Fix first"),
        ("alerts", {"persona": PERSONAS[0]}, "Alerts"),
        ("paths", {"persona": PERSONAS[0]}, "Paths"),
        ("attribution", {"persona": PERSONAS[0]}, "Attribution"),
        ("themes", {"persona": PERSONAS[0]}, "Comment themes"),
    ]
    for path, params, expected in visits:
        open_app(page, _url(srv, path, ws=WORKSPACE, **params))
        _assert_inert(page, f"/{path}")
        assert expected in body(), (path, expected)

    # The link anyone can send: a payload conversion window, in local mode.
    open_app(page, _url(srv, "funnel", ws=WORKSPACE, steps=steps, window=WINDOW))
    wait_text(page, "Cannot read the conversion window")
    _assert_inert(page, "funnel window, local")
    assert f"Cannot read the conversion window '{WINDOW}'" in body()
    assert not outside, outside

    # The same for a stakeholder's read-only link (the viewer badge names the workspace).
    secret = tmp_path / "viewer.secret"
    monkeypatch.setenv("JOURNEYLENS_SECRET_FILE", str(secret))
    srv.stop()
    with Store(db) as store:
        ws = store.workspace(WORKSPACE)
        token = access.issue_link(store, access.LOCAL, ws.workspace_id, 7, note=LINK)
    viewer_srv = start_server(
        db, JOURNEYLENS_NO_DEMO="1", JOURNEYLENS_EDITOR_PASSWORD="pw",
        JOURNEYLENS_SECRET_FILE=str(secret),
    )  # fmt: skip
    viewer = new_page()
    outside_viewer = _watch(viewer, viewer_srv)
    open_app(viewer, _url(viewer_srv, "funnel", share=token, steps=steps, window=WINDOW))
    wait_text(viewer, "Cannot read the conversion window")
    _assert_inert(viewer, "funnel window, viewer")
    text = _text(viewer)
    assert f"Cannot read the conversion window '{WINDOW}'" in text
    assert f"Read-only view of “{WORKSPACE}”" in text
    assert not outside_viewer, outside_viewer
