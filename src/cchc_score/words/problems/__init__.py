"""Problem messages: what is wrong with an input, keyed by stable problem codes.

A code is ``E-<SUBJECT>-<WHAT>`` for an error and ``W-<SUBJECT>-<WHAT>`` for a warning, in
capitals with hyphens (``E-EVIDENCE-RANGE``). Codes are a contract: programs match on them
(``error.codes``, the JSON ``code`` field), so a code is never renamed or reused; its texts
may be improved. Each text says what is wrong, without the place and without the offending
value (:class:`~cchc_score.errors.Problem` adds both); ``{placeholders}`` come from the
problem's fields.

Keep each subject's codes together, under a heading comment, in the order a reader meets them.

The messages are kept in parts by subject (:mod:`.values`, :mod:`.rules`, :mod:`.inputs`,
:mod:`.authoring` for the rules author's tools, :mod:`.reach` for reachability and
direction, :mod:`.results` for check-results, :mod:`.expected` for what a Python caller's
argument should be);
:data:`WORDS` is all of them.
"""

from . import authoring, expected, inputs, reach, results, rules, values

#: How a problem is shown: the offending value, a line and a column in words.
_SHOWN: dict[str, tuple[str, str]] = {
    "problem.got": ("(giá trị: {value})", "(got {value})"),
    "problem.line": ("dòng {n}", "line {n}"),
    "problem.column": ("cột {n}", "column {n}"),
    "problem.row": ("dòng {n}", "row {n}"),
    "problem.table": ("bảng {n}", "table {n}"),
    "problem.column_named": ("cột", "column"),
}


#: The parts, each merged into the one catalogue by :mod:`cchc_score.words`, which refuses a
#: code defined twice.
PARTS: tuple[dict[str, tuple[str, str]], ...] = (
    _SHOWN,
    values.WORDS,
    expected.WORDS,
    rules.WORDS,
    inputs.WORDS,
    authoring.WORDS,
    reach.WORDS,
    results.WORDS,
)

#: code → (Vietnamese, English): every problem message.
WORDS: dict[str, tuple[str, str]] = {code: t for part in PARTS for code, t in part.items()}
