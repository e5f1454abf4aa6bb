"""The one chart theme: palette, font, sizes, the Vega-Lite config and the number locale.

Every builder ends with `_finish()`, so all charts carry the same config and the UI language's
separators and can be drawn with `st.altair_chart(chart, theme=None)`. Importing this module
registers the theme as "journeylens" (not enabled: the config travels with each chart).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import altair as alt

from journeylens.i18n import vega_locale

# Okabe-Ito (colour-blind safe), reordered so the first colours contrast best on white; the
# yellow comes last. Vermilion is kept out of the category palette: it means "bad" (pain points).
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#000000", "#F0E442")
PERSONA_PALETTE = OKABE_ITO
COMPARE_COLOURS = ("#0072B2", "#E69F00")  # the journey map's first and second persona
OVERALL_COLOUR = "#0072B2"
GOOD_COLOUR = "#009E73"  # bluish green (Okabe-Ito)
BAD_COLOUR = "#D55E00"  # vermilion (Okabe-Ito)
PAIN_COLOUR = "#C8102E"
STAGE_COLOURS = ("#DCE9F5", "#FBE8CC", "#D5EFE6", "#F3DDEB", "#E2F1FA", "#EEEEEE")
STAGE_TEXT = "#1F2A37"
DIVERGING_SCHEME = "redblue"  # red = low, blue = high; ColorBrewer RdBu, colour-blind safe
FONT = "Inter, 'Segoe UI', 'Noto Sans', 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif"
LABEL_CHARS = 18  # wrap journey-map labels at this many characters per line
MAX_LINES = 3
UNCERTAIN_OPACITY = 0.3
WIDTH = 900
JOURNEY_WIDTH = 1080  # plot area; with the lane labels the map fits a 1280 px page

Translate = Callable[..., str]


def _base_config() -> dict[str, Any]:
    return {
        "font": FONT,
        "background": "white",
        "view": {"stroke": None, "continuousWidth": WIDTH, "continuousHeight": 320},
        "title": {
            "fontSize": 17,
            "fontWeight": 600,
            "anchor": "start",
            "subtitleFontSize": 12.5,
            "subtitleColor": "#4B5563",
            "offset": 12,
            "color": "#111827",
        },
        "axis": {
            "labelFontSize": 12,
            "titleFontSize": 13,
            "titleFontWeight": 600,
            "titleColor": "#374151",
            "labelColor": "#374151",
            "gridColor": "#E5E7EB",
            "domainColor": "#9CA3AF",
            "tickColor": "#9CA3AF",
            "labelLimit": 180,
        },
        "legend": {
            "labelFontSize": 12,
            "titleFontSize": 12.5,
            "titleFontWeight": 600,
            "orient": "top",
            "labelLimit": 220,
        },
        "header": {"labelFontSize": 12.5, "titleFontSize": 13},
        "text": {"fontSize": 12, "color": "#111827"},
        "line": {"strokeWidth": 2.5},
        "point": {"size": 60, "filled": True},
        "range": {
            "category": list(OKABE_ITO),
            "diverging": {"scheme": DIVERGING_SCHEME},
            "heatmap": {"scheme": "blues"},
        },
        "concat": {"spacing": 6},
    }


def theme_config(lang: str = "en") -> dict[str, Any]:
    """The journeylens theme with the UI language's number separators (vega_locale)."""
    config = _base_config()
    config["locale"] = vega_locale(lang)
    return {"config": config}


@alt.theme.register("journeylens", enable=False)
def journeylens_theme() -> alt.theme.ThemeConfig:
    return alt.theme.ThemeConfig(theme_config("en"))  # type: ignore[typeddict-item]


def _lang(t: Translate) -> str:
    return getattr(t, "lang", "en")


def _finish(chart: Any, t: Translate) -> Any:
    """Attach the theme and the language locale to a top-level chart."""
    return chart.configure(**theme_config(_lang(t))["config"])
