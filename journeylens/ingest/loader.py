"""prepare() -> validate() -> load(): sniff a file, map its columns, check every row in DuckDB,
and load the valid rows in one transaction.

SQL safety: the data is staged with positional column identifiers c0, c1, ... that this module
generates; header text never becomes an identifier. The dynamic projection over those positional
columns (one typed value and one error code per mapped field) is assembled in Python from those
generated identifiers, our own field names and our own numeric ranges only. Everything that comes
from the user (file path, delimiter, date formats, column names for `extra`) is a bound parameter.
The static statements live in queries/ingest_*.sql.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from journeylens import db, sql, summaries
from journeylens.i18n import t
from journeylens.ingest import limits, sniff, staging, xes, xlsx
from journeylens.ingest.mapping import guess_kind, guess_mapping
from journeylens.ingest.model import (
    FIELDS,
    KINDS,
    METRICS,
    Field,
    IngestError,
    Issue,
    LoadResult,
    Prepared,
    Report,
)
from journeylens.permissions import Access, require

PREVIEW_ROWS = 20
PREVIEW_CHARS = (
    300  # a preview cell longer than this is cut (a 17 MB value must not reach the page)
)
MAX_NAME_CHARS = 255
MAX_ISSUES = 200
MAX_REJECTED = 10_000
CHECKED = "jl_checked"  # per-connection temp table
ROWS = "jl_rows"  # per-connection temp view over the valid rows, canonical columns


# --- prepare -------------------------------------------------------------------------------------


def prepare(
    source: bytes | Path | str,
    filename: str,
    *,
    kind: str | None = None,
    store: Any = None,
    max_bytes: int | None = None,
) -> Prepared:
    if isinstance(source, str):
        source = Path(source)
    filename = clean_filename(filename)
    if kind is not None and kind not in KINDS:
        raise IngestError("bad_kind", filename, kind=kind, kinds=", ".join(KINDS))
    if isinstance(source, Path) and not source.exists():
        raise IngestError("read_failed", filename, detail="file not found")
    size = len(source) if isinstance(source, bytes | bytearray) else source.stat().st_size
    if max_bytes is not None and size > max_bytes:
        raise IngestError("too_large", filename, size=sniff._mb(size), limit=sniff._mb(max_bytes))
    if size == 0:
        raise IngestError("empty", filename)
    if isinstance(source, bytes | bytearray):
        head = bytes(source[:8192])
    else:
        with open(source, "rb") as fh:
            head = fh.read(8192)
    fmt = sniff.sniff_format(head, filename)
    tmp = staging.tempdir()
    try:
        if fmt == "parquet":
            return _prepare_parquet(source, filename, kind, store, tmp)
        if fmt in ("xlsx", "xes"):
            sha = _sha256(source)
            convert = xlsx.to_csv if fmt == "xlsx" else xes.to_csv
            csv_path = convert(source, filename, tmp)
            text = sniff.read_text(Path(csv_path), filename, tmp, None)
            text.sha256, text.size = sha, size
        else:
            text = sniff.read_text(source, filename, tmp, max_bytes)
        return _prepare_text(text, fmt, filename, kind, store, tmp)
    except BaseException as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        if isinstance(exc, IngestError) or not isinstance(exc, Exception):
            raise
        # A reader's unexpected failure is still a message about this file, never a traceback.
        raise IngestError("reader_failed", filename, detail=_detail(exc)) from exc


def clean_filename(name: str) -> str:
    """The name as shown and stored: control characters (a NUL from a crafted upload) become
    U+FFFD, the length is capped. The name is only ever data; it never names a file on disk."""
    cleaned = "".join(
        "\ufffd" if unicodedata.category(ch) == "Cc" else ch for ch in str(name or "")
    )
    return cleaned[:MAX_NAME_CHARS] or "upload"


def _detail(exc: BaseException) -> str:
    text = str(exc).strip()
    first = text.splitlines()[0][:200] if text else ""
    return f"{type(exc).__name__}: {first}" if first else type(exc).__name__


def _sha256(source: bytes | Path) -> str:
    digest = hashlib.sha256()
    if isinstance(source, bytes | bytearray):
        digest.update(source)
    else:
        with open(source, "rb") as fh:
            for chunk in iter(lambda: fh.read(sniff.CHUNK), b""):
                digest.update(chunk)
    return digest.hexdigest()


def _macro_con() -> duckdb.DuckDBPyConnection:
    con = db.connect()
    sql.script(con, "ingest_macros")
    return con


def _finish(
    *,
    filename: str,
    sha: str,
    size: int,
    source_format: str,
    encoding: str,
    delimiter: str,
    decimal_comma: bool,
    platform: str,
    header_rows: int,
    names: list[str],
    labels: list[str],
    positions: list[int],
    sample: pd.DataFrame,
    kind: str | None,
    store: Any,
    tmp: str,
    stage_path: str,
    stage_format: str,
    n_fields: int,
    lines: int = 0,
    warnings: list[Issue] | None = None,
) -> Prepared:
    columns = list(sample.columns)
    label_map = {c: lab for c, lab in zip(columns, labels, strict=False) if lab and lab != c}
    con = _macro_con()
    try:
        date_formats = sniff.date_formats(con, {c: sample[c].tolist() for c in columns}, platform)
    finally:
        con.close()
    if kind is None:
        kind = guess_kind(columns, sample, label_map, date_formats)
    key = sniff.header_key(columns)
    mapping, source = None, "guessed"
    if store is not None:
        saved = store.query("mapping_get", header_key=key, kind=kind)
        if len(saved):
            loaded = json.loads(saved.iloc[0, 0])
            mapping = {f: c for f, c in loaded.items() if c in columns}
            source = "saved"
    guesses = {k: guess_mapping(columns, sample, k, label_map, date_formats) for k in KINDS}
    if mapping is None:
        mapping = guesses[kind]
    return Prepared(
        filename=filename,
        sha256=sha,
        size=size,
        source_format=source_format,
        encoding=encoding,
        delimiter=delimiter,
        decimal_comma=decimal_comma,
        platform=platform,
        header_rows=header_rows,
        columns=columns,
        labels=label_map,
        preview=_preview(sample),
        kind=kind,
        mapping=mapping,
        mapping_source=source,
        header_key=key,
        stage_path=stage_path,
        stage_format=stage_format,
        n_fields=n_fields,
        positions=positions,
        date_formats=date_formats,
        sample=sample,
        guesses=guesses,
        lines=lines,
        warnings=list(warnings or []),
        _tmpdir=tmp,
    )


def _preview(sample: pd.DataFrame) -> pd.DataFrame:
    """The first rows, each value cut to PREVIEW_CHARS: the page shows a bounded table."""

    def cut(v: Any) -> Any:
        return v[:PREVIEW_CHARS] + "…" if isinstance(v, str) and len(v) > PREVIEW_CHARS else v

    return sample.head(PREVIEW_ROWS).map(cut).reset_index(drop=True)


def _prepare_text(
    text: sniff.Text, fmt: str, filename: str, kind: str | None, store: Any, tmp: str
) -> Prepared:
    delimiter, records, head, _complete = sniff.sniff_records(text, filename)
    rows = [r for r in records.rows if any(c.strip() for c in r)]
    if not rows and records.cut is None:
        raise IngestError("empty", filename)
    layout = sniff.detect_layout(rows, filename)
    width = len(rows[0])
    sniff.check_header(records, head, layout.header_rows, width, filename)
    data = [(r + [""] * width)[:width] for r in rows[layout.header_rows :][: sniff.SAMPLE_ROWS]]
    if not data:
        raise IngestError("no_rows", filename)
    # Drop columns with no header and no value (e.g. the trailing comma of Qualtrics legacy).
    positions = [
        i
        for i in range(width)
        if layout.names[i].strip()
        or any(r[i].strip() for r in data)
        or any(i < len(r) and r[i].strip() for r in rows[: layout.header_rows])
    ]
    names = sniff.display_names([layout.names[i] for i in positions])
    labels = [" ".join(layout.labels[i].split()) for i in positions]
    sample = pd.DataFrame([[r[i] for i in positions] for r in data], columns=names, dtype=object)
    return _finish(
        filename=filename,
        sha=text.sha256,
        size=text.size,
        source_format=fmt,
        encoding=text.encoding,
        delimiter=delimiter,
        decimal_comma=sniff.detect_decimal_comma(data, delimiter),
        platform=layout.platform,
        header_rows=layout.header_rows,
        names=names,
        labels=labels,
        positions=positions,
        sample=sample,
        kind=kind,
        store=store,
        tmp=tmp,
        stage_path=staging.link_into(text.path, tmp),
        stage_format="csv",
        n_fields=width,
        lines=text.lines,
        warnings=sniff.quote_warnings(records, layout.header_rows, filename),
    )


def _prepare_parquet(
    source: bytes | Path, filename: str, kind: str | None, store: Any, tmp: str
) -> Prepared:
    if isinstance(source, bytes | bytearray):
        path = str(Path(tmp) / "data.parquet")
        Path(path).write_bytes(source)
    else:
        path = str(source)
    con = db.connect()
    try:
        desc = con.execute("DESCRIBE SELECT * FROM read_parquet($p)", {"p": path}).fetchall()
        n = len(desc)
        if n > limits.limit("columns").count():
            raise limits.exceeded("columns", filename, found=f"{n:,}")
        positions = [i for i, row in enumerate(desc) if not str(row[0]).startswith("__index_")]
        rel = con.execute(_stage_parquet_sql(n, 0) + " ORDER BY src_row LIMIT 200", {"path": path})
        sample_rows = rel.fetchall()
    except duckdb.Error as exc:
        raise IngestError("read_failed", filename, detail=str(exc).splitlines()[0][:200]) from exc
    finally:
        con.close()
    if not sample_rows:
        raise IngestError("no_rows", filename)
    names = sniff.display_names([str(desc[i][0]) for i in positions])
    sample = pd.DataFrame(
        [["" if r[1 + i] is None else r[1 + i] for i in positions] for r in sample_rows],
        columns=names,
        dtype=object,
    )
    size = len(source) if isinstance(source, bytes | bytearray) else Path(source).stat().st_size
    return _finish(
        filename=filename,
        sha=_sha256(source),
        size=size,
        source_format="parquet",
        encoding="",
        delimiter="",
        decimal_comma=False,
        platform="generic",
        header_rows=1,
        names=names,
        labels=[""] * len(names),
        positions=positions,
        sample=sample,
        kind=kind,
        store=store,
        tmp=tmp,
        stage_path=staging.link_into(path, tmp),
        stage_format="parquet",
        n_fields=n,
    )


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


def _stage_parquet_sql(n: int, header_rows: int) -> str:
    del header_rows
    cols = _cols(n)
    casts = ", ".join(f"CAST({c} AS VARCHAR) AS {c}" for c in cols)
    return (
        f"SELECT frn + 2 AS src_row, {casts} FROM "
        f"(SELECT * FROM read_parquet($path, file_row_number=true)) AS t({', '.join(cols)}, frn)"
    )


def _stage(prepared: Prepared) -> tuple[str, dict[str, Any]]:
    if prepared.stage_format == "parquet":
        return _stage_parquet_sql(prepared.n_fields, 1), {"path": prepared.stage_path}
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


def check_mapping(prepared: Prepared, mapping: dict[str, str], kind: str) -> None:
    if kind not in KINDS:
        raise IngestError("bad_kind", prepared.filename, kind=kind, kinds=", ".join(KINDS))
    known = {f.name for f in FIELDS[kind]}
    for field, col in mapping.items():
        if field not in known:
            raise IngestError("unknown_field", prepared.filename, field=field, kind=kind)
        if col not in prepared.columns:
            raise IngestError("unknown_column", prepared.filename, column=col)
    cols = list(mapping.values())
    dup = sorted({c for c in cols if cols.count(c) > 1})
    if dup:
        raise IngestError("column_twice", prepared.filename, column=dup[0])
    missing = [f.name for f in FIELDS[kind] if f.required and f.name not in mapping]
    if missing:
        raise IngestError("missing_required", prepared.filename, fields=", ".join(missing))
    if not mapping:
        raise IngestError("nothing_mapped", prepared.filename)


def _formats(prepared: Prepared, col: str) -> list[str]:
    if col in prepared.date_formats:
        return prepared.date_formats[col]
    if prepared.sample is not None and col in prepared.sample.columns:
        con = _macro_con()
        try:
            found = sniff.date_formats(con, {col: prepared.sample[col].tolist()}, prepared.platform)
        finally:
            con.close()
        if col in found:
            return found[col]
    return sniff.DEFAULT_FORMATS


def _build(
    cur: duckdb.DuckDBPyConnection, prepared: Prepared, mapping: dict[str, str], kind: str
) -> None:
    """Create the temp table jl_checked (every row, typed values + error codes) and the temp view
    jl_rows (the valid rows, canonical columns, `extra_vals` for unmapped columns)."""
    sql.script(cur, "ingest_macros")
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


def _drop(cur: duckdb.DuckDBPyConnection) -> None:
    cur.execute(f"DROP VIEW IF EXISTS {ROWS}")
    cur.execute(f"DROP TABLE IF EXISTS {CHECKED}")


def _collect(
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


def _missing_metrics(mapping: dict[str, str], kind: str) -> list[str]:
    return [m for m in METRICS if m not in mapping] if kind == "responses" else []


# --- validate ------------------------------------------------------------------------------------


def validate(store: Any, prepared: Prepared, mapping: dict[str, str], kind: str) -> Report:
    """Check every row (in DuckDB) without writing anything to the stored tables."""
    check_mapping(prepared, mapping, kind)
    cur = store.cursor()
    try:
        try:
            _build(cur, prepared, mapping, kind)
        except duckdb.Error as exc:
            raise _read_error(prepared, exc) from exc
        total, ok, issues, counts, rejected = _collect(cur, prepared, mapping, kind)
        _drop(cur)
        warnings = quote_warnings(cur, prepared, total)
    finally:
        cur.close()
    mapped = set(mapping.values())
    return Report(
        filename=prepared.filename,
        kind=kind,
        total_rows=total,
        rows_ok=ok,
        rows_rejected=total - ok,
        issues=issues,
        rejected=rejected,
        missing_metrics=_missing_metrics(mapping, kind),
        unmapped=[c for c in prepared.columns if c not in mapped],
        issue_counts=counts,
        warnings=warnings,
    )


_CSV_LINE = re.compile(r"CSV Error on Line: (\d+)")


def _read_error(prepared: Prepared, exc: duckdb.Error) -> IngestError:
    """DuckDB's reader errors in the importer's words: the file, the line, the limit."""
    text = str(exc)
    lines = [line.strip() for line in text.splitlines()]
    if isinstance(exc, duckdb.OutOfMemoryException):
        from journeylens.store import MEMORY_LIMIT_ENV

        return IngestError(
            "out_of_memory",
            prepared.filename,
            columns=f"{prepared.n_fields:,}",
            limit=os.environ.get(MEMORY_LIMIT_ENV) or "2GB",
            setting=MEMORY_LIMIT_ENV,
        )
    found = _CSV_LINE.search(text)
    if found:
        line = f"{int(found.group(1)):,}"
        if "Maximum line size" in text:
            return limits.exceeded("row", prepared.filename, line=line)
        # The reason follows the echoed line; the echo itself may be megabytes of data.
        reasons = [
            x
            for x in lines[1:]
            if x and not x.startswith(("Original Line", "Possible Solution")) and " = " not in x
        ]
        detail = (reasons[0] if reasons else lines[0])[:200]
        return IngestError("csv_line", prepared.filename, line=line, detail=detail)
    return IngestError("read_failed", prepared.filename, detail=lines[0][:300] if lines else "")


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


# --- load ----------------------------------------------------------------------------------------


def load(
    store: Any,
    access: Access,
    workspace: Any,
    prepared: Prepared,
    mapping: dict[str, str],
    kind: str,
    *,
    progress: Callable[[int, float], None] | None = None,
    save_mapping: bool = True,
) -> LoadResult:
    """Load the valid rows in one transaction; rejected rows are set aside, never half-loaded.
    Editors only (it also saves the mapping for the next file with these columns)."""
    require(access, "ingest.load")
    check_mapping(prepared, mapping, kind)
    ws_id = int(workspace.workspace_id)

    def report(rows: int, frac: float) -> None:
        if progress is not None:
            progress(rows, frac)

    report(0, 0.0)
    with store.write(access, "ingest.load") as cur:
        dup = sql.run(cur, "dataset_by_sha", workspace_id=ws_id, sha256=prepared.sha256, kind=kind)
        if len(dup):
            first = dup.iloc[0]
            raise IngestError(
                "duplicate",
                prepared.filename,
                dataset_id=int(first["dataset_id"]),
                earlier=str(first["source_name"]),
                loaded_at=str(first["loaded_at"])[:16],
            )
        try:
            _build(cur, prepared, mapping, kind)
        except duckdb.Error as exc:
            raise _read_error(prepared, exc) from exc
        total, ok, issues, _counts, rejected = _collect(cur, prepared, mapping, kind)
        warnings = quote_warnings(cur, prepared, total)
        report(0, 0.4)
        dataset_id = int(
            sql.run(
                cur,
                "dataset_insert",
                workspace_id=ws_id,
                kind=kind,
                source_name=prepared.filename,
                sha256=prepared.sha256,
                source_format=prepared.source_format,
                rows_loaded=ok,
                rows_rejected=total - ok,
                mapping=json.dumps(mapping, ensure_ascii=False),
            ).iloc[0, 0]
        )
        mapped = set(mapping.values())
        extra_keys = [c for c in prepared.columns if c not in mapped]
        if kind == "touchpoints":
            sql.execute(cur, "ingest_upsert_touchpoints", workspace_id=ws_id, dataset_id=dataset_id)
        elif kind == "paths":
            sql.execute(cur, "ingest_insert_paths", workspace_id=ws_id, dataset_id=dataset_id)
        else:
            privacy = {"mask_pii": bool(getattr(workspace, "mask_pii", False))}
            sql.execute(
                cur,
                f"ingest_insert_{kind}",
                workspace_id=ws_id,
                dataset_id=dataset_id,
                extra_keys=extra_keys,
                **(privacy if kind == "responses" else {}),
            )
        report(ok, 0.9)
        # the unfiltered-view summaries, in this transaction, just before the bump they refer to
        summaries.refresh(
            cur,
            ws_id,
            events_changed=kind == "events",
            responses_changed=kind == "responses",
        )
        sql.execute(cur, "workspace_bump", workspace_id=ws_id)
        if save_mapping:
            sql.execute(
                cur,
                "mapping_save",
                header_key=prepared.header_key,
                kind=kind,
                mapping=json.dumps(mapping, ensure_ascii=False),
            )
        _drop(cur)
    report(ok, 1.0)
    return LoadResult(dataset_id, ok, total - ok, issues, rejected, warnings)


def load_dataframe(
    store: Any,
    access: Access,
    workspace: Any,
    df: pd.DataFrame,
    kind: str,
    source_name: str,
    mapping: dict[str, str] | None = None,
) -> LoadResult:
    """Programmatic load (demo generator, tests): columns named like the canonical fields map
    themselves; others go to `extra` (responses/events)."""
    require(access, "ingest.load")
    buf = df.to_parquet(index=False)
    prepared = prepare(
        buf,
        source_name if source_name.endswith(".parquet") else f"{source_name}.parquet",
        kind=kind,
    )
    prepared.filename = source_name
    if mapping is None:
        names = {f.name for f in FIELDS[kind]}
        mapping = {c: c for c in prepared.columns if c in names}
    try:
        return load(store, access, workspace, prepared, mapping, kind, save_mapping=False)
    finally:
        prepared.cleanup()


def describe_issue(issue: Issue, lang: str = "en") -> str:
    return t(f"ingest.{issue.code}", lang, **issue.params)
