"""Reports and tables (issue 19): the filter caption's whole date range, chart images' filters."""

MESSAGES = {
    # Filters.caption when the date picker spans all the data: the range it spans
    "tables19.all_dates": (
        "all dates ({range})",
        "toàn bộ thời gian ({range})",
        "toată perioada ({range})",
    ),
}
