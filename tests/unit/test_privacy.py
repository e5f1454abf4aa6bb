"""The privacy option: e-mail addresses and phone numbers hidden at import and in exports."""

import pytest

from journeylens import dashboards, ingest
from journeylens.filters import Filters
from journeylens.permissions import LOCAL

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
    ws = store.update_settings(LOCAL, store.ensure_workspace(LOCAL, "Private"), mask_pii=True)
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
    ws = store.update_settings(LOCAL, ws, mask_pii=True)
    page, total = dashboards.comments(store.cursor(), ws, Filters())
    assert total == 3
    assert not page["comment"].str.contains("@|721", regex=True).any()
    csv_text = dashboards.comments_csv(store.cursor(), ws, Filters()).decode("utf-8-sig")
    assert "ana.pop@example.ro" not in csv_text and "[email]" in csv_text
    plain = store.update_settings(LOCAL, ws, mask_pii=False)
    page, _ = dashboards.comments(store.cursor(), plain, Filters())
    assert page["comment"].str.contains("ana.pop@example.ro").any()
