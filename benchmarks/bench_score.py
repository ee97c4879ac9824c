"""Scoring speed and memory: the engine against a hand-written floor for criteria_2022, and
batch scoring from a CSV.

Prints one JSON line per figure. The floor is a straight-line function that computes the
same points for the same rules with no generality, no checks and no explanations: the
fastest honest Python for the job. Target: the engine within 3× of it.

Batch figures: ``score_many`` reading a generated CSV of N units row by row and streaming
each unit's totals to a CSV file (time and peak memory); the same for N/4 units, to show
that the peak does not grow with the number of units; ``rank`` + ``loss_table``, which
hold every unit; and ``batch.rank_large``: ``rank`` + ``loss_table`` of ``--rank-units``
units (100 000 by default; 0 skips it) from CSV tables of 10 000, in a process of its own,
with its peak resident memory (the goal: under 300 MB).

Startup: ``cli.startup_score``, the median wall time of ``cchc-score score`` on the example
ward, each run a fresh ``python -m cchc_score`` (import, parse, load the rules, score, print
the table), over ``--startup-runs`` runs (0 skips it), beside the median of a bare
``python -c pass`` on the same machine (the goal: under 70 ms; issue 17), the two taking
turns, and the median CPU time (user and system) of each, which other work on a shared
machine moves less than the wall time. The byte code is
cached, as an installed package has it, in a temporary ``PYTHONPYCACHEPREFIX`` (so nothing
is written beside the sources): where ``PYTHONDONTWRITEBYTECODE`` is set and the sources
have no cache, every start compiles each module the command imports, 40 to 100 ms more.

    python benchmarks/bench_score.py [--units N] [--seed S] [--rank-units N]
                                     [--startup-runs N] [--startup-only]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import attrs

from cchc_score import (
    Evidence,
    RuleSet,
    dump_evidence_csv,
    evaluate,
    load_rules,
    loss_table,
    rank,
    score_many,
)
from cchc_score.report import results_csv

Q = Decimal("0.01")
LEVELS3 = ["không đạt", "đạt một phần", "đạt đầy đủ"]
APPRAISED = {
    "1.r": 5,
    "2.r": 1.75,
    "3.r": 10,
    "4.r": 6,
    "5.r": 10,
    "6.r": 4.75,
    "7.1.r": 4.5,
    "7.2.r": 4,
    "8.r": 2,
    "IX": 25,
}


def synthetic_units(rules: RuleSet, count: int, seed: int) -> list[Evidence]:
    """``count`` valid, varied evidences for criteria_2022."""
    rnd = random.Random(seed)
    fact = rules.fact
    units = []
    for i in range(count):
        staff = rnd.randint(10, 30)
        dossiers = rnd.randint(50, 400)
        plan = rnd.randint(10, 40)
        facts: dict[str, Any] = {
            "cchc_plan_tasks_total": plan,
            "cchc_plan_tasks_done": rnd.randint(plan // 2, plan),
            "initiative_level": rnd.choice(fact("initiative_level").levels),
            "assigned_tasks_late": rnd.randint(0, 6),
            "legal_documents_work": frozenset(
                rnd.sample(fact("legal_documents_work").items, rnd.randint(0, 3))
            ),
            "law_monitoring_work": frozenset(
                rnd.sample(fact("law_monitoring_work").items, rnd.randint(0, 3))
            ),
            "expired_procedures_posted": rnd.randint(0, 3),
            "feedback_address_posting": rnd.choice(LEVELS3),
            "staff_total": staff,
            "staff_rated_good": rnd.randint(staff // 2, staff),
            "staff_untrained": rnd.randint(0, 5),
            "criticism_letters": rnd.randint(0, 3),
            "investment_disbursement_rate": Decimal(rnd.randint(500, 1000)) / 1000,
            "budget_allocation": rnd.choice(LEVELS3),
            "budget_use_findings": rnd.randint(0, 4),
            "late_reports": rnd.randint(0, 6),
            "portal_sections": frozenset(
                rnd.sample(fact("portal_sections").items, rnd.randint(0, 5))
            ),
            "dossiers_total": dossiers,
            "online_dossiers": rnd.randint(0, dossiers),
            "postal_dossier_share": Decimal(rnd.randint(0, 400)) / 1000,
            "records_filing": rnd.choice(LEVELS3),
        }
        appraised = {
            code: Decimal(rnd.randint(0, int(top * 100))) / 100 for code, top in APPRAISED.items()
        }
        units.append(Evidence(f"Đơn vị {i}", 2022, facts=facts, appraised=appraised))
    return units


STEPS_61 = [
    (Decimal(a), Decimal(b))
    for a, b in (("1", "1"), ("0.9", "0.9"), ("0.8", "0.75"), ("0.7", "0.5"), ("0", "0"))
]
STEPS_66 = [(4, Decimal(0)), (1, Decimal("0.25")), (0, Decimal("0.5"))]
PORTAL_ITEMS = [
    (x, Decimal("0.125"))
    for x in ("Ngân sách", "Góp ý và hỏi đáp", "Tuyên truyền CCHC", "Lịch công tác công khai")
]
PORTAL_ITEMS.append(("Các chuyên mục khác theo VB 180/STTTT-CNTT", Decimal(1)))


def _r(value: Decimal) -> Decimal:
    return value.quantize(Q, rounding=ROUND_HALF_UP)


def floor_score(f: dict[str, Any], a: dict[str, Decimal]) -> Decimal:
    """criteria_2022 by hand: every leaf, rounded, summed per domain. Returns the total."""
    d = Decimal
    lv = {"không đạt": d(0), "đạt một phần": d(1), "đạt đầy đủ": d(2)}
    s12 = _r(d("1.5") * f["cchc_plan_tasks_done"] / f["cchc_plan_tasks_total"])
    s17 = {"không có": d(0), "cấp cơ sở": d(1), "cấp tỉnh, bộ, ngành trở lên": d("1.5")}[
        f["initiative_level"]
    ]
    s18 = _r(max(d(2) - d("0.25") * f["assigned_tasks_late"], d(0)))
    dom1 = s12 + _r(s17) + s18 + _r(a["1.r"])
    w21 = f["legal_documents_work"]
    s21 = _r(
        (d("1.5") if "ban hành văn bản QPPL theo thẩm quyền" in w21 else d(0))
        + (d("0.25") if "góp ý đầy đủ dự thảo của cấp trên" in w21 else d(0))
        + (d("0.75") if "kiểm tra, rà soát văn bản" in w21 else d(0))
    )
    w23 = f["law_monitoring_work"]
    s23 = _r(
        (d("0.5") if "hồ sơ xử lý vi phạm hành chính cập nhật đầy đủ" in w23 else d(0))
        + (d("0.25") if "quyết định xử phạt đúng biểu mẫu" in w23 else d(0))
        + (d(2) if "kế hoạch, báo cáo theo dõi thi hành pháp luật" in w23 else d(0))
    )
    dom2 = s21 + s23 + _r(a["2.r"])
    s31 = _r(max(d(1) - d("0.5") * f["expired_procedures_posted"], d(0)))
    s36 = _r((d(0), d("1.25"), d("1.5"))[int(lv[f["feedback_address_posting"]])])
    dom3 = s31 + s36 + _r(a["3.r"])
    dom4 = _r(a["4.r"])
    s51 = _r(d(1) * f["staff_rated_good"] / f["staff_total"])
    s53 = _r(max(d(1) - d("0.05") * f["staff_untrained"], d(0)))
    s572 = _r(max(d(2) - d("0.5") * f["criticism_letters"], d(0)))
    dom5 = s51 + s53 + s572 + _r(a["5.r"])
    rate = f["investment_disbursement_rate"]
    s61 = next(p for low, p in STEPS_61 if rate >= low)
    s632 = (d(0), d("0.5"), d("0.75"))[int(lv[f["budget_allocation"]])]
    s65 = _r(max(d(1) - d("0.25") * f["budget_use_findings"], d(0)))
    s66 = next(p for low, p in STEPS_66 if f["late_reports"] >= low)
    dom6 = _r(s61) + _r(s632) + s65 + _r(s66) + _r(a["6.r"])
    ps = f["portal_sections"]
    s7113 = _r(sum((p for x, p in PORTAL_ITEMS if x in ps), d(0)))
    share = d(f["online_dossiers"]) / f["dossiers_total"]
    s712 = d(3) if share >= d("0.5") else _r(d(3) * share / d("0.5"))
    postal = f["postal_dossier_share"]
    s713 = d("1.5") if postal >= d("0.2") else _r(d("1.5") * postal / d("0.2"))
    s71 = s7113 + _r(s712) + _r(s713) + _r(a["7.1.r"])
    s72 = _r((d(0), d("0.5"), d(1))[int(lv[f["records_filing"]])]) + _r(a["7.2.r"])
    dom7 = s71 + s72
    dom8 = _r(a["8.r"])
    dom9 = _r(a["IX"])
    return dom1 + dom2 + dom3 + dom4 + dom5 + dom6 + dom7 + dom8 + dom9


def _timed(run: Callable[[], object]) -> float:
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


def _peak(run: Callable[[], object]) -> int:
    tracemalloc.start()
    run()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--units", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=2022)
    parser.add_argument("--rank-units", type=int, default=100_000)
    parser.add_argument("--startup-runs", type=int, default=10)
    parser.add_argument("--startup-only", action="store_true")
    args = parser.parse_args()
    if args.startup_runs:
        startup(args.startup_runs)
    if args.startup_only:
        return
    rules = load_rules("criteria_2022")
    units = synthetic_units(rules, args.units, args.seed)
    plain = [(dict(u.facts), dict(u.appraised)) for u in units]

    # The two must agree before their speeds mean anything.
    for unit, (facts, appraised) in zip(units[:500], plain[:500], strict=True):
        assert evaluate(rules, unit).total == floor_score(facts, appraised)

    def engine() -> None:
        for unit in units:
            evaluate(rules, unit)

    def floor() -> None:
        for facts, appraised in plain:
            floor_score(facts, appraised)

    figures = {}
    for name, run in (("engine", engine), ("floor", floor)):
        seconds = min(_timed(run) for _ in range(3))
        figures[name] = seconds
        print(
            json.dumps(
                {
                    "name": f"score.{name}",
                    "units": args.units,
                    "seconds": round(seconds, 4),
                    "units_per_second": round(args.units / seconds),
                    "peak_bytes": _peak(run),
                }
            )
        )
    print(
        json.dumps(
            {
                "name": "score.engine_over_floor",
                "units": args.units,
                "ratio": round(figures["engine"] / figures["floor"], 2),
                "target": 3.0,
            }
        )
    )
    batch(rules, units, args.seed)
    if args.rank_units:
        rank_large(rules, args.rank_units, args.seed)


EXAMPLE = Path(__file__).resolve().parent.parent / "examples" / "ward_2022" / "evidence.toml"


def _run(command: list[str], env: dict[str, str]) -> tuple[float, float]:
    """One run's wall time and the CPU time (user and system) of its process, in seconds."""
    import resource  # here: Unix only, and only the startup figures need it

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, stdout=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def _medians_ms(
    commands: dict[str, list[str]], runs: int, env: dict[str, str]
) -> dict[str, tuple[float, float]]:
    """Each command's median wall and CPU milliseconds over ``runs`` runs, the commands taking
    turns (so that a machine busy for a while weighs on all of them alike)."""
    for command in commands.values():
        _run(command, env)  # the first run writes the byte code, where it is written
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
    for _ in range(runs):
        for name, command in commands.items():
            times[name].append(_run(command, env))
    return {
        name: (
            round(statistics.median(w for w, _ in found) * 1000, 1),
            round(statistics.median(c for _, c in found) * 1000, 1),
        )
        for name, found in times.items()
    }


def startup(runs: int) -> None:
    """``cchc-score score`` on the example ward, each time a fresh process: the median wall
    time of ``runs`` runs, and of a bare interpreter for comparison; the median CPU time of
    each beside it (less moved than the wall time by other work on a shared machine)."""
    score = [sys.executable, "-m", "cchc_score", "score", str(EXAMPLE)]
    bare = [sys.executable, "-c", "pass"]
    base = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    with tempfile.TemporaryDirectory() as cache:
        with_cache = {**base, "PYTHONPYCACHEPREFIX": cache}
        found = _medians_ms({"score": score, "bare": bare}, runs, with_cache)
        print(
            json.dumps(
                {
                    "name": "cli.startup_score",
                    "runs": runs,
                    "median_ms": found["score"][0],
                    "python_median_ms": found["bare"][0],
                    "cpu_median_ms": found["score"][1],
                    "python_cpu_median_ms": found["bare"][1],
                    "goal_ms": 70,
                }
            )
        )


_RANK = """
import itertools, resource, sys, time
from cchc_score import load_rules, loss_table, rank, score_many
rules = load_rules("criteria_2022")
start = time.perf_counter()
ranking = rank(itertools.chain.from_iterable(score_many(rules, p) for p in sys.argv[1:]))
table = loss_table(ranking)
seconds = time.perf_counter() - start
print(len(ranking.units), len(ranking.invalid), seconds,
      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def rank_large(rules: RuleSet, count: int, seed: int) -> None:
    """Rank ``count`` units from CSV tables of 10 000 units (a table is read whole, up to
    ``limits.MAX_TABLE_BYTES``), streamed into one ranking in a fresh process: its time
    and peak memory."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for start in range(0, count, 10_000):
            chunk = synthetic_units(rules, min(10_000, count - start), seed + start)
            chunk = [attrs.evolve(u, unit=f"Xã {start + i:06d}") for i, u in enumerate(chunk)]
            paths.append(Path(tmp) / f"units_{start:06d}.csv")
            paths[-1].write_text(dump_evidence_csv(rules, chunk), encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-c", _RANK, *map(str, paths)],
            capture_output=True,
            text=True,
            check=True,
        )
        ranked, invalid, seconds, rss = done.stdout.split()
        print(
            json.dumps(
                {
                    "name": "batch.rank_large",
                    "units": count,
                    "ranked": int(ranked),
                    "invalid": int(invalid),
                    "seconds": round(float(seconds), 2),
                    "units_per_second": round(count / float(seconds)),
                    "peak_rss_mb": round(int(rss) / 1024, 1),
                    "goal_mb": 300,
                }
            )
        )


def batch(rules: RuleSet, units: list[Evidence], seed: int) -> None:
    """Batch scoring from a CSV file, streamed to a CSV file; then ranking in memory."""
    count = len(units)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        large = folder / "units.csv"
        large.write_text(dump_evidence_csv(rules, units), encoding="utf-8")
        small = folder / "units_quarter.csv"
        small.write_text(dump_evidence_csv(rules, units[: count // 4]), encoding="utf-8")
        out = folder / "totals.csv"

        def stream(source: Path) -> Callable[[], object]:
            def run() -> None:
                with out.open("w", encoding="utf-8") as sink:
                    sink.writelines(results_csv(rules, score_many(rules, source)))

            return run

        # The two must agree before their speed means anything.
        for result, unit in zip(score_many(rules, large), units[:500], strict=False):
            assert result.scorecard is not None
            assert result.scorecard.total == evaluate(rules, unit).total
        seconds = min(_timed(stream(large)) for _ in range(3))
        peak = _peak(stream(large))
        print(
            json.dumps(
                {
                    "name": "batch.csv_to_csv",
                    "units": count,
                    "seconds": round(seconds, 4),
                    "units_per_second": round(count / seconds),
                    "peak_bytes": peak,
                }
            )
        )
        quarter = _peak(stream(small))
        print(
            json.dumps(
                {
                    "name": "batch.streaming_memory",
                    "units": [count // 4, count],
                    "peak_bytes": [quarter, peak],
                    "ratio": round(peak / quarter, 2),
                    "note": "peak while streaming CSV to CSV; 1.0 means flat",
                }
            )
        )

        def ranked() -> None:
            ranking = rank(score_many(rules, large))
            loss_table(ranking.scorecards)

        seconds = _timed(ranked)
        print(
            json.dumps(
                {
                    "name": "batch.rank_and_losses",
                    "units": count,
                    "seconds": round(seconds, 4),
                    "units_per_second": round(count / seconds),
                    "peak_bytes": _peak(ranked),
                    "note": "holds every scorecard, as a ranking must",
                }
            )
        )


if __name__ == "__main__":
    main()
