"""The command line, run as a user would: real files, a real database, exit codes and JSON."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

# 12 answers: promoters 9,10,10,9 (4); passives 7,8 (2); detractors 0,3,6,6,5,2 (6).
# NPS = (4 - 6) / 12 * 100 = -16.6667. CSAT: 5,4,2 -> top-2 = 2/3 = 66.67%, mean 3.6667.
SURVEY = """Response ID;Touchpoint;Date;How likely are you to recommend us?;CSAT;Comment
r1;Branch;03/04/2024;9;5;Rất tốt
r2;Branch;03/04/2024;10;4;
r3;Branch;13/04/2024;10;;ok
r4;Web;14/04/2024;9;2;slow
r5;Web;15/04/2024;7;;
r6;Web;15/04/2024;8;;
r7;Web;16/04/2024;0;;terrible
r8;Call;16/04/2024;3;;
r9;Call;17/04/2024;6;;
r10;Call;17/04/2024;6;;
r11;Call;18/04/2024;5;;
r12;Call;18/04/2024;2;;=HYPERLINK("x")
"""


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeylens", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


@pytest.fixture
def survey(tmp_path):
    path = tmp_path / "survey.csv"
    path.write_text(SURVEY, encoding="utf-8")
    return path


def test_ingest_then_metrics(tmp_path, survey):
    db = str(tmp_path / "cli.duckdb")
    out = cli("ingest", str(survey), "--workspace", "Bank", "--db", db)
    assert out.returncode == 0, out.stderr
    assert "12 rows loaded, 0 set aside" in out.stdout
    out = cli("metrics", "--workspace", "Bank", "--db", db, "--json")
    assert out.returncode == 0, out.stderr
    (row,) = json.loads(out.stdout)
    assert row["group"] == "all"
    assert (row["n_nps"], row["promoters"], row["passives"], row["detractors"]) == (12, 4, 2, 6)
    assert row["nps"] == pytest.approx(-16.6667, abs=1e-3)
    low, high = row["nps_ci95"]
    assert low < row["nps"] < high
    assert row["n_csat"] == 3 and row["csat"] == pytest.approx(66.6667, abs=1e-3)
    assert row["csat_mean"] == pytest.approx(11 / 3, abs=1e-3)
    assert row["n_ces"] == 0 and row["ces_mean"] is None


def test_metrics_by_touchpoint(tmp_path, survey):
    db = str(tmp_path / "cli.duckdb")
    assert cli("ingest", str(survey), "--workspace", "Bank", "--db", db).returncode == 0
    out = cli("metrics", "--workspace", "Bank", "--by", "touchpoint", "--db", db, "--json")
    rows = {r["group"]: r for r in json.loads(out.stdout)}
    assert set(rows) == {"Branch", "Web", "Call"}
    assert rows["Branch"]["nps"] == pytest.approx(100.0)  # 9, 10, 10
    assert rows["Web"]["nps"] == pytest.approx(0.0)  # 9, 7, 8, 0 -> (1 - 1) / 4
    assert rows["Call"]["nps"] == pytest.approx(-100.0)  # 3, 6, 6, 5, 2


def test_failed_ingest_writes_nothing(tmp_path, survey):
    db = str(tmp_path / "cli.duckdb")
    assert cli("ingest", str(survey), "--workspace", "Bank", "--db", db).returncode == 0
    again = cli("ingest", str(survey), "--workspace", "Bank", "--db", db)
    assert again.returncode != 0
    assert "already loaded" in again.stderr
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    out = cli("ingest", str(empty), "--workspace", "Bank", "--db", db)
    assert out.returncode != 0 and "empty.csv" in out.stderr
    assert "Traceback" not in out.stderr
    metrics = json.loads(cli("metrics", "--workspace", "Bank", "--db", db, "--json").stdout)
    assert metrics[0]["n_nps"] == 12


def test_unknown_workspace_is_a_clear_error(tmp_path):
    out = cli("metrics", "--workspace", "Nope", "--db", str(tmp_path / "x.duckdb"), "--json")
    assert out.returncode == 1
    assert "No workspace named 'Nope'" in out.stderr


def test_explicit_mapping(tmp_path):
    path = tmp_path / "odd.csv"
    path.write_text("a,b\nx,10\ny,0\n", encoding="utf-8")
    db = str(tmp_path / "cli.duckdb")
    out = cli(
        "ingest",
        str(path),
        "--workspace",
        "W",
        "--map",
        "nps=b",
        "--map",
        "touchpoint=a",
        "--db",
        db,
    )
    assert out.returncode == 0, out.stderr
    (row,) = json.loads(cli("metrics", "--workspace", "W", "--db", db, "--json").stdout)
    assert (row["promoters"], row["detractors"], row["nps"]) == (1, 1, 0.0)


@pytest.mark.parametrize(
    ("text", "maps", "expected"),
    [
        # --map for one field keeps the automatic NPS mapping
        ("Customer,Airline,How likely are you to recommend us?\nc1,Blue,10\nc2,Red,3\n",
         ["segment=Airline"], {"segments": {"Blue", "Red"}, "n_nps": 2}),
        # an events file keeps touchpoint and ts when only the customer column is named
        ("person,activity,timestamp\np1,Ad,2024-01-01 10:00\np2,Web,2024-01-02 11:00\n",
         ["customer_id=person"], {"events": 2}),
        # an empty column unmaps a field
        ("Customer,NPS,CSAT\nc1,9,4\nc2,3,5\n", ["csat="], {"n_nps": 2, "n_csat": 0}),
    ],
)  # fmt: skip
def test_map_overrides_only_the_fields_it_names(tmp_path, text, maps, expected):
    path = tmp_path / "file.csv"
    path.write_text(text, encoding="utf-8")
    db = str(tmp_path / "cli.duckdb")
    args = [a for m in maps for a in ("--map", m)]
    out = cli("ingest", str(path), "--workspace", "W", *args, "--db", db)
    assert out.returncode == 0, out.stderr
    if "events" in expected:
        assert f"{expected['events']} rows loaded" in out.stdout
        return
    (row,) = json.loads(cli("metrics", "--workspace", "W", "--db", db, "--json").stdout)
    for key in ("n_nps", "n_csat"):
        if key in expected:
            assert row[key] == expected[key]
    if "segments" in expected:
        out = cli("metrics", "--workspace", "W", "--by", "segment", "--db", db, "--json")
        assert {r["group"] for r in json.loads(out.stdout)} == expected["segments"]


def test_failed_first_ingest_leaves_no_workspace(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text("customer,touchpoint\nc1,Ad\n", encoding="utf-8")  # no time column
    db = str(tmp_path / "cli.duckdb")
    out = cli("ingest", str(path), "--workspace", "New", "--kind", "events", "--db", db)
    assert out.returncode != 0 and "events.csv" in out.stderr
    assert "New" not in cli("workspaces", "--db", db).stdout


# Hand-computed funnel Ad -> Web -> Branch, 14-day window:
#   c1: Ad d0 10:00, Web d1 10:00, Branch d3 10:00  -> reaches 3 (1 d and 2 d between steps)
#   c2: Ad d0 09:00, Web d0 12:00                    -> reaches 2 (3 h)
#   c3: Ad d0, Branch d2 (no Web)                    -> reaches 1
#   c4: Web d0, Ad d1                                -> reaches 1 (Web before Ad does not count)
#   c5: Ad d0, Web d15                               -> reaches 1 (outside the window)
EVENTS = """customer,touchpoint,timestamp
c1,Ad,2024-05-01 10:00:00
c1,Web,2024-05-02 10:00:00
c1,Branch,2024-05-04 10:00:00
c2,Ad,2024-05-01 09:00:00
c2,Web,2024-05-01 12:00:00
c3,Ad,2024-05-01 08:00:00
c3,Branch,2024-05-03 08:00:00
c4,Web,2024-05-01 08:00:00
c4,Ad,2024-05-02 08:00:00
c5,Ad,2024-05-01 08:00:00
c5,Web,2024-05-16 08:00:01
"""


def test_funnel_json(tmp_path):
    path = tmp_path / "events.csv"
    path.write_text(EVENTS, encoding="utf-8")
    db = str(tmp_path / "cli.duckdb")
    out = cli("ingest", str(path), "--workspace", "Shop", "--kind", "events", "--db", db)
    assert out.returncode == 0, out.stderr
    out = cli(
        "funnel", "--workspace", "Shop", "--steps", "Ad,Web,Branch", "--window", "14d",
        "--db", db, "--json",
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    steps = json.loads(out.stdout)
    assert [(s["step"], s["touchpoint"], s["count"]) for s in steps] == [
        (1, "Ad", 5),
        (2, "Web", 2),
        (3, "Branch", 1),
    ]
    assert steps[1]["conversion_from_first"] == pytest.approx(0.4)
    assert steps[2]["conversion_from_previous"] == pytest.approx(0.5)
    # Web after Ad: c1 24 h, c2 3 h -> median 13.5 h, mean 13.5 h; Branch after Web: c1 48 h
    assert steps[1]["median_seconds_from_previous"] == pytest.approx(13.5 * 3600)
    assert steps[1]["mean_seconds_from_previous"] == pytest.approx(13.5 * 3600)
    assert steps[2]["median_seconds_from_previous"] == pytest.approx(48 * 3600)
    assert steps[0]["median_seconds_from_previous"] is None
    bad = cli("funnel", "--workspace", "Shop", "--steps", "Ad", "--db", db, "--json")
    assert bad.returncode != 0 and "Traceback" not in bad.stderr


@pytest.mark.parametrize("name", ["-rf.csv", "--help.csv"])
def test_file_named_like_an_option(tmp_path, survey, name):
    """argparse reads such a name as an option: the error says to put it after '--', which
    works."""
    odd = tmp_path / name
    odd.write_text(SURVEY, encoding="utf-8")
    db = str(tmp_path / "cli.duckdb")
    wrong = subprocess.run(
        [sys.executable, "-m", "journeylens", "ingest", name, "--workspace", "Bank", "--db", db],
        capture_output=True, text=True, cwd=tmp_path, timeout=120,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )  # fmt: skip
    assert wrong.returncode == 2
    assert "put it after '--'" in wrong.stderr and f"-- {name}" in wrong.stderr
    assert not Path(db).exists()  # nothing was opened, let alone written
    right = cli("ingest", "--workspace", "Bank", "--db", db, "--", str(odd))
    assert right.returncode == 0, right.stderr
    assert f"Loaded {name} into 'Bank' as responses: 12 rows loaded" in right.stdout
