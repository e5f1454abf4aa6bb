"""One error base: every user-facing error carries a message key, its values and a hint key, and
the UI shows both from the catalogue (the marimo way: what went wrong, then what to do)."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from journeylens.domain.errors import InsightError, JourneyLensError
from journeylens.domain.permissions import AccessDenied
from journeylens.i18n import LANGS, Translator, catalogue, t
from journeylens.services import access, signin
from journeylens.services.funnel import FunnelError
from journeylens.services.ingest import IngestError
from journeylens.services.ingest.model import INGEST_HINTS
from journeylens.services.insights.alerts import AlertError, AlertSpec
from journeylens.services.insights.drivers import DriverError, DriverSpec
from journeylens.storage.store import StoreError, StoreLockedError
from journeylens.ui.errors import hint_for, message_for, show_error

ROOT = Path(__file__).resolve().parents[2]
USER_FACING = (
    StoreError, StoreLockedError, AccessDenied, IngestError, FunnelError, InsightError,
    DriverError, AlertError, signin.SignInRefused, access.InvalidLink,
)  # fmt: skip


def _subclasses(cls: type) -> set[type]:
    out = set(cls.__subclasses__())
    return out | {s for c in out for s in _subclasses(c)}


@pytest.mark.parametrize("cls", USER_FACING, ids=lambda c: c.__name__)
def test_user_facing_errors_share_the_base(cls):
    assert issubclass(cls, JourneyLensError)


def test_every_hint_key_is_in_the_catalogue_in_every_language():
    keys = {c.hint_key for c in _subclasses(JourneyLensError)} | set(INGEST_HINTS.values())
    keys.discard(None)
    assert keys, "no hints found"
    for key in sorted(keys):
        texts = catalogue().get(key)
        assert texts and len(texts) == len(LANGS) and all(x.strip() for x in texts), key
        assert len(set(texts)) == len(LANGS), f"{key} is not translated"


def test_every_message_key_raised_in_code_exists():
    """Keys given to an error's constructor (`SomeError("area.error.x", ...)`) are in the
    catalogue, so no error shows its raw key."""
    pattern = re.compile(
        r"""\b[A-Z]\w*(?:Error|Denied|Refused)\(\s*["']([a-z_]+\.[a-z0-9_.]+)["']"""
    )
    used: set[str] = set()
    for path in ROOT.glob("journeylens/**/*.py"):
        used |= set(pattern.findall(path.read_text(encoding="utf-8")))
    assert {"store.error.no_workspace", "drivers.error.outcome", "funnel.error.window"} <= used
    assert not sorted(k for k in used if k not in catalogue())


def test_str_is_the_english_message_as_before():
    """The CLI prints str(exc), and the log shows it: the texts the code wrote are kept."""
    no_ws = StoreError("store.error.no_workspace", name="Nope", known="Bank")
    assert str(no_ws) == "No workspace named 'Nope' (known: Bank)."
    locked = StoreLockedError("store.error.locked", path="/d/x.duckdb", env="JOURNEYLENS_DB")
    assert str(locked) == (
        "The database /d/x.duckdb is in use by another JourneyLens process (DuckDB allows one "
        "writer per file). Stop that process, or point this one at another file with "
        "JOURNEYLENS_DB=PATH or --db PATH."
    )
    with pytest.raises(DriverError, match=r"^outcome must be one of nps, conversion; got 'x'$"):
        DriverSpec(outcome="x")
    with pytest.raises(AlertError, match=r"^period must be one of month, week; got 'day'$"):
        AlertSpec(period="day")
    assert str(AccessDenied(action="dataset.delete")) == "access.denied (dataset.delete)"
    assert str(access.InvalidLink("revoked")) == "revoked"
    assert isinstance(AccessDenied(), PermissionError)
    assert isinstance(FunnelError("funnel.error.step_count", n=1), ValueError)


def test_message_and_hint_in_the_ui_language():
    vi = Translator("vi")
    exc = IngestError("too_large", "big*file.csv", size="9 MB", limit="1 MB")
    assert message_for(exc, vi) == t("ingest.too_large", "vi", file=r"big\*file\.csv",
                                     size="9 MB", limit="1 MB")  # fmt: skip
    assert hint_for(exc, vi) == t("error.hint.split", "vi")
    assert hint_for(AccessDenied(), vi) == t("error.hint.access", "vi")
    assert message_for(AccessDenied(), vi) == t("access.denied", "vi")
    assert hint_for(FunnelError("funnel.error.step_count", n=1), vi) == t(
        "error.hint.settings", "vi"
    )
    # a message that already says what to do has no hint
    assert hint_for(IngestError("nothing_mapped", "a.csv"), vi) is None
    assert hint_for(StoreLockedError("store.error.locked", path="p", env="E"), vi) is None


def test_duckdb_errors_get_a_hint_by_kind():
    en = Translator("en")
    oom = duckdb.OutOfMemoryException("Out of Memory Error: could not allocate\nmore")
    assert message_for(oom, en) == t(
        "error.database", message=r"Out of Memory Error\: could not allocate"
    )
    assert hint_for(oom, en) == t("error.hint.memory")
    assert hint_for(duckdb.IOException("Could not set lock on file"), en) == t(
        "error.hint.try_again"
    )
    assert hint_for(duckdb.BinderException("no column x"), en) == t("error.hint.report")
    assert hint_for(KeyError("x"), en) == t("error.hint.report")
    assert message_for(KeyError("x"), en) == t("error.generic", message="KeyError")
    assert hint_for(ValueError("3 problems in the journey definition"), en) is None


class _Box:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def error(self, body: str, icon: str | None = None) -> None:
        self.calls.append(("error", body))

    def caption(self, body: str) -> None:
        self.calls.append(("caption", body))


def test_show_error_puts_the_hint_below_the_message():
    box = _Box()
    show_error(IngestError("empty", "e.csv"), Translator("ro"), box=box)
    assert box.calls == [
        ("error", t("ingest.empty", "ro", file=r"e\.csv")),
        ("caption", ":material/lightbulb: " + t("error.hint.fix_file", "ro")),
    ]
    box = _Box()
    show_error(IngestError("duplicate", "d.csv", dataset_id=1, earlier="x", loaded_at="y"),
               Translator("en"), box=box)  # fmt: skip
    assert [kind for kind, _ in box.calls] == ["error"]
