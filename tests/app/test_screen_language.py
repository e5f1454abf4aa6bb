"""Every page, drawn in Vietnamese and Romanian, shows no English from the catalogue and no internal
name (a column like `stage_order`, a dataset kind like `touchpoints`, a missing value as "None").

The text is what a reader sees: titles, Markdown, captions, alerts, metric labels and values, the
labels, options and help of widgets, tab and expander labels, and the headers and cells of tables
(a header as its column config labels it, a missing cell as the table's placeholder, or "None" as
Streamlit draws it without one). Words the languages share ("NPS", "CSAT %") and the demo's own data
(touchpoint names, comments) are not English from the catalogue.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from functools import cache

import pandas as pd
import pytest

from journeylens.i18n import LANGS, catalogue
from journeylens.services import access as acc
from journeylens.services.ingest.model import FIELDS
from journeylens.storage.store import Store
from tests.conftest import shown

from .conftest import DEMO_WS, PAGES, count, no_problems, store_of
from .test_upload import SURVEY, _upload

# Names from the code and the database that must never reach the screen as they are: the
# canonical fields with an underscore or in lower case where the reader says "CSAT", and the
# words Python and pandas write for a missing value.
_FIELDS = sorted({f.name for fields in FIELDS.values() for f in fields})
INTERNAL = re.compile(
    r"\b(" + "|".join([f for f in _FIELDS if "_" in f] + ["csat", "ces", "nps"])
    + r"|source_name|rows_loaded|None|NaN|nan|NaT)\b"
)  # fmt: skip
KINDS = {"touchpoints", "events", "responses"}  # dataset kinds, raw
# Catalogue texts a page may still show in English on this branch, each with the item of issue 19
# that owns it (another branch fixes it).
ALLOWED: set[str] = set()

_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_WORD = re.compile(r"[^\W\d_]{3,}")


@cache
def _fragments(lang: str) -> re.Pattern[str]:
    """The English pieces of the catalogue (the text between placeholders) a page in `lang` must
    not show: pieces whose translation differs and that no text of `lang` contains anyway."""
    i = LANGS.index(lang)
    translated = [texts[i] for texts in catalogue().values() if texts[i]]
    pool = "\n".join(translated)
    out: set[str] = set()
    for texts in catalogue().values():
        en, local = texts[0], texts[i]
        if not local or en == local:
            continue
        for piece in _PLACEHOLDER.split(en):
            piece = shown(piece).strip(" \t\n.,:;·–—-()[]*_`'\"!?/=+%")
            if not _WORD.search(piece) or piece in ALLOWED:
                continue
            if re.search(rf"(?<!\w){re.escape(piece)}(?!\w)", pool):
                continue  # shared with the language (a metric name, a brand)
            out.add(piece)
    alternation = "|".join(re.escape(p) for p in sorted(out, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


@cache
def _data_words() -> tuple[frozenset[str], re.Pattern[str], str]:
    """The demo's own strings (names of touchpoints, stages, personas..., the comments): data is
    shown as it was uploaded. (The strings, one pattern of those longer than 3 characters, and all
    of them lower-cased in one text, where the themes page finds its terms.) Every test draws the
    same demo, so one reading serves all."""
    cur = store_of().cursor()
    words: set[str] = set()
    try:
        for table, cols in {
            "responses": ("touchpoint", "persona", "segment", "channel", "comment"),
            "touchpoints": (
                "touchpoint",
                "stage",
                "channel",
                "owner",
                "goal",
                "description",
                "thoughts",
                "opportunities",
                "ideas",
            ),
            "events": ("touchpoint", "channel", "persona", "segment"),
            "workspaces": ("name",),
            "datasets": ("source_name",),
            "personas": ("name", "description", "goals", "pains", "rule_value"),
        }.items():
            for col in cols:
                sql = f"SELECT DISTINCT {col} FROM {table} WHERE {col} IS NOT NULL"
                words.update(str(r[0]) for r in cur.execute(sql).fetchall())
    finally:
        cur.close()
    words = {w for w in words if w.strip()}
    long = sorted((w for w in words if len(w) > 3), key=len, reverse=True)
    pattern = re.compile("|".join(re.escape(w) for w in long))
    return frozenset(words), pattern, "\n".join(words).lower()


def _cells(proto) -> Iterator[str]:
    """A table's headers and cells as the browser draws them."""
    from streamlit import dataframe_util

    data = proto.arrow_data.data or proto.lazy_data.initial_chunk.data
    df: pd.DataFrame = dataframe_util.convert_arrow_bytes_to_pandas_df(data)
    if proto.arrow_data.styler.display_values:  # the text the browser draws in the cells
        shown = dataframe_util.convert_arrow_bytes_to_pandas_df(
            proto.arrow_data.styler.display_values
        )
        df = shown.set_axis(df.columns, axis=1)
    config = json.loads(proto.columns) if proto.columns else {}
    missing = proto.placeholder if proto.HasField("placeholder") else "None"
    order = list(proto.column_order) or list(df.columns)
    for col in order:
        if col not in df.columns or config.get(str(col), {}).get("hidden"):
            continue
        yield str(config.get(str(col), {}).get("label") or col)
        # a selectbox column draws each value as its option's label (format_func)
        options = (config.get(str(col), {}).get("type_config") or {}).get("options") or []
        labels = {str(o["value"]): str(o["label"]) for o in options if isinstance(o, dict)}
        for value in df[col]:
            yield missing if _isna(value) else labels.get(str(value), str(value))


def _isna(value: object) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):  # a list in a cell
        return False


_TEXT_FIELDS = ("body", "label", "help", "placeholder", "delta", "caption")


def _texts(node) -> Iterator[str]:
    """Every visible string under an AppTest node."""
    kids = getattr(node, "children", None)
    if kids is not None:  # a block: expanders, tabs, columns, forms
        label = getattr(node, "label", None) if type(node).__name__ in ("Expander", "Tab") else None
        if label:
            yield label
        for child in kids.values():
            yield from _texts(child)
        return
    proto = getattr(node, "proto", None)
    if proto is None:
        return
    kind = type(node).__name__
    if kind in ("Code", "Json"):  # the share link and similar: an address, not words
        return
    if kind == "Dataframe":
        yield from _cells(proto)
        return
    if hasattr(proto, "ListFields"):
        for field, value in proto.ListFields():
            if field.name in _TEXT_FIELDS and isinstance(value, str):
                yield value
            elif field.name == "options":  # strings, or a button group's options
                yield from (v if isinstance(v, str) else getattr(v, "content", "") for v in value)


def _problems(at, lang: str, file_words: frozenset[str] = frozenset()) -> list[str]:
    """What `at` shows that is not in `lang`; `file_words` are an uploaded file's own headers and
    cells, data as much as the demo's."""
    fragments = _fragments(lang)
    data, data_inside, pool = _data_words()
    data = data | file_words
    found: list[str] = []
    for raw in _texts(at._tree):
        text = shown(raw).strip()
        if text in KINDS:
            found.append(f"dataset kind {text!r}")
            continue
        if not text or text in data or text.lower() in pool:  # data, or a term from a comment
            continue
        text = data_inside.sub("\x00", text)  # a touchpoint's name in a sentence is not English
        if m := INTERNAL.search(text):
            found.append(f"internal name {m.group(0)!r} in {raw[:120]!r}")
        if m := fragments.search(text):
            found.append(f"English {m.group(0)!r} in {raw[:120]!r}")
    return sorted(set(found))


@pytest.mark.parametrize("lang", ["vi", "ro"])
@pytest.mark.parametrize("page", PAGES)
def test_page_shows_only_the_ui_language(db, app, page, lang):
    at = app(page, lang=lang)
    no_problems(at)
    assert count("SELECT count(*) FROM responses") > 0  # the demo is there to be drawn
    problems = _problems(at, lang)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["vi", "ro"])
@pytest.mark.parametrize("page", ["journey", "personas", "data"])
def test_viewer_page_shows_only_the_ui_language(db, app, monkeypatch, page, lang):
    """A share link's viewer sees the read-only forms of the pages (the journey and the personas
    as tables)."""
    monkeypatch.setenv(acc.PASSWORD_ENV, "team password")
    with Store(db) as store:
        ws = store.require_workspace(DEMO_WS)
        token = acc.issue_link(store, acc.LOCAL, ws.workspace_id, 7, "for the board")
    at = app(page, lang=lang, share=token)
    no_problems(at)
    assert not at.data_editor  # the viewer's form of the page
    problems = _problems(at, lang)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lang", ["vi", "ro"])
def test_upload_check_and_load_show_only_the_ui_language(db, app, lang):
    """The upload flow's own texts: the detection, the mapping, Check's report (its list of the
    scores the file lacks) and Load's result."""
    at = _upload(app("data", lang=lang), "survey.csv", SURVEY)
    cells = {c for line in SURVEY.decode().splitlines() for c in line.split(";")}
    assert not _problems(at, lang, frozenset(cells))
    at.button(key="check_btn").click().run()
    no_problems(at)
    assert at.info, "Check reports the scores the file lacks"
    assert not _problems(at, lang, frozenset(cells))
    at.button(key="load_btn").click().run()
    no_problems(at)
    assert not _problems(at, lang, frozenset(cells)), "\n".join(
        _problems(at, lang, frozenset(cells))
    )
