"""Projections of newly inserted till events: one dispatch table kind -> projector.

ingest_batch calls project_events once per batch, inside the batch's transaction,
with only the events the database has just inserted, so a replay projects nothing.
Projectors walk the events in terminal order and either buffer rows (high-volume
tables, written in bulk at the end, parents before children) or write master data
at once (upserts whose order matters). Master data that tills must see (members,
their ledgers, salespeople, rules, programme) goes to the change log in the same
transaction: one version range per batch.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Callable

from sqlalchemy import Table
from sqlalchemy.engine import Connection

from cloud import changes_members
from cloud.event_schema import ValidEvent
from cloud.ingest import bulk_insert, dialect_insert, insert_ignoring_conflicts
from cloud.models import Sale, SaleLine, StockMovement
from cloud.models_ledgers import (
    CouponRedemption, PointsMove, Refund, RefundLine, RefundPayment, SalePayment,
    SalesCredit, StoredValueMove,
)
from cloud.tenancy import Principal

# Parents before children (foreign keys); all plain appends, written with COPY on PostgreSQL.
BULK_ORDER: tuple[Table, ...] = tuple(t.__table__ for t in (
    Sale, SaleLine, SalePayment, Refund, RefundLine, RefundPayment, StockMovement, SalesCredit,
    CouponRedemption))
# Ledgers keyed by the till's move id: a move seen before is skipped, never doubled.
KEYED_ORDER: tuple[Table, ...] = tuple(t.__table__ for t in (PointsMove, StoredValueMove))


@dataclass
class Projection:
    conn: Connection
    principal: Principal
    now: datetime
    _bulk: dict[Table, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    _keyed: dict[Table, list[dict[str, Any]]] = field(default_factory=lambda: defaultdict(list))
    log: changes_members.PendingChanges = field(default_factory=changes_members.PendingChanges)
    sale_members: dict[str, str | None] = field(default_factory=dict)  # sale id -> member id

    @property
    def merchant_id(self) -> str:
        return self.principal.merchant_id

    @property
    def store_id(self) -> str:
        return self.principal.store_id

    def append(self, model, row: dict[str, Any]) -> None:
        self._bulk[model.__table__].append(row)

    def append_once(self, model, row: dict[str, Any]) -> None:
        self._keyed[model.__table__].append(row)

    def upsert(self, model, row: dict[str, Any], keys: list[str],
               keep: tuple[str, ...] = ()) -> None:
        """Insert or replace now; columns in ``keep`` (and the keys) keep their stored value."""
        stmt = dialect_insert(self.conn, model)
        stmt = stmt.on_conflict_do_update(
            index_elements=keys,
            set_={c: stmt.excluded[c] for c in row if c not in keys and c not in keep})
        self.conn.execute(stmt, row)

    def flush(self) -> None:
        for table in BULK_ORDER:
            bulk_insert(self.conn, table, self._bulk.get(table, []))
        for table in KEYED_ORDER:
            rows = self._keyed.get(table)
            if rows:
                self.conn.execute(insert_ignoring_conflicts(self.conn, table, ["id"]), rows)
        self.log.write(self.conn, self.principal, self.now)


Projector = Callable[[Projection, ValidEvent], None]


def _projectors() -> dict[str, Projector]:
    from cloud import (projections_catalog, projections_ledgers, projections_members,
                       projections_sales, projections_shifts, projections_staff,
                       projections_stock)
    table: dict[str, Projector] = {}
    for module in (projections_sales, projections_stock, projections_members,
                   projections_ledgers, projections_shifts, projections_staff,
                   projections_catalog):
        table.update(module.PROJECTORS)
    return table


# Kinds kept as events only (audit trail, reports read them from the event table).
RECORDED_ONLY = frozenset({
    "sale.held", "stocktake.posted", "purchase_order.sent", "purchase_order.closed",
    "payment.success", "payment.reversed", "checkout.line_voided", "checkout.sale_voided",
})
_TABLE: dict[str, Projector] | None = None


def projectors() -> dict[str, Projector]:
    global _TABLE
    if _TABLE is None:
        _TABLE = _projectors()
    return _TABLE


def project_events(conn: Connection, principal: Principal, events: list[ValidEvent],
                   now: datetime) -> None:
    """Project newly inserted events in terminal order; kinds owned by other modules
    (channel orders, transfers) and record-only kinds are left alone."""
    table = projectors()
    projection = Projection(conn, principal, now)
    for event in sorted(events, key=lambda e: (e.envelope.seq, e.envelope.id)):
        projector = table.get(event.envelope.kind)
        if projector is not None:
            projector(projection, event)
    projection.flush()
