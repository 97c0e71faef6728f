"""The cloud SIGKILLed mid-batch and restarted, a reply lost after the commit, the same
batch twice at once: retries give duplicates, never double counts."""
from __future__ import annotations

import threading
import time
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from app.sync.client import SyncClient, SyncError, make_http_session, make_retry
from app.sync.outbox import pending_count
from tests.cloud.harness import HTTP_TIMEOUT, sale_event
from tests.factories import make_store
from tests.sync.fault_net import FaultProxy
from tests.sync.fault_procs import KillableCloud, cloud_books, queue_sales

pytestmark = pytest.mark.faults
EVENTS = 1000
BATCH = 250


@pytest.fixture(scope="module")
def killable(cloud_db, tmp_path_factory):
    cloud = KillableCloud(cloud_db.url, tmp_path_factory.mktemp("killable") / "cloud.log")
    yield cloud
    cloud.close()


@pytest.fixture
def client(engine, sessions, clock, tenant, killable):
    if killable.process is None:  # a failed test before left it dead
        killable.start()
    make_store(engine, clock.now(), store_code=tenant.store, terminal_code=tenant.terminal)
    proxy = FaultProxy(killable.port)
    # No quick urllib3 retries: each failure must reach the test as the worker would see it.
    client = SyncClient(sessions, proxy.base_url, tenant.token, tenant.store, tenant.terminal,
                        clock, http=make_http_session(make_retry(total=0)), timeout=(2.0, 20.0),
                        batch_size=BATCH)
    client.proxy = proxy
    yield client
    client.close()
    proxy.close()


def _assert_every_sale_once(cloud_db, tenant, sessions, sale_ids):
    books = cloud_books(cloud_db.database, tenant)
    assert books.sales == frozenset(sale_ids)
    assert books.events == books.distinct_events == len(sale_ids)
    assert books.stock == {"D0001": -2000 * len(sale_ids)}
    with sessions() as s:
        assert pending_count(s) == 0


def _push_in_background(client):
    outcome = {}

    def push():
        try:
            outcome["result"] = client.push_once()
        except SyncError as exc:
            outcome["error"] = exc

    thread = threading.Thread(target=push)
    thread.start()
    return thread, outcome


def test_cloud_killed_while_a_batch_is_in_flight(client, sessions, clock, tenant, killable,
                                                 cloud_db):
    sale_ids = queue_sales(sessions, tenant, EVENTS, clock.now())
    second_batch = client.proxy.when_request(2)
    thread, outcome = _push_in_background(client)
    assert second_batch.wait(30)
    time.sleep(0.01)  # into the server's transaction (or just past it: both must be safe)
    killable.kill()
    thread.join(30)
    assert "error" in outcome and "cloud" in str(outcome["error"])
    with sessions() as s:
        acknowledged = EVENTS - pending_count(s)
    assert acknowledged in (BATCH, 2 * BATCH, 3 * BATCH)
    stored = cloud_books(cloud_db.database, tenant).events
    # The batch the kill hit is stored whole or not at all, never in part.
    assert stored in (acknowledged, acknowledged + BATCH)
    killable.start()
    result = client.push_once()
    assert result.accepted == EVENTS - stored and result.duplicate == stored - acknowledged
    _assert_every_sale_once(cloud_db, tenant, sessions, sale_ids)


def test_cloud_killed_after_committing_before_answering(client, sessions, clock, tenant,
                                                        killable, cloud_db):
    sale_ids = queue_sales(sessions, tenant, 600, clock.now())
    held = client.proxy.hold_reply(skip=1)
    thread, outcome = _push_in_background(client)
    assert held.arrived.wait(30)  # the server has committed the second batch
    killable.kill()
    held.cut()
    thread.join(30)
    assert "error" in outcome
    assert cloud_books(cloud_db.database, tenant).events == 2 * BATCH
    killable.start()
    result = client.push_once()
    assert (result.accepted, result.duplicate) == (600 - 2 * BATCH, BATCH)
    _assert_every_sale_once(cloud_db, tenant, sessions, sale_ids)


def test_the_same_batch_sent_twice_at_once_is_counted_once(tenant, cloud_db):
    batch = {"events": [sale_event(tenant, seq) for seq in range(1, 201)]}

    def post(_):
        return requests.post(tenant.base_url + "/api/v1/events", json=batch,
                             headers=tenant.headers(), timeout=HTTP_TIMEOUT)

    with ThreadPoolExecutor(2) as pool:
        answers = list(pool.map(post, range(2)))
    for answer in answers:
        assert answer.status_code in (200, 503), answer.text
    retried = [post(0) for a in answers if a.status_code == 503]  # busy: the till retries
    counts = [a.json() for a in answers + retried if a.status_code == 200]
    assert sum(c["accepted"] for c in counts) == 200
    books = cloud_books(cloud_db.database, tenant)
    assert books.events == books.distinct_events == 200 and books.sale_rows == 200
    assert books.stock == {"D0001": -2000 * 200}
