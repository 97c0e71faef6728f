"""The worker under load and age: a long upload backlog does not hold back downloads (nor
a long download the sales), and a till the cloud finds outdated keeps selling."""
from __future__ import annotations

import time

import pytest
from sqlalchemy import select, update

from app.db.models import OutboxEvent
from app.services.errors import NotFound
from app.sync.models import SyncQuarantine
from app.sync.outbox import pending_count
from app.sync.worker import SyncWorker
from tests.factories import CHIPS, COLA
from tests.sync.fast_till import till_template, tills  # noqa: F401
from tests.sync.fault_procs import cloud_books, queue_sales, till_books

pytestmark = pytest.mark.faults


def _wait_for(predicate, timeout_s=20.0):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def _known(till, sku):
    try:
        till.catalog.product_for_code(sku)
    except NotFound:
        return False
    return True


def test_a_price_change_arrives_while_a_day_of_sales_is_still_queued(tills, tenant, clock,
                                                                     cloud_db):
    till = tills.make(tenant, clock, batch_size=50)
    queue_sales(till.sessions, tenant, 1000, clock.now())
    till.put_product("D0001", name="可口可乐 330ml罐装", price_fen=300, barcodes=[COLA])
    worker = SyncWorker(till.client, till.sessions, clock, interval_s=3600,
                        push_batches_per_cycle=2)
    assert worker.run_cycle()
    assert till.catalog.product_for_code(COLA).unit_price.fen == 300  # already on the till
    assert worker.status().queued == 900                             # uploads go on
    worker.start()  # with a backlog the worker carries on at once, not after an hour
    try:
        assert _wait_for(lambda: worker.status().queued == 0)
    finally:
        worker.stop()
    books = cloud_books(cloud_db.database, tenant)
    assert books.sale_rows == 1000 and books.stock == {"D0001": -2_000_000}


def test_sales_go_up_while_a_long_download_is_under_way(tills, tenant, clock, cloud_db):
    till = tills.make(tenant, clock)
    for n in range(6):
        till.put_product(f"P{n:04d}", name=f"商品{n}", price_fen=100 + n)
    till.client._page_size = 2
    till.sell(COLA)
    worker = SyncWorker(till.client, till.sessions, clock, interval_s=3600,
                        pull_pages_per_cycle=1)
    assert worker.run_cycle()
    assert worker.status().queued == 0 and cloud_books(cloud_db.database, tenant).sale_rows == 1
    assert not _known(till, "P0005")  # the download is not done yet ...
    assert worker.status().download_left == 4  # ... and the status says how far it is
    worker.start()
    try:
        assert _wait_for(lambda: _known(till, "P0005"))
        assert _wait_for(lambda: worker.status().download_left == 0)
    finally:
        worker.stop()


def test_events_of_a_version_the_cloud_no_longer_takes_do_not_stop_the_till(tills, tenant,
                                                                            clock, cloud_db):
    till = tills.make(tenant, clock)
    till.sell(COLA)
    with till.sessions.begin() as s:  # written by an older release of the till
        s.execute(update(OutboxEvent).values(schema_version=0))
    till.sell(CHIPS)
    worker = SyncWorker(till.client, till.sessions, clock)
    assert worker.run_cycle()
    till.sell(COLA, CHIPS)  # selling goes on
    assert worker.run_cycle()
    with till.sessions() as s:
        assert pending_count(s) == 0
        [quarantined] = s.scalars(select(SyncQuarantine)).all()
    assert "schema version 0" in quarantined.reason
    books = cloud_books(cloud_db.database, tenant)
    till_sales, _ = till_books(till.sessions)
    assert books.sale_rows == 2 and books.sales < till_sales
    assert books.stock == {"D0001": -1000, "S0001": -2000}
