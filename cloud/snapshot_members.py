"""The full reload (/snapshot) beyond products: member master data and ledgers.

A till whose cursor is older than the change log's retention reloads everything
through /snapshot. Products come first, keyed by SKU as before; then each member
entity in the order tills apply them (cloud.changes_members.ENTITY_ORDER), keyed by
its id; coupons with their redemption; last the till's own store's roles and staff.
The position in `after` is the SKU for products and "@<entity>:<key>" after
that, so an interrupted reload resumes where it stopped.
"""
from __future__ import annotations

import json
from typing import Callable

from sqlalchemy import Text, cast, select, tuple_
from sqlalchemy.engine import Connection

from cloud import changes_members as cm
from cloud.changes import DELETE, PRODUCT, UPSERT, RawChange
from cloud.models import Product, Store, Terminal
from cloud.models_ledgers import (
    CloudCommissionRule, CloudMember, CloudSalesperson, MemberLevelDef, MemberProgramDef,
    Coupon, PointsMove, Promotion, StoredValueMove,
)
from cloud.coupons import coupon_documents
from cloud.models_staff import CloudRole, CloudStaff
from cloud.projections_staff import staff_document

Rows = list[tuple[str, RawChange]]  # (key, change) in key order
Reader = Callable[[Connection, str, str, int], Rows]


def _products(conn: Connection, merchant_id: str, after: str, limit: int) -> Rows:
    rows = conn.execute(
        select(Product.sku, cast(Product.data, Text).label("data"), Product.active,
               Product.version)
        .where(Product.merchant_id == merchant_id, Product.sku > after)
        .order_by(Product.merchant_id, Product.sku).limit(limit)).all()
    return [(r.sku, RawChange(r.version, PRODUCT, r.sku, UPSERT if r.active else DELETE,
                              r.data if r.active else None)) for r in rows]


def _documents(entity: str, model, key_column) -> Reader:
    """Entities whose stored JSON is what tills get."""
    def read(conn: Connection, merchant_id: str, after: str, limit: int) -> Rows:
        rows = conn.execute(select(key_column.label("key"), cast(model.data, Text).label("data"))
                            .where(model.merchant_id == merchant_id, key_column > after)
                            .order_by(key_column).limit(limit)).all()
        entity_id = (lambda key: cm.PROGRAM_ID) if entity == cm.MEMBER_PROGRAM else str
        return [(r.key, RawChange(0, entity, entity_id(r.key), UPSERT, r.data)) for r in rows]
    return read


def _salespeople(conn: Connection, merchant_id: str, after: str, limit: int) -> Rows:
    rows = conn.execute(select(CloudSalesperson, Store.code.label("store"))
                        .join(Store, Store.id == CloudSalesperson.store_id)
                        .where(CloudSalesperson.merchant_id == merchant_id,
                               CloudSalesperson.id > after)
                        .order_by(CloudSalesperson.id).limit(limit)).all()
    return [(r.id, _raw(cm.SALESPERSON, r.id, {
        "id": r.id, "user_id": r.user_id, "code": r.code, "badge": r.badge, "name": r.name,
        "store": r.store})) for r in rows]


def _members(conn: Connection, merchant_id: str, after: str, limit: int) -> Rows:
    ids = list(conn.scalars(select(CloudMember.id).where(
        CloudMember.merchant_id == merchant_id, CloudMember.id > after)
        .order_by(CloudMember.id).limit(limit)))
    documents = cm.member_documents(conn, merchant_id, ids)
    return [(member_id, _raw(cm.MEMBER, member_id, documents[member_id])) for member_id in ids]


def _moves(entity: str, model, amounts: tuple[str, ...]) -> Reader:
    def read(conn: Connection, merchant_id: str, after: str, limit: int) -> Rows:
        rows = conn.execute(
            select(model, Store.code.label("store_code"), Terminal.code.label("terminal_code"))
            .join(Store, Store.id == model.store_id)
            .join(Terminal, Terminal.id == model.terminal_id)
            .where(model.merchant_id == merchant_id, model.id > after)
            .order_by(model.id).limit(limit)).all()
        return [(r.id, _raw(entity, r.id, _move_document(r, amounts))) for r in rows]
    return read


def _move_document(r, amounts: tuple[str, ...]) -> dict:
    document = {"id": r.id, "member_id": r.member_id, "kind": r.kind, "ref_type": r.ref_type,
                "ref_id": r.ref_id, "refund_id": r.refund_id, "offline": r.offline,
                "overdraft": r.overdraft, "store": r.store_code, "terminal": r.terminal_code,
                "created_at": r.created_at.isoformat()}
    document.update({name: getattr(r, name) for name in amounts})
    if "points" in amounts:
        document["expires_at"] = r.expires_at.isoformat() if r.expires_at else None
    else:
        document["tender"] = r.tender
    return document


def _coupons(conn: Connection, merchant_id: str, after: str, limit: int) -> Rows:
    ids = list(conn.scalars(select(Coupon.id).where(
        Coupon.merchant_id == merchant_id, Coupon.id > after).order_by(Coupon.id).limit(limit)))
    documents = coupon_documents(conn, merchant_id, ids)
    return [(cid, _raw(cm.COUPON, cid, documents[cid])) for cid in ids if cid in documents]


def _roles(conn: Connection, merchant_id: str, after: str, limit: int,
           store_id: str | None) -> Rows:
    query = (select(CloudRole.store_id, CloudRole.code, cast(CloudRole.data, Text).label("data"))
             .where(CloudRole.merchant_id == merchant_id))
    if store_id is not None:  # a terminal: its store's roles, keyed by code
        rows = conn.execute(query.where(CloudRole.store_id == store_id, CloudRole.code > after)
                            .order_by(CloudRole.code).limit(limit)).all()
        return [(r.code, RawChange(0, cm.ROLE, r.code, UPSERT, r.data)) for r in rows]
    store, _, code = after.partition("/")
    rows = conn.execute(query.where(tuple_(CloudRole.store_id, CloudRole.code) > (store, code))
                        .order_by(CloudRole.store_id, CloudRole.code).limit(limit)).all()
    return [(f"{r.store_id}/{r.code}", RawChange(0, cm.ROLE, r.code, UPSERT, r.data))
            for r in rows]


def _staff(conn: Connection, merchant_id: str, after: str, limit: int,
           store_id: str | None) -> Rows:
    query = (select(CloudStaff.__table__, Store.code.label("store_code"))
             .join(Store, Store.id == CloudStaff.home_store_id)
             .where(CloudStaff.merchant_id == merchant_id, CloudStaff.id > after))
    if store_id is not None:
        query = query.where(CloudStaff.home_store_id == store_id)
    rows = conn.execute(query.order_by(CloudStaff.id).limit(limit)).all()
    return [(r.id, _raw(cm.STAFF, r.id, staff_document(r._asdict(), r.store_code)))
            for r in rows]


def _raw(entity: str, entity_id: str, data: dict) -> RawChange:
    return RawChange(0, entity, entity_id, UPSERT, json.dumps(data, ensure_ascii=False))


PHASES: tuple[tuple[str, Reader], ...] = (
    (PRODUCT, _products),
    (cm.MEMBER_LEVEL, _documents(cm.MEMBER_LEVEL, MemberLevelDef, MemberLevelDef.code)),
    (cm.MEMBER_PROGRAM, _documents(cm.MEMBER_PROGRAM, MemberProgramDef,
                                   MemberProgramDef.merchant_id)),
    (cm.COMMISSION_RULE, _documents(cm.COMMISSION_RULE, CloudCommissionRule,
                                    CloudCommissionRule.id)),
    (cm.SALESPERSON, _salespeople),
    (cm.MEMBER, _members),
    (cm.POINTS_MOVE, _moves(cm.POINTS_MOVE, PointsMove, ("points",))),
    (cm.STORED_VALUE_MOVE, _moves(cm.STORED_VALUE_MOVE, StoredValueMove,
                                  ("principal_fen", "bonus_fen"))),
    (cm.COUPON, _coupons),
    (cm.PROMOTION, _documents(cm.PROMOTION, Promotion, Promotion.id)),
    (cm.ROLE, _roles),
    (cm.STAFF, _staff),
)
_INDEX = {name: i for i, (name, _) in enumerate(PHASES)}


def _position(after: str) -> tuple[int, str]:
    if after.startswith("@") and ":" in after:
        name, _, key = after[1:].partition(":")
        if name in _INDEX:
            return _INDEX[name], key
    return 0, after  # a SKU: still in the products


def _after(phase: int, key: str) -> str:
    return key if phase == 0 else f"@{PHASES[phase][0]}:{key}"


def read_snapshot_page(conn: Connection, merchant_id: str, after: str, limit: int,
                       store_id: str | None = None) -> dict:
    """One page of the whole current state, phases packed until the page is full; a
    store's own entities (staff, roles) only of `store_id` when one is given."""
    phase, key = _position(after)
    out: list[RawChange] = []
    while phase < len(PHASES):
        room = limit - len(out)
        name, reader = PHASES[phase]
        rows = (reader(conn, merchant_id, key, room + 1, store_id) if name in cm.STORE_SCOPED
                else reader(conn, merchant_id, key, room + 1))
        taken = rows[:room]
        out += [change for _, change in taken]
        if taken:
            key = taken[-1][0]
        if len(rows) > room:
            return {"changes": out, "after": _after(phase, key), "has_more": True}
        phase, key = phase + 1, ""
        if len(out) == limit and phase < len(PHASES):
            return {"changes": out, "after": _after(phase, ""), "has_more": True}
    return {"changes": out, "after": _after(len(PHASES) - 1, key) if out else after,
            "has_more": False}
