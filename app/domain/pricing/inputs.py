"""What the pricing engine is given: priced lines and the context of the sale."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from enum import Enum
from typing import Mapping

from app.domain.cart import CartLine
from app.domain.money import Money
from app.domain.pricing.arith import percent_of
from app.domain.pricing.errors import PricingError
from app.domain.quantity import Quantity


# The member price tier of the plain member price; a level may name its own tier
# (e.g. "gold") with prices of its own, falling back to this one.
DEFAULT_TIER = "member"


class PriceSource(str, Enum):
    """Where a line's base unit price came from."""

    REGULAR = "regular"
    MEMBER = "member"
    SPECIAL = "special"
    OPEN = "open"          # 无码商品: the cashier types the price
    CHANGED = "changed"    # 改价: the cashier typed a price over the catalog one

    @property
    def label_zh(self) -> str:
        return _SOURCE_ZH[self]


_SOURCE_ZH = {PriceSource.REGULAR: "原价", PriceSource.MEMBER: "会员价",
              PriceSource.SPECIAL: "限时特价", PriceSource.OPEN: "手输价",
              PriceSource.CHANGED: "改价"}


class RoundingMode(str, Enum):
    """抹零: how the order total is rounded before payment."""

    NONE = "none"
    DOWN_JIAO = "down_0.1"        # drop the fen: ¥12.36 -> ¥12.30
    DOWN_YUAN = "down_1"          # drop the jiao and fen: ¥12.36 -> ¥12.00
    HALF_UP_JIAO = "half_up_0.1"  # ¥12.35 -> ¥12.40, ¥12.34 -> ¥12.30
    HALF_UP_YUAN = "half_up_1"    # ¥12.50 -> ¥13.00

    @property
    def unit_fen(self) -> int:
        if self is RoundingMode.NONE:
            return 1
        return 10 if self.value.endswith("0.1") else 100

    @property
    def rounds_down(self) -> bool:
        return self.value.startswith("down")


def _check_aware(moment: datetime, what: str) -> None:
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise PricingError(f"{what} must be a timezone-aware datetime")


def as_percent(value: Decimal | int | str, what: str) -> Decimal:
    """A percentage from an int, str or Decimal; floats are refused (not exact)."""
    if isinstance(value, (float, bool)):
        raise PricingError(f"{what} must be a Decimal, int or str, not {value!r}")
    try:
        percent = Decimal(value)
    except Exception as exc:  # decimal raises several types for junk
        raise PricingError(f"{what} is not a number: {value!r}") from exc
    if not percent.is_finite():
        raise PricingError(f"{what} is not a number: {value!r}")
    return percent


@dataclass(frozen=True, slots=True)
class SpecialPrice:
    """限时特价: a unit price valid in [starts_at, ends_at)."""

    price: Money
    starts_at: datetime
    ends_at: datetime
    name: str = "限时特价"

    def __post_init__(self) -> None:
        _check_aware(self.starts_at, "special price start")
        _check_aware(self.ends_at, "special price end")

    def applies_at(self, now: datetime) -> bool:
        return self.starts_at <= now < self.ends_at


@dataclass(frozen=True, slots=True)
class ManualDiscount:
    """A cashier's discount on a line or the order: a percent off or an amount off."""

    percent_off: Decimal | None = None
    amount_off: Money | None = None
    reason: str = ""

    def __post_init__(self) -> None:
        if (self.percent_off is None) == (self.amount_off is None):
            raise PricingError("a manual discount is either a percent or an amount")
        if self.percent_off is not None:
            percent = as_percent(self.percent_off, "discount percent")
            if not Decimal(0) < percent <= Decimal(100):
                raise PricingError(f"discount percent must be in (0, 100]: {percent}")
            object.__setattr__(self, "percent_off", percent)
        elif self.amount_off.fen <= 0:
            raise PricingError(f"discount amount must be positive: {self.amount_off}")

    @classmethod
    def percent(cls, percent_off: Decimal | int | str, reason: str = "") -> "ManualDiscount":
        return cls(percent_off=as_percent(percent_off, "discount percent"), reason=reason)

    @classmethod
    def amount(cls, amount_off: Money, reason: str = "") -> "ManualDiscount":
        return cls(amount_off=amount_off, reason=reason)

    def off_for(self, amount_fen: int) -> int:
        """Fen off an amount; an amount discount never exceeds the amount itself."""
        if self.percent_off is not None:
            return percent_of(amount_fen, self.percent_off)
        return min(self.amount_off.fen, amount_fen)

    def describe_zh(self) -> str:
        if self.percent_off is not None:
            zhe = (Decimal(100) - self.percent_off) / 10
            return f"{zhe.normalize():f}折"
        return f"减{self.amount_off}"

    def describe_en(self) -> str:
        if self.percent_off is not None:
            return f"{self.percent_off.normalize():f}% off"
        return f"{self.amount_off} off"


@dataclass(frozen=True, slots=True)
class PricingLine:
    """One cart line as the engine needs it.

    ``unit_price`` is the regular price per piece, or per kg when weighed
    (quantity then counts grams). ``category_ids`` holds the line's category and
    all its ancestors, so a promotion on 饮料 reaches 碳酸饮料. ``typed_price`` is
    the price the cashier typed: required for ``open_price`` items, a 改价 on
    others; it may not go below ``floor_price`` unless ``floor_override``.
    ``member_prices`` maps member price tier -> unit price; DEFAULT_TIER is the plain
    member price a tier without a price of its own falls back to.
    """

    line_id: str
    sku: str
    unit_price: Money
    quantity: Quantity
    tax_rate_bp: int = 0
    product_id: str = ""
    name: str = ""
    category_ids: tuple[str, ...] = ()
    brand: str | None = None
    is_weighed: bool = False
    floor_price: Money | None = None
    open_price: bool = False
    typed_price: Money | None = None
    floor_override: bool = False
    member_prices: Mapping[str, Money] = field(default_factory=dict)
    special_prices: tuple[SpecialPrice, ...] = ()
    manual_discount: ManualDiscount | None = None

    def __post_init__(self) -> None:
        if self.quantity.milli <= 0:
            raise PricingError(f"line {self.line_id}: quantity must be greater than zero")
        if self.unit_price.fen < 0:
            raise PricingError(f"line {self.line_id}: negative unit price")

    @property
    def countable_pieces(self) -> int:
        """Whole pieces that count for N-item offers; weighed goods count none."""
        if self.is_weighed or not self.quantity.is_whole:
            return 0
        return self.quantity.milli // 1000


def pricing_line_from_cart(line: CartLine, **extra) -> PricingLine:
    """Adapt a cart line; ``extra`` adds what the snapshot does not hold
    (category_ids, brand, floor_price, member_prices, special_prices, ...)."""
    product = line.product
    return PricingLine(line_id=line.line_id, sku=product.sku_code, unit_price=product.unit_price,
                       quantity=line.quantity, tax_rate_bp=product.tax_rate_bp,
                       product_id=product.product_id, name=product.name,
                       is_weighed=product.is_weighed, **extra)


@dataclass(frozen=True, slots=True)
class PriceContext:
    """Who, where and when: everything besides the lines that changes a price.

    ``member_usage`` maps promotion id -> times this member already used it.
    The manual-discount limits default to zero: a cashier without configured
    limits may give no manual discount. ``None`` means no limit (supervisor).
    """

    now: datetime
    store_id: str
    member_level: str | None = None
    member_id: str | None = None
    member_usage: Mapping[str, int] = field(default_factory=dict)
    # The member level's discount (会员折扣): what a member pays in basis points of the
    # amount, 9500 = 95折; 10000 = none. ``level_name`` labels it on the receipt.
    level_discount_bp: int = 10000
    level_name: str = ""
    manual_limit_percent: Decimal | None = Decimal(0)
    manual_limit_amount: Money | None = Money(0)
    rounding: RoundingMode = RoundingMode.NONE

    def __post_init__(self) -> None:
        _check_aware(self.now, "PriceContext.now")
        if not 0 < self.level_discount_bp <= 10000:
            raise PricingError(f"level discount must be in (0, 10000] basis points: "
                               f"{self.level_discount_bp}")
        if self.manual_limit_percent is not None:
            object.__setattr__(self, "manual_limit_percent",
                               as_percent(self.manual_limit_percent, "manual limit percent"))

    @property
    def level_percent_off(self) -> Decimal:
        return Decimal(10000 - self.level_discount_bp) / 100

    @property
    def is_member(self) -> bool:
        return self.member_id is not None or self.member_level is not None
