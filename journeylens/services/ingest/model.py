"""The importer's vocabulary: canonical fields, errors, issues and the result objects."""

from __future__ import annotations

import shutil
import weakref
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from journeylens.domain.errors import JourneyLensError
from journeylens.i18n import catalogue, t

KINDS: tuple[str, ...] = ("responses", "events", "touchpoints", "paths")


@dataclass(frozen=True)
class Field:
    """One canonical column. type: text | score | int | float | timestamp | bool."""

    name: str
    type: str = "text"
    required: bool = False
    lo: float | None = None
    hi: float | None = None


FIELDS: dict[str, list[Field]] = {
    "responses": [
        Field("response_id"),
        Field("customer_id"),
        Field("touchpoint"),
        Field("submitted_at", "timestamp"),
        Field("nps", "score", lo=0, hi=10),
        Field("csat", "score", lo=1, hi=5),
        Field("ces", "score", lo=1, hi=7),
        Field("emotion", "float", lo=-2, hi=2),
        Field("comment"),
        Field("persona"),
        Field("segment"),
        Field("channel"),
    ],
    "events": [
        Field("customer_id", required=True),
        Field("touchpoint", required=True),
        Field("ts", "timestamp", required=True),
        Field("channel"),
        Field("persona"),
        Field("segment"),
        Field("value", "float"),
        Field("converted", "bool"),
    ],
    "touchpoints": [
        Field("touchpoint", required=True),
        Field("stage", required=True),
        Field("stage_order", "int"),
        Field("step_order", "int"),
        Field("channel"),
        Field("owner"),
        Field("goal"),
        Field("description"),
        Field("target_csat", "float"),
        Field("in_funnel", "bool"),
        # the journey map's free-text lanes (optional; a blank cell is no note)
        Field("thoughts"),
        Field("opportunities"),
        Field("ideas"),
    ],
    # aggregated paths as attribution tools export them: "alpha > beta > alpha", conversions,
    # conversion value, paths that did not convert (queries/ingest_insert_paths.sql)
    "paths": [
        Field("path", required=True),
        Field("conversions", "float", lo=0, hi=1e15),
        Field("value", "float", lo=-1e15, hi=1e15),
        Field("nulls", "float", lo=0, hi=1e15),
    ],
}

METRICS: tuple[str, ...] = ("nps", "csat", "ces", "emotion", "comment")


def field_of(kind: str, name: str) -> Field:
    for f in FIELDS[kind]:
        if f.name == name:
            return f
    raise KeyError(name)


# What to do after an upload refused with this code. The codes left out say it in their message
# (the limits name their setting, a duplicate names the dataset to delete...).
_FIX_FILE = "error.hint.fix_file"
INGEST_HINTS: dict[str, str] = {
    **dict.fromkeys(("empty", "no_rows", "no_header", "read_failed", "reader_failed"), _FIX_FILE),
    **dict.fromkeys(("csv_line", "xlsx_bad_xml", "xlsx_missing_part", "xlsx_truncated"), _FIX_FILE),
    **dict.fromkeys(("xlsx_wrong_type", "xlsx_bad_cell", "xlsx_missing_string"), _FIX_FILE),
    **dict.fromkeys(("bad_kind", "unknown_field", "unknown_column"), "error.hint.mapping"),
    "too_large": "error.hint.split",
    "bad_extension": "error.hint.convert",
}


def field_label(name: str, lang: str = "en") -> str:
    """A canonical field as a reader calls it ("CES answer (1–7)" for `ces`), in `lang`; a name
    the catalogue does not know (a typo on the command line) as it is."""
    key = f"field.{name}"
    return t(key, lang) if key in catalogue() else name


def field_labels(names: Any, lang: str = "en") -> str:
    return ", ".join(field_label(str(n), lang) for n in names)


def _named_fields(params: dict[str, Any], lang: str) -> dict[str, Any]:
    """`field` (one name) and `fields` (a list) in words; the other values as they are."""
    out = dict(params)
    if isinstance(out.get("field"), str):
        out["field"] = field_label(out["field"], lang)
    if isinstance(out.get("fields"), list | tuple):
        out["fields"] = field_labels(out["fields"], lang)
    return out


class IngestError(JourneyLensError):
    """A user-facing problem with an upload. `code` maps to the i18n key `ingest.<code>`."""

    def __init__(self, code: str, filename: str = "", **params: Any) -> None:
        self.code = code
        super().__init__(f"ingest.{code}", hint_key=INGEST_HINTS.get(code), file=filename, **params)

    def params_in(self, lang: str = "en") -> dict[str, Any]:
        return _named_fields(self.params, lang)


@dataclass(frozen=True)
class Issue:
    """One problem in one cell. row is the spreadsheet row number (header rows counted, 1-based)."""

    row: int
    column: str
    value: str | None
    code: str
    params: dict[str, Any] = field(default_factory=dict)

    def text(self, lang: str = "en") -> str:
        return t(f"ingest.{self.code}", lang, **_named_fields(self.params, lang))


@dataclass
class Prepared:
    filename: str
    sha256: str
    size: int
    source_format: str  # csv | xlsx | parquet
    encoding: str
    delimiter: str
    decimal_comma: bool
    platform: str
    header_rows: int
    columns: list[str]
    labels: dict[str, str]
    preview: pd.DataFrame
    kind: str
    mapping: dict[str, str]
    mapping_source: str  # saved | guessed
    header_key: str
    # --- internal handles for staging in DuckDB ---
    stage_path: str = ""  # a UTF-8 CSV (or the Parquet file) DuckDB reads
    stage_format: str = "csv"  # csv | parquet
    n_fields: int = 0  # physical column count; c0..c{n-1}
    positions: list[int] = field(default_factory=list)  # physical position of each column
    date_formats: dict[str, list[str]] = field(default_factory=dict)
    sample: pd.DataFrame | None = None  # up to 200 data rows as strings, for value checks
    guesses: dict[str, dict[str, str]] = field(default_factory=dict)  # the guess for each kind
    lines: int = 0  # newlines in the staged CSV (0: not counted), for the unclosed-quote check
    warnings: list[Issue] = field(default_factory=list)  # said before Load (an unclosed quote)
    _tmpdir: str | None = None

    def __post_init__(self) -> None:
        if self._tmpdir:
            self._finalizer = weakref.finalize(self, shutil.rmtree, self._tmpdir, True)

    def cleanup(self) -> None:
        """Remove temporary files now (they are also removed when this object is collected)."""
        if self._tmpdir:
            self._finalizer()

    def mapping_for(self, kind: str) -> dict[str, str]:
        """The starting mapping when the file is loaded as `kind`: the saved or guessed one for
        the detected kind, the automatic guess for another (never nothing)."""
        if kind == self.kind:
            return dict(self.mapping)
        return dict(self.guesses.get(kind, {}))

    def position(self, column: str) -> int:
        return self.positions[self.columns.index(column)]

    @property
    def path(self) -> Path:
        return Path(self.stage_path)


@dataclass
class Report:
    filename: str
    kind: str
    total_rows: int
    rows_ok: int
    rows_rejected: int
    issues: list[Issue]
    rejected: pd.DataFrame
    missing_metrics: list[str]
    unmapped: list[str]
    issue_counts: dict[str, int] = field(default_factory=dict)
    warnings: list[Issue] = field(default_factory=list)  # the file's layout looks wrong
    duplicate: IngestError | None = None  # already loaded into the workspace: Load will refuse


@dataclass
class LoadResult:
    dataset_id: int
    rows_loaded: int
    rows_rejected: int
    issues: list[Issue]
    rejected: pd.DataFrame
    warnings: list[Issue] = field(default_factory=list)
