"""Paying: cash (quick amounts, change as you type), bank card (amount + slip reference)
and mobile payment by scanning the customer's code, one after another (split payment).

F1 cash, F2 card, F3 mobile; with a member on the sale also F4 points, F5 stored value
and F6 coupon (scan its code or choose one of the member's). Enter takes the amount;
Delete removes the selected payment; Esc goes back to the sale.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog, QGridLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton, QVBoxLayout,
    QWidget,
)

from app.domain.money import Money, MoneyError
from app.services.checkout import CheckoutService, CompletedSale, MobileOutcome
from app.services.checkout_members import is_coupon_code
from app.services.errors import ServiceError
from app.services.tenders import quick_cash_amounts
from ui.dialogs.mobile_wait import MobileWaitDialog
from ui.errors import user_message
from ui.members.coupon_picker import CouponPicker
from ui.widgets.keypad import TOUCH_SIZE, Keypad

MODES = (("cash", "F1", QT_TRANSLATE_NOOP("TenderDialog", "Cash")),
         ("card", "F2", QT_TRANSLATE_NOOP("TenderDialog", "Bank card")),
         ("mobile", "F3", QT_TRANSLATE_NOOP("TenderDialog", "WeChat / Alipay / UnionPay")),
         ("points", "F4", QT_TRANSLATE_NOOP("TenderDialog", "Points")),
         ("stored_value", "F5", QT_TRANSLATE_NOOP("TenderDialog", "Stored value")),
         ("coupon", "F6", QT_TRANSLATE_NOOP("TenderDialog", "Coupon")))
MEMBER_MODES = ("points", "stored_value", "coupon")  # offered when a member is on the sale


def quick_amounts(total: Money) -> list[Money]:
    return quick_cash_amounts(total)


class TenderDialog(QDialog):
    def __init__(self, checkout: CheckoutService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Payment"))
        self.setMinimumWidth(560)
        self.checkout = checkout
        self.completed: CompletedSale | None = None
        self.mode = "cash"
        layout = QVBoxLayout(self)
        self.due_label = QLabel()
        self.due_label.setObjectName("dueLabel")
        self.due_label.setStyleSheet("font-size: 22pt; font-weight: bold;")
        layout.addWidget(self.due_label)
        self.member_info = QLabel()
        self.member_info.setObjectName("paymentMemberInfo")
        self.member_info.setWordWrap(True)
        self.member_info.setStyleSheet("font-size: 12pt; color: #7a4b00;")
        layout.addWidget(self.member_info)
        layout.addLayout(self._mode_buttons())
        self.tenders = QListWidget()
        self.tenders.setObjectName("tenderList")
        self.tenders.setMaximumHeight(96)
        self.tenders.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout.addWidget(self.tenders)
        layout.addLayout(self._fields())
        self.change = QLabel()
        self.change.setObjectName("changeLabel")
        self.change.setStyleSheet("font-size: 18pt;")
        layout.addWidget(self.change)
        self.error = QLabel()
        self.error.setObjectName("paymentError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        self.quick = QGridLayout()
        layout.addLayout(self.quick)
        layout.addWidget(Keypad(self.tendered))
        layout.addLayout(self._actions())
        self.tendered.textChanged.connect(self._update_change)
        self._refresh()
        self.set_mode("cash")

    # --- layout ------------------------------------------------------------------
    def _mode_buttons(self) -> QVBoxLayout:
        """Cash, card and mobile; below them the member's tenders when a member is on the sale."""
        rows = QVBoxLayout()
        row, member_row = QHBoxLayout(), QHBoxLayout()
        rows.addLayout(row)
        if self.has_member:
            rows.addLayout(member_row)
        self.mode_buttons: dict[str, QPushButton] = {}
        for mode, key, text in MODES:
            label = QCoreApplication.translate("TenderDialog", text)
            button = QPushButton(f"{label}\n{key}")
            button.setObjectName(f"mode_{mode}")
            button.setCheckable(True)
            button.setMinimumHeight(TOUCH_SIZE)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, m=mode: self.set_mode(m))
            QShortcut(QKeySequence(key), self, activated=lambda m=mode: self.set_mode(m))
            self.mode_buttons[mode] = button
            if mode not in MEMBER_MODES:
                row.addWidget(button)
            elif self.has_member:
                member_row.addWidget(button)
            else:
                button.hide()
        return rows

    @property
    def has_member(self) -> bool:
        return self.checkout.draft is not None and self.checkout.draft.member is not None

    def _fields(self) -> QVBoxLayout:
        box = QVBoxLayout()
        self.tendered = QLineEdit()
        self.tendered.setObjectName("tenderedEdit")
        self.tendered.setMinimumHeight(48)
        self.tendered.setStyleSheet("font-size: 18pt;")
        self.tendered.returnPressed.connect(self.submit)
        self.reference = QLineEdit()
        self.reference.setObjectName("referenceEdit")
        self.reference.setMinimumHeight(44)
        self.reference.setPlaceholderText(self.tr("Reference on the card terminal slip"))
        self.reference.returnPressed.connect(self.submit)
        self.code = QLineEdit()
        self.code.setObjectName("paymentCodeEdit")
        self.code.setMinimumHeight(48)
        self.code.setPlaceholderText(self.tr("Scan the customer's payment code"))
        self.code.returnPressed.connect(self.submit)
        self.coupons = CouponPicker()
        for widget in (self.tendered, self.reference, self.code, self.coupons):
            box.addWidget(widget)
        return box

    def _actions(self) -> QHBoxLayout:
        actions = QHBoxLayout()
        back = QPushButton(self.tr("Back (Esc)"))
        back.setMinimumHeight(TOUCH_SIZE)
        back.clicked.connect(self.reject)
        remove = QPushButton(self.tr("Remove payment (Del)"))
        remove.setObjectName("removeTender")
        remove.setMinimumHeight(TOUCH_SIZE)
        remove.clicked.connect(self.remove_selected)
        QShortcut(QKeySequence(Qt.Key.Key_Delete), self, activated=self.remove_selected)
        ok = QPushButton(self.tr("Pay (Enter)"))
        ok.setObjectName("payButton")
        ok.setMinimumHeight(TOUCH_SIZE)
        ok.setStyleSheet("background: #1a7f37; color: white; font-weight: bold;")
        ok.clicked.connect(self.submit)
        for button in (back, remove, ok):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            actions.addWidget(button)
        return actions

    # --- behaviour --------------------------------------------------------------
    @property
    def due(self) -> Money:
        return self.checkout.draft.due

    def set_mode(self, mode: str) -> None:
        if mode in MEMBER_MODES and not self.has_member:
            return  # points, stored value and coupons need the member on the sale (F1)
        self.mode = mode
        for name, button in self.mode_buttons.items():
            button.setChecked(name == mode)
        self.reference.setVisible(mode == "card")
        self.code.setVisible(mode == "mobile")
        self.coupons.setVisible(mode == "coupon")
        self.tendered.setVisible(mode != "coupon")
        hints = {"cash": self.tr("Cash given (empty = exact amount)"),
                 "card": self.tr("Amount on the card (empty = all that is due)"),
                 "mobile": self.tr("Amount (empty = all that is due)"),
                 "points": self.tr("Amount (empty = the most points may pay)"),
                 "stored_value": self.tr("Amount (empty = all that is due)"),
                 "coupon": ""}
        self.tendered.setPlaceholderText(hints[mode])
        if mode == "coupon":
            self._load_coupons()
        self._fill_quick_buttons()
        self._update_change(self.tendered.text())
        focus = {"mobile": self.code, "coupon": self.coupons.code}.get(mode, self.tendered)
        focus.setFocus()

    def _load_coupons(self) -> None:
        try:
            self.coupons.set_coupons(self.checkout.members.usable_coupons())
        except ServiceError as exc:
            self.error.setText(user_message(exc))

    def _fill_quick_buttons(self) -> None:
        while self.quick.count():
            item = self.quick.takeAt(0)
            if item.widget():
                item.widget().hide()  # out of the layout now; gone at the next event loop turn
                item.widget().deleteLater()
        if self.mode != "cash":
            return
        for i, amount in enumerate(quick_amounts(self.due)):
            button = QPushButton(amount.format())
            button.setObjectName(f"quick_{amount.fen}")
            button.setMinimumHeight(TOUCH_SIZE)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _=False, a=amount: self._quick(a))
            self.quick.addWidget(button, 0, i)

    def _quick(self, amount: Money) -> None:
        self.tendered.setText(amount.plain())
        self.submit()

    def _update_change(self, text: str) -> None:
        due = self.due
        try:
            given = Money.parse(text) if text.strip() else due
        except MoneyError:
            self.change.setText(self.tr("Not an amount"))
            return
        if given < due:
            self.change.setText(self.tr("Still due: %1").replace("%1", (due - given).format()))
        elif self.mode == "cash":
            self.change.setText(self.tr("Change: %1").replace("%1", (given - due).format()))
        else:
            self.change.setText("")

    def _refresh(self) -> None:
        draft = self.checkout.draft
        self.due_label.setText(self.tr("Total due: %1").replace("%1", draft.due.format()))
        self._show_member()
        self.tenders.clear()
        for tender in draft.tenders:
            ref = f"  …{tender.reference[-4:]}" if tender.reference else ""
            self.tenders.addItem(f"{tender.name}  {tender.amount.format()}{ref}")

    def _show_member(self) -> None:
        self.member_info.setVisible(self.has_member)
        if not self.has_member:
            return
        try:
            standing = self.checkout.members.standing()
            most = self.checkout.members.quote_points().max_amount
        except ServiceError as exc:
            self.member_info.setText(user_message(exc))
            return
        self.member_info.setText(
            self.tr("Member %1: %2 points (up to %3 on this order), stored value %4")
            .replace("%1", standing.member.summary.name).replace("%2", f"{standing.points:,}")
            .replace("%3", most.format()).replace("%4", standing.stored_value.format()))

    def accept_scan(self, code: str) -> None:
        """A scan while paying is a member's coupon, or the customer's payment code."""
        if self.has_member and is_coupon_code(code):
            self.set_mode("coupon")
            self.coupons.code.setText(code.strip())
            self.submit()
            return
        self.set_mode("mobile")
        self.code.setText(code)
        self.submit()

    def submit(self) -> None:
        self.error.clear()
        try:
            if self.mode == "mobile":
                self._pay_mobile()
            elif self.mode in MEMBER_MODES:
                self._after(self._pay_member())
            else:
                completed = self.checkout.add_tender(self.mode, self.tendered.text(),
                                                     self.reference.text())
                self._after(completed)
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            (self.code if self.mode == "mobile" else self.tendered).selectAll()

    def _pay_member(self) -> CompletedSale | None:
        members = self.checkout.members
        if self.mode == "points":
            return members.pay_points(self.tendered.text())
        if self.mode == "stored_value":
            return members.pay_stored_value(self.tendered.text())
        code = self.coupons.chosen_code()
        if not code:
            self.error.setText(self.tr("Scan the coupon code or choose a coupon."))
            return None
        return members.pay_coupon(code)

    def _pay_mobile(self) -> None:
        code = self.code.text().strip()
        if not code:
            self.error.setText(self.tr("Scan the customer's payment code."))
            return
        outcome: MobileOutcome = self.checkout.pay_mobile(code, self.tendered.text())
        self.code.clear()
        if outcome.attempt.is_open:
            wait = MobileWaitDialog(self.checkout, outcome.attempt, self)
            wait.exec()
            outcome = wait.outcome or outcome
        if outcome.attempt.status == "failed":
            self.error.setText(self.tr("The payment failed: %1 Ask for another payment.")
                               .replace("%1", outcome.attempt.message or ""))
        elif outcome.attempt.status == "reversed":
            self.error.setText(self.tr("The mobile payment was cancelled; nothing was charged."))
        self._after(outcome.completed)

    def _after(self, completed: CompletedSale | None) -> None:
        if completed is not None:
            self.completed = completed
            self.accept()
            return
        self.tendered.clear()
        self.reference.clear()
        self.coupons.code.clear()
        self._refresh()
        self.set_mode(self.mode)

    def remove_selected(self) -> None:
        row = self.tenders.currentRow()
        if row < 0:
            row = self.tenders.count() - 1
        if row < 0:
            return
        try:
            self.checkout.remove_tender(row)
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            return
        self._refresh()
        self.set_mode(self.mode)

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            # the amount, reference and code fields submit on returnPressed themselves and
            # then pass the key on: submitting again would take a second payment
            if self.focusWidget() not in (self.tendered, self.reference, self.code):
                self.submit()
            return
        if self.mode == "coupon" and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            self.coupons.step_selection(-1 if event.key() == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)
