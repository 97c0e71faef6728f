"""Points, stored value and sales credit: append-only ledgers across all stores.

Points and stored-value moves are keyed by the till's move id (a replay or a copy
inside one batch changes nothing) and logged for the other tills, so a member's
balance at store B includes what was earned at store A.
"""
from __future__ import annotations

from sqlalchemy import select

from cloud import changes_members as log
from cloud.event_schema import ValidEvent
from cloud.models_ledgers import PointsMove, SalesCredit, StoredValueMove
from cloud.payloads_members import (
    PointsMovedV1, SalesCreditRecordedV1, SalesCreditReversedV1, StoredValueMovedV1,
)


def _where(p, event: ValidEvent) -> dict:
    return dict(merchant_id=p.merchant_id, store_id=p.store_id,
                terminal_id=p.principal.terminal_id, event_id=event.envelope.id,
                created_at=event.envelope.created_at)


def _origin(p, event: ValidEvent) -> dict:
    return {"store": p.principal.store_code, "terminal": p.principal.terminal_code,
            "created_at": event.envelope.created_at.isoformat()}


def project_points(p, event: ValidEvent) -> None:
    move: PointsMovedV1 = event.payload
    fields = dict(member_id=move.member_id, points=move.points, kind=move.kind,
                  ref_type=move.ref_type, ref_id=move.ref_id, refund_id=move.refund_id,
                  offline=move.offline, overdraft=move.overdraft)
    p.append_once(PointsMove, dict(id=move.move_id, expires_at=move.expires_at,
                                   **fields, **_where(p, event)))
    p.log.put(log.POINTS_MOVE, move.move_id, {
        "id": move.move_id, **fields,
        "expires_at": move.expires_at.isoformat() if move.expires_at else None,
        **_origin(p, event)})


def project_stored_value(p, event: ValidEvent) -> None:
    move: StoredValueMovedV1 = event.payload
    fields = dict(member_id=move.member_id, principal_fen=move.principal_fen,
                  bonus_fen=move.bonus_fen, kind=move.kind, ref_type=move.ref_type,
                  ref_id=move.ref_id, refund_id=move.refund_id, tender=move.tender,
                  offline=move.offline, overdraft=move.overdraft)
    p.append_once(StoredValueMove, dict(id=move.move_id, by_user_id=move.by_user_id,
                                        **fields, **_where(p, event)))
    p.log.put(log.STORED_VALUE_MOVE, move.move_id, {"id": move.move_id, **fields,
                                                    **_origin(p, event)})


def project_credit(p, event: ValidEvent) -> None:
    """sales_credit.recorded (positive) and .reversed (negative amounts from the till)."""
    credit: SalesCreditRecordedV1 | SalesCreditReversedV1 = event.payload
    refund_id = getattr(credit, "refund_id", None)
    if isinstance(credit, SalesCreditRecordedV1):
        member_id = p.sale_members[credit.sale_id] = credit.member_id
    else:  # the till leaves the member out of a reversal: it is the sale's
        member_id = _member_of_sale(p, credit.sale_id)
    for line in credit.lines:
        p.append(SalesCredit, dict(
            merchant_id=p.merchant_id, store_id=p.store_id, event_id=event.envelope.id,
            sale_id=credit.sale_id, refund_id=refund_id, sale_line_id=line.sale_line_id,
            refund_line_id=line.refund_line_id, salesperson_id=line.salesperson_id,
            member_id=member_id, amount_fen=line.amount_fen, commission_fen=line.commission_fen,
            created_at=event.envelope.created_at))


def _member_of_sale(p, sale_id: str) -> str | None:
    if sale_id not in p.sale_members:
        p.sale_members[sale_id] = p.conn.scalar(
            select(SalesCredit.member_id).where(SalesCredit.sale_id == sale_id,
                                                SalesCredit.refund_id.is_(None)).limit(1))
    return p.sale_members[sale_id]


PROJECTORS = {
    "member.points_moved": project_points,
    "member.stored_value_moved": project_stored_value,
    "sales_credit.recorded": project_credit,
    "sales_credit.reversed": project_credit,
}
