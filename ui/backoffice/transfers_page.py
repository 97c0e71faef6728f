"""Transfers (调拨): send goods to another store, receive what arrives with the differences
(short, over, damaged), see what is in transit either way and what the other store found."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QTableWidget, QTableWidgetItem, QVBoxLayout,
    QWidget,
)

from app.services.channel_transfer_requests import TransferRequests, TransferRequestView
from app.services.inventory.services import InventoryServices
from app.services.inventory.transfer_views import TransferView
from ui.backoffice.common import TOUCH, RowsModel, button, parse_qty, qty, show_error, table
from ui.errors import user_message


class TransfersPage(QWidget):
    def __init__(self, services: InventoryServices, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.requests = TransferRequests.build(services.engine, services.terminal,
                                               services.catalog, services.transfers)
        self.request_id: str | None = None  # the request the send form was prefilled from
        self.lines: dict[str, tuple[str, int]] = {}  # product id -> (name, milli)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Send goods")))
        layout.addLayout(self._send_row())
        self.message = QLabel()
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.send_model = RowsModel([self.tr("Name"), self.tr("Qty")], lambda kv: (kv[1][0], qty(kv[1][1])))
        layout.addWidget(table(self.send_model, 0, "transferLines"), 1)
        self.requests_label = QLabel()
        layout.addWidget(self.requests_label)
        self.requests_model = RowsModel(
            [self.tr("Requested by"), self.tr("Goods"), self.tr("Note")],
            lambda r: (self.tr("Requested by store %1").replace("%1", r.to_store),
                       ", ".join(f"{line.name or line.sku_code} × {qty(line.quantity.milli)}"
                                 for line in r.lines), r.note))
        self.requested = table(self.requests_model, 1, "transferRequests")
        self.requested.doubleClicked.connect(lambda _index: self.prefill_request())
        layout.addWidget(self.requested, 1)
        layout.addLayout(self._buttons(button(self.tr("Send what they asked for…"),
                                              self.prefill_request, "sendRequested")))
        self.incoming_label = QLabel()
        layout.addWidget(self.incoming_label)
        self.incoming_model = self._transfers_model()
        self.incoming = table(self.incoming_model, 4, "incomingTransfers")
        self.incoming.doubleClicked.connect(lambda _index: self.receive())
        layout.addWidget(self.incoming, 1)
        layout.addLayout(self._buttons(button(self.tr("Receive…"), self.receive, "receiveTransfer")))
        layout.addWidget(QLabel(self.tr("Sent by this store")))
        self.list_model = self._transfers_model()
        self.list = table(self.list_model, 4, "transferList")
        layout.addWidget(self.list, 1)
        layout.addLayout(self._buttons(button(self.tr("Take back"), self.take_back, "takeBackTransfer")))
        self.refresh()

    def _send_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.to_store = QComboBox()
        self.to_store.setObjectName("transferTo")
        self.to_store.setMinimumWidth(200)
        self.to_store.setEditable(True)  # any store code of the merchant, once enrolled with the cloud
        self.to_store.lineEdit().setPlaceholderText(self.tr("Store code"))
        self.to_store.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
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
        return row

    @staticmethod
    def _buttons(*buttons) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for b in buttons:
            row.addWidget(b)
        return row

    def _transfers_model(self) -> RowsModel:
        return RowsModel(
            [self.tr("Number"), self.tr("From"), self.tr("To"), self.tr("Status"), self.tr("Differences")],
            lambda t: (t.number, self._store(t.from_store_id, t.from_store_code),
                       self._store(t.to_store_id, t.to_store_code), self.status_text(t),
                       self.differences_text(t)))

    def _store(self, store_id: str | None, code: str) -> str:
        return self._names.get(store_id, code) if store_id else code

    def status_text(self, view: TransferView) -> str:
        texts = {"in_transit": self.tr("In transit"), "received": self.tr("Received"),
                 "returned": self.tr("Taken back")}
        if view.status == "refused":
            return self.tr("Refused by head office: %1").replace("%1", view.reason)
        return texts.get(view.status, view.status)

    def differences_text(self, view: TransferView) -> str:
        parts = []
        for line in view.differences:
            found = []
            if line.short_milli:
                found.append(self.tr("short %1").replace("%1", qty(line.short_milli)))
            if line.over_milli:
                found.append(self.tr("over %1").replace("%1", qty(line.over_milli)))
            if line.damaged_milli:
                found.append(self.tr("damaged %1").replace("%1", qty(line.damaged_milli)))
            note = f" ({line.note})" if line.note else ""
            parts.append(f"{line.name or line.sku_code}: {', '.join(found)}{note}")
        return "; ".join(parts)

    def refresh(self) -> None:
        transfers = self.services.transfers
        stores = transfers.stores()
        t = self.services.terminal
        self._names = {sid: f"{code} {name}" for sid, code, name in stores} | {
            t.store_id: f"{t.store_code} {t.store_name}"}
        typed = self.to_store.currentText()
        self.to_store.clear()
        for sid, code, name in stores:
            self.to_store.addItem(f"{code} {name}", sid)
        for code in transfers.remote_store_codes():
            self.to_store.addItem(code, code)
        found = self.to_store.findText(typed) if typed else -1
        self.to_store.setCurrentIndex(found if found >= 0 else min(0, self.to_store.count() - 1))
        if typed and found < 0:
            self.to_store.setEditText(typed)  # a store code being typed survives a refresh
        # Incoming: to this store, and (one database, several stores) to the other local ones.
        incoming = {v.id: v for v in transfers.incoming()}
        for sid, _, _ in stores:
            incoming.update({v.id: v for v in transfers.incoming(sid)})
        waiting = sorted(incoming.values(), key=lambda v: (not v.in_transit, v.number))
        self.incoming_model.set_rows(waiting)
        count = sum(1 for v in waiting if v.in_transit)
        self.incoming_label.setText(self.tr("Coming in (%1 in transit)").replace("%1", str(count)))
        self.list_model.set_rows(sorted(transfers.outgoing(), key=lambda v: v.number, reverse=True))
        asked = self.requests.to_send()
        self.requests_model.set_rows(asked)
        self.requests_label.setText(self.tr("Requested by other stores (%1 to send)")
                                    .replace("%1", str(len(asked))))

    def destination(self) -> str:
        """The chosen store's id, or the store code typed in."""
        text = self.to_store.currentText().strip()
        index = self.to_store.findText(text)
        return self.to_store.itemData(index) if index >= 0 else text

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

    def prefill_request(self) -> None:
        """Fill the send form from the chosen request; the manager checks it and sends."""
        row = self.requested.currentIndex().row()
        if not 0 <= row < len(self.requests_model.rows):
            self.message.setText(self.tr("Choose a request to send its goods."))
            return
        request: TransferRequestView = self.requests_model.rows[row]
        try:
            quantities = self.requests.prefill(request.id)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        names = [line.name or line.sku_code for line in request.lines]  # same order
        self.lines = {pid: (name, q) for name, (pid, q) in zip(names, quantities.items())}
        self.send_model.set_rows(list(self.lines.items()))
        self.to_store.setEditText(request.to_store)
        self.request_id = request.id
        self.message.setText(self.tr("Prefilled from store %1's request: check the goods, "
                                     "then press Send.").replace("%1", request.to_store))

    def send(self) -> None:
        lines = {p: q for p, (_, q) in self.lines.items()}
        try:
            if self.request_id:  # fulfils the request: goes to the store that asked
                self.requests.fulfil(self.request_id, lines)
            else:
                self.services.transfers.send(self.destination(), lines)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.request_id = None
        self.lines.clear()
        self.send_model.set_rows([])
        self.message.setText(self.tr("Sent: the goods are in transit."))
        self.refresh()

    def selected_incoming(self) -> TransferView | None:
        row = self.incoming.currentIndex().row()
        return self.incoming_model.rows[row] if 0 <= row < len(self.incoming_model.rows) else None

    def receive(self) -> None:
        view = self.selected_incoming()
        if view is None or not view.in_transit:
            self.message.setText(self.tr("Choose a transfer that is in transit to receive it."))
            return
        dialog = ReceiveTransferDialog(view, self)
        if dialog.exec():
            self.post_receipt(dialog)

    def post_receipt(self, dialog: "ReceiveTransferDialog") -> None:
        try:
            received = self.services.transfers.receive(dialog.view.id, dialog.received(),
                                                       dialog.damaged(), dialog.notes())
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.message.setText(self.tr("Received %1.").replace("%1", received.number)
                             + (" " + self.differences_text(received) if received.differences else ""))
        self.refresh()

    def take_back(self) -> None:
        row = self.list.currentIndex().row()
        if not 0 <= row < len(self.list_model.rows):
            return
        try:
            view = self.services.transfers.take_back(self.list_model.rows[row].id)
        except Exception as exc:  # noqa: BLE001
            show_error(self, exc)
            return
        self.message.setText(self.tr("%1 is back in stock.").replace("%1", view.number))
        self.refresh()


class ReceiveTransferDialog(QDialog):
    """What arrived, line by line (prefilled with what was sent): the quantity that arrived
    (damaged goods included), how much of it is damaged, and a note."""

    ARRIVED, DAMAGED, NOTE = 2, 3, 4

    def __init__(self, view: TransferView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.setWindowTitle(self.tr("Receive %1").replace("%1", view.number))
        self.setMinimumWidth(640)
        layout = QVBoxLayout(self)
        self.grid = QTableWidget(len(view.lines), 5)
        self.grid.setObjectName("receiveGrid")
        self.grid.setHorizontalHeaderLabels([self.tr("Name"), self.tr("Sent"), self.tr("Arrived"),
                                             self.tr("Damaged"), self.tr("Note")])
        for i, line in enumerate(view.lines):
            cells = (line.name or line.sku_code, qty(line.sent_milli), qty(line.sent_milli), "0", "")
            for col, value in enumerate(cells):
                item = QTableWidgetItem(value)
                if col < self.ARRIVED:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                self.grid.setItem(i, col, item)
        self.grid.resizeColumnsToContents()
        self.grid.horizontalHeader().setStretchLastSection(True)
        self.grid.verticalHeader().setDefaultSectionSize(TOUCH)
        layout.addWidget(self.grid)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button(self.tr("Cancel"), self.reject))
        row.addWidget(button(self.tr("Receive"), self.accept, "confirmReceiveTransfer"))
        layout.addLayout(row)

    def _key(self, line) -> str:
        return line.product_id or line.sku_code

    def _quantities(self, column: int, default) -> dict[str, int]:
        out = {}
        for i, line in enumerate(self.view.lines):
            try:
                out[self._key(line)] = parse_qty(self.grid.item(i, column).text() or "0")
            except ValueError:
                out[self._key(line)] = default(line)
        return out

    def received(self) -> dict[str, int]:
        return self._quantities(self.ARRIVED, lambda line: line.sent_milli)

    def damaged(self) -> dict[str, int]:
        return self._quantities(self.DAMAGED, lambda line: 0)

    def notes(self) -> dict[str, str]:
        return {self._key(line): self.grid.item(i, self.NOTE).text()
                for i, line in enumerate(self.view.lines)}
