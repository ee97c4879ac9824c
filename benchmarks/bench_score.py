"""Scoring speed and memory: the engine against a hand-written floor for criteria_2022, and
batch scoring from a CSV.

Prints one JSON line per figure. The floor is a straight-line function that computes the
same points for the same rules with no generality, no checks and no explanations, every
constant made once at import (no decimal is read from text while scoring): the fastest
honest Python for the job. Goal: the engine within 2× of it, on evidence built in Python
(``score.engine_over_floor``) and on evidence read from TOML files with ``load_evidence``
(``score.engine_over_floor_from_file``: a checklist is then a list and a rate of 100% the
integer 1; the reading itself is ``score.load_toml``). The engine's and the floor's
results are compared on every unit before either is timed.

Batch figures: ``score_many`` reading a generated CSV of N units row by row and streaming
each unit's totals to a CSV file (time and peak memory); the same for N/4 units, to show
that the peak does not grow with the number of units; ``batch.csv_to_ranking``, the CSV
ranked (goal: 30 000 units a second), beside ``batch.floor_csv_to_ranking``, the same
table read with the csv module, typed, scored and sorted by hand; ``rank`` + ``loss_table``,
which hold every unit; and ``batch.rank_large``: ``rank`` and then ``loss_table`` of
``--rank-units`` units (100 000 by default; 0 skips it) from CSV tables of 10 000, in a
process of its own (so nothing is remembered from the runs before), with its peak resident
memory (the goal: under 300 MB). Speeds are the best of three runs in this process: the
flat plan remembers points and cells across runs, as it does across the tables of one batch.

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
                                     [--file-units N] [--startup-runs N] [--startup-only]
"""

from __future__ import annotations

import argparse
import csv
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
    load_evidence,
    load_rules,
    loss_table,
    rank,
    score_many,
)
from cchc_score.io.evidence import dump_evidence
from cchc_score.report import results_csv

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


# The floor: criteria_2022 by hand, every constant made once here, as a person would write
# one function for one rule set: no generality, no checks, no explanations.
_D = Decimal
Q = _D("0.01")
ZERO, ONE, TWO, THREE = _D(0), _D(1), _D(2), _D(3)
P05, P20, P25, P50, P80 = _D("0.05"), _D("0.2"), _D("0.25"), _D("0.5"), _D("0.8")
F15 = _D("1.5")
FULL_1, FULL_15, FULL_3 = _D("1.00"), _D("1.50"), _D("3.00")
S17 = {"không có": _D("0.00"), "cấp cơ sở": _D("1.00"), "cấp tỉnh, bộ, ngành trở lên": _D("1.50")}
S36 = {"không đạt": _D("0.00"), "đạt một phần": _D("1.25"), "đạt đầy đủ": _D("1.50")}
S632 = {"không đạt": _D("0.00"), "đạt một phần": _D("0.50"), "đạt đầy đủ": _D("0.75")}
S725 = {"không đạt": _D("0.00"), "đạt một phần": _D("0.50"), "đạt đầy đủ": _D("1.00")}
W21 = tuple(
    (item, _D(points))
    for item, points in (
        ("ban hành văn bản QPPL theo thẩm quyền", "1.5"),
        ("góp ý đầy đủ dự thảo của cấp trên", "0.25"),
        ("kiểm tra, rà soát văn bản", "0.75"),
    )
)
W23 = tuple(
    (item, _D(points))
    for item, points in (
        ("hồ sơ xử lý vi phạm hành chính cập nhật đầy đủ", "0.5"),
        ("quyết định xử phạt đúng biểu mẫu", "0.25"),
        ("kế hoạch, báo cáo theo dõi thi hành pháp luật", "2"),
    )
)
PORTAL = tuple(
    (item, _D(points))
    for item, points in (
        ("Ngân sách", "0.125"),
        ("Góp ý và hỏi đáp", "0.125"),
        ("Tuyên truyền CCHC", "0.125"),
        ("Lịch công tác công khai", "0.125"),
        ("Các chuyên mục khác theo VB 180/STTTT-CNTT", "1"),
    )
)
STEPS_61 = tuple(
    (_D(low), _D(points))
    for low, points in (
        ("1", "1.00"),
        ("0.9", "0.90"),
        ("0.8", "0.75"),
        ("0.7", "0.50"),
        ("0", "0"),
    )
)
S66 = (_D("0.00"), _D("0.25"), _D("0.50"))  # 4 or more late reports, 1 to 3, none
BANDS = ((_D(90), "Tốt"), (_D(70), "Khá"), (_D(50), "Trung bình"), (ZERO, "Yếu"))


def _r(value: Decimal) -> Decimal:
    return value.quantize(Q, rounding=ROUND_HALF_UP)


def floor_score(f: dict[str, Any], a: dict[str, Decimal]) -> tuple[Decimal, str]:
    """criteria_2022 by hand: every leaf, rounded once, summed per domain; the total and
    its rating (a checklist may be a set or, as a file gives it, a list)."""
    done, planned = f["cchc_plan_tasks_done"], f["cchc_plan_tasks_total"]
    s12 = ZERO if done < P80 * planned else FULL_15 if done >= planned else _r(F15 * done / planned)
    s18 = _r(max(TWO - P25 * f["assigned_tasks_late"], ZERO))
    dom1 = s12 + S17[f["initiative_level"]] + s18 + _r(a["1.r"])
    w21, w23 = f["legal_documents_work"], f["law_monitoring_work"]
    s21 = _r(sum([p for item, p in W21 if item in w21], ZERO))
    s23 = _r(sum([p for item, p in W23 if item in w23], ZERO))
    dom2 = s21 + s23 + _r(a["2.r"])
    s31 = _r(max(ONE - P50 * f["expired_procedures_posted"], ZERO))
    dom3 = s31 + S36[f["feedback_address_posting"]] + _r(a["3.r"])
    dom4 = _r(a["4.r"])
    good, staff = f["staff_rated_good"], f["staff_total"]
    s51 = FULL_1 if good >= staff else _r(ONE * good / staff)
    s53 = _r(max(ONE - P05 * f["staff_untrained"], ZERO))
    s572 = _r(max(TWO - P50 * f["criticism_letters"], ZERO))
    dom5 = s51 + s53 + s572 + _r(a["5.r"])
    rate = f["investment_disbursement_rate"]
    s61 = next(p for low, p in STEPS_61 if rate >= low)
    s65 = _r(max(ONE - P25 * f["budget_use_findings"], ZERO))
    late = f["late_reports"]
    s66 = S66[0] if late >= 4 else S66[1] if late >= 1 else S66[2]
    dom6 = s61 + S632[f["budget_allocation"]] + s65 + s66 + _r(a["6.r"])
    portal = f["portal_sections"]
    s7113 = _r(min(sum([p for item, p in PORTAL if item in portal], ZERO), F15))
    online, dossiers = f["online_dossiers"], f["dossiers_total"]
    s712 = FULL_3 if online >= P50 * dossiers else _r(THREE * online / (P50 * dossiers))
    postal = f["postal_dossier_share"]
    s713 = FULL_15 if postal >= P20 else _r(F15 * postal / P20)
    dom7 = s7113 + s712 + s713 + _r(a["7.1.r"]) + S725[f["records_filing"]] + _r(a["7.2.r"])
    total = dom1 + dom2 + dom3 + dom4 + dom5 + dom6 + dom7 + _r(a["8.r"]) + _r(a["IX"])
    return total, next(name for low, name in BANDS if total >= low)


#: How the floor reads a table's cells, by column (appraised points as decimals).
CELLS: dict[str, Callable[[str], Any]] = dict.fromkeys(
    (
        "cchc_plan_tasks_total",
        "cchc_plan_tasks_done",
        "assigned_tasks_late",
        "expired_procedures_posted",
        "staff_total",
        "staff_rated_good",
        "staff_untrained",
        "criticism_letters",
        "budget_use_findings",
        "late_reports",
        "online_dossiers",
        "dossiers_total",
    ),
    int,
)
CELLS |= {"investment_disbursement_rate": Decimal, "postal_dossier_share": Decimal}
CELLS |= {
    name: (lambda cell: frozenset() if cell == "-" else frozenset(cell.split("; ")))
    for name in ("legal_documents_work", "law_monitoring_work", "portal_sections")
}


def floor_rank(path: Path) -> list[tuple[str, Decimal]]:
    """A table as ``dump_evidence_csv`` writes it, ranked by hand: each row's cells typed
    by its column, scored by :func:`floor_score`, the units sorted by total then name."""
    with path.open(encoding="utf-8", newline="") as stream:
        rows = csv.reader(stream)
        header = next(rows)
        facts = [(i, name, CELLS.get(name, str)) for i, name in enumerate(header) if i > 2]
        facts = [(i, name, read) for i, name, read in facts if not name.startswith("appraised:")]
        points = [(i, name[10:]) for i, name in enumerate(header) if name.startswith("appraised:")]
        ranked = []
        for row in rows:
            f = {name: read(row[i]) for i, name, read in facts}
            total, _ = floor_score(f, {code: Decimal(row[i]) for i, code in points})
            ranked.append((-total, row[0]))
    ranked.sort()
    return [(unit, -total) for total, unit in ranked]


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
    parser.add_argument("--file-units", type=int, default=2_000)
    parser.add_argument("--startup-runs", type=int, default=10)
    parser.add_argument("--startup-only", action="store_true")
    args = parser.parse_args()
    if args.startup_runs:
        startup(args.startup_runs)
    if args.startup_only:
        return
    rules = load_rules("criteria_2022")
    units = synthetic_units(rules, args.units, args.seed)
    score_typed(rules, units)
    score_files(rules, units[: args.file_units])
    batch(rules, units, args.seed)
    if args.rank_units:
        rank_large(rules, args.rank_units, args.seed)


def _cpu(run: Callable[[], object]) -> float:
    start = time.process_time()
    run()
    return time.process_time() - start


def _speed(
    name: str, units: int, run: Callable[[], object], **extra: object
) -> tuple[float, float]:
    """The best of three runs of ``run`` (``units`` units), printed; its wall and processor
    seconds. Beside the
    wall time, the process's own processor time (best of three too): on a machine shared
    with other work, the wall time also counts the waits for a core."""
    seconds = min(_timed(run) for _ in range(3))
    cpu = min(_cpu(run) for _ in range(3))
    figure = {"name": name, "units": units, "seconds": round(seconds, 4)}
    figure |= {"units_per_second": round(units / seconds), "cpu_seconds": round(cpu, 4)}
    figure |= {"cpu_units_per_second": round(units / cpu), "peak_bytes": _peak(run), **extra}
    print(json.dumps(figure))
    return seconds, cpu


def _ratio(name: str, units: int, engine: tuple[float, float], floor: tuple[float, float]) -> None:
    figure = {"name": name, "units": units, "ratio": round(engine[0] / floor[0], 2)}
    figure |= {"cpu_ratio": round(engine[1] / floor[1], 2), "goal": 2.0}
    print(json.dumps(figure))


def _compare(rules: RuleSet, evidences: list[Evidence]) -> list[tuple[dict[str, Any], Any]]:
    """Each evidence's facts and appraised points as the floor reads them, after checking
    that the floor and the engine agree on every unit (else their speeds mean nothing)."""
    plain = [(dict(u.facts), dict(u.appraised)) for u in evidences]
    for unit, (facts, appraised) in zip(evidences, plain, strict=True):
        card = evaluate(rules, unit)
        rating = card.rating.name if card.rating else None
        assert (card.total, rating) == floor_score(facts, appraised), unit.unit
    return plain


def score_typed(rules: RuleSet, units: list[Evidence]) -> None:
    """The engine and the floor on evidence built in Python (values already typed)."""
    plain = _compare(rules, units)

    def engine() -> None:
        for unit in units:
            evaluate(rules, unit)

    def floor() -> None:
        for facts, appraised in plain:
            floor_score(facts, appraised)

    seconds = _speed("score.engine", len(units), engine)
    floor_seconds = _speed("score.floor", len(units), floor)
    _ratio("score.engine_over_floor", len(units), seconds, floor_seconds)


def score_files(rules: RuleSet, units: list[Evidence]) -> None:
    """The same from evidence files: each unit written as TOML and read back with
    ``load_evidence`` (a checklist then is a list, a rate of 100% the integer 1), then
    scored; the reading is timed on its own."""
    with tempfile.TemporaryDirectory() as tmp:
        paths = []
        for i, unit in enumerate(units):
            paths.append(Path(tmp) / f"unit_{i:05d}.toml")
            paths[-1].write_text(dump_evidence(unit), encoding="utf-8")
        loaded: list[Evidence] = []

        def load() -> None:
            loaded[:] = [load_evidence(path) for path in paths]

        _speed("score.load_toml", len(units), load)
    plain = _compare(rules, loaded)

    def engine() -> None:
        for unit in loaded:
            evaluate(rules, unit)

    def floor() -> None:
        for facts, appraised in plain:
            floor_score(facts, appraised)

    seconds = _speed("score.engine_from_file", len(units), engine)
    floor_seconds = _speed("score.floor_from_file", len(units), floor)
    _ratio("score.engine_over_floor_from_file", len(units), seconds, floor_seconds)


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
ranked = time.perf_counter()
table = loss_table(ranking)
seconds = time.perf_counter() - start
print(len(ranking.units), len(ranking.invalid), seconds, ranked - start,
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
        ranked, invalid, seconds, rank_seconds, rss = done.stdout.split()
        print(
            json.dumps(
                {
                    "name": "batch.rank_large",
                    "units": count,
                    "ranked": int(ranked),
                    "invalid": int(invalid),
                    "seconds": round(float(seconds), 2),
                    "units_per_second": round(count / float(seconds)),
                    "rank_seconds": round(float(rank_seconds), 2),
                    "rank_units_per_second": round(count / float(rank_seconds)),
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

        # CSV to ranking: the library, and the floor doing the same by hand.
        ranking = rank(score_many(rules, large))
        by_hand = floor_rank(large)
        assert [(u.unit, u.total) for u in ranking.units] == by_hand
        library = _speed(
            "batch.csv_to_ranking",
            count,
            lambda: rank(score_many(rules, large)),
            goal_units_per_second=30_000,
        )
        by_hand_seconds = _speed("batch.floor_csv_to_ranking", count, lambda: floor_rank(large))
        _ratio("batch.csv_to_ranking_over_floor", count, library, by_hand_seconds)

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
