"""Transfers (调拨) between stores: sending takes stock out and puts it in transit;
receiving brings in what arrived and records the differences (short, over, damaged).

Between two stores of one database the transfer never leaves it. Otherwise the
transfer.sent event carries it up, the cloud hands it to the receiving store's tills
through the change log (app.sync.apply_transfers), and transfer.received brings the
outcome back the same way. Stores travel by code and products by SKU code, because
ids differ from till to till.
"""
from __future__ import annotations

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, sessionmaker

from app.db.models import Product, Store
from app.db.models_inventory import TransferLine, TransferOrder
from app.domain.clock import Clock, to_local
from app.domain.ids import new_id
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotFound, StateError
from app.services.inventory.common import Move, next_number, write_movements
from app.services.inventory.transfer_views import (
    IN_TRANSIT, RECEIVED, REFUSED, RETURNED, TransferLineView, TransferView, transfer_view,
)
from app.sync.models import SyncCredential
from app.sync.outbox import add_event

__all__ = ["TransferService", "TransferView", "TransferLineView"]
MAX_STORE_CODE = 16


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

    def remote_store_codes(self) -> list[str]:
        """Codes of stores outside this database that transfers went to or came from."""
        with self._sessions() as s:
            sent = s.scalars(select(TransferOrder.to_store_code)
                             .where(TransferOrder.to_store_id.is_(None))).all()
            came = s.scalars(select(TransferOrder.from_store_code)
                             .where(TransferOrder.from_store_id.is_(None))).all()
        return sorted({c for c in (*sent, *came) if c})

    def send(self, to_store: str, lines: dict[str, int], transfer_id: str | None = None) -> str:
        """Stock leaves this store now and is in transit until the other store receives it.

        `to_store` is the id of a store in this database or, on a till enrolled with the
        cloud, the code of any store of the merchant. `transfer_id` is given when the
        transfer fulfils a transfer request (it takes the request's id, so a request is
        sent at most once and both stores see it fulfilled)."""
        if not lines or any(q <= 0 for q in lines.values()):
            raise InvalidInput("Add the products to send, each with a quantity above zero.")
        now = self._clock.now()
        with self._sessions.begin() as s:
            if transfer_id and s.get(TransferOrder, transfer_id) is not None:
                raise StateError("This request was already sent as transfer {number}.",
                                 number=s.get(TransferOrder, transfer_id).number)
            to_id, to_code = self._destination(s, to_store)
            products = {p.id: p for p in s.scalars(select(Product).where(Product.id.in_(list(lines))))}
            if len(products) != len(lines):
                raise NotFound("A product on this transfer no longer exists. Scan the goods again.")
            date = to_local(now, self._t.tz).date().isoformat()
            order = TransferOrder(id=transfer_id or new_id(), number=next_number(s, self._t.store_id, "TR", self._t.store_code, date),
                                  from_store_id=self._t.store_id, to_store_id=to_id,
                                  from_store_code=self._t.store_code, to_store_code=to_code,
                                  status=IN_TRANSIT, reason="", sent_at=now)
            s.add(order)
            s.flush()
            s.add_all(TransferLine(transfer_id=order.id, product_id=pid, sku_code=products[pid].sku_code,
                                   name=products[pid].name, sent_milli=q, damaged_milli=0, note="")
                      for pid, q in lines.items())
            write_movements(s, store_id=self._t.store_id, kind="transfer_out", ref_type="transfer",
                            ref_id=order.id, now=now, terminal_id=self._t.terminal_id,
                            moves=[Move(pid, -q, order.number) for pid, q in lines.items()])
            add_event(s, "transfer.sent", order.id, {
                "transfer_id": order.id, "number": order.number, "from_store": self._t.store_code,
                "to_store": to_code, "sent_at": now.isoformat(),
                "lines": [{"sku_code": products[p].sku_code, "name": products[p].name, "sent_milli": q}
                          for p, q in lines.items()]}, now)
            return order.id

    def _destination(self, s: Session, to_store: str | None) -> tuple[str | None, str]:
        """(store id or None for a remote store, store code) of where the goods go."""
        wanted = (to_store or "").strip()
        if not wanted:
            raise InvalidInput("Choose the store to send the goods to.")
        local = s.execute(select(Store.id, Store.code).where(
            or_(Store.id == wanted, Store.code == wanted))).first()
        if local is not None and local.id == self._t.store_id or wanted == self._t.store_code:
            raise InvalidInput("Choose another store to send the goods to.")
        if local is not None:
            return local.id, local.code
        if s.get(SyncCredential, 1) is None or len(wanted) > MAX_STORE_CODE:
            raise NotFound("That store is not known here. Check the store list.")
        return None, wanted  # another store of the merchant: the cloud checks the code

    def receive(self, transfer_id: str, received: dict[str, int] | None = None,
                damaged: dict[str, int] | None = None,
                notes: dict[str, str] | None = None) -> TransferView:
        """Bring the goods into the receiving store. Quantities are keyed by product id or
        SKU code: `received` is what arrived (damaged goods included; omitted lines arrived
        in full), `damaged` what arrived unusable, written off at once."""
        received, damaged, notes = received or {}, damaged or {}, notes or {}
        if any(q < 0 for q in (*received.values(), *damaged.values())):
            raise InvalidInput("A received quantity cannot be below zero.")
        now = self._clock.now()
        with self._sessions.begin() as s:
            order = self._receivable(s, transfer_id)
            lines = list(s.scalars(select(TransferLine).where(TransferLine.transfer_id == order.id)))
            for line in lines:
                self._fill_line(s, order, line, received, damaged, notes)
            order.status, order.received_at = RECEIVED, now
            self._post_receipt(s, order, lines, now)
            view = transfer_view(s, order)
            add_event(s, "transfer.received", order.id, {
                "transfer_id": order.id, "number": order.number, "from_store": order.from_store_code,
                "to_store": order.to_store_code, "received_at": now.isoformat(),
                "lines": [{"sku_code": l.sku_code, "sent_milli": l.sent_milli,
                           "received_milli": l.received_milli, "damaged_milli": l.damaged_milli,
                           "note": l.note} for l in view.lines]}, now)
            return view

    @staticmethod
    def _receivable(s: Session, transfer_id: str) -> TransferOrder:
        order = s.get(TransferOrder, transfer_id)
        if order is None:
            raise NotFound("That transfer no longer exists.")
        if order.to_store_id is None:
            raise StateError("Transfer {number} goes to store {store}; it is received there.",
                             number=order.number, store=order.to_store_code)
        if order.status == RECEIVED:
            raise StateError("Transfer {number} was already received.", number=order.number)
        if order.status != IN_TRANSIT:
            raise StateError("Transfer {number} was refused by head office and cannot be received.",
                             number=order.number)
        return order

    @staticmethod
    def _fill_line(s: Session, order: TransferOrder, line: TransferLine, received: dict[str, int],
                   damaged: dict[str, int], notes: dict[str, str]) -> None:
        if line.product_id is None:  # came from another store before our catalog had the SKU
            line.product_id = s.scalar(select(Product.id).where(Product.sku_code == line.sku_code))
            if line.product_id is None:
                raise NotFound("Product {sku} of transfer {number} is not in this till's catalog yet. "
                               "Wait for the catalog to sync, then receive again.",
                               sku=line.sku_code, number=order.number)
        keys = (line.product_id, line.sku_code)
        arrived = next((received[k] for k in keys if k in received), line.sent_milli)
        broken = next((damaged[k] for k in keys if k in damaged), 0)
        if broken > arrived:
            raise InvalidInput("More of {name} is marked damaged than arrived. Check the quantities.",
                               name=line.name)
        line.received_milli, line.damaged_milli = arrived, broken
        line.note = next((notes[k] for k in keys if k in notes), "").strip()[:200]

    def _post_receipt(self, s: Session, order: TransferOrder, lines: list[TransferLine], now) -> None:
        """Everything that arrived comes in; damaged goods go straight out again, so the
        stock card shows both."""
        common = dict(store_id=order.to_store_id, ref_type="transfer", ref_id=order.id, now=now,
                      terminal_id=self._t.terminal_id)
        write_movements(s, kind="transfer_in", **common,
                        moves=[Move(l.product_id, l.received_milli, order.number) for l in lines])
        write_movements(s, kind="adjustment", **common,
                        moves=[Move(l.product_id, -l.damaged_milli, f"damaged: {order.number}")
                               for l in lines if l.damaged_milli])

    def take_back(self, transfer_id: str) -> TransferView:
        """A transfer head office refused (e.g. an unknown store) comes back into stock."""
        now = self._clock.now()
        with self._sessions.begin() as s:
            order = s.get(TransferOrder, transfer_id)
            if order is None:
                raise NotFound("That transfer no longer exists.")
            if order.status != REFUSED or order.from_store_id is None:
                raise StateError("Only a transfer head office refused can be taken back; "
                                 "{number} is {status}.", number=order.number, status=order.status)
            lines = list(s.scalars(select(TransferLine).where(TransferLine.transfer_id == order.id)))
            write_movements(s, store_id=order.from_store_id, kind="transfer_in", ref_type="transfer",
                            ref_id=order.id, now=now, terminal_id=self._t.terminal_id,
                            moves=[Move(l.product_id, l.sent_milli, f"returned: {order.number}")
                                   for l in lines if l.product_id])
            order.status = RETURNED
            return transfer_view(s, order)

    def incoming(self, store_id: str | None = None) -> list[TransferView]:
        return self._list(TransferOrder.to_store_id == (store_id or self._t.store_id))

    def outgoing(self) -> list[TransferView]:
        return self._list(TransferOrder.from_store_id == self._t.store_id)

    def in_transit(self) -> dict[str, tuple[int, int]]:
        """SKU code -> (on the way out of this store, on the way into it), in thousandths."""
        out: dict[str, list[int]] = {}
        for view in self.outgoing() + self.incoming():
            if view.in_transit:
                outgoing = view.from_store_id == self._t.store_id
                for line in view.lines:
                    pair = out.setdefault(line.sku_code, [0, 0])
                    pair[0 if outgoing else 1] += line.sent_milli
        return {sku: (a, b) for sku, (a, b) in out.items()}

    def view(self, transfer_id: str) -> TransferView:
        with self._sessions() as s:
            order = s.get(TransferOrder, transfer_id)
            if order is None:
                raise NotFound("That transfer no longer exists.")
            return transfer_view(s, order)

    def _list(self, condition) -> list[TransferView]:
        with self._sessions() as s:
            orders = s.scalars(select(TransferOrder).where(condition)
                               .order_by(TransferOrder.sent_at.desc()).limit(200))
            return [transfer_view(s, o) for o in orders]
