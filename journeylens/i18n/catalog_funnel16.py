"""Funnel over time and time to convert (issue 16): the Funnel page's conversion by the period of
step 1 and the distribution of the time between steps (journeylens/services/funnel/timing.py).
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "funnel16.error.grain": (
        "Unknown period “{grain}”: choose week or month.",
        "Chu kỳ “{grain}” không hợp lệ: hãy chọn tuần hoặc tháng.",
        "Perioadă necunoscută „{grain}”: alegeți săptămână sau lună.",
    ),
    # --- conversion over time ------------------------------------------------------------------
    "funnel16.over_time.title": (
        "Conversion over time",
        "Tỷ lệ chuyển đổi theo thời gian",
        "Conversia în timp",
    ),
    "funnel16.grain.week": ("week", "tuần", "săptămâna"),
    "funnel16.grain.month": ("month", "tháng", "luna"),
    "funnel16.over_time.definition": (
        "Conversion = customers who reach the last step ({last}) within {window} of step 1 ÷ "
        "customers who enter step 1 ({first}), counted by the {grain} of their step-1 event, with "
        "the same order, window and exclusions as the funnel above; each customer counts once. "
        "Band: 95% Wilson interval. Faded points: the number of customers entering in that "
        "period is below the minimum of {min_n}.",
        "Tỷ lệ chuyển đổi = số khách hàng đạt bước cuối ({last}) trong vòng {window} kể từ "
        "bước 1 ÷ số khách hàng vào bước 1 ({first}), tính theo {grain} của sự kiện bước 1, với "
        "cùng thứ tự, khung thời gian và điều kiện loại trừ như phễu ở trên; mỗi khách hàng được "
        "đếm một lần. Dải màu: khoảng tin cậy Wilson 95%. Điểm mờ: số khách hàng vào phễu trong "
        "kỳ đó thấp hơn mức tối thiểu {min_n}.",
        "Conversie = clienții care ajung la ultimul pas ({last}) în cel mult {window} de la "
        "pasul 1 ÷ clienții care intră la pasul 1 ({first}), numărați după {grain} "
        "evenimentului de la pasul 1, cu aceeași ordine, fereastră și excluderi ca pâlnia de mai "
        "sus; fiecare client este numărat o singură dată. Banda: interval Wilson de 95%. Puncte "
        "estompate: numărul clienților intrați în acea perioadă este sub minimul de {min_n}.",
    ),
    "funnel16.viz.over_time_title": (
        "Funnel conversion by start period",
        "Tỷ lệ chuyển đổi của phễu theo kỳ bắt đầu",
        "Conversia pâlniei pe perioada de start",
    ),
    "funnel16.viz.over_time_subtitle": (
        "% of step-1 customers who reach the last step · band: 95% interval · faded: below the "
        "minimum of {min_n}",
        "% khách hàng ở bước 1 đạt bước cuối · dải màu: khoảng tin cậy 95% · điểm mờ: dưới mức "
        "tối thiểu {min_n}",
        "% din clienții de la pasul 1 care ajung la ultimul pas · banda: interval de 95% · "
        "estompat: sub minimul de {min_n}",
    ),
    "funnel16.viz.conversion": ("Conversion (%)", "Tỷ lệ chuyển đổi (%)", "Conversie (%)"),
    "funnel16.viz.interval": ("95% interval", "Khoảng tin cậy 95%", "Interval de 95%"),
    "funnel16.viz.entered": ("Entered step 1", "Vào bước 1", "Au intrat la pasul 1"),
    "funnel16.viz.converted": ("Reached the last step", "Đạt bước cuối", "Au ajuns la ultimul pas"),
    "funnel16.col.period": ("Period start", "Đầu kỳ", "Începutul perioadei"),
    "funnel16.col.conversion": ("Conversion", "Tỷ lệ chuyển đổi", "Conversie"),
    # --- time to convert -----------------------------------------------------------------------
    "funnel16.time.title": (
        "Time to convert",
        "Thời gian chuyển đổi",
        "Timpul până la conversie",
    ),
    "funnel16.time.definition": (
        "For each pair of steps: the time between the customer's two events in the chain the "
        "funnel counts, over the customers who reached the second step of the pair; step 1 → "
        "last is the whole way through. Median: half of them took at most this long; p90: 9 in "
        "10 did. Both are quantiles with linear interpolation between the two nearest customers.",
        "Với mỗi cặp bước: thời gian giữa hai sự kiện của khách hàng trong chuỗi mà phễu tính, "
        "trên những khách hàng đã đạt bước thứ hai của cặp; bước 1 → bước cuối là cả chặng "
        "đường. Trung vị: một nửa số khách hàng mất không quá khoảng thời gian này; p90: 9 trên "
        "10 khách hàng. Cả hai là phân vị nội suy tuyến tính giữa hai khách hàng gần nhất.",
        "Pentru fiecare pereche de pași: timpul dintre cele două evenimente ale clientului din "
        "lanțul numărat de pâlnie, pentru clienții care au ajuns la al doilea pas al perechii; "
        "pasul 1 → ultimul pas este tot drumul. Mediana: jumătate dintre ei au avut nevoie de cel "
        "mult atât; p90: 9 din 10. Ambele sunt cuantile cu interpolare liniară între cei doi "
        "clienți cei mai apropiați.",
    ),
    "funnel16.viz.time_title": (
        "Time to convert, step by step",
        "Thời gian chuyển đổi qua từng bước",
        "Timpul până la conversie, pas cu pas",
    ),
    "funnel16.viz.time_subtitle": (
        "Box: the middle half of customers (25th–75th percentile) · thick tick: median · "
        "whiskers: 10th to 90th percentile",
        "Hộp: một nửa số khách hàng ở giữa (phân vị 25–75) · vạch đậm: trung vị · râu: phân vị "
        "10 đến 90",
        "Cutia: jumătatea din mijloc a clienților (percentilele 25–75) · linia groasă: mediana · "
        "mustățile: percentilele 10–90",
    ),
    "funnel16.viz.time_axis": (
        "Time to convert ({unit})",
        "Thời gian chuyển đổi ({unit})",
        "Timp până la conversie ({unit})",
    ),
    "funnel16.unit.d": ("days", "ngày", "zile"),
    "funnel16.unit.h": ("hours", "giờ", "ore"),
    "funnel16.unit.m": ("minutes", "phút", "minute"),
    "funnel16.unit.s": ("seconds", "giây", "secunde"),
    "funnel16.viz.steps": ("Steps", "Các bước", "Pași"),
    "funnel16.viz.median": ("Median", "Trung vị", "Mediana"),
    "funnel16.viz.p90": ("90th percentile (p90)", "Phân vị 90 (p90)", "Percentila 90 (p90)"),
    "funnel16.viz.median_p90": (
        "median {median} · p90 {p90}",
        "trung vị {median} · p90 {p90}",
        "mediana {median} · p90 {p90}",
    ),
    "funnel16.col.median": ("Median", "Trung vị", "Mediana"),
    "funnel16.col.p90": ("90th percentile", "Phân vị 90", "Percentila 90"),
    "funnel16.col.mean": ("Mean", "Trung bình", "Media"),
}
