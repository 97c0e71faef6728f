"""Finishing a planned cart: the cashier's order discount, 抹零, tax, and the result."""
from __future__ import annotations

from collections import defaultdict
from decimal import ROUND_DOWN, Decimal

from app.domain.cart import tax_included
from app.domain.money import MONEY_ROUNDING, Money, allocate_largest_remainder
from app.domain.pricing.arith import allocate_capped
from app.domain.pricing.errors import FloorPriceError
from app.domain.pricing.inputs import ManualDiscount, PriceSource, RoundingMode
from app.domain.pricing.offers import Application
from app.domain.pricing.planning import Plan, Setup, check_amount_limit, check_percent_limit
from app.domain.pricing.result import (
    Adjustment, AdjustmentSource, AppliedPromotion, Level, PricedCart, PricedLine,
)
from app.domain.quantity import extend


def _order_manual_shares(setup: Setup, plan: Plan, amounts: list[int],
                         discount: ManualDiscount | None) -> list[int]:
    """Fen each line gives to the order discount, spread by line amount within floors."""
    if discount is None:
        return [0] * len(amounts)
    total = sum(amounts)
    off = discount.off_for(total)
    check_percent_limit(setup.context, discount, off, total, None)
    check_amount_limit(setup.context, off + sum(a for _b, _r, a in plan.manual.values()))
    bounds = [setup.lower_bound(i, amount) for i, amount in enumerate(amounts)]
    caps = [amount - bound for amount, bound in zip(amounts, bounds)]
    if off > sum(caps):
        raise FloorPriceError(None, Money(sum(setup.floor_amounts)), Money(total - off),
                              "order discount")
    shares = allocate_capped(off, amounts, caps)
    for i, share in enumerate(shares):
        amounts[i] -= share
    return shares


def rounding_delta(total: int, mode: RoundingMode) -> int:
    """Signed fen 抹零 adds to ``total``: down, or half-up with the money rule."""
    unit = mode.unit_fen
    if unit == 1:
        return 0
    method = ROUND_DOWN if mode.rounds_down else MONEY_ROUNDING
    rounded = int((Decimal(total) / unit).quantize(Decimal(1), rounding=method)) * unit
    return rounded - total


def _rounding_shares(setup: Setup, amounts: list[int]) -> tuple[list[int], bool]:
    """Spread 抹零 over lines by amount; rounding down stays above floors, and is
    skipped (flagged) when the floors leave no room for it."""
    delta = rounding_delta(sum(amounts), setup.context.rounding)
    if delta == 0:
        return [0] * len(amounts), False
    if delta > 0:
        shares = allocate_largest_remainder(delta, amounts)
    else:
        caps = [amount - setup.lower_bound(i, amount) for i, amount in enumerate(amounts)]
        if -delta > sum(caps):
            return [0] * len(amounts), True
        shares = [-share for share in allocate_capped(-delta, amounts, caps)]
    for i, share in enumerate(shares):
        amounts[i] += share
    return shares, False


def _promotion_adjustments(apps: list[Application], level: Level,
                           adjustments: list[list[Adjustment]]) -> None:
    for app in apps:
        promotion = app.promotion
        for index, off in app.line_discounts.items():
            adjustments[index].append(Adjustment(
                AdjustmentSource.PROMOTION, level, Money(-off), promotion.id, promotion.name,
                promotion.kind, app.units.get(index, 0), app.tier))


def _line_adjustments(setup: Setup, plan: Plan, order_shares: list[int],
                      rounding_shares: list[int], order_discount: ManualDiscount | None
                      ) -> list[list[Adjustment]]:
    adjustments: list[list[Adjustment]] = [[] for _ in setup.lines]
    _promotion_adjustments(plan.item_apps, Level.ITEM, adjustments)
    context = setup.context
    for index, off in plan.level.items():
        adjustments[index].append(Adjustment(
            AdjustmentSource.MEMBER, Level.ITEM, Money(-off), label=context.level_name or "会员折扣",
            detail=ManualDiscount.percent(context.level_percent_off).describe_zh()))
    for index, (_before, _requested, applied) in plan.manual.items():
        if applied:
            discount = setup.lines[index].manual_discount
            adjustments[index].append(Adjustment(
                AdjustmentSource.MANUAL, Level.ITEM, Money(-applied), label="手工折扣",
                detail=discount.describe_zh()))
    _promotion_adjustments(plan.order_apps, Level.ORDER, adjustments)
    for index, share in enumerate(order_shares):
        if share:
            adjustments[index].append(Adjustment(
                AdjustmentSource.MANUAL, Level.ORDER, Money(-share), label="整单手工折扣",
                detail=order_discount.describe_zh()))
    detail = setup.context.rounding.value
    for index, share in enumerate(rounding_shares):
        if share:
            adjustments[index].append(Adjustment(
                AdjustmentSource.ROUNDING, Level.ORDER, Money(share), label="抹零", detail=detail))
    return adjustments


def _priced_lines(setup: Setup, amounts: list[int],
                  adjustments: list[list[Adjustment]]) -> tuple[PricedLine, ...]:
    priced = []
    for i, line in enumerate(setup.lines):
        base = setup.bases[i]
        amount = Money(amounts[i])
        priced.append(PricedLine(
            line.line_id, line.sku, line.name, line.quantity, line.is_weighed, line.unit_price,
            base.unit_price, base.source, base.label, base.candidates,
            Money(setup.base_amounts[i]), tuple(adjustments[i]), amount, line.tax_rate_bp,
            tax_included(amount, line.tax_rate_bp), Money(setup.floor_amounts[i])))
    return tuple(priced)


def _applied(plan: Plan) -> tuple[AppliedPromotion, ...]:
    applied = []
    for level, apps in ((Level.ITEM, plan.item_apps), (Level.ORDER, plan.order_apps)):
        for app in apps:
            promotion = app.promotion
            applied.append(AppliedPromotion(
                promotion.id, promotion.name, promotion.kind, level, Money(-app.total), app.uses,
                Money(app.basis) if level is Level.ORDER else None, app.tier))
    return tuple(applied)


def _regular_subtotal(setup: Setup) -> Money:
    fen = 0
    for i, line in enumerate(setup.lines):
        base = setup.bases[i]
        # Regular-priced lines already hold it; an open-price item has no catalog price.
        if base.source is PriceSource.REGULAR or line.open_price:
            fen += setup.base_amounts[i]
        else:
            fen += extend(line.unit_price, line.quantity).fen
    return Money(fen)


def finish(setup: Setup, plan: Plan, order_discount: ManualDiscount | None) -> PricedCart:
    amounts = list(plan.amounts)
    order_shares = _order_manual_shares(setup, plan, amounts, order_discount)
    rounding_shares, blocked = _rounding_shares(setup, amounts)
    adjustments = _line_adjustments(setup, plan, order_shares, rounding_shares, order_discount)
    lines = _priced_lines(setup, amounts, adjustments)
    tax_by_rate: dict[int, int] = defaultdict(int)
    for line in lines:
        tax_by_rate[line.tax_rate_bp] += line.tax.fen
    promotion_off = sum(app.total for app in plan.item_apps + plan.order_apps)
    manual_off = sum(a for _b, _r, a in plan.manual.values()) + sum(order_shares)
    return PricedCart(
        lines=lines, regular_subtotal=_regular_subtotal(setup),
        subtotal=Money(sum(setup.base_amounts)), promotion_total=Money(-promotion_off),
        manual_total=Money(-manual_off), rounding=Money(sum(rounding_shares)),
        total=Money(sum(amounts)), tax_total=Money(sum(tax_by_rate.values())),
        tax_by_rate={rate: Money(fen) for rate, fen in sorted(tax_by_rate.items())},
        applied_promotions=_applied(plan), rounding_mode=setup.context.rounding,
        rounding_blocked_by_floor=blocked, member_total=Money(-sum(plan.level.values())))
