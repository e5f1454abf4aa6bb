"""Reading a Vega-Lite spec in tests: its unit charts, marks, data rows and titles."""

from __future__ import annotations

from typing import Any


def walk(spec: dict[str, Any], data: dict[str, Any] | None = None) -> list[dict[str, Any]]:
    """Every unit spec (one with a mark) inside layers / concats, with its inherited data."""
    data = spec.get("data", data)
    out = []
    if "mark" in spec:
        out.append({**spec, "data": data} if data is not None else spec)
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for child in spec.get(key, []):
            out += walk(child, data)
    return out


def mark_type(unit: dict[str, Any]) -> str:
    m = unit["mark"]
    return m if isinstance(m, str) else m["type"]


def marks(spec: dict[str, Any]) -> list[str]:
    return [mark_type(u) for u in walk(spec)]


def rows(spec: dict[str, Any], unit: dict[str, Any]) -> list[dict[str, Any]]:
    data = unit.get("data") or spec.get("data") or {}
    name = data.get("name")
    return spec.get("datasets", {}).get(name, data.get("values", []))


def units_of(spec: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [u for u in walk(spec) if mark_type(u) == kind]


def all_titles(spec: dict[str, Any]) -> set[str]:
    found = set()
    for u in walk(spec):
        for enc in u.get("encoding", {}).values():
            if isinstance(enc, dict):
                title = enc.get("title") or (enc.get("axis") or {}).get("title")
                if isinstance(title, str):
                    found.add(title)
    return found


def title_text(spec: dict[str, Any]) -> tuple[str, list[str]]:
    title = spec["title"]
    sub = title.get("subtitle", [])
    return title["text"], [sub] if isinstance(sub, str) else list(sub)
