"""Exact fractions of fen, rounded once with the money rule, and capped splits.

Pricing multiplies amounts by quantities and percentages; every such product is
kept as an exact integer ratio and rounded once, with ``MONEY_ROUNDING``, at the
point where it becomes fen. Splits over lines use largest remainder so the parts
always add up to the whole.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Sequence

from app.domain.money import MONEY_ROUNDING, allocate_largest_remainder

_ONE = Decimal(1)
HUNDRED = 100


def round_fen(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` fen, rounded with the one money rule."""
    if numerator % denominator == 0:
        return numerator // denominator
    # One exact-enough division (28 digits) then one rounding: a true .5 is
    # representable exactly, anything else is far from the rounding edge.
    value = Decimal(numerator) / Decimal(denominator)
    return int(value.quantize(_ONE, rounding=MONEY_ROUNDING))


def percent_ratio(percent: Decimal) -> tuple[int, int]:
    """A percentage as an exact (numerator, denominator) of a whole: 12.5 -> (1, 8)."""
    num, den = Decimal(percent).as_integer_ratio()
    return num, den * HUNDRED


def percent_of(amount_fen: int, percent: Decimal) -> int:
    """``percent`` % of an amount in fen, rounded once."""
    num, den = percent_ratio(percent)
    return round_fen(amount_fen * num, den)


def allocate_capped(total: int, weights: Sequence[int], caps: Sequence[int]) -> list[int]:
    """Split a non-negative ``total`` in proportion to ``weights`` with no part above its cap.

    Parts that would exceed their cap are pinned to it and the rest is split
    again over the others, so the parts always add up to ``total``. The caller
    makes sure ``total <= sum(caps)``.
    """
    if total < 0:
        raise ValueError("allocate_capped splits a non-negative total")
    if total > sum(caps):
        raise ValueError("total exceeds the sum of the caps")
    parts = [0] * len(weights)
    open_parts = [i for i, cap in enumerate(caps) if cap > 0]
    remaining = total
    while remaining:
        shares = allocate_largest_remainder(remaining, [weights[i] for i in open_parts])
        pinned = [i for i, share in zip(open_parts, shares) if share > caps[i]]
        if not pinned:
            for i, share in zip(open_parts, shares):
                parts[i] = share
            return parts
        for i in pinned:
            parts[i] = caps[i]
            remaining -= caps[i]
        pinned_set = set(pinned)
        open_parts = [i for i in open_parts if i not in pinned_set]
    return parts
