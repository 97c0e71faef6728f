"""Staff rules at the till: which cashier may void, cancel or change a price (with a
supervisor's approval when not), each such action in the audit log, and no sale
without an open shift. The checkout calls it; a till without staff rules has none."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from app.services.audit import AuditAction, AuditLog
from app.services.auth import StaffMember
from app.services.checkout_pricing import DiscountLimit
from app.services.permissions import (
    DENIED, ManagerApproval, Permission, PermissionDenied, PermissionService,
)
from app.services.shifts import ShiftService

AUDITED = {
    Permission.VOID_LINE: AuditAction.VOID_LINE,
    Permission.CANCEL_SALE: AuditAction.CANCEL_SALE,
    Permission.PRICE_OVERRIDE: AuditAction.PRICE_OVERRIDE,
    Permission.REFUND: AuditAction.REFUND,
    Permission.REFUND_WITHOUT_RECEIPT: AuditAction.REFUND,
    Permission.REPRINT: AuditAction.REPRINT,
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

    def discount_limit(self, actor: StaffMember, approver: ManagerApproval | None) -> DiscountLimit:
        """The manual-discount limit of the actor's role, or of the approving supervisor's
        role (approval checked and audited) for a discount above the actor's limit."""
        who = actor
        if approver is not None:
            approval = self._perms.require(actor, Permission.DISCOUNT_ABOVE_LIMIT, approver)
            self._audit.record(AuditAction.DISCOUNT, actor, approval=approval)
            who = approver.approver
        percent = Decimal(self._perms.discount_limit_bp(who)) / 100
        return DiscountLimit(percent, None)  # roles limit the percentage; no amount cap

    def above_limit(self, actor: StaffMember) -> PermissionDenied:
        return PermissionDenied(DENIED[Permission.DISCOUNT_ABOVE_LIMIT],
                                Permission.DISCOUNT_ABOVE_LIMIT, name=actor.name)

    def require_open_shift(self) -> None:
        self._shifts.require_open_shift()
