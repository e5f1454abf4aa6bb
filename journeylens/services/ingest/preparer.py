"""prepare(): sniff a file (CSV or other delimited text, XLSX, XES, Parquet), read a sample of its
rows, guess its kind and column mapping, and stage it where DuckDB reads it. Nothing is written to
the stored tables; loader.validate() and loader.load() follow.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import unicodedata
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from journeylens.services.ingest import dates, encoding, limits, sniff, staging, xes, xlsx
from journeylens.services.ingest.compile import macro_con, stage_parquet_sql
from journeylens.services.ingest.mapping import guess_kind, guess_mapping
from journeylens.services.ingest.model import KINDS, IngestError, Prepared
from journeylens.storage import db, queries

PREVIEW_ROWS = 20
PREVIEW_CHARS = (
    300  # a preview cell longer than this is cut (a 17 MB value must not reach the page)
)
MAX_NAME_CHARS = 255


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
        raise IngestError(
            "too_large", filename, size=encoding.size_mb(size), limit=encoding.size_mb(max_bytes)
        )
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
            text = encoding.read_text(Path(csv_path), filename, tmp, None)
            text.sha256, text.size = sha, size
        else:
            text = encoding.read_text(source, filename, tmp, max_bytes)
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
            for chunk in iter(lambda: fh.read(encoding.CHUNK), b""):
                digest.update(chunk)
    return digest.hexdigest()


def _finish(
    sample: pd.DataFrame,
    labels: list[str],
    kind: str | None,
    store: Any,
    tmp: str,
    *,
    platform: str,
    **found: Any,
) -> Prepared:
    """The Prepared for a file read into `sample` (display names as its columns, `labels` the
    header text under them): date formats, kind and mapping are guessed here, a saved mapping
    wins. `found` holds the other fields the reader decided (filename, sha256, size,
    source_format, encoding, delimiter, decimal_comma, header_rows, positions, stage_path,
    stage_format, n_fields, and for text lines and warnings)."""
    columns = list(sample.columns)
    label_map = {c: lab for c, lab in zip(columns, labels, strict=False) if lab and lab != c}
    con = macro_con()
    try:
        date_formats = dates.date_formats(con, {c: sample[c].tolist() for c in columns}, platform)
    finally:
        con.close()
    if kind is None:
        kind = guess_kind(columns, sample, label_map, date_formats)
    key = sniff.header_key(columns)
    mapping, source = None, "guessed"
    if store is not None:
        saved = store.query(queries.mapping_get, header_key=key, kind=kind)
        if len(saved):
            loaded = json.loads(saved.iloc[0, 0])
            mapping = {f: c for f, c in loaded.items() if c in columns}
            source = "saved"
    guesses = {k: guess_mapping(columns, sample, k, label_map, date_formats) for k in KINDS}
    if mapping is None:
        mapping = guesses[kind]
    return Prepared(
        columns=columns,
        labels=label_map,
        preview=_preview(sample),
        platform=platform,
        kind=kind,
        mapping=mapping,
        mapping_source=source,
        header_key=key,
        date_formats=date_formats,
        sample=sample,
        guesses=guesses,
        _tmpdir=tmp,
        **found,
    )


def _preview(sample: pd.DataFrame) -> pd.DataFrame:
    """The first rows, each value cut to PREVIEW_CHARS: the page shows a bounded table."""

    def cut(v: Any) -> Any:
        return v[:PREVIEW_CHARS] + "…" if isinstance(v, str) and len(v) > PREVIEW_CHARS else v

    return sample.head(PREVIEW_ROWS).map(cut).reset_index(drop=True)


def _prepare_text(
    text: encoding.Text, fmt: str, filename: str, kind: str | None, store: Any, tmp: str
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
        sample,
        labels,
        kind,
        store,
        tmp,
        platform=layout.platform,
        filename=filename,
        sha256=text.sha256,
        size=text.size,
        source_format=fmt,
        encoding=text.encoding,
        delimiter=delimiter,
        decimal_comma=sniff.detect_decimal_comma(data, delimiter),
        header_rows=layout.header_rows,
        positions=positions,
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
        rel = con.execute(stage_parquet_sql(n, 0) + " ORDER BY src_row LIMIT 200", {"path": path})
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
        sample,
        [""] * len(names),
        kind,
        store,
        tmp,
        platform="generic",
        filename=filename,
        sha256=_sha256(source),
        size=size,
        source_format="parquet",
        encoding="",
        delimiter="",
        decimal_comma=False,
        header_rows=1,
        positions=positions,
        stage_path=staging.link_into(path, tmp),
        stage_format="parquet",
        n_fields=n,
    )
