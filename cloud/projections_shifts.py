"""Shifts: opened with a float, cash moved in and out, closed with the Z figures per tender."""
from __future__ import annotations

from sqlalchemy import update

from cloud.event_schema import ValidEvent
from cloud.ingest import insert_ignoring_conflicts
from cloud.models_ledgers import Shift, ShiftCashMovement, ShiftTenderCount
from cloud.payloads_store import ShiftCashMovementV1, ShiftClosedV1, ShiftOpenedV1


def project_opened(p, event: ValidEvent) -> None:
    shift: ShiftOpenedV1 = event.payload
    p.conn.execute(insert_ignoring_conflicts(p.conn, Shift, ["id"]), dict(
        id=shift.shift_id, merchant_id=p.merchant_id, store_id=p.store_id,
        terminal_id=p.principal.terminal_id, seq=shift.seq, cashier=shift.cashier,
        opening_float_fen=shift.opening_float_fen, opened_at=event.envelope.created_at,
        closed_at=None, closed_by=None, over_short_fen=None, report=None))


def project_cash_movement(p, event: ValidEvent) -> None:
    move: ShiftCashMovementV1 = event.payload
    p.conn.execute(insert_ignoring_conflicts(p.conn, ShiftCashMovement, ["id"]), dict(
        id=move.movement_id, shift_id=move.shift_id, kind=move.kind, amount_fen=move.amount_fen,
        reason=move.reason, actor=move.actor, approver=move.approver,
        created_at=event.envelope.created_at))


def project_closed(p, event: ValidEvent) -> None:
    closed: ShiftClosedV1 = event.payload
    report = closed.report
    p.conn.execute(update(Shift).where(Shift.id == closed.shift_id,
                                       Shift.merchant_id == p.merchant_id)
                   .values(closed_at=event.envelope.created_at, closed_by=closed.closed_by,
                           over_short_fen=report.over_short_fen,
                           report=report.model_dump(mode="json")))
    rows = [dict(shift_id=closed.shift_id, tender=t.tender, expected_fen=t.expected_fen,
                 counted_fen=t.counted_fen, difference_fen=t.difference_fen)
            for t in report.tenders]
    if rows:
        p.conn.execute(insert_ignoring_conflicts(p.conn, ShiftTenderCount, ["shift_id", "tender"]),
                       rows)


PROJECTORS = {
    "shift.opened": project_opened,
    "shift.cash_movement": project_cash_movement,
    "shift.closed": project_closed,
}
