"""Funnel: definition, labels and input errors (journeylens/services/funnel/).

Long because it is data: one entry per user-facing string, in English, Vietnamese and Romanian.
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "funnel.definition": (
        "A customer reaches step k when steps 1…k happen in this order, each at or after the "
        "previous one, all within {window} of step 1 (boundary included). Each customer counts "
        "once, and one event fills one step. Counts are cumulative; drop-off is the previous "
        "step's count minus this step's. Every step-1 event starts an attempt; a customer counts "
        "with their deepest attempt and, among equally deep ones, the latest, so time to convert "
        "runs from the last step-1 event that still leads there. Events at the same time may "
        "fill consecutive steps in any file order.",
        "Khách hàng đạt bước k khi các bước 1…k diễn ra theo đúng thứ tự này, mỗi bước cùng lúc "
        "hoặc sau bước trước, tất cả trong vòng {window} kể từ bước 1 (tính cả mốc cuối). Mỗi "
        "khách hàng được đếm một lần và mỗi sự kiện chỉ tính cho một bước. Số đếm là lũy kế; tỷ lệ "
        "rời bỏ là số của bước trước trừ số của bước này. Mỗi sự kiện bước 1 bắt đầu một lượt; "
        "khách hàng được tính theo lượt đi xa nhất và, trong các lượt xa như nhau, lượt muộn "
        "nhất, nên thời gian chuyển đổi tính từ sự kiện bước 1 cuối cùng vẫn dẫn tới đó. Các sự "
        "kiện cùng thời điểm có thể lấp các bước liên tiếp theo bất kỳ thứ tự nào trong tệp.",
        "Un client atinge pasul k când pașii 1…k au loc în această ordine, fiecare în același "
        "moment cu cel anterior sau după el, toți în {window} de la pasul 1 (limita inclusă). "
        "Fiecare client este numărat o dată, iar un eveniment acoperă un singur pas. Valorile "
        "sunt cumulative; abandonul este valoarea pasului anterior minus cea a acestui pas. "
        "Fiecare eveniment de la pasul 1 începe o încercare; clientul contează cu încercarea cea "
        "mai lungă și, dintre cele la fel de lungi, cu cea mai recentă, deci timpul de conversie "
        "se măsoară de la ultimul eveniment de la pasul 1 care duce până acolo. Evenimentele din "
        "același moment pot acoperi pași consecutivi în orice ordine din fișier.",
    ),
    "funnel.definition_strict": (
        "Strict order: no other event of the customer may come between two steps.",
        "Thứ tự nghiêm ngặt: không được có sự kiện nào khác của khách hàng xen giữa hai bước.",
        "Ordine strictă: între doi pași nu poate exista niciun alt eveniment al clientului.",
    ),
    "funnel.definition_exclusion": (
        "Exclusion: an attempt with {touchpoint} after its step {from_step} and before its step "
        "{to_step} (or, if step {to_step} never comes, within the window) does not count; a "
        "customer counts with their best clean attempt and is left out if they have none. An "
        "event at exactly a step's time is not between.",
        "Loại trừ: một lượt có {touchpoint} sau bước {from_step} và trước bước {to_step} của nó "
        "(hoặc, nếu bước {to_step} không xảy ra, trong khoảng thời gian) không được tính; khách "
        "hàng được tính theo lượt sạch tốt nhất và bị bỏ ra nếu không có. Sự kiện đúng vào thời "
        "điểm của một bước không tính là ở giữa.",
        "Excludere: o încercare cu {touchpoint} după pasul {from_step} și înainte de pasul "
        "{to_step} (sau, dacă pasul {to_step} nu vine, în fereastră) nu contează; clientul "
        "contează cu cea mai bună încercare curată și este omis dacă nu are niciuna. Un eveniment "
        "exact în momentul unui pas nu este între.",
    ),
    "funnel.steps": ("Funnel steps", "Các bước của phễu", "Pașii pâlniei"),
    "funnel.window": ("Conversion window", "Khoảng thời gian chuyển đổi", "Fereastra de conversie"),
    "funnel.window_help": (
        "For example 30m, 12h, 14d or 2w (a plain number means days).",
        "Ví dụ 30m, 12h, 14d hoặc 2w (chỉ ghi số nghĩa là số ngày).",
        "De exemplu 30m, 12h, 14d sau 2w (un număr simplu înseamnă zile).",
    ),
    "funnel.strict": ("Strict order", "Thứ tự nghiêm ngặt", "Ordine strictă"),
    "funnel.exclusions": ("Exclusion steps", "Bước loại trừ", "Pași de excludere"),
    "funnel.breakdown": ("Break down by", "Phân tách theo", "Defalcare după"),
    "funnel.col.step": ("Step", "Bước", "Pas"),
    "funnel.col.touchpoint": ("Touchpoint", "Điểm chạm", "Punct de contact"),
    "funnel.col.count": ("Customers", "Khách hàng", "Clienți"),
    "funnel.col.conversion_from_first": (
        "% of first step",
        "% so với bước đầu",
        "% din primul pas",
    ),
    "funnel.col.conversion_from_previous": (
        "% of previous step",
        "% so với bước trước",
        "% din pasul anterior",
    ),
    "funnel.col.dropoff": ("Drop-off", "Rời bỏ", "Abandon"),
    "funnel.col.median_time": (
        "Median time from previous step",
        "Thời gian trung vị từ bước trước",
        "Timpul median de la pasul anterior",
    ),
    "funnel.col.mean_time": (
        "Mean time from previous step",
        "Thời gian trung bình từ bước trước",
        "Timpul mediu de la pasul anterior",
    ),
    "funnel.col.group": ("Group", "Nhóm", "Grup"),
    "funnel.col.customer": ("Customer", "Khách hàng", "Client"),
    "funnel.col.reached_at": (
        "Reached previous step",
        "Thời điểm đạt bước trước",
        "A atins pasul anterior",
    ),
    "funnel.col.last_touchpoint": ("Last touchpoint", "Điểm chạm cuối", "Ultimul punct de contact"),
    "funnel.col.last_ts": ("Last seen", "Lần cuối", "Văzut ultima dată"),
    "funnel.col.comments": ("Comments", "Bình luận", "Comentarii"),
    "funnel.other": ("Other", "Khác", "Altele"),
    "funnel.not_set": ("(not set)", "(chưa có)", "(nesetat)"),
    "funnel.dropped_title": (
        "{count} customers reached step {prev} but not step {step}",
        "{count} khách hàng đạt bước {prev} nhưng không đạt bước {step}",
        "{count} clienți au atins pasul {prev}, dar nu și pasul {step}",
    ),
    "funnel.empty": (
        "No customer did the first step under these filters. Upload a touchpoint log (customer, "
        "touchpoint, timestamp) or widen the filters.",
        "Không có khách hàng nào thực hiện bước đầu tiên với bộ lọc này. Hãy tải lên nhật ký điểm "
        "chạm (khách hàng, điểm chạm, thời gian) hoặc nới rộng bộ lọc.",
        "Niciun client nu a făcut primul pas cu aceste filtre. Încărcați un jurnal al punctelor "
        "de contact (client, punct de contact, moment) sau lărgiți filtrele.",
    ),
    "funnel.error.window": (
        "Cannot read the conversion window {text!r}: write a positive number with a unit, e.g. "
        "30s, 15m, 2h, 14d or 2w (a plain number means days), at most {max_days} days.",
        "Không đọc được khoảng thời gian chuyển đổi {text!r}: hãy ghi một số dương kèm đơn vị, ví "
        "dụ 30s, 15m, 2h, 14d hoặc 2w (chỉ ghi số nghĩa là số ngày), tối đa {max_days} ngày.",
        "Fereastra de conversie {text!r} nu poate fi citită: scrieți un număr pozitiv cu unitate, "
        "de ex. 30s, 15m, 2h, 14d sau 2w (un număr simplu înseamnă zile), cel mult {max_days} zile.",
    ),
    "funnel.error.step_count": (
        "A funnel needs 2 to 10 steps; got {n}.",
        "Phễu cần từ 2 đến 10 bước; hiện có {n}.",
        "O pâlnie are nevoie de 2 până la 10 pași; are {n}.",
    ),
    "funnel.error.blank_step": (
        "Step {step} has no touchpoint.",
        "Bước {step} chưa có điểm chạm.",
        "Pasul {step} nu are punct de contact.",
    ),
    "funnel.error.exclusion_format": (
        "Cannot read the exclusion {text!r}: write TOUCHPOINT:FROM_STEP:TO_STEP, e.g. Call "
        "centre:1:2.",
        "Không đọc được điều kiện loại trừ {text!r}: hãy ghi ĐIỂM_CHẠM:TỪ_BƯỚC:ĐẾN_BƯỚC, ví dụ "
        "Tổng đài:1:2.",
        "Excluderea {text!r} nu poate fi citită: scrieți PUNCT_DE_CONTACT:DE_LA_PAS:LA_PAS, de "
        "ex. Call center:1:2.",
    ),
    "funnel.error.exclusion_range": (
        "The exclusion of {touchpoint!r} must go from an earlier to a later step between 1 and "
        "{n}; got {from_step} to {to_step}.",
        "Điều kiện loại trừ {touchpoint!r} phải đi từ một bước trước đến một bước sau, trong "
        "khoảng 1 đến {n}; hiện là {from_step} đến {to_step}.",
        "Excluderea lui {touchpoint!r} trebuie să meargă de la un pas anterior la unul ulterior, "
        "între 1 și {n}; este de la {from_step} la {to_step}.",
    ),
    "funnel.error.exclusion_is_step": (
        "{touchpoint!r} is itself a step between step {from_step} and step {to_step}, so it "
        "cannot be excluded there.",
        "{touchpoint!r} chính là một bước nằm giữa bước {from_step} và bước {to_step}, nên không "
        "thể loại trừ ở đó.",
        "{touchpoint!r} este chiar un pas între pasul {from_step} și pasul {to_step}, deci nu "
        "poate fi exclus acolo.",
    ),
    "funnel.error.breakdown_by": (
        "Cannot break the funnel down by {by!r}: choose persona, segment or channel.",
        "Không thể phân tách phễu theo {by!r}: hãy chọn chân dung, phân khúc hoặc kênh.",
        "Pâlnia nu poate fi defalcată după {by!r}: alegeți persona, segment sau canal.",
    ),
    "funnel.error.dropped_step": (
        "Drop-off is shown for steps 2 to {n}; got step {step}.",
        "Tỷ lệ rời bỏ được hiển thị cho bước 2 đến {n}; hiện là bước {step}.",
        "Abandonul se afișează pentru pașii 2–{n}; s-a cerut pasul {step}.",
    ),
}
