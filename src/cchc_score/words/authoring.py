"""Words of the rules author's tools: carrying evidence between years, ``diff``, ``test``
(cases files), ``docs`` (rule pages) and ``evidence-template``."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ carrying evidence
    "carry.renamed": (
        "dữ kiện {old} nay tên là {new}",
        "fact {old} is now named {new}",
    ),
    "carry.fact_dropped": (
        "dữ kiện {name} không còn được bộ tiêu chí mới sử dụng: bỏ qua",
        "fact {name} is not read by the new rules: set aside",
    ),
    "carry.points_dropped": (
        "điểm thẩm định của {name} ({old}) không còn dùng được: "
        "tiêu chí đã bỏ hoặc có tiêu chí con",
        "appraised points of {name} ({old}) no longer apply: "
        "the criterion is gone or has sub-criteria",
    ),
    "carry.rescaled": (
        "điểm thẩm định của {name} quy đổi theo tỷ lệ điểm tối đa mới: {old} → {new}",
        "appraised points of {name} rescaled by share to the new maximum: {old} → {new}",
    ),
    "carry.kept": (
        "điểm thẩm định của {name} giữ nguyên khi điểm tối đa đổi: {old} → {new}",
        "appraised points of {name} kept as points under a new maximum: {old} → {new}",
    ),
    "carry.refused": (
        "điểm tối đa của {name} đã đổi và bộ tiêu chí không cho chuyển điểm thẩm định ({old}): "
        "cần chấm lại",
        "the maximum of {name} changed and the rules refuse to carry its appraised points "
        "({old}): they must be given again",
    ),
    "carry.refused_reason": (
        "{rules} không cho chuyển điểm thẩm định năm trước sang điểm tối đa mới",
        "{rules} refuses to carry the earlier appraised points to the new maximum",
    ),
    "projection.carried": ("Chuyển sang năm sau: {item}", "Carried to next year: {item}"),
    "carry.not_given": (
        "{name} là tiêu chí mới mà hồ sơ không có dữ liệu ({old}): tính như không đánh giá",
        "{name} is new and the evidence says nothing of it ({old}): counted as not assessed",
    ),
    "carry.not_given_reason": (
        "tiêu chí của {rules} mà hồ sơ năm trước không có dữ liệu",
        "a criterion of {rules} the earlier evidence says nothing of",
    ),
    # ------------------------------------------------------------------ diff
    "diff.title": ("Thay đổi từ {old} sang {new}", "Changes from {old} to {new}"),
    "diff.none": ("Không có thay đổi.", "No changes."),
    "diff.subject": ("Phần", "Part"),
    "diff.name": ("Tên/mã", "Name/code"),
    "diff.change": ("Thay đổi", "Change"),
    "diff.subject.index": ("chỉ số", "index"),
    "diff.subject.fact": ("dữ kiện", "fact"),
    "diff.subject.criterion": ("tiêu chí", "criterion"),
    "diff.subject.band": ("xếp loại", "band"),
    "diff.index.changed": ("{key}: {old} → {new}", "{key}: {old} → {new}"),
    "diff.fact.added": ("thêm dữ kiện", "fact added"),
    "diff.fact.removed": ("bỏ dữ kiện", "fact removed"),
    "diff.fact.renamed": ("đổi tên từ {old}", "renamed from {old}"),
    "diff.fact.changed": ("{key}: {old} → {new}", "{key}: {old} → {new}"),
    "diff.criterion.added": ("thêm mới (tối đa {new})", "added (maximum {new})"),
    "diff.criterion.removed": ("bỏ (tối đa {old})", "removed (maximum {old})"),
    "diff.criterion.moved": ("chuyển từ {old}", "moved from {old}"),
    "diff.criterion.max": ("điểm tối đa {old} → {new}", "maximum {old} → {new}"),
    "diff.criterion.name": ("đổi tên", "renamed"),
    "diff.criterion.kind": ("cách chấm {old} → {new}", "rule kind {old} → {new}"),
    "diff.criterion.param": ("tham số {key}: {old} → {new}", "rule {key}: {old} → {new}"),
    "diff.band.added": ("thêm mức (từ {new})", "band added (from {new})"),
    "diff.band.removed": ("bỏ mức (từ {old})", "band removed (from {old})"),
    "diff.band.changed": ("ngưỡng {old} → {new}", "threshold {old} → {new}"),
    "diff.total": (
        "{unit}: tổng điểm {old} → {new} ({delta})",
        "{unit}: total {old} → {new} ({delta})",
    ),
    "diff.unknown": (
        "Trong đó {points} điểm của {codes} chưa biết: tính như không đánh giá (ở mức tối đa)",
        "Of which {points} points of {codes} are unknown: counted as not assessed (at the maximum)",
    ),
    "diff.rating": ("Xếp loại: {old} → {new}", "Rating: {old} → {new}"),
    "diff.delta": ("Chênh lệch", "Change"),
    "diff.why": ("Vì", "Because"),
    "diff.from_children": ("theo các tiêu chí con", "from its sub-criteria"),
    "diff.from_evidence": ("theo hồ sơ", "from the evidence"),
    "diff.fact_reason": ("dữ kiện {name}: {change}", "fact {name}: {change}"),
    "diff.carried": (
        "Hồ sơ chuyển sang bộ tiêu chí mới:",
        "The evidence, carried to the new rules:",
    ),
    # ------------------------------------------------------------------ command help
    "help.diff": (
        "so sánh hai bộ tiêu chí; kèm hồ sơ: điểm của đơn vị theo cả hai",
        "compare two rule sets; with evidence, the unit's score under both",
    ),
    "help.diff_old": (
        "bộ tiêu chí cũ (tệp hoặc tên có sẵn)",
        "the older rules (a file or bundled name)",
    ),
    "help.diff_new": ("bộ tiêu chí mới", "the newer rules"),
    "help.diff_evidence": (
        "hồ sơ của một đơn vị, viết cho bộ tiêu chí cũ",
        "one unit's evidence, written for the older rules",
    ),
    # ------------------------------------------------------------------ cases files (test)
    "cases.mismatch": (
        "{code}: cần {expected}, tính được {computed}",
        "{code}: expected {expected}, computed {computed}",
    ),
    "cases.passed": ("đạt", "passed"),
    "cases.failed": ("không đạt", "failed"),
    "cases.summary": (
        "{cases}: {passed} đạt, {failed} không đạt",
        "{cases}: {passed} passed, {failed} failed",
    ),
    "help.test": (
        "chạy các trường hợp mẫu (tệp .cases.toml) với một bộ tiêu chí",
        "run example cases (.cases.toml files) against a rules file",
    ),
    "help.test_rules": (
        "bộ tiêu chí (mặc định: bộ mà tệp trường hợp nêu)",
        "the rules (default: the ones the cases file names)",
    ),
    "help.test_cases": ("tệp trường hợp mẫu", "a cases file"),
    # ------------------------------------------------------------------ provenance of a rule
    "provenance.assumed": (
        "Cách chấm: giả định (suy ra từ kết quả thẩm định, không phải của quyết định)",
        "Rule: assumed (inferred from the appraisal, not the decision's)",
    ),
    "provenance.note.one": (
        "{mark} {n} tiêu chí chấm theo cách chấm giả định, không phải của quyết định (xem explain)",
        "{mark} {n} criterion is scored by an assumed rule, not the decision's (see explain)",
    ),
    "provenance.note.other": (
        "{mark} {n} tiêu chí chấm theo cách chấm giả định, không phải của quyết định (xem explain)",
        "{mark} {n} criteria are scored by assumed rules, not the decision's (see explain)",
    ),
    "provenance.decision": ("theo quyết định", "the decision's"),
    "provenance.assumed_short": ("giả định", "assumed"),
    # ------------------------------------------------------------------ evidence-template
    "template.head": ("Hồ sơ đánh giá theo {rules}: {name}", "Evidence for {rules}: {name}"),
    "template.how": (
        "Điền giá trị vào các dòng '# tên =' rồi bỏ dấu # ở đầu dòng; "
        "kiểm tra bằng: cchc-score score TỆP_NÀY",
        "Fill in each '# name =' line and remove its leading #; "
        "check with: cchc-score score THIS_FILE",
    ),
    "template.min": ("ít nhất {min}", "at least {min}"),
    "template.max": ("nhiều nhất {max}", "at most {max}"),
    "template.read_by": ("dùng cho {codes}", "read by {codes}"),
    "template.levels": ("một trong {values}", "one of {values}"),
    "template.items": (
        "danh sách các mục đã làm, trong {values}",
        "a list of the items done, from {values}",
    ),
    "template.ratio": (
        'tỷ lệ từ 0 đến 1, hoặc dạng "91,3%"',
        'a share from 0 to 1, or written "91,3%"',
    ),
    "template.points": (
        "điểm thẩm định, từ 0 đến {max}",
        "appraised points, from 0 to {max}",
    ),
    "template.above": (
        "hồ sơ cũ ghi {value}, quá điểm tối đa mới: hãy nhập lại",
        "the earlier evidence gives {value}, above the new maximum: enter it again",
    ),
    "help.template": (
        "viết khung hồ sơ đánh giá: mọi dữ kiện bộ tiêu chí cần, có chú thích",
        "write an evidence skeleton: every fact the rules need, commented",
    ),
    "help.template_unit": ("tên đơn vị", "the unit's name"),
    "help.template_from": (
        "hồ sơ đã có: điền sẵn các giá trị đã biết",
        "an existing evidence file: fill in what it knows",
    ),
    "help.out_file": ("ghi vào TỆP thay vì in ra", "write to FILE instead of printing"),
    # ------------------------------------------------------------------ rule pages (docs)
    "pages.sample_unit": ("Đơn vị mẫu", "Sample unit"),
    "pages.id": ("Mã", "Id"),
    "pages.year": ("Năm", "Year"),
    "pages.max": ("Điểm tối đa", "Maximum"),
    "pages.basis": ("Cơ sở xác định", "Basis"),
    "pages.reference": ("Căn cứ", "Reference"),
    "pages.domains": ("Lĩnh vực", "Domains"),
    "pages.bands": ("Xếp loại", "Rating bands"),
    "pages.band": ("Mức", "Band"),
    "pages.from": ("Từ (điểm)", "From (points)"),
    "pages.facts": ("Dữ kiện", "Facts"),
    "pages.fact": ("Dữ kiện", "Fact"),
    "pages.label": ("Nhãn", "Label"),
    "pages.type": ("Kiểu", "Type"),
    "pages.unit": ("Đơn vị tính", "Unit"),
    "pages.allowed": ("Giá trị cho phép", "Allowed values"),
    "pages.parent": ("Thuộc", "Part of"),
    "pages.home": ("Mục lục", "Index"),
    "pages.children": ("Tiêu chí thành phần", "Sub-criteria"),
    "pages.rule": ("Cách chấm", "Rule"),
    "pages.parameter": ("Tham số", "Parameter"),
    "pages.value": ("Giá trị", "Value"),
    "pages.provenance": ("Nguồn gốc", "Provenance"),
    "pages.rule_from": ("Cách chấm", "The rule is"),
    "pages.example": ("Ví dụ", "Worked example"),
    "pages.kind.ratio": (
        "điểm tối đa × (tỷ lệ đạt được ÷ mục tiêu), không quá điểm tối đa; 0 nếu dưới ngưỡng",
        "the maximum × (the share reached ÷ the target), capped at the maximum; 0 below "
        "the threshold",
    ),
    "pages.kind.bands": (
        "điểm theo bậc: giá trị đạt bậc nào thì được điểm của bậc đó",
        "points by steps: a value gets the points of the highest step it reaches",
    ),
    "pages.kind.deduction": (
        "điểm tối đa trừ một mức cho mỗi lần vi phạm, không dưới mức sàn",
        "the maximum less a fixed amount for each occurrence, not below the floor",
    ),
    "pages.kind.levels": (
        "điểm theo mức đánh giá đạt được",
        "points for the level reached",
    ),
    "pages.kind.checklist": (
        "cộng điểm của từng nội dung đã thực hiện",
        "the points of each item done, added up",
    ),
    "pages.kind.appraised": (
        "điểm thẩm định, nhập trực tiếp",
        "appraised points, entered directly",
    ),
    "pages.kind.sum": ("tổng điểm các tiêu chí thành phần", "the sum of the sub-criteria"),
    "help.docs": (
        "viết trang mô tả bộ tiêu chí (Markdown): mỗi lĩnh vực, tiêu chí một trang",
        "write the rule pages (Markdown): a page per domain and criterion",
    ),
    "help.docs_out": ("thư mục ghi các trang", "the folder to write the pages to"),
    "cli.wrote_pages": ("đã ghi {pages} vào {path}", "wrote {pages} to {path}"),
}
