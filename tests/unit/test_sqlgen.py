"""The SQL generator: committed outputs are up to date, fragments say what the metrics expect,
and the query namespace matches the declared parameters of every query file."""

import inspect
import re

import pytest

from journeylens.domain import metrics
from journeylens.domain.filters import Filters
from journeylens.storage import queries, sql, sqlgen


def test_committed_outputs_equal_a_fresh_run():
    stale = [
        str(path.relative_to(sqlgen.ROOT))
        for path, text in sqlgen.outputs().items()
        if not path.exists() or path.read_text(encoding="utf-8") != text
    ]
    assert not stale, f"edited without regenerating, run `make sql`: {stale}"
    assert sqlgen.stale_outputs() == []


def test_every_generated_query_names_its_template():
    for name in sqlgen.generated_queries():
        text = (sql.QUERIES_DIR / f"{name}.sql").read_text(encoding="utf-8")
        assert text.startswith(f"-- generated from queries/templates/{name}.sql by ")
        assert "{{" not in text


def _aliases(block: str) -> tuple[str, ...]:
    return tuple(re.findall(r" AS (\w+),?$", block, re.MULTILINE))


@pytest.mark.parametrize("double_counts", [False, True])
def test_score_sums_are_the_columns_the_metrics_read(double_counts):
    block = sqlgen.score_sums(double_counts=double_counts)
    assert _aliases(block) == metrics.SCORE_COUNTS
    for line in block.split("\n"):
        column = _aliases(line)[0]
        if column.endswith(("_sum", "_sumsq")):
            assert line.startswith(f"jl_total({column}) AS {column}")
        elif double_counts:
            assert line.startswith(f"coalesce(sum({column}::DOUBLE), 0)::BIGINT AS {column}")
        else:
            assert line.startswith(f"jl_count({column}) AS {column}")


def test_score_queries_return_every_score_column(store):
    """The generated score queries run and return metrics.SCORE_COUNTS (an empty workspace)."""
    from journeylens.domain.permissions import LOCAL

    ws = store.ensure_workspace(LOCAL, "gen")
    cur = store.cursor()
    common = {"filters": Filters(), "workspace_id": ws.workspace_id, "use_cube": False}
    frames = {
        "dash_kpis": queries.dash_kpis(
            cur, **common, cur_from=None, cur_to=None, prev_from=None, prev_to=None
        ),
        "dash_trend": queries.dash_trend(cur, **common, grain="month"),
        "dash_heatmap": queries.dash_heatmap(
            cur, **common, by="persona", group_names=[], group_rules=[]
        ),
        "metrics_by": queries.metrics_by(
            cur, **common, by="touchpoint", group_names=[], group_rules=[]
        ),
        "dash_emotion": queries.dash_emotion(
            cur, **common, by=None, group_names=[], group_rules=[]
        ),
        "dash_touchpoints": queries.dash_touchpoints(cur, **common, use_volume=False),
        "insights_alert_scores": queries.insights_alert_scores(cur, **common, grain="month"),
        "insights_touchpoint_scores": queries.insights_touchpoint_scores(cur, **common),
    }
    for name, df in frames.items():
        assert set(metrics.SCORE_COUNTS) <= set(df.columns), name


def test_a_placeholder_keeps_the_indentation_of_its_line():
    text = "SELECT a,\n    {{ score_sums }}\nFROM t"
    lines = sqlgen.expand(text, "t").split("\n")
    assert lines[1] == "    jl_count(n_nps) AS n_nps,"
    assert lines[-2] == "    jl_total(emotion_sumsq) AS emotion_sumsq"
    assert lines[-1] == "FROM t"


def test_replace_rows_fills_lines_to_the_width():
    block = sqlgen.replace_rows("t", "$k", a="$a::BIGINT[]", b="$b::VARCHAR[]")
    assert block.split("\n") == [
        "DELETE FROM t WHERE workspace_id = $workspace_id;",
        "INSERT INTO t",
        "SELECT $workspace_id, $k, u.a, u.b",
        "FROM (",
        "    SELECT unnest($a::BIGINT[]) AS a, unnest($b::VARCHAR[]) AS b",
        ") u;",
    ]
    wide = sqlgen.replace_rows("t", **{f"c{i}": f"$c{i}::BIGINT[]" for i in range(8)})
    assert all(len(line) <= sqlgen.WIDTH for line in wide.split("\n"))
    assert "\n           unnest(" in wide  # continuation lines align under the first item


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("{{ nothing }}", "unknown fragment"),
        ("{{ include('no_such_partial') }}", "no partial"),
        ("{{ score_sums(**x) }}", "cannot read"),
        ("{{ score_sums(double_counts=x) }}", "cannot read"),
    ],
)
def test_a_bad_placeholder_is_an_error(text, error):
    with pytest.raises(sqlgen.GenError, match=error):
        sqlgen.expand(text, "t")


def test_the_namespace_has_one_function_per_query_file_with_its_params():
    filters = set(sqlgen.FILTER_FIELDS)
    for query in sql.all_queries():
        fn = getattr(queries, query.name)
        sig = inspect.signature(fn)
        keywords = [p.name for p in sig.parameters.values() if p.kind is p.KEYWORD_ONLY]
        declared = list(query.params)
        if filters <= set(declared):
            assert keywords[0] == "filters", query.name
            assert set(keywords[1:]) == set(declared) - filters, query.name
        else:
            assert keywords == declared, query.name
        assert all(p.default is p.empty for p in sig.parameters.values()), query.name


def test_a_runner_header_chooses_the_function_that_runs_the_query():
    assert sqlgen.runner_of("-- name: q\nSELECT 1") == "run"
    assert sqlgen.runner_of("-- name: q\n-- runner: execute\nDELETE FROM t") == "execute"
    with pytest.raises(sqlgen.GenError, match="runner"):
        sqlgen.runner_of("-- runner: fetch_all\nSELECT 1")


def test_a_namespace_call_binds_filters_and_checks_names(store):
    from journeylens.domain.permissions import LOCAL

    ws = store.ensure_workspace(LOCAL, "gen")
    cur = store.cursor()
    assert queries.dataset_list(cur, workspace_id=ws.workspace_id).empty
    df = queries.dash_response_dates(
        cur, filters=Filters(personas=("x",)), workspace_id=ws.workspace_id, use_cube=False
    )
    assert int(df.iloc[0]["n"]) == 0
    with pytest.raises(TypeError):
        queries.dataset_list(cur, ws.workspace_id)  # keyword-only
    with pytest.raises(TypeError):
        queries.dash_response_dates(cur, workspace_id=ws.workspace_id, use_cube=False)
