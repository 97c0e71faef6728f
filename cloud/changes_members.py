"""Member master data and ledgers in the change log, so every till of the merchant gets
what one store (or head office) changed.

Entities, in the order a page lists them (a till applies them in this order, so a
member's salesperson and level exist before the member, and the member before its
ledger moves and coupons): member_level, member_program, commission_rule, salesperson,
member, points_move, stored_value_move, coupon; promotions stand alone; roles and staff
(a store's own, sent only to its tills) come last. Members are logged with
their whole current row, read after the batch's projections, so a till needs no
history to apply one.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.engine import Connection

from cloud import changes
from cloud.ingest import dialect_insert
from cloud.models import Store
from cloud.models_ledgers import CloudMember, MemberLevelDef, Promotion
from cloud.tenancy import Principal

MEMBER_LEVEL, MEMBER_PROGRAM, COMMISSION_RULE = "member_level", "member_program", "commission_rule"
SALESPERSON, MEMBER = "salesperson", "member"
POINTS_MOVE, STORED_VALUE_MOVE, PROMOTION = "points_move", "stored_value_move", "promotion"
COUPON, ROLE, STAFF = "coupon", "role", "staff"
ENTITY_ORDER = (MEMBER_LEVEL, MEMBER_PROGRAM, COMMISSION_RULE, SALESPERSON, MEMBER,
                POINTS_MOVE, STORED_VALUE_MOVE, COUPON, PROMOTION, ROLE, STAFF)
# A store's own: their documents name the store, and only its tills get them
# (cloud.api filters the change log, cloud.snapshot_members the snapshot).
STORE_SCOPED = frozenset({ROLE, STAFF})
PROGRAM_ID = "program"  # one programme per merchant


class PendingChanges:
    """Changes a batch makes, logged together at its end (one counter bump)."""

    def __init__(self) -> None:
        self._items: dict[str, dict[str, Any]] = {entity: {} for entity in ENTITY_ORDER}
        self._members: dict[str, None] = {}
        self._coupons: dict[str, None] = {}

    def put(self, entity: str, entity_id: str, data: Any) -> None:
        self._items[entity][entity_id] = data

    def member(self, member_id: str) -> None:
        self._members[member_id] = None

    def coupon(self, coupon_id: str) -> None:
        """Log the coupon as it stands after the batch (its redemption included)."""
        self._coupons[coupon_id] = None

    def write(self, conn: Connection, principal: Principal, now: datetime) -> list[int]:
        for member_id, data in member_documents(conn, principal.merchant_id,
                                                list(self._members)).items():
            self._items[MEMBER][member_id] = data
        from cloud.coupons import coupon_documents  # it reads this module's names
        for coupon_id, data in coupon_documents(conn, principal.merchant_id,
                                                list(self._coupons)).items():
            self._items[COUPON][coupon_id] = data
        entries = [(entity, entity_id, changes.UPSERT, data)
                   for entity in ENTITY_ORDER for entity_id, data in self._items[entity].items()]
        return changes.append_changes(conn, principal.merchant_id, entries, now)


def only_for_store(page: dict[str, Any], principal: Principal) -> dict[str, Any]:
    """Drop another store's staff and roles from a page a terminal asked for: a PIN hash
    of four digits is as good as the PIN, so it goes nowhere it is not used. The page's
    cursor is untouched, so the till still moves past them."""
    if principal.is_admin:
        return page
    kept = [c for c in page["changes"]
            if c.entity not in STORE_SCOPED or _store_of(c.data) == principal.store_code]
    return {**page, "changes": kept}


def _store_of(data: str | None) -> str | None:
    try:
        return json.loads(data).get("store") if data else None
    except (ValueError, AttributeError):
        return None


def member_documents(conn: Connection, merchant_id: str, member_ids: list[str]) -> dict[str, dict]:
    """The members as tills receive them: the whole row, the home store by code."""
    if not member_ids:
        return {}
    rows = conn.execute(
        select(CloudMember.__table__, Store.code.label("store_code"))
        .join(Store, Store.id == CloudMember.home_store_id)
        .where(CloudMember.merchant_id == merchant_id, CloudMember.id.in_(member_ids))).all()
    found = {row.id: _member_document(row) for row in rows}
    return {member_id: found[member_id] for member_id in member_ids if member_id in found}


def _member_document(m) -> dict[str, Any]:
    return {"id": m.id, "phone": m.phone, "card_no": m.card_no, "name": m.name,
            "birthday": m.birthday, "level": m.level_code, "tags": m.tags,
            "consent_at": m.consent_at.isoformat(), "recruited_by_id": m.recruited_by_id,
            "salesperson_id": m.salesperson_id,
            "bound_at": m.bound_at.isoformat() if m.bound_at else None,
            "code_secret": m.code_secret, "home_store": m.store_code, "active": m.active}


def put_member_level(conn: Connection, merchant_id: str, level: dict[str, Any],
                     now: datetime) -> int:
    """Head office defines or changes a member level (by code); returns its version."""
    stmt = dialect_insert(conn, MemberLevelDef)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=["merchant_id", "code"],
        set_={"data": stmt.excluded.data, "updated_at": stmt.excluded.updated_at}),
        dict(merchant_id=merchant_id, code=level["code"], data=level, updated_at=now))
    [version] = changes.append_changes(
        conn, merchant_id, [(MEMBER_LEVEL, level["code"], changes.UPSERT, level)], now)
    return version


def put_promotion(conn: Connection, merchant_id: str, promotion: dict[str, Any],
                  now: datetime) -> int:
    """Head office publishes a promotion (the pricing engine's dict plus its window)."""
    stmt = dialect_insert(conn, Promotion)
    conn.execute(stmt.on_conflict_do_update(
        index_elements=["merchant_id", "id"],
        set_={"data": stmt.excluded.data, "active": stmt.excluded.active,
              "updated_at": stmt.excluded.updated_at}),
        dict(merchant_id=merchant_id, id=promotion["id"], data=promotion,
             active=promotion["active"], updated_at=now))
    [version] = changes.append_changes(
        conn, merchant_id, [(PROMOTION, promotion["id"], changes.UPSERT, promotion)], now)
    return version
