"""The privacy option: e-mail addresses and phone numbers hidden at import and in exports."""

import pytest

from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.services import dashboards, ingest, workspaces

CSV = (
    "Response ID,Touchpoint,How likely are you to recommend us?,Comment\n"
    "r1,Branch,9,Write to ana.pop@example.ro or call +40 721 234 567\n"
    'r2,Branch,3,"Gọi tôi: 090 123 4567, cảm ơn"\n'
    "r3,Web,7,Order 2024-04-03 ref 12345 was fine\n"
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mail ana.pop@example.ro now", "mail [email] now"),
        ("+40 721 234 567", "[phone]"),
        ("0912.345.678", "[phone]"),
        ("(021) 312-34-56", "([phone]"),  # the opening bracket stays, the digits go
        ("2024-04-03 and ref 12345", "2024-04-03 and ref 12345"),  # dates and short numbers stay
        (None, None),
    ],
)
def test_mask_macro(store, text, expected):
    got = store.cursor().execute("SELECT mask_pii($x)", {"x": text}).fetchone()[0]
    assert got == expected


def _load(store, ws):
    prepared = ingest.prepare(CSV.encode(), "pii.csv", store=store)
    return ingest.load(store, LOCAL, ws, prepared, prepared.mapping, "responses")


def test_masked_at_import(store):
    ws = workspaces.update_settings(
        store, LOCAL, store.ensure_workspace(LOCAL, "Private"), mask_pii=True
    )
    _load(store, ws)
    stored = [
        r[0]
        for r in store.cursor().execute("SELECT comment FROM responses ORDER BY src_row").fetchall()
    ]
    assert stored == [
        "Write to [email] or call [phone]",
        "Gọi tôi: [phone], cảm ơn",
        "Order 2024-04-03 ref 12345 was fine",
    ]


def test_masked_in_views_and_exports_of_older_data(store):
    ws = store.ensure_workspace(LOCAL, "Later")
    _load(store, ws)  # imported before the option was switched on
    ws = workspaces.update_settings(store, LOCAL, ws, mask_pii=True)
    page, total = dashboards.comments(store.cursor(), ws, Filters())
    assert total == 3
    assert not page["comment"].str.contains("@|721", regex=True).any()
    csv_text = dashboards.comments_csv(store.cursor(), ws, Filters()).decode("utf-8-sig")
    assert "ana.pop@example.ro" not in csv_text and "[email]" in csv_text
    plain = workspaces.update_settings(store, LOCAL, ws, mask_pii=False)
    page, _ = dashboards.comments(store.cursor(), plain, Filters())
    assert page["comment"].str.contains("ana.pop@example.ro").any()


DROPPED_EVENTS = (
    "Customer ID,Touchpoint,Timestamp\n"
    "c1,Web,2024-01-01 10:00\nc1,Branch,2024-01-02 10:00\n"  # reached both steps
    "c2,Web,2024-01-01 11:00\n"  # dropped at step 2
    "c3,Web,2024-01-01 12:00\n"  # dropped at step 2
)
DROPPED_ANSWERS = (
    "Response ID,Customer ID,Touchpoint,Date,Comment\n"
    "a1,c2,Web,2024-01-01,Mail me at ana.pop@example.ro\n"
    "a2,c2,Web,2024-01-02,or call +40 721 234 567\n"
    "a3,c3,Web,2024-01-03,Gọi 090 123 4567 nhé\n"
)


def _funnel_workspace(store):
    ws = store.ensure_workspace(LOCAL, "Funnel")
    for text, name, kind in (
        (DROPPED_EVENTS, "events.csv", "events"),
        (DROPPED_ANSWERS, "answers.csv", "responses"),
    ):
        prepared = ingest.prepare(text.encode(), name, kind=kind, store=store)
        ingest.load(store, LOCAL, ws, prepared, prepared.mapping, kind)
        prepared.cleanup()
    return store.require_workspace("Funnel")


@pytest.mark.parametrize("through", ["funnel.dropped", "the page's query"])
def test_drop_off_comments_are_masked(store, through):
    """Customers lost between two funnel steps, with their comments: masked when the workspace
    hides personal data (stored unmasked, since they were imported before it was switched on)."""
    from journeylens.services import funnel
    from journeylens.ui import data

    ws = _funnel_workspace(store)
    spec = funnel.FunnelSpec(("Web", "Branch"))

    def lost(workspace):
        cur = store.cursor()
        try:
            if through == "funnel.dropped":
                return funnel.dropped(
                    cur, ws.workspace_id, Filters(), spec, 2, mask_pii=workspace.mask_pii
                )
            return data.QUERIES["funnel_dropped"](cur, workspace, Filters(), spec=spec, step=2)
        finally:
            cur.close()

    plain = lost(ws).set_index("customer_id")
    assert plain.loc["c2", "comments"] == "Mail me at ana.pop@example.ro | or call +40 721 234 567"
    masked_ws = workspaces.update_settings(store, LOCAL, ws, mask_pii=True)
    masked = lost(masked_ws).set_index("customer_id")
    assert sorted(masked.index) == ["c2", "c3"]
    assert masked.loc["c2", "comments"] == "Mail me at [email] | or call [phone]"
    assert masked.loc["c2", "latest_comment"] == "or call [phone]"
    assert masked.loc["c3", "comments"] == "Gọi [phone] nhé"
