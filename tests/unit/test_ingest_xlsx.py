"""The XLSX reader: a damaged or mislabelled container is a message naming the file (and the sheet
and row where known); a workbook's rows keep their sheet row numbers."""

from __future__ import annotations

from pathlib import Path

import pytest

from journeylens.services import ingest
from tests.conftest import hostile_corpus

corpus = hostile_corpus()
ROWS = corpus.GOOD_ROWS


def _book(path: Path, sheet: bytes, **kw) -> Path:
    return corpus.workbook(path, corpus.deflated(sheet), **kw)


def _truncated(path: Path) -> Path:
    _book(path, corpus.sheet_xml(ROWS))
    path.write_bytes(path.read_bytes()[:-200])  # the zip directory is cut off
    return path


def _without_content_types(path: Path) -> Path:
    part = corpus.deflated(corpus.WORKBOOK)
    part.name = "xl/workbook.xml"
    return corpus.write_zip(path, [part])


WORD = b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
CONTAINERS = [
    ("truncated zip", _truncated,
     "cut.xlsx is cut short or damaged: an .xlsx file is a zip archive, and this one cannot be "
     "unpacked. Upload it again, or save it again in Excel."),
    ("wrong content type", lambda p: _book(p, corpus.sheet_xml(ROWS), main=WORD),
     "cut.xlsx is a zip archive but not an Excel workbook (its main part is "
     f"“{WORD.decode()}”). Upload the workbook itself, or export the sheet as CSV."),
    ("bad shared-string index",
     lambda p: _book(p, corpus.sheet_xml([ROWS[0], ROWS[1], '<c r="C3" t="s"><v>7</v></c>'])),
     "cut.xlsx, sheet “Answers”, row 3: a cell refers to a shared text entry the workbook does "
     "not contain. The workbook is damaged: open and save it again in Excel, or export the sheet "
     "as CSV."),
    ("bad XML", lambda p: _book(p, corpus.SHEET_HEAD + b"<sheetData><row><c r='A1'><v>1</c>"),
     "cut.xlsx: the part xl/worksheets/sheet1.xml of the workbook is not well-formed XML "
     "(mismatched tag: line 1, column 147). The workbook is damaged: open and save it again in "
     "Excel, or export the sheet as CSV."),
    ("text in a number cell",
     lambda p: _book(p, corpus.sheet_xml([ROWS[0], '<c r="B2"><v>nine</v></c>'])),
     "cut.xlsx, sheet “Answers”, row 2: a cell cannot be read (ValueError: could not convert "
     "string to float: 'nine'). The workbook is damaged: open and save it again in Excel, or "
     "export the sheet as CSV."),
    ("missing part", _without_content_types,
     "cut.xlsx is not a complete Excel workbook: the part [Content_Types].xml is missing. Save "
     "it again as .xlsx in Excel, or export the sheet as CSV."),
]  # fmt: skip


@pytest.mark.parametrize(("case", "build", "message"), CONTAINERS, ids=[c[0] for c in CONTAINERS])
def test_damaged_container_is_a_message(case, build, message, tmp_path):
    path = build(tmp_path / "cut.xlsx")
    for source in (path, path.read_bytes()):  # the CLI's path and the upload's bytes
        with pytest.raises(ingest.IngestError) as info:
            ingest.prepare(source, "cut.xlsx")
        assert str(info.value) == message


def test_sheet_row_numbers_survive_blank_rows_and_a_lying_dimension(store, tmp_path):
    """Row 4 is blank and the dimension claims 16,384 columns: the bad answer on sheet row 5 is
    reported as row 5, and only the real columns are read."""
    rows = [
        ROWS[0],
        ROWS[1],
        ROWS[2],
        "",
        corpus._inline("A5", "x3") + '<c r="B5"><v>12</v></c>',
        corpus._inline("A6", "x4") + '<c r="B6"><v>10</v></c>',
    ]
    path = _book(tmp_path / "gaps.xlsx", corpus.sheet_xml(rows, "A1:XFD1048576"))
    p = ingest.prepare(path, "gaps.xlsx", store=store)
    assert p.columns == ["Response ID", "NPS", "Comment"]
    report = ingest.validate(store, p, p.mapping, p.kind)
    assert (report.total_rows, report.rows_ok) == (4, 3)
    assert [(i.row, i.column, i.value, i.code) for i in report.issues] == [
        (5, "NPS", "12", "out_of_range")
    ]
    p.cleanup()
