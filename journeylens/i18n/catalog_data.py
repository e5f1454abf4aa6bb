"""The Data page: workspaces, upload, mapping, check, load, datasets.

Long because it is data: one entry per user-facing string, in English, Vietnamese and Romanian.
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "data.title": ("Data", "Dữ liệu", "Date"),
    "data.intro": (
        "Upload survey exports (responses), touchpoint logs (events) or your journey definition "
        "(touchpoints). CSV, TSV, XLSX, Parquet and XES event logs are accepted.",
        "Tải lên tệp khảo sát (câu trả lời), nhật ký điểm chạm (sự kiện) hoặc định nghĩa hành trình "
        "(điểm chạm). Chấp nhận CSV, TSV, XLSX, Parquet và nhật ký sự kiện XES.",
        "Încărcați exporturi de sondaje (răspunsuri), jurnale de puncte de contact (evenimente) sau "
        "definiția călătoriei (puncte de contact). Se acceptă CSV, TSV, XLSX, Parquet și jurnale XES.",
    ),
    "data.workspace_new": ("New workspace", "Không gian làm việc mới", "Spațiu de lucru nou"),
    "data.workspace_name": (
        "Workspace name",
        "Tên không gian làm việc",
        "Numele spațiului de lucru",
    ),
    "data.workspace_create": ("Create", "Tạo", "Creează"),
    "data.workspace_created": (
        "Workspace “{name}” created and selected.",
        "Đã tạo và chọn không gian “{name}”.",
        "Spațiul de lucru „{name}” a fost creat și selectat.",
    ),
    "data.target_workspace": (
        "Files load into the workspace selected in the sidebar: **{name}**.",
        "Tệp sẽ được nạp vào không gian đang chọn ở thanh bên: **{name}**.",
        "Fișierele se încarcă în spațiul de lucru selectat în bara laterală: **{name}**.",
    ),
    "data.upload": ("Upload a file", "Tải tệp lên", "Încărcați un fișier"),
    "data.detected": (
        "Detected: {format}, {platform}, encoding {encoding}, separator {delimiter}{decimal}.",
        "Nhận dạng: {format}, {platform}, mã hóa {encoding}, dấu phân cách {delimiter}{decimal}.",
        "Detectat: {format}, {platform}, codificare {encoding}, separator {delimiter}{decimal}.",
    ),
    "data.decimal_comma": (", decimal comma", ", dấu phẩy thập phân", ", virgulă zecimală"),
    "data.kind": ("What is in this file?", "Tệp này chứa gì?", "Ce conține acest fișier?"),
    "data.kind.responses": (
        "Survey responses",
        "Câu trả lời khảo sát",
        "Răspunsuri la sondaj",
    ),
    "data.kind.events": (
        "Touchpoint events",
        "Sự kiện điểm chạm",
        "Evenimente la punctele de contact",
    ),
    "data.kind.touchpoints": (
        "Journey definition",
        "Định nghĩa hành trình",
        "Definiția călătoriei",
    ),
    "data.mapping": ("Column mapping", "Ánh xạ cột", "Maparea coloanelor"),
    "data.mapping_saved": (
        "This mapping was saved for files with the same columns; check it and confirm.",
        "Ánh xạ này đã được lưu cho các tệp có cùng cột; hãy kiểm tra và xác nhận.",
        "Această mapare a fost salvată pentru fișiere cu aceleași coloane; verificați și confirmați.",
    ),
    "data.mapping_guessed": (
        "Guessed from the column names and values; correct anything that is wrong.",
        "Được đoán từ tên cột và giá trị; hãy sửa nếu sai.",
        "Ghicită din numele și valorile coloanelor; corectați ce este greșit.",
    ),
    "data.not_mapped": (
        "— not in this file —",
        "— không có trong tệp —",
        "— nu există în fișier —",
    ),
    "data.preview": (
        "Preview (first rows)",
        "Xem trước (các dòng đầu)",
        "Previzualizare (primele rânduri)",
    ),
    "data.check": ("Check the file", "Kiểm tra tệp", "Verifică fișierul"),
    "data.load": (
        "Load into workspace",
        "Nạp vào không gian làm việc",
        "Încarcă în spațiul de lucru",
    ),
    "data.rows_ok": ("Rows that will load", "Số dòng sẽ được nạp", "Rânduri care se vor încărca"),
    "data.rows_rejected": ("Rows set aside", "Số dòng bị loại", "Rânduri puse deoparte"),
    "data.issues": ("Problems found", "Các lỗi phát hiện", "Probleme găsite"),
    "data.download_rejected": (
        "Download the set-aside rows (CSV)",
        "Tải các dòng bị loại (CSV)",
        "Descarcă rândurile puse deoparte (CSV)",
    ),
    "data.missing_metrics": (
        "No column for: {metrics}. These metrics will not be available from this file.",
        "Không có cột cho: {metrics}. Các chỉ số này sẽ không có từ tệp này.",
        "Nicio coloană pentru: {metrics}. Acești indicatori nu vor fi disponibili din acest fișier.",
    ),
    "data.unmapped_kept": (
        "Columns kept as extra data: {columns}",
        "Các cột được giữ làm dữ liệu bổ sung: {columns}",
        "Coloane păstrate ca date suplimentare: {columns}",
    ),
    "data.loading": ("Loading {name}…", "Đang nạp {name}…", "Se încarcă {name}…"),
    "data.nothing_stored": (
        "Nothing was loaded; the data already stored is unchanged.",
        "Không có gì được nạp; dữ liệu đã lưu không thay đổi.",
        "Nu s-a încărcat nimic; datele deja stocate sunt neschimbate.",
    ),
    "data.datasets": (
        "Datasets in this workspace",
        "Các bộ dữ liệu trong không gian này",
        "Seturi de date în acest spațiu",
    ),
    "data.no_datasets": ("No datasets yet.", "Chưa có bộ dữ liệu.", "Niciun set de date încă."),
    "data.delete_dataset": ("Delete dataset", "Xóa bộ dữ liệu", "Șterge setul de date"),
    "data.delete_confirm": (
        "Yes, delete it and its rows",
        "Có, xóa nó và các dòng của nó",
        "Da, șterge-l împreună cu rândurile sale",
    ),
    "data.deleted": (
        "Dataset {id} deleted.",
        "Đã xóa bộ dữ liệu {id}.",
        "Setul de date {id} a fost șters.",
    ),
    "data.delete_workspace": (
        "Delete this workspace",
        "Xóa không gian làm việc này",
        "Șterge acest spațiu de lucru",
    ),
    "data.workspace_deleted": (
        "Workspace “{name}” and all its data deleted.",
        "Đã xóa không gian “{name}” và toàn bộ dữ liệu.",
        "Spațiul de lucru „{name}” și toate datele sale au fost șterse.",
    ),
    "data.demo_reset": (
        "Recreate the demo workspace",
        "Tạo lại không gian demo",
        "Recreează spațiul demo",
    ),
    "data.col.dataset": ("Dataset", "Bộ dữ liệu", "Set de date"),
    "data.col.kind": ("Kind", "Loại", "Tip"),
    "data.col.file": ("File", "Tệp", "Fișier"),
    "data.col.rows": ("Rows", "Số dòng", "Rânduri"),
    "data.col.rejected": ("Set aside", "Bị loại", "Puse deoparte"),
    "data.col.loaded_at": ("Loaded at", "Thời điểm nạp", "Încărcat la"),
    "data.col.row": ("Row", "Dòng", "Rând"),
    "data.col.file_row": (
        "Row in the file (header = 1)",
        "Dòng trong tệp (tiêu đề = 1)",
        "Rândul din fișier (antet = 1)",
    ),
    "data.row_convention": (
        "Row numbers are the file's rows as a spreadsheet shows them, the header being row 1 (an "
        "export with three header rows starts its answers at row 4). In CSV and text files empty "
        "lines are not counted; in XLSX the rows are Excel's. The set-aside rows file uses the "
        "same numbers.",
        "Số dòng là các dòng của tệp như bảng tính hiển thị, dòng tiêu đề là dòng 1 (tệp có ba "
        "dòng tiêu đề bắt đầu câu trả lời ở dòng 4). Trong tệp CSV và văn bản, dòng trống không "
        "được tính; trong XLSX là số dòng của Excel. Tệp các dòng bị loại dùng cùng số dòng.",
        "Numerele de rând sunt rândurile fișierului așa cum le arată o foaie de calcul, antetul "
        "fiind rândul 1 (un export cu trei rânduri de antet începe răspunsurile la rândul 4). În "
        "fișierele CSV și text rândurile goale nu se numără; în XLSX rândurile sunt cele din "
        "Excel. Fișierul cu rândurile puse deoparte folosește aceleași numere.",
    ),
    "data.col.column": ("Column", "Cột", "Coloană"),
    "data.col.value": ("Value", "Giá trị", "Valoare"),
    "data.col.problem": ("Problem", "Vấn đề", "Problemă"),
    "data.field": ("{field}", "{field}", "{field}"),
}

MESSAGES.update(
    {
        "field.response_id": ("Response ID", "Mã câu trả lời", "ID răspuns"),
        "field.customer_id": ("Customer ID", "Mã khách hàng", "ID client"),
        "field.touchpoint": ("Touchpoint", "Điểm chạm", "Punct de contact"),
        "field.submitted_at": ("Submitted at", "Thời điểm gửi", "Trimis la"),
        "field.nps": ("NPS answer (0–10)", "Điểm NPS (0–10)", "Răspuns NPS (0–10)"),
        "field.csat": ("CSAT answer (1–5)", "Điểm CSAT (1–5)", "Răspuns CSAT (1–5)"),
        "field.ces": ("CES answer (1–7)", "Điểm CES (1–7)", "Răspuns CES (1–7)"),
        "field.emotion": ("Emotion (−2..+2)", "Cảm xúc (−2..+2)", "Emoție (−2..+2)"),
        "field.comment": ("Comment", "Bình luận", "Comentariu"),
        "field.persona": ("Persona", "Chân dung khách hàng", "Persona"),
        "field.segment": ("Segment", "Phân khúc", "Segment"),
        "field.channel": ("Channel", "Kênh", "Canal"),
        "field.ts": ("Timestamp", "Thời điểm", "Moment"),
        "field.value": ("Value (e.g. revenue)", "Giá trị (vd. doanh thu)", "Valoare (ex. venit)"),
        "field.converted": ("Converted", "Đã chuyển đổi", "Convertit"),
        "field.stage": ("Stage", "Giai đoạn", "Etapă"),
        "field.stage_order": ("Stage order", "Thứ tự giai đoạn", "Ordinea etapei"),
        "field.step_order": ("Step order", "Thứ tự bước", "Ordinea pasului"),
        "field.owner": ("Owner (department)", "Bộ phận phụ trách", "Responsabil (departament)"),
        "field.goal": ("Customer goal", "Mục tiêu của khách hàng", "Obiectivul clientului"),
        "field.description": ("Description", "Mô tả", "Descriere"),
        "field.target_csat": ("Target CSAT %", "Mục tiêu CSAT %", "Țintă CSAT %"),
        "field.in_funnel": ("Funnel step", "Bước trong phễu", "Pas în pâlnie"),
        "field.required": ("{label} (required)", "{label} (bắt buộc)", "{label} (obligatoriu)"),
    }
)

MESSAGES.update(
    {
        "settings.title": (
            "Workspace settings",
            "Cài đặt không gian làm việc",
            "Setările spațiului de lucru",
        ),
        "settings.min_n": (
            "Minimum answers for a confident cell",
            "Số câu trả lời tối thiểu cho một ô đáng tin cậy",
            "Număr minim de răspunsuri pentru o celulă sigură",
        ),
        "settings.window": (
            "Default conversion window (days)",
            "Cửa sổ chuyển đổi mặc định (ngày)",
            "Fereastra de conversie implicită (zile)",
        ),
        "settings.threshold": (
            "Pain-point threshold (mean emotion below)",
            "Ngưỡng điểm đau (cảm xúc trung bình dưới)",
            "Pragul punctelor dureroase (emoție medie sub)",
        ),
        "settings.ces_direction": (
            "On the CES scale, 7 means very easy",
            "Trên thang CES, 7 nghĩa là rất dễ",
            "Pe scala CES, 7 înseamnă foarte ușor",
        ),
        "settings.mask_pii": (
            "Hide e-mail addresses and phone numbers in comments (on import, on screen and in exports)",
            "Ẩn địa chỉ e-mail và số điện thoại trong bình luận (khi nạp, trên màn hình và khi xuất)",
            "Ascunde adresele de e-mail și numerele de telefon din comentarii (la import, pe ecran și la export)",
        ),
        "settings.save": ("Save settings", "Lưu cài đặt", "Salvează setările"),
        "settings.saved": ("Settings saved.", "Đã lưu cài đặt.", "Setările au fost salvate."),
    }
)
