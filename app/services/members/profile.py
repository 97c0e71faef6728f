"""The member profile the till shows: level, balances, coupons, tags, exclusive
salesperson, recent purchases."""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Sale
from app.db.models_members import Member, Salesperson, SalesCredit
from app.domain.clock import Clock
from app.domain.money import Money
from app.services.errors import NotFound
from app.services.members.coupons import CouponInfo, CouponService
from app.services.members.levels import LevelBenefits, level_of
from app.services.members.members import MemberSummary, summary
from app.services.members.points import PointsBalance, points_balance
from app.services.members.stored_value import StoredValueBalance, sv_balance
from app.sync.models_channel import ChannelOrder

RECENT_PURCHASES = 10


@dataclass(frozen=True, slots=True)
class Purchase:
    sale_id: str
    receipt_no: str
    completed_at: datetime
    total: Money
    channel: str = "store"  # "store" for till sales, else the online channel of the order
    status: str = ""        # channel orders: where the order stands


@dataclass(frozen=True, slots=True)
class MemberProfile:
    member: MemberSummary
    level: LevelBenefits
    birthday: date | None
    tags: tuple[str, ...]
    points: PointsBalance
    stored_value: StoredValueBalance
    coupons: tuple[CouponInfo, ...]
    salesperson_name: str
    recent: tuple[Purchase, ...]
    member_since: datetime


class ProfileService:
    def __init__(self, sessions: sessionmaker[Session], clock: Clock) -> None:
        self._sessions = sessions
        self._clock = clock
        self._coupons = CouponService(sessions, clock)

    def profile(self, member_id: str) -> MemberProfile:
        now = self._clock.now()
        with self._sessions() as s:
            member = s.get(Member, member_id)
            if member is None:
                raise NotFound("That member no longer exists on this till. Look the member up again.")
            person = s.get(Salesperson, member.salesperson_id) if member.salesperson_id else None
            result = MemberProfile(
                member=summary(s, member), level=level_of(s, member_id), birthday=member.birthday,
                tags=tuple(t for t in member.tags.split(",") if t),
                points=points_balance(s, member_id, now), stored_value=sv_balance(s, member_id),
                coupons=(), salesperson_name=person.name if person else "",
                recent=tuple(recent_purchases(s, member_id)), member_since=member.created_at)
        return replace(result, coupons=tuple(self._coupons.for_member(member_id)))


    def purchase_history(self, member_id: str, limit: int = 200) -> list[Purchase]:
        """The member's purchases, newest first (back office)."""
        with self._sessions() as s:
            return recent_purchases(s, member_id, limit)


def recent_purchases(s: Session, member_id: str, limit: int = RECENT_PURCHASES) -> list[Purchase]:
    """Till sales and the channel orders matched to this member at sync, newest first."""
    credited = select(SalesCredit.sale_id).where(SalesCredit.member_id == member_id).distinct()
    sales = s.scalars(select(Sale).where(or_(Sale.member_id == member_id, Sale.id.in_(credited)))
                      .order_by(Sale.completed_at.desc()).limit(limit)).all()
    orders = s.scalars(select(ChannelOrder).where(ChannelOrder.local_member_id == member_id)
                       .order_by(ChannelOrder.placed_at.desc()).limit(limit)).all()
    purchases = [Purchase(r.id, r.receipt_no, r.completed_at, Money(r.total_fen)) for r in sales]
    purchases += [Purchase(o.id, o.external_id, o.placed_at, Money(o.paid_fen), o.channel, o.status)
                  for o in orders]
    purchases.sort(key=lambda p: p.completed_at, reverse=True)
    return purchases[:limit]
