"""Personas as workspace objects (issue 16): the Personas page and its editor."""

MESSAGES = {
    "nav.personas": ("Personas", "Chân dung khách hàng", "Profiluri de clienți"),
    "personas16.title": ("Personas", "Chân dung khách hàng", "Profiluri de clienți"),
    "personas16.intro": (
        "Who your customers are: each persona has a description, goals, pains and a rule that "
        "assigns answers and events to it (a column and its value, e.g. Segment = North, or a "
        "column of your own files such as a plan). The Persona filter in the sidebar offers "
        "these personas and filters every view by their rules.",
        "Khách hàng của bạn là ai: mỗi chân dung có mô tả, mục tiêu, điểm khó khăn và một quy "
        "tắc gán câu trả lời và sự kiện cho nó (một cột và giá trị của cột, ví dụ Phân khúc = "
        "North, hoặc một cột trong tệp của bạn như gói dịch vụ). Bộ lọc Chân dung khách hàng ở "
        "thanh bên đưa ra các chân dung này và lọc mọi trang theo quy tắc của chúng.",
        "Cine sunt clienții dumneavoastră: fiecare profil are o descriere, obiective, "
        "dificultăți și o regulă care îi atribuie răspunsuri și evenimente (o coloană și "
        "valoarea ei, de exemplu Segment = North, sau o coloană din fișierele dumneavoastră, "
        "cum ar fi un abonament). Filtrul Persona din bara laterală oferă aceste profiluri și "
        "filtrează fiecare pagină după regulile lor.",
    ),
    "personas16.none": (
        "This workspace defines no personas yet, so the Persona filter offers the values of the "
        "persona column in the data. Add rows below and save to define personas.",
        "Không gian này chưa định nghĩa chân dung nào, nên bộ lọc Chân dung khách hàng đưa ra "
        "các giá trị của cột chân dung trong dữ liệu. Thêm dòng bên dưới rồi lưu để định nghĩa "
        "chân dung.",
        "Acest spațiu nu definește încă niciun profil, așa că filtrul Persona oferă valorile "
        "coloanei persona din date. Adăugați rânduri mai jos și salvați pentru a defini "
        "profiluri.",
    ),
    "personas16.none_viewer": (
        "This workspace defines no personas yet.",
        "Không gian này chưa định nghĩa chân dung nào.",
        "Acest spațiu nu definește încă niciun profil.",
    ),
    "personas16.col.name": ("Name", "Tên", "Nume"),
    "personas16.col.description": ("Description", "Mô tả", "Descriere"),
    "personas16.col.goals": ("Goals", "Mục tiêu", "Obiective"),
    "personas16.col.pains": ("Pains", "Điểm khó khăn", "Dificultăți"),
    "personas16.col.rule_column": ("Rule: column", "Quy tắc: cột", "Regulă: coloana"),
    "personas16.col.rule_value": ("Rule: value", "Quy tắc: giá trị", "Regulă: valoarea"),
    "personas16.values": (
        "Values in the data",
        "Các giá trị trong dữ liệu",
        "Valorile din date",
    ),
    "personas16.values_none": ("no values", "không có giá trị", "nicio valoare"),
    "personas16.save": ("Save the personas", "Lưu các chân dung", "Salvează profilurile"),
    "personas16.saved.one": (
        "Personas saved: {n} persona.",
        "Đã lưu các chân dung: {n} chân dung.",
        "Profilurile au fost salvate: {n} profil.",
    ),
    "personas16.saved.few": (
        "Personas saved: {n} personas.",
        "Đã lưu các chân dung: {n} chân dung.",
        "Profilurile au fost salvate: {n} profiluri.",
    ),
    "personas16.saved.many": (
        "Personas saved: {n} personas.",
        "Đã lưu các chân dung: {n} chân dung.",
        "Profilurile au fost salvate: {n} de profiluri.",
    ),
    "personas16.problem": (
        "Row {row}, column “{column}”: {message}",
        "Dòng {row}, cột “{column}”: {message}",
        "Rândul {row}, coloana „{column}”: {message}",
    ),
    "personas16.error.required": ("required", "bắt buộc", "obligatoriu"),
    "personas16.error.reserved": (
        "this name is what the breakdowns call rows of no persona; choose another",
        "tên này là nhãn các biểu đồ dùng cho dòng không thuộc chân dung nào; hãy chọn tên khác",
        "acest nume este eticheta rândurilor fără profil din defalcări; alegeți altul",
    ),
    "personas16.error.duplicate": (
        "this name is listed twice",
        "tên này bị trùng",
        "acest nume apare de două ori",
    ),
    "personas16.error.column": (
        "choose Persona, Segment, Channel or a column of your files",
        "hãy chọn Chân dung khách hàng, Phân khúc, Kênh hoặc một cột trong tệp của bạn",
        "alegeți Persona, Segment, Canal sau o coloană din fișierele dumneavoastră",
    ),
    # shown under every breakdown by persona while the workspace defines its personas
    "personas16.breakdown_note": (
        "By persona: each persona holds the answers and events its rule matches (Personas "
        "page), the same rows as choosing it in the Persona filter; a customer matching two "
        "rules counts in both, and “—” / “(not set)” holds those matching none.",
        "Theo chân dung: mỗi chân dung gồm các câu trả lời và sự kiện khớp với quy tắc của nó "
        "(trang Chân dung khách hàng), đúng những dòng có được khi chọn nó trong bộ lọc Chân "
        "dung khách hàng; khách hàng khớp hai quy tắc được tính ở cả hai, còn “—” / “(chưa có)” "
        "gồm những người không khớp quy tắc nào.",
        "Pe profil: fiecare profil cuprinde răspunsurile și evenimentele care se potrivesc "
        "regulii sale (pagina Profiluri de clienți), aceleași rânduri ca la alegerea lui în "
        "filtrul Persona; un client care se potrivește cu două reguli este numărat la ambele, "
        "iar „—” / „(nesetat)” îi cuprinde pe cei care nu se potrivesc cu niciuna.",
    ),
    "personas16.column_gone": (
        "No column “{columns}” is offered by the data now (it is gone, or has more than {max} "
        "values): the personas ruled by it match no answers or events.",
        "Dữ liệu hiện không có cột “{columns}” để chọn (cột đã mất, hoặc có hơn {max} giá trị): "
        "các chân dung theo quy tắc trên cột này không khớp câu trả lời hay sự kiện nào.",
        "Datele nu mai oferă coloana „{columns}” (a dispărut sau are peste {max} de valori): "
        "profilurile definite după ea nu se potrivesc cu niciun răspuns sau eveniment.",
    ),
    "personas16.events_note": (
        "A rule on a column of your files reads the answers and the events that have that "
        "column: if only your survey file has it, that persona's funnel, paths and attribution "
        "are empty.",
        "Quy tắc trên một cột trong tệp của bạn đọc các câu trả lời và sự kiện có cột đó: nếu chỉ "
        "tệp khảo sát có cột này, phễu, lộ trình và phân bổ của chân dung đó sẽ trống.",
        "O regulă pe o coloană din fișierele dumneavoastră citește răspunsurile și evenimentele "
        "care au acea coloană: dacă doar fișierul de sondaj o are, pâlnia, traseele și "
        "atribuirea acelui profil sunt goale.",
    ),
}
