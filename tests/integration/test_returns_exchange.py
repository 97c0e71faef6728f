"""Exchange in one go: the refund of the returned goods and the new sale commit
together, or neither does."""
from __future__ import annotations

import pytest
from sqlalchemy import func, select

from app.db.models import Payment, Sale, StockMovement
from app.db.models_checkout import Refund, RefundPayment
from app.domain.money import Money
from app.domain.quantity import Quantity
from app.domain.receipt import render_text
from app.services.checkout_write import SaleWriter
from app.services.errors import InvalidInput, StateError
from app.services.stock import on_hand
from tests.factories import TSHIRT_L, WATER
from tests.integration.test_returns import till  # noqa: F401


def _sold(till, *codes):  # noqa: F811
    for code in codes:
        till.checkout.add_code(code)
    return till.returns.find(till.checkout.pay_cash("").receipt_no)


def _counts(sessions):
    with sessions() as s:
        return (s.scalar(select(func.count()).select_from(Sale)),
                s.scalar(select(func.count()).select_from(Refund)),
                s.scalar(select(func.count()).select_from(StockMovement)))


def _water_id(till):  # noqa: F811
    return till.checkout._catalog.product_for_code(WATER).product_id


def test_goods_worth_more_than_the_new_sale_give_the_difference_back_in_cash(till, sessions):  # noqa: F811
    shirt_sale = _sold(till, TSHIRT_L)                       # ¥59.00
    co = till.checkout
    co.add_code(WATER)                                       # the new sale: ¥2.00
    exchange = till.returns.prepare_exchange(
        shirt_sale.sale_id, [(shirt_sale.lines[0].sale_line_id, Quantity.units(1))], till.cashier)
    done = co.add_exchange(exchange)                         # one step: paid, and ¥57 back
    assert done is not None and done.total == Money(200)
    assert dict(done.refund.tenders) == {"exchange": Money(200), "cash": Money(5700)}
    with sessions() as s:
        refund = s.get(Refund, done.refund.refund_id)
        assert refund.exchange_sale_id == done.sale_id and refund.total_fen == 5900
        assert s.scalars(select(Payment.tender).where(Payment.sale_id == done.sale_id)).all() \
            == ["exchange"]
        shirt = shirt_sale.lines[0].product_id
        assert on_hand(s, till.ctx.store_id, shirt).milli == 10_000  # back on the shelf
    # the receipt of the new sale shows the credit and the refund's number (its tail, as
    # for card slips); the refund slip printed with it the returned goods and the cash back
    sale_text = render_text(till.receipts.document(done.sale_id))
    assert f"换货抵扣 ...{done.refund.refund_no[-4:]}" in sale_text
    refund_text = render_text(till.receipts.refund_document(done.refund.refund_id))
    assert "T恤" in refund_text and "57.00" in refund_text


def test_a_failure_while_committing_the_exchange_leaves_neither(till, sessions, monkeypatch):  # noqa: F811
    water_sale = _sold(till, WATER, WATER)
    before = _counts(sessions)
    co = till.checkout
    co.add_code(TSHIRT_L)
    exchange = till.returns.prepare_exchange(
        water_sale.sale_id, [(water_sale.lines[0].sale_line_id, Quantity.units(2))], till.cashier)
    assert co.add_exchange(exchange) is None                 # ¥4.00 of ¥59.00
    assert co.draft.due == Money(5500)

    def boom(*a, **k):  # the last write of the transaction: refund and sale already written
        raise RuntimeError("disk full")
    monkeypatch.setattr(SaleWriter, "add_event", boom)
    with pytest.raises(RuntimeError):
        co.add_tender("cash", "")
    assert _counts(sessions) == before                       # no sale, no refund, no stock
    with sessions() as s:
        assert on_hand(s, till.ctx.store_id, _water_id(till)).milli == 50_000 - 2000
        assert s.scalar(select(func.count()).select_from(RefundPayment)) == 0
    assert co.draft.exchange is exchange and co.draft.due == Money(5500)  # nothing lost on screen
    monkeypatch.undo()
    done = co.add_tender("cash", "")
    assert done is not None and done.refund is not None
    with sessions() as s:
        assert on_hand(s, till.ctx.store_id, _water_id(till)).milli == 50_000


def test_cancelling_or_removing_the_credit_drops_the_exchange(till, sessions):  # noqa: F811
    water_sale = _sold(till, WATER, WATER)
    line = water_sale.lines[0].sale_line_id
    co = till.checkout
    co.add_code(TSHIRT_L)
    before = _counts(sessions)
    with pytest.raises(InvalidInput, match="returned goods"):  # no credit without its refund
        co.add_tender("exchange", "2", water_sale.receipt_no)
    co.add_exchange(till.returns.prepare_exchange(water_sale.sale_id, [(line, Quantity.units(1))],
                                                  till.cashier))
    co.remove_tender(0)
    assert co.draft.exchange is None and co.draft.due == Money(5900)
    co.add_exchange(till.returns.prepare_exchange(water_sale.sale_id, [(line, Quantity.units(1))],
                                                  till.cashier))
    co.cancel_sale("customer changed mind")
    assert _counts(sessions) == before
    assert till.returns.find(water_sale.receipt_no).lines[0].returnable == Quantity.units(2)


def test_goods_returned_elsewhere_meanwhile_stop_the_whole_exchange(till, sessions):  # noqa: F811
    water_sale = _sold(till, WATER, WATER)
    line = water_sale.lines[0].sale_line_id
    co = till.checkout
    co.add_code(TSHIRT_L)
    co.add_exchange(till.returns.prepare_exchange(water_sale.sale_id, [(line, Quantity.units(2))],
                                                  till.cashier))
    till.returns.refund(water_sale.sale_id, [(line, Quantity.units(1))], till.cashier, to="cash")
    before = _counts(sessions)
    with pytest.raises(StateError, match="Only 1 of"):
        co.add_tender("cash", "")
    assert _counts(sessions) == before and co.draft.exchange is not None
