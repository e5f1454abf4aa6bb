"""XLSX: the first worksheet, streamed into a UTF-8 CSV the CSV path then reads.

An .xlsx file is a zip of XML parts, so a few megabytes can unpack to gigabytes (a zip bomb) or
hold millions of shared strings that openpyxl keeps in memory. Before any XML is parsed, the zip's
directory is checked: the declared sizes against the size limit, each large part's compression
ratio against the ratio limit, the content types for a workbook. The declared size is also a hard
budget while reading: Python's zip reader stops at it (and a part that claims less than it holds
fails its CRC check). The shared-strings table is counted before openpyxl loads it, every row
against the column limit while streaming, and the CSV written against the staging limit.

Everything openpyxl may raise on a damaged part (an index past the shared strings, a number that
is text, an invalid date, bad XML) becomes a message naming the file, the sheet and the row.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import warnings
import zipfile
from pathlib import Path
from typing import IO, Any
from xml.etree import ElementTree
from xml.parsers import expat

from journeylens.services.ingest import limits
from journeylens.services.ingest.model import IngestError

WORKBOOK_TYPES = {
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.template.main+xml",
    "application/vnd.ms-excel.template.macroEnabled.main+xml",
}
SHARED_STRINGS_TYPE = (
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"
)
MAIN_SUFFIX = ".main+xml"
CONTENT_TYPES = "[Content_Types].xml"
# The content-types part is a short list; anything near this size is not a workbook's.
CONTENT_TYPES_MAX = 1024 * 1024
# More parts than this is no workbook JourneyLens reads (checked before the directory is parsed).
MAX_PARTS = 20_000
_SI = re.compile(rb"<(?:[A-Za-z_][\w.\-]{0,40}:)?si[\s>/]")
_CHECK_EVERY = 2000  # rows between two checks of the CSV's size


def _open(source: bytes | Path) -> IO[bytes]:
    return io.BytesIO(source) if isinstance(source, bytes | bytearray) else open(source, "rb")  # noqa: SIM115


def _entries(fh: IO[bytes]) -> int | None:
    """The number of parts the zip's end record declares, read before the directory is."""
    try:
        end = zipfile._EndRecData(fh)  # type: ignore[attr-defined]
    except (OSError, AttributeError):
        return None
    return None if not end else int(end[zipfile._ECD_ENTRIES_TOTAL])  # type: ignore[attr-defined]


def check_container(source: bytes | Path, filename: str) -> None:
    """Refuse what is not a workbook, or unpacks past the limits, from the zip directory alone."""
    with _open(source) as fh:
        entries = _entries(fh)
        if entries is None:
            raise IngestError("xlsx_truncated", filename)
        if entries > MAX_PARTS:
            raise IngestError("xlsx_missing_part", filename, part="xl/workbook.xml")
        fh.seek(0)
        try:
            zf = zipfile.ZipFile(fh)
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise IngestError("xlsx_truncated", filename) from exc
        with zf:
            infos = zf.infolist()
            total = sum(i.file_size for i in infos)
            if total > limits.limit("xlsx_size").bytes():
                raise limits.exceeded("xlsx_size", filename, size=limits.mb(total))
            max_ratio = limits.limit("xlsx_ratio").value()
            for info in infos:
                ratio = info.file_size / max(info.compress_size, 1)
                if info.file_size > limits.RATIO_FLOOR_BYTES and ratio > max_ratio:
                    raise limits.exceeded(
                        "xlsx_ratio", filename, part=info.filename, ratio=f"{ratio:,.0f}"
                    )
            shared = _check_types(zf, filename)
            if shared is not None:
                _count_shared_strings(zf, shared, filename)


def _check_types(zf: zipfile.ZipFile, filename: str) -> str | None:
    """The workbook's content types; returns the shared-strings part name, if any."""
    try:
        info = zf.getinfo(CONTENT_TYPES)
    except KeyError:
        raise IngestError("xlsx_missing_part", filename, part=CONTENT_TYPES) from None
    if info.file_size > CONTENT_TYPES_MAX:
        raise IngestError("xlsx_missing_part", filename, part="xl/workbook.xml")
    try:
        with zf.open(info) as fh:
            root = ElementTree.fromstring(fh.read(CONTENT_TYPES_MAX))
    except ElementTree.ParseError as exc:
        raise IngestError("xlsx_bad_xml", filename, part=CONTENT_TYPES, detail=str(exc)) from exc
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise IngestError("xlsx_truncated", filename) from exc
    types = {
        (el.get("PartName") or "").lstrip("/"): el.get("ContentType") or ""
        for el in root
        if el.tag.rsplit("}", 1)[-1] == "Override"
    }
    mains = [t for t in types.values() if t.endswith(MAIN_SUFFIX)]
    if not any(t in WORKBOOK_TYPES for t in types.values()):
        if mains:
            raise IngestError("xlsx_wrong_type", filename, content_type=mains[0])
        raise IngestError("xlsx_missing_part", filename, part="xl/workbook.xml")
    return next((p for p, t in types.items() if t == SHARED_STRINGS_TYPE), None)


def _count_shared_strings(zf: zipfile.ZipFile, part: str, filename: str) -> None:
    """Count the <si> entries by scanning the bytes (no XML tree), stopping at the limit."""
    max_strings = limits.limit("shared_strings").count()
    count, tail = 0, b""
    try:
        with zf.open(part) as fh:
            while chunk := fh.read(1 << 20):
                buf = tail + chunk
                count += sum(1 for m in _SI.finditer(buf) if m.end() > len(tail))
                if count > max_strings:
                    raise limits.exceeded("shared_strings", filename)
                tail = buf[-64:]
    except KeyError:
        raise IngestError("xlsx_missing_part", filename, part=part) from None
    except (zipfile.BadZipFile, OSError, EOFError, RuntimeError, NotImplementedError) as exc:
        raise IngestError("xlsx_truncated", filename) from exc


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float) and v.is_integer():
        return str(int(v))
    if isinstance(v, dt.datetime):
        return v.isoformat(sep=" ")
    if isinstance(v, dt.date):
        return v.isoformat()
    return str(v)


def _load(source: bytes | Path, filename: str) -> Any:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no default style" and the like
            # A file object, not a path: openpyxl would refuse a path by its extension, and the
            # content has been checked already. The workbook keeps it open until closed.
            return openpyxl.load_workbook(_open(source), read_only=True, data_only=True)
    except ElementTree.ParseError as exc:
        part, detail = _first_bad_part(source) or ("xl/workbook.xml", str(exc))
        raise IngestError("xlsx_bad_xml", filename, part=part, detail=detail[:200]) from exc
    except KeyError as exc:  # a part the manifest lists is missing from the zip
        part = re.findall(r"'([^']+)'", str(exc))
        raise IngestError("xlsx_missing_part", filename, part=(part or ["?"])[0]) from exc
    except InvalidFileException as exc:
        raise IngestError("xlsx_wrong_type", filename, content_type=str(exc)[:120]) from exc
    except zipfile.BadZipFile as exc:
        raise IngestError("xlsx_truncated", filename) from exc
    except IngestError:
        raise
    except Exception as exc:  # noqa: BLE001 - any other damage is a damaged workbook
        raise IngestError(
            "xlsx_bad_xml", filename, part="xl/workbook.xml", detail=_detail(exc)
        ) from exc


def _first_bad_part(source: bytes | Path) -> tuple[str, str] | None:
    """Which XML part is not well-formed (only asked after openpyxl failed; the sizes were
    checked, so this streams a bounded amount)."""
    with _open(source) as fh, zipfile.ZipFile(fh) as zf:
        for info in zf.infolist():
            if not info.filename.endswith((".xml", ".rels")):
                continue
            parser = expat.ParserCreate()
            try:
                with zf.open(info) as part:
                    while chunk := part.read(1 << 20):
                        parser.Parse(chunk, False)
                    parser.Parse(b"", True)
            except expat.ExpatError as exc:
                return info.filename, str(exc)
            except (zipfile.BadZipFile, OSError, EOFError):
                continue
    return None


def _detail(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()[0][:200] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def to_csv(source: bytes | Path, filename: str, tmp: str) -> str:
    """The first worksheet as a UTF-8 CSV in tmp (bounded: see the module docstring)."""
    check_container(source, filename)
    wb = _load(source, filename)
    out = str(Path(tmp) / "sheet.csv")
    try:
        if not wb.worksheets:
            raise IngestError("no_rows", filename)
        ws = wb.worksheets[0]
        _write(ws, filename, out)
    finally:
        wb.close()
    return out


def _write(ws: Any, filename: str, out: str) -> None:
    max_columns = limits.limit("columns").count()
    max_bytes = limits.limit("staging").bytes()
    sheet = str(ws.title)
    part = str(getattr(ws, "_worksheet_path", "xl/worksheets/sheet1.xml"))
    ragged = (ws.max_column or 0) > max_columns
    if ragged:
        # A dimension this wide would pad every row to it; read the cells that are there instead.
        ws.reset_dimensions()
    row_no = 0
    pending_blank = 0
    with open(out, "w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        rows = ws.iter_rows(values_only=True)
        while True:
            try:
                row = next(rows)
            except StopIteration:
                break
            except IndexError as exc:  # a shared-string index past the table's end
                raise IngestError(
                    "xlsx_missing_string", filename, sheet=sheet, row=row_no + 1
                ) from exc
            except ElementTree.ParseError as exc:
                raise IngestError("xlsx_bad_xml", filename, part=part, detail=str(exc)) from exc
            except (zipfile.BadZipFile, EOFError, OSError) as exc:
                raise IngestError("xlsx_truncated", filename) from exc
            except IngestError:
                raise
            except Exception as exc:  # noqa: BLE001 - "could not convert string to float" etc.
                raise IngestError(
                    "xlsx_bad_cell", filename, sheet=sheet, row=row_no + 1, detail=_detail(exc)
                ) from exc
            row_no += 1
            values = [_cell(v) for v in row]
            if ragged:
                while values and values[-1] == "":
                    values.pop()
            if len(values) > max_columns:
                raise limits.exceeded("columns", filename, found=f"{len(values):,}")
            if not any(values):
                # Written only when a row with data follows (no padding after the last one), as
                # "," : an empty row that still counts, so row numbers stay the sheet's.
                pending_blank += 1
                continue
            for _ in range(pending_blank):
                fh.write(",\n")
            pending_blank = 0
            writer.writerow(values)
            if row_no % _CHECK_EVERY == 0 and fh.tell() > max_bytes:
                raise limits.exceeded("staging", filename)
        if fh.tell() > max_bytes:
            raise limits.exceeded("staging", filename)
