"""Words of the bands' two-ended steps and of the property-testing toolkit's invariants
(:mod:`cchc_score.testing`)."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ rule kinds (kinds/)
    "kind.between": ("mức từ {min} đến dưới {below}", "step from {min} to below {below}"),
    # ------------------------------------------------------------------ the check command
    "cli.warning": ("cảnh báo: {message}", "warning: {message}"),
    # ------------------------------------------------------------------ invariants (testing/)
    "invariant.about.reachable": (
        "mỗi tiêu chí đạt được điểm tối đa và điểm thấp nhất của nó",
        "every criterion reaches its maximum and its least points",
    ),
    "invariant.about.no_dead_input": (
        "mỗi dữ kiện khai báo làm thay đổi điểm của một tiêu chí nào đó",
        "every declared fact changes some criterion's points",
    ),
    "invariant.about.monotone": (
        "dữ kiện tốt lên theo hướng đã khai báo không bao giờ làm giảm điểm",
        "a fact improved in its declared direction never lowers a score",
    ),
    "invariant.about.completion": (
        "hoàn thành một nhiệm vụ không làm xấu đi dữ kiện nào thì không bao giờ làm giảm "
        "tổng dự báo",
        "completing a task that worsens nothing never lowers the projected total",
    ),
    "invariant.about.bounds": ("mọi nút nằm trong [0, tối đa]", "every node within [0, max]"),
    "invariant.about.sums": (
        "mỗi nút cha bằng tổng các nút con, không vượt điểm tối đa",
        "each parent is the sum of its children, capped at its maximum",
    ),
    "invariant.about.order": (
        "thứ tự các nhiệm vụ trong kế hoạch không làm thay đổi dự báo",
        "the order a plan lists its tasks in does not change the projection",
    ),
    "invariant.about.round_trip": (
        "đọc → ghi → đọc cho lại đúng bộ tiêu chí",
        "load → dump → load gives the same rule set",
    ),
    "invariant.about.rescoring": (
        "tổng của bộ máy với các nhiệm vụ đã làm bằng một lần chấm đầy đủ với tác động của chúng",
        "the engine's total for done tasks is a full evaluate with their effects",
    ),
    "invariant.about.expectation": (
        "kỳ vọng của phân phối chính xác bằng tổng kỳ vọng",
        "the exact distribution's mean is the expected total",
    ),
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
    "invariant.round_trip.refused": (
        "bộ tiêu chí {id}, ghi ra rồi đọc lại, bị từ chối:\n{error}",
        "rule set {id}, dumped, does not load back:\n{error}",
    ),
    "invariant.dead_input": (
        "dữ kiện '{fact}' không làm thay đổi điểm nào: cùng điểm với {first} và với {second}",
        "fact '{fact}' changes no score: the same points with {first} and with {second}",
    ),
}
