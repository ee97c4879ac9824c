"""Words of the command line, of an annex read as evidence, and of reconciliation."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ command line (cli)
    "cli.error": ("lỗi", "error"),
    "cli.argparse_required": (
        "thiếu tham số bắt buộc: {names}",
        "the following arguments are required: {names}",
    ),
    "cli.argparse_unknown": ("tham số không nhận ra: {names}", "unrecognized arguments: {names}"),
    "cli.argparse_choice": (
        "tham số {name}: giá trị {value} không hợp lệ (chọn một trong: {choices})",
        "argument {name}: invalid choice: {value} (choose from {choices})",
    ),
    "cli.argparse_one": (
        "tham số {name}: cần một giá trị",
        "argument {name}: expected one argument",
    ),
    "cli.argparse_value": (
        "tham số {name}: giá trị không hợp lệ: {value}",
        "argument {name}: invalid value: {value}",
    ),
    "cli.argparse_argument": ("tham số {name}: {detail}", "argument {name}: {detail}"),
    "cli.option_whole": (
        "phải là số nguyên ≥ 1 (nhận {value})",
        "expected a whole number ≥ 1, got {value}",
    ),
    "cli.option_year": (
        "phải là năm từ {low} đến {high} (nhận {value})",
        "expected a year between {low} and {high}, got {value}",
    ),
    "cli.option_ids": (
        "cần các mã nhiệm vụ, cách nhau bởi dấu phẩy",
        "expected task ids separated by commas",
    ),
    "cli.option_many_ids": (
        "tối đa {most} mã nhiệm vụ (nhận {n})",
        "at most {most} task ids, got {n}",
    ),
    "cli.option_date": (
        "phải là một ngày như 31/12/2023 hoặc 2023-12-31 (nhận {value})",
        "expected a date such as 2023-12-31, got {value}",
    ),
    "cli.option_long": (
        "phải là một số dài tối đa {most} ký tự (nhận {value})",
        "expected a number of at most {most} characters, got {value}",
    ),
    "cli.demo_reconcile": (
        "1. Kiểm tra số học của phụ lục thẩm định 2022",
        "1. The 2022 appraisal annex's arithmetic",
    ),
    "cli.demo_score": (
        "2. Điểm năm 2022 tính lại từ số liệu",
        "2. The 2022 score, recomputed from the facts",
    ),
    "cli.demo_project": (
        "3. Dự báo năm 2023 với kế hoạch khắc phục",
        "3. The 2023 projection with the remediation plan",
    ),
    "cli.demo_plan": (
        "4. Phương án tốt nhất với {budget} ngày công",
        "4. The best plan for {budget} person-days",
    ),
    "cli.internal": (
        "lỗi nội bộ: {detail}; xin báo lỗi kèm tệp đầu vào",
        "internal error: {detail}; please report it with the input file",
    ),
    "cli.more_problems.one": (
        "… và {n} lỗi khác (sửa các lỗi trên rồi chạy lại để xem tiếp)",
        "… and {n} more problem (fix those above and run again to see it)",
    ),
    "cli.more_problems.other": (
        "… và {n} lỗi khác (sửa các lỗi trên rồi chạy lại để xem tiếp)",
        "… and {n} more problems (fix those above and run again to see them)",
    ),
    "cli.range": (
        "{option}: phải từ {low} đến {high}, tối đa {places} chữ số thập phân (nhận {value})",
        "{option}: must be from {low} to {high}, with at most {places} decimal places "
        "(got {value})",
    ),
    "cli.range_open": (
        "{option}: phải lớn hơn {low} và không quá {high}, tối đa {places} chữ số thập phân "
        "(nhận {value})",
        "{option}: must be above {low} and at most {high}, with at most {places} decimal "
        "places (got {value})",
    ),
    "cli.wrote_appraisal": ("đã ghi {path}: {rows}", "wrote {path}: {rows}"),
    "cli.evidence_header": (
        "Số liệu kiểm chứng đọc từ {annex} theo bộ tiêu chí {rules} (cchc-score import-annex): "
        "điểm thẩm định của từng tiêu chí.",
        "Evidence read from {annex} for the rules {rules} (cchc-score import-annex): the "
        "appraised points of every criterion.",
    ),
    "cli.wrote_evidence": (
        "đã ghi {path}: điểm thẩm định của mọi tiêu chí trong {rules}; chạy score, explain, "
        "project với tệp này",
        "wrote {path}: the appraised points of every criterion of {rules}; score, explain and "
        "project it",
    ),
    "cli.wrote_plan": (
        "đã ghi {path}: {tasks}; tác động của mỗi nhiệm vụ mặc định là 'restore' (đưa "
        "tiêu chí về điểm tối đa): sửa [tasks.effect] của từng nhiệm vụ để nói rõ nó thay đổi "
        "gì, và thêm effort (số ngày công) và probability (khả năng hoàn thành)",
        "wrote {path}: {tasks}; every effect defaults to 'restore' (the criterion back to its "
        "maximum): edit each task's [tasks.effect] to say what it changes, and add effort and "
        "probability",
    ),
    "cli.wrote_ranking": ("đã ghi {path}: xếp hạng {units}", "wrote {path}: {units} ranked"),
    "cli.not_ranked": (
        "{bad}/{units} không được xếp hạng: số liệu kiểm chứng có vấn đề (liệt kê trong báo cáo)",
        "{bad} of {units} not ranked: their evidence has problems (listed in the report)",
    ),
    "cli.names_no_rules": (
        "{file} không ghi bộ tiêu chí: hãy dùng --rules R",
        "{file} names no rules: give --rules R",
    ),
    "cli.stdin_needs_rules": (
        "bảng đọc từ đầu vào chuẩn (-) cần --rules R: nó chỉ đọc được một lần",
        "a table read from standard input (-) needs --rules R: it can be read only once",
    ),
    "cli.units_name_no_rules": (
        "các đơn vị trong {source} không ghi bộ tiêu chí: hãy dùng --rules R",
        "the units in {source} name no rules: give --rules R",
    ),
    "cli.units_name_rules": (
        "các đơn vị trong {source} ghi các bộ tiêu chí khác nhau ({names}): hãy dùng --rules R",
        "the units in {source} name different rules ({names}): give --rules R",
    ),
    "cli.no_criterion": (
        "không có tiêu chí {code} trong {rules}",
        "no criterion {code} in {rules}",
    ),
    "cli.xlsx_needs_out": (
        "--format xlsx ghi ra một tệp Excel: hãy dùng --out TỆP.xlsx",
        "--format xlsx writes a workbook: give --out FILE.xlsx",
    ),
    "cli.plan_needs": (
        "plan: cần --budget N (số ngày công), --target MỨC, hoặc cả hai",
        "plan: give --budget N (person-days), --target RATING, or both",
    ),
    "cli.target": (
        "--target: {value} không phải là số điểm hay tên một mức xếp loại ({names})",
        "--target: {value} is neither a number nor a rating ({names})",
    ),
    # ------------------------------------------------------------------ observed points
    "observed.not_listed": (
        "Phụ lục chỉ liệt kê các tiêu chí bị trừ điểm: các tiêu chí khác được tính điểm tối đa.",
        "The annex lists only the criteria that lost points: the others are at their maximum.",
    ),
    "observed.text_taken": (
        "Tiêu chí {code} (dòng {line}): lấy điểm trừ ghi trong văn bản ({stated}), không lấy "
        "điểm tối đa − điểm chấm ({computed}).",
        "Criterion {code} (line {line}): the deduction its text states ({stated}) is taken, "
        "not max − score ({computed}).",
    ),
    "observed.folded": (
        "Tiêu chí {code} (dòng {line}) không có trong bộ tiêu chí {rules}: {points} điểm trừ "
        "của nó được tính vào {residual}.",
        "Criterion {code} (line {line}) is not in the rules {rules}: its deduction of "
        "{points} is counted in {residual}.",
    ),
    "observed.residual": (
        "{code} được {points} điểm để {parent} bằng {stated} điểm như phụ lục ghi.",
        "{code} gets {points} points so that {parent} is {stated}, as the annex states.",
    ),
    "observed.criteria_taken": (
        "{code}: phụ lục ghi {stated} điểm nhưng các tiêu chí liệt kê cho {listed} điểm; "
        "lấy theo các tiêu chí.",
        "{code}: the annex states {stated} but the criteria it lists give {listed}; the "
        "criteria are taken.",
    ),
    # ------------------------------------------------------------------ reconcile
    # {row} names the row; {stated}/{computed} are the numbers; {stated_text}/{computed_text}
    # the words (for ratings).
    "reconcile.deduction_mismatch": (
        "{row}: văn bản ghi bị trừ {stated} điểm, nhưng điểm tối đa − điểm chấm "
        "là {computed} điểm.",
        "{row}: the text states a deduction of {stated}, but max − score is {computed}.",
    ),
    "reconcile.criteria_sum_mismatch": (
        "{row}: bị trừ {stated} điểm, nhưng các tiêu chí liệt kê bên dưới cộng lại "
        "bị trừ {computed} điểm.",
        "{row}: its deduction is {stated}, but the deductions of the criteria listed "
        "under it add up to {computed}.",
    ),
    "reconcile.subdomain_sum_mismatch": (
        "{row}: bị trừ {stated} điểm, nhưng các nhóm tiêu chí liệt kê bên dưới "
        "cộng lại bị trừ {computed} điểm.",
        "{row}: its deduction is {stated}, but the deductions of the sub-domains listed "
        "under it add up to {computed}.",
    ),
    "reconcile.total_mismatch": (
        "{row}: ghi tổng {stated} điểm, nhưng điểm các lĩnh vực cộng lại là {computed} điểm.",
        "{row}: the stated total is {stated}, but the domain scores add up to {computed}.",
    ),
    "reconcile.score_above_max": (
        "{row}: điểm chấm {stated} cao hơn điểm tối đa {computed}.",
        "{row}: the score {stated} is above the maximum {computed}.",
    ),
    "reconcile.score_below_zero": (
        "{row}: điểm chấm {stated} nhỏ hơn 0.",
        "{row}: the score {stated} is below 0.",
    ),
    "reconcile.max_mismatch": (
        "{row}: phụ lục ghi điểm tối đa {stated}, nhưng bộ tiêu chí quy định {computed}.",
        "{row}: the annex gives a maximum of {stated}, but the rules give {computed}.",
    ),
    "reconcile.unknown_code": (
        "{row}: bộ tiêu chí không có mã này.",
        "{row}: the rules have no criterion with this code.",
    ),
    "reconcile.rating_mismatch": (
        "{row}: phụ lục ghi “{stated_text}”, nhưng theo bộ tiêu chí tổng {stated} "
        "điểm được xếp loại “{computed_text}”.",
        "{row}: the annex states {stated_text!r}, but the rules rate a total of "
        "{stated} as {computed_text!r}.",
    ),
    "reconcile.missing_points": (
        "{row}: thiếu điểm tối đa hoặc điểm chấm nên không kiểm tra được.",
        "{row}: the maximum or the score is missing, so its arithmetic cannot be checked.",
    ),
    "reconcile.duplicate_code": (
        "{row}: mã này xuất hiện nhiều lần; chỉ dòng đầu tiên được tính vào tổng.",
        "{row}: this code is listed more than once; only its first row is counted in the sums.",
    ),
    "reconcile.missing_reason": (
        "{row}: không ghi lý do bị trừ điểm.",
        "{row}: no reason is given for the lost points.",
    ),
    "reconcile.missing_task": (
        "{row}: không ghi nhiệm vụ/giải pháp.",
        "{row}: no task is given.",
    ),
    "reconcile.missing_lead": (
        "{row}: không ghi đơn vị chủ trì.",
        "{row}: no lead unit is given.",
    ),
    "reconcile.missing_deadline": (
        "{row}: không ghi thời hạn hoàn thành.",
        "{row}: no deadline is given.",
    ),
    "reconcile.row_rating": ("Xếp loại", "The rating"),
    "reconcile.row_total": ("Tổng điểm", "The total"),
    "reconcile.row_domain": ("Lĩnh vực {code}", "Domain {code}"),
    "reconcile.row_criterion": ("Tiêu chí {code}", "Criterion {code}"),
    "reconcile.row_line": ("{row} (dòng {line})", "{row} (line {line})"),
    # What the disagreements cost: the total each way, parts joined by "; ".
    "reconcile.total_domains": (
        "các lĩnh vực như đã ghi cộng lại được {points} điểm",
        "the domains as stated add to {points}",
    ),
    "reconcile.total_stated": ("tổng điểm ghi là {points} điểm", "the stated total is {points}"),
    "reconcile.total_criteria": (
        "các tiêu chí như đã liệt kê cho {points} điểm",
        "the criteria as listed give {points}",
    ),
    "reconcile.total_rules": (
        "tính lại theo bộ tiêu chí được {points} điểm",
        "recomputed under the rules, {points}",
    ),
    "reconcile.total_evidence": (
        "tính lại từ số liệu được {points} điểm",
        "recomputed from the evidence, {points}",
    ),
    "reconcile.alone": (
        "Lĩnh vực không liệt kê tiêu chí nào, giữ điểm ghi của chính nó: {codes}.",
        "Domains with no criterion listed keep their own stated points: {codes}.",
    ),
    "reconcile.text_taken": (
        "{row}: lấy điểm trừ ghi trong văn bản ({stated}), không lấy điểm tối đa − điểm chấm "
        "({computed}).",
        "{row}: the deduction its text states ({stated}) is taken, not max − score ({computed}).",
    ),
}
