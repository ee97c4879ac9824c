"""What a Python caller's argument should be: the ``{expected}`` of ``E-ARGUMENT-*``
problems (``scorecard: phải là một Scorecard (kết quả của evaluate), không phải dict``).

Python names (``Scorecard``, ``load_rules``, ``dict``) are code and stay as they are in both
languages; the words around them are said in the problem's language.
"""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ values
    "argument.integer": ("một số nguyên", "an integer"),
    "argument.date": ("một ngày", "a date"),
    "argument.dict": ("một dict", "a dict"),
    "argument.list": ("một danh sách", "a list"),
    "argument.string": ("một chuỗi chữ", "a string"),
    "argument.strings": ("các chuỗi chữ", "strings"),
    "argument.file_path": ("một đường dẫn tệp", "a file path"),
    # ------------------------------------------------------------------ rules
    "argument.rules": (
        "một RuleSet (đọc bằng load_rules('criteria_2022') hoặc từ một đường dẫn)",
        "a RuleSet (load one with load_rules('criteria_2022') or a path)",
    ),
    "argument.rules_loaded": (
        "một RuleSet (kết quả của load_rules)",
        "a RuleSet (from load_rules)",
    ),
    "argument.rules_or_name": (
        "một RuleSet hoặc tên một bộ tiêu chí",
        "a RuleSet or a rules name",
    ),
    "argument.rules_source": (
        "tên một bộ tiêu chí hoặc một đường dẫn tệp",
        "a rules name or a file path",
    ),
    "argument.rules_path": (
        "tên hoặc đường dẫn của một tệp bộ tiêu chí",
        "the name or path of a rules file",
    ),
    "argument.rules_text": ("nội dung một tệp bộ tiêu chí", "the text of a rules file"),
    "argument.name_pairs": ("các cặp (tên cũ, tên mới)", "(old, new) pairs"),
    "argument.rating_scale": (
        "một RatingScale hoặc một đoạn văn bản",
        "a RatingScale or a text",
    ),
    # ------------------------------------------------------------------ evidence and appraisals
    "argument.evidence": (
        "một Evidence (kết quả của load_evidence hoặc Evidence(...))",
        "an Evidence (from load_evidence or Evidence(...))",
    ),
    "argument.an_evidence": ("một Evidence", "an Evidence"),
    "argument.unit": ("tên đơn vị, là một chuỗi chữ", "the unit's name as a string"),
    "argument.source": (
        "một thư mục, một bảng CSV/TSV hoặc các Evidence",
        "a folder, a CSV/TSV table or evidences",
    ),
    "argument.appraisal": (
        "một Appraisal (kết quả của read_annex hoặc load_appraisal)",
        "an Appraisal (from read_annex or load_appraisal)",
    ),
    "argument.an_appraisal": ("một Appraisal", "an Appraisal"),
    # ------------------------------------------------------------------ results
    "argument.scorecard": (
        "một Scorecard (kết quả của evaluate)",
        "a Scorecard (from evaluate)",
    ),
    "argument.unit_result": (
        "một UnitResult hoặc một Scorecard",
        "a UnitResult or a Scorecard",
    ),
    "argument.projection": ("một Projection (kết quả của project)", "a Projection (from project)"),
    "argument.best_plan": ("một BestPlan (kết quả của best_plan)", "a BestPlan (from best_plan)"),
    # ------------------------------------------------------------------ plans
    "argument.plan": (
        "một Plan (kết quả của load_plan, read_annex hoặc Plan(tasks))",
        "a Plan (from load_plan, read_annex or Plan(tasks))",
    ),
    "argument.task": ("một Task", "a Task"),
    "argument.tasks": ("một danh sách Task", "a list of Task"),
    "argument.task_id": ("mã nhiệm vụ, là một chuỗi chữ", "the task's id as a string"),
    "argument.effect": (
        "Restore(), PartialRestore(share) hoặc SetFacts(...)",
        "Restore(), PartialRestore(share) or SetFacts(...)",
    ),
}
