"""Cross-store stock for a till (only its own merchant's stores), ship-from-store orders
placed by a till, and group-buy orders carrying their group."""
import uuid
from datetime import datetime, timezone

import requests
from sqlalchemy import insert, select

from cloud.models import StockMovement, Store
from tests.cloud.channel_helpers import make_shop
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant


def _stock(database, tenant, store_code: str, sku: str, milli: int) -> None:
    with database.write() as conn:
        store_id = conn.scalar(select(Store.id).where(Store.code == store_code))
        conn.execute(insert(StockMovement).values(
            merchant_id=tenant.merchant_id, store_id=store_id, sku_code=sku,
            quantity_milli=milli, kind="opening", event_id=str(uuid.uuid4()),
            created_at=datetime.now(timezone.utc)))


def _lookup(tenant, sku: str, admin: bool = False) -> requests.Response:
    return requests.get(f"{tenant.base_url}/api/v1/channel/stock/{sku}",
                        headers=tenant.headers(admin=admin), timeout=HTTP_TIMEOUT)


def test_a_till_sees_its_merchants_other_stores_minus_reservations(cloud_db, tenant):
    shop = make_shop(cloud_db.database, tenant)               # store A: 10 of each
    other = make_tenant(cloud_db.database, tenant.base_url, merchant=tenant.merchant)  # store B
    stranger = make_tenant(cloud_db.database, tenant.base_url)  # another merchant's store
    _stock(cloud_db.database, other, other.store, "D0001", 6000)
    _stock(cloud_db.database, stranger, stranger.store, "D0001", 99_000)
    # an accepted order at B reserves 2 of its 6
    body = shop.order_body(store=other.store)
    order_id = shop.submit(body).json()["id"]
    assert requests.post(f"{shop.base}/channel/orders/{order_id}/transitions",
                         json={"to": "accepted"}, headers=other.headers(),
                         timeout=HTTP_TIMEOUT).status_code == 200

    answer = _lookup(tenant, "D0001")
    assert answer.status_code == 200, answer.text
    found = answer.json()
    assert found["name"] == "可口可乐 330ml罐装" and found["price_fen"] == 350
    assert found["stores"] == [{"store": other.store, "name": "测试店", "on_hand_milli": 6000,
                                "reserved_milli": 2000, "available_milli": 4000}]
    # seen from B, store A is the other store, with its full 10
    assert [(s["store"], s["available_milli"]) for s in _lookup(other, "D0001").json()["stores"]] \
        == [(tenant.store, 10_000)]
    # the other merchant's till sees neither A nor B, and not even the SKU
    assert _lookup(stranger, "D0001").status_code == 404


def test_lookup_needs_a_terminal_token_and_a_known_sku(cloud_db, tenant):
    make_shop(cloud_db.database, tenant)
    assert _lookup(tenant, "D0001", admin=True).status_code == 403
    assert requests.get(f"{tenant.base_url}/api/v1/channel/stock/D0001",
                        timeout=HTTP_TIMEOUT).status_code == 401
    missing = _lookup(tenant, "NOPE")
    assert missing.status_code == 404 and "NOPE" in missing.json()["detail"]


def test_a_till_orders_for_another_store_to_ship_once(cloud_db, tenant):
    shop = make_shop(cloud_db.database, tenant)
    other = make_tenant(cloud_db.database, tenant.base_url, merchant=tenant.merchant)
    body = {"external_id": str(uuid.uuid4()), "store": other.store, "fulfilment": "ship",
            "member": {"phone": "13900139000", "name": "李雷"},
            "lines": [{"sku": "D0001", "quantity_milli": 3000, "unit_price_fen": 350}],
            "paid_fen": 1050, "address": "上海市徐汇区漕溪北路 1 号"}
    url = f"{tenant.base_url}/api/v1/channel/ship-from-store"
    first = requests.post(url, json=body, headers=tenant.headers(), timeout=HTTP_TIMEOUT)
    assert first.status_code == 201, first.text
    order = first.json()
    assert (order["store"], order["channel"], order["status"], order["fulfilment"]) == (
        other.store, "in_store", "new", "ship")
    assert order["note"] == f"taken at {tenant.store}/{tenant.terminal}"
    again = requests.post(url, json=body, headers=tenant.headers(), timeout=HTTP_TIMEOUT)
    assert (again.status_code, again.json()["id"]) == (200, order["id"])
    # a store of another merchant is not a store it can order from
    stranger = make_tenant(cloud_db.database, tenant.base_url)
    refused = requests.post(url, json={**body, "external_id": "x", "store": stranger.store},
                            headers=tenant.headers(), timeout=HTTP_TIMEOUT)
    assert refused.status_code == 422
    assert shop.order(order["id"])["member"]["phone"] == "13900139000"


def test_a_group_buy_order_keeps_its_group(cloud_db, tenant):
    shop = make_shop(cloud_db.database, tenant, channel="group_buy")
    answer = shop.submit(shop.order_body(group_id="GRP-望京-07"))
    assert answer.status_code == 201, answer.text
    assert shop.order(answer.json()["id"])["group_id"] == "GRP-望京-07"
    assert shop.order(shop.submit(shop.order_body()).json()["id"])["group_id"] is None
