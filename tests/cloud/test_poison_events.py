"""A poison event (a number beyond 64 bits, a NUL character) is quarantined alone with a
reason a manager can read; the good events of its batch go through (issue 7). Runs on
SQLite and, with MON_TEST_PG_URL, on PostgreSQL, where both used to fail the batch."""
from __future__ import annotations

import json

import pytest
import requests

from tests.cloud import till_events as te
from tests.cloud.harness import HTTP_TIMEOUT, sale_event

TOO_BIG = 2**63  # one past the largest BIGINT


def _push(tenant, events) -> dict:
    answer = requests.post(tenant.base_url + "/api/v1/events", headers=tenant.headers(),
                           json={"events": events}, timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    return answer.json()


def _stock(tenant) -> dict:
    return requests.get(f"{tenant.base_url}/api/v1/stores/{tenant.store}/stock",
                        headers=tenant.headers(), timeout=HTTP_TIMEOUT).json()["on_hand_milli"]


def _quarantine(tenant) -> dict[str, dict]:
    answer = requests.get(tenant.base_url + "/api/v1/quarantine",
                          headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    return {row["event_id"]: row for row in answer.json()["events"]}


def _sale_with(tenant, seq: int, change) -> dict:
    event = sale_event(tenant, seq, [("P0001", 1000)])
    change(event)
    return event


def _poisons(tenant) -> list[tuple[dict, str]]:
    """(event, words its reason must hold), one poison of each kind."""
    def line(**values):
        return lambda e: e["payload"]["lines"][0].update(values)
    member_id = te.new_id()
    huge_points = te.event(tenant, 7, "member.points_moved", te.points(member_id, TOO_BIG))
    return [
        (_sale_with(tenant, 2, lambda e: e.update(seq=TOO_BIG)), "seq"),
        (_sale_with(tenant, 3, line(amount_fen=TOO_BIG)), "lines.0.amount_fen"),
        (_sale_with(tenant, 4, line(quantity_milli=-TOO_BIG - 5)), "lines.0.quantity_milli"),
        (_sale_with(tenant, 5, line(name="可乐\x00")), "NUL"),
        # a field the cloud does not read is stored with the event all the same
        (_sale_with(tenant, 6, lambda e: e["payload"].update(note="\x00")), "NUL"),
        (huge_points, "points"),
        (_sale_with(tenant, 8, lambda e: e["payload"].update(
            total_fen=float("inf"))), "not finite"),
        # year 1 an hour east of UTC is year 0 in UTC: no database column holds it
        (_sale_with(tenant, 11, lambda e: e["payload"].update(
            completed_at="0001-01-01T00:30:00+01:00")), "completed_at"),
        (_sale_with(tenant, 12, lambda e: e.update(
            created_at="9999-12-31T23:30:00-01:00")), "created_at"),
    ]


def test_one_poison_event_among_good_ones_is_quarantined_alone(tenant):
    poisons = _poisons(tenant)
    good = [sale_event(tenant, seq, [("D0001", 1000)]) for seq in (1, 9, 10)]
    batch = [good[0], *[event for event, _ in poisons], *good[1:]]
    # requests refuses to encode infinity as JSON: send the body as Python's encoder would
    body = json.dumps({"events": batch}, allow_nan=True)
    answer = requests.post(tenant.base_url + "/api/v1/events", data=body,
                           headers={**tenant.headers(), "Content-Type": "application/json"},
                           timeout=HTTP_TIMEOUT)
    assert answer.status_code == 200, answer.text
    results = answer.json()["results"]
    assert [r["status"] for r in results] == (
        ["accepted"] + ["rejected"] * len(poisons) + ["accepted"] * 2)
    for result, (event, words) in zip(results[1:], poisons):
        assert result["reason"].startswith("malformed ") and words in result["reason"], \
            result
    assert _stock(tenant) == {"D0001": -3000}  # the good sales, and only those
    quarantined = _quarantine(tenant)
    for event, words in poisons:
        row = quarantined[event["id"]]
        assert words in row["reason"] and row["kind"] == event["kind"]


def test_the_batch_after_a_poison_event_is_taken_as_usual(tenant):
    poison = _sale_with(tenant, 1, lambda e: e["payload"]["lines"][0].update(
        sku_code="D\x000001"))
    assert _push(tenant, [poison])["rejected"] == 1
    answer = _push(tenant, [sale_event(tenant, 2, [("D0001", 2000)]), poison])
    assert [r["status"] for r in answer["results"]] == ["accepted", "rejected"]
    assert _stock(tenant) == {"D0001": -2000}
    assert len([k for k in _quarantine(tenant) if k == poison["id"]]) == 1  # quarantined once


@pytest.mark.parametrize("field, value", [
    ("tax_rate_bp", 10001), ("line_no", 2**31), ("unit_price_fen", 2**64)])
def test_numbers_out_of_their_range_are_refused_with_the_field_named(tenant, field, value):
    event = _sale_with(tenant, 1, lambda e: e["payload"]["lines"][0].update({field: value}))
    [result] = _push(tenant, [event])["results"]
    assert result["status"] == "rejected" and field in result["reason"], result


def test_the_largest_64_bit_numbers_still_fit(cloud_db, tenant):
    """The bound is exactly what the columns hold: 2**63 - 1 is stored, not refused."""
    member_id = te.new_id()
    events = [te.event(tenant, 1, "member.created", te.member(member_id, phone="13900000001")),
              te.event(tenant, 2, "member.points_moved", te.points(member_id, 2**63 - 1)),
              te.event(tenant, 3, "member.points_moved", te.points(member_id, -(2**63 - 1)))]
    answer = _push(tenant, events)
    assert answer["accepted"] == 3, answer
    member = requests.get(f"{tenant.base_url}/api/v1/admin/members/{member_id}",
                          headers=tenant.headers(admin=True), timeout=HTTP_TIMEOUT).json()
    assert member["points"] == 0
