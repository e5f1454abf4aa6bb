"""The view context of one run: what every page, widget and export draws from.

Its own module, below everything that draws with it (frame, widgets, report, sharing...), so
none of them has to import the frame that imports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from typing import Any

from journeylens.domain.filters import Filters, rule_key
from journeylens.i18n import Translator
from journeylens.services import access as access_mod
from journeylens.services import persona_rules
from journeylens.storage.store import Store, Workspace
from journeylens.ui import data, state


@dataclass
class View:
    """Everything a page needs for this run: the store, the language, the workspace, the filters."""

    store: Store
    t: Translator
    workspace: Workspace | None
    filters: Filters = field(default_factory=Filters)
    options: dict[str, Any] = field(default_factory=dict)
    notices: state.Notices = field(default_factory=state.Notices)
    access: access_mod.Access = access_mod.LOCAL
    url: dict[str, list[str]] = field(default_factory=dict)  # the query string as it arrived
    notice_slot: Any = None  # where pages redraw the reset notice

    @property
    def lang(self) -> str:
        return self.t.lang

    @property
    def shows_editing(self) -> bool:
        """Whether pages draw upload, edit and delete controls. Only hiding: every writer below
        refuses a viewer on its own (journeylens.domain.permissions), whatever the page shows."""
        return self.access.can_edit

    def query(self, name: str, *, dates: tuple[date, date] | None = None, **kwargs: Any) -> Any:
        """A dashboard query under the view's filters; `dates` replaces their date range (the
        periods a comparison queries one after the other)."""
        assert self.workspace is not None
        filters = self.filters
        if dates is not None:
            filters = replace(filters, date_from=dates[0], date_to=dates[1])
        return data.query(self.workspace, filters, name, **kwargs)

    def persona_rule(self, name: str | None) -> str | None:
        """The rule (filters.rule_key) a persona choice filters by: the defined persona's, else
        the persona column's value `name`; None for no choice."""
        if not name:
            return None
        rules = self.options.get("persona_rules") or {}
        return rules.get(name) or rule_key("persona", name)

    def persona_groups(self) -> list[str]:
        """The groups of a breakdown by persona, in the order the queries give them
        (persona_rules.breakdown_groups): the defined personas, only the chosen ones while the
        view filters by persona; without definitions, the persona column's values."""
        rules = self.options.get("persona_rules") or {}
        if rules:
            return list(persona_rules.chosen_groups(rules, self.filters))
        values = self.options.get("persona_values")
        return list(values if values is not None else self.options.get("personas") or [])

    def defines_personas(self) -> bool:
        """Whether the workspace defines its personas (the Personas page): the breakdowns by
        persona then group by their rules, and say so beside the numbers."""
        return bool(self.options.get("persona_rules"))

    def has_data(self) -> bool:
        """Answers or events stored (dated or not); a journey definition alone is not data."""
        return bool(self.options.get("has_data"))

    def definitions(self) -> list[str]:
        """The metric definitions shown beside the numbers: sidebar, reports."""
        lines = [self.t(f"definition.{m}") for m in ("nps", "csat", "ces", "emotion")]
        if self.workspace is not None:
            lines.append(self.t("definition.min_n", min_n=self.workspace.min_n))
        return lines

    def caption(self, n: int | None = None) -> str:
        first, last = self.options.get("first_date"), self.options.get("last_date")
        text = self.filters.caption(self.t, (first, last) if first and last else None)
        if n is not None:
            text += " · " + self.t("common.n", n=self.t.num(n, 0))
        return text
