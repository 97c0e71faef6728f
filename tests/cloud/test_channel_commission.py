"""Channel orders earn their salesperson commission under the merchant's rules (issue 9).

Rules as the tills publish them: 3 % of net sales on all goods, and 0.50 per item of
chips (S0001, the more specific rule wins). Order: 2 cola 700 + 1 chips 790 = 1490,
discount 100 spread by amount (largest remainder): cola 47, chips 53. Commission:
cola 3 % of 653 = 19.59 -> 20, chips 1 x 50 = 50; 70 in all.
"""
from datetime import datetime, timedelta, timezone

import pytest
import requests
from sqlalchemy import select

from cloud.models_channel_commission import ChannelCommission
from tests.cloud import till_events as te
from tests.cloud.channel_helpers import make_shop
from tests.cloud.harness import HTTP_TIMEOUT

EXPECTED = 70


@pytest.fixture
def shop(cloud_db, tenant):
    shop = make_shop(cloud_db.database, tenant)
    per_chip = {**te.commission_rule(te.new_id()), "name": "薯片每件", "kind": "per_item",
                "rate_bp": 0, "amount_fen": 50, "scope": "sku", "scope_ref": "S0001"}
    events = [te.event(tenant, 1, "commission_rule.changed", te.commission_rule(te.new_id())),
              te.event(tenant, 2, "commission_rule.changed", per_chip)]
    answer = requests.post(tenant.base_url + "/api/v1/events", headers=tenant.headers(),
                           json={"events": events}, timeout=HTTP_TIMEOUT)
    assert [r["status"] for r in answer.json()["results"]] == ["accepted"] * 2, answer.text
    return shop


def _order(shop) -> dict:
    code = requests.post(f"{shop.base}/admin/salespeople/S-LI/share-codes",
                         headers=shop.tenant.headers(admin=True), timeout=HTTP_TIMEOUT
                         ).json()["code"]
    body = shop.order_body(lines=[("D0001", 2000), ("S0001", 1000)], share_code=code,
                           discount_fen=100)
    answer = shop.submit(body)
    assert answer.status_code == 201, answer.text
    return answer.json()


def _move(shop, order_id: str, *states: str) -> None:
    for to in states:
        fields = {"pickup_code": shop.order(order_id)["pickup_code"]} if to == "picked_up" else {}
        answer = shop.move(order_id, to, **fields)
        assert answer.status_code == 200, answer.text


def _commission_of(shop, salesperson: str) -> int:
    today = datetime.now(timezone.utc).date()
    answer = requests.get(f"{shop.base}/admin/reports/salespeople", params={
        "first": (today - timedelta(days=1)).isoformat(),
        "last": (today + timedelta(days=1)).isoformat()},
        headers=shop.tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    [row] = [r for r in answer.json()["rows"] if r["salesperson"] == salesperson]
    return row["commission_fen"]


def _ledger(database, order_id: str) -> list[tuple]:
    with database.write() as conn:
        return sorted(conn.execute(select(
            ChannelCommission.kind, ChannelCommission.line_no, ChannelCommission.amount_fen,
            ChannelCommission.commission_fen).where(ChannelCommission.order_id == order_id)))


def test_a_fulfilled_order_credits_commission_once_and_a_refund_takes_it_back(shop, cloud_db):
    order = _order(shop)
    _move(shop, order["id"], "accepted", "picking", "ready")
    assert _ledger(cloud_db.database, order["id"]) == []  # nothing earned before hand-over
    _move(shop, order["id"], "picked_up")
    assert _ledger(cloud_db.database, order["id"]) == [("credit", 1, 653, 20),
                                                       ("credit", 2, 737, 50)]
    assert _commission_of(shop, "S-LI") == EXPECTED
    _move(shop, order["id"], "completed")  # completing does not pay a second time
    assert _commission_of(shop, "S-LI") == EXPECTED
    answer = shop.move(order["id"], "refunded", as_channel=True, reason="退货")
    assert answer.status_code == 200, answer.text
    assert _ledger(cloud_db.database, order["id"])[2:] == [("reversal", 1, -653, -20),
                                                           ("reversal", 2, -737, -50)]
    assert _commission_of(shop, "S-LI") == 0


def test_a_shipped_order_earns_commission_too(shop):
    order = _order(shop)
    _move(shop, order["id"], "accepted", "picking", "ready")
    answer = shop.move(order["id"], "cancelled", as_channel=True, reason="改主意")
    assert answer.status_code == 200
    other = _order(shop)
    shipped = shop.submit(shop.order_body(
        lines=[("S0001", 2000)], fulfilment="ship", address="上海市",
        share_code=other["share_code"])).json()
    for to in ("accepted", "picking", "ready"):
        assert shop.move(shipped["id"], to).status_code == 200
    assert shop.move(shipped["id"], "shipped", carrier="SF", tracking_no="SF1").status_code == 200
    # cancelled earns nothing, `other` is still new: only 2 chips x 50
    assert _commission_of(shop, "S-LI") == 100


def test_an_order_from_a_known_phone_makes_no_new_member(shop, cloud_db):
    from cloud.models_ledgers import CloudMember
    member_id = te.new_id()
    events = [te.event(shop.tenant, 3, "member.created",
                       te.member(member_id, phone="13800138000"))]
    answer = requests.post(shop.tenant.base_url + "/api/v1/events",
                           headers=shop.tenant.headers(), json={"events": events},
                           timeout=HTTP_TIMEOUT)
    assert answer.json()["results"][0]["status"] == "accepted", answer.text
    assert shop.submit(shop.order_body(phone="+8613800138000")).status_code == 201
    assert shop.submit(shop.order_body(phone="13700137000")).status_code == 201
    with cloud_db.database.write() as conn:
        phones = sorted(conn.execute(select(CloudMember.phone, CloudMember.level_code).where(
            CloudMember.merchant_id == shop.tenant.merchant_id)))
    assert phones == [("13700137000", "MEMBER"), ("13800138000", "MEMBER")]
