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
    # ------------------------------------------------------------------ values in any input
    "E-RULES-NOT-POSITIVE": ("phải lớn hơn 0", "must be > 0"),
    # ------------------------------------------------------------------ rules that extend others
    "E-EXTENDS-NOT-A-NAME": (
        "cần tên một bộ tiêu chí có sẵn hoặc đường dẫn tới tệp tiêu chí",
        "expected the name of a bundled rules file or a path to a rules file",
    ),
    "E-EXTENDS-CYCLE": (
        "các tệp kế thừa nhau thành vòng: {chain}",
        "the files extend each other in a cycle: {chain}",
    ),
    "E-EXTENDS-TOO-LONG": (
        "chuỗi kế thừa dài quá {limit} tệp",
        "the chain of files that extend each other is longer than {limit}",
    ),
    "E-EXTENDS-UNREADABLE": ("không đọc được tệp được kế thừa", "the parent file cannot be read"),
    "E-EXTENDS-WITHOUT-PARENT": (
        "chỉ dùng được trong tệp có 'extends'",
        "only a file that has 'extends' may use this table",
    ),
    "E-EXTENDS-REMOVE-TABLE": (
        "cần một bảng [remove] với criteria, facts hoặc bands",
        "expected a [remove] table of criteria, facts or bands",
    ),
    "E-EXTENDS-REMOVE-KEY": (
        "không bỏ được loại này; chỉ bỏ được {allowed}",
        "cannot remove this; expected one of {allowed}",
    ),
    "E-EXTENDS-REMOVE-NAMES": (
        "cần một danh sách tên (chuỗi)",
        "expected a list of names (strings)",
    ),
    "E-EXTENDS-REMOVE-UNKNOWN-CRITERIA": (
        "tệp được kế thừa không có tiêu chí mã này",
        "the parent has no criterion with this code",
    ),
    "E-EXTENDS-REMOVE-UNKNOWN-FACTS": (
        "tệp được kế thừa không khai báo dữ kiện này",
        "the parent declares no fact by this name",
    ),
    "E-EXTENDS-REMOVE-UNKNOWN-BANDS": (
        "tệp được kế thừa không có mức xếp loại này",
        "the parent has no rating band by this name",
    ),
    "E-EXTENDS-REMOVED-FACT-READ": (
        "dữ kiện đã bỏ vẫn được tiêu chí {code} sử dụng",
        "a removed fact that criterion {code} still reads",
    ),
    "E-RENAMED-TABLE": (
        'cần một bảng [renamed] dạng tên_cũ = "tên_mới"',
        'expected a [renamed] table of old_name = "new_name"',
    ),
    "E-RENAMED-NOT-A-NAME": (
        "cần tên mới của dữ kiện (chuỗi)",
        "expected the fact's new name (a string)",
    ),
    "E-RENAMED-UNKNOWN": (
        "tệp được kế thừa không khai báo dữ kiện này",
        "the parent declares no fact by this name",
    ),
    "E-RENAMED-TAKEN": (
        "tên mới đã là một dữ kiện của tệp được kế thừa",
        "the new name is already a fact of the parent",
    ),
    "E-RENAMED-UNDECLARED": (
        "tên mới không phải dữ kiện được khai báo",
        "the new name is not a declared fact",
    ),
    "E-RENAMED-STILL-DECLARED": (
        "tên cũ vẫn được khai báo là dữ kiện",
        "the old name is still declared as a fact",
    ),
    # ------------------------------------------------------------------ cases files
    "E-CASES-DUPLICATE": ("trùng tên trường hợp", "duplicate case name"),
    "E-CASES-BASE": (
        "chưa có trường hợp nào tên này ở phía trên",
        "no case by this name comes before it",
    ),
    "E-CASES-NONE": (
        "cần ít nhất một trường hợp [[cases]]",
        "at least one [[cases]] table is required",
    ),
    "E-CASES-NO-RULES": (
        "tệp không nêu bộ tiêu chí (rules = ...); hãy nêu trên dòng lệnh",
        "the file names no rules (rules = ...); give them on the command line",
    ),
    # ------------------------------------------------------------------ provenance of a rule
    "E-RULES-PROVENANCE": ("cần một trong {allowed}", "expected one of {allowed}"),
    "E-RULES-CARRY": ("cần một trong {allowed}", "expected one of {allowed}"),
    # ------------------------------------------------------------------ rules: reach, direction
    # (the loader proves each criterion's maximum and minimum reachable, and checks that each
    # rule's direction agrees with its facts' declared ``better``)
    "E-RULES-MAX-UNREACHABLE": (
        "không thể đạt điểm tối đa {top}: quy tắc cho nhiều nhất {best}",
        "the maximum {top} cannot be reached: the rule gives at most {best}",
    ),
    "E-RULES-MIN-UNREACHABLE": (
        "không thể đạt điểm thấp nhất {floor}: quy tắc cho ít nhất {least}",
        "the lowest points {floor} cannot be reached: the rule gives at least {least}",
    ),
    "E-RULES-RATIO-NEEDS-OF": (
        "tỷ lệ trên một số đếm cần 'of' (số đếm làm mẫu số)",
        "a ratio on a count needs 'of' (the count it is a share of)",
    ),
    "E-RULES-RATIO-TARGET-UNREACHABLE": (
        "mục tiêu lớn hơn {high}, giá trị lớn nhất có thể, nên không thể đạt điểm tối đa {top}",
        "is above {high}, the most the value can be, so the maximum {top} cannot be reached",
    ),
    "E-RULES-RATIO-DENOMINATOR-ZERO": (
        "mẫu số có thể bằng 0 (min của dữ kiện: {low}); khai báo min ≥ 1",
        "the denominator can be 0 (the fact's min: {low}); declare its min ≥ 1",
    ),
    "E-RULES-RATIO-NUMERATOR-ABOVE": (
        "tử số có max {high} lớn hơn max {under} của mẫu số '{of}': tỷ lệ không thể vượt 1",
        "the numerator's max {high} is above the max {under} of its denominator '{of}': "
        "a share cannot exceed 1",
    ),
    "E-RULES-RATIO-NUMERATOR-MIN": (
        "tử số có min {low} lớn hơn max {under} của mẫu số '{of}': không có số liệu nào hợp lệ",
        "the numerator's min {low} is above the max {under} of its denominator '{of}': "
        "no evidence is valid",
    ),
    "E-RULES-CHECKLIST-SHORT": (
        "các mục cộng lại được {total}, không bằng điểm tối đa {top}",
        "the items add up to {total}, not the maximum {top}",
    ),
    "E-RULES-CHECKLIST-ZERO": (
        "một mục 0 điểm không làm thay đổi điểm",
        "an item worth 0 points changes nothing",
    ),
    "E-RULES-BANDS-EMPTY": (
        "'below' phải lớn hơn min {min} của mức",
        "'below' must be above the step's min {min}",
    ),
    "E-RULES-BANDS-GAP": (
        "để hở: giá trị từ {low} đến dưới {high} không thuộc mức nào",
        "leaves a gap: values from {low} to below {high} match no step",
    ),
    "E-RULES-BANDS-GAP-ABOVE": (
        "để hở: giá trị từ {low} trở lên không thuộc mức nào",
        "leaves a gap: values from {low} up match no step",
    ),
    "E-RULES-BANDS-OVERLAP": (
        "chồng lên mức trên, mức đó bắt đầu từ {high}",
        "overlaps the step above, which starts at {high}",
    ),
    "E-RULES-BANDS-STEP-UNREACHABLE": (
        "mức này không bao giờ khớp: dữ kiện chỉ nhận giá trị từ {low} đến {high}",
        "this step never matches: the fact's values are from {low} to {high}",
    ),
    "E-RULES-DIRECTION-HIGHER": (
        "quy tắc cho nhiều điểm hơn khi giá trị cao hơn, nhưng dữ kiện khai báo "
        'better = "{better}"',
        'the rule gives more points for higher values, but the fact declares better = "{better}"',
    ),
    "E-RULES-DIRECTION-LOWER": (
        "quy tắc cho nhiều điểm hơn khi giá trị thấp hơn, nhưng dữ kiện khai báo "
        'better = "{better}"',
        'the rule gives more points for lower values, but the fact declares better = "{better}"',
    ),
    "E-RULES-DIRECTION-MIXED": (
        "điểm của quy tắc lúc tăng lúc giảm theo giá trị, nhưng dữ kiện khai báo "
        'better = "{better}"; nếu cố ý, khai báo better = "none"',
        "the rule's points go up and down as the value rises, but the fact declares "
        'better = "{better}"; if that is meant, declare better = "none"',
    ),
    "W-RULES-DIRECTION-NONE": (
        'dữ kiện khai báo better = "none" nhưng quy tắc {kind} cho điểm theo nó: kiểm tra '
        "đơn điệu bỏ qua dữ kiện này; hãy khai báo hướng tốt hơn",
        'the fact declares better = "none" but a {kind} rule scores it: the monotone check '
        "skips it; declare which way is better",
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
