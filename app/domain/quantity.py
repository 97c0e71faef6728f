"""Quantities as integer thousandths: pieces x1000, weighed goods in grams."""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from app.domain.money import MONEY_ROUNDING, Money

SCALE = 1000
# Nobody buys more than this in one line; larger input is scanner noise or a typo.
MAX_QUANTITY_MILLI = 9_999 * SCALE


class QuantityError(ValueError):
    """A quantity could not be read or is out of range."""


@dataclass(frozen=True, order=True, slots=True)
class Quantity:
    milli: int

    def __post_init__(self) -> None:
        if isinstance(self.milli, bool) or not isinstance(self.milli, int):
            raise QuantityError(f"Quantity takes integer thousandths, got {self.milli!r}")

    @classmethod
    def units(cls, count: int) -> "Quantity":
        return cls(count * SCALE)

    @classmethod
    def parse(cls, text: str, *, weighed: bool = False) -> "Quantity":
        """Read a typed quantity: whole pieces, or kilograms to 3 decimals when weighed."""
        cleaned = str(text).strip()
        try:
            value = Decimal(cleaned)
        except InvalidOperation as exc:
            raise QuantityError(f"not a quantity: {text!r}") from exc
        if not value.is_finite() or value <= 0:
            raise QuantityError(f"quantity must be greater than zero: {text!r}")
        if not weighed and value != value.to_integral_value():
            raise QuantityError(f"this item is sold in whole pieces: {text!r}")
        milli = value * SCALE
        if milli != milli.to_integral_value():
            raise QuantityError(f"more than three decimals: {text!r}")
        if milli > MAX_QUANTITY_MILLI:
            raise QuantityError(f"quantity too large: {text!r}")
        return cls(int(milli))

    @property
    def is_whole(self) -> bool:
        return self.milli % SCALE == 0

    def __add__(self, other: "Quantity") -> "Quantity":
        return Quantity(self.milli + other.milli)

    def __sub__(self, other: "Quantity") -> "Quantity":
        return Quantity(self.milli - other.milli)

    def __neg__(self) -> "Quantity":
        return Quantity(-self.milli)

    def format(self) -> str:
        if self.is_whole:
            return str(self.milli // SCALE)
        return f"{Decimal(self.milli) / SCALE:.3f}"

    def __str__(self) -> str:
        return self.format()


def extend(unit_price: Money, quantity: Quantity) -> Money:
    """Line amount = unit price x quantity, rounded once with the money rule."""
    if quantity.is_whole:
        return Money(unit_price.fen * (quantity.milli // SCALE))
    fen = (Decimal(unit_price.fen) * quantity.milli / SCALE).quantize(
        Decimal(1), rounding=MONEY_ROUNDING
    )
    return Money(int(fen))
