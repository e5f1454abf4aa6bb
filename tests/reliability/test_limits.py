"""Limits and sensitive data.

- The upload limit (JOURNEYLENS_MAX_UPLOAD_MB, read by journeylens/ui/upload.py and passed to
  ingest.prepare as max_bytes): a bigger file gets a message naming the file and the limit, and
  nothing is stored.
- Files bigger than memory import through the CLI with bounded memory: the slow test runs
  scripts/big_import.py at 300 MB (the 2 GB run is `python scripts/big_import.py`).
- The privacy option (`ingest --mask-pii`) masks e-mail addresses and phone numbers at import, and
  the comments CSV export never carries them.
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest
from streamlit.testing.v1 import AppTest

from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.services import dashboards, ingest
from journeylens.storage.store import Store
from tests.app.conftest import app  # noqa: F401 - warm AppTest runs: button clicks count
from tests.conftest import hostile_corpus, shown
from tests.reliability.conftest import ROOT, cli, survey_csv

APP = ROOT / "app.py"


@pytest.fixture
def data_page_env(tmp_path, app_on):
    db = tmp_path / "limits.duckdb"
    seed = survey_csv(tmp_path / "seed.csv", 200, prefix="S")
    with Store(db) as store:
        ws = store.ensure_workspace(LOCAL, "Limits")
        p = ingest.prepare(seed, seed.name, store=store)
        ingest.load(store, LOCAL, ws, p, p.mapping, p.kind)
        p.cleanup()
    app_on(db)
    return db


def test_upload_limit_is_configurable_and_explained(data_page_env, tmp_path, monkeypatch):
    from journeylens.ui import data

    monkeypatch.setenv("JOURNEYLENS_MAX_UPLOAD_MB", "0.1")  # 104,857 bytes
    big = survey_csv(tmp_path / "quarter export.csv", 3000, prefix="Q").read_bytes()
    assert len(big) > 0.1 * 1024 * 1024
    at = AppTest.from_file(str(APP), default_timeout=60)
    at.run()
    at.switch_page("pages/data.py").run()
    store = data.get_store()
    before = store.counts(store.require_workspace("Limits").workspace_id)
    at.file_uploader[0].set_value(("quarter export.csv", big, "text/csv")).run()
    assert not at.exception
    errors = [shown(e.value) for e in at.error]
    expected = ingest.IngestError(
        "too_large", "quarter export.csv", size=f"{len(big) / 1e6:.1f} MB", limit="0.1 MB"
    ).text("en")
    assert errors == [expected], errors
    assert "quarter export.csv" in errors[0] and "limit" in errors[0]
    assert store.counts(store.require_workspace("Limits").workspace_id) == before
    # A file under the limit goes on to the mapping step.
    small = survey_csv(tmp_path / "small.csv", 50, prefix="M").read_bytes()
    at.file_uploader[0].set_value(("small.csv", small, "text/csv")).run()
    assert not at.exception and not at.error


PII = (
    "Response ID,Touchpoint,How likely are you to recommend us?,Comment\n"
    "r1,Branch,9,Write to ana.pop@example.ro or call +40 721 234 567\n"
    'r2,Branch,3,"Gọi tôi: 090 123 4567, cảm ơn"\n'
    "r3,Web,7,mail me: JOHN.DOE+cx@mail.example.com (0721.234.567)\n"
    "r4,Web,10,Order 2024-04-03 ref 12345 was fine\n"
)
RAW_PII = re.compile(r"@|\d{3}[ .]?\d{3}[ .]?\d{3,4}")


def test_mask_pii_from_the_cli_and_in_the_comments_export(tmp_path):
    src = tmp_path / "pii.csv"
    src.write_text(PII, encoding="utf-8")
    db = tmp_path / "pii.duckdb"
    out = cli("ingest", str(src), "--workspace", "Private", "--db", str(db), "--mask-pii")
    assert out.returncode == 0, out.stderr
    with Store(db) as store:
        ws = store.require_workspace("Private")
        assert ws.mask_pii
        cur = store.cursor()
        stored = [
            r[0] for r in cur.execute("SELECT comment FROM responses ORDER BY src_row").fetchall()
        ]
        cur.close()
        assert not any(RAW_PII.search(c) for c in stored), stored
        assert stored[3] == "Order 2024-04-03 ref 12345 was fine"
        csv_text = dashboards.comments_csv(store.cursor(), ws, Filters()).decode("utf-8-sig")
        assert "[email]" in csv_text and "[phone]" in csv_text
        assert not RAW_PII.search(csv_text.split("\n", 1)[1]), csv_text


@pytest.mark.slow
def test_big_import_memory_is_bounded(tmp_path):
    """300 MB through the CLI stays under the DuckDB memory limit (2 GB) plus the interpreter."""
    out = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "big_import.py"), "--size-mb", "300", "--json",
         "--keep", str(tmp_path)],
        capture_output=True, text=True, timeout=1800, cwd=ROOT,
    )  # fmt: skip
    assert out.returncode == 0, out.stdout[-3000:] + out.stderr[-3000:]
    import json

    result = json.loads(out.stdout[out.stdout.index("{") :])
    assert result["rows_in_db"] == result["rows_in_file"]
    assert result["peak_rss_mib"] < 2900, result


# --- bounded work (issue 20): every limit, its setting, and what happens on each side ----------


def _csv(header: list[str], rows: list[list[str]]) -> bytes:
    return ("\n".join(",".join(r) for r in [header, *rows]) + "\n").encode()


def _xlsx(rows: list[list[object]]) -> bytes:
    import io

    import openpyxl

    wb = openpyxl.Workbook()
    for row in rows:
        wb.active.append(row)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _xes(keys: int, events: int = 3) -> bytes:
    body = "".join(
        f'<trace><string key="concept:name" value="c{e}"/><event>'
        f'<string key="concept:name" value="Web"/>'
        f'<date key="time:timestamp" value="2024-01-0{1 + e % 9}T10:00:00"/>'
        + "".join(f'<string key="k{k}" value="v{e}"/>' for k in range(keys))
        + "</event></trace>"
        for e in range(events)
    )
    return f'<?xml version="1.0"?><log xes.version="1.0">{body}</log>'.encode()


def _parquet(columns: list[str]) -> bytes:
    import pandas as pd

    return pd.DataFrame({c: ["9", "x"] for c in columns}).to_parquet()


def _shared_strings_xlsx(texts: list[str]) -> bytes:
    """A workbook whose cells use the shared-strings table (openpyxl writes inline strings)."""
    import tempfile
    from pathlib import Path

    corpus = hostile_corpus()
    sst = corpus.SST_HEAD + "".join(f"<si><t>{x}</t></si>" for x in texts).encode() + b"</sst>"
    cells = "".join(f'<c r="{chr(65 + i)}1" t="s"><v>{i}</v></c>' for i in range(len(texts)))
    sheet = corpus.sheet_xml([cells, '<c r="A2"><v>9</v></c>'])
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "s.xlsx"
        corpus.workbook(path, corpus.deflated(sheet), corpus.deflated(sst))
        return path.read_bytes()


SURVEY_HEADER = ["Response ID", "NPS", "Comment", "Touchpoint"]
LIMIT_CASES = [
    # (setting, value that refuses, file name, bytes, IngestError code, a fragment of the message)
    ("JOURNEYLENS_MAX_COLUMNS", "3", "four.csv", _csv(SURVEY_HEADER, [["r1", "9", "ok", "Web"]]),
     "limit_columns", "has 4 columns"),
    ("JOURNEYLENS_MAX_COLUMNS", "3", "four.xlsx", _xlsx([SURVEY_HEADER, ["r1", 9, "ok", "Web"]]),
     "limit_columns", "4 columns"),
    ("JOURNEYLENS_MAX_COLUMNS", "3", "four.parquet", _parquet(SURVEY_HEADER), "limit_columns",
     "4 columns"),
    ("JOURNEYLENS_MAX_COLUMNS", "4", "keys.xes", _xes(5), "limit_xes_keys", "more than 4"),
    ("JOURNEYLENS_MAX_HEADER_KB", "1", "header.csv",
     _csv(["NPS", "C" * 2000], [["9", "x"]]), "limit_header", "1 KB"),
    ("JOURNEYLENS_MAX_ROW_MB", "0.01", "row.csv",
     _csv(["NPS", "Comment"], [["9", "ok"]] * 3 + [["9", "y" * 20_000]]), "limit_row", "line 5"),
    ("JOURNEYLENS_MAX_XLSX_MB", "0.001", "size.xlsx", _xlsx([SURVEY_HEADER, ["r1", 9, "ok", "W"]]),
     "limit_xlsx_size", "unpacks to"),
    ("JOURNEYLENS_MAX_XLSX_RATIO", "2", "ratio.xlsx",
     _xlsx([SURVEY_HEADER] + [["r", 9, "same comment", "Web"]] * 20_000), "limit_xlsx_ratio",
     "xl/worksheets/sheet1.xml"),
    ("JOURNEYLENS_MAX_SHARED_STRINGS", "3", "strings.xlsx",
     _shared_strings_xlsx(["NPS", "Comment", "Touchpoint", "Web"]), "limit_shared_strings",
     "more than 3"),
    ("JOURNEYLENS_MAX_STAGING_MB", "0.0001", "staging.xlsx",
     _xlsx([SURVEY_HEADER] + [["r", 9, "ok", "Web"]] * 50), "limit_staging", "0.0001 MB"),
    ("JOURNEYLENS_MAX_STAGING_MB", "0.0001", "staging.xes", _xes(2, 40), "limit_staging", "CSV"),
]  # fmt: skip


@pytest.mark.parametrize(
    ("setting", "value", "name", "data", "code", "fragment"),
    LIMIT_CASES,
    ids=[f"{c[0][12:].lower()}-{c[2]}" for c in LIMIT_CASES],
)
def test_each_limit_refuses_names_its_setting_and_the_default_loads(
    setting, value, name, data, code, fragment, tmp_path, monkeypatch
):
    with Store(tmp_path / "l.duckdb") as store:
        monkeypatch.setenv(setting, value)
        with pytest.raises(ingest.IngestError) as info:
            p = ingest.prepare(data, name, store=store)
            ingest.validate(store, p, p.mapping, p.kind)
        assert info.value.code == code, str(info.value)
        for lang in ("en", "vi", "ro"):
            assert setting in info.value.text(lang) and name in info.value.text(lang)
        assert fragment in str(info.value), str(info.value)
        monkeypatch.delenv(setting)  # the default: the same file goes through
        p = ingest.prepare(data, name, store=store)
        report = ingest.validate(store, p, p.mapping, p.kind)
        p.cleanup()
        assert report.total_rows >= 1


@pytest.mark.parametrize("raw", ["", "abc", "-5", "0", "nan"])
def test_a_setting_that_is_not_a_positive_number_keeps_the_default(raw, monkeypatch):
    from journeylens.services.ingest import limits

    monkeypatch.setenv("JOURNEYLENS_MAX_COLUMNS", raw)
    assert limits.limit("columns").count() == 2000
    monkeypatch.setenv("JOURNEYLENS_MAX_COLUMNS", "2_500")
    assert limits.limit("columns").count() == 2500


def test_out_of_memory_is_a_message_naming_the_memory_setting(tmp_path, monkeypatch):
    """Past a raised column limit DuckDB may run out of memory: a message, not its raw text."""
    monkeypatch.setenv("JOURNEYLENS_MEMORY_LIMIT", "100MB")
    header = ["NPS"] + [f"Q{i}" for i in range(999)]
    with Store(tmp_path / "m.duckdb") as store:
        p = ingest.prepare(_csv(header, [["9"] + ["1"] * 999]), "wide.csv", store=store)
        with pytest.raises(ingest.IngestError) as info:
            ingest.validate(store, p, p.mapping, p.kind)
    assert info.value.code == "out_of_memory"
    assert "wide.csv (1,000 columns)" in str(info.value)
    assert "JOURNEYLENS_MEMORY_LIMIT" in str(info.value) and "100MB" in str(info.value)


def _display_names_reference(names: list[str]) -> list[str]:
    """The original quadratic rule, as the oracle."""
    out, seen = [], set()
    for i, raw in enumerate(names):
        name = " ".join(raw.split()) or f"Column {i + 1}"
        base, k = name, 2
        while name.lower() in seen:
            name = f"{base} ({k})"
            k += 1
        seen.add(name.lower())
        out.append(name)
    return out


@pytest.mark.timeout(30)  # a hang guard: 32,000 copies took over 60 s before (issue 20)
def test_display_names_are_unique_and_linear():
    import random

    from journeylens.services.ingest import sniff

    assert sniff.display_names(["a", "a (2)", "a", "A", " ", "b  c", "b c"]) == [
        "a", "a (2)", "a (3)", "A (4)", "Column 5", "b c", "b c (2)",
    ]  # fmt: skip
    rng = random.Random(20)
    pool = ["x", "X", "x (2)", "x (3)", "y", "", "x (2) (2)"]
    for _ in range(200):
        names = [rng.choice(pool) for _ in range(rng.randint(1, 40))]
        assert sniff.display_names(names) == _display_names_reference(names), names
    many = sniff.display_names(["NPS"] * 32_000)
    assert len(set(n.lower() for n in many)) == 32_000
    assert many[:3] == ["NPS", "NPS (2)", "NPS (3)"] and many[-1] == "NPS (32000)"


def test_preview_is_bounded():
    p = ingest.prepare(_csv(["Comment", "NPS"], [["z" * 10_000, "9"]] * 30), "long.csv")
    try:
        assert len(p.preview) == 20
        assert max(len(v) for v in p.preview["Comment"]) == 301  # 300 characters and "…"
        assert len(p.sample) == 30 and len(p.sample["Comment"].iloc[0]) == 10_000
    finally:
        p.cleanup()


# --- the Data page: limits, odd names and a swallowed-rows warning, as messages -----------------


def test_data_page_answers_hostile_uploads_with_messages(data_page_env, tmp_path, app):  # noqa: F811
    from journeylens.ui import data
    from tests.conftest import shown

    at = app("data")
    store = data.get_store()
    ws_id = store.require_workspace("Limits").workspace_id
    before = store.counts(ws_id)

    # past a limit: the message, nothing stored
    header = [f"Q{i}" for i in range(2500)]
    at.file_uploader[0].set_value(("wide.csv", _csv(header, [["1"] * 2500]), "text/csv")).run()
    assert not at.exception
    assert [shown(e.value) for e in at.error] == [
        ingest.IngestError(
            "limit_columns", "wide.csv", found="2,500", limit="2,000",
            setting="JOURNEYLENS_MAX_COLUMNS",
        ).text("en")
    ]  # fmt: skip

    # a type the uploader does not take, checked by the page (not by Streamlit's widget state)
    at.file_uploader[0].set_value(("notes.docx", b"PK\x03\x04", "application/zip")).run()
    assert not at.exception
    assert [shown(e.value) for e in at.error] == [
        ingest.IngestError("bad_extension", "notes.docx", ext=".docx").text("en")
    ]

    # a NUL in the name: it used to raise before the script ran, on every rerun
    survey = survey_csv(tmp_path / "n.csv", 40, prefix="N").read_bytes()
    at.file_uploader[0].set_value(("a\x00b.csv", survey, "text/csv")).run()
    assert not at.exception and not at.error
    at.button(key="load_btn").click().run()
    assert not at.exception, [e.value for e in at.exception]
    assert [shown(s.value) for s in at.success] == [
        "Loaded a\ufffdb.csv: 40 rows into “Limits”, 0 set aside."
    ]
    assert store.counts(ws_id)["responses"] == before["responses"] + 40
    assert "a\ufffdb.csv" in set(store.datasets(ws_id)["source_name"])

    # an unclosed quote: said on detection, and again by Check, before Load
    rows = "".join(f"q{i},{i % 11},fine\n" for i in range(500))
    quoted = f'Response ID,NPS,Comment\nq0,9,"never closed\n{rows}'.encode()
    at.file_uploader[0].set_value(("quote.csv", quoted, "text/csv")).run()
    assert not at.exception
    said = [shown(w.value) for w in at.warning]
    assert any(
        w.startswith("quote.csv, row 2 (from line 2): one value runs over at least") for w in said
    )
    at.button(key="check_btn").click().run()
    said = [shown(w.value) for w in at.warning]
    assert any("one value runs over 501 lines, and the file's 502 lines make only 1 row(s)" in w
               for w in said), said  # fmt: skip
    assert store.counts(ws_id)["responses"] == before["responses"] + 40  # nothing more yet
