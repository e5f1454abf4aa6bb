"""The defined personas as the views read them: each persona's rule, and the groups of a
breakdown by persona. Below journeylens.services.personas (which writes them and refreshes the
summaries), so that every query layer can read them without an import circle."""

from __future__ import annotations

from dataclasses import dataclass

import duckdb

from journeylens.domain.filters import Filters, rule_key
from journeylens.services.edited_table import blank
from journeylens.storage import queries


@dataclass(frozen=True)
class Persona:
    name: str
    description: str | None
    goals: str | None
    pains: str | None
    rule_column: str
    rule_value: str

    @property
    def rule(self) -> str:
        """The rule as the view filters pass it to SQL (filters.rule_key)."""
        return rule_key(self.rule_column, self.rule_value)


def definitions(cur: duckdb.DuckDBPyConnection, workspace_id: int) -> list[Persona]:
    """The workspace's personas on a cursor (the filter options read them with the data's)."""
    df = queries.persona_list(cur, workspace_id=workspace_id)
    return [
        Persona(**{k: (None if blank(v) else str(v)) for k, v in row.items()})
        for row in df.to_dict("records")
    ]


def breakdown_groups(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters
) -> dict[str, list[str]]:
    """The groups of a breakdown by persona as the queries take them ($group_names, $group_rules,
    jl_groups in queries/macros.sql): the defined personas in their order, only the chosen
    ones when the view filters by persona, so that each group holds what its persona filter
    keeps. None when the workspace defines no personas: the breakdown reads the persona column."""
    defined = definitions(cur, workspace_id)
    if filters.persona_rules:
        defined = [p for p in defined if p.name in filters.personas]
    return {"group_names": [p.name for p in defined], "group_rules": [p.rule for p in defined]}


__all__ = ["Persona", "breakdown_groups", "definitions"]
