"""A person identifies on the spot, by badge scan or by staff code and PIN: the supervisor
of a manager override, the next cashier of a shift handover. Subclasses pass their texts
(translated in their own context) and `check`, which raises ServiceError when refused."""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout,
)

from app.services.errors import ServiceError
from ui.errors import user_message
from ui.widgets.keypad import Keypad


@dataclass(frozen=True)
class CredentialTexts:
    who: str              # the label of the credential field ("Supervisor", "Next cashier")
    placeholder: str      # of the credential field
    pin: str              # the label of the PIN field
    pin_placeholder: str
    cancel: str
    confirm: str


class CredentialDialog(QDialog):
    def build_credentials(self, layout: QVBoxLayout, name: str, texts: CredentialTexts,
                          keypad: bool = False) -> None:
        """Adds the two fields, the error line and the buttons; object names start with
        `name` (e.g. overrideCredential, overridePin, overrideError, overrideConfirm)."""
        form = QFormLayout()
        self.credential = _field(f"{name}Credential", texts.placeholder)
        form.addRow(texts.who, self.credential)
        self.pin = _field(f"{name}Pin", texts.pin_placeholder)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(texts.pin, self.pin)
        layout.addLayout(form)
        if keypad:
            layout.addWidget(Keypad(self.pin, decimal=False))
        self.error = QLabel()
        self.error.setObjectName(f"{name}Error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        cancel = QPushButton(texts.cancel)
        cancel.setMinimumHeight(52)
        cancel.clicked.connect(self.reject)
        self.confirm_button = QPushButton(texts.confirm)
        self.confirm_button.setObjectName(f"{name}Confirm")
        self.confirm_button.setMinimumHeight(52)
        self.confirm_button.setDefault(True)
        self.confirm_button.clicked.connect(self.submit)
        buttons.addWidget(cancel)
        buttons.addWidget(self.confirm_button)
        layout.addLayout(buttons)
        # a badge scan ends with Enter in the credential field: try it at once
        self.credential.returnPressed.connect(self.submit)
        self.pin.returnPressed.connect(self.submit)
        self.credential.setFocus(Qt.FocusReason.OtherFocusReason)

    def check(self, credential: str, pin: str) -> None:
        raise NotImplementedError

    def badge_scanned(self, code: str) -> None:
        """A scan routed here by the main window's scanner while this dialog is open."""
        self.credential.setText(code.strip())
        self.pin.clear()
        self.submit()

    def submit(self) -> None:
        try:
            self.check(self.credential.text(), self.pin.text())
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            self.pin.clear()
            if self.credential.text().strip():
                self.pin.setFocus()
            return
        self.accept()


def _field(name: str, placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setMinimumHeight(44)
    field.setPlaceholderText(placeholder)
    return field
