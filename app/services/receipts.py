"""Receipts of committed sales: built from the stored sale, printed after the commit.

A printer problem never touches the sale: the sale is already committed, the
cashier sees why printing failed and reprints.
"""
from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Protocol

from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Sale, User
from app.domain.clock import to_local
from app.domain.money import Money
from app.domain.quantity import Quantity
from app.domain.receipt import ReceiptDocument, ReceiptLine, SaleReceipt, build_sale_receipt
from app.services.context import TerminalContext
from app.services.errors import NotFound

log = logging.getLogger(__name__)
TENDER_NAMES = {"cash": "现金"}


class Printer(Protocol):
    columns: int

    def print_document(self, doc: ReceiptDocument) -> None: ...


@dataclass(frozen=True, slots=True)
class PrintOutcome:
    ok: bool
    error: str = ""


class ReceiptService:
    def __init__(self, sessions: sessionmaker[Session], context: TerminalContext,
                 printer: Printer) -> None:
        self._sessions = sessions
        self._ctx = context
        self.printer = printer
        self.last_sale_id: str | None = None

    def receipt(self, sale_id: str, copy: bool = False) -> SaleReceipt:
        with self._sessions() as s:
            sale = s.get(Sale, sale_id)
            if sale is None:
                raise NotFound("That sale is not in this till's database.")
            cashier = s.get(User, sale.cashier_id)
            return _sale_receipt(sale, cashier.name if cashier else "", self._ctx, copy)

    def document(self, sale_id: str, copy: bool = False) -> ReceiptDocument:
        return build_sale_receipt(self.receipt(sale_id, copy), self.printer.columns)

    def print_sale(self, sale_id: str, copy: bool = False) -> PrintOutcome:
        self.last_sale_id = sale_id
        try:
            self.printer.print_document(self.document(sale_id, copy))
        except Exception as exc:  # any device failure: report, never lose the sale
            log.warning("receipt of sale %s not printed: %s", sale_id, exc)
            return PrintOutcome(False, str(exc))
        return PrintOutcome(True)


def _sale_receipt(sale: Sale, cashier: str, ctx: TerminalContext, copy: bool) -> SaleReceipt:
    lines = tuple(
        ReceiptLine(
            name=line.name,
            quantity=Quantity(line.quantity_milli).format() + ("kg" if line.is_weighed else ""),
            unit_price=Money(line.unit_price_fen), amount=Money(line.amount_fen),
        )
        for line in sale.lines
    )
    tax: dict[int, int] = {}
    for line in sale.lines:
        tax[line.tax_rate_bp] = tax.get(line.tax_rate_bp, 0) + line.tax_fen
    tenders = tuple((TENDER_NAMES.get(p.tender, p.tender), Money(p.amount_fen))
                    for p in sale.payments)
    return SaleReceipt(
        store_name=ctx.store_name, store_address=ctx.store_address, store_phone=ctx.store_phone,
        receipt_no=sale.receipt_no,
        local_time=to_local(sale.completed_at, ctx.tz).strftime("%Y-%m-%d %H:%M:%S"),
        cashier=cashier, terminal=ctx.terminal_code, lines=lines, piece_count=sale.piece_count,
        total=Money(sale.total_fen),
        tax_by_rate=tuple((rate, Money(fen)) for rate, fen in sorted(tax.items())),
        tenders=tenders, tendered=Money(sale.paid_fen), change=Money(sale.change_fen), copy=copy,
    )
