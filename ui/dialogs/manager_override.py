"""Manager override: a supervisor approves on the spot with a badge scan or code + PIN.

`with_override(parent, perms, action)` runs `action(None)`; when the service
refuses for a missing permission it asks for a supervisor and runs
`action(approval)` once more. The service records the approval with the action.
"""
from __future__ import annotations

from typing import Callable, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget,
)

from app.services.errors import ServiceError
from app.services.permissions import ManagerApproval, Permission, PermissionDenied, PermissionService
from ui.errors import user_message
from ui.widgets.keypad import Keypad

T = TypeVar("T")


class ManagerOverrideDialog(QDialog):
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
        form = QFormLayout()
        self.credential = QLineEdit()
        self.credential.setObjectName("overrideCredential")
        self.credential.setMinimumHeight(44)
        self.credential.setPlaceholderText(self.tr("Badge or staff code"))
        form.addRow(self.tr("Supervisor"), self.credential)
        self.pin = QLineEdit()
        self.pin.setObjectName("overridePin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMinimumHeight(44)
        self.pin.setPlaceholderText(self.tr("PIN (not needed with a badge)"))
        form.addRow(self.tr("PIN"), self.pin)
        layout.addLayout(form)
        layout.addWidget(Keypad(self.pin, decimal=False))
        self.error = QLabel()
        self.error.setObjectName("overrideError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        buttons = QHBoxLayout()
        cancel = QPushButton(self.tr("Cancel (Esc)"))
        cancel.setMinimumHeight(52)
        cancel.clicked.connect(self.reject)
        self.approve_button = QPushButton(self.tr("Approve (Enter)"))
        self.approve_button.setObjectName("overrideApprove")
        self.approve_button.setMinimumHeight(52)
        self.approve_button.setDefault(True)
        self.approve_button.clicked.connect(self.submit)
        buttons.addWidget(cancel)
        buttons.addWidget(self.approve_button)
        layout.addLayout(buttons)
        # a badge scan ends with Enter in the credential field: try it at once
        self.credential.returnPressed.connect(self.submit)
        self.pin.returnPressed.connect(self.submit)
        self.credential.setFocus(Qt.FocusReason.OtherFocusReason)

    def badge_scanned(self, code: str) -> None:
        """A scan routed here by the main window's scanner while this dialog is open."""
        self.credential.setText(code.strip())
        self.pin.clear()
        self.submit()

    def submit(self) -> None:
        try:
            self.approval = self._perms.approve(self._permission, self.credential.text(),
                                                self.pin.text())
        except ServiceError as exc:
            self.error.setText(user_message(exc))
            self.pin.clear()
            if self.credential.text().strip():
                self.pin.setFocus()
            return
        self.accept()


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
