"""Applying channel-order changes from the cloud to this till's copy.

Only orders of a store this till belongs to are kept. The cloud owns the order,
so its state replaces the till's, with one exception: while this till still has
unsent moves of an order in its outbox, the local state is newer than the
cloud's and is kept; the cloud logs the order again once it has taken those
moves, and that later change brings both into line. Lines never change after
submission, so picking progress made at the till survives every update.
The order's member is matched by phone to this till's member (when there is
one), so the member's profile can show channel orders next to till sales.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from app.db.models import OutboxEvent, Store
from app.db.models_members import Member
from app.sync.models_channel import ChannelOrder, ChannelOrderLine

ENTITY = "channel_order"
MOVE_EVENT = "channel_order.transition"


def apply_channel_orders(conn: Connection, changes: list[dict[str, Any]], now: datetime) -> int:
    """Upsert the newest version of each order of this till's store(s); returns how many."""
    latest: dict[str, dict[str, Any]] = {}
    for change in changes:
        if change.get("op") == "upsert" and change.get("data"):
            latest[change["entity_id"]] = change
    stores = set(conn.execute(select(Store.code)).scalars())
    mine = {oid: c for oid, c in latest.items() if c["data"].get("store") in stores}
    if not mine:
        return 0
    pending = set(conn.execute(select(OutboxEvent.aggregate_id).where(
        OutboxEvent.kind == MOVE_EVENT, OutboxEvent.sent_at.is_(None),
        OutboxEvent.aggregate_id.in_(list(mine)))).scalars())
    known = set(conn.execute(select(ChannelOrder.id).where(
        ChannelOrder.id.in_(list(mine)))).scalars())
    members = _members_by_phone(conn, mine.values())
    for order_id, change in mine.items():
        row = _header(change["data"], int(change.get("version", 0)), now)
        row["local_member_id"] = members.get(local_phone(row["member_phone"]))
        if order_id not in known:
            conn.execute(insert(ChannelOrder).values(**row))
            conn.execute(insert(ChannelOrderLine), _lines(order_id, change["data"]))
        elif order_id in pending:
            local_state = ("status", "carrier", "tracking_no", "reason", "updated_at")
            conn.execute(update(ChannelOrder).where(ChannelOrder.id == order_id).values(
                **{k: v for k, v in row.items() if k not in local_state}))
        else:
            conn.execute(update(ChannelOrder).where(ChannelOrder.id == order_id).values(**row))
    return len(mine)


def _header(data: dict[str, Any], version: int, now: datetime) -> dict[str, Any]:
    member = data.get("member") or {}
    return dict(
        id=data["id"], store_code=data["store"], channel=data["channel"],
        external_id=data["external_id"], status=data["status"], fulfilment=data["fulfilment"],
        member_id=member.get("id") or "", member_phone=member.get("phone") or "",
        member_name=member.get("name") or "", goods_fen=_fen(data["goods_fen"]),
        discount_fen=_fen(data["discount_fen"]), delivery_fen=_fen(data["delivery_fen"]),
        paid_fen=_fen(data["paid_fen"]), salesperson_code=data.get("salesperson_code") or "",
        pickup_code=data.get("pickup_code") or "", carrier=data.get("carrier") or "",
        tracking_no=data.get("tracking_no") or "", reason=data.get("reason") or "",
        address=data.get("address") or "", note=data.get("note") or "",
        placed_at=datetime.fromisoformat(data["created_at"]),
        updated_at=datetime.fromisoformat(data.get("updated_at") or data["created_at"]),
        group_id=data.get("group_id") or "", cloud_version=version)


def local_phone(phone: str) -> str:
    """The 11-digit mainland number the till keeps, from what a channel sent (+86...)."""
    digits = phone.strip().removeprefix("+")
    if len(digits) == 13 and digits.startswith("86"):
        return digits[2:]
    return digits


def _members_by_phone(conn: Connection, changes) -> dict[str, str]:
    phones = {local_phone((c["data"].get("member") or {}).get("phone") or "") for c in changes}
    phones.discard("")
    if not phones:
        return {}
    return dict(conn.execute(select(Member.phone, Member.id).where(
        Member.phone.in_(list(phones)))).all())


def _lines(order_id: str, data: dict[str, Any]) -> list[dict[str, Any]]:
    return [dict(order_id=order_id, line_no=int(line["line_no"]), sku_code=line["sku"],
                 name=line.get("name", ""), quantity_milli=int(line["quantity_milli"]),
                 unit_price_fen=_fen(line["unit_price_fen"]), amount_fen=_fen(line["amount_fen"]),
                 picked_milli=0)
            for line in data.get("lines", [])]


def _fen(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"amount must be integer fen, got {value!r}")
    return value
