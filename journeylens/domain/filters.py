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

# The columns a persona's rule may name (journeylens/services/personas.py): the answers' and
# events' own persona, segment and channel (the row's channel, else its touchpoint's), or a column
# kept from the user's files by its breakdown code (extra_by: `col:<column>`).
RULE_COLUMNS: tuple[str, ...] = ("persona", "segment", "channel")


def is_rule_column(column: str) -> bool:
    return column in RULE_COLUMNS or extra_column_of(column) is not None


def rule_key(column: str, value: str) -> str:
    """A persona rule as the view filters pass it to SQL (jl_in_personas in queries/macros.sql):
    `column:value` for a built-in column, split at the first ':'; `col:<column>` EXTRA_SEP value for
    a column of the user's files, whose name may hold ':'."""
    if not is_rule_column(column):
        raise ValueError(f"a persona rule's column must be one of {', '.join(RULE_COLUMNS)}")
    if extra_column_of(column) is not None:
        return f"{column}{EXTRA_SEP}{value}"
    return f"{column}:{value}"


def reads_extra(rule: str | None) -> bool:
    """Whether a rule (rule_key) reads a column of the user's files, which the response cube and
    the load-time facets do not keep."""
    return bool(rule) and str(rule).startswith(BY_EXTRA)


# Joins a column kept from the user's files and one of its values in the $extras parameter
# (jl_in_extras in queries/macros.sql): a control character, so no column name or value holds it.
EXTRA_SEP = "\x1f"


def extra_key(column: str, value: str) -> str:
    """One chosen value of an extra column as SQL takes it ($extras)."""
    return f"{column}{EXTRA_SEP}{value}"


def persona_rules_of(chosen: tuple[str, ...], rules: dict[str, str]) -> tuple[str, ...]:
    """The rules the chosen personas filter by: each defined persona's (rules: name -> rule_key,
    the filter options' persona_rules); none when the workspace defines no personas, so that the
    chosen names filter the persona column (Filters.persona_keys)."""
    return tuple(rules[p] for p in chosen if p in rules)


def extras_of(
    chosen: list[str], columns: dict[str, list[str]]
) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """The extra-column filter from the sidebar's `column=value` choices (the URL's form): each
    read against the columns offered, so a column or value holding '=' is still split right;
    grouped per column in the columns' order."""
    picked: dict[str, list[str]] = {}
    for item in chosen:
        for column, values in columns.items():
            value = item[len(column) + 1 :]
            if item.startswith(f"{column}=") and value in values:
                picked.setdefault(column, []).append(value)
                break
    return tuple((c, tuple(picked[c])) for c in columns if c in picked)


# A breakdown by an extra column (the heatmap's columns, the funnel's split): its code is
# `col:<column>`, so it never clashes with a built-in breakdown (persona, segment, channel...).
BY_EXTRA = "col:"


def extra_by(column: str) -> str:
    """The breakdown code of an extra column, as the controls and the URL keep it."""
    return f"{BY_EXTRA}{column}"


def extra_column_of(by: str | None) -> str | None:
    """The extra column a breakdown code names, or None for a built-in breakdown."""
    if by and by.startswith(BY_EXTRA) and len(by) > len(BY_EXTRA):
        return by[len(BY_EXTRA) :]
    return None


def extra_choice(column: str, value: str) -> str:
    """One extra-column choice as the sidebar offers it and the URL keeps it."""
    return f"{column}={value}"


@dataclass(frozen=True)
class Filters:
    date_from: date | None = None
    date_to: date | None = None
    personas: tuple[str, ...] = field(default_factory=tuple)
    segments: tuple[str, ...] = field(default_factory=tuple)
    channels: tuple[str, ...] = field(default_factory=tuple)
    stages: tuple[str, ...] = field(default_factory=tuple)
    # The rules (rule_key) of the chosen personas when the workspace defines its personas: a row
    # is in the view when it matches any of them. Empty: `personas` are values of the persona
    # column (a workspace without persona definitions, the CLI).
    persona_rules: tuple[str, ...] = field(default_factory=tuple)
    # The columns kept from the user's files (responses.extra / events.extra: Qualtrics embedded
    # data, a region, a plan) and the values chosen for each: (column, (value, ...)) pairs.
    extras: tuple[tuple[str, tuple[str, ...]], ...] = field(default_factory=tuple)

    def persona_keys(self) -> list[str]:
        """The persona filter as SQL takes it ($personas): rule keys, any of which a row matches."""
        if self.persona_rules:
            return list(dict.fromkeys(self.persona_rules))
        return [rule_key("persona", p) for p in self.personas]

    def params(self, workspace_id: int) -> dict[str, Any]:
        """Named parameters for queries: lists are never empty-typed, dates may be NULL."""
        return {
            "workspace_id": workspace_id,
            "date_from": self.date_from,
            "date_to": self.date_to,
            "personas": self.persona_keys(),
            "segments": list(self.segments),
            "channels": list(self.channels),
            "stages": list(self.stages),
            "extras": [extra_key(c, v) for c, values in self.extras for v in values],
        }

    def reads_extras(self) -> bool:
        """Whether the view filters on a column of the user's files (directly, or through a
        persona's rule), so the summaries without those columns cannot serve it."""
        return bool(self.extras) or any(reads_extra(r) for r in self.persona_keys())

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
        for column, values in self.extras:
            if values:
                parts.append(f"{column}: {', '.join(values)}")
        return t("filter.caption", filters="; ".join(parts) if parts else t("filter.none"))
