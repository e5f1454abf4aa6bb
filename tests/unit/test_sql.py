"""The named-SQL loader: declared parameters are enforced both ways."""

import pytest

from journeylens.domain.permissions import LOCAL
from journeylens.storage import sql


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("-- name: q\n-- params: a\nSELECT $a", None),
        ("-- name: q\n-- params: a, b\nSELECT $a", "declared"),
        ("-- name: q\nSELECT $a", "declared"),
        ("-- name: q\n-- params: a\nSELECT $a, '$notaparam' -- $nor_this", None),
    ],
)
def test_declared_params_must_match_use(text, error):
    if error:
        with pytest.raises(sql.QueryError, match=error):
            sql.parse("q", text)
    else:
        assert sql.parse("q", text).params == ("a",)


def test_every_query_file_parses():
    names = [q.name for q in sql.all_queries()]
    assert "schema" in names and "metrics_by" in names


def test_a_call_must_supply_exactly_the_declared_params(store):
    with pytest.raises(sql.QueryError, match="missing"):
        sql.run(store.cursor(), "dataset_list")
    with pytest.raises(sql.QueryError, match="unexpected"):
        sql.run(store.cursor(), "dataset_list", workspace_id=1, extra=2)


def test_user_text_is_data(store):
    name = "x'); DROP TABLE responses; --"
    ws = store.ensure_workspace(LOCAL, name)
    assert store.workspace(name) == ws
    assert store.counts(ws.workspace_id)["responses"] == 0
