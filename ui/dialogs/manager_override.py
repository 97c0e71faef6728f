"""Manager override: a supervisor approves on the spot with a badge scan or code + PIN.

`with_override(parent, perms, action)` runs `action(None)`; when the service
refuses for a missing permission it asks for a supervisor and runs
`action(approval)` once more. The service records the approval with the action.
"""
from __future__ import annotations

from typing import Callable, TypeVar

from PySide6.QtWidgets import QDialog, QLabel, QVBoxLayout, QWidget

from app.services.permissions import ManagerApproval, Permission, PermissionDenied, PermissionService
from ui.dialogs.credential import CredentialDialog, CredentialTexts
from ui.errors import user_message

T = TypeVar("T")


class ManagerOverrideDialog(CredentialDialog):
    def __init__(self, perms: PermissionService, permission: Permission, why: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._perms = perms
        self._permission = permission
        self.approval: ManagerApproval | None = None
        self.setWindowTitle(self.tr("Supervisor approval"))
        layout = QVBoxLayout(self)
        reason = QLabel(why)
        reason.setObjectName("overrideReason")
        reason.setWordWrap(True)
        reason.setStyleSheet("font-size: 13pt; font-weight: bold;")
        layout.addWidget(reason)
        hint = QLabel(self.tr("A supervisor scans their badge, or types their staff code and PIN."))
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.build_credentials(layout, "override", CredentialTexts(
            who=self.tr("Supervisor"), placeholder=self.tr("Badge or staff code"),
            pin=self.tr("PIN"), pin_placeholder=self.tr("PIN (not needed with a badge)"),
            cancel=self.tr("Cancel (Esc)"), confirm=self.tr("Approve (Enter)")), keypad=True)
        self.approve_button = self.confirm_button

    def check(self, credential: str, pin: str) -> None:
        self.approval = self._perms.approve(self._permission, credential, pin)


def ask_for_approval(parent: QWidget | None, perms: PermissionService, permission: Permission,
                     why: str) -> ManagerApproval | None:
    dialog = ManagerOverrideDialog(perms, permission, why, parent)
    return dialog.approval if dialog.exec() == QDialog.DialogCode.Accepted else None


def with_override(parent: QWidget | None, perms: PermissionService,
                  action: Callable[[ManagerApproval | None], T]) -> T | None:
    """Run a guarded service call, asking a supervisor when the cashier may not.
    Returns None when the supervisor cancelled; other errors propagate."""
    try:
        return action(None)
    except PermissionDenied as denied:
        approval = ask_for_approval(parent, perms, denied.permission, user_message(denied))
        if approval is None:
            return None
        return action(approval)
