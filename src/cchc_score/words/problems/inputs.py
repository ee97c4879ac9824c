"""Problems of a unit's inputs: evidence, appraisals, plans, annexes, and tables of many
units."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ evidence files
    "E-EVIDENCE-NOT-OBJECT": (
        "cấp ngoài cùng phải là một đối tượng (bảng)",
        "expected an object at the top",
    ),
    "E-EVIDENCE-VALUE-TYPE": (
        "phải là một số, một chuỗi chữ, true/false hoặc một mảng các chuỗi chữ",
        "expected a number, a string, true/false or an array of strings",
    ),
    "E-EVIDENCE-POINTS-NOT-NUMBER": ("điểm phải là một số", "expected points as a number"),
    "E-EVIDENCE-UNIT": (
        "cần tên đơn vị (một chuỗi chữ không rỗng)",
        "the unit's name is required (a non-empty string)",
    ),
    "E-EVIDENCE-UNKNOWN-KEY": (
        "khóa hoặc bảng không hợp lệ; chỉ dùng được: {expected}",
        "unknown key or table; expected one of {expected}",
    ),
    "E-EVIDENCE-RULES-NAME": (
        "phải là tên hoặc đường dẫn của một tệp bộ tiêu chí",
        "expected the name or path of a rules file",
    ),
    # ------------------------------------------------------------------ appraisal files
    "E-APPRAISAL-NODE-CODE": (
        "mỗi dòng cần một mã (chuỗi chữ không rỗng)",
        "a node needs a code (a non-empty string)",
    ),
    "E-APPRAISAL-NODES": (
        "phải là một mảng các bảng ([[nodes]])",
        "expected an array of tables ([[nodes]])",
    ),
    "E-APPRAISAL-LEVEL": (
        "phải là một trong: 'domain', 'subdomain', 'criterion'",
        "expected one of 'domain', 'subdomain', 'criterion'",
    ),
    # ------------------------------------------------------------------ evidence: facts, points
    "E-CODE-UNKNOWN": ("không có tiêu chí nào mang mã này", "no criterion has this code"),
    "E-EVIDENCE-FACT-TYPE": (
        "phải là một số, một chuỗi chữ, true/false hoặc danh sách các mục đã làm; không "
        "phải {type}",
        "expected a number, a string, true/false, or a list of the items done; not {type}",
    ),
    "E-EVIDENCE-FACT-UNDECLARED": (
        "bộ tiêu chí {rules} không khai báo số liệu này; các số liệu đã khai báo: {declared}",
        "not a fact declared by the rules {rules}; declared: {declared}",
    ),
    "E-EVIDENCE-NO-REASON": (
        "hãy ghi lý do không đánh giá",
        "give the reason it was not assessed",
    ),
    "E-APPRAISED-INNER": (
        "tiêu chí {code} là tổng các tiêu chí thành phần; hãy ghi điểm thẩm định cho "
        "từng tiêu chí thành phần",
        "criterion {code} is the sum of its sub-criteria; give appraised points for them instead",
    ),
    "E-APPRAISED-RANGE": (
        "phải từ 0 đến điểm tối đa {max}",
        "must be between 0 and the maximum {max}",
    ),
    "E-EVIDENCE-FACTS-MISSING": ("thiếu số liệu: {listed}", "missing facts: {listed}"),
    "E-EVIDENCE-APPRAISED-MISSING": (
        "thiếu điểm thẩm định của: {codes} (hoặc ghi chúng trong [not_assessed] kèm lý do)",
        "missing appraised points for: {codes} (or list them under [not_assessed] with a reason)",
    ),
    "E-OBSERVED-NOT-IN-RULES": (
        "tiêu chí {code} không có trong bộ tiêu chí {rules}, và không có mục phần còn lại "
        "nào ở trên nó để tính thay: hãy dùng --rules với bộ tiêu chí có tiêu chí này",
        "criterion {code} is not in the rules {rules}, and no residual node above it can "
        "stand for it: give --rules with a rules file that has it",
    ),
    # ------------------------------------------------------------------ plans
    "E-PLAN-TASK-ID": (
        "nhiệm vụ cần một mã (id, chuỗi chữ không rỗng)",
        "a task needs an id (a non-empty string)",
    ),
    "E-PLAN-TASKS-NOT-TABLES": (
        "phải là một mảng các bảng ([[tasks]])",
        "expected an array of tables ([[tasks]])",
    ),
    "E-PLAN-TASK-ID-TWICE": ("mã nhiệm vụ bị trùng", "duplicate id"),
    "E-PLAN-NO-CRITERIA": (
        "phải ghi ít nhất một tiêu chí",
        "must name at least one criterion",
    ),
    "E-PLAN-NEGATIVE": ("phải là một số ≥ 0", "must be a number ≥ 0"),
    "E-PLAN-RANGE": ("phải là một số từ 0 đến {high}", "must be a number between 0 and {high}"),
    "E-PLAN-EFFECT-KIND": (
        "không có loại tác động này; phải là một trong: {expected}",
        "unknown effect kind; expected one of {expected}",
    ),
    "E-PLAN-EFFECT-EMPTY": (
        "tác động 'facts' cần ít nhất một số liệu hoặc một điểm thẩm định",
        "a 'facts' effect needs at least one fact or appraised value",
    ),
    "E-PLAN-SHARE-MISSING": ("thiếu, bắt buộc phải có", "required"),
    "E-PLAN-EFFORT-TOO-LARGE": (
        "tổng công sức các nhiệm vụ là {total} ngày công; giới hạn là {limit} (xem docs/limits.md)",
        "the tasks' efforts add up to {total} person-days; the limit is {limit:,} "
        "(see docs/limits.md)",
    ),
    "E-PLAN-PROBABILITY": ("phải từ 0 đến 1", "must be between 0 and 1"),
    "E-PLAN-SHARE": ("phải từ 0 đến 1", "must be between 0 and 1"),
    "E-PLAN-CRITERION-UNKNOWN": (
        "không có tiêu chí nào mang mã này trong {rules}",
        "no criterion has this code in {rules}",
    ),
    "E-PLAN-FACT-UNDECLARED": (
        "bộ tiêu chí {rules} không khai báo số liệu này",
        "not a fact declared by the rules {rules}",
    ),
    "E-PLAN-NOT-APPRAISED": (
        "không phải tiêu chí chấm bằng điểm thẩm định",
        "not a criterion scored by appraised points",
    ),
    "E-PLAN-FACTS-NO-EFFECT": (
        "tiêu chí {code} chỉ có điểm thẩm định trong số liệu, không có số liệu chi tiết, nên "
        "đặt số liệu không thay đổi được nó; hãy khôi phục điểm (restore hoặc partial), hoặc "
        "ghi số liệu chi tiết của nó",
        "criterion {code} has only appraised points in the evidence, no facts, so setting "
        "facts cannot change it; restore it (restore or partial), or give its facts in the "
        "evidence",
    ),
    "E-PLAN-TASK-UNKNOWN": (
        "không có nhiệm vụ nào mang mã này; kế hoạch có: {known}",
        "no task has this id; the plan has {known}",
    ),
    "E-PLAN-DAYS-NEGATIVE": ("phải ≥ 0 ngày công", "must be ≥ 0 person-days"),
    "E-PLAN-CONFIDENCE": ("phải lớn hơn 0 và không quá 1", "must be > 0 and ≤ 1"),
    "E-PLAN-NO-EFFORT": (
        "các nhiệm vụ chưa có công sức: {tasks}; hãy ghi công sức (ngày công) cho từng nhiệm vụ",
        "tasks without an effort: {tasks}; give each an effort in person-days",
    ),
    "E-PLAN-GROUP-TOO-LARGE": (
        "{n} nhiệm vụ liên quan nhau (chung tiêu chí hoặc số liệu); chỉ lập phương án chính "
        "xác được cho tối đa {most}: {tasks}",
        "{n} tasks interact (share criteria or facts); at most {most} can be planned "
        "exactly: {tasks}",
    ),
    "E-PLAN-EFFORT-PLACES": (
        "công sức chỉ ghi tối đa hai chữ số thập phân",
        "efforts take at most two decimal places",
    ),
    "E-PLAN-BUDGET-TOO-LARGE": (
        "quá lớn để lập phương án chính xác theo bước {step} ngày công: tối đa {steps} bước "
        "({days} ngày công)",
        "too large to plan exactly in steps of {step} person-day: at most {steps} steps "
        "({days} person-days)",
    ),
    "E-TARGET-UNKNOWN": (
        "không phải tổng điểm hay mức xếp loại của {rules}; phải là một số hoặc một trong: {names}",
        "neither a total nor a rating band of {rules}; expected a number or one of {names}",
    ),
    "E-TARGET-NOT-NUMBER": (
        "phải là tổng điểm hoặc tên mức xếp loại",
        "expected a total or a band's name",
    ),
    "E-TARGET-RANGE": (
        "phải là tổng điểm từ 0 đến {max}",
        "must be a total between 0 and {max}",
    ),
    "E-DEADLINE-MONTH": (
        "không có tháng {month} trong thời hạn {text}",
        "no month {month} in deadline {text}",
    ),
    "E-DEADLINE-DATE": ("không có ngày này: {text}", "no such date: {text}"),
    "E-DEADLINE-FORM": (
        "không đọc được thời hạn: {text} (ví dụ 'Năm 2023', 'Quý II/2023', 'Tháng 6/2023', "
        "'30/6/2023' hoặc 'Thường xuyên')",
        "not a deadline: {text} (expected e.g. 'Năm 2023', 'Quý II/2023', 'Tháng 6/2023', "
        "'30/6/2023' or 'Thường xuyên')",
    ),
    # ------------------------------------------------------------------ annexes
    "E-ANNEX-COLUMN": ("cột {column}: {detail}", "column {column}: {detail}"),
    "E-ANNEX-IN-TEXT": ("trong nội dung: {detail}", "in the text: {detail}"),
    "E-ANNEX-POINTS-FORM": (
        "điểm trong nội dung không ở dạng đọc được; hãy ghi như '8,83/10 điểm (trừ 1,17 điểm)'",
        "points in the text are not in a form the importer reads; write them as "
        "'8,83/10 điểm (trừ 1,17 điểm)'",
    ),
    "E-ANNEX-MAX-DIFFERS": (
        "nội dung ghi điểm tối đa {in_text} nhưng cột {column} ghi {in_column}",
        "the text gives the maximum as {in_text} but column {column} gives {in_column}",
    ),
    "E-ANNEX-SCORE-DIFFERS": (
        "nội dung ghi điểm đạt {in_text} nhưng cột {column} ghi {in_column}",
        "the text gives the score as {in_text} but column {column} gives {in_column}",
    ),
    "E-ANNEX-TOTAL-MISSING": (
        "dòng tổng cần ghi tổng điểm ở cột điểm hoặc trong nội dung",
        "a total row needs the total in the score column or in its text",
    ),
    "E-ANNEX-TOTAL-TWICE": (
        "dòng tổng thứ hai (dòng tổng đầu tiên ở dòng {line})",
        "a second total row (the first is on line {line})",
    ),
    "E-ANNEX-RATING-MISSING": (
        "dòng xếp loại không ghi mức xếp loại",
        "a rating row with no rating in it",
    ),
    "E-ANNEX-COLUMN-TWICE": (
        "hai cột cho {what}: {first} và {second}",
        "two columns for {what}: {first} and {second}",
    ),
    "E-ANNEX-COLUMN-MISSING": (
        "dòng tiêu đề không có cột cho {what}; phải là một trong: {expected}",
        "the header has no column for {what}; expected one of {expected}",
    ),
    "E-ANNEX-CSV": ("không phải CSV hợp lệ: {detail}", "not valid CSV: {detail}"),
    "E-ANNEX-STT-CODE": (
        "cột STT ghi mã {stt} nhưng nội dung ghi {code}",
        "the STT gives code {stt} but the text gives {code}",
    ),
    "E-ANNEX-CRITERION-CODE": (
        "dòng tiêu chí cần ghi mã trong nội dung, ví dụ 'Tiêu chí 1.2: ...'",
        "a criterion row needs its code in the text, e.g. 'Tiêu chí 1.2: ...'",
    ),
    "E-ANNEX-STT": (
        "STT phải là một số, một số La Mã (lĩnh vực) hoặc một mã như 7.1 (nhóm tiêu chí)",
        "STT: expected a number, a roman numeral (a domain) or a code such as 7.1 (a sub-domain)",
    ),
    "E-ANNEX-TOO-MANY-ROWS": (
        "hơn {most} dòng (dòng {line} là hàng thứ {row}): một phụ lục chỉ có vài trăm "
        "dòng; có đúng tệp không? (xem docs/limits.md)",
        "more than {most:,} rows (line {line} is row {row:,}): an annex has a few hundred; "
        "is this the right file? (see docs/limits.md)",
    ),
    "E-ANNEX-CELL-BEYOND": (
        "có ô nằm ngoài cột cuối cùng của dòng tiêu đề",
        "a cell beyond the last column of the header",
    ),
    "E-ANNEX-CONTINUATION": (
        "dòng tiếp nối (không có STT, mã hay điểm) nhưng không có dòng nào ở trên để nối vào",
        "a continuation row (no STT, code or points) with no row above it to continue",
    ),
    "E-ANNEX-NO-HEADER": (
        "không tìm thấy dòng tiêu đề: cần một dòng có cột 'STT' và cột tiêu chí "
        "('Tiêu chí ...' hoặc 'Nội dung')",
        "no header row found: expected a row with an 'STT' column and a criterion column "
        "('Tiêu chí ...' or 'Nội dung')",
    ),
    "E-ANNEX-NO-ROWS": (
        "bảng không có dòng nào dưới dòng tiêu đề",
        "the table has no rows below its header",
    ),
    "E-DOCX-MISSING": (
        "đọc tệp Word (.docx) cần python-docx, có trong gói mở rộng docx: "
        'pip install "cchc-score[docx]"',
        "reading a Word file (.docx) needs python-docx, which the docx extra installs: "
        'pip install "cchc-score[docx]"',
    ),
    "E-DOCX-ZIP": (
        "không phải tệp Word (.docx) hợp lệ: tệp nén bị hỏng ({detail})",
        "not a valid Word file (.docx): a damaged zip ({detail})",
    ),
    "E-DOCX-PARTS": (
        "tệp Word có {count} phần; giới hạn là {most} (xem docs/limits.md)",
        "the Word file has {count} parts; the limit is {most} (see docs/limits.md)",
    ),
    "E-DOCX-UNPACKED": (
        "tệp Word giải nén ra {size} MB; giới hạn là {limit} MB (tệp nén độc hại? xem "
        "docs/limits.md)",
        "the Word file unpacks to {size} MB; the limit is {limit} MB (a zip bomb? see "
        "docs/limits.md)",
    ),
    "E-DOCX-UNREADABLE": (
        "không đọc được tệp Word: {detail}",
        "cannot read the Word file: {detail}",
    ),
    "E-DOCX-NO-HEADER": (
        "không bảng nào trong văn bản có dòng tiêu đề của phụ lục: cần một dòng có cột 'STT' "
        "và cột tiêu chí ('Tiêu chí ...' hoặc 'Nội dung')",
        "no table in the document has the annex header: expected a row with an 'STT' "
        "column and a criterion column ('Tiêu chí ...' or 'Nội dung')",
    ),
    "E-DOCX-NO-TABLE": (
        "văn bản không có bảng nào: phụ lục được đọc từ bảng của nó",
        "the document has no table: the annex is read from its table",
    ),
    # ------------------------------------------------------------------ tables of many units
    "E-TABLE-EMPTY": (
        "bảng trống; cần một dòng tiêu đề, rồi mỗi đơn vị một dòng",
        "the table is empty; expected a header row, then a row per unit",
    ),
    "E-TABLE-NO-ROWS": (
        "không có dòng nào dưới dòng tiêu đề; cần mỗi đơn vị một dòng",
        "no rows under the header; expected a row per unit",
    ),
    "E-TABLE-NO-SUCH": ("không có tệp hay thư mục này", "no such file or folder"),
    "E-TABLE-SUFFIX": (
        "cần một thư mục các tệp số liệu, hoặc một bảng có đuôi {suffixes}",
        "expected a folder of evidence files, or a table with the extension {suffixes}",
    ),
    "E-TABLE-WORKBOOK": (
        "cần một thư mục các tệp số liệu, hoặc một bảng có đuôi {suffixes}; hãy lưu trang "
        "tính thành CSV UTF-8",
        "expected a folder of evidence files, or a table with the extension {suffixes}; "
        "save the sheet as CSV UTF-8",
    ),
    "E-XLSX-MISSING": (
        'đọc tệp .xlsx cần openpyxl, cài bằng gói mở rộng excel: pip install "cchc-score[excel]"'
        "; hoặc lưu trang tính thành CSV UTF-8",
        "reading .xlsx needs openpyxl, which the excel extra installs: pip install "
        '"cchc-score[excel]"; or save the sheet as CSV UTF-8',
    ),
    "E-XLSX-BROKEN": (
        "không mở được sổ tính Excel",
        "cannot open the Excel workbook",
    ),
    "E-XLSX-UNPACKED": (
        "sổ tính giải nén ra {size} MB; giới hạn là {limit} MB (tệp nén độc hại? xem "
        "docs/limits.md)",
        "the workbook unpacks to {size} MB; the limit is {limit} MB (a zip bomb? see "
        "docs/limits.md)",
    ),
    "E-TABLE-COLUMN-TWICE": (
        "xuất hiện hai lần (cột {first} và {second})",
        "appears twice (columns {first} and {second})",
    ),
    "E-TABLE-NO-UNIT-COLUMN": (
        "dòng tiêu đề không có cột 'unit'; cần cột 'unit', có thể thêm 'year' và 'rules', "
        "rồi mỗi số liệu một cột và các cột appraised:MÃ",
        "the header has no 'unit' column; expected 'unit', optionally 'year' and 'rules', "
        "then a column per fact and appraised:CODE columns",
    ),
    "E-TABLE-COLUMN-KIND": (
        "không có loại cột {kind}; phải là một trong: {expected}",
        "unknown column kind {kind}; expected one of {expected}",
    ),
    "E-TABLE-COLUMN-UNKNOWN": (
        "bộ tiêu chí {rules} không khai báo số liệu này, và đây cũng không phải 'unit', "
        "'year', 'rules' hay appraised:MÃ, not_assessed:MÃ, notes:MÃ; các số liệu đã khai "
        "báo: {declared}",
        "not a fact declared by the rules {rules}, nor 'unit', 'year', 'rules' or "
        "appraised:CODE, not_assessed:CODE, notes:CODE; declared: {declared}",
    ),
    "E-TABLE-NOT-UTF8": ("không phải văn bản UTF-8", "not UTF-8 text"),
    "E-TABLE-CELLS": (
        "có {cells}, nhưng dòng tiêu đề (dòng {line}) có {columns} cột; mỗi dòng phải có "
        "đủ một ô cho mỗi cột, để trống nếu không có gì",
        "{cells}, but the header (line {line}) has {columns} columns; a row must have "
        "a cell for every column, empty where nothing is given",
    ),
    "E-TABLE-CELLS-COMMA": (
        "có {cells}, nhưng dòng tiêu đề (dòng {line}) có {columns} cột; mỗi dòng phải có "
        "đủ một ô cho mỗi cột, để trống nếu không có gì (dấu phẩy thập phân không nằm trong "
        'ngoặc kép sẽ tách ô làm hai: hãy ghi "15,38" hoặc 15.38)',
        "{cells}, but the header (line {line}) has {columns} columns; a row must have "
        "a cell for every column, empty where nothing is given (an unquoted decimal comma "
        'splits a cell in two: write "15,38" or 15.38)',
    ),
    "E-TABLE-VALUE-NO-HEADER": (
        "có giá trị trong một cột không có tiêu đề",
        "a value in a column without a header",
    ),
    "E-TABLE-UNIT": (
        "cần tên đơn vị (một ô không trống)",
        "the unit's name is required (a non-empty cell)",
    ),
    "E-TABLE-ITEM-SEPARATOR": (
        "mục {item} của danh mục chứa {separator}, là dấu dùng để tách các mục trong một ô",
        "the checklist item {item} contains {separator}, which separates items in a table cell",
    ),
    "E-FOLDER-EMPTY": (
        "thư mục này không có tệp số liệu nào (*.toml, *.json)",
        "no evidence files (*.toml, *.json) in this folder",
    ),
    "E-BATCH-TOO-DEEP": (
        "không đọc được: lồng nhau quá sâu",
        "cannot be read: nested too deeply",
    ),
    "E-BATCH-TOO-MANY-DIGITS": (
        "không đọc được: có một số quá nhiều chữ số",
        "cannot be read: a number has too many digits",
    ),
    "E-BATCH-UNREADABLE": ("không đọc được: {detail}", "cannot be read: {detail}"),
    "E-BATCH-UNIT-NAME-TWICE": (
        "{unit} cũng là tên của đơn vị ở {places}; hãy đặt cho mỗi đơn vị một tên riêng "
        "(thêm tên huyện nếu hai xã trùng tên)",
        "{unit} is also the name of the unit at {places}; give each unit its own name (add "
        "the district if two communes share a name)",
    ),
    "E-BATCH-RULES-DIFFER": (
        "không so sánh được các phiếu điểm theo các bộ tiêu chí khác nhau: {first} "
        "({first_unit}) và {other} ({other_unit})",
        "cannot compare scorecards of different rule sets: {first} ({first_unit}) and "
        "{other} ({other_unit})",
    ),
    "E-BATCH-UNIT-TWICE": (
        "có hai phiếu điểm cho đơn vị {unit}: hãy đặt cho mỗi đơn vị một tên riêng",
        "two scorecards are for the unit {unit}: give each its own name",
    ),
    # ------------------------------------------------------------------ estimates and years
    "E-EVIDENCE-ESTIMATED-UNKNOWN": (
        "đánh dấu giả định một dữ kiện mà bộ tiêu chí {rules} không khai báo",
        "marks as estimated a fact the rules {rules} do not declare",
    ),
    "E-RULES-LOOKS-BACK": (
        "cần số năm nhìn lại, từ 0 đến {limit}",
        "expected the number of years looked back, from 0 to {limit}",
    ),
    "E-PLAN-NEXT-FACT": (
        "không phải dữ kiện được khai báo trong {rules} hay {rules_next}",
        "not a fact declared by {rules} or {rules_next}",
    ),
    "E-PLAN-NEXT-CRITERION": (
        "không có tiêu chí mã này trong {rules} hay {rules_next}",
        "no criterion has this code in {rules} or {rules_next}",
    ),
    "E-PLAN-NEXT-APPRAISED": (
        "không phải tiêu chí chấm bằng điểm thẩm định trong {rules} hay {rules_next}",
        "not a criterion scored by appraised points in {rules} or {rules_next}",
    ),
    "W-EVIDENCE-YEAR": (
        "hồ sơ là của năm {year} nhưng bộ tiêu chí {rules} là của năm {rules_year}",
        "the evidence is for {year} but the rules {rules} are for {rules_year}",
    ),
}
