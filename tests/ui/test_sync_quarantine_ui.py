"""The sync status and quarantine view at the till, against a real cloud on loopback
(issue 7): an event the cloud rejects is listed with its kind, time and reason, and a
first download shows how much is left in the status bar."""
from __future__ import annotations

import requests
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from app.sync.client import SyncClient
from app.sync.models import SyncQuarantine
from app.sync.outbox import add_event
from app.sync.worker import SyncWorker
from tests.cloud.fixtures import cloud_db, cloud_server, tenant  # noqa: F401
from tests.cloud.harness import HTTP_TIMEOUT, sale_event
from ui.sync_quarantine import SyncQuarantineDialog

TOO_BIG = 2**63  # one past the largest BIGINT: the cloud rejects the sale


def _queue_sales(till, tenant, clock) -> None:
    good = sale_event(tenant, 1)["payload"]
    bad = sale_event(tenant, 2)["payload"]
    bad["lines"][0]["amount_fen"] = TOO_BIG
    with till.sessions.begin() as s:
        for payload in (good, bad):
            add_event(s, "sale.completed", payload["sale_id"], payload, clock.now())


def _put_products(tenant, count: int) -> None:
    for n in range(count):
        answer = requests.put(f"{tenant.base_url}/api/v1/admin/products/Q{n:04d}",
                              headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT,
                              json={"name": f"新品 {n}", "price_fen": 100 + n})
        assert answer.status_code == 200, answer.text


def _open_quarantine(qtbot, window) -> SyncQuarantineDialog:
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier
                   | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: window.findChild(SyncQuarantineDialog) is not None, timeout=3000)
    return window.findChild(SyncQuarantineDialog)


def test_an_empty_quarantine_says_so(qtbot, window):
    dialog = _open_quarantine(qtbot, window)
    assert "no event" in dialog.summary.text()
    assert dialog.table.rowCount() == 0


def test_rejected_event_is_listed_and_the_first_download_shows_progress(
        qtbot, window, till, tenant, clock):
    _queue_sales(till, tenant, clock)
    _put_products(tenant, 7)
    client = SyncClient(till.sessions, tenant.base_url, tenant.token, tenant.store,
                        tenant.terminal, clock, page_size=2)
    worker = SyncWorker(client, till.sessions, clock, pull_pages_per_cycle=1)
    till.sync = worker
    try:
        assert worker.run_cycle()  # the push settles all, one page of 2 changes comes down
        left = worker.status().download_left
        assert left > 0
        qtbot.waitUntil(lambda: window.sync_status.text()
                        == f"Downloading catalog… {left} left", timeout=3000)
        window.grab().save("/tmp/q/status-downloading.png")
        while worker.status().download_left:
            assert worker.run_cycle()
        qtbot.waitUntil(lambda: window.sync_status.text().startswith("Cloud: online, 0 queued"),
                        timeout=3000)
    finally:
        client.close()

    with till.sessions() as s:
        rejected = s.scalar(select(func.count()).select_from(SyncQuarantine))
    assert rejected >= 1
    dialog = _open_quarantine(qtbot, window)
    assert dialog.table.rowCount() == rejected
    rows = [[dialog.table.item(r, c).text() for c in range(3)] for r in range(rejected)]
    bad = [row for row in rows if "amount_fen" in row[2]]
    assert len(bad) == 1
    assert bad[0][0] == "sale.completed"
    assert bad[0][1] == "2026-11-25 16:00:00"  # the till's local time (Shanghai)
    assert "head office can see" in dialog.summary.text()
    assert str(rejected) in dialog.summary.text()
    dialog.grab().save("/tmp/q/quarantine.png")
