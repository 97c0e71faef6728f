"""Scale barcodes (电子秤条码): a flag, the item's PLU, and a price or a weight.

Label scales print EAN-13 (or 18-digit) codes such as ``2 2 01001 01235 C``:
flag digits (20-29), the PLU, a value (price in fen or weight in grams) and a
check digit. Stores configure which layouts their scales print; the common
layouts ship in ``COMMON_LAYOUTS``.
"""
from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Literal

from app.domain.barcode import gtin_check_digit
from app.domain.money import Money
from app.domain.quantity import Quantity

ValueKind = Literal["price", "weight"]


class ScaleBarcodeError(ValueError):
    """A layout is inconsistent."""


@dataclass(frozen=True, slots=True)
class ScaleLayout:
    """Positions are 0-based offsets into the code.

    ``flags`` are the leading digits that mark a scale code (e.g. "20".."29");
    ``value_decimals`` says how many of the value digits are decimals: for a
    price, in yuan (2 = fen); for a weight, in kg (3 = grams).
    ``price_start``/``price_length`` add a second value for 18-digit layouts
    that print both weight and price.
    """

    name: str
    length: int
    flags: tuple[str, ...]
    plu_start: int
    plu_length: int
    value_start: int
    value_length: int
    value_kind: ValueKind
    value_decimals: int
    check_digit: bool = True
    price_start: int | None = None
    price_length: int = 0

    def __post_init__(self) -> None:
        if self.length not in (13, 18):
            raise ScaleBarcodeError(f"{self.name}: scale codes have 13 or 18 digits")
        end = max(self.plu_start + self.plu_length, self.value_start + self.value_length,
                  (self.price_start or 0) + self.price_length)
        if end > self.length - (1 if self.check_digit else 0):
            raise ScaleBarcodeError(f"{self.name}: fields run past the end of the code")
        if not self.flags or any(not f.isdigit() for f in self.flags):
            raise ScaleBarcodeError(f"{self.name}: flags must be digit strings")

    def matches(self, code: str) -> bool:
        return (len(code) == self.length and code.isdigit()
                and any(code.startswith(flag) for flag in self.flags)
                and (not self.check_digit or gtin_check_digit(code[:-1]) == int(code[-1])))


@dataclass(frozen=True, slots=True)
class ScaleRead:
    layout: str
    plu: str
    weight: Quantity | None
    price: Money | None

    @property
    def plu_keys(self) -> tuple[str, ...]:
        """PLUs to try: as printed, and without the scale's leading zeros."""
        stripped = self.plu.lstrip("0") or "0"
        return (self.plu,) if stripped == self.plu else (self.plu, stripped)


def _flags(first: int = 20, last: int = 29) -> tuple[str, ...]:
    return tuple(str(n) for n in range(first, last + 1))


# The layouts Chinese label scales (大华, 顶尖, 寺冈, 托利多) print out of the box.
COMMON_LAYOUTS: dict[str, ScaleLayout] = {layout.name: layout for layout in (
    # FF PPPPP VVVVV C: price in fen (the most common in China)
    ScaleLayout("ean13_plu5_price", 13, _flags(), 2, 5, 7, 5, "price", 2),
    # FF PPPPP WWWWW C: weight in grams
    ScaleLayout("ean13_plu5_weight", 13, _flags(), 2, 5, 7, 5, "weight", 3),
    # F PPPPPP VVVVV C with a single flag digit 2
    ScaleLayout("ean13_plu6_price", 13, ("2",), 1, 6, 7, 5, "price", 2),
    # FF PPPP VVVVVV C: 4-digit PLU, price up to ¥9999.99
    ScaleLayout("ean13_plu4_price6", 13, _flags(), 2, 4, 6, 6, "price", 2),
    # FF PPPPP WWWWW VVVVV C: weight and price (18 digits)
    ScaleLayout("code18_plu5_weight_price", 18, _flags(), 2, 5, 7, 5, "weight", 3,
                price_start=12, price_length=5),
)}
DEFAULT_LAYOUTS = ("ean13_plu5_price",)


def _number(digits: str, decimals: int) -> Decimal:
    return Decimal(int(digits)).scaleb(-decimals)


def read_scale_code(code: str, layout: ScaleLayout) -> ScaleRead | None:
    """Read ``code`` with ``layout``, or None when it is not this layout's code."""
    if not layout.matches(code):
        return None
    plu = code[layout.plu_start:layout.plu_start + layout.plu_length]
    value = _number(code[layout.value_start:layout.value_start + layout.value_length],
                    layout.value_decimals)
    weight = price = None
    if layout.value_kind == "weight":
        weight = Quantity(int(value * 1000))
    else:
        price = Money(int(value * 100))
    if layout.price_start is not None:
        price = Money(int(code[layout.price_start:layout.price_start + layout.price_length]))
    if (weight is not None and weight.milli <= 0) or (price is not None and price.fen < 0):
        return None
    return ScaleRead(layout.name, plu, weight, price)


def read_any(code: str, layouts: Iterable[ScaleLayout]) -> ScaleRead | None:
    for layout in layouts:
        read = read_scale_code(code, layout)
        if read is not None:
            return read
    return None


def layouts_by_name(names: Iterable[str]) -> tuple[ScaleLayout, ...]:
    """The named common layouts; unknown names raise so a typo in a setting shows."""
    try:
        return tuple(COMMON_LAYOUTS[name.strip()] for name in names if name.strip())
    except KeyError as exc:
        raise ScaleBarcodeError(f"unknown scale barcode layout {exc.args[0]!r}; "
                                f"known: {', '.join(COMMON_LAYOUTS)}") from exc


def make_code(layout: ScaleLayout, plu: str, value: int, price_fen: int | None = None) -> str:
    """A code as the scale would print it (tests, demo labels)."""
    digits = ["0"] * layout.length
    body = list(layout.flags[0].ljust(layout.plu_start, "0"))
    digits[:len(body)] = body
    digits[layout.plu_start:layout.plu_start + layout.plu_length] = plu.zfill(layout.plu_length)
    digits[layout.value_start:layout.value_start + layout.value_length] = str(value).zfill(
        layout.value_length)
    if layout.price_start is not None and price_fen is not None:
        digits[layout.price_start:layout.price_start + layout.price_length] = str(
            price_fen).zfill(layout.price_length)
    text = "".join(digits)
    if layout.check_digit:
        text = text[:-1] + str(gtin_check_digit(text[:-1]))
    return text


def weight_for_label_price(price: Money, unit_price: Money,
                           near: Quantity | None = None) -> tuple[Quantity, Money]:
    """A price-only label on a weighed item: the weight it stands for, and a per-kg
    price that extends to exactly the printed amount (the scale's own rounding may
    differ from ours by a fen, and the customer pays what the label says)."""
    from app.domain.quantity import extend
    if unit_price.fen <= 0 or price.fen <= 0:
        return Quantity(1000), price
    grams = near.milli if near is not None else max(1, round(price.fen * 1000 / unit_price.fen))
    for g in sorted(range(max(1, grams - 5), grams + 6), key=lambda g: abs(g - grams)):
        guess = round(price.fen * 1000 / g)
        for per_kg in (guess, guess - 1, guess + 1, guess - 2, guess + 2):
            if per_kg > 0 and extend(Money(per_kg), Quantity(g)) == price:
                return Quantity(g), Money(per_kg)
    return Quantity(1000), price  # no exact pair near: one kg-unit at the label amount
