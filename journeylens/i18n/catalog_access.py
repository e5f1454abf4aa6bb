"""Sign-in, share links, read-only viewers, exports.

Long because it is data: one entry per user-facing string, in English, Vietnamese and Romanian.
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    "access.denied": (
        "This link is read-only: uploading, editing and deleting need an editor.",
        "Liên kết này chỉ để xem: tải lên, chỉnh sửa và xóa cần quyền biên tập.",
        "Acest link este doar pentru citire: încărcarea, editarea și ștergerea necesită un editor.",
    ),
    "access.invalid_title": (
        "Link expired or invalid",
        "Liên kết đã hết hạn hoặc không hợp lệ",
        "Link expirat sau invalid",
    ),
    "access.invalid_body": (
        "This share link has expired, was revoked, or was changed. Ask the sender for a new link.",
        "Liên kết chia sẻ này đã hết hạn, bị thu hồi hoặc bị thay đổi. Hãy xin người gửi liên kết mới.",
        "Acest link a expirat, a fost revocat sau a fost modificat. Cereți expeditorului un link nou.",
    ),
    "access.sign_in": ("Editor sign-in", "Đăng nhập biên tập viên", "Autentificare editor"),
    "access.password": ("Editor password", "Mật khẩu biên tập", "Parola de editor"),
    "access.sign_in_button": ("Sign in", "Đăng nhập", "Autentificare"),
    "access.sign_in_help": (
        "This JourneyLens server is protected. Sign in as an editor, or open a share link.",
        "Máy chủ JourneyLens này được bảo vệ. Hãy đăng nhập, hoặc mở một liên kết chia sẻ.",
        "Acest server JourneyLens este protejat. Autentificați-vă ca editor sau deschideți un link.",
    ),
    "access.wrong_password": ("Wrong password.", "Sai mật khẩu.", "Parolă greșită."),
    "access.throttled": (
        "Too many failed sign-ins. Try again in {minutes} min.",
        "Quá nhiều lần đăng nhập thất bại. Hãy thử lại sau {minutes} phút.",
        "Prea multe autentificări eșuate. Încercați din nou peste {minutes} min.",
    ),
    "access.sign_out": ("Sign out", "Đăng xuất", "Deconectare"),
    "access.viewer_badge": (
        "Read-only view of “{workspace}”",
        "Chế độ chỉ xem của “{workspace}”",
        "Vizualizare doar pentru citire a „{workspace}”",
    ),
    "access.editor_badge": (
        "Signed in as editor",
        "Đã đăng nhập (biên tập)",
        "Autentificat ca editor",
    ),
    "share.button": ("Share this view", "Chia sẻ trang này", "Partajează această vizualizare"),
    "share.expiry": ("Link valid for", "Liên kết có hiệu lực trong", "Link valabil"),
    "share.days": ("{days} days", "{days} ngày", "{days} zile"),
    "share.note": ("Note (who is it for?)", "Ghi chú (gửi cho ai?)", "Notă (pentru cine?)"),
    "share.create": (
        "Create read-only link",
        "Tạo liên kết chỉ xem",
        "Creează link doar pentru citire",
    ),
    "share.copy": (
        "Copy this link; it opens exactly this view:",
        "Sao chép liên kết này; nó mở đúng trang này:",
        "Copiați acest link; deschide exact această vizualizare:",
    ),
    "share.local_copy": (
        "Copy the address of this page: it holds the whole view (workspace, page, filters).",
        "Sao chép địa chỉ trang này: nó chứa toàn bộ trạng thái (không gian, trang, bộ lọc).",
        "Copiați adresa acestei pagini: conține toată vizualizarea (spațiu, pagină, filtre).",
    ),
    "share.links": (
        "Links issued ({n})",
        "Các liên kết đã tạo ({n})",
        "Linkuri emise ({n})",
    ),
    "share.page": (
        "Page (of {pages})",
        "Trang (trên {pages})",
        "Pagina (din {pages})",
    ),
    "share.no_note": ("(no note)", "(không có ghi chú)", "(fără notă)"),
    "share.expires": ("expires {date}", "hết hạn {date}", "expiră {date}"),
    "share.last_used": ("last opened {when}", "mở lần cuối {when}", "deschis ultima dată {when}"),
    "share.never_used": ("never opened", "chưa được mở", "nedeschis încă"),
    "share.status.active": ("active", "còn hiệu lực", "activ"),
    "share.status.expired": ("expired", "đã hết hạn", "expirat"),
    "share.status.revoked": ("revoked", "đã thu hồi", "revocat"),
    "share.revoke": ("Revoke", "Thu hồi", "Revocă"),
    "share.revoked": (
        "Link “{note}” revoked.",
        "Đã thu hồi liên kết “{note}”.",
        "Linkul „{note}” a fost revocat.",
    ),
    "share.revoke_all": (
        "Revoke all links",
        "Thu hồi tất cả liên kết",
        "Revocă toate linkurile",
    ),
    "share.revoke_all_confirm": (
        "Yes, every link of this workspace stops working",
        "Có, mọi liên kết của không gian làm việc này sẽ ngừng hoạt động",
        "Da, toate linkurile acestui spațiu de lucru nu vor mai funcționa",
    ),
    "share.revoked_all": (
        "Links revoked: {n}.",
        "Số liên kết đã thu hồi: {n}.",
        "Linkuri revocate: {n}.",
    ),
    "export.png": ("PNG", "PNG", "PNG"),
    "export.svg": ("SVG", "SVG", "SVG"),
    "export.csv": ("CSV", "CSV", "CSV"),
    "export.report": ("HTML report", "Báo cáo HTML", "Raport HTML"),
    "export.pdf": ("PDF (charts)", "PDF (biểu đồ)", "PDF (grafice)"),
    "export.dashboard": (
        "Report of the whole dashboard",
        "Báo cáo toàn bộ bảng điều khiển",
        "Raportul întregului tablou de bord",
    ),
    "export.report_title": (
        "JourneyLens report: {workspace}",
        "Báo cáo JourneyLens: {workspace}",
        "Raport JourneyLens: {workspace}",
    ),
    "export.definitions": ("Definitions", "Định nghĩa", "Definiții"),
    "export.generated": ("Generated {when}", "Tạo lúc {when}", "Generat la {when}"),
}
