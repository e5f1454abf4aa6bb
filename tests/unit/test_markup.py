"""escape_markdown: text from data or a URL is shown literally wherever Streamlit renders Markdown.

What reaches the browser is checked in tests/reliability/test_markup_browser.py (no link, image,
colour or formula renders); here the escaping itself: every Markdown-active character is escaped,
and what the reader sees is the value itself.
"""

from __future__ import annotations

import re
import string

import pytest
from hypothesis import given
from hypothesis import strategies as st

from journeylens.domain.markup import escape_markdown
from journeylens.i18n import t, t_fields
from tests.conftest import shown

PAYLOADS = [
    "![x](http://127.0.0.2/pixel.png)",
    "[Session expired, sign in](http://127.0.0.2/phish)",
    "<http://127.0.0.2/auto> www.example.com user@example.com",
    ":red[alarm] :blue-background[x] :material/warning: :smile:",
    "$x^2$ and $$\\frac{a}{b}$$",
    "**bold** _it_ ~~gone~~ `code` <b>html</b> &amp; &#91;",
    "# heading",
    "1. list\n- item\n> quote\n\n    code",
    "| a | b |\n|---|---|",
    "back\\slash\\[x](y)",
]


def _one_line(text: str) -> str:
    return re.sub("[\r\n\u2028\u2029\u0085\v\f]+", " ", text).replace("\u2060", "")


def _live_punctuation(text: str) -> list[int]:
    """Positions of ASCII punctuation that CommonMark would read as syntax (not escaped)."""
    live, i = [], 0
    while i < len(text):
        if text[i] == "\\" and i + 1 < len(text) and text[i + 1] in string.punctuation:
            i += 2
            continue
        if text[i] in string.punctuation:
            live.append(i)
        i += 1
    return live


@pytest.mark.parametrize("payload", PAYLOADS)
def test_payload_is_inert_and_reads_as_itself(payload):
    escaped = escape_markdown(payload)
    assert _live_punctuation(escaped) == []
    assert "\n" not in escaped  # no heading, list, quote, table or code block can start
    assert shown(escaped) == _one_line(payload)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("![x](http://h/p.png)", "\\!\\[x\\]\\(http\\:\u2060\\/\\/h\\/p\\.png\\)"),
        ("www.h.ro", "www\u2060\\.h\\.ro"),
        ("ana@bank.ro", "ana\\@\u2060bank\\.ro"),
        (":red[x]", r"\:red\[x\]"),
        ("$5 or $6", r"\$5 or \$6"),
        ("Thủy–Ţară 100%", r"Thủy–Ţară 100\%"),
        ("a\u2028b\r\nc", "a b c"),
        (42, "42"),
    ],
)
def test_hand_computed(value, expected):
    assert escape_markdown(value) == expected


# GFM finds bare links in the text after escapes are read (the patterns Streamlit's renderer uses)
_BARE_LINK = re.compile(r"(https?://|www(?=\.))([-.\w]+)", re.IGNORECASE)
_BARE_EMAIL = re.compile(r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)")


def _text_node(markdown: str) -> str:
    """What a Markdown text node holds: the escapes read, the joiner kept."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


@given(st.text(max_size=200) | st.sampled_from(PAYLOADS))
def test_any_text_is_inert_and_round_trips(text):
    escaped = escape_markdown(text)
    assert _live_punctuation(escaped) == []
    assert shown(escaped) == _one_line(text)
    node = _text_node(escaped)
    assert not _BARE_LINK.search(node) and not _BARE_EMAIL.search(node)


def test_messages_keep_their_own_markdown_and_escape_the_values():
    name = "**x** [a](http://h)"
    body = t_fields("data.target_workspace", "en", escape_markdown, name=name)
    # the bold of the message stays, the value's is escaped
    assert body.endswith("**\\*\\*x\\*\\* \\[a\\]\\(http\\:\u2060\\/\\/h\\)**.")
    assert shown(body) == t("data.target_workspace", "en", name=name)


def test_conversions_and_format_specs_apply_before_escaping():
    """funnel.error.window quotes the text with !r: the quotes are escaped, not doubled."""
    text = "![x](http://h/p.png)"
    body = t_fields("funnel.error.window", "en", escape_markdown, text=text, max_days=3650)
    assert shown(body) == t("funnel.error.window", "en", text=text, max_days=3650)
    assert escape_markdown(repr(text)) in body
