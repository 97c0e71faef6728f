"""At the till: channel orders arrive through the change log and are worked offline."""
import json
import uuid

import pytest
from sqlalchemy import func, select

from app.db.models import OutboxEvent, Product, StockMovement
from app.services.auth import AuthService
from app.services.catalog import CatalogService
from app.services.channel_orders import ChannelOrderService
from app.services.context import load_context
from app.services.errors import InvalidInput, NotFound, StateError
from app.sync.apply import apply_changes
from tests.factories import COLA, CHIPS, WATER, make_store


def _order_change(version: int, order_id: str, status: str = "new", store: str = "S001",
                  fulfilment: str = "pickup", **fields) -> dict:
    data = {"id": order_id, "channel": "mini_program", "external_id": f"WX-{version}",
            "store": store, "status": status, "fulfilment": fulfilment,
            "member": {"id": "m1", "phone": "13800138000", "name": "王芳"},
            "goods_fen": 1490, "discount_fen": 0, "delivery_fen": 0, "paid_fen": 1490,
            "share_code": "ABCD2345", "salesperson_code": "S-LI", "pickup_code": "042917",
            "carrier": "", "tracking_no": "", "reason": "", "address": "", "note": "",
            "created_at": "2026-11-25T07:50:00+00:00", "updated_at": "2026-11-25T07:50:00+00:00",
            "lines": [{"line_no": 1, "sku": "D0001", "name": "可口可乐 330ml罐装",
                       "quantity_milli": 2000, "unit_price_fen": 350, "amount_fen": 700},
                      {"line_no": 2, "sku": "S0001", "name": "乐事 原味薯片 70g",
                       "quantity_milli": 1000, "unit_price_fen": 790, "amount_fen": 790}],
            "history": []}
    data.update(fields)
    return {"version": version, "entity": "channel_order", "entity_id": order_id,
            "op": "upsert", "data": data}


@pytest.fixture
def store(engine, sessions, clock):
    ids = make_store(engine, clock.now())
    ctx = load_context(sessions, "S001", "T01")
    catalog = CatalogService(engine, ctx.store_id, clock)
    service = ChannelOrderService(sessions, ctx, clock, catalog)
    staff = AuthService(sessions, ctx.store_id).login("1001", "1111")
    return service, staff, ids


def _apply(engine, clock, *changes):
    with engine.begin() as conn:
        return apply_changes(conn, list(changes), clock.now())


def _events(sessions) -> list[dict]:
    with sessions() as s:
        rows = s.scalars(select(OutboxEvent).where(OutboxEvent.kind == "channel_order.transition")
                         .order_by(OutboxEvent.seq)).all()
        return [json.loads(row.payload) for row in rows]


def _on_hand(sessions, store_id, sku) -> int:
    with sessions() as s:
        return s.scalar(select(func.coalesce(func.sum(StockMovement.quantity_milli), 0))
                        .join(Product, Product.id == StockMovement.product_id)
                        .where(StockMovement.store_id == store_id, Product.sku_code == sku))


def test_only_this_stores_orders_are_kept(engine, clock, store):
    service, _, _ = store
    mine, theirs = str(uuid.uuid4()), str(uuid.uuid4())
    changes = [_order_change(1, mine), _order_change(2, theirs, store="S999")]
    assert _apply(engine, clock, *changes) == 2
    orders = service.list_orders()
    assert [o.id for o in orders] == [mine]
    assert orders[0].paid.fen == 1490 and orders[0].member_phone == "13800138000"
    assert [(line.sku_code, line.quantity.milli) for line in orders[0].lines] == [
        ("D0001", 2000), ("S0001", 1000)]


def test_the_store_works_an_order_offline_to_the_hand_over(engine, sessions, clock, store):
    service, staff, ids = store
    order_id = str(uuid.uuid4())
    _apply(engine, clock, _order_change(1, order_id))
    cola_before = _on_hand(sessions, ids["store"], "D0001")
    service.accept(order_id, staff)
    service.start_picking(order_id, staff)
    with pytest.raises(InvalidInput, match="is not in order"):
        service.scan(order_id, WATER)
    service.scan(order_id, COLA)
    with pytest.raises(StateError, match="Still missing: .*可口可乐.*乐事"):
        service.mark_ready(order_id, staff)
    service.scan(order_id, COLA)
    with pytest.raises(InvalidInput, match="already picked in full"):
        service.scan(order_id, COLA)
    service.scan(order_id, CHIPS)
    ready = service.mark_ready(order_id, staff)
    assert ready.status == "ready" and ready.pickup_code == "042917"
    with pytest.raises(NotFound, match="No order is ready for pickup with code 111111"):
        service.hand_over("111111", staff)
    done = service.hand_over("042917", staff)
    assert done.status == "completed"
    assert [(e["to"], e["actor"]) for e in _events(sessions)] == [
        ("accepted", "1001"), ("picking", "1001"), ("ready", "1001"), ("picked_up", "1001"),
        ("completed", "1001")]
    assert _events(sessions)[3]["pickup_code"] == "042917"
    assert _on_hand(sessions, ids["store"], "D0001") == cola_before - 2000
    assert service.list_orders() == []  # nothing open any more


def test_illegal_moves_are_refused_at_the_till(engine, clock, store):
    service, staff, _ = store
    order_id = str(uuid.uuid4())
    _apply(engine, clock, _order_change(1, order_id))
    with pytest.raises(StateError, match="is new and cannot become ready"):
        service.mark_ready(order_id, staff)
    with pytest.raises(InvalidInput, match="Say why"):
        service.reject(order_id, staff, "  ")
    rejected = service.reject(order_id, staff, "缺货")
    assert (rejected.status, rejected.reason) == ("cancelled", "缺货")
    with pytest.raises(StateError):
        service.accept(order_id, staff)


def test_a_shipment_records_carrier_and_tracking(engine, sessions, clock, store):
    service, staff, _ = store
    order_id = str(uuid.uuid4())
    _apply(engine, clock, _order_change(1, order_id, status="ready", fulfilment="same_city"))
    with pytest.raises(InvalidInput, match="carrier"):
        service.ship(order_id, staff, "", "")
    shipped = service.ship(order_id, staff, "达达", "DD-7788")
    assert (shipped.status, shipped.carrier, shipped.tracking_no) == ("shipped", "达达", "DD-7788")
    assert _events(sessions)[-1]["tracking_no"] == "DD-7788"


def test_queued_local_moves_are_not_undone_by_an_older_cloud_state(engine, sessions, clock,
                                                                   store):
    service, staff, _ = store
    order_id = str(uuid.uuid4())
    _apply(engine, clock, _order_change(1, order_id))
    service.accept(order_id, staff)
    _apply(engine, clock, _order_change(2, order_id, status="new", note="请尽快"))
    view = service.get(order_id)
    assert view.status == "accepted" and view.note == "请尽快"
    with sessions.begin() as s:  # the move reached the cloud
        for event in s.scalars(select(OutboxEvent)):
            event.sent_at = clock.now()
    _apply(engine, clock, _order_change(3, order_id, status="cancelled", reason="顾客取消"))
    assert service.get(order_id).status == "cancelled"
