"""Barcodes: EAN-8, EAN-13, UPC-A check digits and reading raw scanner input."""
from __future__ import annotations

from dataclasses import dataclass

MAX_CODE_LENGTH = 48
GTIN_LENGTHS = {8: "EAN-8", 12: "UPC-A", 13: "EAN-13", 14: "GTIN-14"}


class BarcodeError(ValueError):
    """Scanned or typed code that cannot be a product code."""

    def __init__(self, reason: str, code: str) -> None:
        super().__init__(f"{reason}: {code!r}")
        self.reason = reason
        self.code = code


def gtin_check_digit(body: str) -> int:
    """Check digit for a GTIN body (all digits but the last), GS1 mod-10."""
    if not body.isdigit():
        raise BarcodeError("not digits", body)
    total = 0
    for position, char in enumerate(reversed(body)):
        weight = 3 if position % 2 == 0 else 1
        total += int(char) * weight
    return (10 - total % 10) % 10


def has_valid_check_digit(code: str) -> bool:
    if not code.isdigit() or len(code) not in GTIN_LENGTHS:
        return False
    return gtin_check_digit(code[:-1]) == int(code[-1])


def complete_ean13(body12: str) -> str:
    """Append the check digit to a 12-digit body."""
    if len(body12) != 12:
        raise BarcodeError("EAN-13 body must have 12 digits", body12)
    return body12 + str(gtin_check_digit(body12))


def complete_ean8(body7: str) -> str:
    if len(body7) != 7:
        raise BarcodeError("EAN-8 body must have 7 digits", body7)
    return body7 + str(gtin_check_digit(body7))


@dataclass(frozen=True, slots=True)
class ScannedCode:
    """A cleaned code and how to look it up."""

    code: str
    symbology: str  # EAN-8, EAN-13, UPC-A, GTIN-14 or CODE (internal/alphanumeric)

    @property
    def lookup_keys(self) -> tuple[str, ...]:
        """Codes to try in the barcode table: UPC-A is also stored as EAN-13 with a 0."""
        if self.symbology == "UPC-A":
            return (self.code, "0" + self.code)
        if self.symbology == "EAN-13" and self.code.startswith("0"):
            return (self.code, self.code[1:])
        return (self.code,)


def clean_scan(raw: str) -> str:
    """Drop whitespace and control characters a scanner or keyboard may add."""
    return "".join(ch for ch in str(raw) if ch.isprintable() and not ch.isspace())


def read_code(raw: str) -> ScannedCode:
    """Turn raw scanner or keyboard input into a code to look up, or raise BarcodeError."""
    code = clean_scan(raw)
    if not code:
        raise BarcodeError("empty code", str(raw))
    if len(code) > MAX_CODE_LENGTH:
        raise BarcodeError("code too long", code[:MAX_CODE_LENGTH] + "…")
    if not all(ch.isascii() and (ch.isalnum() or ch in "-_.") for ch in code):
        raise BarcodeError("code has characters no barcode has", code)
    if code.isdigit() and len(code) in GTIN_LENGTHS:
        if not has_valid_check_digit(code):
            raise BarcodeError("wrong check digit", code)
        return ScannedCode(code, GTIN_LENGTHS[len(code)])
    return ScannedCode(code.upper(), "CODE")
