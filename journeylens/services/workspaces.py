"""A workspace's settings (minimum n, conversion window, CES direction, pain threshold, privacy).

A service above the store (which knows tables and transactions only). A settings change moves no
answer or event, so the write-time summaries stay valid past the data_version bump; only the
parts that depend on a setting are recomputed: the conversion window the save sets feeds the
default funnel and the drivers' conversion cohorts (journeylens.services.summaries, `window_seconds`).
Same transaction, so a reader never sees the new window with the old summaries.
"""

from __future__ import annotations

from typing import cast

from journeylens.domain.permissions import Access, require
from journeylens.services import summaries
from journeylens.storage import queries
from journeylens.storage.store import Store, Workspace


def update_settings(store: Store, access: Access, ws: Workspace, **changes: object) -> Workspace:
    """Save `changes` over the workspace's current settings; returns the workspace as stored."""
    require(access, "workspace.settings")
    values = {
        "min_n": ws.min_n,
        "conversion_window_seconds": ws.conversion_window_seconds,
        "ces_high_is_easy": ws.ces_high_is_easy,
        "emotion_threshold": ws.emotion_threshold,
        "mask_pii": ws.mask_pii,
    }
    values.update(changes)
    window = int(cast(int, values["conversion_window_seconds"]))
    with store.write(access, "workspace.settings") as cur:
        # settings change no rows: the load-time summaries stay valid past the bump
        summaries.refresh(
            cur,
            ws.workspace_id,
            events_changed=False,
            responses_changed=False,
            window_seconds=window,
        )
        queries.workspace_settings_update(cur, workspace_id=ws.workspace_id, **values)
    updated = store.workspace_by_id(ws.workspace_id)
    assert updated is not None
    return updated
