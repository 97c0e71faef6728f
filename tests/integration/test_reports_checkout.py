"""Reports over sales made by the real checkout and returns services reconcile with the ledger."""
from __future__ import annotations

from decimal import Decimal

import pytest
from sqlalchemy import func, select

from app.db.models import Payment, Sale, SaleLine
from app.db.models_checkout import Refund, RefundPayment
from app.domain.pricing import ManualDiscount, RoundingMode
from app.services.checkout import DiscountLimit
from app.domain.quantity import Quantity
from app.services.checkout_settings import save_promotions, save_settings
from app.services.returns import ReturnsService
from app.services.reports import ReportService
from tests.factories import CHIPS, COLA, make_store
from tests.integration.test_checkout_engine import COLA_HALF, SPEND_50, Till


@pytest.fixture
def till(engine, sessions, clock):
    make_store(engine, clock.now())
    save_promotions(sessions, [COLA_HALF, SPEND_50], clock.now())
    t = Till(engine, sessions, clock)
    save_settings(sessions, t.ctx.store_id, RoundingMode.DOWN_JIAO, [], clock.now())
    t.build()
    t.returns = ReturnsService(sessions, t.ctx, clock, t.checkout.payments)
    return t


def _sell(till):
    co = till.checkout
    co.set_quantity(co.add_code(COLA).line_id, "4")
    co.set_quantity(co.add_code(CHIPS).line_id, "6")
    co.set_order_discount(ManualDiscount.percent(5), DiscountLimit(Decimal(5), None))
    assert co.add_tender("card", "20.00", "CARD-1") is None  # split: card, then cash
    first = co.pay_cash("100")
    co.start_sale(till.cashier)
    co.add_code("1001", Quantity.parse("1.235", weighed=True))  # apples by weight
    second = co.pay_cash("50")
    return first, second


def test_checkout_sales_and_a_return_reconcile_with_every_report_total(till, sessions):
    first, second = _sell(till)
    sale = till.returns.find(first.receipt_no)
    chips = next(l for l in sale.lines if "薯片" in l.name)
    till.returns.refund(sale.sale_id, [(chips.sale_line_id, Quantity.units(2))], till.cashier)
    reports = ReportService(sessions, till.ctx, till.clock)
    fig = reports.figures(reports.today_period())
    with sessions() as s:
        total = s.scalar(select(func.sum(Sale.total_fen)))
        rounding = s.scalar(select(func.sum(Sale.rounding_fen)))
        discount = s.scalar(select(func.sum(Sale.discount_fen)))
        paid = s.scalar(select(func.sum(Payment.amount_fen)))
        lines = s.scalar(select(func.sum(SaleLine.amount_fen)))
        refunded = s.scalar(select(func.sum(Refund.total_fen)))
        refund_paid = s.scalar(select(func.sum(RefundPayment.amount_fen)))
    t = fig.totals
    assert t.orders == 2 and t.amount_fen == first.total.fen + second.total.fen
    assert t.amount_fen == total == paid == lines
    assert t.returns_fen == refunded == refund_paid > 0
    assert t.rounding_fen == rounding != 0 and t.discount_fen == discount > 0
    assert fig.dim("tender")["card"].amount_fen == 2000
    assert sum(m.net_fen for m in fig.dim("tender").values()) == total - refunded
    assert sum(m.net_fen for m in fig.dim("product").values()) == total - refunded
    assert sum(m.net_fen for m in fig.dim("salesperson").values()) == total - refunded
    apples = [m for m in fig.dim("product").values() if m.quantity_milli == 1235]
    assert len(apples) == 1
    assert fig.by_dim == reports.ledger_figures(reports.today_period()).by_dim
