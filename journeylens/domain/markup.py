"""Text that came from data or from a URL, made safe to show through Markdown.

Streamlit renders most text elements (markdown, captions, alerts, help texts, tab, expander and
widget labels, progress texts) as GitHub-flavoured Markdown with its own additions: `:red[...]`
colour and `:material/...:` icon directives, and KaTeX for `$...$`. A value such as
`![x](http://host/pixel.png)` would fetch an image from any viewer's browser and
`[Session expired, sign in](http://host/phish)` would be a live link. CommonMark lets every ASCII
punctuation character be escaped with a backslash, which disarms all of these (links, images,
`<…>` autolinks, emphasis, HTML, directives, math) at once; line breaks become spaces so a value
cannot start a heading, a list or a code block.

GFM's bare autolinks (`http://…`, `www.…`, `name@host.tld`) are found again in the text after
the escapes are read, so an invisible WORD JOINER (U+2060) goes where their patterns need two
characters side by side: after the `:` of `://`, after `www`, after `@`. The text reads and
wraps the same. Pure: no Streamlit here, so it is tested alone.
"""

from __future__ import annotations

import re
import string

_PUNCTUATION = frozenset(string.punctuation)
_BREAKS = re.compile(r"[\r\n\u2028\u2029\u0085\v\f]+")
JOINER = "\u2060"
_AUTOLINK = re.compile(r"(?<=:)(?=//)|(?<=www)(?=\.)|(?<=@)", re.IGNORECASE)


def escape_markdown(value: object) -> str:
    """value shown literally when the result is rendered as Markdown."""
    text = _AUTOLINK.sub(JOINER, _BREAKS.sub(" ", str(value)))
    return "".join("\\" + ch if ch in _PUNCTUATION else ch for ch in text)
