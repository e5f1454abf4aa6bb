"""The Streamlit glue: the app frame (sidebar, navigation), caching and error display.

Pages call `page_start()` first. It returns the view context that app.py built for this run, and
fixes the cold-deep-link pitfall: if Streamlit is still in legacy pages-directory mode (a fresh
server whose first request was /funnel?...), it declares the same st.navigation list and reruns, so
the request goes through app.py with its sidebar, filters and access check.
"""

from journeylens.ui.frame import page_start, render_frame, run_page
from journeylens.ui.pages_registry import PAGES, navigation
from journeylens.ui.view import View

__all__ = ["PAGES", "View", "navigation", "page_start", "render_frame", "run_page"]
