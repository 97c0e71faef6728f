"""Shifts and cash: open with a float, pay in/out, safe drop, blind close, X and Z, handover."""
from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from app.db.models import OutboxEvent
from app.db.models_staff import CashMovement, Shift, ShiftTenderCount
from app.domain.money import Money
from app.domain.receipt import render_text
from app.services.catalog import CatalogService
from app.services.checkout import CheckoutService
from app.services.errors import InvalidInput, NotAllowed, StateError
from app.services.permissions import Permission
from app.services.shifts import CNY_DENOMINATIONS, count_total
from tests.factories import CHIPS, COLA, WATER
from tests.integration.test_staff_helpers import make_world


@pytest.fixture
def world(engine, sessions, clock):
    return make_world(engine, sessions, clock)


@pytest.fixture
def checkout(world, engine, sessions, clock):
    catalog = CatalogService(engine, world.ctx.store_id, clock)
    service = CheckoutService(sessions, catalog, world.ctx, clock)
    service.start_sale(world.cashier)
    return service


def sell(checkout, codes, cash=""):
    for code in codes:
        checkout.add_code(code)
    return checkout.pay_cash(cash)


def test_no_open_shift_means_no_selling(world):
    with pytest.raises(StateError, match="No shift is open on this till"):
        world.shifts.require_open_shift()
    opened = world.shifts.open_shift(world.cashier, Money(50000))
    assert world.shifts.require_open_shift(world.ctx.terminal_id).id == opened.id
    with pytest.raises(StateError, match="already open"):
        world.shifts.open_shift(world.cashier, Money(0))


def test_blind_close_arithmetic_by_denomination():
    assert CNY_DENOMINATIONS == (10000, 5000, 2000, 1000, 500, 100, 50, 10)
    counted = {10000: 3, 5000: 1, 2000: 2, 1000: 4, 500: 1, 100: 7, 50: 3, 10: 9}
    assert count_total(counted) == Money(30000 + 5000 + 4000 + 4000 + 500 + 700 + 150 + 90)
    assert count_total({}) == Money(0)
    with pytest.raises(InvalidInput, match="not a CNY note or coin"):
        count_total({200: 1})
    with pytest.raises(InvalidInput, match="whole number of pieces"):
        count_total({100: -1})


def test_a_full_shift_expected_versus_counted_and_over_short(world, checkout, clock, sessions):
    w = world
    w.shifts.open_shift(w.cashier, Money(50000))                          # ¥500 float
    sell(checkout, [COLA, COLA, WATER], "20")                             # ¥9.00
    sell(checkout, [CHIPS])                                               # ¥7.90
    checkout.add_code(WATER)
    checkout.remove_line(checkout.draft.cart.lines[0].line_id, "顾客不要了")  # a voided line ¥2
    checkout.add_code(CHIPS)
    checkout.cancel_sale("顾客走了")                                       # a cancelled sale ¥7.90
    sup = w.perms.approve(Permission.PAY_IN_OUT, "5001", "5555")
    w.shifts.pay_in(w.cashier, Money(10000), "银行换零钱", approver=sup)       # +¥100
    sup = w.perms.approve(Permission.PAY_IN_OUT, "5001", "5555")
    w.shifts.pay_out(w.cashier, Money(1500), "快递费", approver=sup)          # -¥15
    w.shifts.safe_drop(w.cashier, Money(30000))                           # -¥300
    expected_cash = 50000 + 900 + 790 + 10000 - 1500 - 30000               # ¥301.90
    clock.advance(hours=4)
    # the cashier counts ¥301.80: 3x100 + 1x1 + 0.5 + 3x0.1 -> ten fen short
    z = w.shifts.close_shift(w.cashier, {10000: 3, 100: 1, 50: 1, 10: 3})
    cash = z.tender("cash")
    assert (cash.expected.fen, cash.counted.fen, cash.difference.fen) == (expected_cash, 30180, -10)
    assert z.over_short == Money(-10)
    assert (z.line("sales").count, z.line("sales").amount) == (2, Money(1690))
    assert (z.line("void_line").count, z.line("void_line").amount) == (1, Money(200))
    assert (z.line("void_sale").count, z.line("void_sale").amount) == (1, Money(790))
    assert {m.key: m.amount.fen for m in z.movements} == {
        "float": 50000, "pay_in": 10000, "pay_out": -1500, "safe_drop": -30000}
    with sessions() as s:
        row = s.scalar(select(ShiftTenderCount))
        assert (row.tender, row.expected_fen, row.counted_fen, row.difference_fen) == \
            ("cash", expected_cash, 30180, -10)
    text = render_text(w.shifts.document(z, 48))
    assert "Z 报表" in text and "短款 short" in text and "-0.10" in text and "301.90" in text
    assert w.shifts.current() is None
    with pytest.raises(StateError):
        w.shifts.require_open_shift()


def test_x_report_needs_view_reports_and_shows_the_figures_so_far(world, checkout):
    w = world
    w.shifts.open_shift(w.cashier, Money(20000))
    sell(checkout, [COLA])
    with pytest.raises(NotAllowed, match="may not see shift reports"):
        w.shifts.x_report(w.cashier)
    x = w.shifts.x_report(w.cashier, w.perms.approve(Permission.VIEW_REPORTS, "5001", "5555"))
    assert x.kind == "X" and x.tender("cash").expected == Money(20350)
    assert x.tender("cash").counted is None
    text = render_text(w.shifts.document(x, 48))
    assert "X 报表" in text and "203.50" in text
    assert w.shifts.current() is not None  # an X report does not close anything


def test_pay_out_needs_a_reason_and_cannot_exceed_the_drawer(world):
    w = world
    w.shifts.open_shift(w.cashier, Money(10000))
    with pytest.raises(InvalidInput, match="Say why"):
        w.shifts.pay_out(w.manager, Money(100), "  ")
    with pytest.raises(InvalidInput, match="does not hold"):
        w.shifts.pay_out(w.manager, Money(10001), "房租")
    with pytest.raises(InvalidInput, match="above zero"):
        w.shifts.safe_drop(w.manager, Money(0))


def test_cash_movements_need_an_open_shift(world):
    with pytest.raises(StateError, match="No shift is open"):
        world.shifts.safe_drop(world.cashier, Money(100))


def test_a_shift_closed_offline_closes_and_its_figures_wait_in_the_outbox(world, checkout, sessions):
    w = world
    opened = w.shifts.open_shift(w.cashier, Money(10000))
    sell(checkout, [COLA])
    w.shifts.close_shift(w.cashier, {10000: 1, 100: 3, 50: 1})  # exact: ¥103.50
    with sessions() as s:
        events = s.scalars(select(OutboxEvent).where(OutboxEvent.aggregate_id == opened.id)
                           .order_by(OutboxEvent.seq)).all()
        assert [e.kind for e in events] == ["shift.opened", "shift.cash_movement", "shift.closed"]
        assert all(e.sent_at is None for e in events)
        closed = json.loads(events[-1].payload)
        assert closed["report"]["over_short_fen"] == 0
        assert closed["denominations"] == {"10000": 1, "100": 3, "50": 1}
        assert s.get(Shift, opened.id).status == "closed"


def test_handover_to_the_next_cashier_on_the_same_terminal(world, checkout, clock, sessions):
    w = world
    first = w.shifts.open_shift(w.cashier, Money(10000))
    sell(checkout, [COLA])
    clock.advance(hours=4)
    z, nxt = w.shifts.handover(w.cashier, {10000: 1, 100: 3, 50: 1}, next_cashier=w.supervisor)
    assert z.over_short == Money(0) and nxt.seq == first.seq + 1
    assert (nxt.cashier_name, nxt.opening_float) == ("赵刚", Money(10350))
    clock.advance(minutes=1)
    checkout.start_sale(w.supervisor)
    sell(checkout, [WATER])
    x = w.shifts.x_report(w.supervisor)
    assert x.line("sales").count == 1 and x.tender("cash").expected == Money(10550)
    # the closed shift's Z is unchanged by the next shift's sales
    assert w.shifts.z_report(first.id).line("sales").count == 1
    with sessions() as s:
        moves = s.scalars(select(CashMovement.kind).where(CashMovement.shift_id == nxt.id)).all()
        assert moves == ["handover_in"]


def test_refunds_count_as_returns_and_leave_the_drawer(world, checkout, sessions, clock):
    from app.domain.quantity import Quantity
    from app.services.returns import ReturnsService
    w = world
    w.shifts.open_shift(w.cashier, Money(10000))
    sale = sell(checkout, [COLA, COLA])                                   # ¥7.00 cash
    returns = ReturnsService(sessions, w.ctx, clock)
    line_id = returns.find(sale.receipt_no).lines[0].sale_line_id
    returns.refund(sale.sale_id, [(line_id, Quantity(1000))], w.supervisor, to="original")
    x = w.shifts.x_report(w.manager)
    assert (x.line("returns").count, x.line("returns").amount) == (1, Money(350))
    assert x.tender("cash").expected == Money(10000 + 700 - 350)
