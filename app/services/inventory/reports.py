"""Stock reports: on hand and valuation by category, slow movers, movement history,
each exportable as CSV or XLSX."""
from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import datetime, timedelta, timezone
from pathlib import Path

from sqlalchemy import text
from sqlalchemy.engine import Engine

from app.domain.clock import Clock
from app.services.inventory.tabular import write_rows

_COST = ("COALESCE((SELECT amount_fen FROM price WHERE product_id = p.id AND price_type = 'cost' "
         "AND store_id IS NULL LIMIT 1), 0)")


@dataclass(frozen=True, slots=True)
class CategoryValuation:
    category: str
    products: int
    on_hand_milli: int
    value_fen: int
    negative_products: int


@dataclass(frozen=True, slots=True)
class SlowMover:
    sku_code: str
    name: str
    on_hand_milli: int
    sold_milli: int
    value_fen: int


@dataclass(frozen=True, slots=True)
class MovementRow:
    at: datetime
    sku_code: str
    name: str
    kind: str
    quantity_milli: int
    ref_type: str
    note: str


class StockReports:
    def __init__(self, engine: Engine, store_id: str, clock: Clock) -> None:
        self._engine = engine
        self._store_id = store_id
        self._clock = clock

    def valuation_by_category(self) -> list[CategoryValuation]:
        """Stock on hand at moving-average cost per top-level category; stock below zero
        is counted (and flagged) but not valued."""
        sql = text(f"""
            SELECT COALESCE(CASE WHEN instr(c.code, '/') > 0 THEN substr(c.code, 1, instr(c.code, '/') - 1)
                                 ELSE c.code END, '') AS top,
                   COUNT(*) AS products, SUM(b.on_hand_milli) AS on_hand,
                   SUM(MAX(b.on_hand_milli, 0) * {_COST}) AS value_milli,
                   SUM(b.on_hand_milli < 0) AS negative
              FROM stock_balance b JOIN product p ON p.id = b.product_id
              LEFT JOIN category c ON c.id = p.category_id
             WHERE b.store_id = :s AND b.on_hand_milli != 0
             GROUP BY top ORDER BY top""")
        with self._engine.connect() as conn:
            rows = conn.execute(sql, {"s": self._store_id}).all()
        return [CategoryValuation(r.top, r.products, int(r.on_hand), _fen(r.value_milli), int(r.negative))
                for r in rows]

    def slow_movers(self, days: int = 30, limit: int = 200) -> list[SlowMover]:
        """Products with stock that sold least over the last `days`, most money tied up first."""
        since = (self._clock.now() - timedelta(days=days)).replace(tzinfo=None)
        sql = text(f"""
            SELECT p.sku_code, p.name, b.on_hand_milli AS on_hand,
                   COALESCE((SELECT -SUM(m.quantity_milli) FROM stock_movement m
                              WHERE m.store_id = :s AND m.product_id = p.id AND m.kind = 'sale'
                                AND m.created_at >= :since), 0) AS sold,
                   b.on_hand_milli * {_COST} AS value_milli
              FROM stock_balance b JOIN product p ON p.id = b.product_id
             WHERE b.store_id = :s AND b.on_hand_milli > 0 AND p.active
             ORDER BY sold ASC, value_milli DESC LIMIT :n""")
        with self._engine.connect() as conn:
            rows = conn.execute(sql, {"s": self._store_id, "since": since, "n": limit}).all()
        return [SlowMover(r.sku_code, r.name, r.on_hand, int(r.sold), _fen(r.value_milli)) for r in rows]

    def movement_history(self, start: datetime, end: datetime, kind: str | None = None,
                         limit: int = 10_000) -> list[MovementRow]:
        sql = text("""
            SELECT m.created_at, p.sku_code, p.name, m.kind, m.quantity_milli, m.ref_type, m.note
              FROM stock_movement m JOIN product p ON p.id = m.product_id
             WHERE m.store_id = :s AND m.created_at >= :a AND m.created_at < :b
               AND (:k IS NULL OR m.kind = :k)
             ORDER BY m.created_at, m.id LIMIT :n""")
        params = {"s": self._store_id, "a": start.replace(tzinfo=None), "b": end.replace(tzinfo=None),
                  "k": kind, "n": limit}
        with self._engine.connect() as conn:
            rows = conn.execute(sql, params).all()
        return [MovementRow(_aware(r.created_at), *r[1:]) for r in rows]


def export_report(path: Path, rows: list) -> int:
    """Any of the report rows above as CSV/XLSX, quantities in units and money in yuan."""
    if not rows:
        return write_rows(Path(path), [], [])
    names = [f.name for f in fields(rows[0])]
    header = [n.replace("_milli", "").replace("_fen", "") for n in names]
    return write_rows(Path(path), header, ([_cell(n, getattr(r, n)) for n in names] for r in rows))


def _cell(name: str, value):
    if name.endswith("_milli"):
        return value / 1000 if value % 1000 else value // 1000
    if name.endswith("_fen"):
        return f"{value / 100:.2f}"
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return value


def _fen(value_milli) -> int:
    """quantity (thousandths) x cost (fen) -> fen, rounded half up."""
    return (int(value_milli or 0) + 500) // 1000


def _aware(moment) -> datetime:
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment
