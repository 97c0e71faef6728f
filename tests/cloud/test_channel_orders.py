"""Channel orders in the cloud: idempotent submission, the state machine, stock reservations."""
import threading

import pytest
import requests

from tests.cloud.channel_helpers import make_shop
from tests.cloud.harness import HTTP_TIMEOUT, make_tenant


@pytest.fixture
def shop(cloud_db, tenant):
    return make_shop(cloud_db.database, tenant)


def _accepted_order(shop, **body):
    order = shop.submit(shop.order_body(**body)).json()
    assert shop.move(order["id"], "accepted", actor="1001").status_code == 200
    return order


def test_an_order_is_created_once_per_external_id(shop):
    body = shop.order_body("WX-1001", lines=[("D0001", 2000), ("S0001", 1000)])
    first = shop.submit(body)
    assert first.status_code == 201, first.text
    order = first.json()
    assert order["status"] == "new" and order["goods_fen"] == 700 + 790
    assert [line["name"] for line in order["lines"]] == ["可口可乐 330ml罐装", "乐事 原味薯片 70g"]
    assert order["pickup_code"] is None  # the customer sees it only when the order is ready
    again = shop.submit(body)
    assert again.status_code == 200 and again.json()["id"] == order["id"]
    listed = shop.tenant.base_url + "/api/v1/admin/channel-orders"
    orders = requests.get(listed, headers=shop.tenant.headers(admin=True), timeout=HTTP_TIMEOUT).json()
    assert [o["external_id"] for o in orders["orders"]] == ["WX-1001"]


def test_a_member_is_found_by_phone_or_created(shop):
    first = shop.submit(shop.order_body(phone="13900000001")).json()
    second = shop.submit(shop.order_body(phone="13900000001")).json()
    other = shop.submit(shop.order_body(phone="13900000002")).json()
    assert first["member"]["id"] == second["member"]["id"] != other["member"]["id"]
    by_id = shop.submit(shop.order_body(member={"id": first["member"]["id"]})).json()
    assert by_id["member"]["phone"] == "13900000001"
    unknown = shop.submit(shop.order_body(member={"id": "no-such-member"}))
    assert unknown.status_code == 422 and "phone" in unknown.json()["detail"]


@pytest.mark.parametrize("change, words", [
    (lambda b: b.update(paid_fen=700.0), "paid_fen"),
    (lambda b: b["lines"][0].update(unit_price_fen=3.5), "unit_price_fen"),
    (lambda b: b.update(paid_fen=1), "does not match"),
    (lambda b: b["lines"][0].update(sku="NOPE"), "unknown or inactive SKU"),
    (lambda b: b.update(store="ELSEWHERE"), "not a store of this merchant"),
    (lambda b: b.update(fulfilment="teleport"), "fulfilment"),
])
def test_invalid_orders_are_refused_with_a_reason(shop, change, words):
    body = shop.order_body()
    change(body)
    answer = shop.submit(body)
    assert answer.status_code == 422
    assert words in answer.text


def test_only_a_channel_token_of_that_channel_submits(shop):
    body = shop.order_body()
    as_till = requests.post(shop.base + "/channel/orders", json=body,
                            headers=shop.tenant.headers(), timeout=HTTP_TIMEOUT)
    assert as_till.status_code == 403
    wrong_channel = shop.submit({**body, "channel": "online_mall"})
    assert wrong_channel.status_code == 403 and "mini_program" in wrong_channel.text
    nobody = requests.post(shop.base + "/channel/orders", json=body, timeout=HTTP_TIMEOUT,
                           headers={"Authorization": "Bearer mc_forged"})
    assert nobody.status_code == 401


def test_illegal_transitions_are_refused_with_409(shop):
    order = shop.submit(shop.order_body()).json()
    skip = shop.move(order["id"], "ready")
    assert skip.status_code == 409
    assert "is new and cannot become ready" in skip.json()["detail"]
    assert shop.move(order["id"], "picking", as_channel=True).status_code == 403
    assert shop.move(order["id"], "cancelled", as_channel=True, reason="买错了").status_code == 200
    reopened = shop.move(order["id"], "accepted")
    assert reopened.status_code == 409 and "closed" in reopened.json()["detail"]
    assert shop.order(order["id"])["status"] == "cancelled"


def test_reservation_then_pickup_moves_the_stock(shop):
    order = shop.submit(shop.order_body(lines=[("D0001", 2000), ("S0001", 1000)])).json()
    assert shop.stock()["reserved_milli"] == {}
    assert shop.move(order["id"], "accepted", actor="1001").status_code == 200
    stock = shop.stock()
    assert stock["reserved_milli"] == {"D0001": 2000, "S0001": 1000}
    assert stock["available_milli"] == {"D0001": 8000, "S0001": 9000}
    assert stock["on_hand_milli"] == {"D0001": 10_000, "S0001": 10_000}
    shop.move(order["id"], "picking")
    ready = shop.move(order["id"], "ready").json()
    code = ready["pickup_code"]
    assert len(code) == 6 and code.isdigit()
    wrong = shop.move(order["id"], "picked_up", pickup_code=f"{(int(code) + 1) % 1_000_000:06d}")
    assert wrong.status_code == 409 and "pickup code" in wrong.json()["detail"]
    assert shop.move(order["id"], "picked_up", pickup_code=code).status_code == 200
    stock = shop.stock()
    assert stock["on_hand_milli"] == {"D0001": 8000, "S0001": 9000}
    assert stock["reserved_milli"] == {}
    assert stock["available_milli"] == {"D0001": 8000, "S0001": 9000}
    done = shop.move(order["id"], "completed").json()
    assert [(h["from_status"], h["to_status"]) for h in done["history"]] == [
        ("", "new"), ("new", "accepted"), ("accepted", "picking"), ("picking", "ready"),
        ("ready", "picked_up"), ("picked_up", "completed")]
    assert done["history"][1]["actor"] == "1001" and done["history"][1]["actor_kind"] == "terminal"


def test_cancelling_an_accepted_order_releases_the_reservation(shop):
    order = _accepted_order(shop, lines=[("D0001", 3000)])
    assert shop.stock()["reserved_milli"] == {"D0001": 3000}
    cancelled = shop.move(order["id"], "cancelled", reason="缺货").json()
    assert cancelled["reason"] == "缺货"
    stock = shop.stock()
    assert stock["reserved_milli"] == {} and stock["on_hand_milli"]["D0001"] == 10_000


def test_a_shipment_needs_a_carrier_and_moves_the_stock(shop):
    order = _accepted_order(shop, fulfilment="ship", address="上海市徐汇区", delivery_fen=800)
    shop.move(order["id"], "picking")
    shop.move(order["id"], "ready")
    assert shop.move(order["id"], "picked_up", pickup_code="000000").status_code == 409
    assert shop.move(order["id"], "shipped").status_code == 409
    shipped = shop.move(order["id"], "shipped", carrier="顺丰", tracking_no="SF123").json()
    assert (shipped["carrier"], shipped["tracking_no"], shipped["paid_fen"]) == ("顺丰", "SF123",
                                                                                 1500)
    assert shop.stock()["on_hand_milli"]["D0001"] == 8000
    assert shop.move(order["id"], "refunded", as_channel=True).json()["status"] == "refunded"


def test_pickup_codes_are_unique_among_open_orders_of_the_store(shop):
    codes = {shop.submit(shop.order_body()).json()["id"] for _ in range(30)}
    pickup = {shop.order(order_id)["pickup_code"] for order_id in codes}
    assert len(pickup) == 30


def test_another_stores_terminal_cannot_move_the_order(cloud_db, cloud_server, shop):
    order = shop.submit(shop.order_body()).json()
    neighbour = make_tenant(cloud_db.database, cloud_server.base_url,
                            merchant=shop.tenant.merchant, terminal="T02")
    answer = requests.post(f"{shop.base}/channel/orders/{order['id']}/transitions",
                           json={"to": "accepted"}, headers=neighbour.headers(), timeout=HTTP_TIMEOUT)
    assert answer.status_code == 403 and "another store" in answer.json()["detail"]
    stranger = make_tenant(cloud_db.database, cloud_server.base_url)
    answer = requests.post(f"{shop.base}/channel/orders/{order['id']}/transitions",
                           json={"to": "accepted"}, headers=stranger.headers(), timeout=HTTP_TIMEOUT)
    assert answer.status_code == 404


def test_the_same_order_sent_from_four_threads_at_once_is_one_order(shop):
    body = shop.order_body("WX-RACE", phone="13700000009")
    answers, start = [], threading.Barrier(4)

    def send():
        start.wait(10)
        answers.append(shop.submit(body))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert sorted(a.status_code for a in answers) == [200, 200, 200, 201]
    assert len({a.json()["id"] for a in answers}) == 1
