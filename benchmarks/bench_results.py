"""Checking a results table: a consistent table of N units (10,000 by default), written as
CSV with decimal commas, read and checked by ``check_results`` (sums, maxima, percentages,
competition ranks, order, ratings on points). Goal: well under a second for 10,000 units.

Prints one JSON line per figure: the whole check from the file, and the checks alone on a
table already read (``check_table``), each the best of three runs.

    python benchmarks/bench_results.py [--units N] [--seed S]
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

from cchc_score import check_results
from cchc_score.io.results import read_results
from cchc_score.result_bands import parse_bands
from cchc_score.results import check_table

HEADER = "STT,Đơn vị,Điểm thẩm định (65),Điều tra XHH /35,Tổng điểm,Tỷ lệ (%),Xếp hạng,Xếp loại"
BANDS = "Tốt>=90;Khá>=80;Trung bình>=70;Yếu"
CENT = Decimal("0.01")


def _band(total: Decimal) -> str:
    for low, name in ((90, "Tốt"), (80, "Khá"), (70, "Trung bình")):
        if total >= low:
            return name
    return "Yếu"


def consistent_table(count: int, seed: int) -> str:
    """A results table of ``count`` units whose numbers all agree, highest total first."""
    rnd = random.Random(seed)
    parts = sorted(
        ((rnd.randint(0, 6500) * CENT, rnd.randint(0, 3500) * CENT) for _ in range(count)),
        key=lambda p: p[0] + p[1],
        reverse=True,
    )
    lines = [HEADER]
    place, previous = 0, None
    for number, (a, b) in enumerate(parts, start=1):
        total = a + b
        if total != previous:
            place, previous = number, total
        cells = [f"{a:.2f}", f"{b:.2f}", f"{total:.2f}", f"{total:.2f}%"]
        quoted = ",".join(f'"{c.replace(".", ",")}"' for c in cells)
        lines.append(f"{number},Xã {number},{quoted},{place},{_band(total)}")
    return "\n".join(lines) + "\n"


def _best(run: Callable[[], object]) -> float:
    times = []
    for _ in range(3):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2022)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "results.csv"
        path.write_text(consistent_table(args.units, args.seed), encoding="utf-8")
        findings = check_results(path, bands=BANDS, order="desc")
        assert findings == (), findings[:3]  # a consistent table: nothing to find
        whole = _best(lambda: check_results(path, bands=BANDS, order="desc"))
        table = read_results(path)
        scale = parse_bands(BANDS)
        checks = _best(lambda: check_table(table, scale=scale, order="desc"))
    for name, seconds in (("results.check_file", whole), ("results.checks_only", checks)):
        print(json.dumps({"name": name, "units": args.units, "seconds": round(seconds, 4)}))


if __name__ == "__main__":
    main()
