"""Shift handover (交接班): the next cashier identifies themselves (badge, or staff code and
PIN) on the same till; the shift service then closes the counted drawer and opens their
shift with it."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.services.audit import AuditAction
from app.services.auth import AuthService, StaffMember
from app.services.errors import ServiceError
from ui.errors import user_message


class NextCashierDialog(QDialog):
    def __init__(self, auth: AuthService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._auth = auth
        self.member: StaffMember | None = None
        self.setWindowTitle(self.tr("Hand over the till"))
        layout = QVBoxLayout(self)
        hint = QLabel(self.tr("The next cashier scans their badge, or types their staff code and PIN. "
                              "The counted cash becomes their opening float."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        form = QFormLayout()
        self.credential = QLineEdit()
        self.credential.setObjectName("nextCredential")
        self.credential.setMinimumHeight(44)
        self.credential.setPlaceholderText(self.tr("Badge or staff code"))
        form.addRow(self.tr("Next cashier"), self.credential)
        self.pin = QLineEdit()
        self.pin.setObjectName("nextPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMinimumHeight(44)
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        self.error = QLabel()
        self.error.setObjectName("nextError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.setMinimumHeight(52)
        cancel.clicked.connect(self.reject)
        ok = QPushButton(self.tr("Hand over (Enter)"))
        ok.setObjectName("nextConfirm")
        ok.setMinimumHeight(52)
        ok.setDefault(True)
        ok.clicked.connect(self.submit)
        buttons.addWidget(cancel)
        buttons.addWidget(ok)
        layout.addLayout(buttons)
        self.credential.returnPressed.connect(self.submit)
        self.pin.returnPressed.connect(self.submit)
        self.credential.setFocus(Qt.FocusReason.OtherFocusReason)

    def badge_scanned(self, code: str) -> None:
        self.credential.setText(code.strip())
        self.pin.clear()
        self.submit()

    def submit(self) -> None:
        try:
            # the next cashier's login is audited as a switch (lockout rules apply)
            self.member = self._auth.verify(self.credential.text(), self.pin.text(),
                                            action=AuditAction.USER_SWITCH)
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            self.pin.clear()
            return
        self.accept()


def ask_next_cashier(auth: AuthService, parent: QWidget | None) -> StaffMember | None:
    dialog = NextCashierDialog(auth, parent)
    return dialog.member if dialog.exec() == QDialog.DialogCode.Accepted else None
