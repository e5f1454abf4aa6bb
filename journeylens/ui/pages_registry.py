"""The page list and the navigation built from it, and the language a link asks for.

Below the frame and the modules that draw (frame, sharing): they all declare the same pages, so
the list lives here, where none of them is imported.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import streamlit as st

from journeylens.i18n import LANG_NAMES, LANGS
from journeylens.i18n import t as translate
from journeylens.ui import state

ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class PageDef:
    slug: str
    title_key: str
    icon: str
    default: bool = False

    @property
    def path(self) -> Path:
        return ROOT / "pages" / f"{self.slug}.py"


PAGES: tuple[PageDef, ...] = (
    PageDef("overview", "nav.overview", ":material/dashboard:", default=True),
    PageDef("journey", "nav.journey", ":material/route:"),
    PageDef("personas", "nav.personas", ":material/groups:"),
    PageDef("funnel", "nav.funnel", ":material/filter_alt:"),
    PageDef("emotion", "nav.emotion", ":material/mood:"),
    PageDef("heatmap", "nav.heatmap", ":material/grid_on:"),
    PageDef("comments", "nav.comments", ":material/forum:"),
    PageDef("fix_first", "nav.fix_first", ":material/priority_high:"),
    PageDef("alerts", "nav.alerts", ":material/notifications:"),
    PageDef("paths", "nav.paths", ":material/account_tree:"),
    PageDef("attribution", "nav.attribution", ":material/pie_chart:"),
    PageDef("themes", "nav.themes", ":material/format_quote:"),
    PageDef("data", "nav.data", ":material/upload_file:"),
)


DEFAULT_PATH_SUFFIX = "-start"  # the default page's reserved url_path: overview-start


# The language widget is bound to the URL by its visible option, so the link reads `lang=Română`;
# a bare code (`lang=ro`) is accepted too, for hand-written links.
LANG_BY_NAME = {name: code for code, name in LANG_NAMES.items()}


def lang_from_url() -> str:
    value = st.query_params.get(state.LANG) or ""
    return LANG_BY_NAME.get(value, value if value in LANGS else "en")


def navigation(lang: str, position: str = "sidebar") -> Any:
    # The hidden list of the cold-deep-link guard goes without icons: it reaches the browser
    # before app.py's page config, and the browser then takes the page's icon for the favicon,
    # fetching a ":material/…:" one from fonts.gstatic.com. The sidebar's icons are drawn from
    # the font Streamlit bundles.
    #
    # The default page is served at "/" and Streamlit does not answer its own url_path there:
    # `/overview` typed by hand would say "Page not found". A hidden second entry for the same
    # file answers `/overview`; the default entry reserves a path of its own that no link uses.
    hidden = position == "hidden"
    pages = []
    for p in PAGES:
        title = translate(p.title_key, lang)
        icon = None if hidden else p.icon
        url_path = f"{p.slug}{DEFAULT_PATH_SUFFIX}" if p.default else p.slug
        pages.append(
            st.Page(str(p.path), title=title, icon=icon, url_path=url_path, default=p.default)
        )
        if p.default:
            pages.append(
                st.Page(str(p.path), title=title, icon=icon, url_path=p.slug, visibility="hidden")
            )
    # expanded: every page in the sidebar (Streamlit folds a list of more than twelve behind
    # "View N more")
    return st.navigation(pages, position=position, expanded=True)  # type: ignore[arg-type]
