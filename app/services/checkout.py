"""Checkout: the sale being rung up, and completing it in one durable transaction."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select, text
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Payment, Sale, SaleLine, StockMovement
from app.domain.cart import MAX_LINES, Cart, CartError, CartLine, ProductSnapshot
from app.domain.clock import Clock, to_local
from app.domain.ids import new_id
from app.domain.money import Money, MoneyError
from app.domain.quantity import Quantity, QuantityError
from app.services.auth import StaffMember
from app.services.catalog import CatalogService
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotFound, StateError
from app.sync.outbox import add_event

MAX_CASH_TENDER = Money(10_000_000)  # ¥100,000: more is a typo, not a payment


class WeightRequired(InvalidInput):
    """A weighed item was scanned without a weight: the till asks for one."""

    template = "{name} is sold by weight: enter the weight in kg."


@dataclass
class SaleDraft:
    """The sale on screen. Its id is fixed when it starts, so completing it twice
    (a double press, a retry after a crash) can never record it twice."""

    id: str
    cashier: StaffMember
    started_at: datetime
    cart: Cart = field(default_factory=Cart)


@dataclass(frozen=True, slots=True)
class CompletedSale:
    sale_id: str
    receipt_no: str
    total: Money
    tendered: Money
    change: Money


class CheckoutService:
    def __init__(self, sessions: sessionmaker[Session], catalog: CatalogService,
                 context: TerminalContext, clock: Clock) -> None:
        self._sessions = sessions
        self._catalog = catalog
        self._ctx = context
        self._clock = clock
        self.draft: SaleDraft | None = None

    # --- building the sale ----------------------------------------------
    def start_sale(self, cashier: StaffMember) -> SaleDraft:
        if self.draft and not self.draft.cart.is_empty():
            raise StateError("Finish or cancel the current sale first.")
        self.draft = SaleDraft(new_id(), cashier, self._clock.now())
        return self.draft

    def add_code(self, raw: str, quantity: Quantity | None = None) -> CartLine:
        """Add by scanned or typed code; on any error the cart is unchanged."""
        product = self._catalog.product_for_code(raw)
        return self._add(product, quantity)

    def add_product(self, product_id: str, quantity: Quantity | None = None) -> CartLine:
        return self._add(self._catalog.product_by_id(product_id), quantity)

    def set_quantity(self, line_id: str, quantity_text: str) -> CartLine:
        cart = self._cart()
        try:
            line = cart.line(line_id)
            quantity = Quantity.parse(quantity_text, weighed=line.product.is_weighed)
            return cart.set_quantity(line_id, quantity)
        except CartError as exc:
            raise NotFound("That line is no longer in the sale.") from exc
        except QuantityError as exc:
            raise _quantity_error(line.product, quantity_text) from exc

    def remove_line(self, line_id: str) -> CartLine:
        try:
            return self._cart().remove(line_id)
        except CartError as exc:
            raise NotFound("That line is no longer in the sale.") from exc

    def cancel_sale(self) -> None:
        if self.draft:
            self.draft.cart.clear()

    def _add(self, product, quantity: Quantity | None) -> CartLine:
        if product.is_weighed and quantity is None:
            raise WeightRequired(name=product.name)
        try:
            return self._cart().add(product, quantity)
        except QuantityError as exc:
            raise _quantity_error(product, quantity.format() if quantity else "") from exc
        except CartError as exc:
            raise InvalidInput("A sale holds at most {n} lines. Pay this one and start another.",
                               n=MAX_LINES) from exc

    def _cart(self) -> Cart:
        if self.draft is None:
            raise StateError("No sale is open. Log in to start selling.")
        return self.draft.cart

    # --- paying ----------------------------------------------------------
    def pay_cash(self, tendered_text: str) -> CompletedSale:
        """Take cash and complete the sale. Refuses less than the total."""
        cart = self._cart()
        if cart.is_empty():
            raise StateError("The sale is empty: scan something first.")
        try:
            tendered = Money.parse(tendered_text) if tendered_text.strip() else cart.total
        except MoneyError as exc:
            raise InvalidInput("Not an amount of money: {text}", text=tendered_text) from exc
        if tendered < cart.total:
            raise InvalidInput("Cash given ({given}) is less than the total ({total}).",
                               given=tendered.format(), total=cart.total.format())
        if tendered > MAX_CASH_TENDER:
            raise InvalidInput("{given} is more cash than one sale takes. Check the amount.",
                               given=tendered.format())
        completed = self._complete(tendered)
        self.draft = SaleDraft(new_id(), self.draft.cashier, self._clock.now())
        return completed

    def _complete(self, tendered: Money) -> CompletedSale:
        draft = self.draft
        with self._sessions.begin() as session:
            existing = session.get(Sale, draft.id)
            if existing is not None:  # already committed: a retry must not count it twice
                return _completed(existing)
            now = self._clock.now()
            business_date = to_local(now, self._ctx.tz).strftime("%Y-%m-%d")
            seq = _next_receipt_seq(session, self._ctx.terminal_id, business_date)
            sale = self._sale_row(draft, tendered, now, business_date, seq)
            session.add(sale)
            session.flush()
            session.add_all(self._line_rows(draft, sale))
            session.add(Payment(id=new_id(), sale_id=sale.id, line_no=1, tender="cash",
                                amount_fen=sale.total_fen, tendered_fen=tendered.fen,
                                change_fen=sale.change_fen, created_at=now))
            session.add_all(self._stock_rows(draft, sale, now))
            add_event(session, "sale.completed", sale.id, self._event_payload(sale, draft), now)
            return _completed(sale)

    def _sale_row(self, draft: SaleDraft, tendered: Money, now: datetime, business_date: str,
                  seq: int) -> Sale:
        cart = draft.cart
        return Sale(
            id=draft.id, store_id=self._ctx.store_id, terminal_id=self._ctx.terminal_id,
            cashier_id=draft.cashier.id,
            receipt_no=self._ctx.receipt_no(business_date, seq), business_date=business_date,
            seq=seq, subtotal_fen=cart.total.fen, discount_fen=0, rounding_fen=0,
            total_fen=cart.total.fen, tax_fen=cart.tax_total.fen, paid_fen=tendered.fen,
            change_fen=(tendered - cart.total).fen, piece_count=cart.piece_count,
            started_at=draft.started_at, completed_at=now,
        )

    @staticmethod
    def _line_rows(draft: SaleDraft, sale: Sale) -> list[SaleLine]:
        return [
            SaleLine(id=line.line_id, sale_id=sale.id, line_no=i, product_id=line.product.product_id,
                     sku_code=line.product.sku_code, barcode=line.product.barcode,
                     name=line.product.name, unit=line.product.unit,
                     is_weighed=line.product.is_weighed, unit_price_fen=line.product.unit_price.fen,
                     quantity_milli=line.quantity.milli, amount_fen=line.amount.fen,
                     tax_rate_bp=line.product.tax_rate_bp, tax_fen=line.tax.fen)
            for i, line in enumerate(draft.cart.lines, start=1)
        ]

    def _stock_rows(self, draft: SaleDraft, sale: Sale, now: datetime) -> list[StockMovement]:
        return [
            StockMovement(id=new_id(), store_id=self._ctx.store_id,
                          product_id=line.product.product_id, quantity_milli=-line.quantity.milli,
                          kind="sale", ref_type="sale", ref_id=sale.id,
                          terminal_id=self._ctx.terminal_id, created_at=now)
            for line in draft.cart.lines
        ]

    def _event_payload(self, sale: Sale, draft: SaleDraft) -> dict:
        return {
            "sale_id": sale.id, "receipt_no": sale.receipt_no, "store": self._ctx.store_code,
            "terminal": self._ctx.terminal_code, "business_date": sale.business_date,
            "cashier_id": sale.cashier_id, "completed_at": sale.completed_at.isoformat(),
            "total_fen": sale.total_fen, "tax_fen": sale.tax_fen, "paid_fen": sale.paid_fen,
            "change_fen": sale.change_fen,
            "lines": [
                {"line_no": i, "product_id": l.product.product_id, "sku_code": l.product.sku_code,
                 "barcode": l.product.barcode, "name": l.product.name,
                 "unit_price_fen": l.product.unit_price.fen, "quantity_milli": l.quantity.milli,
                 "amount_fen": l.amount.fen, "tax_rate_bp": l.product.tax_rate_bp,
                 "tax_fen": l.tax.fen}
                for i, l in enumerate(draft.cart.lines, start=1)
            ],
            "payments": [{"tender": "cash", "amount_fen": sale.total_fen,
                          "tendered_fen": sale.paid_fen, "change_fen": sale.change_fen}],
        }


def _quantity_error(product: ProductSnapshot, text: str) -> InvalidInput:
    if product.is_weighed:
        return InvalidInput("{text} is not a weight for {name}: type kilograms with at most "
                            "3 decimals, e.g. 0.535.", text=text, name=product.name)
    return InvalidInput("{text} is not a quantity for {name}: type a whole number of pieces "
                        "from 1 to 9999.", text=text, name=product.name)


def _next_receipt_seq(session: Session, terminal_id: str, business_date: str) -> int:
    """Gapless: the counter moves in the same transaction as the sale it numbers."""
    return session.execute(
        text("INSERT INTO receipt_counter (terminal_id, business_date, last_seq) "
             "VALUES (:t, :d, 1) ON CONFLICT (terminal_id, business_date) "
             "DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq"),
        {"t": terminal_id, "d": business_date},
    ).scalar_one()


def _completed(sale: Sale) -> CompletedSale:
    return CompletedSale(sale.id, sale.receipt_no, Money(sale.total_fen), Money(sale.paid_fen),
                         Money(sale.change_fen))


def find_sale(sessions: sessionmaker[Session], receipt_no: str) -> Sale:
    with sessions() as s:
        sale = s.scalar(select(Sale).where(Sale.receipt_no == receipt_no))
        if sale is None:
            raise NotFound("No sale has the receipt number {no}.", no=receipt_no)
        return sale
