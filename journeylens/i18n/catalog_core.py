"""App frame: navigation, sidebar, filters, generic states.

Long because it is data: one entry per user-facing string, in English, Vietnamese and Romanian.
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "app.title": ("JourneyLens", "JourneyLens", "JourneyLens"),
    "app.tagline": (
        "Customer-journey analytics from your survey exports and touchpoint logs",
        "Phân tích hành trình khách hàng từ dữ liệu khảo sát và nhật ký điểm chạm",
        "Analiza călătoriei clientului din exporturile de sondaje și jurnalele punctelor de contact",
    ),
    "nav.overview": ("Overview", "Tổng quan", "Prezentare generală"),
    "nav.journey": ("Journey map", "Bản đồ hành trình", "Harta călătoriei"),
    "nav.funnel": ("Funnel", "Phễu chuyển đổi", "Pâlnie"),
    "nav.emotion": ("Emotion curve", "Đường cảm xúc", "Curba emoțiilor"),
    "nav.heatmap": ("Heatmap", "Bản đồ nhiệt", "Hartă termică"),
    "nav.comments": ("Comments", "Bình luận", "Comentarii"),
    "nav.data": ("Data", "Dữ liệu", "Date"),
    "sidebar.language": ("Language", "Ngôn ngữ", "Limba"),
    "sidebar.workspace": ("Workspace", "Không gian làm việc", "Spațiu de lucru"),
    "sidebar.filters": ("Filters", "Bộ lọc", "Filtre"),
    "filter.date_range": ("Date range", "Khoảng thời gian", "Interval de date"),
    "filter.persona": ("Persona", "Chân dung khách hàng", "Persona"),
    "filter.segment": ("Segment", "Phân khúc", "Segment"),
    "filter.channel": ("Channel", "Kênh", "Canal"),
    "filter.stage": ("Stage", "Giai đoạn", "Etapă"),
    "filter.all": ("all", "tất cả", "toate"),
    "filter.caption": ("Filters: {filters}", "Bộ lọc: {filters}", "Filtre: {filters}"),
    "filter.none": ("no filters", "không lọc", "fără filtre"),
    "filter.reset_notice": (
        "Some values in the link are no longer valid and were reset: {names}",
        "Một số giá trị trong liên kết không còn hợp lệ và đã được đặt lại: {names}",
        "Unele valori din link nu mai sunt valabile și au fost resetate: {names}",
    ),
    "state.empty_workspace": (
        "This workspace has no data yet. Go to **Data** and upload a survey export "
        "(CSV, XLSX or Parquet) or a touchpoint log.",
        "Không gian này chưa có dữ liệu. Vào **Dữ liệu** và tải lên tệp khảo sát "
        "(CSV, XLSX hoặc Parquet) hoặc nhật ký điểm chạm.",
        "Acest spațiu de lucru nu are încă date. Mergeți la **Date** și încărcați un export de "
        "sondaj (CSV, XLSX sau Parquet) sau un jurnal de puncte de contact.",
    ),
    "state.no_match": (
        "No data matches these filters. Widen the date range or clear a filter.",
        "Không có dữ liệu phù hợp với bộ lọc. Hãy mở rộng khoảng thời gian hoặc bỏ bớt bộ lọc.",
        "Nicio înregistrare nu corespunde filtrelor. Lărgiți intervalul sau eliminați un filtru.",
    ),
    "error.generic": (
        "Something went wrong while preparing this view: {message}",
        "Đã xảy ra lỗi khi chuẩn bị trang này: {message}",
        "A apărut o eroare la pregătirea acestei pagini: {message}",
    ),
    "error.no_frame": (
        "This page could not be opened on its own. Open the app's start page and choose it there.",
        "Không thể mở riêng trang này. Hãy mở trang đầu của ứng dụng rồi chọn trang này ở đó.",
        "Această pagină nu poate fi deschisă separat. Deschideți pagina de start și alegeți-o acolo.",
    ),
    "common.n": ("n = {n}", "n = {n}", "n = {n}"),
    "common.download_csv": ("Download CSV", "Tải CSV", "Descarcă CSV"),
    "common.touchpoint": ("Touchpoint", "Điểm chạm", "Punct de contact"),
    "common.stage": ("Stage", "Giai đoạn", "Etapă"),
    "common.persona": ("Persona", "Chân dung khách hàng", "Persona"),
    "common.segment": ("Segment", "Phân khúc", "Segment"),
    "common.channel": ("Channel", "Kênh", "Canal"),
    "common.month": ("Month", "Tháng", "Luna"),
    "common.week": ("Week", "Tuần", "Săptămâna"),
    "common.date": ("Date", "Ngày", "Data"),
    "common.customers": ("Customers", "Khách hàng", "Clienți"),
    "common.answers": ("Answers", "Câu trả lời", "Răspunsuri"),
    "common.owner": ("Owner", "Bộ phận phụ trách", "Responsabil"),
    "common.goal": ("Customer goal", "Mục tiêu của khách hàng", "Obiectivul clientului"),
    "common.comment": ("Comment", "Bình luận", "Comentariu"),
    "common.score": ("Score", "Điểm", "Scor"),
    "common.uncertain_note": (
        "Faded cells have fewer than {min_n} answers: treat them as uncertain.",
        "Ô mờ có ít hơn {min_n} câu trả lời: kết quả chưa chắc chắn.",
        "Celulele estompate au mai puțin de {min_n} răspunsuri: tratați-le ca incerte.",
    ),
    "metric.nps": ("NPS", "NPS", "NPS"),
    "metric.csat": ("CSAT %", "CSAT %", "CSAT %"),
    "metric.ces": ("CES (mean)", "CES (trung bình)", "CES (medie)"),
    "metric.emotion": ("Emotion", "Cảm xúc", "Emoție"),
    "metric.choose": ("Metric", "Chỉ số", "Indicator"),
    "definition.nps": (
        "NPS = % promoters (9–10) − % detractors (0–6), over all 0–10 answers; −100 to +100. "
        "95% interval: NPS ± 1.96·SE, SE = 100·√((p + d − (p − d)²)/n).",
        "NPS = % người ủng hộ (9–10) − % người phản đối (0–6), trên mọi câu trả lời 0–10; "
        "từ −100 đến +100. Khoảng tin cậy 95%: NPS ± 1,96·SE, SE = 100·√((p + d − (p − d)²)/n).",
        "NPS = % promotori (9–10) − % detractori (0–6), din toate răspunsurile 0–10; "
        "de la −100 la +100. Interval 95%: NPS ± 1,96·SE, SE = 100·√((p + d − (p − d)²)/n).",
    ),
    "definition.csat": (
        "CSAT % = share of answers 4–5 on the 1–5 scale (top-2-box). The mean score is secondary.",
        "CSAT % = tỷ lệ câu trả lời 4–5 trên thang 1–5 (top-2-box). Điểm trung bình là phụ.",
        "CSAT % = ponderea răspunsurilor 4–5 pe scala 1–5 (top-2-box). Media este secundară.",
    ),
    "definition.ces": (
        "CES = mean effort score on 1–7, and % of answers at 5–7.",
        "CES = điểm nỗ lực trung bình trên thang 1–7, và % câu trả lời 5–7.",
        "CES = scorul mediu de efort pe scala 1–7 și % răspunsuri 5–7.",
    ),
    "definition.emotion": (
        "Emotion on −2..+2: the emotion column where the data has one, otherwise CSAT − 3, "
        "otherwise the NPS band (promoter 9–10: +2, passive 7–8: 0, detractor 0–6: −2, so a "
        "touchpoint's emotion from NPS is its NPS / 50 and always has the same sign).",
        "Cảm xúc trên thang −2..+2: cột cảm xúc nếu có, nếu không thì CSAT − 3, "
        "nếu không thì theo nhóm NPS (ủng hộ 9–10: +2, thụ động 7–8: 0, phản đối 0–6: −2, nên "
        "cảm xúc suy ra từ NPS của một điểm chạm bằng NPS / 50 và luôn cùng dấu).",
        "Emoție pe −2..+2: coloana de emoție când există, altfel CSAT − 3, "
        "altfel categoria NPS (promotor 9–10: +2, pasiv 7–8: 0, detractor 0–6: −2, deci emoția "
        "derivată din NPS a unui punct de contact este NPS / 50 și are mereu același semn).",
    ),
    "definition.min_n": (
        "Cells with fewer than {min_n} answers are shown as uncertain.",
        "Các ô có ít hơn {min_n} câu trả lời được hiển thị là chưa chắc chắn.",
        "Celulele cu mai puțin de {min_n} răspunsuri sunt afișate ca incerte.",
    ),
}
MESSAGES.update(
    {
        "error.database": (
            "The database could not answer this request: {message}",
            "Cơ sở dữ liệu không thể trả lời yêu cầu này: {message}",
            "Baza de date nu a putut răspunde acestei cereri: {message}",
        ),
        "sidebar.no_workspace": (
            "No workspace yet: create one on the Data page.",
            "Chưa có không gian làm việc: hãy tạo trên trang Dữ liệu.",
            "Niciun spațiu de lucru încă: creați unul pe pagina Date.",
        ),
        "sidebar.definitions": (
            "Metric definitions",
            "Định nghĩa chỉ số",
            "Definițiile indicatorilor",
        ),
    }
)
