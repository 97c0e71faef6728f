"""What a report adds up, and which filters it takes."""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date, timedelta
from decimal import Decimal

from app.domain.money import MONEY_ROUNDING

# Dimensions of the daily aggregate. "total" has the one key "".
DIMS = ("total", "hour", "tender", "product", "salesperson", "cashier", "channel")


@dataclass(slots=True)
class Measures:
    """Sums over sales and returns; money in fen, quantities in thousandths.

    For the day dimensions (total, cashier, channel) quantity_milli counts pieces
    (1000 per piece, a weighed line is one piece); for products it is the quantity sold.
    """

    orders: int = 0
    quantity_milli: int = 0
    amount_fen: int = 0
    cost_fen: int = 0
    discount_fen: int = 0
    rounding_fen: int = 0
    returns_count: int = 0
    returns_quantity_milli: int = 0
    returns_fen: int = 0
    member_orders: int = 0
    member_fen: int = 0
    commission_fen: int = 0

    def add(self, other: "Measures") -> None:
        for f in MEASURE_NAMES:
            setattr(self, f, getattr(self, f) + getattr(other, f))

    @property
    def net_fen(self) -> int:
        return self.amount_fen - self.returns_fen

    @property
    def margin_fen(self) -> int:
        return self.net_fen - self.cost_fen


MEASURE_NAMES = tuple(f.name for f in fields(Measures))


@dataclass(frozen=True, slots=True)
class Period:
    """Business days from first to last, both included."""

    first: date
    last: date

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    def previous(self) -> "Period":
        return Period(self.first - timedelta(days=self.days), self.first - timedelta(days=1))

    def dates(self) -> list[str]:
        return [(self.first + timedelta(days=i)).isoformat() for i in range(self.days)]


@dataclass(frozen=True, slots=True)
class ReportFilter:
    """Empty fields filter nothing. category_code is a path such as 饮料 or 饮料/碳酸饮料."""

    category_code: str = ""
    salesperson_id: str = ""
    cashier_id: str = ""
    member_level_id: str = ""
    channel: str = ""

    @property
    def on_sales(self) -> bool:
        """Filters that pick sales: the daily aggregate cannot answer them."""
        return bool(self.salesperson_id or self.cashier_id or self.member_level_id or self.channel)

    def without_category(self) -> "ReportFilter":
        return replace(self, category_code="")


def cost_of(quantity_milli: int, unit_cost_fen: int) -> int:
    """Cost of a quantity at a unit cost, rounded like all money (half up)."""
    exact = Decimal(quantity_milli) * unit_cost_fen / 1000
    return int(exact.quantize(Decimal(1), rounding=MONEY_ROUNDING))
