"""Rules a product must meet, shared by the editor and the importer: each broken rule
is a sentence that says what to fix."""
from __future__ import annotations

from app.domain.barcode import BarcodeError, read_code

MAX_PRICE_FEN = 100_000_000  # ¥1,000,000: anything above is a typo


def normalise_barcode(raw: str) -> str:
    """The stored form of a barcode (internal codes upper-case, as the till looks them up);
    raises ValueError with the reason."""
    try:
        return read_code(raw).code
    except BarcodeError as exc:
        if exc.reason == "wrong check digit":
            raise ValueError(f"barcode {raw} has a wrong check digit; check the digits") from exc
        raise ValueError(f"{raw!r} is not a barcode (digits, letters, - _ . only)") from exc


def price_problem(label: str, amount_fen: int | None, required: bool = False) -> str | None:
    if amount_fen is None:
        return f"{label} is missing" if required else None
    if amount_fen < 0:
        return f"{label} cannot be negative"
    if amount_fen > MAX_PRICE_FEN:
        return f"{label} is too large (over ¥1,000,000)"
    return None


def sku_problem(sku: str) -> str | None:
    if not sku:
        return "the product code (SKU) is missing"
    if len(sku) > 32:
        return "the product code (SKU) is longer than 32 characters"
    if not all(ch.isascii() and (ch.isalnum() or ch in "-_.") for ch in sku):
        return "the product code (SKU) may only have letters, digits and - _ ."
    return None


def plu_problem(plu: str | None, weighed: bool) -> str | None:
    if not plu:
        return "a weighed product needs a scale PLU" if weighed else None
    if not plu.isdigit() or len(plu) > 5:
        return "the scale PLU must be 1 to 5 digits"
    return None
