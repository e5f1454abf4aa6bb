"""validate() -> load(): check every row of a prepared file in DuckDB (the check pass is compiled
in ingest/compile.py), and load the valid rows in one transaction. prepare() is in
ingest/preparer.py.

The static statements live in queries/ingest_*.sql.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Callable
from typing import Any

import duckdb
import pandas as pd

from journeylens.domain.permissions import Access, require
from journeylens.services import summaries
from journeylens.services.ingest import limits
from journeylens.services.ingest.compile import build, collect, drop, quote_warnings
from journeylens.services.ingest.model import (
    FIELDS,
    KINDS,
    METRICS,
    IngestError,
    LoadResult,
    Prepared,
    Report,
)
from journeylens.services.ingest.preparer import prepare
from journeylens.storage import queries


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
        raise IngestError("missing_required", prepared.filename, fields=missing)
    if not mapping:
        raise IngestError("nothing_mapped", prepared.filename)


def _missing_metrics(mapping: dict[str, str], kind: str) -> list[str]:
    return [m for m in METRICS if m not in mapping] if kind == "responses" else []


# --- validate ------------------------------------------------------------------------------------


def duplicate_of(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, prepared: Prepared, kind: str
) -> IngestError | None:
    """The refusal load() gives a file whose bytes are already loaded into the workspace as this
    kind (naming the earlier dataset), or None."""
    dup = queries.dataset_by_sha(cur, workspace_id=workspace_id, sha256=prepared.sha256, kind=kind)
    if not len(dup):
        return None
    first = dup.iloc[0]
    return IngestError(
        "duplicate",
        prepared.filename,
        dataset_id=int(first["dataset_id"]),
        earlier=str(first["source_name"]),
        loaded_at=str(first["loaded_at"])[:16],
    )


def validate(
    store: Any,
    prepared: Prepared,
    mapping: dict[str, str],
    kind: str,
    *,
    workspace_id: int | None = None,
) -> Report:
    """Check every row (in DuckDB) without writing anything to the stored tables. With a
    workspace_id, also whether load() would refuse the file as already loaded there
    (Report.duplicate)."""
    check_mapping(prepared, mapping, kind)
    cur = store.cursor()
    try:
        duplicate = (
            duplicate_of(cur, int(workspace_id), prepared, kind)
            if workspace_id is not None
            else None
        )
        try:
            build(cur, prepared, mapping, kind)
        except duckdb.Error as exc:
            raise _read_error(prepared, exc) from exc
        total, ok, issues, counts, rejected = collect(cur, prepared, mapping, kind)
        drop(cur)
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
        duplicate=duplicate,
    )


_CSV_LINE = re.compile(r"CSV Error on Line: (\d+)")


def _read_error(prepared: Prepared, exc: duckdb.Error) -> IngestError:
    """DuckDB's reader errors in the importer's words: the file, the line, the limit."""
    text = str(exc)
    lines = [line.strip() for line in text.splitlines()]
    if isinstance(exc, duckdb.OutOfMemoryException):
        from journeylens.storage.store import MEMORY_LIMIT_ENV

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
        dup = duplicate_of(cur, ws_id, prepared, kind)
        if dup is not None:
            raise dup
        try:
            build(cur, prepared, mapping, kind)
        except duckdb.Error as exc:
            raise _read_error(prepared, exc) from exc
        total, ok, issues, _counts, rejected = collect(cur, prepared, mapping, kind)
        warnings = quote_warnings(cur, prepared, total)
        report(0, 0.4)
        dataset_id = int(
            queries.dataset_insert(
                cur,
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
            queries.ingest_upsert_touchpoints(cur, workspace_id=ws_id, dataset_id=dataset_id)
        elif kind == "paths":
            queries.ingest_insert_paths(cur, workspace_id=ws_id, dataset_id=dataset_id)
        elif kind == "responses":
            queries.ingest_insert_responses(
                cur,
                workspace_id=ws_id,
                dataset_id=dataset_id,
                extra_keys=extra_keys,
                mask_pii=bool(getattr(workspace, "mask_pii", False)),
            )
        else:
            queries.ingest_insert_events(
                cur, workspace_id=ws_id, dataset_id=dataset_id, extra_keys=extra_keys
            )
        report(ok, 0.9)
        # the unfiltered-view summaries, in this transaction, just before the bump they refer to
        summaries.refresh(
            cur,
            ws_id,
            events_changed=kind == "events",
            responses_changed=kind == "responses",
        )
        queries.workspace_bump(cur, workspace_id=ws_id)
        if save_mapping:
            queries.mapping_save(
                cur,
                header_key=prepared.header_key,
                kind=kind,
                mapping=json.dumps(mapping, ensure_ascii=False),
            )
        drop(cur)
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
