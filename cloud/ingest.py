"""Taking a batch of terminal events: each stored once, projections only for new ones.

The whole batch is one transaction. Events are inserted with
INSERT ... ON CONFLICT (id) DO NOTHING RETURNING id, so the database, not a
prior SELECT, decides which events are new; a batch sent twice (a retry after a
lost reply, or two threads at once) projects every event exactly once.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from cloud.event_schema import Rejected, SaleCompletedV1, ValidEvent, validate_event
from cloud.models import Event, QuarantinedEvent, Sale
from cloud.payloads_common import find_poison, storable
from cloud.models_ledgers import Refund
from cloud.payloads_store import RefundCompletedV1
from cloud.tenancy import Principal

MAX_BATCH = 500
ACCEPTED, DUPLICATE, REJECTED = "accepted", "duplicate", "rejected"


@dataclass
class Outcome:
    id: str | None
    status: str
    reason: str = ""

    def as_dict(self) -> dict[str, Any]:
        answer: dict[str, Any] = {"id": self.id, "status": self.status}
        if self.reason:
            answer["reason"] = self.reason
        return answer


def dialect_insert(conn: Connection, table):
    """An INSERT that knows ON CONFLICT, for PostgreSQL or SQLite."""
    dialect = postgresql if conn.dialect.name == "postgresql" else sqlite
    return dialect.insert(table)


def insert_ignoring_conflicts(conn: Connection, table, index_elements: list[str]):
    return dialect_insert(conn, table).on_conflict_do_nothing(index_elements=index_elements)


def ingest_batch(conn: Connection, principal: Principal, raw_events: list[Any],
                 now: datetime) -> list[Outcome]:
    """Validate, store and project one batch; returns one outcome per event, in order."""
    outcomes: list[Outcome | None] = [None] * len(raw_events)
    valid: dict[int, ValidEvent] = {}
    for index, raw in enumerate(raw_events):
        try:
            valid[index] = validate_event(raw, principal)
        except Rejected as why:
            outcomes[index] = Outcome(_raw_id(raw), REJECTED, str(why))
    _reject_conflicting_sales(conn, valid, outcomes)
    inserted = _insert_events(conn, principal, list(valid.values()), now)
    channel_ingest.refuse_illegal_moves(conn, principal, valid, inserted, outcomes, now)
    new_events = {v.envelope.id: v for v in valid.values() if v.envelope.id in inserted}
    _project(conn, principal, list(new_events.values()), now)
    for index, event in valid.items():
        status = ACCEPTED if event.envelope.id in inserted else DUPLICATE
        inserted.discard(event.envelope.id)  # a second copy within the batch is a duplicate
        outcomes[index] = Outcome(event.envelope.id, status)
    _quarantine(conn, principal, raw_events, outcomes, now)
    return [o for o in outcomes if o is not None]


def _raw_id(raw: Any) -> str | None:
    value = raw.get("id") if isinstance(raw, dict) else None
    return storable(value) if isinstance(value, str) and len(value) <= 64 else None


def _reject_conflicting_sales(conn: Connection, valid: dict[int, ValidEvent],
                              outcomes: list[Outcome | None]) -> None:
    """A sale or refund id recorded by another event would break the projection:
    quarantine the later event instead of failing the whole batch."""
    for payload_type, model, key in ((SaleCompletedV1, Sale, "sale_id"),
                                     (RefundCompletedV1, Refund, "refund_id")):
        _reject_conflicting(conn, valid, outcomes, payload_type, model, key)


def _reject_conflicting(conn: Connection, valid: dict[int, ValidEvent],
                        outcomes: list[Outcome | None], payload_type, model, key: str) -> None:
    documents = {i: v for i, v in valid.items() if isinstance(v.payload, payload_type)}
    if not documents:
        return
    ids = list({getattr(v.payload, key) for v in documents.values()})
    owner = dict(conn.execute(select(model.id, model.event_id).where(model.id.in_(ids))).all())
    what = key.removesuffix("_id")
    for index, event in documents.items():
        doc_id, event_id = getattr(event.payload, key), event.envelope.id
        recorded_by = owner.setdefault(doc_id, event_id)
        if recorded_by != event_id:
            del valid[index]
            outcomes[index] = Outcome(
                event_id, REJECTED, f"{what} {doc_id} was already recorded by event {recorded_by}")


def _insert_events(conn: Connection, principal: Principal, events: list[ValidEvent],
                   now: datetime) -> set[str]:
    if not events:
        return set()
    rows = {}
    for event in events:
        env = event.envelope
        rows.setdefault(env.id, dict(
            id=env.id, merchant_id=principal.merchant_id, store_id=principal.store_id,
            terminal_id=principal.terminal_id, seq=env.seq, kind=env.kind,
            schema_version=env.schema_version, created_at=env.created_at, received_at=now,
            payload=env.payload))
    # Sorted ids: concurrent batches with overlapping events lock them in the same order
    # on PostgreSQL, so they wait for each other instead of deadlocking.
    ordered = [rows[key] for key in sorted(rows)]
    if conn.dialect.name == "postgresql":
        return _insert_events_unnest(conn, ordered)
    stmt = insert_ignoring_conflicts(conn, Event, ["id"]).returning(Event.id)
    return set(conn.execute(stmt, ordered).scalars().all())


_EVENT_COLUMNS = ("id", "merchant_id", "store_id", "terminal_id", "seq", "kind",
                  "schema_version", "created_at", "received_at", "payload")
_EVENT_ARRAY_TYPES = ("text", "text", "text", "text", "bigint", "text", "int", "timestamp",
                      "timestamp", "text")
_UNNEST_INSERT = (
    f"INSERT INTO event ({', '.join(_EVENT_COLUMNS)}) "
    f"SELECT {', '.join(_EVENT_COLUMNS[:-1])}, payload::jsonb FROM unnest("
    # %b: arrays travel in binary format, skipping psycopg's per-element text quoting.
    + ", ".join(f"%b::{kind}[]" for kind in _EVENT_ARRAY_TYPES)
    + f") AS t({', '.join(_EVENT_COLUMNS)}) ON CONFLICT (id) DO NOTHING RETURNING id"
)


def _insert_events_unnest(conn: Connection, rows: list[dict[str, Any]]) -> set[str]:
    """PostgreSQL: the batch as ten arrays in one statement. A multi-row VALUES list of
    5,000 parameters costs more to build and parse than the insert itself."""
    processors = [Event.__table__.c[name].type._cached_bind_processor(conn.dialect)
                  for name in _EVENT_COLUMNS]
    arrays: list[list[Any]] = [[] for _ in _EVENT_COLUMNS]
    for row in rows:
        for values, name, process in zip(arrays, _EVENT_COLUMNS, processors):
            values.append(process(row[name]) if process and name != "payload" else row[name])
    arrays[-1] = [json.dumps(payload, ensure_ascii=False) for payload in arrays[-1]]
    with conn.connection.driver_connection.cursor() as cursor:
        cursor.execute(_UNNEST_INSERT, arrays)
        return {row[0] for row in cursor.fetchall()}


def _project(conn: Connection, principal: Principal, events: list[ValidEvent],
             now: datetime) -> None:
    projections.project_events(conn, principal, events, now)
    transfers.project_transfers(conn, principal, events, now)


def bulk_insert(conn: Connection, table, rows: list[dict[str, Any]]) -> None:
    """Plain INSERTs on SQLite; COPY on PostgreSQL, where a batch's thousands of projection
    rows would otherwise cost one round trip each. Rows pass through the columns' own
    bind processing (e.g. aware datetimes to naive UTC), exactly as an INSERT would."""
    if not rows:
        return
    if conn.dialect.name != "postgresql":
        conn.execute(table.insert(), rows)
        return
    names = list(rows[0])
    processors = [table.c[name].type._cached_bind_processor(conn.dialect) for name in names]
    columns = ", ".join(f'"{name}"' for name in names)
    raw = conn.connection.driver_connection  # same transaction as `conn`
    with raw.cursor() as cursor, cursor.copy(f'COPY "{table.name}" ({columns}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row([process(row[name]) if process else row[name]
                            for name, process in zip(names, processors)])


def _quarantine(conn: Connection, principal: Principal, raw_events: list[Any],
                outcomes: list[Outcome | None], now: datetime) -> None:
    rows = [
        dict(event_id=outcome.id, merchant_id=principal.merchant_id,
             terminal_id=principal.terminal_id, kind=_raw_kind(raw), reason=outcome.reason,
             raw=_storable(raw), received_at=now)
        for raw, outcome in zip(raw_events, outcomes)
        if outcome is not None and outcome.status == REJECTED
    ]
    if rows:
        # Re-sent rejected events are quarantined once (unique terminal + event id).
        conn.execute(insert_ignoring_conflicts(conn, QuarantinedEvent, ["terminal_id", "event_id"]),
                     rows)


def _storable(raw: Any) -> Any:
    """The event as received, unless it holds what the database cannot (a NUL, a number
    beyond 64 bits): then a copy with those values made harmless, so that quarantining
    the poison event cannot fail the batch either."""
    return raw if find_poison(raw) is None else storable(raw)


def _raw_kind(raw: Any) -> str:
    kind = raw.get("kind") if isinstance(raw, dict) else None
    return storable(kind[:40]) if isinstance(kind, str) else ""


# Channel-order moves from tills (kind channel_order.transition); imported last because
# cloud.channel logs through cloud.changes, which imports this module.
from cloud import channel_ingest  # noqa: E402
from cloud import projections  # noqa: E402  (every other kind: cloud/projections_*.py)
from cloud import transfers  # noqa: E402  (transfer.sent / transfer.received)
