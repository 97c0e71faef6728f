"""Catalog look-ups for the till: barcode -> priced product, and product search."""
from __future__ import annotations

import threading
from collections import namedtuple
from dataclasses import dataclass
from datetime import datetime, timezone

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from app.domain.barcode import BarcodeError, read_code
from app.domain.cart import ProductSnapshot
from app.domain.clock import Clock
from app.domain.money import Money
from app.domain.search_text import fts_query
from app.services.errors import InvalidInput, NotFound

SEARCH_LIMIT = 50

# Retail price in force: a store's own price beats the chain price; a dated
# price beats an open-ended one; newest start wins.
_PRICE_SQL = """
    (SELECT pr.amount_fen FROM price pr
      WHERE pr.product_id = p.id AND pr.price_type = 'retail'
        AND (pr.store_id IS NULL OR pr.store_id = :store_id)
        AND (pr.starts_at IS NULL OR pr.starts_at <= :now)
        AND (pr.ends_at IS NULL OR pr.ends_at > :now)
      ORDER BY pr.store_id IS NULL, pr.starts_at IS NULL, pr.starts_at DESC
      LIMIT 1)
"""

# The plain member price, the member levels' own tier prices ("gold=1200,vip=1100":
# one primary-key probe, nothing when a product has none) and the floor below which a
# typed price or discount may not go.
_EXTRA_SQL = """,
    p.brand, p.category_id,
    (SELECT pr.amount_fen FROM price pr
      WHERE pr.product_id = p.id AND pr.price_type = 'member'
        AND (pr.store_id IS NULL OR pr.store_id = :store_id)
        AND (pr.starts_at IS NULL OR pr.starts_at <= :now)
        AND (pr.ends_at IS NULL OR pr.ends_at > :now)
      ORDER BY pr.store_id IS NULL LIMIT 1) AS member_price,
    (SELECT pr.amount_fen FROM price pr
      WHERE pr.product_id = p.id AND pr.price_type = 'floor'
        AND (pr.store_id IS NULL OR pr.store_id = :store_id)
      ORDER BY pr.store_id IS NULL LIMIT 1) AS floor_price,
    (SELECT group_concat(tp.tier || '=' || tp.price_fen, ',') FROM product_tier_price tp
      WHERE tp.product_id = p.id) AS tier_prices
"""

_CATEGORY_CHAIN = text("""
    WITH RECURSIVE chain(id, parent_id, code, name) AS (
        SELECT id, parent_id, code, name FROM category WHERE id = :id
        UNION ALL
        SELECT c.id, c.parent_id, c.code, c.name FROM category c JOIN chain ON c.id = chain.parent_id)
    SELECT code, name FROM chain
""")

_BY_BARCODE = text(f"""
    SELECT p.id, p.sku_code, b.code, p.name, {_PRICE_SQL} AS price, t.rate_bp, p.unit,
           p.is_weighed, p.active {_EXTRA_SQL}
      FROM barcode b JOIN product p ON p.id = b.product_id JOIN tax_rate t ON t.id = p.tax_rate_id
     WHERE b.code = :code
""")

_BY_SKU_OR_PLU = text(f"""
    SELECT p.id, p.sku_code, COALESCE((SELECT code FROM barcode WHERE product_id = p.id
                                       ORDER BY is_primary DESC LIMIT 1), ''),
           p.name, {_PRICE_SQL} AS price, t.rate_bp, p.unit, p.is_weighed, p.active {_EXTRA_SQL}
      FROM product p JOIN tax_rate t ON t.id = p.tax_rate_id
     WHERE p.sku_code = :code OR p.plu = :code
""")

_BY_ID = text(f"""
    SELECT p.id, p.sku_code, COALESCE((SELECT code FROM barcode WHERE product_id = p.id
                                       ORDER BY is_primary DESC LIMIT 1), ''),
           p.name, {_PRICE_SQL} AS price, t.rate_bp, p.unit, p.is_weighed, p.active {_EXTRA_SQL}
      FROM product p JOIN tax_rate t ON t.id = p.tax_rate_id
     WHERE p.id = :code
""")

_BY_PLU = text(f"""
    SELECT p.id, p.sku_code, COALESCE((SELECT code FROM barcode WHERE product_id = p.id
                                       ORDER BY is_primary DESC LIMIT 1), ''),
           p.name, {_PRICE_SQL} AS price, t.rate_bp, p.unit, p.is_weighed, p.active {_EXTRA_SQL}
      FROM product p JOIN tax_rate t ON t.id = p.tax_rate_id
     WHERE p.plu = :code
""")

_SEARCH = text(f"""
    SELECT p.id, p.sku_code, COALESCE((SELECT code FROM barcode WHERE product_id = p.id
                                       ORDER BY is_primary DESC LIMIT 1), ''),
           p.name, {_PRICE_SQL} AS price, t.rate_bp, p.unit, p.is_weighed, p.active {_EXTRA_SQL}
      FROM (SELECT rowid FROM product_fts WHERE product_fts MATCH :match LIMIT :limit) f
      JOIN product p ON p.search_rowid = f.rowid JOIN tax_rate t ON t.id = p.tax_rate_id
     WHERE p.active
""")


@dataclass(frozen=True, slots=True)
class ProductHit:
    product: ProductSnapshot
    price_known: bool


class _FastLookup:
    """The scan path on a plain sqlite3 cursor, one connection per thread: the same
    query as _BY_BARCODE without SQLAlchemy's per-statement work (0.03 ms instead of
    0.3 ms a scan at 1M SKUs). Other databases use the SQLAlchemy path."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._local = threading.local()
        self._sql = str(_BY_BARCODE)
        self._row_type = None

    def by_barcode(self, code: str, store_id: str, now: datetime):
        if self._engine.dialect.name != "sqlite":
            with self._engine.connect() as conn:
                return conn.execute(_BY_BARCODE, {"code": code, "store_id": store_id,
                                                  "now": now.replace(tzinfo=None)}).first()
        connection = getattr(self._local, "connection", None)
        if connection is None:
            # held for the thread's life; pragmas applied by the engine's connect hook
            connection = self._local.connection = self._engine.raw_connection()
        # the text form SQLAlchemy stores UTC datetimes in, so comparisons agree
        stamp = now.astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M:%S.%f")
        cursor = connection.driver_connection.execute(
            self._sql, {"code": code, "store_id": store_id, "now": stamp})
        found = cursor.fetchone()
        if found is None:
            return None
        if self._row_type is None:
            self._row_type = namedtuple("ScanRow", [d[0] for d in cursor.description], rename=True)
        return self._row_type(*found)


class CatalogService:
    def __init__(self, engine: Engine, store_id: str, clock: Clock) -> None:
        self._engine = engine
        self._store_id = store_id
        self._clock = clock
        self._fast = _FastLookup(engine)
        # category id -> its codes and names up to the root (promotions scope by them)
        self._chains: dict[str | None, tuple[str, ...]] = {None: ()}

    # --- till look-ups ---------------------------------------------------
    def product_for_code(self, raw: str) -> ProductSnapshot:
        """Scanned or typed code -> product with its price now; clear errors otherwise."""
        try:
            scanned = read_code(raw)
        except BarcodeError as exc:
            template = _BARCODE_MESSAGES.get(exc.reason, _BARCODE_MESSAGES["other"])
            raise InvalidInput(template, code=exc.code) from exc
        row = None
        for key in scanned.lookup_keys:
            row = self._fast.by_barcode(key, self._store_id, self._clock.now())
            if row:
                break
        with self._engine.connect() as conn:
            if row is None:
                row = conn.execute(_BY_SKU_OR_PLU, self._params(code=scanned.code)).first()
            if row is None:
                raise NotFound("No product has the code {code}. Check the code or search by name "
                               "(F3).", code=scanned.code)
            return self._snapshot(conn, row)

    def product_for_plu(self, plu_keys: tuple[str, ...]) -> ProductSnapshot | None:
        """The product a scale label's PLU names, or None."""
        with self._engine.connect() as conn:
            for key in plu_keys:
                row = conn.execute(_BY_PLU, self._params(code=key)).first()
                if row is not None:
                    return self._snapshot(conn, row)
        return None

    def product_by_id(self, product_id: str) -> ProductSnapshot:
        with self._engine.connect() as conn:
            row = conn.execute(_BY_ID, self._params(code=product_id)).first()
            if row is None:
                raise NotFound("This product no longer exists.")
            return self._snapshot(conn, row)

    def _snapshot(self, conn: Connection, row, check: bool = True) -> ProductSnapshot:
        chain = self._chains.get(row.category_id)
        if chain is None:
            names: list[str] = []
            for code, name in conn.execute(_CATEGORY_CHAIN, {"id": row.category_id}):
                names.extend((code, name))
            chain = self._chains[row.category_id] = tuple(dict.fromkeys(names))
        return _snapshot(row, check, chain)

    def search(self, query: str, limit: int = SEARCH_LIMIT) -> list[ProductHit]:
        """Products by name, code/barcode prefix or pinyin initials, at most `limit`."""
        match = fts_query(query)
        if match is None:
            return []
        with self._engine.connect() as conn:
            rows = conn.execute(_SEARCH, self._params(match=match, limit=limit)).all()
            hits = [ProductHit(self._snapshot(conn, r, check=False), r.price is not None)
                    for r in rows]
        hits.sort(key=lambda h: _rank(h.product, query))
        return hits

    def _params(self, **extra: object) -> dict[str, object]:
        now = self._clock.now().replace(tzinfo=None)
        return {"store_id": self._store_id, "now": now, **extra}


def _rank(product: ProductSnapshot, query: str) -> tuple[int, int, str]:
    q = query.strip().lower()
    exact = q in (product.barcode, product.sku_code.lower())
    return (0 if exact else 1, len(product.name), product.sku_code)


_BARCODE_MESSAGES = {
    "empty code": "Nothing was scanned. Scan the barcode again.",
    "code too long": "That is not a product code (too long): {code}",
    "code has characters no barcode has": "That is not a product code: {code}",
    "wrong check digit": "The barcode {code} did not read correctly (check digit). Scan it again.",
    "other": "That is not a product code: {code}",
}


def _snapshot(row, check: bool = True, categories: tuple[str, ...] = ()) -> ProductSnapshot:
    if check and not row.active:
        raise InvalidInput("{name} is no longer sold (inactive product).", name=row.name)
    if check and row.price is None:
        raise InvalidInput("{name} has no price. Ask a manager to set one.", name=row.name)
    # A retail price of 0 marks an open-price item (无码商品): the cashier types the price.
    return ProductSnapshot(
        product_id=row.id, sku_code=row.sku_code, barcode=row[2] or "", name=row.name,
        unit_price=Money(row.price or 0), tax_rate_bp=row.rate_bp, unit=row.unit,
        is_weighed=bool(row.is_weighed), category_ids=categories, brand=row.brand or None,
        member_price=None if row.member_price is None else Money(row.member_price),
        floor_price=None if row.floor_price is None else Money(row.floor_price),
        open_price=row.price == 0, tier_prices=_tier_prices(row.tier_prices),
    )


def _tier_prices(packed: str | None) -> tuple[tuple[str, Money], ...]:
    if not packed:
        return ()
    pairs = (item.rsplit("=", 1) for item in packed.split(","))
    return tuple(sorted((tier, Money(int(fen))) for tier, fen in pairs))
