"""Bounds on the work one upload may cause.

Real exports stay far below every limit here; a crafted file (a 100,000-column header, a zip bomb,
an event log with a new attribute key on every event) reaches one within seconds, and is refused
right there with a message that names the limit and the setting that raises it. Each limit is read
from the environment when it is checked, so a running app picks up a changed setting on restart
and tests can set one for a single call.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass

from journeylens.services.ingest.model import IngestError

log = logging.getLogger("journeylens")


@dataclass(frozen=True)
class Limit:
    name: str
    env: str
    default: float
    unit: str  # how the value reads in a message: "" (a count), "KB", "MB" or "×"
    doc: str

    def value(self) -> float:
        raw = os.environ.get(self.env, "").strip()
        if not raw:
            return self.default
        try:
            value = float(raw.replace("_", ""))
        except ValueError:
            value = -1.0
        if not value > 0:
            log.warning("%s=%r is not a positive number; using %s", self.env, raw, self.default)
            return self.default
        return value

    def bytes(self) -> int:
        """The limit in bytes, for the KB and MB limits (binary units, as the names say)."""
        scale = {"KB": 1024, "MB": 1024 * 1024}[self.unit]
        return int(self.value() * scale)

    def count(self) -> int:
        return int(self.value())

    def shown(self) -> str:
        value = self.value()
        text = f"{int(value):,}" if float(value).is_integer() else f"{value:g}"
        return f"{text} {self.unit}" if self.unit in ("KB", "MB") else f"{text}{self.unit}"


LIMITS: dict[str, Limit] = {
    limit.name: limit
    for limit in (
        Limit(
            "columns",
            "JOURNEYLENS_MAX_COLUMNS",
            2000,
            "",
            "columns in one file (an XES log: distinct attribute keys, one column each)",
        ),
        Limit(
            "header",
            "JOURNEYLENS_MAX_HEADER_KB",
            1024,
            "KB",
            "size of the header row(s) of a CSV/TSV file",
        ),
        Limit(
            "row",
            "JOURNEYLENS_MAX_ROW_MB",
            16,
            "MB",
            "size of one row (record) of a CSV/TSV file",
        ),
        Limit(
            "xlsx_size",
            "JOURNEYLENS_MAX_XLSX_MB",
            1024,
            "MB",
            "uncompressed size of an XLSX workbook (all its parts)",
        ),
        Limit(
            "xlsx_ratio",
            "JOURNEYLENS_MAX_XLSX_RATIO",
            100,
            "×",
            "compression ratio of one part of an XLSX workbook (parts above 1 MB)",
        ),
        Limit(
            "shared_strings",
            "JOURNEYLENS_MAX_SHARED_STRINGS",
            2_000_000,
            "",
            "entries in an XLSX workbook's shared-strings table",
        ),
        Limit(
            "staging",
            "JOURNEYLENS_MAX_STAGING_MB",
            4096,
            "MB",
            "size of the CSV an XLSX or XES file is converted to before loading",
        ),
    )
}

# Parts of a workbook smaller than this may compress as well as they like (an empty styles part).
RATIO_FLOOR_BYTES = 1024 * 1024


def limit(name: str) -> Limit:
    return LIMITS[name]


def exceeded(name: str, filename: str, code: str | None = None, **params: object) -> IngestError:
    """The refusal for one limit: ingest.limit_<name> (or `code`), with the limit and its setting
    filled in."""
    lim = LIMITS[name]
    return IngestError(
        code or f"limit_{name}", filename, limit=lim.shown(), setting=lim.env, **params
    )


def mb(n: int) -> str:
    return f"{n / (1024 * 1024):,.1f} MB"
