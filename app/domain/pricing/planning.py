"""Planning a cart's price: which promotions apply where, before the finishing steps.

Order of work for one cart (steps 5-6 live in ``finish``):

1. base price per line: the lowest of regular / member / special, or the typed
   price of an open-price item (checked against the floor);
2. item offers: exclusive ones compete for pieces (customer-best combination,
   see ``selection``), stackable ones then apply in priority order, each on the
   amounts the previous steps left;
2b. the member level's discount (会员折扣) on lines still at their regular price
   (a member or special price is already the better price: the two never stack),
   never below the floor;
3. the cashier's line discounts (within limits, never below the floor);
4. order offers (满减/满折) on the amounts after steps 2-3, the same way;
5. the cashier's order discount, then 抹零, both spread over lines;
6. tax per line from the final amount.

Because an item offer lowers the amount an order offer is measured on, the
combination chosen level by level can lose a 满减 threshold. The engine
therefore also prices "only this exclusive promotion" plans (skipping those
that provably cannot be better) and keeps the plan cheapest for the customer,
so the result is never worse than any single exclusive promotion alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Sequence

from app.domain.money import Money
from app.domain.pricing.base_price import BasePrice, choose_base_price
from app.domain.pricing.book import PromotionBook
from app.domain.pricing.errors import FloorPriceError, ManualDiscountLimitError
from app.domain.pricing.arith import percent_of
from app.domain.pricing.inputs import ManualDiscount, PriceContext, PriceSource, PricingLine
from app.domain.pricing.offers import Application, StageView, allocate_order_offer, evaluate
from app.domain.pricing.promotions import Promotion
from app.domain.pricing.selection import choose_exclusive
from app.domain.quantity import extend


@dataclass(slots=True)
class Setup:
    """Everything about the cart that does not depend on which promotions are chosen."""

    lines: Sequence[PricingLine]
    context: PriceContext
    bases: list[BasePrice]
    base_amounts: list[int]
    floor_amounts: list[int]
    pieces: list[int]
    full_units: list[int]
    manual_lines: list[int]
    eligible: dict[str, list[int]]
    max_uses: dict[str, int]
    item_exclusive: list[Promotion]
    item_stackable: list[Promotion]
    order_exclusive: list[Promotion]
    order_stackable: list[Promotion]
    base_values: dict[str, Application | None]   # each promotion alone on base amounts
    promotions: dict[str, Promotion]

    def lower_bound(self, index: int, amount: int) -> int:
        """How low manual discounts and 抹零 may take a line: its floor, unless
        promotions already took it lower or a supervisor overrode the floor."""
        if self.lines[index].floor_override:
            return 0
        return min(self.floor_amounts[index], amount)


@dataclass(slots=True)
class Plan:
    item_apps: list[Application]
    order_apps: list[Application]
    manual: dict[int, tuple[int, int, int]]   # line -> (amount before, requested, applied)
    amounts: list[int]                        # after promotions and line discounts
    exclusive_ids: frozenset[str]
    level: dict[int, int]                     # line -> fen off by the member level's discount

    @property
    def to_pay(self) -> int:
        return sum(self.amounts)


def prepare(lines: Sequence[PricingLine], context: PriceContext,
            book: PromotionBook) -> Setup:
    bases = [choose_base_price(line, context) for line in lines]
    base_amounts = [extend(base.unit_price, line.quantity).fen for base, line in zip(bases, lines)]
    floors = [extend(line.floor_price, line.quantity).fen if line.floor_price else 0
              for line in lines]
    pieces = [line.countable_pieces for line in lines]
    full_units = [count or 1 for count in pieces]
    usable = book.usable(context)
    eligible_at = book.eligible_lines(lines, usable)
    setup = Setup(lines, context, bases, base_amounts, floors, pieces, full_units,
                  [i for i, line in enumerate(lines) if line.manual_discount is not None],
                  {}, {}, [], [], [], [], {}, {})
    for position in sorted(usable):
        promotion, indexes = usable[position].promotion, eligible_at[position]
        if not indexes:
            continue
        setup.eligible[promotion.id] = indexes
        setup.max_uses[promotion.id] = usable[position].max_uses
        setup.promotions[promotion.id] = promotion
        _group(setup, promotion).append(promotion)
    base_view = StageView(lines, base_amounts, pieces, full_units)
    for promotion_id, indexes in setup.eligible.items():
        promotion = setup.promotions[promotion_id]
        setup.base_values[promotion_id] = evaluate(promotion, indexes, base_view, full_units,
                                                   setup.max_uses[promotion_id])
    return setup


def _group(setup: Setup, promotion: Promotion) -> list[Promotion]:
    if promotion.is_order_level:
        return setup.order_exclusive if promotion.exclusive else setup.order_stackable
    return setup.item_exclusive if promotion.exclusive else setup.item_stackable


# --- one plan -------------------------------------------------------------
def _evaluator(setup: Setup, view: StageView):
    def run(promotion: Promotion, available: Sequence[int]) -> Application | None:
        return evaluate(promotion, setup.eligible[promotion.id], view, available,
                        setup.max_uses[promotion.id])
    return run


def _take_off(app: Application, amounts: list[int]) -> None:
    for index, off in app.line_discounts.items():
        amounts[index] -= off


def _item_stage(setup: Setup, view: StageView, allowed: frozenset[str] | None) -> list[Application]:
    exclusive = [p for p in setup.item_exclusive if allowed is None or p.id in allowed]
    # Exclusive item offers are all measured on base amounts, so the base-value
    # evaluations are exactly their stand-alone values.
    apps = choose_exclusive(exclusive, setup.eligible, _evaluator(setup, view),
                            setup.full_units, setup.base_values)
    for app in apps:
        _take_off(app, view.amounts)
    for promotion in setup.item_stackable:
        app = _evaluator(setup, view)(promotion, setup.full_units)
        if app is not None:
            _take_off(app, view.amounts)
            apps.append(app)
    return apps


def level_discount_lines(setup: Setup) -> list[int]:
    """Lines the member level's discount applies to: those still at the regular price."""
    if setup.context.level_discount_bp >= 10000:
        return []
    return [i for i, base in enumerate(setup.bases) if base.source is PriceSource.REGULAR
            and not setup.lines[i].open_price]


def _level_stage(setup: Setup, amounts: list[int]) -> dict[int, int]:
    """The level's discount on what item offers left of each line, stopping at the floor."""
    percent = setup.context.level_percent_off
    level: dict[int, int] = {}
    for index in level_discount_lines(setup):
        before = amounts[index]
        off = min(percent_of(before, percent), before - setup.lower_bound(index, before))
        if off > 0:
            amounts[index] -= off
            level[index] = off
    return level


def _line_manual_stage(setup: Setup, amounts: list[int]) -> dict[int, tuple[int, int, int]]:
    """Apply line discounts, clamped at the floor; ``check_line_manual`` refuses
    the clamped ones once the plan is chosen."""
    manual: dict[int, tuple[int, int, int]] = {}
    for index in setup.manual_lines:
        before = amounts[index]
        requested = setup.lines[index].manual_discount.off_for(before)
        applied = min(requested, before - setup.lower_bound(index, before))
        amounts[index] -= applied
        manual[index] = (before, requested, applied)
    return manual


def _order_stage(setup: Setup, view: StageView, allowed: frozenset[str] | None) -> list[Application]:
    exclusive = [p for p in setup.order_exclusive if allowed is None or p.id in allowed]
    apps = choose_exclusive(exclusive, setup.eligible, _evaluator(setup, view), setup.full_units)
    # Chosen exclusive offers hold disjoint lines: spreading one leaves the others' amounts alone.
    for app in apps:
        allocate_order_offer(app, view.amounts)
        _take_off(app, view.amounts)
    for promotion in setup.order_stackable:
        app = _evaluator(setup, view)(promotion, setup.full_units)
        if app is not None:
            allocate_order_offer(app, view.amounts)
            _take_off(app, view.amounts)
            apps.append(app)
    return apps


def run_plan(setup: Setup, allowed: frozenset[str] | None) -> Plan:
    """Price the cart with all exclusive promotions (``allowed`` None) or only those named."""
    view = StageView(setup.lines, list(setup.base_amounts), setup.pieces, setup.full_units)
    item_apps = _item_stage(setup, view, allowed)
    level = _level_stage(setup, view.amounts)
    manual = _line_manual_stage(setup, view.amounts)
    order_apps = _order_stage(setup, view, allowed)
    exclusive_ids = frozenset(app.promotion.id for app in item_apps + order_apps
                              if app.promotion.exclusive)
    return Plan(item_apps, order_apps, manual, view.amounts, exclusive_ids, level)


# --- choosing the plan ----------------------------------------------------
def _saving_ceiling(setup: Setup) -> int:
    """The most that stackable offers and line discounts can save in any plan.

    Every offer gives at most what it gives on the (higher) base amounts; item
    offers round per line, so each line may be 1 fen off that ceiling.
    """
    ceiling = 0
    for promotion in setup.item_stackable + setup.order_stackable:
        app = setup.base_values.get(promotion.id)
        ceiling += app.total if app else 0
        if not promotion.is_order_level:
            ceiling += len(setup.eligible[promotion.id])
    for index in setup.manual_lines:
        ceiling += setup.lines[index].manual_discount.off_for(setup.base_amounts[index])
    percent = setup.context.level_percent_off
    for index in level_discount_lines(setup):  # rounded per line: up to a fen more each
        ceiling += percent_of(setup.base_amounts[index], percent) + 1
    return ceiling


def best_plan(setup: Setup) -> Plan:
    best = run_plan(setup, None)
    base_total = sum(setup.base_amounts)
    ceiling = _saving_ceiling(setup)
    singles = [frozenset()] + [
        frozenset({p.id}) for p in setup.item_exclusive + setup.order_exclusive
        if setup.base_values.get(p.id) is not None]
    for allowed in singles:
        if allowed == best.exclusive_ids:
            continue  # the full search already settled on exactly this
        alone = sum(setup.base_values[pid].total for pid in allowed)
        if base_total - alone - ceiling >= best.to_pay:
            continue  # cannot beat the plan we have
        plan = run_plan(setup, allowed)
        if plan.to_pay < best.to_pay:
            best = plan
    return best


# --- cashier limits ---------------------------------------------------------
def check_percent_limit(context: PriceContext, discount: ManualDiscount, off: int, base: int,
                        line_id: str | None) -> None:
    limit = context.manual_limit_percent
    if limit is None:
        return
    if discount.percent_off is not None:
        if discount.percent_off > limit:
            raise ManualDiscountLimitError("percent", limit, discount.percent_off, line_id)
    elif off * 100 > limit * base:
        asked = (Decimal(off * 100) / base).quantize(Decimal("0.01")) if base else Decimal(100)
        raise ManualDiscountLimitError("percent", limit, asked, line_id)


def check_amount_limit(context: PriceContext, total_off: int) -> None:
    limit = context.manual_limit_amount
    if limit is not None and total_off > limit.fen:
        raise ManualDiscountLimitError("amount", limit, Money(total_off))


def check_line_manual(setup: Setup, plan: Plan) -> None:
    for index, (before, requested, applied) in plan.manual.items():
        line = setup.lines[index]
        check_percent_limit(setup.context, line.manual_discount, requested, before, line.line_id)
        if applied < requested:
            raise FloorPriceError(line.line_id, Money(setup.floor_amounts[index]),
                                  Money(before - requested), "line discount")
    check_amount_limit(setup.context, sum(applied for _b, _r, applied in plan.manual.values()))
