"""Each export quirk, reproduced by a tiny fixture, is sniffed, mapped and loaded correctly."""

from __future__ import annotations

import datetime as dt
import io
import unicodedata
from pathlib import Path

import pytest

from journeylens.domain.permissions import LOCAL
from journeylens.services import ingest
from journeylens.storage.store import Store

FIX = Path(__file__).resolve().parent.parent / "fixtures" / "ingest"


def cp1258(text: str) -> bytes:
    """Vietnamese in cp1258: precomposed base letters plus combining tone marks."""
    tones = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}
    out = []
    for ch in unicodedata.normalize("NFC", text):
        try:
            out.append(ch.encode("cp1258"))
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in tones))
            out.append((base + "".join(c for c in parts if c in tones)).encode("cp1258"))
    return b"".join(out)


def xlsx_bytes() -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Customer ID", "Touchpoint", "NPS", "Submitted", "Comment"])
    ws.append(["c1", "Checkout", 9, dt.datetime(2024, 5, 1, 9, 30), "fast"])
    ws.append(["c2", "Checkout", 3.0, dt.datetime(2024, 5, 2, 10, 0), "=1+2"])
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def parquet_bytes() -> bytes:
    import pyarrow as pa
    import pyarrow.parquet as pq

    table = pa.table(
        {
            "case:concept:name": ["a", "a", "b"],
            "concept:name": ["Visit", "Buy", "Visit"],
            "time:timestamp": [
                dt.datetime(2024, 1, 1, 10),
                dt.datetime(2024, 1, 2, 11),
                dt.datetime(2024, 1, 3, 12),
            ],
            "revenue": [None, 12.5, None],
        }
    )
    buf = io.BytesIO()
    pq.write_table(table, buf)
    return buf.getvalue()


SURVEYMONKEY = (
    "Respondent ID,Collector ID,Start Date,End Date,IP Address,Email Address,First Name,"
    "Last Name,Custom Data 1,How likely is it that you would recommend us to a friend?,"
    "Which channels did you use?,,Any comments?\r\n"
    ",,,,,,,,,Response,Web,Phone,Open-Ended Response\r\n"
    "1001,50,01/13/2021 09:00:00 AM,01/13/2021 09:05:00 AM,1.1.1.1,,,,,9,Web,,Lovely\r\n"
    "1002,50,01/14/2021 02:00:00 PM,01/14/2021 02:03:00 PM,1.1.1.2,,,,,4,,Phone,Too slow\r\n"
)

CASES = [
    # name, bytes, expected prepare attributes, expected loaded rows, SQL check -> expected
    pytest.param(
        "qualtrics_current.csv",
        (FIX / "qualtrics_current.csv").read_bytes(),
        {"platform": "qualtrics", "header_rows": 3, "kind": "responses"},
        {"nps": "Q1", "csat": "Q3", "comment": "Q2", "response_id": "ResponseId"},
        3,
        (
            "SELECT list(nps ORDER BY src_row), list(src_row ORDER BY src_row) FROM responses",
            ([10, 6, 8], [4, 5, 6]),
        ),
        id="qualtrics-current-3-header-rows",
    ),
    pytest.param(
        "qualtrics_legacy.csv",
        (FIX / "qualtrics_legacy.csv").read_bytes(),
        {"platform": "qualtrics_legacy", "header_rows": 2, "encoding": "utf-8-sig"},
        {"nps": "Q1", "response_id": "ResponseID", "submitted_at": "EndDate"},
        3,
        (
            "SELECT list(nps ORDER BY src_row), list(src_row ORDER BY src_row) FROM responses",
            ([10, 6, 8], [3, 4, 5]),
        ),
        id="qualtrics-legacy-bom-trailing-comma",
    ),
    pytest.param(
        "qualtrics_insights.csv",
        (FIX / "qualtrics_insights.csv").read_bytes(),
        {"platform": "qualtrics_insights", "header_rows": 3},
        {"nps": "Q1", "csat": "Q3"},
        3,
        ("SELECT list(csat ORDER BY src_row) FROM responses", [5, 2, 4]),
        id="qualtrics-insights-single-quoted-importid",
    ),
    pytest.param(
        "monkey.csv",
        SURVEYMONKEY.encode(),
        {"platform": "surveymonkey", "header_rows": 2},
        {
            "response_id": "Respondent ID",
            "nps": "How likely is it that you would recommend us to a friend?",
            "submitted_at": "End Date",
            "comment": "Any comments?",
        },
        2,
        (
            "SELECT list(submitted_at ORDER BY src_row), list(extra['Which channels did you use? - "
            "Phone'] ORDER BY src_row) FROM responses",
            ([dt.datetime(2021, 1, 13, 9, 5), dt.datetime(2021, 1, 14, 14, 3)], [None, "Phone"]),
        ),
        id="surveymonkey-2-header-rows",
    ),
    pytest.param(
        "forms.csv",
        b'"Timestamp","How likely are you to recommend us? (0-10)","Why?"\n'
        b'"2020/01/29 3:02:25 pm CET","9","Quick"\n'
        b'"2020/01/30 11:15:00 am CEST","2","Slow"\n',
        {"platform": "google_forms", "kind": "responses"},
        {"submitted_at": "Timestamp", "comment": "Why?"},
        2,
        (
            "SELECT list(submitted_at ORDER BY src_row) FROM responses",
            [dt.datetime(2020, 1, 29, 14, 2, 25), dt.datetime(2020, 1, 30, 9, 15)],
        ),
        id="google-forms-12h-pm-tz-abbrev",
    ),
    pytest.param(
        "forms_us.csv",
        b"Timestamp,On a scale of 0-10 how would you rate us?,Comments\r\n"
        b'4/22/2016 19:57:50,10,"line one\nline two"\r\n'
        b"4/3/2016 8:05:01,7,ok\r\n",
        {"platform": "google_forms"},
        {"nps": "On a scale of 0-10 how would you rate us?"},
        2,
        (
            "SELECT list(submitted_at ORDER BY src_row), list(comment ORDER BY src_row) "
            "FROM responses",
            (
                [dt.datetime(2016, 4, 22, 19, 57, 50), dt.datetime(2016, 4, 3, 8, 5, 1)],
                ["line one\nline two", "ok"],
            ),
        ),
        id="google-forms-us-dates-crlf-lf-in-cell",
    ),
    pytest.param(
        "lime.csv",
        '\ufeff"Response ID","Date submitted","Last page","Start language",'
        '"How likely\tare you to recommend us?  ","Comment"\n'
        '"1","2021-02-03 10:11:12","2","en","9","Fine"\n'
        '"2","","1","nl-informal","",""\n\n'.encode(),
        {"platform": "limesurvey", "encoding": "utf-8-sig"},
        {
            "response_id": "Response ID",
            "submitted_at": "Date submitted",
            "nps": "How likely are you to recommend us?",
        },
        2,
        ("SELECT list(nps ORDER BY src_row), count(submitted_at) FROM responses", ([9, None], 1)),
        id="limesurvey-bom-quoted-tab-header",
    ),
    pytest.param(
        "lime_api.csv",
        b"id;submitdate;lastpage;startlanguage;NPS;CSAT\n"
        b"7;2021-02-03 10:11:12;3;ro;10;5\n8;2021-02-04 09:00:00;3;ro;3;2\n",
        {"platform": "limesurvey", "delimiter": ";"},
        {"response_id": "id", "submitted_at": "submitdate", "nps": "NPS", "csat": "CSAT"},
        2,
        ("SELECT list(response_id ORDER BY src_row) FROM responses", ["7", "8"]),
        id="limesurvey-api-semicolon",
    ),
    pytest.param(
        "typeform.csv",
        b"#,How likely are you to recommend us?,Tell us why,Start Date (UTC),Submit Date (UTC),"
        b"Network ID,Tags\n"
        b"tok1,8,nice,2022-06-01 10:00:00,2022-06-01 10:03:00,n1,\n",
        {"platform": "typeform"},
        {"response_id": "#", "submitted_at": "Submit Date (UTC)", "comment": "Tell us why"},
        1,
        ("SELECT max(nps) FROM responses", 8),
        id="typeform",
    ),
    pytest.param(
        "ro_semicolon.csv",
        "Client;Scor NPS;Cât de mulţumit sunteţi? (1-5);Emoţie;Comentariu\n"
        "c1;9;5;1,5;Foarte bună experienţă, mulţumesc\n"
        "c2;3;2;-1,25;Aşteptare prea lungă în magazin\n".encode("cp1250"),
        {"encoding": "cp1250", "delimiter": ";", "decimal_comma": True},
        {
            "customer_id": "Client",
            "nps": "Scor NPS",
            "csat": "Cât de mulţumit sunteţi? (1-5)",
            "emotion": "Emoţie",
            "comment": "Comentariu",
        },
        2,
        (
            "SELECT list(emotion ORDER BY src_row), list(comment ORDER BY src_row) FROM responses",
            (
                [1.5, -1.25],
                ["Foarte bună experienţă, mulţumesc", "Aşteptare prea lungă în magazin"],
            ),
        ),
        id="cp1250-romanian-semicolon-decimal-comma",
    ),
    pytest.param(
        "vi.csv",
        cp1258(
            "Mã khách hàng,Điểm chạm,Điểm NPS,Mức độ hài lòng,Bình luận\n"
            "k1,Thanh toán,10,5,Nhân viên rất nhiệt tình\n"
            "k2,Giao hàng,4,2,Giao hàng chậm quá\n"
        ),
        {"encoding": "cp1258"},
        {
            "customer_id": "Mã khách hàng",
            "touchpoint": "Điểm chạm",
            "nps": "Điểm NPS",
            "csat": "Mức độ hài lòng",
            "comment": "Bình luận",
        },
        2,
        ("SELECT list(touchpoint ORDER BY src_row) FROM responses", ["Thanh toán", "Giao hàng"]),
        id="cp1258-vietnamese",
    ),
    pytest.param(
        "utf16.csv",
        "Customer ID\tTouchpoint\tNPS\nc1\tCửa hàng\t7\nc2\tWeb\t10\n".encode("utf-16"),
        {"encoding": "utf-16-le-bom", "delimiter": "\t"},
        {"customer_id": "Customer ID", "nps": "NPS"},
        2,
        ("SELECT list(touchpoint ORDER BY src_row) FROM responses", ["Cửa hàng", "Web"]),
        id="utf16-tab",
    ),
    pytest.param(
        "dayfirst.csv",
        b"Customer,Date,NPS\nc1,13/01/2020,9\nc2,05/01/2020,8\nc3,5th Jan 2020,7\n",
        {},
        {"submitted_at": "Date", "nps": "NPS"},
        3,
        (
            "SELECT list(submitted_at ORDER BY src_row) FROM responses",
            [dt.datetime(2020, 1, 13), dt.datetime(2020, 1, 5), dt.datetime(2020, 1, 5)],
        ),
        id="day-first-and-ordinal-dates",
    ),
    pytest.param(
        "iso_ms.csv",
        b"Timestamp,NPS score\n2019-11-01 08:51:12.402,0\n2019-11-01 09:05:13.890,10\n",
        {},
        {"submitted_at": "Timestamp", "nps": "NPS score"},
        2,
        (
            "SELECT list(submitted_at ORDER BY src_row) FROM responses",
            [
                dt.datetime(2019, 11, 1, 8, 51, 12, 402000),
                dt.datetime(2019, 11, 1, 9, 5, 13, 890000),
            ],
        ),
        id="iso-with-milliseconds",
    ),
    pytest.param(
        "log.csv",
        b",case:concept:name,concept:name,time:timestamp,org:resource\n"
        b"0,3,register,2011-03-26 23:30:00+01:00,Pete\n"
        b"1,3,decide,2011-03-27 12:00:00+02:00,Sara\n"
        b"2,4,register,2011-03-27 00:15:00+02:00,\n",
        {"kind": "events"},
        {"customer_id": "case:concept:name", "touchpoint": "concept:name", "ts": "time:timestamp"},
        3,
        (
            "SELECT list(ts ORDER BY src_row), list(extra ORDER BY src_row)[3] FROM events",
            (
                [
                    dt.datetime(2011, 3, 26, 22, 30),
                    dt.datetime(2011, 3, 27, 10),
                    dt.datetime(2011, 3, 26, 22, 15),
                ],
                {"Column 1": "2"},
            ),
        ),
        id="process-mining-log-mixed-offsets",
    ),
    pytest.param(
        "journey.csv",
        b"Stage,Touchpoint,Channel,Owner,Goal\n"
        b"Discover,Ad,Social,Marketing,Notice us\nDiscover,Website,Web,Marketing,Learn\n"
        b"Buy,Checkout,Web,Sales,Pay fast\n",
        {"kind": "touchpoints"},
        {"stage": "Stage", "touchpoint": "Touchpoint", "owner": "Owner"},
        3,
        (
            "SELECT list((touchpoint, stage_order, step_order) ORDER BY step_order) FROM touchpoints",
            [("Ad", 1, 1), ("Website", 1, 2), ("Checkout", 2, 3)],
        ),
        id="journey-definition",
    ),
    pytest.param(
        "answers.xlsx",
        xlsx_bytes(),
        {"source_format": "xlsx", "kind": "responses"},
        {"customer_id": "Customer ID", "nps": "NPS", "submitted_at": "Submitted"},
        2,
        (
            "SELECT list(nps ORDER BY src_row), list(submitted_at ORDER BY src_row), "
            "list(src_row ORDER BY src_row) FROM responses",
            ([9, 3], [dt.datetime(2024, 5, 1, 9, 30), dt.datetime(2024, 5, 2, 10)], [2, 3]),
        ),
        id="xlsx",
    ),
    pytest.param(
        "log.parquet",
        parquet_bytes(),
        {"source_format": "parquet", "kind": "events"},
        {"customer_id": "case:concept:name", "ts": "time:timestamp", "value": "revenue"},
        3,
        (
            "SELECT list(value ORDER BY src_row), list(ts ORDER BY src_row)[2] FROM events",
            ([None, 12.5, None], dt.datetime(2024, 1, 2, 11)),
        ),
        id="parquet",
    ),
]


@pytest.mark.parametrize(("name", "data", "attrs", "mapping", "rows", "check"), CASES)
def test_quirk_loads(name, data, attrs, mapping, rows, check):
    store = Store(":memory:")
    ws = store.ensure_workspace(LOCAL, "t")
    prepared = ingest.prepare(data, name, store=store)
    for attr, value in attrs.items():
        assert getattr(prepared, attr) == value, attr
    for field, column in mapping.items():
        assert prepared.mapping.get(field) == column, (field, prepared.mapping)
    assert prepared.mapping_source == "guessed"
    report = ingest.validate(store, prepared, prepared.mapping, prepared.kind)
    assert report.rows_rejected == 0, [i.text() for i in report.issues]
    result = ingest.load(store, LOCAL, ws, prepared, prepared.mapping, prepared.kind)
    assert result.rows_loaded == rows
    query, expected = check
    got = store.con.execute(query).fetchall()[0]
    assert (got if len(got) > 1 else got[0]) == expected


def test_same_survey_in_three_qualtrics_formats_loads_the_same_rows():
    store = Store(":memory:")
    ws = store.ensure_workspace(LOCAL, "t")
    fields = ("response_id", "submitted_at", "nps", "csat", "comment")
    seen = []
    for name in ("qualtrics_current.csv", "qualtrics_legacy.csv", "qualtrics_insights.csv"):
        prepared = ingest.prepare(FIX / name, name, store=store)
        result = ingest.load(store, LOCAL, ws, prepared, prepared.mapping, prepared.kind)
        rows = store.con.execute(
            f"SELECT {', '.join(fields)} FROM responses WHERE dataset_id = ? ORDER BY response_id",
            [result.dataset_id],
        ).fetchall()
        seen.append(rows)
    assert seen[0] == seen[1] == seen[2]
    assert [r[2] for r in seen[0]] == [10, 6, 8]


def test_preview_and_labels():
    prepared = ingest.prepare(FIX / "qualtrics_current.csv", "q.csv")
    assert prepared.columns[:4] == ["StartDate", "EndDate", "Status", "ResponseId"]
    assert prepared.labels["Q1"] == "How likely are you to recommend us to a friend?"
    assert prepared.preview.shape == (3, 7)
    assert prepared.preview.iloc[1]["Q2"] == "Slow, noisy"
    assert len(prepared.sha256) == 64 and len(prepared.header_key) == 64


@pytest.mark.parametrize(
    ("columns", "values", "kind", "expected"),
    [
        (
            ["Would you recommend mybinder.org to a friend?"],
            [["Yes"], ["Maybe"], ["No"]],
            "responses",
            {},
        ),
        (
            ["How likely are you to recommend us?"],
            [["9"], ["0"], ["10"]],
            "responses",
            {"nps": "How likely are you to recommend us?"},
        ),
        (["Would you recommend us (Score 0-10)"], [["11"]], "responses", {}),
        (
            ["Điểm NPS", "Mức độ hài lòng", "Bình luận"],
            [["9", "4", "Rất tốt, cảm ơn"]],
            "responses",
            {"nps": "Điểm NPS", "csat": "Mức độ hài lòng", "comment": "Bình luận"},
        ),
        (
            ["Scor NPS", "Cât de mulțumit sunteți?", "Comentariu"],
            [["7", "3", "Bine dar scump"]],
            "responses",
            {"nps": "Scor NPS", "csat": "Cât de mulțumit sunteți?", "comment": "Comentariu"},
        ),
        (
            ["How easy was it? (effort)"],
            [["6"], ["2"]],
            "responses",
            {"ces": "How easy was it? (effort)"},
        ),
        (
            ["CaseID", "Activity", "Timestamp"],
            [["1", "a", "2020-01-01 10:00"]],
            "events",
            {"customer_id": "CaseID", "touchpoint": "Activity", "ts": "Timestamp"},
        ),
        (
            ["Mã khách hàng", "Điểm chạm", "Thời gian"],
            [["k", "Web", "2020-01-01 10:00"]],
            "events",
            {"customer_id": "Mã khách hàng", "touchpoint": "Điểm chạm", "ts": "Thời gian"},
        ),
        (
            ["Client", "Punct de contact", "Data"],
            [["k", "Web", "13.01.2020"]],
            "events",
            {"customer_id": "Client", "touchpoint": "Punct de contact", "ts": "Data"},
        ),
    ],
)
def test_guess_mapping(columns, values, kind, expected):
    import pandas as pd

    preview = pd.DataFrame(values, columns=columns, dtype=object)
    assert ingest.guess_mapping(columns, preview, kind) == expected


XES = b"""<?xml version="1.0" encoding="UTF-8"?>
<log xes.version="1.0">
  <extension name="Concept" prefix="concept" uri="http://www.xes-standard.org/concept.xesext"/>
  <global scope="event"><string key="concept:name" value="name"/></global>
  <trace>
    <string key="concept:name" value="c1"/>
    <event>
      <string key="concept:name" value="Website"/>
      <date key="time:timestamp" value="2024-03-31T01:30:00.000+01:00"/>
      <string key="org:resource" value="Ana"/>
    </event>
    <event>
      <string key="concept:name" value="Branch"/>
      <date key="time:timestamp" value="2024-03-31T03:30:00.000+02:00"/>
    </event>
  </trace>
  <trace>
    <string key="concept:name" value="c2"/>
    <event>
      <string key="concept:name" value="Website"/>
      <date key="time:timestamp" value="2024-04-01T09:00:00.000Z"/>
    </event>
  </trace>
</log>
"""


def test_xes_event_log_loads_as_events(store):
    """An XES log (process-mining standard) flattens to one event per row, case ids from the
    trace, times in UTC across the daylight-saving change."""
    prepared = ingest.prepare(XES, "journey.xes", store=store)
    assert prepared.kind == "events"
    assert prepared.mapping == {
        "customer_id": "case:concept:name",
        "touchpoint": "concept:name",
        "ts": "time:timestamp",
    }
    ws = store.ensure_workspace(LOCAL, "xes")
    result = ingest.load(store, LOCAL, ws, prepared, prepared.mapping, "events")
    assert (result.rows_loaded, result.rows_rejected) == (3, 0)
    rows = store.con.execute(
        "SELECT customer_id, touchpoint, strftime(ts, '%Y-%m-%d %H:%M'), extra['org:resource'] "
        "FROM events ORDER BY customer_id, ts"
    ).fetchall()
    assert rows == [
        ("c1", "Website", "2024-03-31 00:30", "Ana"),
        ("c1", "Branch", "2024-03-31 01:30", None),
        ("c2", "Website", "2024-04-01 09:00", None),
    ]
