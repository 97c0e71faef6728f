"""Transfer requests (issue 9): from the cross-store stock dialog a cashier asks the
store that has the goods to send them here; that store's transfers page shows
"Requested by store X" and sends a transfer prefilled from the request.

The request goes to the cloud directly (like the stock lookup it starts from), with
an id made when the form opened, so a retry after a timeout finds the first request.
It comes down the change log to the tills of both stores. The holding store sends
the transfer under the request's id, so the request is fulfilled wherever that
transfer is known, and it can never be sent twice.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, sessionmaker

from app.db.engine import make_session_factory
from app.db.models import Product
from app.db.models_inventory import TransferOrder
from app.domain.ids import new_id
from app.domain.quantity import Quantity
from app.services.channel_stock import CrossStoreStock
from app.services.context import TerminalContext
from app.services.errors import InvalidInput, NotFound, StateError
from app.services.inventory.transfers import TransferService
from app.sync.apply_transfer_requests import ENTITY, apply_transfer_requests
from app.sync.models_transfer_requests import TransferRequest


@dataclass(frozen=True)
class RequestLine:
    sku_code: str
    name: str
    quantity: Quantity


@dataclass(frozen=True)
class TransferRequestView:
    id: str
    from_store: str       # holds the goods and sends them
    to_store: str         # asked for them
    lines: tuple[RequestLine, ...]
    note: str
    requested_by: str
    requested_at: datetime
    transfer_number: str | None  # the transfer that fulfilled it, once known here

    @property
    def fulfilled(self) -> bool:
        return self.transfer_number is not None


class TransferRequests:
    def __init__(self, sessions: sessionmaker[Session], terminal: TerminalContext,
                 stock: CrossStoreStock, transfers: TransferService) -> None:
        self._sessions = sessions
        self._t = terminal
        self._stock = stock
        self._transfers = transfers

    @classmethod
    def build(cls, engine, terminal: TerminalContext, catalog,
              transfers: TransferService) -> "TransferRequests":
        """For a page that has the inventory services (engine, catalog, transfers)."""
        sessions = make_session_factory(engine)
        return cls(sessions, terminal, CrossStoreStock(sessions, catalog), transfers)

    @staticmethod
    def new_request_id() -> str:
        """Made when the form opens: pressing again after a timeout sends the same id."""
        return new_id()

    def request(self, request_id: str, from_store: str, lines: list[RequestLine],
                note: str = "", staff_code: str = "") -> TransferRequestView:
        """Ask `from_store` to send these goods to this store (needs the network)."""
        if not lines or any(line.quantity.milli <= 0 for line in lines):
            raise InvalidInput("Enter how many to ask for, above zero.")
        if not from_store or from_store == self._t.store_code:
            raise InvalidInput("Choose another store to ask for the goods.")
        try:
            document = self._stock._call("POST", "/transfer-requests", {
                "id": request_id, "from_store": from_store, "note": note.strip()[:300],
                "requested_by": staff_code[:20],
                "lines": [{"sku": line.sku_code, "name": line.name[:200],
                           "quantity_milli": line.quantity.milli} for line in lines]})
        except InvalidInput as exc:  # the cloud's words are about orders; say what it refused
            raise InvalidInput("The cloud refused the transfer request: {detail}",
                               detail=exc.params.get("detail", "")) from None
        with self._sessions.begin() as s:  # seen here at once, not only after the next pull
            apply_transfer_requests(s.connection(), [
                {"entity": ENTITY, "entity_id": document["id"], "op": "upsert",
                 "data": document}], datetime.fromisoformat(document["requested_at"]))
        return self.get(document["id"])

    def to_send(self) -> list[TransferRequestView]:
        """Open requests other stores made for goods this store holds, oldest first."""
        views = self._list(TransferRequest.from_store_code == self._t.store_code)
        return sorted((v for v in views if not v.fulfilled), key=lambda v: v.requested_at)

    def made_here(self) -> list[TransferRequestView]:
        """Requests this store made, newest first, open or fulfilled."""
        return self._list(TransferRequest.to_store_code == self._t.store_code)

    def get(self, request_id: str) -> TransferRequestView:
        with self._sessions() as s:
            row = s.get(TransferRequest, request_id)
            if row is None:
                raise NotFound("That transfer request is not on this till yet. Sync, then try "
                               "again.")
            return _view(s, row)

    def prefill(self, request_id: str) -> dict[str, int]:
        """product id -> quantity to send, for the transfer form; unknown SKUs are refused."""
        view = self._open_for_us(request_id)
        with self._sessions() as s:
            ids = dict(s.execute(select(Product.sku_code, Product.id).where(
                Product.sku_code.in_([line.sku_code for line in view.lines]))).all())
        missing = [line.sku_code for line in view.lines if line.sku_code not in ids]
        if missing:
            raise NotFound("Product {sku} is not in this till's catalog yet. Wait for the "
                           "catalog to sync, then send again.", sku=missing[0])
        return {ids[line.sku_code]: line.quantity.milli for line in view.lines}

    def fulfil(self, request_id: str, lines: dict[str, int] | None = None) -> str:
        """Send the transfer for the request (as asked, or the quantities the manager
        changed in the form); returns the transfer id, which is the request's id."""
        view = self._open_for_us(request_id)
        lines = lines if lines is not None else self.prefill(request_id)
        return self._transfers.send(view.to_store, lines, transfer_id=view.id)

    def _open_for_us(self, request_id: str) -> TransferRequestView:
        view = self.get(request_id)
        if view.from_store != self._t.store_code:
            raise StateError("Store {store} asked store {holder} for these goods; that store "
                             "sends them.", store=view.to_store, holder=view.from_store)
        if view.fulfilled:
            raise StateError("This request was already sent as transfer {number}.",
                             number=view.transfer_number)
        return view

    def _list(self, condition) -> list[TransferRequestView]:
        with self._sessions() as s:
            rows = s.scalars(select(TransferRequest).where(condition)
                             .order_by(TransferRequest.requested_at.desc()).limit(200))
            return [_view(s, row) for row in rows]


def _view(s: Session, row: TransferRequest) -> TransferRequestView:
    lines = tuple(RequestLine(line["sku"], line["name"], Quantity(line["quantity_milli"]))
                  for line in json.loads(row.lines_json))
    number = s.scalar(select(TransferOrder.number).where(TransferOrder.id == row.id))
    return TransferRequestView(row.id, row.from_store_code, row.to_store_code, lines, row.note,
                               row.requested_by, row.requested_at, number)
