"""Member points: an append-only ledger, never a bare balance.

Earned points come in lots that expire; spending and expiry take from the lots that
expire first. The points still sitting in lots past their expiry are not available,
and ``expire_due`` writes them off as an "expire" movement.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_FLOOR, Decimal
from typing import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models_members import PointsMove
from app.domain.ids import new_id
from app.services.errors import InvalidInput
from app.services.members.program import ProgramSettings
from app.sync.outbox import add_event

NEVER = datetime.max


@dataclass(frozen=True, slots=True)
class PointsBalance:
    total: int  # sum of the ledger
    available: int  # what the member can spend now
    due_to_expire: int  # in lots already past expiry, not yet written off


def balance_of(moves: Iterable[tuple[int, datetime | None]], now: datetime) -> PointsBalance:
    """Balance from (points, expires_at) movements: debits consume the soonest-expiring lots."""
    lots, debit, total = [], 0, 0
    for points, expires_at in moves:
        total += points
        if points > 0:
            lots.append((expires_at.replace(tzinfo=None) if expires_at else NEVER, points))
        else:
            debit -= points
    lots.sort(key=lambda lot: lot[0])
    due = 0
    cutoff = now.replace(tzinfo=None)
    for expires, points in lots:
        used = min(points, debit)
        debit -= used
        if expires <= cutoff:
            due += points - used
    return PointsBalance(total, total - due, due)


def points_balance(s: Session, member_id: str, now: datetime) -> PointsBalance:
    rows = s.execute(select(PointsMove.points, PointsMove.expires_at)
                     .where(PointsMove.member_id == member_id)).all()
    return balance_of(((r.points, r.expires_at) for r in rows), now)


def points_earned(eligible_fen: int, settings: ProgramSettings, level_multiplier_pct: int,
                  birthday_month: bool) -> int:
    """Points for an amount paid: per whole yuan, times level and birthday multipliers, floored."""
    if eligible_fen <= 0:
        return 0
    birthday_pct = settings.birthday_multiplier_pct if birthday_month else 100
    points = (Decimal(eligible_fen) / 100 * settings.points_per_yuan
              * level_multiplier_pct / 100 * birthday_pct / 100)
    return int(points.to_integral_value(rounding=ROUND_FLOOR))


def points_for_fen(fen: int, settings: ProgramSettings) -> int:
    points, rest = divmod(fen * settings.redeem_points_per_yuan, 100)
    if rest:
        raise InvalidInput("Points pay whole steps of {step}: change the amount.",
                           step=f"¥{Decimal(100) / settings.redeem_points_per_yuan:.2f}")
    return points


def fen_for_points(points: int, settings: ProgramSettings) -> int:
    return points * 100 // settings.redeem_points_per_yuan


def max_redeem_fen(order_total_fen: int, available: int, settings: ProgramSettings) -> int:
    """Most of this order points may pay: 0 under the minimum order, else capped."""
    if order_total_fen < settings.redeem_min_order_fen or available <= 0:
        return 0
    cap = order_total_fen * settings.redeem_cap_bp // 10000
    by_balance = fen_for_points(available, settings)
    fen = min(cap, by_balance)
    # whole redeem steps only, so the points for it are an integer
    step = 100 // _gcd(100, settings.redeem_points_per_yuan)
    return fen - fen % step


def _gcd(a: int, b: int) -> int:
    while b:
        a, b = b, a % b
    return a


def expiry_for(now: datetime, settings: ProgramSettings) -> datetime | None:
    return now + timedelta(days=settings.points_expiry_days) if settings.points_expiry_days else None


def add_points_move(s: Session, *, member_id: str, points: int, kind: str, store_id: str,
                    terminal_id: str | None, now: datetime, ref_type: str = "",
                    ref_id: str | None = None, expires_at: datetime | None = None,
                    offline: bool = False, overdraft: bool = False,
                    refund_id: str | None = None) -> PointsMove:
    """One ledger movement and its outbox event, in the caller's transaction."""
    move = PointsMove(id=new_id(), member_id=member_id, points=points, kind=kind,
                      ref_type=ref_type, ref_id=ref_id, refund_id=refund_id,
                      expires_at=expires_at, offline=offline, overdraft=overdraft,
                      store_id=store_id, terminal_id=terminal_id,
                      created_at=now)
    s.add(move)
    add_event(s, "member.points_moved", member_id,
              {"move_id": move.id, "member_id": member_id, "points": points, "kind": kind,
               "ref_type": ref_type, "ref_id": ref_id, "refund_id": refund_id,
               "offline": offline, "overdraft": overdraft,
               "expires_at": expires_at.isoformat() if expires_at else None,
               "store_id": store_id, "terminal_id": terminal_id}, now)
    return move


def expire_due(s: Session, member_id: str, store_id: str, terminal_id: str | None,
               now: datetime) -> int:
    """Write off points past their expiry; returns how many."""
    due = points_balance(s, member_id, now).due_to_expire
    if due:
        add_points_move(s, member_id=member_id, points=-due, kind="expire", store_id=store_id,
                        terminal_id=terminal_id, now=now)
    return due


def expire_all_due(sessions, store_id: str, terminal_id: str | None, now: datetime) -> int:
    """Daily job: write off every member's points past expiry; returns how many members.

    One transaction per member keeps each write short on a till that is selling."""
    with sessions() as s:
        member_ids = s.scalars(select(PointsMove.member_id).where(
            PointsMove.expires_at <= now, PointsMove.points > 0).distinct()).all()
    written = 0
    for member_id in member_ids:
        with sessions.begin() as s:
            written += 1 if expire_due(s, member_id, store_id, terminal_id, now) else 0
    return written
