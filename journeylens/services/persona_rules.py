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


def chosen_groups(rules: dict[str, str], filters: Filters) -> dict[str, str]:
    """The groups of a breakdown by persona ({name: rule}, in the definitions' order): the
    defined personas, only the chosen ones when the view filters by persona, so that each group
    holds what its persona filter keeps."""
    if filters.persona_rules:
        return {name: rule for name, rule in rules.items() if name in filters.personas}
    return dict(rules)


def breakdown_groups(
    cur: duckdb.DuckDBPyConnection, workspace_id: int, filters: Filters, by: str | None
) -> dict[str, list[str]]:
    """The groups of a breakdown `by` as the queries take them ($group_names, $group_rules,
    jl_groups in queries/macros.sql): chosen_groups for a breakdown by persona; none for any other
    breakdown, or when the workspace defines no personas (the breakdown reads the persona column)."""
    if by != "persona":
        return {"group_names": [], "group_rules": []}
    groups = chosen_groups({p.name: p.rule for p in definitions(cur, workspace_id)}, filters)
    return {"group_names": list(groups), "group_rules": list(groups.values())}


__all__ = ["Persona", "breakdown_groups", "chosen_groups", "definitions"]
