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
    "eval.not_assessed": (
        "không đánh giá ({reason}): tính điểm tối đa {max} điểm",
        "not assessed ({reason}): counted at its maximum of {max} points",
    ),
    # ------------------------------------------------------------------ inputs (io/)
    # ------------------------------------------------------------------ reports (report/)
    # ------------------------------------------------------------------ projection and plans
    # ------------------------------------------------------------------ command line (cli)
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
