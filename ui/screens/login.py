"""Login: choose (or scan the badge of) a staff member, enter the PIN."""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.services.auth import AuthService, StaffMember
from app.services.errors import ServiceError
from ui.errors import user_message
from ui.widgets.keypad import Keypad

ROLE_NAMES = {"cashier": QT_TRANSLATE_NOOP("LoginScreen", "Cashier"),
              "manager": QT_TRANSLATE_NOOP("LoginScreen", "Store manager")}


class LoginScreen(QWidget):
    logged_in = Signal(object)  # StaffMember

    def __init__(self, auth: AuthService, store_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._auth = auth
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        card = QFrame()
        card.setObjectName("loginCard")
        card.setMaximumWidth(460)
        card.setStyleSheet("#loginCard { background: white; border: 1px solid #d0d7de; border-radius: 10px; }")
        layout = QVBoxLayout(card)
        title = QLabel(store_name)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        layout.addWidget(title)
        form = QFormLayout()
        self.user = QComboBox()
        self.user.setObjectName("loginUser")
        self.user.setMinimumHeight(44)
        form.addRow(self.tr("Staff"), self.user)
        self.pin = QLineEdit()
        self.pin.setObjectName("loginPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMinimumHeight(44)
        self.pin.setPlaceholderText(self.tr("PIN"))
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        layout.addWidget(Keypad(self.pin, decimal=False))
        self.error = QLabel()
        self.error.setObjectName("loginError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        button = QPushButton(self.tr("Log in (Enter)"))
        button.setObjectName("loginButton")
        button.setMinimumHeight(52)
        button.clicked.connect(self.submit)
        layout.addWidget(button)
        hint = QLabel(self.tr("Scan your staff badge or choose your name, then type your PIN."))
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #57606a;")
        layout.addWidget(hint)
        row = QVBoxLayout()
        row.addWidget(card, alignment=Qt.AlignmentFlag.AlignHCenter)
        outer.addLayout(row)
        outer.addStretch(2)
        self.pin.returnPressed.connect(self.submit)
        self.reload()

    def reload(self) -> None:
        self.user.clear()
        for member in self._auth.active_staff():
            role = QCoreApplication.translate("LoginScreen", ROLE_NAMES.get(member.role, member.role))
            self.user.addItem(f"{member.code}  {member.name}  ({role})", member.code)
        self.pin.clear()
        self.error.clear()

    def focus_pin(self) -> None:
        self.pin.setFocus()

    def badge_scanned(self, code: str) -> None:
        index = self.user.findData(code)
        if index < 0:
            self.error.setText(self.tr("No staff member has the badge %1.").replace("%1", code))
            return
        self.user.setCurrentIndex(index)
        self.error.clear()
        self.pin.clear()
        self.pin.setFocus()

    def submit(self) -> None:
        code = self.user.currentData()
        try:
            member: StaffMember = self._auth.login(code or "", self.pin.text())
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.pin.clear()
        self.error.clear()
        self.logged_in.emit(member)

