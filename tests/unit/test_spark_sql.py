"""The Spark compile step (journeylens/storage/spark_sql.py), without a JVM: macro inlining on
hand-written macros, every query file either compiles or is listed as DuckDB-only with a reason,
and the inlined and rewritten (still DuckDB) form of each supported query returns the same rows as
the original on the demo workspace."""

from __future__ import annotations

import datetime as dt

import pytest
import sqlglot

from journeylens.domain.permissions import LOCAL
from journeylens.services import demo
from journeylens.storage import spark_sql, sql
from journeylens.storage.store import Store

MACROS = spark_sql.parse_macros(
    """
    CREATE OR REPLACE MACRO is_top(x) AS x >= 9;
    CREATE OR REPLACE MACRO either(a, b) AS a OR b;
    CREATE OR REPLACE MACRO twice(x) AS x + x;
    CREATE OR REPLACE MACRO top_or_low(x) AS either(is_top(x), x <= 6);
    CREATE OR REPLACE MACRO has_comment(comment) AS comment IS NOT NULL AND trim(comment) <> '';
    CREATE OR REPLACE MACRO words(s) AS list_filter(string_split(s, ' '), lambda s: s <> '');
    CREATE OR REPLACE MACRO rows_of(ws, d0) AS TABLE
        SELECT r.nps, is_top(r.nps) AS top FROM responses r
        WHERE r.workspace_id = ws AND (d0 IS NULL OR r.ts >= d0);
    """
)


def spark(text: str, macros=MACROS) -> str:
    tree = sqlglot.parse_one(text, read=spark_sql.ReadDuckDB)
    return spark_sql.to_spark(spark_sql.rewrite(spark_sql.inline(tree, macros)))


# --- macro inlining, by hand ---------------------------------------------------------------------


def test_a_scalar_macro_is_its_body_in_parentheses():
    # is_top(a) AND b: without the parentheses an OR body would bind wrongly; here GTE needs none
    # inside AND, but either() below does.
    assert spark("SELECT is_top(nps) AND ok FROM t") == "SELECT (nps >= 9) AND ok FROM t"
    assert spark("SELECT either(a, b) AND c FROM t") == "SELECT (a OR b) AND c FROM t"


def test_a_parameter_used_twice_gets_its_argument_twice_in_parentheses():
    assert spark("SELECT twice(a - 1) * 2 FROM t") == "SELECT ((a - 1) + (a - 1)) * 2 FROM t"
    assert spark("SELECT twice($n) FROM t") == "SELECT (:n + :n) FROM t"


def test_macros_calling_macros_are_inlined_until_none_is_left():
    assert spark("SELECT top_or_low(nps) FROM t") == "SELECT ((nps >= 9) OR (nps <= 6)) FROM t"


def test_a_column_named_comment_is_kept_and_lambda_variables_are_not_parameters():
    # SQLGlot's DuckDB reads `comment IS NOT NULL` as `NOT NULL` unless COMMENT is no keyword
    assert spark("SELECT has_comment(r.comment) FROM r") == (
        "SELECT (NOT r.comment IS NULL AND TRIM(r.comment) <> '') FROM r"
    )
    # the lambda's own `s` shadows the macro parameter s
    assert spark("SELECT words(txt) FROM t") == (
        "SELECT FILTER(SPLIT(txt, CONCAT('\\\\Q', ' ', '\\\\E')), s -> s <> '') FROM t"
    )


def test_a_table_macro_becomes_an_aliased_subquery_with_markers_for_parameters():
    assert spark("SELECT sum(nps) FROM rows_of($workspace_id, $date_from) x WHERE x.top") == (
        "SELECT SUM(nps) FROM (SELECT r.nps, (r.nps >= 9) AS top FROM responses AS r "
        "WHERE r.workspace_id = :workspace_id AND (:date_from IS NULL OR r.ts >= :date_from)) "
        "AS x WHERE x.top"
    )
    # without an alias the subquery is named after the macro, as DuckDB names the call
    assert spark("SELECT * FROM rows_of(1, NULL)").endswith(") AS rows_of")


def test_recursion_and_wrong_calls_are_clear_errors():
    loop = spark_sql.parse_macros(
        "CREATE MACRO f(x) AS g(x) + 1; CREATE MACRO g(x) AS h(x); CREATE MACRO h(x) AS f(x);"
    )
    with pytest.raises(spark_sql.CompileError, match=r"recursive macro: f -> g -> h -> f"):
        spark("SELECT f(1)", loop)
    with pytest.raises(spark_sql.CompileError, match="takes 1 positional arguments"):
        spark("SELECT is_top(1, 2)")
    with pytest.raises(spark_sql.CompileError, match="a table macro, called as an expression"):
        spark("SELECT rows_of(1, 2)")


def test_portable_rewrites_by_name_unions_and_excludes():
    # response_cube's columns come from queries/schema.sql; the right side is put in its order
    cube = spark_sql.table_columns()["response_cube"]
    text = spark(
        "SELECT c.* EXCLUDE (workspace_id, day) FROM (SELECT * FROM response_cube "
        "UNION ALL BY NAME SELECT day, workspace_id FROM t) c"
    )
    rest = ", ".join(f"c.{col}" for col in cube[2:])
    right = ", ".join(
        "day" if col == "day" else col if col == "workspace_id" else f"NULL AS {col}"
        for col in cube
    )
    assert (
        text
        == f"SELECT {rest} FROM (SELECT * FROM response_cube UNION ALL SELECT {right} FROM t) AS c"
    )
    assert spark("SELECT date_trunc($grain, d) FROM t") == "SELECT DATE_TRUNC(:grain, d) FROM t"
    assert (
        spark("SELECT len($xs::VARCHAR[]) FROM t")
        == "SELECT SIZE(CAST(:xs AS ARRAY<STRING>)) FROM t"
    )


# --- every query file -------------------------------------------------------------------------------


def test_every_query_file_compiles_or_is_duckdb_only_with_a_reason():
    names = [p.stem for p in sorted(sql.QUERIES_DIR.glob("*.sql"))]
    assert set(spark_sql.SUPPORTED) <= set(names)
    assert not set(spark_sql.SUPPORTED) & set(spark_sql.DUCKDB_ONLY)
    assert not set(spark_sql.DUCKDB_ONLY) - set(names), "DUCKDB_ONLY names a file that is gone"
    failures = []
    for name in names:
        reason = spark_sql.DUCKDB_ONLY.get(name)
        if reason is not None:
            assert len(reason) > 10, f"{name}: say why it is DuckDB-only"
            continue
        try:
            text = spark_sql.compile_query(name)
        except Exception as error:  # noqa: BLE001 - the message names each failing file
            failures.append(f"{name}.sql: {type(error).__name__}: {str(error)[:200]}")
            continue
        left = sql._PLACEHOLDER.findall(sql._STRINGS_AND_COMMENTS.sub("", text))
        markers = [p for p in sql.load(name).params if f":{p}" not in text]
        calls = [m for m in spark_sql.macros() if f"{m.upper()}(" in text.upper()]
        for problem, found in (
            ("DuckDB $ placeholders left", left),
            ("no Spark marker for", markers),
            ("macros not inlined", calls),
        ):
            if found:
                failures.append(f"{name}.sql: {problem}: {sorted(set(found))}")
    assert not failures, "neither compiles nor is in DUCKDB_ONLY:\n" + "\n".join(failures)


# --- the inlined form gives the original's rows, in DuckDB --------------------------------------


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory):
    with Store(tmp_path_factory.mktemp("spark") / "demo.duckdb") as store:
        ws = demo.install(store, LOCAL, seed=demo.DEFAULT_SEED, customers=300)
        yield store, ws.workspace_id


def _params(name: str, ws: int, filtered: bool) -> dict:
    con_dates = (dt.date(2025, 9, 1), dt.date(2026, 6, 30)) if filtered else (None, None)
    values = {
        "workspace_id": ws,
        "date_from": con_dates[0],
        "date_to": con_dates[1],
        "personas": ["persona:Home mover", "persona:Remortgager"] if filtered else [],
        "segments": [],
        "channels": [],
        "stages": ["Awareness & consideration", "Application"] if filtered else [],
        "extras": [],  # the demo keeps no extra columns (tests/unit/test_dashboards_reference.py)
        "cur_from": dt.date(2026, 8, 1),
        "cur_to": dt.date(2026, 10, 31),
        "prev_from": dt.date(2026, 5, 1),
        "prev_to": dt.date(2026, 7, 31),
        "use_cube": not filtered,
        "grain": "month",
        "use_volume": False,
        "use_words": False,
        "use_facets": False,
        "by": "segment" if filtered else "touchpoint",
        "persona": "persona:First-time buyer" if filtered else None,
        "stopwords": ["the", "and"],
        "min_word_freq": 2,
        "by_persona": filtered,
        # a breakdown by defined personas, one ruled by a segment (jl_groups)
        "group_names": ["Movers", "Fixed"] if filtered else [],
        "group_rules": ["persona:Home mover", "segment:Fixed rate"] if filtered else [],
        "codes": ["Rate advert", "Online mortgage calculator", "Referral from a relative"],
        "strict": filtered,
        "with_ids": True,
        "parts": 2 if filtered else 1,
        "part": 1 if filtered else 0,
    }
    return {p: values[p] for p in sql.load(name).params}


def _rows(con, text: str, params: dict) -> list:
    return sorted(con.sql(text, params=params or None).fetchall(), key=repr)


@pytest.mark.parametrize("name", spark_sql.SUPPORTED)
def test_the_inlined_query_returns_the_original_rows_in_duckdb(demo_db, name):
    store, ws = demo_db
    con = store.cursor()
    try:
        for filtered in (False, True):
            params = _params(name, ws, filtered)
            original = _rows(con, sql.load(name).text, params)
            inlined = _rows(con, spark_sql.duckdb_text(name), params)
            assert inlined == original, f"{name} (filtered={filtered})"
            assert original, f"{name}: the demo gives no rows, the check proves nothing"
    finally:
        con.close()


GROUPED = [n for n in spark_sql.SUPPORTED if "group_rules" in sql.load(n).params]


@pytest.mark.parametrize("name", GROUPED)
def test_the_inlined_breakdown_by_defined_personas_returns_the_original_rows(demo_db, name):
    """The branch that joins the rows to the defined personas' rules (jl_groups, jl_rule_hit),
    with overlapping rules, and its Spark text reads the lists 1-based (element_at)."""
    store, ws = demo_db
    params = {
        **_params(name, ws, False),
        "by": "persona",
        "by_persona": True,
        "group_names": ["Movers", "Northerners"],
        "group_rules": ["persona:Home mover", "segment:North"],
    }
    params = {k: v for k, v in params.items() if k in sql.load(name).params}
    con = store.cursor()
    try:
        original = _rows(con, sql.load(name).text, params)
        inlined = _rows(con, spark_sql.duckdb_text(name), params)
    finally:
        con.close()
    assert inlined == original, name
    assert any("Northerners" in map(str, row) for row in original), name
    text = spark_sql.compile_query(name)
    assert "ELEMENT_AT(CAST(:group_names AS ARRAY<STRING>), i) AS group_name" in text
    assert "LIST_EXTRACT" not in text and "GENERATE_SUBSCRIPTS" not in text


def test_spark_only_rewrites_keep_duckdb_semantics_that_sqlglot_would_drop():
    # list(v ORDER BY k): SQLGlot writes COLLECT_LIST(v), losing the order
    text = spark("SELECT list(v ORDER BY k DESC) FROM t")
    assert text == (
        "SELECT TRANSFORM(ARRAY_SORT(COLLECT_LIST(NAMED_STRUCT('k0', k, 'v', v)), (jl_l, jl_r) -> "
        "CASE WHEN jl_l.k0 IS NULL AND NOT jl_r.k0 IS NULL THEN 1 "
        "WHEN NOT jl_l.k0 IS NULL AND jl_r.k0 IS NULL THEN -1 "
        "WHEN jl_l.k0 < jl_r.k0 THEN 1 WHEN jl_l.k0 > jl_r.k0 THEN -1 ELSE 0 END), "
        "jl_x -> jl_x.v) FROM t"
    )
    assert spark("SELECT string_agg(w, ', ' ORDER BY w) FROM t").startswith(
        "SELECT ARRAY_JOIN(TRANSFORM(ARRAY_SORT(COLLECT_LIST(NAMED_STRUCT('k0', w, 'v', w))"
    )
    assert spark("SELECT hash(c) % $n::UBIGINT, epoch_us(ts) FROM t") == (
        "SELECT PMOD(XXHASH64(c), CAST(:n AS BIGINT)), UNIX_MICROS(CAST(ts AS TIMESTAMP)) FROM t"
    )
    assert spark("WITH r AS NOT MATERIALIZED (SELECT 1) SELECT * FROM r") == (
        "WITH r AS (SELECT 1) SELECT * FROM r"
    )
