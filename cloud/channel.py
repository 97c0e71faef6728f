"""Channel orders in the cloud: submission, the state machine, stock reservations.

An order is named once by (merchant, channel, external id): submitting it again
answers with the order already there. States move only along TRANSITIONS and
each move records who and when. Accepting reserves the lines' stock at the
store; picking up or shipping turns the reservation into a sale movement in
the stock ledger; cancelling releases it. Every change is logged for the
merchant's tills (entity "channel_order"), so the store sees new orders and
what happened to them.
"""
from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection

from app.domain.channel_orders import (
    ACCEPTED, CANCELLED, CLOSED, COMPLETED, FULFILLED, HOLDS_RESERVATION, NEW, PICKED_UP,
    PICKING, REFUNDED, SHIPPED, next_states,
)
from app.domain.ids import new_id
from app.domain.money import Money
from app.domain.quantity import Quantity, extend
from cloud import changes, channel_commission
from cloud.channel_members import adopt_channel_customer
from cloud.channel_models import (
    ChannelMember, ChannelOrder, ChannelOrderLine, ChannelOrderTransition, ShareCode,
    StockReservation,
)
from cloud.channel_schema import MemberRef, OrderIn
from cloud.models import Product, StockMovement, Store

ENTITY = "channel_order"
CHANNEL_MAY_SET = (CANCELLED, COMPLETED, REFUNDED)  # the rest is the store's work
PICKUP_CODE_TRIES = 50


class ChannelError(Exception):
    """A refused request; `status` is the HTTP status, the message says what to do."""

    status = 422


class OrderInvalid(ChannelError):
    status = 422


class OrderNotFound(ChannelError):
    status = 404


class NotYours(ChannelError):
    status = 403


class IllegalTransition(ChannelError):
    status = 409


@dataclass(frozen=True)
class Actor:
    """Who moves an order: a channel, a store's terminal or head office."""

    kind: str  # channel | terminal | admin
    merchant_id: str
    name: str
    channel: str | None = None
    store_id: str | None = None


@dataclass(frozen=True)
class Move:
    to: str
    pickup_code: str = ""
    carrier: str = ""
    tracking_no: str = ""
    reason: str = ""
    event_id: str | None = None


# --- submission ------------------------------------------------------------

def submit_order(conn: Connection, merchant_id: str, channel: str, order: OrderIn,
                 now: datetime) -> tuple[dict[str, Any], bool]:
    """(the order, True if created now); the same external id again gives the first order."""
    existing = _order_id_by_external(conn, merchant_id, channel, order.external_id)
    if existing is not None:
        return order_document(conn, existing), False
    store_id = _store_id(conn, merchant_id, order.store)
    lines = _priced_lines(conn, merchant_id, order)
    goods = sum(line["amount_fen"] for line in lines)
    _check_amounts(order, goods)
    order_id, pickup_code = new_id(), _free_pickup_code(conn, store_id)
    inserted = conn.execute(
        _insert_ignoring(conn, ChannelOrder, ["merchant_id", "channel", "external_id"]).values(
            id=order_id, merchant_id=merchant_id, store_id=store_id, channel=channel,
            external_id=order.external_id,
            member_id=_member_id(conn, merchant_id, order.member, now),
            status=NEW, fulfilment=order.fulfilment, goods_fen=goods,
            discount_fen=order.discount_fen, delivery_fen=order.delivery_fen,
            paid_fen=order.paid_fen, share_code=order.share_code,
            salesperson_code=_salesperson(conn, merchant_id, order.share_code, lines),
            pickup_code=pickup_code, open_pickup_code=pickup_code,
            carrier="", tracking_no="", reason="",
            details={"address": order.address, "note": order.note},
            group_id=order.group_id, created_at=now,
            updated_at=now,
        ).returning(ChannelOrder.id)).scalar_one_or_none()
    if inserted is None:  # the same order arrived concurrently and won
        return order_document(conn, _order_id_by_external(conn, merchant_id, channel,
                                                          order.external_id)), False
    conn.execute(insert(ChannelOrderLine), [dict(order_id=order_id, **line) for line in lines])
    if order.member.phone:  # a new customer becomes a member every till finds by phone
        adopt_channel_customer(conn, merchant_id, store_id, order.member.phone,
                               order.member.name, now)
    submitter = Actor("channel", merchant_id, channel, channel=channel)
    _record(conn, order_id, "", NEW, submitter, Move(NEW), now)
    return _log(conn, merchant_id, order_id, now), True


def _insert_ignoring(conn: Connection, table, keys: list[str]):
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert as dialect_insert
    else:
        from sqlalchemy.dialects.sqlite import insert as dialect_insert
    return dialect_insert(table).on_conflict_do_nothing(index_elements=keys)


def _order_id_by_external(conn: Connection, merchant_id: str, channel: str,
                          external_id: str) -> str | None:
    return conn.scalar(select(ChannelOrder.id).where(
        ChannelOrder.merchant_id == merchant_id, ChannelOrder.channel == channel,
        ChannelOrder.external_id == external_id))


def _store_id(conn: Connection, merchant_id: str, store_code: str) -> str:
    store_id = conn.scalar(select(Store.id).where(Store.code == store_code,
                                                  Store.merchant_id == merchant_id))
    if store_id is None:
        raise OrderInvalid(f"store {store_code!r} is not a store of this merchant: "
                           f"send the code of the store that fulfils the order")
    return store_id


def _priced_lines(conn: Connection, merchant_id: str, order: OrderIn) -> list[dict[str, Any]]:
    skus = [line.sku for line in order.lines]
    names = dict(conn.execute(select(Product.sku, Product.data).where(
        Product.merchant_id == merchant_id, Product.sku.in_(skus), Product.active)).all())
    missing = [sku for sku in skus if sku not in names]
    if missing:
        raise OrderInvalid(f"unknown or inactive SKU(s) {', '.join(missing)}: "
                           f"send SKUs of the merchant's catalog")
    lines = []
    for number, line in enumerate(order.lines, start=1):
        amount = line.amount_fen
        if amount is None:  # the till's own rounding rule for price x quantity
            amount = extend(Money(line.unit_price_fen), Quantity(line.quantity_milli)).fen
        lines.append(dict(line_no=number, sku=line.sku, name=names[line.sku].get("name", ""),
                          quantity_milli=line.quantity_milli,
                          unit_price_fen=line.unit_price_fen, amount_fen=amount))
    return lines


def _check_amounts(order: OrderIn, goods: int) -> None:
    if order.discount_fen > goods:
        raise OrderInvalid(f"discount_fen {order.discount_fen} is more than the goods "
                           f"({goods} fen)")
    due = goods - order.discount_fen + order.delivery_fen
    if order.paid_fen != due:
        raise OrderInvalid(f"paid_fen {order.paid_fen} does not match goods {goods} - discount "
                           f"{order.discount_fen} + delivery {order.delivery_fen} = {due} fen")


def _member_id(conn: Connection, merchant_id: str, member: MemberRef, now: datetime) -> str:
    if member.id:
        found = conn.scalar(select(ChannelMember.id).where(
            ChannelMember.id == member.id, ChannelMember.merchant_id == merchant_id))
        if found is None:
            raise OrderInvalid(f"no member {member.id}: send the member's phone instead")
        return found
    conn.execute(_insert_ignoring(conn, ChannelMember, ["merchant_id", "phone"]).values(
        id=new_id(), merchant_id=merchant_id, phone=member.phone, name=member.name,
        created_at=now))
    return conn.scalar(select(ChannelMember.id).where(
        ChannelMember.merchant_id == merchant_id, ChannelMember.phone == member.phone))


def _salesperson(conn: Connection, merchant_id: str, share_code: str | None,
                 lines: list[dict[str, Any]]) -> str | None:
    """The share code's salesperson; a per-product code counts only when its SKU is ordered.
    An unknown code is kept on the order but credits nobody (the order is paid already)."""
    if not share_code:
        return None
    row = conn.execute(select(ShareCode.salesperson_code, ShareCode.sku).where(
        ShareCode.code == share_code, ShareCode.merchant_id == merchant_id)).one_or_none()
    if row is None or (row.sku and row.sku not in {line["sku"] for line in lines}):
        return None
    return row.salesperson_code


def _free_pickup_code(conn: Connection, store_id: str) -> str:
    """Six digits no other open order of the store holds (the unique key backs this up)."""
    for _ in range(PICKUP_CODE_TRIES):
        code = f"{secrets.randbelow(1_000_000):06d}"
        taken = conn.scalar(select(ChannelOrder.id).where(ChannelOrder.store_id == store_id,
                                                          ChannelOrder.open_pickup_code == code))
        if taken is None:
            return code
    raise ChannelError("no free pickup code at this store: try again")


# --- transitions -----------------------------------------------------------

def transition(conn: Connection, order_id: str, actor: Actor, move: Move,
               now: datetime) -> dict[str, Any]:
    """Move an order to `move.to` if the rules allow it; raises a ChannelError if not."""
    order = conn.execute(select(ChannelOrder).where(ChannelOrder.id == order_id)
                         .with_for_update()).one_or_none()
    if order is None or order.merchant_id != actor.merchant_id:
        raise OrderNotFound(f"no channel order {order_id}")
    _check_actor(order, actor, move.to)
    _check_move(order, move)
    _move_stock(conn, order, move, now)
    _move_commission(conn, order, move.to, now)
    values: dict[str, Any] = dict(status=move.to, updated_at=now)
    if move.to in CLOSED:
        values["open_pickup_code"] = None
    if move.to == SHIPPED:
        values.update(carrier=move.carrier, tracking_no=move.tracking_no)
    if move.reason:
        values["reason"] = move.reason[:200]
    conn.execute(update(ChannelOrder).where(ChannelOrder.id == order_id).values(**values))
    _record(conn, order_id, order.status, move.to, actor, move, now)
    return _log(conn, order.merchant_id, order_id, now)


def _check_actor(order, actor: Actor, to: str) -> None:
    if actor.kind == "terminal" and order.store_id != actor.store_id:
        raise NotYours("this order is fulfilled by another store")
    if actor.kind == "channel":
        if order.channel != actor.channel:
            raise NotYours("this order came through another channel")
        if to not in CHANNEL_MAY_SET:
            raise NotYours(f"a channel may only set {', '.join(CHANNEL_MAY_SET)}; "
                           f"the store moves the order to {to}")


def _check_move(order, move: Move) -> None:
    allowed = next_states(order.status)
    if move.to not in allowed:
        raise IllegalTransition(
            f"order {order.external_id} is {order.status} and cannot become {move.to} "
            f"(next allowed: {', '.join(allowed) or 'none, it is closed'})")
    if move.to == PICKED_UP:
        if order.fulfilment != "pickup":
            raise IllegalTransition(f"order {order.external_id} is for {order.fulfilment}, "
                                    f"not pickup: record a shipment instead")
        if move.pickup_code != order.pickup_code:
            raise IllegalTransition("the pickup code does not match this order: ask the "
                                    "customer for the code shown in their order")
    if move.to == SHIPPED:
        if order.fulfilment == "pickup":
            raise IllegalTransition(f"order {order.external_id} is for pickup at the store: "
                                    f"hand it over with its pickup code")
        if not move.carrier.strip():
            raise IllegalTransition("a shipment needs the carrier (and tracking number)")


def _move_stock(conn: Connection, order, move: Move, now: datetime) -> None:
    lines = conn.execute(select(ChannelOrderLine.sku, ChannelOrderLine.quantity_milli)
                         .where(ChannelOrderLine.order_id == order.id)
                         .order_by(ChannelOrderLine.line_no)).all()
    base = dict(merchant_id=order.merchant_id, store_id=order.store_id, order_id=order.id,
                created_at=now)
    if move.to == ACCEPTED:
        kind, sign = "reserve", 1
    elif move.to == CANCELLED and order.status in HOLDS_RESERVATION:
        kind, sign = "release", -1
    elif move.to in FULFILLED:
        kind, sign = "fulfil", -1
        conn.execute(insert(StockMovement), [dict(
            merchant_id=order.merchant_id, store_id=order.store_id, sku_code=sku,
            quantity_milli=-qty, kind="channel_sale", event_id=move.event_id or order.id,
            created_at=now) for sku, qty in lines])
    else:
        return
    conn.execute(insert(StockReservation), [dict(base, sku_code=sku, quantity_milli=sign * qty,
                                                 kind=kind) for sku, qty in lines])


def _move_commission(conn: Connection, order, to: str, now: datetime) -> None:
    """Fulfilment earns the salesperson commission; a refund takes it back."""
    if to in FULFILLED:
        channel_commission.credit_order(conn, order, now)
    elif to == REFUNDED:
        channel_commission.reverse_order(conn, order, now)


def _record(conn: Connection, order_id: str, before: str, after: str, actor: Actor,
            move: Move, now: datetime) -> None:
    conn.execute(insert(ChannelOrderTransition).values(
        id=new_id(), order_id=order_id, from_status=before, to_status=after,
        actor=actor.name[:64], actor_kind=actor.kind, event_id=move.event_id,
        reason=move.reason[:200], at=now))


def _log(conn: Connection, merchant_id: str, order_id: str, now: datetime) -> dict[str, Any]:
    document = order_document(conn, order_id)
    changes.append_changes(conn, merchant_id, [(ENTITY, order_id, changes.UPSERT, document)], now)
    return document


def log_again(conn: Connection, merchant_id: str, order_id: str, now: datetime) -> None:
    """Log the order's current state again, e.g. after refusing a till's move: that till
    kept its own state while the move was queued and must now get the cloud's."""
    exists = conn.scalar(select(ChannelOrder.id).where(ChannelOrder.id == order_id,
                                                       ChannelOrder.merchant_id == merchant_id))
    if exists is not None:
        _log(conn, merchant_id, order_id, now)


# --- reading ---------------------------------------------------------------

def order_document(conn: Connection, order_id: str) -> dict[str, Any]:
    """The order as channels, head office and tills see it (times ISO 8601 UTC)."""
    order = conn.execute(
        select(ChannelOrder, Store.code.label("store_code"), ChannelMember.phone,
               ChannelMember.name.label("member_name"))
        .join(Store, Store.id == ChannelOrder.store_id)
        .join(ChannelMember, ChannelMember.id == ChannelOrder.member_id)
        .where(ChannelOrder.id == order_id)).one()
    head = order  # a Core row: the order's columns plus the three joined ones
    lines = conn.execute(select(ChannelOrderLine).where(ChannelOrderLine.order_id == order_id)
                         .order_by(ChannelOrderLine.line_no)).all()
    history = conn.execute(select(ChannelOrderTransition)
                           .where(ChannelOrderTransition.order_id == order_id)
                           # time-ordered ids: the order moves were applied in, whatever
                           # the clocks of the tills that made them said
                           .order_by(ChannelOrderTransition.id)
                           ).all()
    return {
        "id": head.id, "channel": head.channel, "external_id": head.external_id,
        "store": order.store_code, "status": head.status, "fulfilment": head.fulfilment,
        "member": {"id": head.member_id, "phone": order.phone, "name": order.member_name},
        "goods_fen": head.goods_fen, "discount_fen": head.discount_fen,
        "delivery_fen": head.delivery_fen, "paid_fen": head.paid_fen,
        "share_code": head.share_code, "salesperson_code": head.salesperson_code,
        "pickup_code": head.pickup_code, "carrier": head.carrier,
        "tracking_no": head.tracking_no, "reason": head.reason,
        "address": head.details.get("address", ""), "note": head.details.get("note", ""),
        "group_id": head.group_id,
        "created_at": head.created_at.isoformat(), "updated_at": head.updated_at.isoformat(),
        "lines": [dict(line_no=l.line_no, sku=l.sku, name=l.name, quantity_milli=l.quantity_milli,
                       unit_price_fen=l.unit_price_fen, amount_fen=l.amount_fen) for l in lines],
        "history": [dict(from_status=t.from_status, to_status=t.to_status, actor=t.actor,
                         actor_kind=t.actor_kind, reason=t.reason, at=t.at.isoformat())
                    for t in history],
    }


def for_channel(document: dict[str, Any]) -> dict[str, Any]:
    """A channel sees the pickup code only once the order is ready to be picked up."""
    if document["status"] in (NEW, ACCEPTED, PICKING, CANCELLED):
        return {**document, "pickup_code": None}
    return document


def stock_levels(conn: Connection, store_id: str, skus: list[str]) -> dict[str, dict[str, int]]:
    """On hand (stock ledger), reserved (reservation ledger) and available per SKU."""
    def sums(table) -> dict[str, int]:
        query = (select(table.sku_code, func.sum(table.quantity_milli))
                 .where(table.store_id == store_id).group_by(table.sku_code))
        if skus:
            query = query.where(table.sku_code.in_(skus))
        return {sku: int(total) for sku, total in conn.execute(query)}

    on_hand, reserved = sums(StockMovement), sums(StockReservation)
    reserved = {sku: qty for sku, qty in reserved.items() if qty}
    every = sorted(set(on_hand) | set(reserved))
    return {"on_hand_milli": on_hand, "reserved_milli": reserved,
            "available_milli": {s: on_hand.get(s, 0) - reserved.get(s, 0) for s in every}}
