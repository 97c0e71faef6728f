"""A member's sale through the member services: tenders, credit, commission, points, returns."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest
from sqlalchemy import func, select

from app.db.models import OutboxEvent
from app.db.models_members import PointsMove, SalesCredit, StoredValueMove
from app.domain.money import Money
from app.domain.ids import new_id
from app.services.errors import InvalidInput, NotAllowed, StateError
from app.services.members.coupons import CouponLine
from app.services.members.performance import PerformanceService, to_csv
from app.services.members.points import points_balance
from app.services.members.profile import ProfileService
from app.services.members.sales import on_refund_completed, on_sale_completed
from app.services.members.stored_value import sv_balance
from tests.integration.test_members_support import program, write_refund, write_sale  # noqa: F401

TSHIRT, COLA = "A0001", "D0001"  # 服装/T恤 ¥59, 饮料/碳酸饮料 ¥3.50


def test_exclusive_salesperson_is_credited_with_commission_and_points_are_earned(program, sessions):
    member_id = program.member_id("13800001234")  # 陈静, GOLD x1.5, bound to 1001, birthday in Nov
    with sessions.begin() as s:
        sale = write_sale(s, program, [(TSHIRT, 2000, 11800), (COLA, 1000, 350)])
        outcome = on_sale_completed(s, sale.id, program.clock.now(), member_id=member_id)
    seller = program.salesperson_id("1001")
    assert set(outcome.credited.values()) == {seller}
    # 服装 5% of 118.00 = 5.90; everything else 1% of 3.50 = 0.04 (half up)
    assert outcome.commission_fen == 590 + 4
    # ¥121.50 -> 121 points x 1.5 (gold) x 2 (birthday month) = 364.5 -> 364
    assert outcome.points_earned == 364
    with sessions() as s:
        assert points_balance(s, member_id, program.clock.now()).available == 12_800 + 364
    recent = ProfileService(sessions, program.clock).profile(member_id).recent
    assert [p.receipt_no for p in recent] == ["S001-T01-20261125-0001"]


def test_line_and_sale_salespeople_beat_the_exclusive_one(program, sessions):
    member_id = program.member_id("13800001234")
    with sessions.begin() as s:
        sale = write_sale(s, program, [(TSHIRT, 1000, 5900), (COLA, 1000, 350)])
        lines = sorted(sale.lines, key=lambda l: l.line_no)
        outcome = on_sale_completed(s, sale.id, program.clock.now(), member_id=member_id,
                                    sale_salesperson_id=program.salesperson_id("9001"),
                                    line_salespeople={lines[0].id: program.salesperson_id("1001")})
    assert outcome.credited[lines[0].id] == program.salesperson_id("1001")
    assert outcome.credited[lines[1].id] == program.salesperson_id("9001")


def test_returns_reverse_commission_and_points_of_what_comes_back(program, sessions):
    member_id = program.member_id("13700005678")  # 刘洋, plain member, bound to 1001
    with sessions.begin() as s:
        sale = write_sale(s, program, [(TSHIRT, 3000, 17700)])
        earned = on_sale_completed(s, sale.id, program.clock.now(), member_id=member_id)
        line_id = sale.lines[0].id
    assert (earned.commission_fen, earned.points_earned) == (885, 177)
    with sessions.begin() as s:
        first = on_refund_completed(s, write_refund(s, program, sale.id, [(line_id, 1000, 5900)], 1).id,
                                    program.clock.now())
    with sessions.begin() as s:
        second = on_refund_completed(s, write_refund(s, program, sale.id, [(line_id, 2000, 11800)], 2).id,
                                     program.clock.now())
    assert first.commission_reversed_fen + second.commission_reversed_fen == 885
    assert first.points_reversed + second.points_reversed == 177
    with sessions() as s:
        net = s.scalar(select(func.sum(SalesCredit.commission_fen)).where(SalesCredit.sale_id == sale.id))
        assert net == 0
        assert points_balance(s, member_id, program.clock.now()).total == 860


def test_points_and_stored_value_pay_and_come_back_on_return(program, sessions):
    member_id = program.member_id("13900001234")  # 陈伟: 3,500 points, ¥50 + ¥5 stored value
    sale_id = new_id()
    quote = program.tenders.quote_points(member_id, Money(6000))
    assert quote.max_amount == Money(3000)  # half the order
    with pytest.raises(InvalidInput, match="at most"):
        program.tenders.authorize_points(member_id, Money(3100), sale_id, Money(6000))
    points = program.tenders.authorize_points(member_id, Money(3000), sale_id, Money(6000))
    stored = program.tenders.authorize_stored_value(member_id, Money(3000), sale_id)
    with pytest.raises(InvalidInput, match="only ¥55.00"):
        program.tenders.authorize_stored_value(member_id, Money(5600), sale_id)
    with sessions.begin() as s:
        program.tenders.capture(s, points, order_total=Money(6000))
        program.tenders.capture(s, stored)
    with sessions() as s:
        assert points_balance(s, member_id, program.clock.now()).available == 500
        bal = sv_balance(s, member_id)
        assert (bal.principal, bal.bonus) == (Money(5000 - 2727), Money(500 - 273))
    with sessions.begin() as s:
        assert program.tenders.refund_stored_value(s, sale_id, Money(3000), new_id()) == (
            Money(2727), Money(273))
        assert program.tenders.refund_points(s, sale_id, Money(3000), new_id()) == 3000
    with sessions() as s:
        assert sv_balance(s, member_id).total == Money(5500)
        with pytest.raises(StateError):
            program.tenders.refund_points(s, sale_id, Money(100), new_id())


def test_offline_spending_is_capped_per_member_per_day(program, sessions):
    member_id = program.member_id("13600009999")  # 周杰: ¥1,200 stored value, 25,000 points
    program.online[0] = False
    with sessions.begin() as s:
        program.tenders.capture(s, program.tenders.authorize_stored_value(member_id, Money(40_000), new_id()))
    with pytest.raises(NotAllowed, match="only ¥100.00 more"):
        program.tenders.authorize_stored_value(member_id, Money(20_000), new_id())
    program.online[0] = True  # back online: the cap no longer applies
    program.tenders.authorize_stored_value(member_id, Money(20_000), new_id())
    with sessions() as s:
        move = s.scalars(select(StoredValueMove).where(StoredValueMove.kind == "pay")).one()
        assert move.offline and not move.overdraft


def test_offline_overdraft_is_allowed_only_as_configured_and_flagged(program, sessions):
    from app.services.members.program import load_program, save_program
    member_id = program.member_id("13700005678")  # 刘洋: 860 points
    with sessions.begin() as s:
        save_program(s, program.ctx.store_id, load_program(s, program.ctx.store_id),
                     program.clock.now(), allowed=True, offline_overdraft_points=200)
    program.online[0] = False
    with pytest.raises(InvalidInput):
        program.tenders.authorize_points(member_id, Money(1100), new_id(), Money(10_000))
    auth = program.tenders.authorize_points(member_id, Money(1000), new_id(), Money(10_000))
    assert auth.overdraft
    with sessions.begin() as s:
        program.tenders.capture(s, auth, order_total=Money(10_000))
    with sessions() as s:
        move = s.scalars(select(PointsMove).where(PointsMove.kind == "redeem")).one()
        assert move.overdraft and move.offline and move.points == -1000
        assert points_balance(s, member_id, program.clock.now()).total == -140


def test_a_coupon_is_used_once(program, sessions):
    member_id = program.member_id("13800001234")
    coupon = next(c for c in program.coupons.for_member(member_id) if c.name == "满100减10")
    lines = [CouponLine(TSHIRT, ("服装/T恤", "服装"), 11800)]
    with pytest.raises(InvalidInput, match="needs"):
        program.tenders.authorize_coupon(coupon.code, member_id, new_id(), [CouponLine(COLA, (), 350)])
    auth = program.tenders.authorize_coupon(coupon.code, member_id, new_id(), lines)
    assert auth.amount == Money(1000)
    with sessions.begin() as s:
        program.tenders.capture(s, auth, lines=lines)
    with pytest.raises(StateError, match="already been used"):
        program.tenders.authorize_coupon(coupon.code, member_id, new_id(), lines)
    with pytest.raises(StateError):
        with sessions.begin() as s:
            program.tenders.capture(s, auth, lines=lines)
    assert coupon.id not in {c.id for c in program.coupons.for_member(member_id)}
    other = program.member_id("13900001234")
    with pytest.raises(NotAllowed, match="another member"):
        program.tenders.authorize_coupon(
            next(c for c in program.coupons.for_member(other)).code, member_id, new_id(), lines)


def test_percent_coupon_takes_off_only_its_category(program):
    member_id = program.member_id("13800001234")
    coupon = next(c for c in program.coupons.for_member(member_id) if c.name == "服装9折")
    lines = [CouponLine(TSHIRT, ("服装/T恤", "服装"), 5900), CouponLine(COLA, ("饮料",), 10_000)]
    assert program.tenders.authorize_coupon(coupon.code, None, new_id(), lines).amount == Money(590)


def test_top_up_adds_bonus_once_and_raises_the_level(program, sessions):
    member_id = program.member_id("18600001357")  # 孙悦: plain member, nothing stored
    topup_id = new_id()
    result = program.stored_value.top_up(member_id, Money(50_000), "wechat", program.ids["cashier"], topup_id)
    assert (result.principal, result.bonus) == (Money(50_000), Money(8_000))
    assert result.new_level is not None and result.new_level.code == "SILVER"
    again = program.stored_value.top_up(member_id, Money(50_000), "wechat", program.ids["cashier"], topup_id)
    assert again.balance.total == Money(58_000)  # a retry tops up nothing
    with pytest.raises(NotAllowed):
        program.stored_value.cash_out(member_id, program.ids["cashier"], allowed=False)
    assert program.stored_value.cash_out(member_id, program.ids["manager"], allowed=True) == Money(50_000)
    assert program.stored_value.balance(member_id).total == Money(0)
    with sessions() as s:
        kinds = [e.kind for e in s.scalars(select(OutboxEvent).where(OutboxEvent.aggregate_id == member_id)
                                            .order_by(OutboxEvent.seq))]
    assert kinds == ["member.stored_value_moved", "member.level_changed", "member.stored_value_moved"]


def test_performance_report_sums_sales_returns_members_and_commission(program, sessions, tmp_path):
    seller = program.salesperson_id("1001")
    with sessions.begin() as s:
        sale = write_sale(s, program, [(TSHIRT, 2000, 11800)], seq=1)
        on_sale_completed(s, sale.id, program.clock.now(), member_id=program.member_id("13800001234"))
        line_id = sale.lines[0].id
        other = write_sale(s, program, [(COLA, 3000, 1050)], seq=2)
        on_sale_completed(s, other.id, program.clock.now(), sale_salesperson_id=seller)
    with sessions.begin() as s:
        on_refund_completed(s, write_refund(s, program, sale.id, [(line_id, 1000, 5900)]).id,
                            program.clock.now())
    report = PerformanceService(sessions, program.ctx.tz)
    row = next(r for r in report.report(date(2026, 11, 25), date(2026, 11, 25)) if r.salesperson_id == seller)
    assert (row.sales_fen, row.orders, row.units_milli, row.returns_fen) == (12_850, 2, 5000, 5900)
    assert row.members_served == 1
    assert row.commission_fen == 590 + 11 - 295
    assert row.members_recruited == 0  # demo members joined months ago
    path = tmp_path / "perf.csv"
    assert report.export_csv(date(2026, 11, 25), date(2026, 11, 25), path) == 2  # both salespeople of the store
    rows = list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    mine = next(r for r in rows if r["code"] == "SP1001")
    assert (mine["sales"], mine["returns"], mine["net_sales"], mine["commission"]) == (
        "128.50", "59.00", "69.50", "3.06")
    assert to_csv([]).splitlines()[0].startswith("code,name,sales")


def test_receipt_shows_member_points_balance_and_the_salesperson_binding_qr(program, sessions):
    from app.domain.receipt import QRBlock, TextLine
    from app.services.members.receipt import member_receipt_blocks
    member_id = program.member_id("13800001234")
    with sessions.begin() as s:
        sale = write_sale(s, program, [(TSHIRT, 1000, 5900)])
        on_sale_completed(s, sale.id, program.clock.now(), member_id=member_id)
        blocks = member_receipt_blocks(s, sale.id, program.clock.now())
    texts = [b.text for b in blocks if isinstance(b, TextLine)]
    assert texts[0] == "会员: 陈静 138****1234 金卡会员"
    assert texts[1] == "本单积分: +177  积分余额: 12,977"  # 59 x 1.5 x 2 (birthday month)
    assert texts[2] == "储值余额: ¥360.00 (本金 ¥300.00 赠送 ¥60.00)"
    assert texts[3] == "导购: 张丽 (SP1001)"
    assert [b.data for b in blocks if isinstance(b, QRBlock)] == ["MONSP:SP1001"]
    assert program.salespeople.by_scan("MONSP:SP1001").name == "张丽"
