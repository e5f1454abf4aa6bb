"""Personas as workspace objects: who the journey's customers are (name, description, goals,
pains) and the rule that assigns answers and events to each (rows whose `rule_column` equals
`rule_value`). Read, validate and save the table a manager edits; the view filters offer the
names and filter by the rules (journeylens.services.dashboards.options, jl_in_personas in
queries/macros.sql).

A rule names one of the answers' and events' own columns (journeylens.domain.filters.RULE_COLUMNS:
persona, segment, channel) or a column kept from the user's files (responses.extra / events.extra:
a plan, a region, Qualtrics embedded data) by its code `col:<column>` (filters.extra_by). The
response cube keeps no extra columns, so a view filtered by such a persona reads the rows
(jl_rules_read_extra in queries/macros.sql).
"""

from __future__ import annotations

import duckdb
import pandas as pd

from journeylens.domain.filters import is_rule_column
from journeylens.domain.permissions import Access, require
from journeylens.i18n import LANGS, t
from journeylens.services import edited_table, summaries
from journeylens.services.dashboards.sources import BLANK
from journeylens.services.edited_table import Problem, blank
from journeylens.storage import queries
from journeylens.storage.store import Store, Workspace

COLUMNS = ("name", "description", "goals", "pains", "rule_column", "rule_value")
REQUIRED = ("name", "rule_column", "rule_value")


def table(store: Store, workspace_id: int) -> pd.DataFrame:
    """The workspace's personas as the editor shows them (COLUMNS), in the order written."""
    return store.query(queries.persona_list, workspace_id=workspace_id)


def clean(df: pd.DataFrame) -> pd.DataFrame:
    """The table as edited, cleaned (edited_table.clean) to our columns."""
    return edited_table.clean(df, COLUMNS, COLUMNS)


def _reserved() -> set[str]:
    """The labels the breakdowns give rows in no group, in every language."""
    labels = {t(key, lang) for key in ("funnel.not_set", "funnel.other") for lang in LANGS}
    return {s.casefold() for s in labels | {BLANK}}


def validate(df: pd.DataFrame) -> list[Problem]:
    """A name, a rule column (RULE_COLUMNS or a file's column) and a rule value on every row;
    unique names, none of them a breakdown's own group label ("—", "(not set)", "Other")."""
    problems: list[Problem] = []
    seen: set[str] = set()
    for i, row in enumerate(df.to_dict("records"), start=1):
        for col in REQUIRED:
            if blank(row.get(col)):
                problems.append(Problem(i, col, "personas16.error.required"))
        name = row.get("name")
        if not blank(name):
            if str(name).casefold() in seen:
                problems.append(Problem(i, "name", "personas16.error.duplicate"))
            if str(name).strip().casefold() in _reserved():
                problems.append(Problem(i, "name", "personas16.error.reserved"))
            seen.add(str(name).casefold())
        column = row.get("rule_column")
        if not blank(column) and not is_rule_column(str(column)):
            problems.append(Problem(i, "rule_column", "personas16.error.column"))
    return problems


def save(store: Store, access: Access, ws: Workspace, df: pd.DataFrame) -> int:
    """Replace the workspace's personas in one transaction. Editors only."""
    require(access, "personas.save")
    rows = clean(df)
    problems = validate(rows)
    if problems:
        raise ValueError(f"{len(problems)} problems in the personas")
    rows.insert(0, "position", range(1, len(rows) + 1))
    with store.write(access, "personas.save") as cur:
        write(cur, ws.workspace_id, rows)
        # no answer or event changed: the summaries stay valid past the bump, which renews the
        # cached filter options (they carry the persona names and rules)
        summaries.refresh(cur, ws.workspace_id, events_changed=False, responses_changed=False)
        queries.workspace_bump(cur, workspace_id=ws.workspace_id)
    return len(rows)


def write(cur: duckdb.DuckDBPyConnection, workspace_id: int, rows: pd.DataFrame) -> None:
    """Replace the personas inside the caller's transaction (save, the demo's install); rows:
    position and COLUMNS, already validated."""
    cur.register("persona_src", rows)
    try:
        queries.persona_clear(cur, workspace_id=workspace_id)
        queries.persona_insert(cur, workspace_id=workspace_id)
    finally:
        cur.unregister("persona_src")
