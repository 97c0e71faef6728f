"""A day offline: 10,000 sales queue up on the till while the cloud is unreachable, then
drain when it comes back (issue 7). Every sale reaches the cloud exactly once, in the
till's order, and the cloud's counts and sums are the till's."""
from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.db.models import OutboxEvent
from app.sync.outbox import pending_count
from app.sync.worker import SyncWorker
from cloud.models import Sale
from tests.sync.fast_till import till_template, tills  # noqa: F401
from tests.sync.fault_net import FaultProxy
from tests.sync.fault_procs import cloud_books, queue_sales

pytestmark = pytest.mark.faults
SALES = 10_000
HOURS = 12  # trading hours of the day the till was offline


@pytest.fixture
def network(cloud_server):
    proxy = FaultProxy(cloud_server.port)
    yield proxy
    proxy.close()


def _queue_a_day(till, tenant, clock) -> list[str]:
    """SALES sales spread over the trading day, an hour's worth per transaction."""
    sale_ids: list[str] = []
    opened = clock.now()
    for hour in range(HOURS):
        count = SALES // HOURS + (1 if hour < SALES % HOURS else 0)
        sale_ids += queue_sales(till.sessions, tenant, count, opened + timedelta(hours=hour))
    return sale_ids


def test_ten_thousand_sales_queued_offline_drain_once_the_cloud_is_back(
        tills, clock, tenant, cloud_db, network):
    till = tills.make(tenant, clock, base_url=network.base_url, retries=0)
    worker = SyncWorker(till.client, till.sessions, clock)
    network.set_down(True)
    sale_ids = _queue_a_day(till, tenant, clock)
    assert len(set(sale_ids)) == SALES
    assert not worker.run_cycle()  # offline: nothing goes, nothing is lost
    status = worker.status()
    assert (status.online, status.queued) == (False, SALES)

    network.set_down(False)
    cycles = 0
    while worker.status().queued:
        assert worker.run_cycle(), worker.status().last_error
        cycles += 1
        assert cycles <= SALES // 500 + 2, "the backlog stopped draining"
    assert worker.status().online

    with till.sessions() as s:
        assert pending_count(s) == 0
        till_sent = s.scalar(select(func.count()).select_from(OutboxEvent)
                             .where(OutboxEvent.kind == "sale.completed",
                                    OutboxEvent.last_error == ""))
    assert till_sent == SALES  # none was rejected
    books = cloud_books(cloud_db.database, tenant)
    assert books.events == books.distinct_events == SALES
    assert books.sales == frozenset(sale_ids) and books.sale_rows == SALES
    assert books.sold == {"D0001": 2000 * SALES}
    assert books.stock == {"D0001": -2000 * SALES}
    with cloud_db.database.read() as conn:
        total = conn.scalar(select(func.sum(Sale.total_fen))
                            .where(Sale.merchant_id == tenant.merchant_id))
    assert total == 700 * SALES  # two colas at ¥3.50 each, every sale once

    # A second drain finds nothing to send: nothing is doubled.
    assert till.client.push_once().sent == 0
    assert cloud_books(cloud_db.database, tenant).sale_rows == SALES
