"""Small issue-16 fixes: the journey definition upload's notes columns (the map's free-text lanes)."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "field.thoughts": ("Thoughts", "Suy nghĩ", "Gânduri"),
    "field.opportunities": ("Opportunities", "Cơ hội", "Oportunități"),
    "field.ideas": ("Ideas", "Ý tưởng", "Idei"),
}
