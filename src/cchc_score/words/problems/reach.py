"""Problems the loader finds by proving each criterion's maximum and minimum reachable and
checking each rule's direction against its facts' declared ``better``."""

WORDS: dict[str, tuple[str, str]] = {
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
}
