"""A small store with the staff services wired (imported by the staff, shift and audit tests)."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert

from app.db.models import User
from app.db.models_staff import StaffBadge
from app.domain.ids import new_id
from app.services.audit import AuditLog
from app.services.auth import AuthService, StaffMember, hash_pin
from app.services.context import TerminalContext, load_context
from app.services.permissions import PermissionService, StaffAdmin
from app.services.shifts import ShiftService
from tests.factories import make_store

SUPERVISOR_BADGE = "STAFF-5001-A"
CASHIER_BADGE = "STAFF-1001-A"


@dataclass
class StaffWorld:
    ctx: TerminalContext
    audit: AuditLog
    auth: AuthService
    perms: PermissionService
    admin: StaffAdmin
    shifts: ShiftService
    cashier: StaffMember
    supervisor: StaffMember
    manager: StaffMember
    salesperson: StaffMember


def make_world(engine, sessions, clock, **auth_options) -> StaffWorld:
    ids = make_store(engine, clock.now())
    extra = {"supervisor": ("5001", "赵刚", "5555"), "salesperson": ("3001", "孙悦", "3333")}
    with engine.begin() as conn:
        for role, (code, name, pin) in extra.items():
            ids[role] = new_id()
            conn.execute(insert(User).values(id=ids[role], store_id=ids["store"], code=code,
                                             name=name, role=role, pin_hash=hash_pin(pin),
                                             active=True, created_at=clock.now()))
        conn.execute(insert(StaffBadge), [
            dict(id=new_id(), user_id=ids["supervisor"], badge_code=SUPERVISOR_BADGE, created_at=clock.now()),
            dict(id=new_id(), user_id=ids["cashier"], badge_code=CASHIER_BADGE, created_at=clock.now())])
    ctx = load_context(sessions, "S001", "T01")
    audit = AuditLog(sessions, clock, ctx.store_id, ctx.terminal_id)
    auth = AuthService(sessions, ctx.store_id, audit, clock, **auth_options)
    perms = PermissionService(sessions, auth, audit, clock)
    members = {m.code: m for m in auth.active_staff()}
    return StaffWorld(ctx, audit, auth, perms, StaffAdmin(sessions, perms, audit, clock, ctx.store_id),
                      ShiftService(sessions, ctx, perms, audit, clock),
                      members["1001"], members["5001"], members["9001"], members["3001"])
