"""Checkout: the sale being rung up, priced after every change, paid with one or
several tenders, and completed in one durable transaction."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Callable, TypeVar

from sqlalchemy import text, update
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_checkout import PaymentAttempt
from app.domain.barcode import clean_scan
from app.domain.cart import MAX_LINES, Cart, CartError, CartLine, ProductSnapshot
from app.domain.clock import Clock, to_local
from app.domain.ids import new_id
from app.domain.money import Money
from app.domain.pricing import (
    ManualDiscountLimitError,
    ManualDiscount, PricedCart, PricingError, price_cart,
)
from app.domain.quantity import Quantity, QuantityError
from app.domain.scale_barcode import read_any
from app.services import checkout_exchange, checkout_rows as rows
from app.services.auth import StaffMember
from app.services.catalog import CatalogService
from app.services.checkout_mobile import MobileOutcome, MobilePaying
from app.services.checkout_members import CheckoutMembers, SaleMember, sale_member_fields
from app.services.checkout_pricing import (
    DiscountLimit, price_context, pricing_error, pricing_line, scale_product,
)
from app.services.checkout_settings import load_promotion_book, load_settings
from app.services.checkout_voids import record_void
from app.services.checkout_write import SaleWriter, dbapi_cursor
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotAllowed, NotFound, StateError
from app.services.members.salespeople import SalespersonInfo
from app.services.members.tenders import TenderAuth
from app.services.members.wiring import MemberServices
from app.services.payments import PayStatus, SandboxProvider
from app.services.payments.attempts import MobilePayments
from app.services.tenders import (
    MOBILE_TENDERS, Tender, make_tender, paid, parse_amount, remaining,
)
from app.sync.outbox import add_event

if TYPE_CHECKING:
    from app.services.checkout_guard import CheckoutGuard
    from app.services.returns import ExchangeCredit, RefundDone

T = TypeVar("T")
__all__ = ["CheckoutService", "CompletedSale", "DiscountLimit", "MobileOutcome", "PriceRequired",
           "SaleDraft", "WeightRequired"]


class WeightRequired(InvalidInput):
    """A weighed item was scanned without a weight: the till asks for one."""

    template = "{name} is sold by weight: enter the weight in kg."


class PriceRequired(InvalidInput):
    """An open-price item (无码商品) was scanned: the till asks for its price."""

    template = "{name} has no fixed price: enter the price."


@dataclass
class SaleDraft:
    """The sale on screen. Its id is fixed when it starts, so completing it twice
    (a double press, a retry after a crash) can never record it twice."""

    id: str
    cashier: StaffMember
    started_at: datetime
    cart: Cart = field(default_factory=Cart)
    line_discounts: dict[str, ManualDiscount] = field(default_factory=dict)
    typed_prices: dict[str, Money] = field(default_factory=dict)
    below_floor: set[str] = field(default_factory=set)   # lines a manager allowed under the floor
    order_discount: ManualDiscount | None = None
    discount_limit: DiscountLimit = field(default_factory=DiscountLimit)
    tenders: list[Tender] = field(default_factory=list)
    member: SaleMember | None = None
    member_level: str | None = None   # the member's price tier (PriceContext.member_level)
    salesperson: SalespersonInfo | None = None   # of the whole sale, apart from the cashier
    line_salespeople: dict[str, SalespersonInfo] = field(default_factory=dict)
    member_auths: list[tuple[Tender, TenderAuth]] = field(default_factory=list)  # points etc.
    priced: PricedCart | None = None
    exchange: "ExchangeCredit | None" = None   # returned goods paying toward this sale
    open_attempts: dict[str, Money] = field(default_factory=dict)  # mobile payments in flight

    @property
    def total(self) -> Money:
        return self.priced.total if self.priced else Money(0)

    @property
    def paid(self) -> Money:
        return paid(self.tenders)

    @property
    def due(self) -> Money:
        return remaining(self.total, self.tenders)

    def state(self) -> tuple:
        return (self.cart.snapshot(), dict(self.line_discounts), dict(self.typed_prices),
                set(self.below_floor), self.order_discount, self.discount_limit, self.priced,
                self.member, self.member_level, dict(self.line_salespeople))

    def restore(self, state: tuple) -> None:
        (lines, self.line_discounts, self.typed_prices, self.below_floor, self.order_discount,
         self.discount_limit, self.priced, self.member, self.member_level,
         self.line_salespeople) = state
        self.cart.restore(lines)


@dataclass(frozen=True, slots=True)
class CompletedSale:
    sale_id: str
    receipt_no: str
    total: Money
    tendered: Money
    change: Money
    refund: "RefundDone | None" = None   # an exchange's refund, written with the sale


class CheckoutService(MobilePaying):
    def __init__(self, sessions: sessionmaker[Session], catalog: CatalogService,
                 context: TerminalContext, clock: Clock,
                 payments: MobilePayments | None = None, guard: "CheckoutGuard | None" = None,
                 members: MemberServices | None = None) -> None:
        self.guard = guard
        self._sessions = sessions
        self._catalog = catalog
        self._ctx = context
        self._clock = clock
        self.payments = payments or MobilePayments(sessions, SandboxProvider(), clock,
                                                   context.terminal_code)
        self.settings = load_settings(sessions, context.store_id)
        self.book = load_promotion_book(sessions, clock.now())
        self.draft: SaleDraft | None = None
        self._empty_priced: PricedCart | None = None  # an empty cart prices the same every time
        # members and salespeople on the sale: attach, salespeople, points/stored value/coupons
        self.members = CheckoutMembers(self, members or MemberServices.build(sessions, context, clock),
                                       sessions, context, clock)

    def reload(self) -> None:
        """Re-read promotions and settings (after sync or a back-office change)."""
        self.settings = load_settings(self._sessions, self._ctx.store_id)
        self.book = load_promotion_book(self._sessions, self._clock.now())
        self._empty_priced = None
        if self.draft is not None:
            self._reprice(self.draft)

    def reprice(self) -> None:
        """Price the current draft again (after a recall or a member joined the sale)."""
        self._reprice(self._open())

    # --- building the sale ----------------------------------------------
    def _require(self, permission: str, approver, subject: str = "", **details) -> None:
        """Permission check (and audit entry) when this till has staff rules wired in."""
        if self.guard is not None and self.draft is not None:
            self.guard.require(self.draft.cashier, permission, approver, subject, details)

    def start_sale(self, cashier: StaffMember) -> SaleDraft:
        if self.draft and (not self.draft.cart.is_empty() or self.draft.tenders):
            raise StateError("Finish or cancel the current sale first.")
        self.draft = SaleDraft(new_id(), cashier, self._clock.now())
        self._reprice(self.draft)
        return self.draft

    def take_over(self, cashier: StaffMember) -> None:
        """Quick user switch: the next person carries on with the current sale. From now on
        their permissions are checked and their name goes on the sale."""
        if self.draft is not None:
            self.draft.cashier = cashier

    def add_code(self, raw: str, quantity: Quantity | None = None,
                 price: Money | None = None) -> CartLine:
        """Add by scanned or typed code (or a scale label); on any error the cart is unchanged."""
        try:
            product = self._catalog.product_for_code(raw)
        except NotFound:
            read = read_any(clean_scan(raw), self.settings.scale_layouts)
            if read is None:
                raise
            found = self._catalog.product_for_plu(read.plu_keys)
            if found is None:
                raise NotFound("No product has the scale PLU {plu}. Check the scale's item list.",
                               plu=read.plu) from None
            product, quantity = scale_product(found, read)
        return self._add(product, quantity, price)

    def add_product(self, product_id: str, quantity: Quantity | None = None,
                    price: Money | None = None) -> CartLine:
        return self._add(self._catalog.product_by_id(product_id), quantity, price)

    def set_quantity(self, line_id: str, quantity_text: str) -> CartLine:
        def change(draft: SaleDraft) -> CartLine:
            line = self._line(draft, line_id)
            try:
                quantity = Quantity.parse(quantity_text, weighed=line.product.is_weighed)
                return draft.cart.set_quantity(line_id, quantity)
            except QuantityError as exc:
                raise _quantity_error(line.product, quantity_text) from exc
        return self._change(change)

    def set_price(self, line_id: str, price: Money, allow_below_floor: bool = False,
                  approver=None) -> CartLine:
        self._require("price_override", approver, line_id, price_fen=price.fen)
        return self._set_price(line_id, price, allow_below_floor)

    def _set_price(self, line_id: str, price: Money, allow_below_floor: bool = False) -> CartLine:
        """改价 / the price of an open-price item; a price under the floor needs a manager."""
        def change(draft: SaleDraft) -> CartLine:
            line = self._line(draft, line_id)
            draft.typed_prices[line_id] = price
            if allow_below_floor:
                draft.below_floor.add(line_id)
            return line
        return self._change(change)

    def _limited(self, limit: DiscountLimit | None, approver, apply: Callable[[DiscountLimit], T]) -> T:
        """Where staff rules apply, the limit comes from the role (or the approving
        supervisor's role); a discount above it asks for DISCOUNT_ABOVE_LIMIT."""
        if self.guard is None:
            return apply(limit or DiscountLimit())
        cashier = self._open().cashier
        try:
            return apply(self.guard.discount_limit(cashier, approver))
        except NotAllowed as refused:
            if approver is None and isinstance(refused.__cause__, ManualDiscountLimitError):
                raise self.guard.above_limit(cashier) from refused
            raise

    def set_line_discount(self, line_id: str, discount: ManualDiscount | None,
                          limit: DiscountLimit | None = None, approver=None) -> CartLine:
        """A cashier's discount on one line, within the cashier's limit."""
        return self._limited(limit, approver, lambda lim: self._set_line_discount(line_id, discount, lim))

    def _set_line_discount(self, line_id: str, discount: ManualDiscount | None,
                           limit: DiscountLimit) -> CartLine:
        def change(draft: SaleDraft) -> CartLine:
            line = self._line(draft, line_id)
            if discount is None:
                draft.line_discounts.pop(line_id, None)
            else:
                draft.line_discounts[line_id] = discount
                draft.discount_limit = limit
            return line
        return self._change(change)

    def set_order_discount(self, discount: ManualDiscount | None, limit: DiscountLimit | None = None,
                           approver=None) -> Money:
        return self._limited(limit, approver, lambda lim: self._set_order_discount(discount, lim))

    def _set_order_discount(self, discount: ManualDiscount | None, limit: DiscountLimit) -> Money:
        def change(draft: SaleDraft) -> Money:
            draft.order_discount = discount
            if discount is not None:
                draft.discount_limit = limit
            return draft.total
        self._change(change)
        return self._open().total

    def remove_line(self, line_id: str, reason: str = "", approver=None) -> CartLine:
        """Void a line: it leaves the sale and the void is recorded."""
        draft = self._open()
        self._require("void_line", approver, line_id, reason=reason)
        priced = draft.priced
        removed = self._change(lambda d: self._remove(d, line_id))
        amount = priced.line(line_id).amount if priced else removed.amount
        record_void(self._sessions, self._ctx, draft.id, draft.cashier.id, "line", [removed],
                    amount, reason, self._clock.now())
        return removed

    def cancel_sale(self, reason: str = "", approver=None) -> None:
        """Cancel the sale: recorded (never deleted); mobile payments taken are reversed."""
        draft = self.draft
        if draft is None:
            return
        if not draft.cart.is_empty():
            self._require("cancel_sale", approver, draft.id, reason=reason)
        for tender in draft.tenders:
            if tender.attempt_id is not None:
                if self.payments.cancel(tender.attempt_id).status != PayStatus.REVERSED.value:
                    raise StateError("The mobile payment could not be reversed yet. Try again in "
                                     "a moment; the sale stays open until it is.")
        if not draft.cart.is_empty():
            record_void(self._sessions, self._ctx, draft.id, draft.cashier.id, "sale",
                        draft.cart.lines, draft.total, reason, self._clock.now(), draft.tenders)
        self.draft = SaleDraft(new_id(), draft.cashier, self._clock.now())
        self._reprice(self.draft)

    def explain(self, line_id: str) -> str:
        """"Why this price" for a line, in Chinese as the receipt says it."""
        draft = self._open()
        return draft.priced.explain(line_id).text_zh if draft.priced else ""

    # --- internals of building ----------------------------------------------
    def _add(self, product: ProductSnapshot, quantity: Quantity | None,
             price: Money | None) -> CartLine:
        if product.is_weighed and quantity is None:
            raise WeightRequired(name=product.name)
        if product.open_price and price is None:
            raise PriceRequired(name=product.name)

        def change(draft: SaleDraft) -> CartLine:
            try:
                line = draft.cart.add(product, quantity)
            except QuantityError as exc:
                raise _quantity_error(product, quantity.format() if quantity else "") from exc
            except CartError as exc:
                raise InvalidInput("A sale holds at most {n} lines. Pay this one and start "
                                   "another.", n=MAX_LINES) from exc
            if price is not None:
                draft.typed_prices[line.line_id] = price
            return line
        return self._change(change)

    @staticmethod
    def _remove(draft: SaleDraft, line_id: str) -> CartLine:
        try:
            removed = draft.cart.remove(line_id)
        except CartError as exc:
            raise NotFound("That line is no longer in the sale.") from exc
        for table in (draft.line_discounts, draft.typed_prices, draft.line_salespeople):
            table.pop(line_id, None)
        draft.below_floor.discard(line_id)
        return removed

    @staticmethod
    def _line(draft: SaleDraft, line_id: str) -> CartLine:
        try:
            return draft.cart.line(line_id)
        except CartError as exc:
            raise NotFound("That line is no longer in the sale.") from exc

    def _change(self, mutate: Callable[[SaleDraft], T]) -> T:
        """Apply a change and re-price; a change the pricing refuses is undone."""
        draft = self._open()
        if draft.tenders:
            raise StateError("Payments are already taken on this sale: finish paying, or "
                             "remove the payments first.")
        saved = draft.state()
        try:
            result = mutate(draft)
            self._reprice(draft)
        except PricingError as exc:
            error = pricing_error(exc, draft.cart)  # names the line before it is undone
            draft.restore(saved)
            raise error from exc
        except Exception:
            draft.restore(saved)
            raise
        return result

    def _reprice(self, draft: SaleDraft) -> None:
        plain_empty = (draft.cart.is_empty() and draft.order_discount is None
                       and draft.member is None)
        if plain_empty and self._empty_priced is not None \
                and self._empty_priced.rounding_mode == self.settings.rounding:
            draft.priced = self._empty_priced  # the next sale after each completion
            return
        context = price_context(draft, self._clock.now(), self._ctx.store_id, self.settings.rounding)
        lines = [pricing_line(draft, line) for line in draft.cart.lines]
        draft.priced = price_cart(lines, context, self.book, draft.order_discount)
        if plain_empty:
            self._empty_priced = draft.priced

    def _open(self) -> SaleDraft:
        if self.draft is None:
            raise StateError("No sale is open. Log in to start selling.")
        return self.draft

    # --- paying ----------------------------------------------------------
    def pay_cash(self, tendered_text: str) -> CompletedSale:
        """Cash for everything still due (the one-tender way); refuses less than that."""
        draft = self._payable()
        due = draft.due
        tendered = parse_amount(tendered_text, due)
        if tendered < due:
            raise InvalidInput("Cash given ({given}) is less than the total ({total}).",
                               given=tendered.format(), total=due.format())
        completed = self.add_tender("cash", tendered.plain())
        assert completed is not None
        return completed

    def add_tender(self, kind: str, amount_text: str = "", reference: str = ""
                   ) -> CompletedSale | None:
        """One payment toward the sale (split payment); completes the sale once paid."""
        draft = self._payable()
        if kind in MOBILE_TENDERS:
            raise InvalidInput("Scan the customer's payment code to take a mobile payment.")
        if kind == checkout_exchange.EXCHANGE:  # credit only ever comes with its refund
            raise InvalidInput("Exchange credit comes from returned goods: use Return (F8) "
                               "and choose the exchange.")
        tender = make_tender(kind, parse_amount(amount_text, draft.due), draft.due, reference)
        draft.tenders.append(tender)
        try:
            return self._complete_if_paid()
        except Exception:
            draft.tenders.remove(tender)  # not recorded: the cashier takes it again
            raise

    def remove_tender(self, index: int) -> Tender:
        draft = self._open()
        if not 0 <= index < len(draft.tenders):
            raise NotFound("That payment is no longer on the sale.")
        if draft.tenders[index].attempt_id is not None:
            raise StateError("A mobile payment cannot be taken off the sale: cancel the sale to "
                             "reverse it.")
        removed = draft.tenders.pop(index)
        checkout_exchange.dropped_with(draft, removed)
        return removed

    def add_exchange(self, exchange: "ExchangeCredit") -> CompletedSale | None:
        """Goods returned from an earlier sale pay toward this one (one transaction)."""
        return checkout_exchange.add_exchange(self, exchange)

    def _payable(self) -> SaleDraft:
        draft = self._open()
        if draft.cart.is_empty():
            raise StateError("The sale is empty: scan something first.")
        if draft.open_attempts:  # (on record in payment_attempt too, for a restart)
            raise StateError("A mobile payment of {amount} is still waiting for an answer: query "
                             "it or cancel it first.",
                             amount=next(iter(draft.open_attempts.values())).format())
        return draft

    def _complete_if_paid(self) -> CompletedSale | None:
        draft = self._open()
        if draft.due.fen > 0:
            return None
        completed = self._complete()
        self.draft = SaleDraft(new_id(), draft.cashier, self._clock.now())
        self._reprice(self.draft)
        return completed

    def _complete(self, cash: Money | None = None) -> CompletedSale:
        """Write the sale in one transaction; a retry of the same draft writes nothing."""
        draft = self._open()
        if cash is not None and not draft.tenders:
            draft.tenders.append(make_tender("cash", cash, draft.due))
        if self.guard is not None:
            self.guard.require_open_shift()  # no sale without an open shift
        with self._sessions.begin() as session:
            # rows through the DBAPI cursor, statements built once (checkout_write): the
            # ORM unit of work would cost more than the rows themselves (bench.checkout)
            cursor = dbapi_cursor(session)
            existing = cursor.execute(_DONE_SQL, (draft.id,)).fetchone()
            if existing is not None:  # already committed: a retry must not count it twice
                return CompletedSale(existing[0], existing[1], Money(existing[2]),
                                     Money(existing[3]), Money(existing[4]))
            header = self._header(cursor, draft)
            sale = rows.sale_row(header, draft.priced, draft.tenders) | sale_member_fields(draft)
            lines, details = rows.line_rows(draft.id, draft.cart.lines, draft.priced,
                                            {k: p.id for k, p in draft.line_salespeople.items()})
            tenders, refund = checkout_exchange.write_in_sale(session, draft)
            payments = rows.payment_rows(draft.id, tenders, header.completed_at)
            writer = SaleWriter.for_session(session)
            writer.write(cursor, sale, lines, details, payments,
                         rows.stock_rows(header, draft.cart.lines))
            attempt_ids = [t.attempt_id for t in draft.tenders if t.attempt_id]
            if attempt_ids:
                session.execute(update(PaymentAttempt.__table__)
                                .where(PaymentAttempt.id.in_(attempt_ids)).values(sale_id=draft.id))
            credited = self.members.commit(session, draft, header.completed_at)
            writer.add_event(cursor, "sale.completed", draft.id, rows.sale_payload(
                header, sale, lines, details, payments, self._ctx.store_code,
                self._ctx.terminal_code, credited), header.completed_at)
            return CompletedSale(draft.id, header.receipt_no, Money(sale["total_fen"]),
                                 Money(sale["paid_fen"]), Money(sale["change_fen"]), refund)

    def _header(self, cursor, draft: SaleDraft) -> rows.SaleHeader:
        now = self._clock.now()
        business_date = to_local(now, self._ctx.tz).strftime("%Y-%m-%d")
        seq = cursor.execute(_NEXT_SEQ_SQL.format(table="receipt_counter"),
                             (self._ctx.terminal_id, business_date)).fetchone()[0]
        return rows.SaleHeader(draft.id, self._ctx.store_id, self._ctx.terminal_id,
                               draft.cashier.id, self._ctx.receipt_no(business_date, seq),
                               business_date, seq, draft.started_at, now, draft.cart.piece_count)


def _quantity_error(product: ProductSnapshot, text: str) -> InvalidInput:
    if product.is_weighed:
        return InvalidInput("{text} is not a weight for {name}: type kilograms with at most "
                            "3 decimals, e.g. 0.535.", text=text, name=product.name)
    return InvalidInput("{text} is not a quantity for {name}: type a whole number of pieces "
                        "from 1 to 9999.", text=text, name=product.name)


_DONE_SQL = "SELECT id, receipt_no, total_fen, paid_fen, change_fen FROM sale WHERE id = ?"
_NEXT_SEQ_SQL = ("INSERT INTO {table} (terminal_id, business_date, last_seq) VALUES (?, ?, 1) "
                 "ON CONFLICT (terminal_id, business_date) "
                 "DO UPDATE SET last_seq = last_seq + 1 RETURNING last_seq")


def next_seq(session: Session, table: str, terminal_id: str, business_date: str) -> int:
    """Gapless: the counter moves in the same transaction as the document it numbers."""
    return session.execute(text(_NEXT_SEQ_SQL.format(table=table).replace("?, ?", ":t, :d")),
                           {"t": terminal_id, "d": business_date}).scalar_one()
