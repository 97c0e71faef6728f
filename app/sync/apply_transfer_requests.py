"""Applying transfer requests from the cloud's change log to this till's copy.

Only requests this till's stores take part in are kept: the store asked to send the
goods (its transfers page offers to send them) and the store that asked. A request
never changes after it is made, so a request already here is left alone.
"""
from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.engine import Connection

from app.db.models import Store
from app.sync.models_transfer_requests import TransferRequest

ENTITY = "transfer_request"


def apply_transfer_requests(conn: Connection, changes: list[dict[str, Any]],
                            now: datetime) -> int:
    stores = set(conn.scalars(select(Store.code)))
    rows = []
    for change in changes:
        data = change.get("data")
        if change.get("op") != "upsert" or not isinstance(data, dict):
            continue
        if data.get("from_store") not in stores and data.get("to_store") not in stores:
            continue
        rows.append(dict(
            id=change["entity_id"], from_store_code=data["from_store"],
            to_store_code=data["to_store"],
            lines_json=json.dumps([_line(line) for line in data["lines"]], ensure_ascii=False),
            note=data.get("note") or "", requested_by=(data.get("requested_by") or "")[:60],
            requested_at=datetime.fromisoformat(data["requested_at"])))
    if rows:
        conn.execute(insert(TransferRequest).on_conflict_do_nothing(index_elements=["id"]), rows)
    return len(rows)


def _line(line: dict[str, Any]) -> dict[str, Any]:
    quantity = line["quantity_milli"]
    if isinstance(quantity, bool) or not isinstance(quantity, int) or quantity <= 0:
        raise ValueError(f"quantity must be positive integer thousandths, got {quantity!r}")
    return {"sku": str(line["sku"]), "name": str(line.get("name") or ""),
            "quantity_milli": quantity}
