"""Head-office reports (issue 10) over till events pushed through the ingest endpoint and
channel orders moved through the channel API, every figure checked against hand sums.

The merchant has stores A and B, salespeople A1 (enrolled at A) and B1 (at B).
Period P is yesterday..tomorrow (local), so channel orders placed now fall inside;
the previous period of equal length holds one sale at B and one new member.

  S1 at A: 2 cola 700 + 1 chips 790 = 1490, cash 1000 + wechat 490, member m1, A1
           (commission 21 + 24)
  S2 at A: 1 cola 350, cash (500 tendered, 150 change), member m3, nobody credited
  R1 at A: chips of S1 back, 790: wechat 490 (still pending) + cash 300; A1 loses 790 / 24
  S3 at B: 4 cola 1400 + 1.234 kg weighed 1234 = 2634, alipay, member m2, B1 (42 + 37)
  S4 at B: previous period, 2 cola 700 cash
  O1 mini_program at A, share code of B1: 3 cola 1050, picked up
  O2 online_mall at B: 1 chips 790, shipped
  O3 mini_program at A, share code of B1: cancelled (counts nowhere)
  m1 recruited by A1 at A, m2 by B1 at B (now); m3 at A three days ago, nobody's;
  O1's customer (13800138000, new to the merchant) becomes a member at A, nobody's
"""
from __future__ import annotations

import csv
import io
import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

import pytest
import requests

from cloud.reports_common import BUSINESS_TZ
from tests.cloud import till_events as te
from tests.cloud.channel_helpers import Shop, make_shop
from tests.cloud.harness import HTTP_TIMEOUT, Tenant, make_tenant

COLA, CHIPS, WEIGHED = "D0001", "S0001", "W0001"


@dataclass
class World:
    a: Tenant
    b: Tenant
    other: Tenant  # another merchant
    period: dict[str, str]
    previous: dict[str, str]
    a1: str
    b1: str


def _push(tenant: Tenant, events: list[dict]) -> None:
    answer = requests.post(tenant.base_url + "/api/v1/events", headers=tenant.headers(),
                           json={"events": events}, timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    assert [r["status"] for r in answer.json()["results"]] == ["accepted"] * len(events), \
        answer.text


def _event(tenant: Tenant, seq: int, kind: str, payload: dict, at: datetime) -> dict:
    return {**te.event(tenant, seq, kind, payload), "created_at": at.isoformat()}


def _sale(tenant: Tenant, day: date, at: datetime, lines: list[tuple[str, int, int]],
          tenders: list[tuple[str, int, int]], member_id: str | None = None,
          salesperson_id: str | None = None) -> dict:
    """sale.completed payload as checkout_rows.sale_payload writes it; lines are
    (sku, milli, amount), tenders (tender, amount, tendered); every line is credited
    to ``salesperson_id``."""
    total = sum(amount for _, _, amount in lines)
    assert sum(amount for _, amount, _ in tenders) == total
    return {
        "sale_id": te.new_id(), "receipt_no": f"{tenant.store}-{uuid.uuid4().hex[:6]}",
        "store": tenant.store, "terminal": tenant.terminal, "business_date": day.isoformat(),
        "cashier_id": te.new_id(), "completed_at": at.isoformat(), "subtotal_fen": total,
        "discount_fen": 0, "rounding_fen": 0, "total_fen": total, "tax_fen": 0,
        "paid_fen": sum(t for _, _, t in tenders), "change_fen": sum(t - a for _, a, t in tenders),
        "member_id": member_id, "salesperson_id": salesperson_id,
        "lines": [{"line_no": i, "product_id": te.new_id(), "sku_code": sku, "barcode": "",
                   "name": sku, "unit_price_fen": amount * 1000 // qty, "quantity_milli": qty,
                   "amount_fen": amount, "tax_rate_bp": 1300, "tax_fen": 0,
                   "member_fen": None, "salesperson_id": salesperson_id}
                  for i, (sku, qty, amount) in enumerate(lines, start=1)],
        "payments": [{"tender": t, "amount_fen": a, "tendered_fen": given,
                      "change_fen": given - a, "reference": ""} for t, a, given in tenders]}


def _member(member_id: str, phone: str, recruiter: str | None) -> dict:
    return {**te.member(member_id, phone=phone), "recruited_by_id": recruiter}


def _store_a(world: World, today: date, now: datetime) -> None:
    a, m1, m3 = world.a, te.new_id(), te.new_id()
    s1 = _sale(a, today, now, [(COLA, 2000, 700), (CHIPS, 1000, 790)],
               [("cash", 1000, 1000), ("wechat", 490, 490)], member_id=m1,
               salesperson_id=world.a1)
    s2 = _sale(a, today, now, [(COLA, 1000, 350)], [("cash", 350, 500)], member_id=m3)
    cola_line, chips_line = te.new_id(), te.new_id()
    refund = te.refund(a, s1["sale_id"], [(CHIPS, 1000, 790)], [("wechat", 490), ("cash", 300)])
    refund.update(business_date=today.isoformat(), created_at=now.isoformat())
    refund["payments"][0]["status"] = "pending"
    kinds = [
        ("salesperson.enrolled", {**te.salesperson(world.a1, "A1"), "name": "李导购"}),
        ("member.created", _member(m1, "13800000001", world.a1)),
        ("sale.completed", s1),
        ("sales_credit.recorded", te.credit_recorded(
            s1["sale_id"], world.a1, [(cola_line, 700, 21), (chips_line, 790, 24)], m1)),
        ("sale.completed", s2),
        ("refund.completed", refund),
        ("sales_credit.reversed", te.credit_reversed(
            refund["refund_id"], s1["sale_id"], world.a1, [(chips_line, 790, 24)])),
    ]
    events = [_event(a, seq, kind, payload, now) for seq, (kind, payload) in enumerate(kinds, 1)]
    three_days_ago = now - timedelta(days=3)
    events.append(_event(a, len(events) + 1, "member.created",
                         _member(m3, "13800000003", None), three_days_ago))
    _push(a, events)


def _store_b(world: World, today: date, now: datetime) -> None:
    b, m2 = world.b, te.new_id()
    s3 = _sale(b, today, now, [(COLA, 4000, 1400), (WEIGHED, 1234, 1234)],
               [("alipay", 2634, 2634)], member_id=m2, salesperson_id=world.b1)
    s4 = _sale(b, today - timedelta(days=3), now - timedelta(days=3), [(COLA, 2000, 700)],
               [("cash", 700, 1000)])
    kinds = [
        ("salesperson.enrolled", {**te.salesperson(world.b1, "B1"), "name": "王导购"}),
        ("member.created", _member(m2, "13800000002", world.b1)),
        ("sale.completed", s3),
        ("sales_credit.recorded", te.credit_recorded(
            s3["sale_id"], world.b1, [(te.new_id(), 1400, 42), (te.new_id(), 1234, 37)], m2)),
        ("sale.completed", s4),
    ]
    _push(b, [_event(b, seq, kind, payload, now) for seq, (kind, payload) in enumerate(kinds, 1)])


def _fulfil(shop: Shop, order_id: str, last: str, **fields) -> None:
    for to in ("accepted", "picking", "ready"):
        assert shop.move(order_id, to).status_code == 200
    if last == "picked_up":
        fields["pickup_code"] = shop.order(order_id)["pickup_code"]
    answer = shop.move(order_id, last, **fields)
    assert answer.status_code == 200, answer.text


def _channel_orders(world: World, database) -> None:
    mini = make_shop(database, world.a, channel="mini_program")
    mall = make_shop(database, world.b, channel="online_mall")
    code = requests.post(f"{mini.base}/admin/salespeople/B1/share-codes",
                         headers=world.a.headers(admin=True), timeout=HTTP_TIMEOUT).json()["code"]
    o1 = mini.submit(mini.order_body(lines=[(COLA, 3000)], share_code=code)).json()
    _fulfil(mini, o1["id"], "picked_up")
    o2 = mall.submit(mall.order_body(lines=[(CHIPS, 1000)], fulfilment="ship",
                                     address="上海市")).json()
    _fulfil(mall, o2["id"], "shipped", carrier="SF", tracking_no="SF1")
    o3 = mini.submit(mini.order_body(lines=[(COLA, 1000)], share_code=code)).json()
    assert mini.move(o3["id"], "cancelled", reason="缺货").status_code == 200


@pytest.fixture(scope="module")
def world(cloud_db, cloud_server) -> World:
    now = datetime.now(timezone.utc)
    today = now.astimezone(BUSINESS_TZ).date()
    a = make_tenant(cloud_db.database, cloud_server.base_url)
    b = make_tenant(cloud_db.database, cloud_server.base_url, merchant=a.merchant)
    other = make_tenant(cloud_db.database, cloud_server.base_url)
    period = {"first": (today - timedelta(days=1)).isoformat(),
              "last": (today + timedelta(days=1)).isoformat()}
    previous = {"first": (today - timedelta(days=4)).isoformat(),
                "last": (today - timedelta(days=2)).isoformat()}
    w = World(a, b, other, period, previous, te.new_id(), te.new_id())
    _store_a(w, today, now)
    _store_b(w, today, now)
    _channel_orders(w, cloud_db.database)
    _push(other, [_event(other, 1, "sale.completed", _sale(
        other, today, now, [(COLA, 5000, 1750)], [("cash", 1750, 2000)]), now)])
    return w


def report(tenant: Tenant, name: str, **params) -> requests.Response:
    return requests.get(f"{tenant.base_url}/api/v1/admin/reports/{name}", params=params,
                        headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT)


def rows_of(tenant: Tenant, name: str, **params) -> dict:
    answer = report(tenant, name, **params)
    assert answer.status_code == 200, answer.text
    return answer.json()


def csv_of(tenant: Tenant, name: str, **params) -> list[dict[str, str]]:
    answer = report(tenant, name, format="csv", **params)
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(answer.text)))


def pick(rows: list[dict], *names: str) -> list[tuple]:
    return [tuple(row[n] for n in names) for row in rows]


def test_store_ranking_nets_returns_with_basket_and_member_share(world):
    body = rows_of(world.a, "stores", **world.period)
    assert pick(body["rows"], "rank", "store", "orders", "sales_fen", "returns", "returns_fen",
                "net_sales_fen", "average_basket_fen", "member_sales_fen",
                "member_share_bp") == [
        (1, world.b.store, 1, 2634, 0, 0, 2634, 2634, 2634, 10000),
        # A: 1490 + 350 sold, 790 back; 1840 / 2 orders; both sales name a member. S2's
        # member m3 has no salesperson, so no sales credit: the share used to miss it
        # (1490 / 1840 = 80.98 %) and now reads it from the sale itself.
        (2, world.a.store, 2, 1840, 1, 790, 1050, 920, 1840, 10000)]
    assert body["totals"] == dict(orders=3, sales_fen=4474, returns=1, returns_fen=790,
                                  net_sales_fen=3684, average_basket_fen=1491,
                                  member_sales_fen=4474, member_share_bp=10000)
    assert pick(csv_of(world.a, "stores", **world.period), "store", "net_sales_fen") == [
        (world.b.store, "2634"), (world.a.store, "1050")]


def test_salesperson_ranking_puts_till_credits_and_channel_orders_side_by_side(world):
    body = rows_of(world.a, "salespeople", **world.period)
    names = ("rank", "salesperson", "salesperson_name", "home_store", "net_sales_fen", "orders",
             "till_sales_fen", "till_returns_fen", "till_net_sales_fen", "till_orders",
             "returns", "commission_fen", "channel_orders", "channel_sales_fen",
             "channel_units_milli", "members_recruited", "members_served")
    assert pick(body["rows"], *names) == [
        # B1: S3 2634 at the till + O1 1050 through the mini-program (O3 was cancelled)
        (1, "B1", "王导购", world.b.store, 3684, 2, 2634, 0, 2634, 1, 0, 79, 1, 1050, 3000, 1, 1),
        # A1: S1 1490 less the chips returned 790; commission 21 + 24 - 24
        (2, "A1", "李导购", world.a.store, 700, 1, 1490, 790, 700, 1, 1, 21, 0, 0, 0, 1, 1)]
    assert [r["salesperson_id"] for r in body["rows"]] == [world.b1, world.a1]
    # units from the sale lines each is named on: S3 4 pieces + 1.234 kg; S1 2 + 1 pieces
    assert pick(body["rows"], "salesperson", "till_units_milli") == [("B1", 5234), ("A1", 3000)]
    assert body["totals"]["net_sales_fen"] == 4384 and body["totals"]["commission_fen"] == 100


def test_salesperson_ranking_per_store_credits_the_store_where_it_happened(world):
    body = rows_of(world.a, "salespeople", by="store", **world.period)
    names = ("rank", "salesperson", "net_sales_fen", "till_net_sales_fen", "channel_sales_fen",
             "members_recruited", "commission_fen")
    expected = {world.a.store: [(1, "B1", 1050, 0, 1050, 0, 0),  # O1 was fulfilled by A
                                (2, "A1", 700, 700, 0, 1, 21)],
                world.b.store: [(1, "B1", 2634, 2634, 0, 1, 79)]}
    assert [r["store"] for r in body["rows"]] == sorted(
        store for store, rows in expected.items() for _ in rows)
    for store, rows in expected.items():
        assert pick([r for r in body["rows"] if r["store"] == store], *names) == rows
    rows = csv_of(world.a, "salespeople", by="store", **world.period)
    assert list(rows[0])[:4] == ["store", "store_name", "rank", "salesperson"]
    assert sorted(pick(rows, "store", "salesperson", "commission_fen")) == sorted([
        (world.a.store, "B1", "0"), (world.a.store, "A1", "21"), (world.b.store, "B1", "79")])


def test_sales_by_channel_overall_and_per_store(world):
    body = rows_of(world.a, "channels", **world.period)
    # net 3684 + 790 + 1050 = 5524
    assert pick(body["rows"], "channel", "orders", "sales_fen", "returns_fen", "net_sales_fen",
                "share_bp") == [("store", 3, 4474, 790, 3684, 6669),
                                ("mini_program", 1, 1050, 0, 1050, 1901),
                                ("online_mall", 1, 790, 0, 790, 1430)]
    assert body["totals"] == dict(orders=5, sales_fen=6314, returns_fen=790, net_sales_fen=5524)
    by_store = rows_of(world.a, "channels", by="store", **world.period)["rows"]
    expected = {world.a.store: [("mini_program", 1050, 5000), ("store", 1050, 5000)],
                world.b.store: [("store", 2634, 7693), ("online_mall", 790, 2307)]}
    for store, rows in expected.items():
        assert pick([r for r in by_store if r["store"] == store],
                    "channel", "net_sales_fen", "share_bp") == rows


def test_sales_by_tender_reconcile_with_net_till_sales(world):
    body = rows_of(world.a, "tenders", **world.period)
    assert pick(body["rows"], "tender", "payments", "sales_fen", "refunds", "refunds_fen",
                "refunds_pending_fen", "net_fen", "share_bp") == [
        ("alipay", 1, 2634, 0, 0, 0, 2634, 7150),
        ("cash", 2, 1350, 1, 300, 0, 1050, 2850),  # the change given back is not takings
        ("wechat", 1, 490, 1, 490, 490, 0, 0)]
    assert body["totals"]["net_fen"] == 3684  # = till sales 4474 - refunds 790
    per_store = csv_of(world.a, "tenders", by="store", **world.period)
    a_rows = [(world.a.store, "cash", "1050"), (world.a.store, "wechat", "0")]
    b_rows = [(world.b.store, "alipay", "2634")]
    assert pick(per_store, "store", "tender", "net_fen") == (
        a_rows + b_rows if world.a.store < world.b.store else b_rows + a_rows)


def test_dashboard_compares_with_the_previous_period_of_equal_length(world):
    body = rows_of(world.a, "dashboard", **world.period)
    assert body["previous_period"] == world.previous
    figures = {r["figure"]: (r["value"], r["previous"], r["change"], r["change_bp"])
               for r in body["rows"]}
    assert figures["net_sales_fen"] == (5524, 700, 4824, 68914)
    assert figures["till_net_sales_fen"] == (3684, 700, 2984, 42629)
    assert figures["orders"] == (3, 1, 2, 20000)
    assert figures["average_basket_fen"] == (1491, 700, 791, 11300)
    assert figures["returns_fen"] == (790, 0, 790, None)
    # units: 2 + 1 + 1 + 4 pieces and 1.234 kg sold, 1 piece back; before: 2 pieces
    assert figures["units_milli"] == (8234, 2000, 6234, 31170)
    assert figures["member_share_bp"] == (10000, 0, 10000, None)  # S2's member counts now
    assert figures["channel_orders"][:2] == (2, 0)
    assert figures["channel_share_bp"][:2] == (3331, 0)  # 1840 / 5524
    # m1, m2 and O1's customer, whose first online order made her a member; before: m3
    assert figures["new_members"] == (3, 1, 2, 20000)
    assert figures["commission_fen"][:2] == (100, 0)
    assert figures["stores_selling"][:2] == (2, 1)
    rows = csv_of(world.a, "dashboard", **world.period)
    assert rows[0] == {"figure": "net_sales_fen", "value": "5524", "previous": "700",
                       "change": "4824", "change_bp": "68914"}


def test_another_merchant_sees_nothing_of_this_one(world):
    for name in ("stores", "salespeople", "channels", "tenders"):
        rows = rows_of(world.other, name, **world.period)["rows"]
        assert all(r.get("store", world.other.store) == world.other.store for r in rows), name
    assert pick(rows_of(world.other, "stores", **world.period)["rows"], "store", "sales_fen") == [
        (world.other.store, 1750)]
    assert rows_of(world.other, "salespeople", **world.period)["rows"] == []
    assert pick(rows_of(world.other, "channels", **world.period)["rows"], "channel",
                "net_sales_fen") == [("store", 1750)]
    assert pick(rows_of(world.other, "tenders", **world.period)["rows"], "tender", "net_fen") == [
        ("cash", 1750)]
    headline = rows_of(world.other, "dashboard", **world.period)["current"]
    assert (headline["net_sales_fen"], headline["new_members"], headline["channel_orders"]) == (
        1750, 0, 0)


@pytest.mark.parametrize("params, words", [
    ({"first": "2026-13-01", "last": "2026-12-31"}, "dates like 2026-11-25"),
    ({"first": "2026-11-25", "last": "2026-11-01"}, "last must be on or after first"),
    ({"first": "2025-01-01", "last": "2026-11-25"}, "at most 366 days"),
])
def test_periods_are_checked_with_a_sentence(world, params, words):
    for name in ("stores", "salespeople", "channels", "tenders", "dashboard", "products"):
        answer = report(world.a, name, **params)
        assert answer.status_code == 422 and words in answer.json()["detail"], (name, answer.text)


def test_reports_need_an_admin_token(world):
    for name in ("salespeople", "channels", "tenders", "dashboard"):
        answer = requests.get(f"{world.a.base_url}/api/v1/admin/reports/{name}",
                              params=world.period, headers=world.a.headers(), timeout=HTTP_TIMEOUT)
        assert answer.status_code == 403, name


def test_a_channel_code_no_salesperson_has_keeps_a_row_of_its_own(cloud_db, tenant):
    shop = make_shop(cloud_db.database, tenant, channel="social_shop")
    code = requests.post(f"{shop.base}/admin/salespeople/KOL9/share-codes",
                         headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT).json()["code"]
    order = shop.submit(shop.order_body(lines=[(CHIPS, 2000)], share_code=code)).json()
    _fulfil(shop, order["id"], "picked_up")
    today = datetime.now(timezone.utc).astimezone(BUSINESS_TZ).date()
    period = {"first": (today - timedelta(days=1)).isoformat(),
              "last": (today + timedelta(days=1)).isoformat()}
    rows = rows_of(tenant, "salespeople", **period)["rows"]
    assert pick(rows, "rank", "salesperson", "salesperson_id", "net_sales_fen", "channel_orders",
                "channel_sales_fen", "channel_units_milli", "channel_customers") == [
        (1, "KOL9", None, 1580, 1, 1580, 2000, 1)]
    assert pick(rows_of(tenant, "channels", **period)["rows"], "channel", "net_sales_fen",
                "share_bp") == [("social_shop", 1580, 10000)]
