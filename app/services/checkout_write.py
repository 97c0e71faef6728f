"""Writing a completed sale: its rows straight through the DBAPI cursor of the session's
connection, with statements built once per table.

A completion is the till's hottest write (DESIGN.md budgets >= 1,000 sales/s): SQLAlchemy's
unit of work, and even a Core ``insert()`` per table, cost more than SQLite writing the rows.
The rows still go through each column's own bind processing (UTC datetimes, booleans), so
they are stored exactly as a Core insert stores them, in the caller's transaction.
"""
from __future__ import annotations

import json
import operator
from datetime import datetime
from typing import Any, Callable, Mapping, Sequence

from sqlalchemy import Table
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import Session

from app.db.models import OutboxEvent, Payment, Sale, SaleLine, StockMovement
from app.db.models_checkout import SaleLineDetail
from app.domain.ids import new_id
from app.sync.outbox import SCHEMA_VERSION

_Bind = Callable[[Any], Any] | None


class RowStatement:
    """``INSERT INTO table (every column) VALUES (?, ...)`` with the columns' bind
    processors; a column a row leaves out takes its declared default, as Core does."""

    def __init__(self, table: Table, dialect: Dialect, skip: Sequence[str] = ()) -> None:
        columns = [c for c in table.columns if c.name not in skip]
        self.sql = (f"INSERT INTO {table.name} ({', '.join(c.name for c in columns)}) "
                    f"VALUES ({', '.join('?' * len(columns))})")
        self._columns = [(c.name, c.type._cached_bind_processor(dialect), _default_of(c))
                         for c in columns]
        # the usual row names every column: one itemgetter, then only the columns whose
        # type converts (datetimes, booleans) go through their bind processor
        self._all = operator.itemgetter(*(c.name for c in columns))
        self._binds = [(i, bind) for i, (_, bind, _) in enumerate(self._columns) if bind]

    def params(self, row: Mapping[str, Any]) -> tuple:
        try:
            values = list(self._all(row))
        except KeyError:  # a column left out: its declared default
            values = [row[name] if name in row else default()
                      for name, _, default in self._columns]
        for i, bind in self._binds:
            if values[i] is not None:
                values[i] = bind(values[i])
        return tuple(values)

    def run(self, cursor, rows: Sequence[Mapping[str, Any]]) -> None:
        if len(rows) == 1:
            cursor.execute(self.sql, self.params(rows[0]))
        elif rows:
            cursor.executemany(self.sql, [self.params(row) for row in rows])


def _default_of(column) -> Callable[[], Any]:
    default = column.default
    if default is None and column.server_default is not None:
        def required():  # Core would leave it to the server default: never guess it here
            raise KeyError(f"{column.table.name}.{column.name} must be given")
        return required
    if default is None or default.is_sequence:
        return lambda: None
    if default.is_callable:
        return lambda: default.arg(None)  # SQLAlchemy wraps callables to take a context
    return lambda: default.arg


class SaleWriter:
    """The statements of one sale, built for the session's dialect on first use."""

    _by_dialect: dict[str, "SaleWriter"] = {}

    def __init__(self, dialect: Dialect) -> None:
        self.sale = RowStatement(Sale.__table__, dialect)
        self.line = RowStatement(SaleLine.__table__, dialect)
        self.detail = RowStatement(SaleLineDetail.__table__, dialect)
        self.payment = RowStatement(Payment.__table__, dialect)
        self.stock = RowStatement(StockMovement.__table__, dialect)
        # seq is the rowid: SQLite numbers it, in commit order, for the sync worker
        self.event = RowStatement(OutboxEvent.__table__, dialect, skip=("seq",))

    @classmethod
    def for_session(cls, session: Session) -> "SaleWriter":
        dialect = session.get_bind().dialect
        writer = cls._by_dialect.get(dialect.name)
        if writer is None:
            writer = cls._by_dialect[dialect.name] = cls(dialect)
        return writer

    def write(self, cursor, sale: dict, lines: list[dict], details: list[dict],
              payments: list[dict], stock: list[dict]) -> None:
        self.sale.run(cursor, [sale])
        self.line.run(cursor, lines)
        self.detail.run(cursor, details)
        self.payment.run(cursor, payments)
        self.stock.run(cursor, stock)  # the stock_balance trigger keeps on-hand in step

    def add_event(self, cursor, kind: str, aggregate_id: str, payload: dict[str, Any],
                  now: datetime) -> None:
        """An outbox event, as ``app.sync.outbox.add_event`` writes it."""
        self.event.run(cursor, [dict(
            id=new_id(), kind=kind, aggregate_id=aggregate_id, schema_version=SCHEMA_VERSION,
            payload=json.dumps(payload, ensure_ascii=False, separators=(",", ":"),
                               sort_keys=True),
            created_at=now, sent_at=None, attempts=0, last_error="")])


def dbapi_cursor(session: Session):
    """A cursor on the DBAPI connection under the session's transaction."""
    return session.connection().connection.driver_connection.cursor()


__all__ = ["RowStatement", "SaleWriter", "dbapi_cursor"]
