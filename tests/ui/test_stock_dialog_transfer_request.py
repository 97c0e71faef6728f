"""From the cross-store stock dialog the cashier asks the store that has the goods to
transfer them here; the request is in the cloud for that store, made once."""
from __future__ import annotations

from datetime import datetime, timezone

import requests

from app.services.channel_stock import CrossStoreStock
from app.services.channel_transfer_requests import TransferRequests
from app.services.context import load_context
from app.services.inventory.transfers import TransferService
from app.sync.models import SyncCredential
from tests.cloud.channel_helpers import make_shop
from tests.cloud.fixtures import cloud_db, cloud_server, tenant  # noqa: F401
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant
from tests.cloud.test_channel_stores import _stock
from tests.factories import COLA
from tests.sync.tills import make_till
from ui.channel.stock_dialog import CrossStoreStockDialog, RequestTransferDialog


def test_the_cashier_asks_the_other_store_for_a_transfer(qtbot, engine, sessions, clock, cloud_db,
                                                         tenant):
    make_shop(cloud_db.database, tenant)
    other = make_tenant(cloud_db.database, tenant.base_url, merchant=tenant.merchant)
    _stock(cloud_db.database, other, other.store, "D0001", 6000)
    till = make_till(engine, sessions, clock, tenant)
    with sessions.begin() as s:
        s.add(SyncCredential(id=1, base_url=tenant.base_url, store_code=tenant.store,
                             terminal_code=tenant.terminal, token=tenant.token,
                             enrolled_at=datetime.now(timezone.utc)))
    ctx = load_context(sessions, tenant.store, tenant.terminal)
    stock = CrossStoreStock(sessions, till.catalog)
    asks = TransferRequests(sessions, ctx, stock, TransferService(sessions, ctx, clock))
    dialog = CrossStoreStockDialog(stock, None, asks)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.accept_scan(COLA)
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1, timeout=5000)
    assert not dialog.request_button.isEnabled()  # choose a store first
    dialog.table.selectRow(0)
    assert dialog.request_button.isEnabled()
    form = RequestTransferDialog(other.store, dialog.found, asks.new_request_id(), dialog)
    qtbot.addWidget(form)
    form.quantity.setValue(4)
    form.note.setText("王芳 明天来取")
    dialog.send_request(form)
    qtbot.waitUntil(lambda: "is asked" in dialog.message.text(), timeout=5000)
    assert dialog.message.text() == f"Store {other.store} is asked to send 4 × 可口可乐 330ml罐装 here."
    dialog.grab().save("/tmp/channel_stock_request.png")
    dialog.send_request(form)  # pressed again after a timeout: still one request
    qtbot.waitUntil(lambda: "Sending" not in dialog.message.text(), timeout=5000)
    till.client.close()

    answer = requests.get(f"{tenant.base_url}/api/v1/stores/{other.store}/transfer-requests",
                          headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    [asked] = answer.json()["requests"]
    assert (asked["from_store"], asked["to_store"], asked["status"], asked["note"]) == (
        other.store, tenant.store, "open", "王芳 明天来取")
    assert asked["lines"] == [{"sku": "D0001", "name": "可口可乐 330ml罐装", "quantity_milli": 4000}]
    assert [r.id for r in asks.made_here()] == [asked["id"]]
