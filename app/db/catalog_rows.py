"""Rows every catalog writer shares: category paths and tax rates created on demand,
and the product search index (product_fts, rowid = product.search_rowid).

The bulk loader, the back office and the sync client all write products; they use
these so a product is indexed and classified the same way whoever wrote it.
"""
from __future__ import annotations

from sqlalchemy import insert, select, text
from sqlalchemy.engine import Connection

from app.db.models import Category, TaxRate
from app.domain.ids import new_id
from app.domain.search_text import initials_tokens, name_tokens


class CatalogKeys:
    """Ids of categories (by path '饮料/碳酸饮料') and tax rates (by basis points),
    creating what is missing in the caller's transaction."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self._categories: dict[str, str] | None = None
        self._tax: dict[int, str] | None = None

    def tax_rate_id(self, rate_bp: int) -> str:
        if self._tax is None:
            self._tax = dict(self._conn.execute(select(TaxRate.rate_bp, TaxRate.id)).all())
        if rate_bp not in self._tax:
            self._tax[rate_bp] = new_id()
            # the code names the exact rate, so 9.5 % never collides with 9 %
            self._conn.execute(insert(TaxRate).values(
                id=self._tax[rate_bp], code=f"R{rate_bp}", name=f"增值税 {rate_bp / 100:g}%",
                rate_bp=rate_bp))
        return self._tax[rate_bp]

    def category_id(self, path: str) -> str | None:
        """The leaf of a category path, creating missing levels of it."""
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


def index_products(conn: Connection, rows: list[tuple[int, str, list[str]]],
                   replace: bool = True) -> None:
    """(Re)write the search rows of products: (search_rowid, name, codes)."""
    if replace:
        conn.execute(text("DELETE FROM product_fts WHERE rowid = :rid"),
                     [{"rid": rid} for rid, _, _ in rows])
    if rows:
        conn.execute(
            text("INSERT INTO product_fts (rowid, name_tokens, codes, initials) "
                 "VALUES (:rid, :name, :codes, :initials)"),
            [search_row(rid, name, codes) for rid, name, codes in rows],
        )


def next_search_rowid(conn: Connection) -> int:
    return conn.execute(text("SELECT COALESCE(MAX(search_rowid), 0) FROM product")).scalar_one() + 1


def search_row(search_rowid: int, name: str, codes: list[str]) -> dict[str, object]:
    return {"rid": search_rowid, "name": name_tokens(name),
            "codes": " ".join(c.lower() for c in codes if c), "initials": initials_tokens(name)}
