"""Readers: file format, delimiter, survey platform, header rows, and the head's records.

Only a head sample of the file is parsed in Python (csv module); the data itself is read later by
DuckDB's CSV reader from a UTF-8 file (journeylens/services/ingest/encoding.py gives it one), so memory
stays bounded whatever the file size. Date formats: journeylens/services/ingest/dates.py.
"""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from journeylens.services.ingest import limits
from journeylens.services.ingest.encoding import HEAD, Text
from journeylens.services.ingest.model import IngestError, Issue

SAMPLE_ROWS = 200
DELIMITERS = (",", ";", "\t", "|")
UNSUPPORTED_EXT = {
    ".xml": "XML",
    ".dfg": "pm4py directly-follows graph",
    ".json": "JSON",
    ".pdf": "PDF",
    ".xls": "Excel 97-2003 (.xls)",
    ".zip": "ZIP archive",
    ".docx": "Word document",
}


def sniff_format(head: bytes, filename: str) -> str:
    ext = Path(filename).suffix.lower()
    if ext in UNSUPPORTED_EXT:
        raise IngestError("unsupported_format", filename, what=UNSUPPORTED_EXT[ext])
    if head.startswith(b"PAR1"):
        return "parquet"
    if ext == ".xes" or (
        head.lstrip(b"\xef\xbb\xbf \r\n\t").startswith(b"<?xml") and b"<log" in head
    ):
        return "xes"
    if head.startswith(b"PK\x03\x04"):
        if ext in (".xlsx", ".xlsm", "") or b"xl/" in head[:4096] or b"[Content_Types]" in head:
            return "xlsx"
        raise IngestError("unsupported_format", filename, what="ZIP archive")
    if head.startswith(b"\xd0\xcf\x11\xe0"):
        raise IngestError("unsupported_format", filename, what="Excel 97-2003 (.xls)")
    if ext == ".parquet":
        raise IngestError("read_failed", filename, detail="not a Parquet file")
    return "csv"


# Survey comments can be long; Python's csv module stops at 128 KB per field by default.
csv.field_size_limit(2**31 - 1)


@dataclass
class Records:
    """The records of a head sample, with the lines each spans (1-based, blank lines skipped the
    way DuckDB's reader skips them, so `row` numbers match the loader's)."""

    rows: list[list[str]]
    first_line: list[int]
    last_line: list[int]
    cut: list[str] | None = None  # the last record, when the head stops before the file does
    cut_first_line: int = 0
    cut_last_line: int = 0


def parse_records(head: str, delimiter: str, complete: bool) -> Records:
    """Parse the head sample into records; unless it is the whole file, the last record may be
    cut short, so it is kept apart (`cut`)."""
    out = Records([], [], [])
    reader = csv.reader(io.StringIO(head, newline=""), delimiter=delimiter)
    previous = 0
    for record in reader:
        if record:  # a blank line is no record, for DuckDB either
            out.rows.append(record)
            out.first_line.append(previous + 1)
            out.last_line.append(reader.line_num)
        previous = reader.line_num
    if not complete and out.rows:
        out.cut = out.rows.pop()
        out.cut_first_line = out.first_line.pop()
        out.cut_last_line = out.last_line.pop()
    return out


def parse_head(head: str, delimiter: str, complete: bool) -> list[list[str]]:
    """Parse the head sample into records (dropping a possibly cut last record)."""
    rows = list(csv.reader(io.StringIO(head, newline=""), delimiter=delimiter))
    if not complete and len(rows) > 1:
        rows = rows[:-1]
    return rows


def _nth_line_end(text: str, n: int) -> int:
    pos = -1
    for _ in range(n):
        pos = text.find("\n", pos + 1)
        if pos < 0:
            return len(text)
    return pos + 1


def detect_delimiter(head: str, complete: bool) -> str:
    # 64 KB of the head, or more when a wide header needs it: the first three lines at least.
    window = max(65536, _nth_line_end(head, 3))
    sample, whole = head[:window], complete and window >= len(head)
    best, best_score = ",", -1.0
    for delim in DELIMITERS:
        try:
            rows = parse_head(sample, delim, whole)[:60]
        except csv.Error:
            continue
        rows = [r for r in rows if any(c.strip() for c in r)]
        if not rows:
            continue
        counts = Counter(len(r) for r in rows)
        width, freq = counts.most_common(1)[0]
        if width < 2:
            continue
        score = freq / len(rows) + min(width, 50) / 1000
        if score > best_score + 1e-9:
            best, best_score = delim, score
    return best


# Records a head needs: a platform's three header rows and one data row.
MIN_RECORDS = 4
# A value running over this many lines is most likely an unclosed quote swallowing the rows below.
QUOTE_SPAN_LINES = 30


def read_head(path: str, nbytes: int) -> tuple[str, bool]:
    """The first nbytes of the UTF-8 staged file as text, and whether that is the whole file."""
    with open(path, "rb") as fh:
        raw = fh.read(nbytes + 1)
    complete = len(raw) <= nbytes
    text = codecs.getincrementaldecoder("utf-8")("replace").decode(raw[:nbytes], final=complete)
    return text.lstrip("\ufeff"), complete


def _blank(record: list[str]) -> bool:
    return not any(c.strip() for c in record)


def sniff_records(text: Text, filename: str) -> tuple[str, Records, str, bool]:
    """The delimiter and the head records: enough for the header and the first data rows.

    The first megabyte usually holds both. A very wide header or a huge first value needs more,
    so the head grows (×4 each time) up to the header limit plus the row limit, and no further:
    a header or first row larger than that is refused with the limit's message.
    """
    header_max = limits.limit("header").bytes()
    budget = header_max + limits.limit("row").bytes()
    head, complete = text.head, text.complete
    size = max(HEAD, len(head))
    while True:
        delimiter = detect_delimiter(head, complete)
        records = parse_records(head, delimiter, complete)
        filled = sum(1 for r in records.rows if not _blank(r))
        if complete or filled >= MIN_RECORDS or size >= budget:
            break
        if not records.rows and size >= header_max:
            break  # the header alone is over its limit
        size = min(budget, size * 4)
        head, complete = read_head(text.path, size)
    if not records.rows and records.cut is not None:
        widest = max(len(parse_records(head, d, False).cut or ()) for d in DELIMITERS)
        if widest > limits.limit("columns").count():
            raise limits.exceeded(
                "columns", filename, code="limit_columns_at_least", found=f"{widest:,}"
            )
        raise limits.exceeded("header", filename)
    if not complete and filled < 2 and records.rows:
        raise limits.exceeded("row", filename, line=f"{records.last_line[-1] + 1:,}")
    return delimiter, records, head, complete


def check_header(records: Records, head: str, header_rows: int, width: int, filename: str) -> None:
    """The number of columns and the header's size, against their limits."""
    if width > limits.limit("columns").count():
        raise limits.exceeded("columns", filename, found=f"{width:,}")
    filled = [i for i, r in enumerate(records.rows) if not _blank(r)]
    if 0 < header_rows <= len(filled):
        end = _nth_line_end(head, records.last_line[filled[header_rows - 1]])
        if len(head[:end].encode("utf-8")) > limits.limit("header").bytes():
            raise limits.exceeded("header", filename)


def quote_warnings(records: Records, header_rows: int, filename: str) -> list[Issue]:
    """Values in the head that run over many lines: the sign of a quote never closed."""
    found: list[Issue] = []
    spans = list(zip(records.first_line, records.last_line, strict=True))
    if records.cut is not None:
        spans.append((records.cut_first_line, records.cut_last_line))
    for row, (first, last) in enumerate(spans, start=1):
        lines = last - first + 1
        if row > header_rows and lines >= QUOTE_SPAN_LINES:
            params = {"file": filename, "row": row, "line": first, "lines": f"{lines:,}"}
            found.append(Issue(row, "", None, "quote_span_head", params))
            break
    return found


NUMBER = re.compile(r"^[+-]?\d+([.,]\d+)?$")
_DECIMAL_COMMA = re.compile(r"^[+-]?\d{1,3}(\.\d{3})*,\d+$|^[+-]?\d+,\d+$")
_DATEISH = re.compile(r"^\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|^\d{1,2}(st|nd|rd|th)?\s+[A-Za-z]{3}")


def detect_decimal_comma(rows: list[list[str]], delimiter: str) -> bool:
    if delimiter == ",":
        return False
    cells = [c.strip() for r in rows for c in r if c.strip()]
    commas = sum(1 for c in cells if _DECIMAL_COMMA.match(c))
    points = sum(1 for c in cells if re.match(r"^[+-]?\d+\.\d+$", c))
    return commas > 0 and commas >= points


def looks_like_data(cell: str) -> bool:
    c = cell.strip()
    return not c or bool(NUMBER.match(c)) or bool(_DATEISH.match(c))


@dataclass
class Layout:
    platform: str
    header_rows: int
    names: list[str]
    labels: list[str]


_SM_FIXED = {"respondent id", "collector id", "start date", "end date", "ip address"}


def detect_layout(rows: list[list[str]], filename: str) -> Layout:
    if not rows or not any(c.strip() for c in rows[0]):
        raise IngestError("no_header", filename)
    r0 = [c.strip() for c in rows[0]]
    r1 = [c.strip() for c in rows[1]] if len(rows) > 1 else []
    r2 = [c.strip() for c in rows[2]] if len(rows) > 2 else []
    low0 = [c.lower() for c in r0]
    width = len(r0)

    def pad(r: list[str]) -> list[str]:
        return (r + [""] * width)[:width]

    if r2 and sum(c.startswith("{") and "importid" in c.lower() for c in r2) >= max(
        1, len([c for c in r2 if c]) // 2
    ):
        insights = any(c.startswith("{'") for c in r2)
        return Layout("qualtrics_insights" if insights else "qualtrics", 3, r0, pad(r1))
    if r0[:3] == ["V1", "V2", "V3"] and r1[:1] == ["ResponseID"]:
        names = [pad(r1)[i] if re.fullmatch(r"V\d+", c) else c for i, c in enumerate(r0)]
        return Layout("qualtrics_legacy", 2, names, pad(r1))
    if "respondent id" in low0 and "collector id" in low0 and r1:
        carried, names, labels = "", [], []
        for i, c in enumerate(r0):
            sub = pad(r1)[i]
            if c:
                carried = c
            if c and c.lower() in _SM_FIXED:
                names.append(c)
            elif sub in ("", "Response", "Open-Ended Response"):
                names.append(carried)
            elif c:
                names.append(f"{carried} - {sub}")
            else:
                names.append(f"{carried} - {sub}")
            labels.append(carried)
        return Layout("surveymonkey", 2, names, labels)
    if low0[:1] == ["timestamp"] or low0[:1] in (["dấu thời gian"], ["marcaj de timp"]):
        return Layout("google_forms", 1, r0, [""] * width)
    if low0[:2] == ["response id", "date submitted"] or low0[:2] == ["id", "submitdate"]:
        return Layout("limesurvey", 1, r0, [""] * width)
    if low0[:1] in (["#"], ["network id"]) and (
        "submit date (utc)" in low0 or "start date (utc)" in low0
    ):
        return Layout("typeform", 1, r0, [""] * width)
    if all(looks_like_data(c) for c in r0):
        raise IngestError("no_header", filename)
    return Layout("generic", 1, r0, [""] * width)


def display_names(names: list[str]) -> list[str]:
    """Header names made unique (case-insensitively): the second "NPS" becomes "NPS (2)".

    Linear: each base name remembers the next number to try, so 32,000 copies of one name cost
    32,000 steps, not 32,000² / 2.
    """
    out: list[str] = []
    seen: set[str] = set()
    next_k: dict[str, int] = {}
    for i, raw in enumerate(names):
        name = " ".join(raw.split()) or f"Column {i + 1}"
        base = name
        if name.lower() in seen:
            k = next_k.get(base.lower(), 2)
            while f"{base} ({k})".lower() in seen:
                k += 1
            name = f"{base} ({k})"
            next_k[base.lower()] = k + 1
        seen.add(name.lower())
        out.append(name)
    return out


def header_key(names: list[str]) -> str:
    norm = "\x1f".join(" ".join(n.split()).lower() for n in names)
    return hashlib.sha256(norm.encode("utf-8")).hexdigest()


def tempdir() -> str:
    """Staged copies live where the locked-down DuckDB connection may read them."""
    from journeylens.services.ingest import staging

    return staging.tempdir()
