"""Store B's back office: a transfer from another store arrives through the cloud's change
log, shows as coming in, and is received with what was short and what was damaged."""
from __future__ import annotations

import json

from sqlalchemy import select, text

from app.db.models import OutboxEvent
from app.sync.apply import apply_changes
from tests.ui.test_backoffice_flows import open_window
from ui.backoffice.transfers_page import ReceiveTransferDialog

TRANSFER_ID = "01a21200-0000-7000-8000-000000000001"


def _two_products(till):
    with till.engine.connect() as conn:
        return conn.execute(text(
            "SELECT p.id, p.sku_code, p.name FROM product p WHERE NOT p.is_weighed "
            "ORDER BY p.sku_code LIMIT 2")).all()


def _on_hand(till, product_id):
    with till.engine.connect() as conn:
        return conn.execute(text("SELECT COALESCE(SUM(quantity_milli), 0) FROM stock_movement "
                                 "WHERE product_id = :p AND store_id = :s"),
                            {"p": product_id, "s": till.terminal.store_id}).scalar_one()


def _arrives_from_the_cloud(till, lines):
    change = {"version": 1, "entity": "transfer", "entity_id": TRANSFER_ID, "op": "upsert", "data": {
        "id": TRANSFER_ID, "number": "TR-S900-20261125-0001", "from_store": "S900",
        "to_store": till.terminal.store_code, "status": "in_transit", "reason": "",
        "sent_at": "2026-11-25T07:00:00+00:00", "received_at": None,
        "lines": [{"line_no": i, "sku": sku, "name": name, "sent_milli": 5000, "received_milli": None,
                   "damaged_milli": 0, "note": ""} for i, (_, sku, name) in enumerate(lines, 1)]}}
    with till.engine.begin() as conn:
        apply_changes(conn, [change], till.clock.now())


def test_store_b_sees_an_incoming_transfer_and_receives_it_with_differences(qtbot, till, tmp_path):
    (a_id, a_sku, a_name), (b_id, b_sku, b_name) = lines = _two_products(till)
    a_before, b_before = _on_hand(till, a_id), _on_hand(till, b_id)
    _arrives_from_the_cloud(till, lines)
    window = open_window(qtbot, till)
    window.nav.setCurrentRow(3)
    page = window.transfers
    page.refresh()
    assert page.incoming_label.text() == "Coming in (1 in transit)"
    assert page.incoming_model.data(page.incoming_model.index(0, 1)) == "S900"
    assert page.incoming_model.data(page.incoming_model.index(0, 3)) == "In transit"
    page.incoming.selectRow(0)
    dialog = ReceiveTransferDialog(page.selected_incoming(), page)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.grid.item(0, 2).setText("4")          # one short
    dialog.grid.item(1, 3).setText("1")          # one arrived broken
    dialog.grid.item(1, 4).setText("box crushed")
    dialog.grab().save(str(tmp_path / "receive_transfer.png"))
    page.post_receipt(dialog)
    assert (_on_hand(till, a_id), _on_hand(till, b_id)) == (a_before + 4000, b_before + 4000)
    assert page.incoming_label.text() == "Coming in (0 in transit)"
    differences = page.incoming_model.data(page.incoming_model.index(0, 4))
    assert f"{a_name}: short 1" in differences
    assert f"{b_name}: damaged 1 (box crushed)" in differences
    with till.sessions() as s:
        [event] = s.scalars(select(OutboxEvent.payload).where(OutboxEvent.kind == "transfer.received")).all()
    sent_up = json.loads(event)
    assert sent_up["from_store"] == "S900" and sent_up["transfer_id"] == TRANSFER_ID
    assert {(l["sku_code"], l["received_milli"], l["damaged_milli"]) for l in sent_up["lines"]} == {
        (a_sku, 4000, 0), (b_sku, 5000, 1000)}
    page.grab().save(str(tmp_path / "transfers_page.png"))
    page.grab().save("/tmp/transfers_page.png")
    dialog.grab().save("/tmp/receive_transfer.png")
