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
    # the upload's Check step: a file with no score column (forms: journeylens.i18n.plural_form)
    "empty19.no_scores.one": (
        "No scores found: {n} column will be kept as extra data, and this file gives no NPS, "
        "CSAT or CES.",
        "Không tìm thấy điểm số: {n} cột sẽ được giữ làm dữ liệu bổ sung, và tệp này không cho "
        "NPS, CSAT hay CES nào.",
        "Nu s-au găsit scoruri: {n} coloană va fi păstrată ca date suplimentare, iar acest "
        "fișier nu dă niciun NPS, CSAT sau CES.",
    ),
    "empty19.no_scores.few": (
        "No scores found: these {n} columns will be kept as extra data, and this file gives no "
        "NPS, CSAT or CES.",
        "Không tìm thấy điểm số: {n} cột này sẽ được giữ làm dữ liệu bổ sung, và tệp này không "
        "cho NPS, CSAT hay CES nào.",
        "Nu s-au găsit scoruri: aceste {n} coloane vor fi păstrate ca date suplimentare, iar "
        "acest fișier nu dă niciun NPS, CSAT sau CES.",
    ),
    "empty19.no_scores.many": (
        "No scores found: these {n} columns will be kept as extra data, and this file gives no "
        "NPS, CSAT or CES.",
        "Không tìm thấy điểm số: {n} cột này sẽ được giữ làm dữ liệu bổ sung, và tệp này không "
        "cho NPS, CSAT hay CES nào.",
        "Nu s-au găsit scoruri: aceste {n} de coloane vor fi păstrate ca date suplimentare, iar "
        "acest fișier nu dă niciun NPS, CSAT sau CES.",
    ),
    "empty19.no_scores_map": (
        "If a kept column holds scores, choose it in the column mapping above.",
        "Nếu một cột được giữ lại có chứa điểm số, hãy chọn nó trong phần ánh xạ cột ở trên.",
        "Dacă o coloană păstrată conține scoruri, alegeți-o în maparea coloanelor de mai sus.",
    ),
    "empty19.no_scores_none": (
        "No scores found: no column is mapped to an NPS, CSAT or CES answer, so this file gives "
        "none of them.",
        "Không tìm thấy điểm số: không có cột nào được ánh xạ vào điểm NPS, CSAT hay CES, nên "
        "tệp này không cho chỉ số nào trong số đó.",
        "Nu s-au găsit scoruri: nicio coloană nu este mapată la un răspuns NPS, CSAT sau CES, "
        "așa că acest fișier nu dă niciunul dintre ei.",
    ),
    "empty19.kept_columns.one": (
        "{n} column kept as extra data",
        "{n} cột được giữ làm dữ liệu bổ sung",
        "{n} coloană păstrată ca date suplimentare",
    ),
    "empty19.kept_columns.few": (
        "{n} columns kept as extra data",
        "{n} cột được giữ làm dữ liệu bổ sung",
        "{n} coloane păstrate ca date suplimentare",
    ),
    "empty19.kept_columns.many": (
        "{n} columns kept as extra data",
        "{n} cột được giữ làm dữ liệu bổ sung",
        "{n} de coloane păstrate ca date suplimentare",
    ),
    # the upload's progress and result, counted in rows
    "empty19.progress.one": (
        "{rows} row so far, {seconds} s",
        "Đã xử lý {rows} dòng, {seconds} giây",
        "{rows} rând până acum, {seconds} s",
    ),
    "empty19.progress.few": (
        "{rows} rows so far, {seconds} s",
        "Đã xử lý {rows} dòng, {seconds} giây",
        "{rows} rânduri până acum, {seconds} s",
    ),
    "empty19.progress.many": (
        "{rows} rows so far, {seconds} s",
        "Đã xử lý {rows} dòng, {seconds} giây",
        "{rows} de rânduri până acum, {seconds} s",
    ),
    "empty19.loaded.one": (
        "Loaded {name}: {rows} row into “{workspace}”, {rejected} set aside.",
        "Đã nạp {name}: {rows} dòng vào “{workspace}”, {rejected} dòng bị loại.",
        "S-a încărcat {name}: {rows} rând în „{workspace}”; puse deoparte: {rejected}.",
    ),
    "empty19.loaded.few": (
        "Loaded {name}: {rows} rows into “{workspace}”, {rejected} set aside.",
        "Đã nạp {name}: {rows} dòng vào “{workspace}”, {rejected} dòng bị loại.",
        "S-a încărcat {name}: {rows} rânduri în „{workspace}”; puse deoparte: {rejected}.",
    ),
    "empty19.loaded.many": (
        "Loaded {name}: {rows} rows into “{workspace}”, {rejected} set aside.",
        "Đã nạp {name}: {rows} dòng vào “{workspace}”, {rejected} dòng bị loại.",
        "S-a încărcat {name}: {rows} de rânduri în „{workspace}”; puse deoparte: {rejected}.",
    ),
}
