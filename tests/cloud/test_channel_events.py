"""Store moves pushed by tills as channel_order.transition events follow the same rules."""
import uuid

import pytest
import requests
from sqlalchemy import func, select

from cloud.models import Event
from tests.cloud.channel_helpers import make_shop
from tests.cloud.harness import HTTP_TIMEOUT


@pytest.fixture
def shop(cloud_db, tenant):
    return make_shop(cloud_db.database, tenant)


def _move_event(shop, seq: int, order_id: str, to: str, **fields) -> dict:
    tenant = shop.tenant
    return {"id": str(uuid.uuid4()), "seq": seq, "kind": "channel_order.transition",
            "schema_version": 1, "store": tenant.store, "terminal": tenant.terminal,
            "created_at": "2026-11-25T08:00:00+00:00",
            "payload": {"order_id": order_id, "to": to, "actor": "1001", "store": tenant.store,
                        "at": "2026-11-25T08:00:00+00:00", **fields}}


def _push(shop, events) -> list[dict]:
    answer = requests.post(shop.base + "/events", json={"events": events},
                           headers=shop.tenant.headers(), timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    return answer.json()["results"]


def test_a_batch_of_moves_is_applied_in_terminal_order(shop):
    order = shop.submit(shop.order_body()).json()
    code = shop.order(order["id"])["pickup_code"]
    events = [_move_event(shop, 1, order["id"], "accepted"),
              _move_event(shop, 2, order["id"], "picking"),
              _move_event(shop, 3, order["id"], "ready"),
              _move_event(shop, 4, order["id"], "picked_up", pickup_code=code),
              _move_event(shop, 5, order["id"], "completed")]
    assert [r["status"] for r in _push(shop, events)] == ["accepted"] * 5
    final = shop.order(order["id"])
    assert final["status"] == "completed"
    assert final["history"][1]["actor"] == f"{shop.tenant.store}/{shop.tenant.terminal}/1001"
    assert shop.stock()["on_hand_milli"]["D0001"] == 8000 and shop.stock()["reserved_milli"] == {}
    again = _push(shop, events)  # a retry after a lost reply changes nothing
    assert [r["status"] for r in again] == ["duplicate"] * 5
    assert shop.stock()["on_hand_milli"]["D0001"] == 8000


def test_an_illegal_move_is_rejected_quarantined_and_not_stored(cloud_db, shop):
    order = shop.submit(shop.order_body()).json()
    assert shop.move(order["id"], "cancelled", as_channel=True, reason="不要了").status_code == 200
    late = _move_event(shop, 1, order["id"], "accepted")
    unknown = _move_event(shop, 2, str(uuid.uuid4()), "accepted")
    results = _push(shop, [late, unknown])
    assert [r["status"] for r in results] == ["rejected", "rejected"]
    assert "is cancelled and cannot become accepted" in results[0]["reason"]
    assert "no channel order" in results[1]["reason"]
    quarantine = requests.get(shop.base + "/quarantine", headers=shop.tenant.headers(admin=True),
                              timeout=HTTP_TIMEOUT).json()["events"]
    assert {q["event_id"] for q in quarantine} == {late["id"], unknown["id"]}
    with cloud_db.database.read() as conn:
        stored = conn.scalar(select(func.count()).select_from(Event)
                             .where(Event.id.in_([late["id"], unknown["id"]])))
    assert stored == 0
    assert shop.stock()["reserved_milli"] == {}


def test_a_wrong_pickup_code_from_the_till_is_rejected(shop):
    order = shop.submit(shop.order_body()).json()
    code = shop.order(order["id"])["pickup_code"]
    wrong = f"{(int(code) + 7) % 1_000_000:06d}"
    results = _push(shop, [_move_event(shop, 1, order["id"], "accepted"),
                           _move_event(shop, 2, order["id"], "picking"),
                           _move_event(shop, 3, order["id"], "ready"),
                           _move_event(shop, 4, order["id"], "picked_up", pickup_code=wrong)])
    assert [r["status"] for r in results] == ["accepted"] * 3 + ["rejected"]
    assert shop.order(order["id"])["status"] == "ready"
    assert shop.stock()["reserved_milli"] == {"D0001": 2000}
