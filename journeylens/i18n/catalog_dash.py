"""Dashboard charts and KPI comparison texts (journeylens/charts/, journeylens/services/dashboards/).

Long because it is data: one entry per user-facing string, in English, Vietnamese and Romanian.
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    # KPI comparison: dashboards.kpis() returns note_key + note_params
    "dash.kpi.compare_range": (
        "Change vs the previous period of equal length ({previous}).",
        "Thay đổi so với kỳ trước có cùng độ dài ({previous}).",
        "Variație față de perioada anterioară de aceeași lungime ({previous}).",
    ),
    "dash.kpi.compare_recent": (
        # the filter caption after it gives the whole range ("all dates (first – last)")
        "Change compares the last {months} months of data ({current}) with the {months} months "
        "before ({previous}).",
        "Thay đổi so sánh {months} tháng dữ liệu gần nhất ({current}) với {months} tháng trước "
        "đó ({previous}).",
        "Variația compară ultimele {months} luni de date ({current}) cu cele {months} luni "
        "dinainte ({previous}).",
    ),
    "dash.kpi.compare_none": (
        "Not enough dated answers to compare periods.",
        "Không đủ câu trả lời có ngày để so sánh các kỳ.",
        "Nu sunt destule răspunsuri datate pentru a compara perioadele.",
    ),
    # where the touchpoint order comes from (widgets.order_note)
    "order.events": (
        "No journey definition: touchpoints are in the order customers meet them (the median "
        "position of each touchpoint in each customer's events).",
        "Chưa có định nghĩa hành trình: các điểm chạm được xếp theo thứ tự khách hàng gặp chúng "
        "(vị trí trung vị của mỗi điểm chạm trong các sự kiện của từng khách hàng).",
        "Nicio definiție a călătoriei: punctele de contact sunt în ordinea în care clienții le "
        "întâlnesc (poziția mediană a fiecărui punct în evenimentele fiecărui client).",
    ),
    "order.answers": (
        "No journey definition and no touchpoint log: touchpoints are in the order they first "
        "appear in the answers, which says nothing about the journey, so they are not joined by "
        "a line.",
        "Chưa có định nghĩa hành trình và nhật ký điểm chạm: các điểm chạm được xếp theo thứ tự "
        "xuất hiện đầu tiên trong câu trả lời, thứ tự này không nói gì về hành trình nên chúng "
        "không được nối bằng đường.",
        "Nicio definiție a călătoriei și niciun jurnal de evenimente: punctele de contact sunt în "
        "ordinea primei apariții în răspunsuri, care nu spune nimic despre călătorie, deci nu "
        "sunt unite printr-o linie.",
    ),
    "order.help": (
        "Upload a journey definition (touchpoint, stage, order) on the Data page to set the "
        "stages and the order.",
        "Tải lên định nghĩa hành trình (điểm chạm, giai đoạn, thứ tự) ở trang Dữ liệu để đặt "
        "giai đoạn và thứ tự.",
        "Încărcați o definiție a călătoriei (punct de contact, etapă, ordine) pe pagina Date "
        "pentru a stabili etapele și ordinea.",
    ),
    # shared chart words
    "viz.interval": ("95% interval", "Khoảng tin cậy 95%", "Interval 95%"),
    "viz.overall": ("All customers", "Tất cả khách hàng", "Toți clienții"),
    "viz.step": ("Step", "Bước", "Pasul"),
    "viz.group": ("Group", "Nhóm", "Grup"),
    "viz.value": ("Value", "Giá trị", "Valoare"),
    "viz.of_first": ("% of step 1", "% so với bước 1", "% din pasul 1"),
    "viz.of_previous": ("% of previous step", "% so với bước trước", "% din pasul anterior"),
    # trend
    "viz.trend.title": ("{metric} over time", "{metric} theo thời gian", "{metric} în timp"),
    "viz.trend.subtitle": (
        "Line: score per {grain}; band: 95% interval; faded points have fewer than {min_n} "
        "answers.",
        "Đường: điểm theo {grain}; dải: khoảng tin cậy 95%; điểm mờ có ít hơn {min_n} câu trả lời.",
        "Linia: scorul pe {grain}; banda: interval 95%; punctele estompate au sub {min_n} "
        "răspunsuri.",
    ),
    # funnel
    "viz.funnel.title": ("Conversion funnel", "Phễu chuyển đổi", "Pâlnia de conversie"),
    "viz.funnel.subtitle": (
        "Dark bar: customers who reached the step; light bar: step 1. "
        "Between bars: % who continued from the previous step.",
        "Thanh đậm: khách hàng đạt đến bước; thanh nhạt: bước 1. "
        "Giữa các thanh: % tiếp tục từ bước trước.",
        "Bara închisă: clienții care au ajuns la pas; bara deschisă: pasul 1. "
        "Între bare: % care au continuat de la pasul anterior.",
    ),
    "viz.funnel.continued": ("↓ {pct} continued", "↓ {pct} tiếp tục", "↓ {pct} au continuat"),
    "viz.funnel_breakdown.title": (
        "Funnel by group",
        "Phễu theo nhóm",
        "Pâlnia pe grupuri",
    ),
    # emotion
    "viz.emotion.title": (
        "Emotion along the journey",
        "Cảm xúc dọc hành trình",
        "Emoția de-a lungul călătoriei",
    ),
    "viz.emotion.source_emotion": (
        "Emotion from the emotion column (−2..+2); band: 95% interval.",
        "Cảm xúc từ cột cảm xúc (−2..+2); dải: khoảng tin cậy 95%.",
        "Emoția din coloana de emoție (−2..+2); banda: interval 95%.",
    ),
    "viz.emotion.source_csat": (
        "Emotion derived from CSAT (csat − 3); band: 95% interval.",
        "Cảm xúc suy ra từ CSAT (csat − 3); dải: khoảng tin cậy 95%.",
        "Emoție derivată din CSAT (csat − 3); banda: interval 95%.",
    ),
    "viz.emotion.source_nps": (
        "Emotion derived from the NPS band (promoter +2, passive 0, detractor −2: NPS / 50); "
        "band: 95% interval.",
        "Cảm xúc suy ra từ nhóm NPS (ủng hộ +2, thụ động 0, phản đối −2: NPS / 50); "
        "dải: khoảng tin cậy 95%.",
        "Emoție derivată din categoria NPS (promotor +2, pasiv 0, detractor −2: NPS / 50); "
        "banda: interval 95%.",
    ),
    "viz.emotion.source_mixed": (
        "Emotion from the emotion column where present, otherwise derived from CSAT (csat − 3) "
        "or NPS; band: 95% interval.",
        "Cảm xúc từ cột cảm xúc nếu có, nếu không thì suy ra từ CSAT (csat − 3) hoặc NPS; "
        "dải: khoảng tin cậy 95%.",
        "Emoția din coloana de emoție unde există, altfel derivată din CSAT (csat − 3) sau NPS; "
        "banda: interval 95%.",
    ),
    "viz.emotion.pain_note": (
        "Red points: pain points (mean below {threshold}).",
        "Điểm đỏ: điểm đau (trung bình dưới {threshold}).",
        "Puncte roșii: puncte dureroase (media sub {threshold}).",
    ),
    "viz.emotion.compare_title": (
        "Emotion: {a} vs {b}",
        "Cảm xúc: {a} so với {b}",
        "Emoție: {a} vs {b}",
    ),
    # heatmap
    "viz.heatmap.title": (
        "{metric} by touchpoint and {by}",
        "{metric} theo điểm chạm và {by}",
        "{metric} pe punct de contact și {by}",
    ),
    "viz.heatmap.subtitle": (
        "Each cell: score and number of answers.",
        "Mỗi ô: điểm và số câu trả lời.",
        "Fiecare celulă: scorul și numărul de răspunsuri.",
    ),
    # journey map
    "viz.journey.title": ("Journey map", "Bản đồ hành trình", "Harta călătoriei"),
    "viz.journey.subtitle": (
        "⚑ marks a pain point: CSAT below target, emotion below {threshold}, "
        "or volume down more than {drop} from the previous touchpoint.",
        "⚑ đánh dấu điểm đau: CSAT dưới mục tiêu, cảm xúc dưới {threshold}, "
        "hoặc lượng khách giảm hơn {drop} so với điểm chạm trước.",
        "⚑ marchează un punct dureros: CSAT sub țintă, emoție sub {threshold} "
        "sau volum în scădere cu peste {drop} față de punctul anterior.",
    ),
    "viz.lane.stage": ("Stage", "Giai đoạn", "Etapă"),
    "viz.lane.goal": ("Customer goal", "Mục tiêu", "Obiectiv"),
    "viz.lane.touchpoint": ("Touchpoint", "Điểm chạm", "Punct de contact"),
    "viz.lane.owner": ("Owner", "Phụ trách", "Responsabil"),
    "viz.lane.volume": ("Customers", "Khách hàng", "Clienți"),
    "viz.lane.volume_answers": ("Answers", "Câu trả lời", "Răspunsuri"),
    "viz.lane.emotion": ("Emotion", "Cảm xúc", "Emoție"),
    "viz.lane.metrics": ("Scores", "Điểm số", "Scoruri"),
    "viz.lane.pain": ("Pain points", "Điểm đau", "Puncte dureroase"),
    "viz.lane.themes": (
        "Unhappy customers say",
        "Khách không hài lòng nói",
        "Clienții nemulțumiți spun",
    ),
    "viz.pain.below_target": ("CSAT below target", "CSAT dưới mục tiêu", "CSAT sub țintă"),
    "viz.pain.low_emotion": ("low emotion", "cảm xúc thấp", "emoție scăzută"),
    "viz.pain.volume_drop": ("volume drop", "lượng khách giảm", "scădere de volum"),
}
