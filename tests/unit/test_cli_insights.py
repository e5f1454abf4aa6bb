"""`python -m journeylens paths | attribution | themes` as a user runs them: real files, a real
database, exit codes and the JSON shapes of issue 15."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

LOG = """customer,touchpoint,timestamp,converted,value
c1,Advert,2024-03-01 10:00,,
c1,Website,2024-03-01 10:05,,
c1,Website,2024-03-01 10:06,,
c1,Purchase,2024-03-02 09:00,true,120
c2,Website,2024-03-01 11:00,,
c2,Advert,2024-03-03 11:00,,
c3,Advert,2024-03-04 12:00,,
c3,Purchase,2024-03-04 13:00,true,80
"""
PATHS = """path;total_conversions;total_conversion_value;total_null
alpha > beta > alpha;2;10;1
beta;1;4;3
"""
SURVEY = "touchpoint,nps,comment\n" + "".join(
    [f"Website,{n},slow checkout page\n" for n in (0, 2, 3, 5, 6) * 4]
    + [f"Website,{n},friendly helpful chat\n" for n in (9, 10) * 10]
)


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeylens", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=180,
    )


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("cli")
    path = str(tmp / "cli.duckdb")
    for name, text in (("log.csv", LOG), ("paths.csv", PATHS), ("survey.csv", SURVEY)):
        f = tmp / name
        f.write_text(text, encoding="utf-8")
        out = cli("ingest", str(f), "--workspace", "Shop", "--db", path)
        assert out.returncode == 0, out.stderr
    return path


def test_ingest_recognises_the_path_file(db):
    out = cli("workspaces", "--db", db)
    assert "Shop" in out.stdout


def test_paths_dfg_json(db):
    out = cli("paths", "--workspace", "Shop", "--db", db, "--dfg", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"edges", "start", "end"}
    edges = {(e["from"], e["to"]): e for e in data["edges"]}
    assert set(edges[("Advert", "Website")]) == {"from", "to", "count", "median_seconds"}
    assert edges[("Website", "Website")]["count"] == 1  # self-loop kept
    assert edges[("Advert", "Website")]["median_seconds"] == 300.0
    assert data["start"] == {"Advert": 2, "Website": 1}
    assert data["end"] == {"Advert": 1, "Purchase": 2}
    assert sum(e["count"] for e in data["edges"]) == 8 - 3


def test_paths_flow_json(db):
    out = cli("paths", "--workspace", "Shop", "--db", db, "--steps", "3", "--top", "1", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert set(data) == {"nodes", "links"}
    assert data["nodes"][:2] == [
        {"step": 1, "touchpoint": "Advert", "customers": 2},
        {"step": 1, "touchpoint": "(other)", "customers": 1},
    ]
    assert all(set(x) == {"step", "from", "to", "customers"} for x in data["links"])
    out = cli("paths", "--workspace", "Shop", "--db", db, "--from", "Website", "--keep-repeats",
              "--json")  # fmt: skip
    flow = json.loads(out.stdout)
    # c1: Website, Website (kept), Purchase; c2: Website, Advert
    assert [n for n in flow["nodes"] if n["step"] == 2] == [
        {"step": 2, "touchpoint": "Advert", "customers": 1},
        {"step": 2, "touchpoint": "Website", "customers": 1},
    ]


def test_paths_rejects_bad_steps(db):
    out = cli("paths", "--workspace", "Shop", "--db", db, "--steps", "12")
    assert out.returncode == 1
    assert "2 to 10 steps" in out.stderr


@pytest.mark.parametrize("source, total", [("events", 2), ("paths", 3)])
def test_attribution_json(db, source, total):
    out = cli("attribution", "--workspace", "Shop", "--db", db, "--source", source, "--json")
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    models = ["first_touch", "last_touch", "linear", "position_based", "time_decay", "markov"]
    keys = {"touchpoint", *models, "markov_removal_effect"}
    keys |= {f"{k}_value" for k in keys - {"touchpoint"}}
    assert all(set(r) == keys for r in rows)
    for m in models:
        assert sum(r[m] for r in rows) == pytest.approx(total)
    if source == "events":
        by = {r["touchpoint"]: r for r in rows}
        assert by["Advert"]["first_touch"] == 2 and by["Website"]["last_touch"] == 1
        assert sum(r["first_touch_value"] for r in rows) == pytest.approx(200)


def test_attribution_half_life_and_conversion_touchpoint(db):
    out = cli("attribution", "--workspace", "Shop", "--db", db, "--conversion", "Website",
              "--half-life", "12h", "--json")  # fmt: skip
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert sum(r["first_touch"] for r in rows) == pytest.approx(1)  # c1's advert before Website
    bad = cli("attribution", "--workspace", "Shop", "--db", db, "--half-life", "soon")
    assert bad.returncode == 1


def test_themes_json(db):
    out = cli("themes", "--workspace", "Shop", "--db", db, "--touchpoint", "Website", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["touchpoint"] == "Website"
    groups = data["groups"]
    assert set(groups) == {"detractors", "promoters"}
    assert "slow" in [x["term"] for x in groups["detractors"]]
    assert "friendly" in [x["term"] for x in groups["promoters"]]
    first = groups["detractors"][0]
    assert set(first) == {"term", "z", "count", "examples"} and first["z"] >= 1.96
    assert first["examples"] == ["slow checkout page"]
