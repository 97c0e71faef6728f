"""Lost replies: the cloud committed, the till never heard. Retrying must not double count."""
import pytest
from sqlalchemy import func, select

from app.sync.client import SyncClient, SyncError, make_http_session, make_retry
from app.sync.outbox import pending_count
from cloud.models import Event, Sale
from tests.factories import CHIPS, COLA
from tests.sync.proxy import DroppingProxy
from tests.sync.tills import make_till

pytestmark = pytest.mark.faults


@pytest.fixture
def proxy(cloud_server):
    proxy = DroppingProxy(cloud_server.port)
    yield proxy
    proxy.close()


def _cloud_counts(cloud_db, tenant):
    with cloud_db.database.read() as conn:
        events = conn.scalar(select(func.count()).select_from(Event)
                             .where(Event.merchant_id == tenant.merchant_id))
        sales = conn.scalar(select(func.count()).select_from(Sale)
                            .where(Sale.merchant_id == tenant.merchant_id))
    return events, sales


def test_urllib3_retries_a_lost_reply_and_the_cloud_counts_once(
        engine, sessions, clock, tenant, proxy, cloud_db):
    till = make_till(engine, sessions, clock, tenant, base_url=proxy.base_url)
    till.sell(COLA, CHIPS)
    till.sell(COLA)
    proxy.drop_next_replies(1)
    result = till.client.push_once()
    assert proxy.dropped == 1
    # The retry found both events already stored.
    assert (result.accepted, result.duplicate) == (0, 2)
    assert _cloud_counts(cloud_db, tenant) == (2, 2)
    assert till.cloud_stock() == {"D0001": -2000, "S0001": -1000}
    till.client.close()


def test_when_retries_run_out_the_events_stay_queued_then_go_once(
        engine, sessions, clock, tenant, proxy, cloud_db):
    till = make_till(engine, sessions, clock, tenant, base_url=proxy.base_url,
                     http=make_http_session(make_retry(total=1)))
    for _ in range(3):
        till.sell(COLA)
    proxy.drop_next_replies(2)  # the first try and its one retry
    with pytest.raises(SyncError):
        till.client.push_once()
    with sessions() as s:
        assert pending_count(s) == 3
    assert _cloud_counts(cloud_db, tenant) == (3, 3)  # committed all the same
    result = till.client.push_once()
    assert (result.accepted, result.duplicate) == (0, 3)
    with sessions() as s:
        assert pending_count(s) == 0
    assert till.cloud_stock() == {"D0001": -3000}
    till.client.close()
