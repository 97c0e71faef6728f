"""Glue between the till and the pricing engine: discount limits, the sentences a
cashier reads when the engine refuses something, and scale-label products."""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import datetime
from decimal import Decimal
from typing import TYPE_CHECKING

from app.domain.cart import Cart, CartLine, ProductSnapshot
from app.domain.money import Money
from app.domain.pricing import (
    DEFAULT_TIER, FloorPriceError, ManualDiscountLimitError, OpenPriceError, PriceContext, PricingError,
    PricingLine, RoundingMode,
)
from app.domain.quantity import Quantity, extend
from app.domain.scale_barcode import ScaleRead, weight_for_label_price
from app.services.errors import InvalidInput, NotAllowed, ServiceError

if TYPE_CHECKING:
    from app.services.checkout import SaleDraft


@dataclass(frozen=True, slots=True)
class DiscountLimit:
    """How much manual discount the person at the till may give (the staff issue
    derives it from permissions). ``None`` means no limit; the default allows none."""

    percent: Decimal | None = field(default=Decimal(0))
    amount: Money | None = field(default=Money(0))

    @classmethod
    def unlimited(cls) -> "DiscountLimit":
        return cls(None, None)


def price_context(draft: "SaleDraft", now: datetime, store_id: str,
                  rounding: RoundingMode) -> PriceContext:
    """Who, when and within which limits the draft is priced; a member brings the level's
    price tier (member prices) and its discount."""
    limit, member = draft.discount_limit, draft.member
    return PriceContext(
        now=now, store_id=store_id, member_level=draft.member_level,
        member_id=member.id if member else None,
        level_discount_bp=member.level.discount_bp if member else 10000,
        level_name=member.level.name if member else "",
        manual_limit_percent=limit.percent, manual_limit_amount=limit.amount, rounding=rounding)


def pricing_line(draft: "SaleDraft", line: CartLine) -> PricingLine:
    product = line.product
    line_id = line.line_id
    # the plain member price (tier "member") and the levels' own tier prices; the engine
    # falls back to the plain one when the member's tier has no price for the product
    member_prices = dict(product.tier_prices)
    if product.member_price:
        member_prices[DEFAULT_TIER] = product.member_price
    return PricingLine(
        line_id=line_id, sku=product.sku_code, unit_price=product.unit_price,
        quantity=line.quantity, tax_rate_bp=product.tax_rate_bp,
        product_id=product.product_id, name=product.name,
        category_ids=product.category_ids, brand=product.brand,
        is_weighed=product.is_weighed, floor_price=product.floor_price,
        open_price=product.open_price, typed_price=draft.typed_prices.get(line_id),
        floor_override=line_id in draft.below_floor,
        member_prices=member_prices,
        manual_discount=draft.line_discounts.get(line_id))


def _line_name(cart: Cart, line_id: str | None) -> str:
    if line_id is None:
        return ""
    for line in cart.lines:
        if line.line_id == line_id:
            return line.product.name
    return ""


def pricing_error(exc: PricingError, cart: Cart) -> ServiceError:
    """The engine's refusal as a sentence that says what to do next."""
    if isinstance(exc, ManualDiscountLimitError):
        if exc.limit_kind == "percent":
            return NotAllowed("A discount of {requested}% is more than you may give ({limit}%). "
                              "Ask a supervisor.", requested=f"{exc.requested:f}",
                              limit=f"{exc.limit:f}")
        return NotAllowed("Discounts of {requested} in total are more than you may give "
                          "({limit}). Ask a supervisor.", requested=exc.requested.format(),
                          limit=exc.limit.format())
    if isinstance(exc, FloorPriceError):
        name = _line_name(cart, exc.line_id)
        if name:
            return NotAllowed("{name} may not be sold below {floor}: a supervisor must allow it.",
                              name=name, floor=exc.floor.format())
        return NotAllowed("That discount takes the sale below its lowest allowed price. Give a "
                          "smaller discount or ask a supervisor.")
    if isinstance(exc, OpenPriceError):
        return InvalidInput("Enter a price for the item without a fixed price.")
    return InvalidInput("The sale could not be priced: {error}", error=str(exc))


def _exact_unit_price(price: Money, weight: Quantity) -> Money | None:
    """A per-kg price that extends over ``weight`` to exactly ``price``, if one exists."""
    guess = round(price.fen * 1000 / weight.milli)
    for per_kg in (guess, guess - 1, guess + 1, guess - 2, guess + 2):
        if per_kg > 0 and extend(Money(per_kg), weight) == price:
            return Money(per_kg)
    return None


def scale_product(product: ProductSnapshot, read: ScaleRead) -> tuple[ProductSnapshot, Quantity]:
    """The product and quantity a scale label stands for; the label's amount is what the
    customer pays, so the unit price is adjusted (by at most a fen or two per kg) to match."""
    if not product.is_weighed:
        if read.price is not None:  # a pre-packed piece priced by the scale
            return replace(product, unit_price=read.price), Quantity.units(1)
        return product, Quantity.units(1)
    if read.weight is not None and read.price is None:
        return product, read.weight
    if read.weight is not None:
        exact = _exact_unit_price(read.price, read.weight)
        if exact is not None:
            return replace(product, unit_price=exact), read.weight
    weight, per_kg = weight_for_label_price(read.price, product.unit_price, read.weight)
    return replace(product, unit_price=per_kg), weight
