"""A transfer (调拨) between two stores' tills through a real cloud server on loopback:
store A sends, the goods are in transit, store B's till gets the transfer down the change
log and receives it with differences, and store A sees it received."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests
from sqlalchemy import func, select, update

from app.db import migrate
from app.db.engine import make_engine, make_session_factory
from app.db.models import OutboxEvent, Product, StockMovement
from app.services.context import load_context
from app.services.errors import NotFound, StateError
from app.services.inventory.stock import StockService
from app.services.inventory.transfers import TransferService
from app.sync.client import SyncClient
from app.sync.models import SyncCredential, SyncCursor
from app.sync.outbox import add_event
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant, unique
from tests.factories import make_store


class StoreTill:
    """One store's till: its own SQLite file, enrolled with the cloud."""

    def __init__(self, path, clock, tenant):
        self.engine = make_engine(f"sqlite:///{path}")
        migrate.upgrade(self.engine, path)
        self.sessions = make_session_factory(self.engine)
        self.tenant = tenant
        make_store(self.engine, clock.now(), store_code=tenant.store, terminal_code=tenant.terminal)
        with self.sessions.begin() as s:  # what enrolment stores
            s.add(SyncCredential(id=1, base_url=tenant.base_url, store_code=tenant.store,
                                 terminal_code=tenant.terminal, token=tenant.token,
                                 enrolled_at=clock.now()))
        ctx = load_context(self.sessions, tenant.store, tenant.terminal)
        self.store_id = ctx.store_id
        self.transfers = TransferService(self.sessions, ctx, clock)
        self.stock = StockService(self.sessions, ctx.store_id, clock, ctx.terminal_id)
        self.client = SyncClient(self.sessions, tenant.base_url, tenant.token, tenant.store,
                                 tenant.terminal, clock, timeout=HTTP_TIMEOUT)

    def product(self, sku: str) -> str:
        with self.sessions() as s:
            return s.scalar(select(Product.id).where(Product.sku_code == sku))

    def on_hand(self, sku: str) -> int:
        return self.stock.level(self.product(sku)).on_hand_milli

    def cloud_transfers(self) -> dict:
        answer = requests.get(f"{self.tenant.base_url}/api/v1/stores/{self.tenant.store}/transfers",
                              headers=self.tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def cloud_stock(self) -> dict:
        answer = requests.get(f"{self.tenant.base_url}/api/v1/stores/{self.tenant.store}/stock",
                              headers=self.tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
        assert answer.status_code == 200, answer.text
        return answer.json()

    def close(self):
        self.client.close()
        self.engine.dispose()


@pytest.fixture
def stores(tmp_path, clock, cloud_db, cloud_server):
    """Two stores of one merchant, each with its own enrolled till."""
    first = make_tenant(cloud_db.database, cloud_server.base_url)
    second = make_tenant(cloud_db.database, cloud_server.base_url, store=unique("S", 12),
                         merchant=first.merchant)
    a = StoreTill(tmp_path / "a.sqlite3", clock, first)
    b = StoreTill(tmp_path / "b.sqlite3", clock, second)
    yield a, b
    a.close()
    b.close()


def _transfer_events(till: StoreTill) -> dict[str, str]:
    """kind -> how the cloud answered (sent / rejected: reason) for this till's transfer events."""
    with till.sessions() as s:
        rows = s.execute(select(OutboxEvent.kind, OutboxEvent.sent_at, OutboxEvent.last_error)
                         .where(OutboxEvent.kind.like("transfer.%"))).all()
    return {kind: (error or "sent") if sent_at else "queued" for kind, sent_at, error in rows}


def _send_again(till: StoreTill) -> None:
    """A lost reply: the till sends everything once more."""
    with till.sessions.begin() as s:
        s.execute(update(OutboxEvent).values(sent_at=None))


def test_transfer_travels_through_the_cloud_with_differences(stores):
    a, b = stores
    cola, chips, water = (a.product(sku) for sku in ("D0001", "S0001", "D0002"))
    transfer_id = a.transfers.send(b.tenant.store, {cola: 10_000, chips: 5_000, water: 4_000})
    assert a.on_hand("D0001") == 90_000  # left the store at once
    assert a.transfers.in_transit()["D0001"] == (10_000, 0)

    pushed = a.client.push_once()
    assert _transfer_events(a) == {"transfer.sent": "sent"}
    cloud_stock = a.cloud_stock()
    _send_again(a)
    again = a.client.push_once()
    assert again.accepted == 0 and again.duplicate == pushed.accepted
    assert a.cloud_stock() == cloud_stock  # whatever the cloud projects, it projects once

    cloud = a.cloud_transfers()
    assert [t["status"] for t in cloud["transfers"]] == ["in_transit"]  # one, not two
    assert cloud["in_transit_milli"]["outgoing"] == {"D0001": 10_000, "S0001": 5_000,
                                                     "D0002": 4_000}
    assert b.cloud_transfers()["in_transit_milli"]["incoming"]["D0001"] == 10_000

    b.client.pull_once()
    [incoming] = b.transfers.incoming()
    assert (incoming.id, incoming.status, incoming.from_store_code) == (
        transfer_id, "in_transit", a.tenant.store)
    assert b.transfers.in_transit()["S0001"] == (0, 5_000)
    assert b.on_hand("D0001") == 100_000  # nothing arrives before it is received

    view = b.transfers.receive(transfer_id, received={"D0001": 8_000, "S0001": 6_000},
                               damaged={"D0002": 1_000}, notes={"D0002": "crushed"})
    assert {(l.sku_code, l.short_milli, l.over_milli, l.damaged_milli, l.note)
            for l in view.differences} == {("D0001", 2_000, 0, 0, ""), ("S0001", 0, 1_000, 0, ""),
                                          ("D0002", 0, 0, 1_000, "crushed")}
    assert (b.on_hand("D0001"), b.on_hand("S0001"), b.on_hand("D0002")) == (108_000, 36_000, 53_000)
    with pytest.raises(StateError, match="already received"):
        b.transfers.receive(transfer_id)

    b.client.push_once()
    assert _transfer_events(b) == {"transfer.received": "sent"}
    _send_again(b)
    b.client.push_once()
    b.client.pull_once()
    with b.sessions.begin() as s:  # a till that pulls everything again
        s.execute(update(SyncCursor).values(version=0))
    b.client.pull_once()
    assert len(b.transfers.incoming()) == 1
    assert (b.on_hand("D0001"), b.on_hand("D0002")) == (108_000, 53_000)  # not doubled

    [closed] = b.cloud_transfers()["transfers"]
    assert closed["status"] == "received"
    assert [(l["sku"], l["sent_milli"], l["received_milli"], l["damaged_milli"], l["note"])
            for l in closed["lines"]] == [("D0001", 10_000, 8_000, 0, ""),
                                          ("S0001", 5_000, 6_000, 0, ""),
                                          ("D0002", 4_000, 4_000, 1_000, "crushed")]
    assert a.cloud_transfers()["in_transit_milli"]["outgoing"] == {}

    a.client.pull_once()
    [outgoing] = a.transfers.outgoing()
    assert outgoing.status == "received"
    assert {(l.sku_code, l.difference_milli, l.damaged_milli) for l in outgoing.differences} == {
        ("D0001", -2_000, 0), ("S0001", 1_000, 0), ("D0002", 0, 1_000)}
    assert a.transfers.in_transit() == {}
    assert a.on_hand("D0001") == 90_000


def test_a_transfer_to_a_store_head_office_does_not_know_comes_back(stores):
    a, b = stores
    cola = a.product("D0001")
    transfer_id = a.transfers.send("NOSUCH1", {cola: 3_000})
    a.client.push_once()
    assert _transfer_events(a) == {"transfer.sent": "sent"}
    a.client.pull_once()
    refused = a.transfers.view(transfer_id)
    assert refused.status == "refused" and "no store NOSUCH1" in refused.reason
    with pytest.raises(StateError, match="it is received there"):
        a.transfers.receive(transfer_id)
    assert a.on_hand("D0001") == 97_000
    assert a.transfers.take_back(transfer_id).status == "returned"
    assert a.on_hand("D0001") == 100_000
    b.client.pull_once()
    assert b.transfers.incoming() == []


def test_a_till_without_the_cloud_only_sends_to_stores_it_knows(tmp_path, clock):
    path = tmp_path / "alone.sqlite3"
    engine = make_engine(f"sqlite:///{path}")
    migrate.upgrade(engine, path)
    sessions = make_session_factory(engine)
    make_store(engine, clock.now())
    service = TransferService(sessions, load_context(sessions, "S001", "T01"), clock)
    with sessions() as s:
        cola = s.scalar(select(Product.id).where(Product.sku_code == "D0001"))
    with pytest.raises(NotFound, match="not known here"):
        service.send("S777", {cola: 1_000})
    with sessions() as s:
        assert s.scalar(select(func.count()).select_from(StockMovement)
                        .where(StockMovement.kind == "transfer_out")) == 0
    engine.dispose()


def test_only_the_receiving_store_can_close_a_transfer(stores):
    a, b = stores
    transfer_id = a.transfers.send(b.tenant.store, {a.product("D0001"): 2_000})
    with a.sessions.begin() as s:  # a till of the sending store claims the goods arrived
        add_event(s, "transfer.received", transfer_id, {
            "transfer_id": transfer_id, "number": "TR-X", "from_store": a.tenant.store,
            "to_store": b.tenant.store, "received_at": "2026-11-25T09:00:00+00:00",
            "lines": [{"sku_code": "D0001", "sent_milli": 2_000, "received_milli": 2_000}]},
            datetime.now(timezone.utc))
    a.client.push_once()
    [still_open] = b.cloud_transfers()["transfers"]
    assert still_open["status"] == "in_transit"
    b.client.pull_once()
    assert [v.status for v in b.transfers.incoming()] == ["in_transit"]
