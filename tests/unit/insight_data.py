"""Workspaces for the insight tests: frames written the way the demo installer writes them (one
transaction, datasets rows, the write-time summaries), so the views read what the app reads."""

from __future__ import annotations

import numpy as np
import pandas as pd

from journeylens.domain.permissions import LOCAL
from journeylens.services import demo, summaries, workspaces
from journeylens.services.demo.workspace import with_src_row
from journeylens.storage import sql
from journeylens.storage.store import Store, Workspace

RESPONSE_COLUMNS = (
    "response_id", "customer_id", "touchpoint", "submitted_at", "nps", "csat", "ces", "emotion",
    "comment", "persona", "segment", "channel",
)  # fmt: skip
EVENT_COLUMNS = ("customer_id", "touchpoint", "ts", "channel", "persona", "segment", "value",
                 "converted")  # fmt: skip
TOUCHPOINT_COLUMNS = ("touchpoint", "stage", "stage_order", "step_order", "channel", "owner",
                      "goal", "description", "target_csat", "in_funnel", "thoughts",
                      "opportunities", "ideas")  # fmt: skip


def _complete(frame: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    out = frame.copy()
    for col in columns:
        if col not in out:
            out[col] = None
    return out[list(columns)]


def install(
    store: Store,
    name: str,
    touchpoints: pd.DataFrame,
    responses: pd.DataFrame,
    events: pd.DataFrame | None = None,
    min_n: int | None = None,
) -> Workspace:
    """(Re)create workspace `name` with these frames, as demo.install does for the demo."""
    existing = store.workspace(name)
    if existing is not None:
        store.delete_workspace(existing.workspace_id)
    frames = {
        "touchpoints": _complete(touchpoints, TOUCHPOINT_COLUMNS),
        "events": _complete(events if events is not None else pd.DataFrame(), EVENT_COLUMNS),
        "responses": _complete(responses, RESPONSE_COLUMNS),
    }
    frames["touchpoints"]["in_funnel"] = (
        frames["touchpoints"]["in_funnel"].fillna(True).astype(bool)
    )
    frames["events"]["converted"] = frames["events"]["converted"].astype("boolean")
    with store.write(LOCAL) as cur:
        ws_id = int(sql.run(cur, "workspace_create", name=name).iloc[0, 0])
        for kind, frame in frames.items():
            ds = int(
                sql.run(
                    cur, "dataset_insert", workspace_id=ws_id, kind=kind, source_name=f"{name}: {kind}",
                    sha256=demo.content_sha256(frame) if len(frame) else "0" * 64,
                    source_format="generated", rows_loaded=len(frame), rows_rejected=0,
                    mapping="{}",
                ).iloc[0, 0]
            )  # fmt: skip
            view = f"demo_{kind}_src"
            cur.register(view, with_src_row(frame))
            try:
                sql.execute(cur, f"demo_insert_{kind}", workspace_id=ws_id, dataset_id=ds)
            finally:
                cur.unregister(view)
        summaries.refresh(cur, ws_id, events_changed=True, responses_changed=True)
        sql.execute(cur, "workspace_bump", workspace_id=ws_id)
    ws = store.workspace_by_id(ws_id)
    assert ws is not None
    if min_n is not None:
        ws = workspaces.update_settings(store, LOCAL, ws, min_n=min_n)
    return ws


def shuffled(frame: pd.DataFrame, columns: list[str], within: str, seed: int) -> pd.DataFrame:
    """The frame with `columns` permuted together among the rows of each `within` group: the
    values keep their distribution, lose any link to the customer or the date."""
    rng = np.random.Generator(np.random.PCG64(seed))
    out = frame.copy()
    for _, idx in out.groupby(within, dropna=False).groups.items():
        idx = np.asarray(idx)
        perm = rng.permutation(idx)
        out.loc[idx, columns] = out.loc[perm, columns].to_numpy()
    for col in columns:
        out[col] = out[col].astype(frame[col].dtype)
    return out
