"""Problem messages: what is wrong with an input, keyed by stable problem codes.

A code is ``E-<SUBJECT>-<WHAT>`` for an error and ``W-<SUBJECT>-<WHAT>`` for a warning, in
capitals with hyphens (``E-EVIDENCE-RANGE``). Codes are a contract: programs match on them
(``error.codes``, the JSON ``code`` field), so a code is never renamed or reused; its texts
may be improved. Each text says what is wrong, without the place and without the offending
value (:class:`~cchc_score.errors.Problem` adds both); ``{placeholders}`` come from the
problem's fields.

Keep each subject's codes together, under a heading comment, in the order a reader meets them.
"""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ how a problem is shown
    "problem.got": ("(giá trị: {value})", "(got {value})"),
    "problem.line": ("dòng {n}", "line {n}"),
    "problem.column": ("cột {n}", "column {n}"),
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
        "khóa không có trong định dạng; các khóa được dùng: {expected}",
        "unknown key; expected one of {expected}",
    ),
    "E-KEY-MISSING": ("thiếu khóa bắt buộc", "required key is missing"),
    "E-CODE-SAME-AS": ("trùng mã với {code}", "the same code as {code}"),
    # ------------------------------------------------------------------ rules files
    "E-RULES-NO-SUCH-NAME": (
        "không có tệp này, cũng không có bộ tiêu chí có sẵn nào tên như vậy; các bộ có sẵn: "
        "{bundled}",
        "no such file, and no bundled rules by that name; bundled: {bundled}",
    ),
    "E-RULES-TOP-KEY": (
        "khóa cấp ngoài cùng không có trong định dạng; các khóa được dùng: {expected}",
        "unknown top-level key; expected one of {expected}",
    ),
    "E-RULES-TABLE-MISSING": ("thiếu bảng bắt buộc", "required table is missing"),
    "E-RULES-DECIMALS": ("phải từ 0 đến 6", "must be between 0 and 6"),
    "E-RULES-FACTS-NOT-TABLE": ("phải là một bảng các số liệu", "expected a table of facts"),
    "E-RULES-CRITERIA-NOT-TABLES": (
        "phải là một mảng các bảng ([[criteria]])",
        "expected an array of tables ([[criteria]])",
    ),
    "E-RULES-BANDS-NOT-TABLES": (
        "phải là một mảng các bảng ([[bands]])",
        "expected an array of tables ([[bands]])",
    ),
    "E-RULE-NOT-TABLE": (
        "phải là một bảng có khóa 'kind'",
        "expected a table with a 'kind' key",
    ),
    "E-RULE-KIND-MISSING": (
        "thiếu; phải là một trong: {expected}",
        "missing; expected one of {expected}",
    ),
    "E-RULE-KIND-UNKNOWN": (
        "loại quy tắc không có; phải là một trong: {expected}",
        "unknown rule kind; expected one of {expected}",
    ),
    "E-FACT-NAME": (
        "tên số liệu chỉ gồm chữ cái, chữ số và dấu _ (không bắt đầu bằng chữ số)",
        "a fact name must be letters, digits and _ (not first a digit)",
    ),
    "E-FACT-TYPE": (
        "kiểu số liệu không có; phải là một trong: {expected}",
        "unknown fact type; expected one of {expected}",
    ),
    # ------------------------------------------------------------------ rating bands
    "E-BANDS-NONE": ("cần ít nhất một mức xếp loại", "at least one rating band is required"),
    "E-BAND-NAME-TWICE": ("tên mức xếp loại bị trùng", "duplicate band name"),
    "E-BAND-MIN-RANGE": ("phải từ 0 đến {max}", "must be between 0 and {max}"),
    "E-BAND-MIN-NEGATIVE": (
        "phải từ 0 đến điểm tối đa của chỉ số",
        "must be between 0 and the index maximum",
    ),
    "E-BAND-OVERLAP": (
        "trùng với mức {band}, có cùng điểm tối thiểu",
        "overlaps band {band}, which has the same min",
    ),
    "E-BAND-ORDER": (
        "các mức xếp loại phải ghi từ điểm tối thiểu cao nhất xuống (sau mức {band} có "
        "điểm tối thiểu {min})",
        "bands must be listed from the highest min down (after {band} with min {min})",
    ),
    "E-BANDS-GAP": (
        "bỏ trống một khoảng: tổng điểm dưới {lowest} không được xếp loại; mức thấp nhất "
        "cần min = 0",
        "leave a gap: totals below {lowest} get no rating; the lowest band needs min = 0",
    ),
    # ------------------------------------------------------------------ evidence files
    "E-EVIDENCE-NOT-OBJECT": (
        "phải là một đối tượng ở cấp ngoài cùng",
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
        "khóa hoặc bảng không có trong định dạng; các khóa được dùng: {expected}",
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
    # ------------------------------------------------------------------ criteria tree
    "E-CRITERION-CODE-TWICE": ("mã bị trùng", "duplicate code"),
    "E-CRITERION-CODE-DOMAIN": (
        "mã tiêu chí bắt đầu bằng số thứ tự lĩnh vực của nó, từ 1 đến {max}",
        "a criterion code starts with its domain's number, 1 to {max}",
    ),
    "E-DOMAIN-CODE-ROMAN": (
        "không phải số La Mã từ I đến {max} như mã lĩnh vực được ghi",
        "not a roman numeral from I to {max} as domain codes are written",
    ),
    "E-CRITERION-CODE-FORM": (
        'phải là mã lĩnh vực bằng số La Mã ("VII") hoặc mã tiêu chí có dấu chấm '
        '("7.1.2", "7.1.r" cho phần còn lại của 7.1)',
        'expected a roman domain code ("VII") or a dotted criterion code ("7.1.2", "7.1.r" '
        "for the rest of 7.1)",
    ),
    "E-CRITERION-PARENT": (
        "mục cha {parent} chưa được khai báo trước nó",
        "parent {parent} is not defined before it",
    ),
    "E-DOMAINS-NONE": (
        "chưa khai báo lĩnh vực nào (mã số La Mã)",
        "no domain (roman code) is defined",
    ),
    "E-DOMAINS-SUM": (
        "điểm tối đa các lĩnh vực cộng lại là {total}, không bằng index.max {max}",
        "the domains' maxima add up to {total}, not index.max {max}",
    ),
    "E-CRITERION-PROVENANCE": (
        "cần ghi nguồn gốc: 'reference' (văn bản quy định) hoặc 'basis' (căn cứ)",
        "needs provenance: a 'reference' to the decision or a 'basis'",
    ),
    "E-CRITERION-INNER-RULE": (
        "tiêu chí có tiêu chí thành phần được tính bằng 'sum' (hoặc không ghi quy tắc)",
        "a criterion with sub-criteria is scored by 'sum' (or give no rule)",
    ),
    "E-CRITERION-CHILDREN-SUM": (
        "điểm tối đa các mục con cộng lại là {total}",
        "its children's maxima add up to {total}",
    ),
    "E-CRITERION-LEAF-RULE": (
        "tiêu chí không có tiêu chí thành phần cần một quy tắc chấm; kind phải là một "
        "trong: {expected}",
        "a criterion without sub-criteria needs a rule; expected kind one of {expected}",
    ),
    "E-RULE-FACT-UNDECLARED": (
        "dùng một số liệu chưa khai báo; hãy khai báo nó trong [facts]",
        "refers to an undeclared fact; declare it under [facts]",
    ),
    "E-RULE-FACT-TYPE": (
        "quy tắc {kind} không đọc được số liệu kiểu {type}; số liệu phải có kiểu {expected}",
        "a {kind} rule cannot read a {type} fact; expected a fact of type {expected}",
    ),
    # ------------------------------------------------------------------ rules of each kind
    "E-RULE-BELOW-ZERO": ("có thể cho điểm dưới 0", "can award less than 0 points"),
    "E-RULE-ABOVE-MAX": (
        "có thể cho điểm cao hơn điểm tối đa {max} của tiêu chí",
        "can award more than the criterion's maximum {max}",
    ),
    "E-CHECKLIST-NOT-ITEM": (
        "không phải một mục của số liệu {fact}; phải là một trong: {expected}",
        "not an item of fact {fact}; expected one of {expected}",
    ),
    "E-CHECKLIST-ABOVE-MAX": (
        "cộng lại được {total}: có thể cho điểm cao hơn điểm tối đa {max} của tiêu chí",
        "add up to {total}: can award more than the criterion's maximum {max}",
    ),
    "E-CHECKLIST-NO-ITEMS": ("cần ít nhất một mục", "at least one item is required"),
    "E-LEVELS-NOT-LEVEL": (
        "không phải một mức của số liệu {fact}; phải là một trong: {expected}",
        "not a level of fact {fact}; expected one of {expected}",
    ),
    "E-LEVELS-NO-POINTS": (
        "mức {level} của số liệu {fact} chưa có điểm",
        "level {level} of fact {fact} has no points",
    ),
    "E-DEDUCTION-FACT-MIN": (
        "có thể cho điểm cao hơn điểm tối đa: số liệu cần min ≥ 0",
        "can award more than the maximum: the fact needs min ≥ 0",
    ),
    "E-RATIO-MIN-RATIO": (
        "phải từ 0 đến mức chỉ tiêu (target)",
        "must be between 0 and the target",
    ),
    "E-RATIO-FACT-MIN": (
        "có thể cho điểm dưới 0: số liệu cần min ≥ 0",
        "can award less than 0 points: the fact needs min ≥ 0",
    ),
    "E-RATIO-OF-SHARE": (
        "số liệu tỷ lệ đã là một phần của tổng; chỉ ghi 'of' cho số đếm hoặc số",
        "a ratio fact is already a share; give 'of' only for counts or numbers",
    ),
    "E-RATIO-ZERO-BASE": (
        "bằng 0, nên tỷ lệ {fact}/{of} của tiêu chí {code} không xác định",
        "is 0, so criterion {code}'s ratio {fact}/{of} is undefined",
    ),
    "E-RATIO-ABOVE-ONE": (
        "lớn hơn {of} ({base}), nên tỷ lệ của tiêu chí {code} sẽ vượt quá 1",
        "is more than {of} ({base}), so criterion {code}'s ratio would exceed 1",
    ),
    "E-STEPS-NONE": ("cần ít nhất một bậc", "at least one step is required"),
    "E-STEPS-OVERLAP": (
        "trùng với bậc trước, có cùng giá trị min",
        "overlaps the step before, which has the same min",
    ),
    "E-STEPS-ORDER": (
        "các bậc phải ghi từ min cao nhất xuống (bậc trước có min {min})",
        "steps must be listed from the highest min down (the step before has min {min})",
    ),
    "E-STEPS-FACT-MIN": (
        "số liệu không có giới hạn dưới nên các bậc không phủ hết được; hãy khai báo min "
        "của số liệu",
        "the fact has no lower bound, so the steps cannot cover it; declare its min",
    ),
    "E-STEPS-GAP": (
        "bỏ trống một khoảng: giá trị từ {low} đến dưới {lowest} không thuộc bậc nào",
        "leave a gap: values from {low} to below {lowest} match no step",
    ),
    # ------------------------------------------------------------------ facts and their values
    "E-FACT-BOUNDS": (
        "chỉ số liệu kiểu {takers} mới có giới hạn, kiểu {type} thì không",
        "only {takers} facts take bounds, not {type}",
    ),
    "E-FACT-MIN-ABOVE-MAX": ("không được lớn hơn max {max}", "must not exceed max {max}"),
    "E-FACT-KEY-TYPE": (
        "chỉ số liệu kiểu {type} mới có khóa này",
        "only {type} facts take this key",
    ),
    "E-FACT-FEW-NAMES": (
        "số liệu kiểu {type} cần ít nhất {least} mục",
        "a {type} fact needs at least {least} entries",
    ),
    "E-FACT-NAME-TWICE": ("bị ghi hai lần", "listed twice"),
    "E-FACT-BELOW-MIN": ("phải ≥ {min}", "must be ≥ {min}"),
    "E-FACT-ABOVE-MAX": ("phải ≤ {max}", "must be ≤ {max}"),
    "E-FACT-NOT-NUMBER": (
        "số liệu kiểu {type} phải là một số",
        "expected a number for a {type} fact",
    ),
    "E-COUNT-BOUND": (
        "giới hạn của số đếm phải là số nguyên không âm",
        "a count's bound must be a whole number ≥ 0",
    ),
    "E-COUNT-NOT-WHOLE": ("số đếm phải là số nguyên", "a count must be a whole number"),
    "E-RATIO-RANGE": (
        'tỷ lệ phải từ 0 đến 1 (ghi 91,3% là "91,3%" hoặc 0.913)',
        'a ratio must be between 0 and 1 (write 91,3% as "91,3%" or 0.913)',
    ),
    "E-LEVEL-UNKNOWN": (
        "không phải một mức của số liệu này; phải là một trong: {expected}",
        "not a level of this fact; expected one of {expected}",
    ),
    "E-CHECKLIST-NOT-ARRAY": (
        "phải là một mảng các mục đã làm",
        "expected an array of the items done",
    ),
    "E-CHECKLIST-ITEM-UNKNOWN": (
        "không phải một mục của danh mục này; phải là một số mục trong: {expected}",
        "not an item of this checklist; expected some of {expected}",
    ),
    "E-CHECKLIST-ITEM-TWICE": ("có mục bị ghi hai lần", "an item is listed twice"),
    # ------------------------------------------------------------------ evidence: facts, points
    "E-CODE-UNKNOWN": ("không có tiêu chí nào mang mã này", "no criterion has this code"),
    "E-EVIDENCE-FACT-TYPE": (
        "phải là một số, một chuỗi chữ, true/false hoặc danh sách các mục đã làm",
        "expected a number, a string, true/false, or a list of the items done",
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
    "E-EVIDENCE-FACTS-MISSING": (
        "thiếu số liệu (trong ngoặc: các tiêu chí cần nó): {listed}",
        "missing facts (in brackets: the criteria that need them): {listed}",
    ),
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
    "E-PLAN-TASK-ID-TWICE": ("mã nhiệm vụ bị trùng", "duplicate id"),
    "E-PLAN-NO-CRITERIA": (
        "phải ghi ít nhất một tiêu chí",
        "must name at least one criterion",
    ),
    "E-PLAN-NEGATIVE": ("phải là một số ≥ 0", "must be a number ≥ 0"),
    "E-PLAN-RANGE": ("phải là một số từ 0 đến {high}", "must be a number between 0 and {high}"),
    "E-PLAN-EFFECT-KIND": (
        "loại tác động không có; phải là một trong: {expected}",
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
        "loại cột {kind} không có; phải là một trong: {expected}",
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
        "có {cells} ô, nhưng dòng tiêu đề (dòng {line}) có {columns} cột; mỗi dòng phải có "
        "đủ một ô cho mỗi cột, để trống nếu không có gì",
        "{cells} cells, but the header (line {line}) has {columns} columns; a row must have "
        "a cell for every column, empty where nothing is given",
    ),
    "E-TABLE-CELLS-COMMA": (
        "có {cells} ô, nhưng dòng tiêu đề (dòng {line}) có {columns} cột; mỗi dòng phải có "
        "đủ một ô cho mỗi cột, để trống nếu không có gì (dấu phẩy thập phân không nằm trong "
        'ngoặc kép sẽ tách ô làm hai: hãy ghi "15,38" hoặc 15.38)',
        "{cells} cells, but the header (line {line}) has {columns} columns; a row must have "
        "a cell for every column, empty where nothing is given (an unquoted decimal comma "
        'splits a cell in two: write "15,38" or 15.38)',
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
    "E-ARGUMENT-DATE": (
        "phải là một ngày như '2023-06-30'",
        "expected a date such as '2023-06-30'",
    ),
    "E-ARGUMENT-PAIRS": (
        "phải là một dict, hoặc các cặp (tên, giá trị)",
        "expected a dict, or (name, value) pairs",
    ),
    "E-ARGUMENT-KEYS": ("các khóa phải là chuỗi chữ", "keys must be strings"),
    "E-ARGUMENT-TWICE": ("bị ghi hai lần", "given twice"),
    "E-ARGUMENT-PERIOD": ("phải là 'quarter' hoặc 'month'", "expected 'quarter' or 'month'"),
    "E-ARGUMENT-UNUSED-INT": (
        "phải là số nguyên ≥ 0 (giữ để tương thích, không dùng)",
        "must be an integer ≥ 0 (kept for compatibility, unused)",
    ),
    "E-ARGUMENT-DELIMITER": ("phải là ',', '\\t' hoặc ';'", "expected ',', '\\t' or ';'"),
}
