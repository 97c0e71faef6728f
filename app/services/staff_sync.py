"""Outbox events of staff administration, so the store's other tills get the change.

staff.saved carries the whole account (the argon2 hash of the PIN, never the PIN;
role, active flag and badges); role.saved the whole role with its permissions. Both
are written in the admin action's own transaction (DESIGN.md: outbox), and the
cloud sends them to this store's tills only (app.sync.apply_staff applies them).
"""
from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models import User
from app.db.models_staff import Role, RolePermission, StaffBadge
from app.sync.outbox import add_event

STAFF_SAVED, ROLE_SAVED = "staff.saved", "role.saved"


def staff_saved(s: Session, user: User, now: datetime) -> None:
    s.flush()  # a new user gets its id, a new badge its row
    badges = s.scalars(select(StaffBadge.badge_code).where(StaffBadge.user_id == user.id)
                       .order_by(StaffBadge.badge_code)).all()
    add_event(s, STAFF_SAVED, user.id, {
        "user_id": user.id, "code": user.code, "name": user.name, "role": user.role,
        "pin_hash": user.pin_hash, "active": bool(user.active), "badges": list(badges)}, now)


def role_saved(s: Session, code: str, now: datetime) -> None:
    s.flush()
    role = s.get(Role, code)
    if role is None:
        return
    permissions = s.scalars(select(RolePermission.permission)
                            .where(RolePermission.role_code == code)
                            .order_by(RolePermission.permission)).all()
    add_event(s, ROLE_SAVED, code, {
        "code": role.code, "name": role.name, "discount_limit_bp": role.discount_limit_bp,
        "permissions": list(permissions)}, now)
