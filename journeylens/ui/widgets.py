"""Small drawing helpers shared by pages: charts with exports, empty states, captions, tables."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import altair as alt
import pandas as pd
import streamlit as st

from journeylens import i18n
from journeylens.domain.filters import extra_by, extra_column_of
from journeylens.services import export
from journeylens.ui import links, safe, state, tables
from journeylens.ui.view import View


def _slug(text: str) -> str:
    return export.slug(text)


def chart(
    view: View,
    obj: alt.TopLevelMixin,
    name: str,
    caption: str | None = None,
    stretch: bool = True,
    select: alt.Parameter | None = None,
    slide: bool = False,
) -> dict[str, Any]:
    """Draw a themed chart (Streamlit must not restyle it), its caption and PNG/SVG exports;
    with `slide`, a 16:9 PDF page of it too (for presenting).

    The images are rendered only when a download button is pressed.
    """
    width = "stretch" if stretch else "content"
    picked: dict[str, Any] = {}
    if select is not None:
        event = st.altair_chart(
            obj.add_params(select),
            theme=None,
            width=width,
            on_select="rerun",
            selection_mode=select.name,
            key=f"select_{_slug(name)}",
        )
        picked = dict(event.selection) if event is not None else {}
    else:
        st.altair_chart(obj, theme=None, width=width)
    if caption:
        st.caption(safe.md(caption))  # filter values are data
    spec = obj.to_dict()
    slug = _slug(name)
    # The images say which filters made them, and their names which workspace, chart and day.
    footer = caption or view.caption()
    workspace = view.workspace.name if view.workspace is not None else ""
    row = st.container(horizontal=True)
    images = [
        ("export.png", export.chart_png, "png", "image/png", "png", "image"),
        ("export.svg", export.chart_svg, "svg", "image/svg+xml", "svg", "draw"),
    ]
    if slide:
        images.append(
            ("canvas.slide_pdf", export.slide_pdf, "pdf", "application/pdf", "slide", "slideshow")
        )
    for label, render, ext, mime, prefix, icon in images:
        row.download_button(
            view.t(label),
            lambda render=render: render(spec, caption=footer),
            file_name=export.image_name(workspace, name, ext),
            mime=mime,
            key=f"{prefix}_{slug}",
            on_click="ignore",
            icon=f":material/{icon}:",
        )
    return picked


def table(view: View, df: pd.DataFrame, name: str, **kwargs: Any) -> None:
    """A table and its CSV download (formula-safe)."""
    tables.dataframe(df, lang=view.lang, hide_index=True, **kwargs)
    st.download_button(
        view.t("export.csv"),
        lambda: export.table_csv(df),
        file_name=f"{_slug(name)}.csv",
        mime="text/csv",
        key=f"csv_{_slug(name)}",
        on_click="ignore",
        icon=":material/download:",
    )


def make_report(view: View, sections: list[export.Section], title: str = "") -> export.Report:
    """A report under the current filters, with the definitions, in the UI language."""
    t = view.t
    assert view.workspace is not None
    heading = t("export.report_title", workspace=view.workspace.name)
    return export.Report(
        title=f"{heading} · {title}" if title else heading,
        filters=view.caption(),
        definitions=view.definitions(),
        sections=sections,
        generated_label=t("export.generated", when="{when}"),
        definitions_label=t("export.definitions"),
        lang=view.lang,
    )


def report_button(view: View, title: str, sections: list[export.Section]) -> None:
    """A one-file HTML report of the current page: charts, tables, filters, definitions."""
    t = view.t
    report = make_report(view, sections, title)
    st.download_button(
        t("export.report"),
        lambda: export.report_html(report).encode("utf-8"),
        file_name=f"journeylens-{_slug(title)}.html",
        mime="text/html",
        key=f"report_{_slug(title)}",
        on_click="ignore",
        icon=":material/description:",
    )


def notices(view: View) -> None:
    """A slot at the top of the page for 'this link had values we could not use'."""
    view.notice_slot = st.empty()
    _draw_notices(view, view.notice_slot)


def _draw_notices(view: View, slot: Any) -> None:
    if view.notices.reset:
        slot.warning(view.t("filter.reset_notice", names=", ".join(view.notices.reset)))


def check_param(
    view: View,
    key: str,
    allowed: list[str],
    codes: list[str] | None = None,
    plain: list[str] | None = None,
    label_keys: list[str | None] | None = None,
    multi: bool = False,
) -> None:
    """Before a bound page control is drawn: note URL values it will not accept (a renamed
    touchpoint) so the reader knows the view was reset.

    Bound controls put their visible label in the URL (`metric=CSAT %`), in the language of
    whoever picked it, and a saved view or shared link carries that label to readers of every
    language. So besides the current label, each option is known by its code (`metric=csat`, a
    hand-written link), by plain[i] when the label is that text escaped for Markdown (`by=plan_type`
    for `plan\\_type`) and, with label_keys[i] (its catalogue key), by its label in every
    language; such values are replaced by the current labels. multi: the control holds a list; its
    known values are kept (once each, in the link's order) and an unknown one is reported.
    """
    values = [v for v in view.url.get(key, []) if v != ""]
    if codes and values and any(v not in allowed for v in values):
        names = _option_names(codes, plain or codes, label_keys)
        hits = [allowed.index(v) if v in allowed else names.get(v) for v in values]
        known = list(dict.fromkeys(h for h in hits if h is not None))
        if known and (multi or len(hits) == 1):
            dropped = None in hits
            if dropped:  # said now, and by the rerun that adopts the labels (frame.render_frame)
                st.session_state.setdefault(state.RESET_PENDING, []).append(key)
                view.notices.add(key)
                if view.notice_slot is not None:
                    _draw_notices(view, view.notice_slot)
            picked = [codes[h] for h in known]
            labels = [allowed[h] for h in known]
            links.adopt_code(key, picked if multi else picked[0], labels if multi else labels[0])
            if dropped:  # no rerun (the widget was bound already): nothing left to report
                st.session_state.pop(state.RESET_PENDING, None)
            return
    before = len(view.notices.reset)
    state.check_choice(view.url, key, allowed, view.notices)
    if len(view.notices.reset) > before and view.notice_slot is not None:
        _draw_notices(view, view.notice_slot)


def _option_names(
    codes: list[str], plain: list[str], label_keys: list[str | None] | None
) -> dict[str, int]:
    """Every name a link may give option i by: its code, its plain label, its label in each
    language. Codes and plain labels first, so that no label in another language can take the
    name of another option's code; otherwise the first option to claim a name keeps it."""
    names: dict[str, int] = {}
    for i, (code, text) in enumerate(zip(codes, plain, strict=True)):
        names.setdefault(code, i)
        names.setdefault(text, i)
    for i, key in enumerate(label_keys or []):
        for lang in i18n.LANGS if key else ():
            names.setdefault(i18n.t(key, lang), i)
    return names


def breakdowns(view: View, built_in: Sequence[str]) -> list[str]:
    """The breakdowns a page offers: its built-in ones, then each column kept from the user's
    files (a region, a plan, Qualtrics embedded data) as extra_by(column)."""
    return [*built_in, *(extra_by(c) for c in view.options.get("extras") or {})]


def pick_one(
    view: View,
    where: Any,
    key: str,
    label: str,
    codes: Sequence[str],
    prefix: str,
    default: str | None = None,
) -> str:
    """One of a few codes as segmented buttons bound to the URL under key, each shown as
    t(f"{prefix}.{code}"), or an extra column's code (extra_by) as the column's own name; the link's
    value is checked first (check_param). Returns the chosen code, or default (the first code
    unless given) when none is chosen.

    where is the container to draw in (st or a column).
    """
    t = view.t
    codes = list(codes)
    fallback = codes[0] if default is None else default

    def plain(code: str) -> str:
        return extra_column_of(code) or t(f"{prefix}.{code}")

    def shown(code: str) -> str:
        # Segmented buttons render their labels as Markdown: a column name from a file is data.
        column = extra_column_of(code)
        return t(f"{prefix}.{code}") if column is None else safe.md(column)

    check_param(
        view, key, [shown(c) for c in codes], codes=codes, plain=[plain(c) for c in codes],
        label_keys=[None if extra_column_of(c) else f"{prefix}.{c}" for c in codes],
    )  # fmt: skip
    picked = where.segmented_control(
        t(label),
        codes,
        default=fallback,
        format_func=shown,
        key=key,
        bind="query-params",
    )
    return picked or fallback


def needs_data(view: View) -> bool:
    """Draw the empty state and return True when there is nothing to show yet."""
    if view.workspace is None or not view.has_data():
        st.info(view.t("state.empty_workspace"), icon=":material/upload_file:")
        return True
    return False


def no_match(view: View, frame: Any) -> bool:
    if frame is None or len(frame) == 0:
        st.info(view.t("state.no_match"), icon=":material/filter_alt_off:")
        return True
    return False


def no_touchpoints(view: View) -> bool:
    """Draw why a per-touchpoint view is empty when the workspace has answers but none names a
    touchpoint (a file without that column): no filter would change it. True when drawn."""
    counts = view.query("answer_touchpoints")
    if counts["answers"] and not counts["with_touchpoint"]:
        st.info(view.t("empty19.no_touchpoints"), icon=":material/location_off:")
        return True
    return False


def order_note(view: View, frame: Any) -> None:
    """Say where the touchpoint order comes from when there is no journey definition."""
    if frame is None or len(frame) == 0 or "order_source" not in frame:
        return
    source = str(frame["order_source"].iloc[0])
    if source != "journey":
        st.caption(view.t(f"order.{source}"), help=view.t("order.help"))


def persona_note(view: View, by: str | None) -> None:
    """Under a breakdown by persona, what its groups hold while the workspace defines personas
    (each its rule's rows, overlapping): the definition beside the numbers."""
    if by == "persona" and view.defines_personas():
        st.caption(view.t("personas16.breakdown_note"))


def fmt(view: View, value: Any, decimals: int = 1) -> str:
    return view.t.num(value, decimals)
