"""A till whose clock is hours or days off: nothing is dropped or reordered (the terminal
sequence orders events, not their timestamps) and the cloud keeps its own time."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import select

from app.db.models import OutboxEvent, Sale as TillSale
from app.domain.clock import FixedClock
from cloud.models import Event, Sale
from tests.factories import COLA, WATER
from tests.sync.fast_till import till_template, tills  # noqa: F401
from tests.sync.fault_procs import assert_exactly_once, cloud_books, till_books

pytestmark = pytest.mark.faults


def test_a_skewed_clock_neither_reorders_nor_drops_events(tills, tenant, cloud_db):
    real_now = datetime.now(timezone.utc).replace(microsecond=0)
    clock = FixedClock(real_now + timedelta(days=3))        # days ahead
    till = tills.make(tenant, clock)
    moments = []
    for offset in (timedelta(days=3), timedelta(hours=-6),  # then set back by NTP
                   timedelta(days=-2), timedelta(days=3, minutes=1)):
        clock._now = real_now + offset
        moments.append(clock.now())
        till.sell(COLA, WATER)
    with till.sessions() as s:
        by_time = s.scalars(select(TillSale.id).order_by(TillSale.completed_at)).all()
        by_seq = [json.loads(p)["sale_id"] for p in
                  s.scalars(select(OutboxEvent.payload).order_by(OutboxEvent.seq))]
    assert len(by_seq) == 4 and by_time != by_seq  # the timestamps tell another story

    result = till.client.push_once()
    assert (result.accepted, result.rejected) == (4, 0)
    pushed_at = datetime.now(timezone.utc)

    with cloud_db.database.read() as conn:
        events = conn.execute(select(Event.seq, Event.created_at, Event.received_at,
                                     Event.payload)
                              .where(Event.merchant_id == tenant.merchant_id)
                              .order_by(Event.seq)).all()
        dates = dict(conn.execute(select(Sale.id, Sale.business_date)
                                  .where(Sale.merchant_id == tenant.merchant_id)).all())
    # In selling order by the terminal's sequence, whatever the timestamps say.
    assert [e.payload["sale_id"] for e in events] == by_seq
    assert [e.created_at.replace(tzinfo=timezone.utc) for e in events] == moments
    # The cloud stamps receipt with its own clock, not the till's.
    for event in events:
        received = event.received_at.replace(tzinfo=timezone.utc)
        assert real_now - timedelta(minutes=1) <= received <= pushed_at + timedelta(seconds=1)
    # The business day is the one on the customer's receipt.
    assert sorted(dates.values()) == sorted(
        (m + timedelta(hours=8)).strftime("%Y-%m-%d") for m in moments)
    assert_exactly_once(cloud_books(cloud_db.database, tenant), *till_books(till.sessions))


def test_a_till_days_behind_still_gets_every_change(tills, tenant):
    """Pulling goes by the cloud's version numbers; the till's clock plays no part."""
    clock = FixedClock(datetime.now(timezone.utc) - timedelta(days=40))
    till = tills.make(tenant, clock)
    till.put_product("D0001", name="可口可乐 330ml罐装", price_fen=300, barcodes=[COLA])
    result = till.client.pull_once()
    assert result.applied == 1 and result.caught_up
    assert till.catalog.product_for_code(COLA).unit_price.fen == 300
