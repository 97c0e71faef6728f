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

from sqlalchemy import bindparam, delete, insert, select, text, update
from sqlalchemy.engine import Connection

from app.db.models import Barcode, Category, Price, Product, TaxRate
from app.domain.ids import new_id
from app.domain.search_text import initials_tokens, name_tokens, pinyin_forms
from app.sync.apply_channel import ENTITY as CHANNEL_ORDER, apply_channel_orders

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
    count = 0
    for change in changes:
        count += 1
        if change.get("entity") == CHANNEL_ORDER:
            channel_orders.append(change)
            continue
        if change.get("entity") != "product":
            log.info("skipping change of unknown entity %r", change.get("entity"))
            continue
        latest[change["entity_id"]] = change
    upserts = {sku: c["data"] for sku, c in latest.items() if c["op"] == "upsert" and c["data"]}
    deletes = [sku for sku, c in latest.items() if c["op"] == "delete"]
    if upserts:
        _ProductWriter(conn, now).write(upserts)
    for chunk in _chunks(deletes):
        conn.execute(update(Product).where(Product.sku_code.in_(chunk))
                     .values(active=False, updated_at=now))
    if channel_orders:
        apply_channel_orders(conn, channel_orders, now)
    return count


class _ProductWriter:
    def __init__(self, conn: Connection, now: datetime) -> None:
        self._conn = conn
        self._now = now
        self._tax = {r.rate_bp: r.id for r in conn.execute(select(TaxRate.rate_bp, TaxRate.id))}
        self._categories: dict[str, str] | None = None

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
        next_rowid = self._conn.execute(
            text("SELECT COALESCE(MAX(search_rowid), 0) FROM product")).scalar_one() + 1
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
            category_id=self._category(data.get("category", "")),
            tax_rate_id=self._tax_rate(int(data.get("tax_rate_bp", 0))),
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
        if existing:
            self._conn.execute(text("DELETE FROM product_fts WHERE rowid = :rid"),
                               [{"rid": rowid} for _, rowid in existing.values()])
        barcodes, prices, search = [], [], []
        for sku, data in products.items():
            pid = ids[sku]
            codes = list(dict.fromkeys(data.get("barcodes", [])))
            barcodes += [dict(id=new_id(), product_id=pid, code=code, is_primary=(i == 0))
                         for i, code in enumerate(codes)]
            prices.append(_price(pid, "retail", data["price_fen"]))
            if data.get("member_price_fen") is not None:
                prices.append(_price(pid, "member", data["member_price_fen"]))
            search.append(_search_row(rowids[sku], data["name"],
                                      [sku, *codes, data.get("plu") or ""]))
        if barcodes:
            self._conn.execute(insert(Barcode), barcodes)
        self._conn.execute(insert(Price), prices)
        self._conn.execute(text("INSERT INTO product_fts (rowid, name_tokens, codes, initials) "
                                "VALUES (:rid, :name, :codes, :initials)"), search)

    def _tax_rate(self, rate_bp: int) -> str:
        if rate_bp not in self._tax:
            tax_id = new_id()
            self._conn.execute(insert(TaxRate).values(
                id=tax_id, code=f"R{rate_bp}", name=f"增值税 {rate_bp / 100:g}%", rate_bp=rate_bp))
            self._tax[rate_bp] = tax_id
        return self._tax[rate_bp]

    def _category(self, path: str) -> str | None:
        parts = [p.strip() for p in path.split("/") if p.strip()]
        if not parts:
            return None
        if self._categories is None:
            self._categories = dict(self._conn.execute(select(Category.code, Category.id)).all())
        parent_id = None
        for depth in range(1, len(parts) + 1):
            code = "/".join(parts[:depth])
            if code not in self._categories:
                self._categories[code] = new_id()
                self._conn.execute(insert(Category).values(
                    id=self._categories[code], parent_id=parent_id, code=code,
                    name=parts[depth - 1]))
            parent_id = self._categories[code]
        return parent_id


def _price(product_id: str, price_type: str, amount_fen: int) -> dict[str, Any]:
    if isinstance(amount_fen, bool) or not isinstance(amount_fen, int):
        raise ValueError(f"price must be integer fen, got {amount_fen!r}")
    return dict(id=new_id(), product_id=product_id, store_id=None, price_type=price_type,
                amount_fen=amount_fen, starts_at=None, ends_at=None)


def _search_row(rowid: int, name: str, codes: list[str]) -> dict[str, object]:
    # Same row layout as app.services.catalog.search_row; sync may not import services.
    return {"rid": rowid, "name": name_tokens(name),
            "codes": " ".join(c.lower() for c in codes if c), "initials": initials_tokens(name)}
