"""Problems of a rules file: its tables, rating bands, criteria tree, rules and facts."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ rules files
    "E-RULES-NO-SUCH-NAME": (
        "không có tệp này, cũng không có bộ tiêu chí có sẵn nào tên như vậy; các bộ có sẵn: "
        "{bundled}",
        "no such file, and no bundled rules by that name; bundled: {bundled}",
    ),
    "E-RULES-TOP-KEY": (
        "khóa cấp ngoài cùng không hợp lệ; chỉ dùng được: {expected}",
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
        "không có loại quy tắc này; phải là một trong: {expected}",
        "unknown rule kind; expected one of {expected}",
    ),
    "E-FACT-NAME": (
        "tên số liệu chỉ gồm chữ cái, chữ số và dấu _ (không bắt đầu bằng chữ số)",
        "a fact name must be letters, digits and _ (not first a digit)",
    ),
    "E-FACT-TYPE": (
        "không có kiểu số liệu này; phải là một trong: {expected}",
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
    # ------------------------------------------------------------------ criteria tree
    "E-CRITERION-CODE-TWICE": ("mã bị trùng", "duplicate code"),
    "E-CRITERION-CODE-DOMAIN": (
        "mã tiêu chí bắt đầu bằng số thứ tự lĩnh vực của nó, từ 1 đến {max}",
        "a criterion code starts with its domain's number, 1 to {max}",
    ),
    "E-DOMAIN-CODE-ROMAN": (
        "mã lĩnh vực phải là số La Mã từ I đến {max}",
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
    # ------------------------------------------------------------------ English texts of facts
    "E-FACT-ONE-ONLY-COUNT": (
        "chỉ dữ kiện loại đếm (count) mới có khóa này, không phải {type}",
        "only count facts take this key, not {type}",
    ),
    "E-FACT-ENGLISH-TYPE": (
        "chỉ dữ kiện loại {type} mới có khóa này",
        "only {type} facts take this key",
    ),
    "E-FACT-ENGLISH-COUNT": (
        "cần đúng một bản tiếng Anh cho mỗi mục trong {n} mục {key}",
        "expected one English text for each of the {n} {key}",
    ),
}
