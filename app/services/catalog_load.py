"""Bulk loading of stores, staff and products: the demo store and benchmark catalogs.

Rows go in through executemany on one connection, so a million products load
in minutes, and the search index is written alongside.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Iterator

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from app.db.models import Barcode, Price, Product, StockMovement
from app.domain.ids import new_id
from app.domain.search_text import pinyin_forms
from app.db.catalog_rows import CatalogKeys, index_products, next_search_rowid

BATCH = 5000


@dataclass(frozen=True, slots=True)
class ProductRecord:
    sku_code: str
    name: str
    category_path: str  # '饮料/碳酸饮料'
    tax_rate_bp: int
    price_fen: int
    barcodes: tuple[str, ...] = ()
    brand: str = ""
    spec: str = ""
    unit: str = "个"
    is_weighed: bool = False
    plu: str | None = None
    member_price_fen: int | None = None
    cost_fen: int | None = None
    stock_milli: int = 0


class CatalogLoader:
    def __init__(self, conn: Connection, store_id: str, now: datetime) -> None:
        self._conn = conn
        self._store_id = store_id
        self._now = now
        self._keys = CatalogKeys(conn)
        self._next_rowid = next_search_rowid(conn)

    def load(self, records: Iterable[ProductRecord], with_pinyin: bool = True) -> int:
        count = 0
        for batch in _batches(records, BATCH):
            self._load_batch(batch, with_pinyin)
            count += len(batch)
        return count

    def _load_batch(self, batch: list[ProductRecord], with_pinyin: bool) -> None:
        products, barcodes, prices, stock, search = [], [], [], [], []
        now = self._now
        for rec in batch:
            pid = new_id()
            rowid = self._next_rowid
            self._next_rowid += 1
            full, initials = pinyin_forms(rec.name) if with_pinyin else ("", "")
            products.append(dict(
                id=pid, sku_code=rec.sku_code, name=rec.name, brand=rec.brand, spec=rec.spec,
                unit=rec.unit, category_id=self.category_id(rec.category_path),
                tax_rate_id=self.tax_rate_id(rec.tax_rate_bp), is_weighed=rec.is_weighed, plu=rec.plu,
                pinyin=full, pinyin_initials=initials, active=True,
                created_at=now, updated_at=now, search_rowid=rowid))
            barcodes.extend(dict(id=new_id(), product_id=pid, code=code, is_primary=(i == 0))
                            for i, code in enumerate(rec.barcodes))
            prices.append(dict(id=new_id(), product_id=pid, store_id=None, price_type="retail",
                               amount_fen=rec.price_fen, starts_at=None, ends_at=None))
            if rec.member_price_fen is not None:
                prices.append(dict(id=new_id(), product_id=pid, store_id=None, price_type="member",
                                   amount_fen=rec.member_price_fen, starts_at=None, ends_at=None))
            if rec.cost_fen is not None:
                prices.append(dict(id=new_id(), product_id=pid, store_id=None, price_type="cost",
                                   amount_fen=rec.cost_fen, starts_at=None, ends_at=None))
            if rec.stock_milli:
                stock.append(dict(id=new_id(), store_id=self._store_id, product_id=pid,
                                  quantity_milli=rec.stock_milli, kind="opening", ref_type="",
                                  ref_id=None, terminal_id=None, note="opening stock",
                                  created_at=now))
            codes = [rec.sku_code, *rec.barcodes] + ([rec.plu] if rec.plu else [])
            search.append((rowid, rec.name, codes))
        self._conn.execute(insert(Product), products)
        if barcodes:
            self._conn.execute(insert(Barcode), barcodes)
        self._conn.execute(insert(Price), prices)
        if stock:
            self._conn.execute(insert(StockMovement), stock)
        index_products(self._conn, search, replace=False)  # new products: nothing to replace

    def tax_rate_id(self, rate_bp: int) -> str:
        return self._keys.tax_rate_id(rate_bp)

    def category_id(self, path: str) -> str | None:
        return self._keys.category_id(path)


def _batches(records: Iterable[ProductRecord], size: int) -> Iterator[list[ProductRecord]]:
    batch: list[ProductRecord] = []
    for rec in records:
        batch.append(rec)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch
