"""Group-buy (社区团购) pickup point: choose a group, receive its batch, check each
customer out by pickup code, phone or the phone's last 4 digits, print the batch list."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.services.auth import StaffMember
from app.services.channel_wiring import ChannelServices
from app.services.errors import ServiceError
from ui.channel.common import fill_row, make_table, state_name
from ui.errors import user_message
from ui.members.common import error_label, touch_button


class GroupPickupDialog(QDialog):
    def __init__(self, channel: ChannelServices, actor: StaffMember,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Group-buy pickup"))
        self.setObjectName("groupPickup")
        self.resize(900, 620)
        self._channel, self._actor = channel, actor
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Group:")))
        self.group = QComboBox()
        self.group.setObjectName("groupChoice")
        self.group.setMinimumHeight(44)
        self.group.currentIndexChanged.connect(lambda _: self.reload_batch())
        top.addWidget(self.group, 1)
        self.receive_button = touch_button(self.tr("Goods arrived: make all ready"), name="groupReceive")
        self.receive_button.clicked.connect(self.receive)
        top.addWidget(self.receive_button)
        self.print_button = touch_button(self.tr("Print batch list"), name="groupPrint")
        self.print_button.clicked.connect(self.print_list)
        top.addWidget(self.print_button)
        layout.addLayout(top)
        self.summary = QLabel()
        self.summary.setObjectName("groupSummary")
        layout.addWidget(self.summary)
        self.table = make_table("groupOrders", [
            self.tr("Customer"), self.tr("Phone"), self.tr("Order"), self.tr("Items"),
            self.tr("Status")])
        layout.addWidget(self.table, 1)
        self.message = error_label("groupMessage")
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setObjectName("groupCheckoutInput")
        self.code.setMinimumHeight(44)
        self.code.setPlaceholderText(self.tr("Pickup code, phone or its last 4 digits"))
        self.code.returnPressed.connect(self.check_out)
        row.addWidget(self.code, 1)
        go = touch_button(self.tr("Hand over"), name="groupCheckout")
        go.clicked.connect(self.check_out)
        row.addWidget(go)
        close = touch_button(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        row.addWidget(close)
        layout.addLayout(row)
        self.reload_groups()

    def reload_groups(self, keep: str | None = None) -> None:
        keep = keep or self.group.currentData()
        self.group.blockSignals(True)
        self.group.clear()
        for g in self._channel.groups.groups():
            self.group.addItem(self.tr("%1 — %2 to hand out, %3 ready").replace("%1", g.group_id)
                               .replace("%2", str(g.waiting)).replace("%3", str(g.ready)),
                               g.group_id)
        if keep is not None and self.group.findData(keep) < 0:
            # all handed out: keep it on screen to see and print the finished list
            self.group.addItem(self.tr("%1 — all handed out").replace("%1", keep), keep)
        if keep is not None:
            self.group.setCurrentIndex(self.group.findData(keep))
        self.group.blockSignals(False)
        self.reload_batch()

    def reload_batch(self) -> None:
        group_id = self.group.currentData()
        for button in (self.receive_button, self.print_button):
            button.setEnabled(group_id is not None)
        if group_id is None:
            self.table.setRowCount(0)
            self.summary.setText(self.tr("No group-buy orders to hand out at this store."))
            return
        orders = self._channel.groups.batch(group_id)
        self.table.setRowCount(len(orders))
        for row, order in enumerate(orders):
            items = ", ".join(f"{line.name} ×{line.quantity.format()}" for line in order.lines)
            fill_row(self.table, row, [order.member_name, order.member_phone, order.external_id,
                                       items, state_name(order.status)], key=order.id)
        collected = sum(order.status in ("picked_up", "completed") for order in orders)
        self.summary.setText(self.tr("%1 orders, %2 handed over").replace(
            "%1", str(len(orders))).replace("%2", str(collected)))

    def _run(self, work, done) -> bool:
        self.message.setStyleSheet("color: #b00020;")
        try:
            result = work()
        except ServiceError as exc:
            self.message.setText(user_message(exc))
            return False
        self.message.setStyleSheet("color: #1a7f37;")
        self.message.setText(done(result))
        self.reload_groups(keep=self.group.currentData())
        return True

    def receive(self) -> None:
        group_id = self.group.currentData()
        if group_id is not None:
            self._run(lambda: self._channel.groups.receive(group_id, self._actor),
                      lambda n: self.tr("%1 orders are ready for pickup.").replace("%1", str(n)))

    def check_out(self) -> None:
        group_id, text = self.group.currentData(), self.code.text()
        if group_id is None or not text.strip():
            return
        if self._run(lambda: self._channel.groups.check_out(group_id, text, self._actor),
                     lambda orders: self.tr("Handed over to %1: %2").replace(
                         "%1", orders[0].member_name).replace(
                         "%2", ", ".join(o.external_id for o in orders))):
            self.code.clear()
        self.code.setFocus()

    def accept_scan(self, code: str) -> None:
        """A pickup code scanned from the customer's phone checks them out."""
        self.code.setText(code.strip())
        self.check_out()

    def print_list(self) -> None:
        group_id = self.group.currentData()
        if group_id is not None:
            self._run(lambda: self._channel.slips.print_batch_list(
                group_id, self._channel.groups.batch(group_id)),
                lambda _: self.tr("The batch list was sent to the printer."))
