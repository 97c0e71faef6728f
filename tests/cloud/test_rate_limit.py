"""Guessing is slowed: wrong enrolment codes and wrong admin tokens get 429 with Retry-After.

The server runs in-process on its own database, so the failures here never
throttle the enrolments other tests make against the shared session server.
Remote addresses are set with X-Forwarded-For, which uvicorn trusts from loopback.
"""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
import requests

from app.sync.client import SyncError
from app.sync.enrolment import enrol as till_enrol
from cloud import migrate, tenancy
from cloud.db import Database
from cloud.throttle import FailureLimiter
from tests.cloud.harness import HTTP_TIMEOUT, unique
from tests.cloud.inprocess import ThreadedCloud


@pytest.fixture
def cloud(tmp_path):
    url = f"sqlite:///{tmp_path / 'cloud.sqlite3'}"
    database = Database(url)
    migrate.upgrade(database)
    server = ThreadedCloud(url)
    yield server, database
    server.stop()
    database.dispose()


def _store_with_code(database, terminal="T01"):
    now = datetime.now(timezone.utc)
    with database.write() as conn:
        merchant = unique("商户")
        tenancy.create_merchant(conn, merchant, now)
        store = unique("S")
        tenancy.create_store(conn, merchant, store, "店", now)
        code = tenancy.issue_enrolment_code(conn, store, terminal, now)
        admin = tenancy.create_admin(conn, merchant, "hq", now)
    return code, admin


def _enrol(base_url, code, address="10.0.0.1"):
    return requests.post(base_url + "/api/v1/enrol", json={"code": code},
                         headers={"X-Forwarded-For": address}, timeout=HTTP_TIMEOUT)


def _wrong_code(prefix):
    return prefix + "-ZZZZ-ZZZZ"


def test_five_wrong_codes_from_one_address_then_even_the_right_code_waits(cloud):
    server, database = cloud
    code, _ = _store_with_code(database)
    for prefix in ("AAAA", "BBBB", "CCCC", "DDDD", "EEEE"):
        assert _enrol(server.base_url, _wrong_code(prefix)).status_code == 401
    refused = _enrol(server.base_url, code)
    assert refused.status_code == 429
    assert 1 <= int(refused.headers["Retry-After"]) <= 60
    assert "too many wrong enrolment codes" in refused.json()["detail"]
    # Another address is not held up by this one's guesses.
    answer = _enrol(server.base_url, code, address="10.0.0.2")
    assert answer.status_code == 200 and answer.json()["token"].startswith("mt_")


def test_guesses_at_one_code_prefix_from_many_addresses_are_slowed(cloud):
    server, database = cloud
    for n in range(5):
        assert _enrol(server.base_url, _wrong_code("QRST"), f"10.1.0.{n}").status_code == 401
    assert _enrol(server.base_url, "qrst-abcd-efgh", "10.1.0.99").status_code == 429
    assert _enrol(server.base_url, _wrong_code("WXYZ"), "10.1.0.99").status_code == 401


def test_invalid_bodies_and_right_codes_do_not_count(cloud):
    server, database = cloud
    for _ in range(6):
        bad = requests.post(server.base_url + "/api/v1/enrol", data=b"{not json",
                            headers={"X-Forwarded-For": "10.2.0.1",
                                     "content-type": "application/json"}, timeout=HTTP_TIMEOUT)
        assert bad.status_code == 422
    for terminal in ("T01", "T02", "T03"):
        code, _ = _store_with_code(database, terminal)
        assert _enrol(server.base_url, code, "10.2.0.1").status_code == 200


def test_wrong_admin_tokens_are_throttled_per_address(cloud):
    server, database = cloud
    _, admin = _store_with_code(database)
    url = server.base_url + "/api/v1/quarantine"

    def call(token, address):
        return requests.get(url, headers={"Authorization": f"Bearer {token}",
                                          "X-Forwarded-For": address}, timeout=HTTP_TIMEOUT)

    assert call(admin, "10.3.0.1").status_code == 200
    for n in range(5):
        assert call(f"ma_guess{n}", "10.3.0.1").status_code == 401
    blocked = call(admin, "10.3.0.1")
    assert blocked.status_code == 429 and int(blocked.headers["Retry-After"]) >= 1
    assert call(admin, "10.3.0.2").status_code == 200


def test_a_revoked_till_keeps_hearing_401_not_429(cloud):
    """Device tokens are not throttled: the till must learn it has to enrol again."""
    server, database = cloud
    code, _ = _store_with_code(database)
    token = _enrol(server.base_url, code).json()["token"]
    headers = {"Authorization": "Bearer mt_revoked-or-unknown"}
    statuses = {requests.get(server.base_url + "/api/v1/changes", headers=headers,
                             timeout=HTTP_TIMEOUT).status_code for _ in range(8)}
    assert statuses == {401}
    ok = requests.get(server.base_url + "/api/v1/changes",
                      headers={"Authorization": f"Bearer {token}"}, timeout=HTTP_TIMEOUT)
    assert ok.status_code == 200


def test_the_till_tells_the_manager_to_wait(cloud, sessions, clock):
    server, database = cloud
    for prefix in ("AAAA", "BBBB", "CCCC", "DDDD", "EEEE"):
        with pytest.raises(SyncError, match="wrong, used or expired"):
            till_enrol(sessions, server.base_url, _wrong_code(prefix), clock.now())
    with pytest.raises(SyncError, match=r"Too many wrong codes.*try again in \d+ s"):
        till_enrol(sessions, server.base_url, _wrong_code("FFFF"), clock.now())


def test_the_window_slides():
    now = [1000.0]
    limiter = FailureLimiter(limit=3, window_s=60, clock=lambda: now[0])
    key = [("enrol-addr", "10.9.9.9")]
    for step in (0, 10, 20):
        now[0] = 1000 + step
        assert limiter.retry_after(key) == 0
        limiter.record_failure(key)
    assert limiter.retry_after(key) == 40  # until the first failure is a minute old
    now[0] = 1060
    assert limiter.retry_after(key) == 0
    limiter.record_failure(key)
    assert limiter.retry_after(key) == 10  # the failures at 10 and 20 still count


def test_memory_stays_bounded_under_a_flood_of_addresses():
    now = [0.0]
    limiter = FailureLimiter(limit=5, window_s=60, clock=lambda: now[0], max_keys=100)
    for n in range(1000):
        now[0] = n  # each address fails once, a second apart
        limiter.record_failure([("enrol-addr", f"10.0.{n // 256}.{n % 256}")])
    assert len(limiter._failures) <= 100
