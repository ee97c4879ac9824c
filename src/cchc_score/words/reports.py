"""Words of the reports: scorecards, ledgers, findings, projections, plans and batches."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ reports (report/)
    "report.ruleset_summary": (
        "{source}: hợp lệ: {name}; {max} điểm, {domains}, {criteria} "
        "({leaves} tiêu chí chấm theo quy tắc hoặc theo thẩm định), {facts}, {bands}",
        "{source}: OK: {name}; {max} points, {domains}, {criteria} "
        "({leaves} scored by rules or appraisal), {facts}, {bands}",
    ),
    "report.code": ("Mã", "Code"),
    "report.name": ("Lĩnh vực, tiêu chí", "Domain, criterion"),
    "report.max": ("Điểm tối đa", "Maximum"),
    "report.points": ("Điểm đạt", "Points"),
    "report.deduction": ("Điểm trừ", "Deduction"),
    "report.total": ("Tổng điểm", "Total"),
    "report.rating": ("Xếp loại", "Rating"),
    "report.no_rating": ("không xếp loại", "no rating"),
    "report.unit": ("Đơn vị: {unit}", "Unit: {unit}"),
    "report.unit_year": ("Đơn vị: {unit}, năm {year}", "Unit: {unit}, year {year}"),
    # The ledger's old header, kept for callers that still count criteria and domains as one
    # (the notebook's summary); the ledger itself says them apart (report.lost_head).
    "report.ledger": (
        "Các tiêu chí bị trừ điểm ({n}, trừ {lost} điểm)",
        "Criteria that lost points ({n}, lost {lost})",
    ),
    "report.ledger_node": (
        "Điểm của {code} và các tiêu chí thành phần",
        "Points of {code} and everything under it",
    ),
    "report.no_loss": ("Không có tiêu chí nào bị trừ điểm.", "No criterion lost points."),
    # Provenance of a criterion: the decision that defines it, and what was seen or assumed.
    "report.reference": ("Căn cứ", "Reference"),
    "report.basis": ("Cơ sở xác định", "Basis"),
    "report.findings_none": ("Không có sai lệch nào.", "No inconsistency found."),
    "report.findings_count": ("{errors}, {warnings}", "{errors}, {warnings}"),
    "report.severity": ("Mức", "Severity"),
    "report.severity_error": ("lỗi", "error"),
    "report.severity_warning": ("cảnh báo", "warning"),
    "report.line": ("Dòng", "Line"),
    "report.finding": ("Nội dung", "Finding"),
    "report.row_name": ("Tên", "Name"),
    "report.row_max": ("Tối đa", "Maximum"),
    "report.row_score": ("Điểm chấm", "Score"),
    "report.row_stated": ("Trừ (ghi)", "Deduction (stated)"),
    "report.task": ("Nhiệm vụ", "Task"),
    "report.lead": ("Chủ trì", "Lead"),
    "report.deadline": ("Thời hạn", "Deadline"),
    "report.date": ("Ngày", "Date"),
    "report.stated_total": ("Tổng điểm ghi: {total}", "Stated total: {total}"),
    # The consequence of a reconciliation: points by domain (report/findings.py).
    "report.domains": ("Điểm theo lĩnh vực", "Points by domain"),
    "report.domain": ("Lĩnh vực", "Domain"),
    "report.domain_stated": ("Điểm ghi", "Stated"),
    "report.domain_criteria": ("Số tiêu chí", "Criteria"),
    "report.domain_deductions": ("Trừ theo tiêu chí", "Criteria lost"),
    "report.domain_from_criteria": ("Điểm theo tiêu chí", "From criteria"),
    "report.domain_rules": ("Tính lại theo bộ tiêu chí", "Under the rules"),
    "report.domain_evidence": ("Tính lại từ số liệu", "From the evidence"),
    "report.domain_check": ("Đối chiếu", "Check"),
    "report.domain_agrees": ("khớp", "agrees"),
    "report.domain_differs": ("lệch", "differs"),
    "batch.ranking": (
        "Xếp hạng {units} theo bộ tiêu chí {rules}",
        "Ranking of {units} under {rules}",
    ),
    "batch.rank": ("Hạng", "Rank"),
    "batch.top_shown": (
        "Chỉ hiện {shown} đơn vị đầu trong {n} đơn vị (--top); CSV, JSON, xlsx và html có đủ "
        "mọi đơn vị.",
        "Showing the first {shown} of {n} units (--top); CSV, JSON, xlsx and html hold them all.",
    ),
    "batch.loss_columns": (
        "Các cột là {shown} đơn vị đầu bảng xếp hạng trong {n} đơn vị (chọn số cột bằng "
        "--top N); số đơn vị bị trừ và điểm bị trừ tính trên cả {n} đơn vị; CSV, JSON, xlsx và "
        "html có cột cho mọi đơn vị.",
        "The columns are the first {shown} of the {n} units of the ranking (choose how many "
        "with --top N); units losing points and points lost count all {n} units; CSV, JSON, "
        "xlsx and html have a column for every unit.",
    ),
    "batch.top_columns": (
        "Các cột là {shown} đơn vị đầu bảng xếp hạng (--top); số đơn vị bị trừ và điểm bị trừ "
        "tính trên cả {n} đơn vị.",
        "The columns are the first {shown} units of the ranking (--top); units losing points "
        "and points lost count all {n} units.",
    ),
    "batch.tied": ("Đồng hạng", "Tied"),
    "batch.tied_cell": ("đồng hạng", "tied"),
    "batch.unit": ("Đơn vị", "Unit"),
    "batch.total": ("Tổng điểm", "Total"),
    "batch.rating": ("Xếp loại", "Rating"),
    "batch.tie": (
        "Dấu {mark} sau hạng: đồng hạng (cùng tổng điểm).",
        "{mark} after a rank: tied (the same total).",
    ),
    "batch.none_ranked": ("Không có đơn vị nào được xếp hạng.", "No unit was ranked."),
    "batch.losses": (
        "Điểm bị trừ theo tiêu chí ({criteria}; tổng cộng {lost} điểm bị trừ)",
        "Points lost by criterion ({criteria}; {lost} points lost in all)",
    ),
    "batch.no_loss": ("Không đơn vị nào bị trừ điểm.", "No unit lost points."),
    "batch.code": ("Mã", "Code"),
    "batch.criterion": ("Tiêu chí", "Criterion"),
    "batch.max": ("Tối đa", "Maximum"),
    "batch.units_lost": ("Số ĐV bị trừ", "Units losing"),
    "batch.lost": ("Tổng trừ", "Total lost"),
    "batch.sum": ("Cộng", "Total"),
    "batch.invalid": (
        "Đơn vị chưa được xếp hạng vì số liệu có lỗi ({n})",
        "Units not ranked because their evidence has problems ({n})",
    ),
    "batch.no_name": ("(không có tên)", "(no name)"),
    "batch.sheet_ranking": ("Xếp hạng", "Ranking"),
    "batch.sheet_losses": ("Điểm trừ", "Deductions"),
    "batch.sheet_invalid": ("Số liệu có lỗi", "Invalid evidence"),
    "batch.problems": ("Lỗi", "Problems"),
    "batch.where": ("Nơi", "Where"),
    # ------------------------------------------------------------------ projection and plans
    "projection.title": (
        "Dự báo điểm khi thực hiện kế hoạch khắc phục (đánh giá ngày {date})",
        "Projected score with the remediation plan (assessed on {date})",
    ),
    "projection.baseline": ("Điểm hiện tại", "Score now"),
    "projection.all_done": ("Nếu hoàn thành mọi nhiệm vụ", "If every task is done"),
    "projection.chosen": (
        "Nếu hoàn thành các nhiệm vụ đã chọn ({n})",
        "If the chosen tasks are done ({n})",
    ),
    "projection.expected": (
        "Kỳ vọng (theo xác suất hoàn thành)",
        "Expected (with completion probabilities)",
    ),
    "projection.std": ("độ lệch chuẩn", "standard deviation"),
    "projection.quantiles": ("Phân vị 10% / 50% / 90%", "10% / 50% / 90% quantiles"),
    "projection.ratings": ("Xác suất xếp loại", "Rating probabilities"),
    "projection.target": ("Xác suất đạt {total} điểm", "Probability of reaching {total}"),
    "projection.timeline": ("Tiến độ theo thời hạn", "Timeline by deadline"),
    "projection.date": ("Ngày", "Date"),
    "projection.total": ("Điểm nếu xong", "Total if done"),
    "projection.exp": ("Kỳ vọng", "Expected"),
    "projection.tasks": ("Số nhiệm vụ", "Tasks"),
    "projection.gains": ("Đóng góp của từng nhiệm vụ", "What each task adds"),
    "projection.task": ("Nhiệm vụ", "Task"),
    "projection.alone": ("Riêng lẻ", "Alone"),
    "projection.last": ("Làm sau cùng", "As last"),
    "projection.prob": ("Xác suất", "Probability"),
    "projection.effort": ("Công (ngày)", "Effort (days)"),
    "projection.domains": ("Theo lĩnh vực", "By domain"),
    "projection.code": ("Mã", "Code"),
    "projection.max": ("Tối đa", "Max"),
    "projection.now": ("Hiện tại", "Now"),
    "projection.then": ("Dự báo", "Projected"),
    "projection.not_counted": (
        "Không tính (thời hạn sau ngày đánh giá): {ids}",
        "Not counted (due after the assessment date): {ids}",
    ),
    "projection.defaulted": (
        "Chưa nêu tác động, mặc định khôi phục điểm tối đa: {ids}",
        "Effect not stated, restoring the maximum by default: {ids}",
    ),
    "projection.next": (
        "Theo bộ tiêu chí năm sau: {total} điểm",
        "Under next year's rules: {total}",
    ),
    "projection.carry": ("Không chuyển được: {item}", "Does not carry over: {item}"),
    "plan.title": (
        "Nhiệm vụ nên làm với {budget} ngày công",
        "Tasks to do with {budget} person-days",
    ),
    "plan.chosen": ("Chọn", "Chosen"),
    "plan.effort": ("Công", "Effort"),
    "plan.expected": ("Điểm kỳ vọng", "Expected total"),
    "plan.baseline": ("Hiện tại", "Now"),
    "plan.frontier": (
        "Điểm kỳ vọng tốt nhất theo số ngày công",
        "Best expected total by budget",
    ),
    "plan.budget": ("Ngày công", "Budget"),
    "plan.tasks": ("Nhiệm vụ", "Tasks"),
    "plan.target": (
        "Rẻ nhất để đạt {what} với xác suất ≥ {q}: {ids} ({effort} ngày công, xác suất {p})",
        "Cheapest to reach {what} with probability ≥ {q}: {ids} ({effort} person-days, "
        "probability {p})",
    ),
    "plan.target_none": (
        "Không có tập nhiệm vụ nào đạt {what} với xác suất ≥ {q}.",
        "No set of tasks reaches {what} with probability ≥ {q}.",
    ),
    "plan.unproven": (
        " (dừng ở giới hạn tìm kiếm: có thể còn phương án rẻ hơn)",
        " (stopped at the search limit: a cheaper set may exist)",
    ),
}
