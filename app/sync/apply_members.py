"""Member master data from the cloud: levels, the programme, commission rules,
salespeople and members registered or changed at any store of the merchant.

The cloud is the authority, so a document replaces this till's copy. Rows are
matched by the id the registering till gave them (the same on every till).
Unique keys on the till (a phone, a card, a salesperson code, a level rank) could
clash with a row made here offline; the cloud's row is then skipped and logged
rather than stopping the pull for good.
"""
from __future__ import annotations

import json
import logging
from datetime import date, datetime
from typing import Any

from sqlalchemy import insert, or_, select, update
from sqlalchemy.engine import Connection

from app.db.models import OutboxEvent, User
from app.db.models_members import (
    CommissionRule, Member, MemberLevel, MemberProgram, Salesperson,
)
from app.domain.ids import new_id
from app.sync.apply_coupons import COUPON, apply_coupons
from app.sync.apply_ledgers import POINTS_MOVE, STORED_VALUE_MOVE, apply_moves
from app.sync.apply_local import LocalKeys, moment

log = logging.getLogger(__name__)
MEMBER_LEVEL, MEMBER_PROGRAM, COMMISSION_RULE = "member_level", "member_program", "commission_rule"
SALESPERSON, MEMBER = "salesperson", "member"
# The order that keeps foreign keys whole: a member's level and salesperson first,
# the member before its ledger moves.
ENTITIES = (MEMBER_LEVEL, MEMBER_PROGRAM, COMMISSION_RULE, SALESPERSON, MEMBER,
            POINTS_MOVE, STORED_VALUE_MOVE, COUPON)
LEVEL_FIELDS = ("name", "rank", "price_tier", "discount_bp", "points_multiplier_pct",
                "upgrade_spend_fen", "upgrade_topup_fen")
# Events that make the cloud log the member again (cloud.projections_members).
MEMBER_EVENTS = ("member.created", "member.changed", "member.bound", "member.level_changed")
CHUNK = 500
RULE_FIELDS = ("name", "kind", "rate_bp", "amount_fen", "scope", "scope_ref", "active")


def apply_member_changes(conn: Connection, changes: list[dict[str, Any]], now: datetime) -> int:
    """Apply a page's member changes in dependency order; returns how many documents."""
    latest: dict[str, dict[str, dict[str, Any]]] = {e: {} for e in ENTITIES}
    for change in changes:
        if change.get("op") == "upsert" and isinstance(change.get("data"), dict):
            latest[change["entity"]][change["entity_id"]] = change["data"]
    keys = LocalKeys(conn)
    keys.unsent_members = _members_with_unsent_changes(conn, set(latest[MEMBER]))
    writers = {MEMBER_LEVEL: _level, MEMBER_PROGRAM: _program, COMMISSION_RULE: _rule,
               SALESPERSON: _salesperson, MEMBER: _member}
    applied = 0
    for entity in ENTITIES:
        documents = list(latest[entity].values())
        if entity in writers:
            for data in documents:
                applied += bool(writers[entity](conn, keys, data, now))
        elif entity == COUPON:  # after members: a coupon belongs to one
            applied += apply_coupons(conn, documents, now)
        else:
            applied += apply_moves(conn, keys, entity, documents)
    return applied


def _level(conn: Connection, keys: LocalKeys, data: dict[str, Any], now: datetime) -> bool:
    values = {f: data.get(f) for f in LEVEL_FIELDS}
    current = conn.scalar(select(MemberLevel.id).where(MemberLevel.code == data["code"]))
    clash = conn.scalar(select(MemberLevel.code).where(MemberLevel.rank == values["rank"],
                                                       MemberLevel.code != data["code"]))
    if clash is not None:
        log.warning("member level %s skipped: rank %s is level %s on this till",
                    data["code"], values["rank"], clash)
        return False
    if current is None:
        conn.execute(insert(MemberLevel).values(id=new_id(), code=data["code"], **values))
    else:
        conn.execute(update(MemberLevel).where(MemberLevel.id == current).values(**values))
    return True


def _program(conn: Connection, keys: LocalKeys, data: dict[str, Any], now: datetime) -> bool:
    """The merchant's programme becomes this till's store's programme."""
    store_id = keys.own_store_id
    if store_id is None:
        return False
    text = json.dumps(data, ensure_ascii=False, sort_keys=True)
    if conn.scalar(select(MemberProgram.store_id).where(MemberProgram.store_id == store_id)):
        conn.execute(update(MemberProgram).where(MemberProgram.store_id == store_id)
                     .values(data=text, updated_at=now))
    else:
        conn.execute(insert(MemberProgram).values(store_id=store_id, data=text, updated_at=now))
    return True


def _rule(conn: Connection, keys: LocalKeys, data: dict[str, Any], now: datetime) -> bool:
    values = {f: data[f] for f in RULE_FIELDS}
    values.update(starts_at=moment(data.get("starts_at")), ends_at=moment(data.get("ends_at")),
                  updated_at=now)
    if conn.scalar(select(CommissionRule.id).where(CommissionRule.id == data["id"])):
        conn.execute(update(CommissionRule).where(CommissionRule.id == data["id"]).values(**values))
    else:
        conn.execute(insert(CommissionRule).values(id=data["id"], **values))
    return True


def _salesperson(conn: Connection, keys: LocalKeys, data: dict[str, Any], now: datetime) -> bool:
    """Another store's salesperson gets a sign-in-less staff row here (inactive, no PIN), so
    members bound to them keep their binding and sales here credit them."""
    person_id, code, badge = data["id"], data["code"], data["badge"]
    clash = conn.scalar(select(Salesperson.id).where(
        Salesperson.id != person_id,
        or_(Salesperson.code == code, Salesperson.badge == badge,
            Salesperson.user_id == data["user_id"])))
    if clash is not None:
        log.warning("salesperson %s skipped: code, badge or staff member taken here", code)
        return False
    if conn.scalar(select(Salesperson.id).where(Salesperson.id == person_id)):
        conn.execute(update(Salesperson).where(Salesperson.id == person_id)
                     .values(code=code, badge=badge, name=data["name"]))
        return True
    if conn.scalar(select(User.id).where(User.id == data["user_id"])) is None:
        conn.execute(insert(User).values(
            id=data["user_id"], store_id=None, code=f"~{code}"[:32], name=data["name"],
            role="salesperson", pin_hash="!", active=False, created_at=now))
    conn.execute(insert(Salesperson).values(id=person_id, user_id=data["user_id"], code=code,
                                            badge=badge, name=data["name"], active=True,
                                            created_at=now))
    return True


def _members_with_unsent_changes(conn: Connection, member_ids: set[str]) -> set[str]:
    """Members this till changed and has not sent yet: its copy is newer than the cloud's.
    The cloud logs the member again when those events arrive, and that brings both in line."""
    ids, unsent = list(member_ids), set()
    for start in range(0, len(ids), CHUNK):
        unsent.update(conn.scalars(select(OutboxEvent.aggregate_id).where(
            OutboxEvent.sent_at.is_(None), OutboxEvent.kind.in_(MEMBER_EVENTS),
            OutboxEvent.aggregate_id.in_(ids[start:start + CHUNK]))))
    return unsent


def _member(conn: Connection, keys: LocalKeys, data: dict[str, Any], now: datetime) -> bool:
    member_id, phone, card = data["id"], data["phone"], data["card_no"]
    if member_id in keys.unsent_members:
        return False
    clash = conn.scalar(select(Member.id).where(
        Member.id != member_id, or_(Member.phone == phone, Member.card_no == card)))
    if clash is not None:
        log.warning("member %s skipped: phone %s or card %s belongs to member %s on this till",
                    member_id, phone, card, clash)
        return False
    values = dict(
        phone=phone, phone_last4=phone[-4:], card_no=card, name=data["name"],
        birthday=_day(data.get("birthday")), level_id=_level_id(conn, data.get("level")),
        code_secret=data.get("code_secret") or "", tags=data.get("tags") or "",
        consent_at=moment(data["consent_at"]),
        recruited_by_id=_salesperson_id(conn, data.get("recruited_by_id")),
        salesperson_id=_salesperson_id(conn, data.get("salesperson_id")),
        bound_at=moment(data.get("bound_at")), active=bool(data.get("active", True)),
        updated_at=now)
    if conn.scalar(select(Member.id).where(Member.id == member_id)):
        conn.execute(update(Member).where(Member.id == member_id).values(**values))
    else:
        conn.execute(insert(Member).values(
            id=member_id, store_id=keys.store_id(data.get("home_store")), created_at=now,
            **values))
    return True


def _level_id(conn: Connection, code: str | None) -> str:
    """The level by code; a level this till does not know yet counts as the entry level."""
    level = conn.scalar(select(MemberLevel.id).where(MemberLevel.code == code)) if code else None
    if level is None:
        level = conn.scalar(select(MemberLevel.id).order_by(MemberLevel.rank).limit(1))
    if level is None:  # the same plain entry level the members service creates on first use
        level = new_id()
        conn.execute(insert(MemberLevel).values(
            id=level, code="MEMBER", name="普通会员", rank=1, price_tier="member",
            discount_bp=10000, points_multiplier_pct=100))
    return level


def _salesperson_id(conn: Connection, person_id: str | None) -> str | None:
    if not person_id:
        return None
    return conn.scalar(select(Salesperson.id).where(Salesperson.id == person_id))


def _day(value: Any) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None
