"""Deleting a dataset: exactly the rows one upload brought in, and the summaries they fed.

A service above the store (which knows tables and transactions only): the delete removes answers
and events, so every write-time summary built from them (journeylens.services.summaries: volumes, words,
facets, the response cube, the drivers' customer tables, the default funnel, the paths) is
rebuilt in the same transaction, before the data_version bump the summaries are marked valid for.
"""

from __future__ import annotations

from journeylens.domain.permissions import Access, require
from journeylens.services import summaries
from journeylens.storage import queries
from journeylens.storage.store import Store


def delete(store: Store, access: Access, workspace_id: int, dataset_id: int) -> None:
    """Exactly the rows one upload brought in. Editors only."""
    require(access, "dataset.delete")
    with store.write(access, "dataset.delete") as cur:
        queries.dataset_delete(cur, workspace_id=workspace_id, dataset_id=dataset_id)
        summaries.refresh(cur, workspace_id, events_changed=True, responses_changed=True)
        queries.workspace_bump(cur, workspace_id=workspace_id)
