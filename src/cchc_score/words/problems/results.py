"""Problems of a published results table that cannot be read at all (check-results)."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ results tables
    "E-RESULTS-EMPTY": (
        "bảng trống; cần một dòng tiêu đề (Đơn vị, Tổng điểm, …) rồi mỗi đơn vị một dòng",
        "the table is empty; expected a header row (Đơn vị, Tổng điểm, …), then a row per unit",
    ),
    "E-RESULTS-NO-HEADER": (
        "không thấy dòng tiêu đề trong {rows} dòng đầu: cần một cột tên đơn vị (Đơn vị, Tên "
        "đơn vị) và một cột tổng điểm (Tổng điểm, Điểm, Chỉ số)",
        "no header row in the first {rows} rows: expected a unit column (Đơn vị, Tên đơn vị, "
        "unit) and a total column (Tổng điểm, Điểm, Chỉ số, total)",
    ),
    "E-RESULTS-NO-ROWS": (
        "không có đơn vị nào dưới dòng tiêu đề",
        "no unit under the header row",
    ),
    "E-RESULTS-BANDS": (
        'không đúng dạng: cần "Tốt>=90;Khá>=80;Trung bình>=70;Yếu" (ngưỡng giảm '
        "dần; thêm % để xếp loại theo tỷ lệ phần trăm)",
        'not in the form "Tốt>=90;Khá>=80;Trung bình>=70;Yếu" (thresholds '
        "from the highest; add % to rate on the percentage)",
    ),
    "E-RESULTS-ORDER": (
        "phải là 'desc', 'asc', 'none' hoặc None",
        "must be 'desc', 'asc', 'none' or None",
    ),
    "E-RESULTS-SOURCE": (
        "cần đường dẫn tới một bảng, hoặc các dòng (mỗi dòng một danh sách các ô), không phải "
        "{kind}",
        "expected a path to a table, or rows (each a list of cells), not {kind}",
    ),
    "E-RESULTS-ROW": (
        "cần một dòng là danh sách các ô, không phải {kind}",
        "expected a row as a list of cells, not {kind}",
    ),
    "E-RESULTS-COLUMNS": (
        "dòng tiêu đề có {n} cột; giới hạn là {limit} (xem docs/limits.md)",
        "the header has {n} columns; the limit is {limit} (see docs/limits.md)",
    ),
}
