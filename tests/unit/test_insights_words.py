"""The insights in words: the manager's sentences in three languages, numbers in each language's
format, and the CLI documents."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from journeylens.i18n import Translator
from journeylens.services import demo
from journeylens.services.insights import alerts, drivers, words

ROOT = Path(__file__).resolve().parents[2]


def row(**over):
    base = {
        "rank": 1, "driver": "Contact-centre call", "importance": 0.31, "importance_low": 0.24,
        "importance_high": 0.38, "distinguishable": True, "performance": 12.0, "target": 70.0,
        "n": 1361, "conversion_impact": {
            "satisfied_rate": 0.78, "dissatisfied_rate": 0.41, "difference": 0.37,
            "difference_low": 0.3, "difference_high": 0.44, "n_satisfied": 500,
            "n_dissatisfied": 2300, "at_stake": 1361,
        },
    }  # fmt: skip
    base.update(over)
    return base


RESULT = drivers.DriverResult(spec=drivers.DriverSpec("nps", "Final confirmation"))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("en", "Contact-centre call: CSAT 12% (target 70%), the strongest driver of NPS at Final "
               "confirmation (31% of explained variance, 95% interval 24%–38%); customers unhappy "
               "there converted 41% vs 78%; 1,361 customers at stake; n = 1,361."),
        ("vi", "Contact-centre call: CSAT 12% (mục tiêu 70%), yếu tố tác động mạnh nhất đến NPS "
               "tại Final confirmation (31% phương sai được giải thích, khoảng tin cậy 95% "
               "24%–38%); khách hàng không hài lòng tại đó chuyển đổi 41% so với 78%; 1.361 khách "
               "hàng có nguy cơ; n = 1.361."),
        ("ro", "Contact-centre call: CSAT 12% (țintă 70%), cel mai puternic factor pentru NPS la "
               "Final confirmation (31% din varianța explicată, interval 95% 24%–38%); clienții "
               "nemulțumiți acolo au convertit 41% față de 78%; 1.361 clienți în joc; n = 1.361."),
    ],
)  # fmt: skip
def test_driver_sentence_in_three_languages(lang, expected):
    assert words.driver_line(row(), RESULT, Translator(lang)) == expected


def test_noise_and_rank_wording():
    t = Translator("en")
    assert "not distinguishable from noise" in words.driver_line(
        row(distinguishable=False), RESULT, t
    )
    assert "driver no. 2 of NPS" in words.driver_line(row(rank=2), RESULT, t)
    few = row(conversion_impact={**row()["conversion_impact"], "difference": None})
    assert "too few customers to compare conversion (n = 500 satisfied, 2,300 not)" in (
        words.driver_line(few, RESULT, t)
    )
    assert "conversion" not in words.driver_line(row(conversion_impact=None), RESULT, t)


@pytest.mark.parametrize(
    ("count", "lang", "expected"),
    [
        (1, "en", "1 significant change since September 2026"),
        (3, "en", "3 significant changes since September 2026"),
        (3, "vi", "3 thay đổi có ý nghĩa so với tháng chín 2026"),
        (1, "ro", "1 schimbare semnificativă față de septembrie 2026"),
        (3, "ro", "3 schimbări semnificative față de septembrie 2026"),
        (21, "ro", "21 de schimbări semnificative față de septembrie 2026"),
    ],
)
def test_alert_summary_plurals(count, lang, expected):
    res = alerts.AlertResult(
        spec=alerts.AlertSpec(),
        current=(date(2026, 10, 1), date(2026, 10, 31)),
        baseline=(date(2026, 9, 1), date(2026, 9, 30)),
        alerts=pd.DataFrame({"x": range(count)}),
    )
    assert words.alerts_summary(res, Translator(lang)) == expected


def test_alert_sentence_numbers_per_language():
    res = alerts.AlertResult(
        spec=alerts.AlertSpec(),
        current=(date(2026, 10, 1), date(2026, 10, 31)),
        baseline=(date(2026, 9, 1), date(2026, 9, 30)),
    )
    a = {"touchpoint": "Form", "metric": "csat", "kind": "change", "previous": 62.54,
         "current": 33.44, "change": -29.1, "n_previous": 1307, "n_current": 311,
         "q_value": 0.0123, "target": None, "next_touchpoint": None}  # fmt: skip
    assert words.alert_line(a, res, Translator("en")) == (
        "Form — CSAT %: 33.4% in October 2026, down from 62.5% in September 2026 (-29.1 pp; "
        "n = 311 and 1,307; q = 0.012)."
    )
    assert words.alert_line(a, res, Translator("ro")) == (
        "Form — CSAT %: 33,4% în octombrie 2026, în scădere de la 62,5% în septembrie 2026 "
        "(-29,1 pp; n = 311 și 1.307; q = 0,012)."
    )
    conv = {**a, "metric": "conversion", "next_touchpoint": "Offer", "change": 5.0, "q_value": 1e-5}
    assert words.alert_line(conv, res, Translator("en")).startswith(
        "Form — Conversion to Offer: 33.4% in October 2026, up from 62.5%"
    )
    assert "q < 0.001" in words.alert_line(conv, res, Translator("en"))
    below = {**a, "kind": "below_target", "target": 60.0}
    assert words.alert_line(below, res, Translator("vi")).startswith(
        "Form đã xuống dưới mục tiêu CSAT trong tháng mười 2026: 33,4% so với mục tiêu 60%"
    )


def test_week_label():
    assert words.period_text(date(2026, 10, 19), "week", Translator("en")) == "week of 2026-10-19"
    assert words.period_text(date(2026, 10, 19), "week", Translator("ro")) == (
        "săptămâna din 19/10/2026"
    )


# --- the command line ---------------------------------------------------------------------------


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "journeylens", *args],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )  # fmt: skip


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.duckdb"
    out = cli("demo", "--db", str(path))
    assert out.returncode == 0, out.stderr
    return str(path)


def test_cli_drivers_json(demo_db):
    out = cli("drivers", "--workspace", demo.DEMO_WORKSPACE, "--outcome", "nps", "--db", demo_db,
              "--json")  # fmt: skip
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert {"outcome", "r2", "n", "drivers"} <= set(doc)
    assert doc["outcome"] == "nps" and doc["outcome_touchpoint"] == demo.FINAL
    first = doc["drivers"][0]
    assert set(first) >= {"driver", "importance", "importance_low", "importance_high",
                          "raw_r2_share", "performance", "n", "quadrant", "conversion_impact"}  # fmt: skip
    assert first["driver"] == demo.CALL and first["quadrant"] == "fix_first"
    assert first["importance_low"] <= first["importance"] <= first["importance_high"]
    assert first["raw_r2_share"] == pytest.approx(first["importance"] * doc["r2"], abs=1e-3)
    assert set(first["conversion_impact"]) >= {"satisfied_rate", "dissatisfied_rate",
                                               "difference", "at_stake"}  # fmt: skip
    assert sum(d["importance"] for d in doc["drivers"]) == pytest.approx(1, abs=1e-3)


def test_cli_drivers_conversion_and_words(demo_db):
    out = cli("drivers", "--workspace", demo.DEMO_WORKSPACE, "--outcome", "conversion",
              "--db", demo_db, "--json")  # fmt: skip
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert doc["outcome"] == "conversion" and doc["outcome_touchpoint"] is None
    assert demo.FINAL in {e["driver"] for e in doc["excluded"]}
    out = cli("drivers", "--workspace", demo.DEMO_WORKSPACE, "--db", demo_db, "--driver", "ces",
              "--persona", "Home mover")  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith("Together these touchpoints explain")
    out = cli("drivers", "--workspace", demo.DEMO_WORKSPACE, "--db", demo_db,
              "--outcome-touchpoint", "Nowhere")  # fmt: skip
    assert out.returncode == 1 and "no NPS answers at touchpoint 'Nowhere'" in out.stderr


def test_cli_alerts_json(demo_db):
    out = cli("alerts", "--workspace", demo.DEMO_WORKSPACE, "--db", demo_db, "--json")
    assert out.returncode == 0, out.stderr
    doc = json.loads(out.stdout)
    assert {a["touchpoint"] for a in doc} == {demo.FORM}
    keys = {"touchpoint", "metric", "period", "previous", "current", "change", "n_previous",
            "n_current", "p_value", "q_value", "kind"}  # fmt: skip
    assert all(keys <= set(a) for a in doc)
    assert {a["kind"] for a in doc} == {"change", "below_target"}
    out = cli("alerts", "--workspace", demo.DEMO_WORKSPACE, "--db", demo_db, "--period", "week")
    assert out.returncode == 0 and out.stdout.startswith("No significant change in week of")


def test_cli_persona_is_a_defined_persona(demo_db, tmp_path):
    """--persona names a persona of the Personas page: its rule (segment = North) filters, as in
    the sidebar, so the documents equal those of --segment North."""
    import shutil

    import pandas as pd

    from journeylens.domain.permissions import LOCAL
    from journeylens.services import personas
    from journeylens.storage.store import Store

    path = str(tmp_path / "defined.duckdb")
    shutil.copy(demo_db, path)
    with Store(path) as store:
        rule = pd.DataFrame(
            [("Northerners", None, None, None, "segment", "North")], columns=list(personas.COLUMNS)
        )
        personas.save(store, LOCAL, store.require_workspace(demo.DEMO_WORKSPACE), rule)
    for command in (("drivers", "--resamples", "50"), ("alerts",)):
        base = (*command, "--workspace", demo.DEMO_WORKSPACE, "--db", path, "--json")
        by_persona = cli(*base, "--persona", "Northerners")
        by_segment = cli(*base, "--segment", "North")
        assert by_persona.returncode == 0, by_persona.stderr
        assert json.loads(by_persona.stdout) == json.loads(by_segment.stdout), command
        assert by_persona.stdout != cli(*base).stdout, command  # the filter narrows the view
    typo = cli("alerts", "--workspace", demo.DEMO_WORKSPACE, "--db", path, "--persona", "Nortern")
    assert typo.returncode != 0
    assert "no persona 'Nortern' in this workspace" in typo.stderr and "Northerners" in typo.stderr
