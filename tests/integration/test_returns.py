"""Returns: refund what was paid, never twice, stock back, to the original tender."""
from __future__ import annotations

import json
from decimal import Decimal

import pytest
from sqlalchemy import select

from app.db.models import OutboxEvent, Payment, StockMovement
from app.db.models_checkout import Refund, RefundLine, RefundPayment
from app.domain.money import Money
from app.domain.pricing import ManualDiscount, RoundingMode
from app.domain.quantity import Quantity
from app.domain.receipt import render_text
from app.services.checkout import DiscountLimit
from app.services.checkout_settings import save_promotions, save_settings
from app.services.errors import InvalidInput, NotAllowed, NotFound, StateError
from app.services.returns import ReturnsService
from app.services.stock import on_hand
from tests.factories import CHIPS, COLA, TSHIRT_L, WATER, make_store
from tests.integration.test_checkout_engine import COLA_HALF, SPEND_50, WECHAT_OK, Till


@pytest.fixture
def till(engine, sessions, clock):
    make_store(engine, clock.now())
    save_promotions(sessions, [COLA_HALF, SPEND_50], clock.now())
    save_settings(sessions, load_store_id(sessions), RoundingMode.DOWN_JIAO, [], clock.now())
    t = Till(engine, sessions, clock)
    t.returns = ReturnsService(sessions, t.ctx, clock, t.checkout.payments)
    return t


def load_store_id(sessions):
    from app.services.context import load_context
    return load_context(sessions, "S001", "T01").store_id


def discounted_sale(till):
    """4 colas (2 at half price), 6 chips, a 5% order discount, 满50减10 and 抹零."""
    co = till.checkout
    cola = co.add_code(COLA)
    co.set_quantity(cola.line_id, "4")
    chips = co.add_code(CHIPS)
    co.set_quantity(chips.line_id, "6")
    co.set_order_discount(ManualDiscount.percent(5), DiscountLimit(Decimal(5), None))
    return co.pay_cash("100")


def test_partial_returns_refund_the_paid_share_and_never_more(till, sessions):
    done = discounted_sale(till)
    sale = till.returns.find(done.receipt_no)
    paid = {l.name: l.amount for l in sale.lines}
    assert sum(a.fen for a in paid.values()) == done.total.fen
    chips = next(l for l in sale.lines if "薯片" in l.name)
    first = till.returns.refund(sale.sale_id, [(chips.sale_line_id, Quantity.units(2))], till.cashier)
    assert first.total == Money(round(chips.amount.fen * 2 / 6))
    with pytest.raises(StateError, match="Only 4 of"):
        till.returns.refund(sale.sale_id, [(chips.sale_line_id, Quantity.units(5))], till.cashier)
    rest = till.returns.refund(sale.sale_id, [(chips.sale_line_id, Quantity.units(4))], till.cashier)
    assert first.total + rest.total == chips.amount  # exactly what was paid for the line
    with pytest.raises(StateError, match="Only 0 of"):
        till.returns.refund(sale.sale_id, [(chips.sale_line_id, Quantity.units(1))], till.cashier)
    with sessions() as s:
        store = till.ctx.store_id
        product = s.scalars(select(RefundLine.product_id)).first()
        assert on_hand(s, store, product) == Quantity(30_000)  # all six back on the shelf
        moves = s.scalars(select(StockMovement).where(StockMovement.kind == "return")).all()
        assert sorted(m.quantity_milli for m in moves) == [2000, 4000]
        events = s.scalars(select(OutboxEvent).where(OutboxEvent.kind == "refund.completed")).all()
        assert [json.loads(e.payload)["total_fen"] for e in events] == [first.total.fen, rest.total.fen]


def test_scanning_the_receipt_barcode_finds_the_sale(till):
    done = discounted_sale(till)
    assert till.returns.find(done.receipt_no.lower() + "\r\n").sale_id == done.sale_id
    with pytest.raises(NotFound):
        till.returns.find("S001-T01-20261125-9999")


def test_refund_goes_back_to_the_original_tenders(till, sessions):
    co = till.checkout
    co.add_code(TSHIRT_L)
    co.add_tender("card", "20", "445566")
    done = co.pay_mobile(WECHAT_OK).completed
    sale = till.returns.find(done.receipt_no)
    refund = till.returns.refund(sale.sale_id, [(sale.lines[0].sale_line_id, Quantity.units(1))],
                                 till.cashier)
    assert dict(refund.tenders) == {"card": Money(2000), "wechat": Money(3900)}
    assert refund.pending == ()
    assert ("refund", sale.payments[1][3]) in till.provider.calls
    text = render_text(till.receipts.refund_document(refund.refund_id))
    assert "退货单" in text and done.receipt_no in text and "59.00" in text


def test_an_exchange_credit_pays_part_of_a_new_sale_and_both_are_recorded(till, sessions):
    co = till.checkout
    co.add_code(WATER)
    co.add_code(WATER)
    done = co.pay_cash("")
    sale = till.returns.find(done.receipt_no)
    co.add_code(COLA)  # the customer takes a cola instead of one water... and a bit more
    co.add_code(COLA)
    exchange = till.returns.prepare_exchange(
        sale.sale_id, [(sale.lines[0].sale_line_id, Quantity.units(1))], till.cashier)
    assert exchange.credit == Money(200)
    with pytest.raises(InvalidInput, match="exchange is paid with the new sale"):
        till.returns.refund(sale.sale_id, [(sale.lines[0].sale_line_id, Quantity.units(1))],
                            till.cashier, to="exchange")
    assert co.add_exchange(exchange) is None  # ¥2.00 of ¥5.25 paid by the water
    finished = co.add_tender("cash", "")
    assert finished.total == Money(520) and finished.tendered == Money(520)  # 抹零 to the jiao
    assert finished.refund.tenders == (("exchange", Money(200)),)
    with sessions() as s:
        refund = s.get(Refund, finished.refund.refund_id)
        assert refund.exchange_sale_id == finished.sale_id
        pays = s.scalars(select(Payment).where(Payment.sale_id == finished.sale_id)
                         .order_by(Payment.line_no)).all()
        assert [(p.tender, p.amount_fen, p.reference) for p in pays] == [
            ("exchange", 200, finished.refund.refund_no), ("cash", 320, "")]


def test_return_without_receipt_needs_a_manager(till, sessions):
    product = till.checkout._catalog.product_for_code(WATER)
    with pytest.raises(NotAllowed, match="manager"):
        till.returns.refund_without_receipt([(product, Quantity.units(1))], till.cashier, allowed=False)
    refund = till.returns.refund_without_receipt([(product, Quantity.units(2))], till.cashier,
                                                 allowed=True, reason="no receipt")
    assert refund.tenders == (("cash", Money(400)),)
    with sessions() as s:
        row = s.get(Refund, refund.refund_id)
        assert row.without_receipt and row.sale_id is None
        assert s.scalars(select(RefundPayment)).one().tender == "cash"
