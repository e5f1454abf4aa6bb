"""The journey definition (stages, touchpoints, order, channel, owner, goal, target): read,
validate and save the table a manager edits."""

from __future__ import annotations

import pandas as pd

from journeylens.domain.permissions import Access, require
from journeylens.services import edited_table, summaries
from journeylens.services.edited_table import Problem, blank
from journeylens.storage import queries
from journeylens.storage.store import Store, Workspace

COLUMNS = (
    "touchpoint", "stage", "stage_order", "step_order", "channel", "owner", "goal",
    "description", "target_csat", "in_funnel", "thoughts", "opportunities", "ideas",
)  # fmt: skip
TEXT = (
    "touchpoint", "stage", "channel", "owner", "goal", "description",
    "thoughts", "opportunities", "ideas",
)  # fmt: skip


def definition(store: Store, workspace_id: int) -> pd.DataFrame:
    return store.query(queries.journey_definition, workspace_id=workspace_id)


def clean(df: pd.DataFrame) -> pd.DataFrame:
    """The table as edited, cleaned (edited_table.clean) to our columns."""
    return edited_table.clean(df, COLUMNS, TEXT)


def validate(df: pd.DataFrame) -> list[Problem]:
    """Required names, unique touchpoints, whole positive orders, a target within 0–100."""
    problems: list[Problem] = []
    seen: set[str] = set()
    stage_orders: dict[str, object] = {}
    for i, row in enumerate(df.to_dict("records"), start=1):
        name = row.get("touchpoint")
        if blank(name):
            problems.append(Problem(i, "touchpoint", "journey.error.required"))
        elif name in seen:
            problems.append(Problem(i, "touchpoint", "journey.error.duplicate"))
        else:
            seen.add(str(name))
        if blank(row.get("stage")):
            problems.append(Problem(i, "stage", "journey.error.required"))
        for col in ("stage_order", "step_order"):
            value = row.get(col)
            try:
                ok = (
                    not blank(value)
                    and float(value) == int(float(value))
                    and int(float(value)) >= 1
                )
            except (TypeError, ValueError):
                ok = False
            if not ok:
                problems.append(Problem(i, col, "journey.error.order"))
        target = row.get("target_csat")
        if not blank(target):
            try:
                ok = 0 <= float(target) <= 100
            except (TypeError, ValueError):
                ok = False
            if not ok:
                problems.append(Problem(i, "target_csat", "journey.error.target"))
        stage, order = row.get("stage"), row.get("stage_order")
        if not blank(stage) and not blank(order):
            if stage in stage_orders and stage_orders[stage] != order:
                problems.append(Problem(i, "stage_order", "journey.error.stage_order"))
            stage_orders.setdefault(stage, order)
    return problems


def save(store: Store, access: Access, ws: Workspace, df: pd.DataFrame) -> int:
    """Replace the workspace's journey definition in one transaction. Editors only."""
    require(access, "journey.save")
    table = clean(df)
    problems = validate(table)
    if problems:
        raise ValueError(f"{len(problems)} problems in the journey definition")
    table["stage_order"] = table["stage_order"].astype(float).astype(int)
    table["step_order"] = table["step_order"].astype(float).astype(int)
    table["target_csat"] = pd.to_numeric(table["target_csat"], errors="coerce")
    table["in_funnel"] = [True if blank(v) else bool(v) for v in table["in_funnel"]]
    with store.write(access, "journey.save") as cur:
        cur.register("journey_src", table)
        try:
            queries.journey_clear(cur, workspace_id=ws.workspace_id)
            queries.journey_insert(cur, workspace_id=ws.workspace_id)
            # no answer or event changed: the load-time summaries (volumes, words, facets, the
            # response cube) stay valid past the bump, since stages, journey order and the
            # touchpoints' channels are read from the definition at query time; the default
            # funnel is recomputed only if its steps changed
            summaries.refresh(cur, ws.workspace_id, events_changed=False, responses_changed=False)
            queries.workspace_bump(cur, workspace_id=ws.workspace_id)
        finally:
            cur.unregister("journey_src")
    return len(table)
