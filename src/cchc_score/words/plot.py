"""Words of the charts (``cchc_score.plot``), the ``chart`` command and the notebook views."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ charts (plot/)
    "plot.missing": (
        'vẽ biểu đồ cần matplotlib, có trong gói mở rộng plot: pip install "cchc-score[plot]"',
        "drawing charts needs matplotlib, which the plot extra installs: "
        'pip install "cchc-score[plot]"',
    ),
    "plot.unit_year": ("{unit}, năm {year}", "{unit}, {year}"),
    "plot.score": (
        "Tổng điểm {total}/{max}, xếp loại {rating}",
        "Total {total} of {max}, rated {rating}",
    ),
    "plot.score_no_rating": ("Tổng điểm {total}/{max}", "Total {total} of {max}"),
    "plot.losses_domain": ("Điểm bị trừ theo lĩnh vực", "Points lost by domain"),
    "plot.losses_criterion": ("Điểm bị trừ theo tiêu chí", "Points lost by criterion"),
    "plot.lost_axis": ("Điểm bị trừ", "Points lost"),
    "plot.others": ("{n} tiêu chí khác", "{n} other criteria"),
    "plot.no_loss": ("Không có điểm bị trừ.", "No points lost."),
    "plot.distribution": (
        "Phân bố tổng điểm dự báo năm {year}",
        "Projected distribution of the {year} total",
    ),
    "plot.total_axis": ("Tổng điểm", "Total"),
    "plot.probability_axis": ("Xác suất", "Probability"),
    "plot.baseline": ("Hiện tại {total}", "Now {total}"),
    "plot.expected": ("Kỳ vọng {total}", "Expected {total}"),
    "plot.target": (
        "Mục tiêu {total}: xác suất đạt {p}",
        "Target {total}: reached with probability {p}",
    ),
    "plot.band": ("{name}: {p}", "{name}: {p}"),
    "plot.timeline": (
        "Điểm dự báo theo thời hạn nhiệm vụ",
        "Projected points by task deadline",
    ),
    "plot.date_axis": ("Thời điểm", "Date"),
    "plot.all_due": ("Nếu xong mọi nhiệm vụ đến hạn", "If every task due is done"),
    "plot.expected_line": ("Kỳ vọng", "Expected"),
    "plot.baseline_line": ("Hiện tại", "Now"),
    "plot.tasks_due.one": ("{n} NV", "{n} task"),
    "plot.tasks_due.other": ("{n} NV", "{n} tasks"),
    "plot.date": ("{day:02d}/{month:02d}/{year}", "{year}-{month:02d}-{day:02d}"),
    "plot.frontier": (
        "Điểm kỳ vọng tốt nhất theo số ngày công",
        "Best expected total by person-days",
    ),
    "plot.budget_axis": ("Ngày công", "Person-days"),
    "plot.expected_axis": ("Điểm kỳ vọng", "Expected total"),
    "plot.chosen": (
        "{budget} ngày công: {expected} điểm ({tasks})",
        "{budget} person-days: {expected} ({tasks})",
    ),
    "plot.threshold": ("Mục tiêu {total}", "Target {total}"),
    "plot.heatmap": (
        "Điểm bị trừ theo tiêu chí và đơn vị",
        "Points lost by criterion and unit",
    ),
    "plot.heatmap_note": (
        "Màu: tỷ lệ điểm tối đa bị trừ; số: điểm bị trừ",
        "Colour: share of the maximum lost; numbers: points lost",
    ),
    "plot.share_axis": ("Tỷ lệ điểm tối đa bị trừ", "Share of the maximum lost"),
    "plot.no_unit": ("Không có đơn vị nào được chấm điểm.", "No unit was scored."),
    # ------------------------------------------------------------------ the chart command
    "chart.help": ("vẽ biểu đồ (.png, .svg)", "draw a chart (.png, .svg)"),
    "chart.kind": (
        "loại biểu đồ: losses (điểm bị trừ theo lĩnh vực), criteria (theo tiêu chí), "
        "distribution (phân bố điểm dự báo), timeline (điểm theo thời hạn), frontier (điểm "
        "kỳ vọng theo ngày công), heatmap (tiêu chí × đơn vị)",
        "the chart: losses (points lost by domain), criteria (by criterion), distribution "
        "(projected total), timeline (points by deadline), frontier (expected total by "
        "person-days), heatmap (criteria × units)",
    ),
    "chart.evidence": (
        "tệp số liệu (.toml, .json); với heatmap: một thư mục hoặc bảng (.csv, .tsv) các "
        "đơn vị, như lệnh rank",
        "an evidence file (.toml, .json); for heatmap: a folder or a table (.csv, .tsv) of "
        "units, as for rank",
    ),
    "chart.plan": (
        "kế hoạch khắc phục (.toml), cho distribution, timeline và frontier",
        "the remediation plan (.toml), for distribution, timeline and frontier",
    ),
    "chart.rules": (
        "tệp hoặc tên bộ tiêu chí (mặc định: bộ mà số liệu ghi)",
        "a rules file or bundled name (default: the one the evidence names)",
    ),
    "chart.budget": (
        "số ngày công (frontier: đánh dấu phương án tốt nhất; mặc định: toàn bộ kế hoạch)",
        "person-days (frontier: marks the best plan; default: the whole plan)",
    ),
    "chart.target": (
        "tổng điểm hoặc tên xếp loại cần đạt (distribution, frontier)",
        "a total or a rating name to reach (distribution, frontier)",
    ),
    "chart.out": ("tệp ghi ra: .png hoặc .svg", "the file to write: .png or .svg"),
    "chart.needs_plan": (
        "biểu đồ {kind} cần tệp kế hoạch (PLAN)",
        "the {kind} chart needs a plan file (PLAN)",
    ),
    "chart.no_plan": (
        "biểu đồ {kind} không dùng tệp kế hoạch; bỏ {plan}",
        "the {kind} chart takes no plan file; leave out {plan}",
    ),
    "chart.unused": (
        "{option} không dùng cho biểu đồ {kind}",
        "{option} is not used by the {kind} chart",
    ),
    "chart.not_drawn": (
        "{bad}/{units} không có trong biểu đồ: số liệu kiểm chứng có vấn đề (liệt kê ở trên)",
        "{bad} of {units} left out of the chart: their evidence has problems (listed above)",
    ),
    "chart.wrote": ("đã ghi biểu đồ {path}", "wrote the chart {path}"),
    # ------------------------------------------------------------------ notebook views
    "notebook.pandas_missing": (
        "to_frame() cần pandas (cchc-score không cài sẵn): pip install pandas",
        "to_frame() needs pandas, which cchc-score does not install: pip install pandas",
    ),
    "notebook.frontier_more.one": ("… và {n} mức khác", "… and {n} more budget"),
    "notebook.frontier_more.other": ("… và {n} mức khác", "… and {n} more budgets"),
}
