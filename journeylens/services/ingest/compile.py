"""The importer's check pass, compiled to SQL: the staging SELECT over the file, one typed value
and one error code per mapped field, the temp table of checked rows and the queries that read
their problems back. loader.validate() and loader.load() run it; nothing here writes to the stored
tables.

SQL safety: the data is staged with positional column identifiers c0, c1, ... that this module
generates; header text never becomes an identifier. The dynamic projection over those positional
columns (one typed value and one error code per mapped field) is assembled in Python from those
generated identifiers, our own field names and our own numeric ranges only. Everything that comes
from the user (file path, delimiter, date formats, column names for `extra`) is a bound parameter.
"""

from __future__ import annotations

from typing import Any

import duckdb
import pandas as pd

from journeylens.services.ingest import dates, limits, sniff
from journeylens.services.ingest.model import FIELDS, Field, Issue, Prepared
from journeylens.storage import db, queries

MAX_ISSUES = 200
MAX_REJECTED = 10_000
CHECKED = "jl_checked"  # per-connection temp table
ROWS = "jl_rows"  # per-connection temp view over the valid rows, canonical columns


def macro_con() -> duckdb.DuckDBPyConnection:
    con = db.connect()
    queries.ingest_macros(con)
    return con


# --- staging SQL (generated identifiers only) ----------------------------------------------------


def _cols(n: int) -> list[str]:
    return [f"c{i}" for i in range(n)]


def _stage_csv_sql(n: int, header_rows: int, count_empty_rows: bool = False) -> str:
    # Generated: c0..c{n-1}, the integer header_rows. Bound: $path, $delim.
    # Serial on purpose: row_number() needs the file order (DuckDB's parallel CSV reader cannot
    # number rows, and a table filled in parallel did not keep file order past its first row
    # group, even with preserve_insertion_order).
    # Row numbers: the file's rows as a spreadsheet shows them, the header being row 1; a quoted
    # field spanning lines is one row. A text file's empty rows are not counted (DuckDB skips
    # blank lines, so rows of empty fields are dropped before numbering too, as the sniffer counts
    # header rows); a sheet converted from XLSX keeps its empty rows, so its numbers are Excel's.
    columns = "{" + ", ".join(f"'c{i}': 'VARCHAR'" for i in range(n)) + "}"
    max_line = int(limits.limit("row").bytes())
    any_value = f"coalesce({', '.join(_cols(n))})" if n > 1 else "c0"
    before, after = (
        ("TRUE", f"{any_value} IS NOT NULL")
        if count_empty_rows
        else (
            f"{any_value} IS NOT NULL",
            "TRUE",
        )
    )
    return (
        "SELECT * FROM (SELECT row_number() OVER () AS src_row, * FROM (SELECT * FROM read_csv("
        "$path, auto_detect=false, header=false, delim=$delim, quote='\"', escape='\"', "
        "null_padding=true, strict_mode=false, parallel=false, "
        f"max_line_size={max_line}, columns={columns}) WHERE {before})) "
        f"WHERE src_row > {int(header_rows)} AND {after}"
    )


def stage_parquet_sql(n: int, header_rows: int) -> str:
    del header_rows
    cols = _cols(n)
    casts = ", ".join(f"CAST({c} AS VARCHAR) AS {c}" for c in cols)
    return (
        f"SELECT frn + 2 AS src_row, {casts} FROM "
        f"(SELECT * FROM read_parquet($path, file_row_number=true)) AS t({', '.join(cols)}, frn)"
    )


def _stage(prepared: Prepared) -> tuple[str, dict[str, Any]]:
    if prepared.stage_format == "parquet":
        return stage_parquet_sql(prepared.n_fields, 1), {"path": prepared.stage_path}
    return (
        _stage_csv_sql(prepared.n_fields, prepared.header_rows, prepared.source_format == "xlsx"),
        {"path": prepared.stage_path, "delim": prepared.delimiter},
    )


def _field_sql(f: Field, col: str, params: dict[str, Any]) -> tuple[list[str], str, str]:
    """(inner expressions, error expression, value expression) for one mapped field."""
    n = f.name
    raw = f"jl_blank({col})"
    inner = [f"{raw} AS r_{n}"]
    empty = "'required_empty'" if f.required else "NULL"
    if f.type in ("score", "int", "float"):
        inner.append(f"jl_num({raw}, $decimal_comma) AS n_{n}")
        checks = [f"WHEN n_{n} IS NULL THEN 'not_a_number'"]
        if f.type in ("score", "int"):
            checks.append(f"WHEN n_{n} <> round(n_{n}) THEN 'not_whole'")
        if f.lo is not None:
            checks.append(
                f"WHEN n_{n} < {float(f.lo)} OR n_{n} > {float(f.hi)} THEN 'out_of_range'"
            )
        elif f.type == "int":
            checks.append(f"WHEN abs(n_{n}) > 1e9 THEN 'out_of_range'")
        err = f"CASE WHEN r_{n} IS NULL THEN {empty} {' '.join(checks)} END"
        sqltype = {"score": "TINYINT", "int": "INTEGER", "float": "DOUBLE"}[f.type]
        val = f"CASE WHEN e_{n} IS NULL THEN CAST(n_{n} AS {sqltype}) END"
    elif f.type == "timestamp":
        params[f"fmt_{n}"] = None  # filled by caller
        inner.append(f"jl_ts({raw}, $fmt_{n}) AS t_{n}")
        err = f"CASE WHEN r_{n} IS NULL THEN {empty} WHEN t_{n} IS NULL THEN 'bad_date' END"
        val = f"t_{n}"
    elif f.type == "bool":
        inner.append(f"jl_bool({raw}) AS b_{n}")
        err = f"CASE WHEN r_{n} IS NULL THEN {empty} WHEN b_{n} IS NULL THEN 'bad_bool' END"
        val = f"b_{n}"
    else:
        err = f"CASE WHEN r_{n} IS NULL THEN {empty} END"
        val = f"r_{n}"
    return inner, err, val


def _formats(prepared: Prepared, col: str) -> list[str]:
    if col in prepared.date_formats:
        return prepared.date_formats[col]
    if prepared.sample is not None and col in prepared.sample.columns:
        con = macro_con()
        try:
            found = dates.date_formats(con, {col: prepared.sample[col].tolist()}, prepared.platform)
        finally:
            con.close()
        if col in found:
            return found[col]
    return dates.DEFAULT_FORMATS


def build(
    cur: duckdb.DuckDBPyConnection, prepared: Prepared, mapping: dict[str, str], kind: str
) -> None:
    """Create the temp table jl_checked (every row, typed values + error codes) and the temp view
    jl_rows (the valid rows, canonical columns, `extra_vals` for unmapped columns)."""
    queries.ingest_macros(cur)
    stage, params = _stage(prepared)
    params["decimal_comma"] = prepared.decimal_comma
    fields = [f for f in FIELDS[kind] if f.name in mapping]
    n = prepared.n_fields
    inner: list[str] = []
    errs: list[str] = []
    vals: list[str] = []
    for f in fields:
        col = f"c{prepared.position(mapping[f.name])}"
        i, e, v = _field_sql(f, col, params)
        inner += i
        errs.append(f"{e} AS e_{f.name}")
        vals.append(f"{v} AS v_{f.name}")
        if f.type == "timestamp":
            params[f"fmt_{f.name}"] = _formats(prepared, mapping[f.name])
    if "decimal_comma" in params and not any(f.type in ("score", "int", "float") for f in fields):
        del params["decimal_comma"]
    first_err = (
        f"coalesce({', '.join(f'e_{f.name}' for f in fields)})"
        if len(fields) > 1
        else f"e_{fields[0].name}"
    )
    first_field = (
        "CASE " + " ".join(f"WHEN e_{f.name} IS NOT NULL THEN '{f.name}'" for f in fields) + " END"
    )
    # Kept per row: the typed values, the error codes, the unmapped columns (they become `extra`)
    # and, for rejected rows only, the raw text of the mapped ones (messages, the download of the
    # set-aside rows). Keeping every raw and intermediate column made the table 3x wider.
    mapped_pos = {prepared.position(mapping[f.name]) for f in fields}
    keep = ["src_row", "err", "err_field"]
    for f in fields:
        keep += [
            f"e_{f.name}",
            f"CASE WHEN e_{f.name} IS NOT NULL THEN r_{f.name} END AS r_{f.name}",
            f"v_{f.name}",
        ]
    for i in range(n):
        keep.append(
            f"CASE WHEN err IS NOT NULL THEN c{i} END AS c{i}" if i in mapped_pos else f"c{i}"
        )
    text = (
        f"CREATE OR REPLACE TEMP TABLE {CHECKED} AS "
        f"WITH s AS ({stage}), "
        f"p AS (SELECT src_row, {', '.join(_cols(n))}, {', '.join(inner)} FROM s), "
        f"q AS (SELECT *, {', '.join(errs)} FROM p), "
        f"r AS (SELECT *, {', '.join(vals)} FROM q), "
        f"e AS (SELECT *, {first_err} AS err, {first_field} AS err_field FROM r) "
        f"SELECT {', '.join(keep)} FROM e"
    )
    cur.execute(text, params)
    # The canonical projection: mapped fields from v_<field>, the others NULL, typed.
    mapped_cols = set(mapping.values())
    unmapped = [c for c in prepared.columns if c not in mapped_cols]
    proj = ["src_row"]
    for f in FIELDS[kind]:
        sqltype = {"score": "TINYINT", "int": "INTEGER", "float": "DOUBLE",
                   "timestamp": "TIMESTAMP", "bool": "BOOLEAN"}.get(f.type, "VARCHAR")  # fmt: skip
        expr = f"v_{f.name}" if f.name in mapping else "NULL"
        proj.append(f"CAST({expr} AS {sqltype}) AS {f.name}")
    extra = [f"NULLIF(c{prepared.position(c)}, '')" for c in unmapped]
    proj.append(f"[{', '.join(extra)}]::VARCHAR[] AS extra_vals")
    cur.execute(
        f"CREATE OR REPLACE TEMP VIEW {ROWS} AS "
        f"SELECT {', '.join(proj)} FROM {CHECKED} WHERE err IS NULL"
    )


def drop(cur: duckdb.DuckDBPyConnection) -> None:
    cur.execute(f"DROP VIEW IF EXISTS {ROWS}")
    cur.execute(f"DROP TABLE IF EXISTS {CHECKED}")


def collect(
    cur: duckdb.DuckDBPyConnection, prepared: Prepared, mapping: dict[str, str], kind: str
) -> tuple[int, int, list[Issue], dict[str, int], pd.DataFrame]:
    total, ok = cur.execute(f"SELECT count(*), count_if(err IS NULL) FROM {CHECKED}").fetchall()[0]
    fields = [f for f in FIELDS[kind] if f.name in mapping]
    # every problem of a row, in the order of the row's columns
    union = " UNION ALL ".join(
        f"SELECT src_row, {prepared.position(mapping[f.name])} AS pos, '{f.name}' AS field, "
        f"r_{f.name} AS value, e_{f.name} AS code FROM {CHECKED} WHERE e_{f.name} IS NOT NULL"
        for f in fields
    )
    issue_rows = cur.execute(
        f"SELECT src_row, field, value, code FROM ({union}) ORDER BY src_row, pos "
        f"LIMIT {MAX_ISSUES}"
    ).fetchall()
    counts = dict(cur.execute(f"SELECT code, count(*) FROM ({union}) GROUP BY code").fetchall())
    issues = [_issue(prepared, kind, mapping, *row) for row in issue_rows]
    rejected = _rejected(cur, prepared, mapping, kind)
    return int(total), int(ok), issues, {k: int(v) for k, v in counts.items()}, rejected


def _issue(
    prepared: Prepared,
    kind: str,
    mapping: dict[str, str],
    row: int,
    field: str,
    value: str | None,
    code: str,
) -> Issue:
    f = next(x for x in FIELDS[kind] if x.name == field)
    column = mapping[field]
    params: dict[str, Any] = {
        "file": prepared.filename,
        "row": int(row),
        "column": column,
        "field": field,
        "value": "" if value is None else value,
    }
    if f.lo is not None:
        params["lo"], params["hi"] = _num(f.lo), _num(f.hi)
    else:
        params["lo"], params["hi"] = "", ""
    return Issue(int(row), column, value, code, params)


def _num(x: float | None) -> str:
    return "" if x is None else (str(int(x)) if float(x).is_integer() else str(x))


def _rejected(
    cur: duckdb.DuckDBPyConnection, prepared: Prepared, mapping: dict[str, str], kind: str
) -> pd.DataFrame:
    """The set-aside rows as the file had them, each with every problem it has (in column
    order): `row` (the same row numbers as the messages), `code` and `reason`."""
    fields = sorted(
        (f for f in FIELDS[kind] if f.name in mapping),
        key=lambda f: prepared.position(mapping[f.name]),
    )
    checks = ", ".join(f"e_{f.name}, r_{f.name}" for f in fields)
    cols = ", ".join(f"c{p}" for p in prepared.positions)
    rows = cur.execute(
        f"SELECT src_row, {checks}, {cols} FROM {CHECKED} "
        f"WHERE err IS NOT NULL ORDER BY src_row LIMIT {MAX_REJECTED}"
    ).fetchall()
    width = 1 + 2 * len(fields)
    codes, reasons = [], []
    for r in rows:
        found = [
            _issue(prepared, kind, mapping, r[0], f.name, r[2 + 2 * i], r[1 + 2 * i])
            for i, f in enumerate(fields)
            if r[1 + 2 * i] is not None
        ]
        codes.append(",".join(x.code for x in found))
        reasons.append(" ".join(x.text("en") for x in found))
    df = pd.DataFrame([list(r[width:]) for r in rows], columns=prepared.columns, dtype=object)
    df.insert(0, "reason", reasons)
    df.insert(0, "code", codes)
    df.insert(0, "row", [int(r[0]) for r in rows])
    return df


def _newlines_sql(n: int) -> str:
    # Generated: c0..c{n-1} only. Newlines inside one row's values: the lines it spans, minus one.
    whole = f"concat({', '.join(_cols(n))})" if n > 1 else "coalesce(c0, '')"
    return f"length({whole}) - length(replace({whole}, chr(10), ''))"


def quote_warnings(cur: duckdb.DuckDBPyConnection, prepared: Prepared, total: int) -> list[Issue]:
    """A row whose values run over many lines, when the file has far more lines than rows: the
    sign of a quote never closed (the rows below it became one value). Said before Load.

    Free for an ordinary file: the extra pass over the staged CSV runs only when the line count
    leaves room for such a row.
    """
    if prepared.stage_format != "csv" or not prepared.lines:
        return []
    spare = prepared.lines - int(total) - prepared.header_rows
    if spare < sniff.QUOTE_SPAN_LINES - 1:
        return []
    stage, params = _stage(prepared)
    params["min_span"] = sniff.QUOTE_SPAN_LINES - 1
    try:
        found = cur.execute(
            f"WITH s AS ({stage}), n AS (SELECT src_row, {_newlines_sql(prepared.n_fields)} AS nl "
            "FROM s), w AS (SELECT src_row, nl, sum(nl) OVER (ORDER BY src_row) - nl AS before "
            "FROM n) SELECT src_row, nl, before FROM w WHERE nl >= $min_span "
            "ORDER BY nl DESC, src_row LIMIT 1",
            params,
        ).fetchall()
    except duckdb.Error:
        return []  # the load itself reports a file it cannot read
    if not found:
        return []
    row, newlines, before = (int(x) for x in found[0])
    params_out = {
        "file": prepared.filename,
        "row": row,
        "line": f"{row + before:,}",
        "lines": f"{newlines + 1:,}",
        "rows": f"{int(total):,}",
        "total": f"{prepared.lines:,}",
    }
    return [Issue(row, "", None, "quote_span", params_out)]
