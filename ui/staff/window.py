"""The staff back office: staff, roles and the audit log in tabs."""
from __future__ import annotations

from PySide6.QtWidgets import QTabWidget, QWidget

from app.domain.clock import Clock
from app.services.auth import StaffMember
from app.services.permissions import PermissionService, StaffAdmin
from ui.staff.audit_log import AuditLogView
from ui.staff.roles import RoleEditor
from ui.staff.staff_list import StaffList


class StaffBackOffice(QTabWidget):
    def __init__(self, admin: StaffAdmin, perms: PermissionService, clock: Clock, tz,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._clock = clock
        self.staff = StaffList(admin, perms)
        self.roles = RoleEditor(perms)
        self.audit = AuditLogView(admin, tz)
        self.addTab(self.staff, self.tr("Staff"))
        self.addTab(self.roles, self.tr("Roles and permissions"))
        self.addTab(self.audit, self.tr("Audit log"))

    def start(self, actor: StaffMember) -> None:
        self.staff.start(actor)
        self.roles.start(actor)
        self.audit.start(actor, self._clock.now())
