"""Importer messages for files that reach a limit, damaged containers and suspicious layouts.

Long because it is data: one entry per user-facing string, in English, Vietnamese and Romanian.
"""

MESSAGES: dict[str, tuple[str, str, str]] = {
    # --- limits: each names the limit and the setting that raises it ------------------------
    "ingest.limit_columns": (
        "{file} has {found} columns, more than the limit of {limit}. "
        "To import it, set {setting} to a higher number and restart JourneyLens.",
        "{file} có {found} cột, vượt quá giới hạn {limit}. "
        "Để nhập tệp này, hãy đặt {setting} thành số lớn hơn rồi khởi động lại JourneyLens.",
        "{file} are {found} coloane, peste limita de {limit}. "
        "Pentru a-l importa, setați {setting} la un număr mai mare și reporniți JourneyLens.",
    ),
    "ingest.limit_columns_at_least": (
        "{file} has at least {found} columns, more than the limit of {limit}. "
        "To import it, set {setting} to a higher number and restart JourneyLens.",
        "{file} có ít nhất {found} cột, vượt quá giới hạn {limit}. "
        "Để nhập tệp này, hãy đặt {setting} thành số lớn hơn rồi khởi động lại JourneyLens.",
        "{file} are cel puțin {found} coloane, peste limita de {limit}. "
        "Pentru a-l importa, setați {setting} la un număr mai mare și reporniți JourneyLens.",
    ),
    "ingest.limit_xes_keys": (
        "{file}: the event log has more than {limit} distinct attribute keys, and each becomes a "
        "column. To import it, set {setting} to a higher number and restart JourneyLens.",
        "{file}: nhật ký sự kiện có hơn {limit} khoá thuộc tính khác nhau, mỗi khoá thành một cột. "
        "Để nhập tệp này, hãy đặt {setting} thành số lớn hơn rồi khởi động lại JourneyLens.",
        "{file}: jurnalul de evenimente are peste {limit} chei de atribut distincte, iar fiecare "
        "devine o coloană. Pentru a-l importa, setați {setting} la un număr mai mare și reporniți "
        "JourneyLens.",
    ),
    "ingest.limit_header": (
        "{file}: the header row is larger than the limit of {limit}. "
        "To import it, set {setting} higher and restart JourneyLens.",
        "{file}: dòng tiêu đề lớn hơn giới hạn {limit}. "
        "Để nhập tệp này, hãy tăng {setting} rồi khởi động lại JourneyLens.",
        "{file}: rândul de antet depășește limita de {limit}. "
        "Pentru a-l importa, măriți {setting} și reporniți JourneyLens.",
    ),
    "ingest.limit_row": (
        "{file}, line {line}: one row is larger than the limit of {limit}. This is usually a "
        'quote (") that is never closed. Fix the file, or set {setting} higher and restart '
        "JourneyLens.",
        "{file}, dòng {line}: một dòng dữ liệu lớn hơn giới hạn {limit}. Nguyên nhân thường là "
        'một dấu ngoặc kép (") không được đóng. Hãy sửa tệp, hoặc tăng {setting} rồi khởi động '
        "lại JourneyLens.",
        "{file}, linia {line}: un rând depășește limita de {limit}. De obicei cauza sunt "
        'ghilimele (") deschise și neînchise. Corectați fișierul sau măriți {setting} și reporniți '
        "JourneyLens.",
    ),
    "ingest.limit_xlsx_size": (
        "{file} unpacks to {size}, more than the limit of {limit} for a workbook. "
        "Export the sheet as CSV, or set {setting} higher and restart JourneyLens.",
        "{file} khi giải nén có dung lượng {size}, vượt quá giới hạn {limit} cho một sổ tính. "
        "Hãy xuất trang tính ra CSV, hoặc tăng {setting} rồi khởi động lại JourneyLens.",
        "{file} se dezarhivează la {size}, peste limita de {limit} pentru un registru de calcul. "
        "Exportați foaia ca CSV sau măriți {setting} și reporniți JourneyLens.",
    ),
    "ingest.limit_xlsx_ratio": (
        "{file}: the part {part} unpacks to {ratio}× its packed size, more than the limit of "
        "{limit}. Files built like this exhaust memory (a zip bomb). If the file is genuine, set "
        "{setting} higher and restart JourneyLens.",
        "{file}: phần {part} khi giải nén lớn gấp {ratio} lần kích thước nén, vượt quá giới hạn "
        "{limit}. Tệp dựng như vậy làm cạn bộ nhớ (bom nén). Nếu tệp là thật, hãy tăng {setting} "
        "rồi khởi động lại JourneyLens.",
        "{file}: partea {part} se dezarhivează la de {ratio} ori dimensiunea arhivată, peste "
        "limita de {limit}. Fișierele construite astfel epuizează memoria (o bombă zip). Dacă "
        "fișierul este autentic, măriți {setting} și reporniți JourneyLens.",
    ),
    "ingest.limit_shared_strings": (
        "{file} has more than {limit} entries in its shared-text table. "
        "Export the sheet as CSV, or set {setting} higher and restart JourneyLens.",
        "{file} có hơn {limit} mục trong bảng văn bản dùng chung. "
        "Hãy xuất trang tính ra CSV, hoặc tăng {setting} rồi khởi động lại JourneyLens.",
        "{file} are peste {limit} intrări în tabelul de texte partajate. "
        "Exportați foaia ca CSV sau măriți {setting} și reporniți JourneyLens.",
    ),
    "ingest.limit_staging": (
        "{file} would convert to more than {limit} of CSV before loading. "
        "Split the file, or set {setting} higher and restart JourneyLens.",
        "{file} sẽ chuyển thành hơn {limit} dữ liệu CSV trước khi nhập. "
        "Hãy chia nhỏ tệp, hoặc tăng {setting} rồi khởi động lại JourneyLens.",
        "{file} s-ar converti în peste {limit} de CSV înainte de încărcare. "
        "Împărțiți fișierul sau măriți {setting} și reporniți JourneyLens.",
    ),
    "ingest.out_of_memory": (
        "{file} ({columns} columns) needs more memory to check than the database may use "
        "({limit}). Import fewer columns, or set {setting} higher and restart JourneyLens.",
        "{file} ({columns} cột) cần nhiều bộ nhớ để kiểm tra hơn mức cơ sở dữ liệu được dùng "
        "({limit}). Hãy nhập ít cột hơn, hoặc tăng {setting} rồi khởi động lại JourneyLens.",
        "{file} ({columns} coloane) are nevoie de mai multă memorie pentru verificare decât poate "
        "folosi baza de date ({limit}). Importați mai puține coloane sau măriți {setting} și "
        "reporniți JourneyLens.",
    ),
    # --- damaged or mislabelled containers ----------------------------------------------------
    "ingest.xlsx_truncated": (
        "{file} is cut short or damaged: an .xlsx file is a zip archive, and this one cannot be "
        "unpacked. Upload it again, or save it again in Excel.",
        "{file} bị cắt cụt hoặc bị hỏng: tệp .xlsx là một kho nén zip, và tệp này không giải nén "
        "được. Hãy tải lên lại, hoặc lưu lại trong Excel.",
        "{file} este trunchiat sau deteriorat: un fișier .xlsx este o arhivă zip, iar aceasta nu "
        "poate fi dezarhivată. Încărcați-l din nou sau salvați-l din nou în Excel.",
    ),
    "ingest.xlsx_wrong_type": (
        "{file} is a zip archive but not an Excel workbook (its main part is “{content_type}”). "
        "Upload the workbook itself, or export the sheet as CSV.",
        "{file} là kho nén zip nhưng không phải sổ tính Excel (phần chính là “{content_type}”). "
        "Hãy tải lên chính sổ tính, hoặc xuất trang tính ra CSV.",
        "{file} este o arhivă zip, dar nu un registru Excel (partea principală este "
        "„{content_type}”). Încărcați registrul propriu-zis sau exportați foaia ca CSV.",
    ),
    "ingest.xlsx_missing_part": (
        "{file} is not a complete Excel workbook: the part {part} is missing. Save it again as "
        ".xlsx in Excel, or export the sheet as CSV.",
        "{file} không phải sổ tính Excel đầy đủ: thiếu phần {part}. Hãy lưu lại dưới dạng .xlsx "
        "trong Excel, hoặc xuất trang tính ra CSV.",
        "{file} nu este un registru Excel complet: lipsește partea {part}. Salvați-l din nou ca "
        ".xlsx în Excel sau exportați foaia ca CSV.",
    ),
    "ingest.xlsx_bad_cell": (
        "{file}, sheet “{sheet}”, row {row}: a cell cannot be read ({detail}). The workbook is "
        "damaged: open and save it again in Excel, or export the sheet as CSV.",
        "{file}, trang tính “{sheet}”, dòng {row}: không đọc được một ô ({detail}). Sổ tính bị "
        "hỏng: hãy mở và lưu lại trong Excel, hoặc xuất trang tính ra CSV.",
        "{file}, foaia „{sheet}”, rândul {row}: o celulă nu poate fi citită ({detail}). "
        "Registrul este deteriorat: deschideți-l și salvați-l din nou în Excel sau exportați "
        "foaia ca CSV.",
    ),
    "ingest.xlsx_missing_string": (
        "{file}, sheet “{sheet}”, row {row}: a cell refers to a shared text entry the workbook "
        "does not contain. The workbook is damaged: open and save it again in Excel, or export "
        "the sheet as CSV.",
        "{file}, trang tính “{sheet}”, dòng {row}: một ô trỏ tới mục văn bản dùng chung không có "
        "trong sổ tính. Sổ tính bị hỏng: hãy mở và lưu lại trong Excel, hoặc xuất trang tính ra "
        "CSV.",
        "{file}, foaia „{sheet}”, rândul {row}: o celulă trimite la o intrare de text partajat pe "
        "care registrul nu o conține. Registrul este deteriorat: deschideți-l și salvați-l din "
        "nou în Excel sau exportați foaia ca CSV.",
    ),
    "ingest.xlsx_bad_xml": (
        "{file}: the part {part} of the workbook is not well-formed XML ({detail}). The workbook "
        "is damaged: open and save it again in Excel, or export the sheet as CSV.",
        "{file}: phần {part} của sổ tính không phải XML hợp lệ ({detail}). Sổ tính bị hỏng: hãy "
        "mở và lưu lại trong Excel, hoặc xuất trang tính ra CSV.",
        "{file}: partea {part} a registrului nu este XML bine format ({detail}). Registrul este "
        "deteriorat: deschideți-l și salvați-l din nou în Excel sau exportați foaia ca CSV.",
    ),
    "ingest.csv_line": (
        "{file}, line {line}: the row cannot be read ({detail}).",
        "{file}, dòng {line}: không đọc được dòng dữ liệu ({detail}).",
        "{file}, linia {line}: rândul nu poate fi citit ({detail}).",
    ),
    "ingest.reader_failed": (
        "{file} could not be read ({detail}). Nothing was stored.",
        "Không đọc được {file} ({detail}). Chưa có gì được lưu.",
        "{file} nu a putut fi citit ({detail}). Nu s-a salvat nimic.",
    ),
    "ingest.bad_extension": (
        "{file}: JourneyLens imports CSV, TSV, TXT, XLSX, Parquet and XES files, not “{ext}”.",
        "{file}: JourneyLens nhập tệp CSV, TSV, TXT, XLSX, Parquet và XES, không nhập “{ext}”.",
        "{file}: JourneyLens importă fișiere CSV, TSV, TXT, XLSX, Parquet și XES, nu „{ext}”.",
    ),
    # --- suspicious layout: said before Load -------------------------------------------------
    "ingest.quote_span": (
        "{file}, row {row} (from line {line}): one value runs over {lines} lines, and the file's "
        '{total} lines make only {rows} row(s). A quote (") that is never closed usually causes this: '
        "the lines after it load as a single value. Fix the quote near line {line}, or load "
        "anyway if the value really has that many lines.",
        "{file}, dòng dữ liệu {row} (từ dòng {line}): một giá trị kéo dài {lines} dòng, nên "
        "{total} dòng của tệp chỉ tạo thành {rows} dòng dữ liệu. Nguyên nhân thường là một dấu ngoặc kép "
        '(") không được đóng: các dòng sau nó bị nhập thành một giá trị. Hãy sửa dấu ngoặc gần '
        "dòng {line}, hoặc vẫn nhập nếu giá trị đó thật sự dài như vậy.",
        "{file}, rândul {row} (de la linia {line}): o valoare se întinde pe {lines} linii, iar cele "
        '{total} linii ale fișierului dau doar {rows} rând(uri). De obicei cauza sunt ghilimele (") deschise și '
        "neînchise: liniile de după el se încarcă drept o singură valoare. Corectați "
        "ghilimelele de lângă linia {line} sau încărcați oricum, dacă valoarea chiar are atâtea "
        "linii.",
    ),
    "ingest.quote_span_head": (
        "{file}, row {row} (from line {line}): one value runs over at least {lines} lines. A "
        'quote (") that is never closed usually causes this: the lines after it would load as a '
        "single value. Fix the quote near line {line}, or load anyway if the value really has "
        "that many lines.",
        "{file}, dòng dữ liệu {row} (từ dòng {line}): một giá trị kéo dài ít nhất {lines} dòng. "
        'Nguyên nhân thường là một dấu ngoặc kép (") không được đóng: các dòng sau nó sẽ bị '
        "nhập thành một giá trị. Hãy sửa dấu ngoặc gần dòng {line}, hoặc vẫn nhập nếu giá trị đó "
        "thật sự dài như vậy.",
        "{file}, rândul {row} (de la linia {line}): o valoare se întinde pe cel puțin {lines} "
        'linii. De obicei cauza sunt ghilimele (") deschise și neînchise: liniile de după ele '
        "s-ar încărca drept o singură valoare. Corectați ghilimelele de lângă linia {line} sau "
        "încărcați oricum, dacă valoarea chiar are atâtea linii.",
    ),
}
