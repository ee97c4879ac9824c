"""Words that make a report plain to read: how many criteria and domains lost points, a
note shown in the language it was written in, and how much a command prints
(``--quiet``)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ the ledger's header
    # {what} is "18 tiêu chí và lĩnh vực IX" / "18 criteria and domain IX".
    "report.lost_head": (
        "{what} bị trừ điểm, tổng cộng {lost} điểm",
        "{what} lost points, {lost} in all",
    ),
    "report.criteria_one": ("1 tiêu chí", "1 criterion"),
    "report.criteria_many": ("{n} tiêu chí", "{n} criteria"),
    "report.domain_one": ("lĩnh vực {codes}", "domain {codes}"),
    "report.domain_many": ("các lĩnh vực {codes}", "domains {codes}"),
    "report.and": ("{first} và {second}", "{first} and {second}"),
    # ------------------------------------------------------------------ a node's note
    # A note is the unit's or the annex's own words: shown as written, and said to be in the
    # other language where it is (Vietnamese in English output, English in Vietnamese).
    "eval.note": ("ghi chú: {note}", "note: {note}"),
    "eval.note_other": ("ghi chú (bằng tiếng Anh): {note}", "note (in Vietnamese): {note}"),
    # The same for a criterion's reference and basis, which the rules file gives in one
    # language: {label} is "Cơ sở xác định" / "Basis".
    "report.other_lang": ("{label} (bằng tiếng Anh)", "{label} (in Vietnamese)"),
    # ------------------------------------------------------------------ the command line
    "cli.quiet": (
        "chỉ in kết quả và lỗi, không in dòng thông báo (đã ghi tệp nào): dành cho script",
        "print results and problems only, no status lines (which files were written): for scripts",
    ),
}
