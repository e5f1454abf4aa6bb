"""Empty and partial data (issue 19): a page says what the data lacks and what to upload, not
"no data matches these filters" when no filter is to blame."""

from __future__ import annotations

from pathlib import Path

from journeylens.domain.permissions import LOCAL
from journeylens.i18n import t
from journeylens.services import ingest
from journeylens.storage.store import Store

from .conftest import infos, no_problems

# NPS answers with dates and comments, but no touchpoint column.
NPS_ONLY = (
    b"Response ID,Submitted,NPS,Comment\n"
    b"r1,2026-04-03,9,Helpful\n"
    b"r2,2026-04-13,6,Slow\n"
    b"r3,2026-04-21,10,Quick\n"
)


def _load_file(path: Path, name: str, payload: bytes, workspace: str = "Empty") -> None:
    """Import a file through the importer, as the Data page does, before the app opens the
    database (see tests/app/conftest.py)."""
    with Store(path) as store:
        ws = store.ensure_workspace(LOCAL, workspace)
        prepared = ingest.prepare(payload, name, store=store)
        ingest.load(store, LOCAL, ws, prepared, prepared.mapping, prepared.kind)


def test_heatmap_of_answers_without_touchpoints_says_what_is_missing(empty_db, app):
    _load_file(empty_db, "nps-only.csv", NPS_ONLY)
    for lang in ("en", "vi", "ro"):
        at = app("heatmap", lang=lang)
        no_problems(at)
        shown = infos(at)
        assert t("empty19.no_touchpoints", lang) in shown, (lang, shown)
        assert t("state.no_match", lang) not in shown
    assert "No data matches" not in " ".join(infos(app("heatmap")))


def _tile(at, label: str):
    """The overview column whose KPI tile is labelled `label`."""
    return next(c for c in at.main.columns if [m.label for m in c.metric] == [label])


def test_overview_tile_of_a_metric_without_answers_says_so(empty_db, app):
    _load_file(empty_db, "nps-only.csv", NPS_ONLY)
    for lang in ("en", "vi", "ro"):
        at = app("overview", lang=lang)
        no_problems(at)
        for metric in ("csat", "ces"):
            tile = _tile(at, t(f"metric.{metric}", lang))
            captions = [c.value for c in tile.caption]
            assert captions == [t(f"empty19.no_answers.{metric}", lang)], (lang, captions)
            assert not any("n = 0" in c for c in captions)
        # NPS has its three answers: n and interval as before.
        nps = [c.value for c in _tile(at, t("metric.nps", lang)).caption]
        assert nps[0].startswith("n = 3 · ")
    assert [c.value for c in _tile(app("overview"), "CES (mean)").caption] == [
        "No CES answers in this data"
    ]
