"""Words of checking a results table (``check-results``): the findings, the report, the
command's help."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ where a finding is
    "results.where_unit": ("{unit} (dòng {row})", "{unit} (line {row})"),
    "results.where_row": ("Dòng {row}", "Line {row}"),
    "results.where_column": (", cột {column}", ", column {column}"),
    # ------------------------------------------------------------------ findings
    "results.unreadable_row_csv": (
        "không đọc được dòng: không đúng dạng CSV ({detail})",
        "the row cannot be read: not valid CSV ({detail})",
    ),
    "results.unreadable_row_cells": (
        "không đọc được dòng: có {detail} ô nhưng dòng tiêu đề (dòng {header}) có {columns} cột",
        "the row cannot be read: {detail} cells, but the header (line {header}) has {columns} "
        "columns",
    ),
    "results.unreadable_row_cells_comma": (
        "không đọc được dòng: có {detail} ô nhưng dòng tiêu đề (dòng {header}) có {columns} "
        'cột (dấu phẩy thập phân không đặt trong ngoặc kép tách một ô làm hai: viết "86,71")',
        "the row cannot be read: {detail} cells, but the header (line {header}) has {columns} "
        'columns (an unquoted decimal comma splits a cell in two: write "86,71")',
    ),
    "results.unreadable_row_encoding": (
        "không đọc được dòng: không phải văn bản UTF-8 ({detail}); lưu bảng dạng CSV UTF-8",
        "the row cannot be read: not UTF-8 text ({detail}); save the table as CSV UTF-8",
    ),
    "results.unreadable_number": (
        "không đọc được số {stated!r} (viết chữ số với một dấu phẩy hoặc dấu chấm thập phân)",
        "not a number: {stated!r} (write digits with one decimal comma or point)",
    ),
    "results.unreadable_number_ambiguous": (
        "số {stated!r} có thể hiểu hai cách (dấu phân cách hàng nghìn hay dấu phẩy thập phân?): "
        "viết thêm hoặc bớt một chữ số thập phân, ví dụ 1,2340",
        "ambiguous number {stated!r} (a thousands separator or a decimal comma?): write it "
        "with more or fewer decimals, e.g. 1,2340",
    ),
    "results.unreadable_number_bounds": (
        "số {stated!r} vượt giới hạn (quá lớn hoặc quá nhiều chữ số; xem docs/limits.md)",
        "{stated!r} is past the bounds on numbers (too large or too many digits; see "
        "docs/limits.md)",
    ),
    "results.empty_cell": ("ô trống, cần một số", "empty, where a number is due"),
    "results.empty_cell_name": ("thiếu tên đơn vị", "the unit's name is missing"),
    "results.empty_cell_rating": ("ô xếp loại trống", "the rating is missing"),
    "results.duplicate_unit": (
        "đơn vị đã có ở dòng {other}",
        "the unit is listed already, on line {other}",
    ),
    "results.total_not_sum": (
        "tổng điểm {stated} khác tổng các thành phần là {computed}",
        "the total {stated} is not the sum of the components, {computed}",
    ),
    "results.above_max": (
        "{stated} vượt quá điểm tối đa {computed}",
        "{stated} is above its maximum, {computed}",
    ),
    "results.below_zero": ("{stated} nhỏ hơn 0", "{stated} is below zero"),
    "results.percent_mismatch": (
        "tỷ lệ {stated}% không khớp với {points}/{max} = {computed}%",
        "the percentage {stated}% does not follow from {points}/{max} = {computed}%",
    ),
    "results.percent_mismatch_alt": (
        "tỷ lệ {stated}% không khớp với {points}/{max} = {computed}%: {stated}% = "
        "{points}/{alt}, không phải /{max}",
        "the percentage {stated}% does not follow from {points}/{max} = {computed}%: "
        "{stated}% = {points}/{alt}, not /{max}",
    ),
    "results.rank_mismatch": (
        "hạng {stated} không khớp với tổng điểm: hạng đúng là {computed}",
        "the rank {stated} does not follow from the totals: {computed}",
    ),
    "results.out_of_order_desc": (
        "danh sách xếp từ cao xuống thấp nhưng {stated} điểm đứng sau {other_unit} (dòng "
        "{other}) có {computed} điểm",
        "the list runs from the highest to the lowest, but {stated} comes after {other_unit} "
        "(line {other}) with {computed}",
    ),
    "results.out_of_order_asc": (
        "danh sách xếp từ thấp lên cao nhưng {stated} điểm đứng sau {other_unit} (dòng "
        "{other}) có {computed} điểm",
        "the list runs from the lowest to the highest, but {stated} comes after {other_unit} "
        "(line {other}) with {computed}",
    ),
    "results.unknown_rating": (
        "xếp loại {stated!r} không phải tên một mức xếp loại ({computed})",
        "the rating {stated!r} is not a band's name ({computed})",
    ),
    "results.rating_mismatch_points": (
        "xếp loại {stated}, nhưng {value} điểm thuộc mức {computed}",
        "rated {stated}, but {value} points is in the band {computed}",
    ),
    "results.rating_mismatch_percent": (
        "xếp loại {stated}, nhưng tỷ lệ {value}% thuộc mức {computed}",
        "rated {stated}, but {value}% is in the band {computed}",
    ),
    "results.rating_count_mismatch": (
        "dòng tổng hợp ghi {stated} đơn vị xếp loại {rating}, nhưng bảng có {computed}",
        "the summary says {stated} units are rated {rating}, but the table has {computed}",
    ),
    "results.rating_count_mismatch_one": (
        "dòng tổng hợp ghi {stated} đơn vị xếp loại {rating}, nhưng bảng có {computed}",
        "the summary says {stated} unit is rated {rating}, but the table has {computed}",
    ),
    # ------------------------------------------------------------------ the report
    "results.none": (
        "Không thấy sai sót: tổng, tối đa, tỷ lệ, thứ hạng, thứ tự và xếp loại đều khớp.",
        "No findings: totals, maxima, percentages, ranks, order and ratings agree.",
    ),
    "results.count": ("{errors}, {warnings}", "{errors}, {warnings}"),
    "results.severity": ("mức", "severity"),
    "results.error": ("lỗi", "error"),
    "results.warning": ("cảnh báo", "warning"),
    "results.line": ("dòng", "line"),
    "results.unit": ("đơn vị", "unit"),
    "results.column": ("cột", "column"),
    "results.finding": ("phát hiện", "finding"),
    # ------------------------------------------------------------------ the command's help
    "results.help": (
        "kiểm tra bảng kết quả đã công bố: tổng, tối đa, tỷ lệ, thứ hạng, thứ tự, xếp loại",
        "check a published results table: sums, maxima, percentages, ranks, order, ratings",
    ),
    "results.help_table": (
        "bảng kết quả (.csv, .tsv, .txt; UTF-8 hoặc UTF-16; .xlsx cần gói excel)",
        "the results table (.csv, .tsv, .txt; UTF-8 or UTF-16; .xlsx needs the excel extra)",
    ),
    "results.help_rules": (
        "bộ tiêu chí: điểm tối đa và các mức xếp loại (theo điểm)",
        "rules: the maximum and the rating bands (on points)",
    ),
    "results.help_max": (
        "điểm tối đa của tổng điểm (mặc định: theo tiêu đề cột, bộ tiêu chí, hoặc tổng "
        "tối đa các thành phần)",
        "the totals' maximum (default: from the column's header, the rules, or the "
        "components' maxima)",
    ),
    "results.help_bands": (
        'các mức xếp loại, ví dụ "Tốt>=90;Khá>=80;Trung bình>=70;Yếu"; thêm % để xếp theo tỷ lệ',
        'the rating bands, e.g. "Tốt>=90;Khá>=80;Trung bình>=70;Yếu"; add % to rate on the '
        "percentage",
    ),
    "results.help_order": (
        "danh sách xếp theo tổng điểm: desc (cao xuống thấp), asc, none (không kiểm tra); "
        "mặc định: tự nhận khi 90% danh sách có thứ tự",
        "the list's order by total: desc (highest first), asc, none (not checked); default: "
        "detected when 90% of it is ordered",
    ),
    "results.max_positive": ("--max: phải lớn hơn 0", "--max: must be > 0"),
}
