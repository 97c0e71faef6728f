"""The base unit price of a line: the lowest applicable price, and why."""
from __future__ import annotations

from dataclasses import dataclass

from app.domain.money import Money
from app.domain.pricing.errors import FloorPriceError, OpenPriceError
from app.domain.pricing.inputs import DEFAULT_TIER, PriceContext, PriceSource, PricingLine


@dataclass(frozen=True, slots=True)
class PriceCandidate:
    source: PriceSource
    price: Money
    label: str


@dataclass(frozen=True, slots=True)
class BasePrice:
    unit_price: Money
    source: PriceSource
    label: str                                # e.g. the special price's name
    candidates: tuple[PriceCandidate, ...]    # every price that applied, lowest first


# Equal prices: say "regular" rather than claim a saving that is not there.
_TIE_ORDER = {PriceSource.REGULAR: 0, PriceSource.SPECIAL: 1, PriceSource.MEMBER: 2}


def choose_base_price(line: PricingLine, context: PriceContext) -> BasePrice:
    """Typed prices win outright (checked against the floor); otherwise the lowest
    of regular, member (for the context's level) and time-limited special prices."""
    if line.open_price or line.typed_price is not None:
        return _typed_price(line)
    regular = PriceCandidate(PriceSource.REGULAR, line.unit_price, PriceSource.REGULAR.label_zh)
    if not line.special_prices and not line.member_prices:
        return BasePrice(line.unit_price, PriceSource.REGULAR, regular.label, (regular,))
    candidates = [regular]
    member = _member_candidate(line, context.member_level)
    if member is not None:
        candidates.append(member)
    for special in line.special_prices:
        if special.applies_at(context.now):
            candidates.append(PriceCandidate(PriceSource.SPECIAL, special.price, special.name))
    candidates.sort(key=lambda c: (c.price.fen, _TIE_ORDER[c.source]))
    best = candidates[0]
    return BasePrice(best.price, best.source, best.label, tuple(candidates))


def _member_candidate(line: PricingLine, tier: str | None) -> PriceCandidate | None:
    """The member's tier price, else the plain member price; the label names the tier
    whose price it is ("会员价(gold)")."""
    if tier is None:
        return None
    if tier not in line.member_prices:
        tier = DEFAULT_TIER
    price = line.member_prices.get(tier)
    if price is None:
        return None
    return PriceCandidate(PriceSource.MEMBER, price, f"{PriceSource.MEMBER.label_zh}({tier})")


def _typed_price(line: PricingLine) -> BasePrice:
    typed = line.typed_price
    if typed is None:
        raise OpenPriceError(f"无码商品需要输入价格 (line {line.line_id}: open-price item needs a price)")
    if typed.fen < 0:
        raise OpenPriceError(f"价格不能为负 (line {line.line_id}: negative price {typed})")
    floor = line.floor_price
    if floor is not None and typed < floor and not line.floor_override:
        raise FloorPriceError(line.line_id, floor, typed, "typed price")
    source = PriceSource.OPEN if line.open_price else PriceSource.CHANGED
    candidates = (PriceCandidate(source, typed, source.label_zh),)
    if not line.open_price:
        candidates += (PriceCandidate(PriceSource.REGULAR, line.unit_price,
                                      PriceSource.REGULAR.label_zh),)
    return BasePrice(typed, source, source.label_zh, candidates)
