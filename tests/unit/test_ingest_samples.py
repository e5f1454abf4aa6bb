"""Every real export in the shared samples folder prepares and loads (skipped when absent).

The samples are outside the repository (their licences differ); see SOURCES.md there.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from journeylens.domain.permissions import LOCAL
from journeylens.services import ingest
from journeylens.storage.store import Store

REPO = Path(__file__).resolve().parents[2]
CANDIDATES = [Path("/work/shared/samples"), REPO.parent / "shared" / "samples"]
SAMPLES = next((p for p in CANDIDATES if p.is_dir()), None)
NOT_TABLES = {".dfg"}

pytestmark = pytest.mark.skipif(SAMPLES is None, reason="shared samples folder not present")


def sample_files() -> list[Path]:
    if SAMPLES is None:
        return []
    return sorted(p for p in SAMPLES.rglob("*") if p.is_file() and p.suffix != ".md")


def load(path: Path, store: Store, kind: str | None = None):
    ws = store.ensure_workspace(LOCAL, path.stem)
    prepared = ingest.prepare(path, path.name, store=store, kind=kind)
    report = ingest.validate(store, prepared, prepared.mapping, prepared.kind)
    result = ingest.load(store, LOCAL, ws, prepared, prepared.mapping, prepared.kind)
    return prepared, report, result


def nps_counts(store: Store, dataset_id: int) -> tuple[int, int, int, int]:
    return store.con.execute(
        "SELECT count(nps), count_if(nps >= 9), count_if(nps BETWEEN 7 AND 8), count_if(nps <= 6) "
        "FROM responses WHERE dataset_id = ?",
        [dataset_id],
    ).fetchone()


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.name)
def test_every_sample_prepares_and_loads(path):
    store = Store(":memory:")
    if path.suffix in NOT_TABLES:
        with pytest.raises(ingest.IngestError) as info:
            load(path, store)
        assert path.name in str(info.value)
        return
    try:
        prepared, report, result = load(path, store)
    except ingest.IngestError as exc:
        # A lookup table with nothing we can map is a clear, named refusal, not a crash.
        assert exc.code == "nothing_mapped" and path.name in str(exc)
        return
    assert result.rows_loaded > 0
    assert result.rows_loaded + result.rows_rejected == report.total_rows
    if prepared.kind == "responses":
        assert set(report.missing_metrics) == {
            m for m in ("nps", "csat", "ces", "emotion", "comment") if m not in prepared.mapping
        }


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("case040_sudzilla_googleforms_style.csv", (39, 8, 9, 22)),
        ("case040_sudzilla_iso_timestamps.csv", (39, 8, 9, 22)),
        ("case122_prepair_nps.csv", (184, 74, 75, 35)),
    ],
)
def test_nps_hand_counts(name, expected):
    store = Store(":memory:")
    _, report, result = load(SAMPLES / "prepbench_preppindata" / name, store)
    assert result.rows_rejected == 0
    n, p, pa, d = nps_counts(store, result.dataset_id)
    assert (n, p, pa, d) == expected
    if name.startswith("case040"):
        assert round(100 * (p - d) / n, 3) == -35.897


def test_sudzilla_timestamps_agree_across_formats():
    store = Store(":memory:")
    folder = SAMPLES / "prepbench_preppindata"
    _, _, a = load(folder / "case040_sudzilla_googleforms_style.csv", store)
    _, _, b = load(folder / "case040_sudzilla_iso_timestamps.csv", store)
    got = store.con.execute(
        "SELECT dataset_id, list(date_trunc('second', submitted_at) ORDER BY src_row) "
        "FROM responses GROUP BY dataset_id ORDER BY dataset_id"
    ).fetchall()
    assert [g[0] for g in got] == [a.dataset_id, b.dataset_id]
    assert got[0][1] == got[1][1]


def test_qualtrics_insights_and_legacy_pair_load_identical_rows():
    store = Store(":memory:")
    folder = SAMPLES / "qualtrics_QualtricsTools"
    rows, times = [], []
    for name in ("No_Basis_for_Evaluation_Insights.csv", "No_Basis_for_Evaluation_Legacy.csv"):
        prepared, _, result = load(folder / name, store)
        assert prepared.platform.startswith("qualtrics")
        got = store.con.execute(
            "SELECT response_id, nps, csat, ces, comment, extra['Q1'], submitted_at "
            "FROM responses WHERE dataset_id = ? ORDER BY response_id",
            [result.dataset_id],
        ).fetchall()
        rows.append([r[:-1] for r in got])
        times.append([r[-1] for r in got])
    assert len(rows[0]) == 15
    assert rows[0] == rows[1]
    # The two upstream exports were written in different time zones (the files themselves differ
    # by exactly 2 h and carry no zone): the importer keeps each file's clock, consistently.
    assert {(a - b).total_seconds() for a, b in zip(times[0], times[1], strict=True)} == {7200}


@pytest.mark.parametrize(
    ("folder", "name", "missing"),
    [
        ("googleforms_mybinder", "mybinder.org-user-survey-feb-2020.csv", {"nps", "csat", "ces"}),
        ("googleforms_jupyter_education", "responses.csv", {"nps", "csat", "ces", "emotion"}),
    ],
)
def test_files_without_scores_report_missing_metrics(folder, name, missing):
    store = Store(":memory:")
    prepared, report, result = load(SAMPLES / folder / name, store)
    assert "nps" not in prepared.mapping  # Yes/Maybe/No is not an NPS
    assert missing <= set(report.missing_metrics)
    assert result.rows_loaded == {"responses.csv": 125}.get(name, 346)


@pytest.mark.parametrize(
    ("name", "events", "cases"),
    [
        ("running-example.csv", 42, 6),
        ("running-example-transformed.csv", 42, 6),
        ("receipt.csv", 8577, 1434),
        ("roadtraffic100traces.csv", 390, 100),
    ],
)
def test_process_mining_logs_load_as_events(name, events, cases):
    store = Store(":memory:")
    prepared, _, result = load(SAMPLES / "pm4py_core" / name, store)
    assert prepared.kind == "events"
    assert result.rows_loaded == events and result.rows_rejected == 0
    n_cases = store.con.execute("SELECT count(DISTINCT customer_id) FROM events").fetchone()[0]
    assert n_cases == cases


def test_receipt_mixed_offsets_are_utc():
    store = Store(":memory:")
    load(SAMPLES / "pm4py_core" / "receipt.csv", store)
    first = store.con.execute(
        "SELECT ts FROM events WHERE customer_id = 'case-10011' ORDER BY ts LIMIT 1"
    ).fetchone()[0]
    assert str(first) == "2011-10-11 11:45:40.276000"  # 13:45:40.276+02:00


def test_channelattribution_paths_load():
    store = Store(":memory:")
    prepared, _, result = load(SAMPLES / "channelattribution" / "Data.csv", store)
    assert prepared.delimiter == ";"
    assert prepared.kind == "paths"  # an aggregated path file (issue 15), not survey answers
    assert result.rows_loaded == 10000
    conversions, value, nulls, channels = store.con.execute(
        "SELECT sum(conversions), sum(value), sum(nulls), "
        "(SELECT count(DISTINCT c) FROM (SELECT unnest(path) AS c FROM path_counts)) "
        "FROM path_counts"
    ).fetchone()
    assert (conversions, nulls, channels) == (19785, 68602, 12)  # SOURCES.md's totals
    assert value == pytest.approx(74802.971587)


def test_xes_and_csv_exports_of_one_log_load_the_same_events():
    """pm4py's running example as XES (XML) and as CSV: the same 42 events of 6 cases."""
    store = Store(":memory:")
    seen = []
    for name in ("running-example.xes", "running-example.csv"):
        prepared, _, result = load(SAMPLES / "pm4py_core" / name, store, kind="events")
        assert result.rows_rejected == 0
        seen.append(
            store.con.execute(
                "SELECT list((customer_id, touchpoint, ts) ORDER BY customer_id, ts, touchpoint) "
                "FROM events WHERE dataset_id = ?",
                [result.dataset_id],
            ).fetchone()[0]
        )
    assert len(seen[0]) == 42
    assert seen[0] == seen[1]
