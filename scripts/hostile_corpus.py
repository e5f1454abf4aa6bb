"""Generate the hostile-file corpus: each file built to make the importer work without bound, fail
with a traceback or lose rows silently (issue 20), and what the importer must answer.

    python scripts/hostile_corpus.py OUTDIR     # writes the files and OUTDIR/manifest.json

Nothing here is committed as a file: zip bombs are built in a second from repeated deflate blocks
(a block compressed once after a full flush is byte-identical every time, so 1.1 GB of sheet XML
costs 1,050 copies of a 3.6 KB block and one CRC pass). tests/reliability/test_corpus.py runs every
case through prepare → validate → load and checks the answer, the time it took and that the data
stored earlier is intact.

Each case expects either a message (an IngestError code; for a limit, the setting named in it) or a
load (with the rows it must load, and optionally a warning said before Load).
"""

from __future__ import annotations

import argparse
import inspect
import json
import struct
import zlib
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path


@dataclass
class Case:
    name: str
    filename: str  # the name the upload carries (may hold odd characters)
    path: str = ""  # where the bytes are, once built
    code: str = ""  # the IngestError code expected ("" = it loads)
    setting: str = ""  # the environment variable the message must name
    fragment: str = ""  # text the message must contain besides the file name
    rows: int | None = None  # rows the load must store
    warning: str = ""  # an Issue code said before Load
    note: str = ""
    env: dict[str, str] = field(default_factory=dict)  # settings for this case only

    @property
    def loads(self) -> bool:
        return not self.code


# --- a hand-made zip writer (raw deflate blocks, declared sizes of our choosing) ----------------


@dataclass
class Part:
    name: str
    raw: bytes  # deflated bytes (raw stream)
    crc: int
    size: int  # uncompressed size
    declared: int | None = None  # the size the directory claims, if it lies


def deflated(data: bytes) -> Part:
    c = zlib.compressobj(6, zlib.DEFLATED, -15)
    return Part("", c.compress(data) + c.flush(), zlib.crc32(data), len(data))


def repeated(prefix: bytes, block: bytes, copies: int, suffix: bytes) -> Part:
    """prefix + block * copies + suffix, deflated without compressing the block more than once."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    head = c.compress(prefix) + c.flush(zlib.Z_FULL_FLUSH)
    one = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    again = c.compress(block) + c.flush(zlib.Z_FULL_FLUSH)
    assert one == again, "a full flush must make each block's output identical"
    tail = c.compress(suffix) + c.flush()
    crc = zlib.crc32(prefix)
    for _ in range(copies):
        crc = zlib.crc32(block, crc)
    crc = zlib.crc32(suffix, crc)
    size = len(prefix) + len(block) * copies + len(suffix)
    return Part("", head + one * copies + tail, crc, size)


def write_zip(path: Path, parts: list[Part]) -> Path:
    """A plain zip (no zip64: every size here stays under 4 GiB)."""
    with open(path, "wb") as out:
        central = b""
        for p in parts:
            name = p.name.encode()
            declared = p.size if p.declared is None else p.declared
            offset = out.tell()
            out.write(
                struct.pack(
                    "<IHHHHHIIIHH",
                    0x04034B50,
                    20,
                    0,
                    8,
                    0,
                    0x21,
                    p.crc,
                    len(p.raw),
                    declared,
                    len(name),
                    0,
                )  # fmt: skip
                + name
            )
            out.write(p.raw)
            central += (
                struct.pack(
                    "<IHHHHHHIIIHHHHHII",
                    0x02014B50,
                    20,
                    20,
                    0,
                    8,
                    0,
                    0x21,
                    p.crc,
                    len(p.raw),
                    declared,
                    len(name),
                    0,
                    0,
                    0,
                    0,
                    0,
                    offset,
                )  # fmt: skip
                + name
            )
        start = out.tell()
        out.write(central)
        out.write(
            struct.pack(
                "<IHHHHIIH", 0x06054B50, 0, 0, len(parts), len(parts), len(central), start, 0
            )  # fmt: skip
        )
    return path


CONTENT_TYPES = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    b'<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    b'<Default Extension="xml" ContentType="application/xml"/>'
    b'<Override PartName="/xl/workbook.xml" ContentType="{main}"/>'
    b'<Override PartName="/xl/worksheets/sheet1.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    b'<Override PartName="/xl/sharedStrings.xml" '
    b'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    b"</Types>"
)
WORKBOOK_MAIN = b"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
    b'Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '
    b'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
    b'<sheets><sheet name="Answers" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    b'<Relationship Id="rId1" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
    b'Target="worksheets/sheet1.xml"/>'
    b'<Relationship Id="rId2" '
    b'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
    b'Target="sharedStrings.xml"/></Relationships>'
)
SHEET_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)
SST_HEAD = (
    b'<?xml version="1.0" encoding="UTF-8"?>'
    b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
)


def _inline(ref: str, text: str) -> str:
    return f'<c r="{ref}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet_xml(rows: list[str], dimension: str = "") -> bytes:
    """rows: the <c> elements of each row, already written."""
    dim = f'<dimension ref="{dimension}"/>' if dimension else ""
    body = "".join(f'<row r="{i}">{cells}</row>' for i, cells in enumerate(rows, start=1))
    return SHEET_HEAD + f"{dim}<sheetData>{body}</sheetData></worksheet>".encode()


GOOD_ROWS = [
    _inline("A1", "Response ID") + _inline("B1", "NPS") + _inline("C1", "Comment"),
    _inline("A2", "x1") + '<c r="B2"><v>9</v></c>' + _inline("C2", "fine"),
    _inline("A3", "x2") + '<c r="B3"><v>3</v></c>' + _inline("C3", "slow"),
]


def workbook(
    path: Path,
    sheet: Part,
    shared: Part | None = None,
    main: bytes = WORKBOOK_MAIN,
    extra: list[Part] | None = None,
) -> Path:
    parts = []
    for name, data in (
        ("[Content_Types].xml", CONTENT_TYPES.replace(b"{main}", main)),
        ("_rels/.rels", RELS),
        ("xl/workbook.xml", WORKBOOK),
        ("xl/_rels/workbook.xml.rels", WORKBOOK_RELS),
    ):
        p = deflated(data)
        p.name = name
        parts.append(p)
    sheet.name = "xl/worksheets/sheet1.xml"
    parts.append(sheet)
    shared = shared or deflated(SST_HEAD + b"</sst>")
    shared.name = "xl/sharedStrings.xml"
    parts.append(shared)
    return write_zip(path, parts + (extra or []))


# --- the cases ----------------------------------------------------------------------------------

Builder = Callable[[Path], None]


def _csv_rows(header: list[str], rows: list[list[str]], delim: str = ",") -> bytes:
    lines = [delim.join(header)] + [delim.join(r) for r in rows]
    return ("\n".join(lines) + "\n").encode()


def _big() -> str:
    return "z" * (17 * 1024 * 1024)


def _many_keys() -> bytes:
    traces = "".join(
        f'<trace><string key="concept:name" value="c{i}"/><event>'
        f'<string key="concept:name" value="Web"/><date key="time:timestamp" '
        f'value="2024-01-01T10:00:00"/><string key="k{i}" value="v"/></event></trace>'
        for i in range(100_000)
    )
    return f'<?xml version="1.0"?><log xes.version="1.0">{traces}</log>'.encode()


def _unclosed_quote() -> bytes:
    lines = "".join(f"r{i},{i % 11},fine\n" for i in range(100_000))
    return f'Response ID,NPS,Comment\nr0,9,"it started here\n{lines}'.encode()


def specs() -> list[tuple[Case, Builder]]:
    """Every case and how to write its file (nothing is built until a builder runs)."""
    cases: list[tuple[Case, Builder]] = []

    def add(case: Case, data: Callable[..., object]) -> None:
        """data: a function of the target path that writes it, or of nothing that returns bytes."""
        if inspect.signature(data).parameters:
            cases.append((case, data))
        else:
            cases.append((case, lambda p, make=data: p.write_bytes(make())))

    # 1. work without a bound
    add(
        Case("header-100k-columns", "wide.csv", code="limit_columns", fragment="100,000",
             setting="JOURNEYLENS_MAX_COLUMNS", note="1.3 MB header, 3 rows"),
        lambda: _csv_rows([f"q{i}" for i in range(100_000)], [[str(i % 7)] * 100_000 for i in range(3)]),
    )  # fmt: skip
    add(
        Case("header-100k-long-names", "wider.csv", code="limit_columns_at_least",
             setting="JOURNEYLENS_MAX_COLUMNS", note="a 2 MB header: refused from its first MB"),
        lambda: _csv_rows([f"question_{i:06d}" for i in range(100_000)], [["1"] * 100_000]),
    )  # fmt: skip
    add(
        Case("header-32k-identical", "same.csv", code="limit_columns",
             setting="JOURNEYLENS_MAX_COLUMNS", fragment="32,000"),
        lambda: _csv_rows(["x"] * 32_000, [["1"] * 32_000]),
    )  # fmt: skip
    add(
        Case("columns-20k", "twenty.csv", code="limit_columns", setting="JOURNEYLENS_MAX_COLUMNS",
             fragment="20,000", note="ended in a DuckDB out-of-memory error"),
        lambda: _csv_rows([f"Q{i}" for i in range(20_000)], [["5"] * 20_000 for _ in range(3)]),
    )  # fmt: skip
    wide_names = [
        f"Question {i}: how satisfied were you with part {i} of the visit" for i in range(1500)
    ]
    add(
        Case("header-1500-columns-semicolon", "wide-ok.csv", rows=3,
             note="a 95 KB header, ';' separated: the delimiter is found past the first 64 KB"),
        lambda: _csv_rows(["NPS", *wide_names], [[str(i), *["4"] * 1500] for i in range(3)], ";"),
    )  # fmt: skip
    add(
        Case("header-2mb", "longnames.csv", code="limit_header",
             setting="JOURNEYLENS_MAX_HEADER_KB"),
        lambda: _csv_rows(["NPS"] + ["n" * 20_000 + str(i) for i in range(100)], [["9"] + ["1"] * 100]),
    )  # fmt: skip
    add(
        Case("first-field-17mb", "huge.csv", code="limit_row", setting="JOURNEYLENS_MAX_ROW_MB",
             fragment="line 2", note="said 'has a header but no data rows'"),
        lambda: _csv_rows(["Comment", "NPS"], [[_big(), "9"], ["ok", "7"]]),
    )  # fmt: skip
    add(
        Case("first-field-3mb", "long-comment.csv", rows=2,
             note="the first data row lies beyond the first megabyte: it must still be found"),
        lambda: _csv_rows(["Comment", "NPS"], [["y" * (3 * 1024 * 1024), "9"], ["ok", "7"]]),
    )  # fmt: skip
    add(
        Case("row-31-17mb", "late.csv", code="limit_row", setting="JOURNEYLENS_MAX_ROW_MB",
             fragment="line 31", note="DuckDB's 'CSV Error on Line: 31' in words"),
        lambda: _csv_rows(["Comment", "NPS"], [["fine", "8"]] * 29 + [[_big(), "9"]]),
    )  # fmt: skip
    row = b'<row><c t="inlineStr"><is><t>aaaaaaaaaaaaaaaaaaaaaaaa</t></is></c></row>'
    block = row * ((1 << 20) // len(row))
    add(
        Case("xlsx-sheet-1.1gb", "bomb.xlsx", code="limit_xlsx_size",
             setting="JOURNEYLENS_MAX_XLSX_MB", note="3.7 MB unpacking to 1.1 GB"),
        lambda p: workbook(p, repeated(SHEET_HEAD + b"<sheetData>", block, 1050,
                                       b"</sheetData></worksheet>")),
    )  # fmt: skip
    add(
        Case("xlsx-sheet-300mb", "bomb2.xlsx", code="limit_xlsx_ratio",
             setting="JOURNEYLENS_MAX_XLSX_RATIO",
             note="under the size limit, but packed 290:1: the ratio limit answers"),
        lambda p: workbook(p, repeated(SHEET_HEAD + b"<sheetData>", block, 300,
                                       b"</sheetData></worksheet>")),
    )  # fmt: skip
    si = b"<si><t>a</t></si>" * 4096
    add(
        Case("xlsx-12m-shared-strings", "strings.xlsx", code="limit_shared_strings",
             setting="JOURNEYLENS_MAX_SHARED_STRINGS", env={"JOURNEYLENS_MAX_XLSX_RATIO": "100000"},
             note="12 million entries; the ratio limit is raised so the count limit answers"),
        lambda p: workbook(p, deflated(sheet_xml(GOOD_ROWS)),
                           repeated(SST_HEAD, si, 2930, b"</sst>")),
    )  # fmt: skip
    add(
        Case("xlsx-dimension-xfd1048576", "dimension.xlsx", rows=2,
             note="a lying dimension must not pad 2 rows to 16,384 columns × 1M rows"),
        lambda p: workbook(p, deflated(sheet_xml(GOOD_ROWS, "A1:XFD1048576"))),
    )  # fmt: skip
    add(
        Case("xes-100k-keys", "keys.xes", code="limit_xes_keys", setting="JOURNEYLENS_MAX_COLUMNS",
             note="wrote a 638 MB staging file in 60 s"),
        _many_keys,
    )  # fmt: skip
    # 2. tracebacks instead of messages: every malformed container gets a message
    add(
        Case("xlsx-shared-string-past-end", "index.xlsx", code="xlsx_missing_string",
             fragment="row 2", note="IndexError: list index out of range"),
        lambda p: workbook(p, deflated(sheet_xml([GOOD_ROWS[0], '<c r="A2" t="s"><v>5</v></c>']))),
    )  # fmt: skip
    add(
        Case("xlsx-number-nine", "nine.xlsx", code="xlsx_bad_cell", fragment="row 2",
             note="could not convert string to float: 'nine'"),
        lambda p: workbook(p, deflated(sheet_xml([GOOD_ROWS[0], '<c r="B2"><v>nine</v></c>']))),
    )  # fmt: skip
    add(
        Case("xlsx-date-not-a-date", "date.xlsx", code="xlsx_bad_cell", fragment="row 3",
             note="Invalid datetime value not-a-date"),
        lambda p: workbook(p, deflated(sheet_xml(
            [GOOD_ROWS[0], GOOD_ROWS[1], '<c r="B3" t="d"><v>not-a-date</v></c>']))),
    )  # fmt: skip
    add(
        Case("xlsx-bad-xml", "broken.xlsx", code="xlsx_bad_xml", fragment="sheet1.xml"),
        lambda p: workbook(p, deflated(SHEET_HEAD + b"<sheetData><row><c r='A1'><v>1</c>")),
    )  # fmt: skip

    def truncated(p: Path) -> None:
        workbook(p, deflated(sheet_xml(GOOD_ROWS)))
        data = p.read_bytes()
        p.write_bytes(data[: len(data) // 2])

    add(Case("xlsx-truncated", "cut.xlsx", code="xlsx_truncated"), truncated)
    add(
        Case("xlsx-is-a-word-document", "letter.xlsx", code="xlsx_wrong_type",
             fragment="wordprocessingml"),
        lambda p: workbook(p, deflated(sheet_xml(GOOD_ROWS)), main=(
            b"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")),
    )  # fmt: skip

    def lying(p: Path) -> None:
        sheet = deflated(sheet_xml(GOOD_ROWS * 200))
        sheet.declared = 300  # the directory claims 300 bytes; the data holds far more
        workbook(p, sheet)

    add(Case("xlsx-declared-size-lies", "liar.xlsx", code="xlsx_truncated"), lying)
    add(
        Case("xes-not-xml", "log.xes", code="read_failed", fragment="line 1"),
        lambda: b"<?xml version='1.0'?><log><trace><event></trace>",
    )
    add(
        Case("nul-in-file-name", "a\x00b.csv", rows=2, note="a traceback on the Data page"),
        lambda: b"Response ID,NPS\nr1,9\nr2,3\n",
    )
    # 2b. silent loss
    add(
        Case("unclosed-quote-first-row", "quote.csv", rows=1, warning="quote_span",
             note="said '1 rows loaded, 0 set aside' and nothing else"),
        _unclosed_quote,
    )  # fmt: skip
    return cases


def build(out: Path, names: list[str] | None = None) -> list[Case]:
    """Write the cases (all, or those named) into out; returns them with their expectations."""
    out.mkdir(parents=True, exist_ok=True)
    built = []
    for i, (case, write) in enumerate(specs()):
        if names is not None and case.name not in names:
            continue
        target = out / f"{i:02d}-{case.name}.bin"
        write(target)
        case.path = str(target)
        built.append(case)
    return built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir", type=Path)
    args = parser.parse_args(argv)
    cases = build(args.outdir)
    (args.outdir / "manifest.json").write_text(
        json.dumps([asdict(c) for c in cases], indent=2, ensure_ascii=False), encoding="utf-8"
    )
    size = sum(Path(c.path).stat().st_size for c in cases)
    print(f"{len(cases)} cases, {size / 1e6:.1f} MB, in {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
