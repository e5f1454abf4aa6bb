"""Filters on the columns kept from the user's own files (issue 16)."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "extras16.filter": (
        "Columns from your files",
        "Cột từ tệp của bạn",
        "Coloane din fișierele tale",
    ),
    "extras16.filter_help": (
        "Columns of your uploaded files that are not scores (a region, a plan, embedded data). "
        "Values of one column: any of them; different columns: all of them.",
        "Các cột trong tệp đã tải lên không phải là điểm số (khu vực, gói dịch vụ, dữ liệu nhúng). "
        "Các giá trị của cùng một cột: bất kỳ giá trị nào; các cột khác nhau: tất cả.",
        "Coloanele fișierelor încărcate care nu sunt scoruri (o regiune, un abonament, date "
        "încorporate). Valorile aceleiași coloane: oricare dintre ele; coloane diferite: toate.",
    ),
}
