"""Guess which source column feeds which canonical field, from header names, question text and
values, in English, Vietnamese and Romanian."""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Iterable

import pandas as pd

from journeylens.services.ingest.model import FIELDS, field_of
from journeylens.services.ingest.synonyms import SYNONYMS


def norm(text: str) -> str:
    """Lower case, no diacritics (đ -> d), punctuation kept, single spaces."""
    text = unicodedata.normalize("NFKD", str(text).replace("đ", "d").replace("Đ", "D"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).lower()
    return " ".join(text.split())


SCORE_FIELDS = {"nps", "csat", "ces"}

# Fields guessed first claim their columns first.
ORDER = [
    "customer_id", "response_id", "ts", "submitted_at", "touchpoint", "nps", "csat", "ces",
    "emotion", "stage", "stage_order", "step_order", "target_csat", "in_funnel", "value", "converted",
    "comment", "persona", "segment", "channel", "owner", "goal", "description", "thoughts",
    "opportunities", "ideas", "path", "nulls", "conversions",
]  # fmt: skip


# Attribute fields: a long header is a survey question, not an attribute column, so only short
# headers may match by a contained word; identifiers match single words only exactly.
ATTRIBUTE_FIELDS = {
    "response_id", "customer_id", "touchpoint", "persona", "segment", "channel", "stage",
    "owner", "goal", "description", "stage_order", "step_order", "target_csat", "in_funnel", "value",
    "converted", "thoughts", "opportunities", "ideas",
}  # fmt: skip
SHORT_HEADER = 32
EXACT_ONLY = {
    "customer_id": {"customer", "client", "user", "case", "khach hang"},
    "response_id": {"response", "id", "#", "token"},
    "touchpoint": {"page", "event", "step", "interaction"},
}


def _contains(text: str, phrase: str) -> bool:
    return re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", text) is not None


def _score(field: str, name: str, label: str) -> float:
    """Higher is a better header match; 0 means no match."""
    syns = SYNONYMS.get(field, [])
    exact_only = EXACT_ONLY.get(field, set())
    attribute = field in ATTRIBUTE_FIELDS
    best = 0.0
    for rank, syn in enumerate(syns):
        weight = 1.0 - rank / (2 * len(syns))
        if name == syn or name.replace("_", " ") == syn:
            best = max(best, 3 * weight)
        elif syn in exact_only:
            continue
        elif _contains(name, syn) and (not attribute or len(name) <= SHORT_HEADER):
            best = max(best, 2 * weight)
        elif label and _contains(label, syn) and (not attribute or len(label) <= SHORT_HEADER):
            best = max(best, 1.5 * weight)
    return best


def names_field(field: str, name: str) -> bool:
    """Whether a header IS the field's name (`nps`, `CSAT`, `Customer effort`), not merely
    contains a hint of it: such a column maps whatever its values, and bad values are then
    reported row by row instead of the column silently becoming extra data."""
    name = norm(name)
    return any(name == syn or name.replace("_", " ") == syn for syn in SYNONYMS.get(field, []))


def _values(preview: pd.DataFrame | None, col: str) -> list[str]:
    if preview is None or col not in preview.columns:
        return []
    return [str(v).strip() for v in preview[col].tolist() if v is not None and str(v).strip()]


_GROUPED = (
    (re.compile(r"^[+-]?\d{1,3}(\.\d{3})+(,\d+)?$"), "."),  # 1.234,5
    (re.compile(r"^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$"), ","),  # 1,234.5
)


def _number(v: str) -> float | None:
    """A finite number, or None: `nan`, `inf` and `1e999` are text here, not scores. Thousands
    groups are read as jl_num (queries/ingest_macros.sql) reads them."""
    text = v.strip().replace(" ", "").replace("\u00a0", "")
    for pattern, group in _GROUPED:
        if pattern.match(text):
            text = text.replace(group, "")
            break
    try:
        n = float(text.replace(",", "."))
    except ValueError:
        return None
    return n if math.isfinite(n) else None


def value_ok(
    kind: str, field: str, values: list[str], date_columns: Iterable[str] = (), col: str = ""
) -> bool:
    f = field_of(kind, field)
    if f.type == "score":
        # Every value must be a number (so Yes/Maybe/No is never a score), and most must be
        # whole and on the scale: a few typos such as 11 still map the column, and validation
        # then names those rows instead of the column silently becoming extra data.
        nums = [_number(v) for v in values]
        if not values or any(n is None for n in nums):
            return False
        on_scale = sum(1 for n in nums if n == int(n) and f.lo <= n <= f.hi)  # type: ignore[operator]
        return on_scale >= max(1, 2 * len(nums) / 3)
    if f.type == "float":
        nums = [_number(v) for v in values]
        ok = bool(values) and all(n is not None for n in nums)
        if ok and f.lo is not None:
            ok = all(f.lo <= n <= f.hi for n in nums)  # type: ignore[operator]
        return ok
    if f.type == "int":
        nums = [_number(v) for v in values]
        return bool(values) and all(n is not None and n == int(n) for n in nums)
    if f.type == "timestamp":
        return col in set(date_columns)
    if f.type == "bool":
        return bool(values) and all(
            v.lower() in {"0", "1", "true", "false", "yes", "no", "y", "n"} for v in values
        )
    if field == "comment":
        if not values:
            return True
        texts = [v for v in values if _number(v) is None]
        wordy = [v for v in texts if " " in v or len(v) >= 12]
        # A long question matched by a word in it must also have free-text answers.
        free = len(col) <= SHORT_HEADER or len(wordy) >= len(values) / 3
        return len(texts) >= len(values) / 2 and free
    return True


def guess_mapping(
    columns: list[str],
    preview: pd.DataFrame | None,
    kind: str,
    labels: dict[str, str] | None = None,
    date_columns: Iterable[str] | None = None,
) -> dict[str, str]:
    """field -> source column. Score fields need a header hint AND values inside their scale."""
    labels = labels or {}
    if date_columns is None:
        date_columns = [c for c in columns if _looks_dated(_values(preview, c))]
    date_columns = list(date_columns)
    names = {c: norm(c) for c in columns}
    labs = {c: norm(labels.get(c, "")) for c in columns}
    wanted = {f.name for f in FIELDS[kind]}
    mapping: dict[str, str] = {}
    used: set[str] = set()
    for field in [f for f in ORDER if f in wanted]:
        candidates = []
        for i, col in enumerate(columns):
            if col in used:
                continue
            s = _score(field, names[col], labs[col])
            if s <= 0:
                continue
            named = field in SCORE_FIELDS and names_field(field, col)
            if not named and not value_ok(kind, field, _values(preview, col), date_columns, col):
                continue
            candidates.append((s, -i, col))
        if candidates:
            col = max(candidates)[2]
            mapping[field] = col
            used.add(col)
    return mapping


def override(mapping: dict[str, str], explicit: dict[str, str]) -> dict[str, str]:
    """The automatic mapping with the user's explicit choices on top: only the fields named are
    changed (an empty column unmaps the field); a column the user gives to one field is taken
    from whichever other field had it, since one column feeds one field."""
    claimed = {col for col in explicit.values() if col}
    out = {f: c for f, c in mapping.items() if f not in explicit and c not in claimed}
    out.update({f: c for f, c in explicit.items() if c})
    return out


_DATE_RE = re.compile(
    r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}|\d{1,2}(st|nd|rd|th)?\s+[A-Za-z]{3,}\s+\d{4}"
)


def _looks_dated(values: list[str]) -> bool:
    return bool(values) and sum(1 for v in values if _DATE_RE.search(v)) >= 0.6 * len(values)


def guess_kind(
    columns: list[str],
    preview: pd.DataFrame | None,
    labels: dict[str, str] | None,
    date_columns: Iterable[str],
) -> str:
    date_columns = list(date_columns)
    resp = guess_mapping(columns, preview, "responses", labels, date_columns)
    if any(m in resp for m in ("nps", "csat", "ces")):
        return "responses"
    ev = guess_mapping(columns, preview, "events", labels, date_columns)
    if all(f in ev for f in ("customer_id", "touchpoint", "ts")):
        return "events"
    pa = guess_mapping(columns, preview, "paths", labels, date_columns)
    counted = "conversions" in pa or "nulls" in pa
    if "path" in pa and counted and any(">" in v for v in _values(preview, pa["path"])):
        return "paths"
    tp = guess_mapping(columns, preview, "touchpoints", labels, date_columns)
    if "touchpoint" in tp and "stage" in tp:
        return "touchpoints"
    return "responses"
