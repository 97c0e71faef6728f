"""At the till, with a real cloud: the stock of the merchant's other stores for a scanned
product, a ship-from-store order for the customer, and a clear refusal when offline."""
from datetime import datetime, timezone

import pytest

from app.domain.money import Money
from app.domain.quantity import Quantity
from app.services.channel_stock import CrossStoreStock, NeedsNetwork, ShipRequest
from app.sync.models import SyncCredential
from tests.cloud.channel_helpers import make_shop
from tests.cloud.fixtures import cloud_db, cloud_server, tenant  # noqa: F401
from tests.cloud.harness import free_port, make_tenant
from tests.cloud.test_channel_stores import _stock
from tests.factories import COLA
from tests.sync.tills import make_till


def _enrol(sessions, tenant, base_url=None):
    with sessions.begin() as s:
        s.add(SyncCredential(id=1, base_url=base_url or tenant.base_url, store_code=tenant.store,
                             terminal_code=tenant.terminal, token=tenant.token,
                             enrolled_at=datetime.now(timezone.utc)))


@pytest.fixture
def stores(engine, sessions, clock, cloud_db, tenant):
    shop = make_shop(cloud_db.database, tenant)
    other = make_tenant(cloud_db.database, tenant.base_url, merchant=tenant.merchant)
    _stock(cloud_db.database, other, other.store, "D0001", 6000)
    till = make_till(engine, sessions, clock, tenant)
    yield shop, other, CrossStoreStock(sessions, till.catalog)
    till.client.close()


def test_a_scanned_product_shows_the_other_stores_stock(sessions, stores, tenant):
    _, other, lookup = stores
    _enrol(sessions, tenant)
    found = lookup.lookup(COLA)
    assert (found.sku_code, found.name) == ("D0001", "可口可乐 330ml罐装")
    [store] = found.stores
    assert (store.store, store.available, store.on_hand) == (other.store, Quantity(6000),
                                                              Quantity(6000))


def test_a_ship_from_store_order_is_made_once(sessions, stores, tenant):
    shop, other, lookup = stores
    _enrol(sessions, tenant)
    request = ShipRequest("req-0001", other.store, "D0001", Quantity.units(3), Money(350),
                          "138 0013 8000", "王芳", "北京市朝阳区望京西路 1 号")
    order = lookup.ship_from_store(request)
    assert (order.store, order.paid) == (other.store, Money(1050))
    assert lookup.ship_from_store(request).order_id == order.order_id  # a retry: same order
    cloud = shop.order(order.order_id)
    assert (cloud["channel"], cloud["fulfilment"], cloud["member"]["phone"]) == (
        "in_store", "ship", "13800138000")


def test_offline_the_lookup_says_it_needs_the_network(sessions, stores, tenant):
    _, _, lookup = stores
    with pytest.raises(NeedsNetwork, match="not connected to a cloud"):
        lookup.lookup(COLA)
    _enrol(sessions, tenant, base_url=f"http://127.0.0.1:{free_port()}")  # nobody listens
    with pytest.raises(NeedsNetwork, match="needs the network"):
        lookup.lookup(COLA)
