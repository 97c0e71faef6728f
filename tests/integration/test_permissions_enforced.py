"""Every permission is enforced by the service itself, not by the screen in front of it.

For each guarded service call (at least one per Permission) on a till wired as the app
wires it: a trainee whose role grants nothing is refused with PermissionDenied and
nothing is recorded; with a store manager's on-the-spot approval the same call goes
through and the audit log names both; someone whose role holds the permission does it
directly, audited without an approver.
"""
from __future__ import annotations

import io
import shutil
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any, Callable

import pytest
from sqlalchemy import select

from app.bootstrap import AppContext, build
from app.config import load_config
from app.db.models_inventory import Stocktake
from app.domain.money import Money
from app.domain.pricing import ManualDiscount
from app.domain.quantity import Quantity
from app.services.audit import AuditFilter
from app.services.auth import StaffMember
from app.services.errors import NotAllowed
from app.services.inventory.products import BulkPriceChange
from app.services.inventory.purchasing import OrderLineInput
from app.services.inventory.services import InventoryServices
from app.services.permissions import Permission, PermissionDenied, RoleSpec
from app.services.returns import ReturnsService
from app.services.staff_rules import NobodyLoggedIn

COLA = "6928804557480"  # demo catalog: 可口可乐 330ml罐装, ¥3.50
MANAGER, MANAGER_PIN = "9001", "9999"


@dataclass
class Till:
    ctx: AppContext
    inventory: InventoryServices
    returns: ReturnsService
    manager: StaffMember
    trainee: StaffMember  # a role that grants nothing
    tmp: Any

    def __getattr__(self, name: str):
        return getattr(self.ctx, name)

    def open_shift(self) -> None:
        if self.shifts.current() is None:
            self.shifts.open_shift(self.manager, Money(50_000))

    def cash_sale(self):
        """A sale the manager rings up: (sale id, its first line id)."""
        self.open_shift()
        self.checkout.start_sale(self.manager)
        self.checkout.add_code(COLA)
        sale = self.checkout.pay_cash("")
        line_id = self.returns.find(sale.receipt_no).lines[0].sale_line_id
        return sale.sale_id, line_id

    def cola_id(self) -> str:
        return self.catalog.product_for_code(COLA).product_id


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """One migrated demo store with a trainee, copied for each test (a build with the demo
    load takes seconds; a copy does not)."""
    folder = tmp_path_factory.mktemp("till-template")
    ctx = build(load_config(env={}, overrides={"data_dir": folder}))
    try:
        manager = ctx.auth.login(MANAGER, MANAGER_PIN)
        ctx.perms.save_role(manager, RoleSpec("trainee", "Trainee", 0, frozenset()))
        ctx.staff_admin.save_staff(manager, "2001", "实习生", "trainee", pin="2468")
    finally:
        ctx.close()
    return folder


@pytest.fixture
def till(template, tmp_path, clock):
    folder = tmp_path / "till"
    shutil.copytree(template, folder)
    ctx = build(load_config(env={}, overrides={"data_dir": folder}), clock)
    inventory = InventoryServices.build(ctx.engine, ctx.sessions, ctx.terminal, ctx.clock, ctx.rules)
    returns = ReturnsService(ctx.sessions, ctx.terminal, ctx.clock, ctx.checkout.payments,
                             guard=ctx.checkout.guard)
    yield Till(ctx, inventory, returns, ctx.auth.login(MANAGER, MANAGER_PIN),
               ctx.auth.login("2001", "2468"), tmp_path)
    ctx.close()


# --- one guarded call per case: prepare(till, actor) -> attempt(approver) ------------------
Attempt = Callable[[Any], Any]


def _in_a_sale(t: Till, actor: StaffMember):
    t.open_shift()
    t.checkout.start_sale(actor)
    return t.checkout.add_code(COLA)


def price_override(t, actor) -> Attempt:
    line = _in_a_sale(t, actor)
    return lambda ok: t.checkout.set_price(line.line_id, Money(300), approver=ok)


def discount_above_limit(t, actor) -> Attempt:
    line = _in_a_sale(t, actor)
    return lambda ok: t.checkout.set_line_discount(
        line.line_id, ManualDiscount.percent(Decimal(20)), approver=ok)


def void_line(t, actor) -> Attempt:
    line = _in_a_sale(t, actor)
    return lambda ok: t.checkout.remove_line(line.line_id, "scanned twice", approver=ok)


def cancel_sale(t, actor) -> Attempt:
    _in_a_sale(t, actor)
    return lambda ok: t.checkout.cancel_sale("customer left", approver=ok)


def refund(t, actor) -> Attempt:
    sale_id, line_id = t.cash_sale()
    return lambda ok: t.returns.refund(sale_id, [(line_id, Quantity.units(1))], actor, approver=ok)


def refund_without_receipt(t, actor) -> Attempt:
    t.open_shift()
    cola = t.catalog.product_for_code(COLA)
    return lambda ok: t.returns.refund_without_receipt([(cola, Quantity.units(1))], actor,
                                                       reason="no receipt", approver=ok)


def open_drawer(t, actor) -> Attempt:
    return lambda ok: t.drawer.open("no sale", actor, ok)


def reprint(t, actor) -> Attempt:
    sale_id, _ = t.cash_sale()
    return lambda ok: t.receipts.reprint(sale_id, actor, approver=ok)


def stock_adjustment(t, actor) -> Attempt:
    cola = t.cola_id()
    return lambda ok: t.inventory.stock.adjust(cola, 2000, "damaged", "dropped", actor, ok)


def stocktake_post(t, actor) -> Attempt:
    take = t.inventory.stocktake.start(["饮料"])
    t.inventory.stocktake.count(take, COLA, 5000)
    return lambda ok: t.inventory.stocktake.post(take, actor, ok)


def over_receipt(t, actor) -> Attempt:
    purchasing = t.inventory.purchasing
    supplier = purchasing.add_supplier("SUP1", "华润批发")
    order = purchasing.create_order(supplier, [OrderLineInput(t.cola_id(), 1000, 150)])
    purchasing.send(order)
    receiving = purchasing.start_receiving(order)
    purchasing.scan(receiving, COLA)
    purchasing.scan(receiving, COLA)
    return lambda ok: purchasing.post_receiving(receiving, True, actor, ok)


def product_save(t, actor) -> Attempt:
    draft = t.inventory.products.get(t.cola_id())
    return lambda ok: t.inventory.products.save(replace(draft, retail_fen=390), actor, ok)


def product_deactivate(t, actor) -> Attempt:
    cola = t.cola_id()
    return lambda ok: t.inventory.products.set_active(cola, False, actor, ok)


def product_variants(t, actor) -> Attempt:
    from app.services.inventory.products import ProductDraft
    base = ProductDraft(sku_code="TS01", name="T恤", retail_fen=5900, category_path="服装")
    return lambda ok: t.inventory.products.create_variants(base, ["白"], ["M", "L"], actor, ok)


def bulk_price(t, actor) -> Attempt:
    change = BulkPriceChange(percent_bp=1000, category_code="饮料")
    return lambda ok: t.inventory.products.bulk_price_change(change, actor, ok)


def product_import(t, actor) -> Attempt:
    path = t.tmp / "new.csv"
    path.write_text("sku_code,name,retail_price\nZ9001,好丽友 派,12.50\n", encoding="utf-8")
    return lambda ok: t.inventory.importer.run(path, actor=actor, approver=ok)


def manage_staff(t, actor) -> Attempt:
    return lambda ok: t.staff_admin.save_staff(actor, "2002", "新同事", "cashier", pin="1357",
                                               approver=ok)


def manage_roles(t, actor) -> Attempt:
    spec = RoleSpec("stock_clerk", "Stock clerk", 0, frozenset({Permission.STOCK_ADJUSTMENT}))
    return lambda ok: t.perms.save_role(actor, spec, ok)


def device_settings(t, actor) -> Attempt:
    return lambda ok: t.devices.apply("display", "sim://", actor, ok)


def open_shift(t, actor) -> Attempt:
    return lambda ok: t.shifts.open_shift(actor, Money(20_000), ok)


def close_shift(t, actor) -> Attempt:
    t.open_shift()
    return lambda ok: t.shifts.close_shift(actor, {10_000: 5}, approver=ok)


def x_report(t, actor) -> Attempt:
    t.open_shift()
    return lambda ok: t.shifts.x_report(actor, ok)


def pay_in(t, actor) -> Attempt:
    t.open_shift()
    return lambda ok: t.shifts.pay_in(actor, Money(5_000), "银行换零钱", ok)


def safe_drop(t, actor) -> Attempt:
    t.open_shift()
    return lambda ok: t.shifts.safe_drop(actor, Money(20_000), "", ok)


def member_edit(t, actor) -> Attempt:
    from app.db.models_members import Member
    from app.services.members.members import MemberEdit
    with t.sessions() as s:
        member_id = s.scalars(select(Member.id).order_by(Member.card_no).limit(1)).one()
    return lambda ok: t.members.members.edit(member_id, MemberEdit(tags="VIP"), actor, ok)


def audit_export(t, actor) -> Attempt:
    return lambda ok: t.staff_admin.export_audit(actor, io.StringIO(), approver=ok)


# case id: (permission, prepare, audit action the approved call records)
CASES: dict[str, tuple[Permission, Callable[[Till, StaffMember], Attempt], str]] = {
    "price_override": (Permission.PRICE_OVERRIDE, price_override, "sale.price_override"),
    "discount_above_limit": (Permission.DISCOUNT_ABOVE_LIMIT, discount_above_limit, "sale.discount"),
    "void_line": (Permission.VOID_LINE, void_line, "sale.void_line"),
    "cancel_sale": (Permission.CANCEL_SALE, cancel_sale, "sale.cancel"),
    "refund": (Permission.REFUND, refund, "refund"),
    "refund_without_receipt": (Permission.REFUND_WITHOUT_RECEIPT, refund_without_receipt, "refund"),
    "open_drawer": (Permission.OPEN_DRAWER, open_drawer, "drawer.open"),
    "reprint": (Permission.REPRINT, reprint, "receipt.reprint"),
    "stock_adjustment": (Permission.STOCK_ADJUSTMENT, stock_adjustment, "stock.adjustment"),
    "stocktake_post": (Permission.STOCK_ADJUSTMENT, stocktake_post, "stock.stocktake_posted"),
    "over_receipt": (Permission.STOCK_ADJUSTMENT, over_receipt, "stock.over_receipt"),
    "product_save": (Permission.EDIT_PRODUCTS, product_save, "product.edit"),
    "product_deactivate": (Permission.EDIT_PRODUCTS, product_deactivate, "product.edit"),
    "product_variants": (Permission.EDIT_PRODUCTS, product_variants, "product.edit"),
    "bulk_price": (Permission.EDIT_PRODUCTS, bulk_price, "product.bulk_price"),
    "product_import": (Permission.EDIT_PRODUCTS, product_import, "product.import"),
    "manage_staff": (Permission.MANAGE_STAFF, manage_staff, "staff.changed"),
    "manage_roles": (Permission.MANAGE_STAFF, manage_roles, "role.changed"),
    "device_settings": (Permission.DEVICE_SETTINGS, device_settings, "settings.changed"),
    "open_shift": (Permission.OPEN_SHIFT, open_shift, "shift.opened"),
    "close_shift": (Permission.CLOSE_SHIFT, close_shift, "shift.closed"),
    "x_report": (Permission.VIEW_REPORTS, x_report, "shift.x_report"),
    "pay_in": (Permission.PAY_IN_OUT, pay_in, "cash.movement"),
    "safe_drop": (Permission.SAFE_DROP, safe_drop, "cash.movement"),
    "audit_export": (Permission.VIEW_AUDIT, audit_export, "audit.exported"),
    "member_edit": (Permission.EDIT_MEMBERS, member_edit, "member.edit"),
}


def test_every_permission_has_a_service_call_under_test():
    assert {permission for permission, _, _ in CASES.values()} == set(Permission)


def _entries(t: Till, action: str):
    return [e for e in t.audit.entries(AuditFilter(action_prefix=action, limit=10_000))
            if e.action == action]


@pytest.mark.parametrize("case", list(CASES))
def test_refused_without_the_permission_then_done_with_a_managers_approval(till, case):
    permission, prepare, action = CASES[case]
    attempt = prepare(till, till.trainee)
    before = len(_entries(till, action))
    with pytest.raises(PermissionDenied) as refused:
        attempt(None)
    assert refused.value.permission == permission
    assert refused.value.message.startswith("实习生 may not")
    assert len(_entries(till, action)) == before  # refused: the action was not recorded
    approval = till.perms.approve(permission, MANAGER, MANAGER_PIN)
    attempt(approval)
    entry = _entries(till, action)[0]
    assert (entry.actor_code, entry.approver_code) == ("2001", MANAGER)
    assert entry.details["permission"] == permission.value


@pytest.mark.parametrize("case", list(CASES))
def test_done_directly_by_someone_whose_role_holds_the_permission(till, case):
    permission, prepare, action = CASES[case]
    assert till.perms.has(till.manager, permission)
    prepare(till, till.manager)(None)
    if case == "discount_above_limit":
        # within the manager's own role limit a discount is an ordinary sale change:
        # it applies, and only discounts needing someone else's approval are audited
        assert till.checkout.draft.total == Money(280)
        return
    entry = _entries(till, action)[0]
    assert (entry.actor_code, entry.approver_code) == (MANAGER, "")
    assert till.audit.verify_chain().ok


# --- what a refusal leaves behind --------------------------------------------------------

def test_a_refused_stock_change_leaves_the_stock_and_the_stocktake_as_they_were(till):
    cola = till.cola_id()
    on_hand = till.inventory.stock.level(cola).on_hand_milli
    with pytest.raises(PermissionDenied):
        stock_adjustment(till, till.trainee)(None)
    attempt = stocktake_post(till, till.trainee)
    with pytest.raises(PermissionDenied):
        attempt(None)
    assert till.inventory.stock.level(cola).on_hand_milli == on_hand
    with till.sessions() as s:
        assert s.scalars(select(Stocktake.status)).all() == ["counting"]
    denied = till.audit.entries(AuditFilter(action_prefix="permission.denied"))
    assert [e.subject for e in denied[:2]] == ["stock_adjustment", "stock_adjustment"]


def test_a_refused_product_edit_and_settings_change_change_nothing(till):
    price = till.catalog.product_for_code(COLA).unit_price
    with pytest.raises(PermissionDenied):
        product_save(till, till.trainee)(None)
    with pytest.raises(PermissionDenied):
        device_settings(till, till.trainee)(None)
    assert till.catalog.product_for_code(COLA).unit_price == price
    assert till.devices.settings.urls()["display"] == "none://"
    assert till.devices.display is None  # the device was not even opened


def test_a_refused_drawer_stays_shut_and_the_attempt_is_logged(till):
    with pytest.raises(PermissionDenied):
        open_drawer(till, till.trainee)(None)
    kicks = till.drawer.kicks()
    assert [(k.actor, k.allowed, k.opened) for k in kicks] == [("2001", False, False)]


def test_a_settings_change_is_audited_with_before_and_after(till):
    device_settings(till, till.manager)(None)
    entry = _entries(till, "settings.changed")[0]
    assert entry.details["before"] == "none://" and entry.details["after"] == "sim://"
    assert till.devices.settings.urls()["display"] == "sim://"


def test_a_refused_member_edit_changes_nothing_and_an_approved_one_is_audited(till):
    from app.db.models_members import Member
    attempt = member_edit(till, till.trainee)
    with pytest.raises(PermissionDenied, match="may not edit members"):
        attempt(None)
    with till.sessions() as s:
        assert "VIP" not in s.scalars(select(Member.tags)).all()
    attempt(till.perms.approve(Permission.EDIT_MEMBERS, MANAGER, MANAGER_PIN))
    with till.sessions() as s:
        assert s.scalars(select(Member.tags)).all().count("VIP") == 1
    entry = _entries(till, "member.edit")[0]
    assert entry.details["tags"] == "VIP" and entry.approver_code == MANAGER


def test_nobody_logged_in_may_do_nothing_guarded(till):
    cola = till.cola_id()
    with pytest.raises(NobodyLoggedIn):
        till.inventory.stock.adjust(cola, 1000, "damaged")
    with pytest.raises(NobodyLoggedIn):
        till.drawer.open("no sale", None)
    with pytest.raises(NobodyLoggedIn):
        till.devices.apply("display", "sim://")


def test_an_approval_for_one_thing_does_not_open_another(till):
    approval = till.perms.approve(Permission.OPEN_DRAWER, MANAGER, MANAGER_PIN)
    with pytest.raises(NotAllowed, match="for something else"):
        stock_adjustment(till, till.trainee)(approval)


def test_reports_refuse_someone_without_view_reports(till):
    from app.services.reports import ReportService

    reports = ReportService(till.sessions, till.terminal, till.clock,
                            lambda who: till.perms.require(who, Permission.VIEW_REPORTS))
    with pytest.raises(PermissionDenied):
        reports.figures(reports.today_period(), actor=till.trainee)
    assert reports.figures(reports.today_period(), actor=till.manager) is not None
