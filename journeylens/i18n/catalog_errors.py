"""Errors and what to do about them: the messages of the error classes that had none in the
catalogue, and the hints (`error.hint.*`) journeylens.ui.errors shows below a message.

Long because it is data: one entry per user-facing string, in English, Vietnamese and Romanian.
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "store.error.locked": (
        "The database {path} is in use by another JourneyLens process (DuckDB allows one writer "
        "per file). Stop that process, or point this one at another file with {env}=PATH or "
        "--db PATH.",
        "Cơ sở dữ liệu {path} đang được một tiến trình JourneyLens khác sử dụng (DuckDB chỉ cho "
        "phép một tiến trình ghi trên mỗi tệp). Hãy dừng tiến trình đó, hoặc trỏ tiến trình này "
        "tới tệp khác bằng {env}=PATH hoặc --db PATH.",
        "Baza de date {path} este folosită de un alt proces JourneyLens (DuckDB permite un singur "
        "proces care scrie într-un fișier). Opriți acel proces sau indicați acestuia alt fișier "
        "cu {env}=PATH sau --db PATH.",
    ),
    "store.error.no_name": (
        "A workspace needs a name.",
        "Không gian làm việc cần có tên.",
        "Un spațiu de lucru are nevoie de un nume.",
    ),
    "store.error.no_workspace": (
        "No workspace named {name!r} (known: {known}).",
        "Không có không gian làm việc nào tên {name!r} (hiện có: {known}).",
        "Nu există niciun spațiu de lucru numit {name!r} (existente: {known}).",
    ),
    "drivers.error.outcome": (
        "outcome must be one of {known}; got {got!r}",
        "kết quả phải là một trong {known}; nhận được {got!r}",
        "rezultatul trebuie să fie unul dintre {known}; primit: {got!r}",
    ),
    "drivers.error.driver": (
        "driver must be one of {known}; got {got!r}",
        "yếu tố tác động phải là một trong {known}; nhận được {got!r}",
        "factorul trebuie să fie unul dintre {known}; primit: {got!r}",
    ),
    "drivers.error.resamples": (
        "resamples must be between 2 and {most}",
        "số lần lấy mẫu lại phải từ 2 đến {most}",
        "numărul de reeșantionări trebuie să fie între 2 și {most}",
    ),
    "drivers.error.no_overall_nps": (
        "this workspace has no NPS answers without a touchpoint",
        "không gian làm việc này không có câu trả lời NPS nào không gắn với điểm chạm",
        "acest spațiu de lucru nu are răspunsuri NPS fără punct de contact",
    ),
    "drivers.error.no_touchpoint_nps": (
        "no NPS answers at touchpoint {touchpoint!r} (known: {known})",
        "không có câu trả lời NPS nào tại điểm chạm {touchpoint!r} (hiện có: {known})",
        "nu există răspunsuri NPS la punctul de contact {touchpoint!r} (existente: {known})",
    ),
    "alerts.error.period": (
        "period must be one of {known}; got {got!r}",
        "kỳ phải là một trong {known}; nhận được {got!r}",
        "perioada trebuie să fie una dintre {known}; primit: {got!r}",
    ),
    "alerts.error.compare": (
        "compare must be one of {known}; got {got!r}",
        "phép so sánh phải là một trong {known}; nhận được {got!r}",
        "comparația trebuie să fie una dintre {known}; primit: {got!r}",
    ),
    # --- hints: what to do next ---------------------------------------------------------------
    "error.hint.access": (
        "Ask an editor of this workspace (for example whoever shared the link) to make the change.",
        "Hãy nhờ một người biên tập của không gian làm việc này (ví dụ người đã chia sẻ liên kết) "
        "thực hiện thay đổi.",
        "Rugați un editor al acestui spațiu de lucru (de exemplu persoana care a trimis linkul) "
        "să facă modificarea.",
    ),
    "error.hint.settings": (
        "Change the settings on this page (or the link's parameters) and try again.",
        "Hãy thay đổi thiết lập trên trang này (hoặc tham số trong liên kết) rồi thử lại.",
        "Modificați setările de pe această pagină (sau parametrii din link) și încercați din nou.",
    ),
    "error.hint.fix_file": (
        "Correct the file, or export it again from the system it came from, then upload it again.",
        "Hãy sửa tệp, hoặc xuất lại tệp từ hệ thống gốc, rồi tải lên lại.",
        "Corectați fișierul sau exportați-l din nou din sistemul de proveniență, apoi încărcați-l "
        "din nou.",
    ),
    "error.hint.mapping": (
        "Check the kind of data and the column mapping, then load the file again.",
        "Hãy kiểm tra loại dữ liệu và cách gán cột, rồi nhập tệp lại.",
        "Verificați tipul de date și asocierea coloanelor, apoi importați din nou fișierul.",
    ),
    "error.hint.split": (
        "Split the file into smaller parts (for example one per quarter) and upload them one "
        "after another.",
        "Hãy chia tệp thành các phần nhỏ hơn (ví dụ mỗi quý một tệp) và tải lên lần lượt.",
        "Împărțiți fișierul în părți mai mici (de exemplu câte una pe trimestru) și încărcați-le "
        "pe rând.",
    ),
    "error.hint.convert": (
        "Save it as CSV or XLSX in the program that made it, and upload that file.",
        "Hãy lưu tệp dưới dạng CSV hoặc XLSX trong chương trình đã tạo ra nó, rồi tải tệp đó lên.",
        "Salvați-l ca CSV sau XLSX din programul care l-a creat și încărcați acel fișier.",
    ),
    "error.hint.workspace": (
        "Check the name against the known workspaces, or create the workspace by loading data "
        "into it.",
        "Hãy đối chiếu tên với các không gian làm việc hiện có, hoặc tạo không gian làm việc bằng "
        "cách nhập dữ liệu vào đó.",
        "Verificați numele față de spațiile de lucru existente sau creați spațiul de lucru "
        "încărcând date în el.",
    ),
    "error.hint.memory": (
        "Narrow the filters (a shorter date range, fewer personas, channels or stages) and try "
        "again.",
        "Hãy thu hẹp bộ lọc (khoảng thời gian ngắn hơn, ít chân dung khách hàng, kênh hoặc giai "
        "đoạn hơn) rồi thử lại.",
        "Restrângeți filtrele (un interval de date mai scurt, mai puține persona, canale sau "
        "etape) și încercați din nou.",
    ),
    "error.hint.try_again": (
        "Try again in a moment; if it keeps failing, restart JourneyLens.",
        "Hãy thử lại sau giây lát; nếu vẫn lỗi, hãy khởi động lại JourneyLens.",
        "Încercați din nou peste câteva momente; dacă eroarea persistă, reporniți JourneyLens.",
    ),
    "error.hint.report": (
        "Try again; if it keeps happening, tell whoever runs JourneyLens (the details are in the "
        "server log).",
        "Hãy thử lại; nếu lỗi vẫn tiếp diễn, hãy báo cho người quản lý JourneyLens (chi tiết có "
        "trong nhật ký máy chủ).",
        "Încercați din nou; dacă se repetă, anunțați persoana care administrează JourneyLens "
        "(detaliile sunt în jurnalul serverului).",
    ),
}
