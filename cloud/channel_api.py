"""HTTP API v1 of channel orders.

Channels (token `mc_...` from `mon-cloud create-channel`) submit orders and may
cancel, complete or refund their own; a store's terminals and head office move
orders through the store's states. Errors: 401 unknown token, 403 not yours,
404 no such order, 409 a move the state machine refuses, 422 an invalid order.
"""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from fastapi.responses import JSONResponse
from sqlalchemy import select

from cloud import channel, channel_codes, channel_stores, tenancy
from cloud.api import _db, _now, admin_only, current_principal, terminal_only
from cloud.channel import Actor, ChannelError, Move
from cloud.channel_models import ChannelOrder
from cloud.channel_schema import OrderIn, ShareCodeIn, ShipFromStoreIn, TransitionIn
from cloud.models import Store
from cloud.tenancy import Principal

router = APIRouter(prefix="/api/v1")
MAX_LIST = 500
SalespersonCode = Path(min_length=1, max_length=32)


def _bearer(request: Request) -> str:
    scheme, _, token = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not token.strip():
        raise HTTPException(401, "missing bearer token", headers={"WWW-Authenticate": "Bearer"})
    return token.strip()


def channel_only(request: Request) -> channel_codes.ChannelPrincipal:
    token = _bearer(request)
    if not token.startswith(channel_codes.CHANNEL_TOKEN_PREFIX):
        raise HTTPException(403, "a channel token is required to submit orders")
    try:
        with _db(request).read() as conn:
            return channel_codes.authenticate_channel(conn, token)
    except tenancy.AuthError as exc:
        raise HTTPException(401, str(exc), headers={"WWW-Authenticate": "Bearer"}) from None


def any_caller(request: Request) -> channel_codes.ChannelPrincipal | Principal:
    if _bearer(request).startswith(channel_codes.CHANNEL_TOKEN_PREFIX):
        return channel_only(request)
    return current_principal(request)


def _actor(caller, name: str) -> Actor:
    if isinstance(caller, channel_codes.ChannelPrincipal):
        return Actor("channel", caller.merchant_id, name or caller.channel, channel=caller.channel)
    if caller.is_admin:
        return Actor("admin", caller.merchant_id, name or "head office")
    return Actor("terminal", caller.merchant_id, name or caller.terminal_code,
                 store_id=caller.store_id)


def _refused(exc: ChannelError) -> HTTPException:
    return HTTPException(exc.status, str(exc))


@router.post("/channel/orders", status_code=201)
def submit_order(body: OrderIn, request: Request,
                 caller: channel_codes.ChannelPrincipal = Depends(channel_only)) -> JSONResponse:
    """Idempotent by external_id: 201 with a new order, 200 with the one already there."""
    if body.channel != caller.channel:
        raise HTTPException(403, f"this token is for channel {caller.channel}, "
                                 f"not {body.channel}")
    try:
        with _db(request).write() as conn:
            order, created = channel.submit_order(conn, caller.merchant_id, caller.channel,
                                                  body, _now(request))
    except ChannelError as exc:
        raise _refused(exc) from None
    return JSONResponse(channel.for_channel(order), status_code=201 if created else 200)


@router.get("/channel/orders/{order_id}")
def get_order(request: Request, order_id: str = Path(max_length=36),
              caller=Depends(any_caller)) -> dict[str, Any]:
    with _db(request).read() as conn:
        merchant = conn.scalar(select(ChannelOrder.merchant_id).where(ChannelOrder.id == order_id))
        if merchant is None or merchant != caller.merchant_id:
            raise HTTPException(404, f"no channel order {order_id}")
        order = channel.order_document(conn, order_id)
    if isinstance(caller, channel_codes.ChannelPrincipal):
        if order["channel"] != caller.channel:
            raise HTTPException(404, f"no channel order {order_id}")
        return channel.for_channel(order)
    return order


@router.post("/channel/orders/{order_id}/transitions")
def move_order(body: TransitionIn, request: Request, order_id: str = Path(max_length=36),
               caller=Depends(any_caller)) -> dict[str, Any]:
    move = Move(body.to, pickup_code=body.pickup_code, carrier=body.carrier,
                tracking_no=body.tracking_no, reason=body.reason)
    try:
        with _db(request).write() as conn:
            order = channel.transition(conn, order_id, _actor(caller, body.actor), move,
                                       _now(request))
    except ChannelError as exc:
        raise _refused(exc) from None
    if isinstance(caller, channel_codes.ChannelPrincipal):
        return channel.for_channel(order)
    return order


@router.get("/channel/stock/{sku}")
def stock_at_other_stores(request: Request, sku: str = Path(min_length=1, max_length=32),
                          principal: Principal = Depends(terminal_only)) -> dict[str, Any]:
    """For a till: the SKU's stock at each other store of its merchant."""
    try:
        with _db(request).read() as conn:
            return channel_stores.other_stores_stock(conn, principal.merchant_id,
                                                     principal.store_id, sku)
    except ChannelError as exc:
        raise _refused(exc) from None


@router.post("/channel/ship-from-store", status_code=201)
def ship_from_store(body: ShipFromStoreIn, request: Request,
                    principal: Principal = Depends(terminal_only)) -> JSONResponse:
    """A till's order for another store to send to its customer; idempotent by external_id."""
    try:
        with _db(request).write() as conn:
            order, created = channel_stores.ship_from_store(conn, principal, body, _now(request))
    except ChannelError as exc:
        raise _refused(exc) from None
    return JSONResponse(order, status_code=201 if created else 200)


@router.get("/admin/channel-orders")
def list_orders(request: Request, store: str | None = None, status: str | None = None,
                limit: int = Query(100, ge=1, le=MAX_LIST),
                principal: Principal = Depends(admin_only)) -> dict[str, Any]:
    query = (select(ChannelOrder.id).join(Store, Store.id == ChannelOrder.store_id)
             .where(ChannelOrder.merchant_id == principal.merchant_id)
             .order_by(ChannelOrder.created_at, ChannelOrder.id).limit(limit))
    if store:
        query = query.where(Store.code == store)
    if status:
        query = query.where(ChannelOrder.status == status)
    with _db(request).read() as conn:
        ids = conn.execute(query).scalars().all()
        return {"orders": [channel.order_document(conn, order_id) for order_id in ids]}


@router.post("/admin/salespeople/{code}/share-codes", status_code=201)
def issue_share_code(request: Request, code: str = SalespersonCode,
                     body: ShareCodeIn | None = None,
                     principal: Principal = Depends(admin_only)) -> dict[str, Any]:
    sku = body.sku if body else None
    with _db(request).write() as conn:
        share = channel_codes.issue_share_code(conn, principal.merchant_id, code, sku,
                                               _now(request))
    return {"code": share, "salesperson": code, "sku": sku}


@router.get("/admin/salespeople/{code}/channel-sales")
def salesperson_sales(request: Request, code: str = SalespersonCode,
                      principal: Principal = Depends(admin_only)) -> dict[str, Any]:
    with _db(request).read() as conn:
        return channel_codes.salesperson_channel_sales(conn, principal.merchant_id, code)
