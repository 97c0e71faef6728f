"""Properties of whole sales through the service and the database, over random carts,
promotions, discounts, 抹零 and tenders:

- total = sum of the stored lines = sum of tenders - change (and nothing negative);
- refunds, however split, never exceed what was paid for a line or the sale,
  and returning everything refunds exactly what was paid.
"""
from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from sqlalchemy import func, select

from app.db.models import Payment, Sale, SaleLine
from app.db.models_checkout import Refund, RefundLine, RefundPayment
from app.domain.money import Money
from app.domain.pricing import (
    BuyGetFreeRule, ManualDiscount, MultiBuyRule, RoundingMode, Scope,
)
from app.domain.quantity import Quantity
from app.services.checkout import DiscountLimit
from app.services.checkout_settings import save_promotions, save_settings
from app.services.errors import ServiceError
from app.services.returns import ReturnsService
from tests.factories import CHIPS, COLA, TSHIRT_L, WATER, make_store
from tests.integration.test_checkout_engine import COLA_HALF, SPEND_50, Till, promotion

WATER_3 = promotion("P-W3", "饮用水3件8折", MultiBuyRule(3, Decimal(80)),
                    Scope(categories=frozenset({"饮用水"})))
CHIPS_2_1 = promotion("P-C21", "薯片买二送一", BuyGetFreeRule(2, 1), Scope(skus=frozenset({"S0001"})))
CODES = [COLA, WATER, CHIPS, TSHIRT_L, "1001"]

cart_items = st.lists(st.tuples(st.sampled_from(CODES), st.integers(1, 6)), min_size=1, max_size=8)
order_discount = st.one_of(st.none(), st.integers(1, 10).map(ManualDiscount.percent),
                           st.integers(1, 300).map(lambda fen: ManualDiscount.amount(Money(fen))))
card_shares = st.lists(st.integers(1, 100), max_size=3)   # percent of what is still due
return_parts = st.lists(st.integers(1, 4), min_size=1, max_size=4)


@pytest.fixture(scope="module")
def shop(tmp_path_factory):
    from datetime import datetime, timezone

    from app.db import migrate
    from app.db.engine import make_engine, make_session_factory
    from app.domain.clock import FixedClock
    path = tmp_path_factory.mktemp("prop") / "till.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, path)
    sessions = make_session_factory(engine)
    clock = FixedClock(datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc))
    make_store(engine, clock.now())
    save_promotions(sessions, [COLA_HALF, SPEND_50, WATER_3, CHIPS_2_1], clock.now())
    till = Till(engine, sessions, clock)
    till.returns = ReturnsService(sessions, till.ctx, clock, till.checkout.payments)
    yield till
    engine.dispose()


def ring_up(till, items, discount, rounding):
    save_settings(till.sessions, till.ctx.store_id, rounding, [], till.clock.now())
    till.checkout.reload()
    co = till.checkout
    for code, count in items:
        weight = Quantity(count * 250) if code == "1001" else None
        line = co.add_code(code, weight)
        if weight is None:
            co.set_quantity(line.line_id, str(line.quantity.milli // 1000 + count - 1))
    if discount is not None:
        try:
            co.set_order_discount(discount, DiscountLimit(Decimal(10), Money(300)))
        except ServiceError:
            pass  # beyond the floor of a tiny sale: refused and the sale stays as it was


def pay(till, shares):
    co = till.checkout
    for share in shares:
        due = co.draft.due
        amount = Money(max(1, due.fen * share // 100))
        if amount >= due:
            break
        co.add_tender("card", amount.plain(), "REF1")
    due = co.draft.due
    return co.add_tender("cash", Money(due.fen + 777).plain())


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(items=cart_items, discount=order_discount, rounding=st.sampled_from(list(RoundingMode)),
       shares=card_shares, parts=return_parts, to=st.sampled_from(["original", "cash"]))
def test_sales_add_up_and_refunds_never_exceed_what_was_paid(shop, items, discount, rounding,
                                                            shares, parts, to):
    ring_up(shop, items, discount, rounding)
    done = pay(shop, shares)
    with shop.sessions() as s:
        sale = s.get(Sale, done.sale_id)
        lines = s.scalars(select(SaleLine).where(SaleLine.sale_id == sale.id)).all()
        payments = s.scalars(select(Payment).where(Payment.sale_id == sale.id)).all()
        assert all(l.amount_fen >= 0 for l in lines)
        assert sum(l.amount_fen for l in lines) == sale.total_fen
        assert sum(p.amount_fen for p in payments) == sale.total_fen
        assert sum(p.tendered_fen for p in payments) - sale.change_fen == sale.total_fen
        assert sale.subtotal_fen - sale.discount_fen + sale.rounding_fen == sale.total_fen
    target = shop.returns.find(done.receipt_no)
    line = target.lines[0]
    for part in parts:  # return the first line in pieces until nothing is left
        left = shop.returns.find(done.receipt_no).line(line.sale_line_id).returnable
        if left.milli == 0:
            break
        quantity = Quantity(min(left.milli, part * (1000 if not line.is_weighed else 100)))
        shop.returns.refund(target.sale_id, [(line.sale_line_id, quantity)], shop.cashier, to)
    rest = [(l.sale_line_id, l.returnable) for l in shop.returns.find(done.receipt_no).lines
            if l.returnable.milli]
    if rest:
        shop.returns.refund(target.sale_id, rest, shop.cashier, to)
    with shop.sessions() as s:
        for sold in lines:
            refunded = s.scalar(select(func.coalesce(func.sum(RefundLine.amount_fen), 0))
                                .where(RefundLine.sale_line_id == sold.id))
            assert refunded == sold.amount_fen  # everything back: exactly what was paid
        refund_ids = select(Refund.id).where(Refund.sale_id == done.sale_id)
        paid_back = s.scalar(select(func.sum(RefundPayment.amount_fen))
                             .where(RefundPayment.refund_id.in_(refund_ids)))
        assert paid_back == done.total.fen
        if to == "original":  # each payment gets back at most what it paid
            for payment in payments:
                back = s.scalar(select(func.coalesce(func.sum(RefundPayment.amount_fen), 0))
                                .where(RefundPayment.original_payment_id == payment.id))
                assert back <= payment.amount_fen
    with pytest.raises(ServiceError):
        shop.returns.refund(target.sale_id, [(line.sale_line_id, Quantity(1))], shop.cashier, to)
