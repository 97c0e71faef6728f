"""Two tills of one store sell the same goods offline at the same time, then reconnect
together: the cloud's sales and stock are exactly the sum of both."""
from __future__ import annotations

import threading

import pytest
import requests

from app.sync.client import SyncError
from app.sync.outbox import pending_count
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant
from tests.factories import CHIPS, COLA, WATER
from tests.sync.fast_till import till_template, tills  # noqa: F401
from tests.sync.fault_net import FaultProxy
from tests.sync.fault_procs import assert_exactly_once, cloud_books, till_books

pytestmark = pytest.mark.faults
SALES_EACH = 15


@pytest.fixture
def network(cloud_server):
    proxy = FaultProxy(cloud_server.port)
    yield proxy
    proxy.close()


def _sell_offline(till, extra_code, errors):
    try:
        for n in range(1, SALES_EACH + 1):
            till.sell(COLA, extra_code) if n % 3 == 0 else till.sell(COLA)
            if n % 5 == 0:
                try:
                    till.client.push_once()
                    errors.append("a push got through while offline")
                except SyncError:
                    pass  # offline: the sale stays queued
    except Exception as exc:  # noqa: BLE001 - reported by the test thread below
        errors.append(repr(exc))


def _run_together(*targets):
    threads = [threading.Thread(target=t) for t in targets]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)


def test_two_offline_tills_add_up_in_the_cloud(tills, clock, tenant, cloud_db, cloud_server,
                                               network):
    second = make_tenant(cloud_db.database, cloud_server.base_url, store=tenant.store,
                         terminal="T02", merchant=tenant.merchant)
    till_a = tills.make(tenant, clock, base_url=network.base_url, retries=0)
    till_b = tills.make(second, clock, base_url=network.base_url, retries=0)
    network.set_down(True)
    errors: list[str] = []
    _run_together(lambda: _sell_offline(till_a, CHIPS, errors),
                  lambda: _sell_offline(till_b, WATER, errors))
    assert errors == []
    for till in (till_a, till_b):
        with till.sessions() as s:
            assert pending_count(s) == SALES_EACH

    network.set_down(False)
    results = {}
    _run_together(lambda: results.setdefault("a", till_a.client.push_once()),
                  lambda: results.setdefault("b", till_b.client.push_once()))
    assert results["a"].accepted == results["b"].accepted == SALES_EACH

    sales_a, sold_a = till_books(till_a.sessions)
    sales_b, sold_b = till_books(till_b.sessions)
    assert not sales_a & sales_b
    both = {sku: sold_a.get(sku, 0) + sold_b.get(sku, 0) for sku in {*sold_a, *sold_b}}
    assert both == {"D0001": 30_000, "S0001": 5_000, "D0002": 5_000}
    assert_exactly_once(cloud_books(cloud_db.database, tenant), sales_a | sales_b, both)
    stock = requests.get(f"{tenant.base_url}/api/v1/stores/{tenant.store}/stock",
                         headers=tenant.headers(), timeout=HTTP_TIMEOUT).json()
    assert stock["on_hand_milli"] == {sku: -qty for sku, qty in both.items()}
