import streamlit as st

from journeylens import ui
from journeylens.ui import upload, widgets
from journeylens.ui.errors import shown_as_message

view = ui.page_start()
t = view.t

st.title(t("data.title"))
widgets.notices(view)
st.caption(t("data.intro"))
with shown_as_message(t):
    upload.workspace_admin(view)
    upload.upload_flow(view)
    upload.datasets(view)
    upload.settings(view)
