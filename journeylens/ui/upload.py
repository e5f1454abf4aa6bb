"""The Data page's flow: upload → detect → map → check → load, and dataset housekeeping.

Everything that decides anything lives in journeylens.services.ingest; this module only draws it and keeps
the half-finished upload in session state between reruns.
"""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path
from typing import Any

import pandas as pd
import streamlit as st

from journeylens.i18n import Translator, plural_key
from journeylens.services import demo, export, ingest, workspaces
from journeylens.services.datasets import delete as delete_dataset
from journeylens.ui import insights, safe, tables
from journeylens.ui.errors import show_error
from journeylens.ui.view import View

MAX_UPLOAD_ENV = "JOURNEYLENS_MAX_UPLOAD_MB"
NONE = "\x00none"
# Checked here, not by st.file_uploader(type=...): Streamlit checks that list while restoring the
# widget's state, before the script runs, so a crafted name (a NUL in it) raised a traceback on
# every rerun. Here it is a message, and the content is sniffed anyway.
UPLOAD_TYPES = (".csv", ".tsv", ".txt", ".xlsx", ".parquet", ".xes")


def max_upload_bytes() -> int:
    return int(float(os.environ.get(MAX_UPLOAD_ENV, "200")) * 1024 * 1024)


# The dropzone's button and its limit line are drawn by Streamlit's frontend, in English, with no
# API to change them: the page hides that text and shows its own through CSS generated content.
_DROPZONE = '[data-testid="stFileUploaderDropzone"]'
# (Streamlit's element hidden, the element that shows the new words after its children, key)
_UPLOADER_TEXT = (
    (f'{_DROPZONE} button [data-testid="stMarkdownContainer"]', f"{_DROPZONE} button > div",
     "lang19.upload_button"),
    ('[data-testid="stFileUploaderDropzoneInstructions"] span',
     '[data-testid="stFileUploaderDropzoneInstructions"] > div', "lang19.upload_limit"),
)  # fmt: skip


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def uploader_css(t: Translator) -> str:
    """The style sheet that shows the file uploader's own words in the UI language ("" in
    English, which Streamlit speaks). The limit is the one the browser enforces (Streamlit's
    server.maxUploadSize), or the app's own when that is smaller."""
    if t.lang == "en":
        return ""
    mb = min(float(st.get_option("server.maxUploadSize")), max_upload_bytes() / 1024 / 1024)
    types = ", ".join(x.lstrip(".").upper() for x in UPLOAD_TYPES)
    texts = {
        "lang19.upload_button": t("lang19.upload_button"),
        "lang19.upload_limit": t(
            "lang19.upload_limit", mb=t.num(mb, 0 if mb == int(mb) else 1), types=types
        ),
    }
    # Streamlit's words are taken out (display: none, so a screen reader does not read them
    # either) and the new ones drawn by their parent, where they also name the button.
    rules = [
        f"{hidden} {{ display: none; }} {shows}::after {{ content: {_css_string(texts[key])}; "
        "font-size: 0.875rem; }"
        for hidden, shows, key in _UPLOADER_TEXT
    ]
    return "<style>\n" + "\n".join(rules) + "\n</style>"


def uploader(t: Translator, label: str, key: str) -> Any:
    """st.file_uploader with its button and limit line in the UI language."""
    css = uploader_css(t)
    if css:
        st.html(css)
    return st.file_uploader(label, key=key)


def _prepared(view: View, name: str, payload: bytes) -> Any:
    """Detect once per file; reruns reuse the result."""
    digest = hashlib.sha256(payload).hexdigest()
    name = ingest.clean_filename(name)
    ext = os.path.splitext(name)[1].lower()
    if ext not in UPLOAD_TYPES:
        raise ingest.IngestError("bad_extension", name, ext=ext or name)
    cache = st.session_state.setdefault("_upload_prepared", {})
    if digest not in cache:
        cache.clear()
        cache[digest] = ingest.prepare(
            payload, name, store=view.store, max_bytes=max_upload_bytes()
        )
    return cache[digest]


def workspace_admin(view: View) -> None:
    t = view.t
    if not view.shows_editing:
        st.info(t("access.denied"), icon=":material/lock:")
        return
    box = st.expander(t("data.workspace_new"))
    with box.form("new_workspace", clear_on_submit=True, border=False):
        name = st.text_input(t("data.workspace_name"), max_chars=120)
        if st.form_submit_button(t("data.workspace_create")) and name.strip():
            try:
                ws = view.store.ensure_workspace(view.access, name)
                # The sidebar was drawn before this; rerun so it lists (and selects) the new one.
                st.session_state["_select_workspace"] = ws.name
                st.session_state["_upload_done"] = safe.msg(
                    t, "data.workspace_created", name=ws.name
                )
                st.rerun()
            except Exception as exc:  # noqa: BLE001
                show_error(exc, t)


def upload_flow(view: View) -> None:
    t = view.t
    ws = view.workspace
    if ws is None or not view.shows_editing:
        return
    st.markdown(safe.msg(t, "data.target_workspace", name=ws.name))
    done = st.session_state.pop("_upload_done", None)
    if done:
        st.success(done)
    file = uploader(t, t("data.upload"), key="upload_file")
    if file is None:
        return
    payload = file.getvalue()
    try:
        prepared = _prepared(view, file.name, payload)
    except Exception as exc:  # noqa: BLE001 - shown as a message naming the file
        show_error(exc, t)
        st.caption(t("data.nothing_stored"))
        return

    decimal = t("data.decimal_comma") if prepared.decimal_comma else ""
    delimiter = {"\t": "TAB", ",": "“,”", ";": "“;”", "|": "“|”"}.get(
        prepared.delimiter or "", str(prepared.delimiter or "–")
    )
    st.caption(
        t(
            "data.detected",
            format=prepared.source_format,
            platform=prepared.platform,
            encoding=prepared.encoding or "–",
            delimiter=delimiter,
            decimal=decimal,
        )
    )
    kind = st.radio(
        t("data.kind"),
        ingest.KINDS,
        index=ingest.KINDS.index(prepared.kind),
        format_func=lambda k: t(f"data.kind.{k}"),
        horizontal=True,
        key=f"kind_{prepared.sha256[:12]}",
    )
    for warning in prepared.warnings:  # e.g. an unclosed quote, seen in the head already
        st.warning(safe.msg(t, f"ingest.{warning.code}", **warning.params))
    mapping = _mapping_widgets(t, prepared, kind)
    insights.driver_columns_widget(view, prepared, mapping, kind)
    with st.expander(t("data.preview"), expanded=False):
        tables.dataframe(
            prepared.preview, lang=t.lang, plain=prepared.preview.columns, hide_index=True
        )

    col_check, col_load = st.columns(2)
    checked = col_check.button(t("data.check"), key="check_btn")
    load = col_load.button(t("data.load"), type="primary", key="load_btn")
    if checked or load:
        try:
            report = ingest.validate(
                view.store, prepared, mapping, kind, workspace_id=ws.workspace_id
            )
        except Exception as exc:  # noqa: BLE001
            show_error(exc, t)
            st.caption(t("data.nothing_stored"))
            return
        if report.duplicate is not None:  # said at Check already, not only when Load refuses
            show_error(report.duplicate, t)
            if load:
                st.caption(t("data.nothing_stored"))
                return
        _show_report(t, prepared, report)
        if load:
            _load(view, prepared, mapping, kind)


def _mapping_widgets(t: Translator, prepared: Any, kind: str) -> dict[str, str]:
    st.subheader(t("data.mapping"))
    st.caption(
        t("data.mapping_saved") if prepared.mapping_source == "saved" else t("data.mapping_guessed")
    )
    options = [NONE, *prepared.columns]
    mapping: dict[str, str] = {}
    fields = ingest.FIELDS[kind]
    start = prepared.mapping_for(kind)
    cols = st.columns(3)
    for i, field in enumerate(fields):
        guessed = start.get(field.name)
        label = t(f"field.{field.name}")
        if field.required:
            label = t("field.required", label=label)
        choice = cols[i % 3].selectbox(
            label,
            options,
            index=options.index(guessed) if guessed in options else 0,
            format_func=lambda c: t("data.not_mapped") if c == NONE else str(c),
            key=f"map_{prepared.sha256[:12]}_{kind}_{field.name}",
        )
        if choice != NONE:
            mapping[field.name] = choice
    return mapping


def _show_report(t: Translator, prepared: Any, report: Any) -> None:
    a, b = st.columns(2)
    a.metric(t("data.rows_ok"), t.num(report.rows_ok, 0))
    b.metric(t("data.rows_rejected"), t.num(report.rows_rejected, 0))
    kept = [str(c) for c in report.unmapped]
    if report.kind == "responses" and set(SCORES) <= set(report.missing_metrics):
        n = len(kept)  # what the file will and will not give, before anything is loaded
        text = t.plural("empty19.no_scores", n, n=t.num(n, 0)) + " " + t("empty19.no_scores_map")
        st.info(text if kept else t("empty19.no_scores_none"), icon=":material/info:")
    elif report.missing_metrics:
        st.info(
            t("data.missing_metrics", metrics=ingest.field_labels(report.missing_metrics, t.lang))
        )
    _kept_columns(t, kept)
    for warning in report.warnings:
        st.warning(safe.msg(t, f"ingest.{warning.code}", **warning.params))
    if report.issues:
        st.subheader(t("data.issues"))
        issues = pd.DataFrame(
            [
                {
                    t("data.col.file_row"): i.row,
                    t("data.col.column"): i.column,
                    t("data.col.value"): i.value,
                    t("data.col.problem"): i.text(t.lang),
                }
                for i in report.issues
            ]
        )
        tables.dataframe(issues, lang=t.lang, hide_index=True)
        st.caption(t("data.row_convention"))
    if report.rows_rejected and report.rejected is not None and len(report.rejected):
        st.download_button(
            t("data.download_rejected"),
            export.table_csv(report.rejected, {"row": t("data.col.file_row")}),
            file_name=f"set-aside-{Path(prepared.filename).stem}.csv",
            mime="text/csv",
            key="download_rejected",
        )


SCORES = ("nps", "csat", "ces")
KEPT_INLINE = 5  # more kept columns than this are listed in an expander


def _kept_columns(t: Translator, kept: list[str]) -> None:
    """The columns kept as extra data: inline when few, in an expander when many (a survey
    platform's export keeps dozens of question texts)."""
    if 0 < len(kept) <= KEPT_INLINE:
        st.caption(safe.msg(t, "data.unmapped_kept", columns=", ".join(kept)))
    elif kept:
        with st.expander(t.plural("empty19.kept_columns", len(kept), n=t.num(len(kept), 0))):
            st.markdown("\n".join(f"- {safe.md(c)}" for c in kept))


def _load(view: View, prepared: Any, mapping: dict[str, str], kind: str) -> None:
    t, ws = view.t, view.workspace
    assert ws is not None
    bar = st.progress(0.0, text=safe.msg(t, "data.loading", name=prepared.filename))
    started = time.perf_counter()

    def progress(rows: int, fraction: float) -> None:
        elapsed = time.perf_counter() - started
        text = t.plural("empty19.progress", rows, rows=t.num(rows, 0), seconds=f"{elapsed:.1f}")
        bar.progress(min(max(fraction, 0.0), 1.0), text=text)

    try:
        result = ingest.load(
            view.store, view.access, ws, prepared, mapping, kind, progress=progress
        )
    except Exception as exc:  # noqa: BLE001
        bar.empty()
        show_error(exc, t)
        st.caption(t("data.nothing_stored"))
        return
    bar.empty()
    st.session_state["_upload_done"] = safe.msg(
        t,
        plural_key("empty19.loaded", result.rows_loaded, t.lang),
        name=prepared.filename,
        rows=t.num(result.rows_loaded, 0),
        workspace=ws.name,
        rejected=t.num(result.rows_rejected, 0),
    )
    marked = insights.save_driver_columns(view, prepared)  # the file's driver questions
    if marked:
        st.session_state["_upload_done"] += " " + marked
    st.session_state.pop("_upload_prepared", None)
    st.session_state.pop("upload_file", None)
    st.rerun()


def datasets(view: View) -> None:
    t, ws = view.t, view.workspace
    if ws is None:
        return
    st.subheader(t("data.datasets"))
    df = view.store.datasets(ws.workspace_id)
    deleted = st.session_state.pop("_dataset_deleted", None)
    if deleted:
        st.success(deleted)
    if df.empty:
        st.caption(t("data.no_datasets"))
    else:
        shown = df[
            ["dataset_id", "kind", "source_name", "rows_loaded", "rows_rejected", "loaded_at"]
        ].assign(kind=[t(f"ingest.kind.{k}") for k in df["kind"]])  # a name, not the code
        shown = shown.rename(
            columns={
                "dataset_id": t("data.col.dataset"),
                "kind": t("data.col.kind"),
                "source_name": t("data.col.file"),
                "rows_loaded": t("data.col.rows"),
                "rows_rejected": t("data.col.rejected"),
                "loaded_at": t("data.col.loaded_at"),
            }
        )
        tables.dataframe(shown, lang=t.lang, plain=[t("data.col.dataset")], hide_index=True)
    if not view.shows_editing:
        return
    if not df.empty:
        box = st.container()
        with box.form("delete_dataset", border=False):
            ids = df["dataset_id"].tolist()
            labels = dict(zip(ids, df["source_name"], strict=True))
            chosen = st.selectbox(
                t("data.delete_dataset"), ids, format_func=lambda i: f"{i} · {labels[i]}"
            )
            sure = st.checkbox(t("data.delete_confirm"))
            if st.form_submit_button(t("data.delete_dataset")) and sure:
                delete_dataset(view.store, view.access, ws.workspace_id, int(chosen))
                st.session_state["_dataset_deleted"] = t("data.deleted", id=chosen)
                st.rerun()
    with st.expander(t("data.delete_workspace")):
        with st.form("delete_workspace", border=False):
            sure = st.checkbox(t("data.delete_confirm"))
            if st.form_submit_button(t("data.delete_workspace")) and sure:
                view.store.delete_workspace(view.access, ws.workspace_id)
                st.session_state["_dataset_deleted"] = safe.msg(
                    t, "data.workspace_deleted", name=ws.name
                )
                st.rerun()
        if st.button(t("data.demo_reset"), key="demo_reset"):
            demo.install(view.store, view.access)
            st.rerun()


def settings(view: View) -> None:
    """Per-workspace rules: minimum n, funnel window, pain threshold, CES direction, privacy."""
    t, ws = view.t, view.workspace
    if ws is None or not view.shows_editing:
        return
    saved = st.session_state.pop("_settings_saved", None)
    if saved:
        st.success(saved)
    box = st.expander(t("settings.title"), icon=":material/tune:")
    with box.form(f"settings_{ws.workspace_id}", border=False):
        min_n = st.number_input(t("settings.min_n"), 1, 100_000, int(ws.min_n), step=1)
        days = st.number_input(
            t("settings.window"), 1, 3650, max(1, ws.conversion_window_seconds // 86400), step=1
        )
        threshold = st.slider(
            t("settings.threshold"), -2.0, 2.0, float(ws.emotion_threshold), step=0.1
        )
        easy = st.checkbox(t("settings.ces_direction"), value=bool(ws.ces_high_is_easy))
        mask = st.checkbox(t("settings.mask_pii"), value=bool(ws.mask_pii))
        if st.form_submit_button(t("settings.save")):
            workspaces.update_settings(
                view.store,
                view.access,
                ws,
                min_n=int(min_n),
                conversion_window_seconds=int(days) * 86400,
                emotion_threshold=float(threshold),
                ces_high_is_easy=bool(easy),
                mask_pii=bool(mask),
            )
            st.session_state["_settings_saved"] = t("settings.saved")
            st.rerun()
