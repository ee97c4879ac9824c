"""Words of the report files (``cchc-score report``, ``rank --out …html``): the unit's
workbook, the Word plan annex and the HTML page."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ the workbook's sheets
    "unitreport.sheet_summary": ("Tổng hợp", "Summary"),
    "unitreport.sheet_deductions": ("Điểm trừ", "Deductions"),
    "unitreport.sheet_checks": ("Kiểm tra", "Checks"),
    "unitreport.sheet_projection": ("Dự báo", "Projection"),
    "unitreport.sheet_plan": ("Kế hoạch", "Plan"),
    # ------------------------------------------------------------------ column headers
    "unitreport.code": ("Mã", "Code"),
    "unitreport.domain": ("Lĩnh vực", "Domain"),
    "unitreport.criterion": ("Tiêu chí", "Criterion"),
    "unitreport.max": ("Điểm tối đa", "Maximum"),
    "unitreport.appraised": ("Điểm thẩm định (phụ lục)", "Appraised (annex)"),
    "unitreport.recomputed": ("Điểm tính lại", "Recomputed"),
    "unitreport.points": ("Điểm đạt", "Points"),
    "unitreport.deduction": ("Điểm trừ", "Deduction"),
    "unitreport.projected": ("Điểm dự kiến", "Projected"),
    "unitreport.rule": ("Cách tính", "Rule"),
    "unitreport.inputs": ("Số liệu", "Inputs"),
    "unitreport.explanation": ("Giải thích", "Explanation"),
    "unitreport.reason": ("Lý do bị trừ điểm", "Reason"),
    "unitreport.basis": ("Căn cứ, cơ sở", "Reference, basis"),
    "unitreport.severity": ("Mức", "Severity"),
    "unitreport.line": ("Dòng", "Line"),
    "unitreport.finding": ("Nội dung", "Finding"),
    "unitreport.stated": ("Số ghi", "Stated"),
    "unitreport.computed": ("Số tính", "Computed"),
    "unitreport.error": ("lỗi", "error"),
    "unitreport.warning": ("cảnh báo", "warning"),
    "unitreport.no_findings": ("Không có sai lệch nào.", "No inconsistency found."),
    "unitreport.task_id": ("Mã nhiệm vụ", "Task id"),
    "unitreport.task": ("Nhiệm vụ, giải pháp", "Task"),
    "unitreport.criteria": ("Tiêu chí", "Criteria"),
    "unitreport.lead": ("Đơn vị chủ trì", "Lead"),
    "unitreport.partners": ("Đơn vị phối hợp", "Partners"),
    "unitreport.deadline": ("Thời hạn", "Deadline"),
    "unitreport.effort": ("Công (ngày)", "Effort (days)"),
    "unitreport.probability": ("Xác suất hoàn thành", "Probability"),
    "unitreport.gain_alone": ("Điểm tăng (riêng lẻ)", "Gain (alone)"),
    "unitreport.gain_last": ("Điểm tăng (làm sau cùng)", "Gain (as last)"),
    "unitreport.chosen": ("Nên làm trước", "Do first"),
    "unitreport.counted": ("Tính đến ngày đánh giá", "Counted by the date"),
    "unitreport.yes": ("có", "yes"),
    "unitreport.no": ("không", "no"),
    "unitreport.total": ("Tổng điểm", "Total"),
    "unitreport.rating": ("Xếp loại", "Rating"),
    "unitreport.item": ("Chỉ tiêu", "Measure"),
    "unitreport.value": ("Giá trị", "Value"),
    "unitreport.from": ("Từ (điểm)", "From (points)"),
    "unitreport.cumulative": ("Xác suất tích lũy", "Cumulative"),
    "unitreport.std": ("Độ lệch chuẩn", "Standard deviation"),
    "unitreport.p10": ("Phân vị 10%", "10% quantile"),
    "unitreport.p50": ("Trung vị", "Median"),
    "unitreport.p90": ("Phân vị 90%", "90% quantile"),
    "unitreport.budget": ("Số ngày công có", "Budget (person-days)"),
    "unitreport.best_effort": ("Số ngày công dùng", "Effort used"),
    "unitreport.best_expected": ("Điểm kỳ vọng", "Expected total"),
    "unitreport.band_min": ("Từ {min} điểm", "From {min} points"),
    "unitreport.chance": ("Xác suất", "Probability"),
    "unitreport.unit": ("Đơn vị", "Unit"),
    "unitreport.year": ("Năm", "Year"),
    "unitreport.rules": ("Bộ tiêu chí", "Rules"),
    # The kinds of rule, as the deductions sheet names them.
    "unitreport.kind_ratio": ("tỷ lệ", "ratio"),
    "unitreport.kind_bands": ("theo mức", "bands"),
    "unitreport.kind_deduction": ("trừ theo số lần", "deduction"),
    "unitreport.kind_levels": ("theo mức đánh giá", "levels"),
    "unitreport.kind_checklist": ("theo nội dung", "checklist"),
    "unitreport.kind_appraised": ("điểm thẩm định", "appraised"),
    "unitreport.kind_sum": ("tổng", "sum"),
    "unitreport.kind_observed": ("điểm thẩm định (phụ lục)", "appraised (annex)"),
    # ------------------------------------------------------------------ titles and notes
    "unitreport.title": (
        "Báo cáo Chỉ số CCHC: {unit}",
        "PAR Index report: {unit}",
    ),
    "unitreport.title_year": (
        "Báo cáo Chỉ số CCHC năm {year}: {unit}",
        "PAR Index report {year}: {unit}",
    ),
    "unitreport.subtitle": (
        "Bộ tiêu chí {rules}; tổng điểm {total}/{max}, xếp loại {rating}",
        "Rules {rules}; total {total}/{max}, rating {rating}",
    ),
    "unitreport.projection_title": (
        "Dự báo khi thực hiện kế hoạch (tính đến ngày {date})",
        "Projection with the plan (as of {date})",
    ),
    "unitreport.distribution": (
        "Phân phối xác suất của tổng điểm dự báo",
        "Distribution of the projected total",
    ),
    "unitreport.best": (
        "Nhiệm vụ nên làm trước với {budget} ngày công",
        "Tasks to do first with {budget} person-days",
    ),
    "unitreport.frontier": (
        "Điểm kỳ vọng tốt nhất theo số ngày công",
        "Best expected total by person-days",
    ),
    "unitreport.no_plan": (
        "Không có kế hoạch khắc phục: hãy cho tệp PLAN để có dự báo và kế hoạch.",
        "No remediation plan: give a PLAN file for the projection and the plan.",
    ),
    "unitreport.not_counted": (
        "Không tính (thời hạn sau ngày đánh giá): {ids}",
        "Not counted (due after the assessment date): {ids}",
    ),
    "unitreport.chart_losses": ("Điểm bị trừ theo lĩnh vực", "Points lost by domain"),
    "unitreport.chart_distribution": (
        "Phân phối tổng điểm dự báo, theo mức xếp loại",
        "Projected total by rating band",
    ),
    "unitreport.charts_missing": (
        'Biểu đồ cần gói mở rộng plot (matplotlib): pip install "cchc-score[plot]"',
        'Charts need the plot extra (matplotlib): pip install "cchc-score[plot]"',
    ),
    "unitreport.charts": ("Biểu đồ", "Charts"),
    "unitreport.scorecard": ("Điểm theo lĩnh vực", "Points by domain"),
    "unitreport.ledger": ("Các tiêu chí bị trừ điểm", "Criteria that lost points"),
    "unitreport.checks": ("Kiểm tra phụ lục thẩm định", "The appraisal annex checked"),
    "unitreport.plan": ("Kế hoạch khắc phục", "Remediation plan"),
    "unitreport.timeline": ("Tiến độ theo thời hạn", "Timeline by deadline"),
    "unitreport.gains": ("Đóng góp của từng nhiệm vụ", "What each task adds"),
    "unitreport.ratings": ("Xác suất xếp loại", "Rating probabilities"),
    "unitreport.date": ("Ngày", "Date"),
    "unitreport.if_done": ("Điểm nếu xong", "Total if done"),
    "unitreport.expected": ("Điểm kỳ vọng", "Expected"),
    "unitreport.tasks_done": ("Số nhiệm vụ", "Tasks"),
    # ------------------------------------------------------------------ the Word plan annex
    "unitreport.docx_kicker": ("PHỤ LỤC", "ANNEX"),
    "unitreport.docx_title": (
        "NHIỆM VỤ, GIẢI PHÁP KHẮC PHỤC NỘI DUNG BỊ ĐIỂM TRỪ CHỈ SỐ CCHC NĂM {year}",
        "TASKS AND SOLUTIONS FOR THE CRITERIA THAT LOST POINTS IN THE PAR INDEX "
        "(CHỈ SỐ CCHC NĂM {year})",
    ),
    "unitreport.docx_unit": ("Đơn vị: {unit}", "Unit: {unit}"),
    "unitreport.docx_projected": (
        "Cột «Điểm dự kiến»: điểm của tiêu chí khi hoàn thành các nhiệm vụ đến ngày {date}.",
        "The “Projected” column: each criterion's points when its tasks are done by {date}.",
    ),
    "unitreport.docx_stt": ("STT", "No."),
    "unitreport.docx_criterion": ("Tiêu chí", "Criterion"),
    "unitreport.docx_max": ("Điểm tối đa", "Maximum"),
    "unitreport.docx_score": ("Điểm chấm thẩm định", "Appraised"),
    "unitreport.docx_reason": ("Lý do bị trừ điểm", "Reason"),
    "unitreport.docx_task": ("Nhiệm vụ/giải pháp", "Task"),
    "unitreport.docx_lead": ("Đơn vị chủ trì thực hiện", "Lead"),
    "unitreport.docx_partners": ("Đơn vị phối hợp", "Partners"),
    "unitreport.docx_deadline": ("Thời hạn hoàn thành", "Deadline"),
    "unitreport.docx_projected_column": ("Điểm dự kiến", "Projected"),
    "unitreport.docx_total": ("Tổng cộng", "Total"),
    # ------------------------------------------------------------------ the district page
    "unitreport.district_title": (
        "Xếp hạng {units} theo bộ tiêu chí {rules}",
        "Ranking of {units} under {rules}",
    ),
    "unitreport.chart_totals": ("Tổng điểm của các đơn vị", "The units' totals"),
    "unitreport.heatmap": (
        "Điểm trừ theo tiêu chí và đơn vị",
        "Points lost by criterion and unit",
    ),
    # ------------------------------------------------------------------ the command
    "unitreport.cli_format": (
        "report: không biết ghi tệp {suffix}; đuôi tệp --out phải là .xlsx, .docx hoặc .html",
        "report: cannot write a {suffix} file; --out must end in .xlsx, .docx or .html",
    ),
    "unitreport.cli_annex_twice": (
        "report: --annex chỉ dùng với tệp số liệu kiểm chứng (.toml, .json); {evidence} đã "
        "là một phụ lục",
        "report: --annex goes with an evidence file (.toml, .json); {evidence} is an annex already",
    ),
    "unitreport.cli_wrote": ("đã ghi {path}", "wrote {path}"),
    "unitreport.docx_missing": (
        "ghi tệp Word (.docx) cần python-docx, có trong gói mở rộng docx: "
        'pip install "cchc-score[docx]"',
        "writing a Word file (.docx) needs python-docx, which the docx extra installs: "
        'pip install "cchc-score[docx]"',
    ),
    "unitreport.xlsx_missing": (
        "ghi tệp Excel (.xlsx) cần openpyxl, có trong gói mở rộng excel: "
        'pip install "cchc-score[excel]"',
        "writing .xlsx needs openpyxl, which the 'excel' extra installs: "
        'pip install "cchc-score[excel]"',
    ),
    "unitreport.help": (
        "ghi báo cáo của một đơn vị ra tệp .xlsx, .docx hoặc .html",
        "write one unit's report as an .xlsx, .docx or .html file",
    ),
    "unitreport.help_evidence": (
        "số liệu kiểm chứng (.toml, .json) hoặc phụ lục thẩm định (.docx, .tsv, .txt, .csv)",
        "an evidence file (.toml, .json) or an appraisal annex (.docx, .tsv, .txt, .csv)",
    ),
    "unitreport.help_plan": (
        "kế hoạch khắc phục (.toml); mặc định với phụ lục: các nhiệm vụ của phụ lục",
        "a plan file (.toml); with an annex the default is the annex's tasks",
    ),
    "unitreport.help_out": (
        "tệp sẽ ghi; định dạng theo đuôi tệp: .xlsx, .docx, .html",
        "the file to write; its extension picks the format: .xlsx, .docx, .html",
    ),
    "unitreport.help_rules": (
        "bộ tiêu chí (mặc định: bộ mà số liệu ghi, hoặc criteria_2022 với phụ lục)",
        "the rules (default: the evidence's, or criteria_2022 with an annex)",
    ),
    "unitreport.help_annex": (
        "phụ lục thẩm định của đơn vị, để kiểm tra và so với điểm tính lại",
        "the unit's appraisal annex, to check and to compare with the recomputed points",
    ),
    "unitreport.help_budget": (
        "số ngày công cho kế hoạch tốt nhất (mặc định: tổng công của kế hoạch)",
        "person-days for the best plan (default: the plan's whole effort)",
    ),
    "unitreport.help_as_of": (
        "ngày đánh giá (2023-12-31 hoặc 31/12/2023): nhiệm vụ hết hạn sau ngày đó không tính",
        "assessment date (2023-12-31 or 31/12/2023): tasks due after it are not counted",
    ),
}
