"""Comment themes (journeylens/services/themes.py, the jl_* term macros in queries/macros.sql): terms in
English, Vietnamese and Romanian, the weighted log-odds against a hand computation, and the
distinctive terms of hand-made comment sets."""

from __future__ import annotations

import math
from datetime import datetime, timedelta

import pandas as pd
import pytest

from journeylens.domain.comment_themes import distinctive, log_odds
from journeylens.domain.filters import Filters
from journeylens.domain.permissions import LOCAL
from journeylens.services import themes, workspaces
from journeylens.storage import sql
from journeylens.storage.store import Store

T0 = datetime(2024, 6, 1, 10, 0)


def terms(store: Store, comment: str) -> list[str]:
    """The term keys of one comment, through the same steps as queries/themes_counts.sql."""
    stops = themes._stops()
    row = store.con.execute(
        "WITH w AS (SELECT $c AS comment, jl_words(jl_without_pii($c)) AS words), "
        "k AS (SELECT *, jl_term_keys(comment, words) AS keys FROM w), "
        "s AS (SELECT *, jl_term_stops(comment, keys, $stop_en, $stop_vi, $stop_ro) AS stops "
        "FROM k) SELECT list_transform(jl_terms_of(words, keys, stops, $negations), "
        "lambda x: x.key) FROM s",
        {"c": comment, **stops},
    ).fetchall()
    return list(row[0][0])


@pytest.mark.parametrize(
    "comment, present, absent",
    [
        ("The staff was NOT helpful!", ["staff", "helpful", "not helpful"], ["the", "was"]),
        ("Waited 2 hours. Hours!", ["waited", "hours"], ["waited hours", "2"]),
        ("Don't call me", ["dont call"], ["don", "t"]),
        # Vietnamese: syllables and syllable pairs; stop syllables dropped
        ("Thủ tục quá rườm rà và chậm", ["thủ tục", "rườm rà", "thủ", "chậm"], ["và", "quá"]),
        ("Nhân viên không nhiệt tình", ["nhân viên", "không nhiệt", "nhiệt tình"], ["không"]),
        # Romanian: with and without diacritics (comma below or cedilla) one term
        ("Ședința lungă a durat mult", ["sedinta", "sedinta lunga"], ["a", "mult", "lunga a"]),
        ("sedinta a durat", ["sedinta"], []),
        ("Şedinţa nu merge", ["sedinta", "nu merge"], ["nu"]),
        ("Aplicația nu funcționează", ["aplicatia", "nu functioneaza"], []),
        # personal data never becomes a term
        (
            "write to ann.lee@example.com or +44 20 7946 0958 now",
            ["write"],
            ["ann", "lee", "example", "com", "email", "phone", "0958"],
        ),
    ],
    ids=[
        "en_negation",
        "en_numbers_break",
        "en_apostrophe",
        "vi_phrases",
        "vi_negation",
        "ro_comma_below",
        "ro_plain",
        "ro_cedilla",
        "ro_folded",
        "pii_cut_out",
    ],  # fmt: skip
)
def test_terms_per_language(store, comment, present, absent):
    got = terms(store, comment)
    for term in present:
        assert term in got, (term, got)
    for term in absent:
        assert term not in got, (term, got)


def test_case_and_unicode_forms_fold_together(store):
    composed = "Chậm quá"  # NFC
    decomposed = "Cha\u0323\u0302m quá"  # the same text in NFD
    assert terms(store, composed) == terms(store, decomposed) == terms(store, "CHẬM QUÁ")


def test_log_odds_matches_the_formula_by_hand():
    counts = pd.DataFrame(
        [("x", "low", 8), ("x", "high", 2), ("y", "low", 2), ("y", "high", 8), ("z", "mid", 5)],
        columns=["key", "grp", "count"],
    ).assign(scope="all", comments=lambda d: d["count"], shown=lambda d: d["key"])
    got = log_odds(counts, prior_scale=1.0).set_index("key")

    # prior a_w = all counts: x 10, y 10, z 5 (a0 = 25); n_low = n_high = 10
    def omega(y, a, n, a0):
        return math.log((y + a) / (n + a0 - y - a))

    delta = omega(8, 10, 10, 25) - omega(2, 10, 10, 25)
    z = delta / math.sqrt(1 / (8 + 10) + 1 / (2 + 10))
    assert got.loc["x", "delta"] == pytest.approx(delta)
    assert got.loc["x", "z"] == pytest.approx(z)
    assert got.loc["y", "z"] == pytest.approx(-z)
    assert got.loc["z", "z"] == pytest.approx(0.0)
    # the default prior carries a tenth of the counts: a_x = 1, a0 = 2.5
    z_default = (omega(8, 1, 10, 2.5) - omega(2, 1, 10, 2.5)) / math.sqrt(1 / 9 + 1 / 3)
    assert log_odds(counts).set_index("key").loc["x", "z"] == pytest.approx(z_default)


def add_responses(store: Store, rows: list[tuple], workspace: str = "w", mask=False) -> object:
    """rows: (touchpoint, nps, csat, comment)."""
    ws = store.ensure_workspace(LOCAL, workspace)
    if mask:
        ws = workspaces.update_settings(store, LOCAL, ws, mask_pii=True)
    data = [
        (ws.workspace_id, 1, i, f"r{i}", f"c{i}", tp, T0 + timedelta(minutes=i), nps, csat, comment)
        for i, (tp, nps, csat, comment) in enumerate(rows)
    ]
    with store.write(LOCAL) as cur:
        cur.executemany(
            "INSERT INTO responses (workspace_id, dataset_id, src_row, response_id, customer_id, "
            "touchpoint, submitted_at, nps, csat, comment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            data,
        )
    return store.workspace_by_id(ws.workspace_id)


# Hand-made sets: detractors (NPS 0-6) complain about one thing, promoters (9-10) praise another,
# both use some neutral words.
SETS = {
    "en": (
        ["The branch queue was far too long", "Long queue, slow staff", "Queue again, too long"],
        ["Friendly staff and a quick answer", "Very friendly advisor", "Quick and friendly"],
        ("queue", "friendly"),
    ),
    "vi": (
        ["Thủ tục rườm rà quá", "Thủ tục chậm và rườm rà", "Giấy tờ, thủ tục phức tạp"],
        ["Nhân viên nhiệt tình", "Nhân viên rất nhiệt tình, nhanh", "Nhiệt tình và nhanh"],
        ("thủ tục", "nhiệt tình"),
    ),
    "ro": (
        ["Ședința a fost lungă", "sedinta prea lunga", "Şedinţa a durat, lungă"],
        ["Consultant amabil", "Foarte amabil și rapid", "Rapid, amabil"],
        ("ședința", "amabil"),
    ),
}


@pytest.mark.parametrize("lang", list(SETS))
def test_distinctive_terms_of_hand_made_comment_sets(store, lang):
    bad, good, (bad_term, good_term) = SETS[lang]
    rows = [("Branch", 2, None, c) for c in bad * 10] + [("Branch", 10, None, c) for c in good * 10]
    rows += [("Branch", 8, None, "ok")] * 5
    ws = add_responses(store, rows)
    found = themes.themes(store.cursor(), ws, Filters(), touchpoint="Branch")
    low, high = list(found.low["shown"]), list(found.high["shown"])
    assert low[0] == bad_term or bad_term in low[:3], low
    assert good_term in high[:3], high
    assert not set(low) & set(high)
    assert (found.low["z"] >= 1.96).all() and (found.high["z"] <= -1.96).all()
    assert found.comments == {"low": 30, "high": 30, "mid": 5}
    key = found.low[found.low["shown"] == low[0]]["key"].iloc[0]
    assert all(isinstance(x, str) for x in found.examples[("low", key)])
    data = found.to_json()
    assert set(data) == {"touchpoint", "groups"} and data["touchpoint"] == "Branch"
    assert set(data["groups"]) == {"detractors", "promoters"}
    assert set(data["groups"]["detractors"][0]) == {"term", "z", "count", "examples"}


def test_romanian_spellings_are_counted_as_one_term(store):
    bad, good, _ = SETS["ro"]
    rows = [("Branch", 1, None, c) for c in bad * 10] + [("Branch", 10, None, c) for c in good * 10]
    ws = add_responses(store, rows)
    found = themes.themes(store.cursor(), ws, Filters())
    (row,) = found.low[found.low["key"] == "sedinta"].itertuples()
    assert row.count == 30  # ședința, sedinta and şedinţa
    assert row.shown in ("ședința", "sedinta", "şedinţa")


def test_csat_groups_and_whole_journey(store):
    rows = [("Web", None, 1, "login failed again")] * 20 + [("Web", None, 5, "easy login")] * 20
    rows += [("Call", None, 2, "login failed")] * 10 + [("Call", None, 4, "kind agent")] * 10
    ws = add_responses(store, rows)
    found = themes.themes(store.cursor(), ws, Filters(), by="csat")
    assert "failed" in list(found.low["key"])
    assert set(found.to_json()["groups"]) == {"csat_1_3", "csat_4_5"}
    assert found.comments == {"low": 30, "high": 30}
    assert found.to_json()["touchpoint"] is None
    with pytest.raises(ValueError):
        themes.themes(store.cursor(), ws, Filters(), by="ces")


def test_examples_are_masked_when_the_workspace_masks_personal_data(store):
    rows = [("Web", 0, None, "refund never came, mail me at ann@example.com")] * 30
    rows += [("Web", 10, None, "great app")] * 30
    ws = add_responses(store, rows, mask=True)
    found = themes.themes(store.cursor(), ws, Filters())
    (key,) = [k for k in found.low["key"] if k == "refund"]
    assert found.examples[("low", key)] == ["refund never came, mail me at [email]"]


def test_noise_stays_silent(store):
    rows = [("Web", 0, None, "the app"), ("Web", 10, None, "the site")]
    ws = add_responses(store, rows)
    found = themes.themes(store.cursor(), ws, Filters())
    assert found.low.empty and found.high.empty


def test_journey_map_lane_shows_each_touchpoints_unhappy_terms(store):
    bad, good, _ = SETS["en"]
    rows = [("Branch", 3, None, c) for c in bad * 10] + [("Branch", 9, None, c) for c in good * 10]
    rows += [("Web", None, 1, "login failed")] * 30 + [("Web", None, 5, "easy login")] * 30
    ws = add_responses(store, rows)
    lane = themes.lane_terms(store.cursor(), ws.workspace_id, Filters())
    assert lane["Branch"].split(", ")[0] in ("queue", "long")
    assert "queue" in lane["Branch"]
    assert "failed" in lane["Web"]  # no NPS asked there: CSAT 1-3 against 4-5
    assert len(lane["Branch"].split(", ")) <= 3


def test_counts_query_groups_by_both_scores(store):
    rows = [("Web", 0, 5, "slow form")] * 3 + [("Web", 10, 1, "slow form")] * 2
    ws = add_responses(store, rows)
    df = themes.counts(store.cursor(), ws.workspace_id, Filters())
    slow = df[df["key"] == "slow"].set_index(["nps_grp", "csat_grp"])["count"].to_dict()
    assert slow == {("low", "high"): 3, ("high", "low"): 2}
    docs = df[df["key"].isna()]["comments"].sum()
    assert docs == 5
    assert sql.load("themes_counts").params[-1] == "negations"
    assert distinctive(
        log_odds(pd.DataFrame(columns=["scope", "key", "grp", "count"])), "low"
    ).empty
