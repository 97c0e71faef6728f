"""The checkout pricing engine's entry point.

A checkout service builds a ``PromotionBook`` whenever the promotions change,
turns its cart lines into ``PricingLine`` values, and calls ``price_cart`` after
every change to the cart; the returned ``PricedCart`` is what the screen shows,
what the sale records (line amounts, adjustments, tax) and what the member's
promotion usage grows by (``promotion_uses``).
"""
from __future__ import annotations

from typing import Iterable, Sequence

from app.domain.pricing.book import PromotionBook
from app.domain.pricing.finish import finish
from app.domain.pricing.inputs import ManualDiscount, PriceContext, PricingLine
from app.domain.pricing.planning import best_plan, check_line_manual, prepare
from app.domain.pricing.promotions import Promotion
from app.domain.pricing.result import PricedCart


def price_cart(lines: Sequence[PricingLine], context: PriceContext,
               promotions: PromotionBook | Iterable[Promotion] = (),
               order_discount: ManualDiscount | None = None) -> PricedCart:
    """Price a cart.

    Raises ``FloorPriceError``, ``ManualDiscountLimitError`` or ``OpenPriceError``
    (all ``PricingError``) when a typed price or manual discount is refused.
    A plain iterable of promotions is indexed on every call; pass a
    ``PromotionBook`` to index once.
    """
    book = promotions if isinstance(promotions, PromotionBook) else PromotionBook(promotions)
    setup = prepare(lines, context, book)
    plan = best_plan(setup)
    check_line_manual(setup, plan)
    return finish(setup, plan, order_discount)
