"""End to end with a real cloud server: an online order with a share code is submitted
through the channel API, synced to its store, accepted, picked, made ready, handed over
by pickup code offline, pushed, and completed in the cloud with stock right everywhere."""
from datetime import datetime, timedelta, timezone

import pytest
import requests
from sqlalchemy import func, select

from app.db.models import Product, StockMovement
from app.services.auth import AuthService
from app.services.channel_orders import ChannelOrderService
from app.services.context import load_context
from app.services.errors import StateError
from app.services.members.commission import CommissionService, RuleData
from app.services.members.members import MemberService, Registration
from app.services.members.profile import ProfileService
from tests.cloud.channel_helpers import make_shop
from tests.cloud.fixtures import cloud_db, cloud_server, tenant  # noqa: F401
from tests.cloud.harness import HTTP_TIMEOUT
from tests.factories import CHIPS, COLA
from tests.sync.tills import make_till


@pytest.fixture
def store(engine, sessions, clock, cloud_db, tenant):
    shop = make_shop(cloud_db.database, tenant)
    till = make_till(engine, sessions, clock, tenant)
    ctx = load_context(sessions, tenant.store, tenant.terminal)
    service = ChannelOrderService(sessions, ctx, clock, till.catalog)
    staff = AuthService(sessions, ctx.store_id).login("1001", "1111")
    yield shop, till, service, staff, ctx
    till.client.close()


def _till_on_hand(sessions, store_id: str, sku: str) -> int:
    with sessions() as s:
        return s.scalar(select(func.coalesce(func.sum(StockMovement.quantity_milli), 0))
                        .join(Product, Product.id == StockMovement.product_id)
                        .where(StockMovement.store_id == store_id, Product.sku_code == sku))


def test_an_online_order_is_fulfilled_at_the_store_and_completed_in_the_cloud(sessions, clock,
                                                                             store):
    shop, till, service, staff, ctx = store
    # the customer joined at this store before she ordered online with the same phone
    member = MemberService(sessions, ctx, clock).register(
        Registration(phone="13800138000", name="王芳", birthday=None, consent=True))
    # the manager's commission rule reaches the cloud with the next push
    CommissionService(sessions, clock).save(RuleData("", "全场 3%", "percent", rate_bp=300),
                                            allowed=True)
    assert till.client.push_once().accepted == 2
    share = requests.post(f"{shop.base}/admin/salespeople/S-LI/share-codes",
                          headers=shop.tenant.headers(admin=True), timeout=HTTP_TIMEOUT).json()
    body = shop.order_body("MP-20261125-1", lines=[("D0001", 2000), ("S0001", 1000)],
                           share_code=share["code"])
    submitted = shop.submit(body)
    assert submitted.status_code == 201
    assert shop.submit(body).status_code == 200  # the channel retried: still one order
    order_id = submitted.json()["id"]

    till.client.pull_once()
    [order] = service.list_orders()
    assert (order.id, order.status, order.salesperson_code) == (order_id, "new", "S-LI")
    cola_before = _till_on_hand(sessions, ctx.store_id, "D0001")

    # offline from here on: nothing is pushed until the end
    service.accept(order_id, staff)
    service.start_picking(order_id, staff)
    for code in (COLA, COLA, CHIPS):
        service.scan(order_id, code)
    pickup_code = service.mark_ready(order_id, staff).pickup_code
    assert service.hand_over(pickup_code, staff).status == "completed"
    assert _till_on_hand(sessions, ctx.store_id, "D0001") == cola_before - 2000

    pushed = till.client.push_once()
    assert (pushed.accepted, pushed.rejected) == (5, 0)
    cloud = shop.order(order_id)
    assert cloud["status"] == "completed" and cloud["pickup_code"] == pickup_code
    assert [h["to_status"] for h in cloud["history"]] == [
        "new", "accepted", "picking", "ready", "picked_up", "completed"]
    assert cloud["history"][-1]["actor"] == f"{ctx.store_code}/{ctx.terminal_code}/1001"
    stock = shop.stock()
    assert stock["on_hand_milli"] == {"D0001": 8000, "S0001": 9000}
    assert stock["reserved_milli"] == {}
    assert stock["available_milli"] == {"D0001": 8000, "S0001": 9000}
    sales = requests.get(f"{shop.base}/admin/salespeople/S-LI/channel-sales",
                         headers=shop.tenant.headers(admin=True), timeout=HTTP_TIMEOUT).json()
    assert sales["channels"] == {"mini_program": {"orders": 1, "paid_fen": 1490}}

    till.client.pull_once()  # the cloud's own record of the moves comes back: no change
    assert service.get(order_id).status == "completed"
    _member_history_shows_the_order(sessions, clock, member.id, order_id, "MP-20261125-1")
    _salesperson_report_credits_the_order(shop)


def _member_history_shows_the_order(sessions, clock, member_id: str, order_id: str,
                                    external_id: str) -> None:
    """The till matched the online order to its member by phone: her profile lists it."""
    recent = ProfileService(sessions, clock).profile(member_id).recent
    [online] = [p for p in recent if p.sale_id == order_id]
    assert (online.receipt_no, online.channel, online.status, online.total.fen) == (
        external_id, "mini_program", "completed", 1490)


def _salesperson_report_credits_the_order(shop) -> None:
    """Head office's salesperson ranking credits S-LI with the fulfilled order (2 cola at
    3.50 + 1 chips at 7.90 = 14.90 paid) and the commission the till's 3 % rule gives
    it: 3 % of 7.00 = 0.21 + 3 % of 7.90 = 0.237 -> 0.24, 0.45 in all."""
    today = datetime.now(timezone.utc).date()
    period = {"first": (today - timedelta(days=1)).isoformat(),
              "last": (today + timedelta(days=1)).isoformat()}
    answer = requests.get(f"{shop.base}/admin/reports/salespeople", params=period,
                          headers=shop.tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    [li] = [r for r in answer.json()["rows"] if r["salesperson"] == "S-LI"]
    assert (li["channel_orders"], li["channel_sales_fen"], li["channel_units_milli"]) == (
        1, 1490, 3000)
    assert (li["net_sales_fen"], li["orders"], li["commission_fen"]) == (1490, 1, 45)


def test_a_move_the_cloud_refuses_is_corrected_at_the_till(sessions, store):
    shop, till, service, staff, _ = store
    order_id = shop.submit(shop.order_body()).json()["id"]
    till.client.pull_once()
    service.accept(order_id, staff)  # offline, while the customer cancels online
    assert shop.move(order_id, "cancelled", as_channel=True, reason="不要了").status_code == 200
    till.client.pull_once()
    assert service.get(order_id).status == "accepted"  # its own move is still queued
    pushed = till.client.push_once()
    assert pushed.rejected == 1
    till.client.pull_once()
    view = service.get(order_id)
    assert (view.status, view.reason) == ("cancelled", "不要了")
    with pytest.raises(StateError):
        service.start_picking(order_id, staff)
    assert shop.stock()["reserved_milli"] == {}


def test_a_customer_new_to_the_merchant_becomes_a_member_every_till_finds(sessions, clock,
                                                                          store):
    """She ordered online with a phone no store knows: after the next sync the till finds
    her by that phone, as one member however many orders she placed."""
    shop, till, _service, _staff, ctx = store
    members = MemberService(sessions, ctx, clock)
    body = shop.order_body("MP-NEW-1", phone="+8613900139000", lines=[("S0001", 1000)])
    body["member"]["name"] = "陈静"
    assert shop.submit(body).status_code == 201
    assert shop.submit(shop.order_body("MP-NEW-2", phone="13900139000")).status_code == 201
    till.client.pull_once()
    found = members.find_by_phone("13900139000")
    assert (found.name, found.phone, found.level_code) == ("陈静", "13900139000", "MEMBER")
    assert len(members.lookup("13900139000")) == 1  # her second order made no second member
    # her online orders arrived in the same pull as her membership: both are on her profile
    recent = ProfileService(sessions, clock).profile(found.id).recent
    assert sorted(p.receipt_no for p in recent if p.channel != "store") == ["MP-NEW-1", "MP-NEW-2"]
