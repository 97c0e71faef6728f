"""Demo members: levels, top-up rules, salespeople for the demo staff, commission rules,
and a handful of members with points, stored value, coupons and exclusive salespeople.

``load_demo_members(conn, store_id, now)`` runs inside the demo loader's transaction.
"""
from __future__ import annotations

from datetime import date, datetime, timedelta

import pyotp
from sqlalchemy import select
from sqlalchemy.engine import Connection
from sqlalchemy.orm import Session

from app.db.models import Product, User
from app.db.models_members import (
    CommissionRule, Member, MemberLevel, ProductTierPrice, Salesperson, TopUpRule,
)
from app.domain.ids import new_id
from app.services.members.coupons import CouponSpec, issue_in_session
from app.services.members.points import add_points_move, expiry_for
from app.services.members.program import ProgramSettings
from app.services.members.salespeople import bind_in_session
from app.services.members.stored_value import add_sv_move

LEVELS = [  # code, name, rank, price tier, discount_bp, points %, upgrade by spend, by top-up
    ("MEMBER", "普通会员", 1, "member", 10000, 100, None, None),
    ("SILVER", "银卡会员", 2, "member", 9800, 120, 100_000, 50_000),
    ("GOLD", "金卡会员", 3, "gold", 9500, 150, 500_000, 200_000),
]
# 金卡价: the gold tier's own prices, below the plain member price (sku -> fen)
GOLD_TIER_PRICES = {"D00003": 300, "D00006": 300, "D00018": 720, "D00036": 3990}
TOPUP_RULES = [("充200送20", 20_000, 2_000), ("充500送80", 50_000, 8_000), ("充1000送200", 100_000, 20_000)]
# phone, name, birthday, level, points, principal, bonus, salesperson user code, tags
MEMBERS = [
    ("13800001234", "陈静", date(1990, 11, 3), "GOLD", 12_800, 30_000, 6_000, "1001", "常客,母婴"),
    ("13900001234", "陈伟", date(1985, 4, 18), "SILVER", 3_500, 5_000, 500, "1002", "数码"),
    ("13700005678", "刘洋", date(1995, 7, 9), "MEMBER", 860, 0, 0, "1001", ""),
    ("15800002468", "赵敏", date(1988, 1, 22), "SILVER", 5_200, 20_000, 2_000, None, "服装"),
    ("18600001357", "孙悦", None, "MEMBER", 0, 0, 0, None, "新客"),
    ("13600009999", "周杰", date(1979, 12, 30), "GOLD", 25_000, 100_000, 20_000, "9001", "大客户"),
]
DEMO_CARD_BASE = 6_100_000_000


def load_demo_members(conn: Connection, store_id: str, now: datetime) -> int:
    """Load the demo member programme into the demo store; returns the number of members."""
    session = Session(bind=conn)
    try:
        levels = _levels(session)
        _gold_prices(session, now)
        session.add_all(TopUpRule(id=new_id(), name=name, threshold_fen=t, bonus_fen=b,
                                  repeatable=False, active=True) for name, t, b in TOPUP_RULES)
        people = _salespeople(session, store_id, now)
        _commission_rules(session, now)
        session.flush()
        for i, row in enumerate(MEMBERS):
            _member(session, store_id, now, levels, people, i, *row)
        session.flush()
    finally:
        session.close()
    return len(MEMBERS)


def _levels(session: Session) -> dict[str, str]:
    ids = {}
    for code, name, rank, tier, discount, pct, spend, topup in LEVELS:
        ids[code] = new_id()
        session.add(MemberLevel(id=ids[code], code=code, name=name, rank=rank, price_tier=tier,
                                discount_bp=discount, points_multiplier_pct=pct,
                                upgrade_spend_fen=spend, upgrade_topup_fen=topup))
    return ids


def _gold_prices(session: Session, now: datetime) -> None:
    products = session.execute(select(Product.sku_code, Product.id)
                               .where(Product.sku_code.in_(GOLD_TIER_PRICES))).all()
    session.add_all(ProductTierPrice(product_id=pid, tier="gold", price_fen=GOLD_TIER_PRICES[sku],
                                     updated_at=now) for sku, pid in products)


def _salespeople(session: Session, store_id: str, now: datetime) -> dict[str, str]:
    """Every demo staff member sells too: code SP<user code>, badge 2900<user code>."""
    users = session.scalars(select(User).where(User.store_id == store_id).order_by(User.code)).all()
    ids = {}
    for user in users:
        ids[user.code] = new_id()
        session.add(Salesperson(id=ids[user.code], user_id=user.id, code=f"SP{user.code}",
                                badge=f"2900{user.code}", name=user.name, active=True,
                                created_at=now))
    return ids


def _commission_rules(session: Session, now: datetime) -> None:
    session.add_all([
        CommissionRule(id=new_id(), name="全场 1%", kind="percent", rate_bp=100, scope="all",
                       active=True, updated_at=now),
        CommissionRule(id=new_id(), name="服装 5%", kind="percent", rate_bp=500, scope="category",
                       scope_ref="服装", active=True, updated_at=now),
    ])


def _member(session: Session, store_id: str, now: datetime, levels: dict, people: dict, i: int,
            phone: str, name: str, birthday: date | None, level: str, points: int,
            principal: int, bonus: int, seller: str | None, tags: str) -> None:
    recruiter = people.get(seller) if seller else None
    member = Member(id=new_id(), store_id=store_id, phone=phone, phone_last4=phone[-4:],
                    card_no=str(DEMO_CARD_BASE + i + 1), name=name, birthday=birthday,
                    level_id=levels[level], code_secret=pyotp.random_base32(), tags=tags,
                    consent_at=now, recruited_by_id=recruiter,
                    created_at=now - timedelta(days=30 * (i + 1)), updated_at=now)
    session.add(member)
    session.flush()
    if recruiter:
        bind_in_session(session, store_id, member, recruiter, "registration", None,
                        member.created_at, allowed=True)
    moves = dict(store_id=store_id, terminal_id=None, now=now, ref_type="opening")
    if points:
        add_points_move(session, member_id=member.id, points=points, kind="adjust",
                        expires_at=expiry_for(now, ProgramSettings()), **moves)
    if principal or bonus:
        add_sv_move(session, member_id=member.id, principal_fen=principal, bonus_fen=bonus,
                    kind="topup", tender="cash", **moves)
    issue_in_session(session, member.id, CouponSpec("满100减10", "cash_off", 1000, now - timedelta(days=1),
                                                    now + timedelta(days=30), threshold_fen=10000), now)
    if i % 2 == 0:
        issue_in_session(session, member.id, CouponSpec("服装9折", "percent_off", 1000,
                                                        now - timedelta(days=1), now + timedelta(days=60),
                                                        scope="category", scope_ref="服装"), now)



