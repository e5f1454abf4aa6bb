"""Comparing periods on the overview and the heatmap (issue 16): the control, the sentence that
names the two periods, the tiles' change and the heatmap of the change."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "periods16.label": ("Compare periods", "So sánh các kỳ", "Compară perioadele"),
    "periods16.mode.none": ("No comparison", "Không so sánh", "Fără comparație"),
    "periods16.mode.month": (
        "This month vs last month",
        "Tháng này so với tháng trước",
        "Luna aceasta față de luna trecută",
    ),
    "periods16.mode.quarter": (
        "This quarter vs same quarter last year",
        "Quý này so với cùng quý năm trước",
        "Trimestrul acesta față de același trimestru de anul trecut",
    ),
    "periods16.mode.days30": (
        "Last 30 days vs the 30 before",
        "30 ngày gần nhất so với 30 ngày trước đó",
        "Ultimele 30 de zile față de cele 30 dinainte",
    ),
    # the caption under the tiles and under the heatmap
    "periods16.caption.month": (
        "This month ({current}) compared with last month ({previous}).",
        "Tháng này ({current}) so với tháng trước ({previous}).",
        "Luna aceasta ({current}) comparată cu luna trecută ({previous}).",
    ),
    "periods16.caption.quarter": (
        "This quarter ({current}) compared with the same quarter last year ({previous}).",
        "Quý này ({current}) so với cùng quý năm trước ({previous}).",
        "Trimestrul acesta ({current}) comparat cu același trimestru de anul trecut ({previous}).",
    ),
    "periods16.caption.days30": (
        "The last 30 days ({current}) compared with the 30 days before ({previous}).",
        "30 ngày gần nhất ({current}) so với 30 ngày trước đó ({previous}).",
        "Ultimele 30 de zile ({current}) comparate cu cele 30 de zile dinainte ({previous}).",
    ),
    "periods16.anchor": (
        "“This” and “last” count from the last answer date in the filtered data ({last}), not "
        "from today; the two periods replace the date range for these numbers.",
        "“Này” và “gần nhất” được tính từ ngày trả lời cuối cùng trong dữ liệu đã lọc ({last}), "
        "không phải từ hôm nay; hai kỳ này thay cho khoảng ngày đã chọn đối với các số liệu này.",
        "„Acesta” și „ultimele” se socotesc de la ultima dată de răspuns din datele filtrate "
        "({last}), nu de la ziua de azi; cele două perioade înlocuiesc intervalul de date pentru "
        "aceste cifre.",
    ),
    # the overview's tiles
    "periods16.significant": (
        "{change} · significant",
        "{change} · có ý nghĩa thống kê",
        "{change} · semnificativ",
    ),
    "periods16.not_significant": (
        "{change} (not significant)",
        "{change} (không có ý nghĩa thống kê)",
        "{change} (nesemnificativ)",
    ),
    "periods16.delta_help": (
        "Change against the comparison period. “Significant”: a two-sided z-test on the two "
        "periods' 95% intervals says the change is more than chance.",
        "Thay đổi so với kỳ so sánh. “Có ý nghĩa thống kê”: kiểm định z hai phía trên hai khoảng "
        "tin cậy 95% của hai kỳ cho thấy thay đổi không chỉ do ngẫu nhiên.",
        "Schimbarea față de perioada de comparație. „Semnificativ”: un test z bilateral pe "
        "intervalele de 95% ale celor două perioade arată că schimbarea nu e doar întâmplare.",
    ),
    "periods16.before_caption": (
        "Period before: {value} (n = {n})",
        "Kỳ trước: {value} (n = {n})",
        "Perioada dinainte: {value} (n = {n})",
    ),
    "periods16.no_current": (
        "No answers to this metric in this period",
        "Không có câu trả lời cho chỉ số này trong kỳ này",
        "Niciun răspuns la acest indicator în această perioadă",
    ),
    "periods16.no_previous": (
        "No answers in the period before to compare with",
        "Không có câu trả lời trong kỳ trước để so sánh",
        "Niciun răspuns în perioada dinainte cu care să se compare",
    ),
    # the heatmap of the change (charts.heatmap.change_heatmap)
    "periods16.change_of": ("Change in {metric}", "Thay đổi {metric}", "Variația {metric}"),
    "periods16.heatmap_title": (
        "Change in {metric} by touchpoint and {by}",
        "Thay đổi {metric} theo điểm chạm và {by}",
        "Variația {metric} pe punct de contact și {by}",
    ),
    "periods16.heatmap_subtitle": (
        "Each cell: the change (this period − the one before) and the answers now / before. "
        "Bold with * = significant at 95%.",
        "Mỗi ô: mức thay đổi (kỳ này − kỳ trước) và số câu trả lời kỳ này / kỳ trước. "
        "Chữ đậm có * = có ý nghĩa thống kê ở mức 95%.",
        "Fiecare celulă: variația (perioada aceasta − cea dinainte) și răspunsurile acum / "
        "înainte. Îngroșat cu * = semnificativ la 95%.",
    ),
    "periods16.uncertain_note": (
        "Faded cells have fewer than {min_n} answers in one of the periods: treat them as "
        "uncertain.",
        "Ô mờ có ít hơn {min_n} câu trả lời ở một trong hai kỳ: kết quả chưa chắc chắn.",
        "Celulele estompate au mai puțin de {min_n} răspunsuri într-una dintre perioade: "
        "tratați-le ca incerte.",
    ),
    "periods16.now": ("This period", "Kỳ này", "Perioada aceasta"),
    "periods16.before": ("Period before", "Kỳ trước", "Perioada dinainte"),
    "periods16.n_now": (
        "Answers, this period",
        "Số câu trả lời, kỳ này",
        "Răspunsuri, perioada aceasta",
    ),
    "periods16.n_before": (
        "Answers, period before",
        "Số câu trả lời, kỳ trước",
        "Răspunsuri, perioada dinainte",
    ),
    "periods16.no_cells": (
        "No answers in either period under these filters.",
        "Không có câu trả lời nào trong cả hai kỳ với các bộ lọc này.",
        "Niciun răspuns în niciuna dintre perioade cu aceste filtre.",
    ),
}
