"""The channel-orders screen: online orders this store fulfils, worked on what was synced
(offline too). Accept or reject, pick by scanning, mark ready, hand over by pickup code
(typed or scanned) or record a shipment. The screen is modal, so the main window hands
it every scan (accept_scan): while an order is being picked a scan picks an item,
otherwise a scanned pickup code hands its order over."""
from __future__ import annotations

import re
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QInputDialog, QLabel, QLineEdit,
    QSplitter, QVBoxLayout, QWidget,
)

from app.domain.clock import to_local
from app.services.auth import StaffMember
from app.services.channel_orders import OPEN_STATES, ChannelOrderView
from app.services.channel_wiring import ChannelServices
from app.services.errors import ServiceError
from ui.channel.common import channel_name, fill_row, fulfilment_name, make_table, state_name
from ui.errors import user_message
from ui.members.common import error_label, touch_button

PICKUP_CODE = re.compile(r"\d{6}")


class ChannelOrdersDialog(QDialog):
    def __init__(self, channel: ChannelServices, actor: StaffMember, tz: ZoneInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Channel orders"))
        self.setObjectName("channelOrders")
        self.resize(1180, 720)
        self._channel, self._actor, self._tz = channel, actor, tz
        self._orders: list[ChannelOrderView] = []
        self.current: ChannelOrderView | None = None
        layout = QVBoxLayout(self)
        layout.addLayout(self._top_bar())
        self.notice = QLabel()
        self.notice.setObjectName("channelNotice")
        self.notice.setStyleSheet("color: #0969da; font-weight: bold;")
        layout.addWidget(self.notice)
        split = QSplitter(Qt.Orientation.Horizontal)
        self.table = make_table("channelOrderList", [
            self.tr("Order"), self.tr("Status"), self.tr("Channel"), self.tr("How"),
            self.tr("Customer"), self.tr("Placed"), self.tr("Paid")])
        self.table.itemSelectionChanged.connect(self._selected)
        split.addWidget(self.table)
        split.addWidget(self._detail_panel())
        split.setSizes([600, 580])
        layout.addWidget(split, 1)
        layout.addLayout(self._bottom_bar())
        self.reload()

    # --- layout ------------------------------------------------------------
    def _top_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        self.filter = QComboBox()
        self.filter.setObjectName("channelFilter")
        self.filter.addItem(self.tr("Open orders"), list(OPEN_STATES))
        for status in OPEN_STATES:
            self.filter.addItem(state_name(status), [status])
        self.filter.addItem(self.tr("All, including closed"), None)
        self.filter.currentIndexChanged.connect(lambda _: self.reload())
        bar.addWidget(self.filter)
        bar.addStretch(1)
        self.auto_print = QCheckBox(self.tr("Print a picking slip for each new order"))
        self.auto_print.setObjectName("channelAutoPrint")
        self.auto_print.setChecked(self._channel.slips.auto_print())
        self.auto_print.toggled.connect(self._channel.slips.set_auto_print)
        bar.addWidget(self.auto_print)
        return bar

    def _detail_panel(self) -> QWidget:
        panel = QWidget()
        box = QVBoxLayout(panel)
        self.heading = QLabel(self.tr("Choose an order on the left."))
        self.heading.setObjectName("channelHeading")
        self.heading.setWordWrap(True)
        self.heading.setStyleSheet("font-size: 13pt;")
        box.addWidget(self.heading)
        self.pickup = QLabel()
        self.pickup.setObjectName("channelPickupCode")
        self.pickup.setStyleSheet("font-size: 22pt; font-weight: bold; color: #1a7f37;")
        box.addWidget(self.pickup)
        self.lines = make_table("channelOrderLines", [
            self.tr("Item"), self.tr("SKU"), self.tr("Ordered"), self.tr("Picked"),
            self.tr("Missing")])
        box.addWidget(self.lines, 1)
        self.message = error_label("channelMessage")
        box.addWidget(self.message)
        actions = QHBoxLayout()
        self.accept_button = self._action(actions, self.tr("Accept"), "channelAccept", self.accept_order)
        self.reject_button = self._action(actions, self.tr("Reject…"), "channelReject", self.reject_order)
        self.pick_button = self._action(actions, self.tr("Start picking"), "channelPick", self.start_picking)
        self.ready_button = self._action(actions, self.tr("Mark ready"), "channelReady", self.mark_ready)
        self.ship_button = self._action(actions, self.tr("Ship…"), "channelShip", self.ship)
        self.slip_button = self._action(actions, self.tr("Print slip"), "channelSlip", self.print_slip)
        box.addLayout(actions)
        handover = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setObjectName("channelPickupInput")
        self.code.setPlaceholderText(self.tr("Pickup code from the customer (type or scan)"))
        self.code.setMinimumHeight(44)
        self.code.setMaxLength(6)
        self.code.returnPressed.connect(lambda: self.hand_over(self.code.text()))
        handover.addWidget(self.code, 1)
        self._action(handover, self.tr("Hand over"), "channelHandOver",
                     lambda: self.hand_over(self.code.text()))
        box.addLayout(handover)
        return panel

    def _action(self, row: QHBoxLayout, text: str, name: str, slot) -> object:
        button = touch_button(text, name=name)
        button.clicked.connect(lambda _=False: slot())
        row.addWidget(button)
        return button

    def _bottom_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        group = touch_button(self.tr("Group-buy pickup…"), name="channelGroups")
        group.clicked.connect(self._open_groups)
        stock = touch_button(self.tr("Stock at other stores…"), name="channelStock")
        stock.clicked.connect(self._open_stock)
        close = touch_button(self.tr("Close (Esc)"), name="channelClose")
        close.clicked.connect(self.reject)
        for button in (group, stock):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(close)
        return bar

    # --- list and details --------------------------------------------------
    def reload(self, keep: str | None = None) -> None:
        keep = keep or (self.current.id if self.current else None)
        self._orders = self._channel.orders.list_orders(self.filter.currentData())
        self.table.blockSignals(True)
        self.table.setRowCount(len(self._orders))
        for row, order in enumerate(self._orders):
            placed = to_local(order.placed_at, self._tz).strftime("%m-%d %H:%M")
            fill_row(self.table, row, [
                order.external_id, state_name(order.status), channel_name(order.channel),
                fulfilment_name(order.fulfilment), f"{order.member_name} {order.member_phone}",
                placed, order.paid.format()], key=order.id)
        self.table.blockSignals(False)
        ids = [order.id for order in self._orders]
        if keep in ids:
            self.table.selectRow(ids.index(keep))
        self._selected()

    def show_notice(self, count: int) -> None:
        self.notice.setText(self.tr("%n new order(s) arrived.", "", count))
        self.reload()

    def _selected(self) -> None:
        row = self.table.currentRow() if self.table.selectedItems() else -1
        self.current = self._orders[row] if 0 <= row < len(self._orders) else None
        self._show(self.current)

    def _show(self, order: ChannelOrderView | None) -> None:
        status = order.status if order else ""
        self.accept_button.setEnabled(status == "new")
        self.reject_button.setEnabled(status in OPEN_STATES)
        self.pick_button.setEnabled(status == "accepted")
        self.ready_button.setEnabled(status == "picking")
        self.ship_button.setEnabled(status == "ready" and order.fulfilment != "pickup")
        self.slip_button.setEnabled(order is not None)
        if order is None:
            self.heading.setText(self.tr("Choose an order on the left."))
            self.pickup.clear()
            self.lines.setRowCount(0)
            return
        self.heading.setText(self._heading(order))
        ready_pickup = order.status == "ready" and order.fulfilment == "pickup"
        self.pickup.setText(self.tr("Pickup code: %1").replace("%1", order.pickup_code)
                            if ready_pickup else "")
        self.lines.setRowCount(len(order.lines))
        picking = order.status == "picking"
        for row, line in enumerate(order.lines):
            fill_row(self.lines, row, [line.name, line.sku_code, line.quantity.format(),
                                       line.picked.format(), line.missing.format()])
            if picking and line.missing.milli:  # what is still to be found stands out
                self.lines.item(row, 4).setForeground(QColor("#b00020"))

    def _heading(self, order: ChannelOrderView) -> str:
        parts = [f"<b>{order.external_id}</b> · {state_name(order.status)} · "
                 f"{channel_name(order.channel)} · {fulfilment_name(order.fulfilment)}",
                 f"{order.member_name} {order.member_phone} · {order.paid.format()}"]
        if order.group_id:
            parts.append(self.tr("Group %1").replace("%1", order.group_id))
        if order.address:
            parts.append(self.tr("Address: %1").replace("%1", order.address))
        if order.note:
            parts.append(self.tr("Note: %1").replace("%1", order.note))
        if order.carrier:
            parts.append(f"{order.carrier} {order.tracking_no}")
        if order.reason:
            parts.append(self.tr("Reason: %1").replace("%1", order.reason))
        return "<br>".join(part.replace("\n", " ") for part in parts)

    # --- moves -------------------------------------------------------------
    def _run(self, work, done_text: str = "") -> bool:
        """Run a service call on the chosen order; errors become the message line."""
        self.message.setStyleSheet("color: #b00020;")
        try:
            result = work()
        except ServiceError as exc:
            self.message.setText(user_message(exc))
            return False
        self.message.setStyleSheet("color: #1a7f37;")
        self.message.setText(done_text)
        self.reload(keep=getattr(result, "id", None))
        return True

    def accept_order(self) -> None:
        if self.current:
            order = self.current
            self._run(lambda: self._channel.orders.accept(order.id, self._actor),
                      self.tr("Order %1 accepted.").replace("%1", order.external_id))

    def reject_order(self) -> None:
        if not self.current:
            return
        order = self.current
        reason, ok = QInputDialog.getText(self, self.tr("Reject order"), self.tr(
            "Why is order %1 rejected? The customer reads this.").replace("%1", order.external_id))
        if ok:
            self._run(lambda: self._channel.orders.reject(order.id, self._actor, reason),
                      self.tr("Order %1 rejected.").replace("%1", order.external_id))

    def start_picking(self) -> None:
        if self.current:
            order = self.current
            self._run(lambda: self._channel.orders.start_picking(order.id, self._actor),
                      self.tr("Scan each item of order %1.").replace("%1", order.external_id))

    def mark_ready(self) -> None:
        if self.current:
            order = self.current
            self._run(lambda: self._channel.orders.mark_ready(order.id, self._actor),
                      self.tr("Order %1 is ready.").replace("%1", order.external_id))

    def ship(self) -> None:
        if not self.current:
            return
        order = self.current
        dialog = ShipmentDialog(self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self._run(lambda: self._channel.orders.ship(order.id, self._actor, dialog.carrier.text(),
                                                         dialog.tracking.text()),
                      self.tr("Shipment of order %1 recorded.").replace("%1", order.external_id))

    def print_slip(self) -> None:
        if self.current:
            order = self.current
            self._run(lambda: self._channel.slips.print_slip(order.id),
                      self.tr("Picking slip of order %1 sent to the printer.").replace(
                          "%1", order.external_id))

    def hand_over(self, code: str) -> None:
        code = code.strip()
        if self._run(lambda: self._channel.orders.hand_over(code, self._actor),
                     self.tr("Pickup code %1: handed over, order completed.").replace("%1", code)):
            self.code.clear()

    def accept_scan(self, code: str) -> None:
        """Every scan while this screen is open arrives here."""
        order = self.current
        if order is not None and order.status == "picking":
            if self._run(lambda: self._channel.orders.scan(order.id, code)):
                self.message.setText(self._pick_progress())
            return
        by_slip = [o for o in self._orders if o.external_id == code.strip()]
        if by_slip:  # the barcode on a picking slip
            self.table.selectRow(self._orders.index(by_slip[0]))
            return
        if PICKUP_CODE.fullmatch(code.strip()):
            self.hand_over(code)
            return
        self.message.setStyleSheet("color: #b00020;")
        self.message.setText(self.tr("Choose an order and start picking it before scanning items."))

    def _pick_progress(self) -> str:
        missing = [f"{line.name} ×{line.missing.format()}" for line in self.current.lines
                   if line.missing.milli]
        if not missing:
            return self.tr("Everything is picked. Mark the order ready.")
        return self.tr("Still to pick: %1").replace("%1", ", ".join(missing))

    # --- other screens -----------------------------------------------------
    def _open_groups(self) -> None:
        from ui.channel.group_dialog import GroupPickupDialog

        GroupPickupDialog(self._channel, self._actor, self).exec()
        self.reload()

    def _open_stock(self) -> None:
        from ui.channel.stock_dialog import CrossStoreStockDialog

        CrossStoreStockDialog(self._channel.stock, self, self._channel.transfer_requests).exec()


class ShipmentDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Record a shipment"))
        form = QFormLayout(self)
        self.carrier = QLineEdit()
        self.carrier.setObjectName("shipCarrier")
        self.carrier.setMaxLength(40)
        self.tracking = QLineEdit()
        self.tracking.setObjectName("shipTracking")
        self.tracking.setMaxLength(64)
        form.addRow(self.tr("Carrier"), self.carrier)
        form.addRow(self.tr("Tracking number"), self.tracking)
        row = QHBoxLayout()
        cancel = touch_button(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        save = touch_button(self.tr("Record shipment"), name="shipSave")
        save.clicked.connect(self.accept)
        row.addWidget(cancel)
        row.addWidget(save)
        form.addRow(row)

    def accept_scan(self, code: str) -> None:
        """A scanned tracking label fills the tracking number."""
        self.tracking.setText(code.strip())
