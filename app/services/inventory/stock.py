"""The stock ledger: movements of every kind, levels per SKU, the stock card,
min/max alerts and reorder suggestions.

On hand is always the sum of `stock_movement`; `stock_balance` caches it (kept by a
trigger) for lists over the whole catalog and can be rebuilt from the ledger.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from sqlalchemy import text
from sqlalchemy.orm import Session, sessionmaker

from app.domain.clock import Clock
from app.domain.ids import new_id
from app.services.audit import AuditAction
from app.services.auth import StaffMember
from app.services.errors import InvalidInput
from app.services.inventory.common import (
    ADJUSTMENT_REASONS, Move, on_hand_milli, write_movements,
)
from app.services.permissions import Approval, ManagerApproval, Permission
from app.services.staff_rules import StaffRules, audit_action, authorise


@dataclass(frozen=True, slots=True)
class StockLevel:
    on_hand_milli: int
    reserved_milli: int

    @property
    def available_milli(self) -> int:
        return self.on_hand_milli - self.reserved_milli

    @property
    def negative(self) -> bool:
        return self.on_hand_milli < 0


@dataclass(frozen=True, slots=True)
class CardLine:
    at: datetime
    kind: str
    quantity_milli: int
    balance_milli: int
    ref_type: str
    ref_id: str | None
    note: str


@dataclass(frozen=True, slots=True)
class LowStock:
    product_id: str
    sku_code: str
    name: str
    on_hand_milli: int
    min_milli: int
    max_milli: int


@dataclass(frozen=True, slots=True)
class ReorderSuggestion:
    product_id: str
    sku_code: str
    name: str
    on_hand_milli: int
    daily_sales_milli: int
    suggested_milli: int


class StockService:
    def __init__(self, sessions: sessionmaker[Session], store_id: str, clock: Clock,
                 terminal_id: str | None = None, rules: StaffRules | None = None) -> None:
        self._sessions = sessions
        self._store_id = store_id
        self._clock = clock
        self._terminal_id = terminal_id
        self.rules = rules

    # --- movements ---------------------------------------------------------
    def adjust(self, product_id: str, quantity_milli: int, reason: str, note: str = "",
               actor: StaffMember | None = None, approver: ManagerApproval | None = None) -> str:
        """Damaged/expired/lost take stock out (give a negative quantity or a positive
        one: the sign follows the reason); found brings it in. Needs STOCK_ADJUSTMENT
        (or a supervisor's approval) when the till has staff rules; audited."""
        if reason not in ADJUSTMENT_REASONS:
            raise InvalidInput("Choose why the stock changes: damaged, expired, lost or found.")
        if quantity_milli == 0:
            raise InvalidInput("Type how many pieces changed (not zero).")
        approval = authorise(self.rules, actor, Permission.STOCK_ADJUSTMENT, approver)
        signed = abs(quantity_milli) if reason == "found" else -abs(quantity_milli)
        return self._post("adjustment", "adjustment",
                          [Move(product_id, signed, f"{reason}: {note}".rstrip(": "))],
                          approval=approval, details={"reason": reason, "quantity_milli": signed,
                                                      "note": note})

    def record_return(self, product_id: str, quantity_milli: int, sale_id: str | None = None) -> str:
        """A customer return puts the goods back into stock."""
        if quantity_milli <= 0:
            raise InvalidInput("Type how many pieces came back (more than zero).")
        return self._post("return", "sale", [Move(product_id, quantity_milli)], ref_id=sale_id)

    def _post(self, kind: str, ref_type: str, moves: list[Move], ref_id: str | None = None,
              approval: Approval | None = None, details: dict | None = None) -> str:
        ref_id = ref_id or new_id()
        with self._sessions.begin() as s:
            write_movements(s, store_id=self._store_id, kind=kind, moves=moves, ref_type=ref_type,
                            ref_id=ref_id, now=self._clock.now(), terminal_id=self._terminal_id)
            audit_action(self.rules, s, AuditAction.STOCK_ADJUSTMENT, approval,
                         subject=moves[0].product_id if moves else "", details=details)
        return ref_id

    # --- levels and the stock card -----------------------------------------
    def level(self, product_id: str, store_id: str | None = None) -> StockLevel:
        store_id = store_id or self._store_id
        with self._sessions() as s:
            on_hand = on_hand_milli(s, store_id, product_id)
            reserved = s.execute(text(
                "SELECT reserved_milli FROM stock_balance WHERE store_id = :s AND product_id = :p"),
                {"s": store_id, "p": product_id}).scalar()
        return StockLevel(on_hand, int(reserved or 0))

    def stock_card(self, product_id: str, limit: int = 500) -> list[CardLine]:
        """Every movement of one SKU, newest first, with the balance after each."""
        with self._sessions() as s:
            rows = s.execute(text(
                "SELECT created_at, kind, quantity_milli, ref_type, ref_id, note, "
                "SUM(quantity_milli) OVER (ORDER BY created_at, id) AS balance "
                "FROM stock_movement WHERE store_id = :s AND product_id = :p "
                "ORDER BY created_at DESC, id DESC LIMIT :n"),
                {"s": self._store_id, "p": product_id, "n": limit}).all()
        return [CardLine(_aware(r.created_at), r.kind, r.quantity_milli, int(r.balance),
                         r.ref_type, r.ref_id, r.note) for r in rows]

    # --- min/max and reordering ---------------------------------------------
    def set_levels(self, product_id: str, min_milli: int, max_milli: int) -> None:
        if min_milli < 0 or max_milli < 0 or (max_milli and max_milli < min_milli):
            raise InvalidInput("The maximum stock must be at least the minimum, and neither below zero.")
        with self._sessions.begin() as s:
            s.execute(text(
                "INSERT INTO stock_level_setting (store_id, product_id, min_milli, max_milli) "
                "VALUES (:s, :p, :lo, :hi) ON CONFLICT (store_id, product_id) "
                "DO UPDATE SET min_milli = :lo, max_milli = :hi"),
                {"s": self._store_id, "p": product_id, "lo": min_milli, "hi": max_milli})

    def levels_setting(self, product_id: str) -> tuple[int, int] | None:
        """(min, max) set for this store, or None."""
        with self._sessions() as s:
            row = s.execute(text("SELECT min_milli, max_milli FROM stock_level_setting "
                                 "WHERE store_id = :s AND product_id = :p"),
                            {"s": self._store_id, "p": product_id}).first()
        return (row.min_milli, row.max_milli) if row else None

    def low_stock(self, limit: int = 500) -> list[LowStock]:
        with self._sessions() as s:
            rows = s.execute(text(
                "SELECT p.id, p.sku_code, p.name, COALESCE(b.on_hand_milli, 0) AS on_hand, "
                "l.min_milli, l.max_milli FROM stock_level_setting l "
                "JOIN product p ON p.id = l.product_id "
                "LEFT JOIN stock_balance b ON b.store_id = l.store_id AND b.product_id = l.product_id "
                "WHERE l.store_id = :s AND p.active AND COALESCE(b.on_hand_milli, 0) < l.min_milli "
                "ORDER BY p.sku_code LIMIT :n"), {"s": self._store_id, "n": limit}).all()
        return [LowStock(*r) for r in rows]

    def reorder_suggestions(self, days: int = 28, cover_days: int = 14,
                            limit: int = 500) -> list[ReorderSuggestion]:
        """Order enough for `cover_days` of average daily sales (over the last `days`),
        at least up to the max level; products with a min/max setting or recent sales."""
        since = self._clock.now() - timedelta(days=days)
        with self._sessions() as s:
            rows = s.execute(text(
                "WITH sold AS (SELECT product_id, -SUM(quantity_milli) AS qty FROM stock_movement "
                "  WHERE store_id = :s AND kind IN ('sale', 'return') AND created_at >= :since "
                "  GROUP BY product_id) "
                "SELECT p.id, p.sku_code, p.name, COALESCE(b.on_hand_milli, 0) AS on_hand, "
                "COALESCE(sold.qty, 0) AS sold, COALESCE(l.max_milli, 0) AS max_milli, "
                "COALESCE(l.min_milli, 0) AS min_milli "
                "FROM product p LEFT JOIN sold ON sold.product_id = p.id "
                "LEFT JOIN stock_level_setting l ON l.product_id = p.id AND l.store_id = :s "
                "LEFT JOIN stock_balance b ON b.product_id = p.id AND b.store_id = :s "
                "WHERE p.active AND (sold.qty > 0 OR l.product_id IS NOT NULL) "
                "ORDER BY p.sku_code"), {"s": self._store_id, "since": since.replace(tzinfo=None)}).all()
        out = []
        for r in rows:
            daily = math.ceil(max(0, r.sold) / days)
            target = max(daily * cover_days, r.max_milli)
            need = target - r.on_hand
            if need > 0 and (r.on_hand < r.min_milli or r.on_hand < daily * cover_days):
                out.append(ReorderSuggestion(r.id, r.sku_code, r.name, r.on_hand, daily,
                                             _whole_pieces(need)))
        return out[:limit]


def _whole_pieces(milli: int) -> int:
    return math.ceil(milli / 1000) * 1000


def _aware(moment):
    if isinstance(moment, str):
        moment = datetime.fromisoformat(moment)
    return moment.replace(tzinfo=timezone.utc) if moment.tzinfo is None else moment


def rebuild_balances(session: Session) -> None:
    """Recompute the cached balances from the ledger (the ledger is the truth)."""
    session.execute(text("UPDATE stock_balance SET on_hand_milli = COALESCE((SELECT SUM(m.quantity_milli) "
                         "FROM stock_movement m WHERE m.store_id = stock_balance.store_id "
                         "AND m.product_id = stock_balance.product_id), 0)"))
