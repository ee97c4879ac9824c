"""Problem messages: what is wrong with an input, keyed by stable problem codes.

A code is ``E-<SUBJECT>-<WHAT>`` for an error and ``W-<SUBJECT>-<WHAT>`` for a warning, in
capitals with hyphens (``E-EVIDENCE-RANGE``). Codes are a contract: programs match on them
(``error.codes``, the JSON ``code`` field), so a code is never renamed or reused; its texts
may be improved. Each text says what is wrong, without the place and without the offending
value (:class:`~cchc_score.errors.Problem` adds both); ``{placeholders}`` come from the
problem's fields.

Keep each subject's codes together, under a heading comment, in the order a reader meets them.
"""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ how a problem is shown
    "problem.got": ("(giá trị: {value})", "(got {value})"),
    # ------------------------------------------------------------------ values in any input
    "E-RULES-NOT-POSITIVE": ("phải lớn hơn 0", "must be > 0"),
    # ------------------------------------------------------------------ planning and ranking
    "E-PLAN-TOO-INTERLINKED": (
        "{count} nhiệm vụ tác động lẫn nhau theo quá nhiều cách để lập kế hoạch chính xác "
        "(quá {limit} phương án từng phần): {tasks}",
        "{count} tasks interact in too many ways to plan exactly (more than {limit} partial "
        "options): {tasks}",
    ),
    "E-BATCH-POINTS-ONLY": (
        "bảng xếp hạng chỉ giữ điểm của mỗi đơn vị; chấm lại đơn vị (evaluate) để giải thích",
        "a ranking keeps each unit's points only; score the unit again (evaluate) to explain it",
    ),
}
