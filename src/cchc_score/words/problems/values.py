"""Problems of any input: values of a wrong type, numbers, files, outputs, and a Python
caller's arguments."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ values in any input
    "E-RULES-NOT-POSITIVE": ("phải lớn hơn 0", "must be > 0"),
    # ------------------------------------------------------------------ numbers
    "E-NUMBER-TOO-LONG": (
        "số có hơn {digits} chữ số: {start}",
        "a number with more than {digits} digits: {start}",
    ),
    "E-NUMBER-TOO-LARGE": (
        "số quá lớn (độ lớn vượt quá 1.000.000.000): {start}",
        "a number larger than 1,000,000,000 in size: {start}",
    ),
    "E-NUMBER-TOO-LARGE-INT": (
        "số quá lớn (độ lớn vượt quá 1.000.000.000): số nguyên có khoảng {digits} chữ số",
        "a number larger than 1,000,000,000 in size: an integer of about {digits} digits",
    ),
    "E-NUMBER-PERCENT": (
        "không được ghi tỷ lệ phần trăm ở đây: {text}",
        "a percentage is not allowed here: {text}",
    ),
    "E-NUMBER-NOT-A-NUMBER": (
        "không đọc được số: {text} (ghi các chữ số, với một dấu phẩy hoặc dấu chấm thập phân)",
        "not a number: {text} (write digits with one decimal comma or point)",
    ),
    "E-NUMBER-AMBIGUOUS": (
        "số {text} đọc được hai cách: dấu phân cách hàng nghìn hay dấu thập phân? hãy ghi "
        "không nhóm chữ số, ví dụ 1234, hoặc 1.234 nếu là số thập phân",
        "ambiguous number {text}: thousands separator or decimal comma? write it without "
        "grouping, e.g. 1234 or 1.234 as a plain number",
    ),
    "E-NUMBER-EXPECTED": ("phải là một số", "expected a number"),
    "E-NUMBER-NOT-FINITE": ("phải là một số hữu hạn", "must be a finite number"),
    "E-NUMBER-ROUND": ("không làm tròn được số", "cannot round the number"),
    # ------------------------------------------------------------------ values of a wrong type
    "E-VALUE-NOT-INTEGER": ("phải là số nguyên", "expected an integer"),
    "E-VALUE-NOT-WHOLE": ("phải là số nguyên không âm", "expected a whole number ≥ 0"),
    "E-VALUE-NOT-STRING": ("phải là một chuỗi chữ", "expected a string"),
    "E-VALUE-NOT-BOOLEAN": ("phải là true (có) hoặc false (không)", "expected true or false"),
    "E-VALUE-NOT-STRINGS": ("phải là một mảng các chuỗi chữ", "expected an array of strings"),
    "E-VALUE-NOT-POINTS-TABLE": ("phải là một bảng điểm", "expected a table of points"),
    "E-VALUE-NOT-TABLES": ("phải là một mảng các bảng", "expected an array of tables"),
    "E-VALUE-NOT-TABLE": ("phải là một bảng", "expected a table"),
    "E-VALUE-CHOICE": ("phải là một trong: {expected}", "expected one of {expected}"),
    "E-VALUE-INVALID": ("giá trị không hợp lệ: {detail}", "invalid value: {detail}"),
    "E-YEAR-NOT-INTEGER": ("năm phải là số nguyên", "expected a year as an integer"),
    "E-YEAR-RANGE": ("năm phải từ {low} đến {high}", "expected a year between {low} and {high}"),
    "E-KEY-UNKNOWN": (
        "khóa không hợp lệ; chỉ dùng được: {expected}",
        "unknown key; expected one of {expected}",
    ),
    "E-KEY-MISSING": ("thiếu khóa bắt buộc", "required key is missing"),
    "E-CODE-SAME-AS": ("trùng mã với {code}", "the same code as {code}"),
    # ------------------------------------------------------------------ files
    "E-FILE-NOT-FOUND": (
        "không đọc được tệp: không có tệp này",
        "cannot read the file: No such file or directory",
    ),
    "E-FILE-PERMISSION": (
        "không đọc được tệp: không có quyền đọc",
        "cannot read the file: Permission denied",
    ),
    "E-FILE-UNREADABLE": ("không đọc được tệp: {reason}", "cannot read the file: {reason}"),
    "E-FILE-NOT-A-FILE": (
        "không đọc được: đây là {kind}, không phải tệp; hãy cho một tệp",
        "cannot read: it is {kind}, not a file; give a file",
    ),
    "E-FILE-STDIN-TWICE": (
        "đầu vào chuẩn (-) đã được đọc cho một tệp khác: chỉ một tệp có thể là -",
        "standard input (-) was already read for another file: only one file can be -",
    ),
    "E-FILE-NO-STDIN": (
        "không có đầu vào chuẩn (-) để đọc",
        "there is no standard input (-) to read",
    ),
    "E-FILE-TOO-LARGE": (
        "tệp quá lớn: {size}; giới hạn là {limit} (xem docs/limits.md)",
        "the file is too large: {size}; the limit is {limit} (see docs/limits.md)",
    ),
    "E-FILE-DOCX": (
        "đây là tệp Word (.docx), không phải văn bản thuần: import-annex và reconcile đọc "
        'phụ lục trực tiếp từ nó (pip install "cchc-score[docx]"); các lệnh khác cần tệp '
        "văn bản",
        "this is a Word file (.docx), not text: import-annex and reconcile read an annex "
        'from it as it is (pip install "cchc-score[docx]"); other commands need a text file',
    ),
    "E-FILE-XLSX": (
        "đây là tệp Excel (.xlsx), không phải văn bản: hãy lưu trang tính thành CSV "
        "(Tệp › Lưu thành › CSV UTF-8)",
        "this is an Excel workbook (.xlsx), not text: save the sheet as CSV "
        "(File › Save As › CSV UTF-8)",
    ),
    "E-FILE-ZIP": (
        "đây là tệp nén zip, không phải văn bản: hãy giải nén và cho tệp bên trong",
        "this is a zip archive, not text: unpack it and give the file inside",
    ),
    "E-FILE-DOC": (
        "đây là tệp Word .doc cũ, không phải văn bản: hãy mở bằng Word và lưu thành .docx "
        "(Tệp › Lưu thành › Word Document)",
        "this is an old Word .doc file, not text: open it in Word and save it as .docx "
        "(File › Save As › Word Document)",
    ),
    "E-FILE-XLS": (
        "đây là tệp Excel .xls cũ, không phải văn bản: hãy lưu trang tính thành CSV "
        "(Tệp › Lưu thành › CSV UTF-8)",
        "this is an old Excel .xls workbook, not text: save the sheet as CSV "
        "(File › Save As › CSV UTF-8)",
    ),
    "E-FILE-PDF": (
        "đây là tệp PDF, không phải văn bản: không đọc được bảng trong PDF; hãy dùng tệp Word "
        "gốc (hoặc chép bảng sang Word) và lưu thành .docx",
        "this is a PDF, not text: a PDF's table cannot be read; use the Word file it was "
        "made from (or copy the table into Word) and save it as .docx",
    ),
    "E-FILE-RTF": (
        "đây là tệp RTF, không phải văn bản: hãy mở bằng Word và lưu thành .docx",
        "this is an RTF document, not text: open it in Word and save it as .docx",
    ),
    "E-FILE-NOT-UTF16": ("không phải văn bản UTF-16 hợp lệ", "not valid UTF-16 text"),
    "E-FILE-NOT-UTF": (
        "không phải văn bản UTF-8 hay UTF-16: trong Word, chọn Tệp › Lưu thành › Văn bản "
        "thuần (Plain Text), Mã hóa: Unicode (UTF-8)",
        "not UTF-8 or UTF-16 text: in Word, File › Save As › Plain Text, Encoding: Unicode (UTF-8)",
    ),
    "E-FILE-NUL": (
        "có byte NUL trong văn bản: UTF-16 thiếu dấu thứ tự byte? trong Word, chọn Tệp › "
        "Lưu thành › Văn bản thuần (Plain Text), Mã hóa: Unicode (UTF-8)",
        "NUL bytes in the text: UTF-16 without a byte order mark? in Word, File › Save As › "
        "Plain Text, Encoding: Unicode (UTF-8)",
    ),
    "E-TOML-SYNTAX": ("TOML không hợp lệ: {detail}", "invalid TOML: {detail}"),
    "E-JSON-SYNTAX": ("JSON không hợp lệ: {detail}", "invalid JSON: {detail}"),
    "E-FILE-TOO-DEEP": (
        "lồng nhau quá sâu: hơn {most} cấp mảng hoặc bảng",
        "nested too deeply: more than {most} levels of arrays or tables",
    ),
    "E-FILE-TOO-MANY-ENTRIES": (
        "quá nhiều mục: {count}; giới hạn là {most}",
        "too many entries: {count}; the limit is {most}",
    ),
    "E-FILE-DOCUMENT": ("không đọc được văn bản: {detail}", "cannot read the document: {detail}"),
    # ------------------------------------------------------------------ writing outputs
    # The words that say why (``output.*``, in the language asked for) are the detail.
    **{
        f"E-OUTPUT-{name}": ("{detail}", "{detail}")
        for name in (
            "EXISTS",
            "IS-INPUT",
            "SYMLINK",
            "IS-FOLDER",
            "NOT-REGULAR",
            "NOT-A-FOLDER",
            "CANNOT-CREATE",
            "PERMISSION",
            "MISSING-FOLDER",
            "IN-THE-WAY",
            "DISK-FULL",
            "QUOTA",
            "READ-ONLY",
            "NAME-TOO-LONG",
            "LINK",
            "TOO-BIG",
            "OS-ERROR",
        )
    },
    # ------------------------------------------------------------------ a Python caller's arguments
    # ``{expected}`` and ``{type}`` name Python types and classes, as the API reference does.
    "E-ARGUMENT-TYPE": ("phải là {expected}, không phải {type}", "expected {expected}, not {type}"),
    "E-ARGUMENT-LIST": ("phải là một danh sách {expected}", "expected a list of {expected}"),
    "E-ARGUMENT-NOT": ("{expected}, không phải {type}", "{expected}, not {type}"),
    "E-ARGUMENT-NOT-A-NUMBER": ("{expected}: không đọc được số", "{expected}: not a number"),
    "E-ARGUMENT-DATE": (
        "phải là một ngày như '2023-06-30'",
        "expected a date such as '2023-06-30'",
    ),
    "E-ARGUMENT-PAIRS": (
        "phải là một dict, hoặc các cặp (tên, giá trị)",
        "expected a dict, or (name, value) pairs",
    ),
    "E-ARGUMENT-NAME-PAIRS": (
        "phải là các cặp (tên cũ, tên mới)",
        "expected (old, new) pairs of names",
    ),
    "E-ARGUMENT-KEYS": ("các khóa phải là chuỗi chữ", "keys must be strings"),
    "E-ARGUMENT-TWICE": ("bị ghi hai lần", "given twice"),
    "E-ARGUMENT-PERIOD": ("phải là 'quarter' hoặc 'month'", "expected 'quarter' or 'month'"),
    "E-ARGUMENT-UNUSED-INT": (
        "phải là số nguyên ≥ 0 (giữ để tương thích, không dùng)",
        "must be an integer ≥ 0 (kept for compatibility, unused)",
    ),
    "E-ARGUMENT-DELIMITER": ("phải là ',', '\\t' hoặc ';'", "expected ',', '\\t' or ';'"),
    # ------------------------------------------------------------------ charts and notebook views
    "E-CHART-FORMAT": (
        "biểu đồ được ghi dưới dạng .png hoặc .svg; hãy đặt tên tệp có đuôi đó",
        "a chart is written as .png or .svg; give a file name ending in one of them",
    ),
    # ------------------------------------------------------------------ planning and ranking
    "E-PLAN-TOO-INTERLINKED": (
        "{count} nhiệm vụ tác động lẫn nhau theo quá nhiều cách để lập kế hoạch chính xác "
        "(quá {limit} phương án từng phần): {tasks}",
        "{count} tasks interact in too many ways to plan exactly (more than {limit} partial "
        "options): {tasks}",
    ),
    "E-BATCH-POINTS-ONLY": (
        "bảng xếp hạng chỉ giữ điểm của mỗi đơn vị; chấm lại đơn vị (evaluate) để giải thích",
        "a ranking keeps each unit's points only; score the unit again (evaluate) to explain it",
    ),
}
