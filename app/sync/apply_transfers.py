"""Applying transfer changes from the cloud to this till's copy.

A transfer reaches the tills of both stores through the change log. The receiving
store's tills get it as an incoming transfer in transit (products found by SKU code;
a SKU the catalog does not have yet is resolved when the goods are received). The
sending store's tills learn the outcome: received with the differences, or refused by
head office with the reason. Stock is never moved here: each store's ledger moves at
its own tills, when the goods leave and when they are received.

The till's own state wins once it has moved on (received here, or taken back), so a
later change never undoes work done at this till.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection

from app.db.models import Product, Store
from app.db.models_inventory import TransferLine, TransferOrder
from app.domain.ids import new_id

ENTITY = "transfer"
IN_TRANSIT = "in_transit"
OUTCOMES = ("received", "refused")


def apply_transfers(conn: Connection, changes: list[dict[str, Any]], now: datetime) -> int:
    """Apply the newest version of each transfer this till's stores take part in."""
    latest = {c["entity_id"]: c["data"] for c in changes
              if c.get("op") == "upsert" and isinstance(c.get("data"), dict)}
    stores = dict(conn.execute(select(Store.code, Store.id)).all())
    applied = 0
    for transfer_id, data in latest.items():
        if data.get("from_store") not in stores and data.get("to_store") not in stores:
            continue
        status = conn.scalar(select(TransferOrder.status).where(TransferOrder.id == transfer_id))
        if status is None:
            applied += _insert(conn, transfer_id, data, stores)
        elif status == IN_TRANSIT and data.get("status") in OUTCOMES:
            _record_outcome(conn, transfer_id, data)
            applied += 1
    return applied


def _insert(conn: Connection, transfer_id: str, data: dict[str, Any], stores: dict[str, str]) -> int:
    """A transfer this till has not seen: coming to our store, or sent by another till of it."""
    if data.get("status") == "refused" and data.get("to_store") in stores \
            and data.get("from_store") not in stores:
        return 0  # never reached us
    conn.execute(insert(TransferOrder).values(
        id=transfer_id, number=data["number"], from_store_id=stores.get(data["from_store"]),
        to_store_id=stores.get(data["to_store"]), from_store_code=data["from_store"],
        to_store_code=data["to_store"], status=data["status"], reason=data.get("reason") or "",
        sent_at=_moment(data["sent_at"]), received_at=_moment(data.get("received_at"))))
    skus = [line["sku"] for line in data["lines"]]
    products = dict(conn.execute(select(Product.sku_code, Product.id)
                                 .where(Product.sku_code.in_(skus))).all())
    conn.execute(insert(TransferLine), [
        dict(id=new_id(), transfer_id=transfer_id, product_id=products.get(line["sku"]),
             sku_code=line["sku"], name=line.get("name") or "", sent_milli=_milli(line["sent_milli"]),
             received_milli=_milli(line.get("received_milli"), optional=True),
             damaged_milli=_milli(line.get("damaged_milli") or 0), note=line.get("note") or "")
        for line in data["lines"]])
    return 1


def _record_outcome(conn: Connection, transfer_id: str, data: dict[str, Any]) -> None:
    """What the other store found on arrival (or why head office refused the transfer)."""
    conn.execute(update(TransferOrder).where(TransferOrder.id == transfer_id).values(
        status=data["status"], reason=data.get("reason") or "",
        received_at=_moment(data.get("received_at"))))
    for line in data["lines"]:
        conn.execute(update(TransferLine).where(
            TransferLine.transfer_id == transfer_id, TransferLine.sku_code == line["sku"]).values(
            received_milli=_milli(line.get("received_milli"), optional=True),
            damaged_milli=_milli(line.get("damaged_milli") or 0), note=line.get("note") or ""))


def _moment(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _milli(value: Any, optional: bool = False) -> int | None:
    if value is None and optional:
        return None
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(f"quantity must be integer thousandths, got {value!r}")
    return value
