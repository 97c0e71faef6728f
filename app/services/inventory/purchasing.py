"""Purchase orders (draft -> sent -> partly received -> closed), receiving against an
order by scanning, receiving without an order, supplier returns; receipts update the
moving-average cost."""
from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models_inventory import (
    GoodsDocument, GoodsDocumentLine, PurchaseOrder, PurchaseOrderLine, Supplier,
)
from app.domain.clock import Clock, to_local
from app.services.audit import AuditAction
from app.services.auth import StaffMember
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotAllowed, NotFound, StateError
from app.services.inventory.common import (
    Move, ResolvedCode, cost_of, moving_average_cost, next_number, on_hand_milli,
    resolve_code, set_chain_price, write_movements,
)
from app.services.permissions import ManagerApproval, Permission
from app.services.staff_rules import StaffRules, audit_action, authorise
from app.sync.outbox import add_event

OPEN_STATUSES = ("sent", "partly_received")


@dataclass(frozen=True, slots=True)
class OrderLineInput:
    product_id: str
    quantity_milli: int
    unit_cost_fen: int


@dataclass(frozen=True, slots=True)
class OrderLineView:
    product_id: str
    sku_code: str
    name: str
    ordered_milli: int
    received_milli: int
    unit_cost_fen: int

    @property
    def outstanding_milli(self) -> int:
        return max(0, self.ordered_milli - self.received_milli)


@dataclass(frozen=True, slots=True)
class OrderView:
    id: str
    number: str
    supplier_id: str
    supplier_name: str
    status: str
    lines: list[OrderLineView]


@dataclass
class ReceivingSession:
    """What has been scanned against one order, before it is posted."""

    order: OrderView
    scanned: dict[str, int] = field(default_factory=dict)  # product_id -> milli
    last: ResolvedCode | None = None

    def expected(self, product_id: str) -> OrderLineView | None:
        return next((l for l in self.order.lines if l.product_id == product_id), None)

    def over_receipt(self) -> list[OrderLineView]:
        """Lines where this receipt would bring more than is still outstanding."""
        return [l for l in self.order.lines
                if self.scanned.get(l.product_id, 0) > l.outstanding_milli]


class PurchasingService:
    def __init__(self, sessions: sessionmaker[Session], terminal: TerminalContext,
                 clock: Clock, rules: StaffRules | None = None) -> None:
        self._sessions = sessions
        self._t = terminal
        self._clock = clock
        self.rules = rules

    # --- suppliers -----------------------------------------------------------
    def add_supplier(self, code: str, name: str, contact: str = "", phone: str = "") -> str:
        if not code.strip() or not name.strip():
            raise InvalidInput("A supplier needs a code and a name.")
        with self._sessions.begin() as s:
            if s.scalar(select(Supplier.id).where(Supplier.code == code.strip())):
                raise InvalidInput("Supplier code {code} is taken. Choose another code.", code=code)
            supplier = Supplier(code=code.strip(), name=name.strip(), contact=contact, phone=phone)
            s.add(supplier)
            s.flush()
            return supplier.id

    def suppliers(self) -> list[Supplier]:
        with self._sessions() as s:
            return list(s.scalars(select(Supplier).where(Supplier.active).order_by(Supplier.code)))

    # --- orders ----------------------------------------------------------------
    def create_order(self, supplier_id: str, lines: list[OrderLineInput], note: str = "") -> str:
        if not lines:
            raise InvalidInput("Add at least one product to the order.")
        for line in lines:
            if line.quantity_milli <= 0 or line.unit_cost_fen < 0:
                raise InvalidInput("Every order line needs a quantity above zero and a cost of "
                                   "zero or more.")
        now = self._clock.now()
        with self._sessions.begin() as s:
            if s.get(Supplier, supplier_id) is None:
                raise NotFound("That supplier no longer exists. Choose another supplier.")
            order = PurchaseOrder(number=self._number(s, "PO"), store_id=self._t.store_id,
                                  supplier_id=supplier_id, status="draft", note=note, created_at=now)
            s.add(order)
            s.flush()
            s.add_all(PurchaseOrderLine(order_id=order.id, line_no=i, product_id=l.product_id,
                                        ordered_milli=l.quantity_milli, received_milli=0,
                                        unit_cost_fen=l.unit_cost_fen)
                      for i, l in enumerate(lines, start=1))
            return order.id

    def send(self, order_id: str) -> None:
        now = self._clock.now()
        with self._sessions.begin() as s:
            order = self._order(s, order_id)
            if order.status != "draft":
                raise StateError("Order {number} was already sent.", number=order.number)
            order.status, order.sent_at = "sent", now
            add_event(s, "purchase_order.sent", order.id, self._payload(s, order), now)

    def close(self, order_id: str) -> None:
        now = self._clock.now()
        with self._sessions.begin() as s:
            order = self._order(s, order_id)
            if order.status == "closed":
                return
            order.status, order.closed_at = "closed", now
            add_event(s, "purchase_order.closed", order.id, {"number": order.number}, now)

    def order(self, order_id: str) -> OrderView:
        with self._sessions() as s:
            return self._view(s, self._order(s, order_id))

    def orders(self, statuses: tuple[str, ...] = ("draft", *OPEN_STATUSES)) -> list[OrderView]:
        with self._sessions() as s:
            found = s.scalars(select(PurchaseOrder).where(
                PurchaseOrder.store_id == self._t.store_id, PurchaseOrder.status.in_(statuses))
                .order_by(PurchaseOrder.number.desc()))
            return [self._view(s, o) for o in found]

    def lookup(self, code: str) -> tuple[ResolvedCode, int]:
        """A scanned code for an order line: the product and its current cost in fen."""
        with self._sessions() as s:
            found = resolve_code(s, code)
            return found, cost_of(s, found.product_id)

    # --- receiving ---------------------------------------------------------------
    def start_receiving(self, order_id: str) -> ReceivingSession:
        view = self.order(order_id)
        if view.status not in OPEN_STATUSES:
            raise StateError("Order {number} is {status}: only a sent order can be received.",
                             number=view.number, status=view.status)
        return ReceivingSession(view)

    def scan(self, receiving: ReceivingSession, code: str, quantity_milli: int | None = None) -> ResolvedCode:
        """One scan adds one unit (a pack barcode its pack size), or a typed quantity."""
        with self._sessions() as s:
            found = resolve_code(s, code)
        if receiving.expected(found.product_id) is None:
            raise InvalidInput("{name} is not on order {number}. Receive it without an order, "
                               "or set it aside.", name=found.name, number=receiving.order.number)
        added = quantity_milli if quantity_milli is not None else found.factor_milli
        if added <= 0:
            raise InvalidInput("Type a quantity above zero.")
        receiving.scanned[found.product_id] = receiving.scanned.get(found.product_id, 0) + added
        receiving.last = found
        return found

    def post_receiving(self, receiving: ReceivingSession, accept_over: bool = False,
                       actor: StaffMember | None = None, approver: ManagerApproval | None = None) -> str:
        """Post what was scanned. More than ordered must be accepted on purpose (`accept_over`)
        and, when the till has staff rules, needs STOCK_ADJUSTMENT or a supervisor's
        approval; the over-receipt is audited."""
        over = receiving.over_receipt()
        if over and not accept_over:
            raise NotAllowed("More {name} than ordered was scanned. Ask a manager to allow the "
                             "over-receipt, or remove the extra.", name=over[0].name)
        if not any(receiving.scanned.values()):
            raise InvalidInput("Nothing was scanned. Scan the goods first.")
        approval = authorise(self.rules, actor, Permission.STOCK_ADJUSTMENT, approver) if over else None
        now = self._clock.now()
        with self._sessions.begin() as s:
            order = self._order(s, receiving.order.id)
            if order.status not in OPEN_STATUSES:
                raise StateError("Order {number} is {status} and cannot be received.",
                                 number=order.number, status=order.status)
            lines = {l.product_id: l for l in s.scalars(select(PurchaseOrderLine).where(
                PurchaseOrderLine.order_id == order.id))}
            inputs = [OrderLineInput(pid, qty, lines[pid].unit_cost_fen)
                      for pid, qty in receiving.scanned.items() if qty > 0]
            doc_id = self._post_goods(s, "receiving", order.supplier_id, order.id, inputs, now)
            for line_input in inputs:
                lines[line_input.product_id].received_milli += line_input.quantity_milli
            done = all(l.received_milli >= l.ordered_milli for l in lines.values())
            order.status = "closed" if done else "partly_received"
            order.closed_at = now if done else None
            audit_action(self.rules, s, AuditAction.OVER_RECEIPT, approval, subject=order.number,
                         details={"over": {l.sku_code: receiving.scanned[l.product_id]
                                           - l.outstanding_milli for l in over}})
        receiving.scanned.clear()
        return doc_id

    def receive_without_order(self, supplier_id: str | None, lines: list[OrderLineInput]) -> str:
        self._check_lines(lines)
        with self._sessions.begin() as s:
            return self._post_goods(s, "receiving", supplier_id, None, lines, self._clock.now())

    def return_to_supplier(self, supplier_id: str, lines: list[OrderLineInput]) -> str:
        self._check_lines(lines)
        with self._sessions.begin() as s:
            return self._post_goods(s, "supplier_return", supplier_id, None, lines, self._clock.now())

    # --- internals -------------------------------------------------------------
    def _post_goods(self, s: Session, kind: str, supplier_id: str | None, order_id: str | None,
                    lines: list[OrderLineInput], now) -> str:
        doc = GoodsDocument(number=self._number(s, "GR" if kind == "receiving" else "RS"),
                            kind=kind, store_id=self._t.store_id, supplier_id=supplier_id,
                            order_id=order_id, created_at=now)
        s.add(doc)
        s.flush()
        sign = 1 if kind == "receiving" else -1
        for line in lines:
            if kind == "receiving":
                self._update_cost(s, line)
            s.add(GoodsDocumentLine(document_id=doc.id, product_id=line.product_id,
                                    quantity_milli=line.quantity_milli, unit_cost_fen=line.unit_cost_fen))
        write_movements(s, store_id=self._t.store_id, kind=kind, ref_type="goods_document",
                        ref_id=doc.id, now=now, terminal_id=self._t.terminal_id,
                        moves=[Move(l.product_id, sign * l.quantity_milli, doc.number) for l in lines])
        return doc.id

    def _update_cost(self, s: Session, line: OrderLineInput) -> None:
        on_hand = on_hand_milli(s, self._t.store_id, line.product_id)
        new_cost = moving_average_cost(on_hand, cost_of(s, line.product_id),
                                       line.quantity_milli, line.unit_cost_fen)
        set_chain_price(s, line.product_id, "cost", new_cost)

    @staticmethod
    def _check_lines(lines: list[OrderLineInput]) -> None:
        if not lines:
            raise InvalidInput("Add at least one product.")
        if any(l.quantity_milli <= 0 or l.unit_cost_fen < 0 for l in lines):
            raise InvalidInput("Every line needs a quantity above zero and a cost of zero or more.")

    def _number(self, s: Session, kind: str) -> str:
        date = to_local(self._clock.now(), self._t.tz).date().isoformat()
        return next_number(s, self._t.store_id, kind, self._t.store_code, date)

    @staticmethod
    def _order(s: Session, order_id: str) -> PurchaseOrder:
        order = s.get(PurchaseOrder, order_id)
        if order is None:
            raise NotFound("That purchase order no longer exists.")
        return order

    @staticmethod
    def _view(s: Session, order: PurchaseOrder) -> OrderView:
        from app.db.models import Product
        rows = s.execute(select(PurchaseOrderLine, Product.sku_code, Product.name)
                         .join(Product, Product.id == PurchaseOrderLine.product_id)
                         .where(PurchaseOrderLine.order_id == order.id)
                         .order_by(PurchaseOrderLine.line_no)).all()
        supplier = s.get(Supplier, order.supplier_id)
        lines = [OrderLineView(l.product_id, sku, name, l.ordered_milli, l.received_milli,
                               l.unit_cost_fen) for l, sku, name in rows]
        return OrderView(order.id, order.number, order.supplier_id,
                         supplier.name if supplier else "", order.status, lines)

    def _payload(self, s: Session, order: PurchaseOrder) -> dict:
        view = self._view(s, order)
        return {"number": order.number, "store": self._t.store_code, "supplier_id": order.supplier_id,
                "lines": [{"product_id": l.product_id, "ordered_milli": l.ordered_milli,
                           "unit_cost_fen": l.unit_cost_fen} for l in view.lines]}
