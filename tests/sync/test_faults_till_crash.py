"""The till process SIGKILLed mid-push, then started again: every sale reaches the cloud once.

A real till process sells (full checkout, outbox in the same transaction) and
pushes through a proxy; the test kills it with SIGKILL, once at a chosen point
(the cloud has committed a batch, the till has not heard) and once at a random
moment of selling and pushing, then lets the till run again.
"""
from __future__ import annotations

import random
import time

import pytest

from app.sync.client import SyncClient, make_http_session, make_retry
from app.sync.outbox import pending_count
from tests.factories import make_store
from tests.sync.fault_net import FaultProxy
from tests.sync.fault_procs import (
    assert_exactly_once, cloud_books, sigkill, start_till, till_books, wait_for_line,
)

pytestmark = pytest.mark.faults


@pytest.fixture
def proxy(cloud_server):
    proxy = FaultProxy(cloud_server.port)
    yield proxy
    proxy.close()


@pytest.fixture
def till_db(engine, clock, tenant, db_path):
    make_store(engine, clock.now(), store_code=tenant.store, terminal_code=tenant.terminal)
    return db_path


def _push_after_restart(sessions, clock, tenant, base_url):
    client = SyncClient(sessions, base_url, tenant.token, tenant.store, tenant.terminal, clock,
                        http=make_http_session(make_retry(total=1)), timeout=(2.0, 20.0))
    try:
        return client.push_once()
    finally:
        client.close()


def test_killed_after_the_cloud_committed_but_before_the_till_heard(
        till_db, sessions, clock, tenant, proxy, cloud_db):
    held = proxy.hold_reply(skip=1)  # the first batch goes through, the second is held
    till = start_till(till_db, proxy.base_url, tenant, sales=12, push_every=12, batch=5)
    try:
        assert held.arrived.wait(60), "the till never sent its second batch"
    finally:
        sigkill(till)
        held.cut()
    with sessions() as s:
        assert pending_count(s) == 7  # the held batch is not marked sent
    assert cloud_books(cloud_db.database, tenant).events == 10  # ... but the cloud has it
    result = _push_after_restart(sessions, clock, tenant, proxy.base_url)
    assert (result.accepted, result.duplicate, result.rejected) == (2, 5, 0)
    with sessions() as s:
        assert pending_count(s) == 0
    sales, sold = till_books(sessions)
    assert len(sales) == 12 and sold == {"D0001": 12_000, "S0001": 4_000}
    assert_exactly_once(cloud_books(cloud_db.database, tenant), sales, sold)


def test_killed_at_a_random_moment_of_selling_and_pushing(
        till_db, sessions, clock, tenant, proxy, cloud_db):
    till = start_till(till_db, proxy.base_url, tenant, sales=400, push_every=2, batch=3)
    try:
        for _ in range(4):
            wait_for_line(till, "pushed")
        time.sleep(random.uniform(0.0, 0.05))
    finally:
        sigkill(till)
    # Started again: it sells a few more and pushes everything it has.
    again = start_till(till_db, proxy.base_url, tenant, sales=4, push_every=4, batch=50)
    try:
        wait_for_line(again, "done")
    finally:
        sigkill(again)
    with sessions() as s:
        assert pending_count(s) == 0
    sales, sold = till_books(sessions)
    assert len(sales) >= 4 + 8
    assert_exactly_once(cloud_books(cloud_db.database, tenant), sales, sold)
