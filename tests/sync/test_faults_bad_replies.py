"""Replies the till cannot use: garbage, cut off, the wrong shape, 5xx. The till says
clearly what went wrong, keeps the events queued and gets them in on a later try."""
from __future__ import annotations

import json
import logging

import pytest
from sqlalchemy import select

from app.db.models import OutboxEvent
from app.sync.client import SyncError
from app.sync.models import SyncCursor
from app.sync.outbox import pending_count
from app.sync.worker import SyncWorker
from tests.factories import CHIPS, COLA
from tests.sync.fault_net import Garbage, ScriptedFront, http_reply
from tests.sync.fault_procs import assert_exactly_once, cloud_books, till_books
from tests.sync.fast_till import till_template, tills  # noqa: F401

pytestmark = pytest.mark.faults

HTML = http_reply("200 OK", b"<html><body>Wi-Fi login required</body></html>", "text/html")
TRUNCATED = http_reply("200 OK", b'{"results": [{"id": "01a2', length=400)
NOT_AN_OBJECT = http_reply("200 OK", b'["accepted", "accepted"]')
NO_RESULTS = http_reply("200 OK", b'{"ok": true}')
TOO_FEW = http_reply("200 OK", b'{"results": [{"id": "x", "status": "accepted"}]}')
WRONG_IDS = http_reply("200 OK", json.dumps({"results": [
    {"id": "00000000-0000-7000-8000-000000000000", "status": "accepted"}] * 2}).encode())
SERVER_ERROR = http_reply("500 Internal Server Error", b"Internal Server Error", "text/plain")

# name: (reply, what the till must say, whether the cloud got the request first)
CASES = {
    "html": (HTML, "not JSON (text/html", True),
    "html-never-reached": (HTML, "not JSON (text/html", False),
    "truncated": (TRUNCATED, "cut off", True),
    "not an object": (NOT_AN_OBJECT, "a JSON list instead of an object", True),
    "no results": (NO_RESULTS, "no list of results", True),
    "too few results": (TOO_FEW, "1 results for 2 events", True),
    "wrong ids": (WRONG_IDS, "no definite answer", True),
    "500": (SERVER_ERROR, "cloud answered 500", True),
    "500-never-reached": (SERVER_ERROR, "cloud answered 500", False),
}


@pytest.fixture
def front(cloud_server):
    front = ScriptedFront(cloud_server.base_url)
    yield front
    front.close()


@pytest.fixture
def till(tills, clock, tenant, front):
    return tills.make(tenant, clock, base_url=front.base_url, retries=0)


@pytest.mark.parametrize("case", list(CASES))
def test_an_unusable_reply_keeps_the_events_queued(case, till, front, clock, tenant, cloud_db,
                                                   caplog):
    garbage, message, forward = CASES[case]
    sessions = till.sessions
    till.sell(COLA, CHIPS)
    till.sell(COLA)
    front.script(Garbage(garbage, forward=forward))
    worker = SyncWorker(till.client, sessions, clock)
    with caplog.at_level(logging.WARNING, logger="app.sync.worker"):
        assert worker.run_cycle() is False
    status = worker.status()
    assert not status.online and status.queued == 2 and message in status.last_error
    assert any(message in r.getMessage() and "tries again" in r.getMessage()
               for r in caplog.records)
    with sessions() as s:
        rows = s.scalars(select(OutboxEvent)).all()
    assert all(r.sent_at is None and r.attempts == 1 for r in rows)
    assert worker.run_cycle() is True  # the next try goes through
    assert worker.status().queued == 0 and worker.status().online
    result_books = cloud_books(cloud_db.database, tenant)
    assert_exactly_once(result_books, *till_books(sessions))


def test_503_with_retry_after_is_waited_out_and_retried(tills, front, tenant, clock, cloud_db):
    till = tills.make(tenant, clock, base_url=front.base_url, retries=2)
    sessions = till.sessions
    till.sell(COLA)
    busy = http_reply("503 Service Unavailable", b'{"detail": "busy, try again"}',
                      extra="Retry-After: 1\r\n")
    front.script(Garbage(busy, forward=False))
    result = till.client.push_once()
    assert result.accepted == 1
    assert front.requests.count("POST /api/v1/events") == 2
    with sessions() as s:
        assert pending_count(s) == 0
    assert_exactly_once(cloud_books(cloud_db.database, tenant), *till_books(sessions))


@pytest.mark.parametrize("page", [b'{"changes": "all of them"}', b'{"changes": [], "next": "9"}',
                                  b'[]', b"<html>"])
def test_an_unreadable_change_page_leaves_the_cursor_alone(page, till, front):
    sessions = till.sessions
    till.put_product("N0001", name="新品", price_fen=450)
    front.script(Garbage(http_reply("200 OK", page), forward=False))
    with pytest.raises(SyncError, match="cannot read|not JSON"):
        till.client.pull_once()
    with sessions() as s:
        assert s.get(SyncCursor, "changes") is None
    assert till.client.pull_once().applied == 1
    assert till.catalog.product_for_code("N0001").unit_price.fen == 450
