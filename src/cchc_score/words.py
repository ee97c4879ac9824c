"""The one catalogue of text a person reads, in Vietnamese and English, keyed by stable codes.

Every word, label, heading and sentence template the library shows lives here, so that a
translation is a data edit and a test can check that both languages are complete (same
codes, same ``{placeholders}``). Code elsewhere asks for ``text("report.total", lang)``;
it never writes ``x_en if lang == "en" else x``: :func:`pick` does that for names that come
from data (a criterion's ``name`` / ``name_en``).

Codes are ``subject.name``; the subject is the module family that uses them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .numbers import Lang

__all__ = ["WORDS", "pick", "text"]

#: code → (Vietnamese, English). Keep each subject's codes together, in its own section.
WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ common
    "common.yes": ("có", "yes"),
    "common.no": ("không", "no"),
    # ------------------------------------------------------------------ rule kinds (kinds/)
    "kind.points": ("điểm", "points"),
    "kind.point": ("điểm", "point"),
    "kind.at_least": ("mức từ {min} trở lên", "step from {min}"),
    "kind.target_met": ("đạt mục tiêu {target}", "target {target} met"),
    "kind.below_min": ("dưới ngưỡng {min}", "below the threshold {min}"),
    "kind.not_below": ("không dưới {floor}", "not below {floor}"),
    "kind.done": ("{done}/{total} nội dung đạt", "{done} of {total} items done"),
    "kind.missing": ("chưa đạt: {items}", "missing: {items}"),
    "kind.appraised": ("điểm thẩm định nhập trực tiếp", "appraised points entered directly"),
    "kind.sum": ("tổng các tiêu chí thành phần", "sum of the sub-criteria"),
    "kind.capped": ("tối đa {max}", "capped at {max}"),
    # ------------------------------------------------------------------ evaluation
    "eval.not_assessed": (
        "không đánh giá ({reason}): tính điểm tối đa {max} điểm",
        "not assessed ({reason}): counted at its maximum of {max} points",
    ),
    # {points} is "1,33/1,5": the appraised points over the maximum.
    "eval.observed": (
        "điểm thẩm định theo phụ lục: {points}",
        "appraised points from the annex: {points}",
    ),
    "eval.differences": (
        "Tiêu chí có điểm tính từ dữ kiện khác điểm thẩm định: {n}",
        "Criteria whose points from the facts differ from the appraised points: {n}",
    ),
    "eval.computed": ("Điểm tính", "Computed"),
    "eval.appraised": ("Điểm thẩm định", "Appraised"),
    # ------------------------------------------------------------------ inputs (io/)
    "input.docx_missing": (
        "đọc tệp Word (.docx) cần python-docx, có trong gói mở rộng docx: "
        'pip install "cchc-score[docx]"',
        "reading a Word file (.docx) needs python-docx, which the docx extra installs: "
        'pip install "cchc-score[docx]"',
    ),
    # ------------------------------------------------------------------ output (writing)
    # Each says what happened, then what to do; {folder}, {input}, {target} are paths.
    "output.exists": (
        "đã có tệp này; không ghi đè (dùng --force để thay thế)",
        "exists; not overwritten (use --force to replace it)",
    ),
    "output.is_input": (
        "là tệp đầu vào của lệnh này ({input}); tệp đầu vào không bao giờ bị ghi đè, "
        "kể cả với --force: hãy chọn tên khác",
        "is an input of this command ({input}); an input is never overwritten, even with "
        "--force: choose another name",
    ),
    "output.symlink": (
        "là liên kết tượng trưng (trỏ tới {target}); không ghi qua liên kết, kể cả với "
        "--force: hãy dùng đường dẫn thật hoặc xoá liên kết",
        "is a symbolic link (to {target}); nothing is written through a link, even with "
        "--force: give the real path or remove the link",
    ),
    "output.is_folder": (
        "là một thư mục; hãy cho tên tệp",
        "is a folder; give a file name",
    ),
    "output.not_regular": (
        "không phải tệp thường (thiết bị, ống hoặc socket); hãy cho tên một tệp thường",
        "is not a regular file (a device, pipe or socket); give the name of a regular file",
    ),
    "output.not_a_folder": (
        "không ghi được: {folder} là tệp chứ không phải thư mục; hãy chọn chỗ khác",
        "cannot write: {folder} is a file, not a folder; choose another place",
    ),
    "output.cannot_create": (
        "không tạo được thư mục {folder}",
        "cannot create the folder {folder}",
    ),
    "output.permission": (
        "không ghi được: không có quyền ghi; hãy chọn thư mục mà bạn có quyền ghi",
        "cannot write: permission denied; choose a folder you can write to",
    ),
    "output.missing_folder": (
        "không ghi được: thư mục không tồn tại; hãy tạo thư mục hoặc chọn chỗ khác",
        "cannot write: the folder does not exist; create it or choose another place",
    ),
    "output.in_the_way": (
        "không ghi được: một tệp cùng tên đang chiếm chỗ; hãy chọn tên khác",
        "cannot write: a file of that name is in the way; choose another name",
    ),
    "output.disk_full": (
        "không ghi được: ổ đĩa đã hết chỗ; hãy giải phóng bớt dung lượng rồi chạy lại",
        "cannot write: no space left on the device; free some space and try again",
    ),
    "output.quota": (
        "không ghi được: đã vượt hạn mức dung lượng; hãy giải phóng bớt dung lượng rồi chạy lại",
        "cannot write: disk quota exceeded; free some space and try again",
    ),
    "output.read_only": (
        "không ghi được: hệ thống tệp chỉ cho đọc; hãy chọn chỗ khác",
        "cannot write: the file system is read-only; choose another place",
    ),
    "output.name_too_long": (
        "không ghi được: tên quá dài; hãy chọn tên ngắn hơn",
        "cannot write: the name is too long; choose a shorter one",
    ),
    "output.link": (
        "không ghi được: đường dẫn có vòng liên kết tượng trưng; hãy dùng đường dẫn thật",
        "cannot write: the path has a loop of symbolic links; give the real path",
    ),
    "output.too_big": (
        "không ghi được: tệp quá lớn cho hệ thống tệp này; hãy chọn chỗ khác",
        "cannot write: the file is too large for this file system; choose another place",
    ),
    "output.os_error": (
        "không ghi được: {reason}",
        "cannot write: {reason}",
    ),
    "output.stdout": ("đầu ra chuẩn", "standard output"),
    # ------------------------------------------------------------------ reports (report/)
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
    "report.findings_count": (
        "{errors} lỗi, {warnings} cảnh báo",
        "{errors} errors, {warnings} warnings",
    ),
    "report.severity": ("Mức", "Severity"),
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
    "batch.ranking": (
        "Xếp hạng {n} đơn vị theo bộ tiêu chí {rules}",
        "Ranking of {n} units under {rules}",
    ),
    "batch.rank": ("Hạng", "Rank"),
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
        "Điểm bị trừ theo tiêu chí ({n} tiêu chí; tổng cộng {lost} điểm bị trừ)",
        "Points lost by criterion ({n} criteria; {lost} points lost in all)",
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
    # ------------------------------------------------------------------ command line (cli)
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
    "cli.more_problems": (
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
    "cli.target": (
        "--target: {value} không phải là số điểm hay tên một mức xếp loại ({names})",
        "--target: {value} is neither a number nor a rating ({names})",
    ),
    "cli.plan_needs": (
        "plan: cần --budget N (số ngày công), --target MỨC, hoặc cả hai",
        "plan: give --budget N (person-days), --target RATING, or both",
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
}


def text(code: str, lang: Lang = "vi", /, **fields: object) -> str:
    """The text for ``code`` in ``lang``, with ``{placeholders}`` filled from ``fields``.

    Raises:
        KeyError: no text has this code (a programming error: codes are fixed).

    >>> text("common.yes", "vi"), text("common.no", "en")
    ('có', 'no')
    """
    vi, en = WORDS[code]
    template = en if lang == "en" else vi
    return template.format(**fields) if fields else template


def pick(vi: str, en: str | None, lang: Lang = "vi") -> str:
    """A name from data in ``lang``: the English one where asked for and given, else the
    Vietnamese one.

    >>> pick("Tốt", "Good", "en"), pick("Tốt", None, "en"), pick("Tốt", "Good", "vi")
    ('Good', 'Tốt', 'Tốt')
    """
    return en if lang == "en" and en else vi
