"""Importer messages: file-level errors (IngestError codes) and cell-level issues (Issue codes).

Long because it is data: one entry per user-facing string, in English, Vietnamese and Romanian.
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    # --- file-level errors -------------------------------------------------------------------
    "ingest.empty": (
        "{file} is empty: there is nothing to import.",
        "{file} trống: không có gì để nhập.",
        "{file} este gol: nu există nimic de importat.",
    ),
    "ingest.no_rows": (
        "{file} has a header but no data rows.",
        "{file} có dòng tiêu đề nhưng không có dòng dữ liệu nào.",
        "{file} are antet, dar niciun rând de date.",
    ),
    "ingest.binary": (
        "{file} is not a text table (it contains binary data). Upload a CSV, XLSX or Parquet file.",
        "{file} không phải bảng văn bản (có dữ liệu nhị phân). Hãy tải lên tệp CSV, XLSX hoặc Parquet.",
        "{file} nu este un tabel text (conține date binare). Încărcați un fișier CSV, XLSX sau Parquet.",
    ),
    "ingest.too_large": (
        "{file} is {size}, larger than the upload limit of {limit}.",
        "{file} có dung lượng {size}, vượt quá giới hạn tải lên {limit}.",
        "{file} are {size}, peste limita de încărcare de {limit}.",
    ),
    "ingest.no_header": (
        "{file} has no header row: the first row must name the columns.",
        "{file} không có dòng tiêu đề: dòng đầu tiên phải là tên các cột.",
        "{file} nu are rând de antet: primul rând trebuie să conțină numele coloanelor.",
    ),
    "ingest.encoding": (
        "{file}, line {line}: the text is not valid {encoding} (the file mixes encodings). "
        "Save it again as UTF-8 and re-upload.",
        "{file}, dòng {line}: văn bản không hợp lệ theo {encoding} (tệp trộn nhiều bảng mã). "
        "Hãy lưu lại dưới dạng UTF-8 rồi tải lên lại.",
        "{file}, linia {line}: textul nu este {encoding} valid (fișierul amestecă codificări). "
        "Salvați-l din nou ca UTF-8 și reîncărcați-l.",
    ),
    "ingest.unsupported_format": (
        "{file} is a {what}, not a table JourneyLens can import. Upload a CSV, XLSX or Parquet file.",
        "{file} là tệp {what}, không phải bảng mà JourneyLens nhập được. "
        "Hãy tải lên tệp CSV, XLSX hoặc Parquet.",
        "{file} este un fișier {what}, nu un tabel pe care JourneyLens îl poate importa. "
        "Încărcați un fișier CSV, XLSX sau Parquet.",
    ),
    "ingest.read_failed": (
        "{file} could not be read: {detail}",
        "Không đọc được {file}: {detail}",
        "{file} nu a putut fi citit: {detail}",
    ),
    "ingest.bad_kind": (
        "{file}: unknown data kind “{kind}” (expected one of {kinds}).",
        "{file}: loại dữ liệu “{kind}” không hợp lệ (cần một trong {kinds}).",
        "{file}: tip de date necunoscut „{kind}” (se așteaptă unul dintre {kinds}).",
    ),
    "ingest.unknown_field": (
        "{file}: “{field}” is not a field of {kind}.",
        "{file}: “{field}” không phải trường của {kind}.",
        "{file}: „{field}” nu este un câmp al {kind}.",
    ),
    "ingest.unknown_column": (
        "{file} has no column “{column}”.",
        "{file} không có cột “{column}”.",
        "{file} nu are coloana „{column}”.",
    ),
    "ingest.column_twice": (
        "{file}: column “{column}” is mapped to two fields; map each column once.",
        "{file}: cột “{column}” được gán cho hai trường; mỗi cột chỉ gán một lần.",
        "{file}: coloana „{column}” este asociată la două câmpuri; asociați fiecare coloană o "
        "singură dată.",
    ),
    "ingest.missing_required": (
        "{file}: choose a column for the required field(s): {fields}.",
        "{file}: hãy chọn cột cho (các) trường bắt buộc: {fields}.",
        "{file}: alegeți o coloană pentru câmpul (câmpurile) obligatoriu(i): {fields}.",
    ),
    "ingest.nothing_mapped": (
        "{file}: map at least one column (for example the NPS or comment column) before loading.",
        "{file}: hãy gán ít nhất một cột (ví dụ cột NPS hoặc bình luận) trước khi nhập.",
        "{file}: asociați cel puțin o coloană (de exemplu NPS sau comentariu) înainte de import.",
    ),
    "ingest.duplicate": (
        "{file} was already loaded into this workspace as dataset #{dataset_id} "
        "(“{earlier}”, {loaded_at}). Delete that dataset first to load it again.",
        "{file} đã được nhập vào không gian này với mã tập dữ liệu #{dataset_id} "
        "(“{earlier}”, {loaded_at}). Hãy xoá tập đó trước nếu muốn nhập lại.",
        "{file} a fost deja încărcat în acest spațiu de lucru ca setul de date #{dataset_id} "
        "(„{earlier}”, {loaded_at}). Ștergeți mai întâi acel set pentru a-l reîncărca.",
    ),
    # --- cell-level issues --------------------------------------------------------------------
    "ingest.required_empty": (
        "{file}, row {row}, column “{column}”: {field} is required but empty.",
        "{file}, dòng {row}, cột “{column}”: {field} là bắt buộc nhưng đang trống.",
        "{file}, rândul {row}, coloana „{column}”: {field} este obligatoriu, dar lipsește.",
    ),
    "ingest.not_a_number": (
        "{file}, row {row}, column “{column}”: “{value}” is not a number.",
        "{file}, dòng {row}, cột “{column}”: “{value}” không phải là số.",
        "{file}, rândul {row}, coloana „{column}”: „{value}” nu este un număr.",
    ),
    "ingest.not_whole": (
        "{file}, row {row}, column “{column}”: {value} is not a whole number.",
        "{file}, dòng {row}, cột “{column}”: {value} không phải số nguyên.",
        "{file}, rândul {row}, coloana „{column}”: {value} nu este un număr întreg.",
    ),
    "ingest.out_of_range": (
        "{file}, row {row}, column “{column}”: {value} is outside {lo}–{hi}.",
        "{file}, dòng {row}, cột “{column}”: {value} nằm ngoài khoảng {lo}–{hi}.",
        "{file}, rândul {row}, coloana „{column}”: {value} este în afara intervalului {lo}–{hi}.",
    ),
    "ingest.bad_date": (
        "{file}, row {row}, column “{column}”: “{value}” is not a date and time we can read.",
        "{file}, dòng {row}, cột “{column}”: không đọc được ngày giờ “{value}”.",
        "{file}, rândul {row}, coloana „{column}”: „{value}” nu este o dată/oră recunoscută.",
    ),
    "ingest.bad_bool": (
        "{file}, row {row}, column “{column}”: “{value}” is not yes/no (use 1/0, true/false, yes/no).",
        "{file}, dòng {row}, cột “{column}”: “{value}” không phải có/không (dùng 1/0, true/false, yes/no).",
        "{file}, rândul {row}, coloana „{column}”: „{value}” nu este da/nu (folosiți 1/0, true/false, yes/no).",
    ),
    # --- UI labels ----------------------------------------------------------------------------
    "ingest.kind.responses": ("Survey responses", "Phản hồi khảo sát", "Răspunsuri la sondaj"),
    "ingest.kind.events": ("Touchpoint log", "Nhật ký điểm chạm", "Jurnal puncte de contact"),
    "ingest.kind.touchpoints": (
        "Journey definition",
        "Định nghĩa hành trình",
        "Definiția călătoriei",
    ),
    "ingest.missing_metrics": (
        "Not found in this file: {metrics}.",
        "Không tìm thấy trong tệp: {metrics}.",
        "Nu s-au găsit în acest fișier: {metrics}.",
    ),
}
