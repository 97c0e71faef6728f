"""Cash payment: amount tendered, quick-amount buttons, change shown as you type."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.domain.money import Money, MoneyError
from app.services.checkout import CompletedSale
from app.services.errors import ServiceError
from ui.errors import user_message
from ui.widgets.keypad import TOUCH_SIZE, Keypad

NOTES_FEN = (2000, 5000, 10000)


def quick_amounts(total: Money) -> list[Money]:
    """Exact amount, then the notes a customer would likely hand over."""
    amounts = [total]
    for step in (1000, 5000, 10000):
        rounded = Money(-(-total.fen // step) * step)
        if rounded > total and rounded not in amounts:
            amounts.append(rounded)
    for note in NOTES_FEN:
        if Money(note) > total and Money(note) not in amounts:
            amounts.append(Money(note))
    return sorted(amounts)[:5]


class CashPaymentDialog(QDialog):
    def __init__(self, total: Money, pay: Callable[[str], CompletedSale], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Cash payment"))
        self._total = total
        self._pay = pay
        self.completed: CompletedSale | None = None
        layout = QVBoxLayout(self)
        due = QLabel(self.tr("Total due: %1").replace("%1", total.format()))
        due.setObjectName("dueLabel")
        due.setStyleSheet("font-size: 22pt; font-weight: bold;")
        layout.addWidget(due)
        self.tendered = QLineEdit()
        self.tendered.setObjectName("tenderedEdit")
        self.tendered.setPlaceholderText(self.tr("Cash given (empty = exact amount)"))
        self.tendered.setMinimumHeight(48)
        self.tendered.setStyleSheet("font-size: 18pt;")
        layout.addWidget(self.tendered)
        self.change = QLabel()
        self.change.setObjectName("changeLabel")
        self.change.setStyleSheet("font-size: 18pt;")
        layout.addWidget(self.change)
        self.error = QLabel()
        self.error.setObjectName("paymentError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addLayout(self._quick_buttons())
        layout.addWidget(Keypad(self.tendered))
        actions = QHBoxLayout()
        ok = QPushButton(self.tr("Pay (Enter)"))
        ok.setMinimumHeight(TOUCH_SIZE)
        ok.clicked.connect(self.submit)
        cancel = QPushButton(self.tr("Back (Esc)"))
        cancel.setMinimumHeight(TOUCH_SIZE)
        cancel.clicked.connect(self.reject)
        actions.addWidget(cancel)
        actions.addWidget(ok)
        layout.addLayout(actions)
        self.tendered.textChanged.connect(self._update_change)
        self.tendered.returnPressed.connect(self.submit)
        self._update_change("")

    def _quick_buttons(self) -> QGridLayout:
        grid = QGridLayout()
        for i, amount in enumerate(quick_amounts(self._total)):
            button = QPushButton(amount.format())
            button.setObjectName(f"quick_{amount.fen}")
            button.setMinimumHeight(TOUCH_SIZE)
            button.clicked.connect(lambda _=False, a=amount: self._quick(a))
            grid.addWidget(button, 0, i)
        return grid

    def _quick(self, amount: Money) -> None:
        self.tendered.setText(amount.plain())
        self.submit()

    def _update_change(self, text: str) -> None:
        try:
            given = Money.parse(text) if text.strip() else self._total
        except MoneyError:
            self.change.setText(self.tr("Not an amount"))
            return
        if given < self._total:
            self.change.setText(self.tr("Still due: %1").replace("%1", (self._total - given).format()))
        else:
            self.change.setText(self.tr("Change: %1").replace("%1", (given - self._total).format()))

    def submit(self) -> None:
        try:
            self.completed = self._pay(self.tendered.text())
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            self.tendered.selectAll()
            self.tendered.setFocus()
            return
        self.accept()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()
            return
        super().keyPressEvent(event)
