"""Points, stored value and coupons as tenders of a sale.

``authorize_*`` checks a tender against the ledgers and the programme (read only, so the
cashier learns at once); ``capture`` writes it in the caller's transaction (checkout's
sale commit), checking again there; ``refund_*`` gives back what a sale took when it is
returned. Every movement writes its outbox event in that same transaction.

Offline (``is_online()`` false) spending is capped per member per local day, and may go
past the local balance only by the configured overdraft, flagged on the movement.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Callable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_members import Member, PointsMove, StoredValueMove
from app.domain.clock import Clock, to_local
from app.domain.money import Money, allocate_largest_remainder
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotAllowed, NotFound, StateError
from app.services.members import coupons as coupon_rules
from app.services.members.points import (
    add_points_move, expiry_for, fen_for_points, max_redeem_fen, points_balance, points_for_fen,
)
from app.services.members.program import ProgramSettings, load_program
from app.services.members.stored_value import add_sv_move, split_payment, sv_balance

POINTS, STORED_VALUE, COUPON = "points", "stored_value", "coupon"


@dataclass(frozen=True, slots=True)
class TenderAuth:
    """A checked member tender, ready for ``capture``. ``reference`` suits Payment.reference."""

    kind: str
    member_id: str
    sale_id: str
    amount: Money
    points: int = 0
    coupon_id: str | None = None
    coupon_code: str = ""
    offline: bool = False
    overdraft: bool = False
    order_total: Money | None = None  # points: the order they were checked against

    @property
    def reference(self) -> str:
        if self.kind == POINTS:
            return f"points:{self.points}"
        if self.kind == COUPON:
            return self.coupon_code
        return f"member:{self.member_id}"


@dataclass(frozen=True, slots=True)
class PointsQuote:
    available_points: int
    max_amount: Money  # most this order may pay with points (0 under the minimum order)
    points_per_yuan: int


class MemberTenders:
    def __init__(self, sessions: sessionmaker[Session], context: TerminalContext, clock: Clock,
                 is_online: Callable[[], bool] = lambda: True) -> None:
        self._sessions = sessions
        self._ctx = context
        self._clock = clock
        self._is_online = is_online

    # --- points -------------------------------------------------------------
    def quote_points(self, member_id: str, order_total: Money) -> PointsQuote:
        now = self._clock.now()
        with self._sessions() as s:
            settings = load_program(s, self._ctx.store_id)
            available = points_balance(s, member_id, now).available
            return PointsQuote(available, Money(max_redeem_fen(order_total.fen, available, settings)),
                               settings.redeem_points_per_yuan)

    def authorize_points(self, member_id: str, amount: Money, sale_id: str,
                         order_total: Money) -> TenderAuth:
        with self._sessions() as s:
            return self._check_points(s, member_id, amount, sale_id, order_total)

    def _check_points(self, s: Session, member_id: str, amount: Money, sale_id: str,
                      order_total: Money) -> TenderAuth:
        now, online = self._clock.now(), self._is_online()
        settings = load_program(s, self._ctx.store_id)
        _member(s, member_id)
        if amount.fen <= 0:
            raise InvalidInput("Type how much to pay with points.")
        if order_total.fen < settings.redeem_min_order_fen:
            raise InvalidInput("Points pay only orders of {min} or more.",
                               min=Money(settings.redeem_min_order_fen).format())
        cap = order_total.fen * settings.redeem_cap_bp // 10000 - self._points_paid_fen(s, sale_id, settings)
        if amount.fen > cap:
            raise InvalidInput("Points can pay at most {cap} of this order.", cap=Money(max(cap, 0)).format())
        points = points_for_fen(amount.fen, settings)
        available = points_balance(s, member_id, now).available
        overdraft = False
        if not online:
            self._check_offline_cap(s, PointsMove, member_id, points,
                                    settings.offline_daily_points_cap, "points", now)
            overdraft = points > available
            if points - available > settings.offline_overdraft_points:
                raise _short_points(available, settings)
        elif points > available:
            raise _short_points(available, settings)
        return TenderAuth(POINTS, member_id, sale_id, amount, points=points, offline=not online,
                          overdraft=overdraft, order_total=order_total)

    def _points_paid_fen(self, s: Session, sale_id: str, settings: ProgramSettings) -> int:
        taken = s.scalar(select(func.coalesce(func.sum(PointsMove.points), 0)).where(
            PointsMove.ref_id == sale_id, PointsMove.kind == "redeem")) or 0
        return fen_for_points(-taken, settings)

    def refund_points(self, session: Session, sale_id: str, amount: Money, refund_id: str) -> int:
        """Give back the points a returned sale paid with, for ``amount``; returns points."""
        settings = load_program(session, self._ctx.store_id)
        rows = session.execute(select(PointsMove.member_id, PointsMove.points, PointsMove.kind)
                               .where(PointsMove.ref_id == sale_id,
                                      PointsMove.kind.in_(("redeem", "redeem_back")))).all()
        taken = -sum(r.points for r in rows if r.kind == "redeem")
        back = sum(r.points for r in rows if r.kind == "redeem_back")
        points = min(points_for_fen(amount.fen, settings), taken - back)
        if points <= 0:
            raise StateError("This sale has no points left to give back.")
        now = self._clock.now()
        add_points_move(session, member_id=rows[0].member_id, points=points, kind="redeem_back",
                        store_id=self._ctx.store_id, terminal_id=self._ctx.terminal_id, now=now,
                        ref_type="sale", ref_id=sale_id, refund_id=refund_id,
                        expires_at=expiry_for(now, settings))
        return points

    # --- stored value -------------------------------------------------------
    def authorize_stored_value(self, member_id: str, amount: Money, sale_id: str) -> TenderAuth:
        with self._sessions() as s:
            return self._check_stored_value(s, member_id, amount, sale_id)

    def _check_stored_value(self, s: Session, member_id: str, amount: Money,
                            sale_id: str) -> TenderAuth:
        now, online = self._clock.now(), self._is_online()
        settings = load_program(s, self._ctx.store_id)
        _member(s, member_id)
        if amount.fen <= 0:
            raise InvalidInput("Type how much to pay with stored value.")
        balance = sv_balance(s, member_id).total
        overdraft = False
        if not online:
            self._check_offline_cap(s, StoredValueMove, member_id, amount.fen,
                                    settings.offline_daily_stored_value_cap_fen, "stored value", now)
            overdraft = amount > balance
            if amount.fen - balance.fen > settings.offline_overdraft_fen:
                raise _short_stored_value(balance)
        elif amount > balance:
            raise _short_stored_value(balance)
        return TenderAuth(STORED_VALUE, member_id, sale_id, amount, offline=not online,
                          overdraft=overdraft)

    def refund_stored_value(self, session: Session, sale_id: str, amount: Money,
                            refund_id: str) -> tuple[Money, Money]:
        """Put back on the card what a returned sale took, principal and bonus as taken."""
        rows = session.execute(select(StoredValueMove).where(
            StoredValueMove.ref_id == sale_id, StoredValueMove.kind.in_(("pay", "pay_back")))).scalars().all()
        paid = [r for r in rows if r.kind == "pay"]
        taken_p, taken_b = -sum(r.principal_fen for r in paid), -sum(r.bonus_fen for r in paid)
        back_p = sum(r.principal_fen for r in rows if r.kind == "pay_back")
        back_b = sum(r.bonus_fen for r in rows if r.kind == "pay_back")
        total_back = min(back_p + back_b + amount.fen, taken_p + taken_b)
        if not paid or total_back <= back_p + back_b:
            raise StateError("This sale has no stored value left to give back.")
        # cumulative split, so several partial returns add up to exactly what was taken
        p_cum, b_cum = allocate_largest_remainder(total_back, [taken_p, taken_b])
        principal, bonus = p_cum - back_p, b_cum - back_b
        add_sv_move(session, member_id=paid[0].member_id, principal_fen=principal, bonus_fen=bonus,
                    kind="pay_back", store_id=self._ctx.store_id, terminal_id=self._ctx.terminal_id,
                    now=self._clock.now(), ref_type="sale", ref_id=sale_id, refund_id=refund_id)
        return Money(principal), Money(bonus)

    # --- coupons ------------------------------------------------------------
    def authorize_coupon(self, code: str, member_id: str | None, sale_id: str,
                         lines: Sequence[coupon_rules.CouponLine]) -> TenderAuth:
        with self._sessions() as s:
            return self._check_coupon(s, code, member_id, sale_id, lines)

    def _check_coupon(self, s: Session, code: str, member_id: str | None, sale_id: str,
                      lines: Sequence[coupon_rules.CouponLine]) -> TenderAuth:
        coupon = coupon_rules.find_coupon(s, code)
        coupon_rules.check_usable(coupon, member_id, self._clock.now())
        off = coupon_rules.coupon_discount(coupon, lines)
        if off <= 0:
            raise InvalidInput("The coupon {code} needs {min} of goods it applies to.",
                               code=coupon.code, min=Money(max(coupon.threshold_fen, 1)).format())
        return TenderAuth(COUPON, coupon.member_id, sale_id, Money(off), coupon_id=coupon.id,
                          coupon_code=coupon.code)

    # --- capture ------------------------------------------------------------
    def capture(self, session: Session, auth: TenderAuth, order_total: Money | None = None,
                lines: Sequence[coupon_rules.CouponLine] = ()) -> None:
        """Write the tender in the caller's transaction, checked again against the ledger there.

        ``order_total`` overrides the total points were authorized against (the cart changed);
        ``lines`` re-checks a coupon against the final lines."""
        now = self._clock.now()
        store, terminal = self._ctx.store_id, self._ctx.terminal_id
        if auth.kind == POINTS:
            checked = self._check_points(session, auth.member_id, auth.amount, auth.sale_id,
                                         order_total or auth.order_total or auth.amount)
            add_points_move(session, member_id=auth.member_id, points=-checked.points, kind="redeem",
                            store_id=store, terminal_id=terminal, now=now, ref_type="sale",
                            ref_id=auth.sale_id, offline=checked.offline, overdraft=checked.overdraft)
        elif auth.kind == STORED_VALUE:
            checked = self._check_stored_value(session, auth.member_id, auth.amount, auth.sale_id)
            bal = sv_balance(session, auth.member_id)
            principal, bonus = split_payment(auth.amount.fen, bal.principal.fen, bal.bonus.fen)
            add_sv_move(session, member_id=auth.member_id, principal_fen=-principal,
                        bonus_fen=-bonus, kind="pay", store_id=store, terminal_id=terminal,
                        now=now, ref_type="sale", ref_id=auth.sale_id, offline=checked.offline,
                        overdraft=checked.overdraft)
        elif auth.kind == COUPON:
            checked = self._check_coupon(session, auth.coupon_code, None, auth.sale_id,
                                         lines) if lines else auth
            coupon = coupon_rules.find_coupon(session, auth.coupon_code)
            coupon_rules.redeem_in_session(session, coupon, auth.sale_id, checked.amount.fen,
                                           terminal, now)
        else:
            raise ValueError(f"unknown member tender {auth.kind!r}")
        session.flush()

    # --- offline caps -------------------------------------------------------
    def _check_offline_cap(self, s: Session, table, member_id: str, amount: int, cap: int,
                           what: str, now: datetime) -> None:
        start, end = self._local_day(now)
        value = table.points if table is PointsMove else table.principal_fen + table.bonus_fen
        spent = -(s.scalar(select(func.coalesce(func.sum(value), 0)).where(
            table.member_id == member_id, table.offline.is_(True),
            table.kind.in_(("redeem", "pay")), table.created_at >= start,
            table.created_at < end)) or 0)
        if spent + amount > cap:
            left = max(cap - spent, 0)
            shown = str(left) if table is PointsMove else Money(left).format()
            raise NotAllowed("The till is offline: this member can spend only {left} more {what} "
                             "today. Take another tender.", left=shown, what=what)

    def _local_day(self, now: datetime) -> tuple[datetime, datetime]:
        local = to_local(now, self._ctx.tz)
        start = datetime.combine(local.date(), time(0), tzinfo=self._ctx.tz)
        return start, start + timedelta(days=1)


def _member(s: Session, member_id: str) -> Member:
    member = s.get(Member, member_id)
    if member is None or not member.active:
        raise NotFound("That member no longer exists on this till. Look the member up again.")
    return member


def _short_points(available: int, settings: ProgramSettings) -> InvalidInput:
    return InvalidInput("The member has only {points} points, worth {worth}.", points=available,
                        worth=Money(fen_for_points(max(available, 0), settings)).format())


def _short_stored_value(balance: Money) -> InvalidInput:
    return InvalidInput("The stored-value balance is only {balance}. Pay the rest another way.",
                        balance=balance.format())
