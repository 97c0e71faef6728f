"""Login: scan a staff badge, or choose a staff member and type the PIN.

A badge logs in at once (or preselects its owner when the store wants the PIN
too). Wrong PINs and lockouts show the service's sentence; the screen also
serves the idle auto-lock and the quick user switch, with a banner saying the
sale on screen is kept.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, QTimer, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox, QFormLayout, QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.services.auth import AuthService, StaffMember
from app.services.errors import ServiceError
from ui.errors import user_message
from ui.widgets.keypad import Keypad

ROLE_NAMES = {"cashier": QT_TRANSLATE_NOOP("LoginScreen", "Cashier"),
              "salesperson": QT_TRANSLATE_NOOP("LoginScreen", "Salesperson"),
              "supervisor": QT_TRANSLATE_NOOP("LoginScreen", "Supervisor"),
              "manager": QT_TRANSLATE_NOOP("LoginScreen", "Store manager"),
              "hq_admin": QT_TRANSLATE_NOOP("LoginScreen", "HQ admin")}


class LoginScreen(QWidget):
    logged_in = Signal(object)  # StaffMember

    def __init__(self, auth: AuthService, store_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._auth = auth
        outer = QVBoxLayout(self)
        card = QFrame()
        card.setObjectName("loginCard")
        card.setMaximumWidth(460)
        card.setStyleSheet("#loginCard { background: white; border: 1px solid #d0d7de; border-radius: 10px; }")
        layout = QVBoxLayout(card)
        title = QLabel(store_name)
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setStyleSheet("font-size: 20pt; font-weight: bold;")
        layout.addWidget(title)
        self.banner = QLabel()
        self.banner.setObjectName("loginBanner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet("background: #fff8c5; padding: 8px; border-radius: 6px;")
        self.banner.hide()
        layout.addWidget(self.banner)
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
        # aligned both ways, the card gets the height its wrapped text needs (stretches
        # around it squeezed the keypad once the banner or a two-line error appeared)
        outer.addWidget(card, alignment=Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignVCenter)
        self.pin.returnPressed.connect(self.submit)
        self.reload()

    def show_banner(self, text: str) -> None:
        """E.g. after the idle auto-lock: the sale on screen is kept, log in to go on."""
        self.banner.setText(text)
        self.banner.setVisible(bool(text))

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
        owner = self._auth.identify_badge(code)
        if owner is not None and not self._auth.badge_requires_pin:
            self._finish(lambda: self._auth.login_badge(code))
            return
        index = self.user.findData(owner.code if owner is not None else code.strip())
        if index < 0:
            self.error.setText(self.tr("No staff member has the badge %1.").replace("%1", code))
            return
        self.user.setCurrentIndex(index)
        self.error.clear()
        self.pin.clear()
        self.pin.setFocus()

    def submit(self) -> None:
        code, pin = self.user.currentData(), self.pin.text()
        self._finish(lambda: self._auth.login(code or "", pin))

    def _finish(self, attempt) -> None:
        try:
            member: StaffMember = attempt()
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.pin.clear()
        self.error.clear()
        self.show_banner("")
        self.logged_in.emit(member)


class IdleWatcher(QObject):
    """Emits `idle` once the till has had no key, mouse or touch input for the time the
    AuthService's policy allows (install on the QApplication; the main window locks)."""

    idle = Signal()
    _ACTIVITY = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin,
                 QEvent.Type.Wheel}

    def __init__(self, auth: AuthService, clock, check_ms: int = 5000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._auth = auth
        self._clock = clock
        self.last_activity = clock.now()
        self._timer = QTimer(self, interval=check_ms)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802
        if event.type() in self._ACTIVITY:
            self.last_activity = self._clock.now()
        return False

    def check(self) -> None:
        if self._auth.is_idle(self.last_activity):
            self.last_activity = self._clock.now()  # one signal per idle spell
            self.idle.emit()
