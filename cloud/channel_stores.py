"""Stock at the merchant's other stores for a till, and ship-from-store orders a till
places for its customer at another store.

On hand is the sum of the cloud's stock_movement ledger, reserved the sum of the
reservation ledger (accepted channel orders not yet fulfilled or cancelled), and
available the difference. A till only ever sees the stores of its own merchant.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.engine import Connection

from cloud import channel
from cloud.channel import OrderNotFound
from cloud.channel_models import StockReservation
from cloud.channel_schema import OrderIn, ShipFromStoreIn
from cloud.models import Product, StockMovement, Store
from cloud.tenancy import Principal

IN_STORE_CHANNEL = "in_store"  # orders a store's till takes for another store to fulfil


def other_stores_stock(conn: Connection, merchant_id: str, own_store_id: str | None,
                       sku: str) -> dict[str, Any]:
    """Each other store of the merchant with its on-hand, reserved and available of `sku`,
    the most available first."""
    data = conn.scalar(select(Product.data).where(Product.merchant_id == merchant_id,
                                                  Product.sku == sku))
    if data is None:
        raise OrderNotFound(f"SKU {sku} is not in the merchant's catalog")
    stores = conn.execute(select(Store.id, Store.code, Store.name)
                          .where(Store.merchant_id == merchant_id, Store.id != own_store_id)
                          .order_by(Store.code)).all()
    ids = [store.id for store in stores]
    on_hand = _sum_by_store(conn, StockMovement, merchant_id, ids, sku)
    reserved = _sum_by_store(conn, StockReservation, merchant_id, ids, sku)
    rows = [{"store": store.code, "name": store.name,
             "on_hand_milli": on_hand.get(store.id, 0),
             "reserved_milli": reserved.get(store.id, 0),
             "available_milli": on_hand.get(store.id, 0) - reserved.get(store.id, 0)}
            for store in stores]
    rows.sort(key=lambda row: (-row["available_milli"], row["store"]))
    return {"sku": sku, "name": data.get("name", ""), "price_fen": data.get("price_fen"),
            "stores": rows}


def _sum_by_store(conn: Connection, table, merchant_id: str, store_ids: list[str],
                  sku: str) -> dict[str, int]:
    if not store_ids:
        return {}
    query = (select(table.store_id, func.sum(table.quantity_milli))
             .where(table.merchant_id == merchant_id, table.store_id.in_(store_ids),
                    table.sku_code == sku)
             .group_by(table.store_id))
    return {store_id: int(total) for store_id, total in conn.execute(query)}


def ship_from_store(conn: Connection, principal: Principal, body: ShipFromStoreIn,
                    now: datetime) -> tuple[dict[str, Any], bool]:
    """A channel order (channel "in_store") for `body.store` to send to the customer;
    the same external id again answers with the first order."""
    taken_at = f"taken at {principal.store_code}/{principal.terminal_code}"
    order = OrderIn.model_construct(
        channel=IN_STORE_CHANNEL, external_id=body.external_id, store=body.store,
        fulfilment=body.fulfilment, member=body.member, lines=body.lines, discount_fen=0,
        delivery_fen=0, paid_fen=body.paid_fen, share_code=None, address=body.address,
        note=f"{taken_at}; {body.note}"[:300] if body.note else taken_at, group_id=None)
    return channel.submit_order(conn, principal.merchant_id, IN_STORE_CHANNEL, order, now)
