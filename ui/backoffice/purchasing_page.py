"""Purchase orders and receiving them by scanning."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QStackedWidget,
    QVBoxLayout, QWidget,
)

from app.services.errors import InvalidInput
from app.services.inventory.purchasing import OrderLineInput, ReceivingSession
from app.services.inventory.services import InventoryServices
from ui.backoffice.common import TOUCH, RowsModel, as_actor, button, parse_qty, parse_yuan, qty, show_error, table, yuan
from ui.errors import user_message

STATUS_TEXT = {"draft": QT_TRANSLATE_NOOP("PurchasingPage", "draft"),
               "sent": QT_TRANSLATE_NOOP("PurchasingPage", "sent"),
               "partly_received": QT_TRANSLATE_NOOP("PurchasingPage", "partly received"),
               "closed": QT_TRANSLATE_NOOP("PurchasingPage", "closed")}


class PurchasingPage(QWidget):
    def __init__(self, services: InventoryServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.stack = QStackedWidget()
        QVBoxLayout(self).addWidget(self.stack)
        self.stack.addWidget(self._orders_panel())
        self.receiving = ReceivingPanel(services)
        self.receiving.done = self.show_orders
        self.stack.addWidget(self.receiving)
        self.refresh()

    def _orders_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        self.orders_model = RowsModel(
            [self.tr("Order"), self.tr("Supplier"), self.tr("Status"), self.tr("Lines")],
            lambda o: (o.number, o.supplier_name, self.tr(STATUS_TEXT.get(o.status, o.status)), len(o.lines)))
        self.orders = table(self.orders_model, 1, "orderTable")
        layout.addWidget(self.orders)
        row = QHBoxLayout()
        for text, slot, name in ((self.tr("New order"), self.new_order, "newOrder"),
                                 (self.tr("Send"), self.send, "sendOrder"),
                                 (self.tr("Receive by scanning"), self.receive, "receiveOrder"),
                                 (self.tr("Close order"), self.close_order, "closeOrder"),
                                 (self.tr("Receive without order"), lambda: self.goods("receive"),
                                  "receiveWithoutOrder"),
                                 (self.tr("Return to supplier"), lambda: self.goods("return"),
                                  "supplierReturn")):
            row.addWidget(button(text, slot, name))
        row.addStretch(1)
        layout.addLayout(row)
        return panel

    def refresh(self) -> None:
        self.orders_model.set_rows(self.services.purchasing.orders())
        if self.orders_model.rows:
            self.orders.selectRow(0)

    def show_orders(self) -> None:
        self.refresh()
        self.stack.setCurrentIndex(0)

    def selected(self):
        row = self.orders.currentIndex().row()
        return self.orders_model.rows[row] if 0 <= row < len(self.orders_model.rows) else None

    def select_order(self, number: str) -> None:
        for i, o in enumerate(self.orders_model.rows):
            if o.number == number:
                self.orders.selectRow(i)

    def new_order(self) -> None:
        dialog = NewOrderDialog(self.services, self)
        if dialog.exec():
            self.refresh()

    def goods(self, mode: str) -> None:
        """Goods in without an order, or back to a supplier: the same line entry as an order."""
        dialog = NewOrderDialog(self.services, self, mode)
        if dialog.exec():
            self.refresh()

    def send(self) -> None:
        self._act(lambda o: self.services.purchasing.send(o.id))

    def close_order(self) -> None:
        self._act(lambda o: self.services.purchasing.close(o.id))

    def receive(self) -> None:
        order = self.selected()
        if order is None:
            return
        try:
            self.receiving.start(self.services.purchasing.start_receiving(order.id))
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.stack.setCurrentWidget(self.receiving)
        self.receiving.scan.setFocus()

    def _act(self, action) -> None:
        order = self.selected()
        if order is None:
            return
        try:
            action(order)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
        self.refresh()


class ReceivingPanel(QWidget):
    """Scan what arrived: each scan counts one (a case barcode its case), or type a quantity first."""

    def __init__(self, services: InventoryServices) -> None:
        super().__init__()
        self.services = services
        self.session: ReceivingSession | None = None
        self.done: Callable[[], None] = lambda: None
        layout = QVBoxLayout(self)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        layout.addWidget(self.title)
        row = QHBoxLayout()
        self.quantity = QLineEdit()
        self.quantity.setObjectName("receiveQuantity")
        self.quantity.setPlaceholderText(self.tr("Qty"))
        self.quantity.setMaximumWidth(140)
        self.scan = QLineEdit()
        self.scan.setObjectName("receiveScan")
        self.scan.setPlaceholderText(self.tr("Scan a barcode or type a code, then Enter"))
        for edit in (self.quantity, self.scan):
            edit.setMinimumHeight(48)
            edit.setStyleSheet("font-size: 15pt;")
        self.scan.returnPressed.connect(self.on_scan)
        row.addWidget(self.quantity)
        row.addWidget(self.scan, 1)
        layout.addLayout(row)
        self.message = QLabel()
        self.message.setObjectName("receiveMessage")
        self.message.setMinimumHeight(28)
        layout.addWidget(self.message)
        self.model = RowsModel(
            [self.tr("Code"), self.tr("Name"), self.tr("Ordered"), self.tr("Received before"),
             self.tr("This delivery"), self.tr("Still open")],
            lambda l: (l.sku_code, l.name, qty(l.ordered_milli), qty(l.received_milli),
                       qty(self._scanned(l.product_id)),
                       qty(max(0, l.outstanding_milli - self._scanned(l.product_id)))))
        layout.addWidget(table(self.model, 1, "receiveTable"))
        bottom = QHBoxLayout()
        self.allow_over = QCheckBox(self.tr("Manager allows more than ordered"))
        self.allow_over.setObjectName("allowOver")
        self.allow_over.setMinimumHeight(TOUCH)
        bottom.addWidget(self.allow_over)
        bottom.addStretch(1)
        bottom.addWidget(button(self.tr("Cancel"), self._cancel, "cancelReceiving"))
        self.post_button = button(self.tr("Post receipt"), self.post, "postReceiving")
        bottom.addWidget(self.post_button)
        layout.addLayout(bottom)

    def _scanned(self, product_id: str) -> int:
        return self.session.scanned.get(product_id, 0) if self.session else 0

    def start(self, session: ReceivingSession) -> None:
        self.session = session
        self.title.setText(self.tr("Receiving %1 from %2").replace("%1", session.order.number)
                           .replace("%2", session.order.supplier_name))
        self.message.clear()
        self.allow_over.setChecked(False)
        self.model.set_rows(session.order.lines)

    def on_scan(self) -> None:
        code = self.scan.text().strip()
        self.scan.clear()
        if not code or self.session is None:
            return
        try:
            typed = parse_qty(self.quantity.text()) if self.quantity.text().strip() else None
        except ValueError:
            self.message.setText(self.tr("Type the quantity as a number, e.g. 12."))
            return
        try:
            found = self.services.purchasing.scan(self.session, code, typed)
        except Exception as exc:  # noqa: BLE001
            self.message.setStyleSheet("color: #cf222e;")
            self.message.setText(user_message(exc))
            return
        self.quantity.clear()
        self.message.setStyleSheet("color: #1a7f37;")
        self.message.setText(self.tr("%1: %2 this delivery").replace("%1", found.name)
                             .replace("%2", qty(self._scanned(found.product_id))))
        self.model.set_rows(self.session.order.lines)

    def post(self) -> None:
        if self.session is None:
            return
        session, accept_over = self.session, self.allow_over.isChecked()
        try:
            posted = as_actor(self, self.services, lambda actor, ok: self.services.purchasing.post_receiving(
                session, accept_over, actor, ok))
        except Exception as exc:  # noqa: BLE001
            self.message.setStyleSheet("color: #cf222e;")
            self.message.setText(user_message(exc))
            return
        if posted is None:  # the supervisor did not approve the over-receipt: keep scanning
            return
        self.session = None
        self.done()

    def _cancel(self) -> None:
        self.session = None
        self.done()


class NewOrderDialog(QDialog):
    """A purchase order ('order'), goods received without one ('receive') or goods
    returned to a supplier ('return'): choose the supplier, scan products with quantity and cost."""

    def __init__(self, services: InventoryServices, parent: QWidget | None = None,
                 mode: str = "order") -> None:
        super().__init__(parent)
        self.services, self.mode = services, mode
        self.lines: list[tuple[str, str, int, int]] = []  # product id, name, milli, cost fen
        self.setWindowTitle({"order": self.tr("New purchase order"),
                             "receive": self.tr("Receive goods without an order"),
                             "return": self.tr("Return goods to a supplier")}[mode])
        self.resize(720, 520)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.supplier = QComboBox()
        self.supplier.setMinimumHeight(TOUCH)
        for s in services.purchasing.suppliers():
            self.supplier.addItem(f"{s.code} {s.name}", s.id)
        form.addRow(self.tr("Supplier"), self.supplier)
        self.new_supplier = QLineEdit()
        self.new_supplier.setPlaceholderText(self.tr("or a new supplier: code name"))
        form.addRow("", self.new_supplier)
        layout.addLayout(form)
        row = QHBoxLayout()
        self.code, self.qty, self.cost = QLineEdit(), QLineEdit(), QLineEdit()
        for edit, hint in ((self.code, self.tr("Barcode or code")), (self.qty, self.tr("Qty")),
                           (self.cost, self.tr("Cost ¥"))):
            edit.setPlaceholderText(hint)
            edit.setMinimumHeight(TOUCH)
            row.addWidget(edit)
            edit.returnPressed.connect(self.add_line)
        row.addWidget(button(self.tr("Add"), self.add_line))
        layout.addLayout(row)
        self.message = QLabel()
        layout.addWidget(self.message)
        self.model = RowsModel([self.tr("Name"), self.tr("Qty"), self.tr("Cost")],
                               lambda l: (l[1], qty(l[2]), yuan(l[3])))
        layout.addWidget(table(self.model, 0))
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(button(self.tr("Cancel"), self.reject))
        bottom.addWidget(button({"order": self.tr("Save order"), "receive": self.tr("Post receipt"),
                                 "return": self.tr("Post return")}[mode], self.save, "saveGoods"))
        layout.addLayout(bottom)

    def add_line(self) -> None:
        try:
            found, default_cost = self.services.purchasing.lookup(self.code.text())
            quantity = parse_qty(self.qty.text() or "1") * found.factor_milli // 1000
            cost = parse_yuan(self.cost.text())
            self.lines.append((found.product_id, found.name, quantity, default_cost if cost is None else cost))
        except ValueError:
            self.message.setText(self.tr("Type the quantity and cost as numbers."))
            return
        except Exception as exc:  # noqa: BLE001
            self.message.setText(user_message(exc))
            return
        self.model.set_rows(self.lines)
        for edit in (self.code, self.qty, self.cost):
            edit.clear()
        self.code.setFocus()

    def save(self) -> None:
        try:
            supplier_id = self.supplier.currentData()
            if self.new_supplier.text().strip():
                code, _, name = self.new_supplier.text().strip().partition(" ")
                supplier_id = self.services.purchasing.add_supplier(code, name or code)
            lines = [OrderLineInput(pid, q, c) for pid, _, q, c in self.lines]
            if self.mode == "receive":
                self.services.purchasing.receive_without_order(supplier_id, lines)
            elif supplier_id is None:
                raise InvalidInput("Choose a supplier or type a new one.")
            elif self.mode == "return":
                self.services.purchasing.return_to_supplier(supplier_id, lines)
            else:
                self.services.purchasing.create_order(supplier_id, lines)
        except Exception as exc:  # noqa: BLE001
            self.message.setText(user_message(exc))
            return
        self.accept()
