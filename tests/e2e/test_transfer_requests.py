"""A transfer request through a real cloud server: store B's cashier, looking at other
stores' stock for a customer, asks store A to send goods; the request comes down the
change log to A's till; A sends the transfer prefilled from it, which fulfils it at A,
in the cloud and at B. Another merchant's till and token never see the request."""
from __future__ import annotations

import pytest
import requests

from app.domain.quantity import Quantity
from app.services.channel_stock import CrossStoreStock
from app.services.channel_transfer_requests import RequestLine, TransferRequests
from app.services.context import load_context
from app.services.catalog import CatalogService
from app.services.errors import InvalidInput, StateError
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant, unique
from tests.e2e.test_transfers_between_stores import StoreTill


class RequestingTill(StoreTill):
    def __init__(self, path, clock, tenant):
        super().__init__(path, clock, tenant)
        ctx = load_context(self.sessions, tenant.store, tenant.terminal)
        stock = CrossStoreStock(self.sessions, CatalogService(self.engine, ctx.store_id, clock))
        self.requests = TransferRequests(self.sessions, ctx, stock, self.transfers)

    def cloud_requests(self, tenant=None) -> requests.Response:
        tenant = tenant or self.tenant
        return requests.get(f"{tenant.base_url}/api/v1/stores/{self.tenant.store}"
                            "/transfer-requests", headers=tenant.headers(admin=True),
                            timeout=HTTP_TIMEOUT)


@pytest.fixture
def stores(tmp_path, clock, cloud_db, cloud_server):
    """Stores A and B of one merchant, and store C of another merchant, each with a till."""
    first = make_tenant(cloud_db.database, cloud_server.base_url)
    second = make_tenant(cloud_db.database, cloud_server.base_url, store=unique("S", 12),
                         merchant=first.merchant)
    stranger = make_tenant(cloud_db.database, cloud_server.base_url, store=unique("S", 12))
    tills = [RequestingTill(tmp_path / f"{name}.sqlite3", clock, tenant)
             for name, tenant in (("a", first), ("b", second), ("c", stranger))]
    yield tills
    for till in tills:
        till.close()


def test_a_request_reaches_the_holding_store_and_sending_fulfils_it(stores):
    a, b, c = stores
    request_id = b.requests.new_request_id()
    wanted = [RequestLine("D0001", "可口可乐 330ml罐装", Quantity.units(6)),
              RequestLine("S0001", "乐事 原味薯片 70g", Quantity.units(2))]
    made = b.requests.request(request_id, a.tenant.store, wanted, note="顾客明天来取",
                              staff_code="1001")
    again = b.requests.request(request_id, a.tenant.store, wanted)  # a retry: same request
    assert again.id == made.id and not made.fulfilled
    assert [r.id for r in b.requests.made_here()] == [request_id]

    a.client.pull_once()
    [asked] = a.requests.to_send()
    assert (asked.id, asked.to_store, asked.note) == (request_id, b.tenant.store, "顾客明天来取")
    assert [(l.sku_code, l.quantity.milli) for l in asked.lines] == [("D0001", 6000),
                                                                    ("S0001", 2000)]
    assert asked.requested_by.endswith("/1001")
    assert a.requests.prefill(request_id) == {a.product("D0001"): 6000, a.product("S0001"): 2000}
    cola_before = a.on_hand("D0001")

    transfer_id = a.requests.fulfil(request_id)
    assert transfer_id == request_id
    assert a.on_hand("D0001") == cola_before - 6000
    assert a.requests.to_send() == []  # fulfilled: no longer waiting to be sent
    assert a.requests.get(request_id).transfer_number.startswith("TR")
    with pytest.raises(StateError, match="already sent"):
        a.requests.fulfil(request_id)

    a.client.push_once()
    [in_cloud] = b.cloud_requests().json()["requests"]
    assert (in_cloud["status"], in_cloud["from_store"], in_cloud["to_store"]) == (
        "fulfilled", a.tenant.store, b.tenant.store)
    b.client.pull_once()
    fulfilled = b.requests.get(request_id)
    assert fulfilled.fulfilled and fulfilled.transfer_number == in_cloud["transfer_number"]
    [incoming] = b.transfers.incoming()
    assert (incoming.id, incoming.status) == (request_id, "in_transit")

    c.client.pull_once()  # another merchant's till
    assert c.requests.to_send() == [] and c.requests.made_here() == []
    assert b.cloud_requests(tenant=c.tenant).status_code == 403


def test_a_store_cannot_ask_a_store_of_another_merchant_or_itself(stores):
    _, b, c = stores
    line = [RequestLine("D0001", "可口可乐 330ml罐装", Quantity.units(1))]
    with pytest.raises(InvalidInput, match="refused the transfer request: no store"):
        b.requests.request(b.requests.new_request_id(), c.tenant.store, line)
    with pytest.raises(InvalidInput, match="another store"):
        b.requests.request(b.requests.new_request_id(), b.tenant.store, line)
    with pytest.raises(InvalidInput, match="above zero"):
        b.requests.request(b.requests.new_request_id(), "X", [
            RequestLine("D0001", "可口可乐", Quantity(0))])
    assert b.cloud_requests().json()["requests"] == []
