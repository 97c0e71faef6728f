"""Coupons from the cloud: issued at any store of the merchant, usable at this one.

Matched by the id the issuing till gave them, so a page applied twice changes
nothing. A coupon the cloud knows to be redeemed (at any store) gets its redemption
here too, so this till refuses it: the unique coupon id of coupon_redemption keeps
one use per till, and a redemption this till made itself is never replaced. Two
tills offline at once can still both take one coupon; the cloud lists those
(GET /api/v1/admin/coupons/double-redemptions).
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.engine import Connection

from app.db.models_members import Coupon, CouponRedemption, Member
from app.domain.ids import new_id
from app.sync.apply_local import moment

log = logging.getLogger(__name__)
COUPON = "coupon"
FIELDS = ("member_id", "code", "name", "kind", "value", "threshold_fen", "scope", "scope_ref")


def apply_coupons(conn: Connection, documents: list[dict[str, Any]], now: datetime) -> int:
    applied = 0
    for data in documents:
        applied += bool(_coupon(conn, data, now))
    return applied


def _coupon(conn: Connection, data: dict[str, Any], now: datetime) -> bool:
    coupon_id = data["id"]
    if conn.scalar(select(Member.id).where(Member.id == data["member_id"])) is None:
        log.warning("coupon %s skipped: its member is not on this till", data.get("code"))
        return False
    if conn.scalar(select(Coupon.id).where(Coupon.code == data["code"],
                                           Coupon.id != coupon_id)) is not None:
        log.warning("coupon %s skipped: another coupon has its code here", data["code"])
        return False
    values = {f: data[f] for f in FIELDS}
    for name in ("value", "threshold_fen"):
        if isinstance(values[name], bool) or not isinstance(values[name], int):
            raise ValueError(f"coupon {name} must be an integer, got {values[name]!r}")
    values.update(starts_at=moment(data["starts_at"]), ends_at=moment(data["ends_at"]))
    if conn.scalar(select(Coupon.id).where(Coupon.id == coupon_id)) is None:
        conn.execute(insert(Coupon).values(id=coupon_id, issued_at=moment(data["issued_at"]),
                                           **values))
    else:
        conn.execute(update(Coupon).where(Coupon.id == coupon_id).values(**values))
    used = data.get("redeemed")
    if isinstance(used, dict):
        conn.execute(sqlite_insert(CouponRedemption).on_conflict_do_nothing(
            index_elements=["coupon_id"]).values(
            id=new_id(), coupon_id=coupon_id, sale_id=used["sale_id"],
            amount_fen=int(used["amount_fen"]), terminal_id=None,
            created_at=moment(used.get("at")) or now))
    return True
