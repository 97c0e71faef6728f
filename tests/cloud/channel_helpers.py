"""Helpers for channel-order tests: a channel token, a catalog, opening stock, calls."""
from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime, timezone

import requests
from sqlalchemy import insert

from cloud import channel_codes
from cloud.models import StockMovement, Store
from tests.cloud.harness import HTTP_TIMEOUT, Tenant
from tests.factories import CHIPS, COLA

PRODUCTS = {"D0001": ("可口可乐 330ml罐装", 350), "S0001": ("乐事 原味薯片 70g", 790)}
BARCODES = {"D0001": [COLA], "S0001": [CHIPS]}  # as tests.factories has them on the till


@dataclass
class Shop:
    tenant: Tenant
    channel_token: str
    channel: str = "mini_program"

    @property
    def base(self) -> str:
        return self.tenant.base_url + "/api/v1"

    def channel_headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.channel_token}"}

    def order_body(self, external_id: str | None = None, lines=(("D0001", 2000),),
                   fulfilment: str = "pickup", phone: str = "13800138000", **extra) -> dict:
        order_lines = [{"sku": sku, "quantity_milli": qty, "unit_price_fen": PRODUCTS[sku][1]}
                       for sku, qty in lines]
        goods = sum(PRODUCTS[sku][1] * qty // 1000 for sku, qty in lines)
        body = {"channel": self.channel, "external_id": external_id or uuid.uuid4().hex,
                "store": self.tenant.store, "fulfilment": fulfilment,
                "member": {"phone": phone, "name": "王芳"}, "lines": order_lines,
                "paid_fen": goods - extra.get("discount_fen", 0) + extra.get("delivery_fen", 0)}
        body.update(extra)
        return body

    def submit(self, body: dict) -> requests.Response:
        return requests.post(self.base + "/channel/orders", json=body,
                             headers=self.channel_headers(), timeout=HTTP_TIMEOUT)

    def move(self, order_id: str, to: str, as_channel: bool = False, **fields) -> requests.Response:
        headers = self.channel_headers() if as_channel else self.tenant.headers()
        return requests.post(f"{self.base}/channel/orders/{order_id}/transitions",
                             json={"to": to, **fields}, headers=headers, timeout=HTTP_TIMEOUT)

    def order(self, order_id: str) -> dict:
        answer = requests.get(f"{self.base}/channel/orders/{order_id}",
                              headers=self.tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def stock(self) -> dict:
        answer = requests.get(f"{self.base}/stores/{self.tenant.store}/stock",
                              headers=self.tenant.headers(), timeout=HTTP_TIMEOUT)
        assert answer.status_code == 200, answer.text
        return answer.json()


def make_shop(database, tenant: Tenant, channel: str = "mini_program",
              opening_milli: int = 10_000) -> Shop:
    """Catalog in the cloud, opening stock of each product at the tenant's store."""
    now = datetime.now(timezone.utc)
    answer = requests.post(tenant.base_url + "/api/v1/admin/products",
                           headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT,
                           json=[{"sku": sku, "name": name, "price_fen": price,
                                  "barcodes": BARCODES[sku]}
                                 for sku, (name, price) in PRODUCTS.items()])
    assert answer.status_code == 200, answer.text
    with database.write() as conn:
        token = channel_codes.create_channel(conn, tenant.merchant, channel, now)
        store_id = conn.scalar(Store.__table__.select().with_only_columns(Store.id)
                               .where(Store.code == tenant.store))
        conn.execute(insert(StockMovement), [dict(
            merchant_id=tenant.merchant_id, store_id=store_id, sku_code=sku,
            quantity_milli=opening_milli, kind="opening", event_id=str(uuid.uuid4()),
            created_at=now) for sku in PRODUCTS])
    return Shop(tenant, token, channel)
