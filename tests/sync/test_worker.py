"""The background worker: drains the outbox, reports status, backs off and keeps trying."""
import time

from app.sync.client import SyncClient, make_http_session, make_retry
from app.sync.worker import Backoff, SyncWorker
from tests.cloud.harness import free_port
from tests.factories import COLA

WAIT_S = 20.0


def _wait_for(predicate, timeout_s=WAIT_S):
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(0.02)
    return False


def test_backoff_grows_is_jittered_and_capped():
    low = Backoff(base_s=1, cap_s=60, rand=lambda: 0.0)
    high = Backoff(base_s=1, cap_s=60, rand=lambda: 1.0)
    assert [low.delay(n) for n in range(4)] == [0.5, 1.0, 2.0, 4.0]
    assert [high.delay(n) for n in range(4)] == [1.0, 2.0, 4.0, 8.0]
    assert high.delay(10) == 60 and low.delay(10_000) == 30  # capped, never overflows


def test_the_worker_drains_the_outbox_on_sync_now(till, clock):
    worker = SyncWorker(till.client, till.sessions, clock, interval_s=60)
    worker.start()
    try:
        assert _wait_for(lambda: worker.status().last_success_at is not None)
        till.sell(COLA)
        till.sell(COLA)
        worker.sync_now()
        assert _wait_for(lambda: worker.status().queued == 0 and till.cloud_stock())
        status = worker.status()
        assert status.online and status.last_error == "" and status.failures == 0
        assert till.cloud_stock() == {"D0001": -2000}
    finally:
        worker.stop()


def test_offline_the_worker_keeps_trying_and_reports_why(till, clock, sessions):
    dead = f"http://127.0.0.1:{free_port()}"
    client = SyncClient(sessions, dead, till.tenant.token, till.tenant.store, "T01", clock,
                        http=make_http_session(make_retry(total=0)), timeout=(0.5, 1.0))
    seen = []
    worker = SyncWorker(client, sessions, clock, interval_s=60,
                        backoff=Backoff(base_s=0.01, cap_s=0.05), on_status=seen.append)
    till.sell(COLA)
    worker.start()
    try:
        assert _wait_for(lambda: worker.status().failures >= 3)
        status = worker.status()
        assert not status.online and status.queued == 1 and "unreachable" in status.last_error
    finally:
        worker.stop()
        client.close()
    assert len(seen) >= 3 and all(not s.online for s in seen)
