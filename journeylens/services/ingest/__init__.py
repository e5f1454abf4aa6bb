"""The importer: readers (CSV sniffing, XLSX, Parquet), survey-platform formats, column mapping,
validation in DuckDB and the one-transaction load.

    prepared = prepare(path_or_bytes, "export.csv", store=store)   # sniff + guess
    report = validate(store, prepared, prepared.mapping, prepared.kind)
    result = load(store, access, workspace, prepared, prepared.mapping, prepared.kind)
"""

from journeylens.services.ingest.loader import load, load_dataframe, validate
from journeylens.services.ingest.mapping import guess_mapping, override
from journeylens.services.ingest.model import (
    FIELDS,
    KINDS,
    METRICS,
    Field,
    IngestError,
    Issue,
    LoadResult,
    Prepared,
    Report,
    field_label,
    field_labels,
)
from journeylens.services.ingest.preparer import clean_filename, prepare

__all__ = [
    "FIELDS",
    "KINDS",
    "METRICS",
    "Field",
    "IngestError",
    "Issue",
    "LoadResult",
    "Prepared",
    "Report",
    "clean_filename",
    "field_label",
    "field_labels",
    "guess_mapping",
    "load",
    "load_dataframe",
    "override",
    "prepare",
    "validate",
]
