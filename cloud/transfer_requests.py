"""Transfer requests between the stores of one merchant (issue 9, cross-store stock).

A till asks another store for goods its customer wants: POST /transfer-requests with
an id it made (the same id again answers with the first request). The request goes
into the change log (entity "transfer_request"), so the tills of both stores get it;
the tills of another merchant never do, and cannot read it here. The holding store's
till sends the transfer under the request's id; a request with a transfer of that id
is fulfilled, so fulfilment travels with the transfer itself and needs no event.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import JSONResponse
from pydantic import Field, StrictInt, StrictStr
from sqlalchemy import select
from sqlalchemy.engine import Connection

from cloud import changes
from cloud.api import _db, _now, _store_of_merchant, current_principal, terminal_only
from cloud.models import Store
from cloud.models_transfer_requests import CloudTransferRequest
from cloud.models_transfers import CloudTransfer
from cloud.payloads_common import Id, Strict
from cloud.tenancy import Principal

ENTITY = "transfer_request"
OPEN, FULFILLED = "open", "fulfilled"
router = APIRouter(prefix="/api/v1")


class RequestLineIn(Strict):
    sku: StrictStr = Field(min_length=1, max_length=32)
    name: StrictStr = Field(default="", max_length=200)
    quantity_milli: StrictInt = Field(gt=0)


class TransferRequestIn(Strict):
    id: Id
    from_store: StrictStr = Field(min_length=1, max_length=16)  # the store that has the goods
    lines: list[RequestLineIn] = Field(min_length=1, max_length=200)
    note: StrictStr = Field(default="", max_length=300)
    requested_by: StrictStr = Field(default="", max_length=20)  # staff code at the till


class RequestRefused(Exception):
    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status = status


def create_request(conn: Connection, principal: Principal, body: TransferRequestIn,
                   now: datetime) -> tuple[dict[str, Any], bool]:
    """(the request, True if new); the same id from the same store answers the first one."""
    existing = conn.execute(select(CloudTransferRequest)
                            .where(CloudTransferRequest.id == body.id)).one_or_none()
    if existing is not None:
        if (existing.merchant_id, existing.to_store_id) != (principal.merchant_id,
                                                            principal.store_id):
            raise RequestRefused(409, "that request id is already used")
        return request_document(conn, existing), False
    holder = conn.execute(select(Store.id, Store.code).where(
        Store.code == body.from_store, Store.merchant_id == principal.merchant_id)).one_or_none()
    if holder is None:
        raise RequestRefused(422, f"no store {body.from_store} belongs to this merchant")
    if holder.id == principal.store_id:
        raise RequestRefused(422, "a store cannot ask itself for a transfer")
    actor = f"{principal.store_code}/{principal.terminal_code}"
    conn.execute(CloudTransferRequest.__table__.insert().values(
        id=body.id, merchant_id=principal.merchant_id, from_store_id=holder.id,
        to_store_id=principal.store_id, from_store_code=holder.code,
        to_store_code=principal.store_code, lines=[line.model_dump() for line in body.lines],
        note=body.note, requested_by=f"{actor}/{body.requested_by}" if body.requested_by else actor,
        requested_at=now))
    row = conn.execute(select(CloudTransferRequest)
                       .where(CloudTransferRequest.id == body.id)).one()
    document = request_document(conn, row)
    changes.append_changes(conn, principal.merchant_id,
                           [(ENTITY, body.id, changes.UPSERT, document)], now)
    return document, True


def request_document(conn: Connection, row) -> dict[str, Any]:
    transfer = conn.execute(select(CloudTransfer.number).where(
        CloudTransfer.id == row.id, CloudTransfer.merchant_id == row.merchant_id)).one_or_none()
    return {"id": row.id, "from_store": row.from_store_code, "to_store": row.to_store_code,
            "lines": row.lines, "note": row.note, "requested_by": row.requested_by,
            "requested_at": row.requested_at.isoformat(),
            "status": FULFILLED if transfer else OPEN,
            "transfer_number": transfer.number if transfer else None}


def store_requests(conn: Connection, store_id: str, limit: int = 200) -> list[dict[str, Any]]:
    """Requests made by or addressed to one store, newest first."""
    rows = conn.execute(select(CloudTransferRequest).where(
        (CloudTransferRequest.from_store_id == store_id)
        | (CloudTransferRequest.to_store_id == store_id))
        .order_by(CloudTransferRequest.requested_at.desc()).limit(limit)).all()
    return [request_document(conn, row) for row in rows]


@router.post("/transfer-requests", status_code=201)
def post_transfer_request(body: TransferRequestIn, request: Request,
                          principal: Principal = Depends(terminal_only)) -> JSONResponse:
    """A till asks another store of its merchant to send goods; idempotent by id."""
    try:
        with _db(request).write() as conn:
            document, created = create_request(conn, principal, body, _now(request))
    except RequestRefused as exc:
        raise HTTPException(exc.status, str(exc)) from None
    return JSONResponse(document, status_code=201 if created else 200)


@router.get("/stores/{store_code}/transfer-requests")
def get_store_requests(store_code: str, request: Request,
                       principal: Principal = Depends(current_principal)) -> dict[str, Any]:
    """Requests the store made or must answer, each open or fulfilled (with the transfer)."""
    with _db(request).read() as conn:
        store_id = _store_of_merchant(conn, store_code, principal)
        return {"store": store_code, "requests": store_requests(conn, store_id)}
