"""Projection and planning speed, memory and exactness on ordinary and adversarial plans.

Prints one JSON line per figure (``seconds``: best of the runs; ``peak_mb``: the peak of
Python allocations during one more run, by tracemalloc):

- ``example.*``: the example ward's plan (19 tasks): ``project`` and ``best_plan`` (40 days).
- ``one_criterion.*``: k tasks all on criterion 7.1.2 (a third restores, two thirds partial
  restores of 25/50/75 %), k = 8 … 40: one group of interacting tasks. ``project`` (for
  k ≤ 16 also compared with enumerating all 2ᵏ outcomes: ``max_probability_difference``),
  ``best_plan`` for a third of the effort, and the target
  search (85 points, from 84.14, with 0.8).
- ``distinct.best_plan`` (not with ``--quick``): k = 20 and 30 tasks on 7.1.2 as above,
  each partial restore of its own share (1–99 %): the products of shares are many, the
  known slow shape (docs/projection.md, "What it costs").
- ``crowded.*``: 60, 120 and 200 tasks, a sixth of them (34 of 200) crowded on three
  criteria (7.1.2, 2.1 and IX, appraised points), the rest spread (at most 7 per
  criterion), efforts with two decimals: ``project``, ``best_plan`` (a quarter of the
  effort) and the target search (Tốt with 0.8): ``options`` partial options made,
  ``searched`` candidate sets.

"Done when" (issue 17): 40 tasks on one criterion and 200 tasks with 34 crowded project
exactly and plan (budget and target) each in under a second and 200 MB.

    python benchmarks/bench_projection.py [--seed S] [--quick]
"""

from __future__ import annotations

import argparse
import json
import random
import time
import tracemalloc
from collections.abc import Callable
from decimal import Decimal
from functools import partial
from pathlib import Path
from typing import Any

import attrs

from cchc_score import (
    BestPlan,
    Evidence,
    PartialRestore,
    Plan,
    PlanError,
    Restore,
    RuleSet,
    SetFacts,
    Task,
    best_plan,
    load_evidence,
    load_plan,
    load_rules,
    project,
)
from cchc_score.projection import brute_force_distribution

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "ward_2022"


def _effect(rnd: random.Random, code: str) -> Any:
    if code == "IX":
        return SetFacts(appraised=(("IX", Decimal(rnd.randint(1905, 2500)) / 100),))
    if rnd.choice(["restore", "partial", "partial"]) == "restore":
        return Restore()
    return PartialRestore(Decimal(rnd.choice(["0.25", "0.5", "0.75"])))


def synthetic_plan(rules: RuleSet, count: int, rnd: random.Random, per_leaf: int) -> Plan:
    """``count`` tasks over the leaves that lost points, at most ``per_leaf`` on each."""
    leaves = [n.code for n in rules.nodes() if n.is_leaf and not n.code.endswith(".r")]
    slots = [code for code in leaves for _ in range(per_leaf)]
    rnd.shuffle(slots)
    return Plan(tuple(_task(rnd, i, code) for i, code in enumerate(slots[:count])), year=2023)


def crowded_plan(count: int, rnd: random.Random, code: str = "7.1.2") -> Plan:
    """``count`` tasks all on one criterion: one group of interacting tasks."""
    return Plan(tuple(_task(rnd, i, code) for i in range(count)), year=2023)


def _task(rnd: random.Random, i: int, code: str) -> Task:
    return Task(
        id=f"T{i:03d}",
        criteria=(code,),
        effect=_effect(rnd, code),
        effect_stated=True,
        effort=Decimal(rnd.randint(1, 10)),
        probability=Decimal(rnd.randint(1, 19)) / 20,  # never sure: nothing settled
    )


def crowded_mix(rules: RuleSet, count: int, rnd: random.Random) -> Plan:
    """``count`` tasks: a sixth on three criteria, the rest spread; 2-decimal efforts."""
    crowd = count // 6
    hot = [_task(rnd, i, ("7.1.2", "2.1", "IX")[i % 3]) for i in range(crowd)]
    spread = synthetic_plan(rules, count - crowd, rnd, per_leaf=7).tasks
    tasks = [
        attrs.evolve(t, id=f"T{i:03d}", effort=Decimal(rnd.randint(50, 1000)) / 100)
        for i, t in enumerate([*hot, *spread])
    ]
    return Plan(tuple(tasks), year=2023)


def timed(run: Callable[[], object], repeat: int = 3) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        best = min(best, time.perf_counter() - start)
    return best


def emit(**fields: object) -> None:
    print(json.dumps(fields), flush=True)


def measured(run: Callable[[], Any], repeat: int = 3) -> tuple[Any, dict[str, object]]:
    """The result of ``run``, its best time and its peak memory (one more run, traced)."""
    seconds = timed(run, repeat)
    tracemalloc.start()
    try:
        result = run()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return result, {"seconds": round(seconds, 4), "peak_mb": round(peak / 2**20, 1)}


def planned(run: Callable[[], BestPlan]) -> dict[str, object]:
    """Timing and memory of a best plan, or why it was refused."""
    try:
        best, fields = measured(run, 1)
    except PlanError as error:
        return {"refused": str(error)[:160]}
    target = best.target
    if target is not None:
        fields |= {
            "effort": str(target.effort),
            "probability": target.probability and round(target.probability, 4),
            "proven": target.proven,
            "options": target.options,
            "searched": target.searched,
        }
    else:
        fields |= {"expected": str(round(best.expected, 4)), "frontier_points": len(best.frontier)}
    return fields


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--seed", type=int, default=2023)
    parser.add_argument("--quick", action="store_true", help="k = 8, 16, 40 and 200 tasks only")
    args = parser.parse_args()
    rules = load_rules("criteria_2022")
    evidence: Evidence = load_evidence(EXAMPLE / "evidence.toml")

    plan = load_plan(EXAMPLE / "plan.toml")
    projection, fields = measured(partial(project, rules, evidence, plan))
    emit(
        name="example.project",
        tasks=len(plan.tasks),
        exact=not projection.distribution.sampled,
        **fields,
    )
    emit(
        name="example.best_plan",
        tasks=len(plan.tasks),
        budget="40",
        **planned(partial(best_plan, rules, evidence, plan, Decimal(40))),
    )

    sizes = (8, 16, 40) if args.quick else (8, 12, 16, 20, 24, 28, 32, 36, 40)
    for k in sizes:
        rnd = random.Random(args.seed + k)
        plan = crowded_plan(k, rnd)
        projection, fields = measured(partial(project, rules, evidence, plan))
        if k <= 16:
            start = time.perf_counter()
            brute = dict(brute_force_distribution(rules, evidence, plan).totals)
            fields["brute_force_seconds"] = round(time.perf_counter() - start, 4)
            exact = dict(projection.distribution.totals)
            fields["max_probability_difference"] = max(
                abs(exact.get(t, 0.0) - brute.get(t, 0.0)) for t in exact.keys() | brute.keys()
            )
        emit(
            name="one_criterion.project",
            tasks=k,
            outcomes=len(projection.distribution.totals),
            exact=not projection.distribution.sampled,
            **fields,
        )
        budget = Decimal(sum(t.effort or 0 for t in plan.tasks) // 3)
        emit(
            name="one_criterion.best_plan",
            tasks=k,
            budget=str(budget),
            **planned(partial(best_plan, rules, evidence, plan, budget)),
        )
        emit(
            name="one_criterion.target",
            tasks=k,
            target="85",
            confidence=0.8,
            **planned(partial(best_plan, rules, evidence, plan, target=Decimal(85))),
        )

    for k in () if args.quick else (20, 30):
        rnd = random.Random(args.seed + k)
        plan = crowded_plan(k, rnd)
        plan = attrs.evolve(
            plan,
            tasks=tuple(
                attrs.evolve(t, effect=PartialRestore(Decimal(rnd.randint(1, 99)) / 100))
                if isinstance(t.effect, PartialRestore)
                else t
                for t in plan.tasks
            ),
        )
        budget = Decimal(sum(t.effort or 0 for t in plan.tasks) // 3)
        emit(
            name="distinct.best_plan",
            tasks=k,
            partial=sum(isinstance(t.effect, PartialRestore) for t in plan.tasks),
            budget=str(budget),
            **planned(partial(best_plan, rules, evidence, plan, budget)),
        )

    for count in (200,) if args.quick else (60, 120, 200):
        rnd = random.Random(args.seed + count)
        plan = crowded_mix(rules, count, rnd)
        projection, fields = measured(partial(project, rules, evidence, plan))
        emit(
            name="crowded.project",
            tasks=count,
            crowded=count // 6,
            outcomes=len(projection.distribution.totals),
            exact=not projection.distribution.sampled,
            **fields,
        )
        effort = sum((t.effort or Decimal(0) for t in plan.tasks), Decimal(0))
        budget = (effort / 4).quantize(Decimal("0.01"))
        emit(
            name="crowded.best_plan",
            tasks=count,
            crowded=count // 6,
            budget=str(budget),
            **planned(partial(best_plan, rules, evidence, plan, budget)),
        )
        emit(
            name="crowded.target",
            tasks=count,
            crowded=count // 6,
            target="Tốt",
            confidence=0.8,
            **planned(partial(best_plan, rules, evidence, plan, target="Tốt")),
        )


if __name__ == "__main__":
    main()
