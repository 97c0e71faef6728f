"""Roles and permissions as data, checks in the services, manager override on the spot.

A role (table `role`) grants permissions (table `role_permission`) and a
discount limit. A service that does something sensitive calls
`require(actor, permission, approver)`: it returns an `Approval` when the actor
holds the permission, or when a supervisor who holds it approved on the spot
(`approve(...)` verifies their badge or PIN); otherwise it raises NotAllowed
with a sentence saying who can approve. The service then records the action
in the audit log with that Approval, in the action's own transaction.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from typing import IO

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import User
from app.db.models_staff import Role, RolePermission, StaffBadge, StaffLoginState
from app.domain.clock import Clock
from app.domain.staff import Permission
from app.services.audit import (
    EXPORT_LIMIT, AuditAction, AuditFilter, AuditLog, AuditRecord, ChainCheck,
)
from app.services.auth import AuthService, StaffMember, hash_pin
from app.services import staff_sync
from app.services.errors import InvalidInput, NotAllowed, NotFound


class PermissionDenied(NotAllowed):
    """The actor lacks a permission; the UI may offer a manager override for it."""

    def __init__(self, template: str, permission: "Permission", **params: object) -> None:
        super().__init__(template, **params)
        self.permission = permission


# What each permission lets someone do, for the sentence a refused cashier reads.
# Literal templates so the translation tool finds them.
DENIED: dict[Permission, str] = {
    Permission.PRICE_OVERRIDE: "{name} may not change a price. A supervisor can approve it with a badge or PIN.",
    Permission.DISCOUNT_ABOVE_LIMIT: "{name} may not give a discount above the role's limit. A supervisor can approve it with a badge or PIN.",
    Permission.VOID_LINE: "{name} may not void a line. A supervisor can approve it with a badge or PIN.",
    Permission.CANCEL_SALE: "{name} may not cancel a sale. A supervisor can approve it with a badge or PIN.",
    Permission.REFUND: "{name} may not refund. A supervisor can approve it with a badge or PIN.",
    Permission.REFUND_WITHOUT_RECEIPT: "{name} may not refund without a receipt. A store manager can approve it with a badge or PIN.",
    Permission.OPEN_DRAWER: "{name} may not open the drawer without a sale. A supervisor can approve it with a badge or PIN.",
    Permission.REPRINT: "{name} may not reprint receipts. A supervisor can approve it with a badge or PIN.",
    Permission.STOCK_ADJUSTMENT: "{name} may not adjust stock. Ask a store manager.",
    Permission.EDIT_PRODUCTS: "{name} may not edit products. Ask a store manager.",
    Permission.MANAGE_STAFF: "{name} may not manage staff or roles. Ask a store manager.",
    Permission.DEVICE_SETTINGS: "{name} may not change device settings. Ask a store manager.",
    Permission.OPEN_SHIFT: "{name} may not open a shift. Ask a supervisor.",
    Permission.CLOSE_SHIFT: "{name} may not close the shift. A supervisor can approve it with a badge or PIN.",
    Permission.VIEW_REPORTS: "{name} may not see shift reports. A supervisor can approve it with a badge or PIN.",
    Permission.PAY_IN_OUT: "{name} may not pay cash in or out. A supervisor can approve it with a badge or PIN.",
    Permission.SAFE_DROP: "{name} may not make a safe drop. A supervisor can approve it with a badge or PIN.",
    Permission.VIEW_AUDIT: "{name} may not see the audit log. Ask a store manager.",
    Permission.EDIT_MEMBERS: "{name} may not edit members. A supervisor can approve it with a badge or PIN.",
}

_CASHIER = (Permission.OPEN_SHIFT, Permission.CLOSE_SHIFT, Permission.VOID_LINE,
            Permission.REPRINT, Permission.SAFE_DROP)
_SUPERVISOR = _CASHIER + (Permission.PRICE_OVERRIDE, Permission.DISCOUNT_ABOVE_LIMIT,
                          Permission.CANCEL_SALE, Permission.REFUND, Permission.OPEN_DRAWER,
                          Permission.PAY_IN_OUT, Permission.VIEW_REPORTS,
                          Permission.EDIT_MEMBERS)
_ALL = tuple(Permission)


@dataclass(frozen=True, slots=True)
class RoleSpec:
    code: str
    name: str
    discount_limit_bp: int  # 1000 = 10 %
    permissions: frozenset[Permission]
    builtin: bool = False


DEFAULT_ROLES: tuple[RoleSpec, ...] = (
    RoleSpec("cashier", "Cashier", 1000, frozenset(_CASHIER), True),
    RoleSpec("salesperson", "Salesperson", 500, frozenset({Permission.REPRINT}), True),
    RoleSpec("supervisor", "Supervisor", 3000, frozenset(_SUPERVISOR), True),
    RoleSpec("manager", "Store manager", 10000, frozenset(_ALL), True),
    RoleSpec("hq_admin", "HQ admin", 10000, frozenset(_ALL), True),
)


def seed_default_roles(conn: Connection, now: datetime | None = None) -> int:
    """Insert the default roles that are missing (the demo loader and fresh stores call it)."""
    now = now or datetime.now(timezone.utc)
    have = set(conn.scalars(select(Role.code)).all())
    missing = [r for r in DEFAULT_ROLES if r.code not in have]
    for role in missing:
        conn.execute(insert(Role).values(code=role.code, name=role.name, builtin=True,
                                         discount_limit_bp=role.discount_limit_bp, updated_at=now))
        conn.execute(insert(RolePermission), [dict(role_code=role.code, permission=p.value)
                                              for p in sorted(role.permissions)])
    return len(missing)


@dataclass(frozen=True, slots=True)
class ManagerApproval:
    """A supervisor's on-the-spot approval of one permission, valid for a short time."""

    permission: Permission
    approver: StaffMember
    granted_at: datetime


@dataclass(frozen=True, slots=True)
class Approval:
    """Proof that `actor` may do `permission` now; `approver` is set for an override."""

    permission: Permission
    actor: StaffMember
    approver: StaffMember | None = None

    @property
    def overridden(self) -> bool:
        return self.approver is not None


class PermissionService:
    def __init__(self, sessions: sessionmaker[Session], auth: AuthService, audit: AuditLog,
                 clock: Clock, approval_ttl_seconds: int = 120) -> None:
        self._sessions = sessions
        self._auth = auth
        self._audit = audit
        self._clock = clock
        self._ttl = timedelta(seconds=approval_ttl_seconds)

    @property
    def auth(self) -> AuthService:
        """Who is who (the shift handover identifies the next cashier with it)."""
        return self._auth

    # --- reading roles -------------------------------------------------------
    def permissions_of(self, role_code: str) -> frozenset[Permission]:
        with self._sessions() as s:
            values = s.scalars(select(RolePermission.permission)
                               .where(RolePermission.role_code == role_code)).all()
        return frozenset(Permission(v) for v in values if v in Permission._value2member_map_)

    def has(self, member: StaffMember, permission: Permission) -> bool:
        return permission in self.permissions_of(member.role)

    def discount_limit_bp(self, member: StaffMember) -> int:
        with self._sessions() as s:
            role = s.get(Role, member.role)
            return role.discount_limit_bp if role is not None else 0

    def roles(self) -> list[RoleSpec]:
        with self._sessions() as s:
            rows = s.scalars(select(Role).order_by(Role.code)).all()
            specs = [(r.code, r.name, r.discount_limit_bp, r.builtin) for r in rows]
        return [RoleSpec(c, n, bp, self.permissions_of(c), b) for c, n, bp, b in specs]

    # --- checking -----------------------------------------------------------------
    def require(self, actor: StaffMember, permission: Permission,
                approver: ManagerApproval | None = None) -> Approval:
        """An Approval, or NotAllowed saying who can approve. Refusals are audited."""
        if self.has(actor, permission):
            return Approval(permission, actor)
        if approver is not None:
            self._check_approval(approver, permission)
            return Approval(permission, actor, approver.approver)
        self._audit.record(AuditAction.PERMISSION_DENIED, actor, subject=permission.value)
        raise PermissionDenied(DENIED[permission], permission, name=actor.name)

    def require_discount(self, actor: StaffMember, discount_bp: int,
                         approver: ManagerApproval | None = None) -> Approval:
        """A discount within the actor's limit needs nothing; above it, an approver whose
        role may give discounts above the limit and whose own limit covers it."""
        if discount_bp <= self.discount_limit_bp(actor):
            return Approval(Permission.DISCOUNT_ABOVE_LIMIT, actor)
        approval = self.require(actor, Permission.DISCOUNT_ABOVE_LIMIT, approver)
        who = approval.approver or actor
        limit = self.discount_limit_bp(who)
        if discount_bp > limit:
            raise NotAllowed("{name} may give at most {limit}% discount. Ask a store manager.",
                             name=who.name, limit=_percent(limit))
        return approval

    def approve(self, permission: Permission, credential: str, pin: str = "") -> ManagerApproval:
        """Verify a supervisor on the spot (badge, or user code and PIN) for one permission."""
        approver = self._auth.verify(credential, pin, action=AuditAction.OVERRIDE,
                                     note={"permission": permission.value})
        if not self.has(approver, permission):
            self._audit.record(AuditAction.OVERRIDE_FAILED, approver, subject=permission.value)
            raise NotAllowed("{name} may not approve this either. Ask a store manager.",
                             name=approver.name)
        return ManagerApproval(permission, approver, self._clock.now())

    def _check_approval(self, approval: ManagerApproval, permission: Permission) -> None:
        if approval.permission != permission:
            raise NotAllowed("That approval was for something else. Ask the supervisor again.")
        if self._clock.now() - approval.granted_at > self._ttl:
            raise NotAllowed("The supervisor's approval has expired. Ask them to approve again.")
        if not self.has(approval.approver, permission):
            raise NotAllowed("{name} may not approve this either. Ask a store manager.",
                             name=approval.approver.name)

    # --- editing roles (a manager) ----------------------------------------------
    def save_role(self, actor: StaffMember, spec: RoleSpec,
                  approver: ManagerApproval | None = None) -> None:
        """Create or change a role; the change (before and after) goes to the audit log."""
        approval = self.require(actor, Permission.MANAGE_STAFF, approver)
        _validate_role(spec)
        with self._sessions.begin() as s:
            role = s.get(Role, spec.code)
            before = self._describe(s, role)
            if role is None:
                role = Role(code=spec.code, builtin=False)
                s.add(role)
            role.name, role.discount_limit_bp = spec.name.strip(), spec.discount_limit_bp
            role.updated_at = self._clock.now()
            s.flush()
            s.execute(delete(RolePermission).where(RolePermission.role_code == spec.code))
            s.add_all(RolePermission(role_code=spec.code, permission=p.value)
                      for p in sorted(spec.permissions))
            staff_sync.role_saved(s, spec.code, role.updated_at)  # to the store's other tills
            self._audit.append(s, AuditAction.ROLE_CHANGED, actor, approval=approval,
                               subject=spec.code, details={"before": before, "after": {
                                   "name": spec.name, "discount_limit_bp": spec.discount_limit_bp,
                                   "permissions": sorted(p.value for p in spec.permissions)}})

    @staticmethod
    def _describe(s: Session, role: Role | None) -> dict | None:
        if role is None:
            return None
        perms = s.scalars(select(RolePermission.permission)
                          .where(RolePermission.role_code == role.code)).all()
        return {"name": role.name, "discount_limit_bp": role.discount_limit_bp,
                "permissions": sorted(perms)}

    def role(self, code: str) -> RoleSpec:
        for spec in self.roles():
            if spec.code == code:
                return spec
        raise NotFound("There is no role {code}.", code=code)


def _validate_role(spec: RoleSpec) -> None:
    if not spec.code.strip() or not spec.name.strip():
        raise InvalidInput("A role needs a code and a name.")
    if not 0 <= spec.discount_limit_bp <= 10000:
        raise InvalidInput("A discount limit is between 0 and 100%.")


def _percent(bp: int) -> str:
    whole, frac = divmod(bp, 100)
    return f"{whole}" if frac == 0 else f"{whole}.{frac:02d}".rstrip("0")


@dataclass(frozen=True, slots=True)
class StaffRow:
    code: str
    name: str
    role: str
    active: bool
    badges: tuple[str, ...]


class StaffAdmin:
    """Staff accounts, PINs, badges and unlocking: all need manage_staff, all audited."""

    def __init__(self, sessions: sessionmaker[Session], perms: PermissionService, audit: AuditLog,
                 clock: Clock, store_id: str) -> None:
        self._sessions = sessions
        self._perms = perms
        self._audit = audit
        self._clock = clock
        self._store_id = store_id

    def staff(self) -> list[StaffRow]:
        with self._sessions() as s:
            users = s.scalars(select(User).order_by(User.code)).all()
            badges: dict[str, list[str]] = {}
            for b in s.scalars(select(StaffBadge).order_by(StaffBadge.badge_code)):
                badges.setdefault(b.user_id, []).append(b.badge_code)
            return [StaffRow(u.code, u.name, u.role, u.active, tuple(badges.get(u.id, ())))
                    for u in users if u.store_id in (None, self._store_id)]

    def save_staff(self, actor: StaffMember, code: str, name: str, role: str, pin: str = "",
                   active: bool = True, approver: ManagerApproval | None = None) -> None:
        """Create or change a staff member; a blank PIN keeps the old one."""
        approval = self._perms.require(actor, Permission.MANAGE_STAFF, approver)
        code, name = code.strip(), name.strip()
        if not code or not name:
            raise InvalidInput("A staff member needs a code and a name.")
        with self._sessions.begin() as s:
            if s.get(Role, role) is None:
                raise NotFound("There is no role {code}.", code=role)
            user = s.scalar(select(User).where(User.code == code))
            before = None if user is None else {"name": user.name, "role": user.role,
                                                "active": user.active}
            if user is None:
                if not pin:
                    raise InvalidInput("A new staff member needs a PIN.")
                user = User(code=code, store_id=self._store_id, created_at=self._clock.now())
                s.add(user)
            user.name, user.role, user.active = name, role, active
            if pin:
                user.pin_hash = hash_pin(pin)
            staff_sync.staff_saved(s, user, self._clock.now())  # to the store's other tills
            self._audit.append(s, AuditAction.STAFF_CHANGED, actor, approval=approval, subject=code,
                               details={"before": before, "after": {
                                   "name": name, "role": role, "active": active},
                                   "pin_changed": bool(pin)})

    def add_badge(self, actor: StaffMember, user_code: str, badge_code: str,
                  approver: ManagerApproval | None = None) -> None:
        approval = self._perms.require(actor, Permission.MANAGE_STAFF, approver)
        badge_code = badge_code.strip()
        if len(badge_code) < 4:
            raise InvalidInput("A badge code has at least 4 characters. Scan the badge.")
        with self._sessions.begin() as s:
            user = _user(s, user_code)
            if s.scalar(select(StaffBadge).where(StaffBadge.badge_code == badge_code)):
                raise InvalidInput("The badge {badge} already belongs to someone.", badge=badge_code)
            s.add(StaffBadge(user_id=user.id, badge_code=badge_code, created_at=self._clock.now()))
            staff_sync.staff_saved(s, user, self._clock.now())
            self._audit.append(s, AuditAction.STAFF_CHANGED, actor, approval=approval,
                               subject=user.code, details={"badge_added": badge_code})

    def unlock(self, actor: StaffMember, user_code: str,
               approver: ManagerApproval | None = None) -> None:
        approval = self._perms.require(actor, Permission.MANAGE_STAFF, approver)
        with self._sessions.begin() as s:
            user = _user(s, user_code)
            state = s.get(StaffLoginState, user.id)
            if state is not None:
                state.failed_count, state.locked_until = 0, None
            self._audit.append(s, AuditAction.STAFF_UNLOCKED, actor, approval=approval,
                               subject=user.code)


    # --- the audit log, for those allowed to read it ---------------------------------
    def audit_entries(self, actor: StaffMember, flt: AuditFilter = AuditFilter(),
                      approver: ManagerApproval | None = None) -> list[AuditRecord]:
        self._perms.require(actor, Permission.VIEW_AUDIT, approver)
        return self._audit.entries(flt)

    def export_audit(self, actor: StaffMember, out: IO[str], flt: AuditFilter | None = None,
                     approver: ManagerApproval | None = None) -> int:
        approval = self._perms.require(actor, Permission.VIEW_AUDIT, approver)
        count = self._audit.export_csv(out, flt or AuditFilter(limit=EXPORT_LIMIT))
        self._audit.record(AuditAction.AUDIT_EXPORTED, actor, approval=approval,
                           details={"rows": count})
        return count

    def verify_audit(self, actor: StaffMember, approver: ManagerApproval | None = None) -> ChainCheck:
        self._perms.require(actor, Permission.VIEW_AUDIT, approver)
        return self._audit.verify_chain()


def _user(s: Session, code: str) -> User:
    user = s.scalar(select(User).where(User.code == code.strip()))
    if user is None:
        raise NotFound("No staff member has the code {code}.", code=code)
    return user
