"""Transfers (调拨): send goods to another store, receive what arrived with differences."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.services.inventory.services import InventoryServices
from ui.backoffice.common import TOUCH, RowsModel, button, parse_qty, qty, show_error, table
from ui.errors import user_message


class TransfersPage(QWidget):
    def __init__(self, services: InventoryServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.lines: dict[str, tuple[str, int]] = {}  # product id -> (name, milli)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Send goods")))
        row = QHBoxLayout()
        self.to_store = QComboBox()
        self.to_store.setObjectName("transferTo")
        self.to_store.setMinimumWidth(200)
        self.to_store.setPlaceholderText(self.tr("No other store set up"))
        self.code, self.quantity = QLineEdit(), QLineEdit()
        self.code.setPlaceholderText(self.tr("Scan or type a code"))
        self.quantity.setPlaceholderText(self.tr("Qty"))
        self.quantity.setMaximumWidth(120)
        for w in (self.to_store, self.quantity, self.code):
            w.setMinimumHeight(TOUCH)
        self.code.returnPressed.connect(self.add_line)
        row.addWidget(self.to_store)
        row.addWidget(self.quantity)
        row.addWidget(self.code, 1)
        row.addWidget(button(self.tr("Send"), self.send, "sendTransfer"))
        layout.addLayout(row)
        self.message = QLabel()
        layout.addWidget(self.message)
        self.send_model = RowsModel([self.tr("Name"), self.tr("Qty")], lambda kv: (kv[1][0], qty(kv[1][1])))
        layout.addWidget(table(self.send_model, 0, "transferLines"), 1)
        layout.addWidget(QLabel(self.tr("Transfers")))
        self.list_model = RowsModel(
            [self.tr("Number"), self.tr("From"), self.tr("To"), self.tr("Status"), self.tr("Differences")],
            lambda t: (t.number, self._store(t.from_store_id), self._store(t.to_store_id), t.status,
                       "; ".join(f"{l.name} {qty(l.difference_milli)}" for l in t.differences)))
        self.list = table(self.list_model, 4, "transferList")
        layout.addWidget(self.list, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(button(self.tr("Receive…"), self.receive, "receiveTransfer"))
        layout.addLayout(bottom)
        self.refresh()

    def _store(self, store_id: str) -> str:
        return self._names.get(store_id, store_id[:8])

    def refresh(self) -> None:
        stores = self.services.transfers.stores()
        t = self.services.terminal
        self._names = {sid: f"{code} {name}" for sid, code, name in stores} | {t.store_id: f"{t.store_code} {t.store_name}"}
        chosen = self.to_store.currentData()
        self.to_store.clear()
        for sid, code, name in stores:
            self.to_store.addItem(f"{code} {name}", sid)
        if stores:  # with a placeholder the combo otherwise starts with nothing chosen
            self.to_store.setCurrentIndex(max(0, self.to_store.findData(chosen)))
        transfers = self.services.transfers.outgoing() + [
            v for sid, _, _ in stores for v in self.services.transfers.incoming(sid)
            if v.from_store_id != t.store_id] + [
            v for v in self.services.transfers.incoming() if v.from_store_id != t.store_id]
        self.list_model.set_rows(sorted({v.id: v for v in transfers}.values(), key=lambda v: v.number, reverse=True))

    def add_line(self) -> None:
        try:
            found, _ = self.services.purchasing.lookup(self.code.text())
            amount = parse_qty(self.quantity.text() or "1") * found.factor_milli // 1000
        except ValueError:
            self.message.setText(self.tr("Type the quantity as a number."))
            return
        except Exception as exc:  # noqa: BLE001
            self.message.setText(user_message(exc))
            return
        name, before = self.lines.get(found.product_id, (found.name, 0))
        self.lines[found.product_id] = (name, before + amount)
        self.send_model.set_rows(list(self.lines.items()))
        self.code.clear()
        self.quantity.clear()

    def send(self) -> None:
        try:
            self.services.transfers.send(self.to_store.currentData(), {p: q for p, (_, q) in self.lines.items()})
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.lines.clear()
        self.send_model.set_rows([])
        self.message.setText(self.tr("Sent: the goods are in transit."))
        self.refresh()

    def receive(self) -> None:
        row = self.list.currentIndex().row()
        if not 0 <= row < len(self.list_model.rows):
            return
        view = self.list_model.rows[row]
        if view.status != "in_transit":
            return
        dialog = ReceiveTransferDialog(view, self)
        if dialog.exec():
            try:
                self.services.transfers.receive(view.id, dialog.received())
            except Exception as exc:  # noqa: BLE001
                show_error(self, exc)
            self.refresh()


class ReceiveTransferDialog(QDialog):
    """What arrived, line by line (prefilled with what was sent)."""

    def __init__(self, view, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setWindowTitle(self.tr("Receive %1").replace("%1", view.number))
        layout = QVBoxLayout(self)
        self.grid = QTableWidget(len(view.lines), 3)
        self.grid.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Sent"), self.tr("Received")])
        for i, line in enumerate(view.lines):
            for col, value in enumerate((line.name, qty(line.sent_milli), qty(line.sent_milli))):
                item = QTableWidgetItem(value)
                if col < 2:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.grid.setItem(i, col, item)
        layout.addWidget(self.grid)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button(self.tr("Cancel"), self.reject))
        row.addWidget(button(self.tr("Receive"), self.accept, "confirmReceiveTransfer"))
        layout.addLayout(row)

    def received(self) -> dict[str, int]:
        out = {}
        for i, line in enumerate(self.view.lines):
            try:
                out[line.product_id] = parse_qty(self.grid.item(i, 2).text())
            except ValueError:
                out[line.product_id] = line.sent_milli
        return out
