"""Transfers (调拨) between stores of one merchant, as the cloud sees them.

Store A's till sends transfer.sent: the cloud records the transfer as in transit and
logs it in the change log (entity "transfer"), so store B's tills receive it on their
next pull. Store B's till sends transfer.received with what arrived (short, over,
damaged, each per line); the cloud closes the transfer and logs it again, so store A
sees the outcome. Projections run only for newly inserted events (cloud.ingest), so
an upload sent twice changes nothing the second time.

A transfer the cloud cannot route (the destination is no store of the merchant, or
the sender names another store) is recorded as refused with the reason and sent
back down: the sending store takes the goods back (TransferService.take_back).
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from pydantic import AwareDatetime, Field, StrictInt, StrictStr
from sqlalchemy import select, update
from sqlalchemy.engine import Connection

from cloud import changes
from cloud.event_schema import PAYLOADS, ValidEvent
from cloud.models import Store
from cloud.models_transfers import CloudTransfer, CloudTransferLine
from cloud.payloads_common import Id, Strict
from cloud.tenancy import Principal

log = logging.getLogger(__name__)
SENT, RECEIVED = "transfer.sent", "transfer.received"
ENTITY = "transfer"
IN_TRANSIT, CLOSED, REFUSED = "in_transit", "received", "refused"


class SentLineV1(Strict):
    sku_code: StrictStr = Field(min_length=1, max_length=32)
    name: StrictStr = Field(default="", max_length=200)
    sent_milli: StrictInt = Field(gt=0)


class TransferSentV1(Strict):
    transfer_id: Id
    number: StrictStr = Field(min_length=1, max_length=40)
    from_store: StrictStr = Field(min_length=1, max_length=16)
    to_store: StrictStr = Field(min_length=1, max_length=16)
    sent_at: AwareDatetime
    lines: list[SentLineV1] = Field(min_length=1, max_length=2000)


class ReceivedLineV1(Strict):
    sku_code: StrictStr = Field(min_length=1, max_length=32)
    sent_milli: StrictInt = Field(ge=0)
    received_milli: StrictInt = Field(ge=0)  # what arrived, damaged goods included
    damaged_milli: StrictInt = Field(default=0, ge=0)
    note: StrictStr = Field(default="", max_length=200)


class TransferReceivedV1(Strict):
    transfer_id: Id
    number: StrictStr = Field(min_length=1, max_length=40)
    from_store: StrictStr = Field(min_length=1, max_length=16)
    to_store: StrictStr = Field(min_length=1, max_length=16)
    received_at: AwareDatetime
    lines: list[ReceivedLineV1] = Field(min_length=1, max_length=2000)


PAYLOADS[SENT] = {1: TransferSentV1}
PAYLOADS[RECEIVED] = {1: TransferReceivedV1}


def project_transfers(conn: Connection, principal: Principal, events: list[ValidEvent],
                      now: datetime) -> None:
    """Project the newly inserted transfer events of one batch, in terminal order."""
    mine = [e for e in events if e.envelope.kind in (SENT, RECEIVED)]
    logged: list[str] = []
    for event in sorted(mine, key=lambda e: e.envelope.seq):
        if event.envelope.kind == SENT:
            done = _open(conn, principal, event, now)
        else:
            done = _close(conn, principal, event, now)
        if done:
            logged.append(event.payload.transfer_id)
    log_transfers(conn, principal.merchant_id, list(dict.fromkeys(logged)), now)


def _open(conn: Connection, principal: Principal, event: ValidEvent, now: datetime) -> bool:
    sent: TransferSentV1 = event.payload
    if conn.scalar(select(CloudTransfer.id).where(CloudTransfer.id == sent.transfer_id)):
        log.warning("transfer %s was already recorded; event %s ignored",
                    sent.transfer_id, event.envelope.id)
        return False
    to_store_id, reason = _route(conn, principal, sent)
    conn.execute(CloudTransfer.__table__.insert().values(
        id=sent.transfer_id, merchant_id=principal.merchant_id, number=sent.number,
        from_store_id=principal.store_id, to_store_id=to_store_id,
        from_store_code=principal.store_code, to_store_code=sent.to_store,
        status=REFUSED if reason else IN_TRANSIT, reason=reason, sent_event_id=event.envelope.id,
        received_event_id=None, sent_at=sent.sent_at, received_at=None, updated_at=now))
    conn.execute(CloudTransferLine.__table__.insert(), [
        dict(transfer_id=sent.transfer_id, line_no=i, sku_code=line.sku_code, name=line.name,
             sent_milli=line.sent_milli, received_milli=None, damaged_milli=0, note="")
        for i, line in enumerate(sent.lines, start=1)])
    return True


def _route(conn: Connection, principal: Principal, sent: TransferSentV1) -> tuple[str | None, str]:
    """(destination store id, '') or (None, why the transfer is refused)."""
    if sent.from_store != principal.store_code:
        return None, (f"sent by a till of store {principal.store_code} "
                      f"but names {sent.from_store} as the sender")
    if sent.to_store == sent.from_store:
        return None, "a store cannot send a transfer to itself"
    to_store_id = conn.scalar(select(Store.id).where(Store.code == sent.to_store,
                                                     Store.merchant_id == principal.merchant_id))
    if to_store_id is None:
        return None, f"no store {sent.to_store} belongs to this merchant"
    return to_store_id, ""


def _close(conn: Connection, principal: Principal, event: ValidEvent, now: datetime) -> bool:
    got: TransferReceivedV1 = event.payload
    order = conn.execute(select(CloudTransfer).where(
        CloudTransfer.id == got.transfer_id,
        CloudTransfer.merchant_id == principal.merchant_id)).one_or_none()
    if order is None or order.to_store_id != principal.store_id or order.status != IN_TRANSIT:
        # Kept as an event (it happened at the till) but it closes nothing.
        log.warning("transfer.received %s from %s does not match an open transfer to that store",
                    event.envelope.id, principal.store_code)
        return False
    by_sku = {line.sku_code: line for line in got.lines}
    for line_no, sku in conn.execute(select(CloudTransferLine.line_no, CloudTransferLine.sku_code)
                                     .where(CloudTransferLine.transfer_id == order.id)).all():
        line = by_sku.get(sku)
        conn.execute(update(CloudTransferLine).where(
            CloudTransferLine.transfer_id == order.id, CloudTransferLine.line_no == line_no).values(
            received_milli=line.received_milli if line else 0,
            damaged_milli=line.damaged_milli if line else 0,
            note=(line.note if line else "not in the receipt")[:200]))
    conn.execute(update(CloudTransfer).where(CloudTransfer.id == order.id).values(
        status=CLOSED, received_event_id=event.envelope.id, received_at=got.received_at,
        updated_at=now))
    return True


def log_transfers(conn: Connection, merchant_id: str, transfer_ids: list[str],
                  now: datetime) -> None:
    """Put the current state of these transfers in the change log for the tills."""
    if transfer_ids:
        changes.append_changes(conn, merchant_id, [
            (ENTITY, tid, changes.UPSERT, transfer_document(conn, tid)) for tid in transfer_ids], now)


def transfer_document(conn: Connection, transfer_id: str) -> dict[str, Any]:
    """A transfer as tills and head office read it (quantities in thousandths)."""
    order = conn.execute(select(CloudTransfer).where(CloudTransfer.id == transfer_id)).one()
    lines = conn.execute(select(CloudTransferLine).where(CloudTransferLine.transfer_id == transfer_id)
                         .order_by(CloudTransferLine.line_no)).all()
    return {
        "id": order.id, "number": order.number, "from_store": order.from_store_code,
        "to_store": order.to_store_code, "status": order.status, "reason": order.reason,
        "sent_at": order.sent_at.isoformat(),
        "received_at": order.received_at.isoformat() if order.received_at else None,
        "lines": [{"line_no": l.line_no, "sku": l.sku_code, "name": l.name,
                   "sent_milli": l.sent_milli, "received_milli": l.received_milli,
                   "damaged_milli": l.damaged_milli, "note": l.note} for l in lines],
    }


def store_transfers(conn: Connection, store_id: str, status: str | None = None,
                    limit: int = 200) -> dict[str, Any]:
    """Transfers into and out of one store (newest first) and what is in transit per SKU."""
    query = select(CloudTransfer.id).where(
        (CloudTransfer.from_store_id == store_id) | (CloudTransfer.to_store_id == store_id))
    if status:
        query = query.where(CloudTransfer.status == status)
    ids = conn.scalars(query.order_by(CloudTransfer.sent_at.desc()).limit(limit)).all()
    documents = [transfer_document(conn, tid) for tid in ids]
    code = conn.scalar(select(Store.code).where(Store.id == store_id))
    outgoing: dict[str, int] = {}
    incoming: dict[str, int] = {}
    for doc in documents:
        if doc["status"] != IN_TRANSIT:
            continue
        side = outgoing if doc["from_store"] == code else incoming
        for line in doc["lines"]:
            side[line["sku"]] = side.get(line["sku"], 0) + line["sent_milli"]
    return {"transfers": documents,
            "in_transit_milli": {"outgoing": outgoing, "incoming": incoming}}
