"""Stored-value top-up at the till: amount, how the customer pays, the bonus shown as
you type (充200送50). The dialog fixes the top-up id, so pressing twice tops up once."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from app.domain.ids import new_id
from app.domain.money import Money, MoneyError
from app.services.errors import ServiceError
from app.services.members.members import MemberSummary
from app.services.members.stored_value import StoredValueService, TopUpResult
from ui.errors import user_message
from ui.members.common import error_label, touch_button
from ui.widgets.keypad import Keypad


class TopUpDialog(QDialog):
    def __init__(self, stored_value: StoredValueService, member: MemberSummary, cashier_id: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Top up stored value"))
        self.resize(480, 640)
        self._service = stored_value
        self._member = member
        self._cashier_id = cashier_id
        self._topup_id = new_id()
        self.result: TopUpResult | None = None
        layout = QVBoxLayout(self)
        balance = stored_value.balance(member.id).total.format()
        layout.addWidget(QLabel(f"{member.name}  {member.masked_phone}  · "
                                + self.tr("balance %1").replace("%1", balance)))
        rules = " · ".join(r.name for r in stored_value.rules() if r.name)
        if rules:
            layout.addWidget(QLabel(rules))
        self.amount = QLineEdit()
        self.amount.setObjectName("topupAmount")
        self.amount.setPlaceholderText(self.tr("Amount in yuan"))
        self.amount.setMinimumHeight(48)
        self.amount.setStyleSheet("font-size: 18pt;")
        layout.addWidget(self.amount)
        self.bonus = QLabel()
        self.bonus.setObjectName("topupBonus")
        self.bonus.setStyleSheet("font-size: 14pt;")
        self.bonus.setWordWrap(True)
        layout.addWidget(self.bonus)
        self.tender = QComboBox()
        self.tender.setObjectName("topupTender")
        self.tender.setMinimumHeight(44)
        for code, label in (("cash", self.tr("Cash")), ("wechat", self.tr("WeChat Pay")),
                            ("alipay", self.tr("Alipay")), ("unionpay", self.tr("UnionPay"))):
            self.tender.addItem(label, code)
        layout.addWidget(self.tender)
        self.error = error_label("topupError")
        layout.addWidget(self.error)
        layout.addWidget(Keypad(self.amount))
        buttons = QHBoxLayout()
        back = touch_button(self.tr("Back (Esc)"))
        back.clicked.connect(self.reject)
        ok = touch_button(self.tr("Top up (Enter)"), name="topupSubmit")
        ok.clicked.connect(self.submit)
        buttons.addWidget(back)
        buttons.addWidget(ok)
        layout.addLayout(buttons)
        self.amount.textChanged.connect(self._preview)
        self.amount.returnPressed.connect(self.submit)

    def _amount(self) -> Money | None:
        try:
            return Money.parse(self.amount.text())
        except MoneyError:
            return None

    def _preview(self, _text: str = "") -> None:
        amount = self._amount()
        if amount is None or amount.fen <= 0:
            self.bonus.clear()
            return
        bonus = self._service.preview_bonus(amount.fen)
        self.bonus.setText(self.tr("Bonus %1 · card gets %2").replace("%1", bonus.format())
                           .replace("%2", (amount + bonus).format()))

    def submit(self) -> None:
        amount = self._amount()
        if amount is None:
            self.error.setText(self.tr("Type the amount in yuan, e.g. 200."))
            return
        try:
            self.result = self._service.top_up(self._member.id, amount, self.tender.currentData(),
                                               self._cashier_id, self._topup_id)
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            return
        self.accept()
