"""Report files: the example ward with its plan, written as .xlsx, .docx and .html.

Prints one JSON line per format: the median time of ``--repeat`` runs of building the
report and writing its bytes (the scoring, reconciliation, projection and best plan
included: what ``cchc-score report`` does but for reading and writing the files), the
median of the writer alone, and the file's size. ``build`` is the shared part (the
:class:`~cchc_score.report.unit.UnitReport`), timed once more on its own line.

    python benchmarks/bench_report.py [--repeat N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from cchc_score import load_evidence, load_plan, load_rules
from cchc_score.report.charts import unit_charts
from cchc_score.report.unit import UnitReport, unit_report
from cchc_score.report.unit_docx import plan_docx
from cchc_score.report.unit_html import unit_html
from cchc_score.report.unit_xlsx import unit_xlsx

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ward_2022"


def median_seconds(run: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def build() -> UnitReport:
    rules = load_rules("criteria_2022")
    return unit_report(
        rules, load_evidence(EXAMPLE / "evidence.toml"), plan=load_plan(EXAMPLE / "plan.toml")
    )


def html(report: UnitReport) -> bytes:
    return unit_html(report, "vi", unit_charts(report, "vi")).encode("utf-8")


WRITERS: dict[str, Callable[[UnitReport], bytes]] = {
    "xlsx": lambda report: unit_xlsx(report, "vi"),
    "docx": lambda report: plan_docx(report, "vi"),
    "html": html,
}


def _whole(write: Callable[[UnitReport], bytes]) -> bytes:
    return write(build())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7, help="runs per figure (median)")
    args = parser.parse_args()
    report = build()  # warm: rules and their compiled tables are kept once read
    seconds = median_seconds(build, args.repeat)
    print(json.dumps({"figure": "build", "median_s": round(seconds, 4)}), flush=True)
    for name, write in WRITERS.items():
        data = write(report)
        total = median_seconds(partial(_whole, write), args.repeat)
        alone = median_seconds(partial(write, report), args.repeat)
        figure: dict[str, object] = {
            "figure": f"report_{name}",
            "median_s": round(total, 4),
            "writer_median_s": round(alone, 4),
            "bytes": len(data),
        }
        if name == "html":  # the SVG charts are there only with the plot extra
            figure["svg_charts"] = unit_charts(report, "vi") is not None
        print(json.dumps(figure), flush=True)


if __name__ == "__main__":
    main()
