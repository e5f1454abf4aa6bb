"""The journey map as a canvas (issue 16): lanes the user picks, free-text lanes, two personas
side by side, the slide-sized PDF."""

MESSAGES = {
    "canvas.lanes": ("Lanes", "Các làn", "Benzi"),
    "canvas.lanes_help": (
        "Pick the lanes to show; they are drawn in the order you pick them.",
        "Chọn các làn cần hiển thị; chúng được vẽ theo thứ tự bạn chọn.",
        "Alegeți benzile de afișat; ele apar în ordinea în care le alegeți.",
    ),
    "canvas.lane.goal": ("Customer goal", "Mục tiêu", "Obiectiv"),
    "canvas.lane.touchpoint": (
        "Touchpoint and channel",
        "Điểm chạm và kênh",
        "Punct de contact și canal",
    ),
    "canvas.lane.owner": ("Owner", "Phụ trách", "Responsabil"),
    "canvas.lane.customers": ("Customers", "Khách hàng", "Clienți"),
    "canvas.lane.emotion": ("Emotion", "Cảm xúc", "Emoție"),
    "canvas.lane.nps": ("NPS", "NPS", "NPS"),
    "canvas.lane.csat": ("CSAT %", "CSAT %", "CSAT %"),
    "canvas.lane.ces": ("CES", "CES", "CES"),
    "canvas.lane.pain": ("Pain points", "Điểm đau", "Puncte dureroase"),
    "canvas.lane.themes": (
        "Unhappy customers say",
        "Khách không hài lòng nói",
        "Clienții nemulțumiți spun",
    ),
    "canvas.lane.thoughts": ("Thoughts", "Suy nghĩ", "Gânduri"),
    "canvas.lane.opportunities": ("Opportunities", "Cơ hội", "Oportunități"),
    "canvas.lane.ideas": ("Ideas", "Ý tưởng", "Idei"),
    "viz.lane.thoughts": ("Thoughts", "Suy nghĩ", "Gânduri"),
    "viz.lane.opportunities": ("Opportunities", "Cơ hội", "Oportunități"),
    "viz.lane.ideas": ("Ideas", "Ý tưởng", "Idei"),
    "viz.journey.compare_note": (
        "{a} and {b} side by side. Δ = {b} − {a}; ★ and a dark frame mark a difference that is "
        "more than chance (two-sample test, 5 %).",
        "{a} và {b} đặt cạnh nhau. Δ = {b} − {a}; ★ và khung đậm đánh dấu chênh lệch không "
        "phải do ngẫu nhiên (kiểm định hai mẫu, 5 %).",
        "{a} și {b} alăturate. Δ = {b} − {a}; ★ și un chenar închis marchează o diferență mai "
        "mare decât întâmplarea (test pentru două eșantioane, 5 %).",
    ),
    "canvas.slide_pdf": ("Slide (PDF)", "Trang chiếu (PDF)", "Diapozitiv (PDF)"),
}
