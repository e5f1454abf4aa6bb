"""The demo as a workspace: install it in one transaction, and open it on first start."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd
import pyarrow as pa

from journeylens.domain.permissions import Access, require
from journeylens.services import personas, summaries
from journeylens.services.demo.generate import DEFAULT_CUSTOMERS, DEFAULT_SEED, build
from journeylens.services.demo.story import PERSONA_PROFILES
from journeylens.storage import queries
from journeylens.storage.store import Store, Workspace

# the demo's frames, each copied from its registered view into its table
INSERTS = {
    "touchpoints": queries.demo_insert_touchpoints,
    "responses": queries.demo_insert_responses,
    "events": queries.demo_insert_events,
}

DEMO_WORKSPACE = "Demo: mortgage journey"


def content_sha256(frame: pd.DataFrame) -> str:
    """A stable fingerprint of a frame's content (row order included)."""
    hashed = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    digest = hashlib.sha256(hashed.tobytes())
    digest.update("|".join(frame.columns).encode())
    return digest.hexdigest()


def with_src_row(frame: pd.DataFrame) -> pa.Table:
    table = pa.Table.from_pandas(frame, preserve_index=False)
    return table.append_column("src_row", pa.array(np.arange(1, len(frame) + 1, dtype=np.int64)))


def persona_rows() -> pd.DataFrame:
    """The demo's four personas (story.PERSONA_PROFILES), each the rows of its persona column
    value, as journeylens.services.personas.write takes them."""
    rows = [
        {
            "position": i,
            "name": name,
            "description": description,
            "goals": goals,
            "pains": pains,
            "rule_column": "persona",
            "rule_value": name,
        }
        for i, (name, description, goals, pains) in enumerate(PERSONA_PROFILES, start=1)
    ]
    return pd.DataFrame(rows)


def install(
    store: Store,
    access: Access,
    name: str = DEMO_WORKSPACE,
    *,
    seed: int = DEFAULT_SEED,
    customers: int = DEFAULT_CUSTOMERS,
) -> Workspace:
    """(Re)create the demo workspace: one transaction, one datasets row per table. Editors only:
    a reinstall replaces a workspace."""
    require(access, "demo.install")
    demo = build(seed, customers)
    existing = store.workspace(name)
    if existing is not None:
        store.delete_workspace(access, existing.workspace_id)
    frames = {"touchpoints": demo.touchpoints, "events": demo.events, "responses": demo.responses}
    with store.write(access, "demo.install") as cur:
        workspace_id = int(queries.workspace_create(cur, name=name).iloc[0, 0])
        for kind, frame in frames.items():
            dataset_id = int(
                queries.dataset_insert(
                    cur,
                    workspace_id=workspace_id,
                    kind=kind,
                    source_name=f"demo: {kind} (seed {seed})",
                    sha256=content_sha256(frame),
                    source_format="generated",
                    rows_loaded=len(frame),
                    rows_rejected=0,
                    mapping="{}",
                ).iloc[0, 0]
            )
            view = f"demo_{kind}_src"
            cur.register(view, with_src_row(frame))
            try:
                INSERTS[kind](cur, workspace_id=workspace_id, dataset_id=dataset_id)
            finally:
                cur.unregister(view)
        personas.write(cur, workspace_id, persona_rows())
        # the unfiltered-view summaries, in this transaction, just before the bump they refer to
        summaries.refresh(cur, workspace_id, events_changed=True, responses_changed=True)
        queries.workspace_bump(cur, workspace_id=workspace_id)
    ws = store.workspace_by_id(workspace_id)
    assert ws is not None
    return ws


def ensure(store: Store, access: Access) -> Workspace:
    """First start (no workspace at all): install the demo. Otherwise open the demo if it is
    still there, else the first workspace. The server's start-up passes LOCAL (it acts for
    whoever runs the server, not for a visitor)."""
    workspaces = store.workspaces()
    if not workspaces:
        return install(store, access)
    return next((w for w in workspaces if w.name == DEMO_WORKSPACE), workspaces[0])
