"""Words that mark what is assumed rather than read from a document: estimated fact values
in an evidence file, rating bands the rules assume, criteria that look at an earlier year."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ estimated facts
    "estimate.all": ("(giả định)", "(assumed)"),
    "estimate.some": ("(giả định: {facts})", "(assumed: {facts})"),
    # ------------------------------------------------------------------ rating bands
    "band.assumed": ("{name} (giả định)", "{name} (assumed)"),
    # ------------------------------------------------------------------ periods looked at
    "period.looks_back.one": (
        "Xét kết quả của {n} năm trước năm đánh giá (looks_back)",
        "Looks at the results of {n} year before the index's year (looks_back)",
    ),
    "period.looks_back.other": (
        "Xét kết quả của {n} năm trước năm đánh giá (looks_back)",
        "Looks at the results of {n} years before the index's year (looks_back)",
    ),
    "period.deferred": (
        "Nhiệm vụ {id}: {codes} tính vào chỉ số năm {year}, không tính ở đây (tiêu chí xét "
        "kết quả của năm trước)",
        "Task {id}: {codes} counts in the {year} index, not here (the criterion looks at an "
        "earlier year's results)",
    ),
}
