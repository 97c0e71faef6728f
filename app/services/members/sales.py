"""What a completed sale or return means for members and salespeople, written in the
caller's transaction: salesperson credit and commission per line, points earned,
level up; returns reverse the credit, the commission and the points of what comes back.

Checkout calls ``on_sale_completed`` after flushing the sale and its lines, and
``on_refund_completed`` after flushing a refund and its lines.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Mapping

from sqlalchemy import func, literal, select
from sqlalchemy.orm import Session, aliased

from app.db.models import Category, Product, Sale, SaleLine, Store
from app.db.models_checkout import Refund, RefundLine
from app.db.models_members import Member, MemberLevel, PointsMove, SalesCredit
from app.domain.clock import store_timezone, to_local
from app.domain.ids import new_id
from app.domain.money import allocate_largest_remainder
from app.services.members.commission import (
    CreditLine, commission_for, load_rules, pick_rule, reversal_for,
)
from app.services.members.levels import LevelBenefits, level_up_if_earned
from app.services.members.points import add_points_move, expiry_for, points_balance, points_earned
from app.services.members.program import ProgramSettings, load_program
from app.services.members.salespeople import credited_salesperson
from app.sync.outbox import add_event


@dataclass(frozen=True)
class SaleMemberOutcome:
    points_earned: int = 0
    commission_fen: int = 0
    credited: Mapping[str, str | None] = field(default_factory=dict)  # sale_line_id -> salesperson
    new_level: LevelBenefits | None = None


@dataclass(frozen=True)
class RefundMemberOutcome:
    points_reversed: int = 0
    commission_reversed_fen: int = 0


def on_sale_completed(session: Session, sale_id: str, now: datetime, *,
                      member_id: str | None = None, sale_salesperson_id: str | None = None,
                      line_salespeople: Mapping[str, str | None] | None = None,
                      non_earning_fen: int = 0) -> SaleMemberOutcome:
    """Credit and commission per line, points earned by the member, level up.

    ``non_earning_fen`` is what the sale paid with points and coupons: it earns no points.
    Calling twice for one sale does nothing the second time."""
    sale = session.get(Sale, sale_id)
    if session.scalar(select(SalesCredit.id).where(SalesCredit.sale_id == sale_id).limit(1)):
        return SaleMemberOutcome()
    member = session.get(Member, member_id) if member_id else None
    lines = session.scalars(select(SaleLine).where(SaleLine.sale_id == sale_id)
                            .order_by(SaleLine.line_no)).all()
    credit_lines = _credit_lines(session, lines)
    rules = load_rules(session)
    credited, total_commission, payload = {}, 0, []
    for line, credit in zip(lines, credit_lines):
        person = credited_salesperson((line_salespeople or {}).get(line.id), sale_salesperson_id,
                                      member.salesperson_id if member else None)
        rule = pick_rule(rules, credit, now) if person else None
        commission = commission_for(rule, credit)
        session.add(SalesCredit(
            id=new_id(), store_id=sale.store_id, sale_id=sale_id, sale_line_id=line.id,
            salesperson_id=person, member_id=member_id, quantity_milli=line.quantity_milli,
            amount_fen=line.amount_fen, commission_fen=commission,
            rule_id=rule.id if rule else None, business_date=sale.business_date, created_at=now))
        credited[line.id], total_commission = person, total_commission + commission
        payload.append({"sale_line_id": line.id, "salesperson_id": person,
                        "amount_fen": line.amount_fen, "commission_fen": commission})
    add_event(session, "sales_credit.recorded", sale_id,
              {"sale_id": sale_id, "member_id": member_id, "lines": payload}, now)
    points, new_level = 0, None
    if member is not None:
        settings = load_program(session, sale.store_id)
        points = _earn(session, sale, member, lines, credit_lines, non_earning_fen, settings, now)
        session.flush()
        new_level = level_up_if_earned(session, member.id, now)
    return SaleMemberOutcome(points, total_commission, credited, new_level)


def _earn(session: Session, sale: Sale, member: Member, lines, credit_lines,
          non_earning_fen: int, settings: ProgramSettings, now: datetime) -> int:
    amounts = [max(l.amount_fen, 0) for l in lines]
    not_earning = allocate_largest_remainder(min(non_earning_fen, sum(amounts)), amounts) \
        if sum(amounts) else [0] * len(lines)
    eligible = sum(a - n for a, n, c in zip(amounts, not_earning, credit_lines)
                   if not _excluded(c, settings))
    level = session.get(MemberLevel, member.level_id)
    tz = store_timezone(session.get(Store, sale.store_id).timezone)
    birthday_month = member.birthday is not None and member.birthday.month == to_local(now, tz).month
    points = points_earned(eligible, settings, level.points_multiplier_pct, birthday_month)
    if points:
        add_points_move(session, member_id=member.id, points=points, kind="earn",
                        store_id=sale.store_id, terminal_id=sale.terminal_id, now=now,
                        ref_type="sale", ref_id=sale.id, expires_at=expiry_for(now, settings))
    return points


def _excluded(line: CreditLine, settings: ProgramSettings) -> bool:
    return line.sku in settings.excluded_skus or any(
        code in settings.excluded_category_codes for code in line.category_codes)


def on_refund_completed(session: Session, refund_id: str, now: datetime) -> RefundMemberOutcome:
    """Reverse credit and commission of returned lines and the points the sale earned."""
    refund = session.get(Refund, refund_id)
    if refund is None or refund.sale_id is None:
        return RefundMemberOutcome()
    if session.scalar(select(SalesCredit.id).where(SalesCredit.refund_id == refund_id).limit(1)):
        return RefundMemberOutcome()
    if session.scalar(select(SalesCredit.id).where(SalesCredit.sale_id == refund.sale_id,
                                                   SalesCredit.refund_id.is_(None)).limit(1)) is None:
        return RefundMemberOutcome()  # a sale nobody was credited with: nothing to reverse
    reversed_commission, member_id, payload = 0, None, []
    for rline in session.scalars(select(RefundLine).where(RefundLine.refund_id == refund_id)):
        original = session.scalar(select(SalesCredit).where(
            SalesCredit.sale_line_id == rline.sale_line_id, SalesCredit.refund_id.is_(None)))
        if original is None:
            continue
        before = -(session.scalar(select(func.coalesce(func.sum(SalesCredit.amount_fen), 0)).where(
            SalesCredit.sale_line_id == rline.sale_line_id, SalesCredit.refund_id.is_not(None))) or 0)
        back = reversal_for(original.commission_fen, original.amount_fen, before, rline.amount_fen)
        session.add(SalesCredit(
            id=new_id(), store_id=refund.store_id, sale_id=refund.sale_id,
            sale_line_id=rline.sale_line_id, refund_id=refund_id, refund_line_id=rline.id,
            salesperson_id=original.salesperson_id, member_id=original.member_id,
            quantity_milli=-rline.quantity_milli, amount_fen=-rline.amount_fen,
            commission_fen=-back, rule_id=original.rule_id, business_date=refund.business_date,
            created_at=now))
        reversed_commission += back
        member_id = original.member_id
        payload.append({"sale_line_id": rline.sale_line_id, "refund_line_id": rline.id,
                        "salesperson_id": original.salesperson_id,
                        "amount_fen": -rline.amount_fen, "commission_fen": -back})
    add_event(session, "sales_credit.reversed", refund_id,
              {"refund_id": refund_id, "sale_id": refund.sale_id, "lines": payload}, now)
    points = _reverse_points(session, refund, member_id, now) if member_id else 0
    return RefundMemberOutcome(points, reversed_commission)


def _reverse_points(session: Session, refund: Refund, member_id: str, now: datetime) -> int:
    """Take back the returned share of the points the sale earned, as far as the balance goes."""
    sale = session.get(Sale, refund.sale_id)
    rows = session.execute(select(PointsMove.points, PointsMove.kind).where(
        PointsMove.ref_id == sale.id, PointsMove.kind.in_(("earn", "earn_back")))).all()
    earned = sum(p for p, k in rows if k == "earn")
    taken_back = -sum(p for p, k in rows if k == "earn_back")
    returned = -(session.scalar(select(func.coalesce(func.sum(SalesCredit.amount_fen), 0)).where(
        SalesCredit.sale_id == sale.id, SalesCredit.refund_id.is_not(None))) or 0)
    sold = session.scalar(select(func.coalesce(func.sum(SaleLine.amount_fen), 0))
                          .where(SaleLine.sale_id == sale.id)) or 0
    if earned <= 0 or sold <= 0:
        return 0
    due = int(Decimal(earned) * min(returned, sold) / sold) - taken_back
    # never below zero: points already spent stay spent (the cloud may settle the rest)
    points = min(due, max(points_balance(session, member_id, now).available, 0))
    if points > 0:
        add_points_move(session, member_id=member_id, points=-points, kind="earn_back",
                        store_id=refund.store_id, terminal_id=refund.terminal_id, now=now,
                        ref_type="sale", ref_id=sale.id, refund_id=refund.id)
    return max(points, 0)


def _credit_lines(session: Session, lines) -> list[CreditLine]:
    product_ids = {l.product_id for l in lines}
    categories = dict(session.execute(select(Product.id, Product.category_id)
                                      .where(Product.id.in_(product_ids))).all())
    chains = _chains(session, {c for c in categories.values() if c})
    return [CreditLine(l.sku_code, chains.get(categories.get(l.product_id), ()),
                       l.amount_fen, l.quantity_milli, l.is_weighed) for l in lines]


def _chains(session: Session, category_ids: set[str]) -> dict[str, tuple[str, ...]]:
    """Codes of each category and its ancestors, in one query (a rule on 饮料 reaches
    饮料/碳酸饮料). The depth bound keeps a corrupt cycle from hanging the till."""
    if not category_ids:
        return {}
    tree = (select(Category.id.label("start"), Category.id, Category.parent_id, Category.code,
                   literal(0).label("depth"))
            .where(Category.id.in_(category_ids)).cte("tree", recursive=True))
    parent = aliased(Category)
    tree = tree.union_all(
        select(tree.c.start, parent.id, parent.parent_id, parent.code, tree.c.depth + 1)
        .join(parent, parent.id == tree.c.parent_id).where(tree.c.depth < 20))
    chains: dict[str, list[str]] = {}
    rows = session.execute(select(tree.c.start, tree.c.code).order_by(tree.c.start, tree.c.depth))
    for start, code in rows:
        chains.setdefault(start, []).append(code)
    return {k: tuple(v) for k, v in chains.items()}


