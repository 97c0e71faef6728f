"""The permission gate that back-office and device services hold.

A service that changes something sensitive (stock, products, device settings,
the drawer) calls `authorise(rules, actor, permission, approver)` before it
acts and `audit_action(rules, session, action, approval, ...)` inside the
action's own transaction, so the action and its audit entry (with the
supervisor who approved it) commit together or not at all.

`rules` is None for a till built without staff rules (tests and benchmarks
that construct a service on its own): the service then behaves as before,
like the checkout without its CheckoutGuard.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.services.audit import AuditLog
from app.services.auth import StaffMember
from app.services.errors import NotAllowed
from app.services.permissions import Approval, ManagerApproval, Permission, PermissionService


class NobodyLoggedIn(NotAllowed):
    template = "Nobody is logged in. Log in, then try again."


class StaffRules:
    def __init__(self, perms: PermissionService, audit: AuditLog) -> None:
        self.perms = perms
        self.audit = audit

    def require(self, actor: StaffMember | None, permission: Permission,
                approver: ManagerApproval | None = None) -> Approval:
        """An Approval, or PermissionDenied (audited) that the UI turns into a supervisor prompt."""
        if not isinstance(actor, StaffMember):
            raise NobodyLoggedIn()
        return self.perms.require(actor, permission, approver)

    def record(self, session: Session | Connection, action: str, approval: Approval,
               subject: str = "", details: dict[str, Any] | None = None) -> None:
        self.audit.append(session, action, approval.actor, approval=approval, subject=subject,
                          details=details)


def authorise(rules: StaffRules | None, actor: StaffMember | None, permission: Permission,
              approver: ManagerApproval | None = None) -> Approval | None:
    """None when the till has no staff rules; otherwise the check of `StaffRules.require`."""
    return None if rules is None else rules.require(actor, permission, approver)


def audit_action(rules: StaffRules | None, session: Session | Connection, action: str,
                 approval: Approval | None, subject: str = "",
                 details: dict[str, Any] | None = None) -> None:
    """Append the approved action to the audit log in the caller's transaction."""
    if rules is not None and approval is not None:
        rules.record(session, action, approval, subject, details)


def actor_code(actor: StaffMember | str | None) -> str:
    """What device logs store as the actor: the staff code, or the caller's label."""
    if isinstance(actor, StaffMember):
        return actor.code
    return actor or ""
