"""The checkout screen: scan field with the focus, cart, totals, function keys."""
from __future__ import annotations

import re

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from app.bootstrap import AppContext
from app.domain.quantity import Quantity, QuantityError
from app.services.checkout import CompletedSale, WeightRequired
from app.services.errors import ServiceError
from ui.dialogs.payment import CashPaymentDialog
from ui.dialogs.quantity import QuantityDialog
from ui.dialogs.search import SearchDialog
from ui.errors import user_message
from ui.models.cart_model import CartTableModel
from ui.widgets.keypad import TOUCH_SIZE

# "3*6901234567892": three of the scanned item
QUANTITY_PREFIX = re.compile(r"^(\d{1,4})\*(.+)$")

ACTIONS = (
    ("quantity", "F2", QT_TRANSLATE_NOOP("CheckoutScreen", "Quantity")),
    ("search", "F3", QT_TRANSLATE_NOOP("CheckoutScreen", "Search")),
    ("remove", "F4", QT_TRANSLATE_NOOP("CheckoutScreen", "Remove line")),
    ("reprint", "F5", QT_TRANSLATE_NOOP("CheckoutScreen", "Reprint")),
    ("cancel", "F9", QT_TRANSLATE_NOOP("CheckoutScreen", "Cancel sale")),
    ("logout", "F10", QT_TRANSLATE_NOOP("CheckoutScreen", "Log out")),
    ("pay", "F12", QT_TRANSLATE_NOOP("CheckoutScreen", "Cash")),
)


class CheckoutScreen(QWidget):
    sale_completed = Signal(object)  # CompletedSale
    logout_requested = Signal()
    reprint_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.checkout = ctx.checkout
        self.model = CartTableModel(self)
        self.buttons: dict[str, QPushButton] = {}
        layout = QVBoxLayout(self)
        layout.addLayout(self._scan_row())
        self.message = QLabel()
        self.message.setObjectName("checkoutMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(28)
        layout.addWidget(self.message)
        body = QHBoxLayout()
        body.addWidget(self._cart_table(), 3)
        body.addWidget(self._totals_panel(), 1)
        layout.addLayout(body, 1)
        layout.addLayout(self._action_bar())
        self.refresh()

    # --- layout ----------------------------------------------------------
    def _scan_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        label = QLabel(self.tr("Scan / code"))
        label.setStyleSheet("font-size: 14pt;")
        self.scan = QLineEdit()
        self.scan.setObjectName("scanField")
        self.scan.setMinimumHeight(48)
        self.scan.setStyleSheet("font-size: 18pt;")
        self.scan.setPlaceholderText(self.tr("Scan a barcode, or type a code and press Enter (3*code for three)"))
        self.scan.returnPressed.connect(self._on_enter)
        self.scan.installEventFilter(self)
        row.addWidget(label)
        row.addWidget(self.scan, 1)
        return row

    def _cart_table(self) -> QTableView:
        self.table = QTableView()
        self.table.setObjectName("cartTable")
        self.table.setModel(self.model)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(40)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        for column, width in ((2, 110), (3, 120), (4, 130)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.table.setStyleSheet("font-size: 13pt;")
        return self.table

    def _totals_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("totalsPanel")
        panel.setStyleSheet("#totalsPanel { background: #f6f8fa; border-radius: 8px; }")
        box = QVBoxLayout(panel)
        caption = QLabel(self.tr("Total"))
        caption.setStyleSheet("font-size: 14pt; color: #57606a;")
        self.total_label = QLabel()
        self.total_label.setObjectName("totalLabel")
        self.total_label.setStyleSheet("font-size: 30pt; font-weight: bold; color: #0b3d91;")
        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setStyleSheet("font-size: 13pt;")
        self.last_label = QLabel()
        self.last_label.setObjectName("lastItemLabel")
        self.last_label.setWordWrap(True)
        self.last_label.setStyleSheet("font-size: 12pt; color: #24292f;")
        for widget in (caption, self.total_label, self.count_label, self.last_label):
            box.addWidget(widget)
        box.addStretch(1)
        return panel

    def _action_bar(self) -> QGridLayout:
        grid = QGridLayout()
        handlers = {"quantity": self.change_quantity, "search": self.open_search,
                    "remove": self.remove_selected, "reprint": self.reprint_requested.emit,
                    "cancel": self.cancel_sale, "logout": self.logout_requested.emit,
                    "pay": self.open_payment}
        for i, (name, key, text) in enumerate(ACTIONS):
            label = QCoreApplication.translate("CheckoutScreen", text)
            button = QPushButton(f"{label}\n{key}")
            button.setObjectName(f"action_{name}")
            button.setMinimumHeight(TOUCH_SIZE + 8)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            if name == "pay":
                button.setStyleSheet("background: #1a7f37; color: white; font-weight: bold;")
            button.clicked.connect(lambda _=False, h=handlers[name]: self._run(h))
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda h=handlers[name]: self._run(h))
            self.buttons[name] = button
            grid.addWidget(button, 0, i)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self)
        delete.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        delete.activated.connect(self.remove_selected)
        return grid

    # --- behaviour ---------------------------------------------------------
    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if obj is self.scan and event.type() == event.Type.KeyPress and event.key() in (
                Qt.Key.Key_Up, Qt.Key.Key_Down):
            self._move_selection(-1 if event.key() == Qt.Key.Key_Up else 1)
            return True
        return super().eventFilter(obj, event)

    def _run(self, handler) -> None:
        handler()
        self.focus_scan()

    def focus_scan(self) -> None:
        self.scan.setFocus()

    def start(self) -> None:
        self.show_message("")
        self.refresh()
        self.focus_scan()

    def _on_enter(self) -> None:
        text = self.scan.text().strip()
        self.scan.clear()
        if text:
            self.add_code(text)
        elif self.checkout.draft and not self.checkout.draft.cart.is_empty():
            self.open_payment()

    def add_code(self, text: str) -> None:
        """A scan or a typed code; '3*code' adds three."""
        quantity = None
        match = QUANTITY_PREFIX.match(text)
        if match:
            quantity, text = Quantity.units(int(match.group(1))), match.group(2)
        try:
            try:
                line = self.checkout.add_code(text, quantity)
            except WeightRequired as need:
                weight = self._ask_weight(need.params["name"])
                if weight is None:
                    return
                line = self.checkout.add_code(text, weight)
        except ServiceError as exc:
            self.show_error(user_message(exc))
            return
        self.show_message("")
        self.refresh(select_last=True)
        self.last_label.setText(f"{line.product.name}\n{line.quantity.format()} × "
                                f"{line.product.unit_price.format()} = {line.amount.format()}")

    def _ask_weight(self, name: str) -> Quantity | None:
        dialog = QuantityDialog(name, "", True, self)
        while dialog.exec():
            try:
                return Quantity.parse(dialog.value(), weighed=True)
            except QuantityError:
                dialog.edit.selectAll()
        return None

    def selected_line(self):
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.model.rowCount() - 1
        return self.model.line_at(row)

    def change_quantity(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        dialog = QuantityDialog(line.product.name, line.quantity.format(), line.product.is_weighed, self)
        if not dialog.exec():
            return
        try:
            self.checkout.set_quantity(line.line_id, dialog.value())
        except ServiceError as exc:
            self.show_error(user_message(exc))
            return
        self.refresh()

    def remove_selected(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        try:
            self.checkout.remove_line(line.line_id)
        except ServiceError as exc:
            self.show_error(user_message(exc))
            return
        self.show_message(self.tr("Removed: %1").replace("%1", line.product.name))
        self.refresh()

    def cancel_sale(self) -> None:
        self.checkout.cancel_sale()
        self.show_message(self.tr("Sale cancelled."))
        self.refresh()

    def open_search(self) -> None:
        dialog = SearchDialog(self.ctx.catalog, self.scan.text().strip(), self)
        self.scan.clear()
        if dialog.exec() and dialog.chosen is not None:
            self.add_code(dialog.chosen.product.barcode or dialog.chosen.product.sku_code)

    def open_payment(self) -> None:
        draft = self.checkout.draft
        if draft is None or draft.cart.is_empty():
            self.show_error(self.tr("The sale is empty: scan something first."))
            return
        dialog = CashPaymentDialog(draft.cart.total, self.checkout.pay_cash, self)
        if dialog.exec() and dialog.completed is not None:
            self.refresh()
            self.last_label.clear()
            self.sale_completed.emit(dialog.completed)

    # --- display -----------------------------------------------------------
    def refresh(self, select_last: bool = False) -> None:
        draft = self.checkout.draft
        lines = draft.cart.lines if draft else ()
        self.model.set_lines(lines)
        cart = draft.cart if draft else None
        self.total_label.setText((cart.total if cart else None).format() if cart else "¥0.00")
        count = cart.piece_count if cart else 0
        self.count_label.setText(self.tr("%n item(s)", "", count))
        if select_last and lines:
            self.table.selectRow(len(lines) - 1)
            self.table.scrollToBottom()

    def _move_selection(self, step: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        current = self.table.selectionModel().selectedRows()
        row = current[0].row() if current else rows - 1
        self.table.selectRow(max(0, min(rows - 1, row + step)))

    def show_message(self, text: str) -> None:
        self.message.setStyleSheet("color: #24292f; font-size: 12pt;")
        self.message.setText(text)

    def show_error(self, text: str) -> None:
        self.message.setStyleSheet("color: white; background: #cf222e; padding: 4px; font-size: 12pt;")
        self.message.setText(text)
        QApplication.beep()
