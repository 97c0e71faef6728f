"""Applying a page of cloud changes to the terminal catalog, set-wise.

The cloud owns products and prices (DESIGN.md: Authority), so a change simply
replaces the till's copy: barcodes and chain-wide retail/member prices are
rewritten, and a barcode or PLU the cloud gives to this product is taken from
any other product that still had it (otherwise a unique key would stop the
pull for good). A delete makes the product inactive: past sale lines still
point at it. Unknown entities are skipped, so an older till keeps pulling when
the cloud starts sending more kinds of data.
"""
from __future__ import annotations

import logging
from datetime import datetime
from typing import Any, Iterable, Iterator

from sqlalchemy import bindparam, delete, insert, select, update
from sqlalchemy.engine import Connection

from app.db.catalog_rows import CatalogKeys, index_products, next_search_rowid
from app.db.models import Barcode, Price, Product
from app.domain.ids import new_id
from app.domain.search_text import pinyin_forms
from app.sync.apply_channel import ENTITY as CHANNEL_ORDER, apply_channel_orders
from app.sync.apply_transfers import ENTITY as TRANSFER, apply_transfers
from app.sync.apply_transfer_requests import ENTITY as TRANSFER_REQUEST, apply_transfer_requests
from app.sync.local_edits import without_older_copies
from app.sync.apply_members import ENTITIES as MEMBER_ENTITIES, apply_member_changes
from app.sync.apply_promotions import ENTITY as PROMOTION, apply_promotions
from app.sync.apply_staff import ENTITIES as STAFF_ENTITIES, apply_staff_changes

log = logging.getLogger(__name__)
CHUNK = 500  # stays under SQLite's bound-parameter limit in IN (...) lists
CHAIN_PRICES = ("retail", "member")


def _chunks(items: list, size: int = CHUNK) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


def apply_changes(conn: Connection, changes: Iterable[dict[str, Any]], now: datetime) -> int:
    """Apply changes in version order (the last one per product wins); returns how many."""
    latest: dict[str, dict[str, Any]] = {}
    channel_orders: list[dict[str, Any]] = []
    transfers: list[dict[str, Any]] = []
    members: list[dict[str, Any]] = []
    promotions: list[dict[str, Any]] = []
    staff: list[dict[str, Any]] = []
    count = 0
    for change in changes:
        count += 1
        if change.get("entity") in MEMBER_ENTITIES or change.get("entity") == PROMOTION:
            (promotions if change["entity"] == PROMOTION else members).append(change)
            continue
        if change.get("entity") in STAFF_ENTITIES:
            staff.append(change)
            continue
        if change.get("entity") in (CHANNEL_ORDER, TRANSFER):
            (channel_orders if change["entity"] == CHANNEL_ORDER else transfers).append(change)
            continue
        if change.get("entity") == TRANSFER_REQUEST:  # request rows stand alone: apply now
            apply_transfer_requests(conn, [change], now)
            continue
        if change.get("entity") != "product":
            log.info("skipping change of unknown entity %r", change.get("entity"))
            continue
        latest[change["entity_id"]] = change
    upserts = {sku: c["data"] for sku, c in latest.items() if c["op"] == "upsert" and c["data"]}
    upserts = without_older_copies(conn, upserts)  # a newer edit made here stays
    deletes = [sku for sku, c in latest.items() if c["op"] == "delete"]
    if upserts:
        _ProductWriter(conn, now).write(upserts)
    for chunk in _chunks(deletes):
        conn.execute(update(Product).where(Product.sku_code.in_(chunk))
                     .values(active=False, updated_at=now))
    if members:  # before channel orders: an online customer's new member matches her order
        apply_member_changes(conn, members, now)
    if channel_orders:
        apply_channel_orders(conn, channel_orders, now)
    if transfers:
        apply_transfers(conn, transfers, now)  # after products: lines find new SKUs
    if promotions:
        apply_promotions(conn, promotions, now)
    if staff:
        apply_staff_changes(conn, staff, now)
    return count


class _ProductWriter:
    def __init__(self, conn: Connection, now: datetime) -> None:
        self._conn = conn
        self._now = now
        self._catalog_keys = CatalogKeys(conn)

    def write(self, products: dict[str, dict[str, Any]]) -> None:
        existing = self._existing(list(products))
        ids, rowids = self._keys(products, existing)
        self._release_codes(products, ids)
        rows = [self._product_row(ids[sku], rowids[sku], sku, data)
                for sku, data in products.items()]
        new_rows = [r for r in rows if r["sku_code"] not in existing]
        old_rows = [r for r in rows if r["sku_code"] in existing]
        if new_rows:
            self._conn.execute(insert(Product), new_rows)
        if old_rows:
            self._update_products(old_rows)
        self._rewrite_children(products, ids, rowids, existing)

    def _existing(self, skus: list[str]) -> dict[str, tuple[str, int]]:
        """sku -> (product id, search rowid) of products the till already has."""
        found: dict[str, tuple[str, int]] = {}
        for chunk in _chunks(skus):
            for sku, pid, rowid in self._conn.execute(
                    select(Product.sku_code, Product.id, Product.search_rowid)
                    .where(Product.sku_code.in_(chunk))):
                found[sku] = (pid, rowid)
        return found

    def _keys(self, products: dict[str, dict[str, Any]], existing: dict[str, tuple[str, int]]):
        """Existing products keep their id and search row; new ones get fresh ones."""
        next_rowid = next_search_rowid(self._conn)
        ids, rowids = {}, {}
        for sku in products:
            if sku in existing:
                ids[sku], rowids[sku] = existing[sku]
            else:
                ids[sku], rowids[sku] = new_id(), next_rowid
                next_rowid += 1
        return ids, rowids

    def _release_codes(self, products: dict[str, dict[str, Any]], ids: dict[str, str]) -> None:
        """Barcodes and PLUs belong to the product the cloud says; take them from others."""
        codes = [code for data in products.values() for code in data.get("barcodes", [])]
        for chunk in _chunks(codes):
            self._conn.execute(delete(Barcode).where(Barcode.code.in_(chunk)))
        plus = {data["plu"]: ids[sku] for sku, data in products.items() if data.get("plu")}
        for chunk in _chunks(list(plus)):
            self._conn.execute(update(Product).where(Product.plu.in_(chunk))
                               .values(plu=None))

    def _product_row(self, product_id: str, rowid: int, sku: str,
                     data: dict[str, Any]) -> dict[str, Any]:
        full, initials = pinyin_forms(data["name"])
        return dict(
            id=product_id, sku_code=sku, name=data["name"], brand=data.get("brand", ""),
            spec=data.get("spec", ""), unit=data.get("unit", "个"),
            category_id=self._catalog_keys.category_id(data.get("category", "")),
            tax_rate_id=self._catalog_keys.tax_rate_id(int(data.get("tax_rate_bp", 0))),
            is_weighed=bool(data.get("is_weighed", False)), plu=data.get("plu") or None,
            pinyin=full, pinyin_initials=initials, active=True,
            created_at=self._now, updated_at=self._now, search_rowid=rowid)

    def _update_products(self, rows: list[dict[str, Any]]) -> None:
        columns = ("name", "brand", "spec", "unit", "category_id", "tax_rate_id", "is_weighed",
                   "plu", "pinyin", "pinyin_initials", "active", "updated_at")  # not created_at
        stmt = (update(Product).where(Product.id == bindparam("b_id"))
                .values({c: bindparam(f"b_{c}") for c in columns}))
        self._conn.execute(stmt, [{f"b_{k}": v for k, v in row.items()} for row in rows])

    def _rewrite_children(self, products: dict[str, dict[str, Any]], ids: dict[str, str],
                          rowids: dict[str, int], existing: dict[str, tuple[str, int]]) -> None:
        old_ids = [pid for pid, _ in existing.values()]
        for chunk in _chunks(old_ids):
            self._conn.execute(delete(Barcode).where(Barcode.product_id.in_(chunk)))
            self._conn.execute(delete(Price).where(
                Price.product_id.in_(chunk), Price.store_id.is_(None),
                Price.starts_at.is_(None), Price.price_type.in_(CHAIN_PRICES)))
        barcodes, prices, search = [], [], []
        for sku, data in products.items():
            pid = ids[sku]
            codes = list(dict.fromkeys(data.get("barcodes", [])))
            barcodes += [dict(id=new_id(), product_id=pid, code=code, is_primary=(i == 0))
                         for i, code in enumerate(codes)]
            prices.append(_price(pid, "retail", data["price_fen"]))
            if data.get("member_price_fen") is not None:
                prices.append(_price(pid, "member", data["member_price_fen"]))
            search.append((rowids[sku], data["name"], [sku, *codes, data.get("plu") or ""]))
        if barcodes:
            self._conn.execute(insert(Barcode), barcodes)
        self._conn.execute(insert(Price), prices)
        index_products(self._conn, search)  # replaces the rows of products already there


def _price(product_id: str, price_type: str, amount_fen: int) -> dict[str, Any]:
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int):
        raise ValueError(f"price must be integer fen, got {amount_fen!r}")
    return dict(id=new_id(), product_id=product_id, store_id=None, price_type=price_type,
                amount_fen=amount_fen, starts_at=None, ends_at=None)
