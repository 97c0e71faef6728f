"""The checkout screen: scan field with the focus, cart, totals, function keys."""
from __future__ import annotations

import re
from decimal import Decimal

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QApplication, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QInputDialog,
    QLabel,
    QLineEdit, QPushButton, QTableView, QVBoxLayout, QWidget,
)

from app.bootstrap import AppContext
from app.domain.money import Money
from app.domain.quantity import Quantity, QuantityError
from app.services.checkout import DiscountLimit, PriceRequired, WeightRequired
from app.services.errors import NotFound, ServiceError, StateError
from app.services.permissions import PermissionDenied
from ui.dialogs.manager_override import ask_for_approval
from app.services.held_sales import HeldSales
from app.services.returns import ReturnsService
from ui.dialogs.discount import DiscountDialog, PriceDialog
from ui.dialogs.held import RecallDialog
from ui.dialogs.payment import TenderDialog
from ui.dialogs.quantity import QuantityDialog
from ui.dialogs.returns import ReturnDialog
from ui.dialogs.search import SearchDialog
from ui.members.checkout_panel import CheckoutMemberSide
from drivers.display import item_lines
from ui.errors import user_message
from ui.tasks import run_in_background
from ui.models.cart_model import CartTableModel
from ui.widgets.keypad import TOUCH_SIZE

# "3*6901234567892": three of the scanned item
QUANTITY_PREFIX = re.compile(r"^(\d{1,4})\*(.+)$")

ACTIONS = (
    ("member", "F1", QT_TRANSLATE_NOOP("CheckoutScreen", "Member")),
    ("salesperson", "Shift+F1", QT_TRANSLATE_NOOP("CheckoutScreen", "Salesperson")),
    ("line_salesperson", "Shift+F2", QT_TRANSLATE_NOOP("CheckoutScreen", "Line salesperson")),
    ("quantity", "F2", QT_TRANSLATE_NOOP("CheckoutScreen", "Quantity")),
    ("search", "F3", QT_TRANSLATE_NOOP("CheckoutScreen", "Search")),
    ("remove", "F4", QT_TRANSLATE_NOOP("CheckoutScreen", "Remove line")),
    ("reprint", "F5", QT_TRANSLATE_NOOP("CheckoutScreen", "Reprint")),
    ("discount", "F6", QT_TRANSLATE_NOOP("CheckoutScreen", "Line discount")),
    ("hold", "F7", QT_TRANSLATE_NOOP("CheckoutScreen", "Hold / recall")),
    ("reprint_any", "Shift+F5", QT_TRANSLATE_NOOP("CheckoutScreen", "Reprint receipt…")),
    ("order_discount", "Shift+F6", QT_TRANSLATE_NOOP("CheckoutScreen", "Order discount")),
    ("return", "F8", QT_TRANSLATE_NOOP("CheckoutScreen", "Return")),
    ("cancel", "F9", QT_TRANSLATE_NOOP("CheckoutScreen", "Cancel sale")),
    ("logout", "F10", QT_TRANSLATE_NOOP("CheckoutScreen", "Log out")),
    ("price", "F11", QT_TRANSLATE_NOOP("CheckoutScreen", "Change price")),
    # F12 opens the payment dialog (cash first, then card and mobile there)
    ("pay", "F12", QT_TRANSLATE_NOOP("CheckoutScreen", "Cash")),
)
BUTTONS_PER_ROW = 8
# Without staff rules (a till built without them), a cashier may give up to 10% / ¥50;
# with them the service takes the limit from the cashier's role.
CASHIER_DISCOUNT_LIMIT = DiscountLimit(Decimal(10), Money(5000))


class CheckoutScreen(QWidget):
    sale_completed = Signal(object)  # CompletedSale
    # for the customer's screen: name, quantity text, line amount, unit price, sale total, items
    line_added = Signal(str, str, object, object, object, int)
    payment_started = Signal(object)  # the amount to pay
    logout_requested = Signal()
    reprint_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.checkout = ctx.checkout
        self.held = HeldSales(ctx.sessions, ctx.checkout, ctx.terminal, ctx.clock)
        self.returns = ReturnsService(ctx.sessions, ctx.terminal, ctx.clock, ctx.checkout.payments,
                                      guard=ctx.checkout.guard, members=ctx.members.tenders)
        self.model = CartTableModel(self)
        self.member_side = CheckoutMemberSide(ctx, self.checkout, self, self._report,
                                              self.selected_line, self.refresh)
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
        for column, width in ((2, 110), (3, 110), (4, 120), (5, 110)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
            header.resizeSection(column, width)
        self.table.setStyleSheet("font-size: 13pt;")
        return self.table

    def _totals_panel(self) -> QFrame:
        panel = QFrame()
        panel.setObjectName("totalsPanel")
        panel.setStyleSheet("#totalsPanel { background: #f6f8fa; border-radius: 8px; }")
        box = QVBoxLayout(panel)
        box.addWidget(self.member_side.panel)
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
        self.last_label.setMinimumHeight(3 * self.last_label.fontMetrics().lineSpacing())
        self.saved_label = QLabel()
        self.saved_label.setObjectName("savedLabel")
        self.saved_label.setStyleSheet("font-size: 13pt; color: #cf222e;")
        self.rounding_label = QLabel()
        self.rounding_label.setObjectName("roundingLabel")
        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        self.due_label.setWordWrap(True)
        self.due_label.setStyleSheet("font-size: 13pt; font-weight: bold;")
        for widget in (caption, self.total_label, self.count_label, self.saved_label,
                       self.rounding_label, self.due_label, self.last_label):
            box.addWidget(widget)
        box.addStretch(1)
        return panel

    def _action_bar(self) -> QGridLayout:
        grid = QGridLayout()
        side = self.member_side
        handlers = {"member": side.find_member, "salesperson": side.choose_salesperson,
                    "line_salesperson": side.choose_line_salesperson,
                    "quantity": self.change_quantity, "search": self.open_search,
                    "remove": self.remove_selected, "reprint": self.reprint_requested.emit,
                    "reprint_any": self.reprint_any, "discount": self.line_discount,
                    "order_discount": self.order_discount, "hold": self.hold_or_recall,
                    "return": self.open_return, "cancel": self.cancel_sale,
                    "logout": self.logout_requested.emit, "price": self.change_price,
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
            grid.addWidget(button, i // BUTTONS_PER_ROW, i % BUTTONS_PER_ROW)
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
        if QApplication.activeModalWidget() is not None:
            return  # a dialog is asking something: the sale's keys wait until it closes
        handler()
        self.focus_scan()

    def focus_scan(self) -> None:
        self.scan.setFocus()

    def start(self) -> None:
        self.show_message("")
        self.refresh()
        self.focus_scan()
        run_in_background(self.checkout.settle_interrupted_payments, self._on_settled,
                          lambda exc: self.show_error(user_message(exc)))

    def _on_settled(self, unsettled) -> None:
        if unsettled:
            self.show_error(self.tr("%n interrupted mobile payment(s) could not be reversed "
                                    "yet. They are kept and tried again at the next log in; "
                                    "tell a manager.", "", len(unsettled)))

    def _on_enter(self) -> None:
        text = self.scan.text().strip()
        self.scan.clear()
        if text:
            self.add_code(text)
        elif self.checkout.draft and not self.checkout.draft.cart.is_empty():
            self.open_payment()

    def add_code(self, text: str) -> None:
        """A scan or a typed code; '3*code' adds three. Member codes, member cards and
        salesperson badges go to the member side."""
        if self.member_side.take_scan(text):
            return
        quantity = price = None
        match = QUANTITY_PREFIX.match(text)
        if match:
            quantity, text = Quantity.units(int(match.group(1))), match.group(2)
        for _ in range(3):  # at most: ask the weight, then the price
            try:
                line = self.checkout.add_code(text, quantity, price)
                break
            except WeightRequired as need:
                quantity = self._ask_weight(need.params["name"])
                if quantity is None:
                    return
            except PriceRequired as need:
                price = self._ask_price(need.params["name"])
                if price is None:
                    return
            except ServiceError as exc:
                if isinstance(exc, NotFound) and self.member_side.take_unknown_code(text):
                    return
                self.show_error(user_message(exc))
                return
        else:
            return
        self.show_message("")
        self.refresh(select_last=True)
        priced = self.checkout.draft.priced.line(line.line_id)  # at a member price, if any
        amount = priced.amount
        self.last_label.setText(f"{line.product.name}\n{line.quantity.format()} × "
                                f"{priced.base_price.format()} = {amount.format()}")
        self._show_customer(line.product.name, amount, self.checkout.draft.total)
        draft = self.checkout.draft
        self.line_added.emit(line.product.name, line.quantity.format(), amount,
                             line.product.unit_price, draft.total, draft.cart.piece_count)

    def _show_customer(self, name: str, amount: Money, total: Money) -> None:
        """The pole display shows the item and the running total (in the background: a
        serial display must never slow the scan)."""
        devices = getattr(self.ctx, "devices", None)
        if devices is None or devices.display is None:
            return
        top, bottom = item_lines(name, amount, total)
        run_in_background(lambda: devices.show_on_display(top, bottom), None,
                          lambda exc: None)  # the status bar reports a display problem

    def _ask_weight(self, name: str) -> Quantity | None:
        devices = getattr(self.ctx, "devices", None)
        scale = devices.read_weight if devices is not None and devices.scale is not None else None
        dialog = QuantityDialog(name, "", True, self, read_weight=scale)
        while dialog.exec():
            try:
                return Quantity.parse(dialog.value(), weighed=True)
            except QuantityError:
                dialog.edit.selectAll()
        return None

    def _ask_price(self, name: str) -> Money | None:
        dialog = PriceDialog(name, None, self)
        return dialog.price if dialog.exec() else None

    def selected_line(self):
        rows = self.table.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.model.rowCount() - 1
        return self.model.line_at(row)

    def _apply(self, change, message: str = "") -> bool:
        """Run a service change; show its refusal as a sentence. True when it went through."""
        try:
            change()
        except ServiceError as exc:
            self.show_error(user_message(exc))
            return False
        self.show_message(message)
        self.refresh()
        return True

    def apply_guarded(self, change, message: str = "") -> bool:
        """Like _apply for actions behind a permission: when the cashier may not, a supervisor
        approves on the spot (badge or PIN) and the action runs with that approval."""
        def run() -> None:
            try:
                change(None)
            except PermissionDenied as denied:
                approval = ask_for_approval(self, self.ctx.perms, denied.permission,
                                            user_message(denied))
                if approval is None:
                    raise StateError("Not done: no supervisor approved it.") from denied
                change(approval)
        return self._apply(run, message)

    def change_quantity(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        dialog = QuantityDialog(line.product.name, line.quantity.format(), line.product.is_weighed, self)
        if dialog.exec():
            self._apply(lambda: self.checkout.set_quantity(line.line_id, dialog.value()))

    def change_price(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        dialog = PriceDialog(line.product.name, line.product.unit_price, self)
        if dialog.exec() and dialog.price is not None:
            self.apply_guarded(lambda ok: self.checkout.set_price(line.line_id, dialog.price,
                                                                   approver=ok))

    def line_discount(self) -> None:
        line = self.selected_line()
        if line is None:
            return
        current = self.checkout.draft.line_discounts.get(line.line_id)
        dialog = DiscountDialog(self.tr("Discount on %1").replace("%1", line.product.name),
                                current, self)
        if dialog.exec():
            self.apply_guarded(lambda ok: self.checkout.set_line_discount(
                line.line_id, dialog.discount, CASHIER_DISCOUNT_LIMIT, approver=ok))

    def order_discount(self) -> None:
        draft = self.checkout.draft
        if draft is None or draft.cart.is_empty():
            return
        dialog = DiscountDialog(self.tr("Discount on the whole sale"), draft.order_discount, self)
        if dialog.exec():
            self.apply_guarded(lambda ok: self.checkout.set_order_discount(
                dialog.discount, CASHIER_DISCOUNT_LIMIT, approver=ok))

    def remove_selected(self) -> None:
        line = self.selected_line()
        if line is not None:
            self.apply_guarded(lambda ok: self.checkout.remove_line(line.line_id, approver=ok),
                        self.tr("Removed: %1").replace("%1", line.product.name))

    def cancel_sale(self) -> None:
        draft = self.checkout.draft
        cards = [t for t in draft.tenders if t.kind == "card"] if draft else []
        message = self.tr("Sale cancelled.")
        if cards:
            message += " " + self.tr("Void the card payment(s) on the card terminal: %1").replace(
                "%1", ", ".join(f"{t.amount.format()} ({t.reference})" for t in cards))
        if self.apply_guarded(lambda ok: self.checkout.cancel_sale(approver=ok), message):
            self.last_label.clear()

    def hold_or_recall(self) -> None:
        """F7: hold the sale on screen; with an empty sale, recall a held one."""
        draft = self.checkout.draft
        if draft is not None and not draft.cart.is_empty():
            if self._apply(self.held.hold, self.tr("Sale held. Press F7 with an empty sale to "
                                                   "recall it.")):
                self.last_label.clear()
            return
        held = self.held.list()
        if not held:
            self.show_message(self.tr("No held sales."))
            return
        dialog = RecallDialog(held, self.ctx.terminal.tz, self)
        if dialog.exec() and dialog.chosen is not None:
            self._apply(lambda: self.held.recall(dialog.chosen.id), self.tr("Held sale recalled."))

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
        self.payment_started.emit(draft.total)
        dialog = TenderDialog(self.checkout, self)
        dialog.exec()
        self._finish(dialog.completed)

    def _finish(self, completed) -> None:
        self.refresh()
        if completed is not None:
            self.last_label.clear()
            if completed.refund is not None:  # an exchange: its refund slip with the receipt
                refund_id, receipts = completed.refund.refund_id, self.ctx.receipts
                run_in_background(lambda: receipts.print_refund(refund_id), None, None)
            self.sale_completed.emit(completed)

    def open_return(self) -> None:
        draft = self.checkout.draft
        exchange_due = draft.due if draft and not draft.cart.is_empty() and not draft.tenders \
            else None
        dialog = ReturnDialog(self.returns, draft.cashier, exchange_due, self)
        if not dialog.exec():
            return
        if dialog.exchange is not None:
            self._take_exchange(dialog.exchange)
            return
        refund = dialog.refund
        receipts = self.ctx.receipts
        run_in_background(lambda: receipts.print_refund(refund.refund_id), None, None)
        self.show_message(self.tr("Refund %1: %2").replace("%1", refund.refund_no)
                          .replace("%2", ", ".join(f"{n} {a.format()}" for n, a in refund.tenders)))

    def _take_exchange(self, exchange) -> None:
        """Returned goods pay toward this sale; their refund is written with the sale."""
        try:
            completed = self.checkout.add_exchange(exchange)
        except ServiceError as exc:
            self.show_error(user_message(exc))
            return
        if completed is None:
            self.refresh()
            self.show_message(self.tr("Exchange credit %1: take the rest of the payment.")
                              .replace("%1", exchange.credit.format()))
            return
        back = dict(completed.refund.tenders).get("cash")
        if back is not None:
            self.show_message(self.tr("Exchange done: give back %1 in cash.")
                              .replace("%1", back.format()))
        self._finish(completed)

    def reprint_any(self) -> None:
        number, ok = QInputDialog.getText(self, self.tr("Reprint a receipt"),
                                          self.tr("Receipt number (or scan its barcode):"))
        if not ok or not number.strip():
            return
        try:
            sale_id = self.ctx.receipts.sale_id_for(number)
        except ServiceError as exc:
            self.show_error(user_message(exc))
            return
        receipts, actor = self.ctx.receipts, self.checkout.draft.cashier
        self.apply_guarded(lambda ok: receipts.reprint(sale_id, actor, approver=ok),
                            self.tr("Reprinting %1 as a copy.").replace("%1", number.strip().upper()))

    # --- display -----------------------------------------------------------
    def refresh(self, select_last: bool = False) -> None:
        draft = self.checkout.draft
        lines = draft.cart.lines if draft else ()
        priced = draft.priced if draft else None
        self.model.set_lines(lines, priced)
        total = draft.total if draft else Money(0)
        self.total_label.setText(total.format())
        count = draft.cart.piece_count if draft else 0
        self.count_label.setText(self.tr("%n item(s)", "", count))
        saved = priced.saved if priced else Money(0)
        self.saved_label.setText(self.tr("Saved: %1").replace("%1", saved.format())
                                 if saved.fen > 0 else "")
        rounding = priced.rounding if priced else Money(0)
        self.rounding_label.setText(self.tr("Rounding (抹零): %1").replace("%1", rounding.format())
                                    if rounding.fen else "")
        self.due_label.setText(self.tr("Paid %1, still due %2").replace("%1", draft.paid.format())
                               .replace("%2", draft.due.format()) if draft and draft.tenders else "")
        for label in (self.saved_label, self.rounding_label, self.due_label):
            label.setVisible(bool(label.text()))  # no gaps in the panel for what is not there
        self.member_side.refresh()
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

    def _report(self, text: str, error: bool) -> None:
        (self.show_error if error else self.show_message)(text)

    def show_message(self, text: str) -> None:
        self.message.setStyleSheet("color: #24292f; font-size: 12pt;")
        self.message.setText(text)

    def show_error(self, text: str) -> None:
        self.message.setStyleSheet("color: white; background: #cf222e; padding: 4px; font-size: 12pt;")
        self.message.setText(text)
        QApplication.beep()
