"""Paths and flows, attribution and comment themes: pages, charts, definitions and errors.

Long because it is data: one entry per user-facing string, in English, Vietnamese and Romanian.
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    # navigation and titles
    "nav.paths": ("Paths", "Lộ trình", "Trasee"),
    "nav.attribution": ("Attribution", "Phân bổ chuyển đổi", "Atribuire"),
    "nav.themes": ("Comment themes", "Chủ đề bình luận", "Teme din comentarii"),
    "pathspage.title": (
        "How customers really move",
        "Khách hàng thực sự đi qua những đâu",
        "Cum se mișcă de fapt clienții",
    ),
    "attributionpage.title": (
        "Which touchpoints earn the conversions",
        "Điểm chạm nào mang lại chuyển đổi",
        "Ce puncte de contact aduc conversiile",
    ),
    "themespage.title": (
        "What unhappy customers say",
        "Khách hàng không hài lòng nói gì",
        "Ce spun clienții nemulțumiți",
    ),
    # importer: the aggregated path files
    "data.kind.paths": (
        "Aggregated paths (attribution export: path, conversions, value, non-converting)",
        "Lộ trình tổng hợp (tệp xuất phân bổ: lộ trình, chuyển đổi, giá trị, không chuyển đổi)",
        "Trasee agregate (export de atribuire: traseu, conversii, valoare, neconvertite)",
    ),
    "ingest.kind.paths": ("Aggregated paths", "Lộ trình tổng hợp", "Trasee agregate"),
    "field.path": (
        "Path (touchpoints separated by >)",
        "Lộ trình (các điểm chạm cách nhau bởi >)",
        "Traseu (puncte de contact separate prin >)",
    ),
    "field.conversions": ("Conversions", "Số chuyển đổi", "Conversii"),
    "field.nulls": (
        "Paths that did not convert",
        "Số lộ trình không chuyển đổi",
        "Trasee fără conversie",
    ),
    # errors
    "paths.error.steps": (
        "A flow has {lo} to {hi} steps, not {n}.",
        "Một luồng có từ {lo} đến {hi} bước, không phải {n}.",
        "Un flux are între {lo} și {hi} pași, nu {n}.",
    ),
    "paths.error.top": (
        "Show {lo} to {hi} touchpoints per step, not {n}.",
        "Hiển thị từ {lo} đến {hi} điểm chạm mỗi bước, không phải {n}.",
        "Afișați între {lo} și {hi} puncte de contact pe pas, nu {n}.",
    ),
    "attribution.error.source": (
        "Unknown attribution input {source!r}: use events or paths.",
        "Nguồn dữ liệu phân bổ {source!r} không hợp lệ: dùng events hoặc paths.",
        "Sursă de atribuire necunoscută {source!r}: folosiți events sau paths.",
    ),
    "attribution.error.half_life": (
        "The half-life {text!r} is not a positive duration such as 12h, 7d or 2w.",
        "Chu kỳ bán rã {text!r} không phải khoảng thời gian dương như 12h, 7d hoặc 2w.",
        "Timpul de înjumătățire {text!r} nu este o durată pozitivă precum 12h, 7d sau 2w.",
    ),
    "themes.error.by": (
        "Themes compare NPS or CSAT groups, not {by!r}.",
        "Chủ đề so sánh theo nhóm NPS hoặc CSAT, không phải {by!r}.",
        "Temele compară grupuri NPS sau CSAT, nu {by!r}.",
    ),
    # paths page: controls
    "paths.view": ("Show", "Hiển thị", "Afișează"),
    "paths.view.flow": ("Flow", "Luồng", "Flux"),
    "paths.view.dfg": (
        "What follows what",
        "Điểm chạm nào tiếp nối điểm chạm nào",
        "Ce urmează după ce",
    ),
    "paths.no_events": (
        "No touchpoint events under these filters. Upload a touchpoint log (customer, touchpoint, "
        "time) on the Data page.",
        "Không có sự kiện điểm chạm nào với bộ lọc này. Hãy tải lên nhật ký điểm chạm (khách "
        "hàng, điểm chạm, thời điểm) ở trang Dữ liệu.",
        "Nu există evenimente pentru aceste filtre. Încărcați un jurnal de puncte de contact "
        "(client, punct de contact, moment) pe pagina Date.",
    ),
    "paths.from": ("Start at", "Bắt đầu từ", "Pornește de la"),
    "paths.from_first": (
        "Each customer's first touchpoint",
        "Điểm chạm đầu tiên của mỗi khách hàng",
        "Primul punct de contact al fiecărui client",
    ),
    "paths.steps": ("Steps", "Số bước", "Pași"),
    "paths.top": ("Touchpoints per step", "Số điểm chạm mỗi bước", "Puncte de contact pe pas"),
    "paths.keep_repeats": (
        "Keep immediate repeats",
        "Giữ các lần lặp liên tiếp",
        "Păstrează repetările imediate",
    ),
    "paths.other": ("(other)", "(khác)", "(altele)"),
    "paths.left": ("(left the journey)", "(rời hành trình)", "(au părăsit călătoria)"),
    "paths.col.step": ("Step", "Bước", "Pas"),
    "paths.col.from": ("From", "Từ", "De la"),
    "paths.col.to": ("To", "Đến", "La"),
    # flow
    "paths.flow.title": (
        "Where customers go next",
        "Khách hàng đi tiếp đến đâu",
        "Unde merg clienții mai departe",
    ),
    "paths.flow.subtitle_first": (
        "From each customer's first touchpoint; bar height = customers",
        "Từ điểm chạm đầu tiên của mỗi khách hàng; chiều cao thanh = số khách hàng",
        "De la primul punct de contact al fiecărui client; înălțimea barei = clienți",
    ),
    "paths.flow.subtitle_from": (
        "From each customer's first {start}; bar height = customers",
        "Từ lần {start} đầu tiên của mỗi khách hàng; chiều cao thanh = số khách hàng",
        "De la primul {start} al fiecărui client; înălțimea barei = clienți",
    ),
    "paths.flow.explain": (
        "**In short:** {first} customers start here. After {last} steps {stayed} of them "
        "({share}) are still on the journey. The most common next step is **{next}** "
        "({next_share} of those who started).",
        "**Tóm lại:** {first} khách hàng bắt đầu ở đây. Sau {last} bước, {stayed} người "
        "({share}) vẫn còn trên hành trình. Bước tiếp theo phổ biến nhất là **{next}** "
        "({next_share} số người bắt đầu).",
        "**Pe scurt:** {first} clienți pornesc de aici. După {last} pași, {stayed} dintre ei "
        "({share}) sunt încă în călătorie. Cel mai frecvent pas următor este **{next}** "
        "({next_share} dintre cei care au pornit).",
    ),
    "paths.flow.definition": (
        "Every number counts distinct customers. A customer's path is their events in time order "
        "(ties in file order), immediate repeats of a touchpoint merged unless kept. A link from "
        "step s to step s+1 equals the two-step strict funnel between those touchpoints over the "
        "customers' events at those steps; each step's boxes add up to the customers still "
        "present, and “left the journey” holds those whose path ended.",
        "Mọi con số đều đếm khách hàng riêng biệt. Lộ trình của một khách hàng là các sự kiện "
        "theo thứ tự thời gian (trùng giờ thì theo thứ tự trong tệp), các lần lặp liên tiếp của "
        "cùng điểm chạm được gộp trừ khi chọn giữ lại. Mỗi liên kết từ bước s sang bước s+1 bằng "
        "phễu nghiêm ngặt hai bước giữa hai điểm chạm đó trên các sự kiện ở hai bước ấy; các ô "
        "của mỗi bước cộng lại bằng số khách hàng còn lại, và “rời hành trình” là những người có "
        "lộ trình kết thúc.",
        "Fiecare număr numără clienți distincți. Traseul unui client sunt evenimentele lui în "
        "ordinea timpului (la egalitate, în ordinea din fișier), cu repetările imediate ale "
        "aceluiași punct de contact comasate, dacă nu sunt păstrate. O legătură de la pasul s la "
        "pasul s+1 este egală cu pâlnia strictă în doi pași dintre acele puncte de contact, pe "
        "evenimentele clienților de la acei pași; căsuțele fiecărui pas însumează clienții încă "
        "prezenți, iar „au părăsit călătoria” îi cuprinde pe cei al căror traseu s-a încheiat.",
    ),
    "paths.flow.compare": (
        "Converters and non-converters",
        "Khách hàng chuyển đổi và không chuyển đổi",
        "Clienți care au convertit și care nu au convertit",
    ),
    "paths.flow.converters": (
        "Converted ({n} customers)",
        "Đã chuyển đổi ({n} khách hàng)",
        "Au convertit ({n} clienți)",
    ),
    "paths.flow.non_converters": (
        "Did not convert ({n} customers)",
        "Chưa chuyển đổi ({n} khách hàng)",
        "Nu au convertit ({n} clienți)",
    ),
    "paths.flow.compare_caption": (
        "{conv} customers with a conversion event (converted flag or value), {rest} without; same "
        "scale on both sides",
        "{conv} khách hàng có sự kiện chuyển đổi (cờ chuyển đổi hoặc giá trị), {rest} khách hàng "
        "không có; hai bên cùng tỷ lệ",
        "{conv} clienți cu un eveniment de conversie (marcaj de conversie sau valoare), {rest} "
        "fără; aceeași scară pe ambele părți",
    ),
    "paths.flow.table": ("Flow in numbers", "Luồng theo số liệu", "Fluxul în cifre"),
    # directly-follows graph
    "paths.dfg.title": (
        "Which touchpoint directly follows which",
        "Điểm chạm nào theo ngay sau điểm chạm nào",
        "Ce punct de contact urmează imediat după care",
    ),
    "paths.dfg.subtitle": (
        "Row: the touchpoint; column: the next one; number: how often",
        "Hàng: điểm chạm; cột: điểm chạm kế tiếp; số: bao nhiêu lần",
        "Rând: punctul de contact; coloană: următorul; număr: de câte ori",
    ),
    "paths.dfg.from": ("Touchpoint", "Điểm chạm", "Punct de contact"),
    "paths.dfg.to": ("Next touchpoint", "Điểm chạm kế tiếp", "Următorul punct de contact"),
    "paths.dfg.count": ("Times", "Số lần", "De câte ori"),
    "paths.dfg.median": ("Median time between", "Thời gian trung vị giữa hai điểm", "Timp median"),
    "paths.dfg.start": ("(journey starts)", "(bắt đầu hành trình)", "(începutul călătoriei)"),
    "paths.dfg.end": ("(journey ends)", "(kết thúc hành trình)", "(sfârșitul călătoriei)"),
    "paths.dfg.starts": (
        "Journeys starting here",
        "Số hành trình bắt đầu ở đây",
        "Călătorii care încep aici",
    ),  # noqa: E501
    "paths.dfg.ends": (
        "Journeys ending here",
        "Số hành trình kết thúc ở đây",
        "Călătorii care se termină aici",
    ),  # noqa: E501
    "paths.dfg.starts_ends": (
        "Starts and ends",
        "Điểm bắt đầu và kết thúc",
        "Începuturi și sfârșituri",
    ),  # noqa: E501
    "paths.dfg.table": ("Every step in numbers", "Từng bước theo số liệu", "Fiecare pas în cifre"),
    "paths.dfg.caption": ("{events} events", "{events} sự kiện", "{events} evenimente"),
    "paths.dfg.explain": (
        "**In short:** the most common step is **{source}** straight to **{target}** ({count} "
        "times, {share} of all steps), usually after {median}.",
        "**Tóm lại:** bước phổ biến nhất là từ **{source}** sang ngay **{target}** ({count} lần, "
        "{share} tổng số bước), thường sau {median}.",
        "**Pe scurt:** cel mai frecvent pas este de la **{source}** direct la **{target}** "
        "({count} ori, {share} din toți pașii), de obicei după {median}.",
    ),
    "paths.dfg.definition": (
        "Directly-follows graph (as process-mining tools such as pm4py define it): within each "
        "customer's events in time order (ties in file order), each event followed by another "
        "counts once for that pair, repeats of the same touchpoint included; the first event is "
        "a start and the last an end. The steps add up to events minus customers.",
        "Đồ thị nối tiếp trực tiếp (theo định nghĩa của các công cụ khai phá quy trình như "
        "pm4py): trong các sự kiện của mỗi khách hàng theo thứ tự thời gian (trùng giờ thì theo "
        "thứ tự trong tệp), mỗi sự kiện có sự kiện theo sau được tính một lần cho cặp đó, kể cả "
        "khi lặp lại cùng điểm chạm; sự kiện đầu tiên là điểm bắt đầu và sự kiện cuối là điểm "
        "kết thúc. Tổng số bước bằng số sự kiện trừ số khách hàng.",
        "Graful de succesiune directă (așa cum îl definesc instrumentele de process mining, de "
        "exemplu pm4py): în evenimentele fiecărui client în ordinea timpului (la egalitate, în "
        "ordinea din fișier), fiecare eveniment urmat de altul contează o dată pentru acea "
        "pereche, inclusiv repetările aceluiași punct de contact; primul eveniment este un "
        "început, ultimul un sfârșit. Pașii însumează evenimentele minus clienții.",
    ),
    # attribution page
    "attribution.empty": (
        "Attribution needs a touchpoint log with conversions (a converted or value column, or a "
        "conversion touchpoint) or an aggregated path file. Upload one on the Data page.",
        "Phân bổ cần nhật ký điểm chạm có chuyển đổi (cột đã chuyển đổi hoặc giá trị, hoặc một "
        "điểm chạm chuyển đổi) hoặc một tệp lộ trình tổng hợp. Hãy tải lên ở trang Dữ liệu.",
        "Atribuirea are nevoie de un jurnal de puncte de contact cu conversii (o coloană de "
        "conversie sau valoare, ori un punct de contact de conversie) sau de un fișier de trasee "
        "agregate. Încărcați-l pe pagina Date.",
    ),
    "attribution.source": ("Input", "Dữ liệu đầu vào", "Date de intrare"),
    "attribution.source.events": ("Touchpoint log", "Nhật ký điểm chạm", "Jurnalul de evenimente"),
    "attribution.source.paths": ("Path files", "Tệp lộ trình", "Fișiere de trasee"),
    "attribution.conversion": ("Conversion", "Chuyển đổi", "Conversie"),
    "attribution.conversion_flag": (
        "Events marked converted (or with a value)",
        "Sự kiện được đánh dấu chuyển đổi (hoặc có giá trị)",
        "Evenimente marcate ca conversie (sau cu valoare)",
    ),
    "attribution.half_life": (
        "Time-decay half-life",
        "Chu kỳ bán rã (suy giảm theo thời gian)",
        "Timp de înjumătățire (descreștere în timp)",
    ),
    "attribution.no_times": (
        "Path files have no times: time decay halves the weight for each step before the last "
        "touch.",
        "Tệp lộ trình không có thời gian: mô hình suy giảm theo thời gian giảm một nửa trọng số "
        "cho mỗi bước trước điểm chạm cuối.",
        "Fișierele de trasee nu au momente: descreșterea în timp înjumătățește ponderea pentru "
        "fiecare pas dinaintea ultimului contact.",
    ),
    "attribution.unit": ("Credit in", "Tính theo", "Credit în"),
    "attribution.unit.conversions": ("Conversions", "Số chuyển đổi", "Conversii"),
    "attribution.unit.value": ("Value", "Giá trị", "Valoare"),
    "attribution.no_conversions": (
        "No conversion under these settings: no journey ends in a conversion.",
        "Không có chuyển đổi nào với thiết lập này: không hành trình nào kết thúc bằng chuyển đổi.",
        "Nicio conversie cu aceste setări: nicio călătorie nu se încheie cu o conversie.",
    ),
    "attribution.caption": (
        "{conversions} conversions worth {value} credited; time-decay half-life {half_life}",
        "Phân bổ {conversions} chuyển đổi trị giá {value}; chu kỳ bán rã {half_life}",
        "{conversions} conversii în valoare de {value} atribuite; timp de înjumătățire {half_life}",
    ),
    "attribution.caption_paths": (
        "Path files (the filters do not apply: they have no dates or customers) · {conversions} "
        "conversions worth {value} credited",
        "Tệp lộ trình (bộ lọc không áp dụng: tệp không có ngày hay khách hàng) · phân bổ "
        "{conversions} chuyển đổi trị giá {value}",
        "Fișiere de trasee (filtrele nu se aplică: nu au date sau clienți) · {conversions} "
        "conversii în valoare de {value} atribuite",
    ),
    "attribution.explain": (
        "**In short:** **{best}** matters most: without it {effect} of the conversions would be "
        "lost (Markov model: {markov} of {total} conversions). Last-touch reporting would credit "
        "**{last}** with {last_credit}: it closes the deal, but other touchpoints bring customers "
        "to it.",
        "**Tóm lại:** **{best}** quan trọng nhất: nếu không có nó, {effect} số chuyển đổi sẽ mất "
        "(mô hình Markov: {markov} trên {total} chuyển đổi). Báo cáo theo điểm chạm cuối sẽ ghi "
        "công cho **{last}** {last_credit}: điểm chạm này chốt giao dịch, nhưng các điểm chạm "
        "khác mới đưa khách hàng đến đó.",
        "**Pe scurt:** **{best}** contează cel mai mult: fără el s-ar pierde {effect} din "
        "conversii (modelul Markov: {markov} din {total} conversii). O raportare pe ultimul "
        "contact i-ar atribui lui **{last}** {last_credit}: el încheie vânzarea, dar alte puncte "
        "de contact aduc clienții până acolo.",
    ),
    "attribution.unattributed": (
        "{n} conversions had no touchpoint before them and are not credited to any.",
        "{n} chuyển đổi không có điểm chạm nào trước đó nên không được ghi công cho điểm nào.",
        "{n} conversii nu au avut niciun punct de contact înainte și nu sunt atribuite.",
    ),
    "attribution.removal_effect": (
        "Removal effect (Markov)",
        "Hiệu ứng loại bỏ (Markov)",
        "Efect de eliminare (Markov)",
    ),
    "attribution.table": ("Models side by side", "So sánh các mô hình", "Modelele alăturate"),
    "attribution.model": ("Model", "Mô hình", "Model"),
    "attribution.model.first_touch": ("First touch", "Điểm chạm đầu", "Primul contact"),
    "attribution.model.last_touch": ("Last touch", "Điểm chạm cuối", "Ultimul contact"),
    "attribution.model.linear": ("Linear", "Tuyến tính", "Liniar"),
    "attribution.model.position_based": (
        "Position-based (40/20/40)",
        "Theo vị trí (40/20/40)",
        "După poziție (40/20/40)",
    ),
    "attribution.model.time_decay": (
        "Time decay",
        "Suy giảm theo thời gian",
        "Descreștere în timp",
    ),
    "attribution.model.markov": ("Markov", "Markov", "Markov"),
    "attribution.chart.conversions": (
        "Conversions credited",
        "Số chuyển đổi được ghi công",
        "Conversii atribuite",
    ),
    "attribution.chart.value": ("Value credited", "Giá trị được ghi công", "Valoare atribuită"),
    "attribution.chart.subtitle": (
        "Each model shares the same conversions between the touchpoints",
        "Mỗi mô hình chia cùng một số chuyển đổi cho các điểm chạm",
        "Fiecare model împarte aceleași conversii între punctele de contact",
    ),
    "attribution.definitions": (
        "How each model credits",
        "Cách mỗi mô hình ghi công",
        "Cum atribuie fiecare model",
    ),  # noqa: E501
    "attribution.definition.first_touch": (
        "First touch: the whole conversion to the journey's first touchpoint.",
        "Điểm chạm đầu: toàn bộ chuyển đổi cho điểm chạm đầu tiên của hành trình.",
        "Primul contact: întreaga conversie primului punct de contact al călătoriei.",
    ),
    "attribution.definition.last_touch": (
        "Last touch: the whole conversion to the last touchpoint before it.",
        "Điểm chạm cuối: toàn bộ chuyển đổi cho điểm chạm cuối cùng trước đó.",
        "Ultimul contact: întreaga conversie ultimului punct de contact dinaintea ei.",
    ),
    "attribution.definition.linear": (
        "Linear: an equal share to every touch of the journey (a touchpoint met twice gets two "
        "shares).",
        "Tuyến tính: chia đều cho mọi lần chạm trong hành trình (điểm chạm gặp hai lần được hai "
        "phần).",
        "Liniar: o parte egală fiecărui contact din călătorie (un punct de contact întâlnit de "
        "două ori primește două părți).",
    ),
    "attribution.definition.position_based": (
        "Position-based: 40% to the first touch, 40% to the last, 20% shared by those between "
        "(one touch gets all; two get half each).",
        "Theo vị trí: 40% cho điểm chạm đầu, 40% cho điểm chạm cuối, 20% chia cho các điểm ở "
        "giữa (một điểm chạm nhận tất cả; hai điểm mỗi điểm một nửa).",
        "După poziție: 40% primului contact, 40% ultimului, 20% împărțit între cele dintre ele "
        "(un singur contact primește tot; două primesc câte jumătate).",
    ),
    "attribution.definition.time_decay": (
        "Time decay: touches closer to the conversion count more; a touch one half-life earlier "
        "counts half as much.",
        "Suy giảm theo thời gian: điểm chạm càng gần chuyển đổi càng được tính nhiều; điểm chạm "
        "sớm hơn một chu kỳ bán rã chỉ được tính một nửa.",
        "Descreștere în timp: contactele mai apropiate de conversie contează mai mult; un contact "
        "cu un timp de înjumătățire mai devreme contează pe jumătate.",
    ),
    "attribution.definition.markov": (
        "Markov: the journeys as a chain of steps between touchpoints (repeats merged); each "
        "touchpoint gets the conversions in proportion to its removal effect, solved exactly.",
        "Markov: các hành trình được xem như chuỗi bước giữa các điểm chạm (gộp lần lặp); mỗi "
        "điểm chạm nhận chuyển đổi theo tỷ lệ hiệu ứng loại bỏ của nó, được giải chính xác.",
        "Markov: călătoriile ca un lanț de pași între puncte de contact (repetările comasate); "
        "fiecare punct de contact primește conversii proporțional cu efectul lui de eliminare, "
        "calculat exact.",
    ),
    "attribution.definition.removal_effect": (
        "Removal effect: the share of conversions that would be lost if customers who reach this "
        "touchpoint went no further.",
        "Hiệu ứng loại bỏ: tỷ lệ chuyển đổi sẽ mất nếu khách hàng đến điểm chạm này không đi tiếp.",
        "Efect de eliminare: partea din conversii care s-ar pierde dacă clienții care ajung la "
        "acest punct de contact nu ar merge mai departe.",
    ),
    "attribution.definition.input": (
        "A journey is a customer's touchpoints up to a conversion (the conversion event itself is "
        "not a touch); touchpoints after the last conversion form a journey that did not convert. "
        "Each model's credits add up to the same conversions and value.",
        "Một hành trình là các điểm chạm của khách hàng cho đến một lần chuyển đổi (bản thân sự "
        "kiện chuyển đổi không phải là điểm chạm); các điểm chạm sau lần chuyển đổi cuối tạo "
        "thành một hành trình không chuyển đổi. Tổng ghi công của mỗi mô hình bằng cùng số chuyển "
        "đổi và giá trị.",
        "O călătorie sunt punctele de contact ale unui client până la o conversie (evenimentul de "
        "conversie nu este un contact); punctele de contact de după ultima conversie formează o "
        "călătorie fără conversie. Creditele fiecărui model însumează aceleași conversii și "
        "aceeași valoare.",
    ),
    # comment themes page
    "themes.touchpoint": ("Touchpoint", "Điểm chạm", "Punct de contact"),
    "themes.whole_journey": ("The whole journey", "Toàn bộ hành trình", "Întreaga călătorie"),
    "themes.by": ("Compare", "So sánh", "Compară"),
    "themes.by.nps": (
        "NPS detractors vs promoters",
        "Người phản đối và người ủng hộ (NPS)",
        "Detractori vs promotori (NPS)",
    ),
    "themes.by.csat": ("CSAT 1–3 vs 4–5", "CSAT 1–3 và 4–5", "CSAT 1–3 vs 4–5"),
    "themes.group": ("Group", "Nhóm", "Grup"),
    "themes.group.detractors": ("Detractors (0–6)", "Người phản đối (0–6)", "Detractori (0–6)"),
    "themes.group.promoters": ("Promoters (9–10)", "Người ủng hộ (9–10)", "Promotori (9–10)"),
    "themes.group.csat_1_3": (
        "Unsatisfied (CSAT 1–3)",
        "Không hài lòng (CSAT 1–3)",
        "Nemulțumiți (CSAT 1–3)",
    ),  # noqa: E501
    "themes.group.csat_4_5": (
        "Satisfied (CSAT 4–5)",
        "Hài lòng (CSAT 4–5)",
        "Mulțumiți (CSAT 4–5)",
    ),  # noqa: E501
    "themes.term": ("Term", "Cụm từ", "Termen"),
    "themes.z": ("Distinctiveness (z)", "Mức độ đặc trưng (z)", "Cât de distinctiv (z)"),
    "themes.count": ("Times used", "Số lần dùng", "De câte ori"),
    "themes.examples": ("Example comments", "Bình luận ví dụ", "Comentarii exemplu"),
    "themes.table": (
        "Terms and example comments",
        "Cụm từ và bình luận ví dụ",
        "Termeni și comentarii exemplu",
    ),  # noqa: E501
    "themes.chart.title": (
        "Words that set the two groups apart",
        "Những từ phân biệt hai nhóm",
        "Cuvintele care deosebesc cele două grupuri",
    ),
    "themes.chart.subtitle": (
        "Longer bar = more typical of that group; number = times used",
        "Thanh càng dài = càng đặc trưng cho nhóm đó; số = số lần dùng",
        "Bară mai lungă = mai tipic pentru acel grup; număr = de câte ori a fost folosit",
    ),
    "themes.no_comments": (
        "No comments with a score under these filters.",
        "Không có bình luận nào kèm điểm với bộ lọc này.",
        "Niciun comentariu cu scor pentru aceste filtre.",
    ),
    "themes.caption": (
        "{low}: {n_low} comments · {high}: {n_high} comments",
        "{low}: {n_low} bình luận · {high}: {n_high} bình luận",
        "{low}: {n_low} comentarii · {high}: {n_high} comentarii",
    ),
    "themes.explain": (
        "**In short:** {group} keep mentioning **{term}** ({count} times), far more than the "
        "others, e.g. “{example}”.",
        "**Tóm lại:** {group} liên tục nhắc đến **{term}** ({count} lần), nhiều hơn hẳn nhóm "
        "còn lại, ví dụ: “{example}”.",
        "**Pe scurt:** {group} menționează mereu **{term}** ({count} ori), mult mai des decât "
        "ceilalți, de exemplu: „{example}”.",
    ),
    "themes.explain_none": (
        "**In short:** no word sets {group} apart clearly enough yet (more comments are needed).",
        "**Tóm lại:** chưa có từ nào phân biệt rõ {group} (cần thêm bình luận).",
        "**Pe scurt:** încă niciun cuvânt nu îi deosebește clar pe {group} (sunt necesare mai "
        "multe comentarii).",
    ),
    "themes.definition": (
        "Weighted log-odds with an informative Dirichlet prior (Monroe, Colaresi and Quinn, "
        "“Fightin' Words”, 2008): a word's use in one group against the other, smoothed by its use "
        "in all the comments; only terms with |z| ≥ 1.96 used at least 3 times are shown. Words "
        "and two-word phrases; Vietnamese by syllable and syllable pair; Romanian with and "
        "without diacritics counted together; common words (stop words) left out.",
        "Log-odds có trọng số với tiên nghiệm Dirichlet có thông tin (Monroe, Colaresi và Quinn, "
        "“Fightin' Words”, 2008): tần suất dùng một từ ở nhóm này so với nhóm kia, được làm mượt "
        "theo tần suất trong toàn bộ bình luận; chỉ hiển thị cụm từ có |z| ≥ 1,96 và dùng ít nhất "
        "3 lần. Gồm từ và cụm hai từ; tiếng Việt tính theo âm tiết và cặp âm tiết; tiếng Romania "
        "có dấu và không dấu được tính chung; bỏ qua các từ thông dụng (từ dừng).",
        "Log-odds ponderat cu o distribuție a priori Dirichlet informativă (Monroe, Colaresi și "
        "Quinn, „Fightin' Words”, 2008): folosirea unui cuvânt într-un grup față de celălalt, "
        "netezită de folosirea lui în toate comentariile; apar doar termenii cu |z| ≥ 1,96 "
        "folosiți de cel puțin 3 ori. Cuvinte și expresii din două cuvinte; vietnameza pe silabe "
        "și perechi de silabe; româna cu și fără diacritice numărate împreună; cuvintele uzuale "
        "(cuvinte de legătură) sunt omise.",
    ),
}
