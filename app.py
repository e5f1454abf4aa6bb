"""JourneyLens entry point: page config, sidebar frame, navigation."""

import streamlit as st

from journeylens import ui

st.set_page_config(page_title="JourneyLens", page_icon=":material/route:", layout="wide")

view = ui.render_frame()
page = ui.navigation(view.lang)
ui.run_page(page, view)
