"""Bad input gets a clear message naming file, row, column and value; stored data is never lost."""

from __future__ import annotations

import pytest

from journeylens.domain.permissions import LOCAL
from journeylens.i18n import LANGS, catalogue
from journeylens.services import datasets, ingest
from journeylens.storage.store import Store

GOOD = b"Customer ID,Touchpoint,NPS,Comment\nc1,Web,9,ok\nc2,Shop,3,slow\n"


@pytest.fixture
def loaded(tmp_path):
    """A file-backed store with one dataset already loaded."""
    store = Store(tmp_path / "t.duckdb")
    ws = store.ensure_workspace(LOCAL, "t")
    p = ingest.prepare(GOOD, "good.csv", store=store)
    first = ingest.load(store, LOCAL, ws, p, p.mapping, p.kind)
    yield store, ws, first
    store.close()


def counts(store, ws):
    return store.counts(ws.workspace_id)


@pytest.mark.parametrize(
    ("data", "name", "kwargs", "code", "fragment"),
    [
        (b"", "empty.csv", {}, "empty", "empty.csv is empty"),
        (b"   \n\n", "blank.csv", {}, "empty", "blank.csv"),
        (b"\x00\x01\x02\x03binary\x00\xff" * 50, "blob.csv", {}, "binary", "blob.csv"),
        (GOOD * 100, "big.csv", {"max_bytes": 1000}, "too_large", "big.csv is"),
        (b"1,2,3\n4,5,6\n", "noheader.csv", {}, "no_header", "noheader.csv has no header"),
        (b"NPS,Comment\n", "onlyheader.csv", {}, "no_rows", "onlyheader.csv"),
        (
            "NPS,Comment\n9,ăâ ok\n".encode() + b"7,\xe3 broken\n",
            "mixed.csv",
            {},
            "encoding",
            "line 3",
        ),
        (b"<?xml version='1.0'?><log><trace>", "log.xes", {}, "read_failed", "not a valid XES"),
        (b"digraph", "graph.dfg", {}, "unsupported_format", "directly-follows"),
        (b"x", "t.csv", {"kind": "nonsense"}, "bad_kind", "nonsense"),
    ],
)
def test_prepare_rejects(data, name, kwargs, code, fragment):
    with pytest.raises(ingest.IngestError) as info:
        ingest.prepare(data, name, **kwargs)
    assert info.value.code == code
    assert fragment in str(info.value)
    for lang in LANGS:
        assert name in info.value.text(lang)


def test_missing_required_column_names_file_and_field(loaded):
    store, ws, _ = loaded
    p = ingest.prepare(b"Customer ID,When\nc1,2020-01-01\n", "log.csv", kind="events")
    with pytest.raises(ingest.IngestError) as info:
        ingest.validate(store, p, p.mapping, "events")
    assert info.value.code == "missing_required"
    assert "log.csv" in str(info.value) and ingest.field_label("touchpoint") in str(info.value)
    # The field in the reader's words and language, never its internal name.
    assert ingest.field_label("touchpoint", "vi") in info.value.text("vi")
    assert "touchpoint" not in info.value.text("vi")


@pytest.mark.parametrize(
    ("csv", "row", "column", "value", "code", "text"),
    [
        (
            b"Customer,Q1 NPS\nc1,9\nc2,11\n",
            3,
            "Q1 NPS",
            "11",
            "out_of_range",
            "bad.csv, row 3, column “Q1 NPS”: 11 is outside 0–10.",
        ),
        (b"Customer,Q1 NPS\nc1,7.5\n", 2, "Q1 NPS", "7.5", "not_whole", "7.5 is not a whole"),
        (
            b"Customer,Q1 NPS\nc1,=1+2\n",
            2,
            "Q1 NPS",
            "=1+2",
            "not_a_number",
            "“=1+2” is not a number",
        ),
        (
            b"Customer,Q1 NPS,Satisfaction (CSAT)\nc1,5,6\n",
            2,
            "Satisfaction (CSAT)",
            "6",
            "out_of_range",
            "6 is outside 1–5",
        ),
        (
            b"Customer,Q1 NPS,Date\nc1,5,31/31/2020\n",
            2,
            "Date",
            "31/31/2020",
            "bad_date",
            "“31/31/2020” is not a date",
        ),
    ],
)
def test_row_issues_name_row_column_value(loaded, csv, row, column, value, code, text):
    store, ws, first = loaded
    before = counts(store, ws)
    p = ingest.prepare(csv, "bad.csv", store=store, kind="responses")
    mapping = {"customer_id": "Customer", "nps": "Q1 NPS"}
    if b"CSAT" in csv:
        mapping["csat"] = "Satisfaction (CSAT)"
    if b"Date" in csv:
        mapping["submitted_at"] = "Date"
    report = ingest.validate(store, p, mapping, "responses")
    assert report.rows_rejected == 1
    issue = report.issues[0]
    assert (issue.row, issue.column, issue.value, issue.code) == (row, column, value, code)
    assert text in issue.text("en")
    assert issue.text("vi") != issue.text("en") and issue.text("ro") != issue.text("en")
    assert report.rejected.iloc[0]["row"] == row and report.rejected.iloc[0][column] == value
    assert counts(store, ws) == before  # validate writes nothing
    result = ingest.load(store, LOCAL, ws, p, mapping, "responses")
    assert result.rows_rejected == 1 and result.rows_loaded == report.rows_ok
    stored = store.con.execute(
        "SELECT count(*) FROM responses WHERE dataset_id = ?", [first.dataset_id]
    ).fetchone()[0]
    assert stored == first.rows_loaded  # earlier dataset untouched


def test_a_column_named_nps_maps_and_its_bad_values_are_reported(loaded):
    """The header says nps: the column is NPS even with 11 and -1 in it, and those two rows are
    reported, not the whole column silently kept as extra data."""
    store, ws, _ = loaded
    data = b"customer_id,touchpoint,nps,csat\nc1,Web,9,5\nc2,Web,11,4\nc3,Shop,-1,3\nc4,Shop,3,2\n"
    p = ingest.prepare(data, "named.csv", store=store)
    assert p.kind == "responses" and p.mapping["nps"] == "nps" and p.mapping["csat"] == "csat"
    report = ingest.validate(store, p, p.mapping, p.kind)
    assert [(i.row, i.column, i.value, i.code) for i in report.issues] == [
        (3, "nps", "11", "out_of_range"),
        (4, "nps", "-1", "out_of_range"),
    ]
    assert (report.rows_ok, report.rows_rejected) == (2, 2)


def test_every_problem_of_a_row_is_reported(loaded):
    store, ws, _ = loaded
    data = b"Customer,NPS,CSAT,Date\nc1,12,9,not-a-date\nc2,9,5,2024-01-02\n"
    p = ingest.prepare(data, "many.csv", store=store)
    mapping = {"customer_id": "Customer", "nps": "NPS", "csat": "CSAT", "submitted_at": "Date"}
    report = ingest.validate(store, p, mapping, "responses")
    assert [(i.row, i.column, i.code) for i in report.issues] == [
        (2, "NPS", "out_of_range"),
        (2, "CSAT", "out_of_range"),
        (2, "Date", "bad_date"),
    ]
    rejected = report.rejected.iloc[0]
    assert rejected["row"] == 2 and rejected["code"] == "out_of_range,out_of_range,bad_date"
    for fragment in ("12 is outside 0–10", "9 is outside 1–5", "“not-a-date” is not a date"):
        assert fragment in rejected["reason"]


@pytest.mark.parametrize("blank", ["N/A", "n/a", "#N/A", "-", "—", "–", "", "   "])
def test_placeholders_for_no_answer_are_blanks(loaded, blank):
    store, ws, _ = loaded
    data = f"Customer,NPS,CSAT,Date\nc1,{blank},4,{blank}\nc2,9,{blank},2024-01-02\n".encode()
    p = ingest.prepare(data, "blanks.csv", store=store)
    mapping = {"customer_id": "Customer", "nps": "NPS", "csat": "CSAT", "submitted_at": "Date"}
    report = ingest.validate(store, p, mapping, "responses")
    assert report.issues == [] and report.rows_ok == 2
    result = ingest.load(store, LOCAL, ws, p, mapping, "responses")
    stored = store.con.execute(
        "SELECT nps, csat, submitted_at FROM responses WHERE dataset_id = ? ORDER BY src_row",
        [result.dataset_id],
    ).fetchall()
    assert [r[:2] for r in stored] == [(None, 4), (9, None)] and stored[0][2] is None


@pytest.mark.parametrize(
    ("csv", "values", "codes"),
    [
        # a decimal-comma file (;-separated): 7,5 and 7.5 are both 7.5, not a whole number
        (b"Customer;NPS;Value\nc1;7,5;1,5\nc2;7.5;1.234,5\nc3;8;2,25\n", ["7,5", "7.5"],
         ["not_whole", "not_whole"]),
        # a decimal-point file: 7,5 is not 75
        (b"Customer,NPS,Value\nc1,\"7,5\",1.5\nc2,8,\"1,234.5\"\nc3,7.5,2\n", ["7,5", "7.5"],
         ["not_whole", "not_whole"]),
    ],
)  # fmt: skip
def test_fractions_on_a_whole_scale_are_not_whole(loaded, csv, values, codes):
    store, ws, _ = loaded
    p = ingest.prepare(csv, "fractions.csv", store=store, kind="responses")
    mapping = {"customer_id": "Customer", "nps": "NPS"}
    report = ingest.validate(store, p, mapping, "responses")
    assert [i.value for i in report.issues] == values
    assert [i.code for i in report.issues] == codes


def test_thousands_groups_and_decimal_marks_in_values(store):
    ws = store.ensure_workspace(LOCAL, "v")
    csv = b"customer;touchpoint;ts;value\nc1;A;2024-01-01;1.234,5\nc2;A;2024-01-01;7,25\n"
    p = ingest.prepare(csv, "values.csv", store=store, kind="events")
    result = ingest.load(store, LOCAL, ws, p, p.mapping, "events")
    got = store.con.execute(
        "SELECT value FROM events WHERE dataset_id = ? ORDER BY src_row", [result.dataset_id]
    ).fetchall()
    assert got == [(1234.5,), (7.25,)]


def test_row_numbers_are_spreadsheet_rows(loaded):
    """Header = row 1; a quoted comment spanning two lines is one row; an empty line and a row
    of empty fields are not counted (the convention the Data page states)."""
    store, ws, _ = loaded
    data = b'Customer,NPS,Comment\nc1,9,"two\nlines"\n\n,,\nc2,42,bad\n'
    p = ingest.prepare(data, "rows.csv", store=store)
    report = ingest.validate(store, p, {"customer_id": "Customer", "nps": "NPS"}, "responses")
    assert [(i.row, i.value) for i in report.issues] == [(3, "42")]
    assert list(report.rejected["row"]) == [3]


def test_formula_cell_kept_as_text_outside_scores(loaded):
    store, ws, _ = loaded
    p = ingest.prepare(b"Customer,NPS,Comment\nc9,8,=1+2\n", "f.csv", store=store)
    result = ingest.load(store, LOCAL, ws, p, p.mapping, p.kind)
    got = store.con.execute(
        "SELECT comment FROM responses WHERE dataset_id = ?", [result.dataset_id]
    ).fetchone()
    assert got == ("=1+2",)


def test_failed_load_rolls_back_everything(loaded, monkeypatch):
    store, ws, _ = loaded
    before = counts(store, ws)
    version = store.workspace_by_id(ws.workspace_id).data_version
    p = ingest.prepare(b"Customer,NPS\nc5,9\nc6,10\n", "new.csv", store=store)
    from journeylens.storage import sql

    real = sql.execute

    def boom(cur, name, **params):
        if name == "workspace_bump":
            raise RuntimeError("disk full")
        return real(cur, name, **params)

    monkeypatch.setattr(sql, "execute", boom)
    with pytest.raises(RuntimeError):
        ingest.load(store, LOCAL, ws, p, p.mapping, p.kind)
    assert counts(store, ws) == before
    assert store.workspace_by_id(ws.workspace_id).data_version == version


def test_duplicate_upload_detected(loaded):
    store, ws, first = loaded
    p = ingest.prepare(GOOD, "good-again.csv", store=store)
    with pytest.raises(ingest.IngestError) as info:
        ingest.load(store, LOCAL, ws, p, p.mapping, p.kind)
    assert info.value.code == "duplicate"
    assert f"#{first.dataset_id}" in str(info.value) and "good.csv" in str(info.value)


def test_delete_dataset_removes_exactly_its_rows(loaded):
    store, ws, first = loaded
    p = ingest.prepare(b"Customer ID,NPS\nx1,10\nx2,0\nx3,5\n", "second.csv", store=store)
    second = ingest.load(store, LOCAL, ws, p, p.mapping, p.kind)
    assert counts(store, ws)["responses"] == 5
    datasets.delete(store, LOCAL, ws.workspace_id, first.dataset_id)
    left = store.con.execute("SELECT list(customer_id ORDER BY src_row) FROM responses").fetchone()
    assert left == (["x1", "x2", "x3"],)
    assert counts(store, ws)["datasets"] == 1 and second.rows_loaded == 3


def test_saved_mapping_is_offered_again(loaded):
    store, ws, _ = loaded
    data = b"Kunde,Wert,Notiz\nk1,9,gut\n"
    p = ingest.prepare(data, "a.csv", store=store, kind="responses")
    assert p.mapping_source == "guessed"
    mapping = {"customer_id": "Kunde", "nps": "Wert", "comment": "Notiz"}
    ingest.load(store, LOCAL, ws, p, mapping, "responses")
    again = ingest.prepare(
        b"Kunde,Wert,Notiz\nk2,3,schlecht\n", "b.csv", store=store, kind="responses"
    )
    assert again.mapping_source == "saved" and again.mapping == mapping


def test_unmapped_columns_kept_in_extra_and_missing_metrics(loaded):
    store, ws, _ = loaded
    p = ingest.prepare(
        b"Customer ID,NPS,Store,Visit type\nz1,9,Berlin,\nz2,4,Paris,walk-in\n",
        "x.csv",
        store=store,
    )
    mapping = {"customer_id": "Customer ID", "nps": "NPS"}
    report = ingest.validate(store, p, mapping, "responses")
    assert report.unmapped == ["Store", "Visit type"]
    assert report.missing_metrics == ["csat", "ces", "emotion", "comment"]
    result = ingest.load(store, LOCAL, ws, p, mapping, "responses")
    extras = store.con.execute(
        "SELECT list(extra ORDER BY src_row) FROM responses WHERE dataset_id = ?",
        [result.dataset_id],
    ).fetchone()[0]
    assert extras == [{"Store": "Berlin"}, {"Store": "Paris", "Visit type": "walk-in"}]


def test_touchpoints_upsert_replaces_same_name(loaded):
    store, ws, _ = loaded
    a = ingest.prepare(b"Stage,Touchpoint\nBuy,Checkout\nBuy,Pay\n", "j1.csv", store=store)
    ingest.load(store, LOCAL, ws, a, a.mapping, "touchpoints")
    b = ingest.prepare(b"Stage,Touchpoint,Owner\nPay,Checkout,Sales\n", "j2.csv", store=store)
    ingest.load(store, LOCAL, ws, b, b.mapping, "touchpoints")
    rows = store.con.execute(
        "SELECT touchpoint, stage, owner FROM touchpoints ORDER BY touchpoint"
    ).fetchall()
    assert rows == [("Checkout", "Pay", "Sales"), ("Pay", "Buy", None)]


def test_progress_and_load_dataframe(loaded):
    import pandas as pd

    store, ws, _ = loaded
    calls = []
    p = ingest.prepare(b"Customer ID,NPS\nq1,10\n", "p.csv", store=store)
    ingest.load(store, LOCAL, ws, p, p.mapping, p.kind, progress=lambda n, f: calls.append((n, f)))
    assert calls[0] == (0, 0.0) and calls[-1] == (1, 1.0)
    df = pd.DataFrame({"customer_id": ["d1", "d2"], "nps": [9, 6], "city": ["Hà Nội", None]})
    res = ingest.load_dataframe(store, LOCAL, ws, df, "responses", "demo")
    assert res.rows_loaded == 2
    got = store.con.execute(
        "SELECT list(nps ORDER BY src_row), list(extra ORDER BY src_row) FROM responses "
        "WHERE dataset_id = ?",
        [res.dataset_id],
    ).fetchone()
    assert got == ([9, 6], [{"city": "Hà Nội"}, {}])


def test_every_ingest_message_has_three_languages():
    keys = [k for k in catalogue() if k.startswith("ingest.")]
    assert len(keys) > 20
    for key in keys:
        assert all(catalogue()[key]), key
