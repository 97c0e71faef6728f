"""What the till's services really write to the outbox is what the cloud accepts: every
event a day at the till produces validates against the cloud's payload models."""
from __future__ import annotations

import json
from datetime import timedelta

from sqlalchemy import select

from app.db.models import OutboxEvent, Product
from app.domain.money import Money
from app.domain.quantity import Quantity
from app.services.catalog import CatalogService
from app.services.checkout import CheckoutService
from app.services.held_sales import HeldSales
from app.services.inventory.stock import StockService
from app.services.members.commission import RuleData
from app.services.members.coupons import CouponSpec
from app.services.members.members import MemberEdit, Registration
from app.services.members.program import load_program, save_program
from app.services.members.wiring import MemberServices
from app.services.permissions import RoleSpec
from app.services.returns import ReturnsService
from cloud.event_schema import Rejected, validate_event
from cloud.tenancy import Principal
from tests.factories import CHIPS, COLA
from tests.integration.test_staff_helpers import make_world


def _wire(event: OutboxEvent) -> dict:  # as app.sync.client.SyncClient._wire sends it
    return {"id": event.id, "seq": event.seq, "kind": event.kind,
            "schema_version": event.schema_version, "store": "S001", "terminal": "T01",
            "created_at": event.created_at.isoformat(), "payload": json.loads(event.payload)}


def _a_day_at_the_till(engine, sessions, clock) -> None:
    world = make_world(engine, sessions, clock)
    ctx = world.ctx
    world.shifts.open_shift(world.cashier, Money(50000))
    world.shifts.pay_out(world.manager, Money(2000), "快递费")
    checkout = CheckoutService(sessions, CatalogService(engine, ctx.store_id, clock), ctx, clock)
    checkout.start_sale(world.cashier)
    for code in (COLA, COLA, CHIPS):
        checkout.add_code(code)
    sale = checkout.pay_cash("")
    checkout.add_code(CHIPS)
    HeldSales(sessions, checkout, ctx, clock).hold("张先生")
    returns = ReturnsService(sessions, ctx, clock)
    found = returns.find(sale.receipt_no)
    returns.refund(found.sale_id, [(found.lines[0].sale_line_id, Quantity(1000))],
                   world.cashier, to="cash", reason="破损")
    members = MemberServices.build(sessions, ctx, clock)
    person = members.salespeople.enroll(world.salesperson.id, "SP01", "B0001", True)
    member = members.members.register(Registration("13812345678", "王芳", None, True, person.id))
    members.members.edit(member.id, MemberEdit(tags="VIP"))
    members.stored_value.top_up(member.id, Money(10000), "cash", world.cashier.id, "topup-1")
    starts = clock.now()
    members.coupons.issue(member.id, CouponSpec("满100减10", "cash_off", 1000, starts,
                                                starts + timedelta(days=30), 10000), True)
    members.commission.save(RuleData(id="", name="全场 2%", kind="percent", rate_bp=200), True)
    with sessions.begin() as s:
        save_program(s, ctx.store_id, load_program(s, ctx.store_id), clock.now(), True,
                     points_per_yuan=2)
    with sessions() as s:
        cola_id = s.scalar(select(Product.id).where(Product.sku_code == "D0001"))
    StockService(sessions, ctx.store_id, clock, ctx.terminal_id).adjust(cola_id, 1000, "damaged")
    world.shifts.close_shift(world.cashier, {10000: 5})
    world.admin.save_staff(world.manager, "1002", "王新", "cashier", pin="2468")
    world.admin.add_badge(world.manager, "1002", "BADGE-1002")
    cashier = world.perms.role("cashier")
    world.perms.save_role(world.manager, RoleSpec("cashier", cashier.name, 300,
                                                  cashier.permissions))


def test_every_event_of_a_day_at_the_till_is_accepted_by_the_cloud(engine, sessions, clock):
    _a_day_at_the_till(engine, sessions, clock)
    principal = Principal("terminal", "m", "s", "S001", "t", "T01")
    with sessions() as s:
        events = s.scalars(select(OutboxEvent).order_by(OutboxEvent.seq)).all()
    problems, kinds = [], set()
    for event in events:
        kinds.add(event.kind)
        try:
            validate_event(_wire(event), principal)
        except Rejected as why:
            problems.append((event.kind, str(why)))
    assert problems == []
    assert {"shift.opened", "shift.cash_movement", "shift.closed", "sale.completed",
            "sale.held", "refund.completed", "salesperson.enrolled", "member.created",
            "member.changed", "member.bound", "member.stored_value_moved", "coupon.issued",
            "commission_rule.changed", "member_program.changed", "stock.movements",
            "staff.saved", "role.saved"} <= kinds
