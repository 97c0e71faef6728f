"""Why a cart could not be priced. Messages carry Chinese first, English after,
so a service can show them as they are or map them by type and attributes."""
from __future__ import annotations

from decimal import Decimal

from app.domain.money import Money


class PricingError(ValueError):
    """A cart could not be priced as asked."""


class PromotionDataError(PricingError):
    """A promotion definition is malformed (bad dict/JSON from the back office)."""


class OpenPriceError(PricingError):
    """An open-price item (无码商品) has no typed price, or the typed price is invalid."""


class ManualDiscountLimitError(PricingError):
    """A manual discount beyond what this cashier may give.

    ``limit_kind`` is ``"percent"`` or ``"amount"``; ``limit`` and ``requested``
    are a Decimal percent or a Money amount accordingly.
    """

    def __init__(self, limit_kind: str, limit: Decimal | Money, requested: Decimal | Money,
                 line_id: str | None = None) -> None:
        self.limit_kind = limit_kind
        self.limit = limit
        self.requested = requested
        self.line_id = line_id
        if limit_kind == "percent":
            text = (f"手工折扣 {requested}% 超出收银员权限 {limit}% "
                    f"(manual discount {requested}% exceeds the cashier's limit of {limit}%)")
        else:
            text = (f"手工优惠合计 {requested} 超出收银员权限 {limit} "
                    f"(manual discounts of {requested} exceed the cashier's limit of {limit})")
        super().__init__(text)


_WHAT_ZH = {"typed price": "改价", "line discount": "单品折扣", "order discount": "整单折扣"}


class FloorPriceError(PricingError):
    """A typed price or manual discount would take a line below its floor (最低售价).

    ``what`` is one of "typed price", "line discount", "order discount".
    """

    def __init__(self, line_id: str | None, floor: Money, requested: Money, what: str) -> None:
        self.line_id = line_id
        self.floor = floor
        self.requested = requested
        self.what = what
        super().__init__(
            f"{_WHAT_ZH.get(what, what)}后金额 {requested} 低于最低售价 {floor} "
            f"(after {what}: {requested} is below the floor of {floor}; a supervisor override is needed)"
        )
