"""Shared setup for the members tests (no tests here): a store with the demo member
programme, and sales/refunds written as checkout writes them."""
from __future__ import annotations

from dataclasses import dataclass

import pytest
from sqlalchemy import select

from app.db.models import Product, Sale, SaleLine, User
from app.db.models_checkout import Refund, RefundLine
from app.db.models_members import Member, Salesperson
from app.domain.ids import new_id
from app.services.auth import StaffMember
from app.services.context import TerminalContext, load_context
from app.services.members.coupons import CouponService
from app.services.members.demo import load_demo_members
from app.services.members.members import MemberService
from app.services.members.salespeople import SalespersonService
from app.services.members.stored_value import StoredValueService
from app.services.members.tenders import MemberTenders
from tests.factories import make_store


@dataclass
class Program:
    sessions: object
    clock: object
    ctx: TerminalContext
    ids: dict
    members: MemberService
    salespeople: SalespersonService
    stored_value: StoredValueService
    coupons: CouponService
    tenders: MemberTenders
    online: list

    def member_id(self, phone: str) -> str:
        with self.sessions() as s:
            return s.scalar(select(Member.id).where(Member.phone == phone))

    def salesperson_id(self, user_code: str) -> str:
        with self.sessions() as s:
            return s.scalar(select(Salesperson.id).join(User, User.id == Salesperson.user_id)
                            .where(User.code == user_code))


def build_program(engine, sessions, clock) -> Program:
    ids = make_store(engine, clock.now())
    with engine.begin() as conn:
        load_demo_members(conn, ids["store"], clock.now())
    ctx = load_context(sessions, "S001", "T01")
    online = [True]
    return Program(sessions, clock, ctx, ids, MemberService(sessions, ctx, clock),
                   SalespersonService(sessions, ctx, clock), StoredValueService(sessions, ctx, clock),
                   CouponService(sessions, clock),
                   MemberTenders(sessions, ctx, clock, is_online=lambda: online[0]), online)


@pytest.fixture
def program(engine, sessions, clock) -> Program:
    return build_program(engine, sessions, clock)


def write_sale(session, program: Program, items: list[tuple[str, int, int]], seq: int = 1) -> Sale:
    """A completed sale of (sku, quantity_milli, amount_fen) lines, as checkout records it."""
    now = program.clock.now()
    sale = Sale(id=new_id(), store_id=program.ctx.store_id, terminal_id=program.ctx.terminal_id,
                cashier_id=program.ids["cashier"], receipt_no=f"S001-T01-20261125-{seq:04d}",
                business_date="2026-11-25", seq=seq, subtotal_fen=0, total_fen=0, tax_fen=0,
                paid_fen=0, piece_count=0, started_at=now, completed_at=now)
    session.add(sale)
    session.flush()
    total = 0
    for no, (sku, qty, amount) in enumerate(items, start=1):
        product = session.scalar(select(Product).where(Product.sku_code == sku))
        session.add(SaleLine(id=new_id(), sale_id=sale.id, line_no=no, product_id=product.id,
                             sku_code=sku, name=product.name, unit=product.unit,
                             is_weighed=product.is_weighed, unit_price_fen=amount * 1000 // qty,
                             quantity_milli=qty, amount_fen=amount, tax_rate_bp=1300, tax_fen=0))
        total += amount
    sale.subtotal_fen = sale.total_fen = sale.paid_fen = total
    session.flush()
    return sale


def write_refund(session, program: Program, sale_id: str,
                 returns: list[tuple[str, int, int]], seq: int = 1) -> Refund:
    """A refund of (sale_line_id, quantity_milli, amount_fen), as checkout records it."""
    now = program.clock.now()
    refund = Refund(id=new_id(), store_id=program.ctx.store_id, terminal_id=program.ctx.terminal_id,
                    cashier_id=program.ids["cashier"], sale_id=sale_id,
                    refund_no=f"R-S001-T01-{seq:04d}-{new_id()[:8]}", business_date="2026-11-25",
                    seq=seq, total_fen=sum(a for _, _, a in returns), tax_fen=0, created_at=now)
    session.add(refund)
    session.flush()
    for no, (line_id, qty, amount) in enumerate(returns, start=1):
        line = session.get(SaleLine, line_id)
        session.add(RefundLine(id=new_id(), refund_id=refund.id, line_no=no, sale_line_id=line_id,
                               product_id=line.product_id, sku_code=line.sku_code, name=line.name,
                               unit_price_fen=line.unit_price_fen, quantity_milli=qty,
                               amount_fen=amount, tax_rate_bp=line.tax_rate_bp, tax_fen=0))
    session.flush()
    return refund


def cashier(program: Program) -> StaffMember:
    return StaffMember(program.ids["cashier"], "1001", "张丽", "cashier")
