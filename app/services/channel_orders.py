"""Channel orders at the store: accept or reject, pick by scanning, mark ready, hand over
by pickup code, or ship.

Works offline on the orders already synced: each move changes the local row and
writes its "channel_order.transition" outbox event in the same transaction;
the cloud applies the same rules when the event arrives (app.domain.channel_orders).
Goods leaving the store also leave the till's stock ledger here, so on hand is
right before the next sync; the cloud books its own sale movement from the event.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable

from sqlalchemy import insert, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Product, StockMovement
from app.domain import channel_orders as rules
from app.domain.clock import Clock
from app.domain.ids import new_id
from app.domain.money import Money
from app.domain.quantity import Quantity
from app.services.auth import StaffMember
from app.services.catalog import CatalogService
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotFound, StateError
from app.sync.models_channel import ChannelOrder, ChannelOrderLine
from app.sync.outbox import add_event

MOVE_EVENT = "channel_order.transition"
OPEN_STATES = (rules.NEW, rules.ACCEPTED, rules.PICKING, rules.READY)
ONE_PIECE = Quantity.units(1)


@dataclass(frozen=True)
class ChannelOrderLineView:
    line_no: int
    sku_code: str
    name: str
    quantity: Quantity
    picked: Quantity
    unit_price: Money
    amount: Money

    @property
    def missing(self) -> Quantity:
        return Quantity(max(0, self.quantity.milli - self.picked.milli))


@dataclass(frozen=True)
class ChannelOrderView:
    id: str
    channel: str
    external_id: str
    status: str
    fulfilment: str
    member_phone: str
    member_name: str
    paid: Money
    discount: Money
    delivery: Money
    salesperson_code: str
    pickup_code: str
    carrier: str
    tracking_no: str
    reason: str
    address: str
    note: str
    placed_at: datetime
    lines: tuple[ChannelOrderLineView, ...]
    group_id: str = ""

    @property
    def fully_picked(self) -> bool:
        return all(line.missing.milli == 0 for line in self.lines)


class ChannelOrderService:
    def __init__(self, sessions: sessionmaker[Session], ctx: TerminalContext, clock: Clock,
                 catalog: CatalogService) -> None:
        self._sessions = sessions
        self._ctx = ctx
        self._clock = clock
        self._catalog = catalog

    # --- reading -----------------------------------------------------------
    def list_orders(self, statuses: Iterable[str] | None = OPEN_STATES) -> list[ChannelOrderView]:
        """This store's orders, oldest first (open ones by default; None for all)."""
        with self._sessions() as s:
            query = (select(ChannelOrder).where(ChannelOrder.store_code == self._ctx.store_code)
                     .order_by(ChannelOrder.placed_at, ChannelOrder.id))
            if statuses is not None:
                query = query.where(ChannelOrder.status.in_(list(statuses)))
            return [self._view(s, order) for order in s.scalars(query)]

    def get(self, order_id: str) -> ChannelOrderView:
        with self._sessions() as s:
            return self._view(s, self._order(s, order_id))

    def orders_of_member(self, member_id: str, limit: int = 20) -> list[ChannelOrderView]:
        """The channel orders of this till's member (matched by phone at sync), newest first."""
        with self._sessions() as s:
            orders = s.scalars(select(ChannelOrder).where(ChannelOrder.local_member_id == member_id)
                               .order_by(ChannelOrder.placed_at.desc()).limit(limit)).all()
            return [self._view(s, order) for order in orders]

    # --- the store's moves -------------------------------------------------
    def accept(self, order_id: str, actor: StaffMember) -> ChannelOrderView:
        return self._move(order_id, rules.ACCEPTED, actor)

    def reject(self, order_id: str, actor: StaffMember, reason: str) -> ChannelOrderView:
        if not reason.strip():
            raise InvalidInput("Say why the order is rejected; the customer will read it.")
        return self._move(order_id, rules.CANCELLED, actor, reason=reason.strip())

    def start_picking(self, order_id: str, actor: StaffMember) -> ChannelOrderView:
        return self._move(order_id, rules.PICKING, actor)

    def scan(self, order_id: str, code: str) -> ChannelOrderLineView:
        """Count one scanned item toward its line; a wrong or surplus item is refused."""
        product = self._catalog.product_for_code(code)
        with self._sessions.begin() as s:
            order = self._order(s, order_id)
            if order.status != rules.PICKING:
                raise StateError("Order {order} is not being picked. Start picking it first.",
                                 order=order.external_id)
            line = self._line_to_pick(s, order, product.sku_code, product.name)
            step = line.quantity_milli if product.is_weighed else ONE_PIECE.milli
            line.picked_milli = min(line.quantity_milli, line.picked_milli + step)
            return _line_view(line)

    def mark_ready(self, order_id: str, actor: StaffMember) -> ChannelOrderView:
        """Ready for the customer (who gets the pickup code) once every line is picked."""
        with self._sessions() as s:
            view = self._view(s, self._order(s, order_id))
        missing = [f"{line.name} x{line.missing.format()}"
                   for line in view.lines if line.missing.milli]
        if missing and view.status == rules.PICKING:
            raise StateError("Still missing: {items}. Scan them before marking the order ready.",
                             items=", ".join(missing))
        return self._move(order_id, rules.READY, actor)

    def hand_over(self, pickup_code: str, actor: StaffMember) -> ChannelOrderView:
        """The customer shows the code: the order is picked up and completed."""
        code = pickup_code.strip()
        with self._sessions() as s:
            order_id = s.scalar(select(ChannelOrder.id).where(
                ChannelOrder.store_code == self._ctx.store_code,
                ChannelOrder.pickup_code == code, ChannelOrder.status == rules.READY,
                ChannelOrder.fulfilment == "pickup"))
        if order_id is None:
            raise NotFound("No order is ready for pickup with code {code}. Check the code with "
                           "the customer.", code=code)
        return self._move(order_id, rules.PICKED_UP, actor, pickup_code=code,
                          then=rules.COMPLETED)

    def hand_over_order(self, order_id: str, actor: StaffMember) -> ChannelOrderView:
        """Hand a ready pickup order over once staff have checked who the customer is
        (e.g. by phone at a group-buy pickup point); the order's own code goes with it."""
        with self._sessions() as s:
            order = self._order(s, order_id)
            code, fulfilment = order.pickup_code, order.fulfilment
        if fulfilment != "pickup":
            raise StateError("Order {order} is not for pickup. Record its shipment instead.",
                             order=order_id)
        return self._move(order_id, rules.PICKED_UP, actor, pickup_code=code,
                          then=rules.COMPLETED)

    def make_ready_packed(self, order_id: str, actor: StaffMember) -> ChannelOrderView:
        """Goods that arrive packed per customer (group-buy): every line counts as picked
        and the order moves on to ready through the states it has not passed yet."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            order = self._order(s, order_id)
            for to in (rules.ACCEPTED, rules.PICKING, rules.READY):
                if order.status == rules.READY:
                    break
                if to in rules.next_states(order.status):
                    if to == rules.READY:
                        for line in s.scalars(select(ChannelOrderLine).where(
                                ChannelOrderLine.order_id == order.id)):
                            line.picked_milli = line.quantity_milli
                    self._step(s, order, to, actor, now, {})
            if order.status != rules.READY:
                raise StateError("Order {order} is {status} and cannot be made ready.",
                                 order=order.external_id, status=order.status)
            s.flush()
            return self._view(s, order)

    def ship(self, order_id: str, actor: StaffMember, carrier: str,
             tracking_no: str) -> ChannelOrderView:
        if not carrier.strip() or not tracking_no.strip():
            raise InvalidInput("Enter the carrier and the tracking number of the shipment.")
        return self._move(order_id, rules.SHIPPED, actor, carrier=carrier.strip(),
                          tracking_no=tracking_no.strip())

    # --- internals ---------------------------------------------------------
    def _move(self, order_id: str, to: str, actor: StaffMember, *, then: str | None = None,
              **details: str) -> ChannelOrderView:
        """One move (and optionally the next, e.g. picked up then completed) with its
        outbox events, all in one transaction."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            order = self._order(s, order_id)
            self._step(s, order, to, actor, now, details)
            if then is not None:
                self._step(s, order, then, actor, now, {})
            s.flush()
            return self._view(s, order)

    def _step(self, s: Session, order: ChannelOrder, to: str, actor: StaffMember,
              now: datetime, details: dict[str, str]) -> None:
        if not rules.may_move(order.status, to):
            raise StateError("Order {order} is {status} and cannot become {to}. Refresh the "
                             "list: the order may have changed.", order=order.external_id,
                             status=order.status, to=to)
        if to in rules.FULFILLED:
            self._book_stock(s, order, now)
        order.status, order.updated_at = to, now
        if details.get("reason"):
            order.reason = details["reason"]
        if to == rules.SHIPPED:
            order.carrier, order.tracking_no = details["carrier"], details["tracking_no"]
        add_event(s, MOVE_EVENT, order.id, {
            "order_id": order.id, "to": to, "actor": actor.code, "at": now.isoformat(),
            "store": self._ctx.store_code, "reason": details.get("reason", ""),
            "pickup_code": details.get("pickup_code", ""), "carrier": details.get("carrier", ""),
            "tracking_no": details.get("tracking_no", "")}, now)

    def _book_stock(self, s: Session, order: ChannelOrder, now: datetime) -> None:
        lines = s.scalars(select(ChannelOrderLine).where(ChannelOrderLine.order_id == order.id)
                          .order_by(ChannelOrderLine.line_no)).all()
        ids = dict(s.execute(select(Product.sku_code, Product.id).where(
            Product.sku_code.in_([line.sku_code for line in lines]))).all())
        rows = [dict(id=new_id(), store_id=self._ctx.store_id, product_id=ids[line.sku_code],
                     quantity_milli=-line.quantity_milli, kind="sale", ref_type="channel_order",
                     ref_id=order.id, terminal_id=self._ctx.terminal_id,
                     note=f"{order.channel} {order.external_id}"[:200], created_at=now)
                for line in lines if line.sku_code in ids]
        if rows:
            s.execute(insert(StockMovement), rows)

    def _order(self, s: Session, order_id: str) -> ChannelOrder:
        order = s.get(ChannelOrder, order_id)
        if order is None or order.store_code != self._ctx.store_code:
            raise NotFound("No channel order {order} at this store. Sync, then try again.",
                           order=order_id)
        return order

    @staticmethod
    def _line_to_pick(s: Session, order: ChannelOrder, sku: str, name: str) -> ChannelOrderLine:
        lines = s.scalars(select(ChannelOrderLine).where(ChannelOrderLine.order_id == order.id,
                                                         ChannelOrderLine.sku_code == sku)
                          .order_by(ChannelOrderLine.line_no)).all()
        if not lines:
            raise InvalidInput("{name} is not in order {order}. Put it back and pick the items "
                               "on the list.", name=name, order=order.external_id)
        for line in lines:
            if line.picked_milli < line.quantity_milli:
                return line
        raise InvalidInput("{name} is already picked in full for order {order}. Put the extra "
                           "one back.", name=name, order=order.external_id)

    @staticmethod
    def _view(s: Session, order: ChannelOrder) -> ChannelOrderView:
        lines = s.scalars(select(ChannelOrderLine).where(ChannelOrderLine.order_id == order.id)
                          .order_by(ChannelOrderLine.line_no)).all()
        return ChannelOrderView(
            id=order.id, channel=order.channel, external_id=order.external_id,
            status=order.status, fulfilment=order.fulfilment, member_phone=order.member_phone,
            member_name=order.member_name, paid=Money(order.paid_fen),
            discount=Money(order.discount_fen), delivery=Money(order.delivery_fen),
            salesperson_code=order.salesperson_code, pickup_code=order.pickup_code,
            carrier=order.carrier, tracking_no=order.tracking_no, reason=order.reason,
            address=order.address, note=order.note, placed_at=order.placed_at,
            lines=tuple(_line_view(line) for line in lines), group_id=order.group_id)


def _line_view(line: ChannelOrderLine) -> ChannelOrderLineView:
    return ChannelOrderLineView(line.line_no, line.sku_code, line.name,
                                Quantity(line.quantity_milli), Quantity(line.picked_milli),
                                Money(line.unit_price_fen), Money(line.amount_fen))
