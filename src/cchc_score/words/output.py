"""Words of the output itself: how much of it a command prints (``--quiet``)."""

from __future__ import annotations

WORDS: dict[str, tuple[str, str]] = {
    "output.quiet": (
        "chỉ in kết quả và lỗi, không in dòng thông báo (đã ghi tệp nào): dành cho script",
        "print results and problems only, no status lines (which files were written): for scripts",
    ),
}
