"""Register a new member at the till: phone (validated), name, birthday, consent, and the
salesperson who recruited them (bound as their exclusive salesperson)."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget,
)

from app.services.errors import ServiceError
from app.services.members.members import MemberService, MemberSummary, Registration
from app.services.members.salespeople import SalespersonInfo
from ui.errors import user_message
from ui.members.common import error_label, touch_button


class RegistrationDialog(QDialog):
    def __init__(self, members: MemberService, salespeople: list[SalespersonInfo],
                 phone: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New member"))
        self.resize(520, 420)
        self._members = members
        self.registered: MemberSummary | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.phone = self._field("regPhone", self.tr("11-digit mobile number"), phone)
        self.name = self._field("regName", self.tr("Name"))
        self.birthday = self._field("regBirthday", self.tr("YYYY-MM-DD (optional)"))
        self.salesperson = QComboBox()
        self.salesperson.setObjectName("regSalesperson")
        self.salesperson.setMinimumHeight(44)
        self.salesperson.addItem(self.tr("(none)"), None)
        for person in salespeople:
            self.salesperson.addItem(f"{person.code} {person.name}", person.id)
        self.consent = QCheckBox(self.tr("The customer agrees to the member terms and privacy policy"))
        self.consent.setObjectName("regConsent")
        self.consent.setMinimumHeight(44)
        form.addRow(self.tr("Mobile"), self.phone)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Birthday"), self.birthday)
        form.addRow(self.tr("Salesperson"), self.salesperson)
        layout.addLayout(form)
        layout.addWidget(self.consent)
        self.error = error_label("regError")
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        back = touch_button(self.tr("Back (Esc)"))
        back.clicked.connect(self.reject)
        ok = touch_button(self.tr("Register (Enter)"), name="regSubmit")
        ok.clicked.connect(self.submit)
        buttons.addWidget(back)
        buttons.addWidget(ok)
        layout.addLayout(buttons)
        (self.name if phone else self.phone).setFocus()

    def _field(self, name: str, placeholder: str, text: str = "") -> QLineEdit:
        edit = QLineEdit(text)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        edit.setMinimumHeight(44)
        return edit

    def keyPressEvent(self, event) -> None:  # noqa: N802
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.submit()  # from any field or the consent box
            return
        super().keyPressEvent(event)

    def submit(self) -> None:
        self.error.clear()
        birthday_text = self.birthday.text().strip()
        try:
            birthday = date.fromisoformat(birthday_text) if birthday_text else None
        except ValueError:
            self.error.setText(self.tr("The birthday must be a date like 1990-05-20."))
            self.birthday.setFocus()
            return
        registration = Registration(self.phone.text(), self.name.text(), birthday,
                                    self.consent.isChecked(), self.salesperson.currentData())
        try:
            self.registered = self._members.register(registration)
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            return
        self.accept()
