"""Words of ``--help``: argparse's own headings, each command's purpose, every option, and
the heading of the examples.

A command's purpose is ``help.<command>``; an option shared by several commands is
``help.opt.<option>``, one that means something of its own in a command
``help.<command>.<option>``. The example command lines themselves are the same in both
languages: :data:`EXAMPLES`.
"""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ argparse's headings
    "help.usage": ("cách dùng: ", "usage: "),
    "help.positionals": ("tham số", "arguments"),
    "help.options": ("tùy chọn", "options"),
    "help.commands": ("các lệnh", "commands"),
    "help.command": (
        "lệnh cần chạy; cchc-score LỆNH --help giải thích từng lệnh",
        "the command to run; cchc-score COMMAND --help explains each",
    ),
    "help.examples": ("Ví dụ:", "Examples:"),
    "help.help": ("in hướng dẫn này rồi thoát", "show this help and exit"),
    "help.version": ("in số phiên bản rồi thoát", "show the version and exit"),
    "help.program": (
        "Chấm, giải thích và kiểm tra Chỉ số cải cách hành chính (Chỉ số CCHC) cấp xã.",
        "Score, explain and check Vietnam's commune-level PAR Index (Chỉ số CCHC).",
    ),
    # ------------------------------------------------------------------ options in many commands
    "help.opt.lang": (
        "ngôn ngữ của mọi thông báo, nhãn và tên: vi hoặc en (mặc định: biến CCHC_LANG, "
        "nếu không có thì vi)",
        "language of every message, label and name: vi or en (default: CCHC_LANG, else vi)",
    ),
    "help.opt.evidence": (
        "tệp số liệu của đơn vị (.toml hoặc .json)",
        "the unit's evidence file (.toml or .json)",
    ),
    "help.opt.rules": (
        "tệp bộ tiêu chí hoặc tên bộ tiêu chí có sẵn (mặc định: bộ tiêu chí tệp số liệu ghi)",
        "a rules file or bundled name (default: the one the evidence names)",
    ),
    "help.opt.format": (
        "dạng kết quả: table (bảng), markdown hoặc json (mặc định: table)",
        "output form: table, markdown or json (default: table)",
    ),
    "help.opt.force": (
        "ghi đè tệp đã có",
        "overwrite files that exist",
    ),
    "help.opt.as_of": (
        "ngày đánh giá (31/12/2023 hoặc 2023-12-31): nhiệm vụ có hạn sau ngày này không được tính",
        "assessment date (31/12/2023 or 2023-12-31): tasks due after it are not counted",
    ),
    "help.opt.annex": (
        "phụ lục thẩm định: tệp Word (.docx, cần gói docx) hoặc bảng xuất từ Word "
        "(.tsv, .txt; UTF-8 hoặc UTF-16) hoặc .csv",
        "the appraisal annex: a Word file (.docx, needs the docx extra), or its table as "
        "Word exports it (.tsv, .txt; UTF-8 or UTF-16) or .csv",
    ),
    # ------------------------------------------------------------------ check
    "help.check": ("kiểm tra một tệp bộ tiêu chí", "validate a rules file"),
    "help.check.strict": (
        "coi cảnh báo là lỗi (mã thoát 1), như một bước kiểm tra trước khi ban hành",
        "treat warnings as errors (exit 1), as a check before the rules are issued",
    ),
    "help.check.rules": (
        "tệp bộ tiêu chí, hoặc tên bộ tiêu chí có sẵn như criteria_2022",
        "a rules file, or a bundled name such as criteria_2022",
    ),
    # ------------------------------------------------------------------ score
    "help.score": ("chấm điểm số liệu của một đơn vị", "score one unit's evidence"),
    "help.score.depth": (
        "số cấp của cây trong bảng: 1 = lĩnh vực (mặc định), 2 = cả tiêu chí",
        "tree levels in the table: 1 = domains (default), 2 = with criteria",
    ),
    # ------------------------------------------------------------------ explain
    "help.explain": (
        "liệt kê các khoản bị trừ điểm, lớn nhất trước",
        "list the deductions, largest first",
    ),
    "help.explain.code": (
        "chỉ giải thích mục có mã này và mọi mục bên dưới",
        "show this node and everything under it instead",
    ),
    # ------------------------------------------------------------------ import-annex
    "help.import-annex": (
        "đọc phụ lục thẩm định (.docx, hoặc bảng TSV/CSV)",
        "read an appraisal annex (.docx, or TSV/CSV text)",
    ),
    "help.import-annex.unit": (
        "tên đơn vị, ví dụ 'Phường Bình An' (mặc định: lấy từ tiêu đề phụ lục)",
        "the unit's name, e.g. 'Phường Bình An' (default: from the annex's title)",
    ),
    "help.import-annex.year": (
        "năm đánh giá (mặc định: lấy từ tiêu đề)",
        "the index year (default: from the title)",
    ),
    "help.import-annex.rules": (
        "bộ tiêu chí cho tệp evidence.toml mà --out ghi (mặc định: criteria_2022)",
        "the rules the evidence.toml written by --out is for (default: criteria_2022)",
    ),
    "help.import-annex.out": (
        "ghi appraisal.toml, evidence.toml và plan.toml vào thư mục này",
        "write appraisal.toml, evidence.toml and plan.toml there",
    ),
    # ------------------------------------------------------------------ reconcile
    "help.reconcile": (
        "kiểm tra số học của phụ lục thẩm định",
        "check an annex's arithmetic",
    ),
    "help.reconcile.annex": (
        "phụ lục (.docx, .tsv, .txt, .csv) hoặc tệp appraisal.toml do import-annex ghi",
        "an annex (.docx, .tsv, .txt, .csv) or an appraisal.toml written by import-annex",
    ),
    "help.reconcile.rules": (
        "đối chiếu cả điểm tối đa và mã tiêu chí với bộ tiêu chí này",
        "also compare maxima and codes with these rules",
    ),
    "help.reconcile.evidence": (
        "số liệu của đơn vị: tính lại điểm và liệt kê tiêu chí có điểm theo số liệu khác "
        "điểm phụ lục",
        "the unit's evidence: recompute its points, and list each criterion whose points "
        "from the facts differ from the annex's",
    ),
    # ------------------------------------------------------------------ project
    "help.project": (
        "dự báo điểm khi thực hiện các nhiệm vụ",
        "project the score when tasks are done",
    ),
    "help.project.plan": ("tệp kế hoạch (.toml)", "a plan file (.toml)"),
    "help.project.tasks": (
        "các nhiệm vụ (mã, cách nhau bởi dấu phẩy) cho tổng điểm 'đã chọn'",
        "the tasks (ids, separated by commas) for the deterministic 'chosen' total",
    ),
    "help.project.target": (
        "tổng điểm hoặc tên mức xếp loại cần đạt",
        "a total or a rating name to reach",
    ),
    "help.project.period": (
        "chia dòng thời gian theo quý (quarter) hoặc tháng (month) (mặc định: quarter)",
        "timeline by quarter or month (default: quarter)",
    ),
    "help.project.rules_next": (
        "chấm cả kết quả dự báo theo bộ tiêu chí năm sau",
        "score the projection under next year's rules too",
    ),
    # ------------------------------------------------------------------ plan
    "help.plan": (
        "chọn các nhiệm vụ tốt nhất trong số ngày công có được",
        "the best tasks for an effort budget",
    ),
    "help.plan.plan": (
        "tệp kế hoạch (.toml) có số ngày công của từng nhiệm vụ",
        "a plan file (.toml) with efforts",
    ),
    "help.plan.budget": (
        "số ngày công có được (mặc định khi có --target: toàn bộ công sức của kế hoạch)",
        "person-days available (default with --target: the whole plan's effort)",
    ),
    "help.plan.target": (
        "tên mức xếp loại (hoặc tổng điểm) cần đạt với ít công sức nhất",
        "a rating name (or a total) to reach at least cost",
    ),
    "help.plan.confidence": (
        "xác suất phải đạt mục tiêu (mặc định 0,8)",
        "probability the target must be reached with (default 0.8)",
    ),
    # ------------------------------------------------------------------ rank
    "help.rank": (
        "chấm nhiều đơn vị, xếp hạng và chỉ ra chỗ bị trừ điểm",
        "score many units, rank them and show where they lost points",
    ),
    "help.rank.source": (
        "thư mục các tệp số liệu (.toml, .json), hoặc bảng (.csv, .tsv, .xlsx) mỗi dòng một đơn vị",
        "a folder of evidence files (.toml, .json), or a table (.csv, .tsv, .xlsx) with a row "
        "per unit",
    ),
    "help.rank.rules": (
        "tệp bộ tiêu chí hoặc tên bộ tiêu chí có sẵn (mặc định: bộ các đơn vị ghi)",
        "a rules file or bundled name (default: the one the units name)",
    ),
    "help.rank.format": (
        "dạng kết quả (mặc định: theo đuôi tệp --out: .md, .csv, .json, .xlsx; nếu không "
        "thì table)",
        "output form (default: from the extension of --out: .md, .csv, .json, .xlsx; else table)",
    ),
    "help.rank.by": (
        "thêm điểm từng lĩnh vực vào bảng xếp hạng",
        "add each domain's points to the ranking table",
    ),
    "help.rank.only": (
        "chỉ in bảng xếp hạng (ranking) hoặc chỉ bảng điểm bị trừ (losses); tệp CSV chứa "
        "một bảng: bảng xếp hạng, trừ khi --only losses",
        "show only the ranking or only the loss table (a CSV holds one: the ranking unless "
        "--only losses)",
    ),
    "help.rank.top": (
        "chỉ in N đơn vị đầu bảng xếp hạng, và cột của chúng trong bảng điểm bị trừ (dạng "
        "table, markdown; mặc định: tất cả); CSV, JSON, xlsx và html luôn có đủ mọi đơn vị",
        "print only the first N units of the ranking, and their columns of the loss table "
        "(table and markdown; default: all); CSV, JSON, xlsx and html always hold every unit",
    ),
    "help.rank.out": (
        "ghi báo cáo vào TỆP thay vì in ra màn hình",
        "write the report to FILE instead of standard output",
    ),
    # ------------------------------------------------------------------ demo
    "help.demo": (
        "việc chính trên phường mẫu có sẵn, hoặc trên phụ lục của bạn",
        "the main job on the bundled example ward, or on your own annex",
    ),
    "help.demo.annex": (
        "phụ lục của bạn (.docx, .tsv, .txt, .csv): kiểm tra, chấm điểm, dự báo kế hoạch",
        "your annex (.docx, .tsv, .txt, .csv): reconcile it, score it, project its plan",
    ),
    "help.demo.rules": (
        "bộ tiêu chí dùng với PHỤ LỤC (mặc định: criteria_2022)",
        "the rules used with an ANNEX (default: criteria_2022)",
    ),
    "help.demo.out": (
        "khi có PHỤ LỤC: ghi thêm các tệp như import-annex --out",
        "with an ANNEX: also write what import-annex --out writes",
    ),
}

#: Two example command lines per command (``""``: the program's own help), shown under
#: ``help.examples`` in either language.
EXAMPLES: dict[str, tuple[str, str]] = {
    "": ("cchc-score demo", "cchc-score --lang en score examples/ward_2022/evidence.toml"),
    "check": ("cchc-score check criteria_2022", "cchc-score check my_rules.toml"),
    "score": (
        "cchc-score score examples/ward_2022/evidence.toml",
        "cchc-score score evidence.toml --depth 2 --format json",
    ),
    "explain": (
        "cchc-score explain examples/ward_2022/evidence.toml",
        "cchc-score explain examples/ward_2022/evidence.toml 7.1",
    ),
    "import-annex": (
        "cchc-score import-annex examples/ward_2022/annex.tsv",
        "cchc-score import-annex phu_luc.docx --out ward/",
    ),
    "reconcile": (
        "cchc-score reconcile examples/ward_2022/annex.tsv",
        "cchc-score reconcile annex.tsv --rules criteria_2022 --evidence evidence.toml",
    ),
    "project": (
        "cchc-score project examples/ward_2022/evidence.toml examples/ward_2022/plan.toml",
        "cchc-score project evidence.toml plan.toml --as-of 30/06/2023 --target Tốt",
    ),
    "plan": (
        "cchc-score plan examples/ward_2022/evidence.toml examples/ward_2022/plan.toml --budget 20",
        "cchc-score plan evidence.toml plan.toml --target Tốt --confidence 0,9",
    ),
    "rank": (
        "cchc-score rank examples/district_2022",
        "cchc-score rank units.csv --by domain --out ranking.xlsx",
    ),
    "demo": ("cchc-score demo", "cchc-score demo phu_luc.docx --out ward/"),
    "diff": (
        "cchc-score diff criteria_2022 examples/rules_2023/criteria_2023.toml",
        "cchc-score diff criteria_2022 examples/rules_2023/criteria_2023.toml "
        "examples/ward_2022/evidence.toml",
    ),
    "test": (
        "cchc-score test criteria_2022 rules/criteria_2022.cases.toml",
        "cchc-score test my_rules.toml my_rules.cases.toml --lang en",
    ),
    "evidence-template": (
        'cchc-score evidence-template criteria_2022 --unit "Xã A" --out xa_a.toml',
        "cchc-score evidence-template criteria_2022 --from examples/ward_2022/evidence.toml",
    ),
    "docs": (
        "cchc-score docs criteria_2022 --out site/",
        "cchc-score docs my_rules.toml --out site/ --force",
    ),
    "report": (
        "cchc-score report examples/ward_2022/evidence.toml examples/ward_2022/plan.toml "
        "--out ward.xlsx",
        "cchc-score report examples/ward_2022/annex.tsv --out ward.html",
    ),
    "check-results": (
        "cchc-score check-results examples/results_2022/results.csv",
        'cchc-score check-results ket_qua.xlsx --bands "Tốt>=90;Khá>=80;Trung bình>=70;Yếu"',
    ),
    "chart": (
        "cchc-score chart criteria examples/ward_2022/evidence.toml --out criteria.png",
        "cchc-score chart distribution examples/ward_2022/evidence.toml "
        "examples/ward_2022/plan.toml --out next_year.svg",
    ),
}
