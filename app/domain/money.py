"""Money as an integer count of fen (0.01 CNY). Never a float.

Fractions (percentages, proportional splits) go through Decimal with one
named rounding rule, and splits use largest remainder so parts always add
up to the whole.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Iterable, Sequence

# The one rounding rule for money: half away from zero, as Chinese retail does.
MONEY_ROUNDING = ROUND_HALF_UP


class MoneyError(ValueError):
    """A money amount could not be read or computed."""


@dataclass(frozen=True, order=True, slots=True)
class Money:
    fen: int

    def __post_init__(self) -> None:
        if isinstance(self.fen, bool) or not isinstance(self.fen, int):
            raise MoneyError(f"Money takes an integer count of fen, got {self.fen!r}")

    # construction -------------------------------------------------------
    @classmethod
    def zero(cls) -> "Money":
        return cls(0)

    @classmethod
    def parse(cls, text: str) -> "Money":
        """Read an amount in yuan as a person types it: '12', '12.5', '¥1,234.50'."""
        cleaned = str(text).strip().replace("¥", "").replace("￥", "").replace(",", "")
        cleaned = cleaned.replace("元", "").strip()
        if not cleaned:
            raise MoneyError("empty amount")
        try:
            value = Decimal(cleaned)
        except InvalidOperation as exc:
            raise MoneyError(f"not an amount: {text!r}") from exc
        if not value.is_finite():
            raise MoneyError(f"not an amount: {text!r}")
        if value != value.quantize(Decimal("0.01")):
            raise MoneyError(f"more than two decimals: {text!r}")
        return cls(int(value * 100))

    @classmethod
    def from_decimal(cls, yuan: Decimal) -> "Money":
        fen = (Decimal(yuan) * 100).quantize(Decimal(1), rounding=MONEY_ROUNDING)
        return cls(int(fen))

    # arithmetic ---------------------------------------------------------
    def __add__(self, other: "Money") -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.fen + other.fen)

    def __sub__(self, other: "Money") -> "Money":
        if not isinstance(other, Money):
            return NotImplemented
        return Money(self.fen - other.fen)

    def __neg__(self) -> "Money":
        return Money(-self.fen)

    def __mul__(self, factor: int) -> "Money":
        if isinstance(factor, bool) or not isinstance(factor, int):
            return NotImplemented
        return Money(self.fen * factor)

    __rmul__ = __mul__

    def __bool__(self) -> bool:
        return self.fen != 0

    def times(self, factor: Decimal) -> "Money":
        """Multiply by a fraction (a quantity, a percentage) with the money rounding rule."""
        fen = (Decimal(self.fen) * Decimal(factor)).quantize(Decimal(1), rounding=MONEY_ROUNDING)
        return Money(int(fen))

    def allocate(self, weights: Sequence[int]) -> list["Money"]:
        return [Money(f) for f in allocate_largest_remainder(self.fen, weights)]

    # presentation -------------------------------------------------------
    @property
    def yuan(self) -> Decimal:
        return Decimal(self.fen) / 100

    def format(self, symbol: str = "¥") -> str:
        sign = "-" if self.fen < 0 else ""
        whole, cents = divmod(abs(self.fen), 100)
        return f"{sign}{symbol}{whole:,}.{cents:02d}"

    def plain(self) -> str:
        """Amount without symbol or thousands separator, e.g. '1234.50'."""
        sign = "-" if self.fen < 0 else ""
        whole, cents = divmod(abs(self.fen), 100)
        return f"{sign}{whole}.{cents:02d}"

    def __str__(self) -> str:
        return self.format()


def money_sum(amounts: Iterable[Money]) -> Money:
    return Money(sum(a.fen for a in amounts))


def allocate_largest_remainder(total: int, weights: Sequence[int]) -> list[int]:
    """Split an integer total in proportion to integer weights.

    The parts always add up to ``total``; the leftover units go to the parts
    with the largest fractional remainders (ties to the earlier part).
    """
    if not weights:
        if total:
            raise MoneyError("cannot allocate a non-zero amount over nothing")
        return []
    if any(w < 0 for w in weights):
        raise MoneyError("allocation weights must not be negative")
    weight_sum = sum(weights)
    if weight_sum == 0:
        weights = [1] * len(weights)
        weight_sum = len(weights)
    sign = -1 if total < 0 else 1
    magnitude = abs(total)
    floors = [magnitude * w // weight_sum for w in weights]
    remainders = [magnitude * w % weight_sum for w in weights]
    leftover = magnitude - sum(floors)
    order = sorted(range(len(weights)), key=lambda i: (-remainders[i], i))
    for i in order[:leftover]:
        floors[i] += 1
    return [sign * f for f in floors]
