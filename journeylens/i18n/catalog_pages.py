"""Page-level texts: overview tiles, page controls, hints.

Long because it is data: one entry per user-facing string, in English, Vietnamese and Romanian.
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "overview.title": ("Overview", "Tổng quan", "Prezentare generală"),
    "overview.tile_caption": (
        "n = {n} · 95% interval {low} to {high}",
        "n = {n} · khoảng tin cậy 95% từ {low} đến {high}",
        "n = {n} · interval 95% între {low} și {high}",
    ),
    "overview.delta_help": (
        "Change against the previous period of equal length.",
        "Thay đổi so với kỳ trước có cùng độ dài.",
        "Schimbarea față de perioada anterioară de aceeași lungime.",
    ),
    "overview.nps_shares": (
        "Promoters {p}% · passives {pa}% · detractors {d}%",
        "Người ủng hộ {p}% · trung lập {pa}% · phản đối {d}%",
        "Promotori {p}% · pasivi {pa}% · detractori {d}%",
    ),
    "overview.csat_mean": (
        "Mean score (secondary): {mean} / 5",
        "Điểm trung bình (phụ): {mean} / 5",
        "Scor mediu (secundar): {mean} / 5",
    ),
    "overview.ces_high": (
        "{pct}% of answers at 5–7",
        "{pct}% câu trả lời ở mức 5–7",
        "{pct}% din răspunsuri la 5–7",
    ),
    "overview.trend": ("Trend", "Xu hướng", "Tendință"),
    "overview.grain": ("Period", "Chu kỳ", "Perioadă"),
    "overview.grain.week": ("Week", "Tuần", "Săptămână"),
    "overview.grain.month": ("Month", "Tháng", "Lună"),
    "overview.worst": (
        "Touchpoints to fix first (worst {metric}, at least {min_n} answers)",
        "Điểm chạm cần cải thiện trước ({metric} thấp nhất, ít nhất {min_n} câu trả lời)",
        "Puncte de contact de reparat mai întâi ({metric} cel mai slab, minimum {min_n} răspunsuri)",
    ),
    "overview.worst_none": (
        "No touchpoint has enough answers ({min_n}) for this metric yet.",
        "Chưa có điểm chạm nào đủ câu trả lời ({min_n}) cho chỉ số này.",
        "Niciun punct de contact nu are încă destule răspunsuri ({min_n}) pentru acest indicator.",
    ),
    "overview.dropoff": ("Biggest drop-off", "Điểm rơi rớt lớn nhất", "Cea mai mare pierdere"),
    "overview.dropoff_text": (
        "**{count}** customers ({pct}%) stop between **{prev}** and **{step}** (funnel of the "
        "journey's steps, {window} window).",
        "**{count}** khách hàng ({pct}%) dừng lại giữa **{prev}** và **{step}** (phễu theo các bước "
        "của hành trình, cửa sổ {window}).",
        "**{count}** clienți ({pct}%) se opresc între **{prev}** și **{step}** (pâlnia pașilor "
        "călătoriei, fereastră {window}).",
    ),
    "overview.dropoff_none": (
        "No touchpoint log with at least two journey steps yet: upload events to see drop-off.",
        "Chưa có nhật ký điểm chạm với ít nhất hai bước: hãy tải sự kiện lên để xem rơi rớt.",
        "Încă nu există un jurnal cu cel puțin doi pași: încărcați evenimente pentru a vedea pierderile.",
    ),
    "col.touchpoint": ("Touchpoint", "Điểm chạm", "Punct de contact"),
    "col.stage": ("Stage", "Giai đoạn", "Etapă"),
    "col.value": ("Value", "Giá trị", "Valoare"),
    "col.n": ("n", "n", "n"),
    "col.interval": ("95% interval", "Khoảng tin cậy 95%", "Interval 95%"),
    "col.owner": ("Owner", "Bộ phận phụ trách", "Responsabil"),
    "page.metric": ("Metric", "Chỉ số", "Indicator"),
    "page.breakdown": ("Columns", "Cột", "Coloane"),
    "page.by.segment": ("Segment", "Phân khúc", "Segment"),
    "page.by.persona": ("Persona", "Chân dung khách hàng", "Persona"),
    "page.by.channel": ("Channel", "Kênh", "Canal"),
    "page.by.month": ("Month", "Tháng", "Lună"),
    "page.by.stage": ("Stage", "Giai đoạn", "Etapă"),
    "page.by.none": ("None", "Không", "Fără"),
    "page.report_hint": (
        "Download this page as one HTML file that opens offline.",
        "Tải trang này thành một tệp HTML mở được khi không có mạng.",
        "Descărcați această pagină ca un singur fișier HTML care se deschide offline.",
    ),
}

MESSAGES.update(
    {
        "funnelpage.title": ("Funnel", "Phễu chuyển đổi", "Pâlnie"),
        "funnelpage.steps": (
            "Steps, in order (2–10 touchpoints)",
            "Các bước theo thứ tự (2–10 điểm chạm)",
            "Pași, în ordine (2–10 puncte de contact)",
        ),
        "funnelpage.window": (
            "Conversion window (e.g. 30m, 2h, 14d, 2w)",
            "Cửa sổ chuyển đổi (vd. 30m, 2h, 14d, 2w)",
            "Fereastra de conversie (ex. 30m, 2h, 14d, 2w)",
        ),
        "funnelpage.strict": (
            "Strict order (no other touchpoint in between)",
            "Thứ tự nghiêm ngặt (không có điểm chạm khác xen giữa)",
            "Ordine strictă (fără alt punct de contact între pași)",
        ),
        "funnelpage.exclude": (
            "Exclude customers who meet…",
            "Loại khách hàng gặp…",
            "Exclude clienții care trec prin…",
        ),
        "funnelpage.exclude_between": (
            "…between steps",
            "…giữa các bước",
            "…între pașii",
        ),
        "funnelpage.breakdown": ("Break down by", "Phân tách theo", "Defalcare după"),
        "funnelpage.need_steps": (
            "Pick at least two touchpoints as steps.",
            "Hãy chọn ít nhất hai điểm chạm làm bước.",
            "Alegeți cel puțin două puncte de contact ca pași.",
        ),
        "funnelpage.no_events": (
            "This workspace has no touchpoint log yet. Upload events (customer, touchpoint, "
            "timestamp) on the Data page to see the funnel.",
            "Không gian này chưa có nhật ký điểm chạm. Hãy tải sự kiện (khách hàng, điểm chạm, "
            "thời điểm) trên trang Dữ liệu để xem phễu.",
            "Acest spațiu nu are încă un jurnal de puncte de contact. Încărcați evenimente (client, "
            "punct de contact, moment) pe pagina Date pentru a vedea pâlnia.",
        ),
        "funnelpage.table": ("Steps", "Các bước", "Pași"),
        "funnelpage.pick_row": (
            "Select a step in the table to list the customers who dropped out before it.",
            "Chọn một bước trong bảng để xem khách hàng đã rời đi trước bước đó.",
            "Selectați un pas din tabel pentru a vedea clienții care au renunțat înaintea lui.",
        ),
        "funnelpage.dropped_title": (
            "{total} customers reached “{prev}” but not “{step}”",
            "{total} khách hàng đã đến “{prev}” nhưng không đến “{step}”",
            "{total} clienți au ajuns la „{prev}” dar nu la „{step}”",
        ),
        "funnelpage.dropped_shown": (
            "Showing the latest {shown}.",
            "Hiển thị {shown} trường hợp gần nhất.",
            "Se afișează cele mai recente {shown}.",
        ),
        "funnelpage.semantics": (
            "A customer reaches step k when steps 1..k happen in order, each at or after the "
            "previous one, within the window from step 1 (inclusive). Each customer counts once; "
            "one event satisfies one step.",
            "Khách hàng đạt bước k khi các bước 1..k diễn ra theo thứ tự, mỗi bước cùng lúc hoặc "
            "sau bước trước, trong cửa sổ tính từ bước 1 (bao gồm biên). Mỗi khách hàng tính một "
            "lần; một sự kiện chỉ thỏa một bước.",
            "Un client ajunge la pasul k când pașii 1..k au loc în ordine, fiecare la sau după cel "
            "anterior, în fereastra de la pasul 1 (inclusiv). Fiecare client contează o dată; un "
            "eveniment satisface un singur pas.",
        ),
        "fcol.step": ("Step", "Bước", "Pas"),
        "fcol.customers": ("Customers", "Khách hàng", "Clienți"),
        "fcol.of_first": ("% of first step", "% so với bước đầu", "% din primul pas"),
        "fcol.of_previous": ("% of previous step", "% so với bước trước", "% din pasul anterior"),
        "fcol.dropoff": ("Drop-off", "Rơi rớt", "Pierdere"),
        "fcol.median_time": (
            "Median time from previous",
            "Thời gian trung vị từ bước trước",
            "Timp median de la pasul anterior",
        ),
        "fcol.mean_time": (
            "Mean time from previous",
            "Thời gian trung bình từ bước trước",
            "Timp mediu de la pasul anterior",
        ),
        "fcol.group": ("Group", "Nhóm", "Grup"),
        "fcol.customer": ("Customer", "Khách hàng", "Client"),
        "fcol.last_touchpoint": ("Last touchpoint", "Điểm chạm cuối", "Ultimul punct de contact"),
        "fcol.last_ts": ("Last seen", "Lần cuối", "Văzut ultima dată"),
        "fcol.comments": ("Comments", "Bình luận", "Comentarii"),
        "duration.d": ("{v} d", "{v} ngày", "{v} z"),
        "duration.h": ("{v} h", "{v} giờ", "{v} h"),
        "duration.m": ("{v} min", "{v} phút", "{v} min"),
        "duration.s": ("{v} s", "{v} giây", "{v} s"),
    }
)

MESSAGES.update(
    {
        "emotionpage.title": ("Emotion curve", "Đường cảm xúc", "Curba emoțiilor"),
        "emotionpage.mode": ("Lines", "Đường", "Linii"),
        "emotionpage.mode.overall": ("Overall", "Tổng thể", "Total"),
        "emotionpage.mode.persona": (
            "One per persona",
            "Mỗi chân dung một đường",
            "Câte una pe persona",
        ),
        "emotionpage.mode.compare": (
            "Compare two personas",
            "So sánh hai chân dung",
            "Compară două persona",
        ),
        "emotionpage.compare_pick": (
            "Personas to compare",
            "Các chân dung cần so sánh",
            "Persona de comparat",
        ),
        "emotionpage.pick_two": (
            "Pick two personas to compare.",
            "Hãy chọn hai chân dung để so sánh.",
            "Alegeți două persona pentru comparație.",
        ),
        "emotionpage.pain_list": (
            "Pain points (mean emotion below {threshold})",
            "Điểm đau (cảm xúc trung bình dưới {threshold})",
            "Puncte dureroase (emoție medie sub {threshold})",
        ),
        "emotionpage.no_pain": (
            "No touchpoint is below the pain-point threshold.",
            "Không có điểm chạm nào dưới ngưỡng điểm đau.",
            "Niciun punct de contact nu este sub pragul de durere.",
        ),
        "heatmappage.title": ("Heatmap", "Bản đồ nhiệt", "Hartă termică"),
        "heatmappage.cell": (
            "Open the comments of a cell",
            "Mở bình luận của một ô",
            "Deschide comentariile unei celule",
        ),
        "heatmappage.cell_hint": (
            "Click a cell in the heatmap, or pick it here.",
            "Nhấp vào một ô trên bản đồ nhiệt, hoặc chọn ở đây.",
            "Faceți clic pe o celulă din hartă sau alegeți-o aici.",
        ),
        "heatmappage.cell_comments": (
            "Comments for {touchpoint} × {column}: {total}",
            "Bình luận cho {touchpoint} × {column}: {total}",
            "Comentarii pentru {touchpoint} × {column}: {total}",
        ),
        "commentspage.title": ("Comments", "Bình luận", "Comentarii"),
        "commentspage.search": (
            "Search the comments",
            "Tìm trong bình luận",
            "Căutați în comentarii",
        ),
        "commentspage.touchpoint": ("Touchpoint", "Điểm chạm", "Punct de contact"),
        "commentspage.all": ("All touchpoints", "Tất cả điểm chạm", "Toate punctele de contact"),
        "commentspage.total": (
            "{total} comments match · page {page} of {pages}",
            "{total} bình luận phù hợp · trang {page} / {pages}",
            "{total} comentarii găsite · pagina {page} din {pages}",
        ),
        "commentspage.none": (
            "No comment matches.",
            "Không có bình luận phù hợp.",
            "Niciun comentariu găsit.",
        ),
        "commentspage.download": (
            "Download the matching comments (CSV)",
            "Tải các bình luận phù hợp (CSV)",
            "Descarcă comentariile găsite (CSV)",
        ),
        "ccol.date": ("Date", "Ngày", "Data"),
        "ccol.touchpoint": ("Touchpoint", "Điểm chạm", "Punct de contact"),
        "ccol.persona": ("Persona", "Chân dung", "Persona"),
        "ccol.segment": ("Segment", "Phân khúc", "Segment"),
        "ccol.channel": ("Channel", "Kênh", "Canal"),
        "ccol.nps": ("NPS", "NPS", "NPS"),
        "ccol.csat": ("CSAT", "CSAT", "CSAT"),
        "ccol.ces": ("CES", "CES", "CES"),
        "ccol.comment": ("Comment", "Bình luận", "Comentariu"),
    }
)

MESSAGES.update(
    {
        "journeypage.title": ("Journey map", "Bản đồ hành trình", "Harta călătoriei"),
        "journeypage.persona": ("Persona", "Chân dung khách hàng", "Persona"),
        "journeypage.all": ("All customers", "Tất cả khách hàng", "Toți clienții"),
        "journeypage.compare": (
            "Compare with a second persona",
            "So sánh với chân dung thứ hai",
            "Compară cu o a doua persona",
        ),
        "journeypage.edit": (
            "Edit the journey definition",
            "Chỉnh sửa định nghĩa hành trình",
            "Editați definiția călătoriei",
        ),
        "journeypage.edit_help": (
            "Stages, touchpoints, their order, channel, owner, customer goal and CSAT target. "
            "Add or delete rows, then save.",
            "Giai đoạn, điểm chạm, thứ tự, kênh, bộ phận phụ trách, mục tiêu khách hàng và mục "
            "tiêu CSAT. Thêm hoặc xóa dòng rồi lưu.",
            "Etape, puncte de contact, ordinea lor, canal, responsabil, obiectivul clientului și "
            "ținta CSAT. Adăugați sau ștergeți rânduri, apoi salvați.",
        ),
        "journeypage.save": ("Save the journey", "Lưu hành trình", "Salvează călătoria"),
        "journeypage.saved": (
            "Journey saved: {n} touchpoints.",
            "Đã lưu hành trình: {n} điểm chạm.",
            "Călătoria a fost salvată: {n} puncte de contact.",
        ),
        "journeypage.problem": (
            "Row {row}, column “{column}”: {message}",
            "Dòng {row}, cột “{column}”: {message}",
            "Rândul {row}, coloana „{column}”: {message}",
        ),
        "journeypage.no_definition": (
            "This workspace has no journey definition yet: add touchpoints below or upload one "
            "on the Data page.",
            "Không gian này chưa có định nghĩa hành trình: thêm điểm chạm bên dưới hoặc tải lên "
            "trên trang Dữ liệu.",
            "Acest spațiu nu are încă o definiție a călătoriei: adăugați puncte de contact mai jos "
            "sau încărcați una pe pagina Date.",
        ),
        "journey.error.required": ("required", "bắt buộc", "obligatoriu"),
        "journey.error.duplicate": (
            "this touchpoint is listed twice",
            "điểm chạm này bị trùng",
            "acest punct de contact apare de două ori",
        ),
        "journey.error.order": (
            "must be a whole number from 1",
            "phải là số nguyên từ 1",
            "trebuie să fie un număr întreg de la 1",
        ),
        "journey.error.target": (
            "must be a percentage between 0 and 100",
            "phải là phần trăm từ 0 đến 100",
            "trebuie să fie un procent între 0 și 100",
        ),
        "journey.error.stage_order": (
            "the same stage has another stage order above",
            "cùng giai đoạn nhưng thứ tự giai đoạn khác ở trên",
            "aceeași etapă are mai sus altă ordine a etapei",
        ),
    }
)
