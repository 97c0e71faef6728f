"""Shift handover (交接班): the next cashier identifies themselves (badge, or staff code and
PIN) on the same till; the shift service then closes the counted drawer and opens their
shift with it."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from app.services.audit import AuditAction
from app.services.auth import AuthService, StaffMember
from ui.dialogs.credential import CredentialDialog, CredentialTexts


class NextCashierDialog(CredentialDialog):
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
        self.build_credentials(layout, "next", CredentialTexts(
            who=self.tr("Next cashier"), placeholder=self.tr("Badge or staff code"),
            pin=self.tr("PIN"), pin_placeholder="",
            cancel=self.tr("Cancel (Esc)"), confirm=self.tr("Hand over (Enter)")))

    def check(self, credential: str, pin: str) -> None:
        # the next cashier's login is audited as a switch (lockout rules apply)
        self.member = self._auth.verify(credential, pin, action=AuditAction.USER_SWITCH)


def ask_next_cashier(auth: AuthService, parent: QWidget | None) -> StaffMember | None:
    dialog = NextCashierDialog(auth, parent)
    return dialog.member if dialog.exec() == QDialog.DialogCode.Accepted else None
