"""Stock of a product at the merchant's other stores (needs the network), and a
ship-from-store order for the customer at the counter, or a transfer request asking
that store to send the goods here."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QSpinBox, QVBoxLayout,
    QWidget,
)

from app.domain.ids import new_id
from app.domain.quantity import Quantity
from app.services.channel_stock import CrossStoreStock, ShipRequest, StockLookup
from app.services.channel_transfer_requests import RequestLine, TransferRequests
from ui.channel.common import fill_row, make_table
from ui.errors import user_message
from ui.members.common import error_label, touch_button
from ui.tasks import run_in_background


class CrossStoreStockDialog(QDialog):
    def __init__(self, stock: CrossStoreStock, parent: QWidget | None = None,
                 requests: TransferRequests | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Stock at other stores"))
        self.setObjectName("crossStoreStock")
        self.resize(760, 520)
        self._stock = stock
        self._requests = requests
        self.found: StockLookup | None = None
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.code = QLineEdit()
        self.code.setObjectName("stockLookupCode")
        self.code.setMinimumHeight(44)
        self.code.setPlaceholderText(self.tr("Scan or type a barcode or SKU"))
        self.code.returnPressed.connect(lambda: self.look_up(self.code.text()))
        row.addWidget(self.code, 1)
        find = touch_button(self.tr("Look up"), name="stockLookupButton")
        find.clicked.connect(lambda: self.look_up(self.code.text()))
        row.addWidget(find)
        layout.addLayout(row)
        self.product = QLabel()
        self.product.setObjectName("stockLookupProduct")
        self.product.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout.addWidget(self.product)
        self.table = make_table("stockLookupStores", [
            self.tr("Store"), self.tr("Name"), self.tr("Available"), self.tr("On hand"),
            self.tr("Reserved")])
        self.table.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.table, 1)
        self.message = error_label("stockLookupMessage")
        layout.addWidget(self.message)
        bottom = QHBoxLayout()
        self.ship_button = touch_button(self.tr("Send to the customer from this store…"),
                                        name="stockShip")
        self.ship_button.clicked.connect(self.ship_from_selected)
        self.ship_button.setEnabled(False)
        self.request_button = touch_button(self.tr("Ask this store to transfer here…"),
                                           name="stockRequestTransfer")
        self.request_button.clicked.connect(self.request_from_selected)
        self.request_button.setEnabled(False)
        self.request_button.setVisible(requests is not None)
        close = touch_button(self.tr("Close (Esc)"))
        close.clicked.connect(self.reject)
        bottom.addWidget(self.ship_button)
        bottom.addWidget(self.request_button)
        bottom.addStretch(1)
        bottom.addWidget(close)
        layout.addLayout(bottom)

    def accept_scan(self, code: str) -> None:
        self.code.setText(code.strip())
        self.look_up(code)

    def look_up(self, code: str) -> None:
        if not code.strip():
            return
        self._say(self.tr("Asking the cloud…"), ok=True)
        run_in_background(lambda: self._stock.lookup(code), self._show, self._failed)

    def _show(self, found: StockLookup) -> None:
        self.found = found
        self.product.setText(f"{found.name} · {found.sku_code} · {found.unit_price.format()}")
        self.table.setRowCount(len(found.stores))
        for row, store in enumerate(found.stores):
            fill_row(self.table, row, [store.store, store.name, store.available.format(),
                                       store.on_hand.format(), store.reserved.format()],
                     key=store.store)
        self._say(self.tr("No other store has this product.") if not found.stores else "",
                  ok=True)
        self._enable()

    def _failed(self, exc: Exception) -> None:
        self._say(user_message(exc), ok=False)

    def _say(self, text: str, ok: bool) -> None:
        self.message.setStyleSheet("color: #1a7f37;" if ok else "color: #b00020;")
        self.message.setText(text)

    def _enable(self) -> None:
        chosen = self.found is not None and bool(self.table.selectedItems())
        self.ship_button.setEnabled(chosen)
        self.request_button.setEnabled(chosen and self._requests is not None)

    def request_from_selected(self) -> None:
        if self.found is None or self._requests is None or not self.table.selectedItems():
            return
        store = self.found.stores[self.table.currentRow()].store
        form = RequestTransferDialog(store, self.found, self._requests.new_request_id(), self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        self.send_request(form)

    def send_request(self, form: "RequestTransferDialog") -> None:
        found, requests = self.found, self._requests
        line = RequestLine(found.sku_code, found.name, Quantity.units(form.quantity.value()))
        self._say(self.tr("Sending the request…"), ok=True)
        run_in_background(
            lambda: requests.request(form.request_id, form.store, [line], form.note.text()),
            lambda made: self._say(self.tr("Store %1 is asked to send %2 × %3 here.")
                                   .replace("%1", made.from_store)
                                   .replace("%2", line.quantity.format())
                                   .replace("%3", found.name), ok=True), self._failed)

    def ship_from_selected(self) -> None:
        if self.found is None or not self.table.selectedItems():
            return
        store = self.found.stores[self.table.currentRow()]
        form = ShipFromStoreDialog(store.store, self.found, self)
        if form.exec() != QDialog.DialogCode.Accepted:
            return
        request = form.request()
        self._say(self.tr("Sending the order…"), ok=True)
        run_in_background(lambda: self._stock.ship_from_store(request), lambda order: self._say(
            self.tr("Order %1 placed: store %2 sends it (%3).")
            .replace("%1", order.external_id[-8:]).replace("%2", order.store)
            .replace("%3", order.paid.format()), ok=True), self._failed)


class ShipFromStoreDialog(QDialog):
    def __init__(self, store: str, found: StockLookup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Send from store %1").replace("%1", store))
        self._store, self._found = store, found
        self._request_id = new_id()  # one id per form: pressing again never orders twice
        form = QFormLayout(self)
        form.addRow(QLabel(f"{found.name} · {found.unit_price.format()}"))
        self.quantity = QSpinBox()
        self.quantity.setObjectName("shipQuantity")
        self.quantity.setRange(1, 999)
        self.phone = QLineEdit()
        self.phone.setObjectName("shipPhone")
        self.name = QLineEdit()
        self.name.setObjectName("shipName")
        self.address = QLineEdit()
        self.address.setObjectName("shipAddress")
        self.mode = QComboBox()
        self.mode.addItem(self.tr("Ship by courier"), "ship")
        self.mode.addItem(self.tr("Same-city delivery"), "same_city")
        form.addRow(self.tr("Quantity"), self.quantity)
        form.addRow(self.tr("Customer's phone"), self.phone)
        form.addRow(self.tr("Customer's name"), self.name)
        form.addRow(self.tr("Address"), self.address)
        form.addRow(self.tr("Delivery"), self.mode)
        row = QHBoxLayout()
        cancel = touch_button(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        send = touch_button(self.tr("Place order"), name="shipPlace")
        send.clicked.connect(self.accept)
        row.addWidget(cancel)
        row.addWidget(send)
        form.addRow(row)

    def request(self) -> ShipRequest:
        return ShipRequest(self._request_id, self._store, self._found.sku_code,
                           Quantity.units(self.quantity.value()), self._found.unit_price,
                           self.phone.text(), self.name.text().strip(), self.address.text(),
                           self.mode.currentData())


class RequestTransferDialog(QDialog):
    """How many to ask the other store for, and a note for it (e.g. the customer's name)."""

    def __init__(self, store: str, found: StockLookup, request_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Ask store %1 for a transfer").replace("%1", store))
        self.store, self.request_id = store, request_id  # one id per form: asked once
        form = QFormLayout(self)
        form.addRow(QLabel(f"{found.name} · {found.sku_code}"))
        self.quantity = QSpinBox()
        self.quantity.setObjectName("requestQuantity")
        self.quantity.setRange(1, 9999)
        self.note = QLineEdit()
        self.note.setObjectName("requestNote")
        self.note.setMaxLength(300)
        form.addRow(self.tr("Quantity"), self.quantity)
        form.addRow(self.tr("Note for the store"), self.note)
        row = QHBoxLayout()
        cancel = touch_button(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        send = touch_button(self.tr("Ask for a transfer"), name="requestSend")
        send.clicked.connect(self.accept)
        row.addWidget(cancel)
        row.addWidget(send)
        form.addRow(row)
