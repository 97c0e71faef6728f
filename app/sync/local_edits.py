"""A till's own catalog edits against the cloud's copies coming down (issue 7).

Back-office edits go up as commands and the cloud keeps the last one by edit time
(cloud/projections_catalog.py). A product document coming down says when it was
edited; if this till edited the product later (its command is still on the way up,
or on the way back down), the older copy is not applied over it: the till's edit
wins in the cloud too and comes back. The till's own change coming back has the
same edit time and is applied (it is the same data).
"""
from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta
from typing import Any, Iterator

from sqlalchemy import select
from sqlalchemy.engine import Connection

from app.db.models import OutboxEvent
from app.sync.apply_local import moment

log = logging.getLogger(__name__)
COMMAND_KINDS = ("backoffice.product_saved", "backoffice.products_imported",
                 "backoffice.bulk_price_change")
PUBLISHED_PRICES = ("retail", "member")  # the prices the cloud catalog carries
# Events are written in time order; this much disorder (a clock set back) is tolerated.
CLOCK_SLACK = timedelta(minutes=10)


def without_older_copies(conn: Connection,
                         products: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The product documents (by SKU) not older than this till's own last edit of them."""
    edited = {sku: moment(data.get("edited_at")) for sku, data in products.items()}
    times = [t for t in edited.values() if t is not None]
    if not times:
        return products  # documents from before edit times were kept: the cloud's word
    local = _local_edit_times(conn, min(times))
    kept = {}
    for sku, data in products.items():
        cloud_time, local_time = edited[sku], local.get(sku)
        if cloud_time is not None and local_time is not None and local_time > cloud_time:
            log.info("keeping this till's newer edit of %s", sku)
            continue
        kept[sku] = data
    return kept


def _local_edit_times(conn: Connection, since: datetime) -> dict[str, datetime]:
    """SKU -> time of this till's latest back-office edit after `since`."""
    commands = []
    # Newest first by seq (the outbox has no index on kind or time, and holds every sale):
    # stop once past `since`, so a pull reads only the recent end of the outbox.
    for seq, kind, created_at in conn.execute(
            select(OutboxEvent.seq, OutboxEvent.kind, OutboxEvent.created_at)
            .order_by(OutboxEvent.seq.desc())):
        if created_at <= since - CLOCK_SLACK:
            break
        if kind in COMMAND_KINDS and created_at > since:
            commands.append(seq)
    latest: dict[str, datetime] = {}
    for start in range(0, len(commands), 500):
        for kind, payload, created_at in conn.execute(
                select(OutboxEvent.kind, OutboxEvent.payload, OutboxEvent.created_at)
                .where(OutboxEvent.seq.in_(commands[start:start + 500]))):
            for sku in _skus(kind, json.loads(payload)):
                if sku not in latest or latest[sku] < created_at:
                    latest[sku] = created_at
    return latest


def _skus(kind: str, payload: dict[str, Any]) -> Iterator[str]:
    if kind == "backoffice.product_saved":
        yield payload["sku_code"]
    elif kind == "backoffice.products_imported":
        yield from (p["sku_code"] for p in payload.get("products", []))
    elif payload.get("price_type") in PUBLISHED_PRICES:
        yield from (p["sku_code"] for p in payload.get("prices", []))
