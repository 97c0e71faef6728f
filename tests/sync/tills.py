"""A till on a real migrated SQLite file, with a sync client pointed at the cloud."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
import requests

from app.services.auth import AuthService
from app.services.catalog import CatalogService
from app.services.checkout import CheckoutService
from app.services.context import load_context
from app.sync.client import SyncClient
from tests.cloud.harness import HTTP_TIMEOUT, Tenant
from tests.factories import make_store


@dataclass
class Till:
    tenant: Tenant
    checkout: CheckoutService
    catalog: CatalogService
    client: SyncClient
    sessions: object

    def sell(self, *codes: str) -> None:
        for code in codes:
            self.checkout.add_code(code)
        self.checkout.pay_cash("")

    def cloud_stock(self) -> dict[str, int]:
        answer = requests.get(f"{self.tenant.base_url}/api/v1/stores/{self.tenant.store}/stock",
                              headers=self.tenant.headers(), timeout=HTTP_TIMEOUT)
        return answer.json()["on_hand_milli"]

    def put_product(self, sku: str, **fields) -> int:
        answer = requests.put(f"{self.tenant.base_url}/api/v1/admin/products/{sku}",
                              headers=self.tenant.headers(admin=True), json=fields,
                              timeout=HTTP_TIMEOUT)
        assert answer.status_code == 200, answer.text
        return answer.json()["version"]


def make_till(engine, sessions, clock, tenant: Tenant, base_url: str | None = None,
              http=None) -> Till:
    make_store(engine, clock.now(), store_code=tenant.store, terminal_code=tenant.terminal)
    ctx = load_context(sessions, tenant.store, tenant.terminal)
    catalog = CatalogService(engine, ctx.store_id, clock)
    checkout = CheckoutService(sessions, catalog, ctx, clock)
    checkout.start_sale(AuthService(sessions, ctx.store_id).login("1001", "1111"))
    client = SyncClient(sessions, base_url or tenant.base_url, tenant.token, tenant.store,
                        tenant.terminal, clock, http=http, timeout=(3.0, 30.0))
    return Till(tenant, checkout, catalog, client, sessions)


@pytest.fixture
def till(engine, sessions, clock, tenant) -> Till:
    till = make_till(engine, sessions, clock, tenant)
    yield till
    till.client.close()
