"""Texts Streamlit draws in English on its own (issue 19): the file uploader's button and limit."""

MESSAGES = {
    "lang19.upload_button": ("Upload", "Tải lên", "Încarcă"),
    "lang19.upload_limit": (
        "{mb} MB per file • {types}",
        "Tối đa {mb} MB mỗi tệp • {types}",
        "Cel mult {mb} MB pe fișier • {types}",
    ),
}
