"""What one promotion gives on given lines: the evaluation of each promotion kind.

Item offers (N件M折, 第二件半价, 买赠, 组合价) count whole pieces: the eligible
pieces are lined up dearest first and the offer's groups are taken from the
front, which is the customer-best grouping (e.g. pairing neighbours in price
order maximises what 第二件半价 gives). Only the pieces still ``available``
(not claimed by another exclusive offer) take part. Weighed goods count no
pieces, so only 满减/满折 reach them.

Order offers (满减/满折) look at the eligible amount of whole lines that no
other exclusive order offer has claimed.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from math import lcm
from typing import Callable, Sequence

from app.domain.pricing.arith import allocate_capped, percent_ratio, round_fen
from app.domain.pricing.inputs import PricingLine
from app.domain.pricing.promotions import (
    BundleRule, BuyGetFreeRule, MultiBuyRule, Promotion, PromotionKind, SecondItemRule,
)

HUNDRED = Decimal(100)
UnitPrice = int | Fraction          # exact fen per piece
UnitRun = tuple[UnitPrice, int, int]  # (price per piece, line index, pieces)


@dataclass(slots=True)
class StageView:
    """The cart as one pricing step sees it."""

    lines: Sequence[PricingLine]
    amounts: list[int]      # current line amounts in fen
    pieces: list[int]       # countable whole pieces per line (0 for weighed goods)
    full_units: list[int]   # units an exclusive offer can claim: pieces, or 1 per weighed line


@dataclass(slots=True)
class Application:
    """One promotion applied: how much it takes off and from which lines."""

    promotion: Promotion
    total: int                       # fen off, > 0
    claimed: dict[int, int]          # line index -> units this offer used (exclusivity)
    uses: int                        # groups / pairs / sets, or 1 for an order offer
    line_discounts: dict[int, int] = field(default_factory=dict)  # line index -> fen off
    units: dict[int, int] = field(default_factory=dict)  # line index -> pieces discounted
    basis: int = 0                   # eligible amount an order offer was measured on
    tier: str = ""                   # the tier or set count that applied, for explain


def _unit_pool(indexes: Sequence[int], view: StageView, available: Sequence[int]) -> list[UnitRun]:
    pool: list[UnitRun] = []
    for index in indexes:
        pieces = view.pieces[index]
        count = available[index] if pieces else 0
        if count <= 0:
            continue
        amount = view.amounts[index]
        price = amount // pieces if amount % pieces == 0 else Fraction(amount, pieces)
        pool.append((price, index, count))
    pool.sort(key=lambda run: (-run[0], run[1]))
    return pool


def _hits_in(start: int, stop: int, period: int, first_hit: int) -> int:
    """Positions p in [start, stop) whose place in their group, p % period, is >= first_hit."""
    def upto(n: int) -> int:
        whole, part = divmod(n, period)
        return whole * (period - first_hit) + max(0, part - first_hit)
    return upto(stop) - upto(start)


def _periodic(promotion: Promotion, pool: list[UnitRun], view: StageView, period: int,
              first_hit: int, groups: int, off_percent: Decimal, uses: int) -> Application | None:
    """Walk the dearest-first pieces in groups of ``period``; in each complete group
    the pieces from place ``first_hit`` on get ``off_percent`` off."""
    usable = groups * period
    num, den = percent_ratio(off_percent)
    discounts: dict[int, int] = {}
    units: dict[int, int] = {}
    claimed: dict[int, int] = {}
    position = 0
    for _price, index, count in pool:
        if position >= usable:
            break
        stop = min(position + count, usable)
        claimed[index] = stop - position
        hit = _hits_in(position, stop, period, first_hit)
        if hit:
            off = round_fen(view.amounts[index] * hit * num, view.pieces[index] * den)
            if off:
                discounts[index] = off
                units[index] = hit
        position += count
    total = sum(discounts.values())
    if total <= 0:
        return None
    return Application(promotion, total, claimed, uses, discounts, units)


def _multi_buy(promotion, indexes, view, available, max_uses) -> Application | None:
    rule: MultiBuyRule = promotion.rule
    pool = _unit_pool(indexes, view, available)
    pieces = sum(run[2] for run in pool)
    off = HUNDRED - rule.pay_percent
    if rule.every_unit:
        if pieces < rule.count:
            return None
        return _periodic(promotion, pool, view, 1, 0, pieces, off, 1)
    groups = min(pieces // rule.count, max_uses)
    if groups == 0:
        return None
    app = _periodic(promotion, pool, view, rule.count, 0, groups, off, groups)
    if app:
        app.tier = f"{groups}组"
    return app


def _second_item(promotion, indexes, view, available, max_uses) -> Application | None:
    rule: SecondItemRule = promotion.rule
    pool = _unit_pool(indexes, view, available)
    pairs = min(sum(run[2] for run in pool) // 2, max_uses)
    if pairs == 0:
        return None
    app = _periodic(promotion, pool, view, 2, 1, pairs, HUNDRED - rule.pay_percent, pairs)
    if app:
        app.tier = f"{pairs}对"
    return app


def _buy_get_free(promotion, indexes, view, available, max_uses) -> Application | None:
    rule: BuyGetFreeRule = promotion.rule
    period = rule.buy + rule.free
    pool = _unit_pool(indexes, view, available)
    groups = min(sum(run[2] for run in pool) // period, max_uses)
    if groups == 0:
        return None
    app = _periodic(promotion, pool, view, period, rule.buy, groups, HUNDRED, groups)
    if app:
        app.tier = f"{groups}组"
    return app


class _Cursor:
    """Takes pieces off a dearest-first pool, a run at a time."""

    def __init__(self, pool: list[UnitRun]) -> None:
        self._pool = pool
        self._run = 0
        self._taken_in_run = 0

    def take(self, count: int) -> list[tuple[int, int, UnitPrice]]:
        taken = []
        while count:
            price, index, run_count = self._pool[self._run]
            step = min(count, run_count - self._taken_in_run)
            taken.append((index, step, price))
            count -= step
            self._taken_in_run += step
            if self._taken_in_run == run_count:
                self._run, self._taken_in_run = self._run + 1, 0
        return taken


def _bundle(promotion, indexes, view, available, max_uses) -> Application | None:
    rule: BundleRule = promotion.rule
    pools = [_unit_pool([i for i in indexes if view.lines[i].sku in c.skus], view, available)
             for c in rule.components]
    sets_possible = min(min(sum(run[2] for run in pool) // c.quantity
                            for pool, c in zip(pools, rule.components)), max_uses)
    cursors = [_Cursor(pool) for pool in pools]
    used: dict[int, int] = defaultdict(int)
    value: UnitPrice = 0
    sets = 0
    for _ in range(sets_possible):
        taken = [piece for cursor, c in zip(cursors, rule.components)
                 for piece in cursor.take(c.quantity)]
        set_value = sum(price * count for _index, count, price in taken)
        if set_value <= rule.price.fen:
            break  # sets are formed dearest first, so later sets would save even less
        for index, count, _price in taken:
            used[index] += count
        value += set_value
        sets += 1
    if sets == 0:
        return None
    saving = Fraction(value) - sets * rule.price.fen
    total = round_fen(saving.numerator, saving.denominator)
    if total <= 0:
        return None
    members = sorted(used)
    common = lcm(*(view.pieces[i] for i in members))
    weights = [used[i] * view.amounts[i] * (common // view.pieces[i]) for i in members]
    shares = allocate_capped(total, weights, [view.amounts[i] for i in members])
    discounts = {i: share for i, share in zip(members, shares) if share}
    return Application(promotion, total, dict(used), sets, discounts, dict(used), tier=f"{sets}套")


def _spend(promotion, indexes, view, available, max_uses) -> Application | None:
    members = [i for i in indexes if available[i] == view.full_units[i]]
    basis = sum(view.amounts[i] for i in members)
    off, tier = promotion.rule.discount_for(basis)
    if off <= 0:
        return None
    return Application(promotion, off, {i: view.full_units[i] for i in members}, 1,
                       basis=basis, tier=tier)


def allocate_order_offer(app: Application, amounts: Sequence[int]) -> None:
    """Spread an order offer over its lines in proportion to their amounts."""
    members = list(app.claimed)
    line_amounts = [amounts[i] for i in members]
    shares = allocate_capped(app.total, line_amounts, line_amounts)
    app.line_discounts = {i: share for i, share in zip(members, shares) if share}


Evaluator = Callable[[Promotion, Sequence[int], StageView, Sequence[int], int], "Application | None"]
_EVALUATORS: dict[PromotionKind, Evaluator] = {
    PromotionKind.SPEND_REDUCE: _spend, PromotionKind.SPEND_PERCENT: _spend,
    PromotionKind.MULTI_BUY_PERCENT: _multi_buy, PromotionKind.SECOND_ITEM_PERCENT: _second_item,
    PromotionKind.BUY_GET_FREE: _buy_get_free, PromotionKind.BUNDLE_PRICE: _bundle,
}


def evaluate(promotion: Promotion, indexes: Sequence[int], view: StageView,
             available: Sequence[int], max_uses: int) -> Application | None:
    """What ``promotion`` gives on the ``available`` units of lines ``indexes``, or None."""
    return _EVALUATORS[promotion.kind](promotion, indexes, view, available, max_uses)
