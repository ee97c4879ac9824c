"""Random valid rule sets (the strategy behind :func:`cchc_score.testing.rulesets`).

Shaped like real indices and wide enough to reach what real ones do: up to 9 domains and
totals up to 100; codes up to four levels deep (``1.2.3.4``); residual ``.r`` nodes; every
fact type (count, ratio, number, level, boolean, checklist), higher- and lower-is-better,
some shared by several criteria; bands increasing and decreasing, some with both ends;
ratios of a share, of a number and of two counts; 0 to 3 ``decimals``. Every generated set
passes the loader, so it also keeps the loader's promises: each maximum and minimum
reachable, each rule's direction its facts' declared one.
"""

from __future__ import annotations

from decimal import Decimal
from itertools import pairwise
from typing import Any

import attrs
from hypothesis import strategies as st

from ..io.rules import dump_rules, loads_rules
from ..model import (
    Appraised,
    Band,
    Bands,
    Checklist,
    Criterion,
    Deduction,
    Fact,
    Levels,
    Ratio,
    RuleSet,
    Step,
    Sum,
    roman,
)
from ..numbers import from_steps, to_steps

__all__ = ["rulesets"]

_D = Decimal
_KINDS = ("ratio", "bands", "deduction", "levels", "checklist", "appraised")
#: Leaves beyond which no more sub-criteria are opened, so a sample stays quick to score.
_MAX_LEAVES = 24
#: Thresholds a band table picks from, by the type of its fact.
_CUTS = {
    "ratio": [_D(x) for x in ("0.2", "0.5", "0.7", "0.8", "0.9", "0.95", "1")],
    "count": [_D(x) for x in (1, 2, 3, 5, 10, 20, 41, 50, 60, 100)],
    "number": [_D(x) for x in ("0.5", "1", "2.5", "5", "10", "25", "50")],
}


@attrs.define
class _Builder:
    """Collects the facts a generated rule set declares; points on its decimals' step."""

    decimals: int
    leaves: int = 0
    total: Decimal = attrs.field(factory=Decimal)
    domains: list[Criterion] = attrs.field(factory=list)
    facts: dict[str, Fact] = attrs.field(factory=dict)

    def points(self, top: Decimal) -> st.SearchStrategy[Decimal]:
        return st.integers(0, to_steps(top, self.decimals)).map(
            lambda n: from_steps(n, self.decimals)
        )

    def fact(self, draw: st.DrawFn, kind: str, better: str, **extra: Any) -> Fact:
        if kind == "count":
            extra.setdefault("minimum", None)  # a denominator (min 1) is not a plain count
        reusable = [
            f
            for f in self.facts.values()
            if f.type == kind
            and f.better == better
            and all(getattr(f, k) == v for k, v in extra.items())
        ]
        share: bool = draw(st.booleans())
        if reusable and share:
            return draw(st.sampled_from(reusable))  # one fact feeding several criteria
        name = f"f{len(self.facts) + 1}"
        if kind == "level":
            extra["levels"] = tuple(f"mức {i}" for i in range(draw(st.integers(2, 4))))
        elif kind == "checklist":
            extra["items"] = tuple(f"mục {i}" for i in range(draw(st.integers(1, 4))))
        elif kind == "number" and "minimum" not in extra:
            extra["minimum"] = _D(0)
            extra["maximum"] = draw(st.sampled_from([None, _D(10), _D(100)]))
        label = f"dữ kiện {name}"
        fact = Fact(name=name, type=kind, label=label, better=better, **extra)  # type: ignore[arg-type]
        self.facts[name] = fact
        return fact

    def _ratio(self, draw: st.DrawFn, top: Decimal) -> Ratio:
        form = draw(st.sampled_from(["share", "counts", "number"]))
        if form == "counts":
            # A denominator has no better direction: no plan moves it, so a task raising
            # the numerator and another lowering the denominator never cross.
            under = self.fact(draw, "count", "none", minimum=_D(1))
            target = draw(st.sampled_from([_D(1), _D("0.5"), _D("0.8")]))
            return Ratio(self.fact(draw, "count", "higher").name, of=under.name, target=target)
        if form == "number":
            fact = self.fact(draw, "number", "higher")
            high = fact.maximum if fact.maximum is not None else _D(20)
            target = draw(st.sampled_from([high, high / 2, high / 4]))
            return Ratio(fact.name, target=target)
        fact = self.fact(draw, "ratio", "higher")
        target = draw(st.sampled_from([_D(1), _D("0.5"), _D("0.8"), _D("0.2")]))
        floor = draw(st.sampled_from([None, _D("0.1"), target / 2]))
        return Ratio(fact.name, target=target, min_ratio=floor)

    def _bands(self, draw: st.DrawFn, top: Decimal) -> Bands:
        kind = draw(st.sampled_from(["ratio", "count", "number"]))
        up = draw(st.booleans())
        fact = self.fact(draw, kind, "higher" if up else "lower")
        high = fact_high(fact)
        cuts = [c for c in _CUTS[kind] if high is None or c <= high]
        mins = sorted(
            draw(st.lists(st.sampled_from(cuts), min_size=1, max_size=4, unique=True)), reverse=True
        )
        mins.append(_D(0))
        # The best step is worth the maximum; the others anything up to it, in order, the
        # worst below it.
        others = sorted(
            draw(st.lists(self.points(top), min_size=len(mins) - 1, max_size=len(mins) - 1))
        )
        others[0] = min(others[0], top - from_steps(1, self.decimals))  # the fact matters
        points = [top, *reversed(others)] if up else [*others, top]  # listed highest min first
        both_ends = draw(st.booleans())  # "từ … đến dưới …", as decisions write them
        steps = tuple(
            Step(m, p, mins[i - 1] if both_ends and i else None)
            for i, (m, p) in enumerate(zip(mins, points, strict=True))
        )
        return Bands(fact.name, steps)

    def _deduction(self, draw: st.DrawFn, top: Decimal) -> Deduction:
        fact = self.fact(draw, "count", "lower")
        smallest = from_steps(1, self.decimals)
        each = draw(self.points(top).filter(lambda p: p > 0)) if top >= smallest else top
        floor = draw(st.one_of(st.just(_D(0)), self.points(top).filter(lambda p: p < top)))
        return Deduction(fact.name, each=each, min_points=floor)

    def _levels(self, draw: st.DrawFn, top: Decimal) -> Levels:
        up = draw(st.booleans())
        if draw(st.booleans()):
            fact = self.fact(draw, "boolean", "higher" if up else "lower")
            order: tuple[str, ...] = ("false", "true")
        else:
            fact = self.fact(draw, "level", "higher" if up else "lower")
            order = fact.levels
        others = sorted(
            draw(st.lists(self.points(top), min_size=len(order) - 1, max_size=len(order) - 1))
        )
        others[0] = min(others[0], top - from_steps(1, self.decimals))  # the fact matters
        points = [*others, top] if up else [top, *reversed(others)]  # the best level: the maximum
        return Levels(fact.name, tuple(zip(order, points, strict=True)))

    def _checklist(self, draw: st.DrawFn, top: Decimal) -> Checklist:
        fact = self.fact(draw, "checklist", "higher")
        budget = to_steps(top, self.decimals)
        items = fact.items[: max(1, min(len(fact.items), budget))]
        # Each item at least one step, all of them together the maximum.
        cuts = (
            sorted(
                draw(
                    st.lists(
                        st.integers(1, budget - 1),
                        max_size=len(items) - 1,
                        min_size=len(items) - 1,
                        unique=True,
                    )
                )
            )
            if budget > 1 and len(items) > 1
            else []
        )
        items = items[: len(cuts) + 1]
        bounds = [0, *cuts, budget]
        weights = [from_steps(b - a, self.decimals) for a, b in pairwise(bounds)]
        return Checklist(fact.name, tuple(zip(items, weights, strict=True)))

    def top(self) -> st.SearchStrategy[Decimal]:
        """A leaf's maximum: mostly 0,25 to 5 on the rule set's step, sometimes a large one
        (a survey's 10 or 25) while the total stays within 100."""
        quantum = {0: _D(1), 1: _D("0.5")}.get(self.decimals, _D("0.25"))
        room = int((100 - self.total) / quantum) if self.total < 100 else 1
        small = st.integers(1, max(1, min(20, room))).map(lambda n: quantum * n)
        large = [t for t in (_D(10), _D(25)) if self.total + t <= 100]
        return st.one_of(small, st.sampled_from(large)) if large else small

    def leaf(self, draw: st.DrawFn, code: str, kind: str, top: Decimal) -> Criterion:
        self.leaves += 1
        self.total += top
        rule = Appraised() if kind == "appraised" else getattr(self, f"_{kind}")(draw, top)
        return Criterion(code, f"Tiêu chí {code}", top, rule, basis="sinh ngẫu nhiên")

    def node(self, draw: st.DrawFn, code: str, name: str, depth: int) -> Criterion:
        """Node ``code`` at ``depth`` (0: a domain) with up to three children, leaves or
        (down to four levels of code) sub-criteria, and sometimes a residual ``.r`` leaf
        for the rest. Sibling leaves differ in kind or maximum (no near-duplicates)."""
        prefix = code if depth else str(len(self.domains) + 1)
        count = draw(st.integers(1, 3))
        inner = [
            depth < 2 and self.leaves < _MAX_LEAVES and draw(st.integers(0, 2)) == 2
            for _ in range(count)
        ]
        specs = draw(
            st.lists(
                st.tuples(st.sampled_from(_KINDS), self.top()),
                min_size=count,
                max_size=count,
                unique_by=lambda spec: spec,
            )
        )
        children = [
            self.node(draw, f"{prefix}.{i}", f"Tiêu chí {prefix}.{i}", depth + 1)
            if inner[i - 1]
            else self.leaf(draw, f"{prefix}.{i}", *specs[i - 1])
            for i in range(1, count + 1)
        ]
        if draw(st.integers(0, 3)) == 0:  # the criteria a source does not itemise
            children.append(self.leaf(draw, f"{prefix}.r", "appraised", draw(self.top())))
        total = sum((c.max for c in children), _D(0))
        return Criterion(code, name, total, Sum(), tuple(children), basis="sinh ngẫu nhiên")


def fact_high(fact: Fact) -> Decimal | None:
    """The greatest value a generated fact takes, if bounded."""
    return _D(1) if fact.type == "ratio" else fact.maximum


@st.composite
def _rulesets(draw: st.DrawFn, max_domains: int) -> RuleSet:
    decimals = draw(st.integers(0, 3))
    builder = _Builder(decimals)
    for d in range(1, draw(st.integers(1, max_domains)) + 1):
        builder.domains.append(builder.node(draw, roman(d), f"Lĩnh vực {roman(d)}", 0))
    domains = builder.domains
    top = sum((d.max for d in domains), _D(0))
    cuts = draw(st.lists(st.integers(1, to_steps(top, decimals)), max_size=3, unique=True))
    bands = tuple(
        Band(f"Loại {i + 1}", cut)
        for i, cut in enumerate(
            sorted({_D(0), *(from_steps(c, decimals) for c in cuts)}, reverse=True)
        )
    )
    rules = RuleSet(
        id="sinh_ngau_nhien",
        name="Bộ tiêu chí sinh ngẫu nhiên",
        year=2022,
        max=top,
        decimals=decimals,
        facts=tuple(builder.facts.values()),
        domains=tuple(domains),
        bands=bands,
        basis="sinh ngẫu nhiên",
    )
    # Through the loader: what the strategy yields is exactly what the validator accepts.
    return loads_rules(dump_rules(rules), file="<rulesets()>")


def rulesets(max_domains: int = 9) -> st.SearchStrategy[RuleSet]:
    """Valid random rule sets (see the module's description), each validated by
    :func:`cchc_score.loads_rules`."""
    return _rulesets(max_domains)
