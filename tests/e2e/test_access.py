"""Editor password, read-only share links and tampered tokens."""

import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import expect

from journeylens.permissions import LOCAL
from journeylens.store import Store

from .conftest import (
    assert_no_exception,
    dataframe,
    dataframe_row_count,
    main,
    metric_value,
    open_app,
    sidebar,
    wait_idle,
    wait_text,
)

pytestmark = [pytest.mark.e2e, pytest.mark.timeout(180)]

PASSWORD = "secret"
DEMO = "Demo: mortgage journey"
OTHER = "Other team"


def add_second_workspace(db_path) -> None:
    with Store(db_path) as store:
        store.ensure_workspace(LOCAL, OTHER)


def workspace_options(page) -> list[str]:
    box = sidebar(page).get_by_role("combobox", name="Workspace", exact=True)
    box.click()
    options = page.get_by_role("listbox").get_by_role("option")
    options.first.wait_for()
    names = [o.strip() for o in options.all_inner_texts()]
    page.keyboard.press("Escape")
    return names


def sign_in(page, url: str, password: str) -> None:
    open_app(page, url, ready="h1")
    expect(main(page).locator("h1").first).to_have_text("Editor sign-in")
    main(page).get_by_label("Editor password").fill(password)
    main(page).get_by_role("button", name="Sign in").click()
    wait_idle(page)


def open_share_popover(page):
    sidebar(page).get_by_text("Share this view").click()
    popover = sidebar(page).locator('[data-testid="stExpander"]').filter(has_text="Share this view")
    expect(popover.get_by_role("button", name="Create read-only link")).to_be_visible()
    wait_idle(page)
    return popover


def create_share_link(page, clicks: int = 2) -> str:
    """Open "Share this view", press "Create read-only link", return the link shown.

    clicks=2 works around test_first_click_creates_share_link (the first press is lost).
    """
    popover = open_share_popover(page)
    code = popover.locator('[data-testid="stCode"] code').filter(has_text="share=")
    for attempt in range(clicks):
        popover.get_by_role("button", name="Create read-only link").click()
        wait_idle(page)
        try:
            expect(code).to_be_visible(timeout=5_000)
            break
        except AssertionError:
            if attempt == clicks - 1:
                raise
    return code.inner_text().strip()


def test_editor_sign_in_share_link_and_read_only_viewer(start_server, new_page):
    srv = start_server(password=PASSWORD, prepare=add_second_workspace)

    # The root asks for the password; no data, no workspace selector before signing in.
    editor = new_page()
    sign_in(editor, srv.url + "/", "wrong")
    wait_text(editor, "Wrong password.")
    expect(main(editor).locator('[data-testid="stMetric"]')).to_have_count(0)
    expect(sidebar(editor).get_by_role("combobox", name="Workspace")).to_have_count(0)

    main(editor).get_by_label("Editor password").fill(PASSWORD)
    main(editor).get_by_role("button", name="Sign in").click()
    editor.wait_for_selector('[data-testid="stMetric"]')
    wait_idle(editor)
    expect(main(editor).locator("h1").first).to_have_text("Overview")
    wait_text(editor, "Signed in as editor", scope=sidebar(editor))
    assert set(workspace_options(editor)) == {DEMO, OTHER}
    nps = metric_value(editor, "NPS")

    # Share this view → a read-only link.
    link = create_share_link(editor)
    assert link.startswith(srv.url), link
    token = parse_qs(urlparse(link).query)["share"][0]
    assert re.fullmatch(r"[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+", token), token
    popover = (
        sidebar(editor).locator('[data-testid="stExpander"]').filter(has_text="Share this view")
    )
    expect(popover.get_by_text("Links issued")).to_be_visible()
    expect(popover.get_by_text(re.compile(r" · \d{4}-\d{2}-\d{2} · active$"))).to_have_count(1)

    # A stakeholder opens the link in a fresh browser: read-only, one workspace.
    viewer = new_page()
    open_app(viewer, link, ready='[data-testid="stMetric"]')
    expect(main(viewer).locator("h1").first).to_have_text("Overview")
    wait_text(viewer, f"Read-only view of “{DEMO}”", scope=sidebar(viewer))
    assert metric_value(viewer, "NPS") == nps
    assert workspace_options(viewer) == [DEMO]
    expect(sidebar(viewer).get_by_text("Share this view")).to_have_count(0)
    expect(sidebar(viewer).get_by_text("Signed in as editor")).to_have_count(0)

    # The Data page, opened with the same token (page switches lose it: see
    # test_viewer_keeps_access_across_page_switch).
    open_app(viewer, f"{srv.url}/data?share={token}")
    expect(main(viewer).locator("h1").first).to_have_text("Data")
    wait_text(viewer, "This link is read-only: uploading, editing and deleting need an editor.")
    expect(main(viewer).locator('[data-testid="stFileUploader"]')).to_have_count(0)
    expect(main(viewer).get_by_text("New workspace")).to_have_count(0)
    expect(main(viewer).get_by_text("Delete this workspace")).to_have_count(0)
    expect(main(viewer).get_by_role("button", name="Load into workspace")).to_have_count(0)
    n_datasets = dataframe_row_count(dataframe(viewer, "Loaded at"))
    assert n_datasets == 3
    assert_no_exception(viewer)

    # If the dataset delete form is shown at all, using it must be refused and delete nothing.
    delete = main(viewer).get_by_role("button", name="Delete dataset")
    if delete.count():
        main(viewer).get_by_text("Yes, delete it and its rows").click()
        delete.click()
        wait_idle(viewer)
        viewer.reload()
        viewer.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"] h1')
        wait_idle(viewer)
        assert dataframe_row_count(dataframe(viewer, "Loaded at")) == n_datasets

    # A tampered token (one character changed) is refused.
    i = len(token) // 3
    bad_char = "A" if token[i] != "A" else "B"
    tampered_token = token[:i] + bad_char + token[i + 1 :]
    tampered = link.replace(token, tampered_token)
    other = new_page()
    open_app(other, tampered, ready="h1")
    expect(main(other).locator("h1").first).to_have_text("Link expired or invalid")
    wait_text(other, "This share link has expired, was revoked, or was changed.")
    expect(main(other).locator('[data-testid="stMetric"]')).to_have_count(0)
    expect(sidebar(other).get_by_role("combobox", name="Workspace")).to_have_count(0)


def test_viewer_sees_no_delete_dataset_form(start_server, new_page):
    srv = start_server(password=PASSWORD)
    editor = new_page()
    sign_in(editor, srv.url + "/", PASSWORD)
    editor.wait_for_selector('[data-testid="stMetric"]')
    link = create_share_link(editor)
    token = parse_qs(urlparse(link).query)["share"][0]
    viewer = new_page()
    open_app(viewer, f"{srv.url}/data?share={token}")
    wait_text(viewer, "This link is read-only")
    expect(main(viewer).get_by_role("button", name="Delete dataset")).to_have_count(
        0, timeout=3_000
    )


@pytest.mark.xfail(
    strict=True,
    reason="Streamlit limitation: on a freshly started server, the very first browser session "
    "enters through the legacy pages/ mode; after the page guard's rerun the first widget event "
    "of that session is taken as a page change and dropped. Later sessions are not affected "
    "(test_share_link_first_click_on_a_warm_server).",
)
def test_first_click_creates_share_link(start_server, new_page):
    srv = start_server(password=PASSWORD)
    editor = new_page()
    sign_in(editor, srv.url + "/", PASSWORD)
    editor.wait_for_selector('[data-testid="stMetric"]')
    wait_idle(editor)
    create_share_link(editor, clicks=1)


def test_viewer_keeps_access_across_page_switch(start_server, new_page):
    srv = start_server(password=PASSWORD)
    editor = new_page()
    sign_in(editor, srv.url + "/", PASSWORD)
    editor.wait_for_selector('[data-testid="stMetric"]')
    wait_idle(editor)
    link = create_share_link(editor)
    viewer = new_page()
    open_app(viewer, link, ready='[data-testid="stMetric"]')
    sidebar(viewer).locator('[data-testid="stSidebarNav"] a[href$="/funnel"]').click()
    wait_idle(viewer)
    expect(main(viewer).locator("h1").first).to_have_text("Funnel", timeout=10_000)
    wait_text(viewer, f"Read-only view of “{DEMO}”", scope=sidebar(viewer), timeout=5_000)
    assert "share" in parse_qs(urlparse(viewer.url).query)


def test_share_link_first_click_on_a_warm_server(start_server, new_page):
    srv = start_server(password=PASSWORD)
    warm = new_page()  # the server's first session takes the cold-start path
    sign_in(warm, srv.url + "/", PASSWORD)
    warm.wait_for_selector('[data-testid="stMetric"]')
    editor = new_page()
    sign_in(editor, srv.url + "/", PASSWORD)
    editor.wait_for_selector('[data-testid="stMetric"]')
    wait_idle(editor)
    link = create_share_link(editor, clicks=1)
    assert "share=" in link
