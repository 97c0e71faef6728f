"""Waiting for a mobile payment: the customer confirms in the app, or the answer was lost.

The dialog asks the provider every few seconds (off the UI thread) for a
bounded time; the cashier can ask at once (F5) or cancel the payment (Esc),
which reverses it, so the customer is never charged for nothing.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from app.services.checkout import CheckoutService, MobileOutcome
from app.services.payments.attempts import AttemptView
from ui.errors import user_message
from ui.tasks import run_in_background
from ui.widgets.keypad import TOUCH_SIZE

POLL_MS = 3000
MAX_POLLS = 40  # two minutes; then the cashier decides


class MobileWaitDialog(QDialog):
    def __init__(self, checkout: CheckoutService, attempt: AttemptView,
                 parent: QWidget | None = None, poll_ms: int = POLL_MS) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Waiting for the mobile payment"))
        self.checkout = checkout
        self.attempt = attempt
        self.outcome: MobileOutcome | None = None
        self.polls = 0
        self._busy = False
        layout = QVBoxLayout(self)
        amount = QLabel(attempt.amount.format())
        amount.setStyleSheet("font-size: 24pt; font-weight: bold;")
        layout.addWidget(amount)
        self.status = QLabel()
        self.status.setObjectName("mobileStatus")
        self.status.setWordWrap(True)
        self.status.setStyleSheet("font-size: 14pt;")
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.query_button = QPushButton(self.tr("Ask again\nF5"))
        self.cancel_button = QPushButton(self.tr("Cancel payment\nEsc"))
        for button, handler in ((self.query_button, self.query_now),
                                (self.cancel_button, self.cancel_payment)):
            button.setMinimumHeight(TOUCH_SIZE)
            button.clicked.connect(handler)
            row.addWidget(button)
        layout.addLayout(row)
        QShortcut(QKeySequence(Qt.Key.Key_F5), self, activated=self.query_now)
        self.timer = QTimer(self, interval=poll_ms)
        self.timer.timeout.connect(self.query_now)
        self.timer.start()
        self._show(attempt)

    def _show(self, attempt: AttemptView) -> None:
        self.attempt = attempt
        texts = {"pending": self.tr("Sending the payment…"),
                 "paying": self.tr("The customer is confirming the payment in the app…"),
                 "unknown": self.tr("No answer from the payment service yet. Asking again; do "
                                    "not take another payment until it answers.")}
        self.status.setText(texts.get(attempt.status, attempt.status))

    def query_now(self) -> None:
        if self._busy:
            return
        self.polls += 1
        if self.polls > MAX_POLLS:
            self.timer.stop()
            self.status.setText(self.tr("Still no answer. Ask again (F5) or cancel the payment "
                                        "(Esc)."))
            return
        self._busy = True
        run_in_background(lambda: self.checkout.poll_mobile(self.attempt.id), self._on_answer,
                          self._on_error)

    def _on_answer(self, outcome: MobileOutcome) -> None:
        self._busy = False
        self.outcome = outcome
        if outcome.attempt.is_open:
            self._show(outcome.attempt)
            return
        self.timer.stop()
        self.accept()

    def _on_error(self, exc: Exception) -> None:
        self._busy = False
        self.status.setText(user_message(exc))

    def cancel_payment(self) -> None:
        self.timer.stop()
        try:
            view = self.checkout.cancel_mobile(self.attempt.id)
        except Exception as exc:  # shown, the dialog stays: the outcome must be settled
            self.status.setText(user_message(exc))
            return
        if view.is_open:
            self._show(view)
            return
        self.outcome = MobileOutcome(view)
        self.reject()

    def reject(self) -> None:
        if self.attempt.is_open and self.outcome is None:
            self.cancel_payment()  # Esc: never leave with the outcome unknown
            return
        self.timer.stop()
        super().reject()
