"""Coupons across stores: the documents tills get, and coupons redeemed more than once.

A coupon issued at store A goes down the change log to every till of the merchant
(a member may redeem it at store B). Each till lets a coupon be used once; two tills
offline at the same time can still both take it, and the cloud keeps every
redemption (one row per event), so it can list those coupons for head office.
"""
from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from cloud.models import Store
from cloud.models_ledgers import Coupon, CouponRedemption

CHUNK = 500


def coupon_documents(conn: Connection, merchant_id: str,
                     coupon_ids: list[str]) -> dict[str, dict[str, Any]]:
    """The coupons as tills receive them, with their first redemption if any."""
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(coupon_ids), CHUNK):
        chunk = coupon_ids[start:start + CHUNK]
        used = _redemptions(conn, merchant_id, chunk)
        for row in conn.execute(
                select(Coupon.id, Coupon.data, Coupon.issued_at, Store.code.label("store"))
                .join(Store, Store.id == Coupon.store_id)
                .where(Coupon.merchant_id == merchant_id, Coupon.id.in_(chunk))):
            found[row.id] = coupon_document(row, used.get(row.id, []))
    return {cid: found[cid] for cid in coupon_ids if cid in found}


def coupon_document(row, redemptions: list[dict[str, Any]]) -> dict[str, Any]:
    data = dict(row.data)
    data.pop("coupon_id", None)
    return {"id": row.id, **data, "issued_at": row.issued_at.isoformat(),
            "home_store": row.store, "redeemed": redemptions[0] if redemptions else None,
            "redemptions": len(redemptions)}


def _redemptions(conn: Connection, merchant_id: str,
                 coupon_ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    """coupon id -> its redemptions, first (by time, then event) first."""
    used: dict[str, list[dict[str, Any]]] = {}
    for r in conn.execute(
            select(CouponRedemption, Store.code.label("store"))
            .join(Store, Store.id == CouponRedemption.store_id)
            .where(CouponRedemption.merchant_id == merchant_id,
                   CouponRedemption.coupon_id.in_(coupon_ids))
            .order_by(CouponRedemption.created_at, CouponRedemption.event_id)):
        used.setdefault(r.coupon_id, []).append(
            {"sale_id": r.sale_id, "amount_fen": r.amount_fen, "store": r.store,
             "member_id": r.member_id, "event_id": r.event_id,
             "at": r.created_at.isoformat()})
    return used


def double_redemptions(conn: Connection, merchant_id: str, limit: int = 500) -> list[dict]:
    """Coupons redeemed in more than one sale, with every redemption, newest coupon first."""
    twice = (select(CouponRedemption.coupon_id)
             .where(CouponRedemption.merchant_id == merchant_id)
             .group_by(CouponRedemption.coupon_id)
             .having(func.count(func.distinct(CouponRedemption.sale_id)) > 1)
             .order_by(func.max(CouponRedemption.created_at).desc(),
                       CouponRedemption.coupon_id)
             .limit(limit))
    ids = list(conn.scalars(twice))
    if not ids:
        return []
    used = _redemptions(conn, merchant_id, ids)
    coupons = {row.id: row for row in conn.execute(
        select(Coupon.id, Coupon.code, Coupon.member_id, Coupon.data)
        .where(Coupon.merchant_id == merchant_id, Coupon.id.in_(ids)))}
    answer = []
    for coupon_id in ids:
        coupon = coupons.get(coupon_id)
        redemptions = used.get(coupon_id, [])
        answer.append({
            "coupon_id": coupon_id, "code": coupon.code if coupon else None,
            "name": coupon.data.get("name") if coupon else None,
            "member_id": coupon.member_id if coupon else redemptions[0]["member_id"],
            "times_redeemed": len({r["sale_id"] for r in redemptions}),
            "amount_fen": sum(r["amount_fen"] for r in redemptions),
            "redemptions": redemptions})
    return answer
