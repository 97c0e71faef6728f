"""Pieces every inventory service shares: ledger writes with their outbox event,
document numbers people read, resolving a scanned code, the moving-average cost."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from app.db.models import Product, StockMovement
from app.domain.ids import new_id
from app.services.errors import InvalidInput, NotFound
from app.sync.outbox import add_event

MOVEMENT_KINDS = frozenset({
    "opening", "sale", "return", "receiving", "supplier_return", "adjustment",
    "transfer_out", "transfer_in", "stocktake",
})
ADJUSTMENT_REASONS = ("damaged", "expired", "lost", "found")


@dataclass(frozen=True, slots=True)
class Move:
    product_id: str
    quantity_milli: int  # signed: + into the store, - out of it
    note: str = ""


def write_movements(session: Session, *, store_id: str, kind: str, moves: list[Move],
                    ref_type: str, ref_id: str, now: datetime,
                    terminal_id: str | None = None) -> list[StockMovement]:
    """Append ledger rows and their one outbox event, in the caller's transaction."""
    if kind not in MOVEMENT_KINDS:
        raise ValueError(f"unknown stock movement kind {kind!r}")
    rows = [StockMovement(id=new_id(), store_id=store_id, product_id=m.product_id,
                          quantity_milli=m.quantity_milli, kind=kind, ref_type=ref_type,
                          ref_id=ref_id, terminal_id=terminal_id, note=m.note, created_at=now)
            for m in moves if m.quantity_milli != 0]
    if not rows:
        return rows
    session.add_all(rows)
    # the cloud keys stock by SKU: product ids are each till's own
    skus = dict(session.execute(select(Product.id, Product.sku_code).where(
        Product.id.in_({r.product_id for r in rows}))).all())
    add_event(session, "stock.movements", ref_id, {
        "store_id": store_id, "kind": kind, "ref_type": ref_type, "ref_id": ref_id,
        "at": now.isoformat(),
        "movements": [{"id": r.id, "product_id": r.product_id, "sku_code": skus.get(r.product_id),
                       "quantity_milli": r.quantity_milli, "note": r.note} for r in rows],
    }, now)
    session.flush()
    return rows


def next_number(session: Session, store_id: str, kind: str, store_code: str,
                business_date: str) -> str:
    """PO-S001-20261125-0001: gapless per store and kind, moved in the caller's transaction."""
    seq = session.execute(
        text("INSERT INTO document_counter (store_id, kind, last_seq) VALUES (:s, :k, 1) "
             "ON CONFLICT (store_id, kind) DO UPDATE SET last_seq = last_seq + 1 "
             "RETURNING last_seq"), {"s": store_id, "k": kind}).scalar_one()
    return f"{kind}-{store_code}-{business_date.replace('-', '')}-{seq:04d}"


@dataclass(frozen=True, slots=True)
class ResolvedCode:
    product_id: str
    sku_code: str
    name: str
    factor_milli: int  # a pack barcode counts as its pack size, a unit barcode as 1
    is_weighed: bool


_RESOLVE_UNIT = text("""
    SELECT p.id, p.sku_code, p.name, p.is_weighed FROM product p
     WHERE p.id IN (SELECT product_id FROM barcode WHERE code = :c)
        OR p.sku_code = :c OR p.plu = :c
     LIMIT 1""")
_RESOLVE_PACK = text("""
    SELECT p.id, p.sku_code, p.name, p.is_weighed, u.factor_milli FROM pack_unit u
      JOIN product p ON p.id = u.product_id WHERE u.barcode = :c""")


def resolve_code(session: Session, raw: str) -> ResolvedCode:
    """A scanned or typed barcode, pack barcode, SKU code or PLU -> product."""
    code = raw.strip()
    if not code:
        raise InvalidInput("Nothing was scanned. Scan the barcode again.")
    pack = session.execute(_RESOLVE_PACK, {"c": code}).first()
    if pack is not None:
        return ResolvedCode(pack.id, pack.sku_code, pack.name, pack.factor_milli,
                            bool(pack.is_weighed))
    row = session.execute(_RESOLVE_UNIT, {"c": code}).first()
    if row is None:
        raise NotFound("No product has the code {code}. Check the code or search by name.",
                       code=code)
    return ResolvedCode(row.id, row.sku_code, row.name, 1000, bool(row.is_weighed))


def cost_of(session: Session, product_id: str) -> int:
    """Current moving-average cost in fen per unit (0 when unknown)."""
    value = session.execute(
        text("SELECT amount_fen FROM price WHERE product_id = :p AND price_type = 'cost' "
             "AND store_id IS NULL ORDER BY starts_at IS NULL DESC LIMIT 1"),
        {"p": product_id}).scalar()
    return int(value or 0)


def set_chain_price(session: Session, product_id: str, price_type: str, amount_fen: int | None) -> None:
    """Write (or with None remove) the open-ended chain-wide price of one type."""
    session.execute(text("DELETE FROM price WHERE product_id = :p AND price_type = :t "
                         "AND store_id IS NULL AND starts_at IS NULL AND ends_at IS NULL"),
                    {"p": product_id, "t": price_type})
    if amount_fen is not None:
        session.execute(text("INSERT INTO price (id, product_id, store_id, price_type, amount_fen) "
                             "VALUES (:id, :p, NULL, :t, :a)"),
                        {"id": new_id(), "p": product_id, "t": price_type, "a": amount_fen})


def moving_average_cost(on_hand_milli: int, old_cost_fen: int, received_milli: int,
                        unit_cost_fen: int) -> int:
    """Weighted by quantity; stock below zero counts as none (its cost is unknown)."""
    old_qty = max(0, on_hand_milli)
    total_qty = old_qty + received_milli
    if total_qty <= 0:
        return unit_cost_fen
    value = old_qty * old_cost_fen + received_milli * unit_cost_fen
    return (value + total_qty // 2) // total_qty  # round half up, integer fen


def on_hand_milli(session: Session, store_id: str, product_id: str) -> int:
    return int(session.execute(
        text("SELECT COALESCE(SUM(quantity_milli), 0) FROM stock_movement "
             "WHERE store_id = :s AND product_id = :p"), {"s": store_id, "p": product_id}).scalar())
