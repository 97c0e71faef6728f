"""Hypothesis drives a till and a cloud through random faults.

Rules: sell, the network goes down and comes back, push, the server restarts
(gracefully or dropping connections), a reply is lost after the commit, the
till forgets acknowledgements (a crash between send and record), and old events
are delivered again in reverse order. Invariants after every step: the cloud
holds only sales the till made, each once, with stock moved once per line; every
acknowledged sale is in the cloud; pushing while online drains the queue. At the
end, online again, the cloud holds exactly the till's sales.
"""
from __future__ import annotations

import json
from dataclasses import dataclass

import pytest
import requests
from hypothesis import HealthCheck, settings, strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test,
)
from sqlalchemy import desc, select, update

from app.db.models import OutboxEvent
from app.sync.client import SyncError
from app.sync.outbox import pending_count
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant
from tests.cloud.inprocess import ThreadedCloud
from tests.factories import CHIPS, COLA, WATER
from tests.sync.fast_till import till_template, tills  # noqa: F401
from tests.sync.fault_net import FaultProxy
from tests.sync.fault_procs import assert_exactly_once, cloud_books, till_books

pytestmark = pytest.mark.faults
MAX_RESTARTS = 2  # per example: a restart costs ~0.2 s, and two show the point


@dataclass
class World:
    cloud: ThreadedCloud
    proxy: FaultProxy
    tills: object
    clock: object
    database: object


class TillAndCloud(RuleBasedStateMachine):
    world: World  # set by the test before the run

    def __init__(self) -> None:
        super().__init__()
        world = self.world
        world.proxy.set_down(False)
        world.proxy.drop_next_replies(0)
        self.tenant = make_tenant(world.database, world.cloud.base_url)
        self.till = world.tills.make(self.tenant, world.clock, base_url=world.proxy.base_url,
                                     retries=1, timeout=(1.0, 10.0), batch_size=7)
        self.online = True
        self.restarts = 0

    # --- helpers -----------------------------------------------------------
    def _pending(self) -> int:
        with self.till.sessions() as s:
            return pending_count(s)

    def _sent(self) -> list[OutboxEvent]:
        with self.till.sessions() as s:
            return s.scalars(select(OutboxEvent).where(OutboxEvent.sent_at.is_not(None))
                             .order_by(OutboxEvent.seq)).all()

    def _push_and_drain(self) -> None:
        self.till.client.push_once()
        assert self._pending() == 0, "online, the queue must drain"

    # --- rules -------------------------------------------------------------
    @rule(codes=st.lists(st.sampled_from([COLA, CHIPS, WATER]), min_size=1, max_size=3))
    def sell(self, codes):
        self.till.sell(*codes)

    @rule()
    def go_offline(self):
        self.world.proxy.set_down(True)
        self.online = False

    @rule()
    def go_online(self):
        self.world.proxy.set_down(False)
        self.online = True

    @rule()
    def push(self):
        before = self._pending()
        if self.online:
            self._push_and_drain()
        elif before:
            with pytest.raises(SyncError):
                self.till.client.push_once()
            assert self._pending() == before, "offline, nothing may leave the queue"

    @precondition(lambda self: self.restarts < MAX_RESTARTS)
    @rule(abrupt=st.booleans())
    def restart_server(self, abrupt):
        self.world.cloud.restart(abrupt=abrupt)
        self.restarts += 1

    @precondition(lambda self: self.online)
    @rule()
    def lose_a_reply(self):
        self.world.proxy.drop_next_replies(1)
        try:
            self.till.client.push_once()  # the quick retry usually hears "duplicate"
        except SyncError:
            pass
        self.world.proxy.drop_next_replies(0)
        self._push_and_drain()

    @precondition(lambda self: self._sent())
    @rule(data=st.data())
    def forget_acknowledgements(self, data):
        """The till died after sending, before it recorded the answers."""
        sent = self._sent()
        count = data.draw(st.integers(1, len(sent)), label="forgotten")
        with self.till.sessions.begin() as s:
            newest = select(OutboxEvent.seq).where(OutboxEvent.sent_at.is_not(None)) \
                .order_by(desc(OutboxEvent.seq)).limit(count)
            s.execute(update(OutboxEvent).where(OutboxEvent.seq.in_(newest))
                      .values(sent_at=None))

    @precondition(lambda self: self._sent())
    @rule()
    def deliver_old_events_again_in_reverse(self):
        wire = [{"id": e.id, "seq": e.seq, "kind": e.kind, "schema_version": e.schema_version,
                 "store": self.tenant.store, "terminal": self.tenant.terminal,
                 "created_at": e.created_at.isoformat(), "payload": json.loads(e.payload)}
                for e in reversed(self._sent())]
        answer = requests.post(self.tenant.base_url + "/api/v1/events", json={"events": wire},
                               headers=self.tenant.headers(), timeout=HTTP_TIMEOUT)
        assert answer.status_code == 200, answer.text
        assert {r["status"] for r in answer.json()["results"]} == {"duplicate"}

    # --- invariants ----------------------------------------------------------
    @invariant()
    def the_cloud_holds_each_sale_at_most_once(self):
        books = cloud_books(self.world.database, self.tenant)
        till_sales, _ = till_books(self.till.sessions)
        assert books.sales <= till_sales
        assert books.events == books.distinct_events
        assert books.stock == {sku: -qty for sku, qty in books.sold.items()}
        acknowledged = {json.loads(e.payload)["sale_id"] for e in self._sent()}
        assert acknowledged <= books.sales

    def teardown(self):
        self.world.proxy.set_down(False)
        self.online = True
        self._push_and_drain()
        assert_exactly_once(cloud_books(self.world.database, self.tenant),
                            *till_books(self.till.sessions))


@pytest.fixture
def world(cloud_db, tills, clock):
    cloud = ThreadedCloud(cloud_db.url)
    proxy = FaultProxy(cloud.port)
    yield World(cloud, proxy, tills, clock, cloud_db.database)
    proxy.close()
    cloud.stop(abrupt=True)


def test_random_faults_never_lose_or_double_a_sale(world):
    TillAndCloud.world = world
    run_state_machine_as_test(TillAndCloud, settings=settings(
        max_examples=8, stateful_step_count=15, deadline=None, database=None,
        suppress_health_check=list(HealthCheck)))
