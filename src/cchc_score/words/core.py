"""Words of the core and the edges: common words, the rule kinds' sentences, what the
readers and the guarded writer say."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ common
    "common.yes": ("có", "yes"),
    "common.no": ("không", "no"),
    # ------------------------------------------------------------------ counts (text_n)
    # A count has two English forms, ``.one`` for 1 and ``.other`` for any other number;
    # Vietnamese has one, written the same in both.
    "count.row.one": ("{n} dòng", "{n} row"),
    "count.row.other": ("{n} dòng", "{n} rows"),
    "count.task.one": ("{n} nhiệm vụ", "{n} task"),
    "count.task.other": ("{n} nhiệm vụ", "{n} tasks"),
    "count.unit.one": ("{n} đơn vị", "{n} unit"),
    "count.unit.other": ("{n} đơn vị", "{n} units"),
    "count.error.one": ("{n} lỗi", "{n} error"),
    "count.error.other": ("{n} lỗi", "{n} errors"),
    "count.warning.one": ("{n} cảnh báo", "{n} warning"),
    "count.warning.other": ("{n} cảnh báo", "{n} warnings"),
    "count.domain.one": ("{n} lĩnh vực", "{n} domain"),
    "count.domain.other": ("{n} lĩnh vực", "{n} domains"),
    "count.criterion.one": ("{n} tiêu chí", "{n} criterion"),
    "count.criterion.other": ("{n} tiêu chí", "{n} criteria"),
    "count.fact.one": ("{n} số liệu", "{n} fact"),
    "count.fact.other": ("{n} số liệu", "{n} facts"),
    "count.band.one": ("{n} mức xếp loại", "{n} rating band"),
    "count.band.other": ("{n} mức xếp loại", "{n} rating bands"),
    "count.case.one": ("{n} trường hợp", "{n} case"),
    "count.case.other": ("{n} trường hợp", "{n} cases"),
    "count.page.one": ("{n} trang", "{n} page"),
    "count.page.other": ("{n} trang", "{n} pages"),
    "count.item.one": ("{n} nội dung", "{n} item"),
    "count.item.other": ("{n} nội dung", "{n} items"),
    "count.cell.one": ("{n} ô", "{n} cell"),
    "count.cell.other": ("{n} ô", "{n} cells"),
    "count.byte.one": ("{n} byte", "{n} byte"),
    "count.byte.other": ("{n} byte", "{n} bytes"),
    # ------------------------------------------------------------------ rule kinds (kinds/)
    "kind.points": ("điểm", "points"),
    "kind.point": ("điểm", "point"),
    "kind.at_least": ("mức từ {min} trở lên", "step from {min}"),
    "kind.target_met": ("đạt mục tiêu {target}", "target {target} met"),
    "kind.below_min": ("dưới ngưỡng {min}", "below the threshold {min}"),
    "kind.not_below": ("không dưới {floor}", "not below {floor}"),
    "kind.done": ("{done}/{items} đạt", "{done} of {items} done"),
    "kind.missing": ("chưa đạt: {items}", "missing: {items}"),
    "kind.appraised": ("điểm theo kết quả thẩm định", "points from the appraisal results"),
    "kind.sum": ("tổng các tiêu chí thành phần", "sum of the sub-criteria"),
    "kind.capped": ("tối đa {max}", "capped at {max}"),
    "eval.not_assessed": (
        "không đánh giá ({reason}): tính điểm tối đa {max} điểm",
        "not assessed ({reason}): counted at its maximum of {max} points",
    ),
    # ------------------------------------------------------------------ evaluation
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
    # ------------------------------------------------------------------ evidence
    "evidence.missing_fact": ("{name} (cho {codes})", "{name} (for {codes})"),
    # ------------------------------------------------------------------ files that are not files
    "file.folder": ("một thư mục", "a folder"),
    "file.pipe": ("một ống dẫn (FIFO)", "a pipe (FIFO)"),
    "file.socket": ("một socket", "a socket"),
    "file.device": ("một thiết bị", "a device"),
    "file.irregular": ("không phải tệp thường", "not a regular file"),
    "file.mb": ("{n} MB", "{n} MB"),
    # ------------------------------------------------------------------ annex columns
    "annex.column_stt": ("số thứ tự (STT)", "the row number (STT)"),
    "annex.column_text": ("nội dung tiêu chí", "the criterion text"),
    "annex.column_max": ("điểm tối đa", "the maximum points"),
    "annex.column_score": ("điểm thẩm định", "the appraised points"),
    "annex.column_reason": ("lý do", "the reason"),
    "annex.column_task": ("nhiệm vụ", "the task"),
    "annex.column_lead": ("đơn vị chủ trì", "the lead unit"),
    "annex.column_partners": ("đơn vị phối hợp", "the partner units"),
    "annex.column_deadline": ("thời hạn", "the deadline"),
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
        "không tạo được thư mục {folder}: {why}",
        "cannot create the folder {folder}: {why}",
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
}
