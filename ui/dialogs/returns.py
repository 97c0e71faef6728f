"""Returns: find the sale by receipt number (typed, or the receipt's barcode scanned),
choose lines and quantities, refund to the original payment, in cash, or as credit
toward the sale on the till (exchange). An exchange writes nothing here: its refund is
written with the new sale, in one transaction (app.services.checkout_exchange)."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView, QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QPushButton, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from app.domain.money import Money
from app.domain.quantity import Quantity, QuantityError
from app.services.auth import StaffMember
from app.services.errors import InvalidInput, ServiceError
from app.services.permissions import PermissionDenied
from ui.dialogs.manager_override import ask_for_approval
from app.services.returns import (
    ExchangeCredit, RefundDone, ReturnsService, SaleForReturn, refund_amount,
)
from ui.errors import user_message
from ui.widgets.keypad import TOUCH_SIZE

REFUND_TO = (("original", QT_TRANSLATE_NOOP("ReturnDialog", "To the original payment")),
             ("cash", QT_TRANSLATE_NOOP("ReturnDialog", "In cash")),
             ("exchange", QT_TRANSLATE_NOOP("ReturnDialog", "Exchange: toward the sale on the till")))
RETURN_COLUMN = 4


class ReturnDialog(QDialog):
    def __init__(self, returns: ReturnsService, cashier: StaffMember,
                 exchange_due: Money | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Return"))
        self.returns = returns
        self.perms = returns.guard.perms if returns.guard is not None else None
        self.cashier = cashier
        self.exchange_due = exchange_due
        self.sale: SaleForReturn | None = None
        self.refund: RefundDone | None = None
        self.exchange: ExchangeCredit | None = None   # to pay toward the sale on the till
        self.to = "original"
        layout = QVBoxLayout(self)
        self.receipt = QLineEdit()
        self.receipt.setObjectName("receiptNoEdit")
        self.receipt.setMinimumHeight(48)
        self.receipt.setPlaceholderText(self.tr("Scan the receipt's barcode or type its number, "
                                                "then Enter"))
        self.receipt.returnPressed.connect(self.find)
        layout.addWidget(self.receipt)
        self.table = QTableWidget(0, 5)
        self.table.setObjectName("returnLines")
        self.table.setHorizontalHeaderLabels([self.tr("Item"), self.tr("Sold"), self.tr("Returnable"),
                                              self.tr("Paid"), self.tr("Return qty")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setDefaultSectionSize(44)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.itemChanged.connect(lambda _item: self._update_total())
        layout.addWidget(self.table)
        row = QHBoxLayout()
        self.refund_to = QComboBox()
        self.refund_to.setObjectName("refundTo")
        self.refund_to.setMinimumHeight(TOUCH_SIZE)
        for code, text in REFUND_TO:
            if code != "exchange" or exchange_due is not None:
                self.refund_to.addItem(QCoreApplication.translate("ReturnDialog", text), code)
        self.total = QLabel()
        self.total.setObjectName("refundTotal")
        self.total.setStyleSheet("font-size: 18pt; font-weight: bold;")
        row.addWidget(self.refund_to)
        row.addWidget(self.total, 1)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("returnError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        actions = QHBoxLayout()
        back = QPushButton(self.tr("Back (Esc)"))
        all_lines = QPushButton(self.tr("Return everything (F2)"))
        self.refund_button = QPushButton(self.tr("Refund (F12)"))
        self.refund_button.setObjectName("refundButton")
        for button, handler in ((back, self.reject), (all_lines, self.return_everything),
                                (self.refund_button, self.submit)):
            button.setMinimumHeight(TOUCH_SIZE)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(handler)
            actions.addWidget(button)
        QShortcut(QKeySequence(Qt.Key.Key_F12), self, activated=self.submit)
        QShortcut(QKeySequence(Qt.Key.Key_F2), self, activated=self.return_everything)
        layout.addLayout(actions)
        self.resize(820, 560)
        self._update_total()

    def accept_scan(self, code: str) -> None:
        """The receipt's barcode scanned while the dialog is open."""
        self.receipt.setText(code)
        self.find()

    def find(self) -> None:
        self.error.clear()
        try:
            self.sale = self.returns.find(self.receipt.text())
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            self.receipt.selectAll()
            return
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.sale.lines))
        for row, line in enumerate(self.sale.lines):
            unit = "kg" if line.is_weighed else ""
            cells = (line.name, line.sold.format() + unit, line.returnable.format() + unit,
                     line.amount.plain(), "0")
            for column, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if column != RETURN_COLUMN:
                    item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
                else:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.table.setItem(row, column, item)
        self.table.blockSignals(False)
        self._update_total()
        if self.sale.lines:
            self.table.setCurrentCell(0, RETURN_COLUMN)
            self.table.setFocus()

    def set_return_quantity(self, row: int, text: str) -> None:
        self.table.item(row, RETURN_COLUMN).setText(text)

    def return_everything(self) -> None:
        if self.sale is None:
            return
        for row, line in enumerate(self.sale.lines):
            self.set_return_quantity(row, line.returnable.format())

    def items(self) -> list[tuple[str, Quantity]]:
        chosen = []
        if self.sale is None:
            return chosen
        for row, line in enumerate(self.sale.lines):
            text = self.table.item(row, RETURN_COLUMN).text().strip() or "0"
            if text in ("0", "0.000"):
                continue
            try:
                quantity = Quantity.parse(text, weighed=line.is_weighed)
            except QuantityError as exc:
                raise InvalidInput("{text} is not a quantity to return for {name}.",
                                   text=text, name=line.name) from exc
            chosen.append((line.sale_line_id, quantity))
        return chosen

    def _update_total(self) -> None:
        total = Money(0)
        try:
            for line_id, quantity in self.items():
                line = self.sale.line(line_id)
                total += refund_amount(line, min(quantity, line.returnable))
        except ServiceError:
            pass
        self.total.setText(self.tr("Refund: %1").replace("%1", total.format()))

    def submit(self) -> None:
        self.error.clear()
        if self.sale is None:
            self.error.setText(self.tr("Find the sale first: scan or type the receipt number."))
            return
        to = self.refund_to.currentData()

        def refund(approver) -> None:
            if to == "exchange":  # checked now, written with the new sale
                self.exchange = self.returns.prepare_exchange(
                    self.sale.sale_id, self.items(), self.cashier, approver=approver)
            else:
                self.refund = self.returns.refund(self.sale.sale_id, self.items(), self.cashier,
                                                  to, approver=approver)
        try:
            try:
                refund(None)
            except PermissionDenied as denied:  # a supervisor approves on the spot
                approval = ask_for_approval(self, self.perms, denied.permission, user_message(denied))
                if approval is None:
                    self.error.setText(user_message(denied))
                    return
                refund(approval)
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            return
        self.to = to
        self.accept()
