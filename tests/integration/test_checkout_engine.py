"""Checkout engine on a real migrated SQLite file: promotions from the database,
discounts, 抹零, open prices, scale labels, split and mobile payments, voids,
held sales and receipts."""
from __future__ import annotations

import json
from datetime import timedelta
from decimal import Decimal

import pytest
from sqlalchemy import insert, select

from app.db.models import OutboxEvent, Payment, Price, Sale
from app.db.models_checkout import CheckoutVoid, PaymentAttempt, SaleLineDetail
from app.domain.ids import new_id
from app.domain.money import Money
from app.domain.pricing import (
    ManualDiscount, Promotion, ReduceTier, RoundingMode, Scope, SecondItemRule, SpendReduceRule,
)
from app.domain.quantity import Quantity
from app.domain.receipt import render_text
from app.domain.scale_barcode import COMMON_LAYOUTS, make_code
from app.services.auth import AuthService
from app.services.catalog import CatalogService
from app.services.checkout import CheckoutService, DiscountLimit, PriceRequired
from app.services.checkout_settings import save_promotions, save_settings
from app.services.context import load_context
from app.services.errors import InvalidInput, NotAllowed, StateError
from app.services.held_sales import HeldSales
from app.services.payments import SandboxProvider
from app.services.payments.attempts import MobilePayments
from app.services.receipts import ReceiptService
from drivers.printer.sim import SimPrinter
from tests.factories import CHIPS, COLA, TSHIRT_L, WATER, make_store

WECHAT_OK = "134567890123451234"
WECHAT_FAILS = "134567890123450001"
ALIPAY_CONFIRMS = "28123456789012340002"
WECHAT_LOST_BUT_PAID = "134567890123450004"
WECHAT_LOST_UNPAID = "134567890123450005"
WECHAT_OFFLINE = "134567890123450006"


def promotion(pid, name, rule, scope, **extra):
    from datetime import datetime, timezone
    start = datetime(2026, 11, 1, tzinfo=timezone.utc)
    return Promotion(id=pid, name=name, rule=rule, starts_at=start,
                     ends_at=start + timedelta(days=60), scope=scope, **extra)


COLA_HALF = promotion("P-COLA", "可口可乐第二件半价", SecondItemRule(), Scope(brands=frozenset({"可口可乐"})))
SPEND_50 = promotion("P-50", "满50减10", SpendReduceRule((ReduceTier(Money(5000), Money(1000)),)),
                     Scope(all_items=True, exclude_categories=frozenset({"服装"})), exclusive=False)


class Till:
    def __init__(self, engine, sessions, clock, provider=None):
        self.engine, self.sessions, self.clock = engine, sessions, clock
        self.ctx = load_context(sessions, "S001", "T01")
        self.provider = provider or SandboxProvider()
        self.build()

    def build(self):
        catalog = CatalogService(self.engine, self.ctx.store_id, self.clock)
        payments = MobilePayments(self.sessions, self.provider, self.clock, "T01")
        self.checkout = CheckoutService(self.sessions, catalog, self.ctx, self.clock, payments)
        self.held = HeldSales(self.sessions, self.checkout, self.ctx, self.clock)
        self.receipts = ReceiptService(self.sessions, self.ctx, SimPrinter(self.engine.url.database and __import__("pathlib").Path(self.engine.url.database).parent))
        self.cashier = AuthService(self.sessions, self.ctx.store_id).login("1001", "1111")
        self.checkout.start_sale(self.cashier)
        return self


@pytest.fixture
def till(engine, sessions, clock):
    make_store(engine, clock.now())
    save_promotions(sessions, [COLA_HALF, SPEND_50], clock.now())
    return Till(engine, sessions, clock)


def test_promotions_from_the_database_price_every_change(till, sessions):
    co = till.checkout
    co.add_code(COLA)
    assert co.draft.total == Money(350)
    co.add_code(COLA)
    assert co.draft.total == Money(525)  # second can at half price
    assert "第二件半价" in co.explain(co.draft.cart.lines[0].line_id)
    done = co.pay_cash("")
    with sessions() as s:
        detail = s.scalars(select(SaleLineDetail).where(SaleLineDetail.sale_id == done.sale_id)).one()
        assert (detail.regular_price_fen, detail.promotion_fen, detail.promotion_ids) == (350, -175, "P-COLA")
        sale = s.get(Sale, done.sale_id)
        assert (sale.subtotal_fen, sale.discount_fen, sale.total_fen) == (700, 175, 525)
        payload = json.loads(s.scalars(select(OutboxEvent).where(OutboxEvent.kind == "sale.completed")).one().payload)
        assert payload["lines"][0]["promotion_fen"] == -175
    text = render_text(till.receipts.document(done.sale_id))
    assert "可口可乐第二件半价" in text and "原价合计" in text and "促销优惠" in text


def test_rounding_setting_takes_the_fen_off_and_records_it(till, sessions, clock):
    save_settings(sessions, till.ctx.store_id, RoundingMode.DOWN_JIAO, ["ean13_plu5_price"], clock.now())
    till.build()
    co = till.checkout
    co.add_code("1001", Quantity(1235))  # apples 1.235 kg x 12.80 = 15.81
    assert co.draft.total == Money(1580) and co.draft.priced.rounding == Money(-1)
    done = co.pay_cash("20")
    assert done.change == Money(420)
    with sessions() as s:
        assert s.get(Sale, done.sale_id).rounding_fen == -1
    assert "抹零" in render_text(till.receipts.document(done.sale_id))


def test_manual_discounts_stay_within_the_limit_given(till):
    co = till.checkout
    line = co.add_code(TSHIRT_L)
    with pytest.raises(NotAllowed, match="more than you may give"):
        co.set_line_discount(line.line_id, ManualDiscount.percent(20), DiscountLimit(Decimal(10), Money(5000)))
    assert co.draft.total == Money(5900) and not co.draft.line_discounts
    co.set_line_discount(line.line_id, ManualDiscount.percent(10), DiscountLimit(Decimal(10), Money(5000)))
    assert co.draft.total == Money(5310)
    co.set_order_discount(ManualDiscount.amount(Money(310)), DiscountLimit(Decimal(10), Money(5000)))
    assert co.draft.total == Money(5000)
    with pytest.raises(NotAllowed):
        co.set_order_discount(ManualDiscount.amount(Money(310)), DiscountLimit())
    assert co.draft.total == Money(5000)


@pytest.fixture
def open_item(engine, till, clock):
    """无码商品: retail price 0 (type the price), floor ¥5."""
    with engine.begin() as conn:
        pid = conn.exec_driver_sql("SELECT id FROM product WHERE sku_code='S0001'").scalar()
        conn.execute(Price.__table__.update().where(Price.product_id == pid, Price.price_type == "retail")
                     .values(amount_fen=0))
        conn.execute(insert(Price).values(id=new_id(), product_id=pid, store_id=None,
                                          price_type="floor", amount_fen=500))
    return CHIPS


def test_open_price_items_need_a_price_not_below_the_floor(till, open_item):
    co = till.checkout
    with pytest.raises(PriceRequired):
        co.add_code(open_item)
    with pytest.raises(NotAllowed, match="below ¥5.00"):
        co.add_code(open_item, price=Money(400))
    assert co.draft.cart.is_empty()
    line = co.add_code(open_item, price=Money(650))
    assert co.draft.total == Money(650)
    co.set_price(line.line_id, Money(300), allow_below_floor=True)
    assert co.draft.total == Money(300)


def test_split_payment_only_cash_may_exceed_what_is_due(till, sessions):
    co = till.checkout
    co.add_code(TSHIRT_L)
    with pytest.raises(InvalidInput, match="Only cash gives change"):
        co.add_tender("card", "60", "123456")
    with pytest.raises(InvalidInput, match="reference"):
        co.add_tender("card", "30")
    assert co.add_tender("card", "30", "778899") is None
    assert co.draft.due == Money(2900)
    with pytest.raises(StateError):
        co.add_code(COLA)  # payments taken: the cart is frozen
    done = co.add_tender("cash", "50")
    assert (done.total, done.tendered, done.change) == (Money(5900), Money(8000), Money(2100))
    with sessions() as s:
        pays = s.scalars(select(Payment).where(Payment.sale_id == done.sale_id).order_by(Payment.line_no)).all()
        assert [(p.tender, p.amount_fen, p.tendered_fen, p.change_fen, p.reference) for p in pays] == [
            ("card", 3000, 3000, 0, "778899"), ("cash", 2900, 5000, 2100, "")]
    text = render_text(till.receipts.document(done.sale_id))
    assert "银行卡 ...8899" in text and "找零" in text


def test_mobile_payment_success_and_customer_confirming(till, sessions):
    co = till.checkout
    co.add_code(WATER)
    out = co.pay_mobile(WECHAT_OK)
    assert out.attempt.succeeded and out.completed is not None
    co.add_code(CHIPS)
    out = co.pay_mobile(ALIPAY_CONFIRMS)
    assert out.attempt.status == "paying" and out.completed is None
    with pytest.raises(StateError, match="still waiting"):
        co.add_tender("cash", "")
    assert co.poll_mobile(out.attempt.id).completed is None  # first query: still paying
    done = co.poll_mobile(out.attempt.id).completed
    assert done is not None and done.total == Money(790)
    with sessions() as s:
        attempts = s.scalars(select(PaymentAttempt).order_by(PaymentAttempt.created_at)).all()
        assert [(a.channel, a.status, a.sale_id is not None) for a in attempts] == [
            ("wechat", "success", True), ("alipay", "success", True)]
        kinds = [e.kind for e in s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq))]
        assert kinds.count("payment.success") == 2 and kinds.count("sale.completed") == 2


def test_failed_and_unknown_mobile_payments_never_pay_twice_or_vanish(till, sessions):
    co = till.checkout
    co.add_code(WATER)
    assert co.pay_mobile(WECHAT_FAILS).attempt.status == "failed"
    lost = co.pay_mobile(WECHAT_LOST_BUT_PAID).attempt
    assert lost.status == "unknown"
    with pytest.raises(StateError):
        co.pay_mobile(WECHAT_OK)  # an unknown outcome must be settled first
    done = co.poll_mobile(lost.id).completed  # the query finds it paid: exactly one payment
    assert done is not None
    co.add_code(WATER)
    unpaid = co.pay_mobile(WECHAT_LOST_UNPAID).attempt
    assert co.cancel_mobile(unpaid.id).status == "reversed"
    assert co.add_tender("cash", "") is not None
    with sessions() as s:
        assert [p.tender for p in s.scalars(select(Payment).order_by(Payment.created_at))] == ["wechat", "cash"]


def test_payment_attempt_is_on_record_before_the_provider_answers(till, sessions, engine, clock):
    co = till.checkout
    co.add_code(WATER)
    seen = []
    original = till.provider.pay

    def pay_and_look(*args):
        with sessions() as s:
            seen.extend(a.status for a in s.scalars(select(PaymentAttempt)))
        return original(*args)
    till.provider.pay = pay_and_look
    out = co.pay_mobile(WECHAT_OFFLINE)
    assert seen == ["pending"] and out.attempt.status == "unknown"
    # the till restarts: the sale in memory is gone, the payment is not forgotten
    restarted = Till(engine, sessions, clock, till.provider)
    assert [a.id for a in restarted.checkout.interrupted_payments()] == [out.attempt.id]
    assert restarted.checkout.settle_interrupted_payments() == []
    assert restarted.checkout.interrupted_payments() == []


def test_void_line_and_cancel_sale_are_recorded(till, sessions):
    co = till.checkout
    line = co.add_code(COLA)
    co.add_code(WATER)
    co.remove_line(line.line_id, "customer changed mind")
    co.cancel_sale()
    with sessions() as s:
        voids = s.scalars(select(CheckoutVoid).order_by(CheckoutVoid.created_at, CheckoutVoid.kind)).all()
        assert sorted((v.kind, v.amount_fen) for v in voids) == [("line", 350), ("sale", 200)]
        assert s.scalars(select(Sale)).all() == []
    assert co.draft.cart.is_empty()


def test_held_sales_survive_a_restart_and_recall_with_their_discounts(till, engine, sessions, clock):
    co = till.checkout
    line = co.add_code(TSHIRT_L)
    co.set_line_discount(line.line_id, ManualDiscount.percent(10), DiscountLimit(Decimal(10), None))
    till.held.hold("红衣服顾客")
    co.add_code(COLA)
    till.held.hold()
    assert co.draft.cart.is_empty()
    restarted = Till(engine, sessions, clock)
    held = restarted.held.list()
    assert [(h.label, h.total) for h in held] == [("红衣服顾客", Money(5310)), ("", Money(350))]
    restarted.held.recall(held[0].id)
    assert restarted.checkout.draft.total == Money(5310)
    with pytest.raises(StateError):
        restarted.held.recall(held[1].id)
    assert restarted.checkout.pay_cash("").total == Money(5310)
    assert [h.total for h in restarted.held.list()] == [Money(350)]


@pytest.mark.parametrize("layout,value,expect", [
    ("ean13_plu5_price", 1581, (1235, 1581)),
    ("ean13_plu5_weight", 500, (500, 640)),
])
def test_scale_labels_add_weighed_items(till, sessions, clock, layout, value, expect):
    save_settings(sessions, till.ctx.store_id, RoundingMode.NONE, [layout], clock.now())
    till.build()
    line = till.checkout.add_code(make_code(COMMON_LAYOUTS[layout], "1001", value))
    priced = till.checkout.draft.priced.lines[0]
    assert line.product.name == "红富士苹果"
    assert (line.quantity.milli, priced.amount.fen) == expect


def test_reprint_any_receipt_is_marked_as_a_copy(till):
    co = till.checkout
    co.add_code(COLA)
    first = co.pay_cash("")
    co.add_code(WATER)
    co.pay_cash("")
    sale_id = till.receipts.sale_id_for(first.receipt_no)
    text = render_text(till.receipts.document(sale_id, copy=True))
    assert "COPY" in text and first.receipt_no in text
    assert "COPY" not in render_text(till.receipts.document(sale_id))
