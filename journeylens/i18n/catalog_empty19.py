"""Empty and partial data (issue 19): say what is missing and what to upload."""

MESSAGES = {
    "empty19.no_touchpoints": (
        "The answers in this workspace have no touchpoint: their file had no touchpoint column "
        "(or it was not mapped), so the heatmap has nothing to place. On **Data**, upload a "
        "survey responses file with a touchpoint column; if the file has one, delete its "
        "dataset there and load it again with that column mapped to Touchpoint.",
        "Các câu trả lời trong không gian này không có điểm chạm: tệp của chúng không có cột "
        "điểm chạm (hoặc cột đó chưa được ánh xạ), nên bản đồ nhiệt không có gì để hiển thị. "
        "Vào **Dữ liệu** và tải lên một tệp câu trả lời khảo sát có cột điểm chạm; nếu tệp đã "
        "có cột đó, hãy xóa bộ dữ liệu của nó ở đó rồi nạp lại với cột ấy được ánh xạ vào "
        "Điểm chạm.",
        "Răspunsurile din acest spațiu nu au punct de contact: fișierul lor nu avea o coloană "
        "pentru punctul de contact (sau ea nu a fost mapată), așa că harta termică nu are ce "
        "afișa. În **Date**, încărcați un fișier de răspunsuri la sondaj cu o coloană pentru "
        "punctul de contact; dacă fișierul are una, ștergeți acolo setul lui de date și "
        "încărcați-l din nou cu acea coloană mapată la Punct de contact.",
    ),
    # the overview's tile of a metric the data has no answers to
    "empty19.no_answers.nps": (
        "No NPS answers in this data",
        "Không có câu trả lời NPS trong dữ liệu này",
        "Niciun răspuns NPS în aceste date",
    ),
    "empty19.no_answers.csat": (
        "No CSAT answers in this data",
        "Không có câu trả lời CSAT trong dữ liệu này",
        "Niciun răspuns CSAT în aceste date",
    ),
    "empty19.no_answers.ces": (
        "No CES answers in this data",
        "Không có câu trả lời CES trong dữ liệu này",
        "Niciun răspuns CES în aceste date",
    ),
}
