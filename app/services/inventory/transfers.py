"""Transfers (调拨) between stores: sending takes stock out and puts it in transit;
receiving brings in what arrived and records the differences. Between two stores in
one database for now; through the cloud once sync carries them."""
from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Product, Store
from app.db.models_inventory import TransferLine, TransferOrder
from app.domain.clock import Clock, to_local
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotFound, StateError
from app.services.inventory.common import Move, next_number, write_movements
from app.sync.outbox import add_event


@dataclass(frozen=True, slots=True)
class TransferLineView:
    product_id: str
    sku_code: str
    name: str
    sent_milli: int
    received_milli: int | None

    @property
    def difference_milli(self) -> int:
        return (self.received_milli or 0) - self.sent_milli


@dataclass(frozen=True, slots=True)
class TransferView:
    id: str
    number: str
    from_store_id: str
    to_store_id: str
    status: str
    lines: list[TransferLineView]

    @property
    def differences(self) -> list[TransferLineView]:
        return [l for l in self.lines if l.received_milli is not None and l.difference_milli]


class TransferService:
    def __init__(self, sessions: sessionmaker[Session], terminal: TerminalContext, clock: Clock) -> None:
        self._sessions = sessions
        self._t = terminal
        self._clock = clock

    def stores(self) -> list[tuple[str, str, str]]:
        """(id, code, name) of the other stores this database knows."""
        with self._sessions() as s:
            rows = s.execute(select(Store.id, Store.code, Store.name).where(
                Store.id != self._t.store_id).order_by(Store.code)).all()
        return [tuple(r) for r in rows]

    def send(self, to_store_id: str, lines: dict[str, int]) -> str:
        """Stock leaves this store now and is in transit until the other store receives it."""
        if to_store_id == self._t.store_id:
            raise InvalidInput("Choose another store to send the goods to.")
        if not lines or any(q <= 0 for q in lines.values()):
            raise InvalidInput("Add the products to send, each with a quantity above zero.")
        now = self._clock.now()
        with self._sessions.begin() as s:
            if s.get(Store, to_store_id) is None:
                raise NotFound("That store is not known here. Check the store list.")
            date = to_local(now, self._t.tz).date().isoformat()
            order = TransferOrder(number=next_number(s, self._t.store_id, "TR", self._t.store_code, date),
                                  from_store_id=self._t.store_id, to_store_id=to_store_id,
                                  status="in_transit", sent_at=now)
            s.add(order)
            s.flush()
            s.add_all(TransferLine(transfer_id=order.id, product_id=pid, sent_milli=q)
                      for pid, q in lines.items())
            write_movements(s, store_id=self._t.store_id, kind="transfer_out", ref_type="transfer",
                            ref_id=order.id, now=now, terminal_id=self._t.terminal_id,
                            moves=[Move(pid, -q, order.number) for pid, q in lines.items()])
            add_event(s, "transfer.sent", order.id, {"number": order.number, "to_store_id": to_store_id,
                      "lines": [{"product_id": p, "sent_milli": q} for p, q in lines.items()]}, now)
            return order.id

    def receive(self, transfer_id: str, received: dict[str, int] | None = None) -> TransferView:
        """Bring the goods into the receiving store; omitted lines arrived in full."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            order = s.get(TransferOrder, transfer_id)
            if order is None:
                raise NotFound("That transfer no longer exists.")
            if order.status != "in_transit":
                raise StateError("Transfer {number} was already received.", number=order.number)
            lines = list(s.scalars(select(TransferLine).where(TransferLine.transfer_id == order.id)))
            received = received or {}
            if any(q < 0 for q in received.values()):
                raise InvalidInput("A received quantity cannot be below zero.")
            for line in lines:
                line.received_milli = received.get(line.product_id, line.sent_milli)
            order.status, order.received_at = "received", now
            write_movements(s, store_id=order.to_store_id, kind="transfer_in", ref_type="transfer",
                            ref_id=order.id, now=now, terminal_id=self._t.terminal_id,
                            moves=[Move(l.product_id, l.received_milli, order.number) for l in lines])
            view = self._view(s, order)
            add_event(s, "transfer.received", order.id, {"number": order.number, "lines": [
                {"product_id": l.product_id, "sent_milli": l.sent_milli,
                 "received_milli": l.received_milli} for l in view.lines]}, now)
            return view

    def incoming(self, store_id: str | None = None) -> list[TransferView]:
        return self._list(TransferOrder.to_store_id == (store_id or self._t.store_id))

    def outgoing(self) -> list[TransferView]:
        return self._list(TransferOrder.from_store_id == self._t.store_id)

    def view(self, transfer_id: str) -> TransferView:
        with self._sessions() as s:
            order = s.get(TransferOrder, transfer_id)
            if order is None:
                raise NotFound("That transfer no longer exists.")
            return self._view(s, order)

    def _list(self, condition) -> list[TransferView]:
        with self._sessions() as s:
            orders = s.scalars(select(TransferOrder).where(condition)
                               .order_by(TransferOrder.sent_at.desc()).limit(200))
            return [self._view(s, o) for o in orders]

    @staticmethod
    def _view(s: Session, order: TransferOrder) -> TransferView:
        rows = s.execute(select(TransferLine, Product.sku_code, Product.name)
                         .join(Product, Product.id == TransferLine.product_id)
                         .where(TransferLine.transfer_id == order.id).order_by(Product.sku_code)).all()
        return TransferView(order.id, order.number, order.from_store_id, order.to_store_id,
                            order.status, [TransferLineView(l.product_id, sku, name, l.sent_milli,
                                                            l.received_milli) for l, sku, name in rows])
