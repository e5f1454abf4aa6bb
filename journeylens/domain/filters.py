"""The global view filters: one value object, turned into bound SQL parameters and a caption.

Every dashboard query takes the same seven parameters and passes them to the
`filtered_responses` / `filtered_events` table macros (queries/macros.sql), so the meaning of a
filter is defined once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from journeylens.i18n import DEFAULT_LANG, fmt_date_range


@dataclass(frozen=True)
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    personas: tuple[str, ...] = field(default_factory=tuple)
    segments: tuple[str, ...] = field(default_factory=tuple)
    channels: tuple[str, ...] = field(default_factory=tuple)
    stages: tuple[str, ...] = field(default_factory=tuple)

    def params(self, workspace_id: int) -> dict[str, Any]:
        """Named parameters for queries: lists are never empty-typed, dates may be NULL."""
        return {
            "workspace_id": workspace_id,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "personas": list(self.personas),
            "segments": list(self.segments),
            "channels": list(self.channels),
            "stages": list(self.stages),
        }

    def is_empty(self) -> bool:
        return self == Filters()

    def caption(self, t: Callable[..., str], bounds: tuple[date, date] | None = None) -> str:
        """Words for 'computed under these filters', shown under every figure.

        `bounds` are the data's first and last dates (the date picker's whole range): without a
        date filter the caption says "all dates (first – last)", as the picker shows them, and
        an open end of a range is the data's. Dates are written as `t`'s language writes them."""
        lang = getattr(t, "lang", DEFAULT_LANG)
        first, last = bounds if bounds else (None, None)
        parts: list[str] = []
        if self.date_from or self.date_to:
            span = fmt_date_range(self.date_from or first, self.date_to or last, lang)
            parts.append(f"{t('filter.date_range')}: {span}")
        elif first and last:
            parts.append(t("tables19.all_dates", range=fmt_date_range(first, last, lang)))
        for key, values in (
            ("filter.persona", self.personas),
            ("filter.segment", self.segments),
            ("filter.channel", self.channels),
            ("filter.stage", self.stages),
        ):
            if values:
                parts.append(f"{t(key)}: {', '.join(values)}")
        return t("filter.caption", filters="; ".join(parts) if parts else t("filter.none"))
