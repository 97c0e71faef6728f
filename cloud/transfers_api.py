"""HTTP: transfers of a store, for head office and the stores' tills (read only; transfers
are made at the tills and travel as events)."""
from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, Query, Request

from cloud.api import _db, _store_of_merchant, current_principal
from cloud.tenancy import Principal
from cloud.transfers import store_transfers

router = APIRouter(prefix="/api/v1")


@router.get("/stores/{store_code}/transfers")
def get_store_transfers(store_code: str, request: Request,
                        status: str | None = Query(None, pattern="^(in_transit|received|refused)$"),
                        principal: Principal = Depends(current_principal)) -> dict[str, Any]:
    """Transfers into and out of the store, newest first, and the quantities in transit
    per SKU (outgoing: left this store, incoming: on the way to it), in thousandths."""
    with _db(request).read() as conn:
        store_id = _store_of_merchant(conn, store_code, principal)
        return {"store": store_code, **store_transfers(conn, store_id, status)}
