"""Words that mark what is assumed rather than read from a document: estimated fact values
in an evidence file, rating bands the rules assume, criteria that look at an earlier year."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ estimated facts
    "estimate.all": ("(giả định)", "(assumed)"),
    "estimate.some": ("(giả định: {facts})", "(assumed: {facts})"),
    # ------------------------------------------------------------------ rating bands
    "band.assumed": ("{name} (giả định)", "{name} (assumed)"),
    # ------------------------------------------------------------------ periods looked at
    "period.deferred": (
        "Nhiệm vụ tính vào năm sau (tiêu chí xét kết quả năm trước)",
        "Tasks that count the year after (criteria that look at the previous year)",
    ),
    "period.deferred_line": (
        "{id}: hoàn thành năm {done}, tính vào chỉ số năm {counts} ({codes})",
        "{id}: done in {done}, counts in the {counts} index ({codes})",
    ),
}
