"""Saved views (issue 16): the sidebar list, the save form and its checks."""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "views16.title": ("Saved views", "Chế độ xem đã lưu", "Vizualizări salvate"),
    "views16.none": (
        "No saved views yet.",
        "Chưa có chế độ xem nào được lưu.",
        "Nicio vizualizare salvată încă.",
    ),
    "views16.save": ("Save this view", "Lưu chế độ xem này", "Salvează această vizualizare"),
    "views16.save_help": (
        "Saves this page with its filters and settings. Saving a name again updates that view.",
        "Lưu trang này cùng bộ lọc và thiết lập. Lưu lại một tên đã có sẽ cập nhật chế độ xem đó.",
        "Salvează această pagină cu filtrele și setările ei. Salvarea aceluiași nume actualizează "
        "vizualizarea respectivă.",
    ),
    "views16.name": ("Name", "Tên", "Nume"),
    "views16.description": ("Description", "Mô tả", "Descriere"),
    "views16.who": ("Your name", "Tên của bạn", "Numele tău"),
    "views16.who_help": (
        "Optional: shown beside the view as who changed it.",
        "Không bắt buộc: hiển thị bên cạnh chế độ xem là người đã thay đổi.",
        "Opțional: apare lângă vizualizare ca autor al modificării.",
    ),
    "views16.submit": ("Save view", "Lưu chế độ xem", "Salvează vizualizarea"),
    "views16.saved": (
        "Saved the view “{name}”.",
        "Đã lưu chế độ xem “{name}”.",
        "Vizualizarea „{name}” a fost salvată.",
    ),
    "views16.updated": (
        "Updated the view “{name}”.",
        "Đã cập nhật chế độ xem “{name}”.",
        "Vizualizarea „{name}” a fost actualizată.",
    ),
    "views16.deleted": (
        "Deleted the view “{name}”.",
        "Đã xóa chế độ xem “{name}”.",
        "Vizualizarea „{name}” a fost ștearsă.",
    ),
    "views16.delete": ("Delete", "Xóa", "Șterge"),
    "views16.delete_help": (
        "Delete the saved view “{name}”",
        "Xóa chế độ xem đã lưu “{name}”",
        "Șterge vizualizarea salvată „{name}”",
    ),
    "views16.changed_by": (
        "changed by {who} on {date}",
        "được {who} thay đổi ngày {date}",
        "modificată de {who} pe {date}",
    ),
    "views16.an_editor": ("an editor", "một biên tập viên", "un editor"),
    "views16.error.name_required": (
        "Name: give the view a name.",
        "Tên: hãy đặt tên cho chế độ xem.",
        "Nume: dă un nume vizualizării.",
    ),
    "views16.error.name_long": (
        "Name: at most {max} characters.",
        "Tên: tối đa {max} ký tự.",
        "Nume: cel mult {max} de caractere.",
    ),
    "views16.error.name_taken": (
        "Name: another saved view is already called “{name}”.",
        "Tên: đã có một chế độ xem khác tên “{name}”.",
        "Nume: o altă vizualizare salvată se numește deja „{name}”.",
    ),
    "views16.error.description_long": (
        "Description: at most {max} characters.",
        "Mô tả: tối đa {max} ký tự.",
        "Descriere: cel mult {max} de caractere.",
    ),
    "views16.error.who_long": (
        "Your name: at most {max} characters.",
        "Tên của bạn: tối đa {max} ký tự.",
        "Numele tău: cel mult {max} de caractere.",
    ),
    "views16.error.page_unknown": (
        "Page: this page cannot be saved as a view.",
        "Trang: không thể lưu trang này thành chế độ xem.",
        "Pagină: această pagină nu poate fi salvată ca vizualizare.",
    ),
    "views16.error.query_long": (
        "Filters: the link is too long to save (at most {max} characters).",
        "Bộ lọc: liên kết quá dài để lưu (tối đa {max} ký tự).",
        "Filtre: linkul este prea lung pentru a fi salvat (cel mult {max} de caractere).",
    ),
    "views16.error.gone": (
        "This saved view no longer exists.",
        "Chế độ xem đã lưu này không còn tồn tại.",
        "Această vizualizare salvată nu mai există.",
    ),
}
