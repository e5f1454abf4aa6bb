"""How wide a label is drawn, so the journey map can wrap it to its column without cutting it.

Widths are DejaVu Sans's advance widths (per mille of the font size, measured with Pillow), the
widest of the theme's fallback fonts: a line that fits in DejaVu fits in Inter, Segoe UI, Noto
Sans, Helvetica and Arial too. A letter with diacritics (Vietnamese, Romanian) counts as its base
letter; any other character outside ASCII as a wide letter.
"""

from __future__ import annotations

import unicodedata
from functools import cache

# printable ASCII, U+0020..U+007E
_REGULAR = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
)  # fmt: skip
_BOLD = (
    348, 456, 521, 838, 696, 1002, 872, 306, 457, 457, 523, 838, 380, 415, 380, 365, 696, 696, 696,
    696, 696, 696, 696, 696, 696, 696, 400, 400, 838, 838, 838, 580, 1000, 774, 762, 734, 830, 683,
    683, 821, 837, 372, 372, 775, 637, 995, 837, 850, 733, 850, 770, 720, 682, 812, 774, 1103, 771,
    724, 725, 457, 365, 457, 838, 500, 500, 675, 716, 593, 716, 678, 435, 716, 712, 343, 343, 665,
    343, 1042, 712, 687, 716, 716, 493, 595, 478, 712, 652, 924, 645, 652, 582, 712, 365, 712, 838,
)  # fmt: skip
_OTHER = 1000  # a character with no ASCII base letter: as wide as an M or wider


@cache
def _char(ch: str, bold: bool) -> int:
    table = _BOLD if bold else _REGULAR
    code = ord(ch)
    if 32 <= code < 127:
        return table[code - 32]
    if unicodedata.combining(ch):
        return 0
    base = unicodedata.normalize("NFD", ch)[0]
    if base != ch and 32 <= ord(base) < 127:
        return table[ord(base) - 32]
    return {"đ": table[ord("d") - 32], "Đ": table[ord("D") - 32]}.get(ch, _OTHER)


def text_px(text: str, size: float, bold: bool = False) -> float:
    """The drawn width of one line of text at `size` px."""
    return sum(_char(ch, bold) for ch in text) * size / 1000


def _split_word(word: str, max_px: float, size: float, bold: bool) -> list[str]:
    """A word wider than a line, in pieces that fit: after a hyphen where it has one."""
    pieces: list[str] = []
    rest = word
    while rest and text_px(rest, size, bold) > max_px:
        cut = 1
        while cut < len(rest) and text_px(rest[: cut + 1], size, bold) <= max_px:
            cut += 1
        hyphen = rest.rfind("-", 0, cut)
        if hyphen > 0:
            cut = hyphen + 1
        pieces.append(rest[:cut])
        rest = rest[cut:]
    return [*pieces, rest] if rest else pieces


def wrap_px(text: str, max_px: float, size: float, bold: bool = False) -> list[str]:
    """Lines of whole words no wider than `max_px` (a word wider than that is split), all of the
    text kept: nothing is cut or elided."""
    lines: list[str] = []
    line = ""
    for word in text.split():
        parts = (
            _split_word(word, max_px, size, bold) if text_px(word, size, bold) > max_px else [word]
        )
        for part in parts:
            candidate = f"{line} {part}" if line else part
            if line and text_px(candidate, size, bold) > max_px:
                lines.append(line)
                line = part
            else:
                line = candidate
    return [*lines, line] if line or not lines else lines
