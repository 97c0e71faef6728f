"""Staff rules at the till: which cashier may void, cancel or change a price (with a
supervisor's approval when not), each such action in the audit log, and no sale
without an open shift. The checkout calls it; a till without staff rules has none."""
from __future__ import annotations

from typing import Any

from app.services.audit import AuditAction, AuditLog
from app.services.auth import StaffMember
from app.services.permissions import ManagerApproval, Permission, PermissionService
from app.services.shifts import ShiftService

AUDITED = {
    Permission.VOID_LINE: AuditAction.VOID_LINE,
    Permission.CANCEL_SALE: AuditAction.CANCEL_SALE,
    Permission.PRICE_OVERRIDE: AuditAction.PRICE_OVERRIDE,
    Permission.REFUND: AuditAction.REFUND,
    Permission.REFUND_WITHOUT_RECEIPT: AuditAction.REFUND,
}


class CheckoutGuard:
    def __init__(self, perms: PermissionService, audit: AuditLog, shifts: ShiftService) -> None:
        self._perms = perms
        self._audit = audit
        self._shifts = shifts

    @property
    def perms(self) -> PermissionService:
        return self._perms

    def require(self, actor: StaffMember, permission: str, approver: ManagerApproval | None,
                subject: str = "", details: dict[str, Any] | None = None) -> None:
        """Raise PermissionDenied (the UI then asks a supervisor) or record the approved action."""
        perm = Permission(permission)
        approval = self._perms.require(actor, perm, approver)
        self._audit.record(AUDITED.get(perm, perm.value), actor, approval=approval,
                           subject=subject, details=details or {})

    def require_open_shift(self) -> None:
        self._shifts.require_open_shift()
