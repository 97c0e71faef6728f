"""The back-office product list: pages in SKU order by keyset (never OFFSET, so the
millionth row costs what the first does), search by name/code/pinyin initials via the
FTS index, filters by category, supplier and stock state."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.engine import Engine

from app.domain.search_text import fts_query

PAGE_SIZE = 100
SMALL_CATEGORY = 50_000
STOCK_STATES = ("all", "negative", "out", "low", "in_stock")

_COLUMNS = """
    p.id, p.sku_code, p.name, p.unit, p.active,
    COALESCE((SELECT code FROM barcode WHERE product_id = p.id ORDER BY is_primary DESC LIMIT 1), '')
        AS barcode,
    (SELECT amount_fen FROM price WHERE product_id = p.id AND price_type = 'retail'
        AND store_id IS NULL AND starts_at IS NULL LIMIT 1) AS retail_fen,
    COALESCE((SELECT on_hand_milli FROM stock_balance WHERE product_id = p.id AND store_id = :store), 0)
        AS on_hand_milli,
    COALESCE((SELECT code FROM category WHERE id = p.category_id), '') AS category
"""

# Rare states (negative, below minimum) are driven from their small set; common ones
# (out of stock, in stock) are checked row by row in SKU order, so a page stops early.
_STATE_SQL = {
    "negative": "AND p.id IN (SELECT product_id FROM stock_balance WHERE store_id = :store "
                "AND on_hand_milli < 0)",
    "out": "AND NOT EXISTS (SELECT 1 FROM stock_balance b WHERE b.store_id = :store "
           "AND b.product_id = p.id AND b.on_hand_milli > 0)",
    "low": "AND p.id IN (SELECT l.product_id FROM stock_level_setting l LEFT JOIN stock_balance b "
           "ON b.product_id = l.product_id AND b.store_id = l.store_id WHERE l.store_id = :store "
           "AND COALESCE(b.on_hand_milli, 0) < l.min_milli)",
    "in_stock": "AND EXISTS (SELECT 1 FROM stock_balance b WHERE b.store_id = :store "
                "AND b.product_id = p.id AND b.on_hand_milli > 0)",
}


@dataclass(frozen=True, slots=True)
class ListFilter:
    search: str = ""
    category_code: str | None = None
    supplier_id: str | None = None
    stock_state: str = "all"


@dataclass(frozen=True, slots=True)
class ListRow:
    id: str
    sku_code: str
    name: str
    unit: str
    active: bool
    barcode: str
    retail_fen: int | None
    on_hand_milli: int
    category: str


class ProductList:
    def __init__(self, engine: Engine, store_id: str) -> None:
        self._engine = engine
        self._store_id = store_id
        self._sizes: dict[str, int] = {}  # products per category, to choose how to page

    def page(self, filters: ListFilter, after_sku: str = "", limit: int = PAGE_SIZE) -> list[ListRow]:
        """Up to `limit` rows with SKU code after `after_sku`, in SKU order."""
        where, params = self._where(filters)
        if where is None:
            return []
        with self._engine.connect() as conn:
            # A small category is read through its index and sorted; a big one is walked in
            # SKU order, which stops after one page (SQLite would walk SKU order for both).
            small = filters.category_code and self._category_size(conn, filters.category_code) <= SMALL_CATEGORY
            source = "product p INDEXED BY ix_product_category_id" if small else "product p"
            if filters.supplier_id:  # a supplier's products are few: start from them
                source = "product_extra x CROSS JOIN product p ON p.id = x.product_id"
            sql = text(f"SELECT {_COLUMNS} FROM {source} WHERE p.sku_code > :after {where} "
                       f"ORDER BY p.sku_code LIMIT :limit")
            rows = conn.execute(sql, {**params, "after": after_sku, "limit": limit}).all()
        return [ListRow(r.id, r.sku_code, r.name, r.unit, bool(r.active), r.barcode, r.retail_fen,
                        r.on_hand_milli, r.category) for r in rows]

    def _category_size(self, conn, code: str) -> int:
        if code not in self._sizes:
            self._sizes[code] = conn.execute(text(
                "SELECT COUNT(*) FROM product WHERE category_id IN (SELECT id FROM category "
                "WHERE code = :cat OR code LIKE :cat_like)"), {"cat": code, "cat_like": f"{code}/%"}).scalar_one()
        return self._sizes[code]

    def _where(self, f: ListFilter) -> tuple[str | None, dict[str, object]]:
        parts, params = [], {"store": self._store_id}
        if f.search.strip():
            match = fts_query(f.search)
            if match is None:
                return None, params
            # the search narrows to at most a few thousand rows first
            parts.append("AND p.search_rowid IN (SELECT rowid FROM product_fts WHERE product_fts "
                         "MATCH :match LIMIT 5000)")
            params["match"] = match
        if f.category_code:
            parts.append("AND p.category_id IN (SELECT id FROM category WHERE code = :cat "
                         "OR code LIKE :cat_like)")
            params.update(cat=f.category_code, cat_like=f"{f.category_code}/%")
        if f.supplier_id:
            parts.append("AND x.supplier_id = :sup")
            params["sup"] = f.supplier_id
        if f.stock_state != "all":
            parts.append(_STATE_SQL[f.stock_state])
        return " ".join(parts), params
