"""JourneyLens entry point: page config, sidebar frame, navigation."""

import streamlit as st

from journeylens import ui

# An emoji favicon is drawn locally (a data: URL); a ":material/…:" one is fetched from
# fonts.gstatic.com on every page view.
st.set_page_config(page_title="JourneyLens", page_icon="🧭", layout="wide")

view = ui.render_frame()
page = ui.navigation(view.lang)
ui.run_page(page, view)
