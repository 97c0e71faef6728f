"""Checkout service on a real migrated SQLite file."""
import json
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from app.db.models import OutboxEvent, Payment, Sale, SaleLine, StockMovement
from app.domain.money import Money
from app.domain.quantity import Quantity
from app.services.auth import AuthService
from app.services.catalog import CatalogService
from app.services.checkout import CheckoutService
from app.services.context import load_context
from app.services.errors import InvalidInput, NotAllowed, NotFound, StateError
from app.services.stock import on_hand
from tests.factories import CHIPS, COLA, WATER, make_store


@pytest.fixture
def till(engine, sessions, clock):
    ids = make_store(engine, clock.now())
    ctx = load_context(sessions, "S001", "T01")
    catalog = CatalogService(engine, ctx.store_id, clock)
    checkout = CheckoutService(sessions, catalog, ctx, clock)
    cashier = AuthService(sessions, ctx.store_id).login("1001", "1111")
    checkout.start_sale(cashier)
    return checkout, ids


def test_login_checks_the_pin(sessions, engine, clock):
    make_store(engine, clock.now())
    auth = AuthService(sessions, load_context(sessions, "S001", "T01").store_id)
    assert auth.login("1001", "1111").name == "张丽"
    with pytest.raises(NotAllowed):
        auth.login("1001", "0000")
    with pytest.raises(NotAllowed):
        auth.login("nobody", "1111")
    assert [m.code for m in auth.active_staff()] == ["1001", "9001"]


def test_scan_builds_priced_lines(till):
    checkout, _ = till
    line = checkout.add_code(COLA)
    checkout.add_code(COLA + "\r\n")
    checkout.add_code(WATER)
    assert line.product.name == "可口可乐 330ml罐装"
    cart = checkout.draft.cart
    assert [l.quantity.milli for l in cart.lines] == [2000, 1000]
    assert cart.total == Money(900)


@pytest.mark.parametrize("raw,error", [
    ("", InvalidInput), ("6901000000097", NotFound), (COLA[:-1] + str((int(COLA[-1]) + 1) % 10), InvalidInput),
    ("x" * 100, InvalidInput), ("可乐", InvalidInput),
])
def test_bad_scans_give_clear_errors_and_leave_the_cart_alone(till, raw, error):
    checkout, _ = till
    checkout.add_code(COLA)
    before = checkout.draft.cart.lines
    with pytest.raises(error) as info:
        checkout.add_code(raw)
    assert info.value.message
    assert checkout.draft.cart.lines == before


def test_weighed_items_need_a_weight(till):
    checkout, _ = till
    with pytest.raises(InvalidInput, match="by weight"):
        checkout.add_code("1001")
    line = checkout.add_code("1001", Quantity(1235))
    assert line.amount == Money(1581)


def test_quantity_change_and_remove(till):
    checkout, _ = till
    line = checkout.add_code(CHIPS)
    checkout.set_quantity(line.line_id, "3")
    assert checkout.draft.cart.total == Money(2370)
    with pytest.raises(InvalidInput):
        checkout.set_quantity(line.line_id, "2.5")
    assert checkout.draft.cart.total == Money(2370)
    checkout.remove_line(line.line_id)
    assert checkout.draft.cart.is_empty()


def test_cash_less_than_total_is_refused(till):
    checkout, _ = till
    checkout.add_code(COLA)
    with pytest.raises(InvalidInput, match="less than the total"):
        checkout.pay_cash("3.49")
    with pytest.raises(InvalidInput):
        checkout.pay_cash("abc")
    with pytest.raises(StateError):
        checkout.cancel_sale() or checkout.pay_cash("10")


def test_complete_sale_writes_everything_in_one_transaction(till, sessions):
    checkout, ids = till
    checkout.add_code(COLA)
    checkout.add_code(COLA)
    checkout.add_code(CHIPS)
    done = checkout.pay_cash("20")
    assert done.total == Money(1490) and done.change == Money(510)
    assert done.receipt_no == "S001-T01-20261125-0001"
    with sessions() as s:
        sale = s.get(Sale, done.sale_id)
        assert (sale.total_fen, sale.paid_fen, sale.change_fen, sale.piece_count) == (1490, 2000, 510, 3)
        lines = s.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id).order_by(SaleLine.line_no)).all()
        assert [(l.name, l.quantity_milli, l.amount_fen) for l in lines] == [
            ("可口可乐 330ml罐装", 2000, 700), ("乐事 原味薯片 70g", 1000, 790)]
        pay = s.scalars(select(Payment).where(Payment.sale_id == sale.id)).one()
        assert (pay.tender, pay.amount_fen, pay.tendered_fen, pay.change_fen) == ("cash", 1490, 2000, 510)
        moves = s.scalars(select(StockMovement).where(StockMovement.ref_id == sale.id)).all()
        assert sorted(m.quantity_milli for m in moves) == [-2000, -1000]
        assert on_hand(s, ids["store"], lines[0].product_id) == Quantity(98_000)
        event = s.scalars(select(OutboxEvent)).one()
        payload = json.loads(event.payload)
        assert event.kind == "sale.completed" and event.aggregate_id == sale.id
        assert payload["total_fen"] == 1490 and len(payload["lines"]) == 2
    assert checkout.draft.cart.is_empty()


def test_receipt_numbers_are_gapless_and_follow_the_local_business_day(till, clock):
    checkout, _ = till
    numbers = []
    for _ in range(3):
        checkout.add_code(WATER)
        numbers.append(checkout.pay_cash("").receipt_no)
    clock._now = datetime(2026, 11, 25, 16, 30, tzinfo=timezone.utc)  # 00:30 next day in Shanghai
    checkout.add_code(WATER)
    numbers.append(checkout.pay_cash("2").receipt_no)
    assert numbers == ["S001-T01-20261125-0001", "S001-T01-20261125-0002",
                       "S001-T01-20261125-0003", "S001-T01-20261126-0001"]


def test_completing_the_same_sale_twice_records_it_once(till, sessions):
    checkout, _ = till
    checkout.add_code(COLA)
    first = checkout._complete(Money(350))
    again = checkout._complete(Money(350))  # a retry of the same draft
    assert first == again
    with sessions() as s:
        assert len(s.scalars(select(Sale)).all()) == 1
        assert len(s.scalars(select(OutboxEvent)).all()) == 1
        assert len(s.scalars(select(StockMovement).where(StockMovement.kind == "sale")).all()) == 1


def test_a_failed_commit_leaves_no_trace_and_keeps_the_cart(till, sessions, monkeypatch):
    checkout, _ = till
    checkout.add_code(COLA)
    from app.services.checkout_write import SaleWriter

    def boom(*a, **k):  # the last write of the sale's transaction fails
        raise RuntimeError("disk full")
    monkeypatch.setattr(SaleWriter, "add_event", boom)
    with pytest.raises(RuntimeError):
        checkout.pay_cash("5")
    with sessions() as s:
        assert s.scalars(select(Sale)).all() == []
        assert s.scalars(select(StockMovement).where(StockMovement.kind == "sale")).all() == []
    assert len(checkout.draft.cart) == 1
    monkeypatch.undo()
    assert checkout.pay_cash("5").receipt_no.endswith("-0001")
