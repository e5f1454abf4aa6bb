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

from journeylens import dashboards, ingest
from journeylens.filters import Filters
from journeylens.permissions import LOCAL
from journeylens.store import Store
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
    errors = [e.value for e in at.error]
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
