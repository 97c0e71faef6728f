"""Returns: a new refund document linked to the sale, never an edit of it.

A line refunds what was actually paid for it (its share of promotions,
discounts and 抹零 is already in the stored line amount), in proportion to the
quantity returned; the last units returned take exactly what is left, so a line
never refunds more than it was sold for, however it is split. Stock comes back
through the ledger; the refund goes to the original tenders or in cash.

Member tenders always go back where they came from, whatever the cashier chooses for
the rest: points and stored value (principal and bonus as taken) return to the member's
ledgers; a coupon is spent (one use) and its share is not paid out. The salespeople's
commission and the points the sale earned are reversed for what comes back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Sequence

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Sale, StockMovement
from app.db.models_checkout import Refund, RefundLine, RefundPayment
from app.domain.barcode import clean_scan
from app.domain.cart import ProductSnapshot, tax_included
from app.domain.clock import Clock, to_local
from app.domain.ids import new_id
from app.domain.money import MONEY_ROUNDING, Money, allocate_largest_remainder
from app.domain.quantity import Quantity, extend
from app.services.auth import StaffMember
from app.services.checkout import next_seq
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotAllowed, NotFound, StateError
from app.services.members.sales import on_refund_completed
from app.services.members.tenders import COUPON, POINTS, STORED_VALUE, MemberTenders
from app.services.payments import PayStatus
from app.services.payments.attempts import MobilePayments
from app.services.tenders import MOBILE_TENDERS
from app.sync.outbox import add_event

REFUND_TO = ("original", "cash", "exchange")
MEMBER_TENDERS = (POINTS, STORED_VALUE, COUPON)


@dataclass(frozen=True, slots=True)
class ReturnableLine:
    sale_line_id: str
    line_no: int
    product_id: str
    sku_code: str
    name: str
    is_weighed: bool
    unit_price: Money
    sold: Quantity
    returned: Quantity
    amount: Money           # what the customer paid for the whole line
    refunded: Money
    tax_rate_bp: int

    @property
    def returnable(self) -> Quantity:
        return self.sold - self.returned


@dataclass(frozen=True, slots=True)
class SaleForReturn:
    sale_id: str
    receipt_no: str
    completed_at: datetime
    total: Money
    lines: tuple[ReturnableLine, ...]
    payments: tuple[tuple[str, str, Money, str], ...]   # (payment id, tender, amount, reference)

    def line(self, sale_line_id: str) -> ReturnableLine:
        for line in self.lines:
            if line.sale_line_id == sale_line_id:
                return line
        raise NotFound("That line is not on receipt {no}.", no=self.receipt_no)


@dataclass(frozen=True, slots=True)
class RefundDone:
    refund_id: str
    refund_no: str
    total: Money
    tenders: tuple[tuple[str, Money], ...]
    pending: tuple[str, ...] = ()   # wallets whose refund is not confirmed yet


@dataclass(frozen=True)
class ExchangeCredit:
    """Goods coming back in an exchange, checked but not yet written: their refund is
    written in the new sale's own transaction (``write_exchange``), so the return and the
    new sale are recorded together or not at all."""

    sale_id: str
    receipt_no: str
    items: tuple[tuple[str, Quantity], ...]
    cashier: StaffMember
    reason: str
    total: Money            # what the returned goods are worth (their paid share)
    credit: Money           # of it, what pays toward the new sale; points etc. go back
    returns: "ReturnsService" = field(compare=False, repr=False)

    def write(self, session: Session, new_sale_id: str, applied: Money) -> RefundDone:
        return self.returns.write_exchange(session, self, new_sale_id, applied)


def refund_amount(line: ReturnableLine, quantity: Quantity) -> Money:
    """The paid amount for ``quantity`` of the line; the rest of the line takes what is left."""
    left = line.amount - line.refunded
    if quantity >= line.returnable:
        return left
    share = (Decimal(line.amount.fen) * quantity.milli / line.sold.milli).quantize(
        Decimal(1), rounding=MONEY_ROUNDING)
    return Money(max(0, min(int(share), left.fen)))


class ReturnsService:
    def __init__(self, sessions: sessionmaker[Session], context: TerminalContext, clock: Clock,
                 payments: MobilePayments | None = None, guard=None,
                 members: MemberTenders | None = None) -> None:
        self.guard = guard  # a CheckoutGuard where staff rules apply (the app): refunds need them
        self._sessions = sessions
        self._ctx = context
        self._clock = clock
        self._payments = payments
        self._members = members or MemberTenders(sessions, context, clock)

    def find(self, receipt_text: str) -> SaleForReturn:
        """The sale by its receipt number, typed or scanned from the receipt's barcode."""
        receipt_no = clean_scan(receipt_text).upper()
        with self._sessions() as s:
            sale = s.scalar(select(Sale).where(Sale.receipt_no == receipt_no))
            if sale is None:
                raise NotFound("No sale has the receipt number {no}. Check the number, or scan "
                               "the barcode on the receipt.", no=receipt_no)
            return self._for_return(s, sale)

    def _for_return(self, s: Session, sale: Sale) -> SaleForReturn:
        returned = {row[0]: (row[1], row[2]) for row in s.execute(
            select(RefundLine.sale_line_id, func.sum(RefundLine.quantity_milli),
                   func.sum(RefundLine.amount_fen))
            .join(Refund, Refund.id == RefundLine.refund_id)
            .where(Refund.sale_id == sale.id).group_by(RefundLine.sale_line_id))}
        lines = tuple(ReturnableLine(
            l.id, l.line_no, l.product_id, l.sku_code, l.name, l.is_weighed,
            Money(l.unit_price_fen), Quantity(l.quantity_milli),
            Quantity(returned.get(l.id, (0, 0))[0]), Money(l.amount_fen),
            Money(returned.get(l.id, (0, 0))[1]), l.tax_rate_bp) for l in sale.lines)
        payments = tuple((p.id, p.tender, Money(p.amount_fen), p.reference) for p in sale.payments)
        return SaleForReturn(sale.id, sale.receipt_no, sale.completed_at, Money(sale.total_fen),
                             lines, payments)

    # --- refunding ------------------------------------------------------------
    def refund(self, sale_id: str, items: Sequence[tuple[str, Quantity]], cashier: StaffMember,
               to: str = "original", reason: str = "", exchange_due: Money | None = None,
               approver=None) -> RefundDone:
        """Return ``items`` (sale line id, quantity) of a sale; refund to the original
        tenders, in cash, or (exchange) as credit toward the new sale on the till, up to
        ``exchange_due``, with any rest in cash."""
        if to == "exchange":
            raise InvalidInput("An exchange is paid with the new sale: ring up the new goods, "
                               "then take the returned ones as exchange credit.")
        if to not in REFUND_TO:
            raise InvalidInput("Refund to the original payment, in cash, or as an exchange.")
        if not items:
            raise InvalidInput("Choose at least one line to return.")
        if self.guard is not None:
            self.guard.require(cashier, "refund", approver, sale_id, {"reason": reason})
        now = self._clock.now()
        with self._sessions.begin() as s:
            header = self._header(s, cashier, sale_id, now, reason, False)
            sale = s.get(Sale, sale_id)
            if sale is None:
                raise NotFound("That sale is not in this till's database.")
            current = self._for_return(s, sale)
            line_rows = self._line_rows(header["id"], current, items)
            total = Money(sum(r["amount_fen"] for r in line_rows))
            tenders = _split(total, current, s, to, exchange_due)
            return self._write(s, header, line_rows, tenders, sale.receipt_no, now)

    def prepare_exchange(self, sale_id: str, items: Sequence[tuple[str, Quantity]],
                         cashier: StaffMember, reason: str = "", approver=None) -> ExchangeCredit:
        """Check a return for an exchange and work out its credit, writing nothing yet:
        the refund is written with the new sale (``CheckoutService.add_exchange``)."""
        if not items:
            raise InvalidInput("Choose at least one line to return.")
        if self.guard is not None:
            self.guard.require(cashier, "refund", approver, sale_id, {"reason": reason})
        with self._sessions() as s:
            sale = s.get(Sale, sale_id)
            if sale is None:
                raise NotFound("That sale is not in this till's database.")
            current = self._for_return(s, sale)
            line_rows = self._line_rows("", current, items)
            total = Money(sum(r["amount_fen"] for r in line_rows))
            parts = _split(total, current, s, "exchange", None)
        credit = Money(sum(p[1].fen for p in parts if p[0] == "exchange"))
        if credit.fen == 0:
            raise InvalidInput("Nothing of these goods can pay toward a new sale (they were "
                               "paid with points, stored value or a coupon): refund them instead.")
        return ExchangeCredit(sale_id, current.receipt_no, tuple(items), cashier, reason[:200],
                              total, credit, self)

    def write_exchange(self, s: Session, exchange: ExchangeCredit, new_sale_id: str,
                       applied: Money) -> RefundDone:
        """The refund of an exchange, in the new sale's transaction: ``applied`` of the
        credit pays toward the new sale, the rest of it is given back in cash. Checked again
        here, so goods returned meanwhile at another till stop the whole exchange."""
        now = self._clock.now()
        header = self._header(s, exchange.cashier, exchange.sale_id, now, exchange.reason, False)
        header["exchange_sale_id"] = new_sale_id
        current = self._for_return(s, s.get(Sale, exchange.sale_id))
        line_rows = self._line_rows(header["id"], current, exchange.items)
        total = Money(sum(r["amount_fen"] for r in line_rows))
        tenders = _split(total, current, s, "exchange", applied)
        credit = sum(p[1].fen for p in tenders if p[0] == "exchange")
        if total != exchange.total or credit != applied.fen:
            raise StateError("The returned goods changed since the exchange was started (returned "
                             "elsewhere?). Remove the exchange credit and start the return again.")
        return self._write(s, header, line_rows, tenders, current.receipt_no, now)

    def refund_without_receipt(self, items: Sequence[tuple[ProductSnapshot, Quantity]],
                               cashier: StaffMember, allowed: bool = False, reason: str = "",
                               approver=None) -> RefundDone:
        """A return nobody can find the sale of: cash at today's price, manager only
        (checked by the guard where staff rules apply, else by ``allowed``)."""
        if self.guard is not None:
            self.guard.require(cashier, "refund_without_receipt", approver, "", {"reason": reason})
            allowed = True
        if not allowed:
            raise NotAllowed("A return without a receipt needs a manager. Ask a manager to "
                             "approve it.")
        if not items:
            raise InvalidInput("Choose at least one item to return.")
        now = self._clock.now()
        with self._sessions.begin() as s:
            header = self._header(s, cashier, None, now, reason, True)
            line_rows = []
            for number, (product, quantity) in enumerate(items, start=1):
                amount = extend(product.unit_price, quantity)
                line_rows.append(dict(
                    id=new_id(), refund_id=header["id"], line_no=number, sale_line_id=None,
                    product_id=product.product_id, sku_code=product.sku_code, name=product.name,
                    is_weighed=product.is_weighed, unit_price_fen=product.unit_price.fen,
                    quantity_milli=quantity.milli, amount_fen=amount.fen,
                    tax_rate_bp=product.tax_rate_bp,
                    tax_fen=tax_included(amount, product.tax_rate_bp).fen))
            total = Money(sum(r["amount_fen"] for r in line_rows))
            return self._write(s, header, line_rows, [("cash", total, "", None)], "", now)

    def _header(self, s: Session, cashier: StaffMember, sale_id: str | None, now: datetime,
                reason: str, without_receipt: bool) -> dict:
        # Taking the number first also takes SQLite's write lock, so the quantities
        # already returned cannot change between reading and writing them.
        business_date = to_local(now, self._ctx.tz).strftime("%Y-%m-%d")
        seq = next_seq(s, "refund_counter", self._ctx.terminal_id, business_date)
        refund_no = "R" + self._ctx.receipt_no(business_date, seq)
        return dict(id=new_id(), store_id=self._ctx.store_id, terminal_id=self._ctx.terminal_id,
                    cashier_id=cashier.id, sale_id=sale_id, refund_no=refund_no,
                    business_date=business_date, seq=seq, total_fen=0, tax_fen=0,
                    reason=reason[:200], without_receipt=without_receipt,
                    exchange_sale_id=None, created_at=now)

    def _line_rows(self, refund_id: str, sale: SaleForReturn,
                   items: Sequence[tuple[str, Quantity]]) -> list[dict]:
        wanted: dict[str, Quantity] = {}
        for sale_line_id, quantity in items:
            wanted[sale_line_id] = wanted.get(sale_line_id, Quantity(0)) + quantity
        rows = []
        for number, (sale_line_id, quantity) in enumerate(wanted.items(), start=1):
            line = sale.line(sale_line_id)
            if quantity.milli <= 0:
                raise InvalidInput("Enter a quantity greater than zero to return.")
            if not line.is_weighed and not quantity.is_whole:
                raise InvalidInput("{name} is returned in whole pieces.", name=line.name)
            if quantity > line.returnable:
                raise StateError("Only {left} of {name} can still be returned (sold {sold}, "
                                 "returned {returned}).", left=line.returnable.format(),
                                 name=line.name, sold=line.sold.format(),
                                 returned=line.returned.format())
            amount = refund_amount(line, quantity)
            rows.append(dict(
                id=new_id(), refund_id=refund_id, line_no=number, sale_line_id=sale_line_id,
                product_id=line.product_id, sku_code=line.sku_code, name=line.name,
                is_weighed=line.is_weighed, unit_price_fen=line.unit_price.fen,
                quantity_milli=quantity.milli, amount_fen=amount.fen,
                tax_rate_bp=line.tax_rate_bp,
                tax_fen=tax_included(amount, line.tax_rate_bp).fen))
        return rows

    def _write(self, s: Session, header: dict, line_rows: list[dict],
               tenders: list[tuple[str, Money, str, str | None]], receipt_no: str,
               now: datetime) -> RefundDone:
        header["total_fen"] = sum(r["amount_fen"] for r in line_rows)
        header["tax_fen"] = sum(r["tax_fen"] for r in line_rows)
        pay_rows = [dict(id=new_id(), refund_id=header["id"], line_no=i, tender=kind,
                         amount_fen=amount.fen, reference=reference,
                         original_payment_id=original, status="done")
                    for i, (kind, amount, reference, original) in enumerate(tenders, start=1)]
        pending = self._refund_wallets(header["refund_no"], pay_rows)
        s.execute(insert(Refund), [header])
        s.execute(insert(RefundLine), line_rows)
        if pay_rows:
            s.execute(insert(RefundPayment), pay_rows)
        s.execute(insert(StockMovement), [dict(
            id=new_id(), store_id=header["store_id"], product_id=r["product_id"],
            quantity_milli=r["quantity_milli"], kind="return", ref_type="refund",
            ref_id=header["id"], terminal_id=header["terminal_id"], note=header["reason"],
            created_at=now) for r in line_rows])
        if header["sale_id"] is not None:
            self._give_back_to_member(s, header, pay_rows, now)
        add_event(s, "refund.completed", header["id"], _payload(header, line_rows, pay_rows,
                                                               receipt_no, self._ctx), now)
        return RefundDone(header["id"], header["refund_no"], Money(header["total_fen"]),
                          tuple((p["tender"], Money(p["amount_fen"])) for p in pay_rows),
                          tuple(pending))

    def _give_back_to_member(self, s: Session, header: dict, pay_rows: list[dict],
                             now: datetime) -> None:
        """Points and stored value back to the member; commission and earned points reversed."""
        sale_id, refund_id = header["sale_id"], header["id"]
        for row in pay_rows:
            if row["tender"] == POINTS:
                self._members.refund_points(s, sale_id, Money(row["amount_fen"]), refund_id)
            elif row["tender"] == STORED_VALUE:
                self._members.refund_stored_value(s, sale_id, Money(row["amount_fen"]), refund_id)
        on_refund_completed(s, refund_id, now)

    def _refund_wallets(self, refund_no: str, pay_rows: list[dict]) -> list[str]:
        """Ask the wallets to refund (idempotent by refund number); an unconfirmed one
        is recorded as pending for the manager to follow up, never dropped. Should the
        transaction fail after this, its refund number is rolled back with it and the
        retry asks again under the same number, so the wallet refunds only once."""
        pending = []
        for row in pay_rows:
            if row["tender"] not in MOBILE_TENDERS or self._payments is None:
                continue
            result = self._payments.refund(row["reference"], f"{refund_no}-{row['line_no']}",
                                           Money(row["amount_fen"]))
            if result.status is not PayStatus.REFUNDED:
                row["status"] = "pending"
                pending.append(row["tender"])
        return pending


def _split(total: Money, sale: SaleForReturn, s: Session, to: str,
           exchange_due: Money | None) -> list[tuple[str, Money, str, str | None]]:
    """Refund tenders: in cash, as exchange credit, or over the original payments in
    proportion to what each still holds (cash change given is not part of them)."""
    if total.fen == 0:
        return []
    original = _original_split(total, sale, s)
    if to == "original":
        return original or [("cash", total, "", None)]
    # the member's points, stored value and coupon go back where they came from
    kept = [p for p in original or () if p[0] in MEMBER_TENDERS]
    rest = total - Money(sum(p[1].fen for p in kept))
    if to == "exchange":
        credit = min(rest, exchange_due if exchange_due is not None else rest)
        parts = [("exchange", credit, sale.receipt_no, None)]
        if rest > credit:
            parts.append(("cash", rest - credit, "", None))
        return kept + [p for p in parts if p[1].fen > 0]
    return kept + ([("cash", rest, "", None)] if rest.fen > 0 else [])


def _original_split(total: Money, sale: SaleForReturn, s: Session
                    ) -> list[tuple[str, Money, str, str | None]] | None:
    """``total`` over the original payments, or None when they no longer hold it."""
    already = dict(s.execute(
        select(RefundPayment.original_payment_id, func.sum(RefundPayment.amount_fen))
        .where(RefundPayment.original_payment_id.in_([p[0] for p in sale.payments]))
        .group_by(RefundPayment.original_payment_id)).all())
    holding = [max(0, p[2].fen - (already.get(p[0]) or 0)) for p in sale.payments]
    if sum(holding) < total.fen:  # earlier cash refunds drained the originals
        return None
    # total <= sum(holding), so no share exceeds what its payment still holds
    shares = allocate_largest_remainder(total.fen, holding)
    return [(p[1], Money(share), p[3], p[0])
            for p, share in zip(sale.payments, shares) if share > 0]


def _payload(header: dict, lines: list[dict], payments: list[dict], receipt_no: str,
             ctx: TerminalContext) -> dict:
    return {"refund_id": header["id"], "refund_no": header["refund_no"],
            "sale_id": header["sale_id"], "receipt_no": receipt_no, "store": ctx.store_code,
            "terminal": ctx.terminal_code, "cashier_id": header["cashier_id"],
            "business_date": header["business_date"], "created_at": header["created_at"].isoformat(),
            "total_fen": header["total_fen"], "tax_fen": header["tax_fen"],
            "without_receipt": header["without_receipt"], "reason": header["reason"],
            "lines": [{k: l[k] for k in ("line_no", "sale_line_id", "product_id", "sku_code",
                                         "name", "quantity_milli", "amount_fen", "tax_rate_bp",
                                         "tax_fen")} for l in lines],
            "payments": [{k: p[k] for k in ("tender", "amount_fen", "reference", "status")}
                         for p in payments]}
