"""Receipts of committed sales: built from the stored sale, printed after the commit.

A printer problem never touches the sale: the sale is already committed, the
cashier sees why printing failed and reprints.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Callable, Protocol

import json

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Sale, User
from app.db.models_checkout import Refund, RefundLine, RefundPayment, SaleLineDetail
from app.domain.clock import to_local
from app.domain.money import Money
from app.domain.quantity import Quantity, extend
from app.domain.receipt import (
    ReceiptDocument, ReceiptLine, RefundReceipt, SaleReceipt, TenderLine, build_refund_receipt,
    build_sale_receipt,
)
from app.services.context import TerminalContext
from app.services.errors import NotFound
from app.services.members.receipt import member_receipt_blocks
from app.services.members.tenders import COUPON
from app.services.tenders import tender_name

if TYPE_CHECKING:
    from app.services.print_queue import PrintQueue

log = logging.getLogger(__name__)


class Printer(Protocol):
    columns: int

    def print_document(self, doc: ReceiptDocument) -> None: ...


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    ok: bool
    error: str = ""
    job_id: str = ""  # the print-queue job, when printing is queued


class ReceiptService:
    def __init__(self, sessions: sessionmaker[Session], context: TerminalContext,
                 printer: Printer, queue: "PrintQueue | None" = None) -> None:
        self._sessions = sessions
        self._ctx = context
        self.printer = printer
        self.queue = queue  # with a queue, printing is stored first and sent in the background
        self.guard = None  # a CheckoutGuard where staff rules apply: reprints need REPRINT
        self.last_sale_id: str | None = None

    def receipt(self, sale_id: str, copy: bool = False) -> SaleReceipt:
        with self._sessions() as s:
            sale = s.get(Sale, sale_id)
            if sale is None:
                raise NotFound("That sale is not in this till's database.")
            cashier = s.get(User, sale.cashier_id)
            details = {d.sale_line_id: d for d in s.scalars(
                select(SaleLineDetail).where(SaleLineDetail.sale_id == sale_id))}
            receipt = _sale_receipt(sale, cashier.name if cashier else "", self._ctx, copy, details)
            # balances as of the sale, so a reprint tells the same story
            blocks = member_receipt_blocks(s, sale_id, sale.completed_at)
            return replace(receipt, member_blocks=tuple(blocks)) if blocks else receipt

    def sale_id_for(self, receipt_no: str) -> str:
        """A sale's id from its receipt number (reprint any receipt)."""
        with self._sessions() as s:
            sale_id = s.scalar(select(Sale.id).where(Sale.receipt_no == receipt_no.strip().upper()))
        if sale_id is None:
            raise NotFound("No sale has the receipt number {no}.", no=receipt_no)
        return sale_id

    def refund_receipt(self, refund_id: str, copy: bool = False) -> RefundReceipt:
        with self._sessions() as s:
            refund = s.get(Refund, refund_id)
            if refund is None:
                raise NotFound("That refund is not in this till's database.")
            cashier = s.get(User, refund.cashier_id)
            sale = s.get(Sale, refund.sale_id) if refund.sale_id else None
            lines = s.scalars(select(RefundLine).where(RefundLine.refund_id == refund_id)
                              .order_by(RefundLine.line_no)).all()
            pays = s.scalars(select(RefundPayment).where(RefundPayment.refund_id == refund_id)
                             .order_by(RefundPayment.line_no)).all()
            return _refund_receipt(refund, sale.receipt_no if sale else "",
                                   cashier.name if cashier else "", lines, pays, self._ctx, copy)

    def refund_document(self, refund_id: str, copy: bool = False) -> ReceiptDocument:
        return build_refund_receipt(self.refund_receipt(refund_id, copy), self.printer.columns)

    def print_refund(self, refund_id: str, copy: bool = False) -> PrintOutcome:
        if self.queue is not None:
            return self._enqueue(lambda: self.refund_document(refund_id, copy), "refund", refund_id)
        try:
            self.printer.print_document(self.refund_document(refund_id, copy))
        except Exception as exc:  # any device failure: report, never lose the refund
            log.warning("refund receipt %s not printed: %s", refund_id, exc)
            return PrintOutcome(False, str(exc))
        return PrintOutcome(True)

    def document(self, sale_id: str, copy: bool = False) -> ReceiptDocument:
        return build_sale_receipt(self.receipt(sale_id, copy), self.printer.columns)

    def reprint(self, sale_id: str, actor, approver=None) -> PrintOutcome:
        """A copy of a receipt (marked COPY); needs REPRINT where staff rules apply."""
        if self.guard is not None:
            self.guard.require(actor, "reprint", approver, sale_id)
        return self.print_sale(sale_id, copy=True)

    def print_sale(self, sale_id: str, copy: bool = False) -> PrintOutcome:
        self.last_sale_id = sale_id
        if self.queue is not None:
            return self._enqueue(lambda: self.document(sale_id, copy), "sale", sale_id)
        try:
            self.printer.print_document(self.document(sale_id, copy))
        except Exception as exc:  # any device failure: report, never lose the sale
            log.warning("receipt of sale %s not printed: %s", sale_id, exc)
            return PrintOutcome(False, str(exc))
        return PrintOutcome(True)

    def _enqueue(self, build: Callable[[], ReceiptDocument], kind: str, ref_id: str) -> PrintOutcome:
        try:
            return PrintOutcome(True, job_id=self.queue.enqueue(build(), kind, ref_id))
        except Exception as exc:  # the database refused the job: say so, the sale itself is committed
            log.error("%s receipt %s not queued: %s", kind, ref_id, exc)
            return PrintOutcome(False, str(exc))


def _quantity_text(quantity_milli: int, weighed: bool) -> str:
    return Quantity(quantity_milli).format() + ("kg" if weighed else "")


def _line_notes(detail: SaleLineDetail | None) -> tuple[str, ...]:
    """Item-level promotions and discounts on the line; order-level shares are summed
    below the lines instead, so the receipt stays short."""
    if detail is None:
        return ()
    notes = []
    for adj in json.loads(detail.adjustments):
        if adj["level"] == "item" and adj["amount_fen"]:
            notes.append(f"{adj['label']} {adj['detail']} {Money(adj['amount_fen']).plain()}"
                         .replace("  ", " "))
    return tuple(notes)


def _sale_receipt(sale: Sale, cashier: str, ctx: TerminalContext, copy: bool,
                  details: dict[str, SaleLineDetail] | None = None) -> SaleReceipt:
    details = details or {}
    lines, price_savings, promotion, manual, member = [], 0, 0, 0, 0
    tax: dict[int, int] = {}
    for line in sale.lines:
        detail = details.get(line.id)
        regular = Money(detail.regular_price_fen) if detail else None
        lines.append(ReceiptLine(
            name=line.name, quantity=_quantity_text(line.quantity_milli, line.is_weighed),
            unit_price=Money(line.unit_price_fen), amount=Money(line.amount_fen),
            regular_price=regular if detail and detail.price_source != "open" else None,
            notes=_line_notes(detail)))
        tax[line.tax_rate_bp] = tax.get(line.tax_rate_bp, 0) + line.tax_fen
        if detail is not None:
            if detail.price_source in ("member", "special"):
                price_savings += (extend(regular, Quantity(line.quantity_milli)).fen
                                  - detail.base_amount_fen)
            promotion -= detail.promotion_fen
            manual -= detail.manual_fen
            member -= detail.member_fen
    tenders = tuple(TenderLine(tender_name(p.tender), Money(p.amount_fen), p.reference)
                    for p in sale.payments)
    return SaleReceipt(
        store_name=ctx.store_name, store_address=ctx.store_address, store_phone=ctx.store_phone,
        receipt_no=sale.receipt_no,
        local_time=to_local(sale.completed_at, ctx.tz).strftime("%Y-%m-%d %H:%M:%S"),
        cashier=cashier, terminal=ctx.terminal_code, lines=tuple(lines),
        piece_count=sale.piece_count, total=Money(sale.total_fen),
        tax_by_rate=tuple((rate, Money(fen)) for rate, fen in sorted(tax.items())),
        tenders=tenders, tendered=Money(sale.paid_fen), change=Money(sale.change_fen), copy=copy,
        regular_total=Money(sale.subtotal_fen) if details else None,
        price_savings=Money(price_savings), promotion_savings=Money(promotion),
        manual_discount=Money(manual), rounding=Money(sale.rounding_fen),
        member_discount=Money(member),
    )


def _refund_receipt(refund: Refund, receipt_no: str, cashier: str, lines, pays,
                    ctx: TerminalContext, copy: bool) -> RefundReceipt:
    tax: dict[int, int] = {}
    for line in lines:
        tax[line.tax_rate_bp] = tax.get(line.tax_rate_bp, 0) + line.tax_fen
    return RefundReceipt(
        store_name=ctx.store_name, refund_no=refund.refund_no, original_receipt_no=receipt_no,
        local_time=to_local(refund.created_at, ctx.tz).strftime("%Y-%m-%d %H:%M:%S"),
        cashier=cashier, terminal=ctx.terminal_code,
        lines=tuple(ReceiptLine(l.name, _quantity_text(l.quantity_milli, l.is_weighed),
                                Money(l.unit_price_fen), Money(l.amount_fen)) for l in lines),
        total=Money(refund.total_fen),
        # a used coupon is spent: its share of the refund is not paid out
        tenders=tuple(TenderLine(tender_name(p.tender) + ("(待确认)" if p.status == "pending"
                                                          else "(不退回)" if p.tender == COUPON
                                                          else ""),
                                 Money(p.amount_fen), p.reference) for p in pays),
        tax_by_rate=tuple((rate, Money(fen)) for rate, fen in sorted(tax.items())),
        reason=refund.reason, store_address=ctx.store_address, store_phone=ctx.store_phone,
        copy=copy)
