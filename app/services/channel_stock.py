"""Stock at the merchant's other stores, asked from the till when it is online, and a
ship-from-store order for the customer at the counter.

Both go to the cloud directly with this till's device token (no outbox): an answer
is only useful now, so offline the cashier is told the lookup needs the network.
The ship-from-store request carries an id made when the form opened, so pressing
again after a timeout finds the first order instead of making a second one.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Callable
from urllib.parse import quote

import requests
from sqlalchemy.orm import Session, sessionmaker

from app.domain.money import Money
from app.domain.quantity import Quantity, extend
from app.services.catalog import CatalogService
from app.services.errors import InvalidInput, NotAllowed, NotFound, StateError
from app.services.members.members import normalize_phone
from app.sync.client import make_http_session, make_retry
from app.sync.enrolment import load_credential

LOOKUP_TIMEOUT = (3.05, 10.0)  # (connect, read) seconds: a customer is waiting


class NeedsNetwork(StateError):
    """The cloud cannot be reached (or this till has none)."""


@dataclass(frozen=True)
class StoreStock:
    store: str
    name: str
    on_hand: Quantity
    reserved: Quantity
    available: Quantity


@dataclass(frozen=True)
class StockLookup:
    sku_code: str
    name: str
    unit_price: Money          # this till's price, used for a ship-from-store order
    stores: tuple[StoreStock, ...]


@dataclass(frozen=True)
class ShipRequest:
    request_id: str            # made once per form: a retry finds the first order
    store: str
    sku_code: str
    quantity: Quantity
    unit_price: Money
    phone: str
    name: str
    address: str
    fulfilment: str = "ship"   # ship | same_city
    note: str = ""


@dataclass(frozen=True)
class ShippedOrder:
    order_id: str
    external_id: str
    store: str
    paid: Money


class CrossStoreStock:
    def __init__(self, sessions: sessionmaker[Session], catalog: CatalogService,
                 http_factory: Callable[[], requests.Session] | None = None) -> None:
        self._sessions = sessions
        self._catalog = catalog
        self._http_factory = http_factory or (lambda: make_http_session(make_retry(total=1)))

    def lookup(self, code: str) -> StockLookup:
        """The product of a scanned or typed code, with each other store's stock."""
        product = self._catalog.product_for_code(code)
        answer = self._call("GET", f"/channel/stock/{quote(product.sku_code, safe='')}")
        stores = tuple(StoreStock(row["store"], row["name"], Quantity(row["on_hand_milli"]),
                                  Quantity(row["reserved_milli"]),
                                  Quantity(row["available_milli"]))
                       for row in answer["stores"])
        return StockLookup(product.sku_code, product.name, product.unit_price, stores)

    def ship_from_store(self, request: ShipRequest) -> ShippedOrder:
        if request.quantity.milli <= 0:
            raise InvalidInput("Enter how many the customer wants.")
        if not request.address.strip():
            raise InvalidInput("Enter the address to send the goods to.")
        phone = normalize_phone(request.phone)
        paid = extend(request.unit_price, request.quantity)
        order = self._call("POST", "/channel/ship-from-store", {
            "external_id": request.request_id, "store": request.store,
            "fulfilment": request.fulfilment, "member": {"phone": phone, "name": request.name},
            "lines": [{"sku": request.sku_code, "quantity_milli": request.quantity.milli,
                       "unit_price_fen": request.unit_price.fen}],
            "paid_fen": paid.fen, "address": request.address.strip(), "note": request.note})
        return ShippedOrder(order["id"], order["external_id"], order["store"],
                            Money(order["paid_fen"]))

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> dict[str, Any]:
        credential = load_credential(self._sessions)
        if credential is None:
            raise NeedsNetwork("This till is not connected to a cloud, so it cannot see other "
                               "stores' stock.")
        http = self._http_factory()
        try:
            answer = http.request(method, credential.base_url.rstrip("/") + "/api/v1" + path,
                                  json=body, timeout=LOOKUP_TIMEOUT,
                                  headers={"Authorization": f"Bearer {credential.token}"})
        except requests.RequestException:
            raise NeedsNetwork("Other stores' stock needs the network, and the cloud cannot be "
                               "reached now. Check the connection and try again.") from None
        finally:
            http.close()
        return _answer(answer)


def _answer(answer: requests.Response) -> dict[str, Any]:
    if answer.status_code in (200, 201):
        return answer.json()
    try:
        detail = str(answer.json().get("detail", ""))
    except ValueError:
        detail = answer.text[:200]
    if answer.status_code == 401:
        raise NotAllowed("The cloud refused this till's access. Ask head office to enrol it "
                         "again.")
    if answer.status_code == 404:
        raise NotFound("The cloud does not know this product: {detail}", detail=detail)
    if answer.status_code in (409, 422):
        raise InvalidInput("The cloud refused the order: {detail}", detail=detail)
    raise NeedsNetwork("The cloud could not answer now (HTTP {status}). Try again in a moment.",
                       status=answer.status_code)
