"""Results tables generated consistent from random units have no finding; changing one total
makes exactly the findings an independent count of ranks, order and bands predicts; and
whatever rows the checker is given, it answers with findings, never a crash."""

from __future__ import annotations

import codecs
import csv
import io
import tempfile
from decimal import Decimal
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from cchc_score import ResultFinding, ResultsError, check_results
from cchc_score.results import RESULT_KINDS

HEADER = [
    "STT", "Đơn vị", "Điểm thẩm định (65)", "Điều tra XHH /35", "Tổng điểm", "Tỷ lệ (%)",
    "Xếp hạng", "Xếp loại",
]  # fmt: skip
BANDS = "Tốt>=90;Khá>=80;Trung bình>=70;Yếu"
THRESHOLDS = [(Decimal(90), "Tốt"), (Decimal(80), "Khá"), (Decimal(70), "Trung bình")]
HUNDREDTH = Decimal("0.01")


def band(total: Decimal) -> str:
    """The band by a plain scan of the thresholds (not the library's code)."""
    return next((name for low, name in THRESHOLDS if total >= low), "Yếu")


def rank(total: Decimal, totals: list[Decimal]) -> int:
    """Competition rank by counting (the library sorts): 1 + how many have more."""
    return 1 + sum(1 for other in totals if other > total)


def written(value: Decimal, comma: bool) -> str:
    text = f"{value:.2f}"
    return text.replace(".", ",") if comma else text


# Points in hundredths: appraisal 0..65, survey 0..35.
units = st.lists(
    st.tuples(st.integers(0, 6500), st.integers(0, 3500)), min_size=1, max_size=25
).map(
    lambda pairs: sorted(
        ((Decimal(a) * HUNDREDTH, Decimal(b) * HUNDREDTH) for a, b in pairs),
        key=lambda p: p[0] + p[1],
        reverse=True,
    )
)


def table(parts: list[tuple[Decimal, Decimal]], comma: bool) -> list[list[object]]:
    """A consistent table: totals the sums, percentages of 100, ranks, bands, ordered."""
    totals = [a + b for a, b in parts]
    rows: list[list[object]] = [list(HEADER)]
    for number, ((a, b), total) in enumerate(zip(parts, totals, strict=True), start=1):
        rows.append(
            [
                number,
                f"Xã {number}",
                written(a, comma),
                written(b, comma),
                written(total, comma),
                written(total, comma) + "%",
                rank(total, totals),
                band(total),
            ]
        )
    return rows


@given(units, st.booleans())
def test_a_consistent_table_has_no_finding(
    parts: list[tuple[Decimal, Decimal]], comma: bool
) -> None:
    assert check_results(table(parts, comma), bands=BANDS, order="desc") == ()


def _write(rows: list[list[object]], form: str, folder: Path) -> Path:
    """The rows as a file: CSV with commas (cells quoted), CSV with semicolons, or TSV in
    UTF-16 with CRLF line ends, as Word and Excel write it."""
    if form == "tsv-utf16":
        text = "\r\n".join("\t".join(str(c) for c in row) for row in rows) + "\r\n"
        path = folder / "results.txt"
        path.write_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le"))
        return path
    out = io.StringIO()
    csv.writer(out, delimiter="," if form == "csv" else ";", quoting=csv.QUOTE_ALL).writerows(rows)
    path = folder / "results.csv"
    path.write_text(out.getvalue(), encoding="utf-8-sig")
    return path


@given(units, st.booleans(), st.sampled_from(["csv", "semicolons", "tsv-utf16"]))
def test_a_consistent_table_read_from_a_file_has_no_finding(
    parts: list[tuple[Decimal, Decimal]], comma: bool, form: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = _write(table(parts, comma), form, Path(folder))
        assert check_results(path, bands=BANDS, order="desc") == ()


@given(units, st.booleans(), st.data())
def test_changing_one_total_makes_exactly_the_expected_findings(
    parts: list[tuple[Decimal, Decimal]], comma: bool, data: st.DataObject
) -> None:
    rows = table(parts, comma)
    totals = [a + b for a, b in parts]
    i = data.draw(st.integers(0, len(parts) - 1))
    new = data.draw(
        st.integers(0, 10000).map(lambda n: Decimal(n) * HUNDREDTH).filter(lambda t: t != totals[i])
    )
    rows[i + 1][4] = written(new, comma)
    line = i + 2  # the header is line 1
    changed = [*totals[:i], new, *totals[i + 1 :]]
    expected = {(line, "total_not_sum"), (line, "percent_mismatch")}
    for j, total in enumerate(changed):
        if rank(total, changed) != rows[j + 1][6]:
            expected.add((j + 2, "rank_mismatch"))
    if i > 0 and new > changed[i - 1]:
        expected.add((line, "out_of_order"))
    if i + 1 < len(changed) and changed[i + 1] > new:
        expected.add((line + 1, "out_of_order"))
    if band(new) != band(totals[i]):
        expected.add((line, "rating_mismatch"))
    found = check_results(rows, bands=BANDS, order="desc")
    assert {(f.row, f.kind) for f in found} == expected
    assert len(found) == len(expected)  # each once


CELLS = st.one_of(
    st.sampled_from(["", "86,71", "86.71", "90,62%", "1,234", "-1", "1e5", "Tốt", "Khá", "x"]),
    st.text(max_size=8),
    st.integers(-5, 200),
)


@given(st.lists(st.lists(CELLS, max_size=9), max_size=12), st.sampled_from(HEADER[:6]))
def test_any_rows_give_findings_or_a_located_error(rows: list[list[object]], extra: str) -> None:
    codes: tuple[str, ...] = ()
    found: tuple[ResultFinding, ...] = ()
    try:
        found = check_results([[*HEADER, extra], *rows], bands=BANDS)
    except ResultsError as exc:
        codes = exc.codes
    assert codes in ((), ("E-RESULTS-NO-ROWS",))  # the only whole-table error rows can have
    assert all(f.kind in RESULT_KINDS and f.row >= 2 for f in found)
    assert all(f.message("vi") and f.message("en") for f in found)
