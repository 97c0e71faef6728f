"""The member and salesperson part of a sale receipt: member, level, points earned and
balance, stored-value balance, the salesperson and their binding QR code (扫码绑定导购)."""
from __future__ import annotations

from collections import Counter
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from app.db.models_members import Member, MemberLevel, PointsMove, SalesCredit, Salesperson
from app.domain.receipt import Block, QRBlock, TextLine
from app.services.members.points import points_balance
from app.services.members.salespeople import binding_qr
from app.services.members.stored_value import sv_balance


def member_receipt_blocks(s: Session, sale_id: str, now: datetime) -> list[Block]:
    """Blocks to print after the payments; empty for a sale without member or salesperson."""
    credits = s.scalars(select(SalesCredit).where(SalesCredit.sale_id == sale_id,
                                                  SalesCredit.refund_id.is_(None))).all()
    blocks: list[Block] = []
    member_id = next((c.member_id for c in credits if c.member_id), None)
    if member_id:
        blocks.extend(_member_lines(s, member_id, sale_id, now))
    people = Counter(c.salesperson_id for c in credits if c.salesperson_id)
    if people:
        person = s.get(Salesperson, people.most_common(1)[0][0])
        blocks.append(TextLine(f"导购: {person.name} ({person.code})"))
        blocks.append(TextLine("扫码添加专属导购", align="center"))
        blocks.append(QRBlock(binding_qr(person.code), size=5))
    return blocks


def _member_lines(s: Session, member_id: str, sale_id: str, now: datetime) -> list[Block]:
    member = s.get(Member, member_id)
    level = s.get(MemberLevel, member.level_id)
    earned = sum(s.scalars(select(PointsMove.points).where(PointsMove.ref_id == sale_id,
                                                           PointsMove.kind == "earn")))
    points = points_balance(s, member_id, now).available
    stored = sv_balance(s, member_id)
    lines = [TextLine(f"会员: {member.name} {member.phone[:3]}****{member.phone[-4:]} {level.name}"),
             TextLine(f"本单积分: +{earned}  积分余额: {points:,}")]
    if stored.total.fen:
        lines.append(TextLine(f"储值余额: {stored.total.format()} (本金 {stored.principal.format()} "
                              f"赠送 {stored.bonus.format()})"))
    return lines
