"""A cashier's discount on a line or the whole sale (percent or amount), and a typed
price (改价 / an item without a fixed price)."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QButtonGroup, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QLineEdit, QRadioButton,
    QVBoxLayout, QWidget,
)

from app.domain.money import Money, MoneyError
from app.domain.pricing import ManualDiscount, PricingError
from ui.widgets.keypad import TOUCH_SIZE, Keypad


class DiscountDialog(QDialog):
    """Percent off (e.g. 10 = 9折) or an amount off; empty removes the discount."""

    def __init__(self, title: str, current: ManualDiscount | None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.discount: ManualDiscount | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(title))
        kinds = QHBoxLayout()
        self.percent = QRadioButton(self.tr("Percent off (F1)"))
        self.amount = QRadioButton(self.tr("Amount off (F2)"))
        group = QButtonGroup(self)
        for button in (self.percent, self.amount):
            button.setMinimumHeight(TOUCH_SIZE)
            group.addButton(button)
            kinds.addWidget(button)
        self.percent.setChecked(current is None or current.percent_off is not None)
        self.amount.setChecked(not self.percent.isChecked())
        layout.addLayout(kinds)
        self.edit = QLineEdit()
        self.edit.setObjectName("discountEdit")
        self.edit.setMinimumHeight(48)
        if current is not None:
            self.edit.setText(f"{current.percent_off.normalize():f}" if current.percent_off
                              is not None else current.amount_off.plain())
        self.edit.setPlaceholderText(self.tr("e.g. 10 for 10% off; empty removes the discount"))
        layout.addWidget(self.edit)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        layout.addWidget(Keypad(self.edit))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit.returnPressed.connect(self.submit)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        from PySide6.QtCore import Qt
        if event.key() == Qt.Key.Key_F1:
            self.percent.setChecked(True)
        elif event.key() == Qt.Key.Key_F2:
            self.amount.setChecked(True)
        else:
            super().keyPressEvent(event)

    def submit(self) -> None:
        text = self.edit.text().strip()
        try:
            if not text:
                self.discount = None
            elif self.percent.isChecked():
                self.discount = ManualDiscount.percent(Decimal(text))
            else:
                self.discount = ManualDiscount.amount(Money.parse(text))
        except (InvalidOperation, MoneyError, PricingError):
            self.error.setText(self.tr("Type a percent from 0.1 to 100, or an amount like 5.50."))
            self.edit.selectAll()
            return
        self.accept()


class PriceDialog(QDialog):
    """The price of one unit (per kg for weighed goods)."""

    def __init__(self, item_name: str, current: Money | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Price"))
        self.price: Money | None = None
        layout = QVBoxLayout(self)
        label = QLabel(item_name)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.edit = QLineEdit(current.plain() if current else "")
        self.edit.setObjectName("priceEdit")
        self.edit.setMinimumHeight(48)
        self.edit.selectAll()
        layout.addWidget(self.edit)
        self.error = QLabel()
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        layout.addWidget(Keypad(self.edit))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit.returnPressed.connect(self.submit)

    def submit(self) -> None:
        try:
            self.price = Money.parse(self.edit.text())
        except MoneyError:
            self.error.setText(self.tr("Type a price like 12.50."))
            self.edit.selectAll()
            return
        self.accept()
