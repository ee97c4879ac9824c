"""Problems of the rules author's tools: years that extend others, renamed facts, cases
files and a rule's provenance."""

WORDS: dict[str, tuple[str, str]] = {
    # ------------------------------------------------------------------ rules that extend others
    "E-EXTENDS-NOT-A-NAME": (
        "cần tên một bộ tiêu chí có sẵn hoặc đường dẫn tới tệp tiêu chí",
        "expected the name of a bundled rules file or a path to a rules file",
    ),
    "E-EXTENDS-CYCLE": (
        "các tệp kế thừa nhau thành vòng: {chain}",
        "the files extend each other in a cycle: {chain}",
    ),
    "E-EXTENDS-TOO-LONG": (
        "chuỗi kế thừa dài quá {limit} tệp",
        "the chain of files that extend each other is longer than {limit}",
    ),
    "E-EXTENDS-UNREADABLE": ("không đọc được tệp được kế thừa", "the parent file cannot be read"),
    "E-EXTENDS-WITHOUT-PARENT": (
        "chỉ dùng được trong tệp có 'extends'",
        "only a file that has 'extends' may use this table",
    ),
    "E-EXTENDS-REMOVE-TABLE": (
        "cần một bảng [remove] với criteria, facts hoặc bands",
        "expected a [remove] table of criteria, facts or bands",
    ),
    "E-EXTENDS-REMOVE-KEY": (
        "không bỏ được loại này; chỉ bỏ được {allowed}",
        "cannot remove this; expected one of {allowed}",
    ),
    "E-EXTENDS-REMOVE-NAMES": (
        "cần một danh sách tên (chuỗi)",
        "expected a list of names (strings)",
    ),
    "E-EXTENDS-REMOVE-UNKNOWN-CRITERIA": (
        "tệp được kế thừa không có tiêu chí mã này",
        "the parent has no criterion with this code",
    ),
    "E-EXTENDS-REMOVE-UNKNOWN-FACTS": (
        "tệp được kế thừa không khai báo dữ kiện này",
        "the parent declares no fact by this name",
    ),
    "E-EXTENDS-REMOVE-UNKNOWN-BANDS": (
        "tệp được kế thừa không có mức xếp loại này",
        "the parent has no rating band by this name",
    ),
    "E-EXTENDS-REMOVED-FACT-READ": (
        "dữ kiện đã bỏ vẫn được tiêu chí {code} sử dụng",
        "a removed fact that criterion {code} still reads",
    ),
    "E-RENAMED-TABLE": (
        'cần một bảng [renamed] dạng tên_cũ = "tên_mới"',
        'expected a [renamed] table of old_name = "new_name"',
    ),
    "E-RENAMED-NOT-A-NAME": (
        "cần tên mới của dữ kiện (chuỗi)",
        "expected the fact's new name (a string)",
    ),
    "E-RENAMED-UNKNOWN": (
        "tệp được kế thừa không khai báo dữ kiện này",
        "the parent declares no fact by this name",
    ),
    "E-RENAMED-TAKEN": (
        "tên mới đã là một dữ kiện của tệp được kế thừa",
        "the new name is already a fact of the parent",
    ),
    "E-RENAMED-UNDECLARED": (
        "tên mới không phải dữ kiện được khai báo",
        "the new name is not a declared fact",
    ),
    "E-RENAMED-STILL-DECLARED": (
        "tên cũ vẫn được khai báo là dữ kiện",
        "the old name is still declared as a fact",
    ),
    # ------------------------------------------------------------------ cases files
    "E-CASES-DUPLICATE": ("trùng tên trường hợp", "duplicate case name"),
    "E-CASES-BASE": (
        "chưa có trường hợp nào tên này ở phía trên",
        "no case by this name comes before it",
    ),
    "E-CASES-NONE": (
        "cần ít nhất một trường hợp [[cases]]",
        "at least one [[cases]] table is required",
    ),
    "E-CASES-NO-RULES": (
        "tệp không nêu bộ tiêu chí (rules = ...); hãy nêu trên dòng lệnh",
        "the file names no rules (rules = ...); give them on the command line",
    ),
    # ------------------------------------------------------------------ provenance of a rule
    "E-RULES-PROVENANCE": ("cần một trong {allowed}", "expected one of {allowed}"),
    "E-RULES-CARRY": ("cần một trong {allowed}", "expected one of {allowed}"),
}
