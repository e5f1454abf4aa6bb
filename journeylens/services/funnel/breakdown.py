"""The funnel per group: the persona, segment, channel or an extra column of each customer's chain
start."""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd

from journeylens.domain.filters import Filters, extra_column_of
from journeylens.i18n import t
from journeylens.services.funnel.events import chains_of
from journeylens.services.funnel.spec import FunnelError, FunnelSpec
from journeylens.services.funnel.steps import STEP_COLUMNS, finish, steps_frame, tidy

BREAKDOWN_BY = ("persona", "segment", "channel")
MAX_GROUPS = 20


def run_breakdown(
    cur: duckdb.DuckDBPyConnection,
    workspace_id: int,
    filters: Filters,
    spec: FunnelSpec,
    by: str,
    *,
    max_groups: int = MAX_GROUPS,
    lang: str = "en",
) -> pd.DataFrame:
    """The funnel per group of the customers' step-1 persona / segment / channel, or of a column
    kept from the user's files (`by` = extra_by(column): the step-1 event's value of it).

    Columns: group (the value; "(not set)" for none, "Other" for the merged tail, both in
    `lang`), is_other, then STEP_COLUMNS. At most `max_groups` groups (counting "Other"; never
    fewer than 2), the largest step-1 count first (ties by name, "(not set)" last), "Other" at
    the end.
    """
    if by not in BREAKDOWN_BY and extra_column_of(by) is None:
        raise FunnelError("funnel.error.breakdown_by", by=by)
    found = chains_of(cur, workspace_id, filters, spec, by=by)
    assert found.group is not None
    columns = ["group", "is_other", *STEP_COLUMNS]
    if len(found.depth) == 0:
        return pd.DataFrame(columns=columns)
    codes, values = pd.factorize(pd.Series(found.group, dtype=object), use_na_sentinel=False)
    sizes = np.bincount(codes, minlength=len(values))
    ranked = sorted(
        range(len(values)), key=lambda i: (-sizes[i], values[i] is None, str(values[i]))
    )
    limit = max(2, max_groups)
    shown = ranked if len(ranked) <= limit else ranked[: limit - 1]
    parts = [(values[i], False, codes == i) for i in shown]
    if len(ranked) > limit:
        parts.append((None, True, ~np.isin(codes, shown)))
    frames = []
    for value, is_other, mask in parts:
        part = finish(steps_frame(found.depth[mask], found.times[mask], spec))
        if is_other:
            label = t("funnel.other", lang)
        elif value is None or value != value:
            label = t("funnel.not_set", lang)
        else:
            label = str(value)
        part.insert(0, "is_other", is_other)
        part.insert(0, "group", label)
        frames.append(part)
    return tidy(pd.concat(frames, ignore_index=True)[columns])
