"""Choosing among exclusive promotions that compete for the same lines.

Exclusive offers claim the units they use; an offer applied later only sees
what earlier ones left. Offers whose lines do not overlap are independent, so
the search runs per group of overlapping offers ("component"):

* up to ``EXACT_UP_TO`` offers: every order is tried (the best order wins);
* more: each offer is tried first once, followed by the others from the most
  to the least valuable alone.

Either way every sequence starts with some offer applied to untouched lines,
and later offers only add, so the result is never worse for the customer than
the best single exclusive offer. Ties go to the combination holding the
higher priorities.
"""
from __future__ import annotations

from itertools import permutations
from typing import Callable, Iterable, Sequence

from app.domain.pricing.offers import Application
from app.domain.pricing.promotions import Promotion

EXACT_UP_TO = 4

Evaluate = Callable[[Promotion, Sequence[int]], "Application | None"]


def choose_exclusive(promotions: Sequence[Promotion], eligible: dict[str, Sequence[int]],
                     evaluate: Evaluate, available: Sequence[int],
                     standalone: dict[str, Application | None] | None = None) -> list[Application]:
    """The customer-best applications of competing exclusive ``promotions``.

    ``promotions`` come in priority order; ``evaluate(promotion, available)``
    prices one offer on the given available units; ``standalone`` may carry
    evaluations already made on ``available``.
    """
    alone: dict[str, Application] = {}
    for promotion in promotions:
        app = standalone.get(promotion.id) if standalone is not None else evaluate(promotion, available)
        if app is not None and app.total > 0:
            alone[promotion.id] = app
    candidates = [p for p in promotions if p.id in alone]
    evaluate = _memoised(evaluate, eligible)
    chosen: list[Application] = []
    for component in _components(candidates, eligible):
        chosen.extend(_best_sequence(component, eligible, evaluate, available, alone))
    return chosen


def _memoised(evaluate: Evaluate, eligible: dict[str, Sequence[int]]) -> Evaluate:
    """Sequences often reach the same claims on an offer's lines: price each state once."""
    seen: dict[tuple, Application | None] = {}

    def run(promotion: Promotion, available: Sequence[int]) -> Application | None:
        key = (promotion.id, tuple([available[i] for i in eligible[promotion.id]]))
        if key not in seen:
            seen[key] = evaluate(promotion, available)
        return seen[key]
    return run


def _components(promotions: list[Promotion],
                eligible: dict[str, Sequence[int]]) -> list[list[Promotion]]:
    """Groups of promotions linked by shared lines, each in priority order."""
    parent = list(range(len(promotions)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    owner: dict[int, int] = {}
    for position, promotion in enumerate(promotions):
        for line in eligible[promotion.id]:
            other = owner.setdefault(line, position)
            if other != position:
                parent[root(position)] = root(other)
    groups: dict[int, list[Promotion]] = {}
    for position, promotion in enumerate(promotions):
        groups.setdefault(root(position), []).append(promotion)
    return list(groups.values())


def _sequences(component: list[Promotion],
               alone: dict[str, Application]) -> Iterable[Sequence[Promotion]]:
    if len(component) <= EXACT_UP_TO:
        return permutations(component)
    by_value = sorted(component, key=lambda p: -alone[p.id].total)  # stable: priority on ties
    return ([first] + [p for p in by_value if p is not first] for first in component)


def _score(apps: list[Application]) -> tuple[int, tuple[int, ...]]:
    return (sum(app.total for app in apps),
            tuple(sorted((app.promotion.priority for app in apps), reverse=True)))


def _best_sequence(component: list[Promotion], eligible: dict[str, Sequence[int]],
                   evaluate: Evaluate, available: Sequence[int],
                   alone: dict[str, Application]) -> list[Application]:
    if len(component) == 1:
        return [alone[component[0].id]]
    best: list[Application] = []
    best_score: tuple[int, tuple[int, ...]] | None = None
    for sequence in _sequences(component, alone):
        apps = _run_sequence(sequence, eligible, evaluate, available, alone)
        score = _score(apps)
        if best_score is None or score > best_score:
            best, best_score = apps, score
    return best


def _run_sequence(sequence: Sequence[Promotion], eligible: dict[str, Sequence[int]],
                  evaluate: Evaluate, available: Sequence[int],
                  alone: dict[str, Application]) -> list[Application]:
    remaining = list(available)
    touched: set[int] = set()
    apps: list[Application] = []
    for promotion in sequence:
        lines = eligible[promotion.id]
        # Nothing claimed on its lines yet: the offer gives what it gives alone.
        app = alone[promotion.id] if touched.isdisjoint(lines) else evaluate(promotion, remaining)
        if app is None or app.total <= 0:
            continue
        apps.append(app)
        for line, units in app.claimed.items():
            remaining[line] -= units
            touched.add(line)
    return apps
