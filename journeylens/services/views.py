"""Saved views: a named, described page plus its URL query string, kept with the workspace.

The query string (filters and page controls, which are bound to the URL) is stored exactly as
given and only ever handed back to build a link: it is a parameter of the SQL, never part of it.
Saving a name the workspace already has (case aside) updates that view. Editors only; a viewer
(a share-link visitor) may list them.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pandas as pd

from journeylens.domain.errors import JourneyLensError
from journeylens.domain.permissions import Access, require
from journeylens.storage import queries
from journeylens.storage.store import Store

# The pages a view may open: the slugs of journeylens.ui.pages_registry.PAGES (a unit test keeps
# the two lists the same; the ui is above this layer).
KNOWN_PAGES = (
    "overview", "journey", "personas", "funnel", "emotion", "heatmap", "comments", "fix_first", "alerts",
    "paths", "attribution", "themes", "data",
)  # fmt: skip
MAX_NAME = 80
MAX_DESCRIPTION = 300
MAX_WHO = 60
MAX_QUERY = 4000


class ViewProblem(JourneyLensError, ValueError):
    """A saved view that cannot be stored as given; `field` names the input at fault."""

    def __init__(self, key: str, field: str, **params: Any) -> None:
        super().__init__(key, **params)
        self.field = field


@dataclass(frozen=True)
class SavedView:
    view_id: str
    name: str
    description: str | None
    url_path: str
    query: str
    created_at: datetime
    updated_at: datetime
    updated_by: str | None

    @property
    def changed(self) -> bool:
        """Updated after it was created."""
        return self.updated_at > self.created_at


def _text(value: object) -> str:
    return "" if value is None or (isinstance(value, float) and value != value) else str(value)


def _rows(df: pd.DataFrame) -> list[SavedView]:
    out = []
    for r in df.to_dict("records"):
        out.append(
            SavedView(
                view_id=str(r["view_id"]),
                name=str(r["name"]),
                description=_text(r["description"]) or None,
                url_path=str(r["url_path"]),
                query=_text(r["query"]),
                created_at=pd.Timestamp(r["created_at"]).to_pydatetime(),
                updated_at=pd.Timestamp(r["updated_at"]).to_pydatetime(),
                updated_by=_text(r["updated_by"]) or None,
            )
        )
    return out


def list_views(store: Store, workspace_id: int) -> list[SavedView]:
    """The workspace's views, by name (anyone who may see the workspace)."""
    return _rows(store.query(queries.views_list, workspace_id=workspace_id))


def validate(
    name: str, description: str, url_path: str, query: str, who: str
) -> tuple[str, str | None, str | None]:
    """The trimmed name, description and author; ViewProblem naming the first bad field."""
    name = (name or "").strip()
    if not name:
        raise ViewProblem("views16.error.name_required", "name")
    if len(name) > MAX_NAME:
        raise ViewProblem("views16.error.name_long", "name", max=MAX_NAME)
    description = (description or "").strip()
    if len(description) > MAX_DESCRIPTION:
        raise ViewProblem("views16.error.description_long", "description", max=MAX_DESCRIPTION)
    who = (who or "").strip()
    if len(who) > MAX_WHO:
        raise ViewProblem("views16.error.who_long", "who", max=MAX_WHO)
    if url_path not in KNOWN_PAGES:
        raise ViewProblem("views16.error.page_unknown", "page")
    if not isinstance(query, str) or len(query) > MAX_QUERY:
        raise ViewProblem("views16.error.query_long", "query", max=MAX_QUERY)
    return name, description or None, who or None


def save(
    store: Store,
    access: Access,
    workspace_id: int,
    *,
    name: str,
    url_path: str,
    query: str,
    description: str = "",
    who: str = "",
    now: datetime | None = None,
) -> tuple[SavedView, bool]:
    """Store a view under `name`, or update the one of that name; returns it and whether it is
    new."""
    require(access, "views.save")
    name, desc, by = validate(name, description, url_path, query, who)
    now = now or datetime.now()
    with store.write(access, "views.save") as cur:
        found = _rows(queries.views_by_name(cur, workspace_id=workspace_id, name=name))
        params = dict(
            workspace_id=workspace_id, name=name, description=desc, url_path=url_path,
            query=query, now=now, updated_by=by,
        )  # fmt: skip
        if found:
            view_id = found[0].view_id
            queries.views_update(cur, view_id=view_id, **params)
        else:
            view_id = secrets.token_hex(8)
            queries.views_insert(cur, view_id=view_id, **params)
        row = _rows(queries.views_get(cur, workspace_id=workspace_id, view_id=view_id))[0]
    return row, not found


def update(
    store: Store,
    access: Access,
    workspace_id: int,
    view_id: str,
    *,
    name: str,
    url_path: str,
    query: str,
    description: str = "",
    who: str = "",
    now: datetime | None = None,
) -> SavedView:
    """Change one view (a rename included); its name must stay unique in the workspace."""
    require(access, "views.save")
    name, desc, by = validate(name, description, url_path, query, who)
    now = now or datetime.now()
    with store.write(access, "views.save") as cur:
        if not _rows(queries.views_get(cur, workspace_id=workspace_id, view_id=view_id)):
            raise ViewProblem("views16.error.gone", "view")
        same = _rows(queries.views_by_name(cur, workspace_id=workspace_id, name=name))
        if any(v.view_id != view_id for v in same):
            raise ViewProblem("views16.error.name_taken", "name", name=name)
        queries.views_update(
            cur, workspace_id=workspace_id, view_id=view_id, name=name, description=desc,
            url_path=url_path, query=query, now=now, updated_by=by,
        )  # fmt: skip
        return _rows(queries.views_get(cur, workspace_id=workspace_id, view_id=view_id))[0]


def delete(store: Store, access: Access, workspace_id: int, view_id: str) -> None:
    require(access, "views.delete")
    with store.write(access, "views.delete") as cur:
        queries.views_delete(cur, workspace_id=workspace_id, view_id=view_id)
