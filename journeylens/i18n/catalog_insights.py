"""Insights: key drivers, the priority matrix ("Fix first") and alerts (journeylens/services/insights).

Long because it is data: one entry per user-facing string, in English, Vietnamese and Romanian.
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    # --- navigation and page titles ---------------------------------------------------------
    "nav.fix_first": ("Fix first", "Ưu tiên khắc phục", "De rezolvat întâi"),
    "nav.alerts": ("Alerts", "Cảnh báo", "Alerte"),
    "fixpage.title": ("Fix first", "Ưu tiên khắc phục", "De rezolvat întâi"),
    "fixpage.intro": (
        "Which touchpoints, improved, would move the outcome most? Each touchpoint's importance "
        "is its share of the differences in the outcome between customers that the touchpoint "
        "scores explain, set against how well it performs today.",
        "Cải thiện điểm chạm nào sẽ tác động mạnh nhất đến kết quả? Mức độ quan trọng của mỗi "
        "điểm chạm là phần mà điểm số của nó giải thích được trong sự khác biệt về kết quả giữa "
        "các khách hàng, đặt cạnh mức thể hiện hiện nay của điểm chạm đó.",
        "Care puncte de contact, îmbunătățite, ar schimba cel mai mult rezultatul? Importanța "
        "fiecărui punct de contact este partea din diferențele de rezultat dintre clienți pe care "
        "o explică scorurile lui, pusă alături de cât de bine funcționează astăzi.",
    ),
    "alertspage.title": ("Alerts", "Cảnh báo", "Alerte"),
    "alertspage.intro": (
        "Significant changes at each touchpoint in the last complete period. Only changes that "
        "pass a significance test with false-discovery control are listed: no alert on noise.",
        "Các thay đổi có ý nghĩa thống kê tại từng điểm chạm trong kỳ hoàn chỉnh gần nhất. Chỉ "
        "những thay đổi vượt qua kiểm định có kiểm soát tỷ lệ phát hiện sai mới được liệt kê: "
        "không cảnh báo vì nhiễu.",
        "Schimbările semnificative la fiecare punct de contact în ultima perioadă completă. Sunt "
        "listate doar schimbările care trec un test de semnificație cu controlul ratei "
        "descoperirilor false: nicio alertă din zgomot.",
    ),
    # --- controls ---------------------------------------------------------------------------
    "ins.outcome": ("Outcome", "Kết quả", "Rezultat"),
    "ins.outcome.nps": ("NPS", "NPS", "NPS"),
    "ins.outcome.conversion": ("Conversion", "Chuyển đổi", "Conversie"),
    "ins.outcome_touchpoint": (
        "NPS answered at",
        "NPS được trả lời tại",
        "NPS dat la",
    ),
    "ins.overall": (
        "Overall NPS (answers without a touchpoint)",
        "NPS tổng thể (câu trả lời không gắn điểm chạm)",
        "NPS general (răspunsuri fără punct de contact)",
    ),
    "ins.driver": ("Drivers", "Yếu tố tác động", "Factori"),
    "ins.driver.csat": (
        "CSAT at each touchpoint",
        "CSAT tại từng điểm chạm",
        "CSAT la fiecare punct de contact",
    ),
    "ins.driver.ces": (
        "CES at each touchpoint",
        "CES tại từng điểm chạm",
        "CES la fiecare punct de contact",
    ),
    "ins.driver.emotion": (
        "Emotion at each touchpoint",
        "Cảm xúc tại từng điểm chạm",
        "Emoția la fiecare punct de contact",
    ),
    "ins.driver.columns": (
        "Marked survey questions",
        "Các câu hỏi khảo sát đã đánh dấu",
        "Întrebările de sondaj marcate",
    ),
    "ins.period": ("Period", "Chu kỳ", "Perioadă"),
    "ins.compare": ("Compare with", "So sánh với", "Comparat cu"),
    "ins.compare.previous": ("The period before", "Kỳ trước đó", "Perioada anterioară"),
    "ins.compare.year": (
        "The same period a year earlier",
        "Cùng kỳ năm trước",
        "Aceeași perioadă cu un an în urmă",
    ),
    # --- outcome words ----------------------------------------------------------------------
    "ins.outcome_label.nps_at": (
        "NPS at {touchpoint}",
        "NPS tại {touchpoint}",
        "NPS la {touchpoint}",
    ),
    "ins.outcome_label.nps_overall": ("overall NPS", "NPS tổng thể", "NPS general"),
    "ins.outcome_label.conversion": ("conversion", "chuyển đổi", "conversie"),
    # --- the model in words -----------------------------------------------------------------
    "ins.summary": (
        "Together these touchpoints explain {r2} of the differences in {outcome} between "
        "customers (R², 95% interval {low}–{high}; n = {n} customers with both answers).",
        "Các điểm chạm này cùng nhau giải thích {r2} sự khác biệt về {outcome} giữa các khách "
        "hàng (R², khoảng tin cậy 95% {low}–{high}; n = {n} khách hàng có cả hai câu trả lời).",
        "Împreună, aceste puncte de contact explică {r2} din diferențele de {outcome} dintre "
        "clienți (R², interval 95% {low}–{high}; n = {n} clienți cu ambele răspunsuri).",
    ),
    "ins.method.shapley": (
        "Importance = the driver's share of the explained variance: the Shapley decomposition of "
        "R² (LMG), exact over every order of entry of the {k} drivers, on pairwise-complete "
        "correlations of customer means. Intervals: {resamples} bootstrap resamples of {buckets} "
        "random groups of customers (seed {seed}).",
        "Mức độ quan trọng = phần phương sai được giải thích của yếu tố: phân rã Shapley của R² "
        "(LMG), tính chính xác trên mọi thứ tự đưa vào của {k} yếu tố, dựa trên tương quan từng "
        "cặp đầy đủ của điểm trung bình theo khách hàng. Khoảng tin cậy: {resamples} lần lấy mẫu "
        "lại bootstrap của {buckets} nhóm khách hàng ngẫu nhiên (seed {seed}).",
        "Importanța = partea factorului din varianța explicată: descompunerea Shapley a lui R² "
        "(LMG), exactă pe toate ordinile de intrare ale celor {k} factori, pe corelații pe "
        "perechi complete ale mediilor pe client. Intervale: {resamples} reeșantionări bootstrap "
        "ale unor {buckets} grupuri aleatorii de clienți (seed {seed}).",
    ),
    "ins.method.relative_weights": (
        "Importance = the driver's share of the explained variance: Johnson's relative weights "
        "({k} drivers, more than 15), on pairwise-complete correlations of customer means. "
        "Intervals: {resamples} bootstrap resamples of {buckets} random groups of customers "
        "(seed {seed}).",
        "Mức độ quan trọng = phần phương sai được giải thích của yếu tố: trọng số tương đối của "
        "Johnson ({k} yếu tố, nhiều hơn 15), dựa trên tương quan từng cặp đầy đủ của điểm trung "
        "bình theo khách hàng. Khoảng tin cậy: {resamples} lần lấy mẫu lại bootstrap của "
        "{buckets} nhóm khách hàng ngẫu nhiên (seed {seed}).",
        "Importanța = partea factorului din varianța explicată: ponderile relative ale lui "
        "Johnson ({k} factori, mai mult de 15), pe corelații pe perechi complete ale mediilor pe "
        "client. Intervale: {resamples} reeșantionări bootstrap ale unor {buckets} grupuri "
        "aleatorii de clienți (seed {seed}).",
    ),
    "ins.noise_note": (
        "Grey: not distinguishable from no effect (Benjamini–Hochberg across the drivers, 5% "
        "false discovery rate); its interval starts at 0. The importance is kept, not zeroed.",
        "Màu xám: không phân biệt được với trường hợp không có tác động (Benjamini–Hochberg trên "
        "các yếu tố, tỷ lệ phát hiện sai 5%); khoảng tin cậy bắt đầu từ 0. Mức độ quan trọng vẫn "
        "được giữ, không bị đặt về 0.",
        "Gri: nu se poate deosebi de lipsa unui efect (Benjamini–Hochberg pe factori, rată a "
        "descoperirilor false de 5%); intervalul începe de la 0. Importanța este păstrată, nu "
        "pusă la zero.",
    ),
    "ins.quadrant_rule": (
        "Quadrants: important = share above the average share (1 in {k}); below = performance "
        "below the touchpoint's target where the journey sets one, otherwise below the average "
        "performance of these touchpoints. Equal counts as not important / meeting the target.",
        "Các góc phần tư: quan trọng = tỷ phần cao hơn tỷ phần trung bình (1 trên {k}); dưới = "
        "mức thể hiện thấp hơn mục tiêu của điểm chạm nếu hành trình có đặt, nếu không thì thấp "
        "hơn mức thể hiện trung bình của các điểm chạm này. Bằng nhau được tính là không quan "
        "trọng / đạt mục tiêu.",
        "Cadrane: important = partea peste partea medie (1 din {k}); sub = performanța sub ținta "
        "punctului de contact acolo unde călătoria are una, altfel sub performanța medie a "
        "acestor puncte de contact. Egalitatea contează ca neimportant / țintă atinsă.",
    ),
    "ins.vif_high": (
        "These drivers overlap strongly with the others (variance inflation factor above 5), so "
        "their shares are less certain: {drivers}.",
        "Các yếu tố này trùng lặp mạnh với các yếu tố khác (hệ số phóng đại phương sai trên 5), "
        "nên tỷ phần của chúng kém chắc chắn hơn: {drivers}.",
        "Acești factori se suprapun puternic cu ceilalți (factor de inflație a varianței peste "
        "5), deci părțile lor sunt mai nesigure: {drivers}.",
    ),
    "ins.sample": (
        "The model runs on a random sample of {share} of the customers (more than {cap} qualify; "
        "a hash of the customer id picks them).",
        "Mô hình chạy trên một mẫu ngẫu nhiên gồm {share} số khách hàng (có hơn {cap} khách hàng "
        "đủ điều kiện; một hàm băm của mã khách hàng chọn họ).",
        "Modelul rulează pe un eșantion aleatoriu de {share} din clienți (se califică peste {cap}; "
        "un hash al identificatorului clientului îi alege).",
    ),
    "ins.excluded.below_min_n": (
        "Left out of the model, fewer than {min_n} customers gave both answers: {drivers}.",
        "Không đưa vào mô hình vì có ít hơn {min_n} khách hàng trả lời cả hai: {drivers}.",
        "Lăsați în afara modelului, mai puțin de {min_n} clienți au dat ambele răspunsuri: "
        "{drivers}.",
    ),
    "ins.excluded.constant": (
        "Left out of the model, no variation among the customers who rated them: {drivers}.",
        "Không đưa vào mô hình vì không có biến động giữa các khách hàng đã đánh giá: {drivers}.",
        "Lăsați în afara modelului, nicio variație între clienții care i-au evaluat: {drivers}.",
    ),
    "ins.excluded.too_many": (
        "Left out, only the 40 drivers with the most customers are modelled: {drivers}.",
        "Không đưa vào, chỉ 40 yếu tố có nhiều khách hàng nhất được mô hình hóa: {drivers}.",
        "Lăsați deoparte, doar cei 40 de factori cu cei mai mulți clienți sunt modelați: "
        "{drivers}.",
    ),
    "ins.reason.no_outcome": (
        "No customer in this view has both an answer for {outcome} and a driver score.",
        "Không có khách hàng nào trong chế độ xem này có cả câu trả lời về {outcome} và điểm "
        "của yếu tố tác động.",
        "Niciun client din această vedere nu are atât un răspuns pentru {outcome}, cât și un "
        "scor de factor.",
    ),
    "ins.reason.no_drivers": (
        "No touchpoint has at least {min_n} customers who also answered {outcome}.",
        "Không có điểm chạm nào có ít nhất {min_n} khách hàng cũng đã trả lời {outcome}.",
        "Niciun punct de contact nu are cel puțin {min_n} clienți care au răspuns și pentru "
        "{outcome}.",
    ),
    "ins.reason.no_columns": (
        "No survey question is marked as a driver yet: mark the rating columns of a wide export "
        "on the Data page.",
        "Chưa có câu hỏi khảo sát nào được đánh dấu là yếu tố tác động: hãy đánh dấu các cột "
        "đánh giá của tệp xuất dạng rộng trên trang Dữ liệu.",
        "Nicio întrebare de sondaj nu este încă marcată ca factor: marcați coloanele de evaluare "
        "ale unui export lat pe pagina Date.",
    ),
    "ins.reason.no_events": (
        "Conversion needs a touchpoint log (events): upload one on the Data page.",
        "Chuyển đổi cần nhật ký điểm chạm (sự kiện): hãy tải lên trên trang Dữ liệu.",
        "Conversia are nevoie de un jurnal al punctelor de contact (evenimente): încărcați unul "
        "pe pagina Date.",
    ),
    # --- one line per driver ----------------------------------------------------------------
    "ins.line.rank1": (
        "the strongest driver of {outcome}",
        "yếu tố tác động mạnh nhất đến {outcome}",
        "cel mai puternic factor pentru {outcome}",
    ),
    "ins.line.rank": (
        "driver no. {rank} of {outcome}",
        "yếu tố thứ {rank} tác động đến {outcome}",
        "factorul nr. {rank} pentru {outcome}",
    ),
    "ins.line.noise": (
        "not distinguishable from noise as a driver of {outcome}",
        "không phân biệt được với nhiễu như một yếu tố tác động đến {outcome}",
        "nu se poate deosebi de zgomot ca factor pentru {outcome}",
    ),
    "ins.line.share": (
        "{share} of explained variance, 95% interval {low}–{high}",
        "{share} phương sai được giải thích, khoảng tin cậy 95% {low}–{high}",
        "{share} din varianța explicată, interval 95% {low}–{high}",
    ),
    "ins.line.perf_target": (
        "{metric} {value} (target {target})",
        "{metric} {value} (mục tiêu {target})",
        "{metric} {value} (țintă {target})",
    ),
    "ins.line.perf": ("{metric} {value}", "{metric} {value}", "{metric} {value}"),
    "ins.line.impact": (
        "customers unhappy there converted {dis} vs {sat}; {at_stake} customers at stake",
        "khách hàng không hài lòng tại đó chuyển đổi {dis} so với {sat}; {at_stake} khách hàng "
        "có nguy cơ",
        "clienții nemulțumiți acolo au convertit {dis} față de {sat}; {at_stake} clienți în joc",
    ),
    "ins.line.impact_few": (
        "too few customers to compare conversion (n = {n_sat} satisfied, {n_dis} not)",
        "quá ít khách hàng để so sánh chuyển đổi (n = {n_sat} hài lòng, {n_dis} không)",
        "prea puțini clienți pentru a compara conversia (n = {n_sat} mulțumiți, {n_dis} nu)",
    ),
    "ins.line.n": ("n = {n}", "n = {n}", "n = {n}"),
    "ins.perf.csat": ("CSAT", "CSAT", "CSAT"),
    "ins.perf.ces": ("CES", "CES", "CES"),
    "ins.perf.emotion": ("emotion", "cảm xúc", "emoție"),
    "ins.perf.columns": ("mean", "trung bình", "medie"),
    # --- quadrants --------------------------------------------------------------------------
    "ins.quadrant.fix_first": ("Fix first", "Ưu tiên khắc phục", "De rezolvat întâi"),
    "ins.quadrant.keep_up": ("Keep up", "Duy trì", "De menținut"),
    "ins.quadrant.over_served": ("Over-served", "Đầu tư quá mức", "Supradeservit"),
    "ins.quadrant.low_priority": ("Low priority", "Ưu tiên thấp", "Prioritate redusă"),
    "ins.quadrant.none": ("—", "—", "—"),
    # --- table columns ----------------------------------------------------------------------
    "ins.col.rank": ("Rank", "Hạng", "Loc"),
    "ins.col.driver": (
        "Touchpoint or question",
        "Điểm chạm hoặc câu hỏi",
        "Punct de contact sau întrebare",
    ),
    "ins.col.importance": (
        "Share of explained variance",
        "Tỷ phần phương sai được giải thích",
        "Parte din varianța explicată",
    ),
    "ins.col.interval": ("95% interval", "Khoảng tin cậy 95%", "Interval 95%"),
    "ins.col.raw": ("Part of R²", "Phần của R²", "Parte din R²"),
    "ins.col.distinguishable": (
        "Distinguishable from noise",
        "Phân biệt được với nhiễu",
        "Se deosebește de zgomot",
    ),
    "ins.col.performance": ("Performance", "Mức thể hiện", "Performanță"),
    "ins.col.target": ("Target", "Mục tiêu", "Țintă"),
    "ins.col.quadrant": ("Quadrant", "Góc phần tư", "Cadran"),
    "ins.col.n": ("n", "n", "n"),
    "ins.col.conv_sat": (
        "Converted if satisfied",
        "Chuyển đổi nếu hài lòng",
        "Conversie dacă e mulțumit",
    ),
    "ins.col.conv_dis": (
        "Converted if not",
        "Chuyển đổi nếu không hài lòng",
        "Conversie dacă nu e mulțumit",
    ),
    "ins.col.difference": (
        "Difference (95% interval)",
        "Chênh lệch (khoảng tin cậy 95%)",
        "Diferență (interval 95%)",
    ),
    "ins.col.at_stake": ("Customers at stake", "Khách hàng có nguy cơ", "Clienți în joc"),
    "ins.col.sentence": ("In words", "Diễn giải", "În cuvinte"),
    "ins.yes": ("yes", "có", "da"),
    "ins.no": ("no", "không", "nu"),
    # --- charts -----------------------------------------------------------------------------
    "ins.viz.matrix.title": (
        "Priority matrix: importance against performance",
        "Ma trận ưu tiên: mức độ quan trọng so với mức thể hiện",
        "Matricea priorităților: importanță față de performanță",
    ),
    "ins.viz.matrix.subtitle": (
        "Bubble size: customers with both answers; faded: not distinguishable from noise, or "
        "fewer than {min_n} customers (left out, at 0); dashed: the average share; dotted: the "
        "gap to the target (tick), or to the average performance",
        "Kích thước bong bóng: số khách hàng có cả hai câu trả lời; mờ: không phân biệt được với "
        "nhiễu, hoặc ít hơn {min_n} khách hàng (không đưa vào, ở mức 0); nét đứt: tỷ phần trung "
        "bình; chấm: khoảng cách đến mục tiêu (vạch), hoặc đến mức thể hiện trung bình",
        "Mărimea bulei: clienți cu ambele răspunsuri; estompat: nu se deosebește de zgomot sau "
        "mai puțin de {min_n} clienți (lăsat deoparte, la 0); linie întreruptă: partea medie; "
        "punctat: distanța până la țintă (reper) sau până la performanța medie",
    ),
    "ins.viz.importance_axis": (
        "Share of explained variance of {outcome}",
        "Tỷ phần phương sai được giải thích của {outcome}",
        "Parte din varianța explicată pentru {outcome}",
    ),
    "ins.viz.performance_axis.csat": (
        "CSAT % (answers 4–5)",
        "CSAT % (câu trả lời 4–5)",
        "CSAT % (răspunsuri 4–5)",
    ),
    "ins.viz.performance_axis.ces": (
        "CES (mean, 1–7)",
        "CES (trung bình, 1–7)",
        "CES (medie, 1–7)",
    ),
    "ins.viz.performance_axis.emotion": (
        "Emotion (mean, −2 to +2)",
        "Cảm xúc (trung bình, −2 đến +2)",
        "Emoție (medie, −2 la +2)",
    ),
    "ins.viz.performance_axis.columns": (
        "Mean answer",
        "Câu trả lời trung bình",
        "Răspunsul mediu",
    ),
    "ins.viz.target": ("Target", "Mục tiêu", "Țintă"),
    "ins.viz.bars.title": (
        "What drives {outcome}",
        "Điều gì tác động đến {outcome}",
        "Factorii pentru {outcome}",
    ),
    "ins.viz.bars.subtitle": (
        "Share of explained variance with its 95% interval; grey: not distinguishable from noise",
        "Tỷ phần phương sai được giải thích với khoảng tin cậy 95%; màu xám: không phân biệt "
        "được với nhiễu",
        "Parte din varianța explicată cu intervalul 95%; gri: nu se deosebește de zgomot",
    ),
    "ins.viz.legend.distinguishable": ("Stands out", "Nổi bật", "Se distinge"),
    "ins.viz.legend.noise": ("Noise", "Nhiễu", "Zgomot"),
    "ins.viz.trend.title": (
        "{touchpoint}: {metric}",
        "{touchpoint}: {metric}",
        "{touchpoint}: {metric}",
    ),
    "ins.viz.trend.subtitle": (
        "Per {grain} with its 95% interval; the two compared periods marked; faded: fewer than "
        "{min_n} answers",
        "Theo {grain} với khoảng tin cậy 95%; đánh dấu hai kỳ được so sánh; mờ: ít hơn {min_n} "
        "câu trả lời",
        "Pe {grain}, cu intervalul 95%; cele două perioade comparate sunt marcate; estompat: mai "
        "puțin de {min_n} răspunsuri",
    ),
    "ins.viz.compared": ("Compared period", "Kỳ được so sánh", "Perioadă comparată"),
    "ins.viz.value": ("Value", "Giá trị", "Valoare"),
    # --- alerts -----------------------------------------------------------------------------
    "ins.metric.conversion": (
        "Conversion to {next}",
        "Chuyển đổi sang {next}",
        "Conversie către {next}",
    ),
    "ins.metric.conversion_short": ("Conversion %", "Chuyển đổi %", "Conversie %"),
    "ins.pp": ("pp", "điểm %", "pp"),
    "ins.week_of": ("week of {date}", "tuần bắt đầu {date}", "săptămâna din {date}"),
    "ins.alerts.summary.one": (
        "{count} significant change since {baseline}",
        "{count} thay đổi có ý nghĩa so với {baseline}",
        "{count} schimbare semnificativă față de {baseline}",
    ),
    "ins.alerts.summary.few": (
        "{count} significant changes since {baseline}",
        "{count} thay đổi có ý nghĩa so với {baseline}",
        "{count} schimbări semnificative față de {baseline}",
    ),
    "ins.alerts.summary.many": (
        "{count} significant changes since {baseline}",
        "{count} thay đổi có ý nghĩa so với {baseline}",
        "{count} de schimbări semnificative față de {baseline}",
    ),
    "ins.alerts.none": (
        "No significant change in {period} compared with {baseline}: {tested} comparisons of a "
        "touchpoint and a metric were tested, none passed.",
        "Không có thay đổi có ý nghĩa trong {period} so với {baseline}: đã kiểm định {tested} "
        "phép so sánh điểm chạm và chỉ số, không có phép nào đạt.",
        "Nicio schimbare semnificativă în {period} față de {baseline}: au fost testate {tested} "
        "comparații ale unui punct de contact și ale unui indicator, niciuna nu a trecut.",
    ),
    "ins.alerts.line.down": (
        "{touchpoint} — {metric}: {current} in {period}, down from {previous} in {baseline} "
        "({change}; n = {n_current} and {n_previous}; q {q}).",
        "{touchpoint} — {metric}: {current} trong {period}, giảm từ {previous} trong {baseline} "
        "({change}; n = {n_current} và {n_previous}; q {q}).",
        "{touchpoint} — {metric}: {current} în {period}, în scădere de la {previous} în "
        "{baseline} ({change}; n = {n_current} și {n_previous}; q {q}).",
    ),
    "ins.alerts.line.up": (
        "{touchpoint} — {metric}: {current} in {period}, up from {previous} in {baseline} "
        "({change}; n = {n_current} and {n_previous}; q {q}).",
        "{touchpoint} — {metric}: {current} trong {period}, tăng từ {previous} trong {baseline} "
        "({change}; n = {n_current} và {n_previous}; q {q}).",
        "{touchpoint} — {metric}: {current} în {period}, în creștere de la {previous} în "
        "{baseline} ({change}; n = {n_current} și {n_previous}; q {q}).",
    ),
    "ins.alerts.line.below_target": (
        "{touchpoint} fell below its CSAT target in {period}: {current} against a target of "
        "{target} ({previous} in {baseline}; n = {n_current}; q {q}).",
        "{touchpoint} đã xuống dưới mục tiêu CSAT trong {period}: {current} so với mục tiêu "
        "{target} ({previous} trong {baseline}; n = {n_current}; q {q}).",
        "{touchpoint} a coborât sub ținta CSAT în {period}: {current} față de o țintă de "
        "{target} ({previous} în {baseline}; n = {n_current}; q {q}).",
    ),
    "ins.alerts.worse": ("worse", "xấu đi", "mai rău"),
    "ins.alerts.better": ("better", "tốt lên", "mai bine"),
    "ins.alerts.kind.change": ("Change", "Thay đổi", "Schimbare"),
    "ins.alerts.kind.below_target": ("Below target", "Dưới mục tiêu", "Sub țintă"),
    "ins.alerts.method": (
        "Each touchpoint and metric (NPS, CSAT %, CES, conversion to the next funnel step) is "
        "compared between {period} and {baseline}, with at least {min_n} answers on both sides: "
        "NPS by a z test with the variance p + d − (p − d)², shares by a two-proportion z test, "
        "CES by Welch's test. A fall below target: CSAT % at or above the target before, below "
        "it now, tested against the target. Benjamini–Hochberg across all {tested} tests at q ≤ "
        "0.05. Conversion counts only the events whose {window} window has passed.",
        "Mỗi điểm chạm và chỉ số (NPS, CSAT %, CES, chuyển đổi sang bước tiếp theo của phễu) "
        "được so sánh giữa {period} và {baseline}, với ít nhất {min_n} câu trả lời ở cả hai "
        "phía: NPS bằng kiểm định z với phương sai p + d − (p − d)², tỷ lệ bằng kiểm định z hai "
        "tỷ lệ, CES bằng kiểm định Welch. Xuống dưới mục tiêu: CSAT % trước đó bằng hoặc cao hơn "
        "mục tiêu, nay thấp hơn, được kiểm định so với mục tiêu. Benjamini–Hochberg trên tất cả "
        "{tested} kiểm định với q ≤ 0,05. Chuyển đổi chỉ tính các sự kiện đã qua hết khoảng "
        "{window}.",
        "Fiecare punct de contact și indicator (NPS, CSAT %, CES, conversia către pasul următor "
        "al pâlniei) este comparat între {period} și {baseline}, cu cel puțin {min_n} răspunsuri "
        "de fiecare parte: NPS printr-un test z cu varianța p + d − (p − d)², proporțiile "
        "printr-un test z pentru două proporții, CES prin testul Welch. O coborâre sub țintă: "
        "CSAT % la sau peste țintă înainte, sub ea acum, testat față de țintă. Benjamini–"
        "Hochberg pe toate cele {tested} teste la q ≤ 0,05. Conversia numără doar evenimentele "
        "a căror fereastră de {window} a trecut.",
    ),
    "ins.alerts.reason.no_data": (
        "No answers or events in this view yet.",
        "Chưa có câu trả lời hoặc sự kiện nào trong chế độ xem này.",
        "Încă nu există răspunsuri sau evenimente în această vedere.",
    ),
    "ins.alerts.reason.no_complete_period": (
        "The data does not cover a complete {grain} yet.",
        "Dữ liệu chưa bao phủ trọn một {grain}.",
        "Datele nu acoperă încă o {grain} completă.",
    ),
    "ins.alerts.reason.no_baseline": (
        "There is no earlier {grain} to compare {period} with.",
        "Không có {grain} nào trước đó để so sánh với {period}.",
        "Nu există o {grain} anterioară cu care să fie comparată {period}.",
    ),
    "ins.alerts.compare_fallback": (
        "The data does not reach a year back: compared with the period before.",
        "Dữ liệu chưa kéo dài đến một năm trước: so sánh với kỳ trước đó.",
        "Datele nu ajung cu un an în urmă: comparat cu perioada anterioară.",
    ),
    "ins.alerts.col.kind": ("Kind", "Loại", "Tip"),
    "ins.alerts.col.metric": ("Metric", "Chỉ số", "Indicator"),
    "ins.alerts.col.previous": ("Before", "Trước", "Înainte"),
    "ins.alerts.col.current": ("Now", "Hiện tại", "Acum"),
    "ins.alerts.col.change": ("Change", "Thay đổi", "Schimbare"),
    "ins.alerts.col.n_previous": ("n before", "n trước", "n înainte"),
    "ins.alerts.col.n_current": ("n now", "n hiện tại", "n acum"),
    "ins.alerts.col.p": ("p-value", "Giá trị p", "Valoarea p"),
    "ins.alerts.col.q": ("q-value (BH)", "Giá trị q (BH)", "Valoarea q (BH)"),
    "ins.alerts.col.period": ("Period", "Kỳ", "Perioadă"),
    "ins.alerts.table": ("All alerts", "Tất cả cảnh báo", "Toate alertele"),
    "ins.grain.month": ("month", "tháng", "lună"),
    "ins.grain.week": ("week", "tuần", "săptămână"),
    # --- overview -----------------------------------------------------------------------------
    "ins.overview.fix_title": (
        "Fix first: the top touchpoints",
        "Ưu tiên khắc phục: các điểm chạm hàng đầu",
        "De rezolvat întâi: punctele de contact principale",
    ),
    "ins.overview.fix_line": (
        "{rank}. **{touchpoint}**: {share} of the explained variance of {outcome}; {perf}",
        "{rank}. **{touchpoint}**: {share} phương sai được giải thích của {outcome}; {perf}",
        "{rank}. **{touchpoint}**: {share} din varianța explicată pentru {outcome}; {perf}",
    ),
    "ins.overview.fix_none": (
        "No touchpoint is both a distinguishable driver of {outcome} and below target.",
        "Không có điểm chạm nào vừa là yếu tố tác động rõ rệt đến {outcome} vừa dưới mục tiêu.",
        "Niciun punct de contact nu este în același timp un factor distinct pentru {outcome} și sub "
        "țintă.",
    ),
    "ins.overview.fix_link": (
        "Open Fix first",
        "Mở Ưu tiên khắc phục",
        "Deschide De rezolvat întâi",
    ),
    "ins.overview.alerts_title": ("Alerts", "Cảnh báo", "Alerte"),
    "ins.overview.alerts_link": ("See the alerts", "Xem các cảnh báo", "Vezi alertele"),
    # --- the Data page's mapping step -----------------------------------------------------------
    "ins.data.columns": (
        "Driver questions (rating columns of a wide export)",
        "Câu hỏi tác động (các cột đánh giá của tệp xuất dạng rộng)",
        "Întrebări-factor (coloanele de evaluare ale unui export lat)",
    ),
    "ins.data.columns_help": (
        "Columns you did not map are kept. Mark the numeric ones that rate a part of the "
        "experience: Fix first can then rank them as drivers of NPS.",
        "Các cột bạn không ánh xạ vẫn được giữ lại. Hãy đánh dấu các cột số đánh giá một phần "
        "của trải nghiệm: khi đó Ưu tiên khắc phục có thể xếp hạng chúng như các yếu tố tác "
        "động đến NPS.",
        "Coloanele pe care nu le-ați mapat sunt păstrate. Marcați-le pe cele numerice care "
        "evaluează o parte a experienței: De rezolvat întâi le poate apoi ordona ca factori ai "
        "NPS.",
    ),
    "ins.data.columns_saved": (
        "Driver questions marked: {columns}.",
        "Đã đánh dấu câu hỏi tác động: {columns}.",
        "Întrebări-factor marcate: {columns}.",
    ),
}
