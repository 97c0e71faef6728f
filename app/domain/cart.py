"""The cart: lines with snapshots of what was scanned, and their totals.

Changes are validated before they are applied, so a refused change leaves the
cart exactly as it was.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, replace
from decimal import Decimal

from app.domain.ids import new_id
from app.domain.money import MONEY_ROUNDING, Money, money_sum
from app.domain.quantity import MAX_QUANTITY_MILLI, Quantity, QuantityError, extend

MAX_LINES = 500


class CartError(ValueError):
    """A change the cart refuses."""


def tax_included(amount: Money, rate_bp: int) -> Money:
    """VAT contained in a tax-inclusive amount; rate in basis points (1300 = 13%)."""
    if rate_bp <= 0:
        return Money(0)
    tax = Decimal(amount.fen) * rate_bp / (10_000 + rate_bp)
    return Money(int(tax.quantize(Decimal(1), rounding=MONEY_ROUNDING)))


@dataclass(frozen=True, slots=True)
class ProductSnapshot:
    """What a line copies from the catalog at sale time."""

    product_id: str
    sku_code: str
    barcode: str
    name: str
    unit_price: Money
    tax_rate_bp: int
    unit: str = "个"
    is_weighed: bool = False
    category_ids: tuple[str, ...] = ()   # the category and its ancestors (codes and names)
    brand: str | None = None
    member_price: Money | None = None
    floor_price: Money | None = None     # typed prices and discounts stop here
    open_price: bool = False             # 无码商品: the cashier types the price
    tier_prices: tuple[tuple[str, Money], ...] = ()  # member price tier -> price (e.g. gold)


@dataclass(frozen=True, slots=True)
class CartLine:
    line_id: str
    product: ProductSnapshot
    quantity: Quantity

    @property
    def amount(self) -> Money:
        return extend(self.product.unit_price, self.quantity)

    @property
    def tax(self) -> Money:
        return tax_included(self.amount, self.product.tax_rate_bp)


class Cart:
    def __init__(self) -> None:
        self._lines: list[CartLine] = []

    @property
    def lines(self) -> tuple[CartLine, ...]:
        return tuple(self._lines)

    def __len__(self) -> int:
        return len(self._lines)

    def is_empty(self) -> bool:
        return not self._lines

    def line(self, line_id: str) -> CartLine:
        for line in self._lines:
            if line.line_id == line_id:
                return line
        raise CartError(f"no such line: {line_id}")

    def add(self, product: ProductSnapshot, quantity: Quantity | None = None) -> CartLine:
        """Add a product; a repeat scan of a piece item raises the last line's quantity."""
        quantity = quantity or Quantity.units(1)
        _check_quantity(product, quantity)
        last = self._lines[-1] if self._lines else None
        if last and not product.is_weighed and not product.open_price and last.product == product:
            return self.set_quantity(last.line_id, last.quantity + quantity)
        if len(self._lines) >= MAX_LINES:
            raise CartError(f"a sale holds at most {MAX_LINES} lines")
        line = CartLine(new_id(), product, quantity)
        self._lines.append(line)
        return line

    def set_quantity(self, line_id: str, quantity: Quantity) -> CartLine:
        index = self._index(line_id)
        line = self._lines[index]
        _check_quantity(line.product, quantity)
        updated = replace(line, quantity=quantity)
        self._lines[index] = updated
        return updated

    def remove(self, line_id: str) -> CartLine:
        return self._lines.pop(self._index(line_id))

    def clear(self) -> None:
        self._lines.clear()

    def snapshot(self) -> tuple[CartLine, ...]:
        return tuple(self._lines)

    def restore(self, lines: tuple[CartLine, ...]) -> None:
        """Put back lines from ``snapshot`` (a change the pricing refused, a recalled sale)."""
        if len(lines) > MAX_LINES:
            raise CartError(f"a sale holds at most {MAX_LINES} lines")
        self._lines = list(lines)

    @property
    def total(self) -> Money:
        return money_sum(line.amount for line in self._lines)

    @property
    def tax_total(self) -> Money:
        return money_sum(line.tax for line in self._lines)

    def tax_by_rate(self) -> dict[int, Money]:
        totals: dict[int, int] = defaultdict(int)
        for line in self._lines:
            totals[line.product.tax_rate_bp] += line.tax.fen
        return {rate: Money(fen) for rate, fen in sorted(totals.items())}

    @property
    def piece_count(self) -> int:
        """Items as a customer counts them: pieces, and 1 per weighed line."""
        return sum(
            1 if line.product.is_weighed else line.quantity.milli // 1000 for line in self._lines
        )

    def _index(self, line_id: str) -> int:
        for i, line in enumerate(self._lines):
            if line.line_id == line_id:
                return i
        raise CartError(f"no such line: {line_id}")


def _check_quantity(product: ProductSnapshot, quantity: Quantity) -> None:
    if quantity.milli <= 0:
        raise QuantityError("quantity must be greater than zero")
    if quantity.milli > MAX_QUANTITY_MILLI:
        raise QuantityError("quantity too large")
    if not product.is_weighed and not quantity.is_whole:
        raise QuantityError(f"{product.name} is sold in whole pieces")
