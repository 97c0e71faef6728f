"""Pushing events: each stored once, projections once, rejects quarantined, never blocking."""
import threading
import uuid
from datetime import datetime, timezone

import requests
from sqlalchemy import func, select

from cloud.models import Event, QuarantinedEvent, Sale, SaleLine
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant, sale_event


def _push(tenant, events):
    answer = requests.post(tenant.base_url + "/api/v1/events", headers=tenant.headers(),
                           json={"events": events}, timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _stock(tenant) -> dict:
    return requests.get(f"{tenant.base_url}/api/v1/stores/{tenant.store}/stock",
                        headers=tenant.headers(), timeout=HTTP_TIMEOUT).json()["on_hand_milli"]


def _counts(cloud_db, tenant):
    with cloud_db.database.read() as conn:
        events = conn.scalar(select(func.count()).select_from(Event)
                             .where(Event.merchant_id == tenant.merchant_id))
        sales = conn.scalar(select(func.count()).select_from(Sale)
                            .where(Sale.merchant_id == tenant.merchant_id))
        lines = conn.scalar(select(func.count()).select_from(SaleLine).join(Sale)
                            .where(Sale.merchant_id == tenant.merchant_id))
    return events, sales, lines


def test_a_batch_is_accepted_and_projected(cloud_db, tenant):
    batch = [sale_event(tenant, i, [("D0001", 1000), ("S0001", 500)]) for i in range(1, 4)]
    answer = _push(tenant, batch)
    assert [r["status"] for r in answer["results"]] == ["accepted"] * 3
    assert [r["id"] for r in answer["results"]] == [e["id"] for e in batch]
    assert _stock(tenant) == {"D0001": -3000, "S0001": -1500}
    assert _counts(cloud_db, tenant) == (3, 3, 6)
    with cloud_db.database.read() as conn:
        stored = conn.execute(select(Event.created_at, Event.payload, Sale.completed_at)
                              .join(Sale, Sale.event_id == Event.id)
                              .where(Event.id == batch[0]["id"])).one()
    at_eight = datetime(2026, 11, 25, 8, 0, tzinfo=timezone.utc)  # UTC in, UTC out
    assert stored.created_at == at_eight and stored.completed_at == at_eight
    assert stored.payload == batch[0]["payload"]


def test_the_same_batch_twice_counts_once(cloud_db, tenant):
    batch = [sale_event(tenant, i) for i in range(1, 6)]
    _push(tenant, batch)
    again = _push(tenant, batch)
    assert again["duplicate"] == 5 and again["accepted"] == 0
    assert _stock(tenant) == {"D0001": -10_000}
    assert _counts(cloud_db, tenant) == (5, 5, 5)


def test_a_copy_inside_one_batch_is_a_duplicate(cloud_db, tenant):
    event = sale_event(tenant, 1)
    answer = _push(tenant, [event, event])
    assert [r["status"] for r in answer["results"]] == ["accepted", "duplicate"]
    assert _stock(tenant) == {"D0001": -2000}


def test_the_same_batch_from_two_threads_at_once_counts_once(cloud_db, tenant):
    batch = [sale_event(tenant, i) for i in range(1, 201)]
    answers, errors = [], []
    start = threading.Barrier(4)

    def send():
        try:
            start.wait(10)
            answers.append(_push(tenant, batch))
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert not errors and len(answers) == 4
    assert sum(a["accepted"] for a in answers) == 200
    assert sum(a["duplicate"] for a in answers) == 600
    assert _stock(tenant) == {"D0001": -400_000}
    assert _counts(cloud_db, tenant) == (200, 200, 200)


def test_rejected_events_are_quarantined_and_the_rest_accepted(cloud_db, tenant):
    good1, good2 = sale_event(tenant, 1), sale_event(tenant, 6)
    unknown = sale_event(tenant, 2, kind="loyalty.teleported")
    future = sale_event(tenant, 3, schema_version=7)
    float_money = sale_event(tenant, 4)
    float_money["payload"]["total_fen"] = 7.0
    no_id = {"seq": 5, "kind": "sale.completed"}
    batch = [good1, unknown, future, float_money, no_id, good2]
    answer = _push(tenant, batch)
    assert [r["status"] for r in answer["results"]] == [
        "accepted", "rejected", "rejected", "rejected", "rejected", "accepted"]
    reasons = [r.get("reason", "") for r in answer["results"]]
    assert "unknown kind" in reasons[1] and "schema version 7" in reasons[2]
    assert "malformed payload" in reasons[3] and "total_fen" in reasons[3]
    assert "malformed event" in reasons[4]
    assert _stock(tenant) == {"D0001": -4000}
    quarantine = requests.get(tenant.base_url + "/api/v1/quarantine",
                              headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT).json()
    assert [q["event_id"] for q in quarantine["events"]] == [
        unknown["id"], future["id"], float_money["id"], None]
    assert quarantine["events"][0]["raw"]["kind"] == "loyalty.teleported"
    # Sending them again quarantines nothing twice, except the id-less event that
    # cannot be recognised.
    _push(tenant, batch)
    with cloud_db.database.read() as conn:
        assert conn.scalar(select(func.count()).select_from(QuarantinedEvent).where(
            QuarantinedEvent.merchant_id == tenant.merchant_id)) == 4 + 1


def test_quarantine_is_per_merchant(cloud_db, cloud_server, tenant):
    _push(tenant, [sale_event(tenant, 1, kind="nope")])
    other = make_tenant(cloud_db.database, cloud_server.base_url)
    seen = requests.get(tenant.base_url + "/api/v1/quarantine", headers=other.headers(admin=True),
                        timeout=HTTP_TIMEOUT).json()
    assert seen["events"] == []


def test_a_sale_id_recorded_by_another_event_is_rejected(tenant):
    first = sale_event(tenant, 1)
    clone = sale_event(tenant, 2, payload=first["payload"])
    answer = _push(tenant, [first, clone])
    assert [r["status"] for r in answer["results"]] == ["accepted", "rejected"]
    assert "already recorded" in answer["results"][1]["reason"]
    assert _stock(tenant) == {"D0001": -2000}


def test_a_batch_over_500_is_refused_whole(tenant):
    batch = [sale_event(tenant, i) for i in range(1, 502)]
    answer = requests.post(tenant.base_url + "/api/v1/events", headers=tenant.headers(),
                           json={"events": batch}, timeout=HTTP_TIMEOUT)
    assert answer.status_code == 413


def test_money_stays_integer_fen(cloud_db, tenant):
    event = sale_event(tenant, 1, [("A0001", 1000)])
    event["payload"]["total_fen"] = 2_147_483_647_00  # beyond 32 bits, still exact
    _push(tenant, [event])
    with cloud_db.database.read() as conn:
        total = conn.scalar(select(Sale.total_fen).where(Sale.event_id == event["id"]))
    assert total == 2_147_483_647_00 and isinstance(total, int)


def test_event_ids_must_be_canonical_uuids(tenant):
    event = sale_event(tenant, 1, event_id=str(uuid.uuid4()).upper())
    answer = _push(tenant, [event])
    assert answer["results"][0]["status"] == "rejected"
