"""Tenders and refund shares as pure rules (hypothesis over random amounts and splits)."""
from __future__ import annotations

import pytest
from hypothesis import given, strategies as st

from app.domain.money import Money
from app.domain.quantity import Quantity
from app.services.errors import InvalidInput, StateError
from app.services.returns import ReturnableLine, refund_amount
from app.services.tenders import make_tender, paid, quick_cash_amounts, remaining


@given(total=st.integers(1, 10_000_00), gives=st.lists(st.integers(1, 20_000_00), max_size=6))
def test_split_tenders_never_overpay_and_only_cash_gives_change(total, gives):
    tenders = []
    for i, give in enumerate(gives):
        due = remaining(Money(total), tenders)
        if due.fen <= 0:
            with pytest.raises(StateError):
                make_tender("cash", Money(give), due)
            break
        kind = "card" if i % 2 == 0 else "cash"
        if kind == "card" and give > due.fen:
            with pytest.raises(InvalidInput):
                make_tender("card", Money(give), due, "REF")
            continue
        tenders.append(make_tender(kind, Money(give), due, "REF" if kind == "card" else ""))
    assert paid(tenders) <= Money(total)
    assert all(t.change.fen == 0 for t in tenders if t.kind != "cash")
    assert all(t.change.fen >= 0 for t in tenders)
    if paid(tenders) == Money(total):
        assert sum(t.tendered.fen for t in tenders) - sum(t.change.fen for t in tenders) == total


def _line(sold_pieces: int, amount: int) -> ReturnableLine:
    return ReturnableLine("L1", 1, "p", "SKU", "x", False, Money(amount), Quantity.units(sold_pieces),
                          Quantity(0), Money(amount), Money(0), 1300)


@given(sold=st.integers(1, 50), amount=st.integers(0, 100_000), parts=st.lists(st.integers(1, 50), max_size=10))
def test_partial_refunds_never_exceed_the_line_and_the_last_takes_the_rest(sold, amount, parts):
    line = _line(sold, amount)
    returned, refunded = 0, 0
    for part in parts:
        quantity = min(part, sold - returned)
        if quantity == 0:
            break
        share = refund_amount(line, Quantity.units(quantity))
        assert 0 <= share.fen <= amount - refunded
        returned += quantity
        refunded += share.fen
        line = ReturnableLine("L1", 1, "p", "SKU", "x", False, Money(amount), Quantity.units(sold),
                              Quantity.units(returned), Money(amount), Money(refunded), 1300)
    if returned == sold:
        assert refunded == amount


def test_quick_amounts_start_with_the_exact_due_and_go_up():
    assert quick_cash_amounts(Money(1075)) == [Money(1075), Money(2000), Money(5000), Money(10000)]
