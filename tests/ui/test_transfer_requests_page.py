"""Store A's back office: store S900 asked for goods (the request came down the change
log); the transfers page shows "Requested by store S900", prefills the send form from it,
and sending fulfils the request (the transfer takes the request's id)."""
from __future__ import annotations

import json

from sqlalchemy import select

from app.db.models import OutboxEvent
from app.sync.apply import apply_changes
from app.sync.models import SyncCredential
from tests.ui.test_backoffice_flows import open_window
from tests.ui.test_transfers_page import _on_hand, _two_products

REQUEST_ID = "01a21200-0000-7000-8000-0000000000aa"


def _enrolled(till):
    """Requests only reach a till enrolled with the cloud (it names other stores by code)."""
    with till.sessions.begin() as s:
        s.add(SyncCredential(id=1, base_url="http://127.0.0.1:9", store_code=till.terminal.store_code,
                             terminal_code=till.terminal.terminal_code, token="t",
                             enrolled_at=till.clock.now()))


def _request_arrives(till, lines):
    change = {"version": 1, "entity": "transfer_request", "entity_id": REQUEST_ID,
              "op": "upsert", "data": {
                  "id": REQUEST_ID, "from_store": till.terminal.store_code, "to_store": "S900",
                  "lines": [{"sku": sku, "name": name, "quantity_milli": q}
                            for (_, sku, name), q in zip(lines, (3000, 1000))],
                  "note": "customer collects tomorrow", "requested_by": "S900/T01/1001",
                  "requested_at": "2026-11-25T06:00:00+00:00", "status": "open",
                  "transfer_number": None}}
    with till.engine.begin() as conn:
        apply_changes(conn, [change], till.clock.now())


def test_a_request_from_another_store_is_sent_from_the_transfers_page(qtbot, till):
    (a_id, a_sku, a_name), (b_id, b_sku, _) = lines = _two_products(till)
    a_before = _on_hand(till, a_id)
    _enrolled(till)
    _request_arrives(till, lines)
    window = open_window(qtbot, till)
    window.nav.setCurrentRow(3)
    page = window.transfers
    page.refresh()
    assert page.requests_label.text() == "Requested by other stores (1 to send)"
    model = page.requests_model
    assert model.data(model.index(0, 0)) == "Requested by store S900"
    assert model.data(model.index(0, 1)).startswith(f"{a_name} × 3")
    page.requested.selectRow(0)
    page.prefill_request()
    assert page.to_store.currentText() == "S900"
    assert {pid: q for pid, (_, q) in page.lines.items()} == {a_id: 3000, b_id: 1000}
    page.grab().save("/tmp/transfer_request_page.png")

    page.send()
    assert page.message.text() == "Sent: the goods are in transit."
    assert _on_hand(till, a_id) == a_before - 3000
    assert page.requests_label.text() == "Requested by other stores (0 to send)"
    with till.sessions() as s:
        [payload] = s.scalars(select(OutboxEvent.payload)
                              .where(OutboxEvent.kind == "transfer.sent")).all()
    sent = json.loads(payload)
    assert (sent["transfer_id"], sent["to_store"]) == (REQUEST_ID, "S900")
    assert {(l["sku_code"], l["sent_milli"]) for l in sent["lines"]} == {(a_sku, 3000),
                                                                         (b_sku, 1000)}
