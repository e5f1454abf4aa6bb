"""Just enough of a PDF reader to check what vl-convert's PDFs say (pypdf is not a dependency).

vl-convert renders through svg2pdf: one uncompressed object table, FlateDecode content streams,
Type0 fonts with Identity-H encoding (two bytes per glyph) and a ToUnicode CMap each, and text
drawn with Tj / TJ between BT and ET. `page_texts()` returns the text of each page in drawing
order, glyphs concatenated (a word wrapped over lines comes out joined).
"""

from __future__ import annotations

import re
import zlib

_OBJECT = re.compile(rb"(\d+) 0 obj(.*?)endobj", re.S)
_STREAM = re.compile(rb"stream\r?\n(.*?)\r?\nendstream", re.S)
_PAIR = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_RANGE = re.compile(rb"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>")
_LITERAL = rb"\(((?:\\.|[^\\)])*)\)"
_TEXT = re.compile(
    rb"/(\w+)\s+[\d.]+\s+Tf|" + _LITERAL + rb"\s*Tj|<([0-9A-Fa-f]*)>\s*Tj|\[(.*?)\]\s*TJ", re.S
)
_ESCAPES = {b"n": b"\n", b"r": b"\r", b"t": b"\t", b"b": b"\b", b"f": b"\f"}


def _stream(body: bytes) -> bytes:
    found = _STREAM.search(body)
    if found is None:
        raise ValueError("object has no stream")
    data = found.group(1)
    return zlib.decompress(data) if b"/FlateDecode" in body[: found.start()] else data


def _cmap(text: bytes) -> dict[int, str]:
    out: dict[int, str] = {}
    for block in re.findall(rb"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in _PAIR.findall(block):
            out[int(src, 16)] = bytes.fromhex(dst.decode()).decode("utf-16-be")
    for block in re.findall(rb"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in _RANGE.findall(block):
            first = bytes.fromhex(dst.decode()).decode("utf-16-be")
            for i, code in enumerate(range(int(lo, 16), int(hi, 16) + 1)):
                out[code] = chr(ord(first[-1]) + i)
    return out


def _unescape(raw: bytes) -> bytes:
    out, i = bytearray(), 0
    while i < len(raw):
        if raw[i : i + 1] != b"\\":
            out += raw[i : i + 1]
            i += 1
            continue
        nxt = raw[i + 1 : i + 2]
        octal = re.match(rb"[0-7]{1,3}", raw[i + 1 : i + 4])
        if octal:
            out.append(int(octal.group(0), 8) & 0xFF)
            i += 1 + len(octal.group(0))
        else:
            out += _ESCAPES.get(nxt, nxt)
            i += 2
    return bytes(out)


def page_count(pdf: bytes) -> int:
    return len([b for _n, b in _OBJECT.findall(pdf) if re.search(rb"/Type\s*/Page\b", b)])


def page_texts(pdf: bytes) -> list[str]:
    objects = {int(n): body for n, body in _OBJECT.findall(pdf)}
    pages = []
    for _num, body in sorted(objects.items()):
        if not re.search(rb"/Type\s*/Page\b", body):
            continue
        fonts_block = re.search(rb"/Font\s*<<(.*?)>>", body, re.S)
        fonts = dict(
            re.findall(rb"/(\w+)\s+(\d+) 0 R", fonts_block.group(1) if fonts_block else b"")
        )
        cmaps = {}
        for name, ref in fonts.items():
            to_unicode = re.search(rb"/ToUnicode\s+(\d+) 0 R", objects[int(ref)])
            cmaps[name] = _cmap(_stream(objects[int(to_unicode.group(1))])) if to_unicode else {}
        contents = re.search(rb"/Contents\s+(\d+) 0 R", body)
        glyphs: list[str] = []
        cmap: dict[int, str] = {}
        for m in _TEXT.finditer(_stream(objects[int(contents.group(1))]) if contents else b""):
            if m.group(1):
                cmap = cmaps.get(m.group(1), {})
                continue
            if m.group(2) is not None:
                raw = _unescape(m.group(2))
            elif m.group(3) is not None:
                raw = bytes.fromhex(m.group(3).decode())
            else:
                raw = b"".join(_unescape(s) for s in re.findall(_LITERAL, m.group(4)))
            glyphs += [
                cmap.get(int.from_bytes(raw[i : i + 2], "big"), "\ufffd")
                for i in range(0, len(raw) - 1, 2)
            ]
        pages.append("".join(glyphs))
    return pages
