"""Words of the bands' two-ended steps and of the property-testing toolkit's invariants
(:mod:`cchc_score.testing`)."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ rule kinds (kinds/)
    "kind.between": ("mức từ {min} đến dưới {below}", "step from {min} to below {below}"),
    # ------------------------------------------------------------------ the check command
    "cli.warning": ("cảnh báo: {message}", "warning: {message}"),
    # ------------------------------------------------------------------ invariants (testing/)
    "invariant.reachable.max": (
        "tiêu chí {code} ({kind}) không đạt điểm tối đa {top} với dữ kiện nào được sinh ra: "
        "nhiều nhất {best}, với {evidence}",
        "criterion {code} ({kind} rule) never reached its maximum {top} on the generated "
        "evidence: at most {best}, with {evidence}",
    ),
    "invariant.reachable.min": (
        "tiêu chí {code} ({kind}) không xuống tới điểm thấp nhất {floor} với dữ kiện nào được "
        "sinh ra: ít nhất {least}, với {evidence}",
        "criterion {code} ({kind} rule) never fell to its lowest points {floor} on the "
        "generated evidence: at least {least}, with {evidence}",
    ),
    "invariant.dead_input": (
        "dữ kiện '{fact}' không làm thay đổi điểm nào: cùng điểm với {first} và với {second}",
        "fact '{fact}' changes no score: the same points with {first} and with {second}",
    ),
    "invariant.monotone": (
        "tiêu chí {code} ({kind}) giảm từ {before} xuống {after} điểm khi dữ kiện '{fact}' "
        "tốt lên (better = '{better}') từ {old} thành {new}; với {evidence}",
        "criterion {code} ({kind} rule) fell from {before} to {after} points when fact "
        "'{fact}' improved ({better} is better) from {old} to {new}; with {evidence}",
    ),
}
