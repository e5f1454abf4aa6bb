"""Catalogues: every message in three languages, numbers in the reader's format."""

import re
from pathlib import Path

import pytest

from journeylens.i18n import LANGS, catalogue, fmt_num, t

ROOT = Path(__file__).resolve().parents[2]


def test_every_message_has_all_languages():
    for key, texts in catalogue().items():
        assert len(texts) == len(LANGS)
        assert all(text.strip() for text in texts), key
        # the same placeholders in every language
        fields = [sorted(re.findall(r"{(\w+)", text)) for text in texts]
        assert all(f == fields[0] for f in fields), key


def test_every_key_used_in_code_exists():
    used: set[str] = set()
    pattern = re.compile(r"""\bt\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']""")
    for path in [*ROOT.glob("journeylens/**/*.py"), *ROOT.glob("pages/*.py"), ROOT / "app.py"]:
        used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    missing = sorted(k for k in used if k not in catalogue())
    assert not missing


@pytest.mark.parametrize(
    ("value", "lang", "decimals", "expected"),
    [
        (1234.56, "en", 1, "1,234.6"),
        (1234.56, "vi", 1, "1.234,6"),
        (1234.56, "ro", 2, "1.234,56"),
        (-35.8974, "ro", 1, "-35,9"),
        (None, "en", 1, "–"),
        (float("nan"), "vi", 1, "–"),
        (-0.04, "en", 1, "0.0"),  # rounds to zero: no sign (an emotion label read "−0.0")
        (-0.4, "ro", 0, "0"),
        (-0.06, "vi", 1, "-0,1"),
    ],
)
def test_number_format(value, lang, decimals, expected):
    assert fmt_num(value, lang, decimals) == expected


def test_translation_and_fallback():
    assert t("nav.funnel", "ro") == "Pâlnie"
    assert t("nav.funnel", "xx") == "Funnel"
    assert t("common.n", "vi", n=5) == "n = 5"
