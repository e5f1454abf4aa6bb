"""Services: what the app and the CLI do with the data (import, funnels, dashboards, insights,
export, access). Each service that writes refreshes what it invalidates, in one transaction.
"""
