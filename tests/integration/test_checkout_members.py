"""Members and salespeople at the till, through the checkout service: member prices and
the level discount, points and stored value and coupons as tenders captured in the
sale's transaction, salesperson credit, returns, held sales."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import func, insert, select

from app.db.models import OutboxEvent, Payment, Price, Product, Sale
from app.db.models_checkout import SaleLineDetail
from app.db.models_members import CouponRedemption, PointsMove, SalesCredit, StoredValueMove
from app.domain.ids import new_id
from app.domain.money import Money
from app.domain.quantity import Quantity
from app.domain.receipt import render_text
from app.services.auth import AuthService
from app.services.catalog import CatalogService
from app.services.checkout import CheckoutService
from app.services.errors import InvalidInput, NotAllowed, StateError
from app.services.held_sales import HeldSales
from app.services.members.points import points_balance
from app.services.members.stored_value import sv_balance
from app.services.members.wiring import MemberServices
from app.services.receipts import ReceiptService
from app.services.returns import ReturnsService
from drivers.printer.sim import SimPrinter
from tests.factories import COLA, TSHIRT_L
from tests.integration.test_members_support import program  # noqa: F401

GOLD_CHEN_JING = "13800001234"   # GOLD 95折 x1.5, birthday in November, bound to 1001, ¥300+¥60
SILVER_CHEN_WEI = "13900001234"  # SILVER 98折 x1.2, no salesperson here, 3,500 points, ¥50+¥5
PLAIN_LIU_YANG = "13700005678"   # MEMBER, July birthday, bound to 1001, 860 points
GOLD_ZHOU_JIE = "13600009999"    # GOLD, December birthday, bound to 9001, 25,000 points, ¥1000+¥200


class Shop:
    def __init__(self, program, engine, sessions, clock):
        self.program, self.engine, self.sessions, self.clock = program, engine, sessions, clock
        self.ctx = program.ctx
        self.cashier = AuthService(sessions, self.ctx.store_id).login("1001", "1111")
        self.start()

    def start(self):
        """A till as it starts (again after a restart): services built from the database."""
        members = MemberServices.build(self.sessions, self.ctx, self.clock,
                                       lambda: self.program.online[0])
        catalog = CatalogService(self.engine, self.ctx.store_id, self.clock)
        self.checkout = CheckoutService(self.sessions, catalog, self.ctx, self.clock,
                                        members=members)
        self.members = self.checkout.members
        self.held = HeldSales(self.sessions, self.checkout, self.ctx, self.clock)
        self.returns = ReturnsService(self.sessions, self.ctx, self.clock, members=members.tenders)
        self.receipts = ReceiptService(self.sessions, self.ctx,
                                       SimPrinter(Path(self.engine.url.database).parent))
        self.checkout.start_sale(self.cashier)

    def attach(self, phone):
        return self.members.attach(self.program.members.find_by_phone(phone))

    def member_id(self, phone):
        return self.program.member_id(phone)

    def seller(self, user_code):
        return self.program.salesperson_id(user_code)


@pytest.fixture
def shop(program, engine, sessions, clock):  # noqa: F811
    with engine.begin() as conn:  # the cola has a member price of ¥3.00 (regular ¥3.50)
        cola = conn.execute(select(Product.id).where(Product.sku_code == "D0001")).scalar_one()
        conn.execute(insert(Price).values(id=new_id(), product_id=cola, store_id=None,
                                          price_type="member", amount_fen=300))
    return Shop(program, engine, sessions, clock)


def _line_id(checkout, sku):
    return next(l.line_id for l in checkout.draft.cart.lines if l.product.sku_code == sku)


def test_member_prices_and_the_level_discount_apply_when_the_member_joins(shop):
    checkout = shop.checkout
    checkout.add_code(COLA)
    checkout.add_code(TSHIRT_L)
    assert checkout.draft.total == Money(350 + 5900)
    shop.attach(GOLD_CHEN_JING)
    cola, shirt = (checkout.draft.priced.line(_line_id(checkout, sku)) for sku in ("D0001", "A0001"))
    assert cola.amount == Money(300)  # member price; the level discount does not stack on it
    assert shirt.amount == Money(5605)  # ¥59.00 at 95折
    assert checkout.draft.total == Money(5905)
    why = checkout.explain(shirt.line_id)
    assert "会员折扣【金卡会员】9.5折 -¥2.95" in why
    assert "会员价" in checkout.explain(cola.line_id)
    checkout.members.detach()
    assert checkout.draft.total == Money(6250)


def test_points_are_earned_on_completion_and_the_sale_records_member_and_salesperson(shop, sessions):
    checkout = shop.checkout
    checkout.add_code(TSHIRT_L)
    shop.attach(PLAIN_LIU_YANG)  # no level discount, x1 points, bound to 1001
    done = checkout.pay_cash("100")
    member_id = shop.member_id(PLAIN_LIU_YANG)
    with sessions() as s:
        sale = s.get(Sale, done.sale_id)
        assert sale.member_id == member_id and sale.salesperson_id is None
        assert points_balance(s, member_id, shop.clock.now()).available == 860 + 59
        credit = s.scalars(select(SalesCredit).where(SalesCredit.sale_id == done.sale_id)).one()
        assert credit.salesperson_id == shop.seller("1001")  # the exclusive salesperson
        assert credit.commission_fen == 295  # 服装 5% of ¥59.00
        event = s.scalars(select(OutboxEvent).where(OutboxEvent.kind == "sale.completed")).one()
    payload = json.loads(event.payload) if isinstance(event.payload, str) else event.payload
    assert payload["member_id"] == member_id
    assert payload["lines"][0]["salesperson_id"] == shop.seller("1001")
    assert checkout.draft.member is None  # the next customer starts without a member


def test_points_and_stored_value_split_a_payment_and_leave_ledger_rows(shop, sessions):
    checkout = shop.checkout
    checkout.add_code(TSHIRT_L)
    checkout.add_code(TSHIRT_L)
    shop.attach(GOLD_ZHOU_JIE)
    assert checkout.draft.total == Money(11210)  # ¥118.00 at 95折
    assert checkout.members.quote_points().max_amount == Money(5605)  # half the order
    with pytest.raises(InvalidInput, match="at most"):
        checkout.members.pay_points("60")
    assert checkout.members.pay_points("20") is None
    done = checkout.members.pay_stored_value("")  # the rest: ¥92.10
    assert done is not None and done.total == Money(11210)
    member_id = shop.member_id(GOLD_ZHOU_JIE)
    with sessions() as s:
        payments = {p.tender: p for p in s.scalars(select(Payment).where(Payment.sale_id == done.sale_id))}
        assert payments["points"].amount_fen == 2000 and payments["points"].reference == "points:2000"
        assert payments["stored_value"].amount_fen == 9210
        redeem = s.scalars(select(PointsMove).where(PointsMove.ref_id == done.sale_id,
                                                    PointsMove.kind == "redeem")).one()
        assert redeem.points == -2000
        pay = s.scalars(select(StoredValueMove).where(StoredValueMove.ref_id == done.sale_id)).one()
        assert (pay.principal_fen, pay.bonus_fen) == (-7675, -1535)  # 1000 : 200 of the balance
        assert sv_balance(s, member_id).total == Money(120_000 - 9210)
        earned = s.scalar(select(PointsMove.points).where(PointsMove.ref_id == done.sale_id,
                                                          PointsMove.kind == "earn"))
        assert earned == 138  # points pay nothing toward points: ¥92.10 -> 92 x 1.5
        assert points_balance(s, member_id, shop.clock.now()).available == 25_000 - 2000 + 138


def test_a_member_tender_that_fails_at_commit_leaves_no_sale_and_comes_off(shop, sessions):
    checkout = shop.checkout
    checkout.add_code(TSHIRT_L)
    shop.attach(SILVER_CHEN_WEI)  # ¥55 of stored value
    member_id = shop.member_id(SILVER_CHEN_WEI)
    checkout.members.pay_stored_value("50")
    with sessions.begin() as s:  # another till spends it meanwhile
        shop.program.tenders.capture(s, shop.program.tenders.authorize_stored_value(
            member_id, Money(5000), new_id()))
    with pytest.raises(InvalidInput, match="only ¥5.00"):
        checkout.pay_cash("")
    assert [t.kind for t in checkout.draft.tenders] == ["stored_value"]
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(Sale)) == 0


def test_a_coupon_pays_once_and_never_again(shop, sessions):
    checkout = shop.checkout
    checkout.add_code(TSHIRT_L)
    checkout.add_code(TSHIRT_L)
    shop.attach(GOLD_CHEN_JING)
    coupon = next(c for c in checkout.members.usable_coupons() if c.name == "满100减10")
    assert checkout.members.pay_coupon(coupon.code) is None
    with pytest.raises(StateError, match="already on this sale"):
        checkout.members.pay_coupon(coupon.code)
    done = checkout.pay_cash("")
    assert done.total == Money(11210)
    with sessions() as s:
        used = s.scalars(select(CouponRedemption).where(CouponRedemption.sale_id == done.sale_id)).one()
        assert used.amount_fen == 1000
        earned = s.scalar(select(PointsMove.points).where(PointsMove.ref_id == done.sale_id,
                                                          PointsMove.kind == "earn"))
        assert earned == 306  # ¥102.10 paid in cash: 102 x 1.5 (gold) x 2 (birthday month)
    checkout.add_code(TSHIRT_L)
    checkout.add_code(TSHIRT_L)
    shop.attach(GOLD_CHEN_JING)
    assert coupon.code not in [c.code for c in checkout.members.usable_coupons()]
    with pytest.raises(StateError, match="already been used"):
        checkout.members.pay_coupon(coupon.code)


def test_a_coupon_of_another_member_is_refused(shop):
    other = shop.program.coupons.for_member(shop.member_id(GOLD_ZHOU_JIE))[0]
    shop.checkout.add_code(TSHIRT_L)
    shop.checkout.add_code(TSHIRT_L)
    shop.attach(GOLD_CHEN_JING)
    with pytest.raises(NotAllowed, match="another member"):
        shop.checkout.members.pay_coupon(other.code)


def test_salespeople_by_line_by_sale_and_the_exclusive_one(shop, sessions):
    checkout = shop.checkout
    checkout.add_code(TSHIRT_L)
    checkout.add_code(COLA)
    shop.attach(GOLD_CHEN_JING)  # bound to 1001
    shirt = _line_id(checkout, "A0001")
    person = checkout.members.take_unknown_code("29009001")  # the badge of 9001
    assert person.id == shop.seller("9001")
    checkout.members.set_salesperson(None)
    checkout.members.set_line_salesperson(shirt, person)
    done = checkout.pay_cash("")
    with sessions() as s:
        credited = dict(s.execute(select(SalesCredit.sale_line_id, SalesCredit.salesperson_id)
                                  .where(SalesCredit.sale_id == done.sale_id)).all())
        assert credited[shirt] == shop.seller("9001")
        assert set(credited.values()) == {shop.seller("9001"), shop.seller("1001")}
        detail = s.get(SaleLineDetail, shirt)
        assert detail.salesperson_id == shop.seller("9001")
    checkout.add_code(COLA)
    checkout.members.take_scan("MONSP:SP1001")  # the salesperson's binding QR sets the sale's
    done = checkout.pay_cash("")
    with sessions() as s:
        assert s.get(Sale, done.sale_id).salesperson_id == shop.seller("1001")
        assert s.get(Sale, done.sale_id).member_id is None


def test_member_code_and_card_scans_attach_the_member(shop):
    members = shop.program.members
    member_id = shop.member_id(SILVER_CHEN_WEI)
    joined = shop.checkout.members.take_scan(members.current_code(member_id))
    assert joined.id == member_id and shop.checkout.draft.member_level == "member"
    shop.checkout.members.detach()
    card = members.find_by_phone(PLAIN_LIU_YANG).card_no
    assert shop.checkout.members.take_unknown_code(card).id == shop.member_id(PLAIN_LIU_YANG)
    assert shop.checkout.members.take_unknown_code("12345678") is None


def test_a_return_gives_back_points_and_stored_value_and_reverses_commission(shop, sessions):
    checkout = shop.checkout
    checkout.add_code(TSHIRT_L)
    checkout.add_code(TSHIRT_L)
    shop.attach(GOLD_CHEN_JING)  # 12,800 points, ¥300 + ¥60 stored value, bound to 1001
    member_id = shop.member_id(GOLD_CHEN_JING)
    checkout.members.pay_points("10")
    done = checkout.members.pay_stored_value("")  # ¥102.10
    with shop.sessions() as s:
        line_id = s.scalars(select(SaleLineDetail.sale_line_id)
                            .where(SaleLineDetail.sale_id == done.sale_id)).first()
        assert s.scalar(select(func.sum(SalesCredit.commission_fen))
                        .where(SalesCredit.sale_id == done.sale_id)) == 561  # 5% of ¥112.10
    refund = shop.returns.refund(done.sale_id, [(line_id, Quantity.units(2))], shop.cashier, to="cash")
    assert dict(refund.tenders) == {"points": Money(1000), "stored_value": Money(10210)}
    with sessions() as s:
        bal = sv_balance(s, member_id)
        assert (bal.principal, bal.bonus) == (Money(30_000), Money(6_000))
        assert points_balance(s, member_id, shop.clock.now()).available == 12_800
        assert s.scalar(select(func.sum(SalesCredit.commission_fen))
                        .where(SalesCredit.sale_id == done.sale_id)) == 0


def test_a_partial_return_of_a_member_sale_in_cash_keeps_the_member_tenders_apart(shop, sessions):
    checkout = shop.checkout
    checkout.add_code(TSHIRT_L)
    checkout.add_code(TSHIRT_L)
    shop.attach(SILVER_CHEN_WEI)  # ¥118 at 98折 = ¥115.64
    checkout.members.pay_stored_value("55")
    done = checkout.pay_cash("")
    with sessions() as s:
        line_id = s.scalars(select(SaleLineDetail.sale_line_id)
                            .where(SaleLineDetail.sale_id == done.sale_id)).first()
    refund = shop.returns.refund(done.sale_id, [(line_id, Quantity.units(1))], shop.cashier, to="cash")
    tenders = dict(refund.tenders)
    assert refund.total == Money(5782)
    assert tenders["stored_value"] + tenders["cash"] == Money(5782)
    assert tenders["stored_value"] == Money(2750)  # 55 of 115.64 paid by stored value
    with sessions() as s:
        assert sv_balance(s, shop.member_id(SILVER_CHEN_WEI)).total == Money(2750)


def test_held_sales_keep_the_member_and_salespeople_across_a_restart(shop):
    checkout = shop.checkout
    checkout.add_code(COLA)
    checkout.add_code(TSHIRT_L)
    shop.attach(GOLD_CHEN_JING)
    shirt = _line_id(checkout, "A0001")
    checkout.members.set_salesperson(shop.program.salespeople.by_id(shop.seller("9001")))
    checkout.members.set_line_salesperson(shirt, shop.program.salespeople.by_id(shop.seller("1001")))
    total = checkout.draft.total
    held = shop.held.hold("陈姐")
    assert checkout.draft.member is None and checkout.draft.total == Money(0)
    shop.start()  # the till restarts
    draft = shop.held.recall(held.id)
    assert draft.member.id == shop.member_id(GOLD_CHEN_JING)
    assert draft.total == total == Money(5905)
    assert draft.salesperson.id == shop.seller("9001")
    assert draft.line_salespeople[shirt].id == shop.seller("1001")


def test_the_receipt_shows_member_points_stored_value_and_salesperson(shop):
    checkout = shop.checkout
    checkout.add_code(TSHIRT_L)
    shop.attach(GOLD_ZHOU_JIE)
    done = checkout.members.pay_stored_value("")
    text = render_text(shop.receipts.document(done.sale_id))
    assert "会员折扣" in text and "-2.95" in text
    assert "会员: 周杰 136****9999 金卡会员" in text
    assert "本单积分: +84" in text  # stored value earns points: ¥56.05 -> 56 x 1.5
    assert "储值余额: ¥1,143.95" in text
    assert "储值卡" in text
    assert "导购: " in text and "(SP9001)" in text and "扫码添加专属导购" in text


def test_a_returned_coupon_sale_keeps_the_coupon_spent_and_says_so(shop, sessions):
    checkout = shop.checkout
    checkout.add_code(TSHIRT_L)
    checkout.add_code(TSHIRT_L)
    shop.attach(GOLD_CHEN_JING)
    coupon = next(c for c in checkout.members.usable_coupons() if c.name == "满100减10")
    checkout.members.pay_coupon(coupon.code)
    done = checkout.pay_cash("")
    with sessions() as s:
        line_id = s.scalars(select(SaleLineDetail.sale_line_id)
                            .where(SaleLineDetail.sale_id == done.sale_id)).first()
    refund = shop.returns.refund(done.sale_id, [(line_id, Quantity.units(2))], shop.cashier)
    assert dict(refund.tenders) == {"coupon": Money(1000), "cash": Money(10210)}
    text = render_text(shop.receipts.refund_document(refund.refund_id))
    assert "优惠券(不退回)" in text
    assert coupon.code not in [c.code for c in shop.program.coupons.for_member(
        shop.member_id(GOLD_CHEN_JING))]  # one use: a return does not give it back
