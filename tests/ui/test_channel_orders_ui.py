"""The channel-orders screen at the till: a new order arrives through sync with a notice,
is accepted, picked with the scanner (a wrong item and one too many are refused, missing
items shown), made ready (pickup code shown) and handed over by scanning the pickup code."""
from __future__ import annotations

import json
import uuid

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.db.models import OutboxEvent
from app.sync.apply import apply_changes
from tests.sync.test_channel_orders import _order_change
from tests.ui.conftest import log_in
from ui.channel import ChannelNotifier
from ui.channel.orders_window import ChannelOrdersDialog

COLA, COLA_500, COLA_ZERO = "6928804557480", "6928804557558", "6928804557626"
LINES = [{"line_no": 1, "sku": "D00001", "name": "可口可乐 330ml罐装", "quantity_milli": 2000,
          "unit_price_fen": 350, "amount_fen": 700},
         {"line_no": 2, "sku": "D00002", "name": "可口可乐 500ml", "quantity_milli": 1000,
          "unit_price_fen": 380, "amount_fen": 380}]


def scan(qtbot, widget, code):
    """A wedge scanner: the whole code in a burst, then Enter."""
    qtbot.keyClicks(widget, code)
    qtbot.keyClick(widget, Qt.Key.Key_Return)
    qtbot.wait(120)  # the scanner filter decides after its gap


def _column(table, column):
    return [table.item(row, column).text() for row in range(table.rowCount())]


def test_an_online_order_is_picked_with_the_scanner_and_handed_over(qtbot, window, till):
    log_in(qtbot, window)
    order_id = str(uuid.uuid4())
    change = _order_change(7, order_id, store=till.terminal.store_code, lines=LINES,
                           goods_fen=1080, paid_fen=1080, note="少冰")
    with till.engine.begin() as conn:
        apply_changes(conn, [change], till.clock.now())

    notifier = window.findChild(ChannelNotifier)
    assert notifier.check() == 1
    assert "1 new channel order" in window.statusBar().currentMessage()
    assert "WX-7" in window.statusBar().currentMessage()

    qtbot.keyClick(window, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, ChannelOrdersDialog)
    assert _column(dialog.table, 0) == ["WX-7"] and _column(dialog.table, 1) == ["New"]
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.accept_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.pick_button, Qt.MouseButton.LeftButton)
    assert _column(dialog.table, 1) == ["Picking"]

    scan(qtbot, dialog.table, COLA_ZERO)           # not in the order
    assert "is not in order WX-7" in dialog.message.text()
    scan(qtbot, dialog.table, COLA)
    assert _column(dialog.lines, 4) == ["1", "1"]   # missing: one can, one bottle
    assert "Still to pick" in dialog.message.text()
    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    assert "Still missing" in dialog.message.text() and _column(dialog.table, 1) == ["Picking"]
    scan(qtbot, dialog.table, COLA)
    scan(qtbot, dialog.table, COLA)                 # one too many
    assert "already picked in full" in dialog.message.text()
    scan(qtbot, dialog.table, COLA_500)
    assert "Everything is picked" in dialog.message.text()
    assert _column(dialog.lines, 3) == ["2", "1"] and _column(dialog.lines, 4) == ["0", "0"]

    qtbot.mouseClick(dialog.ready_button, Qt.MouseButton.LeftButton)
    assert dialog.pickup.text() == "Pickup code: 042917"
    dialog.grab().save("/tmp/channel_orders_ready.png")

    scan(qtbot, dialog.table, "111111")             # someone else's code
    assert "No order is ready for pickup with code 111111" in dialog.message.text()
    scan(qtbot, dialog.table, "042917")
    assert "handed over" in dialog.message.text()
    assert dialog.table.rowCount() == 0             # nothing open any more
    assert till.channel.orders.get(order_id).status == "completed"
    with till.sessions() as s:
        moves = [json.loads(p)["to"] for p in s.scalars(
            select(OutboxEvent.payload).where(OutboxEvent.aggregate_id == order_id)
            .order_by(OutboxEvent.seq))]
    assert moves == ["accepted", "picking", "ready", "picked_up", "completed"]
    dialog.close()


def test_the_pickup_code_can_be_typed_and_auto_print_queues_slips(qtbot, window, till):
    log_in(qtbot, window)
    till.channel.slips.set_auto_print(True)
    order_id = str(uuid.uuid4())
    change = _order_change(8, order_id, store=till.terminal.store_code, lines=LINES[:1],
                           goods_fen=700, paid_fen=700)
    with till.engine.begin() as conn:
        apply_changes(conn, [change], till.clock.now())
    assert window.findChild(ChannelNotifier).check() == 1
    assert [(j.kind, j.ref_id) for j in till.devices.queue.jobs()
            if j.kind == "picking_slip"] == [("picking_slip", order_id)]
    actor = window.cashier
    for step in (till.channel.orders.accept, till.channel.orders.start_picking):
        step(order_id, actor)
    till.channel.orders.scan(order_id, COLA)
    till.channel.orders.scan(order_id, COLA)
    till.channel.orders.mark_ready(order_id, actor)

    qtbot.keyClick(window, Qt.Key.Key_O,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = QApplication.activeModalWidget()
    assert dialog.auto_print.isChecked()
    qtbot.keyClicks(dialog.code, "042917", delay=120)  # a person typing
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert till.channel.orders.get(order_id).status == "completed"
    dialog.close()


def test_a_group_buy_batch_is_handed_out_at_the_pickup_point(qtbot, window, till):
    log_in(qtbot, window)
    store = till.terminal.store_code
    changes = [_order_change(20 + n, str(uuid.uuid4()), store=store, lines=LINES[:1],
                             goods_fen=700, paid_fen=700, group_id="G-望京-07",
                             pickup_code=code, member={"id": f"m{n}", "phone": phone,
                                                       "name": name})
               for n, (code, phone, name) in enumerate([("300001", "13800138000", "王芳"),
                                                        ("300002", "13900139000", "李雷")])]
    with till.engine.begin() as conn:
        apply_changes(conn, changes, till.clock.now())
    qtbot.keyClick(window, Qt.Key.Key_G,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = QApplication.activeModalWidget()
    assert dialog.group.currentData() == "G-望京-07"
    qtbot.mouseClick(dialog.receive_button, Qt.MouseButton.LeftButton)
    assert _column(dialog.table, 4) == ["Ready", "Ready"]
    scan(qtbot, dialog.table, "300002")                # 李雷 shows the code on the phone
    assert "Handed over to 李雷" in dialog.message.text()
    qtbot.keyClicks(dialog.code, "8000", delay=120)    # 王芳 says the last four digits
    qtbot.keyClick(dialog.code, Qt.Key.Key_Return)
    assert "Handed over to 王芳" in dialog.message.text()
    assert dialog.summary.text() == "2 orders, 2 handed over"
    qtbot.mouseClick(dialog.print_button, Qt.MouseButton.LeftButton)
    assert "group_batch" in [job.kind for job in till.devices.queue.jobs()]
    dialog.grab().save("/tmp/channel_group_pickup.png")
    dialog.close()


def test_offline_the_stock_lookup_says_it_needs_the_network(qtbot, window, till):
    log_in(qtbot, window)
    qtbot.keyClick(window, Qt.Key.Key_K,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    dialog = QApplication.activeModalWidget()
    scan(qtbot, dialog.code, COLA)
    qtbot.waitUntil(lambda: "cloud" in dialog.message.text() and "Asking" not in
                    dialog.message.text(), timeout=5000)
    assert "not connected to a cloud" in dialog.message.text()
    assert not dialog.ship_button.isEnabled()
    dialog.grab().save("/tmp/channel_stock_offline.png")
    dialog.close()
