"""The view filters on the extra columns of the user's files: the sidebar's `column=value` choices
read back into (column, values) pairs, the bound SQL parameter, and the caption."""

from __future__ import annotations

import pytest

from journeylens.domain.filters import EXTRA_SEP, Filters, extra_choice, extras_of
from journeylens.i18n import Translator

COLUMNS = {"Vùng": ["Bắc", "Nam"], "plan=tier": ["Gold", "a=b"], "plan": ["Gold"]}


@pytest.mark.parametrize(
    ("chosen", "expected"),
    [
        ([], ()),
        (["Vùng=Nam"], (("Vùng", ("Nam",)),)),
        # grouped per column, in the columns' order, whatever the order chosen
        (["plan=Gold", "Vùng=Nam", "Vùng=Bắc"], (("Vùng", ("Nam", "Bắc")), ("plan", ("Gold",)))),
        # '=' inside a column name or a value is read against the offered columns
        (["plan=tier=a=b"], (("plan=tier", ("a=b",)),)),
        (["plan=tier=Gold"], (("plan=tier", ("Gold",)),)),
        # a choice no column offers (a stale link) is dropped
        (["Vùng=Tây", "region=North"], ()),
    ],
)
def test_extras_of_reads_the_sidebar_choices(chosen, expected):
    assert extras_of(chosen, COLUMNS) == expected


def test_choices_round_trip():
    offered = [extra_choice(c, v) for c, vs in COLUMNS.items() for v in vs]
    assert extras_of(offered, COLUMNS) == tuple((c, tuple(vs)) for c, vs in COLUMNS.items())


def test_params_and_caption():
    f = Filters(segments=("Retail",), extras=(("Vùng", ("Bắc", "Nam")), ("plan", ("Gold",))))
    assert f.params(1)["extras"] == [f"Vùng{EXTRA_SEP}Bắc", f"Vùng{EXTRA_SEP}Nam", "plan\x1fGold"]
    assert Filters().params(1)["extras"] == []
    assert not f.is_empty()
    caption = f.caption(Translator("ro"))
    assert "Vùng: Bắc, Nam" in caption and "plan: Gold" in caption


# A persona rule (rule_key) against one row, as the filter (jl_in_personas) and the breakdown
# (jl_rule_hit) test it in SQL: both must agree, whatever a file's column or value holds.
ROW = {"persona": "A:b", "segment": "North", "channel": "web",
       "extra": {"plan": "Gold\x1fPlus", "tier:x": "1", "Vùng": "Bắc"}}  # fmt: skip


@pytest.mark.parametrize(
    ("column", "value", "hit"),
    [
        ("persona", "A:b", True),  # ':' in the value: split at the first one
        ("persona", "A", False),
        ("segment", "North", True),
        ("channel", "web", True),
        ("channel", "app", False),
        ("col:plan", "Gold\x1fPlus", True),  # the separator inside a value: read whole
        ("col:plan", "Gold", False),
        ("col:tier:x", "1", True),  # ':' in a file's column name
        ("col:Vùng", "Bắc", True),
        ("col:Vùng", "Nam", False),
        ("col:missing", "Bắc", False),  # a column the row does not have
    ],
)
def test_a_rule_matches_the_same_rows_in_the_filter_and_the_breakdown(column, value, hit):
    from journeylens.domain.filters import rule_key
    from journeylens.storage.store import Store

    with Store(":memory:") as store:
        params = {**ROW, "rule": rule_key(column, value)}
        found = (
            store.cursor()
            .execute(
                "SELECT jl_in_personas([$rule], $persona, $segment, $channel, $extra::MAP(VARCHAR, VARCHAR)),"
                " jl_rule_hit($rule, $persona, $segment, $channel, $extra::MAP(VARCHAR, VARCHAR))",
                params,
            )
            .fetchone()
        )
    assert found == (hit, hit)


@pytest.mark.parametrize(
    ("persona", "segment", "channel", "cell", "inside"),
    [
        # a row with blank fields matching no rule is in the '—' column, as the heatmap counts it
        (None, None, None, "—", True),
        ("B", None, None, "—", True),
        (None, "North", None, "—", False),
        (None, "North", None, "Northerners", True),
        ("A", None, "web", "Online", True),
        ("A", None, None, "Online", False),
    ],
)
def test_a_heatmap_cell_of_defined_personas_holds_its_rule_s_rows(
    persona, segment, channel, cell, inside
):
    from journeylens.storage.store import Store

    names, rules = ["Northerners", "Online"], ["segment:North", "channel:web"]
    with Store(":memory:") as store:
        found = (
            store.cursor()
            .execute(
                "SELECT jl_in_column('persona', $cell, $names, $rules, $segment, $persona, $channel,"
                " NULL, NULL, NULL::MAP(VARCHAR, VARCHAR))",
                {
                    "cell": cell,
                    "names": names,
                    "rules": rules,
                    "segment": segment,
                    "persona": persona,
                    "channel": channel,
                },  # fmt: skip
            )
            .fetchone()[0]
        )
    assert found is inside
