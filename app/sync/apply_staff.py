"""Staff and roles of this till's store, saved at its other tills, from the cloud.

Matched by id (a staff member's app_user id, a role's code), so a page applied twice
changes nothing. The cloud sends only this store's entries; one naming another store
is skipped all the same. A staff member or role this till changed and has not sent
yet keeps this till's copy: it is newer, and when it reaches the cloud the cloud
logs it again for every till. A code or badge another staff member holds here is
not taken from them: the entry (or the badge) is skipped and logged.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection

from app.db.models import OutboxEvent, Store, User
from app.db.models_staff import Role, RolePermission, StaffBadge
from app.domain.ids import new_id
from app.sync.apply_local import LocalKeys
from app.sync.models import SyncCredential

log = logging.getLogger(__name__)
ROLE, STAFF = "role", "staff"
ENTITIES = (ROLE, STAFF)  # roles first: a staff member's role exists before them
STAFF_SAVED, ROLE_SAVED = "staff.saved", "role.saved"  # app.services.staff_sync


def apply_staff_changes(conn: Connection, changes: list[dict[str, Any]], now: datetime) -> int:
    """Apply a page's roles and staff (the last document per id wins); returns how many."""
    latest: dict[str, dict[str, dict[str, Any]]] = {e: {} for e in ENTITIES}
    for change in changes:
        if change.get("op") == "upsert" and isinstance(change.get("data"), dict):
            latest[change["entity"]][change["entity_id"]] = change["data"]
    keys = LocalKeys(conn)
    own_code = conn.scalar(select(SyncCredential.store_code).limit(1)) or conn.scalar(
        select(Store.code).where(Store.id == keys.own_store_id))
    applied = 0
    for entity, write, kind in ((ROLE, _role, ROLE_SAVED), (STAFF, _staff, STAFF_SAVED)):
        documents = [d for d in latest[entity].values() if _ours(d, own_code)]
        unsent = _unsent(conn, kind, [str(d.get("id") or d.get("code")) for d in documents])
        for data in documents:
            if (data.get("id") or data.get("code")) in unsent:
                continue  # this till's own edit is newer
            applied += bool(write(conn, keys, data, now))
    return applied


def _ours(data: dict[str, Any], own_code: str | None) -> bool:
    store = data.get("store")
    if own_code is not None and store not in (None, own_code):
        log.warning("%s of store %s skipped: this till is at store %s",
                    data.get("code"), store, own_code)
        return False
    return True


def _unsent(conn: Connection, kind: str, aggregate_ids: list[str]) -> set[str]:
    if not aggregate_ids:
        return set()
    return set(conn.scalars(select(OutboxEvent.aggregate_id).where(
        OutboxEvent.sent_at.is_(None), OutboxEvent.kind == kind,
        OutboxEvent.aggregate_id.in_(aggregate_ids))))


def _role(conn: Connection, keys: LocalKeys, data: dict[str, Any], now: datetime) -> bool:
    code = data["code"]
    values = dict(name=data["name"], discount_limit_bp=int(data["discount_limit_bp"]),
                  updated_at=now)
    if conn.scalar(select(Role.code).where(Role.code == code)) is None:
        conn.execute(insert(Role).values(code=code, builtin=False, **values))
    else:
        conn.execute(update(Role).where(Role.code == code).values(**values))
    conn.execute(delete(RolePermission).where(RolePermission.role_code == code))
    permissions = sorted(set(data.get("permissions") or []))
    if permissions:
        conn.execute(insert(RolePermission), [dict(role_code=code, permission=p)
                                              for p in permissions])
    return True


def _staff(conn: Connection, keys: LocalKeys, data: dict[str, Any], now: datetime) -> bool:
    user_id, code = data["id"], data["code"]
    clash = conn.scalar(select(User.id).where(User.code == code, User.id != user_id))
    if clash is not None:
        log.warning("staff member %s skipped: the code belongs to another account here", code)
        return False
    values = dict(code=code, name=data["name"], role=data["role"], pin_hash=data["pin_hash"],
                  active=bool(data["active"]),
                  store_id=keys.store_id(data["store"]) if data.get("store") else None)
    if conn.scalar(select(User.id).where(User.id == user_id)) is None:
        conn.execute(insert(User).values(id=user_id, created_at=now, **values))
    else:
        conn.execute(update(User).where(User.id == user_id).values(**values))
    _badges(conn, user_id, code, list(dict.fromkeys(data.get("badges") or [])), now)
    return True


def _badges(conn: Connection, user_id: str, code: str, badges: list[str],
            now: datetime) -> None:
    """The staff member's badges become the document's; a badge someone else holds here
    stays theirs."""
    conn.execute(delete(StaffBadge).where(StaffBadge.user_id == user_id,
                                          StaffBadge.badge_code.not_in(badges)))
    held = dict(conn.execute(select(StaffBadge.badge_code, StaffBadge.user_id)
                             .where(StaffBadge.badge_code.in_(badges))).all()) if badges else {}
    for badge in badges:
        owner = held.get(badge)
        if owner is None:
            conn.execute(insert(StaffBadge).values(id=new_id(), user_id=user_id,
                                                   badge_code=badge, created_at=now))
        elif owner != user_id:
            log.warning("badge %s of %s skipped: it belongs to another account here",
                        badge, code)
