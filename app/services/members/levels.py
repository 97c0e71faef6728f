"""Member levels: price tier, level discount, points multiplier; level up by spend or top-up.

Levels only go up by themselves; a manager may set any level (members.edit).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from app.db.models_members import Member, MemberLevel, SalesCredit
from app.domain.ids import new_id
from app.services.errors import NotFound
from app.sync.outbox import add_event


@dataclass(frozen=True, slots=True)
class LevelBenefits:
    """What a level gives. ``price_tier`` is the PriceContext.member_level to price with
    (the price.price_type of the level's member prices, e.g. "member")."""

    id: str
    code: str
    name: str
    rank: int
    price_tier: str
    discount_bp: int
    points_multiplier_pct: int
    upgrade_spend_fen: int | None
    upgrade_topup_fen: int | None


def benefits(level: MemberLevel) -> LevelBenefits:
    return LevelBenefits(level.id, level.code, level.name, level.rank, level.price_tier,
                         level.discount_bp, level.points_multiplier_pct, level.upgrade_spend_fen,
                         level.upgrade_topup_fen)


def all_levels(session: Session) -> list[LevelBenefits]:
    return [benefits(l) for l in session.scalars(select(MemberLevel).order_by(MemberLevel.rank))]


def entry_level(session: Session) -> MemberLevel:
    """The lowest level; a shop without published levels gets a plain one on first use."""
    level = session.scalar(select(MemberLevel).order_by(MemberLevel.rank).limit(1))
    if level is None:
        level = MemberLevel(id=new_id(), code="MEMBER", name="普通会员", rank=1,
                            price_tier="member", discount_bp=10000, points_multiplier_pct=100)
        session.add(level)
        session.flush()
    return level


def level_of(session: Session, member_id: str) -> LevelBenefits:
    member = session.get(Member, member_id)
    if member is None:
        raise NotFound("That member no longer exists on this till. Look the member up again.")
    return benefits(session.get(MemberLevel, member.level_id))


def earned_level(levels: Sequence[LevelBenefits], current_rank: int, lifetime_spend_fen: int,
                 single_topup_fen: int = 0) -> LevelBenefits | None:
    """The highest level above ``current_rank`` the member qualifies for, or None."""
    best = None
    for level in levels:
        if level.rank <= current_rank:
            continue
        by_spend = level.upgrade_spend_fen is not None and lifetime_spend_fen >= level.upgrade_spend_fen
        by_topup = level.upgrade_topup_fen is not None and single_topup_fen >= level.upgrade_topup_fen
        if (by_spend or by_topup) and (best is None or level.rank > best.rank):
            best = level
    return best


def lifetime_spend_fen(session: Session, member_id: str) -> int:
    """Net spend: sold lines minus returned lines credited to the member."""
    return session.scalar(select(func.coalesce(func.sum(SalesCredit.amount_fen), 0))
                          .where(SalesCredit.member_id == member_id)) or 0


def level_up_if_earned(session: Session, member_id: str, now: datetime,
                       single_topup_fen: int = 0) -> LevelBenefits | None:
    """Raise the member's level when spend or this top-up earns it; returns the new level."""
    member = session.get(Member, member_id)
    current = session.get(MemberLevel, member.level_id)
    higher = [l for l in all_levels(session) if l.rank > current.rank]
    if not higher:
        return None  # already at the top: spare the till the spend sum
    new = earned_level(higher, current.rank, lifetime_spend_fen(session, member_id), single_topup_fen)
    if new is None:
        return None
    member.level_id, member.updated_at = new.id, now
    add_event(session, "member.level_changed", member_id,
              {"member_id": member_id, "from": current.code, "to": new.code,
               "reason": "topup" if single_topup_fen else "spend"}, now)
    return new
