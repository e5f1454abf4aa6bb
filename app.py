"""JourneyLens entry point: page config, sidebar frame, navigation.

Streamlit runs this file as the script of every browser session (`__name__ == "__main__"`).
`streamlit run app.py` also imports it once as a module, finds the `app = st.App(...)` below and
serves that: Streamlit's own server plus the routes that set and clear the editors' HttpOnly
session cookie (journeylens/ui/session.py).
"""

import streamlit as st

if __name__ == "__main__":
    from journeylens import ui

    # An emoji favicon is drawn locally (a data: URL); a ":material/…:" one is fetched from
    # fonts.gstatic.com on every page view.
    st.set_page_config(page_title="JourneyLens", page_icon="🧭", layout="wide")

    view = ui.render_frame()
    page = ui.navigation(view.lang)
    ui.run_page(page, view)
else:
    from journeylens.ui import session

    app = st.App(__file__, routes=session.routes())
