"""Every permission is checked in the services; a supervisor can approve on the spot."""
from __future__ import annotations

import io

import pytest
from sqlalchemy import select

from app.db.models_staff import Role, RolePermission
from app.domain.money import Money
from app.services.audit import AuditFilter
from app.services.errors import NotAllowed
from app.services.permissions import (
    DEFAULT_ROLES, DENIED, Permission, RoleSpec, seed_default_roles,
)
from tests.integration.test_staff_helpers import SUPERVISOR_BADGE, make_world

CASHIER_MAY = {Permission.OPEN_SHIFT, Permission.CLOSE_SHIFT, Permission.VOID_LINE,
               Permission.REPRINT, Permission.SAFE_DROP}


@pytest.fixture
def world(engine, sessions, clock):
    return make_world(engine, sessions, clock)


def test_every_permission_has_a_refusal_sentence_that_says_what_to_do():
    assert set(DENIED) == set(Permission)
    for template in DENIED.values():
        assert template.startswith("{name} may not") and ("Ask" in template or "approve" in template)


@pytest.mark.parametrize("permission", list(Permission), ids=lambda p: p.value)
def test_each_permission_is_refused_without_it_and_granted_with_it(world, permission):
    w = world
    assert w.perms.require(w.manager, permission).approver is None  # the manager holds them all
    if permission in CASHIER_MAY:
        assert w.perms.require(w.cashier, permission).actor == w.cashier
        return
    with pytest.raises(NotAllowed) as refused:
        w.perms.require(w.cashier, permission)
    assert refused.value.message.startswith("张丽 may not")
    denied = w.audit.entries(AuditFilter(action_prefix="permission.denied"))
    assert [(e.actor_code, e.subject) for e in denied] == [("1001", permission.value)]


@pytest.mark.parametrize("permission", list(Permission), ids=lambda p: p.value)
def test_each_permission_can_be_approved_by_someone_who_holds_it(world, permission):
    w = world
    w.perms.save_role(w.manager, RoleSpec("trainee", "Trainee", 0, frozenset()))
    w.admin.save_staff(w.manager, "2001", "新人", "trainee", pin="2468")
    trainee = w.auth.login("2001", "2468")
    with pytest.raises(NotAllowed):
        w.perms.require(trainee, permission)
    approval = w.perms.approve(permission, "9001", "9999")
    granted = w.perms.require(trainee, permission, approval)
    assert granted.overridden and granted.approver.code == "9001"


def test_a_supervisor_approves_by_badge_and_the_approval_is_recorded_with_the_action(world):
    w = world
    w.shifts.open_shift(w.cashier, Money(50000))
    with pytest.raises(NotAllowed, match="may not pay cash in or out"):
        w.shifts.pay_out(w.cashier, Money(2000), "快递费")
    approval = w.perms.approve(Permission.PAY_IN_OUT, SUPERVISOR_BADGE)  # badge alone, no PIN
    w.shifts.pay_out(w.cashier, Money(2000), "快递费", approver=approval)
    entry = w.audit.entries(AuditFilter(action_prefix="cash.movement"))[0]
    assert (entry.actor_code, entry.approver_code) == ("1001", "5001")
    assert entry.details == {"kind": "pay_out", "amount_fen": -2000, "reason": "快递费",
                             "permission": "pay_in_out"}


def test_an_approval_is_for_one_permission_and_expires(world, clock):
    w = world
    approval = w.perms.approve(Permission.CANCEL_SALE, "5001", "5555")
    with pytest.raises(NotAllowed, match="for something else"):
        w.perms.require(w.cashier, Permission.REFUND, approval)
    clock.advance(minutes=3)
    with pytest.raises(NotAllowed, match="expired"):
        w.perms.require(w.cashier, Permission.CANCEL_SALE, approval)


def test_an_approver_without_the_permission_cannot_approve(world):
    w = world
    with pytest.raises(NotAllowed, match="赵刚 may not approve this either"):
        w.perms.approve(Permission.MANAGE_STAFF, "5001", "5555")
    with pytest.raises(NotAllowed, match="Wrong user or PIN"):
        w.perms.approve(Permission.CANCEL_SALE, "5001", "0000")


def test_discount_limits_come_from_the_role(world):
    w = world
    assert w.perms.require_discount(w.cashier, 1000).approver is None   # 10 % is the cashier's own
    with pytest.raises(NotAllowed, match="discount above"):
        w.perms.require_discount(w.cashier, 2000)
    sup = w.perms.approve(Permission.DISCOUNT_ABOVE_LIMIT, "5001", "5555")
    assert w.perms.require_discount(w.cashier, 3000, sup).approver.code == "5001"
    sup = w.perms.approve(Permission.DISCOUNT_ABOVE_LIMIT, "5001", "5555")
    with pytest.raises(NotAllowed, match="赵刚 may give at most 30% discount"):
        w.perms.require_discount(w.cashier, 5000, sup)


def test_a_manager_edits_a_role_and_the_change_applies_and_is_audited(world):
    w = world
    with pytest.raises(NotAllowed, match="may not manage staff"):
        w.perms.save_role(w.supervisor, RoleSpec("cashier", "Cashier", 1000, frozenset()))
    w.perms.save_role(w.manager, RoleSpec("cashier", "Cashier", 1500,
                                          frozenset({Permission.OPEN_SHIFT, Permission.REFUND})))
    assert w.perms.require(w.cashier, Permission.REFUND).approver is None
    with pytest.raises(NotAllowed):
        w.perms.require(w.cashier, Permission.VOID_LINE)
    assert w.perms.discount_limit_bp(w.cashier) == 1500
    change = w.audit.entries(AuditFilter(action_prefix="role.changed"))[0]
    assert change.details["before"]["discount_limit_bp"] == 1000
    assert change.details["after"]["permissions"] == ["open_shift", "refund"]


def test_a_manager_adds_staff_with_a_badge_who_can_then_log_in(world):
    w = world
    with pytest.raises(NotAllowed):
        w.admin.save_staff(w.cashier, "1003", "陈晨", "cashier", pin="4444")
    w.admin.save_staff(w.manager, "1003", "陈晨", "cashier", pin="4444")
    w.admin.add_badge(w.manager, "1003", "STAFF-1003-A")
    assert w.auth.login_badge("STAFF-1003-A").name == "陈晨"
    assert w.auth.login("1003", "4444").role == "cashier"
    assert [r.badges for r in w.admin.staff() if r.code == "1003"] == [("STAFF-1003-A",)]


def test_only_those_with_view_audit_read_or_export_the_log(world):
    w = world
    with pytest.raises(NotAllowed, match="may not see the audit log"):
        w.admin.audit_entries(w.supervisor)
    out = io.StringIO()
    assert w.admin.export_audit(w.manager, out) >= 1
    assert w.admin.verify_audit(w.manager).ok


def test_the_migration_seeds_exactly_the_default_roles(sessions, clock, engine):
    with sessions() as s:
        roles = {r.code: r.discount_limit_bp for r in s.scalars(select(Role))}
        grants = {(g.role_code, g.permission) for g in s.scalars(select(RolePermission))}
    assert roles == {r.code: r.discount_limit_bp for r in DEFAULT_ROLES}
    assert grants == {(r.code, p.value) for r in DEFAULT_ROLES for p in r.permissions}
    with engine.begin() as conn:
        assert seed_default_roles(conn, clock.now()) == 0  # idempotent for the demo loader


def test_the_override_itself_is_audited_with_the_permission_approved(world):
    w = world
    w.perms.approve(Permission.REFUND, SUPERVISOR_BADGE)
    entry = w.audit.entries(AuditFilter(action_prefix="override"))[0]
    assert (entry.action, entry.actor_code, entry.details) == \
        ("override.approved", "5001", {"by": "badge", "permission": "refund"})


def test_refunds_at_the_till_need_the_permission_or_a_supervisor(tmp_path, clock):
    """The returns service itself refuses a cashier's refund; a supervisor's approval lets it
    through and is audited."""
    from app.bootstrap import build
    from app.config import load_config
    from app.domain.quantity import Quantity
    from app.services.permissions import Permission, PermissionDenied
    from app.services.audit import AuditAction
    from app.services.returns import ReturnsService

    ctx = build(load_config(env={}, overrides={"data_dir": tmp_path}), clock)
    try:
        manager = ctx.auth.login("9001", "9999")
        ctx.shifts.open_shift(manager, Money(50_000))
        cashier = ctx.auth.login("1001", "1111")
        ctx.checkout.start_sale(cashier)
        ctx.checkout.add_code("6928804557480")
        sale = ctx.checkout.pay_cash("")
        returns = ReturnsService(ctx.sessions, ctx.terminal, ctx.clock, ctx.checkout.payments,
                                 guard=ctx.checkout.guard)
        line_id = returns.find(sale.receipt_no).lines[0].sale_line_id
        with pytest.raises(PermissionDenied):
            returns.refund(sale.sale_id, [(line_id, Quantity.units(1))], cashier)
        with pytest.raises(PermissionDenied):
            returns.refund_without_receipt([], cashier)
        approval = ctx.perms.approve(Permission.REFUND, "9001", "9999")
        done = returns.refund(sale.sale_id, [(line_id, Quantity.units(1))], cashier,
                              approver=approval)
        assert done.total == Money(350)
        assert any(e.action == AuditAction.REFUND and e.approver_code == "9001"
                   for e in ctx.audit.entries())
    finally:
        ctx.close()


def test_a_discount_above_the_roles_limit_needs_a_supervisor(tmp_path, clock):
    """The cashier's role allows 10 %; 20 % needs DISCOUNT_ABOVE_LIMIT from a supervisor,
    whose role limit then applies; the approval is audited."""
    from decimal import Decimal

    from app.bootstrap import build
    from app.config import load_config
    from app.domain.pricing import ManualDiscount
    from app.services.audit import AuditAction
    from app.services.permissions import Permission, PermissionDenied

    ctx = build(load_config(env={}, overrides={"data_dir": tmp_path}), clock)
    try:
        ctx.shifts.open_shift(ctx.auth.login("9001", "9999"), Money(50_000))
        cashier = ctx.auth.login("1001", "1111")
        ctx.checkout.start_sale(cashier)
        line = ctx.checkout.add_code("6928804557480")
        ctx.checkout.set_line_discount(line.line_id, ManualDiscount.percent(Decimal(10)))
        with pytest.raises(PermissionDenied) as refused:
            ctx.checkout.set_line_discount(line.line_id, ManualDiscount.percent(Decimal(20)))
        assert refused.value.permission == Permission.DISCOUNT_ABOVE_LIMIT
        assert ctx.checkout.draft.total == Money(315)  # the 10 % discount stands
        approval = ctx.perms.approve(Permission.DISCOUNT_ABOVE_LIMIT, "9001", "9999")
        ctx.checkout.set_line_discount(line.line_id, ManualDiscount.percent(Decimal(20)),
                                       approver=approval)
        assert ctx.checkout.draft.total == Money(280)
        assert any(e.action == AuditAction.DISCOUNT and e.approver_code == "9001"
                   for e in ctx.audit.entries())
    finally:
        ctx.close()


def test_a_reprint_needs_the_reprint_permission_and_is_audited(tmp_path, clock):
    from app.bootstrap import build
    from app.config import load_config
    from app.services.audit import AuditAction
    from app.services.permissions import PermissionDenied
    from app.services.auth import StaffMember

    ctx = build(load_config(env={}, overrides={"data_dir": tmp_path}), clock)
    try:
        ctx.shifts.open_shift(ctx.auth.login("9001", "9999"), Money(50_000))
        cashier = ctx.auth.login("1001", "1111")
        ctx.checkout.start_sale(cashier)
        ctx.checkout.add_code("6928804557480")
        sale = ctx.checkout.pay_cash("")
        assert ctx.receipts.reprint(sale.sale_id, cashier).ok  # cashiers may reprint
        assert any(e.action == AuditAction.REPRINT for e in ctx.audit.entries())
        stranger = StaffMember(cashier.id, cashier.code, cashier.name, "salesperson_without_rights")
        with pytest.raises(PermissionDenied):
            ctx.receipts.reprint(sale.sale_id, stranger)
    finally:
        ctx.close()
