"""The change log terminals pull: head-office data changes with a serial version.

Versions are handed out per merchant from change_counter by
UPDATE ... SET last_version = last_version + n RETURNING, inside the writing
transaction. The row lock that UPDATE takes makes a second writer wait until
the first commits, so versions become visible strictly in order and a reader
paging `since=` can never skip one that commits later.

Old entries are pruned after a retention window; a till whose cursor is older
than what was pruned gets {"snapshot": true} and reloads the current state
from /snapshot instead (products are never deleted, only made inactive, so the
snapshot carries tombstones too).
"""
from __future__ import annotations

from datetime import datetime, timedelta
import json
from typing import Any, Iterable, NamedTuple

from sqlalchemy import Text, cast, delete, func, select, update
from sqlalchemy.engine import Connection

from cloud.ingest import dialect_insert
from cloud.models import Change, ChangeCounter, Product

UPSERT, DELETE = "upsert", "delete"
PRODUCT = "product"
DEFAULT_RETENTION = timedelta(days=30)
MAX_PAGE = 5000


class RawChange(NamedTuple):
    """A change whose data is still the JSON text the database holds: pages go out
    without parsing and re-encoding thousands of product documents."""

    version: int
    entity: str
    entity_id: str
    op: str
    data: str | None

    def to_json(self) -> str:
        return (f'{{"version":{int(self.version)},"entity":{json.dumps(self.entity)},'
                f'"entity_id":{json.dumps(self.entity_id, ensure_ascii=False)},'
                f'"op":{json.dumps(self.op)},"data":{self.data or "null"}}}')


def render_page(page: dict[str, Any]) -> bytes:
    """A page from read_changes or read_snapshot as a JSON document."""
    rest = json.dumps({k: v for k, v in page.items() if k != "changes"})
    items = ",".join(change.to_json() for change in page["changes"])
    return f'{{"changes":[{items}],{rest[1:]}'.encode("utf-8")


def append_changes(conn: Connection, merchant_id: str,
                   changes: list[tuple[str, str, str, Any]], now: datetime) -> list[int]:
    """Log (entity, entity_id, op, data) changes; returns their versions in order."""
    if not changes:
        return []
    last = conn.execute(
        update(ChangeCounter).where(ChangeCounter.merchant_id == merchant_id)
        .values(last_version=ChangeCounter.last_version + len(changes))
        .returning(ChangeCounter.last_version)
    ).scalar_one()
    first = last - len(changes) + 1
    rows = [dict(merchant_id=merchant_id, version=first + i, entity=entity, entity_id=entity_id,
                 op=op, data=data, created_at=now)
            for i, (entity, entity_id, op, data) in enumerate(changes)]
    conn.execute(Change.__table__.insert(), rows)
    return [row["version"] for row in rows]


def upsert_products(conn: Connection, merchant_id: str, products: Iterable[dict[str, Any]],
                    now: datetime) -> list[int]:
    """Create or replace products (each a dict with 'sku'); logs one upsert each."""
    # The edit time travels in the document: tills keep a newer edit of their own.
    products = [{**p, "edited_at": now.isoformat()} for p in products]
    versions = append_changes(conn, merchant_id,
                              [(PRODUCT, p["sku"], UPSERT, p) for p in products], now)
    rows = [dict(merchant_id=merchant_id, sku=p["sku"], data=p, active=True, version=v,
                 updated_at=now, edited_at=now) for p, v in zip(products, versions)]
    stmt = dialect_insert(conn, Product)
    stmt = stmt.on_conflict_do_update(
        index_elements=["merchant_id", "sku"],
        set_={"data": stmt.excluded.data, "active": True, "version": stmt.excluded.version,
              "updated_at": stmt.excluded.updated_at, "edited_at": stmt.excluded.edited_at})
    if rows:
        conn.execute(stmt, rows)
    return versions


def delete_product(conn: Connection, merchant_id: str, sku: str, now: datetime) -> int | None:
    """Make a product inactive and log a tombstone; None if there is no such product."""
    exists = conn.scalar(select(Product.sku).where(Product.merchant_id == merchant_id,
                                                   Product.sku == sku))
    if exists is None:
        return None
    [version] = append_changes(conn, merchant_id, [(PRODUCT, sku, DELETE, None)], now)
    conn.execute(update(Product).where(Product.merchant_id == merchant_id, Product.sku == sku)
                 .values(active=False, version=version, updated_at=now, edited_at=now))
    return version


def read_changes(conn: Connection, merchant_id: str, since: int, limit: int) -> dict[str, Any]:
    counter = conn.execute(select(ChangeCounter.last_version, ChangeCounter.pruned_through)
                           .where(ChangeCounter.merchant_id == merchant_id)).one()
    # Older than what was pruned, or ahead of the cloud (a restored backup): start over.
    if since < counter.pruned_through or since > counter.last_version:
        return {"snapshot": True, "version": counter.last_version, "changes": [],
                "next": counter.last_version, "has_more": True}
    limit = max(1, min(limit, MAX_PAGE))
    # Versions of a merchant are dense (handed out and logged in one transaction, and
    # committed in order), so the page is exactly the range since+1 .. since+limit.
    # A bounded range keeps the query cheap whatever plan the database picks.
    page = conn.execute(
        select(Change.version, Change.entity, Change.entity_id, Change.op,
               cast(Change.data, Text).label("data"))
        .where(Change.merchant_id == merchant_id, Change.version > since,
               Change.version <= since + limit)
        .order_by(Change.version)
    ).all()
    last = page[-1].version if page else since
    return {
        "snapshot": False,
        "changes": [RawChange(r.version, r.entity, r.entity_id, r.op, r.data) for r in page],
        "next": last,
        "head": max(counter.last_version, last),
        "has_more": len(page) == limit or last < counter.last_version,
    }


def read_snapshot(conn: Connection, merchant_id: str, after: str, limit: int,
                  store_id: str | None = None) -> dict[str, Any]:
    """One page of the current state for a full reload: the catalog by SKU, tombstones
    included, then members, their ledgers and the rest of the master data
    (cloud.snapshot_members); staff and roles of `store_id` only (all for None)."""
    from cloud.snapshot_members import read_snapshot_page  # it builds on this module
    return read_snapshot_page(conn, merchant_id, after, max(1, min(limit, MAX_PAGE)),
                              store_id)


def prune_changes(conn: Connection, older_than: datetime, merchant_id: str | None = None) -> int:
    """Delete log entries created before `older_than`; tills behind them will snapshot."""
    query = (select(Change.merchant_id, func.max(Change.version))
             .where(Change.created_at < older_than).group_by(Change.merchant_id))
    if merchant_id is not None:
        query = query.where(Change.merchant_id == merchant_id)
    cutoffs = conn.execute(query).all()
    removed = 0
    for merchant_id, through in cutoffs:
        # Raise the floor first so a concurrent reader is sent to the snapshot, not to a gap.
        conn.execute(update(ChangeCounter).where(ChangeCounter.merchant_id == merchant_id,
                                                 ChangeCounter.pruned_through < through)
                     .values(pruned_through=through))
        removed += conn.execute(delete(Change).where(Change.merchant_id == merchant_id,
                                                     Change.version <= through)).rowcount
    return removed
